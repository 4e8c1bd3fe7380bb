/**
 * Mistake review on a spaced-repetition schedule (FSRS, through ts-fsrs): a question answered wrongly becomes a
 * card due again soon; answering it right pushes its next review further out, wrong brings it back.
 */
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import type { ReviewCards, StoredCard } from './review-cards';

// One learning step: a wrong answer brings the question back in ten minutes, later the same day, and a right one
// moves it to another day. ts-fsrs's default steps (1 and 10 minutes) would keep a question answered right "due
// today" until it was answered right twice more.
const scheduler = fsrs({
  request_retention: 0.9,
  enable_fuzz: false,
  learning_steps: ['10m'],
  relearning_steps: ['10m'],
});

function toCard(stored: StoredCard): Card {
  return {
    ...stored,
    due: new Date(stored.due),
    ...(stored.last_review ? { last_review: new Date(stored.last_review) } : {}),
  } as Card;
}

function toStored(card: Card): StoredCard {
  const { due, last_review, ...rest } = card;
  return {
    ...rest,
    due: due.toISOString(),
    ...(last_review ? { last_review: new Date(last_review).toISOString() } : {}),
  };
}

/**
 * Records an answer. A wrong answer creates the question's card or sends it back to the start; a right answer
 * moves an existing card on. Questions never missed get no card.
 */
export function recordAnswer(review: ReviewCards, questionId: string, correct: boolean, now: Date): ReviewCards {
  const existing = review.cards[questionId];
  if (!existing && correct) return review;
  const card = existing ? toCard(existing) : createEmptyCard(now);
  const next = scheduler.next(card, now, correct ? Rating.Good : Rating.Again).card;
  return { ...review, cards: { ...review.cards, [questionId]: toStored(next) } };
}

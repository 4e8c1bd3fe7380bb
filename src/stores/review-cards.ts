/** Mistake-review cards, kept in localStorage, versioned and repaired when damaged. */
import { decodeReviewCards, emptyReviewCards, encodeReviewCards } from '../lib/quiz/review-cards';
import { versionedAtom } from './versioned';
import { plural } from '../lib/plural';

export const REVIEW_KEY = 'aif-c01:review-cards';

export const reviewCards = versionedAtom({
  key: REVIEW_KEY,
  what: 'mistake review',
  empty: emptyReviewCards,
  decode: decodeReviewCards,
  encode: encodeReviewCards,
  describe: ({ cards }) => {
    const count = Object.keys(cards).length;
    return `${plural(count, 'question')} to review`;
  },
});

/** Feeds answers into the schedule. The scheduler loads on first use, so quiz pages start without it. */
export async function recordReviews(outcomes: readonly { questionId: string; correct: boolean }[], now = new Date()) {
  const { recordAnswer } = await import('../lib/quiz/review-schedule');
  let cards = reviewCards.get();
  for (const { questionId, correct } of outcomes) cards = recordAnswer(cards, questionId, correct, now);
  reviewCards.set(cards);
}

/** Everything the learner has saved, as one: backups read it whole, and an import replaces it whole or not at all. */
import type { LearnerData } from '../lib/backup';
import type { WriteOutcome } from '../lib/stored-data';
import { conversation } from './conversation';
import { progress } from './progress';
import { quizHistory } from './quiz-history';
import { reviewCards } from './review-cards';
import { change, setTogether } from './versioned';

export function learnerData(): LearnerData {
  return {
    progress: progress.get(),
    history: quizHistory.get(),
    cards: reviewCards.get(),
    conversation: conversation.get(),
  };
}

/** Replaces every part, or, when the browser will not save them all, none: what is saved stays as it was. */
export function replaceLearnerData(data: LearnerData): WriteOutcome {
  return setTogether([
    change(progress, data.progress),
    change(quizHistory, data.history),
    change(reviewCards, data.cards),
    change(conversation, data.conversation),
  ]);
}

/** Everything the learner has saved, as one: backups read it whole, and an import replaces it whole or not at all. */
import type { LearnerData } from '../lib/backup';
import type { WriteOutcome } from '../lib/stored-data';
import { conversation } from './conversation';
import { progress } from './progress';
import { quizHistory } from './quiz-history';
import { reviewCards } from './review-cards';
import { pageStorage } from './storage';
import type { VersionedAtom } from './versioned';

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

/** One store and the value it is to take, for `setTogether`. */
interface StoreChange {
  key: string;
  encoded: string;
  apply: () => void;
}

function change<T>(store: VersionedAtom<T>, value: T): StoreChange {
  return { key: store.key, encoded: store.encode(value), apply: () => store.set(value) };
}

/** Sets several stores at once: all of them when the browser saves every new value, none of them otherwise. */
function setTogether(changes: readonly StoreChange[]): WriteOutcome {
  const saved = pageStorage.writeTogether(changes.map(({ key, encoded }) => [key, encoded]));
  if (saved === 'ok') for (const { apply } of changes) apply();
  return saved;
}

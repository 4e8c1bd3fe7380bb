/** Quiz attempts, kept in localStorage, versioned and repaired when damaged. */
import { decodeHistory, emptyHistory, encodeHistory, updateAttempt, type Attempt } from '../lib/quiz/history';
import { versionedAtom } from './versioned';
import { plural } from '../lib/plural';

export const HISTORY_KEY = 'aif-c01:quiz-history';

export const quizHistory = versionedAtom({
  key: HISTORY_KEY,
  what: 'quiz history',
  empty: emptyHistory,
  decode: decodeHistory,
  encode: encodeHistory,
  describe: ({ attempts }) => `${plural(attempts.length, 'quiz attempt')}`,
});

export function changeAttempt(id: string, change: (attempt: Attempt) => Attempt) {
  quizHistory.set(updateAttempt(quizHistory.get(), id, change));
}

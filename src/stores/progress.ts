/** Reading progress, kept in localStorage, versioned and repaired when damaged. */
import { decodeProgress, emptyProgress, encodeProgress, recordVisit, setCompleted } from '../lib/progress';
import { versionedAtom } from './versioned';
import { plural } from '../lib/plural';

export const PROGRESS_KEY = 'aif-c01:progress';

export const progress = versionedAtom({
  key: PROGRESS_KEY,
  what: 'progress',
  empty: emptyProgress,
  decode: decodeProgress,
  encode: encodeProgress,
  describe: ({ completed }) => {
    const count = Object.keys(completed).length;
    return `${plural(count, 'completed lesson')}`;
  },
});

export function markLesson(lessonId: string, done: boolean) {
  progress.set(setCompleted(progress.get(), lessonId, done, new Date()));
}

export function visitLesson(lessonId: string) {
  progress.set(recordVisit(progress.get(), lessonId, new Date()));
}

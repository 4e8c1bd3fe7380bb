/** Reading progress, kept in localStorage through the safe storage engine. */
import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { storageEngine } from './storage';
import {
  decodeProgress,
  emptyProgress,
  encodeProgress,
  recordVisit,
  setCompleted,
  type Progress,
  type ProgressProblem,
} from '../lib/progress';

export const PROGRESS_KEY = 'aif-c01:progress';
/** Where damaged progress is copied before it is repaired, so nothing is erased silently. */
export const PROGRESS_BACKUP_KEY = 'aif-c01:progress:damaged-copy';

export const progress = persistentAtom<Progress>(PROGRESS_KEY, emptyProgress(), {
  encode: encodeProgress,
  decode: (raw) => decodeProgress(raw).progress,
});

/** Set when stored progress had to be repaired on this page load. */
export const progressRepair = atom<{ problem: ProgressProblem; dropped: number; kept: number } | null>(null);

function repairStoredProgress() {
  const raw = storageEngine[PROGRESS_KEY];
  if (raw === undefined) return;
  const decoded = decodeProgress(raw);
  if (!decoded.problem) return;
  storageEngine[PROGRESS_BACKUP_KEY] = raw;
  progress.set(decoded.progress);
  progressRepair.set({
    problem: decoded.problem,
    dropped: decoded.dropped,
    kept: Object.keys(decoded.progress.completed).length,
  });
}
repairStoredProgress();

export function markLesson(lessonId: string, done: boolean) {
  progress.set(setCompleted(progress.get(), lessonId, done, new Date()));
}

export function visitLesson(lessonId: string) {
  progress.set(recordVisit(progress.get(), lessonId, new Date()));
}

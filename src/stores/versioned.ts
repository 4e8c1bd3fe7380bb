/**
 * A persistent store for versioned data that may be damaged: stored data is decoded (keeping what is valid),
 * and when it had to be repaired the original is copied aside and the repair is listed in `dataRepairs`, so the
 * page can tell the learner. Nothing is erased silently.
 */
import { atom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { storageEngine } from './storage';
import type { Decoded, StoredProblem } from '../lib/stored-data';

export interface DataRepair {
  /** What the data is, for the learner: "progress", "quiz history". */
  what: string;
  problem: StoredProblem;
  dropped: number;
  /** What was kept, in words: "3 completed lessons". */
  kept: string;
  /** Where the original was copied. */
  backupKey: string;
}

export const dataRepairs = atom<DataRepair[]>([]);

export function versionedAtom<T>(options: {
  key: string;
  what: string;
  empty: () => T;
  decode: (raw: string) => Decoded<T>;
  encode: (value: T) => string;
  describe: (value: T) => string;
}) {
  const store = persistentAtom<T>(options.key, options.empty(), {
    encode: options.encode,
    decode: (raw) => options.decode(raw).value,
  });
  const raw = storageEngine[options.key];
  const decoded = raw === undefined ? undefined : options.decode(raw);
  if (raw !== undefined && decoded?.problem) {
    const backupKey = `${options.key}:damaged-copy`;
    storageEngine[backupKey] = raw;
    store.set(decoded.value);
    dataRepairs.set([
      ...dataRepairs.get(),
      {
        what: options.what,
        problem: decoded.problem,
        dropped: decoded.dropped,
        kept: options.describe(decoded.value),
        backupKey,
      },
    ]);
  }
  return store;
}

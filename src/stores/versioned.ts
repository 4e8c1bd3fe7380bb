/**
 * A persistent store for versioned data that may be damaged: stored data is decoded (keeping what is valid), and
 * when it had to be repaired the original is copied aside and the repair is listed in `dataRepairs`, so the page can
 * tell the learner. When the browser refuses the copy, the original is left untouched and this page keeps its
 * changes in memory. Nothing is erased silently.
 */
import { atom, type WritableAtom } from 'nanostores';
import { persistentAtom } from '@nanostores/persistent';
import { pageStorage } from './storage';
import type { DataRepair, Decoded } from '../lib/stored-data';

export const dataRepairs = atom<DataRepair[]>([]);

/** A store whose value is kept under `key` in the browser, written as `encode` gives it. */
export type VersionedAtom<T> = WritableAtom<T> & { readonly key: string; readonly encode: (value: T) => string };

export function versionedAtom<T>(options: {
  key: string;
  what: string;
  empty: () => T;
  decode: (raw: string) => Decoded<T>;
  encode: (value: T) => string;
  describe: (value: T) => string;
}): VersionedAtom<T> {
  const store = persistentAtom<T>(options.key, options.empty(), {
    encode: options.encode,
    decode: (raw) => options.decode(raw).value,
  });
  const raw = pageStorage.engine[options.key];
  const decoded = raw === undefined ? undefined : options.decode(raw);
  if (raw !== undefined && decoded?.problem) {
    const copiedTo = `${options.key}:damaged-copy`;
    const copy = pageStorage.writeTogether([[copiedTo, raw]]);
    // Without a copy, the stored original is the only one left: it must not be written over.
    if (copy !== 'ok') pageStorage.keepInMemory(options.key);
    store.set(decoded.value);
    dataRepairs.set([
      ...dataRepairs.get(),
      {
        what: options.what,
        problem: decoded.problem,
        dropped: decoded.dropped,
        kept: options.describe(decoded.value),
        original: copy === 'ok' ? { copiedTo } : { leftInPlace: copy },
      },
    ]);
  }
  return Object.assign(store, { key: options.key, encode: options.encode });
}

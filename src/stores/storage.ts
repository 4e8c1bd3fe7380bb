/**
 * The page's localStorage, wrapped so that it never throws: when the browser refuses to store (private mode, quota
 * full, storage disabled) values are kept in memory for this page and `storageHealth` says so, so the page can tell
 * the learner their progress is not being saved. Values that must be saved together, or not at all, are written
 * with `writeTogether`.
 */
import { atom } from 'nanostores';
import { setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';
import type { StorageHealth, WriteOutcome } from '../lib/stored-data';

export const storageHealth = atom<StorageHealth>('ok');

function isQuotaError(error: unknown) {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/**
 * Opens localStorage if this browser lets the page use it. A full one is opened too, since what it holds can still
 * be read; an empty one with no room at all is as good as none (private browsing in some browsers).
 */
export function openLocalStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    const probe = '__aif-c01-probe__';
    try {
      storage.setItem(probe, probe);
    } catch (error) {
      if (isQuotaError(error) && storage.length > 0) return storage;
      throw error;
    }
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

export interface PageStorage {
  /** The key/value object @nanostores/persistent reads and writes. */
  engine: Record<string, string>;
  /**
   * Writes every entry, or none: when the browser refuses one, the entries written before it get their old values
   * back. Nothing is kept in memory instead, so the page can say that nothing changed.
   */
  writeTogether: (entries: readonly (readonly [key: string, value: string])[]) => WriteOutcome;
  /** From now on, this page's changes to the key stay in memory and what is stored under it is left untouched. */
  keepInMemory: (key: string) => void;
}

/** Wraps a Storage (or none) for the page; `report` hears whether the engine's writes are being saved. */
export function createPageStorage(storage: Storage | undefined, report: (health: StorageHealth) => void): PageStorage {
  // Values not in storage: refused by the browser, or kept in memory on purpose. They win over stored ones.
  const unsaved = new Map<string, string>();
  const inMemoryOnly = new Set<string>();
  const stored = (key: string) => {
    try {
      return storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };
  if (!storage) report('unavailable');

  const engine = new Proxy<Record<string, string>>(
    {},
    {
      get: (_, key) => (typeof key === 'string' ? (unsaved.get(key) ?? stored(key)) : undefined),
      has: (_, key) => typeof key === 'string' && (unsaved.has(key) || stored(key) !== undefined),
      set: (_, key, value) => {
        if (typeof key !== 'string') return true;
        unsaved.set(key, String(value));
        if (!storage || inMemoryOnly.has(key)) return true;
        try {
          storage.setItem(key, String(value));
          unsaved.delete(key);
          report('ok');
        } catch (error) {
          report(isQuotaError(error) ? 'full' : 'unavailable');
        }
        return true;
      },
      deleteProperty: (_, key) => {
        if (typeof key === 'string') {
          unsaved.delete(key);
          if (inMemoryOnly.has(key)) return true;
          try {
            storage?.removeItem(key);
          } catch {
            // Nothing was stored that could be removed.
          }
        }
        return true;
      },
    },
  );

  const writeTogether: PageStorage['writeTogether'] = (entries) => {
    if (!storage) return 'unavailable';
    if (entries.some(([key]) => inMemoryOnly.has(key))) return 'held';
    const replaced: [key: string, value: string | null][] = [];
    try {
      for (const [key, value] of entries) {
        const previous = storage.getItem(key);
        storage.setItem(key, value);
        replaced.push([key, previous]);
      }
    } catch (error) {
      // Each key goes back to a value that fitted before, so putting it back needs no more room than there was.
      for (const [key, value] of replaced.reverse()) {
        if (value === null) storage.removeItem(key);
        else storage.setItem(key, value);
      }
      return isQuotaError(error) ? 'full' : 'unavailable';
    }
    for (const [key] of entries) unsaved.delete(key);
    return 'ok';
  };

  return { engine, writeTogether, keepInMemory: (key) => void inMemoryOnly.add(key) };
}

export const pageStorage = createPageStorage(typeof window === 'undefined' ? undefined : openLocalStorage(), (health) =>
  storageHealth.set(health),
);

if (typeof window !== 'undefined') setPersistentEngine(pageStorage.engine, windowPersistentEvents);

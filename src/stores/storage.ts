/**
 * A storage engine for @nanostores/persistent that never throws: when the browser refuses to store
 * (private mode, quota full, storage disabled) values are kept in memory for this page and `storageHealth`
 * says so, so the page can tell the learner their progress is not being saved.
 */
import { atom } from 'nanostores';
import { setPersistentEngine, windowPersistentEvents } from '@nanostores/persistent';

export type StorageHealth = 'ok' | 'full' | 'unavailable';

export const storageHealth = atom<StorageHealth>('ok');

function isQuotaError(error: unknown) {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/** Opens localStorage if this browser lets the page write to it. */
export function openLocalStorage(): Storage | undefined {
  try {
    const storage = globalThis.localStorage;
    const probe = '__aif-c01-probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return undefined;
  }
}

/** Wraps a Storage (or none) in the key/value object shape @nanostores/persistent writes to. */
export function createSafeEngine(
  storage: Storage | undefined,
  report: (health: StorageHealth) => void,
): Record<string, string> {
  // Values the browser refused to store; they win over stored ones until a later write succeeds.
  const unsaved = new Map<string, string>();
  const stored = (key: string) => {
    try {
      return storage?.getItem(key) ?? undefined;
    } catch {
      return undefined;
    }
  };
  if (!storage) report('unavailable');

  return new Proxy<Record<string, string>>(
    {},
    {
      get: (_, key) => (typeof key === 'string' ? (unsaved.get(key) ?? stored(key)) : undefined),
      has: (_, key) => typeof key === 'string' && (unsaved.has(key) || stored(key) !== undefined),
      set: (_, key, value) => {
        if (typeof key !== 'string') return true;
        unsaved.set(key, String(value));
        if (!storage) return true;
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
}

export const storageEngine = createSafeEngine(
  typeof window === 'undefined' ? undefined : openLocalStorage(),
  (health) => storageHealth.set(health),
);

if (typeof window !== 'undefined') setPersistentEngine(storageEngine, windowPersistentEvents);

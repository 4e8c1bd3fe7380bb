/**
 * Parts of an island that most visits never show (a running quiz, results, the sampler's own-prompt mode) load
 * when first wanted, so the page's first download stays small.
 */
import { useEffect, useState } from 'preact/hooks';

/** A loader that fetches a module once, however often it is called; a failed fetch is tried again next time. */
export function lazyModule<T>(importer: () => Promise<T>) {
  let pending: Promise<T> | undefined;
  return () =>
    (pending ??= importer().catch((error: unknown) => {
      pending = undefined;
      throw new Error('Part of this page could not be loaded: check your connection.', { cause: error });
    }));
}

/** Starts a load ahead of need (the learner reaching for a button); a failure stays quiet, as the real use retries. */
export const preloader = (load: () => Promise<unknown>) => () => void load().catch(() => undefined);

/** The module once `wanted` has been true and it has loaded; a failure is passed to `onError`. */
export function useLazyModule<T>(load: () => Promise<T>, wanted: boolean, onError: (error: Error) => void) {
  const [loaded, setLoaded] = useState<T>();
  useEffect(() => {
    if (wanted && !loaded) load().then((module) => setLoaded(() => module), onError);
  }, [wanted]);
  return loaded;
}

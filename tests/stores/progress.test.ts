import { afterEach, describe, expect, it, vi } from 'vitest';

const KEY = 'aif-c01:progress';
const BACKUP = 'aif-c01:progress:damaged-copy';
const AT = '2026-11-20T10:00:00.000Z';

/** Loads the store modules fresh, as a page load does, over the given localStorage contents. */
async function loadPage(saved: Record<string, string>, options: { quotaFull?: boolean } = {}) {
  const items = new Map(Object.entries(saved));
  let writes = 0;
  const localStorage = {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      // The availability probe is let through; the quota fills up for real data.
      if (options.quotaFull && !key.startsWith('__')) throw new DOMException('full', 'QuotaExceededError');
      writes += 1;
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
  vi.stubGlobal('localStorage', localStorage);
  vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
  vi.resetModules();
  const store = await import('../../src/stores/progress');
  const { storageHealth } = await import('../../src/stores/storage');
  const { dataRepairs } = await import('../../src/stores/versioned');
  return { store, storageHealth, dataRepairs, items, writes: () => writes };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('progress store', () => {
  it('starts empty and saves completions across page loads', async () => {
    const first = await loadPage({});
    expect(first.store.progress.get().completed).toEqual({});
    first.store.markLesson('what-is-genai/generative-ai-basics', true);

    const second = await loadPage(Object.fromEntries(first.items));
    expect(Object.keys(second.store.progress.get().completed)).toEqual(['what-is-genai/generative-ai-basics']);
    expect(second.dataRepairs.get()).toEqual([]);
  });

  it('repairs damaged progress, keeps what is valid and copies the original aside', async () => {
    const damaged = JSON.stringify({ version: 1, completed: { 'a/b': AT, 'c/d': 'garbage' }, lastVisited: null });
    const page = await loadPage({ [KEY]: damaged });
    expect(page.store.progress.get().completed).toEqual({ 'a/b': AT });
    expect(page.dataRepairs.get()).toEqual([
      { what: 'progress', problem: 'partly-invalid', dropped: 1, kept: '1 completed lesson', backupKey: BACKUP },
    ]);
    expect(page.items.get(BACKUP)).toBe(damaged);
    expect(JSON.parse(page.items.get(KEY) ?? '')).toEqual({ version: 1, completed: { 'a/b': AT }, lastVisited: null });
  });

  it('survives data that is not JSON at all', async () => {
    const page = await loadPage({ [KEY]: '{{{ not json' });
    expect(page.store.progress.get().completed).toEqual({});
    expect(page.dataRepairs.get()[0]?.problem).toBe('unreadable');
    expect(page.items.get(BACKUP)).toBe('{{{ not json');
  });

  it('keeps working in memory and says so when storage is full', async () => {
    const page = await loadPage({}, { quotaFull: true });
    page.store.markLesson('a/b', true);
    expect(Object.keys(page.store.progress.get().completed)).toEqual(['a/b']);
    expect(page.storageHealth.get()).toBe('full');
    // Only the availability probe reached storage; the failed write did not throw.
    expect(page.writes()).toBe(1);
  });
});

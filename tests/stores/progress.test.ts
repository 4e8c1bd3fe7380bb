import { afterEach, describe, expect, it, vi } from 'vitest';
import { FakeStorage, openPage } from './fake-storage';
import type { DataRepair } from '../../src/lib/stored-data';

const KEY = 'aif-c01:progress';
const BACKUP = 'aif-c01:progress:damaged-copy';
const AT = '2026-11-20T10:00:00.000Z';
/** Room for the check that storage works (a short probe item), not for anything the course saves. */
const ROOM_FOR_PROBE_ONLY = 40;

/** Loads the store modules fresh, as a page load does, over the given localStorage. */
async function loadPage(storage: FakeStorage) {
  openPage(storage);
  const store = await import('../../src/stores/progress');
  const { storageHealth } = await import('../../src/stores/storage');
  const { dataRepairs } = await import('../../src/stores/versioned');
  return { store, storageHealth, dataRepairs, items: storage.items };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('progress store', () => {
  it('starts empty and saves completions across page loads', async () => {
    const first = await loadPage(new FakeStorage());
    expect(first.store.progress.get().completed).toEqual({});
    first.store.markLesson('what-is-genai/generative-ai-basics', true);

    const second = await loadPage(new FakeStorage(Object.fromEntries(first.items)));
    expect(Object.keys(second.store.progress.get().completed)).toEqual(['what-is-genai/generative-ai-basics']);
    expect(second.dataRepairs.get()).toEqual([]);
  });

  const damaged = JSON.stringify({ version: 1, completed: { 'a/b': AT, 'c/d': 'garbage' }, lastVisited: null });
  /** The repair of `damaged` the page reports, with what became of the original. */
  const repairOfDamaged = (original: DataRepair['original']) => [
    { what: 'progress', problem: 'partly-invalid', dropped: 1, kept: '1 completed lesson', original },
  ];

  it('repairs damaged progress, keeps what is valid and copies the original aside', async () => {
    const page = await loadPage(new FakeStorage({ [KEY]: damaged }));
    expect(page.store.progress.get().completed).toEqual({ 'a/b': AT });
    expect(page.dataRepairs.get()).toEqual(repairOfDamaged({ copiedTo: BACKUP }));
    expect(page.items.get(BACKUP)).toBe(damaged);
    expect(JSON.parse(page.items.get(KEY) ?? '')).toEqual({ version: 1, completed: { 'a/b': AT }, lastVisited: null });
  });

  it('leaves damaged progress untouched when there is no room for a copy, and keeps changes in memory', async () => {
    const storage = new FakeStorage({ [KEY]: damaged });
    storage.fill(ROOM_FOR_PROBE_ONLY);
    const page = await loadPage(storage);
    expect(page.store.progress.get().completed).toEqual({ 'a/b': AT });
    expect(page.dataRepairs.get()).toEqual(repairOfDamaged({ leftInPlace: 'full' }));

    page.store.markLesson('e/f', true);
    expect(Object.keys(page.store.progress.get().completed)).toEqual(['a/b', 'e/f']);
    // A shorter repaired value would fit over the original: it must still not be written.
    storage.quota = Infinity;
    page.store.markLesson('g/h', true);
    expect(Object.fromEntries(page.items)).toEqual({ [KEY]: damaged });
  });

  it('survives data that is not JSON at all', async () => {
    const page = await loadPage(new FakeStorage({ [KEY]: '{{{ not json' }));
    expect(page.store.progress.get().completed).toEqual({});
    expect(page.dataRepairs.get()[0]?.problem).toBe('unreadable');
    expect(page.items.get(BACKUP)).toBe('{{{ not json');
  });

  it('keeps working in memory and says so when storage is full', async () => {
    const storage = new FakeStorage();
    storage.fill(ROOM_FOR_PROBE_ONLY);
    const page = await loadPage(storage);
    page.store.markLesson('a/b', true);
    expect(Object.keys(page.store.progress.get().completed)).toEqual(['a/b']);
    expect(page.storageHealth.get()).toBe('full');
    expect(page.items.size).toBe(0);
  });

  it('reads saved progress from a storage so full that not even the probe fits', async () => {
    const saved = JSON.stringify({ version: 1, completed: { 'a/b': AT }, lastVisited: null });
    const storage = new FakeStorage({ [KEY]: saved });
    storage.fill(0);
    const page = await loadPage(storage);
    expect(page.store.progress.get().completed).toEqual({ 'a/b': AT });
    page.store.markLesson('c/d', true);
    expect(page.storageHealth.get()).toBe('full');
    expect(page.items.get(KEY)).toBe(saved);
  });
});

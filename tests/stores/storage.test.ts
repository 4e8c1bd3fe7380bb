import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StorageHealth } from '../../src/lib/stored-data';
import { createPageStorage, openLocalStorage } from '../../src/stores/storage';
import { FakeStorage } from './fake-storage';

function setup(storage: Storage | undefined) {
  const reports: StorageHealth[] = [];
  return { ...createPageStorage(storage, (health) => reports.push(health)), reports };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createPageStorage', () => {
  it('reads and writes through to the browser storage', () => {
    const storage = new FakeStorage({ kept: 'from before' });
    const { engine, reports } = setup(storage);
    expect(engine.kept).toBe('from before');
    engine.fresh = 'value';
    expect(storage.getItem('fresh')).toBe('value');
    expect('fresh' in engine).toBe(true);
    delete engine.fresh;
    expect('fresh' in engine).toBe(false);
    expect(reports).toEqual(['ok']);
  });

  it('keeps a value the full storage refused, reports it, and saves it once space is back', () => {
    const storage = new FakeStorage({ progress: 'old' });
    const { engine, reports } = setup(storage);
    storage.fill(0);
    engine.progress = 'longer than old';
    expect(engine.progress).toBe('longer than old');
    expect(storage.getItem('progress')).toBe('old');
    expect(reports).toEqual(['full']);

    storage.quota = Infinity;
    engine.progress = 'newer';
    expect(storage.getItem('progress')).toBe('newer');
    expect(reports).toEqual(['full', 'ok']);
  });

  it('reports other refusals as unavailable', () => {
    const storage = new FakeStorage();
    const { engine, reports } = setup(storage);
    storage.refuse = new DOMException('denied', 'SecurityError');
    engine.key = 'value';
    expect(reports).toEqual(['unavailable']);
    expect(engine.key).toBe('value');
  });

  it('works from memory alone when there is no storage at all', () => {
    const { engine, reports, writeTogether } = setup(undefined);
    expect(reports).toEqual(['unavailable']);
    expect(engine.anything).toBeUndefined();
    engine.anything = 'kept for this page';
    expect(engine.anything).toBe('kept for this page');
    expect(writeTogether([['anything', 'else']])).toBe('unavailable');
  });
});

describe('writeTogether', () => {
  it('writes every entry when all fit', () => {
    const storage = new FakeStorage({ a: 'old a' });
    const { engine, writeTogether } = setup(storage);
    expect(
      writeTogether([
        ['a', 'new a'],
        ['b', 'new b'],
      ]),
    ).toBe('ok');
    expect(Object.fromEntries(storage.items)).toEqual({ a: 'new a', b: 'new b' });
    expect(engine.b).toBe('new b');
  });

  it('writes nothing when one entry does not fit: earlier entries get their old values back', () => {
    const storage = new FakeStorage({ a: 'old a', c: 'old c' });
    const { writeTogether, reports } = setup(storage);
    storage.fill(20);
    expect(
      writeTogether([
        ['a', 'a longer new value'],
        ['b', 'b'],
        ['c', 'far too long to fit in what is left'],
      ]),
    ).toBe('full');
    expect(Object.fromEntries(storage.items)).toEqual({ a: 'old a', c: 'old c' });
    // Storage keeps working for what fitted before, so the page is not told it is full.
    expect(reports).toEqual([]);
  });

  it('writes nothing when the browser refuses for another reason', () => {
    const storage = new FakeStorage({ a: 'old a' });
    const { writeTogether } = setup(storage);
    storage.refuse = new DOMException('denied', 'SecurityError');
    expect(writeTogether([['a', 'new a']])).toBe('unavailable');
    expect(storage.getItem('a')).toBe('old a');
  });
});

describe('keepInMemory', () => {
  it('leaves the stored value of a key untouched while the page changes it in memory', () => {
    const storage = new FakeStorage({ damaged: 'original', other: 'x' });
    const { engine, keepInMemory, writeTogether, reports } = setup(storage);
    keepInMemory('damaged');
    engine.damaged = 'repaired';
    expect(engine.damaged).toBe('repaired');
    delete engine.damaged;
    expect(storage.getItem('damaged')).toBe('original');
    expect(
      writeTogether([
        ['other', 'y'],
        ['damaged', 'imported'],
      ]),
    ).toBe('held');
    expect(Object.fromEntries(storage.items)).toEqual({ damaged: 'original', other: 'x' });
    expect(reports).toEqual([]);
  });
});

describe('openLocalStorage', () => {
  it('opens a full storage too, so what it holds can still be read', () => {
    const storage = new FakeStorage({ progress: 'saved' });
    storage.fill(0);
    vi.stubGlobal('localStorage', storage);
    expect(openLocalStorage()?.getItem('progress')).toBe('saved');
  });

  it('gives nothing when an empty storage has no room at all, as in private browsing in some browsers', () => {
    const storage = new FakeStorage();
    storage.fill(0);
    vi.stubGlobal('localStorage', storage);
    expect(openLocalStorage()).toBeUndefined();
  });

  it('gives nothing when the browser blocks storage', () => {
    const storage = new FakeStorage();
    storage.refuse = new DOMException('denied', 'SecurityError');
    vi.stubGlobal('localStorage', storage);
    expect(openLocalStorage()).toBeUndefined();
  });
});

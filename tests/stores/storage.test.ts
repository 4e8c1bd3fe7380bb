import { describe, expect, it } from 'vitest';
import { createSafeEngine, type StorageHealth } from '../../src/stores/storage';

/** A Storage that can be told to refuse writes, as a full or blocked browser storage does. */
class FakeStorage implements Storage {
  items = new Map<string, string>();
  refuse: DOMException | undefined;
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    if (this.refuse) throw this.refuse;
    this.items.set(key, value);
  }
}

function setup(storage: Storage | undefined) {
  const reports: StorageHealth[] = [];
  return { engine: createSafeEngine(storage, (health) => reports.push(health)), reports };
}

describe('createSafeEngine', () => {
  it('reads and writes through to the browser storage', () => {
    const storage = new FakeStorage();
    storage.items.set('kept', 'from before');
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
    const storage = new FakeStorage();
    storage.items.set('progress', 'old');
    const { engine, reports } = setup(storage);
    storage.refuse = new DOMException('quota', 'QuotaExceededError');
    engine.progress = 'new';
    expect(engine.progress).toBe('new');
    expect(storage.getItem('progress')).toBe('old');
    expect(reports).toEqual(['full']);

    storage.refuse = undefined;
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
    const { engine, reports } = setup(undefined);
    expect(reports).toEqual(['unavailable']);
    expect(engine.anything).toBeUndefined();
    engine.anything = 'kept for this page';
    expect(engine.anything).toBe('kept for this page');
  });
});

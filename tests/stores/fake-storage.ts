/**
 * A localStorage for the store tests that can run out of room as a browser's does: `quota` caps the characters of
 * all keys and values together (Chromium allows 5,242,880), and `refuse` makes every write throw.
 */
import { vi } from 'vitest';

export class FakeStorage implements Storage {
  items: Map<string, string>;
  quota = Infinity;
  refuse: DOMException | undefined;

  constructor(saved: Record<string, string> = {}) {
    this.items = new Map(Object.entries(saved));
  }
  get length() {
    return this.items.size;
  }
  /** Characters in use, counted as Chromium counts them: every key and value. */
  get used() {
    let total = 0;
    for (const [key, value] of this.items) total += key.length + value.length;
    return total;
  }
  /** Leaves room for exactly `free` more characters. */
  fill(free = 0) {
    this.quota = this.used + free;
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
    const replaced = this.items.has(key) ? key.length + (this.items.get(key) ?? '').length : 0;
    if (this.used - replaced + key.length + value.length > this.quota) {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    this.items.set(key, value);
  }
}

/** Starts a fresh page over `storage`, as a page load does: the stores imported next load anew and read it. */
export function openPage(storage: FakeStorage) {
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('window', { addEventListener() {}, removeEventListener() {} });
  vi.resetModules();
}

/** Browser storage as learners have it: real localStorage filled to its quota. */
import { expect, type Page } from '@playwright/test';

/** The item that takes up the room; removing it frees the storage again. */
export const FILLER_KEY = 'filler-from-another-page';

/**
 * Fills this origin's localStorage to the last character with one item, as a learner's storage is when it is full:
 * the largest filler that fits is found by trying, since browsers count their quota differently.
 */
export async function fillStorage(page: Page) {
  const full = await page.evaluate((key) => {
    let fits = 0;
    let tooBig = 20_000_000;
    while (tooBig - fits > 1) {
      const size = Math.floor((fits + tooBig) / 2);
      try {
        localStorage.setItem(key, 'x'.repeat(size));
        fits = size;
      } catch {
        tooBig = size;
      }
    }
    localStorage.setItem(key, 'x'.repeat(fits));
    try {
      localStorage.setItem('one-more', 'x');
      return false;
    } catch (error) {
      return error instanceof DOMException && error.name === 'QuotaExceededError';
    }
  }, FILLER_KEY);
  expect(full, 'localStorage refuses one more character').toBe(true);
}

export async function freeStorage(page: Page) {
  await page.evaluate((key) => localStorage.removeItem(key), FILLER_KEY);
}

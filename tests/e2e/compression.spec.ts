/** What a learner downloads: the built server sends pages and the question bank compressed (Brotli in Chromium). */
import { expect, test } from '@playwright/test';

test('the mock exam page and its question bank arrive compressed, a fraction of their size', async ({ page }) => {
  const bank = page.waitForResponse('**/question-bank.json');
  await page.goto('/mock-exam/');
  expect((await bank).ok()).toBe(true);
  await expect(page.getByRole('button', { name: 'Start the mock exam' })).toBeEnabled();

  const { transferred, decoded } = await page.evaluate(() => {
    const entries = [
      ...performance.getEntriesByType('navigation'),
      ...performance.getEntriesByType('resource'),
    ] as PerformanceResourceTiming[];
    return {
      transferred: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
      decoded: entries.reduce((sum, entry) => sum + entry.decodedBodySize, 0),
    };
  });
  // About 500 KB of page, scripts, styles and questions; about 120 KB over the wire.
  expect(decoded).toBeGreaterThan(400_000);
  expect(transferred).toBeLessThan(decoded / 3);
});

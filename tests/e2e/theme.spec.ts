import { expect, test } from '@playwright/test';
import { LESSON_1 } from './fixtures';

const theme = (page: import('@playwright/test').Page) => page.evaluate(() => document.documentElement.dataset.theme);

test('follows the system theme until the learner picks one', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  expect(await theme(page)).toBe('dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => theme(page)).toBe('light');
});

test('a chosen theme persists across reloads and pages, applied before first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByLabel('Theme').selectOption('dark');
  expect(await theme(page)).toBe('dark');

  // Record the theme at the first moment the body exists, before any module script has run.
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') {
        (window as unknown as { firstTheme?: string }).firstTheme ??= document.documentElement.dataset.theme ?? 'none';
      }
    });
  });
  await page.goto(LESSON_1.path);
  expect(await page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme)).toBe('dark');
  await expect(page.getByLabel('Theme')).toHaveValue('dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(20, 19, 26)');

  await page.getByLabel('Theme').selectOption('auto');
  await page.reload();
  expect(await theme(page)).toBe('light');
});

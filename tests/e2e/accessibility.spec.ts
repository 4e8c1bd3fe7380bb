import { expect, test } from '@playwright/test';
import { axeViolations as violations } from './axe';
import { LESSON_1 } from './fixtures';

const pages = [
  { name: 'home', path: '/' },
  { name: 'lesson', path: LESSON_1.path },
  { name: 'section overview', path: '/learn/what-is-genai/' },
  { name: 'glossary', path: '/glossary/' },
  { name: 'exam overview', path: '/exam/' },
  { name: 'cheat sheet', path: '/cheat-sheets/what-is-genai/' },
  { name: 'section quiz', path: '/quiz/what-is-genai/' },
  { name: 'mock exam', path: '/mock-exam/' },
  { name: 'mistake review', path: '/review/' },
  { name: 'your data', path: '/your-data/' },
  { name: '404', path: '/no-such-page/' },
];

for (const colorScheme of ['light', 'dark'] as const) {
  for (const { name, path } of pages) {
    test(`${name} page has no WCAG 2.2 AA violation in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(path);
      expect(await violations(page)).toEqual([]);
    });
  }
}

test('open search dialog, key term and mobile menu have no WCAG 2.2 AA violation', async ({ page }) => {
  // Three full axe runs in one test.
  test.slow();
  await page.goto(LESSON_1.path);
  await page.locator('.key-term__trigger').first().click();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.getByLabel('Search lessons').fill('model');
  await expect(page.getByRole('dialog').getByRole('link').first()).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.setViewportSize({ width: 360, height: 740 });
  await page.getByRole('button', { name: 'Course menu' }).click();
  expect(await violations(page)).toEqual([]);
});

test('a cheat sheet prints without the site chrome', async ({ page }) => {
  await page.goto('/cheat-sheets/what-is-genai/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Course' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

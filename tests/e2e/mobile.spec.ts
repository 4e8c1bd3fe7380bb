import { expect, test } from '@playwright/test';
import { LESSON_1, LESSON_2 } from './fixtures';

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test('at 360 px the course menu opens, navigates and closes; nothing scrolls sideways', async ({ page }) => {
  await page.goto(LESSON_1.path);
  const nav = page.getByRole('navigation', { name: 'Course' });
  const menu = page.getByRole('button', { name: 'Course menu' });
  await expect(nav).toBeHidden();
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await expect(nav).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(nav).toBeHidden();
  await expect(menu).toBeFocused();

  await menu.click();
  await nav.getByRole('link', { name: LESSON_2.title }).click();
  await expect(page).toHaveURL(LESSON_2.path);
  await expect(nav).toBeHidden();
});

test('at 360 px the home page and a lesson fit the screen', async ({ page }) => {
  for (const path of ['/', LESSON_1.path, LESSON_2.path, '/glossary/']) {
    await page.goto(path);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
  }
  await expect(page.getByRole('button', { name: 'Search' })).toBeVisible();
});

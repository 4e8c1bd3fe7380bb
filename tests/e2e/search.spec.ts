import { expect, test } from '@playwright/test';
import { LESSON_2 } from './fixtures';

test('"/" opens search, which finds a lesson by a word in its body', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Search lessons')).toBeFocused();

  // "slippery" appears only in the body of the lesson on non-determinism, not in any title.
  await page.keyboard.type('slippery');
  const result = dialog.getByRole('link', { name: new RegExp(LESSON_2.title) });
  await expect(result).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('1 lesson found.');
  await expect(result.locator('mark').first()).toHaveText(/slippery/i);

  await page.keyboard.press('ArrowDown');
  await expect(result).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(LESSON_2.path);
});

test('search says so when nothing matches, and closes with Escape', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await dialog.getByLabel('Search lessons').fill('xylophonequartz');
  await expect(dialog.getByRole('status')).toHaveText('No lesson mentions "xylophonequartz".');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

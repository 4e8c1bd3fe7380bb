import { expect, test } from '@playwright/test';
import { LESSON_2 } from './fixtures';

test('"/" opens search, which finds a lesson by a word in its body', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Search lessons')).toBeFocused();

  // "slippery" is in the body of the lesson on non-determinism (and a few others), not in any title.
  await page.keyboard.type('slippery');
  const result = dialog.getByRole('link', { name: new RegExp(LESSON_2.title) });
  await expect(result).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ lessons? found\.$/);
  await expect(result.locator('mark').first()).toHaveText(/slippery/i);

  // Arrow keys move from the field through the results; Enter follows the focused one.
  await page.keyboard.press('ArrowDown');
  const links = dialog.getByRole('link');
  await expect(links.first()).toBeFocused();
  const target = (await links.first().getAttribute('href')) ?? '';
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(target);
});

test('search says so when nothing matches, and closes with Escape', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Search' }).click();
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await dialog.getByLabel('Search lessons').fill('zqxjvkw');
  await expect(dialog.getByRole('status')).toHaveText('No lesson mentions "zqxjvkw".');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('search snippets read as sentences: no glossary definitions glued to terms, no code', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await dialog.getByLabel('Search lessons').fill('temperature');
  await expect(dialog.getByRole('status')).toHaveText(/^\d+ lessons? found\.$/);
  const snippets = await dialog.locator('.search-results a > span').allTextContents();
  expect(snippets.length).toBeGreaterThan(2);
  for (const snippet of snippets) {
    // A term run into its definition ("TemperatureAn inference…"), a term repeated by its definition, or code.
    expect(snippet).not.toMatch(/[a-z](?:A|An|The|It|In|This|When)\s/);
    expect(snippet).not.toMatch(/\b(\w+) \1\b/i);
    expect(snippet).not.toMatch(/[{}]|=>|console\.log/);
  }
});

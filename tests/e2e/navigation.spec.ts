import { expect, test } from '@playwright/test';
import { LESSON_1, LESSON_2 } from './fixtures';

test('the sidebar leads from the home page to a lesson and marks it as current', async ({ page }) => {
  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Course' });
  await nav.getByRole('link', { name: LESSON_2.title }).click();
  await expect(page).toHaveURL(LESSON_2.path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_2.title);
  await expect(nav.getByRole('link', { name: LESSON_2.title })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: LESSON_1.title })).not.toHaveAttribute('aria-current', 'page');
});

test('previous and next links walk through the lessons in order', async ({ page }) => {
  await page.goto(LESSON_1.path);
  const pager = page.getByRole('navigation', { name: 'Previous and next lesson' });
  await expect(pager.getByRole('link', { name: /Previous/ })).toHaveCount(0);
  await pager.getByRole('link', { name: new RegExp(`Next.*${LESSON_2.title}`) }).click();
  await expect(page).toHaveURL(LESSON_2.path);
  await page
    .getByRole('navigation', { name: 'Previous and next lesson' })
    .getByRole('link', { name: /Previous/ })
    .click();
  await expect(page).toHaveURL(LESSON_1.path);
});

test('the table of contents jumps to a section of the lesson', async ({ page }) => {
  await page.goto(LESSON_1.path);
  const toc = page.getByRole('navigation', { name: 'On this page' });
  const firstEntry = toc.getByRole('link').first();
  const target = (await firstEntry.getAttribute('href')) ?? '';
  await firstEntry.click();
  await expect(page).toHaveURL(new RegExp(`${target}$`));
  await expect(page.locator(target)).toBeInViewport();
});

test('a key term shows its glossary definition from the keyboard', async ({ page }) => {
  await page.goto(LESSON_1.path);
  const term = page.locator('.key-term__trigger').first();
  await term.focus();
  await page.keyboard.press('Enter');
  const popover = page.locator('.key-term__popover:popover-open');
  await expect(popover).toBeVisible();
  await expect(popover).toContainText('Artificial intelligence');
  await page.keyboard.press('Escape');
  await expect(popover).toHaveCount(0);
});

test('the skip link moves focus to the main content', async ({ page }) => {
  await page.goto(LESSON_1.path);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

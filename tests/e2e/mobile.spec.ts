import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';
import { LESSON_1, LESSON_2 } from './fixtures';
import { dueCards, REVIEW_KEY, saved } from './quiz-data';

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

/** Every page of the build, by address, read from dist/client. */
function builtPages(folder = join(import.meta.dirname, '..', '..', 'dist', 'client'), path = '/'): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory())
      return entry.name === 'pagefind' ? [] : builtPages(join(folder, entry.name), `${path}${entry.name}/`);
    if (entry.name === 'index.html') return [path];
    return entry.name.endsWith('.html') ? [`${path}${entry.name}`] : [];
  });
}

test('at 360 px no page of the site scrolls sideways', async ({ page }) => {
  // About 65 pages, each loaded and measured.
  test.slow();
  const pages = builtPages();
  expect(pages.length).toBeGreaterThan(60);
  const tooWide: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    const overflow = await page.evaluate(() => {
      const width = document.documentElement.scrollWidth;
      if (width <= 360) return undefined;
      // The outermost element that reaches past the screen, to say where the fault is.
      const culprit = [...document.querySelectorAll<HTMLElement>('main *')].find(
        (element) => element.getBoundingClientRect().right > 361,
      );
      return `${width} px wide, past the edge: <${culprit?.tagName.toLowerCase()} class="${culprit?.className}">`;
    });
    if (overflow) tooWide.push(`${path}: ${overflow}`);
  }
  expect(tooWide).toEqual([]);
});

test('at 360 px a quiz option naming a long API field wraps instead of widening the page', async ({ page }) => {
  // bo-008's options name additionalModelRequestFields, one 28-letter word.
  await saved(page, REVIEW_KEY, dueCards(['bo-008']));
  await page.goto('/review/');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.getByText(/additionalModelRequestFields/)).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('at 360 px a wide table scrolls inside its own labelled box, by keyboard too', async ({ page }) => {
  await page.goto('/cheat-sheets/genai-concepts/');
  const box = page.getByRole('region', { name: 'Inference parameters' });
  await expect(box.getByRole('columnheader', { name: 'Converse API' })).toBeAttached();
  const scroll = () =>
    box.evaluate((element) => ({ left: element.scrollLeft, wider: element.scrollWidth > element.clientWidth }));
  expect(await scroll()).toEqual({ left: 0, wider: true });
  await box.focus();
  await expect(box).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await scroll()).left).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);
});

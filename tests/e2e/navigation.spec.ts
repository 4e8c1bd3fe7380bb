import { expect, test } from '@playwright/test';
import { axeViolations } from './axe';
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

test("a section's overview lists its lessons with this browser's progress, its quiz and its cheat sheet", async ({
  page,
}) => {
  const overview = '/learn/what-is-genai/';
  await page.goto(LESSON_1.path);
  await page.getByLabel('I have completed this lesson').check();
  // The lesson's section line leads to the overview.
  await page.getByRole('link', { name: 'Section 1: What is Generative AI' }).click();
  await expect(page).toHaveURL(overview);

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is Generative AI');
  const main = page.getByRole('main');
  await expect(main.getByText('1 of 3 lessons completed')).toBeVisible();
  await expect(main.getByRole('link', { name: `${LESSON_1.title} (completed)` })).toBeVisible();
  await expect(main.getByRole('link', { name: LESSON_2.title, exact: true })).toBeVisible();
  await expect(main.getByText('Explain why the same prompt can give different answers.')).toBeVisible();
  await expect(main.getByRole('link', { name: 'What is Generative AI quiz' })).toHaveAttribute(
    'href',
    '/quiz/what-is-genai/',
  );
  await expect(main.getByRole('link', { name: 'What is Generative AI cheat sheet' })).toHaveAttribute(
    'href',
    '/cheat-sheets/what-is-genai/',
  );

  // The sidebar marks the overview as current and still counts each lesson once.
  const nav = page.getByRole('navigation', { name: 'Course' });
  await expect(nav.getByRole('link', { name: 'Overview of What is Generative AI' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(nav.getByLabel('1 of 3 lessons completed')).toHaveText('1/3');

  await main.getByRole('link', { name: LESSON_2.title, exact: true }).click();
  await expect(page).toHaveURL(LESSON_2.path);
});

test('every section with lessons has an overview page, reached from the sidebar', async ({ page, request }) => {
  await page.goto('/');
  const overviews = page.getByRole('navigation', { name: 'Course' }).getByRole('link', { name: /^Overview of / });
  expect(await overviews.count()).toBeGreaterThanOrEqual(13);
  for (const href of await overviews.evaluateAll((links) => links.map((link) => link.getAttribute('href')))) {
    expect(href).toMatch(/^\/learn\/[a-z-]+\/$/);
    expect((await request.get(href ?? '')).status(), href ?? '').toBe(200);
  }
});

test('the glossary filters its terms as you type and jumps by letter', async ({ page }) => {
  await page.goto('/glossary/');
  const filter = page.getByRole('searchbox', { name: 'Filter the terms' });
  const status = page.getByRole('status').filter({ hasText: /term/ });
  const letters = page.getByRole('navigation', { name: 'Terms by letter' });
  const term = (name: string) => page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) });
  const total = await page.getByRole('term').count();
  expect(total).toBeGreaterThan(150);

  await filter.fill('temp');
  await expect(status).toHaveText(new RegExp(`^\\d+ of ${total} terms match\\.$`));
  await expect(term('Temperature')).toBeVisible();
  await expect(term('Amazon Bedrock')).toBeHidden();
  await expect(filter).toBeFocused();
  // Letters with no match leave the index.
  await expect(letters.getByRole('link', { name: 'T', exact: true })).toBeVisible();
  await expect(letters.getByRole('link', { name: 'B', exact: true })).toBeHidden();
  expect(await axeViolations(page)).toEqual([]);

  await filter.fill('zzzz');
  await expect(status).toHaveText('No term matches "zzzz".');
  await expect(page.getByRole('term')).toHaveCount(0);

  await filter.fill('');
  await expect(page.getByRole('term')).toHaveCount(total);
  await letters.getByRole('link', { name: 'M', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'M', exact: true })).toBeInViewport();
  await page.getByRole('link', { name: 'Back to the letters' }).nth(10).click();
  await expect(letters).toBeInViewport();

  // A link to one term shows it, even when a filter hides it.
  await filter.fill('temp');
  await page.evaluate(() => (location.hash = 'amazon-bedrock'));
  await expect(term('Amazon Bedrock')).toBeInViewport();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the glossary shows every term, and its letters still jump', async ({ page }) => {
    await page.goto('/glossary/');
    await expect(page.getByRole('searchbox', { name: 'Filter the terms' })).toBeHidden();
    await expect(page.getByRole('term')).not.toHaveCount(0);
    await expect(page.getByRole('term').last()).toBeVisible();
    await page
      .getByRole('navigation', { name: 'Terms by letter' })
      .getByRole('link', { name: 'T', exact: true })
      .click();
    await expect(page).toHaveURL(/#letter-T$/);
    await expect(page.getByRole('heading', { name: 'T', exact: true })).toBeInViewport();
  });
});

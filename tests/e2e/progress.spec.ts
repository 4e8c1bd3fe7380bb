import { expect, test } from '@playwright/test';
import { LESSON_1, LESSON_2, PROGRESS_KEY } from './fixtures';
import { fillStorage, freeStorage } from './storage';

test('completing a lesson persists across reloads and shows in the sidebar and on the home page', async ({ page }) => {
  await page.goto(LESSON_1.path);
  const box = page.getByRole('checkbox', { name: 'I have completed this lesson' });
  await expect(box).not.toBeChecked();
  await box.check();

  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'I have completed this lesson' })).toBeChecked();
  const nav = page.getByRole('navigation', { name: 'Course' });
  await expect(nav.getByRole('link', { name: `${LESSON_1.title} (completed)` })).toBeVisible();
  await expect(nav.getByLabel(/^1 of \d+ lessons completed$/)).toBeVisible();

  await page.goto('/');
  await expect(page.getByText(/^1 of \d+ lessons completed$/).first()).toBeVisible();
  const next = page.getByRole('link', { name: 'Continue where you left off' });
  await expect(next).toHaveAttribute('href', LESSON_2.path);
  await expect(page.getByText(`Next up: ${LESSON_2.title}`)).toBeVisible();
});

test('unticking a lesson marks it unfinished again', async ({ page }) => {
  await page.goto(LESSON_2.path);
  const box = page.getByRole('checkbox', { name: 'I have completed this lesson' });
  await box.check();
  await box.uncheck();
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'I have completed this lesson' })).not.toBeChecked();
});

test('the home page offers to continue the last lesson opened', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Start the course' })).toHaveAttribute('href', LESSON_1.path);
  await page.goto(LESSON_2.path);
  await page.goto('/');
  await expect(page.getByRole('link', { name: 'Continue where you left off' })).toHaveAttribute('href', LESSON_2.path);
});

test('damaged stored progress is repaired: valid entries kept, the learner told, the page works', async ({ page }) => {
  const damaged = JSON.stringify({
    version: 1,
    completed: { 'what-is-genai/generative-ai-basics': '2026-11-20T10:00:00.000Z', 'what-is-genai/x': 'garbage' },
    lastVisited: 42,
  });
  await page.addInitScript(
    ({ key, value }) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', 'yes');
      }
    },
    { key: PROGRESS_KEY, value: damaged },
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(LESSON_1.path);
  await expect(page.getByRole('status').filter({ hasText: 'Your saved progress was damaged' })).toContainText(
    'We kept 1 completed lesson; 2 unreadable entries were left out.',
  );
  await expect(page.getByRole('checkbox', { name: 'I have completed this lesson' })).toBeChecked();
  expect(await page.evaluate(() => localStorage.getItem('aif-c01:progress:damaged-copy'))).toBe(damaged);

  await page.reload();
  await expect(page.getByText('Your saved progress was damaged')).toBeHidden();
  expect(errors).toEqual([]);
});

test('damaged progress in a full storage is left as it was, and the learner is told this page saves nothing', async ({
  page,
}) => {
  // Megabytes go to and from real storage, which takes seconds on a busy machine.
  test.slow();
  const damaged = JSON.stringify({
    version: 1,
    completed: { 'what-is-genai/generative-ai-basics': '2026-11-20T10:00:00.000Z', 'what-is-genai/x': 'garbage' },
    lastVisited: 42,
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [PROGRESS_KEY, damaged] as const);
  await fillStorage(page);

  await page.goto(LESSON_2.path);
  const notice = page.getByRole('status').filter({ hasText: 'Your saved progress was damaged' });
  await expect(notice).toContainText(
    "We could read 1 completed lesson; 2 unreadable entries were left out. There is no room in this browser's " +
      'storage for a copy of the original, so it was left as it was: changes to your progress on this page will ' +
      'not be saved. Once there is room, reloading the page repairs it.',
  );
  await expect(notice).not.toContainText('A copy of the original is kept');
  const nav = page.getByRole('navigation', { name: 'Course' });
  await expect(nav.getByLabel(/^1 of \d+ lessons completed$/)).toBeVisible();
  const box = page.getByRole('checkbox', { name: 'I have completed this lesson' });
  await box.check();
  await expect(nav.getByLabel(/^2 of \d+ lessons completed$/)).toBeVisible();

  // As the notice said, the tick was not saved over the original.
  await page.reload();
  await expect(notice).toContainText('it was left as it was');
  await expect(page.getByRole('checkbox', { name: 'I have completed this lesson' })).not.toBeChecked();
  expect(await page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY)).toBe(damaged);

  // Once there is room, the next load copies the original aside and repairs it.
  await freeStorage(page);
  await page.reload();
  await expect(notice).toContainText(
    'We kept 1 completed lesson; 2 unreadable entries were left out. A copy of the original is kept in this ' +
      'browser under "aif-c01:progress:damaged-copy".',
  );
  expect(await page.evaluate((key) => localStorage.getItem(`${key}:damaged-copy`), PROGRESS_KEY)).toBe(damaged);
  expect(errors).toEqual([]);
});

test('stored progress that is not even JSON does not break the home page', async ({ page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, '{"completed": [oops'), PROGRESS_KEY);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByText('Your saved progress was damaged')).toBeVisible();
  await expect(page.getByText(/^0 of \d+ lessons completed$/).first()).toBeVisible();
  expect(errors).toEqual([]);
});

test('when the browser refuses storage, lessons still work and the learner is told progress is not saved', async ({
  page,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(LESSON_1.path);
  await expect(page.getByRole('status').filter({ hasText: 'not letting the course save' })).toBeVisible();
  const box = page.getByRole('checkbox', { name: 'I have completed this lesson' });
  await box.check();
  await expect(box).toBeChecked();
  await expect(
    page.getByRole('navigation', { name: 'Course' }).getByLabel(/^1 of \d+ lessons completed$/),
  ).toBeVisible();
  expect(errors).toEqual([]);
});

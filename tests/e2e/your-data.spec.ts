import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { axeViolations } from './axe';
import { LESSON_1, LESSON_2 } from './fixtures';

const AT = '2026-11-20T10:00:00.000Z';
const LESSON_1_ID = 'what-is-genai/generative-ai-basics';
/** A question of the course's bank. */
const QUESTION_ID = 'wig-001';

/** A backup file as the course exports it, with the given parts in place of empty ones. */
function backupFile(parts: Record<string, unknown>) {
  return JSON.stringify({
    format: 'aif-c01-course-backup',
    version: 1,
    exportedAt: AT,
    progress: { version: 1, completed: {}, lastVisited: null },
    quizHistory: { version: 1, attempts: [] },
    reviewCards: { version: 1, cards: {} },
    playground: { version: 1, turns: [] },
    ...parts,
  });
}

/** A playground prompt with the built-in model's answer, each `size` characters long. */
function turn(index: number, size: number) {
  const lane = { modelId: 'course-lm', temperature: 1, topP: 1, topK: 0, maxTokens: 40, stopSequences: [], seed: 1 };
  return {
    id: `turn-${index}`,
    at: new Date(Date.parse(AT) + index * 60_000).toISOString(),
    prompt: `Prompt ${index} `.padEnd(size, 'p'),
    system: '',
    answers: [{ lane, modelName: 'Course model', text: 'a'.repeat(size), status: 'done' }],
  };
}

async function importFile(page: Page, text: string) {
  await page
    .getByLabel('Backup file')
    .setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(text) });
}

test('export, then import into a fresh browser, restores progress, quiz history and the playground conversation', async ({
  page,
  browser,
}) => {
  await page.goto(LESSON_1.path);
  await page.getByRole('checkbox', { name: 'I have completed this lesson' }).check();
  await page.goto('/quiz/what-is-genai/');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('.quiz h2')).toHaveText(/^Question 1 of/);
  await page.goto('/playground/');
  await page.getByLabel('Your prompt').fill('Amazon Bedrock is');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await expect(page.locator('.playground__figures')).toContainText('output tokens');

  await page.goto('/your-data/');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download a backup' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^aif-c01-course-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const file = await download.path();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto('/your-data/');
  await other.getByLabel('Backup file').setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: 'Imported.' })).toHaveText(
    'Imported. This browser now has 1 completed lesson, 1 quiz attempt, 0 questions to review and 1 playground prompt.',
  );
  await other.goto(LESSON_1.path);
  await expect(other.getByRole('checkbox', { name: 'I have completed this lesson' })).toBeChecked();
  await other.goto('/quiz/what-is-genai/');
  await expect(other.locator('.quiz h2')).toHaveText(/^Question 1 of/);
  await other.goto('/playground/');
  await expect(other.getByRole('article', { name: /^Answer from Course model/ })).toContainText('output tokens');

  // Importing the same file again adds nothing.
  await other.goto('/your-data/');
  await other.getByLabel('Backup file').setInputFiles(file);
  await expect(other.getByRole('status').filter({ hasText: 'Imported.' })).toHaveText(
    'Imported. This browser now has 1 completed lesson, 1 quiz attempt, 0 questions to review and 1 playground prompt.',
  );
  expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('aif-c01-course-backup');
  await fresh.close();
});

test('a corrupt import is rejected with a reason and changes nothing', async ({ page }) => {
  await page.goto(LESSON_1.path);
  await page.getByRole('checkbox', { name: 'I have completed this lesson' }).check();
  await page.goto('/your-data/');
  const before = await page.evaluate(() => localStorage.getItem('aif-c01:progress'));
  await page.getByLabel('Backup file').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format": "aif-c01-course-backup", "version": 1, "progress": 7}'),
  });
  await expect(page.locator('[data-import-status]')).toHaveText(
    'The progress in this backup is missing or unreadable, so nothing was imported.',
  );
  await page
    .getByLabel('Backup file')
    .setInputFiles({ name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') });
  await expect(page.locator('[data-import-status]')).toHaveText('This file is not a course backup: it is not JSON.');
  expect(await page.evaluate(() => localStorage.getItem('aif-c01:progress'))).toBe(before);
});

test('a backup too large for the storage left is not imported at all, and the learner is told why', async ({
  page,
}) => {
  // Megabytes go to and from real storage, which takes seconds on a busy machine.
  test.slow();
  await page.goto(LESSON_2.path);
  await page.getByRole('checkbox', { name: 'I have completed this lesson' }).check();
  // 40 long prompts and answers: 10.5 MB, more than Chromium keeps for one site; the progress alone would fit.
  const large = backupFile({
    progress: { version: 1, completed: { [LESSON_1_ID]: AT }, lastVisited: null },
    playground: { version: 1, turns: Array.from({ length: 40 }, (_, index) => turn(index, 131_000)) },
  });
  await page.goto('/your-data/');
  await importFile(page, large);
  const status = page.locator('[data-import-status]');
  await expect(status).toHaveText(
    "Nothing was imported: this browser's storage for the course has no room for this backup (10.5 MB) on top " +
      'of what is already saved here. Everything saved here is as it was.',
  );
  await expect(page.getByRole('status').filter({ hasText: 'storage for this site is full' })).toBeHidden();

  await page.goto(LESSON_1.path);
  await expect(page.getByRole('checkbox', { name: 'I have completed this lesson' })).not.toBeChecked();
  await page.goto(LESSON_2.path);
  await expect(page.getByRole('checkbox', { name: 'I have completed this lesson' })).toBeChecked();
  await page.goto('/playground/');
  await expect(page.getByText('No messages yet: write a prompt below and send it.')).toBeVisible();

  // A backup that fits is imported as usual afterwards.
  await page.goto('/your-data/');
  await importFile(
    page,
    backupFile({
      progress: { version: 1, completed: { [LESSON_1_ID]: AT }, lastVisited: null },
      playground: { version: 1, turns: [turn(0, 40)] },
    }),
  );
  await expect(status).toHaveText(
    'Imported. This browser now has 2 completed lessons, 0 quiz attempts, 0 questions to review and 1 playground prompt.',
  );
  await page.goto('/playground/');
  await expect(page.getByText(turn(0, 40).prompt)).toBeVisible();
});

test('an import keeps only what the course knows and says what it left out', async ({ page }) => {
  // Megabytes go to and from real storage, which takes seconds on a busy machine.
  test.slow();
  const card = {
    due: '2026-01-05T10:00:00.000Z',
    stability: 0.2,
    difficulty: 6.4,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 1,
    reps: 1,
    lapses: 0,
    state: 1,
    last_review: '2026-01-05T09:59:00.000Z',
  };
  const attempt = {
    id: 'section:what-is-genai:2026-01-05T09:50:00.000Z',
    kind: 'section',
    scope: 'what-is-genai',
    seed: 1,
    questionIds: [QUESTION_ID, 'zz-999'],
    answers: {},
    checked: [],
    flagged: [],
    startedAt: '2026-01-05T09:50:00.000Z',
  };
  const text = backupFile({
    quizHistory: { version: 1, attempts: [attempt] },
    // 5 MB of a field the course does not use, and cards for questions it does not have.
    reviewCards: { version: 1, cards: { [QUESTION_ID]: { ...card, notes: 'x'.repeat(5_000_000) }, 'zz-999': card } },
    // A key JSON keeps as an ordinary one, but that would replace the prototype of an object it is copied into.
  }).replace('"zz-999":{', `"__proto__":${JSON.stringify(card)},"zz-999":{`);

  await page.goto('/your-data/');
  await importFile(page, text);
  await expect(page.locator('[data-import-status]')).toHaveText(
    'Imported. This browser now has 0 completed lessons, 0 quiz attempts, 1 question to review and 0 playground ' +
      'prompts. Skipped 2 mistake-review cards and 1 quiz attempt for questions this course does not have. ' +
      'Left out 1 field this course does not use.',
  );
  expect(await axeViolations(page)).toEqual([]);

  await page.goto('/');
  await expect(page.getByRole('link', { name: '1 question due for review today' })).toBeVisible();
  // The 5 MB were not kept: the course's saved data stays small.
  const saved = await page.evaluate(() =>
    Object.values(localStorage).reduce((total, value) => total + value.length, 0),
  );
  expect(saved).toBeLessThan(10_000);
});

import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { LESSON_1 } from './fixtures';

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
    'Imported. This browser now has 1 completed lesson, 1 quiz attempt and 1 playground prompt.',
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
    'Imported. This browser now has 1 completed lesson, 1 quiz attempt and 1 playground prompt.',
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

import { expect, test, type Page } from '@playwright/test';
import { PORTS } from './fixtures';

// The course server configured for Amazon Bedrock, with its calls going to the fake Bedrock runtime.
test.use({ baseURL: `http://127.0.0.1:${PORTS.bedrockApp}` });

const MODEL = 'Amazon Nova Micro';

async function openWithBedrock(page: Page) {
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await page.getByLabel('Model', { exact: true }).selectOption({ label: MODEL });
}

async function send(page: Page, prompt: string) {
  await page.getByLabel('Your prompt').fill(prompt);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

test('a Bedrock model streams a Markdown answer with usage, latency and cost', async ({ page }) => {
  await openWithBedrock(page);
  // Nova Micro takes top-k; the built-in model's seed is not offered for it.
  await expect(page.getByRole('slider', { name: 'Top-k' })).toBeVisible();
  await expect(page.getByLabel('Seed')).toHaveCount(0);
  await send(page, 'What is Amazon Bedrock?');

  const answer = page.getByRole('article', { name: `Answer from ${MODEL}` });
  await expect(answer.locator('.playground__markdown')).toHaveText('Hello from the fake Bedrock.');
  const figures = answer.locator('.playground__figures');
  await expect(figures).toHaveText(
    /^\d+ input \+ \d+ output tokens, first token \d+ ms, total \d+ ms, cost \$0\.0000\d+\. Ended because the model finished\.$/,
  );
  await expect(page.getByText(/^This conversation: 1 answer, .*, \$0\.0000\d+\.$/)).toBeVisible();

  // A second turn sends the first one along; the answer stays on the same model.
  await send(page, 'And its price?');
  await expect(page.getByRole('article')).toHaveCount(2);
  await expect(page.getByRole('article').nth(1).locator('.playground__figures')).toContainText('output tokens');
});

test('a Bedrock throttle shows plain advice instead of an error dump', async ({ page }) => {
  await openWithBedrock(page);
  await send(page, '[fail ThrottlingException]');
  const answer = page.getByRole('article', { name: `Answer from ${MODEL}` });
  await expect(answer.locator('.playground__error')).toContainText(
    `Amazon Bedrock is limiting requests to ${MODEL} right now.`,
  );
  await expect(answer.locator('.playground__error')).toContainText('Wait a minute and try again.');
  await expect(answer).not.toContainText('ThrottlingException');
  await expect(page.getByRole('status').filter({ hasText: 'The answer failed.' })).toBeAttached();
});

test('an error inside the stream keeps the words that arrived before it', async ({ page }) => {
  await openWithBedrock(page);
  await send(page, '[stream-fail ModelStreamErrorException]');
  const answer = page.getByRole('article', { name: `Answer from ${MODEL}` });
  await expect(answer.locator('.playground__error')).toBeVisible();
  await expect(answer.locator('.playground__plain, .playground__markdown')).not.toBeEmpty();
});

test('Stop ends a slow Bedrock answer', async ({ page }) => {
  await openWithBedrock(page);
  await send(page, '[slow]');
  const answer = page.getByRole('article', { name: `Answer from ${MODEL}` });
  await expect(answer.locator('.playground__plain, .playground__markdown')).not.toBeEmpty();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(answer.locator('.playground__figures')).toHaveText('Stopped before the end.');
});

test('compare mode sends one prompt to the built-in model and a Bedrock model', async ({ page }) => {
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await page.getByRole('radio', { name: 'Compare two answers side by side' }).check();
  await page.getByRole('group', { name: 'Side B' }).getByLabel('Model', { exact: true }).selectOption({ label: MODEL });
  await send(page, 'Amazon Bedrock is');
  await expect(page.getByRole('article', { name: 'Answer from Side A: Course model (built-in)' })).toContainText(
    'output tokens',
  );
  await expect(page.getByRole('article', { name: `Answer from Side B: ${MODEL}` })).toContainText(
    'Hello from the fake Bedrock.',
  );
});

import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { SERVER_ORIGINS } from './fixtures';

// The course server configured for Amazon Bedrock, with its calls going to the fake Bedrock runtime.
test.use({ baseURL: SERVER_ORIGINS.bedrockApp() });

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

test('a Markdown answer is formatted, a model’s HTML and script links never run, and a reload keeps it all', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await openWithBedrock(page);
  const markdown = [
    '# Choosing a model',
    '',
    '| Model | Model ID | Context window | Input per 1,000 tokens |',
    '| :-- | :-- | --: | --: |',
    '| Amazon Nova Micro | us.amazon.nova-micro-v1:0 | 128,000 | $0.000035 |',
    '',
    '```python',
    "response = client.converse(modelId='us.amazon.nova-micro-v1:0', messages=messages, inferenceConfig=config)",
    '```',
    '',
    '- **Fast** and `cheap`',
    '- <img src=x onerror="alert(1)"> <script>alert(2)</script>',
    '',
    '[AWS docs](https://docs.aws.amazon.com/bedrock/) and [a trap](javascript:alert(3))',
  ].join('\n');
  await send(page, `[echo]${markdown}`);
  const answer = page.getByRole('article', { name: `Answer from ${MODEL}` });
  const formatted = async () => {
    await expect(answer.getByRole('heading', { name: 'Choosing a model', level: 3 })).toBeVisible();
    await expect(answer.getByRole('cell', { name: '$0.000035' })).toHaveCSS('text-align', 'right');
    await expect(answer.locator('.playground__markdown strong')).toHaveText('Fast');
    await expect(answer.getByRole('link', { name: 'AWS docs' })).toHaveAttribute(
      'href',
      'https://docs.aws.amazon.com/bedrock/',
    );
    await expect(answer.getByText('a trap')).toBeVisible();
    await expect(answer.getByRole('link', { name: 'a trap' })).toHaveCount(0);
    await expect(answer).toContainText('<img src=x onerror="alert(1)"> <script>alert(2)</script>');
    await expect(answer.locator('img, script')).toHaveCount(0);
  };
  await formatted();
  await expect(answer.locator('.playground__figures')).toContainText('output tokens');
  // The wide table scrolls inside its own region, not the page.
  const table = answer.getByRole('region', { name: 'Table in the answer' });
  expect(await table.evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // So does a long line of code, which takes focus like the table.
  await expect(answer.locator('pre')).toHaveAttribute('tabindex', '0');
  await table.focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => table.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
  expect(await axeViolations(page)).toEqual([]);

  await page.reload();
  await formatted();
  expect(dialogs).toEqual([]);
});

test('a saved answer whose formatting was tampered with shows as plain text, never as a live link', async ({
  page,
}) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('planted')) return;
    sessionStorage.setItem('planted', 'yes');
    const lane = { modelId: 'course-lm', temperature: 1, topP: 1, topK: 0, maxTokens: 50, stopSequences: [], seed: 1 };
    const answer = {
      lane,
      modelName: 'Amazon Nova Micro',
      text: 'click me',
      status: 'done',
      markdown: { chars: 8, nodes: [{ tag: 'a', href: 'javascript:alert(1)', children: ['click me'] }] },
    };
    const turn = { id: 't', at: '2026-11-22T10:00:00.000Z', prompt: 'hi', system: '', answers: [answer] };
    localStorage.setItem('aif-c01:playground', JSON.stringify({ version: 1, turns: [turn] }));
  });
  await page.goto('/playground/');
  const answer = page.getByRole('article', { name: 'Answer from Amazon Nova Micro' });
  await expect(answer.getByText('click me')).toBeVisible();
  await expect(answer.getByRole('link')).toHaveCount(0);
});

test('for a model that takes temperature or top-p, not both, the learner chooses which one is sent', async ({
  page,
}) => {
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await page.getByLabel('Model', { exact: true }).selectOption({ label: 'Claude Haiku 4.5' });
  const choice = page.getByRole('group', { name: 'Claude Haiku 4.5 takes temperature or top-p, not both. Send:' });
  await expect(choice.getByRole('radio', { name: 'Temperature' })).toBeChecked();
  await expect(page.getByRole('slider', { name: /^Temperature/ })).toBeVisible();
  await expect(page.getByRole('slider', { name: /^Top-p/ })).toHaveCount(0);

  // By keyboard: the arrow key moves the choice to top-p, whose slider replaces temperature's.
  await choice.getByRole('radio', { name: 'Temperature' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(choice.getByRole('radio', { name: 'Top-p' })).toBeChecked();
  await expect(page.getByRole('slider', { name: /^Temperature/ })).toHaveCount(0);
  const topP = page.getByRole('slider', { name: /^Top-p/ });
  await topP.focus();
  await page.keyboard.press('Home');
  await send(page, 'Hello');
  const answer = page.getByRole('article', { name: 'Answer from Claude Haiku 4.5' });
  await expect(answer.locator('.playground__settings-used')).toHaveText(/^top-p 0, max tokens \d+$/);
  await expect(answer.locator('.playground__figures')).toContainText('output tokens');
  expect(await axeViolations(page)).toEqual([]);

  // The choice is kept with the other settings.
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Top-p' })).toBeChecked();
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
  // The formatted part and the plain text newer than it can both be on show.
  await expect(answer.locator('.playground__plain, .playground__markdown').first()).not.toBeEmpty();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  // Bedrock bills what it read and wrote before the stop: the page counts it as the server does, an estimate.
  await expect(answer.locator('.playground__figures')).toHaveText(
    /^Stopped before the end\. So far, estimated: \d+ input \+ [1-9]\d* output tokens, cost \$0\.0+[1-9]\d*\.$/,
  );
  await expect(
    page.getByText(/^This conversation: 1 answer, [1-9]\d* input \+ [1-9]\d* output tokens, \$0\.0+[1-9]\d*\.$/),
  ).toBeVisible();
});

test('compare mode sends one prompt to the built-in model and a Bedrock model', async ({ page }) => {
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await page.getByLabel('Built-in model’s words').selectOption({ label: 'All at once' });
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

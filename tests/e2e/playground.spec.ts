import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe';

/**
 * Opens the playground and waits until the island has loaded the models. The built-in model's words then show all at
 * once, so that answers finish fast on a busy machine; one test checks the pace itself.
 */
async function open(page: Page, search = '') {
  await page.goto(`/playground/${search}`);
  // Send is enabled once the models have loaded.
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await page.getByLabel('Built-in model’s words').selectOption({ label: 'All at once' });
}

async function send(page: Page, prompt: string) {
  await page.getByLabel('Your prompt').fill(prompt);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
}

const answers = (page: Page) => page.getByRole('article');
/** An answer as the learner reads it: plain text. */
const answerText = (answer: Locator) => answer.locator('.playground__plain');
const words = (answer: Locator) => answer.getByRole('toolbar').getByRole('button');
/** Turns an answer of the built-in model into its word buttons. */
const exploreWords = (answer: Locator) => answer.getByRole('button', { name: 'Explore word by word' }).click();

test('a chat with the built-in model streams words, shows usage, survives a reload, copies and clears', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await page.getByLabel('Max tokens').fill('12');
  await page.getByLabel('Max tokens').blur();
  await send(page, 'Amazon Bedrock is');

  const answer = answers(page).first();
  await expect(answer).toHaveAccessibleName('Answer from Course model (built-in)');
  await expect(answer.locator('.playground__figures')).toContainText(/\d+ input \+ 12 output tokens, first token/);
  await expect(answer.locator('.playground__figures')).toContainText('cost $0');
  await expect(page.getByText(/This conversation: 1 answer, \d+ input \+ 12 output tokens, \$0\./)).toBeVisible();
  const text = await answerText(answer).innerText();
  await exploreWords(answer);
  await expect(words(answer)).toHaveCount(12);

  // A second turn, then a reload: both turns are still there.
  await send(page, 'Guardrails');
  await expect(answers(page)).toHaveCount(2);
  await expect(answers(page).nth(1).locator('.playground__figures')).toContainText('output tokens');
  await page.reload();
  await expect(answers(page)).toHaveCount(2);
  await expect(answerText(answers(page).first())).toHaveText(text);

  await page.getByRole('button', { name: 'Copy as Markdown' }).click();
  await expect(page.getByText('Copied.')).toBeVisible();
  const markdown = await page.evaluate(() => navigator.clipboard.readText());
  expect(markdown).toMatch(/^# Playground conversation\n/);
  expect(markdown).toContain('## You\n\nAmazon Bedrock is\n');
  expect(markdown).toContain('### **Course model (built-in)** (temperature 1, top-p 1, seed 42, max tokens 12)');
  expect(markdown).toContain('Total: 2 answers');

  await page.getByRole('button', { name: 'Clear conversation' }).click();
  await expect(answers(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(answers(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear conversation' }).click();
  await page.reload();
  await expect(page.getByText('No messages yet')).toBeVisible();
  await expect(answers(page)).toHaveCount(0);
});

test('Stop ends an answer mid-stream and keeps the words so far', async ({ page }) => {
  await open(page);
  await page.getByLabel('Max tokens').fill('200');
  await page.getByLabel('Max tokens').blur();
  // A slow connection, so that the answer takes a few seconds to arrive.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 20,
    downloadThroughput: 8 * 1024,
    uploadThroughput: 64 * 1024,
  });
  await send(page, 'Amazon Bedrock is');
  const answer = answers(page).first();
  await expect(answerText(answer)).not.toBeEmpty();
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The answer stopped.' })).toBeAttached();
  await exploreWords(answer);
  const count = await words(answer).count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(200);
  // What was streamed counts: the words shown, and the prompt the model read (three words).
  await expect(answer.locator('.playground__figures')).toHaveText(
    `Stopped before the end. So far: 3 input + ${count} output tokens, cost $0.`,
  );
  await expect(page.getByText('This conversation: 1 answer, 3 input + ')).toHaveText(
    `This conversation: 1 answer, 3 input + ${count} output tokens, $0.`,
  );
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
});

test('the prompt box comes before the settings, and the built-in model says what it is and why it helps', async ({
  page,
}) => {
  await open(page);
  const [prompt, settings] = [
    await page.getByLabel('Your prompt').boundingBox(),
    await page.getByText('Models and parameters').boundingBox(),
  ];
  expect(prompt && settings && prompt.y + prompt.height < settings.y).toBe(true);
  await expect(page.getByLabel('Model', { exact: true })).toHaveAccessibleDescription(
    /^A small word-trigram model trained on this course .* it knows no facts and checks nothing\. That suits this page/,
  );
});

test('an answer reads as text; word by word, a word’s alternatives open right after that word', async ({ page }) => {
  await open(page);
  await page.getByLabel('Max tokens').fill('12');
  await page.getByLabel('Max tokens').blur();
  await send(page, 'Amazon Bedrock is');
  const answer = answers(page).first();
  await expect(answer.locator('.playground__figures')).toContainText('12 output tokens');
  await expect(answer.getByRole('toolbar')).toHaveCount(0);
  await expect(answerText(answer)).toHaveText(/^\S+( \S+)+/);

  await exploreWords(answer);
  await expect(answer.getByRole('button', { name: 'Explore word by word' })).toHaveAttribute('aria-pressed', 'true');
  const third = words(answer).nth(2);
  await third.click();
  const alternatives = answer.getByRole('region', { name: /^Alternatives for/ });
  await expect(alternatives).toBeVisible();
  // Next to the word: right after it in the answer, on the line below it.
  expect(await third.evaluate((word) => word.nextElementSibling?.getAttribute('aria-label'))).toMatch(
    /^Alternatives for/,
  );
  const [word, panel] = [await third.boundingBox(), await alternatives.boundingBox()];
  expect(word && panel && panel.y >= word.y + word.height - 1 && panel.y < word.y + word.height + 16).toBe(true);
});

test('the built-in model’s words appear at the pace the learner chooses', async ({ page }) => {
  // The page's clock is the test's: words are counted as it moves on, not against the wall clock.
  await page.clock.install();
  await open(page);
  await page.getByLabel('Max tokens').fill('12');
  await page.getByLabel('Max tokens').blur();
  await page.getByLabel('Built-in model’s words').selectOption({ label: 'Slow, to read along (4 a second)' });
  await send(page, 'Amazon Bedrock is');
  const answer = answers(page).first();
  await expect(answerText(answer)).not.toBeEmpty();
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 100);
  const shown = async () => (await answerText(answer).innerText()).trim().split(/\s+/).length;
  const before = await shown();
  expect(before).toBeLessThan(12);
  // One more word each 250 ms.
  await page.clock.runFor(250);
  await expect.poll(shown).toBe(before + 1);
  await page.clock.runFor(500);
  await expect.poll(shown).toBe(before + 3);
  await page.clock.runFor(5_000);
  await expect(answer.locator('.playground__figures')).toContainText('12 output tokens');
});

test('the temperature preset opens compare mode with two answers side by side', async ({ page }) => {
  await open(page, '?preset=temperature-0-vs-1');
  await expect(page.getByText('The same prompt at temperature 0 and 1.')).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Compare two answers side by side' })).toBeChecked();
  await expect(page.getByLabel('Your prompt')).toHaveValue('Amazon Bedrock is');
  const sideA = page.getByRole('group', { name: 'Side A' });
  const sideB = page.getByRole('group', { name: 'Side B' });
  await expect(sideA.getByRole('slider', { name: 'Temperature' })).toHaveValue('0');
  await expect(sideB.getByRole('slider', { name: 'Temperature' })).toHaveValue('1');
  // The preset is applied once: the address no longer names it.
  await expect(page).toHaveURL(/\/playground\/$/);

  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const [left, right] = [answers(page).nth(0), answers(page).nth(1)];
  await expect(left).toHaveAccessibleName('Answer from Side A: Course model (built-in)');
  await expect(right).toHaveAccessibleName('Answer from Side B: Course model (built-in)');
  await expect(left.locator('.playground__figures')).toContainText('output tokens');
  await expect(right.locator('.playground__figures')).toContainText('output tokens');
  await expect(left).toContainText('temperature 0,');
  await expect(right).toContainText('temperature 1,');
  const [a, b] = [await left.boundingBox(), await right.boundingBox()];
  expect(a && b && Math.abs(a.y - b.y) < 2 && b.x > a.x + a.width - 1).toBe(true);
  await expect(page.getByText(/^Side A: 1 answer, .* Side B: 1 answer/)).toBeVisible();

  // Temperature 0 always takes the most likely word: a new seed gives the same answer on side A.
  const first = await answerText(left).innerText();
  await sideA.getByLabel('Seed').fill('7');
  await sideA.getByLabel('Seed').blur();
  await send(page, 'Amazon Bedrock is');
  await expect(answers(page).nth(2).locator('.playground__figures')).toContainText('output tokens');
  await expect(answerText(answers(page).nth(2))).toHaveText(first);
});

test('without AWS set up, Bedrock models are listed but disabled, with the server’s advice', async ({ page }) => {
  await open(page);
  const option = page.getByRole('option', { name: 'Amazon Nova Micro (unavailable)' });
  await expect(option).toBeDisabled();
  // The learner reads what it means for them; the server's setup steps wait behind a disclosure.
  const notice = page.locator('.playground__unavailable');
  await expect(notice).toContainText('this course server is not connected to an AWS account');
  await expect(notice).toContainText('everything the lessons ask you to try works with it');
  const operatorSteps = notice.getByText(/^Unavailable on this server: Amazon Nova Micro, /);
  await expect(operatorSteps).toBeHidden();
  await notice.getByText('For whoever runs this server: how to turn them on').click();
  await expect(operatorSteps).toBeVisible();
  await expect(notice).toContainText('Amazon Bedrock is off');
});

test('a damaged saved conversation is set aside and the playground still works', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('damaged')) {
      localStorage.setItem('aif-c01:playground', '{"version":1,"turns":[{"id":');
      sessionStorage.setItem('damaged', 'yes');
    }
  });
  await open(page);
  await expect(page.getByText('Your saved playground conversation was damaged.')).toBeVisible();
  await send(page, 'Amazon Bedrock is');
  await expect(answers(page).first().locator('.playground__figures')).toContainText('output tokens');
});

test('sending an empty prompt is refused with a message read out to screen readers', async ({ page }) => {
  await open(page);
  await page.getByLabel('Your prompt').press('Control+Enter');
  await expect(page.getByRole('alert')).toHaveText('Write a prompt first.');
  await expect(page.locator('.playground__answer')).toHaveCount(0);
});

test('a preset that does not exist says so and lists the real ones', async ({ page }) => {
  await open(page, '?preset=warp-speed');
  await expect(page.getByText('There is no preset called "warp-speed"')).toContainText('temperature-0-vs-1');
});

test('the stop-sequence preset ends one side at the first full stop', async ({ page }) => {
  await open(page, '?preset=stop-sequence');
  await expect(page.getByRole('group', { name: 'Side B' }).getByLabel('Stop sequence 1')).toHaveValue('.');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const right = answers(page).nth(1);
  await expect(right.locator('.playground__figures')).toContainText('Ended because a stop sequence was reached.');
  await expect(answerText(right)).not.toContainText('.');
});

test('the token view works from the keyboard and shows alternatives before and after the settings', async ({
  page,
}) => {
  await open(page, '?preset=top-p');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const right = answers(page).nth(1);
  await expect(right.locator('.playground__figures')).toContainText('output tokens');
  await exploreWords(right);
  const toolbar = right.getByRole('toolbar');
  // One tab stop for the whole answer; arrow keys move between words.
  await words(right).first().focus();
  await page.keyboard.press('ArrowRight');
  await expect(words(right).nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(words(right).nth(1)).toHaveAttribute('aria-pressed', 'true');
  const table = right.getByRole('table');
  await expect(table.locator('caption')).toContainText('Word 2 of');
  await expect(table.getByRole('columnheader')).toHaveText(['Word', 'Model', 'After temperature, top-k, top-p']);
  await expect(table.locator('tbody tr').first().locator('td').first()).toHaveText(/^\d+\.\d%$/);
  await page.keyboard.press('End');
  await expect(words(right).last()).toBeFocused();
  await page.keyboard.press('Space');
  await expect(table.locator('caption')).toContainText(/Word (\d+) of \1/);
  // The words are one tab stop; the open alternatives, which scroll on a phone, are the next one.
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
});

test('offline, the learner is told that the built-in model needs only the course server', async ({ page, context }) => {
  await open(page);
  await context.setOffline(true);
  await send(page, 'Amazon Bedrock is');
  const answer = answers(page).first();
  await expect(answer).toContainText('This browser is offline, so the question could not be sent.');
  await expect(answer).toContainText('the built-in model needs only the course server');
  await context.setOffline(false);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the playground with answers and alternatives has no WCAG 2.2 AA violation in the ${colorScheme} theme`, async ({
    page,
  }) => {
    await page.emulateMedia({ colorScheme });
    await open(page, '?preset=top-p');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect(answers(page).nth(1).locator('.playground__figures')).toContainText('output tokens');
    await exploreWords(answers(page).first());
    await words(answers(page).first()).first().click();
    expect(await axeViolations(page)).toEqual([]);
  });
}

test.describe('at 360 px', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test('compare mode stacks the answers and nothing scrolls sideways', async ({ page }) => {
    await open(page, '?preset=top-p');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const [left, right] = [answers(page).nth(0), answers(page).nth(1)];
    await expect(right.locator('.playground__figures')).toContainText('output tokens');
    await exploreWords(left);
    await words(left).first().click();
    const [a, b] = [await left.boundingBox(), await right.boundingBox()];
    expect(a && b && b.y >= a.y + a.height).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  });
});

test('the page lists its presets, and following one sets it up', async ({ page }) => {
  await open(page);
  await page.getByRole('link', { name: 'A system prompt that sets the role and format' }).click();
  await expect(page.getByLabel('System prompt (optional): the role and rules for every answer')).toHaveValue(
    /^You are a patient tutor/,
  );
  await expect(page.getByRole('radio', { name: 'Chat with one model' })).toBeChecked();
  await expect(page.getByLabel('Your prompt')).toHaveValue('What is a foundation model?');
});

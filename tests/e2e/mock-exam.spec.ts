import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { answerByKeyboard, showQuestionWith } from './quiz-keys';
import { HISTORY_KEY } from './quiz-data';

async function open(page: Page) {
  await page.goto('/mock-exam/');
  await expect(page.locator('astro-island:has(.quiz)')).not.toHaveAttribute('ssr');
}

/**
 * The question on screen as the learner sees it: its text in order, the options chosen, the matches, the buttons
 * (not what was last announced, such as an ordering step moved).
 */
function questionShown(page: Page) {
  return page.locator('.quiz-question').evaluate((question: HTMLElement) => ({
    text: question.innerText.replace(question.querySelector('[role=status]')?.textContent ?? '', '').trim(),
    chosen: [...question.querySelectorAll('input')].map((input) => input.checked),
    matched: [...question.querySelectorAll('select')].map((menu) => menu.value),
    usable: [...question.querySelectorAll('button')].map((button) => !button.disabled),
  }));
}

async function startExam(page: Page) {
  await open(page);
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await expect(page.locator('.quiz h2')).toHaveText('Question 1 of 65');
  await expect(page.locator('.quiz h2')).toBeFocused();
}

test('a mock exam with flags, the navigator, the review screen and submission', async ({ page }) => {
  // It walks a 65-question exam and runs axe three times, the last over 65 reviewed questions: about 20 s alone,
  // over 30 s while the other worker is busy.
  test.slow();
  await open(page);
  await expect(page.getByText(/Domain 1: \d+ questions? in the bank, 13 wanted\./)).toBeVisible();
  await startExam(page);
  await expect(page.locator('.quiz-choice__why')).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // Question 1: answer with a number key (no feedback), flag with F, move on with Enter.
  await answerByKeyboard(page);
  await page.keyboard.press('f');
  await expect(page.getByRole('button', { name: 'Flagged' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.quiz__verdict')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz h2')).toHaveText('Question 2 of 65');

  // The navigator shows the states and jumps anywhere.
  await page.getByText('All questions').click();
  await expect(page.getByRole('button', { name: 'Question 1, answered, flagged' })).toBeVisible();
  await page.getByRole('button', { name: 'Question 40, not answered' }).click();
  await expect(page.locator('.quiz h2')).toHaveText('Question 40 of 65');

  await page.getByRole('button', { name: 'Review and submit' }).first().click();
  await expect(page.getByRole('heading', { name: 'Review before you submit' })).toBeVisible();
  await expect(page.getByText('1 of 65 answered, 1 flagged.')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole('button', { name: 'Submit the exam' }).click();
  await page.getByRole('button', { name: 'Yes, submit the exam' }).click();

  await expect(page.locator('.quiz-results__score')).toHaveText(
    /^\d+ of 65 right \(\d+%\) · estimated score \d+ · (above|below) the pass mark of 700$/,
  );
  await expect(page.getByRole('heading', { name: 'By domain' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Mock exam scores' })).toBeAttached();
  await page.getByText('Review every question with explanations').click();
  await expect(page.locator('.quiz-review > ol > li')).toHaveCount(65);
  expect(await axeViolations(page)).toEqual([]);
});

test('a reload mid-exam resumes on the same question with the right time left, and time running out submits the exam', async ({
  page,
}) => {
  await page.clock.install({ time: new Date('2026-11-22T10:00:00Z') });
  await startExam(page);
  // The clock runs in real time between steps, so on a busy machine some seconds have gone by already.
  await expect(page.locator('.mock__clock')).toHaveText(/^(90:00|89:[0-5]\d)$/);
  await answerByKeyboard(page);
  const answered = await questionShown(page);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.quiz h2')).toHaveText('Question 3 of 65');
  await page.keyboard.press('f');

  await page.clock.fastForward('25:00');
  await page.reload();
  await expect(page.locator('astro-island:has(.quiz)')).not.toHaveAttribute('ssr');
  await expect(page.locator('.mock__clock')).toHaveText(/^6[45]:\d\d$/);
  await expect(page.locator('.quiz h2')).toHaveText('Question 3 of 65');
  await expect(page.locator('.quiz h2')).toBeFocused();
  await expect(page.getByRole('button', { name: 'Flagged' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.quiz h2')).toHaveText('Question 1 of 65');
  expect(await questionShown(page)).toEqual(answered);

  await page.clock.fastForward('01:06:00');
  await expect(page.locator('.quiz-results__score')).toHaveText(/of 65 right/);
});

test('the arrow keys move between questions wherever focus is, and never change an answer', async ({ page }) => {
  await startExam(page);
  const heading = page.locator('.quiz h2');
  await expect(page.getByText('← → previous or next question, wherever you are')).toBeVisible();

  // A click on option 2 leaves focus in the radio group: → still goes to the next question, the answer stays.
  const at = await showQuestionWith(page, 'input[type=radio]');
  const options = page.locator('.quiz-choice input');
  await options.nth(1).click();
  await expect(options.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText(`Question ${at + 1} of 65`);
  await page.keyboard.press('ArrowLeft');
  await expect(heading).toHaveText(`Question ${at} of 65`);
  await expect(options.nth(1)).toBeChecked();
  await expect(page.locator('.quiz-choice input:checked')).toHaveCount(1);

  // ↑ and ↓ move between the options without choosing one; Space chooses.
  await options.nth(1).focus();
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(options.nth(0)).toBeFocused();
  await expect(options.nth(1)).toBeChecked();
  await page.keyboard.press('Space');
  await expect(options.nth(0)).toBeChecked();
  await expect(page.locator('.quiz-choice input:checked')).toHaveCount(1);

  // In a matching menu too, → moves on and the match stays as chosen.
  const matching = await showQuestionWith(page, 'select');
  const menu = page.locator('.quiz-matching select').first();
  await menu.selectOption({ index: 2 });
  const chosen = await menu.inputValue();
  await menu.focus();
  await page.keyboard.press('ArrowRight');
  await expect(heading).toHaveText(`Question ${matching + 1} of 65`);
  await page.keyboard.press('ArrowLeft');
  await expect(menu).toHaveValue(chosen);
});

for (const width of [360, 1280]) {
  test(`at ${width} px, submitting shows the result first, with focus on it`, async ({ page }) => {
    await page.setViewportSize({ width, height: 740 });
    await startExam(page);
    await answerByKeyboard(page);
    await page.getByText('All questions').click();
    await page.locator('.mock__navigator').getByRole('button', { name: 'Review and submit' }).click();
    await page.getByRole('button', { name: 'Submit the exam' }).click();
    await page.getByRole('button', { name: 'Yes, submit the exam' }).click();

    await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused();
    await expect(page.locator('.quiz-results__score')).toHaveText(/^\d+ of 65 right/);
    await expect(page.locator('.quiz-results__score')).toBeInViewport({ ratio: 1 });
    await expect(page.getByRole('button', { name: 'Start the mock exam' })).not.toBeInViewport();
  });
}

for (const width of [360, 1280]) {
  test(`at ${width} px, the clock and progress stay in view, and focus mode hides the course around the exam`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 640 });
    await startExam(page);
    await answerByKeyboard(page);
    const clock = page.locator('.mock__clock');
    const progress = page.getByText('1 of 65 answered');
    await page.getByText('All questions').click();
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
    await expect(clock).toBeInViewport({ ratio: 1 });
    await expect(progress).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // Focus mode, by keyboard: the course header and menu go, the choice outlives a reload, and it can be undone.
    const header = page.locator('.site-header');
    const focusMode = page.getByRole('button', { name: 'Focus mode' });
    await focusMode.focus();
    await page.keyboard.press('Enter');
    await expect(focusMode).toHaveAttribute('aria-pressed', 'true');
    await expect(header).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Course' })).toBeHidden();
    await expect(clock).toBeInViewport({ ratio: 1 });
    expect(await axeViolations(page)).toEqual([]);

    await page.reload();
    await expect(page.locator('.quiz h2')).toHaveText('Question 1 of 65');
    await expect(header).toBeHidden();
    await focusMode.focus();
    await page.keyboard.press('Space');
    await expect(focusMode).toHaveAttribute('aria-pressed', 'false');
    await expect(header).toBeVisible();
    await page.reload();
    await expect(page.locator('.quiz h2')).toHaveText('Question 1 of 65');
    await expect(header).toBeVisible();
  });
}

for (const width of [360, 1280]) {
  test(`at ${width} px, a multiple-response question partly answered is marked so, with a legend of the marks`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 740 });
    await startExam(page);
    const at = await showQuestionWith(page, 'input[type=checkbox]');
    await page.locator('.quiz-choice input').first().check();
    await expect(page.getByText('0 of 65 answered · 1 partly answered · 0 flagged')).toBeVisible();

    await page.getByText('All questions').click();
    await expect(page.getByRole('button', { name: `Question ${at}, partly answered` })).toBeVisible();
    const legend = page.getByRole('list', { name: 'What the marks mean' });
    await expect(legend.getByRole('listitem')).toHaveText([
      /^answered$/,
      /^partly answered$/,
      /flagged$/,
      /^current question$/,
      /^not answered$/,
    ]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect(await axeViolations(page, '.quiz')).toEqual([]);

    await page.locator('.mock__navigator').getByRole('button', { name: 'Review and submit' }).click();
    await expect(page.getByText('0 of 65 answered, 1 partly answered, 0 flagged.')).toBeVisible();
    await expect(page.getByRole('button', { name: `Question ${at}, partly answered` })).toBeVisible();
  });
}

test('if the exam cannot be loaded, Start says so and starts no clock; once the network is back it starts', async ({
  page,
}) => {
  await open(page);
  const runningExamCode = /\/_astro\/RunningExam\.[^/]*\.js$/;
  await page.route(runningExamCode, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await expect(page.getByText('Part of this page could not be loaded: check your connection.')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key) ?? '', HISTORY_KEY)).not.toContain('"mock"');

  await page.unroute(runningExamCode);
  await page.reload();
  await expect(page.locator('astro-island:has(.quiz)')).not.toHaveAttribute('ssr');
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await expect(page.locator('.quiz h2')).toHaveText('Question 1 of 65');
});

test('at 360 px, the next question shows from its start, not from where the last one was scrolled to', async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 640 });
  await startExam(page);
  await answerByKeyboard(page);
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.quiz h2')).toHaveText('Question 2 of 65');
  const stem = page.locator('.quiz-question__stem');
  await expect(stem).toBeInViewport();
  // Not hidden under the bar that holds the heading and the clock.
  const barBottom = await page.locator('.mock__bar').evaluate((bar) => bar.getBoundingClientRect().bottom);
  expect(await stem.evaluate((element) => element.getBoundingClientRect().top)).toBeGreaterThanOrEqual(barBottom);
});

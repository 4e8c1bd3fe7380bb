import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { answerByKeyboard, showQuestionWith } from './quiz-keys';
import { dueCards, finishedMock, HISTORY_KEY, REVIEW_KEY, saved } from './quiz-data';

const QUIZ = '/quiz/what-is-genai/';

/** Opens the quiz page and waits for its island to wake up. */
async function openQuiz(page: Page) {
  await page.goto(QUIZ);
  await expect(page.locator('astro-island:has(.quiz)')).not.toHaveAttribute('ssr');
}

test('a section quiz can be completed with the keyboard alone, and its results persist', async ({ page }) => {
  // It answers every question of the section by keyboard, then runs axe: over 20 s while the other worker is busy.
  test.slow();
  await openQuiz(page);
  await page.getByRole('button', { name: 'Start the quiz' }).focus();
  await page.keyboard.press('Enter');
  const heading = page.locator('.quiz h2');
  await expect(heading).toHaveText(/^Question 1 of (\d+)$/);
  const total = Number((await heading.innerText()).match(/of (\d+)/)?.[1]);

  for (let n = 1; n <= total; n++) {
    await expect(heading).toHaveText(`Question ${n} of ${total}`);
    await expect(heading).toBeFocused();
    await answerByKeyboard(page);
    await page.keyboard.press('Enter');
    await expect(page.locator('.quiz__verdict')).toHaveText(
      /^(Correct\.|Not quite\. The right (answer|answers|order|matches): .+)$/,
    );
    await expect(page.locator('.quiz-choice__why').first()).toBeVisible();
    await page.keyboard.press('Enter');
  }

  const score = page.locator('.quiz-results__score');
  await expect(score).toHaveText(new RegExp(`^\\d+ of ${total} right \\(\\d+%\\)$`));
  const text = await score.innerText();
  expect(await axeViolations(page)).toEqual([]);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your last attempt' })).toBeVisible();
  await expect(page.locator('astro-island:has(.quiz)')).not.toHaveAttribute('ssr');
  await expect(score).toHaveText(text);
  await page.getByText('Review every question with explanations').click();
  await expect(page.locator('.quiz-review > ol > li')).toHaveCount(total);
  await expect(page.locator('.quiz-review .quiz-choice__why').first()).toBeVisible();
});

test('a reload mid-quiz resumes at the first unchecked question with the options in the same order', async ({
  page,
}) => {
  await openQuiz(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('.quiz h2')).toBeFocused();
  await answerByKeyboard(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz__verdict')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz h2')).toHaveText(/^Question 2 of/);
  const shown = await page.locator('.quiz-question').innerText();
  await page.reload();
  await expect(page.locator('.quiz h2')).toHaveText(/^Question 2 of/);
  expect(await page.locator('.quiz-question').innerText()).toBe(shown);
});

test('arrow keys move between questions and every quiz screen passes axe', async ({ page }) => {
  const axe = () => axeViolations(page);
  await openQuiz(page);
  expect(await axe()).toEqual([]);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('.quiz h2')).toBeFocused();
  expect(await axe()).toEqual([]);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.quiz h2')).toHaveText(/^Question 2 of/);
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.quiz h2')).toHaveText(/^Question 1 of/);
  // From a clicked option too, → moves on and leaves the choice as it was.
  const option = page.locator('.quiz-choice input').nth(1);
  await option.click();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.quiz h2')).toHaveText(/^Question 2 of/);
  await page.keyboard.press('ArrowLeft');
  await expect(option).toBeChecked();
  await expect(page.locator('.quiz-choice input:checked')).toHaveCount(1);
  await answerByKeyboard(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz__verdict')).toBeVisible();
  expect(await axe()).toEqual([]);
});

test('a question answered wrongly comes back in mistake review, counted on the home page', async ({ page }) => {
  // Answers questions until one is missed, so it can take a while on a busy machine.
  test.setTimeout(90_000);
  await page.goto('/review/');
  await expect(page.getByText('Nothing to review yet.')).toBeVisible();

  await openQuiz(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('.quiz h2')).toBeFocused();
  let missed = '';
  for (let n = 0; n < 30 && !missed; n++) {
    await answerByKeyboard(page);
    await page.keyboard.press('Enter');
    const verdict = await page.locator('.quiz__verdict').innerText();
    if (verdict.startsWith('Not quite')) missed = await page.locator('.quiz-question__stem').innerText();
    else {
      await page.keyboard.press('Enter');
      await expect(page.locator('.quiz__verdict')).toHaveCount(0);
    }
  }
  expect(missed).not.toBe('');

  await page.goto('/');
  await expect(page.getByRole('link', { name: '1 question due for review today' })).toBeVisible();
  await page.getByRole('link', { name: '1 question due for review today' }).click();
  await expect(page).toHaveURL('/review/');
  await expect(page.locator('astro-island:has(.quiz)')).not.toHaveAttribute('ssr');
  await expect(page.getByText('1 question due today.')).toBeVisible();
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('.quiz h2')).toHaveText('Question 1 of 1');
  await expect(page.locator('.quiz-question__stem')).toHaveText(missed);
});

for (const width of [360, 1280]) {
  test(`at ${width} px, moving a step by keyboard keeps focus on that step's buttons`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await openQuiz(page);
    await page.getByRole('button', { name: 'Start the quiz' }).click();
    await showQuestionWith(page, '.quiz-ordering');
    const steps = page.locator('.quiz-ordering__text');
    const count = await steps.count();
    const [first, second] = [await steps.nth(0).innerText(), await steps.nth(1).innerText()];

    await page.getByRole('button', { name: `Move "${first}" down` }).focus();
    await page.keyboard.press('Enter');
    await expect(steps.nth(0)).toHaveText(second);
    await expect(steps.nth(1)).toHaveText(first);
    await expect(page.getByRole('button', { name: `Move "${first}" down` })).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: `"${first}" is now step 2 of ${count}.` })).toBeAttached();

    // Enter again moves the same step on, down to the last place, where focus goes to its Up button.
    for (let place = 3; place <= count; place++) {
      await page.keyboard.press('Enter');
      await expect(steps.nth(place - 1)).toHaveText(first);
    }
    await expect(page.getByRole('button', { name: `Move "${first}" up` })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(steps.nth(count - 2)).toHaveText(first);
    await expect(page.getByRole('button', { name: `Move "${first}" up` })).toBeFocused();
  });
}

/** Feedback as people write it: no ".." or ".;", and no verdict said twice ("Your choice, wrong. Incorrect."). */
async function expectPlainSentences(feedback: Locator) {
  const text = await feedback.innerText();
  expect(text).not.toMatch(/[^.]\.\.(?!\.)|\.;/);
  expect(text).not.toMatch(/\b(?:correct|incorrect|wrong|right|answer)[.:]?\s+(?:correct|incorrect)\./i);
}

test('feedback reads as plain sentences in a section quiz', async ({ page }) => {
  await openQuiz(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await page.locator('.quiz-choice input[value="b"]').check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.quiz__verdict')).toHaveText(
    'Not quite. The right answer: Generative AI is a subset of deep learning, itself a subset of machine learning and AI.',
  );
  await expect(page.locator('.quiz-choice:has(input[value="b"]) .quiz-choice__why')).toHaveText(
    'Your choice: incorrect. The nesting runs the other way: generative AI sits inside deep learning, and both sit inside machine learning.',
  );
  await expectPlainSentences(page.locator('.quiz'));
});

test('feedback reads as plain sentences in mistake review', async ({ page }) => {
  // bo-009: several options are full sentences, so a list of them once read ".;".
  await saved(page, REVIEW_KEY, dueCards(['bo-009']));
  await page.goto('/review/');
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await page.locator('.quiz-choice input[value="a"]').check();
  await page.locator('.quiz-choice input[value="c"]').check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.quiz__verdict')).toHaveText(/^Not quite\. The right answers: .+[^.]\.$/);
  await expectPlainSentences(page.locator('.quiz'));
});

test('feedback reads as plain sentences in the review of a mock exam', async ({ page }) => {
  await saved(page, HISTORY_KEY, finishedMock({ 'wig-001': 'b', 'bo-009': ['a', 'c'] }));
  await page.goto('/mock-exam/');
  await page.getByText('Review every question with explanations').click();
  await expect(page.locator('.quiz-review > ol > li')).toHaveCount(2);
  await expect(page.locator('.quiz-review > ol > li').first()).toContainText(
    'Wrong. Your answer: Deep learning is part of generative AI, which is a separate branch of AI from machine learning. Right answer: Generative AI is a subset of deep learning, itself a subset of machine learning and AI.',
  );
  await expectPlainSentences(page.locator('.quiz-review'));
});

test('mistake review says when each question comes back, and one answered right is no longer due today', async ({
  page,
}) => {
  // wig-001 is missed again (its right answer is a); bo-009 is answered right (b and e).
  const cards = dueCards(['wig-001', 'bo-009']);
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
  await saved(page, REVIEW_KEY, {
    ...cards,
    cards: { ...cards.cards, 'wig-001': { ...cards.cards['bo-009'], due: twoDaysAgo } },
  });
  await page.goto('/review/');
  await expect(page.getByText('2 questions due today.')).toBeVisible();
  await page.getByRole('button', { name: 'Start the quiz' }).click();

  await page.locator('.quiz-choice input[value="b"]').check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.getByText('This question comes back in mistake review in 10 minutes.')).toBeVisible();
  await page.getByRole('button', { name: 'Next question' }).click();

  await page.locator('.quiz-choice input[value="b"]').check();
  await page.locator('.quiz-choice input[value="e"]').check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await expect(page.locator('.quiz__verdict')).toHaveText('Correct.');
  await expect(page.getByText(/^This question comes back in mistake review (tomorrow|in \d+ days)\.$/)).toBeVisible();
  await page.getByRole('button', { name: 'See your results' }).click();

  await page.reload();
  await expect(page.getByText('1 question due today.')).toBeVisible();
});

test('at 360 px, a long match chosen in a menu can be read in full', async ({ page }) => {
  const width = 360;
  await page.setViewportSize({ width, height: 800 });
  await openQuiz(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await showQuestionWith(page, '.quiz-matching');
  const chosen = 'A word or part of a word that the model reads and generates as one unit';
  const row = page.locator('.quiz-matching__row', { hasText: 'Token' });
  await row.getByRole('combobox').selectOption({ label: chosen });
  const shown = row.getByText(chosen, { exact: true }).filter({ visible: true });
  await expect(shown).toBeVisible();
  const box = await shown.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(width);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
});

test('if the quiz cannot be loaded, Start says so and records no attempt', async ({ page }) => {
  await openQuiz(page);
  await page.route(/\/_astro\/RunningQuiz\.[^/]*\.js$/, (route) => route.abort('internetdisconnected'));
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.getByText('Part of this page could not be loaded: check your connection.')).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key) ?? '', HISTORY_KEY)).not.toContain('what-is-genai');
});

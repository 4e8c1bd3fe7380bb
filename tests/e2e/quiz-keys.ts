import { expect, type Page } from '@playwright/test';

/**
 * Answers the question on screen with the keyboard only (number keys, or arrow keys in menus), waiting after each
 * key for what it changes, so the next key never races a render that has not happened yet.
 */
export async function answerByKeyboard(page: Page) {
  const quiz = page.locator('.quiz');
  const radios = quiz.locator('input[type=radio]');
  const boxes = quiz.locator('input[type=checkbox]');
  if ((await radios.count()) > 0) {
    await page.keyboard.press('1');
    await expect(radios.first()).toBeChecked();
  } else if ((await boxes.count()) > 0) {
    const hint = (await quiz.locator('.quiz-question__hint').innerText()).match(/Select (\d+)/);
    for (let n = 1; n <= Number(hint?.[1] ?? 2); n++) {
      await page.keyboard.press(String(n));
      await expect(boxes.nth(n - 1)).toBeChecked();
    }
  } else if ((await quiz.locator('select').count()) > 0) {
    const selects = quiz.locator('.quiz-matching select');
    for (let i = 0; i < (await selects.count()); i++) {
      const before = await selects.nth(i).inputValue();
      await selects.nth(i).focus();
      await page.keyboard.press('ArrowDown');
      await expect(selects.nth(i)).not.toHaveValue(before);
    }
    await quiz.getByRole('heading').first().focus();
  } else if ((await quiz.locator('.quiz-ordering').count()) > 0) {
    // Move the first step down one place, then go back to the question.
    const steps = quiz.locator('.quiz-ordering__text');
    const first = await steps.first().innerText();
    await quiz.getByRole('button', { name: /down$/ }).first().focus();
    await page.keyboard.press('Enter');
    await expect(steps.nth(1)).toHaveText(first);
    await quiz.getByRole('heading').first().focus();
  }
}

/** Moves on with → until the question on screen has `selector`; returns its number. */
export async function showQuestionWith(page: Page, selector: string) {
  const heading = page.locator('.quiz h2');
  // The running quiz loads after Start: wait for its first question.
  await expect(heading).toHaveText(/^Question \d+ of/);
  for (;;) {
    const number = Number((await heading.innerText()).match(/^Question (\d+)/)?.[1]);
    if ((await page.locator(`.quiz-question ${selector}`).count()) > 0) return number;
    await heading.focus();
    await page.keyboard.press('ArrowRight');
    await expect(heading).toHaveText(new RegExp(`^Question ${number + 1} of`));
  }
}

/** Saved quiz data for the journeys that start from a given state: cards due for review, a finished mock exam. */
import type { Page } from '@playwright/test';

export const HISTORY_KEY = 'aif-c01:quiz-history';
export const REVIEW_KEY = 'aif-c01:review-cards';

/** Stores `value` under `key` before the test's first page loads, as a returning learner has it. */
export async function saved(page: Page, key: string, value: unknown) {
  await page.addInitScript(
    ([k, v]) => {
      if (localStorage.getItem(k) === null) localStorage.setItem(k, v);
    },
    [key, JSON.stringify(value)] as const,
  );
}

/** Review cards for the questions, each missed once yesterday and due since. */
export function dueCards(questionIds: readonly string[]) {
  const yesterday = new Date(Date.now() - 86_400_000).toISOString();
  const card = {
    due: yesterday,
    stability: 0.2,
    difficulty: 6,
    elapsed_days: 0,
    scheduled_days: 0,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 1,
    last_review: yesterday,
  };
  return { version: 1, cards: Object.fromEntries(questionIds.map((id) => [id, card])) };
}

type Answers = Record<string, string | string[] | Record<string, string>>;

/** A finished mock exam with these answers, as the quiz history saves it. */
export function mockAttempt(answers: Answers, finishedAt = '2026-11-20T11:00:00.000Z', correct = 0) {
  const questionIds = Object.keys(answers);
  const startedAt = new Date(Date.parse(finishedAt) - 3_600_000).toISOString();
  return {
    id: `mock:mock:${startedAt}`,
    kind: 'mock',
    scope: 'mock',
    seed: 1,
    questionIds,
    answers,
    checked: [],
    flagged: [],
    startedAt,
    finishedAt,
    result: { correct, total: questionIds.length },
  };
}

/** A quiz history holding one finished mock exam with these answers. */
export function finishedMock(answers: Answers) {
  return { version: 1, attempts: [mockAttempt(answers)] };
}

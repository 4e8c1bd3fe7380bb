import { expect, test, type APIRequestContext } from '@playwright/test';
import { axeViolations } from './axe';
import { dueCards, HISTORY_KEY, mockAttempt, REVIEW_KEY, saved } from './quiz-data';

interface BankQuestion {
  id: string;
  type: string;
  taskStatement: string;
  lesson: string;
  answer: string;
  options: { id: string }[];
}

/** Single-choice questions of a task statement, from the bank the site serves. */
async function singles(request: APIRequestContext, task: string, count: number) {
  const bank = (await (await request.get('/question-bank.json')).json()) as {
    questions: BankQuestion[];
    lessons: Record<string, { title: string; href: string }>;
  };
  const found = bank.questions.filter((q) => q.type === 'single' && q.taskStatement === task).slice(0, count);
  expect(found).toHaveLength(count);
  return { found, lessons: bank.lessons };
}

const wrongChoice = (question: BankQuestion) => question.options.find((option) => option.id !== question.answer)?.id;

test('a new learner sees what the dashboard will show, and how to start', async ({ page }) => {
  await page.goto('/');
  const dashboard = page.getByRole('region', { name: 'Your study dashboard' });
  await expect(dashboard).toContainText('As you answer quizzes, this shows how ready you are in each exam domain');
  await dashboard.getByRole('link', { name: 'mock exam' }).click();
  await expect(page).toHaveURL('/mock-exam/');
});

test('a returning learner sees reviews due, readiness per domain, what to study next and mock scores', async ({
  page,
  request,
}) => {
  // Task 2.1 answered wrongly three times, task 3.1 right five times, in the later of two mock exams.
  const weak = await singles(request, '2.1', 3);
  const strong = await singles(request, '3.1', 5);
  const answers = Object.fromEntries([
    ...weak.found.map((q) => [q.id, wrongChoice(q) ?? '']),
    ...strong.found.map((q) => [q.id, q.answer]),
  ]);
  await saved(page, HISTORY_KEY, {
    version: 1,
    attempts: [mockAttempt({}, '2026-11-20T11:00:00.000Z', 0), mockAttempt(answers, '2026-11-27T11:00:00.000Z', 5)],
  });
  await saved(page, REVIEW_KEY, dueCards([weak.found[0]?.id ?? '']));
  await page.goto('/');
  const dashboard = page.getByRole('region', { name: 'Your study dashboard' });

  await expect(dashboard.getByRole('link', { name: '1 question due for review today' })).toBeVisible();

  // Wilson 95% intervals: 0 of 3 gives 0–56%, 5 of 5 gives 57–100%.
  const domain2 = dashboard.locator('summary', { hasText: 'Domain 2:' });
  await expect(domain2).toContainText('0% right, likely 0–56%, from 3 questions');
  await expect(dashboard.locator('summary', { hasText: 'Domain 3:' })).toContainText(
    '100% right, likely 57–100%, from 5 questions',
  );
  await expect(dashboard.locator('summary', { hasText: 'Domain 1:' })).toContainText('No questions answered yet');
  await expect(dashboard).toContainText('Not practised yet: Domain 1, Domain 4, Domain 5.');

  // The task statements open from the keyboard.
  await domain2.focus();
  await page.keyboard.press('Enter');
  await expect(dashboard.getByText(/^2\.1 /)).toBeVisible();

  await expect(dashboard).toContainText('Latest: 5 of 8 right');
  await expect(dashboard).toContainText('below the pass mark of 700');
  await expect(dashboard.getByRole('table', { name: 'Mock exam scores' })).toContainText('63%');

  const next = dashboard.getByRole('region', { name: 'Study next' });
  await expect(next.getByRole('listitem')).toHaveCount(1);
  await expect(next).toContainText('Task 2.1');
  await expect(next).toContainText('(0 of 3 right)');
  const lesson = weak.lessons[weak.found[0]?.lesson ?? ''] ?? { title: 'missing lesson', href: '/missing/' };
  await next.getByRole('listitem').getByRole('link', { name: lesson.title }).click();
  await expect(page).toHaveURL(lesson.href);
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the filled dashboard has no WCAG 2.2 AA violation in the ${colorScheme} theme, and fits 360 px`, async ({
    page,
    request,
  }) => {
    const { found } = await singles(request, '2.3', 2);
    await saved(page, HISTORY_KEY, { version: 1, attempts: [mockAttempt({ [found[0]?.id ?? '']: 'z' })] });
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('/');
    const dashboard = page.getByRole('region', { name: 'Your study dashboard' });
    await expect(dashboard).toContainText('from 1 question');
    await dashboard.locator('summary').first().click();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await axeViolations(page, 'main')).toEqual([]);
  });
}

test('offline, the dashboard says why readiness is missing and keeps the reviews', async ({ page }) => {
  await saved(page, HISTORY_KEY, { version: 1, attempts: [mockAttempt({ 'wig-001': 'b' })] });
  await saved(page, REVIEW_KEY, dueCards(['wig-001']));
  await page.route('**/question-bank.json', (route) => route.abort('internetdisconnected'));
  await page.goto('/');
  const dashboard = page.getByRole('region', { name: 'Your study dashboard' });
  await expect(dashboard.getByRole('alert')).toHaveText(
    'The question bank did not load: the network did not answer. Your readiness cannot be worked out without it; your answers are safe. Reload the page when you are back online.',
  );
  await expect(dashboard.getByRole('link', { name: '1 question due for review today' })).toBeVisible();
});

/**
 * Every page type under the site's Content-Security-Policy, with its widgets at work. A test fails if a page came
 * without the policy (frame-ancestors over HTTP, the rest in the page's <meta> tag), on any violation the page
 * reports, and on any console error, which is also where the browser reports a policy or header it cannot apply.
 */
import { expect, test as base, type Page } from '@playwright/test';
import { answerByKeyboard } from './quiz-keys';
import { LESSON_1, LESSON_2 } from './fixtures';

const test = base.extend<{ problems: string[] }>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      const notFound = new Set<string>();
      await page.exposeFunction('reportViolation', (violation: string) => problems.push(violation));
      await page.addInitScript(() =>
        document.addEventListener('securitypolicyviolation', (event) =>
          (window as unknown as { reportViolation(violation: string): void }).reportViolation(
            `${event.effectiveDirective} blocked ${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`,
          ),
        ),
      );
      page.on('response', (response) => {
        if (!response.request().isNavigationRequest()) return;
        if (response.status() === 404) notFound.add(response.url());
        const policy = response.headers()['content-security-policy'];
        if (policy !== "frame-ancestors 'none'") problems.push(`${response.url()} came with the policy ${policy}`);
      });
      page.on('console', (message) => {
        // The browser logs a 404 page's own status as an error.
        if (message.type() === 'error' && !notFound.has(message.location().url)) problems.push(message.text());
      });
      page.on('pageerror', (error) => problems.push(error.message));
      await use(problems);
      // The rest of the policy is in the page itself, with the hashes of its scripts and styles.
      await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveAttribute('content', /script-src/);
      expect(problems).toEqual([]);
    },
    { auto: true },
  ],
});

/** Waits until every island on the page has woken up, scrolling each into view for those that wait for it. */
async function wakeIslands(page: Page) {
  const islands = page.locator('astro-island');
  for (const island of await islands.all()) await island.scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island[ssr]')).toHaveCount(0);
}

test('home: the hashed theme script applies a chosen theme before the first paint', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/');
  await page.getByLabel('Theme').selectOption('dark');
  // The theme at the first moment the body exists, before any module script has run.
  await page.addInitScript(() =>
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive')
        (window as unknown as { firstTheme?: string }).firstTheme ??= document.documentElement.dataset.theme ?? '';
    }),
  );
  await page.reload();
  expect(await page.evaluate(() => (window as unknown as { firstTheme?: string }).firstTheme)).toBe('dark');
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('search: Pagefind loads its index and finds a lesson', async ({ page }) => {
  await page.goto(LESSON_1.path);
  await page.keyboard.press('/');
  const dialog = page.getByRole('dialog', { name: 'Search the course' });
  await dialog.getByLabel('Search lessons').fill('slippery');
  await expect(dialog.getByRole('link', { name: new RegExp(LESSON_2.title) })).toBeVisible();
});

test('lesson with the sampler: it samples and asks the built-in model for next words', async ({ page }) => {
  await page.goto(LESSON_2.path);
  await wakeIslands(page);
  const widget = page.getByRole('region', { name: 'Try it: next-word sampler' }).first();
  await widget.getByLabel('Scenario').selectOption({ label: 'Your own prompt' });
  await widget.getByLabel('Your prompt for the built-in model').fill('He moved to the United');
  await widget.getByRole('button', { name: 'Show next words' }).click();
  await expect(widget.locator('tbody th').first()).toHaveText('States');
  // A key term's definition opens in a popover placed by an inline style.
  await page.locator('.key-term__trigger').first().click();
  await expect(page.locator('.key-term__popover:popover-open')).toBeVisible();
});

test('lesson with the diffusion widgets: the visualizer draws and the woken generator samples', async ({ page }) => {
  await page.goto('/learn/what-is-genai/genai-for-images/');
  await wakeIslands(page);
  const visualizer = page.getByRole('region', { name: 'Try it: adding noise step by step' });
  await visualizer.getByLabel(/^Timestep/).fill('500');
  await expect(visualizer.getByRole('img', { name: 'Noisy picture x at step 500' })).toBeVisible();
  const generator = page.getByRole('region', { name: 'Try it: generate from noise with a trained model' });
  await generator.getByLabel(/^Steps/).fill('20');
  await generator.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(generator.locator('p[role="status"]')).toContainText('% of the points lie closer to');
});

for (const { name, path, heading } of [
  { name: 'glossary', path: '/glossary/', heading: 'Glossary' },
  { name: 'cheat sheet', path: '/cheat-sheets/what-is-genai/', heading: /./ },
  { name: 'exam overview', path: '/exam/', heading: /^The AIF-C01 exam/ },
  { name: 'mistake review', path: '/review/', heading: 'Review your mistakes' },
  { name: 'your data', path: '/your-data/', heading: 'Your progress, in a file' },
]) {
  test(`${name}: the page and its scripts load`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await wakeIslands(page);
  });
}

test('section quiz: a question is answered and checked', async ({ page }) => {
  await page.goto('/quiz/what-is-genai/');
  await wakeIslands(page);
  await page.getByRole('button', { name: 'Start the quiz' }).click();
  await expect(page.locator('.quiz h2')).toBeFocused();
  await answerByKeyboard(page);
  await page.keyboard.press('Enter');
  await expect(page.locator('.quiz__verdict')).toBeVisible();
});

test('mock exam: an exam starts', async ({ page }) => {
  await page.goto('/mock-exam/');
  await wakeIslands(page);
  await page.getByRole('button', { name: 'Start the mock exam' }).click();
  await expect(page.locator('.quiz h2')).toHaveText('Question 1 of 65');
});

test('playground: an answer from the built-in model streams in', async ({ page }) => {
  await page.goto('/playground/');
  await expect(page.getByRole('button', { name: 'Send', exact: true })).toBeEnabled();
  await page.getByLabel('Max tokens').fill('8');
  await page.getByLabel('Your prompt').fill('Amazon Bedrock is');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  const answer = page.getByRole('article').first();
  await expect(answer.locator('.playground__figures')).toContainText('8 output tokens');
});

test('404: an unknown address gets the styled 404 page', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the course');
  // The stylesheet applied: the skip link is moved off screen until focused.
  await expect(page.getByRole('link', { name: 'Skip to content' })).not.toBeInViewport();
});

test('the policy is in force: an injected inline script is refused and reported', async ({ page, problems }) => {
  await page.goto(LESSON_1.path);
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'document.body.dataset.injected = "ran"';
    document.body.append(script);
  });
  await expect.poll(() => problems.join('\n')).toContain('script-src-elem blocked inline');
  await expect(page.locator('body')).not.toHaveAttribute('data-injected');
  problems.length = 0;
});

test('no page can be framed, not even by the course itself', async ({ page, problems }) => {
  await page.goto('/');
  await page.evaluate(() => {
    const frame = document.createElement('iframe');
    frame.src = '/glossary/';
    document.body.append(frame);
  });
  await expect.poll(() => problems.join('\n')).toContain("frame-ancestors 'none'");
  expect(page.frames().map((frame) => frame.url())).not.toContain(new URL('/glossary/', page.url()).href);
  problems.length = 0;
});

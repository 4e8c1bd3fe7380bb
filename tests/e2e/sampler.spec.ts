import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeViolations } from './axe';
import { LESSON_2 } from './fixtures';

function sampler(page: Page) {
  return page.getByRole('region', { name: 'Try it: next-word sampler' }).first();
}

const announcement = (widget: Locator) => widget.locator('.sampler__announcement');

/** The sampled count shown for each word of the table. */
async function sampledCounts(widget: Locator) {
  const rows = widget.locator('tbody tr');
  const counts: Record<string, number> = {};
  for (const row of await rows.all()) {
    const word = (await row.locator('th').innerText()).replace('filtered', '').trim();
    counts[word] = Number(await row.locator('td').nth(2).innerText());
  }
  return counts;
}

test.beforeEach(async ({ page }) => {
  await page.goto(LESSON_2.path);
  await sampler(page).scrollIntoViewIfNeeded();
  // The island hydrates once visible; Astro then removes its ssr attribute.
  await expect(page.locator('astro-island:has(.sampler)').first()).not.toHaveAttribute('ssr');
});

test('at temperature 0, 100 samples are all "wet"', async ({ page }) => {
  const widget = sampler(page);
  await widget.getByLabel('Temperature').fill('0');
  await widget.getByRole('button', { name: 'Sample 100 times' }).click();
  const counts = await sampledCounts(widget);
  expect(counts.wet).toBe(100);
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(100);
  await expect(widget.getByText('Temperature 0 is greedy decoding')).toBeVisible();
});

test('at top-p 0.5 only "wet" and "flooded" appear, and the histogram adds up', async ({ page }) => {
  const widget = sampler(page);
  await widget.getByLabel('Top-p').fill('0.5');
  await widget.getByRole('button', { name: 'Sample 1,000 times' }).click();
  const counts = await sampledCounts(widget);
  expect(
    Object.entries(counts)
      .filter(([, count]) => count > 0)
      .map(([word]) => word)
      .sort(),
  ).toEqual(['flooded', 'wet']);
  expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(1000);
  await expect(widget.locator('tbody tr.sampler__filtered')).toHaveCount(5);
  await expect(announcement(widget)).toContainText('Sampled 1000 words');
});

test('the same seed gives the same sentence twice; regenerating gives other sentences', async ({ page }) => {
  const widget = sampler(page);
  await widget.getByLabel('Seed').fill('7');
  await widget.getByLabel('Seed').press('Enter');
  const completions = widget.getByRole('list', { name: 'Completions, newest first' }).getByRole('listitem');
  const regenerate = widget.getByRole('button', { name: 'Regenerate a completion' });
  for (let i = 0; i < 6; i++) await regenerate.click();
  const firstRun = await completions.allInnerTexts();
  expect(new Set(firstRun).size).toBeGreaterThan(1);

  await widget.getByRole('button', { name: 'Reset' }).click();
  for (let i = 0; i < 6; i++) await regenerate.click();
  expect(await completions.allInnerTexts()).toEqual(firstRun);
});

test('regenerating gives whole sentences, each ending in a full stop', async ({ page }) => {
  const widget = sampler(page);
  const regenerate = widget.getByRole('button', { name: 'Regenerate a completion' });
  for (let i = 0; i < 5; i++) await regenerate.click();
  const completions = widget.getByRole('list', { name: 'Completions, newest first' }).getByRole('listitem');
  await expect(completions).toHaveCount(5);
  for (const sentence of await completions.allInnerTexts())
    expect(sentence).toMatch(/^After the rain, the streets were( [\w-]+)+\.$/);
});

test('the widget says why "wet" shows 41.2% where the lesson says 40%', async ({ page }) => {
  const widget = sampler(page);
  await expect(widget.getByRole('row', { name: /^wet/ }).locator('td').first()).toHaveText('41.2%');
  await expect(widget.getByText('These 7 words hold 97.0% of the probability')).toContainText(
    'Each is divided by 0.97 to add up to 100%: "wet" 40.0% shows as 41.2%.',
  );
});

test('the probability bars stand out from their track in both themes', async ({ page }) => {
  const widget = sampler(page);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const column of [0, 1]) {
      const fill = widget.getByRole('row', { name: /^wet/ }).locator('td').nth(column).locator('.sampler__fill');
      const { height, contrast } = await fill.evaluate((element) => {
        const luminance = (colour: string) => {
          const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).map(Number).map((value) => {
            const c = value / 255;
            return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
          });
          return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
        };
        // What the fill is seen against: the nearest ancestor with a background of its own.
        let behind = element.parentElement;
        while (behind && getComputedStyle(behind).backgroundColor === 'rgba(0, 0, 0, 0)') behind = behind.parentElement;
        const [a, b] = [
          getComputedStyle(element).backgroundColor,
          getComputedStyle(behind ?? document.body).backgroundColor,
        ].map(luminance);
        return {
          height: element.getBoundingClientRect().height,
          contrast: (Math.max(a ?? 0, b ?? 0) + 0.05) / (Math.min(a ?? 0, b ?? 0) + 0.05),
        };
      });
      expect(height, `${colorScheme}, column ${column}`).toBeGreaterThanOrEqual(8);
      expect(contrast, `${colorScheme}, column ${column}`).toBeGreaterThanOrEqual(3);
    }
  }
});

test('words can be added one at a time, following the scenario', async ({ page }) => {
  const widget = sampler(page);
  await widget.getByLabel('Top-k').selectOption('2');
  await widget.getByRole('button', { name: 'Add the next word' }).click();
  await expect(widget.locator('.sampler__prompt')).toHaveText(/^After the rain, the streets were (wet|flooded)$/);
  // The table now shows the words that can follow the chosen one.
  await expect(widget.locator('caption')).toContainText(/streets were (wet|flooded)"/);
});

test('the sampler is operable by keyboard and has no WCAG 2.2 AA violation', async ({ page }) => {
  const widget = sampler(page);
  const temperature = widget.getByLabel('Temperature');
  await temperature.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(temperature).toHaveValue('0.95');
  await widget.getByRole('button', { name: 'Sample once' }).focus();
  await page.keyboard.press('Enter');
  await expect(announcement(widget)).toContainText('Sampled "');
  expect(await axeViolations(page, '.sampler')).toEqual([]);
});

test('"your own prompt" shows the built-in model\'s real next-word candidates', async ({ page }) => {
  const widget = sampler(page);
  await widget.getByLabel('Scenario').selectOption({ label: 'Your own prompt' });
  await widget.getByLabel('Your prompt for the built-in model').fill('He moved to the United');
  await widget.getByRole('button', { name: 'Show next words' }).click();
  const rows = widget.locator('tbody th');
  await expect(rows).toHaveCount(10);
  await expect(rows.first()).toHaveText('States');
  await expect(widget.getByText(/most likely words out of [\d,]+, holding [\d.]+% of its probability/)).toBeVisible();

  await widget.getByLabel('Temperature').fill('0');
  await widget.getByRole('button', { name: 'Add the next word' }).click();
  await expect(widget.locator('.sampler__prompt')).toHaveText('He moved to the United States');
});

test('the scenario menu keeps "Your own prompt" chosen, and a worked scenario brings the examples back', async ({
  page,
}) => {
  const widget = sampler(page);
  const menu = widget.getByLabel('Scenario');
  await menu.selectOption({ label: 'Your own prompt' });
  await expect(menu).toHaveValue('own');
  await expect(widget.getByLabel('Your prompt for the built-in model')).toBeVisible();

  await menu.selectOption({ label: 'After the rain' });
  await expect(menu).toHaveValue('rain');
  await expect(widget.getByLabel('Your prompt for the built-in model')).toHaveCount(0);
  await expect(widget.locator('.sampler__prompt')).toHaveText('After the rain, the streets were');
});

test('the next-words endpoint rejects a bad request with a JSON error naming the field', async ({ request }) => {
  const tooMany = await request.get('/api/next-words?n=500&context=hello');
  expect(tooMany.status()).toBe(400);
  expect(await tooMany.json()).toEqual({
    error: { code: 'validation', field: 'n', message: 'Ask for 1 to 50 candidates.' },
  });
  const tooLong = await request.get(`/api/next-words?context=${'a'.repeat(501)}`);
  expect(tooLong.status()).toBe(400);
  expect((await tooLong.json()).error.field).toBe('context');
});

test('two samplers on one page keep their own settings and samples', async ({ page }) => {
  await page.goto('/learn/genai-concepts/inference-parameters/');
  const [factual, story] = [
    page.getByRole('region', { name: 'Try it: next-word sampler' }).nth(0),
    page.getByRole('region', { name: 'Try it: next-word sampler' }).nth(1),
  ];
  for (const widget of [factual, story]) {
    await widget.scrollIntoViewIfNeeded();
    await expect(widget.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr');
  }
  await expect(factual.getByLabel('Scenario')).toHaveValue('capital');
  await expect(story.getByLabel('Scenario')).toHaveValue('story');

  await factual.getByLabel('Temperature').fill('0');
  await story.getByRole('button', { name: 'Sample 100 times' }).click();
  await expect(story.locator('caption')).toContainText('(100 samples drawn)');
  await expect(factual.locator('caption')).toContainText('(0 samples drawn)');
  await expect(story.getByLabel('Temperature')).toHaveValue('1');
  await expect(factual.getByLabel('Temperature')).toHaveValue('0');
});

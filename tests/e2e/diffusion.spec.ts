import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

const LESSON = '/learn/what-is-genai/genai-for-images/';

test.beforeEach(async ({ page }) => {
  await page.goto(LESSON);
  await page.locator('.diffusion').scrollIntoViewIfNeeded();
  await expect(page.locator('astro-island:has(.diffusion)')).not.toHaveAttribute('ssr');
});

test('the timestep moves the picture from clean to pure noise, and the schedules differ at step 500', async ({
  page,
}) => {
  const widget = page.getByRole('region', { name: 'Try it: adding noise step by step' });
  const levels = widget.locator('.diffusion__levels');
  const timestep = widget.getByLabel(/^Timestep/);
  await timestep.fill('0');
  await expect(levels).toContainText('keeps 100% of its variance');
  await timestep.fill('1000');
  await expect(levels).toContainText('keeps 0% of its variance');
  await timestep.fill('500');
  await expect(levels).toContainText('keeps 8% of its variance');
  await widget.getByLabel('Noise schedule').selectOption('cosine');
  await expect(levels).toContainText('keeps 49% of its variance');
  await expect(widget.getByRole('img', { name: 'Noisy picture x at step 500' })).toBeVisible();
  await expect(widget.getByText('At step 500, linear keeps ᾱ = 0.079 and cosine ᾱ = 0.494.')).toBeVisible();
});

test('play runs the steps forward, and the same seed gives the same noise', async ({ page }) => {
  const widget = page.getByRole('region', { name: 'Try it: adding noise step by step' });
  const noise = () =>
    widget
      .locator('canvas')
      .nth(1)
      .evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());
  const first = await noise();
  await widget.getByLabel('Noise seed').fill('8');
  await widget.getByLabel('Noise seed').press('Enter');
  await expect.poll(noise).not.toBe(first);
  await widget.getByLabel('Noise seed').fill('7');
  await widget.getByLabel('Noise seed').press('Enter');
  await expect.poll(noise).toBe(first);

  const output = widget.locator('output');
  const before = Number(await output.innerText());
  await widget.getByRole('button', { name: 'Play' }).click();
  await expect.poll(async () => Number(await output.innerText())).toBeGreaterThan(before + 20);
  await widget.getByRole('button', { name: 'Pause' }).click();
});

test('a file that is not a picture gets a clear message and the widget keeps working', async ({ page }) => {
  const widget = page.getByRole('region', { name: 'Try it: adding noise step by step' });
  await widget
    .getByLabel('Your own picture')
    .setInputFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image') });
  await expect(widget.locator('.diffusion__message')).toHaveText(
    'That file is not a picture this browser can read. Use a PNG, JPEG or WebP image.',
  );
  await widget.getByLabel(/^Timestep/).fill('100');
  await expect(widget.locator('.diffusion__levels')).toContainText('keeps 90% of its variance');
  const results = await new AxeBuilder({ page })
    .include('.diffusion')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
});

test('a picture of your own is used in the browser, and an oversized file is refused', async ({ page }) => {
  const widget = page.getByRole('region', { name: 'Try it: adding noise step by step' });
  const onePixelPng = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==',
    'base64',
  );
  await widget
    .getByLabel('Your own picture')
    .setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: onePixelPng });
  await expect(widget.locator('.diffusion__message')).toHaveText(
    'Using your picture, 1 × 1 pixels, scaled to 64 × 64.',
  );
  await expect(widget.locator('select').first()).toHaveValue('upload');

  await widget
    .getByLabel('Your own picture')
    .setInputFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.alloc(10 * 1024 * 1024 + 1) });
  await expect(widget.locator('.diffusion__message')).toHaveText(
    'That file is larger than 10 MB. Choose a smaller picture.',
  );
});

import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from './axe';

const LESSON = '/learn/what-is-genai/genai-for-images/';

/** Opens the lesson and scrolls to a widget, waiting until its island has woken up. */
async function openWidget(page: Page, selector: string) {
  await page.goto(LESSON);
  await page.locator(selector).scrollIntoViewIfNeeded();
  await expect(page.locator(`astro-island:has(${selector})`)).not.toHaveAttribute('ssr');
}

test.describe('forward process', () => {
  test.beforeEach(async ({ page }) => openWidget(page, '.diffusion:not(.diffusion--generate)'));

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
    expect(await axeViolations(page, '.diffusion:not(.diffusion--generate)')).toEqual([]);
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
});

test.describe('generation with the trained model', () => {
  test.beforeEach(async ({ page }) => openWidget(page, '.diffusion--generate'));

  const plot = (page: Page) =>
    page.locator('.diffusion--generate canvas').evaluate((canvas: HTMLCanvasElement) => canvas.toDataURL());

  test('pure noise becomes a sample step by step; the same seed gives the same sample, new noise a new one', async ({
    page,
  }) => {
    const widget = page.getByRole('region', { name: 'Try it: generate from noise with a trained model' });
    const status = widget.locator('p[role="status"]');
    await expect(status).toHaveText('Choose a prompt and press Generate.');
    await widget.getByRole('combobox', { name: /^Prompt/ }).selectOption('cloud');
    await widget.getByLabel(/^Steps/).fill('20');
    await widget.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(status).toContainText(/% of the points lie closer to the cloud drawing than to the others\./);
    await expect(widget.getByRole('img', { name: /at step 20 of 20 \(t = 0\), prompt "cloud"/ })).toBeVisible();
    // Picking the next prompt does not relabel the sample on show.
    await widget.getByRole('combobox', { name: /^Prompt/ }).selectOption('cat');
    await expect(status).toContainText('closer to the cloud drawing');
    await expect(widget.getByRole('img', { name: /prompt "cloud"/ })).toBeVisible();
    await widget.getByRole('combobox', { name: /^Prompt/ }).selectOption('cloud');
    const share = Number(/(\d+)% of the points/.exec(await status.innerText())?.[1]);
    expect(share).toBeGreaterThan(50);
    const sample = await plot(page);

    // The replay slider goes back to the starting noise and forward again.
    const replay = widget.getByLabel(/^Replay: step/);
    await replay.fill('0');
    await expect(widget.getByRole('img', { name: /at step 0 of 20 \(t = 1000\)/ })).toBeVisible();
    expect(await plot(page)).not.toBe(sample);
    await replay.fill('20');
    await expect.poll(() => plot(page)).toBe(sample);

    await widget.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(status).toContainText('Done');
    await expect.poll(() => plot(page)).toBe(sample);

    await widget.getByRole('button', { name: 'Generate again (new noise)' }).click();
    await expect(widget.getByLabel('Seed', { exact: true })).toHaveValue('2');
    await expect(status).toContainText('Done');
    await expect.poll(() => plot(page)).not.toBe(sample);
  });

  test('switching to the dark theme redraws the sample in the dark theme colours', async ({ page }) => {
    const widget = page.getByRole('region', { name: 'Try it: generate from noise with a trained model' });
    await page.getByLabel('Theme').selectOption('light');
    await widget.getByLabel(/^Steps/).fill('10');
    await widget.getByRole('button', { name: 'Generate', exact: true }).click();
    await expect(widget.locator('p[role="status"]')).toContainText('Done');
    const light = await plot(page);
    await page.getByLabel('Theme').selectOption('dark');
    await expect.poll(() => plot(page)).not.toBe(light);
  });

  test('every control works from the keyboard, is labelled, and axe finds nothing', async ({ page }) => {
    const widget = page.getByRole('region', { name: 'Try it: generate from noise with a trained model' });
    await widget.getByRole('combobox', { name: /^Prompt/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(widget.getByRole('combobox', { name: /^Prompt/ })).toHaveValue('computer');
    await widget.getByLabel('Sampler').selectOption('ddpm');
    const guidance = widget.getByLabel(/^Guidance scale/);
    await guidance.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(guidance).toHaveValue('2.5');
    await widget.getByLabel(/^Steps/).fill('10');
    await widget.getByLabel('Show the training drawing').check();
    await widget.getByRole('button', { name: 'Generate', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(widget.locator('p[role="status"]')).toContainText('closer to the computer drawing');
    expect(await axeViolations(page, '.diffusion--generate')).toEqual([]);
  });
});

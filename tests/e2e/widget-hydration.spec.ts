/**
 * A lesson's widgets show as HTML at once and come alive a moment later, when their JavaScript has loaded. What a
 * learner sets in between must not be lost. Each test holds a widget's JavaScript back, uses the controls by
 * keyboard, then lets the widget wake up.
 */
import { expect, test, type Page } from '@playwright/test';
import { LESSON_2 } from './fixtures';

const IMAGES_LESSON = '/learn/what-is-genai/genai-for-images/';

/** Holds back the island's component file until the returned function is called. */
async function holdIsland(page: Page, component: string) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(new RegExp(`/_astro/${component}\\.[\\w-]+\\.js$`), async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('a scenario and a temperature set before the sampler wakes up are kept and used', async ({ page }) => {
  const release = await holdIsland(page, 'NextWordSampler');
  await page.goto(LESSON_2.path);
  const widget = page.getByRole('region', { name: 'Try it: next-word sampler' });
  const island = page.locator('astro-island:has(.sampler)');
  await widget.getByLabel('Scenario').focus();
  await page.keyboard.press('ArrowDown');
  await widget.getByLabel('Temperature').focus();
  await page.keyboard.press('Home');
  await expect(island).toHaveAttribute('ssr');
  // A button cannot do its work yet, so it says so rather than swallow the press.
  await expect(widget.getByRole('button', { name: 'Sample 100 times' })).toBeDisabled();

  release();
  await expect(island).not.toHaveAttribute('ssr');
  await expect(widget.getByLabel('Scenario')).toHaveValue('capital');
  await expect(widget.locator('.sampler__prompt')).toHaveText('The capital of Australia is');
  await expect(widget.getByLabel('Temperature')).toHaveValue('0');
  await expect(widget.locator('output').first()).toHaveText('0.00');
  await widget.getByRole('button', { name: 'Sample 100 times' }).click();
  await expect(widget.locator('caption')).toContainText('(100 samples drawn)');
  await expect(
    widget
      .getByRole('row', { name: /^Canberra/ })
      .locator('td')
      .nth(2),
  ).toHaveText('100');
  await expect(widget.getByLabel('Temperature')).toHaveValue('0');
});

test('a timestep and noise schedule set before the diffusion widget wakes up are kept and used', async ({ page }) => {
  const release = await holdIsland(page, 'DiffusionVisualizer');
  await page.goto(IMAGES_LESSON);
  const widget = page.getByRole('region', { name: 'Try it: adding noise step by step' });
  const island = page.locator('astro-island:has(.diffusion:not(.diffusion--generate))');
  await widget.getByLabel('Noise schedule').focus();
  await page.keyboard.press('ArrowDown');
  const timestep = widget.getByLabel(/^Timestep/);
  await timestep.focus();
  for (let i = 0; i < 25; i++) await page.keyboard.press('ArrowRight');
  await expect(island).toHaveAttribute('ssr');

  release();
  await expect(island).not.toHaveAttribute('ssr');
  await expect(timestep).toHaveValue('275');
  await expect(widget.locator('.diffusion__time output')).toHaveText('275');
  await expect(widget.getByLabel('Noise schedule')).toHaveValue('cosine');
  await expect(widget.getByRole('img', { name: 'Noisy picture x at step 275' })).toBeVisible();
  await widget.getByRole('button', { name: 'Step +50' }).click();
  await expect(widget.locator('.diffusion__time output')).toHaveText('325');
  // Cosine keeps far more of the picture than linear at this step (75% against 34%).
  await expect(widget.locator('.diffusion__levels')).toContainText('keeps 75% of its variance');
});

test('a prompt chosen before the diffusion generator wakes up is the one it draws', async ({ page }) => {
  const release = await holdIsland(page, 'PointDiffusion');
  await page.goto(IMAGES_LESSON);
  const widget = page.getByRole('region', { name: 'Try it: generate from noise with a trained model' });
  const island = page.locator('astro-island:has(.diffusion--generate)');
  await widget.getByRole('combobox', { name: /^Prompt/ }).focus();
  await page.keyboard.press('ArrowDown');
  await widget.getByLabel('Show the training drawing').check();
  await expect(island).toHaveAttribute('ssr');

  release();
  await expect(island).not.toHaveAttribute('ssr');
  await expect(widget.getByRole('combobox', { name: /^Prompt/ })).toHaveValue('computer');
  await expect(widget.getByLabel('Show the training drawing')).toBeChecked();
  await widget.getByLabel(/^Steps/).fill('10');
  await widget.getByRole('button', { name: 'Generate', exact: true }).click();
  await expect(widget.locator('p[role="status"]')).toContainText('closer to the computer drawing');
  await expect(widget.getByLabel('Show the training drawing')).toBeChecked();
});

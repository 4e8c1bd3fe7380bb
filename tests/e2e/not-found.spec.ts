import { expect, test } from '@playwright/test';

test('an unknown address gets a helpful 404 page', async ({ page }) => {
  const response = await page.goto('/learn/no-such-lesson/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page is not in the course');
  await page.getByRole('main').getByRole('link', { name: 'home page' }).click();
  await expect(page).toHaveURL('/');
});

/** Nothing the browser can download from the built site (dist/client) holds a credential or a server setting. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { leaksIn } from '../secret-scan';

const site = join(import.meta.dirname, '..', '..', 'dist', 'client');

test('dist/client holds no credential and no server-only setting name', () => {
  expect(existsSync(site), 'run "npm run build" first').toBe(true);
  expect(leaksIn(site)).toEqual([]);
});

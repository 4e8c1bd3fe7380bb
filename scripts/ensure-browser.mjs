/**
 * Makes sure a Chromium is there for the browser tests. On a fresh Debian machine (CI) it installs Debian's
 * Chromium package; elsewhere it explains what to install.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumPath } from './browser.mjs';

function playwrightBrowser() {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

if (chromiumPath() || playwrightBrowser()) process.exit(0);

const canApt = process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
if (!canApt) {
  console.error(
    'No Chromium found for the browser tests. Install one with "npx playwright install chromium",\n' +
      'or point CHROMIUM_PATH at an installed Chromium or Chrome.',
  );
  process.exit(1);
}
console.log('Installing Debian Chromium for the browser tests…');
execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });

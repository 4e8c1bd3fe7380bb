import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './scripts/browser.mjs';
import { SERVER_ORIGINS } from './tests/e2e/fixtures';

const executablePath = chromiumPath();
// Every browser test chats from 127.0.0.1, so the playground's per-address rate limit is raised for them; each run
// starts with nothing spent, and keeps out of the spend file of the developer's own server.
const playgroundLimits = {
  PLAYGROUND_RATE_LIMIT_PER_MINUTE: '600',
  PLAYGROUND_RATE_LIMIT_BURST: '100',
  PLAYGROUND_SPEND_FILE: join(tmpdir(), `aif-c01-e2e-spend-${Date.now()}.json`),
};

/**
 * The built server, started as `npm run serve` does, with the playground's test settings and `env`. It listens on a
 * free port (so two runs can share a machine); Playwright reads the port from its start-up line into
 * `process.env[portVariable]`, which the tests' origins read. `command` may put a variable set by an earlier server
 * before the server itself.
 */
function builtServer(portVariable: string, env: Record<string, string>, command = 'node src/server/serve.ts') {
  return {
    command,
    env: { PORT: '0', HOST: '127.0.0.1', ...playgroundLimits, ...env },
    wait: { stdout: new RegExp(`Server listening on http://127\\.0\\.0\\.1:(?<${portVariable}>\\d+)`) },
    timeout: 30_000,
  };
}

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: SERVER_ORIGINS.app(),
    trace: 'retain-on-failure',
    launchOptions: { args: chromiumArgs, ...(executablePath ? { executablePath } : {}) },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: [
    // The built server, as users run it (npm test builds first), with no AWS setup: Bedrock models are off.
    builtServer('E2E_APP_PORT', {
      AWS_REGION: '',
      AWS_DEFAULT_REGION: '',
      AWS_PROFILE: '',
      AWS_ACCESS_KEY_ID: '',
      AWS_SECRET_ACCESS_KEY: '',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
    }),
    {
      // A fake Amazon Bedrock runtime (HTTP/2, real event-stream frames) for the playground's Bedrock journeys.
      command: 'node tests/fakes/bedrock-server.ts --port 0',
      wait: { stdout: /listening on http:\/\/127\.0\.0\.1:(?<E2E_FAKE_BEDROCK_PORT>\d+)/ },
      timeout: 30_000,
    },
    // The same built server with AWS set up, its Bedrock calls going to the fake (its port known only by now).
    builtServer(
      'E2E_BEDROCK_APP_PORT',
      {
        BEDROCK_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'fake-key-id-e2e',
        AWS_SECRET_ACCESS_KEY: 'fake-secret-key-for-the-local-bedrock-fake',
      },
      'BEDROCK_ENDPOINT=http://127.0.0.1:$E2E_FAKE_BEDROCK_PORT node src/server/serve.ts',
    ),
  ],
});

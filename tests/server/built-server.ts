/**
 * The real server for the HTTP tests: the site built once per test run into tests/.server-build (so a stale dist
 * never answers), then started as `npm run serve` starts it (`node src/server/serve.ts <build>`) with the environment
 * a test gives it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
// SERVER_TEST_BUILD lets two test runs in one checkout keep apart.
const buildDir = join(root, 'tests', process.env.SERVER_TEST_BUILD ?? '.server-build');
const lockDir = `${buildDir}.lock`;
const marker = join(buildDir, 'built-for-run');
// Test files run in worker processes of one Vitest process: its id marks this run's build.
const run = String(process.ppid);

function runNode(args: string[], env: Record<string, string>) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'pipe' });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`astro build failed:\n${output}`))));
  });
}

/**
 * Fake secrets in the build's environment: the build must not copy any of them into the browser's files, whose
 * check is in playground-http.test.ts.
 */
export const BUILD_ENV_SECRETS: Record<string, string> = {
  PLAYGROUND_ACCESS_TOKEN: 'build-env-canary-token-0123456789',
  AWS_ACCESS_KEY_ID: 'build-env-canary-key-id',
  AWS_SECRET_ACCESS_KEY: 'build-env-canary-secret-access-key',
  BEDROCK_ENDPOINT: 'http://build-env-canary.invalid',
};

/** The browser's files of the test build. */
export const builtClient = join(buildDir, 'client');

/** Builds the site once per test run, whichever test file asks first; the others wait for it. */
export async function buildOnce() {
  for (;;) {
    if ((await readFile(marker, 'utf8').catch(() => '')) === run) return buildDir;
    try {
      await mkdir(lockDir);
    } catch {
      // Another test file is building; a lock left by a crashed run is dropped after three minutes.
      const age = Date.now() - ((await stat(lockDir).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > 180_000) await rm(lockDir, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
      continue;
    }
    try {
      await rm(buildDir, { recursive: true, force: true });
      await runNode([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', buildDir], {
        ASTRO_TELEMETRY_DISABLED: '1',
        ...BUILD_ENV_SECRETS,
      });
      await writeFile(marker, run);
    } finally {
      await rm(lockDir, { recursive: true, force: true });
    }
  }
}

export interface RunningServer {
  origin: string;
  process: ChildProcess;
  /** What the server printed, for failure messages and the check that no secret is logged. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * The environment of a built server whose Bedrock calls go to a fake: static fake credentials and a region, no
 * retries (an error reaches the playground at once), and nothing read from the developer's AWS files or an
 * instance role.
 */
export function fakeBedrockEnv(endpoint: string, credentials: { keyId: string; secret: string }) {
  return {
    AWS_ACCESS_KEY_ID: credentials.keyId,
    AWS_SECRET_ACCESS_KEY: credentials.secret,
    AWS_MAX_ATTEMPTS: '1',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_CONFIG_FILE: '/dev/null',
    BEDROCK_REGION: 'us-east-1',
    BEDROCK_ENDPOINT: endpoint,
  };
}

let started = 0;

/**
 * Starts the built server with only the given environment (plus PATH), so nothing from the developer's own AWS
 * setup leaks in. It listens on a port the system picks (PORT=0), read back from its "listening" line, so any
 * number of servers and test runs can share the machine.
 */
export async function startBuiltServer(
  env: Record<string, string> = {},
  nodeOptions: string[] = [],
): Promise<RunningServer> {
  const directory = await buildOnce();
  const child = spawn(process.execPath, [...nodeOptions, join(root, 'src', 'server', 'serve.ts'), directory], {
    env: {
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      ASTRO_TELEMETRY_DISABLED: '1',
      // Each server starts with nothing spent, and keeps out of the spend file of the developer's own server.
      PLAYGROUND_SPEND_FILE: join(tmpdir(), `aif-c01-test-spend-${process.pid}-${++started}.json`),
      ...env,
    },
    stdio: 'pipe',
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  for (let attempt = 0; attempt < 150; attempt++) {
    if (child.exitCode !== null) throw new Error(`The server exited:\n${output}`);
    // "Server listening on http://127.0.0.1:PORT", or "local: http://localhost:PORT" when bound to all addresses.
    const port = /Server listening on[^]*?:(\d+)/.exec(output)?.[1];
    if (port) {
      const origin = `http://127.0.0.1:${port}`;
      if ((await fetch(`${origin}/api/health`).catch(() => undefined))?.ok)
        return { origin, process: child, output: () => output, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`The server did not start:\n${output}`);
}

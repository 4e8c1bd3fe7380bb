/**
 * Prints the figures the course is held to: a full build's wall time; per page type the JavaScript and CSS a
 * first visit loads (bytes and gzip bytes) and the Lighthouse mobile scores, measured against the built server
 * on this machine in Chromium; the sampler and playground islands' sizes; and the sampling and language-model speeds
 * and the playground server's added latency measured by the Vitest benchmarks in tests/bench. Writes the figures to
 * bench-results/latest.json.
 *
 * The diffusion model is retrained from scratch, timed, and compared with the committed weights.
 *
 * Usage: npm run bench [-- --skip-build]
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { chromiumArgs, chromiumPath } from './browser.mjs';

const DIFFUSION_WEIGHTS = 'src/lib/point-diffusion-weights.json';
// Set when the server says where it listens: it takes a port the system picks, so no run collides with another.
let origin = '';
const pageTypes = [
  { name: 'home', path: '/' },
  { name: 'lesson (no widget)', path: '/learn/what-is-genai/generative-ai-basics/' },
  { name: 'lesson with sampler', path: '/learn/what-is-genai/llms-and-non-determinism/', island: '.sampler' },
  // Scrolled to the widgets: the visualizer and the generator sit close enough to wake together, the generator
  // with its trained weights.
  { name: 'lesson with diffusion', path: '/learn/what-is-genai/genai-for-images/', island: '.diffusion--generate' },
  { name: 'glossary', path: '/glossary/' },
  { name: 'cheat sheet', path: '/cheat-sheets/what-is-genai/' },
  { name: 'section quiz', path: '/quiz/what-is-genai/' },
  { name: 'mock exam', path: '/mock-exam/' },
  { name: 'playground', path: '/playground/', island: '.playground' },
  { name: '404', path: '/no-such-page/' },
];

function run(command, args, env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`)),
    );
  });
}

async function timeBuild() {
  const start = performance.now();
  await run('npm', ['run', 'build', '--silent'], { ASTRO_TELEMETRY_DISABLED: '1' });
  return (performance.now() - start) / 1000;
}

/** Starts the built server on a port the system picks and reads the port back from its "listening" line. */
async function startServer() {
  const server = spawn(process.execPath, ['src/server/serve.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('The server did not start')), 20_000);
    server.stdout.on('data', (chunk) => {
      output += chunk;
      const found = /Server listening on[^]*?:(\d+)/.exec(output)?.[1];
      if (found) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    server.on('exit', () => reject(new Error(`The server stopped:\n${output}`)));
  }).catch((error) => {
    server.kill();
    throw error;
  });
  origin = `http://127.0.0.1:${port}`;
  server.stdout.resume();
  return server;
}

/** A port no one listens on now, for Chromium's debugging port that Lighthouse connects to. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

/**
 * JS and CSS a first visit loads: external files plus inline scripts and styles, raw and gzipped. On a page with
 * an island, the island is scrolled into view so that what it loads when it wakes up is counted too.
 */
async function assetSizes(browser, path, island) {
  const page = await browser.newPage();
  const urls = { script: new Set(), stylesheet: new Set() };
  page.on('request', (request) => urls[request.resourceType()]?.add(request.url()));
  await page.goto(origin + path, { waitUntil: 'networkidle' });
  if (island) {
    await page.locator(island).first().scrollIntoViewIfNeeded();
    await page.waitForSelector(`astro-island:not([ssr]) ${island}`);
    await page.waitForLoadState('networkidle');
  }
  const inline = await page.evaluate(() => ({
    script: [...document.querySelectorAll('script:not([src]):not([type="application/json"])')].map(
      (s) => s.textContent ?? '',
    ),
    stylesheet: [...document.querySelectorAll('style')].map((s) => s.textContent ?? ''),
  }));
  await page.close();
  const sizes = {};
  for (const kind of ['script', 'stylesheet']) {
    const bodies = await Promise.all(
      [...urls[kind]].map(async (url) => Buffer.from(await (await fetch(url)).arrayBuffer())),
    );
    const all = [...bodies, ...inline[kind].map((text) => Buffer.from(text))];
    sizes[kind] = {
      files: urls[kind].size,
      bytes: all.reduce((sum, body) => sum + body.length, 0),
      gzipBytes: all.reduce((sum, body) => sum + (body.length === 0 ? 0 : gzipSync(body).length), 0),
    };
  }
  return sizes;
}

async function lighthouseScores(path) {
  const result = await lighthouse(origin + path, { port: debugPort, output: 'json', logLevel: 'error' });
  // Lighthouse does not score a page that answers with an error status, such as the 404 page.
  if (!result || result.lhr.runtimeError) return null;
  const categories = result.lhr.categories;
  const score = (id) => Math.round((categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
  };
}

/**
 * Runs the Vitest benchmarks, which write their figures to bench-results/runtime.json. One file at a time, so
 * that no benchmark shares the cores with another, and their figures do not race to the file.
 */
async function runtimeFigures() {
  await rm('bench-results/runtime.json', { force: true });
  await run('npx', ['vitest', 'bench', '--run', 'tests/bench', '--silent', '--no-file-parallelism']);
  return JSON.parse(await readFile('bench-results/runtime.json', 'utf8'));
}

/**
 * Trains the diffusion model from scratch as `npm run train:diffusion` does, timing it, and checks that the result
 * is byte for byte the committed weights file.
 */
async function diffusionTraining() {
  const out = 'bench-results/point-diffusion-weights.json';
  await mkdir('bench-results', { recursive: true });
  const start = performance.now();
  await run(process.execPath, ['scripts/train-diffusion.mjs', '--out', out]);
  const seconds = (performance.now() - start) / 1000;
  const [trained, committed] = await Promise.all([readFile(out), readFile(DIFFUSION_WEIGHTS)]);
  return { seconds, weightsBytes: committed.length, reproduced: trained.equals(committed) };
}

const skipBuild = process.argv.includes('--skip-build');
const buildSeconds = skipBuild ? null : await timeBuild();
const runtime = await runtimeFigures();
const training = await diffusionTraining();
const server = await startServer();
const debugPort = await freePort();
const executablePath = chromiumPath();
const browser = await chromium.launch({
  args: [...chromiumArgs, `--remote-debugging-port=${debugPort}`],
  ...(executablePath ? { executablePath } : {}),
});

const rows = [];
try {
  for (const { name, path, island } of pageTypes) {
    rows.push({
      name,
      path,
      assets: await assetSizes(browser, path, island),
      lighthouse: await lighthouseScores(path),
    });
  }
} finally {
  await browser.close();
  server.kill();
}

const kb = (bytes) => (bytes / 1024).toFixed(1);
console.log(
  `\nBenchmark, ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, Lighthouse mobile preset\n`,
);
console.log('| page | JS KB (gzip) | CSS KB (gzip) | performance | accessibility | best practices | SEO |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const { name, assets, lighthouse: lh } of rows) {
  const js = assets.script;
  const css = assets.stylesheet;
  console.log(
    `| ${name} | ${kb(js.bytes)} (${kb(js.gzipBytes)}) | ${kb(css.bytes)} (${kb(css.gzipBytes)}) | ${
      lh ? `${lh.performance} | ${lh.accessibility} | ${lh.bestPractices} | ${lh.seo}` : 'n/a | n/a | n/a | n/a'
    } |`,
  );
}
const js = (name) => rows.find((row) => row.name === name)?.assets.script ?? { bytes: 0, gzipBytes: 0 };
/** The JavaScript page `name` loads beyond page `base`: what its island adds. */
const jsBeyond = (name, base) => ({
  bytes: js(name).bytes - js(base).bytes,
  gzipBytes: js(name).gzipBytes - js(base).gzipBytes,
});
const island = jsBeyond('lesson with sampler', 'lesson (no widget)');
console.log(
  `\nSampler island (JS its page loads beyond a lesson without it): ${kb(island.bytes)} KB, ${kb(island.gzipBytes)} KB gzip`,
);
// The playground page has the layout and nothing else, like the 404 page.
const playground = jsBeyond('playground', '404');
console.log(
  `Playground island (JS its page loads beyond the 404 page): ${kb(playground.bytes)} KB, ${kb(playground.gzipBytes)} KB gzip`,
);
const beyondPlainLesson = (name) => jsBeyond(name, 'lesson (no widget)').gzipBytes;
console.log(
  `Diffusion lesson, beyond a lesson without widgets: the visualizer and the generator with its trained weights ${kb(beyondPlainLesson('lesson with diffusion'))} KB gzip`,
);
console.log(
  `Diffusion model: trained from scratch in ${training.seconds.toFixed(1)} s; weights file ${kb(training.weightsBytes)} KB; ` +
    `retraining ${training.reproduced ? 'reproduced the committed weights byte for byte' : 'did NOT reproduce the committed weights'}`,
);

const figure = ({ value, unit }) =>
  unit === 'per second'
    ? `${Math.round(value).toLocaleString('en-US')} per second`
    : `${value.toFixed(value < 1 ? 3 : 1)} ${unit}`;
console.log('\n| measure | figure |\n| --- | --- |');
for (const entry of runtime) console.log(`| ${entry.group}: ${entry.name} | ${figure(entry)} |`);

console.log(
  buildSeconds === null
    ? '\nFull build: skipped'
    : `\nFull build (astro build + search index): ${buildSeconds.toFixed(1)} s`,
);
console.log(
  'Targets: lesson without widget <= 10 KB gzip JS; Lighthouse on every page type >= 98 / 100 / 100 / 100; build <= 30 s;\n' +
    'sampler island <= 15 KB gzip; >= 1,000,000 samples/s on the 7-word distribution; built-in model >= 1,000 tokens/s;\n' +
    'quiz pages <= 25 KB gzip JS; playground island <= 30 KB gzip; mock exam assembly from 1,000 questions <= 5 ms;\n' +
    'diffusion forward frame <= 4 ms; diffusion training <= 5 minutes on 2 cores; weights <= 200 KB;\n' +
    '50 DDIM steps for 1,000 points <= 500 ms; playground server adds <= 10 ms to the first token and <= 1 ms per\n' +
    'streamed token (medians, on the fake Bedrock).',
);
console.log('Lighthouse does not score the 404 page: it answers with status 404 (axe checks it in the tests).');

await mkdir('bench-results', { recursive: true });
await writeFile(
  'bench-results/latest.json',
  JSON.stringify(
    { date: new Date().toISOString(), buildSeconds, rows, island, playground, runtime, training },
    null,
    2,
  ),
);

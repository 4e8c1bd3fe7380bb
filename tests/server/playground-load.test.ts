/**
 * A bounded load test: 200 concurrent streaming chats through the built server against the fake Bedrock. Every
 * chat either streams its whole answer or gets the intended rate-limit answer, and the server's heap, measured
 * after garbage collection through the inspector protocol, returns near its baseline.
 *
 * The same for the built-in model with 200 clients that go away mid-answer: each generation must stop, and
 * nothing of it may stay behind.
 *
 * Tolerance: the heap after the load may exceed the warmed-up baseline by at most 4 MiB. A leak of one answer's
 * buffers (about 20 KB of frames and events) per request would add 4 MiB over 200 requests.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readChatEvents } from '../../src/lib/sse';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server';
import { fakeBedrockEnv, startBuiltServer, type RunningServer } from './built-server';
import { NOVA_MICRO, ask } from './helpers';

const CHATS = 200;
const BURST = 150;
const WORDS = 20;
const TOLERANCE_BYTES = 4 * 2 ** 20;

let fake: FakeBedrock;
let server: RunningServer;

beforeAll(async () => {
  fake = await startFakeBedrock();
  server = await startBuiltServer(
    {
      ...fakeBedrockEnv(fake.url, { keyId: 'fake-key-id-load-test', secret: 'load-test-secret' }),
      PLAYGROUND_RATE_LIMIT_BURST: String(BURST),
      PLAYGROUND_RATE_LIMIT_PER_MINUTE: '60',
      PLAYGROUND_DAILY_SPEND_CAP_USD: '100',
    },
    // Port 0: the inspector takes a free port and names it in its "Debugger listening on" line.
    ['--inspect=127.0.0.1:0'],
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

/** A server's heap after a full garbage collection, asked through the V8 inspector. */
async function heapAfterGc(of: RunningServer = server) {
  const socket = new WebSocket(/Debugger listening on (ws:\S+)/.exec(of.output())?.[1] ?? '');
  await new Promise((resolve, reject) => {
    socket.onopen = resolve;
    socket.onerror = reject;
  });
  const pending = new Map<number, (value: unknown) => void>();
  socket.onmessage = (message) => {
    const data = JSON.parse(String(message.data)) as { id?: number };
    if (data.id !== undefined) pending.get(data.id)?.(data);
  };
  let id = 0;
  const call = (method: string, params: object = {}) =>
    new Promise<{ result?: { result?: { value?: number } } }>((resolve) => {
      pending.set(++id, resolve as (value: unknown) => void);
      socket.send(JSON.stringify({ id, method, params }));
    });
  await call('HeapProfiler.collectGarbage');
  await call('HeapProfiler.collectGarbage');
  const answer = await call('Runtime.evaluate', { expression: 'process.memoryUsage().heapUsed', returnByValue: true });
  socket.close();
  return answer.result?.result?.value ?? Number.NaN;
}

function rssBytes(of: RunningServer = server) {
  const status = readFileSync(`/proc/${of.process.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) * 1024;
}

async function chat(text: string) {
  const response = await fetch(`${server.origin}/api/playground/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ask(NOVA_MICRO, text, { maxTokens: 100 })),
  });
  if (response.status !== 200) return { status: response.status, body: (await response.json()) as unknown };
  let deltas = 0;
  let last = '';
  for await (const event of readChatEvents(response.body as ReadableStream<Uint8Array>)) {
    if (event.type === 'delta') deltas++;
    last = event.type;
  }
  return { status: 200, deltas, last };
}

test(`${CHATS} concurrent streaming chats: no errors but rate limits, and the heap returns near its baseline`, async () => {
  // Warm-up: the first requests load code and fill caches that stay for the server's life.
  for (let i = 0; i < 20; i++) expect((await chat(`[words ${WORDS}] warm-up`)).status).toBe(200);
  const baselineHeap = await heapAfterGc();
  const baselineRss = rssBytes();
  const sentBefore = fake.requests.length;

  const started = performance.now();
  const results = await Promise.all(Array.from({ length: CHATS }, (_, i) => chat(`[words ${WORDS}] load ${i}`)));
  const seconds = (performance.now() - started) / 1000;

  const streamed = results.filter((result) => result.status === 200);
  const limited = results.filter((result) => result.status === 429);
  expect(streamed.length + limited.length).toBe(CHATS);
  // The bucket holds what the warm-up left of the burst, plus about one a second of refill.
  expect(streamed.length).toBeGreaterThanOrEqual(BURST - 20);
  for (const result of streamed) expect(result).toEqual({ status: 200, deltas: WORDS, last: 'done' });
  for (const result of limited) expect(result.body).toMatchObject({ error: { code: 'rate-limited' } });
  const sent = fake.requests.slice(sentBefore);
  expect(sent).toHaveLength(streamed.length);
  expect(sent.every((request) => request.finished && !request.cancelled)).toBe(true);

  await new Promise((resolve) => setTimeout(resolve, 500));
  const afterHeap = await heapAfterGc();
  const afterRss = rssBytes();
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
  console.log(
    `Load: ${CHATS} concurrent chats in ${seconds.toFixed(2)} s, ${streamed.length} streamed, ${limited.length} rate-limited; ` +
      `heap after GC ${mib(baselineHeap)} → ${mib(afterHeap)} MiB; RSS ${mib(baselineRss)} → ${mib(afterRss)} MiB`,
  );
  expect(afterHeap - baselineHeap).toBeLessThan(TOLERANCE_BYTES);
});

test(`${CHATS} concurrent built-in chats whose clients leave mid-answer: the heap returns near its baseline`, async () => {
  const builtIn = await startBuiltServer(
    { PLAYGROUND_RATE_LIMIT_BURST: '1000', PLAYGROUND_RATE_LIMIT_PER_MINUTE: '1000' },
    ['--inspect=127.0.0.1:0'],
  );
  try {
    /** Reads `words` words of a long answer, then disconnects. */
    const leave = async (words: number) => {
      const disconnect = new AbortController();
      const response = await fetch(`${builtIn.origin}/api/playground/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ask('course-lm', 'Amazon Bedrock is', { maxTokens: 200, seed: words })),
        signal: disconnect.signal,
      });
      expect(response.status).toBe(200);
      let seen = 0;
      try {
        for await (const event of readChatEvents(response.body as ReadableStream<Uint8Array>)) {
          if (event.type === 'delta' && ++seen === words) disconnect.abort();
        }
      } catch (error) {
        expect((error as Error).name).toBe('AbortError');
      }
    };
    for (let i = 0; i < 20; i++) await leave(5);
    const baselineHeap = await heapAfterGc(builtIn);
    await Promise.all(Array.from({ length: CHATS }, (_, i) => leave(1 + (i % 20))));
    // Still answering in full afterwards.
    const after = await fetch(`${builtIn.origin}/api/playground/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ask('course-lm', 'the model', { maxTokens: 5 })),
    });
    const last = (await Array.fromAsync(readChatEvents(after.body as ReadableStream<Uint8Array>))).at(-1);
    expect(last?.type).toBe('done');

    await new Promise((resolve) => setTimeout(resolve, 500));
    const afterHeap = await heapAfterGc(builtIn);
    const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
    console.log(
      `Load, built-in model: ${CHATS} clients left mid-answer; heap after GC ${mib(baselineHeap)} → ${mib(afterHeap)} MiB; ` +
        `RSS ${mib(rssBytes(builtIn))} MiB`,
    );
    expect(afterHeap - baselineHeap).toBeLessThan(TOLERANCE_BYTES);
  } finally {
    await builtIn.stop();
  }
});

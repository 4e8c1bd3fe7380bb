/**
 * The playground server's own cost (npm run bench): time to the first token and per streamed token through the
 * chat route's handler, against calling the AWS SDK directly, both on the fake Bedrock. The handler's figures
 * include reading its Server-Sent Events as the browser does; the difference is the time the server adds.
 * Targets: at most 1 ms per token and 10 ms to the first token, medians. Also what turning Markdown answers into
 * trees costs the server.
 */
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { test } from 'vitest';
import { readChatEvents } from '../../src/lib/sse';
import { testSettings } from '../server/helpers';
import { MarkdownStream, markdownTree } from '../../src/server/playground/markdown';
import { createPlayground } from '../../src/server/playground/playground';
import { startFakeBedrock } from '../fakes/bedrock-server';
import { record } from './record';

const RUNS = 40;
const TOKENS = 200;
const MODEL = 'us.amazon.nova-micro-v1:0';
const PROMPT = `[words ${TOKENS}] benchmark`;

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Time to the first token, and per token after it, of one streamed answer. */
interface Timing {
  firstToken: number;
  perToken: number;
}

function timing(started: number, tokenTimes: number[]): Timing {
  const first = tokenTimes[0] as number;
  const last = tokenTimes.at(-1) as number;
  if (tokenTimes.length !== TOKENS) throw new Error(`Expected ${TOKENS} tokens, got ${tokenTimes.length}`);
  return { firstToken: first - started, perToken: (last - first) / (TOKENS - 1) };
}

test('playground server overhead', async () => {
  const fake = await startFakeBedrock();
  const credentials = { accessKeyId: 'fake-key-id-bench', secretAccessKey: 'bench-secret' };
  process.env.AWS_ACCESS_KEY_ID = credentials.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = credentials.secretAccessKey;
  const client = new BedrockRuntimeClient({ region: 'us-east-1', endpoint: fake.url, credentials, maxAttempts: 1 });
  const playground = createPlayground(
    testSettings({ bedrockRegion: 'us-east-1', bedrockEndpoint: fake.url, dailySpendCapUsd: 1000 }),
  );

  async function direct(): Promise<Timing> {
    const started = performance.now();
    const times: number[] = [];
    const response = await client.send(
      new ConverseStreamCommand({ modelId: MODEL, messages: [{ role: 'user', content: [{ text: PROMPT }] }] }),
    );
    for await (const event of response.stream ?? [])
      if (event.contentBlockDelta?.delta?.text) times.push(performance.now());
    return timing(started, times);
  }

  async function throughServer(): Promise<Timing> {
    const started = performance.now();
    const times: number[] = [];
    const response = await playground.chat(
      new Request('http://127.0.0.1/api/playground/chat', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ modelId: MODEL, messages: [{ role: 'user', text: PROMPT }] }),
      }),
      '127.0.0.1',
    );
    for await (const event of readChatEvents(response.body as ReadableStream<Uint8Array>))
      if (event.type === 'delta') times.push(performance.now());
    return timing(started, times);
  }

  // Warm-up of both paths, then alternating runs so that drift affects both alike.
  for (let i = 0; i < 5; i++) {
    await direct();
    await throughServer();
  }
  const directRuns: Timing[] = [];
  const serverRuns: Timing[] = [];
  for (let i = 0; i < RUNS; i++) {
    directRuns.push(await direct());
    serverRuns.push(await throughServer());
  }
  client.destroy();
  await fake.close();

  const directFirst = median(directRuns.map((run) => run.firstToken));
  const serverFirst = median(serverRuns.map((run) => run.firstToken));
  const directPerToken = median(directRuns.map((run) => run.perToken));
  const serverPerToken = median(serverRuns.map((run) => run.perToken));
  record('playground server', 'first token, SDK directly (median)', directFirst, 'ms');
  record('playground server', 'first token, through the chat route (median)', serverFirst, 'ms');
  record('playground server', 'time the server adds to the first token', serverFirst - directFirst, 'ms');
  record('playground server', 'per token, SDK directly (median)', directPerToken, 'ms');
  record('playground server', 'per token, through the chat route (median)', serverPerToken, 'ms');
  record('playground server', 'time the server adds per token', serverPerToken - directPerToken, 'ms');
});

/** A long answer of the kind models write: headings, lists, a table, code, about 1,000 tokens. */
function longAnswer() {
  const section = (n: number) =>
    `## Option ${n}\n\nAmazon Bedrock offers **managed** foundation models; option ${n} trades cost for quality.\n\n` +
    `- Latency: low\n- Price: see the [pricing page](https://aws.amazon.com/bedrock/pricing/)\n- Context: \`128k\`\n\n` +
    `| Model | Input | Output |\n| :-- | --: | --: |\n| Nova Micro | $0.000035 | $0.00014 |\n| Nova Lite | $0.00006 | $0.00024 |\n\n` +
    '```python\nresponse = client.converse(modelId=model_id, messages=messages)\n```\n\n';
  return Array.from({ length: 8 }, (_, n) => section(n + 1)).join('');
}

test('Markdown trees of Bedrock answers', () => {
  const answer = longAnswer();
  for (let i = 0; i < 20; i++) markdownTree(answer);
  const times: number[] = [];
  for (let i = 0; i < 100; i++) {
    const started = performance.now();
    markdownTree(answer);
    times.push(performance.now() - started);
  }
  const tree = median(times);
  record(
    'playground server',
    `Markdown tree of a ${answer.length.toLocaleString('en-US')}-character answer (median)`,
    tree,
    'ms',
  );

  // The whole answer streamed in 4-character deltas at Bedrock-like pace (20 ms apart): the rebuilding it costs.
  // Real time, plus the 20 ms the stream waits between deltas: the rebuilds are timed as they really take.
  let waited = 0;
  const stream = new MarkdownStream(() => performance.now() + waited);
  let busy = 0;
  for (let at = 0; at < answer.length; at += 4) {
    const started = performance.now();
    stream.add(answer.slice(at, at + 4));
    busy += performance.now() - started;
    waited += 20;
  }
  const started = performance.now();
  stream.finish();
  busy += performance.now() - started;
  record('playground server', 'rebuilding trees over that answer streamed at 200 characters/s, in all', busy, 'ms');
  record('playground server', 'share of that streaming time spent rebuilding', (busy / waited) * 100, '%');
});

/**
 * The playground's chat with Amazon Bedrock: the real AWS SDK client against the fake Bedrock server, through the
 * route's handler. Streaming, usage, cost, every error before and inside the stream, Stop and disconnect, and the
 * protections of the owner's account.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { ChatEvent } from '../../src/lib/chat-protocol';
import { costOf, estimateTokens } from '../../src/lib/playground-cost';
import { updateRendered, type RenderedMarkdown } from '../../src/lib/playground/markdown-tree';
import { readChatEvents } from '../../src/lib/sse';
import { catalog } from '../../src/server/playground/catalog';
import { markdownTree } from '../../src/server/playground/markdown';
import { createPlayground } from '../../src/server/playground/playground';
import type { PlaygroundSettings } from '../../src/server/playground/settings';
import {
  ERROR_STATUS,
  NORMAL_ANSWER,
  STREAM_ERRORS,
  startFakeBedrock,
  type FakeBedrock,
} from '../fakes/bedrock-server';
import {
  CLAUDE_HAIKU,
  CLAUDE_SONNET,
  LLAMA,
  MISTRAL,
  NOVA_MICRO,
  answerText,
  ask,
  chatRequest,
  errorOf,
  eventsOf,
  testSettings,
} from './helpers';

let fake: FakeBedrock;

beforeAll(async () => {
  fake = await startFakeBedrock();
  // Static fake credentials through the standard chain, as an owner would set them; no retries, so an error
  // reaches the playground at once.
  process.env.AWS_ACCESS_KEY_ID = 'fake-key-id-bedrock-suite';
  process.env.AWS_SECRET_ACCESS_KEY = 'fake-secret-for-tests';
  process.env.AWS_MAX_ATTEMPTS = '1';
});

afterAll(() => fake.close());

function playgroundWith(overrides: Partial<PlaygroundSettings> = {}) {
  const settings = testSettings({ bedrockRegion: 'us-east-1', bedrockEndpoint: fake.url, ...overrides });
  return createPlayground(settings);
}

function lastSent() {
  const request = fake.requests.at(-1);
  if (!request) throw new Error('Bedrock received no request');
  return request;
}

function priceOf(modelId: string) {
  const model = catalog.find((entry) => entry.id === modelId);
  if (!model) throw new Error(`${modelId} is not in the catalog`);
  return model.price;
}

/** What a spend file says was spent, and a new, empty one. */
const spendIn = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { spentUsd: number }).spentUsd;
const freshSpendFile = () => join(mkdtempSync(join(tmpdir(), 'aif-c01-spend-')), 'spend.json');

const lastRequestFor = (text: string) => () =>
  fake.requests.findLast((request) => request.body.messages?.at(-1)?.content[0]?.text === text);

describe('streaming from Bedrock', () => {
  test('an answer arrives as deltas, then usage, timing and cost from the catalog price', async () => {
    const playground = playgroundWith();
    const response = await playground.chat(
      chatRequest(ask(NOVA_MICRO, 'Say hello', { system: 'Be brief.', temperature: 0.2, topK: 7, topP: 0.8 })),
      '127.0.0.1',
    );
    expect(response.status).toBe(200);
    const events = await eventsOf(response);
    expect(events[0]).toEqual({ type: 'start', modelId: NOVA_MICRO });
    expect(events.filter((event) => event.type === 'delta')).toHaveLength(5);
    expect(answerText(events)).toBe(NORMAL_ANSWER);
    const done = events.at(-1) as Extract<ChatEvent, { type: 'done' }>;
    expect(done.type).toBe('done');
    expect(done.stopReason).toBe('end_turn');
    // The fake counts words: "Be brief." and "Say hello" in, five words out.
    expect(done.usage).toEqual({ inputTokens: 4, outputTokens: 5 });
    const price = priceOf(NOVA_MICRO);
    expect(done.costUsd).toBeCloseTo(costOf(done.usage, price), 12);
    expect(done.costUsd).toBeGreaterThan(0);
    expect(done.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(done.latencyMs).toBeGreaterThanOrEqual(done.timeToFirstTokenMs);

    const sent = lastSent();
    expect(sent.modelId).toBe(NOVA_MICRO);
    expect(sent.signed).toBe(true);
    expect(sent.body.system).toEqual([{ text: 'Be brief.' }]);
    expect(sent.body.inferenceConfig).toEqual({ maxTokens: 512, temperature: 0.2, topP: 0.8 });
    // Amazon Nova takes top-k inside its own inferenceConfig object.
    expect(sent.body.additionalModelRequestFields).toEqual({ inferenceConfig: { topK: 7 } });
  });

  test('a Markdown answer also arrives as trees of allowed elements, the last one covering the whole answer', async () => {
    const markdown =
      '## Steps\n\n1. Open **Bedrock**\n2. Pick a model <script>alert(1)</script>\n\n[docs](javascript:alert(2))';
    const events = await eventsOf(
      await playgroundWith().chat(chatRequest(ask(NOVA_MICRO, `[echo]${markdown}`)), '127.0.0.1'),
    );
    expect(answerText(events)).toBe(markdown);
    let rendered: RenderedMarkdown | undefined;
    for (const event of events) if (event.type === 'markdown') rendered = updateRendered(rendered, event);
    expect(rendered).toEqual({ nodes: markdownTree(markdown), chars: markdown.length });
    expect(JSON.stringify(rendered)).not.toMatch(/"tag":"(script|img)"|javascript:/);
    // The last tree comes before the end event.
    expect(events.at(-2)?.type).toBe('markdown');
    expect(events.at(-1)?.type).toBe('done');
  });

  test('the built-in model sends words with alternatives and no trees', async () => {
    const events = await eventsOf(
      await playgroundWith().chat(chatRequest(ask('course-lm', 'Amazon Bedrock is', { maxTokens: 5 })), '127.0.0.1'),
    );
    expect(events.some((event) => event.type === 'delta')).toBe(true);
    expect(events.some((event) => event.type === 'markdown')).toBe(false);
  });

  test('top-k goes in the field each provider names, and the max tokens the server caps', async () => {
    const playground = playgroundWith({ maxTokens: 300 });
    await eventsOf(await playground.chat(chatRequest(ask(CLAUDE_HAIKU, 'claude top-k', { topK: 5 })), '127.0.0.1'));
    const claude = lastSent();
    expect(claude.body.additionalModelRequestFields).toEqual({ top_k: 5 });
    // Claude's catalog default is 1,024 output tokens; the server's limit of 300 wins.
    expect(claude.body.inferenceConfig?.maxTokens).toBe(300);

    await eventsOf(
      await playground.chat(chatRequest(ask(MISTRAL, 'mistral', { topK: 9, stopSequences: ['END'] })), '127.0.0.1'),
    );
    expect(lastSent().body.additionalModelRequestFields).toEqual({ top_k: 9 });
    expect(lastSent().body.inferenceConfig?.stopSequences).toEqual(['END']);

    await eventsOf(await playground.chat(chatRequest(ask(LLAMA, 'llama')), '127.0.0.1'));
    expect(lastSent().body.additionalModelRequestFields).toBeUndefined();
  });

  test('a multi-turn conversation reaches Bedrock turn by turn, and max_tokens is reported as the stop reason', async () => {
    const playground = playgroundWith();
    const messages = [
      { role: 'user' as const, text: 'First question' },
      { role: 'assistant' as const, text: 'First answer' },
      { role: 'user' as const, text: 'Second [max-tokens]' },
    ];
    const events = await eventsOf(await playground.chat(chatRequest({ modelId: NOVA_MICRO, messages }), '127.0.0.1'));
    expect(events.at(-1)).toMatchObject({ type: 'done', stopReason: 'max_tokens' });
    expect(lastSent().body.messages).toEqual(
      messages.map((message) => ({ role: message.role, content: [{ text: message.text }] })),
    );
  });
});

describe('Bedrock errors become plain advice', () => {
  const expected: Record<string, { status: number; code: string; advice: RegExp }> = {
    AccessDeniedException: {
      status: 403,
      code: 'no-model-access',
      advice: /Model access.*bedrock:InvokeModelWithResponseStream/,
    },
    ThrottlingException: { status: 429, code: 'throttled', advice: /Wait a minute/ },
    ServiceQuotaExceededException: { status: 429, code: 'throttled', advice: /Wait a minute/ },
    ValidationException: { status: 400, code: 'bedrock-validation', advice: /parameter/ },
    ResourceNotFoundException: { status: 404, code: 'model-not-found', advice: /region/ },
    ModelTimeoutException: { status: 504, code: 'model-timeout', advice: /Try again/ },
    ModelNotReadyException: { status: 503, code: 'bedrock-unavailable', advice: /Wait/ },
    ModelErrorException: { status: 502, code: 'bedrock-error', advice: /another model/ },
    ServiceUnavailableException: { status: 503, code: 'bedrock-unavailable', advice: /Wait/ },
    InternalServerException: { status: 502, code: 'bedrock-error', advice: /Try again/ },
    ExpiredTokenException: { status: 503, code: 'no-credentials', advice: /aws configure.*aws sso login/ },
    UnrecognizedClientException: { status: 503, code: 'no-credentials', advice: /AWS_ACCESS_KEY_ID/ },
  };

  test('the fake covers every error the table expects', () => {
    expect(Object.keys(expected).sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });

  test.each(Object.entries(expected))('%s before the stream: a JSON error with advice', async (name, want) => {
    const response = await playgroundWith().chat(chatRequest(ask(CLAUDE_SONNET, `[fail ${name}]`)), '127.0.0.1');
    expect(response.status).toBe(want.status);
    const error = await errorOf(response);
    expect(error.code).toBe(want.code);
    expect(error.message).toMatch(/Claude Sonnet 4\.5|Amazon Bedrock|AWS credentials/);
    expect(error.advice).toMatch(want.advice);
    expect(JSON.stringify(error)).not.toContain('fake-secret-for-tests');
  });

  test('a validation error passes on what Bedrock said about the parameter', async () => {
    const error = await errorOf(
      await playgroundWith().chat(chatRequest(ask(NOVA_MICRO, '[fail ValidationException]')), '127.0.0.1'),
    );
    expect(error.message).toContain('temperature: 1.5 is not less or equal to 1');
  });

  test.each(STREAM_ERRORS)('%s inside the stream: the text so far, then an error event', async (name) => {
    const response = await playgroundWith().chat(chatRequest(ask(NOVA_MICRO, `[stream-fail ${name}]`)), '127.0.0.1');
    expect(response.status).toBe(200);
    const events = await eventsOf(response);
    expect(answerText(events)).toBe('Starting fine');
    // The text that arrived is formatted before the error ends the answer.
    expect(events.at(-2)).toMatchObject({ type: 'markdown', chars: 'Starting fine'.length });
    const last = events.at(-1);
    expect(last?.type).toBe('error');
    expect(last?.type === 'error' && last.error.code).toBe(
      expected[name === 'ModelStreamErrorException' ? 'ModelErrorException' : name]?.code,
    );
    expect(last?.type === 'error' && last.error.advice).toBeTruthy();
  });

  test('an endpoint nobody answers at is a network error with advice about BEDROCK_ENDPOINT', async () => {
    const closed = await startFakeBedrock();
    const url = closed.url;
    await closed.close();
    const playground = createPlayground(testSettings({ bedrockRegion: 'us-east-1', bedrockEndpoint: url }));
    const response = await playground.chat(chatRequest(ask(NOVA_MICRO, 'anyone there?')), '127.0.0.1');
    expect(response.status).toBe(502);
    const error = await errorOf(response);
    expect(error.code).toBe('network');
    expect(error.advice).toContain('BEDROCK_ENDPOINT');
  });
});

describe('Stop and disconnect abort the Bedrock call at once', () => {
  test('Stop (the browser cancels the body) cancels the request at Bedrock', async () => {
    const response = await playgroundWith().chat(chatRequest(ask(NOVA_MICRO, '[slow] stop me')), '127.0.0.1');
    let deltas = 0;
    for await (const event of readChatEvents(response.body as ReadableStream<Uint8Array>)) {
      if (event.type === 'delta' && ++deltas === 2) break;
    }
    const seen = await fake.settled(lastRequestFor('[slow] stop me'), 2000);
    // Cancelled, not finished: the fake's slow answer runs for ten seconds, so Bedrock heard of the Stop mid-answer.
    expect(seen).toMatchObject({ cancelled: true, finished: false });
  });

  test('a disconnect (the request signal aborts) mid-stream cancels the request at Bedrock', async () => {
    const disconnect = new AbortController();
    const response = await playgroundWith().chat(
      chatRequest(ask(NOVA_MICRO, '[slow] disconnect'), { signal: disconnect.signal }),
      '127.0.0.1',
    );
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    disconnect.abort();
    const seen = await fake.settled(lastRequestFor('[slow] disconnect'), 2000);
    expect(seen.cancelled).toBe(true);
  });

  test('a disconnect before the first token cancels the request too', async () => {
    const disconnect = new AbortController();
    const answer = playgroundWith().chat(
      chatRequest(ask(NOVA_MICRO, '[slow-start] early'), { signal: disconnect.signal }),
      '127.0.0.1',
    );
    while (!lastRequestFor('[slow-start] early')()) await new Promise((resolve) => setTimeout(resolve, 10));
    disconnect.abort();
    const seen = await fake.settled(lastRequestFor('[slow-start] early'), 2000);
    expect(seen.cancelled).toBe(true);
    expect((await answer).status).toBe(499);
  });
});

describe('protection of the AWS account', () => {
  test('a client over its rate limit gets 429 with Retry-After and advice, other clients do not', async () => {
    const playground = playgroundWith({ rateLimit: { burst: 2, perMinute: 6 } });
    for (let i = 0; i < 2; i++) {
      const allowed = await playground.chat(chatRequest(ask(NOVA_MICRO, 'ok')), '127.0.0.1');
      expect(allowed.status).toBe(200);
      await eventsOf(allowed);
    }
    const limited = await playground.chat(chatRequest(ask(NOVA_MICRO, 'one too many')), '127.0.0.1');
    expect(limited.status).toBe(429);
    // Six a minute: the next token comes within ten seconds.
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(10);
    const error = await errorOf(limited);
    expect(error.code).toBe('rate-limited');
    expect(error.advice).toMatch(/Wait \d+ seconds/);
    const other = await playground.chat(chatRequest(ask('course-lm', 'another client', { maxTokens: 3 })), '::1');
    expect(other.status).toBe(200);
    expect((await eventsOf(other)).at(-1)?.type).toBe('done');
  });

  test('the daily spend cap refuses a request whose worst case would exceed it, before calling Bedrock', async () => {
    const sent = fake.requests.length;
    // Claude Sonnet 4.5, 1,024 output tokens at $0.015 per 1,000: over $0.015 in the worst case.
    const response = await playgroundWith({ dailySpendCapUsd: 0.01 }).chat(
      chatRequest(ask(CLAUDE_SONNET, 'expensive')),
      '127.0.0.1',
    );
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const error = await errorOf(response);
    expect(error.code).toBe('spend-cap');
    expect(error.message).toContain('$0.01');
    expect(error.advice).toMatch(/cheaper model|fewer max tokens/);
    expect(fake.requests.length).toBe(sent);
  });

  test('what was spent today still counts after the server restarts', async () => {
    const spendFile = freshSpendFile();
    const request = () => chatRequest(ask(NOVA_MICRO, 'Hi', { maxTokens: 100 }));
    await eventsOf(await playgroundWith({ spendFile }).chat(request(), '127.0.0.1'));
    const spent = spendIn(spendFile);
    expect(spent).toBeGreaterThan(0);

    // A cap with room for the request's worst case, but not for that plus what the first run spent.
    const worstCase = costOf({ inputTokens: estimateTokens('\nHi'), outputTokens: 100 }, priceOf(NOVA_MICRO));
    const cap = worstCase + spent / 2;
    const fresh = await playgroundWith({ dailySpendCapUsd: cap }).chat(request(), '127.0.0.1');
    expect(fresh.status).toBe(200);
    await eventsOf(fresh);
    const restarted = await playgroundWith({ dailySpendCapUsd: cap, spendFile }).chat(request(), '127.0.0.1');
    expect(restarted.status).toBe(429);
    expect((await errorOf(restarted)).code).toBe('spend-cap');
  });

  test('a running request holds its worst case; the actual cost is settled when it ends', async () => {
    const price = priceOf(CLAUDE_SONNET);
    const worstCase = (1000 * price.outputPer1k) / 1000;
    // Room for one worst case, not two.
    const playground = playgroundWith({ dailySpendCapUsd: worstCase * 1.5 });
    const first = await playground.chat(
      chatRequest(ask(CLAUDE_SONNET, '[slow] hold', { maxTokens: 1000 })),
      '127.0.0.1',
    );
    expect(first.status).toBe(200);
    const second = await playground.chat(
      chatRequest(ask(CLAUDE_SONNET, 'meanwhile', { maxTokens: 1000 })),
      '127.0.0.1',
    );
    expect(second.status).toBe(429);
    // Stopping the first settles it at its small actual cost, which frees the budget.
    await first.body?.cancel();
    const third = await playground.chat(chatRequest(ask(CLAUDE_SONNET, 'after', { maxTokens: 1000 })), '127.0.0.1');
    expect(third.status).toBe(200);
    await eventsOf(third);
  });

  test('a server reachable from other machines without a token refuses Bedrock, and says how to fix it', async () => {
    const exposed = playgroundWith({ host: '0.0.0.0' });
    const response = await exposed.chat(chatRequest(ask(NOVA_MICRO, 'exposed')), '127.0.0.1');
    expect(response.status).toBe(403);
    const error = await errorOf(response);
    expect(error.code).toBe('token-required');
    expect(error.advice).toContain('PLAYGROUND_ACCESS_TOKEN');
    // The built-in model costs nothing and stays open.
    expect((await exposed.chat(chatRequest(ask('course-lm', 'free')), '127.0.0.1')).status).toBe(200);
    const models = await exposed.models('127.0.0.1');
    expect(models.models[0]?.available).toBe(true);
    expect(
      models.models.slice(1).every((model) => !model.available && model.unavailableReason?.includes('access token')),
    ).toBe(true);
    // A request from another machine counts as exposure too, even on a loopback server.
    expect((await playgroundWith().chat(chatRequest(ask(NOVA_MICRO, 'remote')), '192.168.1.20')).status).toBe(403);
  });

  test('with a token configured, Bedrock needs the right bearer token', async () => {
    const token = 'correct-horse-battery-staple';
    const guarded = playgroundWith({ host: '0.0.0.0', accessToken: token });
    const missing = await guarded.chat(chatRequest(ask(NOVA_MICRO, 'no token')), '10.0.0.5');
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await errorOf(missing)).code).toBe('unauthorized');
    const wrong = await guarded.chat(
      chatRequest(ask(NOVA_MICRO, 'wrong token'), { headers: { authorization: 'Bearer not-the-token' } }),
      '10.0.0.5',
    );
    expect(wrong.status).toBe(401);
    expect((await errorOf(wrong)).message).toContain('not the one');
    const right = await guarded.chat(
      chatRequest(ask(NOVA_MICRO, 'right token'), { headers: { authorization: `Bearer ${token}` } }),
      '10.0.0.5',
    );
    expect(right.status).toBe(200);
    expect(answerText(await eventsOf(right))).toBe(NORMAL_ANSWER);
    expect((await guarded.models('10.0.0.5')).models.every((model) => model.available)).toBe(true);
  });
});

describe('an answer that stops or is cut off', () => {
  const quick = { firstByteMs: 300, idleMs: 300 };

  test('a stream that ends without messageStop is reported as cut off, not as done, and logged once', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const response = await playgroundWith().chat(chatRequest(ask(NOVA_MICRO, '[cut] cut me')), '127.0.0.1');
      const events = await eventsOf(response);
      expect(answerText(events)).toBe('Starting fine');
      expect(events.map((event) => event.type)).not.toContain('done');
      expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'answer-cut-off' } });
      const last = events.at(-1);
      expect(last?.type === 'error' && last.error.message).toMatch(/cut off.*incomplete/);
      expect(log.mock.calls.filter(([line]) => String(line).includes('AnswerCutOff'))).toHaveLength(1);
    } finally {
      log.mockRestore();
    }
  });

  test('a stall mid-answer ends after the idle timeout, charges the words that came, and frees the budget', async () => {
    const price = priceOf(CLAUDE_SONNET);
    const worstCase = (1000 * price.outputPer1k) / 1000;
    const spendFile = freshSpendFile();
    // Room for one worst case, not two.
    const playground = playgroundWith({ dailySpendCapUsd: worstCase * 1.5, bedrockTimeouts: quick, spendFile });
    const stalled = await playground.chat(
      chatRequest(ask(CLAUDE_SONNET, '[stall] hold', { maxTokens: 1000 })),
      '127.0.0.1',
    );
    const events = await eventsOf(stalled);
    expect(answerText(events)).toBe('Starting fine');
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'error', error: { code: 'bedrock-timeout' } });
    expect(last?.type === 'error' && last.error.message).toMatch(/stopped answering.*0\.3 seconds.*incomplete/);
    expect((await fake.settled(lastRequestFor('[stall] hold'), 2000)).cancelled).toBe(true);
    // Charged per token of what arrived ("Starting fine": 13 characters, 7 tokens at most), not per chunk (2).
    const charged = costOf(
      { inputTokens: estimateTokens('\n[stall] hold'), outputTokens: estimateTokens('Starting fine') },
      price,
    );
    expect(spendIn(spendFile)).toBeCloseTo(charged, 12);
    const next = await playground.chat(chatRequest(ask(CLAUDE_SONNET, 'next', { maxTokens: 1000 })), '127.0.0.1');
    expect(next.status).toBe(200);
    await eventsOf(next);
  });

  test('Bedrock that never starts answering gets a 504 after the first-byte timeout, and the budget is freed', async () => {
    const price = priceOf(CLAUDE_SONNET);
    const worstCase = (1000 * price.outputPer1k) / 1000;
    const playground = playgroundWith({ dailySpendCapUsd: worstCase * 1.5, bedrockTimeouts: quick });
    const hung = await playground.chat(
      chatRequest(ask(CLAUDE_SONNET, '[hang] hello', { maxTokens: 1000 })),
      '127.0.0.1',
    );
    expect(hung.status).toBe(504);
    const error = await errorOf(hung);
    expect(error).toMatchObject({ code: 'bedrock-timeout' });
    expect(error.message).toMatch(/stopped answering.*had not started its answer after 0\.3 seconds/);
    expect((await fake.settled(lastRequestFor('[hang] hello'), 2000)).cancelled).toBe(true);
    const next = await playground.chat(chatRequest(ask(CLAUDE_SONNET, 'next', { maxTokens: 1000 })), '127.0.0.1');
    expect(next.status).toBe(200);
    await eventsOf(next);
  });
});

describe('a server that is stopping', () => {
  test('a chat that finishes within the grace period is saved at its real cost; new chats are refused', async () => {
    const spendFile = freshSpendFile();
    const playground = playgroundWith({ spendFile });
    const running = await playground.chat(chatRequest(ask(NOVA_MICRO, 'finish me', { maxTokens: 100 })), '127.0.0.1');
    const stopped = playground.shutdown(5000);
    const refused = await playground.chat(chatRequest(ask('course-lm', 'too late')), '127.0.0.1');
    expect(refused.status).toBe(503);
    expect(await errorOf(refused)).toMatchObject({ code: 'shutting-down' });
    const done = (await eventsOf(running)).at(-1);
    expect(done?.type).toBe('done');
    await stopped;
    if (done?.type !== 'done') return;
    expect(spendIn(spendFile)).toBeCloseTo(costOf(done.usage, priceOf(NOVA_MICRO)), 12);
  });

  test('a chat still running when the grace period ends is stopped, told why, and its cost is saved', async () => {
    const spendFile = freshSpendFile();
    const playground = playgroundWith({ spendFile });
    const running = await playground.chat(chatRequest(ask(NOVA_MICRO, '[slow] shutdown')), '127.0.0.1');
    const events = eventsOf(running);
    await playground.shutdown(300);
    expect(spendIn(spendFile)).toBeGreaterThan(0);
    expect((await events).at(-1)).toMatchObject({ type: 'error', error: { code: 'shutting-down' } });
    expect((await fake.settled(lastRequestFor('[slow] shutdown'), 2000)).cancelled).toBe(true);
  });
});

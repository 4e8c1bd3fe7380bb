/**
 * The playground through the real built server (`node <build>/server/entry.mjs`) with its settings in the
 * environment, as an owner runs it: the models route, a streamed Bedrock answer from the fake, Stop reaching
 * Bedrock as a cancelled request, astro:env settings, and an exposed server.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ModelsResponse } from '../../src/lib/chat-protocol';
import { readChatEvents } from '../../src/lib/sse';
import { NORMAL_ANSWER, startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server';
import { leaksIn } from '../secret-scan';
import { BUILD_ENV_SECRETS, builtClient, fakeBedrockEnv, startBuiltServer, type RunningServer } from './built-server';
import { NOVA_MICRO, answerText, ask, errorOf, eventsOf } from './helpers';

const SECRET = 'http-suite-secret-access-key';
let fake: FakeBedrock;
let server: RunningServer;

function awsEnv(overrides: Record<string, string> = {}) {
  return { ...fakeBedrockEnv(fake.url, { keyId: 'fake-key-id-http-suite', secret: SECRET }), ...overrides };
}

function post(origin: string, body: unknown, init: RequestInit = {}) {
  return fetch(`${origin}/api/playground/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    body: JSON.stringify(body),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

beforeAll(async () => {
  fake = await startFakeBedrock();
  server = await startBuiltServer(awsEnv({ PLAYGROUND_RATE_LIMIT_BURST: '50', PLAYGROUND_MAX_TOKENS: '400' }));
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

describe('the built server', () => {
  test('lists the models with Bedrock enabled, settings from the environment applied', async () => {
    const response = await fetch(`${server.origin}/api/playground/models`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as ModelsResponse;
    expect(body.bedrock).toEqual({ enabled: true, region: 'us-east-1' });
    expect(body.models[0]?.id).toBe('course-lm');
    expect(body.models.every((model) => model.available)).toBe(true);
    // PLAYGROUND_MAX_TOKENS caps every model's range.
    expect(Math.max(...body.models.map((model) => model.maxTokens.max))).toBe(400);
    expect(JSON.stringify(body)).not.toContain('requestField');
  });

  test('streams a Bedrock answer as Server-Sent Events', async () => {
    const response = await post(server.origin, ask(NOVA_MICRO, 'through http', { topK: 4 }));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-cache');
    const events = await eventsOf(response);
    expect(events[0]).toEqual({ type: 'start', modelId: NOVA_MICRO });
    expect(answerText(events)).toBe(NORMAL_ANSWER);
    expect(events.at(-1)).toMatchObject({ type: 'done', stopReason: 'end_turn', usage: { outputTokens: 5 } });
    expect(fake.requests.at(-1)?.body.additionalModelRequestFields).toEqual({ inferenceConfig: { topK: 4 } });
  });

  test('Stop in the browser (the fetch is aborted) reaches Bedrock as a cancelled request', async () => {
    const stop = new AbortController();
    const response = await post(server.origin, ask(NOVA_MICRO, '[slow] http stop'), { signal: stop.signal });
    let deltas = 0;
    try {
      for await (const event of readChatEvents(response.body as ReadableStream<Uint8Array>)) {
        if (event.type === 'delta' && ++deltas === 2) stop.abort();
      }
    } catch (error) {
      expect((error as Error).name).toBe('AbortError');
    }
    const seen = await fake.settled(
      () => fake.requests.findLast((request) => request.body.messages?.[0]?.content[0]?.text === '[slow] http stop'),
      3000,
    );
    expect(seen.cancelled).toBe(true);
  });

  test('bad requests get JSON errors naming the field, never a stack trace', async () => {
    const response = await post(server.origin, ask(NOVA_MICRO, 'hot', { temperature: 9 }));
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ code: 'validation', field: 'temperature' });
    const malformed = await fetch(`${server.origin}/api/playground/chat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).message).toMatch(/not valid JSON/);
  });

  test('an AWS error before the stream becomes advice, and the server log holds no secret', async () => {
    const response = await post(server.origin, ask(NOVA_MICRO, '[fail AccessDeniedException]'));
    expect(response.status).toBe(403);
    expect((await errorOf(response)).code).toBe('no-model-access');
    expect(server.output()).toContain('AccessDeniedException');
    expect(server.output()).not.toContain(SECRET);
  });
});

test('the files for the browser hold no credential, setting name or secret from the build environment', () => {
  expect(leaksIn(builtClient, Object.values(BUILD_ENV_SECRETS))).toEqual([]);
  // The scan does find what it looks for.
  expect(leaksIn(join(builtClient, '..', 'server'), Object.values(BUILD_ENV_SECRETS)).join('\n')).toContain(
    'BEDROCK_ENDPOINT',
  );
});

describe('settings', () => {
  test('an exposed server without a token refuses Bedrock chats but serves the built-in model', async () => {
    const exposed = await startBuiltServer(awsEnv({ HOST: '0.0.0.0' }));
    try {
      const refused = await post(exposed.origin, ask(NOVA_MICRO, 'exposed'));
      expect(refused.status).toBe(403);
      expect(await errorOf(refused)).toMatchObject({ code: 'token-required' });
      const builtIn = await post(exposed.origin, ask('course-lm', 'hello there', { maxTokens: 2 }));
      expect((await eventsOf(builtIn)).at(-1)?.type).toBe('done');
    } finally {
      await exposed.stop();
    }
  });

  test('an exposed server with a token lets the bearer in', async () => {
    const token = 'a-long-random-token-for-tests';
    const exposed = await startBuiltServer(awsEnv({ HOST: '0.0.0.0', PLAYGROUND_ACCESS_TOKEN: token }));
    try {
      expect((await post(exposed.origin, ask(NOVA_MICRO, 'no token'))).status).toBe(401);
      const allowed = await post(exposed.origin, ask(NOVA_MICRO, 'with token'), {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(answerText(await eventsOf(allowed))).toBe(NORMAL_ANSWER);
    } finally {
      await exposed.stop();
    }
  });

  test('a malformed setting makes the playground answer with a JSON error naming it', async () => {
    const misconfigured = await startBuiltServer(awsEnv({ PLAYGROUND_DAILY_SPEND_CAP_USD: 'lots' }));
    try {
      for (const response of [
        await fetch(`${misconfigured.origin}/api/playground/models`),
        await post(misconfigured.origin, ask('course-lm', 'hello')),
      ]) {
        expect(response.status).toBe(500);
        const error = await errorOf(response);
        expect(error.code).toBe('misconfigured');
        expect(error.message).toContain('PLAYGROUND_DAILY_SPEND_CAP_USD');
      }
    } finally {
      await misconfigured.stop();
    }
  });
});

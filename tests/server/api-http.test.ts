/**
 * The API of the built server under the probes of a hardening review, over real HTTP: requests from another site
 * (DNS rebinding, a local proxy, a cross-site page), wrong methods and addresses, uploads abandoned by the
 * thousand, forwarded client addresses, access tokens that can never work, Bedrock answers that are cut off, stall
 * or never start, and a server told to stop while chats are in flight.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readChatEvents } from '../../src/lib/sse';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server';
import { fakeBedrockEnv, startBuiltServer, type RunningServer } from './built-server';
import { NOVA_MICRO, answerText, ask, errorOf, eventsOf } from './helpers';

let fake: FakeBedrock;
let server: RunningServer;

function awsEnv(overrides: Record<string, string> = {}) {
  return { ...fakeBedrockEnv(fake.url, { keyId: 'fake-key-id-api-suite', secret: 'api-suite-secret' }), ...overrides };
}

beforeAll(async () => {
  fake = await startFakeBedrock();
  server = await startBuiltServer(
    awsEnv({
      PLAYGROUND_RATE_LIMIT_BURST: '10000',
      PLAYGROUND_RATE_LIMIT_PER_MINUTE: '10000',
      BEDROCK_FIRST_BYTE_TIMEOUT_SECONDS: '0.5',
      BEDROCK_IDLE_TIMEOUT_SECONDS: '0.5',
    }),
  );
}, 180_000);

afterAll(async () => {
  await server?.stop();
  await fake?.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request with any Host header, which fetch does not let a caller set. */
function raw(origin: string, path: string, init: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<RawResponse>((resolve, reject) => {
    const request = httpRequest(`${origin}${path}`, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

const chatBody = (text: string, modelId = 'course-lm') => JSON.stringify(ask(modelId, text, { maxTokens: 3 }));
const jsonHeaders = { 'content-type': 'application/json' };

function post(origin: string, body: string, headers: Record<string, string> = {}, signal?: AbortSignal) {
  return fetch(`${origin}/api/playground/chat`, {
    method: 'POST',
    headers: { ...jsonHeaders, ...headers },
    body,
    ...(signal ? { signal } : {}),
  });
}

describe('a server on this computer without a token answers its own pages only', () => {
  test('a request naming another host (DNS rebinding, a proxy) is refused with advice about a token', async () => {
    for (const path of ['/api/playground/models', '/api/next-words?context=the', '/api/health']) {
      const refused = await raw(server.origin, path, { headers: { host: 'rebound.example:4321' } });
      expect(refused.status, path).toBe(403);
      expect(refused.headers['content-type']).toMatch(/^application\/json/);
      const { error } = JSON.parse(refused.body) as { error: { code: string; message: string; advice: string } };
      expect(error.code).toBe('foreign-site');
      expect(error.message).toContain('rebound.example:4321');
      expect(error.advice).toContain('PLAYGROUND_ACCESS_TOKEN');
    }
    const chat = await raw(server.origin, '/api/playground/chat', {
      method: 'POST',
      headers: { ...jsonHeaders, host: 'rebound.example' },
      body: chatBody('hello', NOVA_MICRO),
    });
    expect(chat.status).toBe(403);
    expect(fake.requests.some((request) => request.body.messages?.[0]?.content[0]?.text === 'hello')).toBe(false);
  });

  test('a page of another site is refused even when it calls 127.0.0.1 directly', async () => {
    const refused = await post(server.origin, chatBody('from elsewhere'), { origin: 'https://elsewhere.example' });
    expect(refused.status).toBe(403);
    const error = await errorOf(refused);
    expect(error.code).toBe('foreign-site');
    expect(error.message).toContain('https://elsewhere.example');
    expect((await post(server.origin, chatBody('sandboxed'), { origin: 'null' })).status).toBe(403);
  });

  test('every loopback name and origin is accepted', async () => {
    const port = new URL(server.origin).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      const answer = await raw(server.origin, '/api/playground/models', {
        headers: { host, origin: `http://${host}` },
      });
      expect(answer.status, host).toBe(200);
    }
    const events = await eventsOf(await post(server.origin, chatBody('the model'), { origin: server.origin }));
    expect(events.at(-1)?.type).toBe('done');
  });
});

test('with a token configured, another host may use the free model, and Bedrock still needs the token', async () => {
  const token = 'a-long-random-token-for-api-tests';
  const guarded = await startBuiltServer(awsEnv({ PLAYGROUND_ACCESS_TOKEN: token }));
  try {
    const free = await raw(guarded.origin, '/api/playground/chat', {
      method: 'POST',
      headers: { ...jsonHeaders, host: 'course.example.org' },
      body: chatBody('through a proxy'),
    });
    expect(free.status).toBe(200);
    expect(free.body).toContain('event: done');
    const paid = await raw(guarded.origin, '/api/playground/chat', {
      method: 'POST',
      headers: { ...jsonHeaders, host: 'course.example.org' },
      body: chatBody('through a proxy', NOVA_MICRO),
    });
    expect(paid.status).toBe(401);
  } finally {
    await guarded.stop();
  }
});

describe('wrong methods and addresses get JSON errors', () => {
  const routes = [
    { path: '/api/playground/chat', allow: 'POST' },
    { path: '/api/playground/models', allow: 'GET, HEAD' },
    { path: '/api/next-words', allow: 'GET, HEAD' },
    { path: '/api/health', allow: 'GET, HEAD' },
  ];

  test.each(routes)('$path answers other methods with 405 and Allow: $allow', async ({ path, allow }) => {
    for (const method of ['PUT', 'DELETE', 'PATCH', allow === 'POST' ? 'GET' : 'POST']) {
      const body = method === 'GET' ? null : '{}';
      const response = await fetch(`${server.origin}${path}`, { method, headers: jsonHeaders, body });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe(allow);
      const error = await errorOf(response);
      expect(error.code).toBe('method-not-allowed');
      expect(error.message).toContain(method);
    }
  });

  test('a form-like post from anywhere gets a JSON error, never plain text', async () => {
    const form = { 'content-type': 'text/plain' };
    const local = await fetch(`${server.origin}/api/playground/chat`, { method: 'POST', headers: form, body: '{}' });
    expect(local.status).toBe(400);
    expect((await errorOf(local)).message).toMatch(/application\/json/);
    const crossSite = await fetch(`${server.origin}/api/playground/chat`, {
      method: 'POST',
      headers: { ...form, origin: 'https://elsewhere.example' },
      body: '{}',
    });
    expect(crossSite.status).toBe(403);
    expect((await errorOf(crossSite)).code).toBe('foreign-site');
  });

  test('HEAD works wherever GET does, with no body', async () => {
    const response = await fetch(`${server.origin}/api/health`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  test('an address under /api/ that names no route is a JSON 404, not the course page', async () => {
    for (const method of ['GET', 'POST']) {
      const response = await fetch(`${server.origin}/api/nothing/here`, {
        method,
        headers: jsonHeaders,
        body: method === 'GET' ? null : '{}',
      });
      expect(response.status).toBe(404);
      expect((await errorOf(response)).code).toBe('not-found');
    }
  });
});

test('a thousand uploads abandoned halfway leave one short line in the log, and the server keeps answering', async () => {
  const port = Number(new URL(server.origin).port);
  const before = server.output().length;
  const abandon = () =>
    new Promise<void>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write(
          'POST /api/playground/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
            'Content-Length: 100000\r\n\r\n{"modelId":"course-lm","mess',
          () => setTimeout(() => socket.destroy(), 5),
        );
      });
      socket.on('close', () => resolve());
      socket.on('error', () => resolve());
    });
  for (let batch = 0; batch < 20; batch++) await Promise.all(Array.from({ length: 50 }, abandon));
  expect((await fetch(`${server.origin}/api/health`)).ok).toBe(true);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const log = server.output().slice(before);
  const lines = log.split('\n').filter((line) => line.trim() !== '');
  expect(lines.filter((line) => line.includes('abandoned'))).toHaveLength(1);
  // Nothing else: no stack trace, no error per request.
  expect(lines).toHaveLength(1);
});

describe('behind a reverse proxy', () => {
  const limited = { PLAYGROUND_RATE_LIMIT_BURST: '1', PLAYGROUND_RATE_LIMIT_PER_MINUTE: '1' };
  const from = (origin: string, client: string) =>
    post(origin, chatBody(`for ${client}`), { 'x-forwarded-for': `${client}, 127.0.0.1` });

  test('with the proxy trusted, each forwarded client has its own rate limit', async () => {
    const proxied = await startBuiltServer(awsEnv({ ...limited, TRUSTED_PROXIES: '127.0.0.1, ::1' }));
    try {
      expect((await from(proxied.origin, '203.0.113.7')).status).toBe(200);
      expect((await from(proxied.origin, '198.51.100.23')).status).toBe(200);
      const again = await from(proxied.origin, '203.0.113.7');
      expect(again.status).toBe(429);
      expect((await errorOf(again)).code).toBe('rate-limited');
      // A forwarded client is another machine: without a token, no Bedrock for it.
      const bedrock = await post(proxied.origin, chatBody('remote', NOVA_MICRO), { 'x-forwarded-for': '192.0.2.1' });
      expect((await errorOf(bedrock)).code).toBe('token-required');
    } finally {
      await proxied.stop();
    }
  });

  test('without it (the default), X-Forwarded-For is ignored: nobody dodges the limit by writing it', async () => {
    const direct = await startBuiltServer(awsEnv(limited));
    try {
      expect((await from(direct.origin, '203.0.113.7')).status).toBe(200);
      expect((await from(direct.origin, '198.51.100.23')).status).toBe(429);
    } finally {
      await direct.stop();
    }
  });

  test('a proxy list with something that is not an address is refused naming the setting', async () => {
    const wrong = await startBuiltServer(awsEnv({ TRUSTED_PROXIES: '127.0.0.1, proxy.local' }));
    try {
      const error = await errorOf(await fetch(`${wrong.origin}/api/playground/models`));
      expect(error.code).toBe('misconfigured');
      expect(error.message).toMatch(/TRUSTED_PROXIES.*"proxy\.local" is not an IP address/);
    } finally {
      await wrong.stop();
    }
  });
});

test.each([
  ['white space', 'correct horse battery staple', /white space/],
  ['non-ASCII letters', 'überlange-geheime-zeichenkette', /visible ASCII/],
])('an access token with %s is refused as the server starts', async (_kind, token, reason) => {
  const misconfigured = await startBuiltServer(awsEnv({ PLAYGROUND_ACCESS_TOKEN: token }));
  try {
    // Reported in the log at start-up, before any learner's request.
    expect(misconfigured.output()).toMatch(/settings are not valid: PLAYGROUND_ACCESS_TOKEN is not valid/);
    const error = await errorOf(await fetch(`${misconfigured.origin}/api/playground/models`));
    expect(error.code).toBe('misconfigured');
    expect(error.message).toContain('PLAYGROUND_ACCESS_TOKEN');
    expect(error.message).toMatch(reason);
    expect(misconfigured.output()).not.toContain(token);
    expect(error.message).not.toContain(token);
  } finally {
    await misconfigured.stop();
  }
});

describe('Bedrock answers that do not end well', () => {
  test('an answer cut off mid-stream ends with an error event, not done', async () => {
    const events = await eventsOf(await post(server.origin, chatBody('[cut] over http', NOVA_MICRO)));
    expect(answerText(events)).toBe('Starting fine');
    expect(events.map((event) => event.type)).not.toContain('done');
    expect(events.at(-1)).toMatchObject({ type: 'error', error: { code: 'answer-cut-off' } });
  });

  test('a stall mid-answer ends after the idle timeout with "stopped answering"', async () => {
    const events = await eventsOf(await post(server.origin, chatBody('[stall] over http', NOVA_MICRO)));
    expect(answerText(events)).toBe('Starting fine');
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'error', error: { code: 'bedrock-timeout' } });
    expect(last?.type === 'error' && last.error.message).toMatch(/stopped answering/);
  });

  test('a Bedrock that never answers gets a 504 after the first-byte timeout, not a wait of minutes', async () => {
    const response = await post(server.origin, chatBody('[hang] over http', NOVA_MICRO));
    expect(response.status).toBe(504);
    expect(await errorOf(response)).toMatchObject({ code: 'bedrock-timeout' });
    const seen = await fake.settled(
      () => fake.requests.findLast((request) => request.body.messages?.[0]?.content[0]?.text === '[hang] over http'),
      3000,
    );
    expect(seen.cancelled).toBe(true);
  });
});

describe('a server told to stop (SIGTERM)', () => {
  test('stops a chat still running after the grace period, tells the learner, saves its cost, and exits cleanly', async () => {
    const spendFile = join(tmpdir(), `aif-c01-sigterm-spend-${process.pid}.json`);
    const stopping = await startBuiltServer(
      awsEnv({ PLAYGROUND_SPEND_FILE: spendFile, PLAYGROUND_SHUTDOWN_GRACE_SECONDS: '0.3' }),
    );
    const exited = new Promise<number | null>((resolve) => stopping.process.once('exit', resolve));
    const response = await post(stopping.origin, chatBody('[slow] until stopped', NOVA_MICRO));
    let deltas = 0;
    let last: unknown;
    for await (const event of readChatEvents(response.body as ReadableStream<Uint8Array>)) {
      last = event;
      // One signal, once two words have arrived: a second one would end the server at once.
      if (event.type === 'delta' && ++deltas === 2) stopping.process.kill('SIGTERM');
    }
    expect(last).toMatchObject({ type: 'error', error: { code: 'shutting-down' } });
    expect(await exited).toBe(0);
    const saved = JSON.parse(readFileSync(spendFile, 'utf8')) as { spentUsd: number };
    expect(saved.spentUsd).toBeGreaterThan(0);
    expect(stopping.output()).toContain('SIGTERM received');
  });

  test('with no chat in flight it exits at once', async () => {
    const idle = await startBuiltServer(awsEnv());
    const exited = new Promise<number | null>((resolve) => idle.process.once('exit', resolve));
    idle.process.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

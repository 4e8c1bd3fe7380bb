/** Shared pieces of the playground server tests: requests, streamed answers, settings. */
import { expect } from 'vitest';
import type { ApiError, ChatEvent, ChatRequest } from '../../src/lib/chat-protocol';
import { readChatEvents } from '../../src/lib/sse';
import type { PlaygroundSettings } from '../../src/server/playground/settings';

export const NOVA_MICRO = 'us.amazon.nova-micro-v1:0';
export const CLAUDE_HAIKU = 'global.anthropic.claude-haiku-4-5-20251001-v1:0';
export const CLAUDE_SONNET = 'global.anthropic.claude-sonnet-4-5-20250929-v1:0';
export const LLAMA = 'us.meta.llama3-3-70b-instruct-v1:0';
export const MISTRAL = 'mistral.mistral-large-2402-v1:0';

/** Generous limits, so that only the tests about limits meet them. */
export function testSettings(overrides: Partial<PlaygroundSettings> = {}): PlaygroundSettings {
  return {
    host: '127.0.0.1',
    maxTokens: 1024,
    dailySpendCapUsd: 100,
    rateLimit: { perMinute: 10_000, burst: 10_000 },
    trustedProxies: [],
    bedrockTimeouts: { firstByteMs: 60_000, idleMs: 30_000 },
    shutdownGraceMs: 10_000,
    ...overrides,
  };
}

export function chatRequest(
  body: Partial<ChatRequest> | string,
  init: { headers?: Record<string, string>; signal?: AbortSignal; origin?: string } = {},
) {
  return new Request(`${init.origin ?? 'http://127.0.0.1:4321'}/api/playground/chat`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

export function ask(modelId: string, text: string, extra: Partial<ChatRequest> = {}): Partial<ChatRequest> {
  return { modelId, messages: [{ role: 'user', text }], ...extra };
}

/** Every event of a streamed answer. */
export async function eventsOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const events: ChatEvent[] = [];
  for await (const event of readChatEvents(response.body as ReadableStream<Uint8Array>)) events.push(event);
  return events;
}

export function answerText(events: ChatEvent[]) {
  return events.map((event) => (event.type === 'delta' ? event.text : '')).join('');
}

export async function errorOf(response: Response) {
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = (await response.json()) as ApiError;
  // Never a stack trace, whatever the error.
  expect(JSON.stringify(body)).not.toMatch(/\s+at\s+\S+\s+\(|node_modules|\.ts:\d+/);
  return body.error;
}

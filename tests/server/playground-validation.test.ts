/**
 * A bad chat request gets a 400 JSON error naming the field, through the route's handler; nothing is generated.
 * Requests to Bedrock models that pass are checked with the validator alone, as the route would send them on.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import {
  MAX_MESSAGE_CHARS,
  MAX_MESSAGES,
  MAX_STOP_SEQUENCE_CHARS,
  MAX_STOP_SEQUENCES,
  MAX_SYSTEM_CHARS,
  MAX_TOTAL_CHARS,
  type ChatRequest,
} from '../../src/lib/chat-protocol';
import { catalog } from '../../src/server/playground/catalog';
import { createPlayground, type Playground } from '../../src/server/playground/playground';
import { chatValidator } from '../../src/server/playground/validation';
import {
  CLAUDE_HAIKU,
  LLAMA,
  NOVA_MICRO,
  answerText,
  ask,
  chatRequest,
  errorOf,
  eventsOf,
  testSettings,
} from './helpers';

// A new playground for each test rather than one per file: the request checks are built with the playground, and
// mutation testing changes the code between tests, so each test must build the checks it exercises.
let playground: Playground;
beforeEach(() => {
  playground = createPlayground(testSettings({ maxTokens: 300 }));
});
const turns = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    role: i % 2 ? ('assistant' as const) : ('user' as const),
    text: `turn ${i}`,
  }));

const cases: [string, Partial<ChatRequest> | Record<string, unknown>, string | undefined, RegExp][] = [
  ['an unknown model', ask('gpt-9', 'hi'), 'modelId', /^"gpt-9" is not a model this playground offers$/],
  ['a long unknown model, quoted to 100 characters', ask('m'.repeat(150), 'hi'), 'modelId', /^"m{100}" is not a model/],
  ['no model', { messages: [{ role: 'user', text: 'hi' }] }, 'modelId', /^modelId must name a model/],
  [
    'messages that are not a list',
    { modelId: 'course-lm', messages: 'hi' },
    'messages',
    /^messages must be a list of turns$/,
  ],
  ['no messages', { modelId: 'course-lm', messages: [] }, 'messages', /at least one message/],
  [
    'forty messages, as the last is an answer',
    { modelId: 'course-lm', messages: turns(MAX_MESSAGES) },
    'messages.39.role',
    /last message must be from the user/,
  ],
  ['an empty message', ask('course-lm', '   '), 'messages.0.text', /^The message is empty$/],
  [
    'a message that is not text',
    { modelId: 'course-lm', messages: [{ role: 'user', text: 5 }] },
    'messages.0.text',
    /^The message must be text$/,
  ],
  [
    'a system prompt that is not text',
    ask('course-lm', 'hi', { system: 5 as unknown as string }),
    'system',
    /^The system prompt must be text$/,
  ],
  ['a message that is too long', ask('course-lm', 'a'.repeat(MAX_MESSAGE_CHARS + 1)), 'messages.0.text', /too long/],
  [
    'a conversation that is too long',
    {
      modelId: 'course-lm',
      messages: [
        ...turns(10).map((turn) => ({ ...turn, text: 'x'.repeat(MAX_TOTAL_CHARS / 10) })),
        { role: 'user', text: 'and?' },
      ],
    },
    'messages',
    /too long/,
  ],
  [
    'a third message from the user in a row',
    {
      modelId: 'course-lm',
      messages: [
        { role: 'user', text: 'a' },
        { role: 'assistant', text: 'b' },
        { role: 'assistant', text: 'c' },
      ],
    },
    'messages.2.role',
    /alternate/,
  ],
  [
    'an answer as the last message',
    { modelId: 'course-lm', messages: turns(2) },
    'messages.1.role',
    /last message must be from the user/,
  ],
  [
    'a role that does not exist',
    { modelId: 'course-lm', messages: [{ role: 'system', text: 'a' }] },
    'messages.0.role',
    /"user" or "assistant"/,
  ],
  [
    'a temperature above the model range',
    ask(NOVA_MICRO, 'hi', { temperature: 1.5 }),
    'temperature',
    /^temperature must be at most 1 for Amazon Nova Micro$/,
  ],
  [
    'a temperature given as text',
    ask('course-lm', 'hi', { temperature: '0.5' as unknown as number }),
    'temperature',
    /^temperature must be a number$/,
  ],
  ['a negative top-p', ask('course-lm', 'hi', { topP: -0.1 }), 'topP', /^topP must be at least 0 for Course model/],
  [
    'top-k for a model without it',
    ask(LLAMA, 'hi', { topK: 5 }),
    'topK',
    /Llama 3\.3 70B Instruct does not take top-k/,
  ],
  ['a top-k that is not whole', ask(NOVA_MICRO, 'hi', { topK: 2.5 }), 'topK', /^topK must be a whole number$/],
  [
    'max tokens above the server limit',
    ask(CLAUDE_HAIKU, 'hi', { maxTokens: 301 }),
    'maxTokens',
    /^maxTokens must be at most 300 for Claude Haiku 4\.5$/,
  ],
  [
    'max tokens that are not whole',
    ask('course-lm', 'hi', { maxTokens: 1.5 }),
    'maxTokens',
    /^maxTokens must be a whole number$/,
  ],
  [
    'stop sequences that are not a list',
    ask('course-lm', 'hi', { stopSequences: 'stop' as unknown as string[] }),
    'stopSequences',
    /^stopSequences must be a list of text$/,
  ],
  [
    'a stop sequence that is not text',
    ask('course-lm', 'hi', { stopSequences: [5 as unknown as string] }),
    'stopSequences.0',
    /^A stop sequence must be text$/,
  ],
  [
    'an empty stop sequence',
    ask('course-lm', 'hi', { stopSequences: ['ok', ''] }),
    'stopSequences.1',
    /^A stop sequence cannot be empty$/,
  ],
  [
    'both temperature and top-p for Claude 4.5',
    ask(CLAUDE_HAIKU, 'hi', { temperature: 0.5, topP: 0.9 }),
    'topP',
    /temperature or top-p, not both/,
  ],
  ['a misspelt field', { ...ask('course-lm', 'hi'), top_p: 0.5 }, 'top_p', /^"top_p" is not a request field$/],
  [
    'two misspelt fields, the first named',
    { ...ask('course-lm', 'hi'), top_p: 0.5, max_tokens: 9 },
    'top_p',
    /^"top_p" is not a request field$/,
  ],
  [
    'a misspelt field in a message',
    { modelId: 'course-lm', messages: [{ role: 'user', text: 'hi', name: 'Ann' }] },
    'messages.0.name',
    /^"name" is not a request field$/,
  ],
  ['a seed that is not whole', ask('course-lm', 'hi', { seed: 1.5 }), 'seed', /^seed must be a whole number$/],
  [
    'a seed given as text',
    ask('course-lm', 'hi', { seed: '7' as unknown as number }),
    'seed',
    /^seed must be a number$/,
  ],
  ['an array instead of an object', [] as unknown as Record<string, unknown>, undefined, /JSON object/],
  ['null instead of an object', null as unknown as Record<string, unknown>, undefined, /JSON object/],
  ['a number instead of an object', 42 as unknown as Record<string, unknown>, undefined, /JSON object/],
];

/** A conversation of exactly `chars` characters: the system prompt and the user's turns, answers between them. */
function conversationOf(chars: number): Partial<ChatRequest> {
  const system = 'x'.repeat(MAX_SYSTEM_CHARS);
  const turn = MAX_MESSAGE_CHARS;
  let left = chars - system.length;
  const messages: ChatRequest['messages'] = [];
  while (left > 0) {
    const text = 'y'.repeat(Math.min(turn, left));
    left -= text.length;
    if (messages.length) messages.push({ role: 'assistant', text: 'z' });
    messages.push({ role: 'user', text });
  }
  // The answers count too: take their characters off the last turn.
  const answers = messages.filter((message) => message.role === 'assistant').length;
  const last = messages.at(-1);
  if (last) last.text = last.text.slice(answers);
  return { modelId: 'course-lm', system, messages, maxTokens: 1 };
}

/** Each limit, at its edge and one past it: the edge is accepted, one more is refused naming the field. */
const edges: [string, Partial<ChatRequest>, Partial<ChatRequest>, string, RegExp][] = [
  [
    'the system prompt',
    ask('course-lm', 'hi', { system: 's'.repeat(MAX_SYSTEM_CHARS), maxTokens: 1 }),
    ask('course-lm', 'hi', { system: 's'.repeat(MAX_SYSTEM_CHARS + 1), maxTokens: 1 }),
    'system',
    /system prompt is too long: use at most 10,000 characters/,
  ],
  [
    'a message',
    ask('course-lm', 'm'.repeat(MAX_MESSAGE_CHARS), { maxTokens: 1 }),
    ask('course-lm', 'm'.repeat(MAX_MESSAGE_CHARS + 1), { maxTokens: 1 }),
    'messages.0.text',
    /message is too long: use at most 20,000 characters/,
  ],
  [
    'a stop sequence',
    ask('course-lm', 'hi', { stopSequences: ['q'.repeat(MAX_STOP_SEQUENCE_CHARS)], maxTokens: 1 }),
    ask('course-lm', 'hi', { stopSequences: ['q'.repeat(MAX_STOP_SEQUENCE_CHARS + 1)], maxTokens: 1 }),
    'stopSequences.0',
    /at most 100 characters/,
  ],
  [
    'the number of messages (39, as a conversation starts and ends with the user)',
    { modelId: 'course-lm', messages: turns(MAX_MESSAGES - 1), maxTokens: 1 },
    { modelId: 'course-lm', messages: turns(MAX_MESSAGES + 1), maxTokens: 1 },
    'messages',
    /^Send at most 40 messages: start a new conversation$/,
  ],
  [
    'the number of stop sequences',
    ask('course-lm', 'hi', { stopSequences: ['a', 'b', 'c', 'd'], maxTokens: 1 }),
    ask('course-lm', 'hi', { stopSequences: ['a', 'b', 'c', 'd', 'e'], maxTokens: 1 }),
    'stopSequences',
    new RegExp(`^Use at most ${MAX_STOP_SEQUENCES} stop sequences$`),
  ],
  [
    'max tokens, at the model’s top',
    ask('course-lm', 'hi', { maxTokens: 200 }),
    ask('course-lm', 'hi', { maxTokens: 201 }),
    'maxTokens',
    /^maxTokens must be at most 200 for Course model \(built-in\)$/,
  ],
  [
    'max tokens, at the bottom',
    ask('course-lm', 'hi', { maxTokens: 1 }),
    ask('course-lm', 'hi', { maxTokens: 0 }),
    'maxTokens',
    /^maxTokens must be at least 1 for Course model \(built-in\)$/,
  ],
  [
    'top-k',
    ask('course-lm', 'hi', { topK: 100, maxTokens: 1 }),
    ask('course-lm', 'hi', { topK: 101, maxTokens: 1 }),
    'topK',
    /^topK must be at most 100 for Course model \(built-in\)$/,
  ],
  [
    'temperature',
    ask('course-lm', 'hi', { temperature: 2, maxTokens: 1 }),
    ask('course-lm', 'hi', { temperature: 2.01, maxTokens: 1 }),
    'temperature',
    /^temperature must be at most 2 for Course model \(built-in\)$/,
  ],
  [
    'top-p',
    ask('course-lm', 'hi', { topP: 1, maxTokens: 1 }),
    ask('course-lm', 'hi', { topP: 1.01, maxTokens: 1 }),
    'topP',
    /^topP must be at most 1 for Course model \(built-in\)$/,
  ],
  [
    'the seed, at its top',
    ask('course-lm', 'hi', { seed: 2 ** 32 - 1, maxTokens: 1 }),
    ask('course-lm', 'hi', { seed: 2 ** 32, maxTokens: 1 }),
    'seed',
    /^seed must be below 4,294,967,296$/,
  ],
  [
    'the seed, at its bottom',
    ask('course-lm', 'hi', { seed: 0, maxTokens: 1 }),
    ask('course-lm', 'hi', { seed: -1, maxTokens: 1 }),
    'seed',
    /^seed must be 0 or more$/,
  ],
  [
    'the whole conversation',
    conversationOf(MAX_TOTAL_CHARS),
    conversationOf(MAX_TOTAL_CHARS + 1),
    'messages',
    /at most 100,000/,
  ],
];

describe('request limits at their edges', () => {
  test.each(edges)(
    '%s: the limit is accepted, one more is refused',
    async (_name, atLimit, overLimit, field, message) => {
      const accepted = await playground.chat(chatRequest(atLimit), '127.0.0.1');
      expect(accepted.status).toBe(200);
      await accepted.body?.cancel();
      const refused = await playground.chat(chatRequest(overLimit), '127.0.0.1');
      expect(refused.status).toBe(400);
      const error = await errorOf(refused);
      expect(error.field).toBe(field);
      expect(error.message).toMatch(message);
    },
  );
});

describe('chat request validation', () => {
  test.each(cases)('%s is refused, naming the field', async (_name, body, field, message) => {
    const response = await playground.chat(chatRequest(body as Partial<ChatRequest>), '127.0.0.1');
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('validation');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(message);
  });

  test('malformed JSON and a wrong content type are refused as JSON errors', async () => {
    const malformed = await playground.chat(chatRequest('{"modelId": "course-lm",'), '127.0.0.1');
    expect(malformed.status).toBe(400);
    expect((await errorOf(malformed)).message).toMatch(/not valid JSON/);
    const form = await playground.chat(
      chatRequest('modelId=course-lm', { headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      '127.0.0.1',
    );
    expect(form.status).toBe(400);
    expect((await errorOf(form)).message).toMatch(/application\/json/);
  });

  test('a body over 256 KB is refused before it is parsed', async () => {
    const response = await playground.chat(chatRequest(ask('course-lm', 'x'.repeat(300 * 1024))), '127.0.0.1');
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe('too-large');
  });

  test('a valid request to the built-in model streams one delta per word, with alternatives', async () => {
    const response = await playground.chat(
      chatRequest(ask('course-lm', 'Amazon Bedrock is', { maxTokens: 8, seed: 3, temperature: 0.7, topK: 20 })),
      '127.0.0.1',
    );
    expect(response.status).toBe(200);
    const events = await eventsOf(response);
    const deltas = events.filter((event) => event.type === 'delta');
    expect(deltas).toHaveLength(8);
    for (const delta of deltas) {
      expect(delta.alternatives).toHaveLength(5);
      // Top-k 20 keeps the five most likely words, so their adjusted probabilities are not cut to 0.
      expect(delta.alternatives?.every((alternative) => alternative.adjusted > 0)).toBe(true);
    }
    expect(answerText(events)).not.toMatch(/^\s/);
    expect(events.at(-1)).toMatchObject({
      type: 'done',
      stopReason: 'max_tokens',
      usage: { inputTokens: 3, outputTokens: 8 },
      costUsd: 0,
    });
    // The same seed gives the same answer.
    const again = await eventsOf(
      await playground.chat(
        chatRequest(ask('course-lm', 'Amazon Bedrock is', { maxTokens: 8, seed: 3, temperature: 0.7, topK: 20 })),
        '127.0.0.1',
      ),
    );
    expect(answerText(again)).toBe(answerText(events));
  });

  test('a stop sequence ends the built-in answer early, reported as stop_sequence', async () => {
    const greedy = ask('course-lm', 'Amazon Bedrock is', { maxTokens: 30, temperature: 0 });
    const full = answerText(await eventsOf(await playground.chat(chatRequest(greedy), '127.0.0.1')));
    const stop = full.split(' ')[3] ?? '';
    const events = await eventsOf(
      await playground.chat(chatRequest({ ...greedy, stopSequences: [stop] }), '127.0.0.1'),
    );
    expect(answerText(events)).not.toContain(stop);
    expect(events.at(-1)).toMatchObject({ type: 'done', stopReason: 'stop_sequence' });
  });
});

describe('the validator on its own', () => {
  test('Claude Haiku 4.5 takes temperature alone or top-p alone, and max tokens up to the server limit', () => {
    const validate = chatValidator(catalog, 300);
    const withTopP = validate(ask(CLAUDE_HAIKU, 'hi', { topP: 0.9, maxTokens: 300 }));
    expect(withTopP).toMatchObject({ ok: true, chat: { topP: 0.9, maxTokens: 300 } });
    expect(withTopP.ok && withTopP.chat.temperature).toBeUndefined();
    expect(validate(ask(CLAUDE_HAIKU, 'hi', { temperature: 0.5 }))).toMatchObject({
      ok: true,
      chat: { temperature: 0.5 },
    });
  });
});

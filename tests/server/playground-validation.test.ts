/** A bad chat request gets a 400 JSON error naming the field, through the route's handler; nothing is generated. */
import { describe, expect, test } from 'vitest';
import {
  MAX_MESSAGE_CHARS,
  MAX_MESSAGES,
  MAX_STOP_SEQUENCE_CHARS,
  MAX_SYSTEM_CHARS,
  MAX_TOTAL_CHARS,
  type ChatRequest,
} from '../../src/lib/chat-protocol';
import { createPlayground } from '../../src/server/playground/playground';
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

const playground = createPlayground(testSettings({ maxTokens: 300 }));
const turns = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    role: i % 2 ? ('assistant' as const) : ('user' as const),
    text: `turn ${i}`,
  }));

const cases: [string, Partial<ChatRequest> | Record<string, unknown>, string | undefined, RegExp][] = [
  ['an unknown model', ask('gpt-9', 'hi'), 'modelId', /"gpt-9" is not a model this playground offers/],
  ['no model', { messages: [{ role: 'user', text: 'hi' }] }, 'modelId', /modelId must name a model/],
  ['no messages', { modelId: 'course-lm', messages: [] }, 'messages', /at least one message/],
  ['too many messages', { modelId: 'course-lm', messages: turns(MAX_MESSAGES + 1) }, 'messages', /at most 40 messages/],
  ['an empty message', ask('course-lm', '   '), 'messages.0.text', /empty/],
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
    /at most 1 for Amazon Nova Micro/,
  ],
  [
    'a temperature given as text',
    ask('course-lm', 'hi', { temperature: '0.5' as unknown as number }),
    'temperature',
    /must be a number/,
  ],
  ['a negative top-p', ask('course-lm', 'hi', { topP: -0.1 }), 'topP', /at least 0/],
  [
    'top-k for a model without it',
    ask(LLAMA, 'hi', { topK: 5 }),
    'topK',
    /Llama 3\.3 70B Instruct does not take top-k/,
  ],
  ['a top-k that is not whole', ask(NOVA_MICRO, 'hi', { topK: 2.5 }), 'topK', /whole number/],
  ['max tokens above the server limit', ask(CLAUDE_HAIKU, 'hi', { maxTokens: 301 }), 'maxTokens', /at most 300/],
  ['zero max tokens', ask('course-lm', 'hi', { maxTokens: 0 }), 'maxTokens', /at least 1/],
  [
    'five stop sequences',
    ask('course-lm', 'hi', { stopSequences: ['a', 'b', 'c', 'd', 'e'] }),
    'stopSequences',
    /at most 4/,
  ],
  [
    'an empty stop sequence',
    ask('course-lm', 'hi', { stopSequences: ['ok', ''] }),
    'stopSequences.1',
    /cannot be empty/,
  ],
  [
    'both temperature and top-p for Claude 4.5',
    ask(CLAUDE_HAIKU, 'hi', { temperature: 0.5, topP: 0.9 }),
    'topP',
    /temperature or top-p, not both/,
  ],
  ['a misspelt field', { ...ask('course-lm', 'hi'), top_p: 0.5 }, 'top_p', /"top_p" is not a request field/],
  ['a seed that is not whole', ask('course-lm', 'hi', { seed: 1.5 }), 'seed', /whole number/],
  ['an array instead of an object', [] as unknown as Record<string, unknown>, undefined, /JSON object/],
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
    'the seed, at its top',
    ask('course-lm', 'hi', { seed: 2 ** 32 - 1, maxTokens: 1 }),
    ask('course-lm', 'hi', { seed: 2 ** 32, maxTokens: 1 }),
    'seed',
    /below 4,294,967,296/,
  ],
  [
    'the seed, at its bottom',
    ask('course-lm', 'hi', { seed: 0, maxTokens: 1 }),
    ask('course-lm', 'hi', { seed: -1, maxTokens: 1 }),
    'seed',
    /0 or more/,
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

import { describe, expect, test } from 'vitest';
import type { ChatEvent } from '../../src/lib/chat-protocol';
import { ChatEventParser, SseParseError, encodeChatEvent, readChatEvents } from '../../src/lib/sse';

const events: ChatEvent[] = [
  { type: 'start', modelId: 'course-lm' },
  {
    type: 'delta',
    text: ' line\nbreak "quoted" ünïcode',
    alternatives: [{ token: 'a', probability: 0.5, adjusted: 0.6 }],
  },
  {
    type: 'done',
    stopReason: 'end_turn',
    usage: { inputTokens: 3, outputTokens: 2 },
    timeToFirstTokenMs: 1.5,
    latencyMs: 9,
    costUsd: 0.0001,
  },
  { type: 'error', error: { code: 'throttled', message: 'Slow down.', advice: 'Wait a minute.' } },
];

function streamOf(chunks: string[]) {
  const bytes = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(bytes.encode(chunk));
      controller.close();
    },
  });
}

async function collect(body: ReadableStream<Uint8Array>) {
  const out: ChatEvent[] = [];
  for await (const event of readChatEvents(body)) out.push(event);
  return out;
}

describe('SSE encoding and parsing', () => {
  test('encodes an event as one event line, one data line and a blank line', () => {
    expect(encodeChatEvent({ type: 'start', modelId: 'm' })).toBe('event: start\ndata: {"modelId":"m"}\n\n');
    // A line break inside the text stays escaped inside the JSON: it cannot end the data line.
    expect(
      encodeChatEvent(events[1] as ChatEvent)
        .split('\n')
        .filter(Boolean),
    ).toHaveLength(2);
  });

  test('every event survives a round trip, whatever the chunk boundaries', async () => {
    const text = events.map(encodeChatEvent).join('');
    for (const size of [1, 2, 3, 7, 64, text.length]) {
      const chunks: string[] = [];
      for (let at = 0; at < text.length; at += size) chunks.push(text.slice(at, at + size));
      expect(await collect(streamOf(chunks))).toEqual(events);
    }
  });

  test('reads CRLF and CR line endings, even split between chunks, plus comments and multi-line data', () => {
    const parser = new ChatEventParser();
    expect(parser.push(': keep-alive\r\nevent: start\r')).toEqual([]);
    expect(parser.push('\ndata: {"modelId":"a"}\r\revent: start\rdata: {"modelId":"b"}\r')).toEqual([
      { type: 'start', modelId: 'a' },
    ]);
    expect(parser.push('\n')).toEqual([]);
    expect(parser.push('\r\n')).toEqual([{ type: 'start', modelId: 'b' }]);
    const multi = new ChatEventParser();
    expect(multi.push('event: start\ndata: {"modelId":\ndata: "c"}\n\n')).toEqual([{ type: 'start', modelId: 'c' }]);
  });

  test('an LF that does not follow a CR at a chunk boundary is not taken as part of the line ending', () => {
    const parser = new ChatEventParser();
    expect(parser.push('event: start\r')).toEqual([]);
    expect(parser.push('data: {"modelId":"a"}\r\r')).toEqual([{ type: 'start', modelId: 'a' }]);
  });

  test('ignores fields it does not know, and reads a value without a space after the colon whole', () => {
    const parser = new ChatEventParser();
    expect(parser.push('event: start\nid: 7\nretry: 1000\ndata:{"modelId":"a b"}\n\n')).toEqual([
      { type: 'start', modelId: 'a b' },
    ]);
  });

  test('a character split between network chunks arrives whole', async () => {
    const bytes = new TextEncoder().encode(encodeChatEvent({ type: 'delta', text: 'ünï' }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(Uint8Array.of(byte));
        controller.close();
      },
    });
    expect(await collect(body)).toEqual([{ type: 'delta', text: 'ünï' }]);
  });

  test('the last event counts even without its closing blank line', async () => {
    expect(await collect(streamOf(['event: start\ndata: {"modelId":"x"}']))).toEqual([{ type: 'start', modelId: 'x' }]);
  });

  test('bad data is an error that says what is wrong', () => {
    expect(() => new ChatEventParser().push('event: oops\ndata: {}\n\n')).toThrow(/Unknown event type "oops"/);
    expect(() => new ChatEventParser().push('event: delta\ndata: {nope\n\n')).toThrow(SseParseError);
    for (const data of ['[1]', 'null', '5']) {
      expect(() => new ChatEventParser().push(`event: delta\ndata: ${data}\n\n`)).toThrow(
        'The data of a "delta" event is not a JSON object',
      );
    }
  });

  test('an error names itself and quotes the start of data that is not JSON, its lines joined', () => {
    const parse = (text: string) => {
      try {
        return new ChatEventParser().push(text);
      } catch (error) {
        return String(error);
      }
    };
    expect(parse('event: delta\ndata: not\ndata: json\n\n')).toBe(
      'SseParseError: The data of a "delta" event is not JSON: not\njson',
    );
    expect(parse(`event: delta\ndata: ${'x'.repeat(100)}\n\n`)).toBe(
      `SseParseError: The data of a "delta" event is not JSON: ${'x'.repeat(80)}`,
    );
  });

  test('an event with no type line, or an empty one, has the empty type, which is not a playground event', () => {
    expect(() => new ChatEventParser().push('data: {}\n\n')).toThrow('Unknown event type ""');
    const parser = new ChatEventParser();
    expect(parser.push('event: start\ndata: {"modelId":"a"}\n\n')).toEqual([{ type: 'start', modelId: 'a' }]);
    expect(() => parser.push('data: {}\n\n')).toThrow('Unknown event type ""');
    expect(() => new ChatEventParser().push('event: start\nevent\ndata: {}\n\n')).toThrow('Unknown event type ""');
  });

  test('leaving early cancels the body, so a Stop ends the download', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode(encodeChatEvent({ type: 'delta', text: 'x' })));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readChatEvents(body)) {
      expect(event.type).toBe('delta');
      break;
    }
    expect(cancelled).toBe(true);
  });
});

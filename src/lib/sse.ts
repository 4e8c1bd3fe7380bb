/**
 * Server-Sent Events for the playground's chat stream: the server encodes ChatEvents, the browser island parses
 * them back from the response body. One event is `event: <type>` then `data: <JSON of the other fields>` and a
 * blank line (https://html.spec.whatwg.org/multipage/server-sent-events.html).
 */
import type { ChatEvent } from './chat-protocol';

const EVENT_TYPES = new Set<string>(['start', 'delta', 'markdown', 'done', 'error']);

/** One ChatEvent as SSE text. JSON never contains a raw line break, so one `data:` line is enough. */
export function encodeChatEvent(event: ChatEvent) {
  const { type, ...data } = event;
  return `event: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
}

export class SseParseError extends Error {
  override name = 'SseParseError';
}

/**
 * Turns SSE text, fed in chunks of any size, into ChatEvents. Follows the standard's rules for what it reads:
 * lines end in LF, CRLF or CR; `data:` lines of one event are joined with LF; comments (`:`) and unknown fields are
 * ignored; an event without data is skipped.
 */
export class ChatEventParser {
  private buffer = '';
  /** The last chunk ended in CR: an LF at the start of the next one belongs to the same line ending. */
  // Stryker disable next-line BooleanLiteral: a new parser holds nothing, so a leading LF it dropped would only end an empty event.
  private afterCarriageReturn = false;
  private type = '';
  private data: string[] = [];

  /** Parses what the chunk completes and keeps the rest for the next one. Throws SseParseError on bad data. */
  push(chunk: string): ChatEvent[] {
    const text = this.afterCarriageReturn && chunk.startsWith('\n') ? chunk.slice(1) : chunk;
    this.afterCarriageReturn = text.endsWith('\r');
    const events: ChatEvent[] = [];
    const lines = (this.buffer + text).split(/\r\n|\r|\n/);
    // The last piece has no line ending yet.
    // Stryker disable next-line StringLiteral: split always returns at least one piece, so pop() never gives undefined.
    this.buffer = lines.pop() ?? '';
    for (const line of lines) {
      const event = this.line(line);
      if (event) events.push(event);
    }
    return events;
  }

  private line(line: string): ChatEvent | undefined {
    if (line === '') return this.dispatch();
    // A comment (a line starting with a colon) has an empty field name, ignored like any unknown field.
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') this.type = value;
    else if (field === 'data') this.data.push(value);
    return undefined;
  }

  private dispatch(): ChatEvent | undefined {
    const type = this.type;
    const data = this.data.join('\n');
    this.type = '';
    this.data = [];
    if (data === '') return undefined;
    if (!EVENT_TYPES.has(type)) throw new SseParseError(`Unknown event type "${type}"`);
    let fields: unknown;
    try {
      fields = JSON.parse(data);
    } catch {
      throw new SseParseError(`The data of a "${type}" event is not JSON: ${data.slice(0, 80)}`);
    }
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields))
      throw new SseParseError(`The data of a "${type}" event is not a JSON object`);
    return { ...fields, type } as ChatEvent;
  }
}

/** The ChatEvents of a streamed response body, as they arrive. */
export async function* readChatEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<ChatEvent> {
  const parser = new ChatEventParser();
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // stream: true keeps a character split between chunks for the next one.
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    // A stream may end without the blank line after its last event.
    yield* parser.push('\n\n');
  } finally {
    // Stops the download when the reader leaves early, e.g. after a Stop button.
    await reader.cancel().catch(() => {});
  }
}

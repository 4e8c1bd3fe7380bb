/**
 * A fake Amazon Bedrock runtime for tests: HTTP/2 cleartext on 127.0.0.1, answering ConverseStream with real
 * event-stream frames, so the real AWS SDK client talks to it exactly as to Bedrock. The last user message picks
 * the scenario:
 *
 *   (anything else)          "Hello from the fake Bedrock." one word per delta, then usage and metrics
 *   [words N]                N one-word deltas as fast as possible
 *   [echo]TEXT               TEXT (everything after "[echo]") sent back in deltas of 5 characters
 *   [slow]                   a delta every 100 ms for 10 s (to Stop or disconnect in between)
 *   [slow-start]             headers only after 10 s (to Stop before the first token)
 *   [hang]                   no answer at all, until the client gives up
 *   [stall]                  two deltas, then silence with the stream left open
 *   [cut]                    two deltas, then the stream ends without messageStop (a connection cut mid-answer)
 *   [max-tokens]             the normal answer, ending with stop reason max_tokens
 *   [fail NAME]              an error before the stream, e.g. [fail ThrottlingException]
 *   [stream-fail NAME]       two deltas, then the error inside the stream, e.g. [stream-fail ModelStreamErrorException]
 *
 * Every request is recorded with its decoded body and whether the client cancelled it.
 *
 * Standalone, for browser tests: node tests/fakes/bedrock-server.ts --port 4348
 */
import { createServer, type IncomingHttpHeaders, type ServerHttp2Session, type ServerHttp2Stream } from 'node:http2';
import { fileURLToPath } from 'node:url';
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

export interface RecordedRequest {
  modelId: string;
  /** The decoded JSON body the SDK sent. */
  body: ConverseBody;
  /** Whether the request arrived SigV4-signed. */
  signed: boolean;
  /** The client closed the stream before the fake finished it (Stop, disconnect, abort). */
  cancelled: boolean;
  /** The fake sent the whole answer or error. */
  finished: boolean;
}

export interface ConverseBody {
  messages?: { role: string; content: { text?: string }[] }[];
  system?: { text: string }[];
  inferenceConfig?: { maxTokens?: number; temperature?: number; topP?: number; stopSequences?: string[] };
  additionalModelRequestFields?: Record<string, unknown>;
}

export interface FakeBedrock {
  /** The endpoint to give the SDK client, e.g. http://127.0.0.1:4348. */
  url: string;
  requests: RecordedRequest[];
  /** Resolves when a request matching the test has been cancelled or finished, or fails after the timeout. */
  settled(request: () => RecordedRequest | undefined, timeoutMs?: number): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** HTTP status of each error Bedrock's runtime API documents for ConverseStream (and a few from AWS auth). */
export const ERROR_STATUS: Record<string, number> = {
  AccessDeniedException: 403,
  ThrottlingException: 429,
  ServiceQuotaExceededException: 400,
  ValidationException: 400,
  ResourceNotFoundException: 404,
  ModelTimeoutException: 408,
  ModelNotReadyException: 429,
  ModelErrorException: 424,
  ServiceUnavailableException: 503,
  InternalServerException: 500,
  ExpiredTokenException: 403,
  UnrecognizedClientException: 403,
};

/** The errors ConverseStream can raise inside the stream. */
export const STREAM_ERRORS = [
  'InternalServerException',
  'ModelStreamErrorException',
  'ValidationException',
  'ThrottlingException',
  'ServiceUnavailableException',
];

export const NORMAL_ANSWER = 'Hello from the fake Bedrock.';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

function frame(headers: Record<string, string>, body: unknown) {
  return codec.encode({
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, { type: 'string' as const, value }]),
    ),
    body: fromUtf8(JSON.stringify(body)),
  });
}

function event(type: string, body: unknown) {
  return frame({ ':message-type': 'event', ':event-type': type, ':content-type': 'application/json' }, body);
}

function exception(name: string, message: string) {
  // In the stream, an exception is named by its union member: lower camel case.
  const member = name.charAt(0).toLowerCase() + name.slice(1);
  return frame(
    { ':message-type': 'exception', ':exception-type': member, ':content-type': 'application/json' },
    { message },
  );
}

function errorMessage(name: string) {
  return name === 'ValidationException'
    ? 'The model returned the following errors: temperature: 1.5 is not less or equal to 1'
    : `Fake ${name}`;
}

function words(text: string) {
  return text.split(/\s+/).filter(Boolean).length;
}

function answer(stream: ServerHttp2Stream, record: RecordedRequest) {
  const messages = record.body.messages ?? [];
  const prompt =
    messages
      .at(-1)
      ?.content.map((block) => block.text ?? '')
      .join('') ?? '';
  const inputTokens =
    words((record.body.system ?? []).map((block) => block.text).join(' ')) +
    messages.reduce((sum, message) => sum + words(message.content.map((block) => block.text ?? '').join(' ')), 0);
  const started = Date.now();
  const finish = () => {
    record.finished = true;
    stream.end();
  };
  const failure = /\[fail (\w+)\]/.exec(prompt)?.[1];
  if (failure) {
    stream.respond({
      ':status': ERROR_STATUS[failure] ?? 400,
      'content-type': 'application/json',
      'x-amzn-errortype': failure,
    });
    stream.write(JSON.stringify({ message: errorMessage(failure) }));
    finish();
    return;
  }

  const open = () => stream.respond({ ':status': 200, 'content-type': 'application/vnd.amazon.eventstream' });
  const send = (chunk: Uint8Array) => {
    if (!stream.destroyed && !stream.closed) stream.write(chunk);
  };
  const ending = (outputTokens: number, stopReason = 'end_turn') => {
    send(event('contentBlockStop', { contentBlockIndex: 0 }));
    send(event('messageStop', { stopReason }));
    send(
      event('metadata', {
        usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
        metrics: { latencyMs: Date.now() - started },
      }),
    );
    finish();
  };
  const delta = (text: string) => event('contentBlockDelta', { contentBlockIndex: 0, delta: { text } });
  const start = () => send(event('messageStart', { role: 'assistant' }));

  if (prompt.includes('[hang]')) return;
  if (prompt.includes('[slow-start]')) {
    const timer = setTimeout(() => {
      if (stream.closed) return;
      open();
      start();
      send(delta('Late.'));
      ending(1);
    }, 10_000);
    stream.on('close', () => clearTimeout(timer));
    return;
  }
  open();
  start();

  if (prompt.includes('[slow]')) {
    let sent = 0;
    const timer = setInterval(() => {
      if (stream.closed || stream.destroyed) return clearInterval(timer);
      send(delta(sent === 0 ? 'Slowly' : ' more'));
      if (++sent === 100) {
        clearInterval(timer);
        ending(sent);
      }
    }, 100);
    stream.on('close', () => clearInterval(timer));
    return;
  }
  if (prompt.includes('[stall]') || prompt.includes('[cut]')) {
    send(delta('Starting'));
    send(delta(' fine'));
    if (prompt.includes('[cut]')) finish();
    return;
  }
  const streamFailure = /\[stream-fail (\w+)\]/.exec(prompt)?.[1];
  if (streamFailure) {
    send(delta('Starting'));
    send(delta(' fine'));
    send(exception(streamFailure, errorMessage(streamFailure)));
    finish();
    return;
  }
  const count = Number(/\[words (\d+)\]/.exec(prompt)?.[1] ?? 0);
  const echo = prompt.split('[echo]')[1];
  const parts =
    echo !== undefined
      ? (echo.match(/[^]{1,5}/g) ?? [])
      : count > 0
        ? Array.from({ length: count }, (_, i) => (i === 0 ? 'w0' : ` w${i}`))
        : NORMAL_ANSWER.split(/(?= )/);
  for (const part of parts) send(delta(part));
  ending(parts.length, prompt.includes('[max-tokens]') ? 'max_tokens' : 'end_turn');
}

function handle(stream: ServerHttp2Stream, headers: IncomingHttpHeaders, requests: RecordedRequest[]) {
  const path = String(headers[':path'] ?? '');
  const match = /^\/model\/([^/]+)\/converse-stream$/.exec(path);
  if (headers[':method'] !== 'POST' || !match) {
    stream.respond({
      ':status': 404,
      'content-type': 'application/json',
      'x-amzn-errortype': 'UnknownOperationException',
    });
    stream.end(JSON.stringify({ message: `The fake has no ${String(headers[':method'])} ${path}` }));
    return;
  }
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  stream.on('end', () => {
    const record: RecordedRequest = {
      modelId: decodeURIComponent(match[1] ?? ''),
      body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as ConverseBody,
      signed: String(headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256'),
      cancelled: false,
      finished: false,
    };
    requests.push(record);
    stream.on('close', () => {
      if (!record.finished) record.cancelled = true;
    });
    answer(stream, record);
  });
  stream.on('error', () => {
    // A client that cancels resets the stream; the close handler records it.
  });
}

export async function startFakeBedrock(port = 0): Promise<FakeBedrock> {
  const requests: RecordedRequest[] = [];
  const server = createServer();
  server.on('stream', (stream: ServerHttp2Stream, headers: IncomingHttpHeaders) => handle(stream, headers, requests));
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    requests,
    async settled(find, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const request = find();
        if (request && (request.cancelled || request.finished)) return request;
        if (Date.now() > deadline) throw new Error('The fake Bedrock saw no such request end in time');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close() {
      for (const session of sessions) session.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const at = process.argv.indexOf('--port');
  const fake = await startFakeBedrock(at === -1 ? 4348 : Number(process.argv[at + 1]));
  console.log(`Fake Amazon Bedrock listening on ${fake.url}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => void fake.close().then(() => process.exit(0)));
}

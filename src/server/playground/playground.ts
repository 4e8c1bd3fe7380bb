/**
 * The playground's two routes as plain functions of a Request: the model list, and a chat answered as a stream of
 * Server-Sent Events. Protections run in order of cost: the rate limit, the request checks, then for Bedrock the
 * access token, the credentials and the daily spend cap, before anything is sent to AWS.
 */
import { BUILT_IN_MODEL_ID, type ChatUsage, type ModelInfo, type ModelsResponse } from '../../lib/chat-protocol';
import { SpendLedger, costOf, estimateTokens, type Reservation } from '../../lib/playground-cost';
import { encodeChatEvent } from '../../lib/sse';
import { TokenBuckets } from '../../lib/token-bucket';
import { logClientFault } from '../client-faults';
import { apiError, refuse, type Refusal } from '../responses';
import { exposureProblem, tokenProblem } from './access';
import { BedrockProvider } from './bedrock';
import { builtInProvider } from './built-in';
import { catalog as shippedCatalog, type CatalogModel } from './catalog';
import type { MarkdownUpdate } from '../../lib/playground/markdown-tree';
import { MarkdownStream } from './markdown';
import type { ChatProvider, ProviderEvent } from './provider';
import type { PlaygroundSettings } from './settings';
import { readSpendFile, spendFileWriter } from './spend-file';
import { chatValidator, defaultMaxTokens, maxTokensCap, type ValidChat } from './validation';

/** A chat request body larger than this is refused before it is parsed. */
const MAX_BODY_BYTES = 256 * 1024;

export interface Playground {
  models(clientAddress: string): Promise<ModelsResponse>;
  chat(request: Request, clientAddress: string): Promise<Response>;
  /**
   * For a server that is stopping: refuses new chats, lets the chats in flight finish for up to `graceMs`, then
   * stops the rest. Resolves once every chat has been settled against the spend cap (and the spend file written).
   */
  shutdown(graceMs: number): Promise<void>;
}

/** A chat being answered, for shutdown: how to stop it, and when it has been settled. */
interface ChatInFlight {
  stop(): void;
  settled: Promise<void>;
}

export interface PlaygroundParts {
  catalog?: readonly CatalogModel[];
  builtIn?: ChatProvider;
}

export function createPlayground(settings: PlaygroundSettings, parts: PlaygroundParts = {}): Playground {
  const catalog = parts.catalog ?? shippedCatalog;
  const bedrock = new BedrockProvider({
    region: settings.bedrockRegion,
    endpoint: settings.bedrockEndpoint,
    timeouts: settings.bedrockTimeouts,
  });
  const builtIn = parts.builtIn ?? builtInProvider;
  const validate = chatValidator(catalog, settings.maxTokens);
  const limiter = new TokenBuckets(settings.rateLimit);
  const ledger = new SpendLedger(
    settings.dailySpendCapUsd,
    Date.now,
    settings.spendFile ? readSpendFile(settings.spendFile) : undefined,
  );
  const saveSpend = settings.spendFile ? spendFileWriter(settings.spendFile) : undefined;
  const inFlight = new Set<ChatInFlight>();
  let stopping = false;

  async function models(clientAddress: string): Promise<ModelsResponse> {
    const status = await bedrock.check();
    const refusal = exposureProblem(settings, clientAddress);
    const reason = refusal ? `${refusal.message} ${refusal.advice}` : status.advice;
    return {
      models: catalog.map((model) =>
        model.id === BUILT_IN_MODEL_ID || (status.enabled && !refusal)
          ? modelInfo(model, settings.maxTokens, true)
          : modelInfo(model, settings.maxTokens, false, reason),
      ),
      bedrock: status,
    };
  }

  async function chat(request: Request, clientAddress: string): Promise<Response> {
    const started = performance.now();
    if (stopping) return apiError(503, SHUTTING_DOWN, { 'retry-after': '30' });
    const turn = limiter.take(clientAddress);
    if (!turn.allowed)
      return apiError(
        429,
        {
          code: 'rate-limited',
          message: 'Too many chat requests from your address.',
          advice: `Wait ${turn.retryAfterSeconds} seconds, then send again.`,
        },
        { 'retry-after': String(turn.retryAfterSeconds) },
      );
    const body = await readJson(request);
    if ('error' in body) return refuse(body);
    const validated = validate(body.json);
    if (!validated.ok) return apiError(400, validated.error);
    const valid = validated.chat;
    if (valid.model.id === BUILT_IN_MODEL_ID) return answer(valid, builtIn, request, started);

    const refusal = tokenProblem(settings, request, clientAddress);
    if (refusal) return refuse(refusal);
    const status = await bedrock.check();
    if (!status.enabled)
      return apiError(503, {
        code: 'bedrock-disabled',
        field: 'modelId',
        message: `${valid.model.name} runs on Amazon Bedrock, which is not set up on this server.`,
        ...(status.advice ? { advice: status.advice } : {}),
      });
    const inputTokens = estimateTokens(conversationText(valid));
    const worstCase = costOf({ inputTokens, outputTokens: valid.maxTokens }, valid.model.price);
    const reserved = ledger.reserve(worstCase);
    if (!reserved.ok)
      return apiError(
        429,
        {
          code: 'spend-cap',
          message: `This server's daily Amazon Bedrock budget of $${reserved.capUsd.toFixed(2)} would be exceeded by this request (spent today: $${reserved.spentUsd.toFixed(4)}).`,
          advice:
            'Try a cheaper model, fewer max tokens or a shorter conversation, or wait until the budget resets at midnight UTC.',
        },
        { 'retry-after': String(reserved.retryAfterSeconds) },
      );
    return answer(valid, bedrock, request, started, { reservation: reserved.reservation, inputTokens });
  }

  /**
   * Opens the provider, then streams its answer. A paid answer carries its spend reservation, settled exactly
   * once, and its estimated input tokens.
   */
  async function answer(
    valid: ValidChat,
    provider: ChatProvider,
    request: Request,
    started: number,
    paid?: { reservation: Reservation; inputTokens: number },
  ): Promise<Response> {
    const upstream = new AbortController();
    const stop = () => upstream.abort();
    request.signal.addEventListener('abort', stop, { once: true });
    let settled = false;
    let outputSoFar = '';
    // Without a usage report (Stop, a failure), Bedrock still bills what it read and wrote: estimate it.
    const estimatedUsage = () => ({
      inputTokens: paid?.inputTokens ?? estimateTokens(conversationText(valid)),
      outputTokens: estimateTokens(outputSoFar),
    });
    let markSettled = () => {};
    let stoppedForShutdown = false;
    const flight: ChatInFlight = {
      stop() {
        stoppedForShutdown = true;
        upstream.abort();
        settle();
      },
      settled: new Promise((resolve) => (markSettled = resolve)),
    };
    inFlight.add(flight);
    const settle = (usage?: ChatUsage) => {
      if (settled) return;
      settled = true;
      request.signal.removeEventListener('abort', stop);
      inFlight.delete(flight);
      if (paid) {
        ledger.settle(paid.reservation, costOf(usage ?? estimatedUsage(), valid.model.price));
        saveSpend?.(ledger.record());
      }
      markSettled();
    };

    let events: AsyncIterator<ProviderEvent>;
    try {
      events = (await provider.open(valid, upstream.signal))[Symbol.asyncIterator]();
    } catch (error) {
      // A refused request costs nothing.
      settle({ inputTokens: 0, outputTokens: 0 });
      if (stoppedForShutdown) return apiError(503, SHUTTING_DOWN, { 'retry-after': '30' });
      if (upstream.signal.aborted) return new Response(null, { status: 499 });
      return refuse(provider.describeError(error, valid.model));
    }

    let firstTokenAt: number | undefined;
    const markdown = provider.answersInMarkdown ? new MarkdownStream() : undefined;
    const encoder = new TextEncoder();
    const send = (
      controller: ReadableStreamDefaultController<Uint8Array>,
      event: Parameters<typeof encodeChatEvent>[0],
    ) => controller.enqueue(encoder.encode(encodeChatEvent(event)));
    const sendTree = (controller: ReadableStreamDefaultController<Uint8Array>, update: MarkdownUpdate | undefined) => {
      if (update) send(controller, { type: 'markdown', ...update });
    };
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        send(controller, { type: 'start', modelId: valid.model.id });
      },
      async pull(controller) {
        try {
          const next = await events.next();
          if (next.done) throw new Error('The answer ended without its end event');
          const event = next.value;
          if (event.type === 'text') {
            firstTokenAt ??= performance.now();
            outputSoFar += event.text;
            send(controller, {
              type: 'delta',
              text: event.text,
              ...(event.alternatives ? { alternatives: event.alternatives } : {}),
            });
            sendTree(controller, markdown?.add(event.text));
            return;
          }
          const usage = event.usage ?? estimatedUsage();
          settle(usage);
          sendTree(controller, markdown?.finish());
          const now = performance.now();
          send(controller, {
            type: 'done',
            stopReason: event.stopReason,
            usage,
            timeToFirstTokenMs: round((firstTokenAt ?? now) - started),
            latencyMs: round(now - started),
            costUsd: costOf(usage, valid.model.price),
          });
          controller.close();
        } catch (error) {
          settle();
          if (upstream.signal.aborted && !stoppedForShutdown) {
            controller.close();
            return;
          }
          sendTree(controller, markdown?.finish());
          const problem = stoppedForShutdown ? SHUTTING_DOWN : provider.describeError(error, valid.model).error;
          send(controller, { type: 'error', error: problem });
          controller.close();
        }
      },
      async cancel() {
        // The browser went away or pressed Stop: stop the model at once.
        upstream.abort();
        settle();
        await events.return?.();
      },
    });
    return new Response(stream, {
      headers: {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        // Asks proxies such as nginx not to hold the stream back.
        'x-accel-buffering': 'no',
      },
    });
  }

  async function shutdown(graceMs: number) {
    stopping = true;
    const allSettled = () => Promise.all([...inFlight].map((flight) => flight.settled));
    let grace: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([allSettled(), new Promise((resolve) => (grace = setTimeout(resolve, graceMs)))]);
    clearTimeout(grace);
    for (const flight of inFlight) flight.stop();
    await allSettled();
  }

  return { models, chat, shutdown };
}

const SHUTTING_DOWN = {
  code: 'shutting-down',
  message: 'The server is stopping or restarting, so it is not answering now.',
  advice: 'Send again in a minute.',
};

/** The catalog entry as the browser sees it, with the server's output limit applied. */
function modelInfo(model: CatalogModel, serverMaxTokens: number, available: boolean, reason?: string): ModelInfo {
  const cap = maxTokensCap(model, serverMaxTokens);
  return {
    id: model.id,
    name: model.name,
    provider: model.provider,
    contextWindow: model.contextWindow,
    inputModalities: model.inputModalities,
    outputModalities: model.outputModalities,
    temperature: model.temperature,
    topP: model.topP,
    topK: model.topK ? { min: model.topK.min, max: model.topK.max, default: model.topK.default } : null,
    maxTokens: { min: model.maxTokens.min, max: cap, default: defaultMaxTokens(model, serverMaxTokens) },
    ...(model.temperatureOrTopP ? { temperatureOrTopP: true } : {}),
    price: model.price,
    available,
    ...(available || !reason ? {} : { unavailableReason: reason }),
  };
}

function conversationText(chat: ValidChat) {
  return [chat.system ?? '', ...chat.messages.map((message) => message.text)].join('\n');
}

function round(ms: number) {
  return Math.round(ms * 10) / 10;
}

type JsonBody = { json: unknown } | Refusal;

/** The request's JSON body, refusing a wrong content type, an oversized body and malformed JSON. */
async function readJson(request: Request): Promise<JsonBody> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    return {
      status: 400,
      error: {
        code: 'validation',
        message: `Send the chat request as JSON (content type application/json), not "${type.slice(0, 60) || 'nothing'}".`,
      },
    };
  const tooLarge = {
    status: 413,
    error: {
      code: 'too-large',
      message: `The request is larger than ${MAX_BODY_BYTES / 1024} KB.`,
      advice: 'Shorten the conversation.',
    },
  };
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      let read: ReadableStreamReadResult<Uint8Array>;
      try {
        read = await reader.read();
      } catch {
        // The client went away halfway through its upload: nobody will read the answer.
        logClientFault('a chat request was abandoned before its body arrived');
        return { status: 400, error: { code: 'incomplete', message: 'The request body did not arrive whole.' } };
      }
      if (read.done) break;
      size += read.value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(read.value);
    }
  }
  try {
    return { json: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { status: 400, error: { code: 'validation', message: 'The request body is not valid JSON.' } };
  }
}

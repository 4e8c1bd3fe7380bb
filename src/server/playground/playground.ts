/**
 * The playground's two routes as plain functions of a Request: the model list, and a chat answered as a stream of
 * Server-Sent Events. Protections run in order of cost: the rate limit, the request checks, then for Bedrock the
 * access token, the credentials and the daily spend cap, before anything is sent to AWS.
 */
import { BUILT_IN_MODEL_ID, type ChatUsage, type ModelInfo, type ModelsResponse } from '../../lib/chat-protocol';
import { SpendLedger, costOf, estimateInputTokens, type Reservation } from '../../lib/playground-cost';
import { encodeChatEvent } from '../../lib/sse';
import { TokenBuckets } from '../../lib/token-bucket';
import { apiError } from '../responses';
import { exposureProblem, tokenProblem } from './access';
import { BedrockProvider } from './bedrock';
import { builtInProvider } from './built-in';
import { catalog as shippedCatalog, type CatalogModel } from './catalog';
import { describeBedrockError, isAbort, logLine, type DescribedError } from './errors';
import type { MarkdownUpdate } from '../../lib/playground/markdown-tree';
import { MarkdownStream } from './markdown';
import type { ChatProvider, ProviderEvent } from './provider';
import type { PlaygroundSettings } from './settings';
import { readSpendFile, spendFileWriter } from './spend-file';
import { maxTokensCap, validateChat, type ValidChat } from './validation';

/** A chat request body larger than this is refused before it is parsed. */
export const MAX_BODY_BYTES = 256 * 1024;

export interface Playground {
  models(clientAddress: string): Promise<ModelsResponse>;
  chat(request: Request, clientAddress: string): Promise<Response>;
}

export interface PlaygroundParts {
  catalog?: readonly CatalogModel[];
  bedrock?: BedrockProvider;
  builtIn?: ChatProvider;
}

export function createPlayground(settings: PlaygroundSettings, parts: PlaygroundParts = {}): Playground {
  const catalog = parts.catalog ?? shippedCatalog;
  const bedrock =
    parts.bedrock ?? new BedrockProvider({ region: settings.bedrockRegion, endpoint: settings.bedrockEndpoint });
  const builtIn = parts.builtIn ?? builtInProvider;
  const limiter = new TokenBuckets(settings.rateLimit);
  const ledger = new SpendLedger(
    settings.dailySpendCapUsd,
    Date.now,
    settings.spendFile ? readSpendFile(settings.spendFile) : undefined,
  );
  const saveSpend = settings.spendFile ? spendFileWriter(settings.spendFile) : undefined;

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
    if ('error' in body) return apiError(body.status, body.error);
    const validated = validateChat(body.json, catalog, settings.maxTokens);
    if (!validated.ok) return apiError(400, validated.error);
    const valid = validated.chat;
    if (valid.model.id === BUILT_IN_MODEL_ID) return answer(valid, builtIn, request, started);

    const refusal = tokenProblem(settings, request, clientAddress);
    if (refusal) return apiError(refusal.status, refusal.error, refusal.headers);
    const status = await bedrock.check();
    if (!status.enabled)
      return apiError(503, {
        code: 'bedrock-disabled',
        field: 'modelId',
        message: `${valid.model.name} runs on Amazon Bedrock, which is not set up on this server.`,
        ...(status.advice ? { advice: status.advice } : {}),
      });
    const worstCase = costOf(
      { inputTokens: estimateInputTokens(conversationText(valid)), outputTokens: valid.maxTokens },
      valid.model.price,
    );
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
    return answer(valid, bedrock, request, started, reserved.reservation);
  }

  /** Opens the provider, then streams its answer; settles the spend reservation exactly once. */
  async function answer(
    valid: ValidChat,
    provider: ChatProvider,
    request: Request,
    started: number,
    reservation?: Reservation,
  ): Promise<Response> {
    const upstream = new AbortController();
    const stop = () => upstream.abort();
    request.signal.addEventListener('abort', stop, { once: true });
    let settled = false;
    let outputSoFar = 0;
    const settle = (usage: ChatUsage) => {
      if (settled) return;
      settled = true;
      request.signal.removeEventListener('abort', stop);
      if (!reservation) return;
      ledger.settle(reservation, costOf(usage, valid.model.price));
      saveSpend?.(ledger.record());
    };
    // Without a usage report (Stop, a failure), Bedrock still bills what it read and wrote: estimate it.
    const estimatedUsage = () => ({
      inputTokens: estimateInputTokens(conversationText(valid)),
      outputTokens: outputSoFar,
    });

    let events: AsyncIterator<ProviderEvent>;
    try {
      events = (await provider.open(valid, upstream.signal))[Symbol.asyncIterator]();
    } catch (error) {
      // A refused request costs nothing.
      settle({ inputTokens: 0, outputTokens: 0 });
      if (upstream.signal.aborted) return new Response(null, { status: 499 });
      const described = explain(error, valid, provider);
      return apiError(described.status, described.error);
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
            outputSoFar++;
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
          settle(estimatedUsage());
          if (upstream.signal.aborted) {
            controller.close();
            return;
          }
          sendTree(controller, markdown?.finish());
          send(controller, { type: 'error', error: explain(error, valid, provider).error });
          controller.close();
        }
      },
      async cancel() {
        // The browser went away or pressed Stop: stop the model at once.
        upstream.abort();
        settle(estimatedUsage());
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

  /** The error as advice for the browser, logged on the server without a stack. */
  function explain(error: unknown, valid: ValidChat, provider: ChatProvider): DescribedError {
    if (provider === builtIn) {
      console.error(`Playground: the built-in model failed: ${error instanceof Error ? error.message : String(error)}`);
      return {
        status: 500,
        error: { code: 'built-in-error', message: 'The built-in model failed to answer.', advice: 'Try again.' },
      };
    }
    if (!isAbort(error)) console.error(logLine(error));
    return describeBedrockError(error, valid.model.name);
  }

  return { models, chat };
}

/** The catalog entry as the browser sees it, with the server's output limit applied. */
function modelInfo(model: CatalogModel, serverMaxTokens: number, available: boolean, reason?: string): ModelInfo {
  const cap = maxTokensCap(model, serverMaxTokens);
  const { requestField: _requestField, ...topK } = model.topK ?? { requestField: undefined };
  return {
    id: model.id,
    name: model.name,
    provider: model.provider,
    contextWindow: model.contextWindow,
    inputModalities: model.inputModalities,
    outputModalities: model.outputModalities,
    temperature: model.temperature,
    topP: model.topP,
    topK: model.topK ? (topK as ModelInfo['temperature']) : null,
    maxTokens: { min: model.maxTokens.min, max: cap, default: Math.min(model.maxTokens.default, cap) },
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

type JsonBody = { json: unknown } | { status: number; error: { code: string; message: string; advice?: string } };

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
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_BODY_BYTES) {
        await reader.cancel();
        return tooLarge;
      }
      chunks.push(value);
    }
  }
  try {
    return { json: JSON.parse(Buffer.concat(chunks).toString('utf8')) };
  } catch {
    return { status: 400, error: { code: 'validation', message: 'The request body is not valid JSON.' } };
  }
}

/**
 * Amazon Bedrock as a playground provider, through ConverseStream. Credentials and region come from the AWS SDK's
 * standard chains (environment, shared config and credentials files, SSO, container and instance roles); the
 * settings may fix the region and point the client at another endpoint.
 */
import {
  BedrockRuntimeClient,
  ConverseStreamCommand,
  type ConverseStreamCommandInput,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import type { ModelsResponse } from '../../lib/chat-protocol';
import { AnswerCutOff, BedrockTimeout, CREDENTIALS_ADVICE, describeBedrockError, isAbort, logLine } from './errors';
import type { ChatProvider, ProviderEvent } from './provider';
import type { ValidChat } from './validation';

type AdditionalFields = ConverseStreamCommandInput['additionalModelRequestFields'];

export type BedrockStatus = ModelsResponse['bedrock'];

export interface BedrockOptions {
  region?: string | undefined;
  endpoint?: string | undefined;
  timeouts: BedrockTimeouts;
}

/** How long Bedrock may stay silent: before the first event of an answer, and between two events. */
export interface BedrockTimeouts {
  firstByteMs: number;
  idleMs: number;
}

/** How long a credentials-and-region check is trusted before it is made again. */
const STATUS_TTL_MS = 5 * 60_000;

const SETUP_ADVICE = `${CREDENTIALS_ADVICE} Set a region with AWS_REGION or BEDROCK_REGION. Then restart the server.`;

export class BedrockProvider implements ChatProvider {
  readonly answersInMarkdown = true;
  private readonly client: BedrockRuntimeClient;
  private readonly timeouts: BedrockTimeouts;
  private status: { checked: number; result: Promise<BedrockStatus> } | undefined;

  constructor(options: BedrockOptions) {
    this.timeouts = options.timeouts;
    this.client = new BedrockRuntimeClient({
      ...(options.region ? { region: options.region } : {}),
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    });
  }

  /** Whether credentials and a region are found; checked once, then again after a few minutes. */
  check(now = Date.now()): Promise<BedrockStatus> {
    if (!this.status || now - this.status.checked > STATUS_TTL_MS)
      this.status = { checked: now, result: this.findSetup() };
    return this.status.result;
  }

  private async findSetup(): Promise<BedrockStatus> {
    let region: string;
    try {
      region = await this.client.config.region();
    } catch {
      return { enabled: false, advice: `Amazon Bedrock is off: this server has no AWS region. ${SETUP_ADVICE}` };
    }
    try {
      await this.client.config.credentials();
    } catch {
      return {
        enabled: false,
        region,
        advice: `Amazon Bedrock is off: this server found no AWS credentials. ${SETUP_ADVICE}`,
      };
    }
    return { enabled: true, region };
  }

  async open(chat: ValidChat, signal: AbortSignal): Promise<AsyncIterable<ProviderEvent>> {
    const watchdog = new Watchdog(signal);
    watchdog.arm(this.timeouts.firstByteMs, 'first-byte');
    try {
      const command = new ConverseStreamCommand(converseInput(chat));
      const response = await this.client.send(command, { abortSignal: watchdog.signal });
      if (!response.stream) throw new Error('Bedrock answered without a stream');
      return events(response.stream, watchdog, this.timeouts.idleMs);
    } catch (error) {
      watchdog.disarm();
      throw watchdog.timeout ?? error;
    }
  }

  describeError(error: unknown, model: { name: string }) {
    if (!isAbort(error)) console.error(logLine(error));
    return describeBedrockError(error, model.name);
  }
}

/** The ConverseStream request for a validated chat. */
function converseInput(chat: ValidChat): ConverseStreamCommandInput {
  const { model } = chat;
  return {
    modelId: model.id,
    messages: chat.messages.map((message) => ({ role: message.role, content: [{ text: message.text }] })),
    ...(chat.system ? { system: [{ text: chat.system }] } : {}),
    inferenceConfig: {
      maxTokens: chat.maxTokens,
      ...(chat.temperature === undefined ? {} : { temperature: chat.temperature }),
      ...(chat.topP === undefined ? {} : { topP: chat.topP }),
      ...(chat.stopSequences?.length ? { stopSequences: chat.stopSequences } : {}),
    },
    // Top-k is not part of Converse's common parameters: each provider names it in its own request format.
    ...(chat.topK !== undefined && model.topK?.requestField
      ? { additionalModelRequestFields: nested(model.topK.requestField, chat.topK) as AdditionalFields }
      : {}),
  };
}

/** { a: { b: value } } from "a.b". */
function nested(path: string, value: number) {
  return path.split('.').reduceRight<unknown>((inner, key) => ({ [key]: inner }), value) as Record<string, unknown>;
}

async function* events(
  stream: AsyncIterable<ConverseStreamOutput>,
  watchdog: Watchdog,
  idleMs: number,
): AsyncGenerator<ProviderEvent> {
  let stopReason: string | undefined;
  let usage: { inputTokens: number; outputTokens: number } | undefined;
  try {
    for await (const event of stream) {
      // The first event has arrived (or the next one): from now on Bedrock may stay silent for idleMs at most.
      watchdog.arm(idleMs, 'idle');
      const text = event.contentBlockDelta?.delta?.text;
      if (text) yield { type: 'text', text };
      if (event.messageStop) stopReason = event.messageStop.stopReason ?? 'end_turn';
      if (event.metadata?.usage)
        usage = {
          inputTokens: event.metadata.usage.inputTokens ?? 0,
          outputTokens: event.metadata.usage.outputTokens ?? 0,
        };
    }
  } catch (error) {
    throw watchdog.timeout ?? error;
  } finally {
    watchdog.disarm();
  }
  // An abort can end the SDK's stream quietly instead of with an error.
  if (watchdog.timeout) throw watchdog.timeout;
  // A stream that ends without messageStop was cut off: what arrived is not the whole answer.
  if (stopReason === undefined) throw new AnswerCutOff();
  // Usage normally arrives after messageStop, so the answer ends once the stream does.
  yield usage ? { type: 'end', stopReason, usage } : { type: 'end', stopReason };
}

/**
 * Aborts the Bedrock call when Bedrock stays silent for too long, as well as when the caller aborts. Each arm
 * replaces the previous deadline.
 */
class Watchdog {
  private readonly controller = new AbortController();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Set once the deadline passed: the error to report instead of the SDK's abort. */
  timeout: BedrockTimeout | undefined;
  readonly signal: AbortSignal;

  constructor(caller: AbortSignal) {
    this.signal = AbortSignal.any([caller, this.controller.signal]);
  }

  arm(ms: number, waitingFor: BedrockTimeout['waitingFor']) {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timeout = new BedrockTimeout(waitingFor, ms);
      this.controller.abort(this.timeout);
    }, ms);
  }

  disarm() {
    clearTimeout(this.timer);
  }
}

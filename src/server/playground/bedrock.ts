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
import { CREDENTIALS_ADVICE, describeBedrockError, isAbort, logLine } from './errors';
import type { ChatProvider, ProviderEvent } from './provider';
import type { ValidChat } from './validation';

type AdditionalFields = ConverseStreamCommandInput['additionalModelRequestFields'];

export type BedrockStatus = ModelsResponse['bedrock'];

export interface BedrockOptions {
  region?: string | undefined;
  endpoint?: string | undefined;
}

/** How long a credentials-and-region check is trusted before it is made again. */
const STATUS_TTL_MS = 5 * 60_000;

const SETUP_ADVICE = `${CREDENTIALS_ADVICE} Set a region with AWS_REGION or BEDROCK_REGION. Then restart the server.`;

export class BedrockProvider implements ChatProvider {
  readonly answersInMarkdown = true;
  private readonly client: BedrockRuntimeClient;
  private status: { checked: number; result: Promise<BedrockStatus> } | undefined;

  constructor(options: BedrockOptions) {
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
    const response = await this.client.send(new ConverseStreamCommand(converseInput(chat)), { abortSignal: signal });
    if (!response.stream) throw new Error('Bedrock answered without a stream');
    return events(response.stream);
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

async function* events(stream: AsyncIterable<ConverseStreamOutput>): AsyncGenerator<ProviderEvent> {
  let stopReason = 'end_turn';
  let usage: { inputTokens: number; outputTokens: number } | undefined;
  for await (const event of stream) {
    const text = event.contentBlockDelta?.delta?.text;
    if (text) yield { type: 'text', text };
    if (event.messageStop?.stopReason) stopReason = event.messageStop.stopReason;
    if (event.metadata?.usage)
      usage = {
        inputTokens: event.metadata.usage.inputTokens ?? 0,
        outputTokens: event.metadata.usage.outputTokens ?? 0,
      };
  }
  // Usage normally arrives after messageStop, so the answer ends once the stream does.
  yield usage ? { type: 'end', stopReason, usage } : { type: 'end', stopReason };
}

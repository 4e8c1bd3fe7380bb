/**
 * Checks a chat request against the catalog and the server's limits. Every problem is reported with the request
 * field at fault ("temperature", "messages.2.text"), in plain words.
 */
import { z } from 'astro/zod';
import {
  MAX_MESSAGE_CHARS,
  MAX_MESSAGES,
  MAX_STOP_SEQUENCE_CHARS,
  MAX_STOP_SEQUENCES,
  MAX_SYSTEM_CHARS,
  MAX_TOTAL_CHARS,
  type ApiError,
  type ChatMessage,
} from '../../lib/chat-protocol';
import type { CatalogModel } from './catalog';

/** A request that passed every check, with the model it names and the output limit to send. */
export interface ValidChat {
  model: CatalogModel;
  system?: string | undefined;
  messages: ChatMessage[];
  temperature?: number | undefined;
  topP?: number | undefined;
  topK?: number | undefined;
  /** Always set: the reservation against the spend cap depends on it. */
  maxTokens: number;
  stopSequences?: string[] | undefined;
  seed?: number | undefined;
}

export type Validated = { ok: true; chat: ValidChat } | { ok: false; error: ApiError['error'] };

/** Top of a model's max-tokens range once the server's own limit applies. */
export function maxTokensCap(model: CatalogModel, serverLimit: number) {
  return Math.min(model.maxTokens.max, serverLimit);
}

/** The max tokens sent when a request names none: the model's default, within the server's own limit. */
export function defaultMaxTokens(model: CatalogModel, serverLimit: number) {
  return Math.min(model.maxTokens.default, serverLimit);
}

const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .max(max, { error: `${what} is too long: use at most ${max.toLocaleString('en-US')} characters` })
    .refine((value) => value.trim() !== '', { error: `${what} is empty` });

function inRange(name: string, model: CatalogModel, range: { min: number; max: number }, integer = false) {
  const number = z.number({ error: `${name} must be a number` });
  return (integer ? number.int({ error: `${name} must be a whole number` }) : number)
    .min(range.min, { error: `${name} must be at least ${range.min} for ${model.name}` })
    .max(range.max, { error: `${name} must be at most ${range.max} for ${model.name}` });
}

function requestSchema(model: CatalogModel, serverMaxTokens: number) {
  return z.strictObject({
    /** Checked before this schema is built. */
    modelId: z.string(),
    /** Instructions for the whole conversation. */
    system: text('The system prompt', MAX_SYSTEM_CHARS).optional(),
    /** The conversation so far, user first and last. */
    messages: z
      .array(
        z.strictObject({
          /** Who said it. */
          role: z.enum(['user', 'assistant'], { error: 'role must be "user" or "assistant"' }),
          /** What was said. */
          text: text('The message', MAX_MESSAGE_CHARS),
        }),
        { error: 'messages must be a list of turns' },
      )
      .min(1, { error: 'Send at least one message' })
      .max(MAX_MESSAGES, { error: `Send at most ${MAX_MESSAGES} messages: start a new conversation` }),
    /** Randomness of the sampling. */
    temperature: inRange('temperature', model, model.temperature).optional(),
    /** Probability mass kept by nucleus sampling. */
    topP: inRange('topP', model, model.topP).optional(),
    /** How many most likely tokens are kept, for models that take it. */
    topK: (model.topK
      ? inRange('topK', model, model.topK, true)
      : z.never({ error: `${model.name} does not take top-k: leave it out` })
    ).optional(),
    /** Output tokens at most. */
    maxTokens: inRange(
      'maxTokens',
      model,
      { min: model.maxTokens.min, max: maxTokensCap(model, serverMaxTokens) },
      true,
    ).optional(),
    /** Strings that end the answer. */
    stopSequences: z
      .array(
        z
          .string({ error: 'A stop sequence must be text' })
          .min(1, { error: 'A stop sequence cannot be empty' })
          .max(MAX_STOP_SEQUENCE_CHARS, {
            error: `A stop sequence can have at most ${MAX_STOP_SEQUENCE_CHARS} characters`,
          }),
        { error: 'stopSequences must be a list of text' },
      )
      .max(MAX_STOP_SEQUENCES, { error: `Use at most ${MAX_STOP_SEQUENCES} stop sequences` })
      .optional(),
    /** Seeds the built-in model's sampling. */
    seed: z
      .number({ error: 'seed must be a number' })
      .int({ error: 'seed must be a whole number' })
      .min(0, { error: 'seed must be 0 or more' })
      .max(2 ** 32 - 1, { error: 'seed must be below 4,294,967,296' })
      .optional(),
  });
}

/** Conversation rules the schema cannot express: turns alternate, starting and ending with the user. */
function conversationProblem(chat: ValidChat): ApiError['error'] | undefined {
  for (const [index, message] of chat.messages.entries()) {
    const expected = index % 2 === 0 ? 'user' : 'assistant';
    if (message.role !== expected)
      return {
        code: 'validation',
        field: `messages.${index}.role`,
        message: `Turns must alternate, starting with the user: message ${index} should be from the ${expected}`,
      };
  }
  // Stryker disable next-line OptionalChaining: the schema asks for one message at least, so there is a last one
  if (chat.messages.at(-1)?.role !== 'user')
    return {
      code: 'validation',
      field: `messages.${chat.messages.length - 1}.role`,
      message: 'The last message must be from the user: the model answers it',
    };
  const total = chat.messages.reduce((sum, message) => sum + message.text.length, chat.system?.length ?? 0);
  if (total > MAX_TOTAL_CHARS)
    return {
      code: 'validation',
      field: 'messages',
      message: `The conversation is too long: ${total.toLocaleString('en-US')} characters, at most ${MAX_TOTAL_CHARS.toLocaleString('en-US')}. Start a new one.`,
    };
  if (chat.model.temperatureOrTopP && chat.temperature !== undefined && chat.topP !== undefined)
    return {
      code: 'validation',
      field: 'topP',
      message: `${chat.model.name} takes temperature or top-p, not both: leave one of them out`,
    };
  return undefined;
}

/**
 * A checker of parsed JSON bodies against the catalog and the server's output limit. Each model's schema is built
 * once, here, not per request.
 */
export function chatValidator(catalog: readonly CatalogModel[], serverMaxTokens: number) {
  const schemas = new Map(catalog.map((model) => [model.id, { model, schema: requestSchema(model, serverMaxTokens) }]));
  return (body: unknown) => validateChat(body, schemas, serverMaxTokens);
}

function validateChat(
  body: unknown,
  schemas: Map<string, { model: CatalogModel; schema: ReturnType<typeof requestSchema> }>,
  serverMaxTokens: number,
): Validated {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return { ok: false, error: { code: 'validation', message: 'The request body must be a JSON object' } };
  const modelId = (body as { modelId?: unknown }).modelId;
  if (typeof modelId !== 'string') return modelProblem('modelId must name a model from /api/playground/models');
  const entry = schemas.get(modelId);
  if (!entry) return modelProblem(`"${modelId.slice(0, 100)}" is not a model this playground offers`);
  const { model, schema } = entry;
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0] as z.core.$ZodIssue;
    const path = issue.code === 'unrecognized_keys' ? [...issue.path, ...issue.keys.slice(0, 1)] : issue.path;
    const message =
      issue.code === 'unrecognized_keys' ? `"${String(path.at(-1))}" is not a request field` : issue.message;
    const field = path.join('.');
    return { ok: false, error: { code: 'validation', ...(field ? { field } : {}), message } };
  }
  const { modelId: _modelId, ...fields } = result.data;
  const chat: ValidChat = {
    ...fields,
    model,
    maxTokens: fields.maxTokens ?? defaultMaxTokens(model, serverMaxTokens),
  };
  const problem = conversationProblem(chat);
  return problem ? { ok: false, error: problem } : { ok: true, chat };
}

function modelProblem(message: string): Validated {
  return { ok: false, error: { code: 'validation', field: 'modelId', message } };
}

/**
 * The playground's wire format, shared by the server routes and the browser island. Types only, plus the event
 * names: the server validates requests with its own schema (src/server), the island reads events with these types.
 *
 * GET  /api/playground/models → ModelsResponse
 * POST /api/playground/chat   ← ChatRequest, → text/event-stream of ChatEvent, or a JSON ApiError with a 4xx/5xx
 */
import type { MarkdownUpdate } from './playground/markdown-tree';

/** The server's limits on a chat request; the island applies them too, so the learner hears of them first. */
/** Turns in one request, the new prompt included. */
export const MAX_MESSAGES = 40;
/** Characters in one turn. */
export const MAX_MESSAGE_CHARS = 20_000;
/** Characters in all turns and the system prompt together. */
export const MAX_TOTAL_CHARS = 100_000;
/** Characters in the system prompt. */
export const MAX_SYSTEM_CHARS = 10_000;
/** Stop sequences per request, and characters in each. */
export const MAX_STOP_SEQUENCES = 4;
export const MAX_STOP_SEQUENCE_CHARS = 100;

/** The built-in course model: always available, no AWS account needed. */
export const BUILT_IN_MODEL_ID = 'course-lm';

/** A numeric parameter's valid range for one model, and the value the playground starts from. */
export interface ParameterRange {
  min: number;
  max: number;
  default: number;
}

/** A model as the browser sees it: catalog facts plus whether this server can run it now. */
export interface ModelInfo {
  /** Bedrock model or inference profile ID, or BUILT_IN_MODEL_ID. */
  id: string;
  /** Display name, e.g. "Claude 3.5 Haiku". */
  name: string;
  /** Model provider, e.g. "Anthropic", or "This course" for the built-in model. */
  provider: string;
  /** Maximum input plus output tokens. */
  contextWindow: number;
  /** Input and output modalities, e.g. ["text"]. */
  inputModalities: string[];
  outputModalities: string[];
  temperature: ParameterRange;
  topP: ParameterRange;
  /** Only for models that take top-k (sent in additionalModelRequestFields); null when the model has none. */
  topK: ParameterRange | null;
  /** Already capped by the server's own limit. */
  maxTokens: ParameterRange;
  /** True when the model takes temperature or top-p but not both in one request (Claude 4.5 models). */
  temperatureOrTopP?: boolean;
  /** On-demand price in US dollars per 1,000 tokens; zero for the built-in model. */
  price: { inputPer1k: number; outputPer1k: number; asOf: string; source: string };
  /** False when the server has no AWS credentials or region, or the model is not enabled. */
  available: boolean;
  /** Plain-language reason when not available, with how to fix it. */
  unavailableReason?: string;
}

export interface ModelsResponse {
  /** The built-in model first. */
  models: ModelInfo[];
  /** Whether the Bedrock provider is configured (credentials and region found). */
  bedrock: { enabled: boolean; region?: string; advice?: string };
}

export interface ChatMessage {
  role: 'user' | 'assistant';
  text: string;
}

export interface ChatRequest {
  modelId: string;
  /** Optional system prompt. */
  system?: string;
  /** Alternating turns, the last one from the user. */
  messages: ChatMessage[];
  temperature?: number;
  topP?: number;
  /** Only for models whose catalog entry has a topK range. */
  topK?: number;
  maxTokens?: number;
  /** At most 4. */
  stopSequences?: string[];
  /** Seeds the built-in model's sampling, so the same request gives the same answer; ignored by Bedrock. */
  seed?: number;
}

/** One alternative the built-in model considered for a generated word. */
export interface TokenAlternative {
  token: string;
  /** The model's probability before temperature, top-k and top-p. */
  probability: number;
  /** The probability after them (0 when cut). */
  adjusted: number;
}

export interface ChatUsage {
  inputTokens: number;
  outputTokens: number;
}

/** Server-Sent Events, `event: <type>` and `data: <JSON of the rest>`. */
export type ChatEvent =
  | { type: 'start'; modelId: string }
  /** Text to append; `alternatives` only from the built-in model, one delta per word. */
  | { type: 'delta'; text: string; alternatives?: TokenAlternative[] }
  /**
   * Markdown answers (Bedrock) only: the answer so far, its first `chars` characters, as a tree of allowed
   * elements. Top-level nodes from `from` on replace those of the previous update. Sent as the text streams (spaced
   * out) and once more before `done` or `error` when the last tree does not cover the whole text.
   */
  | ({ type: 'markdown' } & MarkdownUpdate)
  | {
      type: 'done';
      stopReason: string;
      usage: ChatUsage;
      timeToFirstTokenMs: number;
      latencyMs: number;
      /** US dollars, from the catalog's prices; 0 for the built-in model. */
      costUsd: number;
    }
  /** An error after streaming began (for example a throttle inside the stream). */
  | { type: 'error'; error: ApiError['error'] };

/** Every error the playground's routes return, as JSON or inside the stream. */
export interface ApiError {
  error: {
    /** Machine-readable, e.g. "validation", "rate-limited", "spend-cap", "unauthorized", "no-model-access". */
    code: string;
    /** The request field at fault, e.g. "temperature" or "messages.2.text", when there is one. */
    field?: string;
    /** What went wrong, in plain words. */
    message: string;
    /** What to do about it, in plain words. */
    advice?: string;
  };
}

/**
 * A playground conversation as the browser keeps it: the settings in use and every turn, a prompt with one answer
 * per lane. Pure: decoding never throws and keeps every valid turn; totals and per-lane history are derived here.
 */
import {
  BUILT_IN_MODEL_ID,
  MAX_STOP_SEQUENCES,
  type ChatEvent,
  type ChatMessage,
  type ChatRequest,
  type ChatUsage,
  type ModelInfo,
  type TokenAlternative,
} from '../chat-protocol';
import { tokenize } from '../language-model-training';
import { costOf, estimateTokens } from '../playground-cost';
import { isRecord, isTimestamp, parseObject, problemOf, type Decoded } from '../stored-data';
import { readRenderedMarkdown, updateRendered, type RenderedMarkdown } from './markdown-tree';
import type { LaneSettings, PlaygroundSettings } from './settings';
import { plural } from '../plural';

export const CONVERSATION_VERSION = 1;
/** Older turns are dropped beyond this, so the stored conversation cannot grow without end. */
export const MAX_TURNS = 40;
/** Word-by-word alternatives are large: only the latest turns keep them when stored. */
export const TURNS_WITH_TOKENS = 5;

/** One word the built-in model generated, with what else it considered. */
export interface TokenStep {
  text: string;
  alternatives: TokenAlternative[];
}

export type AnswerStatus = 'streaming' | 'done' | 'stopped' | 'error';

export interface Answer {
  /** The lane's settings as sent (after clamping to the model's ranges). */
  lane: LaneSettings;
  /** The model's display name when the answer was given. */
  modelName: string;
  /** Set when the model takes temperature or top-p but not both: the one that was sent. */
  onlySent?: 'temperature' | 'topP';
  text: string;
  /** Bedrock models only: the text as the server rendered it from Markdown (text past `chars` shows as it is). */
  markdown?: RenderedMarkdown;
  /** Built-in model only: one entry per generated word. */
  tokens?: TokenStep[];
  status: AnswerStatus;
  stopReason?: string;
  usage?: ChatUsage;
  timeToFirstTokenMs?: number;
  latencyMs?: number;
  /** US dollars. */
  costUsd?: number;
  error?: { message: string; advice?: string };
}

export interface Turn {
  id: string;
  /** When the prompt was sent, as an ISO timestamp. */
  at: string;
  prompt: string;
  /** The system prompt in force for this turn. */
  system: string;
  /** One per lane that answered: one in chat mode, two in compare mode. */
  answers: Answer[];
}

export interface Conversation {
  version: typeof CONVERSATION_VERSION;
  /** Undefined until the learner (or a preset) changes something: the page then starts from the models' defaults. */
  settings?: PlaygroundSettings;
  turns: Turn[];
}

export function emptyConversation(): Conversation {
  return { version: CONVERSATION_VERSION, turns: [] };
}

export function encodeConversation(conversation: Conversation) {
  const keepFrom = conversation.turns.length - TURNS_WITH_TOKENS;
  const turns = conversation.turns.map((turn, index) =>
    index >= keepFrom ? turn : { ...turn, answers: turn.answers.map(({ tokens: _tokens, ...answer }) => answer) },
  );
  return JSON.stringify({ ...conversation, turns });
}

const isNumber = (value: unknown): value is number => Number.isFinite(value);
const isString = (value: unknown): value is string => typeof value === 'string';

function readLane(value: unknown): LaneSettings | null {
  if (!isRecord(value)) return null;
  const { modelId, temperature, topP, topK, maxTokens, stopSequences, seed, randomness } = value;
  if (!isString(modelId) || !isNumber(temperature) || !isNumber(topP) || !isNumber(topK) || !isNumber(maxTokens))
    return null;
  if (!isNumber(seed) || !Array.isArray(stopSequences) || !stopSequences.every(isString)) return null;
  return {
    modelId,
    temperature,
    topP,
    topK,
    maxTokens,
    stopSequences: stopSequences.slice(0, MAX_STOP_SEQUENCES),
    seed,
    // Saved before the learner could choose: temperature, the default.
    randomness: randomness === 'topP' ? 'topP' : 'temperature',
  };
}

function readSettings(value: unknown): PlaygroundSettings | undefined {
  if (!isRecord(value) || !Array.isArray(value.lanes) || !isString(value.system)) return undefined;
  const [first, second] = value.lanes.map(readLane);
  if (!first || !second) return undefined;
  return { compare: value.compare === true, system: value.system, lanes: [first, second] };
}

function readAlternative(value: unknown): TokenAlternative | null {
  if (!isRecord(value) || !isString(value.token) || !isNumber(value.probability) || !isNumber(value.adjusted))
    return null;
  return { token: value.token, probability: value.probability, adjusted: value.adjusted };
}

function readTokens(value: unknown): TokenStep[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const steps: TokenStep[] = [];
  for (const step of value) {
    if (!isRecord(step) || !isString(step.text) || !Array.isArray(step.alternatives)) return undefined;
    const alternatives = step.alternatives.map(readAlternative);
    if (alternatives.some((alternative) => alternative === null)) return undefined;
    steps.push({ text: step.text, alternatives: alternatives as TokenAlternative[] });
  }
  return steps;
}

const isStatus = (value: unknown): value is AnswerStatus =>
  value === 'streaming' || value === 'done' || value === 'stopped' || value === 'error';

function readAnswer(value: unknown): Answer | null {
  if (!isRecord(value)) return null;
  const lane = readLane(value.lane);
  const { modelName, text, status } = value;
  if (!lane || !isString(modelName) || !isString(text) || !isStatus(status)) return null;
  // An answer still streaming when the page closed was cut off.
  const answer: Answer = {
    lane,
    modelName,
    text,
    status: status === 'streaming' ? 'stopped' : status,
  };
  if (value.onlySent === 'temperature' || value.onlySent === 'topP') answer.onlySent = value.onlySent;
  // A tree that is not allowed is set aside: the answer's text still shows, unformatted.
  const markdown = readRenderedMarkdown(value.markdown);
  if (markdown) answer.markdown = markdown;
  const tokens = readTokens(value.tokens);
  if (tokens) answer.tokens = tokens;
  if (isString(value.stopReason)) answer.stopReason = value.stopReason;
  const usage = value.usage;
  if (isRecord(usage) && isNumber(usage.inputTokens) && isNumber(usage.outputTokens))
    answer.usage = { inputTokens: usage.inputTokens, outputTokens: usage.outputTokens };
  if (isNumber(value.timeToFirstTokenMs)) answer.timeToFirstTokenMs = value.timeToFirstTokenMs;
  if (isNumber(value.latencyMs)) answer.latencyMs = value.latencyMs;
  if (isNumber(value.costUsd)) answer.costUsd = value.costUsd;
  const error = value.error;
  if (isRecord(error) && isString(error.message))
    answer.error = errorOf({ message: error.message, ...(isString(error.advice) ? { advice: error.advice } : {}) });
  return answer;
}

function readTurn(value: unknown): Turn | null {
  if (!isRecord(value)) return null;
  const { id, at, prompt, system, answers } = value;
  if (!isString(id) || !isTimestamp(at) || !isString(prompt) || !isString(system) || !Array.isArray(answers))
    return null;
  const read = answers.map(readAnswer);
  if (read.length === 0 || read.some((answer) => answer === null)) return null;
  return { id, at, prompt, system, answers: read as Answer[] };
}

export function decodeConversation(raw: string): Decoded<Conversation> {
  const data = parseObject(raw);
  if (!data || !Array.isArray(data.turns)) return { value: emptyConversation(), problem: 'unreadable', dropped: 1 };
  const turns = data.turns.map(readTurn);
  const kept = turns.filter((turn): turn is Turn => turn !== null).slice(-MAX_TURNS);
  const settings = readSettings(data.settings);
  const dropped = turns.length - kept.length + (data.settings !== undefined && !settings ? 1 : 0);
  const problem = problemOf(data.version, CONVERSATION_VERSION, dropped);
  const value: Conversation = { version: CONVERSATION_VERSION, turns: kept, ...(settings ? { settings } : {}) };
  return problem ? { value, problem, dropped } : { value, dropped };
}

/** The messages one lane has seen so far: each turn it answered with text, in order. */
export function laneHistory(turns: readonly Turn[], laneIndex: number): ChatMessage[] {
  return turns.flatMap((turn) => {
    const answer = turn.answers[laneIndex];
    if (!answer || answer.status === 'error' || answer.text.trim() === '') return [];
    return [
      { role: 'user', text: turn.prompt },
      { role: 'assistant', text: answer.text },
    ] satisfies ChatMessage[];
  });
}

/** A new turn, its answers empty and streaming, appended (the oldest turns go beyond MAX_TURNS). */
export function startTurn(
  conversation: Conversation,
  turn: {
    id: string;
    now: Date;
    prompt: string;
    system: string;
    lanes: Pick<Answer, 'lane' | 'modelName' | 'onlySent'>[];
  },
): Conversation {
  const next: Turn = {
    id: turn.id,
    at: turn.now.toISOString(),
    prompt: turn.prompt,
    system: turn.system,
    answers: turn.lanes.map((lane) => ({ ...lane, text: '', status: 'streaming' })),
  };
  return { ...conversation, turns: [...conversation.turns, next].slice(-MAX_TURNS) };
}

/** One streamed event applied to an answer. */
export function applyEvent(answer: Answer, event: ChatEvent): Answer {
  switch (event.type) {
    case 'start':
      return answer;
    case 'delta':
      return {
        ...answer,
        text: answer.text + event.text,
        ...(event.alternatives
          ? { tokens: [...(answer.tokens ?? []), { text: event.text, alternatives: event.alternatives }] }
          : {}),
      };
    case 'markdown': {
      const { type: _type, ...update } = event;
      return { ...answer, markdown: updateRendered(answer.markdown, update) };
    }
    case 'done': {
      const { type: _type, ...figures } = event;
      return { ...answer, ...figures, status: 'done' };
    }
    case 'error':
      return { ...answer, status: 'error', error: errorOf(event.error) };
  }
}

/**
 * An answer the learner stopped, with what it used up to then, counted as the server counts it: the built-in
 * model's words one by one and its prompt in the model's own tokens; a Bedrock answer estimated from the text that
 * arrived (estimateTokens), which is what the server charges a stopped answer.
 */
export function stopAnswer(answer: Answer, request: ChatRequest, model: ModelInfo): Answer {
  const read = [request.system ?? '', ...request.messages.map((message) => message.text)];
  const usage =
    model.id === BUILT_IN_MODEL_ID
      ? { inputTokens: tokenize(read.join(' ')).length, outputTokens: answer.tokens?.length ?? 0 }
      : { inputTokens: estimateTokens(read.join('\n')), outputTokens: estimateTokens(answer.text) };
  return { ...answer, status: 'stopped', usage, costUsd: costOf(usage, model.price) };
}

/** The error fields an answer keeps (the message and advice the learner reads). */
export function errorOf(error: { message: string; advice?: string }): NonNullable<Answer['error']> {
  return error.advice ? { message: error.message, advice: error.advice } : { message: error.message };
}

/** Replaces one answer of one turn. */
export function updateAnswer(
  conversation: Conversation,
  turnId: string,
  laneIndex: number,
  change: (answer: Answer) => Answer,
): Conversation {
  return {
    ...conversation,
    turns: conversation.turns.map((turn) =>
      turn.id === turnId
        ? { ...turn, answers: turn.answers.map((answer, index) => (index === laneIndex ? change(answer) : answer)) }
        : turn,
    ),
  };
}

export interface Totals {
  /** Answers with usage: finished ones, and stopped ones with what they used so far. */
  answers: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
}

/** Tokens and cost of the answers with usage, for one lane or (without a lane) the whole conversation. */
export function conversationTotals(turns: readonly Turn[], laneIndex?: number): Totals {
  const totals: Totals = { answers: 0, inputTokens: 0, outputTokens: 0, costUsd: 0 };
  for (const turn of turns) {
    turn.answers.forEach((answer, index) => {
      if ((laneIndex !== undefined && index !== laneIndex) || !answer.usage) return;
      totals.answers += 1;
      totals.inputTokens += answer.usage.inputTokens;
      totals.outputTokens += answer.usage.outputTokens;
      totals.costUsd += answer.costUsd ?? 0;
    });
  }
  return totals;
}

/** Totals in words: "2 answers, 30 input + 80 output tokens, $0.0012". */
export function describeTotals({ answers, inputTokens, outputTokens, costUsd }: Totals) {
  return `${plural(answers, 'answer')}, ${inputTokens} input + ${outputTokens} output tokens, ${formatUsd(costUsd)}`;
}

/** Dollars for people: exact enough to compare tiny per-answer costs, never in scientific notation. */
export function formatUsd(usd: number) {
  if (usd === 0) return '$0';
  if (usd >= 0.01) return `$${usd.toFixed(2)}`;
  return `$${usd.toFixed(Math.min(10, 2 - Math.floor(Math.log10(usd))))}`;
}

/** Milliseconds for people: "850 ms" or "1.2 s". */
export function formatDuration(ms: number) {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/**
 * The playground's settings: what each lane (one model with its inference parameters) sends, kept inside the
 * chosen model's ranges, and the chat request built from them. Pure, so the island stays a thin view.
 */
import {
  BUILT_IN_MODEL_ID,
  MAX_MESSAGE_CHARS,
  MAX_MESSAGES,
  MAX_STOP_SEQUENCE_CHARS,
  MAX_STOP_SEQUENCES,
  MAX_SYSTEM_CHARS,
  MAX_TOTAL_CHARS,
  type ChatMessage,
  type ChatRequest,
  type ModelInfo,
  type ParameterRange,
} from '../chat-protocol';
import { seedFrom } from '../seed';

/** The seed the built-in model starts from, so a first answer can be repeated. */
export const DEFAULT_SEED = 42;

/** One model and the parameters it is asked with. */
export interface LaneSettings {
  modelId: string;
  temperature: number;
  topP: number;
  /** Sent only when the model takes top-k. */
  topK: number;
  maxTokens: number;
  /** Up to MAX_STOP_SEQUENCES; empty entries are not sent. */
  stopSequences: string[];
  /** Sent only to the built-in model. */
  seed: number;
  /** For a model that takes temperature or top-p but not both (Claude 4.5): the one the learner chose to send. */
  randomness: Randomness;
}

export type Randomness = 'temperature' | 'topP';

export interface PlaygroundSettings {
  /** Two lanes side by side, each answering the same prompt. */
  compare: boolean;
  system: string;
  /** The first lane answers in chat mode; both answer in compare mode. */
  lanes: [LaneSettings, LaneSettings];
}

const clamp = (value: number, { min, max }: ParameterRange) => Math.min(max, Math.max(min, value));
const finiteOr = (value: number, fallback: number) => (Number.isFinite(value) ? value : fallback);
const characters = (messages: readonly ChatMessage[]) =>
  messages.reduce((sum, message) => sum + message.text.length, 0);

/** A lane on a model with that model's starting values. */
export function defaultLane(model: ModelInfo): LaneSettings {
  return {
    modelId: model.id,
    temperature: model.temperature.default,
    topP: model.topP.default,
    topK: model.topK?.default ?? 0,
    maxTokens: model.maxTokens.default,
    stopSequences: [],
    seed: DEFAULT_SEED,
    randomness: 'temperature',
  };
}

/** The lane's values moved inside the model's ranges (a value the model cannot take becomes the nearest it can). */
export function clampLane(lane: LaneSettings, model: ModelInfo): LaneSettings {
  return {
    modelId: model.id,
    temperature: clamp(finiteOr(lane.temperature, model.temperature.default), model.temperature),
    topP: clamp(finiteOr(lane.topP, model.topP.default), model.topP),
    topK: model.topK ? Math.round(clamp(finiteOr(lane.topK, model.topK.default), model.topK)) : lane.topK,
    maxTokens: Math.round(clamp(finiteOr(lane.maxTokens, model.maxTokens.default), model.maxTokens)),
    stopSequences: lane.stopSequences
      .slice(0, MAX_STOP_SEQUENCES)
      .map((stop) => stop.slice(0, MAX_STOP_SEQUENCE_CHARS)),
    seed: seedFrom(lane.seed, DEFAULT_SEED),
    randomness: lane.randomness,
  };
}

/** The lane switched to another model: its values kept where that model allows them. */
export function switchModel(lane: LaneSettings, model: ModelInfo): LaneSettings {
  return clampLane({ ...lane, modelId: model.id }, model);
}

/** The model a lane can use: its own if the server can run it, otherwise the first that can (the built-in one). */
export function usableModel(models: readonly ModelInfo[], modelId: string): ModelInfo | undefined {
  return models.find((model) => model.id === modelId && model.available) ?? models.find((model) => model.available);
}

/** The lanes a prompt goes to (one, or two in compare mode), each on a model the server can run, within its ranges. */
export function lanesToSend(settings: PlaygroundSettings, models: readonly ModelInfo[]) {
  return settings.lanes.slice(0, settings.compare ? 2 : 1).flatMap((lane) => {
    const model = usableModel(models, lane.modelId);
    return model ? [{ lane: clampLane(lane, model), model }] : [];
  });
}

/** Which of temperature and top-p a lane sends: both, or for a model that takes only one, the learner's choice. */
export function randomnessControl(lane: LaneSettings, model: ModelInfo): 'both' | Randomness {
  return model.temperatureOrTopP ? lane.randomness : 'both';
}

/** The latest turns of a history that fit the server's limits with the new prompt; older turns go first. */
export function fitHistory(history: readonly ChatMessage[], prompt: string, system: string): ChatMessage[] {
  let total = system.length + prompt.length + characters(history);
  let start = 0;
  // Whole user-and-assistant pairs are dropped, oldest first, so the history still starts with the user.
  // Stryker disable next-line EqualityOperator: a pass at the very end drops nothing more, the history is empty either way
  for (; start < history.length; start += 2) {
    // Room for the prompt among the messages, and for the whole conversation.
    if (history.length - start < MAX_MESSAGES && total <= MAX_TOTAL_CHARS) break;
    total -= characters(history.slice(start, start + 2));
  }
  return history.slice(start);
}

/**
 * The request one lane sends: the earlier turns of its own conversation that fit (turns it has no answer for are
 * left out, so user and assistant keep alternating), then the new prompt.
 */
export function buildChatRequest(options: {
  lane: LaneSettings;
  model: ModelInfo;
  system: string;
  history: readonly ChatMessage[];
  prompt: string;
}): ChatRequest {
  const { model, system, history, prompt } = options;
  const lane = clampLane(options.lane, model);
  const stopSequences = lane.stopSequences.filter((sequence) => sequence !== '');
  const control = randomnessControl(lane, model);
  return {
    modelId: model.id,
    ...(system.trim() ? { system: system.trim() } : {}),
    messages: [...fitHistory(history, prompt, system.trim()), { role: 'user', text: prompt }],
    ...(control === 'topP' ? {} : { temperature: lane.temperature }),
    ...(control === 'temperature' ? {} : { topP: lane.topP }),
    ...(model.topK ? { topK: lane.topK } : {}),
    maxTokens: lane.maxTokens,
    ...(stopSequences.length ? { stopSequences } : {}),
    ...(model.id === BUILT_IN_MODEL_ID ? { seed: lane.seed } : {}),
  };
}

/** What is wrong with a prompt before it is sent, or undefined when it can go. */
export function promptProblem(prompt: string, system: string) {
  if (prompt.trim() === '') return 'Write a prompt first.';
  if (prompt.length > MAX_MESSAGE_CHARS)
    return `Shorten the prompt to ${MAX_MESSAGE_CHARS.toLocaleString('en-US')} characters or fewer.`;
  if (system.length > MAX_SYSTEM_CHARS)
    return `Shorten the system prompt to ${MAX_SYSTEM_CHARS.toLocaleString('en-US')} characters or fewer.`;
  return undefined;
}

/** Both lanes on the first model the server can run (the built-in one), at its defaults. */
export function defaultSettings(models: readonly ModelInfo[]): PlaygroundSettings | null {
  const model = usableModel(models, BUILT_IN_MODEL_ID);
  if (!model) return null;
  return { compare: false, system: '', lanes: [defaultLane(model), defaultLane(model)] };
}

/** A lane on a model the server can run now (its own, or the built-in one), within that model's ranges. */
export function fitLane(lane: LaneSettings, models: readonly ModelInfo[]): LaneSettings {
  const model = usableModel(models, lane.modelId);
  return model ? clampLane(lane, model) : lane;
}

/** Kept settings made valid for the models the server offers now: a model it cannot run is replaced. */
export function settingsForModels(settings: PlaygroundSettings, models: readonly ModelInfo[]): PlaygroundSettings {
  return { ...settings, lanes: [fitLane(settings.lanes[0], models), fitLane(settings.lanes[1], models)] };
}

/** The settings a conversation runs with: its own, fitted to the models, or the defaults when it has none yet. */
export function settingsFor(saved: PlaygroundSettings | undefined, models: readonly ModelInfo[]) {
  return saved ? settingsForModels(saved, models) : defaultSettings(models);
}

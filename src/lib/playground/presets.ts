/**
 * Ready-made setups the lessons link to, e.g. /playground/?preset=temperature-0-vs-1: each one shows a single
 * idea from the course, with a prompt to send and a note on what to look at.
 */
import { BUILT_IN_MODEL_ID, type ModelInfo } from '../chat-protocol';
import { clampLane, defaultLane, usableModel, type LaneSettings, type PlaygroundSettings } from './settings';

export interface Preset {
  /** The value of ?preset= in links. */
  id: string;
  title: string;
  /** What to try and what to notice, shown above the chat. */
  note: string;
  /** Put in the prompt box, not sent: the learner sends it. */
  prompt: string;
  system: string;
  compare: boolean;
  /** Use the first Bedrock model this server can run, when there is one, instead of the built-in model. */
  preferBedrock?: boolean;
  /** Changes from each lane's model defaults; the second lane matters in compare mode only. */
  lanes: [Partial<Omit<LaneSettings, 'modelId'>>, Partial<Omit<LaneSettings, 'modelId'>>];
}

export const presets: readonly Preset[] = [
  {
    id: 'temperature-0-vs-1',
    title: 'The same prompt at temperature 0 and 1',
    note: 'Both sides use the built-in model. Send the prompt, then change each side’s seed and send it again: at temperature 0 the model always takes its most likely word, so that answer never changes; at 1 it samples, so the answer changes with the seed.',
    prompt: 'Amazon Bedrock is',
    system: '',
    compare: true,
    lanes: [{ temperature: 0 }, { temperature: 1 }],
  },
  {
    id: 'top-p',
    title: 'Top-p 1 against top-p 0.5',
    note: 'Same model, temperature and seed; only top-p differs. Select words in each answer to see which alternatives top-p 0.5 cut: it keeps only the most likely words that together hold half of the probability.',
    prompt: 'A foundation model',
    system: '',
    compare: true,
    lanes: [
      { temperature: 1, topP: 1 },
      { temperature: 1, topP: 0.5 },
    ],
  },
  {
    id: 'system-prompt',
    title: 'A system prompt that sets the role and format',
    note: 'The system prompt tells the model who it is and how to answer, for every turn. Send the question, then edit the system prompt (or clear it) and ask again. Bedrock models follow it; the built-in model only continues text, so it shows the limits of a small model.',
    prompt: 'What is a foundation model?',
    system:
      'You are a patient tutor for the AWS Certified AI Practitioner exam. Answer in at most two sentences, then ask one question to check understanding.',
    compare: false,
    preferBedrock: true,
    lanes: [{}, {}],
  },
  {
    id: 'stop-sequence',
    title: 'A stop sequence that ends the answer early',
    note: 'Both sides are the same at temperature 0, so they write the same words; the right side has the stop sequence "." and stops at the end of its first sentence. Its usage shows fewer output tokens, and a lower cost on a paid model.',
    prompt: 'Amazon Bedrock is',
    system: '',
    compare: true,
    lanes: [{ temperature: 0 }, { temperature: 0, stopSequences: ['.'] }],
  },
];

/** The preset a page address names, or a message when it names one that does not exist. */
export function presetFromSearch(search: string): { preset?: Preset; problem?: string } {
  const id = new URLSearchParams(search).get('preset');
  if (id === null || id === '') return {};
  const preset = presets.find((candidate) => candidate.id === id);
  if (preset) return { preset };
  return {
    problem: `There is no preset called "${id}", so the playground opened with its usual setup. Presets: ${presets.map((known) => known.id).join(', ')}.`,
  };
}

/** The settings a preset gives on this server's models (null when the server offers no model it can run). */
export function presetSettings(preset: Preset, models: readonly ModelInfo[]): PlaygroundSettings | null {
  const bedrock = preset.preferBedrock
    ? models.find((model) => model.available && model.id !== BUILT_IN_MODEL_ID)
    : undefined;
  const model = bedrock ?? usableModel(models, BUILT_IN_MODEL_ID);
  if (!model) return null;
  const lane = (changes: Preset['lanes'][number]) => clampLane({ ...defaultLane(model), ...changes }, model);
  return { compare: preset.compare, system: preset.system, lanes: [lane(preset.lanes[0]), lane(preset.lanes[1])] };
}

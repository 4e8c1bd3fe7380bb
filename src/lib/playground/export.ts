/** A playground conversation as Markdown, to paste into notes: prompts, answers, the settings and the figures. */
import { BUILT_IN_MODEL_ID, type ChatUsage } from '../chat-protocol';
import {
  conversationTotals,
  describeTotals,
  formatDuration,
  formatUsd,
  type Answer,
  type Conversation,
} from './conversation';

/** The parameters an answer was given with, in words: "temperature 0, top-p 1, seed 42, max tokens 40". */
export function settingsSummary({ lane, onlySent }: Answer) {
  const parts = [];
  if (onlySent !== 'topP') parts.push(`temperature ${lane.temperature}`);
  if (onlySent !== 'temperature') parts.push(`top-p ${lane.topP}`);
  if (lane.modelId === BUILT_IN_MODEL_ID) parts.push(`seed ${lane.seed}`);
  parts.push(`max tokens ${lane.maxTokens}`);
  const stops = lane.stopSequences.filter((sequence) => sequence !== '');
  if (stops.length) parts.push(`stop sequences ${stops.map((sequence) => JSON.stringify(sequence)).join(', ')}`);
  return parts.join(', ');
}

const STOP_REASONS: Record<string, string> = {
  end_turn: 'the model finished',
  max_tokens: 'the maximum number of tokens was reached',
  stop_sequence: 'a stop sequence was reached',
  content_filtered: 'a content filter stopped it',
  guardrail_intervened: 'a guardrail stopped it',
};

/** Why an answer ended, in words; Bedrock's own term when there is no plainer one. */
export function stopReasonText(reason: string) {
  return STOP_REASONS[reason] ?? reason.replaceAll('_', ' ');
}

/**
 * "12 input + 30 output tokens, first token 120 ms, total 800 ms, cost $0.0001"; for a stopped answer what it used
 * so far; or why there are no figures.
 */
export function answerFigures(answer: Answer) {
  if (answer.status === 'error') return answer.error?.message ?? 'No answer.';
  if (answer.status === 'stopped') {
    if (!answer.usage) return 'Stopped before the end.';
    const estimated = answer.lane.modelId === BUILT_IN_MODEL_ID ? '' : ', estimated';
    return `Stopped before the end. So far${estimated}: ${tokenCounts(answer.usage)}, cost ${formatUsd(answer.costUsd ?? 0)}`;
  }
  if (!answer.usage) return '';
  const parts = [tokenCounts(answer.usage)];
  if (answer.timeToFirstTokenMs !== undefined) parts.push(`first token ${formatDuration(answer.timeToFirstTokenMs)}`);
  if (answer.latencyMs !== undefined) parts.push(`total ${formatDuration(answer.latencyMs)}`);
  parts.push(`cost ${formatUsd(answer.costUsd ?? 0)}`);
  return parts.join(', ');
}

const tokenCounts = ({ inputTokens, outputTokens }: ChatUsage) =>
  `${inputTokens} input + ${outputTokens} output tokens`;

/** Prompts and answers go in as written: they are Markdown already. */
export function conversationToMarkdown(conversation: Conversation) {
  const lines = ['# Playground conversation', ''];
  let system = '';
  for (const turn of conversation.turns) {
    if (turn.system !== system) {
      system = turn.system;
      lines.push(system ? `> System prompt: ${system.replaceAll('\n', '\n> ')}` : '> No system prompt.', '');
    }
    lines.push('## You', '', turn.prompt, '');
    for (const answer of turn.answers) {
      lines.push(`### **${answer.modelName}** (${settingsSummary(answer)})`, '');
      if (answer.text) lines.push(answer.text, '');
      const figures = answerFigures(answer);
      if (figures) lines.push(`_${figures}_`, '');
    }
  }
  lines.push('---', '', `Total: ${describeTotals(conversationTotals(conversation.turns))}.`, '');
  return lines.join('\n');
}

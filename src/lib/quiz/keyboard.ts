/** What a number key does to an answer: picks an option of a multiple-choice question, toggles one of several. */
import type { StandaloneQuestion } from '../../schemas/quiz';
import type { Answer } from './scoring';

/** The answer after pressing a number key (1 is the first option shown), or undefined when the key does nothing. */
export function answerForNumberKey(
  question: StandaloneQuestion,
  order: readonly string[],
  given: Answer | undefined,
  key: string,
): Answer | undefined {
  if (!/^[1-9]$/.test(key) || (question.type !== 'single' && question.type !== 'multiple')) return undefined;
  const optionId = order[Number(key) - 1];
  if (!optionId) return undefined;
  if (question.type === 'single') return optionId;
  const chosen = Array.isArray(given) ? given : [];
  return chosen.includes(optionId) ? chosen.filter((id) => id !== optionId) : [...chosen, optionId];
}

/** What a number key does to an answer: picks an option of a multiple-choice question, toggles one of several. */
import type { StandaloneQuestion } from '../../schemas/quiz';
import type { Answer } from './scoring';

/** Whether a key picks an option: 1 to 9. */
function isNumberKey(key: string) {
  return /^[1-9]$/.test(key);
}

/** The answer after pressing a number key (1 is the first option shown), or undefined when the key does nothing. */
export function answerForNumberKey(
  question: StandaloneQuestion,
  order: readonly string[],
  given: Answer | undefined,
  key: string,
): Answer | undefined {
  if (!isNumberKey(key) || (question.type !== 'single' && question.type !== 'multiple')) return undefined;
  const optionId = order[Number(key) - 1];
  if (!optionId) return undefined;
  if (question.type === 'single') return optionId;
  const chosen = Array.isArray(given) ? given : [];
  return chosen.includes(optionId) ? chosen.filter((id) => id !== optionId) : [...chosen, optionId];
}

/** Where a key was pressed, as far as the quiz shortcuts care. */
export interface KeyPress {
  key: string;
  /** The focused control: a menu keeps its own keys (but ← →); an option of a choice question; a button. */
  target: 'select' | 'choice' | 'button' | 'other';
  /** Ctrl, Cmd or Alt held: the browser's shortcut, not ours. */
  modified: boolean;
}

export type QuizKeyAction = 'option' | 'flag' | 'enter' | 'next' | 'previous' | 'next-choice' | 'previous-choice';

/**
 * The quiz shortcut a key press means, or none. ← and → go between questions wherever focus is, so that no arrow
 * key changes an answer by the way: ↑ and ↓ on an option move to its neighbour without choosing it (a native
 * radio group would choose it). Answers change only by a deliberate choice: a click, Space, a number key, a menu.
 */
export function quizKeyAction({ key, target, modified }: KeyPress): QuizKeyAction | undefined {
  if (modified) return undefined;
  if (key === 'ArrowRight') return 'next';
  if (key === 'ArrowLeft') return 'previous';
  if (target === 'select') return undefined;
  if (target === 'choice' && key === 'ArrowDown') return 'next-choice';
  if (target === 'choice' && key === 'ArrowUp') return 'previous-choice';
  if (isNumberKey(key)) return 'option';
  if (key === 'f' || key === 'F') return 'flag';
  if (key === 'Enter' && target !== 'button') return 'enter';
  return undefined;
}

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

/** Where a key was pressed, as far as the quiz shortcuts care. */
export interface KeyPress {
  key: string;
  /** The focused control: menus and radio groups keep their own keys. */
  target: 'select' | 'radio' | 'button' | 'other';
  /** Ctrl, Cmd or Alt held: the browser's shortcut, not ours. */
  modified: boolean;
}

export type QuizKeyAction = 'option' | 'flag' | 'enter' | 'next' | 'previous';

/** The quiz shortcut a key press means: number keys pick, F flags, Enter confirms, arrows move; or none. */
export function quizKeyAction({ key, target, modified }: KeyPress): QuizKeyAction | undefined {
  if (modified || target === 'select') return undefined;
  if (/^[1-9]$/.test(key)) return 'option';
  if (key === 'f' || key === 'F') return 'flag';
  if (key === 'Enter' && target !== 'button') return 'enter';
  if (target === 'radio') return undefined;
  if (key === 'ArrowRight') return 'next';
  if (key === 'ArrowLeft') return 'previous';
  return undefined;
}

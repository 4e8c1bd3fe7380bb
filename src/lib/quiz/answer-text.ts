/**
 * Answers and feedback in words, for every quiz screen: a section quiz, mistake review and the review of a mock
 * exam. Option texts may or may not end with a full stop, and explanations start with their own verdict
 * ("Correct.", "Incorrect.", "Second."), so sentences are put together here, once, without doubled punctuation
 * or verdicts.
 */
import type { StandaloneQuestion } from '../../schemas/quiz';
import type { Answer } from './scoring';

export const textOf = (choices: readonly { id: string; text: string }[], id: string) =>
  choices.find((choice) => choice.id === id)?.text ?? id;

/** The text as a sentence: ends with a full stop unless it already ends with one, or with ? or !. */
export function sentence(text: string) {
  const trimmed = text.trim();
  return /[.?!…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** Items of a list run into one line: "a; b; c", each without its own full stop. */
export function listOf(items: readonly string[]) {
  return items.map((item) => item.trim().replace(/\.$/, '')).join('; ');
}

const ordered = (items: readonly { id: string; text: string }[], ids: readonly string[]) =>
  listOf(ids.map((id, index) => `${index + 1}. ${textOf(items, id)}`));

/** The right answer in words, without a closing full stop (see `sentence`). */
export function rightAnswerText(question: StandaloneQuestion): string {
  switch (question.type) {
    case 'single':
      return listOf([textOf(question.options, question.answer)]);
    case 'multiple':
      return listOf(question.answer.map((id) => textOf(question.options, id)));
    case 'ordering':
      return ordered(question.items, question.answer);
    case 'matching':
      return listOf(
        // Stryker disable next-line StringLiteral: every prompt has a response (answerProblems), so the fallback is never used
        question.prompts.map((p) => `${p.text} → ${textOf(question.responses, question.answer[p.id] ?? '')}`),
      );
  }
}

/** The learner's answer in words, without a closing full stop. */
export function answerText(question: StandaloneQuestion, answer: Answer | undefined): string {
  switch (question.type) {
    case 'single':
      return typeof answer === 'string' ? listOf([textOf(question.options, answer)]) : 'No answer';
    case 'multiple':
      return Array.isArray(answer) && answer.length
        ? listOf(answer.map((id) => textOf(question.options, id)))
        : 'No answer';
    case 'ordering':
      return Array.isArray(answer) ? ordered(question.items, answer) : 'No answer';
    case 'matching':
      return typeof answer === 'object' && !Array.isArray(answer)
        ? listOf(
            question.prompts.map((p) => {
              const response = answer[p.id];
              return `${p.text} → ${response ? textOf(question.responses, response) : '—'}`;
            }),
          )
        : 'No answer';
  }
}

const RIGHT_ANSWER_LABEL = {
  single: 'The right answer',
  multiple: 'The right answers',
  ordering: 'The right order',
  matching: 'The right matches',
} as const;

/** What a section quiz or mistake review says once an answer is checked. */
export function verdictText(question: StandaloneQuestion, correct: boolean) {
  return correct
    ? 'Correct.'
    : `Not quite. ${RIGHT_ANSWER_LABEL[question.type]}: ${sentence(rightAnswerText(question))}`;
}

/** An explanation without the verdict it starts with, when the screen already says it. */
export const withoutVerdict = (explanation: string) =>
  explanation.replace(/^(?:Correct|Incorrect|First|Second|Third|Fourth|Fifth|Sixth|Seventh)\.\s+/, '');

/** Feedback on one option of a checked question: what it was to the learner, then why. */
export function optionFeedback(option: { explanation: string }, right: boolean, picked: boolean) {
  const verdict = picked
    ? `Your choice: ${right ? 'correct' : 'incorrect'}.`
    : right
      ? 'Correct answer.'
      : 'Incorrect.';
  return { verdict, why: withoutVerdict(option.explanation) };
}

/** Answers in words, for feedback and the review of an attempt. */
import type { StandaloneQuestion } from '../../schemas/quiz';
import type { Answer } from './scoring';

export const textOf = (choices: readonly { id: string; text: string }[], id: string) =>
  choices.find((choice) => choice.id === id)?.text ?? id;

/** The right answer in words, for feedback and review. */
export function rightAnswerText(question: StandaloneQuestion): string {
  switch (question.type) {
    case 'single':
      return textOf(question.options, question.answer);
    case 'multiple':
      return question.answer.map((id) => textOf(question.options, id)).join('; ');
    case 'ordering':
      return question.answer.map((id, index) => `${index + 1}. ${textOf(question.items, id)}`).join(' ');
    case 'matching':
      return question.prompts
        .map((p) => `${p.text} → ${textOf(question.responses, question.answer[p.id] ?? '')}`)
        .join('; ');
  }
}

/** The learner's answer in words. */
export function answerText(question: StandaloneQuestion, answer: Answer | undefined): string {
  if (answer === undefined) return 'No answer';
  switch (question.type) {
    case 'single':
      return typeof answer === 'string' ? textOf(question.options, answer) : 'No answer';
    case 'multiple':
      return Array.isArray(answer) && answer.length
        ? answer.map((id) => textOf(question.options, id)).join('; ')
        : 'No answer';
    case 'ordering':
      return Array.isArray(answer)
        ? answer.map((id, index) => `${index + 1}. ${textOf(question.items, id)}`).join(' ')
        : 'No answer';
    case 'matching':
      return typeof answer === 'object' && !Array.isArray(answer)
        ? question.prompts
            .map((p) => `${p.text} → ${answer[p.id] ? textOf(question.responses, answer[p.id] ?? '') : '—'}`)
            .join('; ')
        : 'No answer';
  }
}

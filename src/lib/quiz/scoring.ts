/**
 * Scoring as the exam does it: all or nothing per question (every right option and no wrong one, every item in
 * place, every pair matched), while each question of a case study earns its own credit.
 */
import type { Question, StandaloneQuestion } from '../../schemas/quiz';

/** What a learner gave: an option id, several ids, an order of item ids, or a response id per prompt. */
export type Answer = string | string[] | Record<string, string>;

/** The questions that earn credit on their own: standalone questions, and each part of a case study. */
export function scoredQuestions(questions: readonly Question[]): StandaloneQuestion[] {
  return questions.flatMap((question) => (question.type === 'case-study' ? question.questions : [question]));
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id) => b.includes(id));

export function isCorrect(question: StandaloneQuestion, answer: Answer | undefined): boolean {
  switch (question.type) {
    case 'single':
      return answer === question.answer;
    case 'multiple':
      return Array.isArray(answer) && new Set(answer).size === answer.length && sameSet(answer, question.answer);
    case 'ordering':
      return (
        Array.isArray(answer) &&
        answer.length === question.answer.length &&
        answer.every((id, i) => id === question.answer[i])
      );
    case 'matching': {
      if (typeof answer !== 'object' || Array.isArray(answer)) return false;
      const prompts = Object.keys(question.answer);
      return (
        sameSet(Object.keys(answer), prompts) && prompts.every((prompt) => answer[prompt] === question.answer[prompt])
      );
    }
  }
}

/** Whether an answer is complete enough to submit: something chosen for every part of the question. */
export function isComplete(question: StandaloneQuestion, answer: Answer | undefined): boolean {
  switch (question.type) {
    case 'single':
      return typeof answer === 'string' && answer !== '';
    case 'multiple':
      return Array.isArray(answer) && answer.length === question.answer.length;
    case 'ordering':
      return Array.isArray(answer) && answer.length === question.items.length;
    case 'matching':
      return (
        typeof answer === 'object' &&
        !Array.isArray(answer) &&
        question.prompts.every((p) => answer[p.id] !== undefined && answer[p.id] !== '')
      );
  }
}

/** How far an answer has got, as the mock exam's navigator marks it. */
export type AnswerProgress = 'answered' | 'partly answered' | 'not answered';

/**
 * Complete; begun but not complete (some of several options, too many, some prompts matched), which scores as
 * wrong, so the learner should see it; or not begun.
 */
export function answerProgress(question: StandaloneQuestion, answer: Answer | undefined): AnswerProgress {
  if (isComplete(question, answer)) return 'answered';
  const begun =
    (question.type === 'multiple' && Array.isArray(answer) && answer.length > 0) ||
    (question.type === 'matching' &&
      typeof answer === 'object' &&
      !Array.isArray(answer) &&
      Object.values(answer).some((response) => response !== ''));
  return begun ? 'partly answered' : 'not answered';
}

export interface Score {
  correct: number;
  total: number;
  /** 0 to 1. */
  share: number;
}

export function score(questions: readonly StandaloneQuestion[], answers: Readonly<Record<string, Answer>>): Score {
  const correct = questions.filter((question) => isCorrect(question, answers[question.id])).length;
  return { correct, total: questions.length, share: questions.length === 0 ? 0 : correct / questions.length };
}

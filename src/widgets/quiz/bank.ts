/** Fetches the question bank for the screens that draw from all sections. */
import type { Question } from '../../schemas/quiz';
import type { LessonIndex } from '../../lib/quiz/items';

export interface Bank {
  questions: Question[];
  lessons: LessonIndex;
}

let loading: Promise<Bank> | undefined;

export function loadBank() {
  loading ??= fetch('/question-bank.json')
    .then(
      (response) => {
        if (!response.ok) throw new Error(`The question bank did not load (${response.status}).`);
        return response.json() as Promise<Bank>;
      },
      () => {
        throw new Error('The question bank did not load: the network did not answer.');
      },
    )
    .catch((error: unknown) => {
      // A later call tries again, so a screen can recover once the learner is back online.
      loading = undefined;
      throw error;
    });
  return loading;
}

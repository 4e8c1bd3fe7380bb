/**
 * How a question is shown in one attempt: its options (or items, or responses) in an order drawn from the
 * attempt's seed, so a review shows exactly what the learner saw.
 */
import type { StandaloneQuestion } from '../../schemas/quiz';
import { createRandom } from '../seed';

/** A seed per question, derived from the attempt's seed and the question id. */
export function questionSeed(attemptSeed: number, questionId: string) {
  let hash = attemptSeed >>> 0;
  for (let i = 0; i < questionId.length; i++) hash = Math.imul(hash ^ questionId.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}

export function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const out = [...items];
  // Stryker disable next-line EqualityOperator: a last pass at i = 0 would only swap the first item with itself
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** The ids of the question's choices in the order this attempt shows them. */
export function presentedOrder(question: StandaloneQuestion, attemptSeed: number): string[] {
  const seed = questionSeed(attemptSeed, question.id);
  switch (question.type) {
    case 'single':
    case 'multiple':
      return shuffled(
        question.options.map((option) => option.id),
        seed,
      );
    case 'matching':
      return shuffled(
        question.responses.map((response) => response.id),
        seed,
      );
    case 'ordering': {
      // Never start an ordering question already solved.
      const order = shuffled(
        question.items.map((item) => item.id),
        seed,
      );
      const solved = order.every((id, index) => id === question.answer[index]);
      return solved ? [...order.slice(1), order[0] as string] : order;
    }
  }
}

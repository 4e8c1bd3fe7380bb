import { describe, expect, it } from 'vitest';
import { results, scaledEstimate } from '../../../src/lib/quiz/results';
import { single } from './fixtures';

describe('results', () => {
  it('breaks the score down by domain and task statement, with the lessons to revisit', () => {
    const questions = [single('a', 2), single('b', 2), single('c', 3)];
    const outcome = results(questions, { a: 'b', b: 'a', c: 'b' });
    // 2 of 3 is 100 + 900 × 2/3 = 700 on the scaled estimate: just a pass.
    expect(outcome).toMatchObject({ correct: 2, total: 3, percent: 67, scaledEstimate: 700, passed: true });
    expect(outcome.byDomain).toEqual({ 2: { correct: 1, total: 2 }, 3: { correct: 1, total: 1 } });
    expect(outcome.byTaskStatement['2.1']).toEqual({
      correct: 1,
      total: 2,
      lessons: ['what-is-genai/generative-ai-basics'],
    });
  });

  it('maps the share of right answers linearly onto 100–1,000 and passes at 700', () => {
    expect(scaledEstimate(0)).toBe(100);
    expect(scaledEstimate(1)).toBe(1000);
    expect(scaledEstimate(2 / 3)).toBe(700);
    expect(results([single('a')], { a: 'b' }).passed).toBe(true);
    expect(results([single('a')], { a: 'c' }).passed).toBe(false);
  });

  it('scores no questions as 0%, the bottom of the scale, not as a division by zero', () => {
    expect(results([], {})).toEqual({
      correct: 0,
      total: 0,
      percent: 0,
      scaledEstimate: 100,
      passed: false,
      byDomain: {},
      byTaskStatement: {},
    });
  });
});

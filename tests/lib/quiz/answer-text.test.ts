import { describe, expect, it } from 'vitest';
import { answerText, rightAnswerText } from '../../../src/lib/quiz/answer-text';
import { matching, multiple, ordering, single } from './fixtures';

describe('answers in words', () => {
  it('names the right answer of every type', () => {
    expect(rightAnswerText(single('s'))).toBe('Choice b');
    expect(rightAnswerText(multiple)).toBe('Choice a; Choice c');
    expect(rightAnswerText(ordering)).toBe('1. Choice c 2. Choice a 3. Choice b');
    expect(rightAnswerText(matching)).toBe('p1 → Choice r2; p2 → Choice r1; p3 → Choice r3');
  });

  it('names what the learner gave, including nothing', () => {
    expect(answerText(single('s'), 'a')).toBe('Choice a');
    expect(answerText(multiple, [])).toBe('No answer');
    expect(answerText(matching, { p1: 'r4' })).toBe('p1 → Choice r4; p2 → —; p3 → —');
    expect(answerText(ordering, undefined)).toBe('No answer');
  });
});

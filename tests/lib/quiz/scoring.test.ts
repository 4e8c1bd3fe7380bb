import { describe, expect, it } from 'vitest';
import {
  answerProgress,
  isComplete,
  isCorrect,
  score,
  scoredQuestions,
  type Answer,
  type AnswerProgress,
} from '../../../src/lib/quiz/scoring';
import type { StandaloneQuestion } from '../../../src/schemas/quiz';
import { caseStudy, matching, multiple, ordering, single } from './fixtures';

describe('isCorrect: all or nothing, as the exam scores', () => {
  it('multiple choice needs the one right option', () => {
    expect(isCorrect(single('s'), 'b')).toBe(true);
    expect(isCorrect(single('s'), 'a')).toBe(false);
    expect(isCorrect(single('s'), undefined)).toBe(false);
  });

  it('multiple response needs every right option and no wrong one, in any order', () => {
    expect(isCorrect(multiple, ['c', 'a'])).toBe(true);
    expect(isCorrect(multiple, ['a'])).toBe(false);
    expect(isCorrect(multiple, ['a', 'c', 'd'])).toBe(false);
    expect(isCorrect(multiple, ['a', 'a'])).toBe(false);
    expect(isCorrect(multiple, 'a')).toBe(false);
  });

  it('ordering needs every item in its place', () => {
    expect(isCorrect(ordering, ['c', 'a', 'b'])).toBe(true);
    expect(isCorrect(ordering, ['a', 'c', 'b'])).toBe(false);
    expect(isCorrect(ordering, ['c', 'a'])).toBe(false);
  });

  it('matching needs every pair right', () => {
    expect(isCorrect(matching, { p1: 'r2', p2: 'r1', p3: 'r3' })).toBe(true);
    expect(isCorrect(matching, { p1: 'r2', p2: 'r1', p3: 'r4' })).toBe(false);
    expect(isCorrect(matching, { p1: 'r2', p2: 'r1' })).toBe(false);
    expect(isCorrect(matching, ['r2', 'r1', 'r3'])).toBe(false);
  });
});

describe('isComplete', () => {
  it('asks for as many choices as the question needs', () => {
    expect(isComplete(multiple, ['a'])).toBe(false);
    expect(isComplete(multiple, ['a', 'd'])).toBe(true);
    expect(isComplete(matching, { p1: 'r1', p2: 'r2' })).toBe(false);
    expect(isComplete(ordering, ['a', 'b', 'c'])).toBe(true);
  });
});

describe('answerProgress', () => {
  it('tells a begun answer from a complete one and from none', () => {
    expect(answerProgress(multiple, ['a', 'c'])).toBe('answered');
    expect(answerProgress(multiple, ['a'])).toBe('partly answered');
    expect(answerProgress(multiple, ['a', 'b', 'c'])).toBe('partly answered');
    expect(answerProgress(multiple, [])).toBe('not answered');
    expect(answerProgress(matching, { p1: 'r1' })).toBe('partly answered');
    expect(answerProgress(matching, { p1: '' })).toBe('not answered');
    expect(answerProgress(matching, { p1: 'r1', p2: 'r2', p3: 'r4' })).toBe('answered');
    expect(answerProgress(single('s'), 'c')).toBe('answered');
    expect(answerProgress(single('s'), undefined)).toBe('not answered');
    expect(answerProgress(ordering, undefined)).toBe('not answered');
  });
});

describe('score', () => {
  it('counts each part of a case study on its own', () => {
    const parts = scoredQuestions([single('s1'), caseStudy('cs', 3, 2)]);
    expect(parts.map((q) => q.id)).toEqual(['s1', 'cs-0', 'cs-1']);
    expect(score(parts, { s1: 'b', 'cs-0': 'b', 'cs-1': 'a' })).toEqual({ correct: 2, total: 3, share: 2 / 3 });
  });
});

describe('answers of the wrong shape or half given, as damaged storage or a half-finished question can hold', () => {
  const cases: [string, StandaloneQuestion, Answer | undefined, boolean, boolean, AnswerProgress][] = [
    // [what, question, answer, correct, complete, progress]
    ['one of two right options', multiple, ['a', 'd'], false, true, 'answered'],
    ['nothing chosen', multiple, [], false, false, 'not answered'],
    ['an option id instead of a list', multiple, 'a', false, false, 'not answered'],
    ['no answer', multiple, undefined, false, false, 'not answered'],
    ['a single choice left empty', single('s'), '', false, false, 'not answered'],
    ['a single choice given as a list', single('s'), ['b'], false, false, 'not answered'],
    ['a single choice given as matches', single('s'), { p1: 'b' }, false, false, 'not answered'],
    ['no order', ordering, undefined, false, false, 'not answered'],
    ['an order given as one id', ordering, 'c', false, false, 'not answered'],
    ['an order with an item missing', ordering, ['c', 'a'], false, false, 'not answered'],
    ['an order with an item too many', ordering, ['c', 'a', 'b', 'b'], false, false, 'not answered'],
    ['matches given as a list', matching, ['r2', 'r1', 'r3'], false, false, 'not answered'],
    ['matches given as one id', matching, 'r2', false, false, 'not answered'],
    ['no matches', matching, undefined, false, false, 'not answered'],
    ['one prompt matched', matching, { p1: 'r2' }, false, false, 'partly answered'],
    ['a prompt cleared again', matching, { p1: 'r2', p2: 'r1', p3: '' }, false, false, 'partly answered'],
    ['every prompt cleared', matching, { p1: '', p2: '', p3: '' }, false, false, 'not answered'],
    [
      'a match for a prompt that does not exist',
      matching,
      { p1: 'r2', p2: 'r1', p3: 'r3', p4: 'r4' },
      false,
      true,
      'answered',
    ],
    ['every pair right', matching, { p1: 'r2', p2: 'r1', p3: 'r3' }, true, true, 'answered'],
  ];
  it.each(cases)('%s', (_what, question, answer, correct, complete, progress) => {
    expect(isCorrect(question, answer)).toBe(correct);
    expect(isComplete(question, answer)).toBe(complete);
    expect(answerProgress(question, answer)).toBe(progress);
  });

  it('scores nothing answered as 0 right of 0, not as a division by zero', () => {
    expect(score([], {})).toEqual({ correct: 0, total: 0, share: 0 });
    expect(score([single('s'), multiple], { s: 'b' })).toEqual({ correct: 1, total: 2, share: 0.5 });
  });
});

import { describe, expect, it } from 'vitest';
import {
  answerText,
  listOf,
  optionFeedback,
  rightAnswerText,
  sentence,
  verdictText,
  withoutVerdict,
} from '../../../src/lib/quiz/answer-text';
import type { StandaloneQuestion } from '../../../src/schemas/quiz';
import { matching, multiple, ordering, single } from './fixtures';

/** The fixtures with every text written as a full sentence, as many of the course's options are. */
const withStops = <T extends { text: string }>(choices: T[]) => choices.map((c) => ({ ...c, text: `${c.text}.` }));
const sentences = (question: StandaloneQuestion): StandaloneQuestion => {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return { ...question, options: withStops(question.options) } as StandaloneQuestion;
    case 'ordering':
      return { ...question, items: withStops(question.items) };
    case 'matching':
      return { ...question, responses: withStops(question.responses) };
  }
};

describe('answers in words', () => {
  it('names the right answer of every type', () => {
    expect(rightAnswerText(single('s'))).toBe('Choice b');
    expect(rightAnswerText(multiple)).toBe('Choice a; Choice c');
    expect(rightAnswerText(ordering)).toBe('1. Choice c; 2. Choice a; 3. Choice b');
    expect(rightAnswerText(matching)).toBe('p1 → Choice r2; p2 → Choice r1; p3 → Choice r3');
  });

  it('names what the learner gave, including nothing', () => {
    expect(answerText(single('s'), 'a')).toBe('Choice a');
    expect(answerText(multiple, [])).toBe('No answer');
    expect(answerText(matching, { p1: 'r4' })).toBe('p1 → Choice r4; p2 → —; p3 → —');
    expect(answerText(ordering, undefined)).toBe('No answer');
    expect(answerText(ordering, ['b', 'c', 'a'])).toBe('1. Choice b; 2. Choice c; 3. Choice a');
  });

  it('says "No answer" for an answer missing or of another type, as when a question changed since', () => {
    for (const question of [single('s'), multiple, ordering, matching])
      expect(answerText(question, undefined)).toBe('No answer');
    expect(answerText(single('s'), ['a'])).toBe('No answer');
    expect(answerText(multiple, 'a')).toBe('No answer');
    expect(answerText(ordering, 'a')).toBe('No answer');
    expect(answerText(matching, 'r1')).toBe('No answer');
    expect(answerText(matching, ['r1'])).toBe('No answer');
  });

  it('names a choice the question no longer has by its id', () => {
    expect(answerText(single('s'), 'z')).toBe('z');
  });

  it('joins texts that end with a full stop without ".;" and ends without one', () => {
    expect(rightAnswerText(sentences(single('s')))).toBe('Choice b');
    expect(rightAnswerText(sentences(multiple))).toBe('Choice a; Choice c');
    expect(rightAnswerText(sentences(ordering))).toBe('1. Choice c; 2. Choice a; 3. Choice b');
    expect(rightAnswerText(sentences(matching))).toBe('p1 → Choice r2; p2 → Choice r1; p3 → Choice r3');
    expect(answerText(sentences(multiple), ['b', 'd'])).toBe('Choice b; Choice d');
    expect(listOf(['One. ', 'Two.', 'Three?'])).toBe('One; Two; Three?');
  });

  it('ends a sentence with one full stop, whether or not the text had one', () => {
    expect(sentence('…and AI')).toBe('…and AI.');
    expect(sentence('…and AI.')).toBe('…and AI.');
    expect(sentence('Is it? ')).toBe('Is it?');
  });
});

describe('feedback', () => {
  it('gives the verdict with the right answer, punctuated once', () => {
    expect(verdictText(single('s'), true)).toBe('Correct.');
    expect(verdictText(sentences(single('s')), false)).toBe('Not quite. The right answer: Choice b.');
    expect(verdictText(sentences(multiple), false)).toBe('Not quite. The right answers: Choice a; Choice c.');
    expect(verdictText(ordering, false)).toBe('Not quite. The right order: 1. Choice c; 2. Choice a; 3. Choice b.');
    expect(verdictText(matching, false)).toBe(
      'Not quite. The right matches: p1 → Choice r2; p2 → Choice r1; p3 → Choice r3.',
    );
  });

  it('says what each option was to the learner once, without the verdict its explanation starts with', () => {
    const wrong = { explanation: 'Incorrect. The nesting runs the other way.' };
    const right = { explanation: 'Correct. The fields are nested.' };
    expect(optionFeedback(wrong, false, true)).toEqual({
      verdict: 'Your choice: incorrect.',
      why: 'The nesting runs the other way.',
    });
    expect(optionFeedback(right, true, true)).toEqual({
      verdict: 'Your choice: correct.',
      why: 'The fields are nested.',
    });
    expect(optionFeedback(right, true, false)).toEqual({ verdict: 'Correct answer.', why: 'The fields are nested.' });
    expect(optionFeedback(wrong, false, false).verdict).toBe('Incorrect.');
    expect(optionFeedback({ explanation: 'Instructions describe the role.' }, false, false).why).toBe(
      'Instructions describe the role.',
    );
  });

  it("drops an ordering step's place from its explanation, since the list numbers it", () => {
    expect(withoutVerdict('Fourth. The observation feeds the next round.')).toBe(
      'The observation feeds the next round.',
    );
    expect(withoutVerdict('Correctness matters.')).toBe('Correctness matters.');
    expect(withoutVerdict('Second.\n  The retriever runs next.')).toBe('The retriever runs next.');
    expect(withoutVerdict('Retrieval comes First. Generation follows.')).toBe(
      'Retrieval comes First. Generation follows.',
    );
  });
});

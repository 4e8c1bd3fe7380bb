import { describe, expect, it } from 'vitest';
import { quizSchema } from '../../src/schemas/quiz';

const base = {
  domain: 2,
  taskStatement: '2.1',
  difficulty: 'easy',
  lesson: 'what-is-genai/generative-ai-basics',
  stem: 'Which statement is true?',
  sources: [{ title: 'AWS docs', url: 'https://docs.aws.amazon.com/bedrock/' }],
};
const choice = (id: string) => ({ id, text: `Choice ${id}`, explanation: `Why choice ${id} is right or wrong.` });

const single = { ...base, id: 'q-single', type: 'single', options: ['a', 'b', 'c', 'd'].map(choice), answer: 'b' };
const multiple = {
  ...base,
  id: 'q-multiple',
  type: 'multiple',
  options: ['a', 'b', 'c', 'd', 'e'].map(choice),
  answer: ['a', 'c'],
};
const ordering = {
  ...base,
  id: 'q-ordering',
  type: 'ordering',
  items: ['a', 'b', 'c'].map(choice),
  answer: ['c', 'a', 'b'],
};
const matching = {
  ...base,
  id: 'q-matching',
  type: 'matching',
  prompts: ['p1', 'p2', 'p3'].map((id) => ({ id, text: `Prompt ${id}` })),
  responses: ['r1', 'r2', 'r3', 'r4'].map(choice),
  answer: { p1: 'r2', p2: 'r1', p3: 'r3' },
};
const caseStudy = {
  id: 'q-case',
  type: 'case-study',
  scenario: 'A retailer wants to answer customer questions about its catalogue with a generative AI assistant.',
  questions: [
    { ...single, id: 'q-case-a' },
    { ...ordering, id: 'q-case-b' },
  ],
};

function issues(...questions: unknown[]) {
  const result = quizSchema.safeParse({ section: 'what-is-genai', title: 'Section quiz', questions });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('quizSchema', () => {
  it('accepts every question type', () => {
    expect(issues(single, multiple, ordering, matching, caseStudy)).toEqual([]);
  });

  it('requires exactly four options for multiple choice and an answer among them', () => {
    expect(issues({ ...single, options: single.options.slice(0, 3) })[0]).toMatch(/^questions\.0\.options: /);
    expect(issues({ ...single, answer: 'e' })).toEqual([
      'questions.0.answer: question "q-single": "e" is not an option id',
    ]);
  });

  it('requires a multiple-response answer with two or more ids, not all of them', () => {
    expect(issues({ ...multiple, answer: ['a'] })[0]).toMatch(/^questions\.0\.answer: /);
    expect(issues({ ...multiple, answer: ['a', 'b', 'c', 'd', 'e'] })).toEqual([
      'questions.0.answer: question "q-multiple": at least one option must be wrong',
    ]);
    expect(issues({ ...multiple, answer: ['a', 'z'] })).toEqual([
      'questions.0.answer: question "q-multiple": "z" is not an option id',
    ]);
  });

  it('requires an ordering answer that lists every item once', () => {
    expect(issues({ ...ordering, answer: ['c', 'a'] })).toEqual([
      'questions.0.answer: question "q-ordering": must list every item id once, in order (items: a, b, c)',
    ]);
    expect(issues({ ...ordering, items: ['a', 'b', 'c', 'd', 'e', 'f'].map(choice) })[0]).toMatch(
      /^questions\.0\.items: /,
    );
  });

  it('requires a matching answer for every prompt, naming only known ids', () => {
    expect(issues({ ...matching, answer: { p1: 'r2', p2: 'r9' } })).toEqual([
      'questions.0.answer.p3: question "q-matching": prompt "p3" has no response',
      'questions.0.answer.p2: question "q-matching": "r9" is not a response id',
    ]);
  });

  it('rejects duplicate choice ids and a task statement from another domain', () => {
    expect(issues({ ...single, options: ['a', 'b', 'b', 'd'].map(choice) })).toEqual([
      'questions.0.options: question "q-single": id "b" is used twice',
    ]);
    expect(issues({ ...single, taskStatement: '3.1' })).toEqual([
      'questions.0.taskStatement: question "q-single": task statement 3.1 is not in domain 2',
    ]);
  });

  it('requires two or more questions in a case study', () => {
    expect(issues({ ...caseStudy, questions: [single] })).toEqual([
      'questions.0.questions: a case study needs two or more questions',
    ]);
  });

  it('rejects an unknown question type', () => {
    expect(issues({ ...single, type: 'essay' })).toEqual([
      "questions.0.type: Invalid discriminator value. Expected 'single' | 'multiple' | 'ordering' | 'matching' | 'case-study'",
    ]);
  });
});

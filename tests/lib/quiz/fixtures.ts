import type { StoredCard } from '../../../src/lib/quiz/review-cards';
import type { Question, StandaloneQuestion } from '../../../src/schemas/quiz';

const base = {
  taskStatement: '2.1',
  difficulty: 'easy' as const,
  lesson: 'what-is-genai/generative-ai-basics',
  stem: 'Which statement is true?',
  sources: [{ title: 'AWS docs', url: 'https://docs.aws.amazon.com/bedrock/' }],
};
const choice = (id: string) => ({ id, text: `Choice ${id}`, explanation: `Why ${id}.` });

export function single(id: string, domain = 2, answer = 'b'): StandaloneQuestion {
  return {
    ...base,
    id,
    domain,
    taskStatement: `${domain}.1`,
    type: 'single',
    options: ['a', 'b', 'c', 'd'].map(choice),
    answer,
  };
}

export const multiple: StandaloneQuestion = {
  ...base,
  id: 'm',
  domain: 2,
  type: 'multiple',
  options: ['a', 'b', 'c', 'd', 'e'].map(choice),
  answer: ['a', 'c'],
};
export const ordering: StandaloneQuestion = {
  ...base,
  id: 'o',
  domain: 2,
  type: 'ordering',
  items: ['a', 'b', 'c'].map(choice),
  answer: ['c', 'a', 'b'],
};
export const matching: StandaloneQuestion = {
  ...base,
  id: 'x',
  domain: 2,
  type: 'matching',
  prompts: ['p1', 'p2', 'p3'].map((id) => ({ id, text: id })),
  responses: ['r1', 'r2', 'r3', 'r4'].map(choice),
  answer: { p1: 'r2', p2: 'r1', p3: 'r3' },
};

export function caseStudy(id: string, domain: number, parts: number): Question {
  return {
    id,
    type: 'case-study',
    scenario: 'A company wants to build a generative AI assistant for its support team and its customers.',
    questions: Array.from({ length: parts }, (_, index) => single(`${id}-${index}`, domain)),
  };
}

/** A mistake-review card as stored, due at the given moment, reviewed once and never yet lapsed. */
export const storedCard = (due: string): StoredCard => ({
  due,
  stability: 1,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 0,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 1,
});

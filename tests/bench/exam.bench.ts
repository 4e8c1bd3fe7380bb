/** Assembling a mock exam from a large bank (npm run bench). */
import { test } from 'vitest';
import { assembleExam } from '../../src/lib/quiz/exam';
import type { Question } from '../../src/schemas/quiz';
import { perSecond, record } from './record';

const bank: Question[] = Array.from({ length: 1000 }, (_, index) => ({
  id: `q-${index}`,
  type: 'single',
  domain: (index % 5) + 1,
  taskStatement: `${(index % 5) + 1}.1`,
  difficulty: 'medium',
  lesson: 'what-is-genai/generative-ai-basics',
  stem: 'Which option is right?',
  options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: id, explanation: 'Because it is.' })),
  answer: 'a',
  sources: [{ title: 'AWS', url: 'https://docs.aws.amazon.com/' }],
}));

test('mock exam assembly', async ({ bench }) => {
  let seed = 0;
  const result = await bench('assemble 65 questions from 1,000', () => {
    assembleExam(bank, { seed: seed++ });
  }).run();
  record('quiz', 'assemble a mock exam from 1,000 questions', 1000 / perSecond(result), 'ms');
});

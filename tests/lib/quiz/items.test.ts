import { describe, expect, it } from 'vitest';
import { lessonIndex, quizItems } from '../../../src/lib/quiz/items';
import { caseStudy, single } from './fixtures';

describe('quizItems', () => {
  it('lists every scored question with its scenario and lesson', () => {
    const lessons = lessonIndex([
      {
        id: 'what-is-genai/generative-ai-basics',
        title: 'From AI to generative AI',
        href: '/learn/what-is-genai/generative-ai-basics/',
      },
    ]);
    const items = quizItems([single('s1'), caseStudy('cs', 3, 2)], lessons);
    expect(items.map((item) => [item.question.id, item.scenario !== undefined, item.lessonTitle])).toEqual([
      ['s1', false, 'From AI to generative AI'],
      ['cs-0', true, 'From AI to generative AI'],
      ['cs-1', true, 'From AI to generative AI'],
    ]);
  });
});

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

  it('links each question to its lesson, and to the home page when the lesson is unknown', () => {
    const lessons = lessonIndex([
      { id: 'pricing/token-based-pricing', title: 'Token-based pricing', href: '/learn/pricing/token-based-pricing/' },
    ]);
    const known = { ...single('s1'), lesson: 'pricing/token-based-pricing' };
    const items = quizItems([known, single('s2')], lessons);
    expect(items.map(({ lessonTitle, lessonHref }) => [lessonTitle, lessonHref])).toEqual([
      ['Token-based pricing', '/learn/pricing/token-based-pricing/'],
      ['what-is-genai/generative-ai-basics', '/'],
    ]);
  });

  it('gives the scenario only to the parts of a case study', () => {
    const [standalone, part] = quizItems([single('s1'), caseStudy('cs', 3, 1)], {});
    expect(standalone).not.toHaveProperty('scenario');
    expect(part?.scenario).toBe(
      'A company wants to build a generative AI assistant for its support team and its customers.',
    );
  });
});

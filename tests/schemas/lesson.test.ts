import { describe, expect, it } from 'vitest';
import { lessonSchema } from '../../src/schemas/lesson';

const valid = {
  title: 'From AI to generative AI',
  description: 'How AI, machine learning, deep learning and generative AI fit inside each other.',
  section: 'what-is-genai',
  order: 1,
  domains: [1, 2],
  taskStatements: ['1.1', '2.1'],
  objectives: [{ text: 'Explain what makes a model a foundation model.', taskStatement: '2.1' }],
  minutes: 8,
  keyTerms: ['foundation-model'],
  sources: [{ title: 'What is generative AI?', url: 'https://aws.amazon.com/what-is/generative-ai/' }],
};

function issuePaths(data: unknown) {
  const result = lessonSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
}

describe('lessonSchema', () => {
  it('accepts a complete lesson and defaults key terms to none', () => {
    expect(issuePaths(valid)).toEqual([]);
    const { keyTerms: _unused, ...withoutTerms } = valid;
    expect(lessonSchema.parse(withoutTerms).keyTerms).toEqual([]);
  });

  it('names each missing or malformed field', () => {
    const { title: _title, ...untitled } = valid;
    expect(issuePaths(untitled)).toEqual(['title']);
    expect(issuePaths({ ...valid, domains: [6] })).toContain('domains.0');
    expect(issuePaths({ ...valid, section: 'What Is GenAI' })).toEqual(['section']);
    expect(issuePaths({ ...valid, sources: [{ title: 'Insecure', url: 'http://example.com' }] })).toEqual([
      'sources.0.url',
    ]);
    expect(issuePaths({ ...valid, minutes: 0 })).toEqual(['minutes']);
  });

  it("rejects a task statement outside the lesson's domains", () => {
    const result = lessonSchema.safeParse({ ...valid, domains: [2], taskStatements: ['3.1'] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['taskStatements']);
    expect(result.error?.issues[0]?.message).toMatch(/belong to one of the lesson's domains/);
  });

  it("requires objectives, each tied to one of the lesson's task statements", () => {
    expect(issuePaths({ ...valid, objectives: [] })).toEqual(['objectives']);
    expect(issuePaths({ ...valid, objectives: [{ text: 'Explain something useful.', taskStatement: '3.1' }] })).toEqual(
      ['objectives'],
    );
  });
});

/** What every section of the course must have, checked on the content files themselves. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { proseOf, wordCount } from '../../src/lib/prose';

const content = join(import.meta.dirname, '..', '..', 'content');
const sections = (
  yaml.load(readFileSync(join(content, 'sections.yaml'), 'utf8')) as { id: string; title: string }[]
).map((section) => ({
  ...section,
  lessons: readdirSync(join(content, section.id))
    .filter((name) => name.endsWith('.mdx') && !name.startsWith('_'))
    .map((name) => {
      const text = readFileSync(join(content, section.id, name), 'utf8');
      const frontMatter = yaml.load(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '') as Record<string, unknown[]>;
      return { name, text, frontMatter };
    }),
}));

describe.each(sections)('section "$title"', ({ id, lessons }) => {
  it('has lessons, each with objectives, task statements, sources and key takeaways', () => {
    expect(lessons.length).toBeGreaterThan(0);
    for (const { name, text, frontMatter } of lessons) {
      expect(frontMatter.objectives?.length, name).toBeGreaterThan(0);
      expect(frontMatter.taskStatements?.length, name).toBeGreaterThan(0);
      expect(frontMatter.sources?.length, name).toBeGreaterThan(0);
      expect(text, name).toMatch(/^## Key takeaways$/m);
    }
  });

  it('explains in 800 to 2,500 words of prose', () => {
    const words = lessons.reduce((sum, lesson) => sum + wordCount(proseOf(lesson.text)), 0);
    expect(words).toBeGreaterThanOrEqual(800);
    expect(words).toBeLessThanOrEqual(2500);
  });

  it('has an accessible diagram, exam tips and key terms', () => {
    const all = lessons.map((lesson) => lesson.text).join('\n');
    const diagrams = [...all.matchAll(/<svg[^>]*>/g)].map(([tag]) => tag);
    expect(diagrams.length).toBeGreaterThan(0);
    for (const tag of diagrams)
      expect(tag).toMatch(/role="img"[\s\S]*aria-label="[^"]{20,}"|aria-label="[^"]{20,}"[\s\S]*role="img"/);
    expect(all).toContain('<ExamTip');
    expect(all).toContain('<KeyTerm');
  });

  it('has a cheat sheet', () => {
    expect(existsSync(join(content, id, '_cheatsheet.mdx'))).toBe(true);
  });
});

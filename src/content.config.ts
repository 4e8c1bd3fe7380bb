import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { cheatSheetSchema } from './schemas/cheat-sheet';
import { glossarySchema } from './schemas/glossary';
import { lessonSchema } from './schemas/lesson';
import { quizSchema } from './schemas/quiz';
import { sectionSchema } from './schemas/section';
import { yamlLists } from './loaders/yaml-lists';

export const collections = {
  sections: defineCollection({ loader: yamlLists('content/sections.yaml'), schema: sectionSchema }),
  lessons: defineCollection({
    loader: glob({ base: './content', pattern: '*/[^_]*.{md,mdx}' }),
    schema: lessonSchema,
  }),
  cheatSheets: defineCollection({
    // One per section, beside its lessons: content/<section>/_cheatsheet.mdx; the id is the section id.
    loader: glob({
      base: './content',
      pattern: '*/_cheatsheet.mdx',
      generateId: ({ entry }) => entry.split('/')[0] ?? entry,
    }),
    schema: cheatSheetSchema,
  }),
  glossary: defineCollection({ loader: yamlLists('content/glossary/*.yaml'), schema: glossarySchema }),
  quizzes: defineCollection({
    loader: glob({ base: './quizzes', pattern: '**/[^_]*.{yaml,yml}' }),
    schema: quizSchema,
  }),
};

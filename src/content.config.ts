import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { glossarySchema } from './schemas/glossary';
import { lessonSchema } from './schemas/lesson';
import { quizSchema } from './schemas/quiz';
import { sectionSchema } from './schemas/section';

export const collections = {
  sections: defineCollection({ loader: file('./content/sections.yaml'), schema: sectionSchema }),
  lessons: defineCollection({
    loader: glob({ base: './content', pattern: '**/[^_]*.{md,mdx}' }),
    schema: lessonSchema,
  }),
  glossary: defineCollection({ loader: file('./content/glossary.yaml'), schema: glossarySchema }),
  quizzes: defineCollection({
    loader: glob({ base: './quizzes', pattern: '**/[^_]*.{yaml,yml}' }),
    schema: quizSchema,
  }),
};

import { z } from 'astro/zod';
import { examDomain } from './shared';

/** One section of the course, listed in `content/sections.yaml`. */
export const sectionSchema = z.object({
  /** Position of the section in the course, from 1. */
  order: z.number().int().positive(),
  /** Heading shown in the sidebar and on the home page. */
  title: z.string().min(3).max(60),
  /** One sentence on what the section teaches, shown on the home page. */
  summary: z.string().min(20).max(240),
  /** Exam domains the section serves. */
  domains: z.array(examDomain).min(1),
});

export type Section = z.infer<typeof sectionSchema>;

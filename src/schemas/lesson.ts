import { z } from 'astro/zod';
import { examDomain, slug, source, taskStatementId, taskStatementsFitDomains } from './shared';

/** Front matter of a lesson in `content/<section>/<lesson>.mdx`. */
export const lessonSchema = z
  .object({
    /** Page title and sidebar label. */
    title: z.string().min(3).max(80),
    /** One or two sentences for search results, link previews and the lesson list. */
    description: z.string().min(50).max(200),
    /** Id of the section in `content/sections.yaml`; must also be the lesson's folder name. */
    section: slug,
    /** Position of the lesson within its section, from 1. */
    order: z.number().int().positive(),
    /** Exam domains (1 to 5) the lesson prepares for. */
    domains: z.array(examDomain).min(1),
    /** Exam guide task statements the lesson covers, e.g. "2.1"; each belongs to a listed domain. */
    taskStatements: z.array(taskStatementId).min(1),
    /** What the learner will be able to do afterwards, each tied to the task statement it serves. */
    objectives: z
      .array(
        z.object({
          /** One skill, starting with a verb: "Explain why the same prompt can give different answers." */
          text: z.string().min(10).max(200),
          /** The exam guide task statement it prepares for; must be one of the lesson's `taskStatements`. */
          taskStatement: taskStatementId,
        }),
      )
      .min(1),
    /** Estimated reading time in minutes, shown beside the title. */
    minutes: z.number().int().min(1).max(120),
    /** Glossary ids (`content/glossary/*.yaml`) of the terms the lesson introduces. */
    keyTerms: z.array(slug).default([]),
    /** Where the facts come from, AWS documentation first. */
    sources: z.array(source).min(1),
  })
  .refine((lesson) => taskStatementsFitDomains(lesson.domains, lesson.taskStatements), {
    message: 'every task statement must belong to one of the lesson\'s domains (e.g. "2.1" needs domain 2)',
    path: ['taskStatements'],
  })
  .refine((lesson) => lesson.objectives.every((objective) => lesson.taskStatements.includes(objective.taskStatement)), {
    message: "every objective's task statement must be listed in taskStatements",
    path: ['objectives'],
  });

export type Lesson = z.infer<typeof lessonSchema>;

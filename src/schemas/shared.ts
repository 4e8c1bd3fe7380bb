import { z } from 'astro/zod';

/** Exam domains of AIF-C01, numbered as in the exam guide (1 to 5). */
export const examDomain = z.number().int().min(1).max(5);

/** A task statement id such as `2.1`: domain number, a dot, then the statement number. */
export const taskStatementId = z.string().regex(/^[1-5]\.[1-9]$/, 'use a task statement id such as "2.1"');

/** A lower-case, dash-separated identifier used in URLs and references. */
export const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'use lower-case words joined by dashes, e.g. "foundation-model"');

/** A reference the learner can check for themselves. */
export const source = z.object({
  /** What the reader will find there, e.g. "Amazon Bedrock User Guide: Inference parameters". */
  title: z.string().min(3),
  /** Full https address of the source. */
  url: z.url({ protocol: /^https$/ }),
});

/** True when every task statement starts with one of the listed domains. */
export function taskStatementsFitDomains(domains: number[], taskStatements: string[]) {
  return taskStatements.every((id) => domains.includes(Number(id.split('.')[0])));
}

import { z } from 'astro/zod';
import { slug } from './shared';

/** Front matter of a section's printable summary, `content/<section>/_cheatsheet.mdx`. */
export const cheatSheetSchema = z.object({
  /** Heading of the printed page, e.g. "Amazon Bedrock overview: cheat sheet". */
  title: z.string().min(3).max(80),
  /** Id of the section it summarises; must match its folder. */
  section: slug,
  /** When its facts were last checked against AWS documentation (YYYY-MM-DD). */
  checked: z.iso.date(),
});

export type CheatSheet = z.infer<typeof cheatSheetSchema>;

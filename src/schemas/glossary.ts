import { z } from 'astro/zod';

/** One entry of a `content/glossary/<section>.yaml` file; its `id` is what `<KeyTerm id="…">` and `keyTerms` refer to. */
export const glossarySchema = z.object({
  /** The term as it is displayed, e.g. "Foundation model (FM)". */
  term: z.string().min(2).max(80),
  /** A plain-language definition of one or two sentences, without Markdown. */
  definition: z.string().min(20).max(300),
});

export type GlossaryEntry = z.infer<typeof glossarySchema>;

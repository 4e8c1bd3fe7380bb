/**
 * Fingerprints of running text, to check that lessons do not repeat a source's sentences without shipping the
 * source itself: the text is reduced to lower-case words, cut into overlapping runs of N words, and each run hashed.
 */
import { createHash } from 'node:crypto';
// With its extension, so the seed-fingerprint script can run this file directly in Node.
import { proseOf } from './prose.ts';

export const PHRASE_WORDS = 10;

/**
 * Lower-case words of the prose only: markup, punctuation and spacing differences do not hide a copied phrase.
 * Code and table rows are data, not sentences (the course reuses the seeds' example probabilities on purpose).
 */
export function words(text: string): string[] {
  // Stryker disable next-line Regex: `.` stops at a line's end, so the anchors change nothing; they say a whole line goes
  const withoutTableRows = proseOf(text).replace(/^.*\|.*$/gm, '');
  return (
    withoutTableRows
      .toLowerCase()
      .replace(/[’']/g, '')
      .match(/[a-z0-9]+/g) ?? []
  );
}

/** Every run of `size` consecutive words, as text. */
export function phrases(text: string, size = PHRASE_WORDS) {
  const list = words(text);
  const runs: string[] = [];
  for (let start = 0; start + size <= list.length; start++) runs.push(list.slice(start, start + size).join(' '));
  return runs;
}

export function fingerprint(phrase: string) {
  return createHash('sha256').update(phrase).digest('hex').slice(0, 16);
}

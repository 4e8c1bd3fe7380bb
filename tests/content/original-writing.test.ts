/** No lesson or cheat sheet repeats a sentence of the seed notes the course started from. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint, phrases, PHRASE_WORDS } from '../../src/lib/fingerprint';

const content = join(import.meta.dirname, '..', '..', 'content');
const seedFingerprints = new Set<string>(
  JSON.parse(readFileSync(join(import.meta.dirname, 'seed-fingerprints.json'), 'utf8')) as string[],
);
const pages = readdirSync(content, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('.mdx'))
  .sort();

describe('original writing', () => {
  it('has the seed fingerprints and pages to check', () => {
    expect(seedFingerprints.size).toBeGreaterThan(1000);
    expect(pages.length).toBeGreaterThan(1);
  });

  it.each(pages)(`content/%s shares no ${PHRASE_WORDS}-word phrase with the seed notes`, (page) => {
    const copied = phrases(readFileSync(join(content, page), 'utf8')).filter((phrase) =>
      seedFingerprints.has(fingerprint(phrase)),
    );
    expect(copied).toEqual([]);
  });
});

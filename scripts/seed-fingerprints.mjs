/**
 * Writes tests/content/seed-fingerprints.json: hashes of every 10-word phrase of the seed notes the course
 * started from (../shared/seeds), so the tests can check that no lesson repeats their sentences. Run it again
 * when the seeds change: node scripts/seed-fingerprints.mjs
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fingerprint, phrases } from '../src/lib/fingerprint.ts';

const seeds = join(import.meta.dirname, '..', '..', 'shared', 'seeds');
const hashes = new Set();
for (const name of (await readdir(seeds)).sort()) {
  for (const phrase of phrases(await readFile(join(seeds, name), 'utf8'))) hashes.add(fingerprint(phrase));
}
const out = join(import.meta.dirname, '..', 'tests', 'content', 'seed-fingerprints.json');
await writeFile(out, `${JSON.stringify([...hashes].sort())}\n`);
console.log(`${hashes.size} phrase fingerprints written to ${out}`);

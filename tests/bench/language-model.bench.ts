/** The built-in language model (npm run bench): load time, memory and generation speed, as on the server. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'vitest';
import { LanguageModel } from '../../src/lib/language-model';
import type { SerializedModel } from '../../src/lib/language-model-training';
import type { SamplingOptions } from '../../src/lib/sampling';
import { createRandom } from '../../src/lib/seed';
import { perSecond, record } from './record';

const file = join(import.meta.dirname, '..', '..', 'src', 'server', 'course-lm.json');

test('built-in language model', async ({ bench }) => {
  const text = readFileSync(file, 'utf8');
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStart = performance.now();
  const model = new LanguageModel(JSON.parse(text) as SerializedModel);
  record('language model', 'load: parse and build', performance.now() - loadStart, 'ms');
  globalThis.gc?.();
  record('language model', 'memory held by the model', (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20, 'MiB');
  record('language model', 'file size', text.length / 2 ** 20, 'MiB');

  const random = createRandom(1);
  const endless = (options: SamplingOptions) => {
    let tokens = model.generate('Amazon Bedrock is', { ...options, maxTokens: Number.MAX_SAFE_INTEGER }, random);
    return () => {
      if (tokens.next().done) tokens = model.generate('Amazon Bedrock is', { ...options, maxTokens: 1 }, random);
    };
  };
  const cases: [string, SamplingOptions][] = [
    ['tokens: greedy (T 0)', { temperature: 0 }],
    ['tokens: T 1, top-k 50', { temperature: 1, topK: 50 }],
    ['tokens: T 0.8, top-p 0.9', { temperature: 0.8, topP: 0.9 }],
  ];
  for (const [name, options] of cases) {
    record('language model', name, perSecond(await bench(name, endless(options)).run()), 'per second');
  }
  void model;
});

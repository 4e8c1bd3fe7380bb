/** Sampling throughput (npm run bench). Each operation is one draw or one adjusted distribution. */
import { test } from 'vitest';
import { adjust, createAliasSampler, sampleIndex } from '../../src/lib/sampling';
import { createRandom } from '../../src/lib/seed';
import { perSecond, record } from './record';

const STREETS = [0.4, 0.25, 0.15, 0.05, 0.05, 0.04, 0.03];
const random = createRandom(1);
/** A Zipf-shaped vocabulary, the shape of real word frequencies. */
const VOCABULARY = Array.from({ length: 50_000 }, (_, rank) => 1 / (rank + 1));

test('sampling throughput', async ({ bench }) => {
  const smallAlias = createAliasSampler(adjust(STREETS));
  const smallAdjusted = adjust(STREETS, { temperature: 0.7 });
  const largeAlias = createAliasSampler(adjust(VOCABULARY));
  const cases: [string, () => void][] = [
    ['7 words: one draw, alias method', () => smallAlias(random)],
    ['7 words: one draw, inverse CDF', () => sampleIndex(smallAdjusted, random)],
    ['7 words: adjust (T 0.7, top-k 5, top-p 0.9)', () => adjust(STREETS, { temperature: 0.7, topK: 5, topP: 0.9 })],
    ['50,000 words: one draw, alias method', () => largeAlias(random)],
    [
      '50,000 words: adjust (T 0.8, top-k 50, top-p 0.9)',
      () => adjust(VOCABULARY, { temperature: 0.8, topK: 50, topP: 0.9 }),
    ],
  ];
  for (const [name, fn] of cases) {
    record('sampling', name, perSecond(await bench(name, fn).run()), 'per second');
  }
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detokenize, LanguageModel, tokenize } from '../../src/lib/language-model';
import { train, UNKNOWN, type SerializedModel } from '../../src/lib/language-model-training';
import { createRandom } from '../../src/lib/seed';

const DOCUMENTS = [
  'the cat sat on the mat .',
  'the cat ate the fish .',
  'the dog sat on the log .',
  'a dog ate a bone .',
  'the cat sat on the log .',
].map((text) => text.split(' '));

/** Interpolated Kneser-Ney written straight from its definition, to check the optimised model against. */
function referenceProbability(documents: string[][], discount: number, u: string, v: string, w: string) {
  const trigrams = new Map<string, number>();
  const bigramTypes = new Set<string>();
  for (const doc of documents) {
    for (let i = 0; i < doc.length; i++) {
      if (i >= 1) bigramTypes.add(`${doc[i - 1]} ${doc[i]}`);
      if (i >= 2)
        trigrams.set(
          `${doc[i - 2]} ${doc[i - 1]} ${doc[i]}`,
          (trigrams.get(`${doc[i - 2]} ${doc[i - 1]} ${doc[i]}`) ?? 0) + 1,
        );
    }
  }
  const words = [...new Set(documents.flat())];
  const continuation = (x: string) => [...bigramTypes].filter((pair) => pair.split(' ')[1] === x).length;
  const pUnigram = (x: string) => continuation(x) / bigramTypes.size;
  // Lower order: continuation counts of (v, x) = number of distinct words before "v x" in trigrams.
  const bigramCont = (a: string, b: string) =>
    [...trigrams.keys()].filter((key) => key.split(' ')[1] === a && key.split(' ')[2] === b).length;
  const pBigram = (a: string, b: string) => {
    const total = words.reduce((sum, x) => sum + bigramCont(a, x), 0);
    if (total === 0) return pUnigram(b);
    const types = words.filter((x) => bigramCont(a, x) > 0).length;
    return Math.max(bigramCont(a, b) - discount, 0) / total + ((discount * types) / total) * pUnigram(b);
  };
  const count = (x: string) => trigrams.get(`${u} ${v} ${x}`) ?? 0;
  const total = words.reduce((sum, x) => sum + count(x), 0);
  if (total === 0) return pBigram(v, w);
  const types = words.filter((x) => count(x) > 0).length;
  return Math.max(count(w) - discount, 0) / total + ((discount * types) / total) * pBigram(v, w);
}

const model = new LanguageModel(train(DOCUMENTS, { minWordCount: 1, minTrigramCount: 1, discounts: [0.5, 0.5] }));

describe('tokenize and detokenize', () => {
  it('splits words, abbreviations and punctuation, and joins them back as text', () => {
    const tokens = tokenize('Amazon Bedrock (a managed service) runs in the U.S. too, doesn’t it?');
    expect(tokens).toEqual([
      'Amazon',
      'Bedrock',
      '(',
      'a',
      'managed',
      'service',
      ')',
      'runs',
      'in',
      'the',
      'U.S.',
      'too',
      ',',
      "doesn't",
      'it',
      '?',
    ]);
    expect(detokenize(tokens)).toBe("Amazon Bedrock (a managed service) runs in the U.S. too, doesn't it?");
    expect(detokenize(['the', 'end', '.', 'then', 'more'])).toBe('The end. Then more');
    expect(detokenize(['word'], 'previous')).toBe(' word');
  });
});

describe('trained model', () => {
  it('matches interpolated Kneser-Ney computed from its definition', () => {
    for (const [u, v] of [
      ['the', 'cat'],
      ['cat', 'sat'],
      ['on', 'the'],
      ['a', 'dog'],
      ['ate', 'the'],
      ['fish', 'bone'],
    ]) {
      const distribution = model.distribution([u as string, v as string]);
      for (const w of ['sat', 'ate', 'on', 'the', 'mat', 'log', '.', 'cat', 'dog']) {
        expect(distribution[model.idOf(w)], `${u} ${v} → ${w}`).toBeCloseTo(
          referenceProbability(DOCUMENTS, 0.5, u as string, v as string, w),
          10,
        );
      }
    }
  });

  it('gives a distribution over its whole vocabulary that sums to 1, never offering the unknown word', () => {
    for (const context of [[], ['cat'], ['the', 'cat'], ['never', 'seen']]) {
      const distribution = model.distribution(context);
      expect(distribution.length).toBe(model.vocabulary.length);
      expect(distribution.reduce((sum, p) => sum + p, 0)).toBeCloseTo(1, 12);
      expect(distribution[0]).toBe(0);
    }
    expect(model.vocabulary[0]).toBe(UNKNOWN);
  });

  it('prefers what followed the context in training', () => {
    expect(model.topCandidates('the cat', 1)[0]?.token).toBe('sat');
    expect(
      model
        .topCandidates('sat on the', 2)
        .map((c) => c.token)
        .sort(),
    ).toEqual(['log', 'mat']);
  });

  it('maps rare words to the unknown word when trained with a minimum count', () => {
    const small = train(DOCUMENTS, { minWordCount: 2, minTrigramCount: 1 });
    expect(small.vocabulary).not.toContain('fish');
    expect(small.vocabulary).toContain('cat');
  });

  it('trains deterministically', () => {
    const again = train(DOCUMENTS, { minWordCount: 1, minTrigramCount: 1, discounts: [0.5, 0.5] });
    expect(JSON.stringify(again)).toBe(
      JSON.stringify(train(DOCUMENTS, { minWordCount: 1, minTrigramCount: 1, discounts: [0.5, 0.5] })),
    );
  });
});

/**
 * A model small enough to work out by hand: vocabulary <unk> the cat sat . The (ids 0 to 5), continuation counts
 * 2 1 3 1 1 0 (total 8), discounts 0.5 for bigrams and 0.25 for trigrams.
 */
const HAND_MADE: SerializedModel = {
  format: 'kneser-ney-trigram-1',
  discounts: [0.5, 0.25],
  vocabulary: [UNKNOWN, 'the', 'cat', 'sat', '.', 'The'],
  continuation: [2, 1, 3, 1, 1, 0],
  // "." is never followed by anything.
  bigrams: [[4, 1], [0, 1, 2, 3], [3, 3, 4, 1], [4, 1], [], [2, 1]],
  trigrams: { '1 2': [0, 1, 3, 3] },
};

function expectProbabilities(actual: Float64Array, expected: number[]) {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((p, id) => expect(actual[id], HAND_MADE.vocabulary[id]).toBeCloseTo(p, 12));
}

describe('a model worked out by hand', () => {
  it('reads a word exactly, else as its most frequent casing, else as the unknown word', () => {
    const hand = new LanguageModel(HAND_MADE);
    expect(['the', 'The', 'THE', 'Cat', 'dog'].map((word) => hand.idOf(word))).toEqual([1, 5, 1, 2, 0]);
  });

  it('refuses a file in another format, naming it', () => {
    expect(() => new LanguageModel({ ...HAND_MADE, format: 'unigram' } as unknown as SerializedModel)).toThrow(
      'Unknown language model format: unigram',
    );
  });

  it('with no context, or after a word never followed, gives the continuation shares without the unknown word', () => {
    // 1, 3, 1, 1 of the 6 continuations that are not the unknown word's 2.
    const hand = new LanguageModel(HAND_MADE);
    for (const context of [[], ['sat', '.']]) {
      expectProbabilities(hand.distribution(context), [0, 1 / 6, 3 / 6, 1 / 6, 1 / 6, 0]);
    }
  });

  it('after one word, adds its discounted bigram counts to the backed-off continuation shares', () => {
    // "the": <unk> 1, cat 3, total 4, backoff 0.5 · 2 / 4 = 0.25. <unk> (1 − 0.5) / 4 + 0.25 · 2/8 = 3/16,
    // cat 2.5 / 4 + 0.25 · 3/8 = 23/32, the, sat and . 0.25 · 1/8 = 1/32 each; without <unk>, divided by 13/16.
    const hand = new LanguageModel(HAND_MADE);
    expectProbabilities(hand.distribution(['the']), [0, 1 / 26, 23 / 26, 1 / 26, 1 / 26, 0]);
    // "cat" alone (the trigram row is only for "the cat"): sat 3, . 1, total 4, backoff 0.25. <unk> 0.25 · 2/8 =
    // 1/16, the 1/32, cat 3/32, sat 2.5 / 4 + 1/32 = 21/32, . 0.5 / 4 + 1/32 = 5/32; divided by 15/16.
    expectProbabilities(hand.distribution(['cat']), [0, 1 / 30, 3 / 30, 21 / 30, 5 / 30, 0]);
  });

  it('after two words, adds the discounted trigram counts to the backed-off bigram level', () => {
    // "the cat": <unk> 1, sat 3, total 4, backoff 0.25 · 2 / 4 = 1/8. Bigram level after "cat" (sat 3, . 1,
    // backoff 0.25): <unk> 1/16, the 1/32, cat 3/32, sat 21/32, . 5/32. Trigram level: <unk> 0.75 / 4 + 1/128,
    // the 1/256, cat 3/256, sat 2.75 / 4 + 21/256 = 197/256, . 5/256; without <unk>, divided by 206/256.
    expectProbabilities(new LanguageModel(HAND_MADE).distribution(['the', 'cat']), [
      0,
      1 / 206,
      3 / 206,
      197 / 206,
      5 / 206,
      0,
    ]);
  });

  it('lists every word once when asked for more candidates than it has, ties in vocabulary order', () => {
    const candidates = new LanguageModel(HAND_MADE).topCandidates('the cat', 10);
    expect(candidates.map((c) => c.token)).toEqual(['sat', '.', 'cat', 'the', UNKNOWN, 'The']);
    expect(candidates[1]?.probability).toBeCloseTo(5 / 206, 12);
  });

  it('generates greedily, with no space before a full stop and a capital after it', () => {
    // the cat → sat (197/206); cat sat → . (9/14); sat . → cat (1/2); . cat → sat (21/30); cat sat → . again.
    const tokens = [
      ...new LanguageModel(HAND_MADE).generate('the cat', { maxTokens: 5, temperature: 0 }, createRandom(1)),
    ];
    expect(tokens.map((token) => token.text).join('')).toBe(' sat. Cat sat.');
    expect(tokens[2]?.token).toBe('cat');
  });
});

describe('generate', () => {
  const text = (prompt: string, options: Parameters<LanguageModel['generate']>[1], seed: number) =>
    [...model.generate(prompt, options, createRandom(seed))].map((token) => token.text).join('');

  it('is reproducible with a seed and greedy at temperature 0', () => {
    expect(text('the cat', { maxTokens: 6, temperature: 1 }, 5)).toBe(
      text('the cat', { maxTokens: 6, temperature: 1 }, 5),
    );
    expect(text('the cat', { maxTokens: 4, temperature: 0 }, 1)).toBe(
      text('the cat', { maxTokens: 4, temperature: 0 }, 99),
    );
    expect(text('the cat', { maxTokens: 1, temperature: 0 }, 1)).toBe(' sat');
  });

  it('respects the maximum tokens and stops before a stop sequence', () => {
    expect([...model.generate('the', { maxTokens: 3 }, createRandom(1))]).toHaveLength(3);
    const stopped = text('the cat', { maxTokens: 20, temperature: 0, stopSequences: [' the'] }, 1);
    expect(stopped).toBe(' sat on');
  });

  it('stops at a stop sequence inside a word, and ignores an empty one', () => {
    // Greedy: " sat on the …"; "he" first appears with "the".
    expect(text('the cat', { maxTokens: 20, temperature: 0, stopSequences: ['', 'he'] }, 1)).toBe(' sat on');
  });

  it('reports the alternatives with their probabilities before and after the settings', () => {
    const [first] = [...model.generate('the cat', { maxTokens: 1, topK: 1, alternatives: 3 }, createRandom(1))];
    expect(first?.alternatives).toHaveLength(3);
    expect(first?.alternatives[0]?.token).toBe('sat');
    expect(first?.alternatives[0]?.adjusted).toBe(1);
    expect(first?.alternatives[1]?.adjusted).toBe(0);
    expect(first?.alternatives[1]?.probability).toBeGreaterThan(0);
  });
});

describe('the committed course model', () => {
  const file = join(import.meta.dirname, '..', '..', 'src', 'server', 'course-lm.json');

  it("exists, loads, knows the course's vocabulary and continues familiar phrases", () => {
    expect(existsSync(file), 'run npm run train:lm').toBe(true);
    const course = new LanguageModel(JSON.parse(readFileSync(file, 'utf8')) as SerializedModel);
    expect(course.vocabulary.length).toBeGreaterThan(10_000);
    expect(course.vocabulary).toEqual(expect.arrayContaining(['Bedrock', 'Guardrails', 'embeddings', 'fine-tuning']));
    expect(course.topCandidates('in the United', 1)[0]?.token).toBe('States');
  });
});

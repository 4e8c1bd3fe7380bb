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

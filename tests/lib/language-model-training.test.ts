import { describe, expect, it } from 'vitest';
import { tokenize, train } from '../../src/lib/language-model-training';

/** Word counts b 5, a 4, c 2, d 2, so the ids are b 1, a 2, c 3, d 4 (c before d: equal counts go alphabetically). */
const CORPUS = ['a b d a b c', 'c b a b', 'a b d'].map((text) => text.split(' '));
const KEEP_ALL = { minWordCount: 1, minTrigramCount: 1 };

describe('tokenize', () => {
  it('keeps abbreviations, titles and numbers whole and gives each punctuation mark its own token', () => {
    expect(tokenize('Mrs. Smith moved to the U.S. in 1999, e.g. for work (really)!')).toEqual([
      'Mrs.',
      'Smith',
      'moved',
      'to',
      'the',
      'U.S.',
      'in',
      '1999',
      ',',
      'e.g.',
      'for',
      'work',
      '(',
      'really',
      ')',
      '!',
    ]);
  });

  it('keeps hyphenated words and contractions whole, straightening every curly apostrophe', () => {
    expect(tokenize('Fine-tuning isn’t rock’n’roll.')).toEqual(['Fine-tuning', "isn't", "rock'n'roll", '.']);
  });

  it('gives no tokens for text without words or punctuation it knows', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize('— “ ” …')).toEqual([]);
  });
});

describe('train', () => {
  it('numbers the words from the most frequent, equal counts alphabetically, after the unknown word', () => {
    const documents = [['b', 'z', 'c', 'y', 'a', 'z', 'y', 'z']];
    expect(train(documents, KEEP_ALL).vocabulary).toEqual(['<unk>', 'z', 'y', 'a', 'b', 'c']);
  });

  it('keeps only words seen at least the minimum number of times', () => {
    const documents = [['b', 'z', 'c', 'y', 'a', 'z', 'y', 'z']];
    expect(train(documents, { minWordCount: 2, minTrigramCount: 1 }).vocabulary).toEqual(['<unk>', 'z', 'y']);
  });

  it('stores the Kneser-Ney counts of a small corpus', () => {
    // Trigrams: "a b" is followed by d twice and c once; "b d" → a, "d a" → b, "c b" → a, "b a" → b.
    expect(train(CORPUS, { ...KEEP_ALL, discounts: [0.6, 0.8] })).toEqual({
      format: 'kneser-ney-trigram-1',
      discounts: [0.6, 0.8],
      vocabulary: ['<unk>', 'b', 'a', 'c', 'd'],
      // Different words before: b after a and c; a after d and b; c and d only after b.
      continuation: [0, 2, 2, 1, 1],
      // Different words before each pair: "b a" (c), "b c" (a), "b d" (a); "a b" (d and b); "d a" (b).
      bigrams: [[], [2, 1, 3, 1, 4, 1], [1, 2], [], [2, 1]],
      trigrams: { '1 2': [1, 1], '1 4': [2, 1], '2 1': [3, 1, 4, 2], '3 1': [2, 1], '4 2': [1, 1] },
    });
  });

  it('stores the trigram contexts in order of their word ids', () => {
    expect(Object.keys(train(CORPUS, KEEP_ALL).trigrams)).toEqual(['1 2', '1 4', '2 1', '3 1', '4 2']);
  });

  it('counts rare words as the unknown word, id 0', () => {
    const model = train(CORPUS, { minWordCount: 3, minTrigramCount: 1 });
    expect(model.vocabulary).toEqual(['<unk>', 'b', 'a']);
    // The documents read a b ? a b ?, ? b a b and a b ?.
    expect(model.continuation).toEqual([1, 2, 2]);
    expect(model.trigrams).toEqual({ '0 1': [2, 1], '0 2': [1, 1], '1 0': [2, 1], '1 2': [1, 1], '2 1': [0, 3] });
  });

  it('drops trigrams seen fewer times than the minimum, and contexts left with none', () => {
    expect(train(CORPUS, { minWordCount: 1, minTrigramCount: 2 }).trigrams).toEqual({ '2 1': [4, 2] });
  });

  it('discounts both levels by 0.75 unless told otherwise', () => {
    expect(train(CORPUS, KEEP_ALL).discounts).toEqual([0.75, 0.75]);
  });
});

import { describe, expect, it } from 'vitest';
import { fingerprint, phrases, words } from '../../src/lib/fingerprint';

describe('fingerprint', () => {
  it('reduces text to lower-case words, ignoring markup, code, table rows and punctuation', () => {
    expect(
      words(
        '**Generative AI** is a <KeyTerm id="x">subset</KeyTerm> of deep-learning!\n| wet | 0.40 |\n```ts\nconst a = 1;\n```',
      ),
    ).toEqual(['generative', 'ai', 'is', 'a', 'subset', 'of', 'deep', 'learning']);
  });

  it('reads a word with an apostrophe as one word, and finds no words in code alone', () => {
    expect(words("The model’s answer isn't cached.")).toEqual(['the', 'models', 'answer', 'isnt', 'cached']);
    expect(words('```py\nprint(1)\n```')).toEqual([]);
  });

  it('cuts overlapping runs of words', () => {
    expect(phrases('one two three four', 3)).toEqual(['one two three', 'two three four']);
    expect(phrases('too short', 3)).toEqual([]);
  });

  it('finds a copied phrase whatever its formatting', () => {
    const source = phrases('Foundation models are trained on a wide variety of inputs, at great cost.', 5);
    const copy = phrases('As we saw, *foundation models* are trained on a WIDE variety of inputs.', 5);
    const shared = copy.filter((phrase) => source.map(fingerprint).includes(fingerprint(phrase)));
    expect(shared).toContain('foundation models are trained on');
  });

  it('hashes a phrase to the first 16 hex digits of its SHA-256', () => {
    // The SHA-256 of "abc" is a published test vector (FIPS 180-2): ba7816bf 8f01cfea 414140de …
    expect(fingerprint('abc')).toBe('ba7816bf8f01cfea');
  });
});

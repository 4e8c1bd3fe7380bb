import { describe, expect, it } from 'vitest';
import { proseOf, wordCount } from '../../src/lib/prose';

describe('proseOf', () => {
  it('drops the front matter, imports, code blocks, diagrams and tags, keeping what a reader reads', () => {
    const mdx = [
      '---',
      'title: Tokens',
      '---',
      "import Figure from '../Figure.astro';",
      '',
      'A <KeyTerm id="token">token</KeyTerm> is a piece of text.',
      '```ts',
      'const tokens = 3;',
      '```',
      '<svg viewBox="0 0 10 10"><text>Label</text></svg>',
    ].join('\n');
    expect(proseOf(mdx)).toBe('\n\nA  token  is a piece of text.\n \n ');
  });

  it('keeps a horizontal rule and the word "import" in a sentence, which are prose', () => {
    const mdx = 'First part.\n\n---\n\nSecond part.\n\n---\n\nWe import the data from S3.';
    expect(proseOf(mdx)).toBe(mdx);
  });

  it('keeps words either side of a removed tag, code block or diagram apart', () => {
    expect(wordCount(proseOf('Generative<br/>AI'))).toBe(2);
    expect(wordCount(proseOf('before```code```after'))).toBe(2);
    expect(wordCount(proseOf('before<svg><path d="M0 0"/></svg>after'))).toBe(2);
  });
});

describe('wordCount', () => {
  it('counts words, numbers and contractions, not punctuation', () => {
    expect(wordCount("Amazon Bedrock's 2 models don’t use top-k.")).toBe(7);
    expect(wordCount(' — … !')).toBe(0);
  });
});

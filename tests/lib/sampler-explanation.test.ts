import { describe, expect, it } from 'vitest';
import { explainSettings } from '../../src/lib/sampler-explanation';

const WORDS = ['wet', 'flooded', 'slippery', 'empty', 'muddy', 'clean', 'blocked'];
const STREETS = [0.4, 0.25, 0.15, 0.05, 0.05, 0.04, 0.03];

describe('explainSettings', () => {
  it('explains greedy decoding at temperature 0', () => {
    expect(explainSettings(WORDS, STREETS, { temperature: 0 })).toEqual([
      'Temperature 0 is greedy decoding: the model always picks "wet", so every run gives the same text.',
      'Entropy is 0 bits: the outcome is certain.',
    ]);
  });

  it('gives the numbers of a sharper or flatter distribution', () => {
    expect(explainSettings(WORDS, STREETS, { temperature: 0.5 })[0]).toBe(
      'Temperature 0.5 sharpens the distribution: "wet" rises from 41% to 63%, so answers vary less.',
    );
    expect(explainSettings(WORDS, STREETS, { temperature: 1.5 })[0]).toBe(
      'Temperature 1.5 flattens the distribution: "blocked" rises from 3% to 6%, so unusual words appear more often.',
    );
  });

  it('counts what top-k and top-p keep, ties included', () => {
    const text = explainSettings(WORDS, STREETS, { topK: 4, topP: 0.5 });
    expect(text).toContain('Top-k 4 keeps the 4 most likely words (5 because of a tie) and drops the rest.');
    expect(text).toContain(
      'Then top-p 0.5 keeps the fewest most likely words whose probabilities add up to at least 50%: 2 words here.',
    );
    expect(text).toContain('The 5 filtered words are never picked; the others are scaled up to add to 100%.');
    expect(text.at(-1)).toBe('Entropy is 0.96 bits, as uncertain as a fair choice among 1.9 words.');
  });
});

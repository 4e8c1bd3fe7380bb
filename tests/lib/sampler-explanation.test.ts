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

  it('keeps the probabilities at temperature 1 and says nothing of filters that are off', () => {
    // Entropy of 1/2, 1/4, 1/4: 0.5 + 0.5 + 0.5 = 1.5 bits; 2^1.5 ≈ 2.83 words.
    expect(explainSettings(['wet', 'flooded', 'slippery'], [0.5, 0.25, 0.25], {})).toEqual([
      "Temperature 1 keeps the model's own probabilities.",
      'Entropy is 1.50 bits, as uncertain as a fair choice among 2.8 words.',
    ]);
  });

  it('says top-k drops one word when there is no tie', () => {
    // What is left: 0.5 and 0.3 scaled to 0.625 and 0.375, entropy 0.95 bits, 2^0.95 ≈ 1.94 words.
    expect(explainSettings(['wet', 'flooded', 'slippery'], [0.5, 0.3, 0.2], { topK: 2 })).toEqual([
      "Temperature 1 keeps the model's own probabilities.",
      'Top-k 2 keeps the 2 most likely words and drops the rest.',
      'The 1 filtered word is never picked; the others are scaled up to add to 100%.',
      'Entropy is 0.95 bits, as uncertain as a fair choice among 1.9 words.',
    ]);
  });

  it('names the most likely word for greedy decoding wherever it is listed', () => {
    expect(explainSettings(['wet', 'dry'], [0.2, 0.8], { temperature: 0 })[0]).toBe(
      'Temperature 0 is greedy decoding: the model always picks "dry", so every run gives the same text.',
    );
  });

  it('gives a percentage under 1% one decimal, and 0% and 1% none', () => {
    // At temperature 2: √0.004 / (√0.986 + √0.01 + √0.004) ≈ 0.0547.
    expect(explainSettings(['yes', 'no', 'maybe'], [0.986, 0.01, 0.004], { temperature: 2 })[0]).toBe(
      'Temperature 2 flattens the distribution: "maybe" rises from 0.4% to 5%, so unusual words appear more often.',
    );
    expect(explainSettings(WORDS, STREETS, { topP: 0 })[1]).toBe(
      'Top-p 0 keeps the fewest most likely words whose probabilities add up to at least 0%: 1 word here.',
    );
    expect(explainSettings(WORDS, STREETS, { topP: 0.01 })[1]).toBe(
      'Top-p 0.01 keeps the fewest most likely words whose probabilities add up to at least 1%: 1 word here.',
    );
  });
});

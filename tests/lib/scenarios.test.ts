import { describe, expect, it } from 'vitest';
import { joinWords, scenarios, stepAfter, type Step } from '../../src/lib/scenarios';

function steps(step: Step | undefined): Step[] {
  return step ? [step, ...step.candidates.flatMap((candidate) => steps(candidate.next))] : [];
}

describe('scenarios', () => {
  it('offers the course example and at least five more, each with valid distributions', () => {
    expect(scenarios[0]?.prompt).toBe('After the rain, the streets were');
    expect(scenarios.length).toBeGreaterThanOrEqual(6);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    for (const scenario of scenarios) {
      for (const step of steps(scenario.first)) {
        const total = step.candidates.reduce((sum, c) => sum + c.probability, 0);
        expect(total, scenario.id).toBeGreaterThan(0.9);
        expect(total, scenario.id).toBeLessThanOrEqual(1 + 1e-9);
        expect(new Set(step.candidates.map((c) => c.word)).size, scenario.id).toBe(step.candidates.length);
      }
    }
  });

  it('follows chosen words to the next step, as in "…flooded" then "and / with / from"', () => {
    const rain = scenarios[0];
    if (!rain) throw new Error('no scenario');
    expect(
      stepAfter(rain, ['flooded'])
        ?.candidates.slice(0, 3)
        .map((c) => c.word),
    ).toEqual(['and', 'with', 'from']);
    expect(stepAfter(rain, ['flooded', 'with', 'muddy'])?.candidates[0]?.word).toBe('water');
    expect(stepAfter(rain, ['muddy', '.'])).toBeUndefined();
  });

  it('finds no step after a word the scenario does not offer, or after the sentence has ended', () => {
    const rain = scenarios[0];
    if (!rain) throw new Error('no scenario');
    expect(stepAfter(rain, ['sunny'])).toBeUndefined();
    expect(stepAfter(rain, ['muddy', '.', 'again'])).toBeUndefined();
  });

  it('ends every path in a full stop within 12 words, so a regenerated completion is a whole sentence', () => {
    const paths = (step: Step | undefined): string[][] =>
      step ? step.candidates.flatMap((c) => paths(c.next).map((rest) => [c.word, ...rest])) : [[]];
    for (const scenario of scenarios)
      for (const path of paths(scenario.first)) {
        expect(path.at(-1), `${scenario.id}: ${path.join(' ')}`).toBe('.');
        expect(path.length, `${scenario.id}: ${path.join(' ')}`).toBeLessThanOrEqual(12);
      }
    expect(joinWords('After the rain, the streets were', ['flooded', 'with', 'muddy', 'water', '.'])).toBe(
      'After the rain, the streets were flooded with muddy water.',
    );
  });

  it('joins words as text, without a space before punctuation', () => {
    expect(joinWords('After the rain, the streets were', ['wet', '.'])).toBe('After the rain, the streets were wet.');
  });

  it('spaces a word that only starts or ends with a punctuation mark like any other word', () => {
    expect(joinWords('Built on', ['.NET', 'and', 'Java', 'etc.'])).toBe('Built on .NET and Java etc.');
  });
});

import { describe, expect, it } from 'vitest';
import { byInitial, initialOf, matchesFilter } from '../../src/lib/glossary';

describe('the glossary index', () => {
  it('files a term under its first letter, whatever its case or accent, and digits under #', () => {
    expect(['Agent', 'pgvector', 'Émbedding', '3D model'].map(initialOf)).toEqual(['A', 'P', 'E', '#']);
  });

  it('groups sorted terms by letter, keeping their order', () => {
    const terms = [{ term: 'Agent' }, { term: 'Alias' }, { term: 'Bedrock' }, { term: 'bias' }];
    expect(byInitial(terms)).toEqual([
      { letter: 'A', entries: [{ term: 'Agent' }, { term: 'Alias' }] },
      { letter: 'B', entries: [{ term: 'Bedrock' }, { term: 'bias' }] },
    ]);
  });
});

describe('the glossary filter', () => {
  it('finds every word of the filter anywhere in the text, ignoring case and accents', () => {
    const text = 'Temperature An inference parameter that controls randomness.';
    expect(matchesFilter(text, 'temp')).toBe(true);
    expect(matchesFilter(text, 'RANDOMNESS inference')).toBe(true);
    expect(matchesFilter(text, '  ')).toBe(true);
    expect(matchesFilter(text, 'temperature top-p')).toBe(false);
    expect(matchesFilter('Modèle', 'modele')).toBe(true);
  });

  it('matches whole filter words, not their letters scattered through the text', () => {
    expect(matchesFilter('Top-k sampling', 'sampling top-p')).toBe(false);
    expect(matchesFilter('Top-k sampling', 'sampling top-k')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { presentedOrder, questionSeed, shuffled } from '../../../src/lib/quiz/presentation';
import { matching, multiple, ordering, single } from './fixtures';

describe('presentedOrder', () => {
  it('shows the same order for the same attempt seed, and another for another seed', () => {
    const question = single('q');
    const orders = new Set(Array.from({ length: 20 }, (_, seed) => presentedOrder(question, seed).join('')));
    expect(presentedOrder(question, 5)).toEqual(presentedOrder(question, 5));
    expect(orders.size).toBeGreaterThan(5);
    expect([...presentedOrder(question, 5)].sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never starts an ordering question already solved', () => {
    for (let seed = 0; seed < 200; seed++) expect(presentedOrder(ordering, seed)).not.toEqual(ordering.answer);
  });

  it('shuffles the responses of a matching question', () => {
    expect([...presentedOrder(matching, 1)].sort()).toEqual(['r1', 'r2', 'r3', 'r4']);
  });

  it('keeps every item when shuffling', () => {
    expect(shuffled([1, 2, 3, 4, 5], 9).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it("draws each question's order from the attempt seed and the question id", () => {
    const choices = [
      [single('q'), ['a', 'b', 'c', 'd']],
      [multiple, ['a', 'b', 'c', 'd', 'e']],
      [matching, ['r1', 'r2', 'r3', 'r4']],
    ] as const;
    for (const [question, ids] of choices)
      for (let seed = 0; seed < 5; seed++)
        expect(presentedOrder(question, seed)).toEqual(shuffled(ids, questionSeed(seed, question.id)));
  });

  it('shows the items of an ordering question as drawn, unless that order is already solved', () => {
    let solvedDraws = 0;
    for (let seed = 0; seed < 50; seed++) {
      const drawn = shuffled(['a', 'b', 'c'], questionSeed(seed, ordering.id));
      const shown = presentedOrder(ordering, seed);
      expect([...shown].sort()).toEqual(['a', 'b', 'c']);
      if (String(drawn) === String(ordering.answer)) solvedDraws += 1;
      else expect(shown).toEqual(drawn);
    }
    expect(solvedDraws).toBeGreaterThan(0);
  });
});

describe('questionSeed', () => {
  it('hashes the question id with FNV-1a from the attempt seed, so a stored attempt keeps its orders', () => {
    // Published FNV-1a 32-bit test vectors, which start from the offset basis 0x811c9dc5.
    expect(questionSeed(0x811c9dc5, '')).toBe(0x811c9dc5);
    expect(questionSeed(0x811c9dc5, 'a')).toBe(0xe40c292c);
    expect(questionSeed(0x811c9dc5, 'foobar')).toBe(0xbf9cf968);
  });
});

import { describe, expect, it } from 'vitest';
import { presentedOrder, shuffled } from '../../../src/lib/quiz/presentation';
import { matching, ordering, single } from './fixtures';

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
});

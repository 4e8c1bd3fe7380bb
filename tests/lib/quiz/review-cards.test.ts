import { describe, expect, it } from 'vitest';
import { comesBackIn, decodeReviewCards, dueBy, emptyReviewCards } from '../../../src/lib/quiz/review-cards';
import { storedCard } from './fixtures';

const DUE = '2026-11-22T10:00:00.000Z';
const storedWith = (fields: object) => JSON.stringify({ version: 1, cards: { q1: { ...storedCard(DUE), ...fields } } });

describe('decodeReviewCards', () => {
  it('keeps a card that was never reviewed, without a last review', () => {
    const decoded = decodeReviewCards(storedWith({}));
    expect(decoded).toEqual({ value: { version: 1, cards: { q1: storedCard(DUE) } }, dropped: 0 });
    expect(decoded.value.cards.q1).not.toHaveProperty('last_review');
  });

  it('drops a card when its due date, last review or any number of its schedule cannot be trusted', () => {
    const damaged = [
      { due: 'soon' },
      { last_review: 'yesterday' },
      { stability: undefined },
      { reps: '1' },
      { difficulty: null },
    ];
    for (const fields of damaged)
      expect(decodeReviewCards(storedWith(fields)), JSON.stringify(fields)).toMatchObject({
        value: { cards: {} },
        dropped: 1,
      });
    // JSON has no infinity, but a number too large to hold reads as one.
    expect(decodeReviewCards(storedWith({}).replace('"stability":1', '"stability":1e999')).dropped).toBe(1);
    expect(decodeReviewCards('{"version":1,"cards":{"q1":null}}').dropped).toBe(1);
  });
});

describe('dueBy', () => {
  it('counts a card due at that very moment as due', () => {
    const review = { ...emptyReviewCards(), cards: { q1: storedCard(DUE) } };
    expect(dueBy(review, new Date(DUE))).toEqual(['q1']);
    expect(dueBy(review, new Date(Date.parse(DUE) - 1))).toEqual([]);
  });
});

describe('comesBackIn', () => {
  const from = new Date(2026, 10, 22, 10);
  it('counts minutes up to 59, and an hour or more later the same day as later today', () => {
    expect(comesBackIn(new Date(2026, 10, 22, 10, 59), from)).toBe('in 59 minutes');
    expect(comesBackIn(new Date(2026, 10, 22, 11), from)).toBe('later today');
  });

  it('counts days up to 59, and 60 days or more in months of 30 days', () => {
    expect(comesBackIn(new Date(2026, 10, 22 + 59, 10), from)).toBe('in 59 days');
    expect(comesBackIn(new Date(2026, 10, 22 + 60, 10), from)).toBe('in about 2 months');
  });
});

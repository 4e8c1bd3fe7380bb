import { describe, expect, it } from 'vitest';
import {
  comesBackIn,
  decodeReviewCards,
  dueBy,
  emptyReviewCards,
  encodeReviewCards,
  endOfDay,
} from '../../../src/lib/quiz/review-cards';
import { recordAnswer } from '../../../src/lib/quiz/review-schedule';

const NOW = new Date('2026-11-22T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);
const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

describe('mistake review schedule', () => {
  it('schedules a missed question soon, and never one that was answered right first time', () => {
    let review = recordAnswer(emptyReviewCards(), 'q1', false, NOW);
    review = recordAnswer(review, 'q2', true, NOW);
    expect(Object.keys(review.cards)).toEqual(['q1']);
    expect(dueBy(review, NOW)).toEqual([]);
    expect(dueBy(review, minutes(15))).toEqual(['q1']);
  });

  it('moves a card further out after right answers and back after a wrong one', () => {
    let review = recordAnswer(emptyReviewCards(), 'q1', false, NOW);
    review = recordAnswer(review, 'q1', true, minutes(15));
    review = recordAnswer(review, 'q1', true, minutes(45));
    const spaced = Date.parse(review.cards.q1?.due ?? '');
    expect(spaced).toBeGreaterThan(days(1).getTime() - 1);
    review = recordAnswer(review, 'q1', false, days(2));
    expect(Date.parse(review.cards.q1?.due ?? '')).toBeLessThan(days(2).getTime() + 3_600_000);
    expect(review.cards.q1?.lapses).toBe(1);
  });

  it('brings a missed question back in ten minutes, and one answered right leaves "due today"', () => {
    let review = recordAnswer(emptyReviewCards(), 'q1', false, NOW);
    expect(review.cards.q1?.due).toBe(minutes(10).toISOString());
    review = recordAnswer(review, 'q1', false, minutes(12));
    expect(review.cards.q1?.due).toBe(minutes(22).toISOString());
    review = recordAnswer(review, 'q1', true, minutes(25));
    expect(dueBy(review, endOfDay(minutes(25)))).toEqual([]);
    expect(Date.parse(review.cards.q1?.due ?? '')).toBeGreaterThanOrEqual(days(1).getTime());
  });

  it('moves on a card saved in the second of the two learning steps it once had', () => {
    const saved = recordAnswer(emptyReviewCards(), 'q1', false, NOW).cards.q1;
    if (!saved) throw new Error('no card');
    const oldStep = { ...emptyReviewCards(), cards: { q1: { ...saved, learning_steps: 1 } } };
    const review = recordAnswer(oldStep, 'q1', true, minutes(30));
    expect(dueBy(review, endOfDay(minutes(30)))).toEqual([]);
  });

  it('says when a question comes back', () => {
    const at = (hours: number, minutes = 0) => new Date(2026, 10, 22, hours, minutes);
    expect(comesBackIn(at(10, 10), at(10))).toBe('in 10 minutes');
    expect(comesBackIn(at(10, 1), at(10))).toBe('in 1 minute');
    expect(comesBackIn(at(15), at(10))).toBe('later today');
    expect(comesBackIn(new Date(2026, 10, 23, 8), at(23))).toBe('tomorrow');
    expect(comesBackIn(new Date(2026, 10, 25, 10), at(10))).toBe('in 3 days');
    expect(comesBackIn(new Date(2027, 1, 22, 10), at(10))).toBe('in about 3 months');
  });

  it('lists the most overdue question first', () => {
    let review = recordAnswer(emptyReviewCards(), 'late', false, NOW);
    review = recordAnswer(review, 'early', false, minutes(-60));
    expect(dueBy(review, days(1))).toEqual(['early', 'late']);
  });

  it('reads back what it wrote and keeps the valid cards of damaged data', () => {
    const review = recordAnswer(emptyReviewCards(), 'q1', false, NOW);
    expect(decodeReviewCards(encodeReviewCards(review))).toEqual({ value: review, dropped: 0 });
    const damaged = JSON.stringify({ version: 1, cards: { ...review.cards, q2: { due: 'soon' } } });
    expect(decodeReviewCards(damaged)).toMatchObject({ value: review, problem: 'partly-invalid', dropped: 1 });
    expect(decodeReviewCards('nope').problem).toBe('unreadable');
  });

  it('keeps a card stored under the key "__proto__" as an entry, not as the prototype of the cards', () => {
    const card = recordAnswer(emptyReviewCards(), 'q1', false, NOW).cards.q1;
    const raw = `{"version":1,"cards":{"__proto__":${JSON.stringify(card)}}}`;
    const decoded = decodeReviewCards(raw);
    expect(decoded.dropped).toBe(0);
    expect(Object.keys(decoded.value.cards)).toEqual(['__proto__']);
    expect(JSON.parse(encodeReviewCards(decoded.value))).toEqual(JSON.parse(raw));
  });

  it('keeps only the fields of a card the schedule uses', () => {
    const card = recordAnswer(emptyReviewCards(), 'q1', false, NOW).cards.q1;
    const decoded = decodeReviewCards(
      JSON.stringify({ version: 1, cards: { q1: { ...card, notes: 'x'.repeat(100) } } }),
    );
    expect(decoded.value.cards.q1).toEqual(card);
    expect(encodeReviewCards(decoded.value)).not.toContain('notes');
  });

  it('counts the whole day as today', () => {
    const end = endOfDay(NOW);
    expect(end.getHours()).toBe(23);
    expect(end.getTime()).toBeGreaterThan(NOW.getTime());
  });
});

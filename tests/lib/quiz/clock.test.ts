import { describe, expect, it } from 'vitest';
import { describeClock, formatClock, millisecondsLeft } from '../../../src/lib/quiz/clock';

const NOW = new Date('2026-11-22T10:00:00.000Z');

describe('mock exam clock', () => {
  it('counts down to the deadline and stops at zero', () => {
    expect(millisecondsLeft('2026-11-22T11:30:00.000Z', NOW)).toBe(90 * 60_000);
    expect(millisecondsLeft('2026-11-22T09:00:00.000Z', NOW)).toBe(0);
    expect(millisecondsLeft(undefined, NOW)).toBe(Infinity);
  });

  it('shows minutes and seconds, rounding up', () => {
    expect(formatClock(90 * 60_000)).toBe('90:00');
    expect(formatClock(65_400)).toBe('1:06');
    expect(formatClock(0)).toBe('0:00');
    expect(describeClock(30_000)).toBe('less than a minute left');
    expect(describeClock(10 * 60_000)).toBe('10 minutes left');
  });
});

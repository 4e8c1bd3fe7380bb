import { describe, expect, test } from 'vitest';
import { SpendLedger, costOf, estimateTokens, parseSpendRecord } from '../../src/lib/playground-cost';

describe('playground cost', () => {
  test('cost is tokens times the price per 1,000', () => {
    // Nova Micro: $0.000035 in, $0.00014 out per 1,000 tokens.
    expect(
      costOf({ inputTokens: 2000, outputTokens: 500 }, { inputPer1k: 0.000035, outputPer1k: 0.00014 }),
    ).toBeCloseTo(0.00014, 12);
    expect(costOf({ inputTokens: 1_000_000, outputTokens: 0 }, { inputPer1k: 0.003, outputPer1k: 0.015 })).toBe(3);
  });

  test('the token estimate errs high: one token per two characters', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abc')).toBe(2);
    expect(estimateTokens('x'.repeat(1000))).toBe(500);
  });
});

describe('daily spend ledger', () => {
  const noon = Date.parse('2026-11-22T12:00:00Z');

  test('reservations count against the cap until settled at their actual cost', () => {
    const ledger = new SpendLedger(1, () => noon);
    const first = ledger.reserve(0.6);
    expect(first.ok).toBe(true);
    expect(ledger.reserve(0.6)).toMatchObject({ ok: false, spentUsd: 0, capUsd: 1 });
    if (!first.ok) return;
    ledger.settle(first.reservation, 0.05);
    expect(ledger.spentTodayUsd).toBeCloseTo(0.05);
    expect(ledger.reserve(0.9).ok).toBe(true);
    expect(ledger.reserve(0.1).ok).toBe(false);
  });

  test('a refusal says when the budget resets: midnight UTC', () => {
    const ledger = new SpendLedger(0.5, () => noon);
    expect(ledger.reserve(1)).toEqual({ ok: false, spentUsd: 0, capUsd: 0.5, retryAfterSeconds: 12 * 3600 });
  });

  test('a new UTC day starts from zero spent', () => {
    let now = noon;
    const ledger = new SpendLedger(1, () => now);
    const settled = ledger.reserve(0.9);
    if (settled.ok) ledger.settle(settled.reservation, 0.9);
    expect(ledger.reserve(0.5).ok).toBe(false);
    now += 12 * 3600 * 1000;
    expect(ledger.spentTodayUsd).toBe(0);
    expect(ledger.reserve(0.9).ok).toBe(true);
  });

  test('a request running at midnight UTC keeps its worst case held, and its cost counts on the day it ends', () => {
    let now = Date.parse('2026-11-22T23:59:30Z');
    const ledger = new SpendLedger(1, () => now);
    const running = ledger.reserve(0.9);
    now += 60_000;
    // Still held after midnight: a second worst case of 0.9 does not fit beside it.
    expect(ledger.reserve(0.9).ok).toBe(false);
    if (running.ok) ledger.settle(running.reservation, 0.3);
    expect(ledger.record()).toEqual({ day: '2026-11-23', spentUsd: 0.3 });
    expect(ledger.reserve(0.7).ok).toBe(true);
    expect(ledger.reserve(0.01).ok).toBe(false);
  });

  test('what an earlier run spent today counts against the cap; what it spent on another day does not', () => {
    const restarted = new SpendLedger(1, () => noon, { day: '2026-11-22', spentUsd: 0.7 });
    expect(restarted.spentTodayUsd).toBeCloseTo(0.7);
    expect(restarted.reserve(0.4)).toMatchObject({ ok: false, spentUsd: 0.7 });
    const reserved = restarted.reserve(0.2);
    if (reserved.ok) restarted.settle(reserved.reservation, 0.1);
    expect(restarted.record()).toEqual({ day: '2026-11-22', spentUsd: expect.closeTo(0.8, 10) as number });

    expect(new SpendLedger(1, () => noon, { day: '2026-11-21', spentUsd: 0.9 }).spentTodayUsd).toBe(0);
  });

  test('a cap of 0 refuses every paid request', () => {
    expect(new SpendLedger(0).reserve(0.000001).ok).toBe(false);
    expect(new SpendLedger(0).reserve(0).ok).toBe(true);
    expect(() => new SpendLedger(-1)).toThrow(new RangeError('A spend cap must be 0 US dollars or more'));
  });

  test('settling one request leaves the others held', () => {
    const ledger = new SpendLedger(1, () => noon);
    const first = ledger.reserve(0.5);
    expect(ledger.reserve(0.4).ok).toBe(true);
    if (first.ok) ledger.settle(first.reservation, 0.1);
    // 0.1 spent and 0.4 still held: 0.6 more would make 1.1.
    expect(ledger.reserve(0.6).ok).toBe(false);
    expect(ledger.reserve(0.5).ok).toBe(true);
  });

  test('a request settled after midnight UTC counts on the new day even when nothing else happened in between', () => {
    let now = Date.parse('2026-11-22T23:59:30Z');
    const ledger = new SpendLedger(1, () => now);
    const running = ledger.reserve(0.9);
    now += 60_000;
    if (running.ok) ledger.settle(running.reservation, 0.3);
    expect(ledger.spentTodayUsd).toBe(0.3);
  });
});

describe('parseSpendRecord', () => {
  test('reads a day and an amount, and nothing else', () => {
    expect(parseSpendRecord('{"day":"2026-11-22","spentUsd":0.25}')).toEqual({ day: '2026-11-22', spentUsd: 0.25 });
    expect(parseSpendRecord('{"day":"2026-11-22","spentUsd":0}')).toEqual({ day: '2026-11-22', spentUsd: 0 });
    for (const raw of [
      '',
      'null',
      '[]',
      '{"day":"22/11/2026","spentUsd":1}',
      '{"day":"2026-11-22T10:00:00Z","spentUsd":1}',
      '{"day":"on 2026-11-22","spentUsd":1}',
      '{"day":["2026-11-22"],"spentUsd":1}',
      '{"day":"2026-11-22","spentUsd":-1}',
      '{"day":"2026-11-22","spentUsd":"1"}',
      '{"day":"2026-11-22","spentUsd":1e999}',
    ])
      expect(parseSpendRecord(raw), raw).toBeUndefined();
  });
});

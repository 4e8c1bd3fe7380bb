import { describe, expect, it } from 'vitest';
import {
  decodeHistory,
  emptyHistory,
  encodeHistory,
  finished,
  openAttempt,
  startAttempt,
  updateAttempt,
  withAnswer,
  withChecked,
  withFlag,
  withPosition,
} from '../../../src/lib/quiz/history';

const NOW = new Date('2026-11-22T10:00:00.000Z');

function started() {
  return startAttempt(emptyHistory(), { kind: 'section', scope: 'rag', seed: 7, questionIds: ['q1', 'q2'], now: NOW });
}

describe('quiz history', () => {
  it('records answers, checks and flags on the open attempt, then its result', () => {
    let history = started();
    const id = openAttempt(history, 'rag')?.id ?? '';
    history = updateAttempt(history, id, withAnswer('q1', 'b'));
    history = updateAttempt(history, id, withChecked('q1'));
    history = updateAttempt(history, id, withChecked('q1'));
    history = updateAttempt(history, id, withFlag('q2', true));
    expect(openAttempt(history, 'rag')).toMatchObject({ answers: { q1: 'b' }, checked: ['q1'], flagged: ['q2'] });
    history = updateAttempt(history, id, finished({ correct: 1, total: 2 }, NOW));
    expect(openAttempt(history, 'rag')).toBeUndefined();
    expect(history.attempts[0]?.result).toEqual({ correct: 1, total: 2 });
  });

  it('keeps one open attempt per scope', () => {
    const again = startAttempt(started(), {
      kind: 'section',
      scope: 'rag',
      seed: 8,
      questionIds: ['q1'],
      now: new Date(NOW.getTime() + 1000),
    });
    expect(again.attempts).toHaveLength(1);
    expect(again.attempts[0]?.seed).toBe(8);
  });

  it('reads back what it wrote', () => {
    const history = updateAttempt(started(), started().attempts[0]?.id ?? '', withAnswer('q2', { p1: 'r1' }));
    expect(decodeHistory(encodeHistory(history))).toEqual({ value: history, dropped: 0 });
  });

  it('keeps the question on screen, and starts at the first when the stored one does not fit', () => {
    const history = updateAttempt(started(), started().attempts[0]?.id ?? '', withPosition(1));
    expect(decodeHistory(encodeHistory(history))).toEqual({ value: history, dropped: 0 });
    expect(openAttempt(history, 'rag')?.position).toBe(1);
    for (const position of [2, -1, 0.5, '1']) {
      const raw = JSON.stringify({ version: 1, attempts: [{ ...history.attempts[0], position }] });
      const decoded = decodeHistory(raw);
      expect(decoded.dropped).toBe(0);
      expect(decoded.value.attempts[0]).not.toHaveProperty('position');
    }
  });

  it('keeps the valid attempts of damaged data and reports the rest', () => {
    const history = started();
    const raw = JSON.stringify({
      version: 1,
      attempts: [...history.attempts, { id: 3 }, 'nonsense', { ...history.attempts[0], answers: { q1: 5 } }],
    });
    const decoded = decodeHistory(raw);
    expect(decoded.value.attempts).toEqual(history.attempts);
    expect(decoded).toMatchObject({ problem: 'partly-invalid', dropped: 3 });
    expect(decodeHistory('][').problem).toBe('unreadable');
    expect(decodeHistory('{"version":1}').problem).toBe('unreadable');
  });
});

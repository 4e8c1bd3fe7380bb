import { describe, expect, it } from 'vitest';
import {
  decodeHistory,
  emptyHistory,
  encodeHistory,
  finished,
  MOCK_SCOPE,
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

/** A mock exam of two questions, timed for 90 minutes, answered and finished after 30. */
function finishedMock() {
  const history = startAttempt(emptyHistory(), {
    kind: 'mock',
    scope: MOCK_SCOPE,
    seed: 3,
    questionIds: ['q1', 'q2'],
    now: NOW,
    deadline: new Date('2026-11-22T11:30:00.000Z'),
  });
  const id = history.attempts[0]?.id ?? '';
  return updateAttempt(
    updateAttempt(history, id, withAnswer('q2', { p1: 'r1' })),
    id,
    finished({ correct: 1, total: 2 }, new Date('2026-11-22T10:30:00.000Z')),
  );
}

const storedWith = (fields: object) =>
  JSON.stringify({ version: 1, attempts: [{ ...finishedMock().attempts[0], ...fields }] });

describe('quiz history', () => {
  it('records answers, checks and flags on the open attempt, then its result', () => {
    let history = started();
    const id = openAttempt(history, 'rag')?.id ?? '';
    history = updateAttempt(history, id, withAnswer('q1', 'b'));
    history = updateAttempt(history, id, withChecked('q1'));
    history = updateAttempt(history, id, withChecked('q1'));
    history = updateAttempt(history, id, withFlag('q2', true));
    expect(openAttempt(history, 'rag')).toMatchObject({ answers: { q1: 'b' }, checked: ['q1'], flagged: ['q2'] });
    history = updateAttempt(history, id, withFlag('q1', true));
    history = updateAttempt(history, id, withFlag('q2', false));
    expect(openAttempt(history, 'rag')?.flagged).toEqual(['q1']);
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

  it('keeps finished attempts and the open attempts of other scopes when a quiz starts again', () => {
    const later = new Date('2026-11-22T11:00:00.000Z');
    let history = startAttempt(finishedMock(), {
      kind: 'section',
      scope: 'rag',
      seed: 1,
      questionIds: ['q1'],
      now: NOW,
    });
    history = startAttempt(history, { kind: 'mock', scope: MOCK_SCOPE, seed: 4, questionIds: ['q3'], now: later });
    expect(history.attempts.map(({ scope, seed }) => [scope, seed])).toEqual([
      [MOCK_SCOPE, 3],
      ['rag', 1],
      [MOCK_SCOPE, 4],
    ]);
    expect(openAttempt(history, 'rag')?.seed).toBe(1);
    expect(openAttempt(history, MOCK_SCOPE)?.seed).toBe(4);
    expect(openAttempt(history, 'prompting')).toBeUndefined();
  });

  it('changes only the attempt it is given', () => {
    const history = startAttempt(finishedMock(), {
      kind: 'section',
      scope: 'rag',
      seed: 1,
      questionIds: ['q1'],
      now: NOW,
    });
    const id = openAttempt(history, 'rag')?.id ?? '';
    const answered = updateAttempt(history, id, withAnswer('q1', 'c'));
    expect(answered.attempts.map((attempt) => attempt.answers)).toEqual([{ q2: { p1: 'r1' } }, { q1: 'c' }]);
  });

  it('reads back what it wrote', () => {
    const history = updateAttempt(started(), started().attempts[0]?.id ?? '', withAnswer('q2', { p1: 'r1' }));
    expect(decodeHistory(encodeHistory(history))).toEqual({ value: history, dropped: 0 });
  });

  it('keeps the question on screen, and starts at the first when the stored one does not fit', () => {
    const history = updateAttempt(started(), started().attempts[0]?.id ?? '', withPosition(1));
    expect(decodeHistory(encodeHistory(history))).toEqual({ value: history, dropped: 0 });
    expect(openAttempt(history, 'rag')?.position).toBe(1);
    const first = updateAttempt(started(), started().attempts[0]?.id ?? '', withPosition(0));
    expect(decodeHistory(encodeHistory(first)).value.attempts[0]?.position).toBe(0);
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

  it('reads back a finished mock exam with its deadline and result', () => {
    const history = finishedMock();
    expect(history.attempts[0]).toMatchObject({
      startedAt: '2026-11-22T10:00:00.000Z',
      deadline: '2026-11-22T11:30:00.000Z',
      finishedAt: '2026-11-22T10:30:00.000Z',
      result: { correct: 1, total: 2 },
    });
    expect(decodeHistory(encodeHistory(history))).toEqual({ value: history, dropped: 0 });
  });

  it('adds no deadline, end or result to an attempt stored without them', () => {
    const attempt = decodeHistory(encodeHistory(started())).value.attempts[0];
    expect(attempt).not.toHaveProperty('deadline');
    expect(attempt).not.toHaveProperty('finishedAt');
    expect(attempt).not.toHaveProperty('result');
  });

  it('drops an attempt when any field it needs cannot be trusted', () => {
    const damaged = [
      { id: 3 },
      { kind: 'exam' },
      { scope: 4 },
      { seed: '3' },
      { questionIds: 'q1' },
      { questionIds: ['q1', 2] },
      { answers: 'b' },
      { answers: { q2: { p1: 'r1', p2: 3 } } },
      { startedAt: 'yesterday' },
      { checked: [1] },
      { flagged: 'q1' },
      { deadline: 'soon' },
      { finishedAt: 'later' },
    ];
    for (const fields of damaged)
      expect(decodeHistory(storedWith(fields)), JSON.stringify(fields)).toMatchObject({
        value: { attempts: [] },
        dropped: 1,
      });
    expect(decodeHistory('{"version":1,"attempts":[null]}').dropped).toBe(1);
  });

  it('keeps an attempt stored without lists of checked or flagged questions', () => {
    const decoded = decodeHistory(storedWith({ checked: undefined, flagged: undefined }));
    expect(decoded.dropped).toBe(0);
    expect(decoded.value.attempts[0]).toMatchObject({ checked: [], flagged: [] });
  });

  it('keeps an attempt whose stored result cannot be read, without the result', () => {
    for (const result of [{ correct: '1', total: 2 }, { correct: 1, total: null }, 'passed']) {
      const decoded = decodeHistory(storedWith({ result }));
      expect(decoded.dropped).toBe(0);
      expect(decoded.value.attempts[0]).not.toHaveProperty('result');
    }
  });
});

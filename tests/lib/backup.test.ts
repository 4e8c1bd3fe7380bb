import { describe, expect, it } from 'vitest';
import { createBackup, mergeData, readBackup, type LearnerData } from '../../src/lib/backup';
import { emptyProgress, recordVisit, setCompleted } from '../../src/lib/progress';
import { emptyHistory, startAttempt } from '../../src/lib/quiz/history';
import { emptyReviewCards } from '../../src/lib/quiz/review-cards';
import { recordAnswer } from '../../src/lib/quiz/review-schedule';

const T1 = new Date('2026-11-01T10:00:00.000Z');
const T2 = new Date('2026-11-20T10:00:00.000Z');

function data(at: Date, lesson: string, question: string, scope: string): LearnerData {
  return {
    progress: recordVisit(setCompleted(emptyProgress(), lesson, true, at), lesson, at),
    history: startAttempt(emptyHistory(), { kind: 'section', scope, seed: 1, questionIds: [question], now: at }),
    cards: recordAnswer(emptyReviewCards(), question, false, at),
  };
}

describe('backups', () => {
  it('read back exactly what was exported', () => {
    const saved = data(T1, 'a/one', 'q1', 'a');
    expect(readBackup(JSON.stringify(createBackup(saved, T2)))).toEqual({ ok: true, data: saved });
  });

  it('reject, with a reason, a file that is not a complete valid backup', () => {
    const valid = createBackup(data(T1, 'a/one', 'q1', 'a'), T2);
    const reasons = [
      'not json',
      JSON.stringify({ hello: 'world' }),
      JSON.stringify({ ...valid, version: 99 }),
      JSON.stringify({ ...valid, quizHistory: undefined }),
      JSON.stringify({ ...valid, reviewCards: { version: 1, cards: { q9: { due: 'never' } } } }),
    ].map((text) => {
      const reading = readBackup(text);
      return reading.ok ? 'accepted' : reading.reason;
    });
    expect(reasons).toEqual([
      'This file is not a course backup: it is not JSON.',
      'This file is not a course backup: it has no "format" of a backup.',
      'This backup was made by a newer version of the course; update the course first.',
      'The quiz history in this backup is missing or unreadable, so nothing was imported.',
      'The mistake review in this backup has 1 damaged entry, so nothing was imported.',
    ]);
  });

  it('merge without losing or doubling anything', () => {
    const here = data(T2, 'a/one', 'q1', 'a');
    const there = data(T1, 'a/one', 'q2', 'b');
    const merged = mergeData(here, there);
    expect(merged.progress.completed).toEqual({ 'a/one': T1.toISOString() });
    expect(merged.progress.lastVisited?.at).toBe(T2.toISOString());
    expect(merged.history.attempts.map((a) => a.scope)).toEqual(['b', 'a']);
    expect(Object.keys(merged.cards.cards).sort()).toEqual(['q1', 'q2']);

    const again = mergeData(merged, there);
    expect(again).toEqual(merged);
  });
});

import { describe, expect, it } from 'vitest';
import { createBackup, importMessage, mergeData, readBackup, type LearnerData } from '../../src/lib/backup';
import { emptyConversation, MAX_TURNS, type Turn } from '../../src/lib/playground/conversation';
import { emptyProgress, recordVisit, setCompleted } from '../../src/lib/progress';
import { emptyHistory, startAttempt } from '../../src/lib/quiz/history';
import { emptyReviewCards, type StoredCard } from '../../src/lib/quiz/review-cards';
import { recordAnswer } from '../../src/lib/quiz/review-schedule';
import { doneAnswer, lane } from './playground/fixtures';

const T1 = new Date('2026-11-01T10:00:00.000Z');
const T2 = new Date('2026-11-20T10:00:00.000Z');
/** The question ids of the course's question bank, in these tests. */
const KNOWN = new Set(['q1', 'q2']);
const NOTHING_SKIPPED = { cards: 0, attempts: 0, fields: 0 };

function data(at: Date, lesson: string, question: string, scope: string): LearnerData {
  return {
    progress: recordVisit(setCompleted(emptyProgress(), lesson, true, at), lesson, at),
    history: startAttempt(emptyHistory(), { kind: 'section', scope, seed: 1, questionIds: [question], now: at }),
    cards: recordAnswer(emptyReviewCards(), question, false, at),
    conversation: { ...emptyConversation(), turns: [turn(`turn-${question}`, at)] },
  };
}

function turn(id: string, at: Date): Turn {
  return { id, at: at.toISOString(), prompt: `prompt ${id}`, system: '', answers: [doneAnswer()] };
}

describe('backups', () => {
  it('read back exactly what was exported', () => {
    const saved = data(T1, 'a/one', 'q1', 'a');
    expect(readBackup(JSON.stringify(createBackup(saved, T2)), KNOWN)).toEqual({
      ok: true,
      data: saved,
      skipped: NOTHING_SKIPPED,
    });
  });

  it('reject, with a reason, a file that is not a complete valid backup', () => {
    const valid = createBackup(data(T1, 'a/one', 'q1', 'a'), T2);
    const reasons = [
      'not json',
      JSON.stringify({ hello: 'world' }),
      JSON.stringify({ ...valid, version: 99 }),
      JSON.stringify({ ...valid, version: '1' }),
      JSON.stringify({ ...valid, quizHistory: undefined }),
      JSON.stringify({ ...valid, reviewCards: { version: 1, cards: { q9: { due: 'never' } } } }),
      JSON.stringify({ ...valid, playground: { version: 1, turns: [{ id: 'x' }] } }),
      JSON.stringify({ ...valid, playground: { version: 1, turns: [{ id: 'x' }, { id: 'y' }] } }),
    ].map((text) => {
      const reading = readBackup(text, KNOWN);
      return reading.ok ? 'accepted' : reading.reason;
    });
    expect(reasons).toEqual([
      'This file is not a course backup: it is not JSON.',
      'This file is not a course backup: it has no "format" of a backup.',
      'This backup was made by a newer version of the course; update the course first.',
      'This backup was made by a newer version of the course; update the course first.',
      'The quiz history in this backup is missing or unreadable, so nothing was imported.',
      'The mistake review in this backup has 1 damaged entry, so nothing was imported.',
      'The playground conversation in this backup has 1 damaged entry, so nothing was imported.',
      'The playground conversation in this backup has 2 damaged entries, so nothing was imported.',
    ]);
  });

  it('read a backup made before the playground as one without a conversation', () => {
    const { playground: _playground, ...older } = createBackup(data(T1, 'a/one', 'q1', 'a'), T2);
    const reading = readBackup(JSON.stringify(older), KNOWN);
    expect(reading.ok && reading.data.conversation).toEqual(emptyConversation());
  });

  it('skip review cards and quiz attempts for questions this course does not have, "__proto__" among them', () => {
    const saved = data(T1, 'a/one', 'q1', 'a');
    const card = saved.cards.cards.q1;
    const [attempt] = saved.history.attempts;
    const backup = {
      ...createBackup(saved, T2),
      quizHistory: { version: 1, attempts: [attempt, { ...attempt, id: 'other', questionIds: ['q1', 'zz-9'] }] },
      reviewCards: { version: 1, cards: { q1: card, 'zz-9': card } },
    };
    // JSON.parse makes "__proto__" an own key, as a file read by the page has it.
    const text = JSON.stringify(backup).replace('"zz-9":{', `"__proto__":${JSON.stringify(card)},"zz-9":{`);
    expect(readBackup(text, KNOWN)).toEqual({
      ok: true,
      data: saved,
      skipped: { cards: 2, attempts: 1, fields: 0 },
    });
  });

  it('leave out, and count, fields the course does not use, wherever they are', () => {
    const saved = data(T1, 'a/one', 'q1', 'a');
    const [attempt] = saved.history.attempts;
    const backup = createBackup(saved, T2);
    const junk = 'x'.repeat(10_000);
    const text = JSON.stringify({
      ...backup,
      junk,
      progress: { ...backup.progress, note: junk },
      quizHistory: { version: 1, attempts: [{ ...attempt, answers: { q1: 'a', q7: 'b' }, colour: junk }] },
      reviewCards: { version: 1, cards: { q1: { ...saved.cards.cards.q1, notes: junk } } },
    });
    const reading = readBackup(text, KNOWN);
    expect(reading.ok && reading.skipped).toEqual({ cards: 0, attempts: 0, fields: 5 });
    expect(reading.ok && reading.data.history.attempts[0]?.answers).toEqual({ q1: 'a' });
    expect(JSON.stringify(reading.ok && reading.data)).not.toContain('xxx');
  });

  it('count only the names of fields, not what a known field holds', () => {
    const backup = createBackup(data(T1, 'a/one', 'q1', 'a'), T2);
    const reading = readBackup(JSON.stringify({ ...backup, exportedAt: { day: '2026-11-20' } }), KNOWN);
    expect(reading.ok && reading.skipped).toEqual(NOTHING_SKIPPED);
  });

  it('say what an import did, in words', () => {
    const now = data(T1, 'a/one', 'q1', 'a');
    expect(importMessage({ saved: 'ok', now, skipped: NOTHING_SKIPPED, fileSize: 900 })).toBe(
      'Imported. This browser now has 1 completed lesson, 1 quiz attempt, 1 question to review and 1 playground prompt.',
    );
    expect(importMessage({ saved: 'ok', now, skipped: { cards: 2, attempts: 1, fields: 3 }, fileSize: 900 })).toBe(
      'Imported. This browser now has 1 completed lesson, 1 quiz attempt, 1 question to review and 1 playground ' +
        'prompt. Skipped 2 mistake-review cards and 1 quiz attempt for questions this course does not have. ' +
        'Left out 3 fields this course does not use.',
    );
    expect(importMessage({ saved: 'ok', now, skipped: { cards: 0, attempts: 2, fields: 1 }, fileSize: 900 })).toBe(
      'Imported. This browser now has 1 completed lesson, 1 quiz attempt, 1 question to review and 1 playground ' +
        'prompt. Skipped 2 quiz attempts for questions this course does not have. ' +
        'Left out 1 field this course does not use.',
    );
    expect(importMessage({ saved: 'full', now, skipped: NOTHING_SKIPPED, fileSize: 10_512_345 })).toBe(
      "Nothing was imported: this browser's storage for the course has no room for this backup (10.5 MB) " +
        'on top of what is already saved here. Everything saved here is as it was.',
    );
    const sizeShown = (fileSize: number) =>
      /this backup \(([^)]+)\)/.exec(importMessage({ saved: 'full', now, skipped: NOTHING_SKIPPED, fileSize }))?.[1];
    expect([2_400, 300, 999_499, 999_999, 1_000_000].map(sizeShown)).toEqual([
      '2 KB',
      '1 KB',
      '999 KB',
      '1.0 MB',
      '1.0 MB',
    ]);
    expect(importMessage({ saved: 'unavailable', now, skipped: NOTHING_SKIPPED, fileSize: 900 })).toBe(
      'Nothing was imported: this browser is not letting the course save anything (private browsing or blocked ' +
        'storage).',
    );
    expect(importMessage({ saved: 'held', now, skipped: NOTHING_SKIPPED, fileSize: 900 })).toBe(
      'Nothing was imported: some of the data saved here is damaged and could not be copied aside, so the course ' +
        'is leaving it untouched (the notice on this page says which).',
    );
  });

  it('merge without losing or doubling anything', () => {
    const here = data(T2, 'a/one', 'q1', 'a');
    const there = data(T1, 'a/one', 'q2', 'b');
    const merged = mergeData(here, there);
    expect(merged.progress.completed).toEqual({ 'a/one': T1.toISOString() });
    expect(merged.progress.lastVisited?.at).toBe(T2.toISOString());
    expect(merged.history.attempts.map((a) => a.scope)).toEqual(['b', 'a']);
    expect(Object.keys(merged.cards.cards).sort()).toEqual(['q1', 'q2']);
    expect(merged.conversation.turns.map((t) => t.id)).toEqual(['turn-q2', 'turn-q1']);

    const again = mergeData(merged, there);
    expect(again).toEqual(merged);
  });

  it('keep the earliest completion of a lesson and the latest visit, whichever side each is on', () => {
    const early = data(T1, 'a/one', 'q1', 'a');
    const late = data(T2, 'a/one', 'q1', 'a');
    for (const [here, there] of [
      [early, late],
      [late, early],
    ] as const) {
      const merged = mergeData(here, there);
      expect(merged.progress.completed).toEqual({ 'a/one': T1.toISOString() });
      expect(merged.progress.lastVisited).toEqual({ lessonId: 'a/one', at: T2.toISOString() });
    }
    // A browser that has visited nothing takes the other's last visit; two that have visited nothing keep none.
    const fresh = { ...early, progress: emptyProgress() };
    expect(mergeData(fresh, late).progress.lastVisited?.at).toBe(T2.toISOString());
    expect(mergeData(late, fresh).progress.lastVisited?.at).toBe(T2.toISOString());
    expect(mergeData(fresh, fresh).progress.lastVisited).toBeNull();
  });

  it('keep this browser’s last visit, attempt and turn first when both sides have one from the same moment', () => {
    const here = data(T1, 'a/one', 'q1', 'a');
    const there = data(T1, 'b/two', 'q2', 'b');
    const merged = mergeData(here, there);
    expect(merged.progress.lastVisited).toEqual({ lessonId: 'a/one', at: T1.toISOString() });
    expect(merged.history.attempts.map((a) => a.scope)).toEqual(['a', 'b']);
    expect(merged.conversation.turns.map((t) => t.id)).toEqual(['turn-q1', 'turn-q2']);
  });

  it('take the backup’s playground settings when this browser has none', () => {
    const here = data(T2, 'a/one', 'q1', 'a');
    const there = data(T1, 'a/one', 'q2', 'b');
    there.conversation = {
      ...there.conversation,
      settings: { compare: true, system: 'There', lanes: [lane(), lane()] },
    };
    expect(mergeData(here, there).conversation.settings?.system).toBe('There');
  });

  it('keep the review card answered last when both sides have one for a question, whichever side it is on', () => {
    // The same question answered wrongly on T1 and rightly on T2: the T2 card is the learner's latest word on it.
    const older = data(T1, 'a/one', 'q1', 'a');
    const newer = data(T2, 'a/one', 'q1', 'a');
    newer.cards = recordAnswer(older.cards, 'q1', true, T2);
    const newest = newer.cards.cards.q1;
    expect(newest?.last_review).toBe(T2.toISOString());
    expect(mergeData(older, newer).cards.cards.q1).toEqual(newest);
    expect(mergeData(newer, older).cards.cards.q1).toEqual(newest);
  });

  it('prefer a card that has been reviewed to one that has not, whichever side each is on', () => {
    const reviewed = data(T1, 'a/one', 'q1', 'a');
    // A new card, as the scheduler starts one: never reviewed, so it has no last review.
    const card: StoredCard = {
      due: T1.toISOString(),
      stability: 0,
      difficulty: 0,
      elapsed_days: 0,
      scheduled_days: 0,
      learning_steps: 0,
      reps: 0,
      lapses: 0,
      state: 0,
    };
    const unreviewed = { ...reviewed, cards: { ...reviewed.cards, cards: { q1: card } } };
    expect(mergeData(unreviewed, reviewed).cards.cards.q1).toEqual(reviewed.cards.cards.q1);
    expect(mergeData(reviewed, unreviewed).cards.cards.q1).toEqual(reviewed.cards.cards.q1);
  });

  it('keep this browser’s card when both were answered at the same moment', () => {
    const here = data(T1, 'a/one', 'q1', 'a');
    const there = data(T1, 'a/one', 'q1', 'a');
    // Missed a month earlier, then answered rightly at T1: another card, reviewed at the same moment.
    there.cards = recordAnswer(recordAnswer(emptyReviewCards(), 'q1', false, new Date('2026-10-01')), 'q1', true, T1);
    expect(there.cards.cards.q1?.last_review).toBe(here.cards.cards.q1?.last_review);
    expect(there.cards.cards.q1).not.toEqual(here.cards.cards.q1);
    expect(mergeData(here, there).cards.cards.q1).toEqual(here.cards.cards.q1);
    expect(mergeData(there, here).cards.cards.q1).toEqual(there.cards.cards.q1);
  });

  it('keep this browser’s playground settings and the latest turns the playground keeps', () => {
    const many = (prefix: string, from: Date) =>
      Array.from({ length: MAX_TURNS }, (_, i) => turn(`${prefix}${i}`, new Date(from.getTime() + i * 60_000)));
    const here = data(T2, 'a/one', 'q1', 'a');
    here.conversation = {
      ...emptyConversation(),
      settings: { compare: false, system: 'Here', lanes: [lane(), lane()] },
      turns: many('here', T2),
    };
    const there = data(T1, 'a/one', 'q2', 'b');
    there.conversation = { ...emptyConversation(), turns: many('there', T1) };
    const merged = mergeData(here, there).conversation;
    expect(merged.settings?.system).toBe('Here');
    expect(merged.turns).toHaveLength(MAX_TURNS);
    expect(merged.turns[0]?.id).toBe('here0');
  });
});

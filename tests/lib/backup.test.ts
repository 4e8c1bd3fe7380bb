import { describe, expect, it } from 'vitest';
import { createBackup, mergeData, readBackup, type LearnerData } from '../../src/lib/backup';
import { emptyConversation, MAX_TURNS, type Turn } from '../../src/lib/playground/conversation';
import { emptyProgress, recordVisit, setCompleted } from '../../src/lib/progress';
import { emptyHistory, startAttempt } from '../../src/lib/quiz/history';
import { emptyReviewCards } from '../../src/lib/quiz/review-cards';
import { recordAnswer } from '../../src/lib/quiz/review-schedule';
import { doneAnswer, lane } from './playground/fixtures';

const T1 = new Date('2026-11-01T10:00:00.000Z');
const T2 = new Date('2026-11-20T10:00:00.000Z');

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
      JSON.stringify({ ...valid, playground: { version: 1, turns: [{ id: 'x' }] } }),
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
      'The playground conversation in this backup has 1 damaged entry, so nothing was imported.',
    ]);
  });

  it('read a backup made before the playground as one without a conversation', () => {
    const { playground: _playground, ...older } = createBackup(data(T1, 'a/one', 'q1', 'a'), T2);
    const reading = readBackup(JSON.stringify(older));
    expect(reading.ok && reading.data.conversation).toEqual(emptyConversation());
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

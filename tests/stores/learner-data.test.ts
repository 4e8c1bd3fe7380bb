import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LearnerData } from '../../src/lib/backup';
import { emptyConversation, type Turn } from '../../src/lib/playground/conversation';
import { emptyProgress, setCompleted } from '../../src/lib/progress';
import { emptyHistory, startAttempt } from '../../src/lib/quiz/history';
import { emptyReviewCards } from '../../src/lib/quiz/review-cards';
import { doneAnswer } from '../lib/playground/fixtures';
import { FakeStorage, openPage } from './fake-storage';

const AT = new Date('2026-11-20T10:00:00.000Z');
const PROGRESS_KEY = 'aif-c01:progress';

function learnerData(lesson: string, prompt: string): LearnerData {
  const turn: Turn = { id: 't1', at: AT.toISOString(), prompt, system: '', answers: [doneAnswer()] };
  return {
    progress: setCompleted(emptyProgress(), lesson, true, AT),
    history: startAttempt(emptyHistory(), { kind: 'section', scope: 's', seed: 1, questionIds: ['q1'], now: AT }),
    cards: emptyReviewCards(),
    conversation: { ...emptyConversation(), turns: [turn] },
  };
}

async function loadPage(storage: FakeStorage) {
  openPage(storage);
  return import('../../src/stores/learner-data');
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('replaceLearnerData', () => {
  it('saves every part, and the next page load reads them all back', async () => {
    const storage = new FakeStorage();
    const page = await loadPage(storage);
    const data = learnerData('a/b', 'Hello');
    expect(page.replaceLearnerData(data)).toBe('ok');
    expect(page.learnerData()).toEqual(data);

    const next = await loadPage(new FakeStorage(Object.fromEntries(storage.items)));
    expect(next.learnerData()).toEqual(data);
  });

  it('changes nothing, stored or shown, when one part does not fit', async () => {
    const before = JSON.stringify({ version: 1, completed: { 'x/y': AT.toISOString() }, lastVisited: null });
    const storage = new FakeStorage({ [PROGRESS_KEY]: before });
    storage.fill(2_000);
    const page = await loadPage(storage);
    const shown = page.learnerData();

    expect(page.replaceLearnerData(learnerData('a/b', 'x'.repeat(5_000)))).toBe('full');
    expect(Object.fromEntries(storage.items)).toEqual({ [PROGRESS_KEY]: before });
    expect(page.learnerData()).toEqual(shown);
  });

  it('changes nothing while damaged data that could not be copied aside is left in place', async () => {
    const damaged = JSON.stringify({ version: 1, completed: { 'x/y': 'garbage' } });
    const storage = new FakeStorage({ [PROGRESS_KEY]: damaged });
    storage.fill(40);
    const page = await loadPage(storage);
    storage.quota = Infinity;

    expect(page.replaceLearnerData(learnerData('a/b', 'Hello'))).toBe('held');
    expect(Object.fromEntries(storage.items)).toEqual({ [PROGRESS_KEY]: damaged });
  });
});

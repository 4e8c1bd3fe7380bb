import { describe, expect, it } from 'vitest';
import {
  continueTarget,
  decodeProgress,
  emptyProgress,
  encodeProgress,
  recordVisit,
  sectionProgress,
  setCompleted,
  type Outline,
} from '../../src/lib/progress';

const AT = '2026-11-20T10:00:00.000Z';

const outline: Outline = {
  sections: [
    {
      id: 's1',
      lessons: [
        { id: 's1/a', title: 'A', href: '/learn/s1/a/' },
        { id: 's1/b', title: 'B', href: '/learn/s1/b/' },
      ],
    },
    { id: 's2', lessons: [{ id: 's2/c', title: 'C', href: '/learn/s2/c/' }] },
    { id: 's3', lessons: [] },
  ],
};

describe('decodeProgress', () => {
  it('reads back what it encoded', () => {
    const progress = recordVisit(setCompleted(emptyProgress(), 's1/a', true, new Date(AT)), 's1/b', new Date(AT));
    expect(decodeProgress(encodeProgress(progress))).toEqual({ value: progress, dropped: 0 });
  });

  it('starts afresh, reporting it, when the data is not JSON or not an object', () => {
    for (const raw of ['{"completed": {', 'null', '[1,2]', '"text"']) {
      expect(decodeProgress(raw)).toEqual({ value: emptyProgress(), problem: 'unreadable', dropped: 1 });
    }
  });

  it('keeps the valid entries of partly damaged data', () => {
    const raw = JSON.stringify({
      version: 1,
      completed: { 's1/a': AT, 's1/b': 'not a date', 'Bad Id': AT, 's2/c': 42 },
      lastVisited: { lessonId: 's1/a', at: AT },
    });
    const decoded = decodeProgress(raw);
    expect(decoded.problem).toBe('partly-invalid');
    expect(decoded.dropped).toBe(3);
    expect(decoded.value.completed).toEqual({ 's1/a': AT });
    expect(decoded.value.lastVisited).toEqual({ lessonId: 's1/a', at: AT });
  });

  it('drops lesson ids that are not a section and a lesson in lower case', () => {
    const decoded = decodeProgress(JSON.stringify({ version: 1, completed: { 's1/a': AT, 'S1/a': AT, 's1/a/b': AT } }));
    expect(decoded).toMatchObject({ problem: 'partly-invalid', dropped: 2 });
    expect(decoded.value.completed).toEqual({ 's1/a': AT });
  });

  it('counts completions that are not a list of lessons as one dropped entry, and no completions as none', () => {
    expect(decodeProgress(JSON.stringify({ version: 1, completed: 'all' }))).toEqual({
      value: emptyProgress(),
      problem: 'partly-invalid',
      dropped: 1,
    });
    expect(decodeProgress(JSON.stringify({ version: 1, completed: null }))).toMatchObject({ dropped: 1 });
    const visited = { lessonId: 's1/a', at: AT };
    expect(decodeProgress(JSON.stringify({ version: 1, lastVisited: visited }))).toEqual({
      value: { ...emptyProgress(), lastVisited: visited },
      dropped: 0,
    });
  });

  it('drops a last visit whose lesson id is not text', () => {
    const decoded = decodeProgress(JSON.stringify({ version: 1, lastVisited: { lessonId: ['s1/a'], at: AT } }));
    expect(decoded).toEqual({ value: emptyProgress(), problem: 'partly-invalid', dropped: 1 });
  });

  it('drops a malformed last visit but keeps completions', () => {
    const decoded = decodeProgress(JSON.stringify({ version: 1, completed: { 's1/a': AT }, lastVisited: 'yesterday' }));
    expect(decoded).toMatchObject({ problem: 'partly-invalid', dropped: 1 });
    expect(decoded.value).toEqual({ version: 1, completed: { 's1/a': AT }, lastVisited: null });
  });

  it('reports unversioned data while keeping what fits', () => {
    const decoded = decodeProgress(JSON.stringify({ completed: { 's1/a': AT } }));
    expect(decoded.problem).toBe('partly-invalid');
    expect(decoded.value.completed).toEqual({ 's1/a': AT });
  });

  it('keeps what it understands of data from a newer version', () => {
    const decoded = decodeProgress(JSON.stringify({ version: 7, completed: { 's1/a': AT }, streak: 5 }));
    expect(decoded).toMatchObject({ problem: 'newer-version', dropped: 0 });
    expect(decoded.value.completed).toEqual({ 's1/a': AT });
  });
});

describe('setCompleted', () => {
  it('marks and unmarks a lesson without touching the others', () => {
    const one = setCompleted(emptyProgress(), 's1/a', true, new Date(AT));
    const two = setCompleted(one, 's1/b', true, new Date(AT));
    expect(Object.keys(two.completed)).toEqual(['s1/a', 's1/b']);
    expect(setCompleted(two, 's1/a', false, new Date(AT)).completed).toEqual({ 's1/b': AT });
    expect(one.completed).toEqual({ 's1/a': AT });
  });
});

describe('sectionProgress', () => {
  it('counts completed lessons per section, ignoring ids the course no longer has', () => {
    let progress = setCompleted(emptyProgress(), 's1/b', true, new Date(AT));
    progress = setCompleted(progress, 'old/removed', true, new Date(AT));
    expect(sectionProgress(outline, progress)).toEqual([
      { sectionId: 's1', done: 1, total: 2 },
      { sectionId: 's2', done: 0, total: 1 },
      { sectionId: 's3', done: 0, total: 0 },
    ]);
  });
});

describe('continueTarget', () => {
  it('starts at the first lesson for a new learner', () => {
    expect(continueTarget(outline, emptyProgress())).toEqual({
      lesson: outline.sections[0]?.lessons[0],
      resuming: false,
    });
  });

  it('returns to the last lesson visited while it is unfinished', () => {
    const progress = recordVisit(emptyProgress(), 's1/b', new Date(AT));
    expect(continueTarget(outline, progress)?.lesson.id).toBe('s1/b');
  });

  it('resumes at the very first lesson when that is the one last visited', () => {
    const progress = recordVisit(emptyProgress(), 's1/a', new Date(AT));
    expect(continueTarget(outline, progress)).toEqual({ lesson: outline.sections[0]?.lessons[0], resuming: true });
  });

  it('moves on to the next unfinished lesson once the last one is complete', () => {
    let progress = recordVisit(emptyProgress(), 's1/b', new Date(AT));
    progress = setCompleted(progress, 's1/b', true, new Date(AT));
    expect(continueTarget(outline, progress)).toEqual({ lesson: outline.sections[1]?.lessons[0], resuming: true });
  });

  it('goes back to an earlier unfinished lesson when everything after is done', () => {
    let progress = recordVisit(emptyProgress(), 's2/c', new Date(AT));
    progress = setCompleted(progress, 's2/c', true, new Date(AT));
    expect(continueTarget(outline, progress)?.lesson.id).toBe('s1/a');
  });

  it('returns null when every lesson is complete', () => {
    let progress = emptyProgress();
    for (const id of ['s1/a', 's1/b', 's2/c']) progress = setCompleted(progress, id, true, new Date(AT));
    expect(continueTarget(outline, progress)).toBeNull();
  });
});

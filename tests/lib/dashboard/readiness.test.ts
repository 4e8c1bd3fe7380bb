import { describe, expect, it } from 'vitest';
import {
  latestOutcomes,
  mockScores,
  readiness,
  reviewOutlook,
  studyNext,
  type Outcome,
} from '../../../src/lib/dashboard/readiness';
import type { Attempt } from '../../../src/lib/quiz/history';
import type { StandaloneQuestion } from '../../../src/schemas/quiz';
import { emptyReviewCards } from '../../../src/lib/quiz/review-cards';
import { single, storedCard as card } from '../quiz/fixtures';

const inLesson = (question: StandaloneQuestion, lesson: string, taskStatement = question.taskStatement) => ({
  ...question,
  lesson,
  taskStatement,
});
const questions = new Map(
  [
    single('a', 2),
    single('b', 2),
    inLesson(single('c', 2), 'pricing/token-based-pricing', '2.3'),
    inLesson(single('d', 2), 'pricing/token-based-pricing', '2.3'),
    single('e', 3),
  ].map((question) => [question.id, question]),
);

/** An answer to a question of the given task statement and lesson. */
const outcome = (id: string, taskStatement: string, lesson: string, correct: boolean): Outcome => ({
  question: inLesson(single(id, Number(taskStatement.split('.')[0])), lesson, taskStatement),
  correct,
  at: '2026-12-01T11:00:00.000Z',
});
/** Outcomes in one task statement: `wrong` misses, then `right` right answers. */
const record = (taskStatement: string, wrong: number, right: number) =>
  Array.from({ length: wrong + right }, (_, index) =>
    outcome(`${taskStatement}-${index}`, taskStatement, 'prompt-engineering/writing-effective-prompts', index >= wrong),
  );

function attempt(fields: Partial<Attempt> & Pick<Attempt, 'questionIds' | 'answers'>): Attempt {
  return {
    id: `section:x:${fields.startedAt ?? '2026-12-01T10:00:00.000Z'}`,
    kind: 'section',
    scope: 'x',
    seed: 1,
    checked: [],
    flagged: [],
    startedAt: '2026-12-01T10:00:00.000Z',
    ...fields,
  };
}

describe('latestOutcomes', () => {
  it('counts each question once, with its latest answer', () => {
    const older = attempt({
      questionIds: ['a', 'b'],
      answers: { a: 'c', b: 'b' },
      finishedAt: '2026-12-01T10:10:00.000Z',
    });
    const newer = attempt({
      startedAt: '2026-12-02T10:00:00.000Z',
      questionIds: ['a'],
      answers: { a: 'b' },
      finishedAt: '2026-12-02T10:10:00.000Z',
    });
    const outcomes = latestOutcomes([newer, older], questions);
    expect(outcomes.map(({ question, correct }) => [question.id, correct]).sort()).toEqual([
      ['a', true],
      ['b', true],
    ]);
  });

  it('counts an unanswered question of a finished attempt as wrong, and only checked ones of an open quiz', () => {
    const finished = attempt({ questionIds: ['a', 'b'], answers: { a: 'b' }, finishedAt: '2026-12-01T10:10:00Z' });
    const open = attempt({
      startedAt: '2026-12-03T10:00:00.000Z',
      questionIds: ['c', 'd'],
      answers: { c: 'b', d: 'b' },
      checked: ['c'],
    });
    const outcomes = latestOutcomes([finished, open], questions);
    expect(outcomes.map(({ question, correct }) => [question.id, correct])).toEqual([
      ['a', true],
      ['b', false],
      ['c', true],
    ]);
  });

  it('ignores an open mock exam and questions no longer in the bank', () => {
    const mock = attempt({ kind: 'mock', scope: 'mock', questionIds: ['a'], answers: { a: 'b' }, checked: ['a'] });
    const gone = attempt({ questionIds: ['zz'], answers: { zz: 'b' }, finishedAt: '2026-12-01T10:10:00.000Z' });
    expect(latestOutcomes([mock, gone], questions)).toEqual([]);
  });
});

describe('readiness and studyNext', () => {
  const answers = { a: 'b', b: 'c', c: 'a', d: 'c', e: 'b' };
  const answered = () =>
    readiness(
      latestOutcomes(
        [attempt({ questionIds: ['a', 'b', 'c', 'd', 'e'], answers, finishedAt: '2026-12-01T11:00:00.000Z' })],
        questions,
      ),
    );

  it('gives every exam domain and task statement, with an estimate only where questions were answered', () => {
    const domains = answered();
    expect(domains.map(({ domain, estimate }) => [domain.id, estimate?.correct, estimate?.total])).toEqual([
      [1, undefined, undefined],
      [2, 1, 4],
      [3, 1, 1],
      [4, undefined, undefined],
      [5, undefined, undefined],
    ]);
    const tasks = domains[1]?.tasks ?? [];
    expect(tasks.map((task) => [task.id, task.estimate?.total ?? 0])).toEqual([
      ['2.1', 2],
      ['2.2', 0],
      ['2.3', 2],
    ]);
    expect(tasks[2]?.missedLessons).toEqual(['pricing/token-based-pricing']);
  });

  it('suggests the weakest task statements first, each with the lesson behind its misses', () => {
    const domains = answered();
    const next = studyNext(domains);
    expect(next.map(({ task, lesson }) => [task.id, lesson])).toEqual([
      ['2.3', 'pricing/token-based-pricing'],
      ['2.1', 'what-is-genai/generative-ai-basics'],
    ]);
    expect(studyNext(domains, 1)).toHaveLength(1);
  });

  it('suggests nothing for task statements answered well', () => {
    const allRight = latestOutcomes(
      [attempt({ questionIds: ['a', 'e'], answers: { a: 'b', e: 'b' }, finishedAt: '2026-12-01T11:00:00.000Z' })],
      questions,
    );
    expect(studyNext(readiness(allRight))).toEqual([]);
  });

  it('lists the lessons behind the misses of a task statement, the most missed first', () => {
    const domains = readiness([
      outcome('a', '2.1', 'prompt-engineering/writing-effective-prompts', false),
      outcome('b', '2.1', 'rag-knowledge-bases/bedrock-knowledge-bases', false),
      outcome('c', '2.1', 'rag-knowledge-bases/bedrock-knowledge-bases', false),
      outcome('d', '2.1', 'pricing/token-based-pricing', true),
    ]);
    expect(domains[1]?.tasks[0]?.missedLessons).toEqual([
      'rag-knowledge-bases/bedrock-knowledge-bases',
      'prompt-engineering/writing-effective-prompts',
    ]);
  });

  it('suggests nothing for a task statement answered 80% right or better', () => {
    const next = studyNext(readiness([...record('2.1', 1, 4), ...record('2.3', 2, 3)]));
    expect(next.map(({ task }) => task.id)).toEqual(['2.3']);
  });

  it('ranks the longer record of misses first when two task statements are as weak', () => {
    // 0 of 1 and 1 of 4 right are both 1 in 3 once one right and one wrong answer are added.
    const ranked = (first: Outcome[], second: Outcome[]) =>
      studyNext(readiness([...first, ...second])).map(({ task }) => task.id);
    expect(ranked(record('2.1', 1, 0), record('2.3', 3, 1))).toEqual(['2.3', '2.1']);
    expect(ranked(record('2.1', 3, 1), record('2.3', 1, 0))).toEqual(['2.1', '2.3']);
  });
});

describe('mockScores', () => {
  it('lists finished mock exams oldest first with their scaled estimate', () => {
    const mock = (finishedAt: string, correct: number) =>
      attempt({
        kind: 'mock',
        scope: 'mock',
        questionIds: [],
        answers: {},
        finishedAt,
        result: { correct, total: 65 },
      });
    const scores = mockScores([
      mock('2026-12-03T10:00:00.000Z', 50),
      mock('2026-12-01T10:00:00.000Z', 30),
      attempt({ kind: 'mock', scope: 'mock', questionIds: [], answers: {} }),
      attempt({ kind: 'mock', scope: 'mock', questionIds: [], answers: {}, finishedAt: '2026-12-02T10:00:00.000Z' }),
      attempt({
        questionIds: [],
        answers: {},
        finishedAt: '2026-12-02T10:00:00.000Z',
        result: { correct: 9, total: 9 },
      }),
    ]);
    expect(scores.map(({ correct, scaled, passed }) => [correct, scaled, passed])).toEqual([
      [30, 515, false],
      [50, 792, true],
    ]);
  });

  it('passes a mock exam scaled to exactly 700, and scores one finished with no questions at the minimum', () => {
    const scored = (correct: number, total: number) =>
      mockScores([
        attempt({
          kind: 'mock',
          scope: 'mock',
          questionIds: [],
          answers: {},
          finishedAt: '2026-12-01T10:00:00.000Z',
          result: { correct, total },
        }),
      ])[0];
    // 30 of 45 is two thirds: 100 + 900 × 2/3 = 700.
    expect(scored(30, 45)).toMatchObject({ scaled: 700, passed: true });
    expect(scored(0, 0)).toMatchObject({ scaled: 100, passed: false });
  });
});

describe('reviewOutlook', () => {
  it('counts what is due now and later today, and finds the next due moment', () => {
    const now = new Date(2026, 11, 5, 12, 0);
    const at = (hours: number) => new Date(2026, 11, 5, hours, 0).toISOString();
    const review = {
      ...emptyReviewCards(),
      cards: { a: card(at(9)), b: card(at(18)), c: card(at(20)), d: card(new Date(2026, 11, 8).toISOString()) },
    };
    expect(reviewOutlook(review, now)).toEqual({ dueNow: 1, laterToday: 2, next: new Date(at(18)) });
    expect(reviewOutlook(emptyReviewCards(), now)).toEqual({ dueNow: 0, laterToday: 0, next: null });
  });

  it('counts a review due this very moment as due now, not as the next one', () => {
    const now = new Date(2026, 11, 5, 12, 0);
    const review = {
      ...emptyReviewCards(),
      cards: { a: card(now.toISOString()), b: card(new Date(2026, 11, 5, 18).toISOString()) },
    };
    expect(reviewOutlook(review, now)).toEqual({ dueNow: 1, laterToday: 1, next: new Date(2026, 11, 5, 18) });
  });
});

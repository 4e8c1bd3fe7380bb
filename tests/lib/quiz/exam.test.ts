import { describe, expect, it } from 'vitest';
import { apportion, assembleExam } from '../../../src/lib/quiz/exam';
import type { Question } from '../../../src/schemas/quiz';
import { caseStudy, single } from './fixtures';

function bank(perDomain: Record<number, number>, caseStudies: Question[] = []): Question[] {
  return [
    ...Object.entries(perDomain).flatMap(([domain, count]) =>
      Array.from({ length: count }, (_, index) => single(`d${domain}-${index}`, Number(domain))),
    ),
    ...caseStudies,
  ];
}

const ids = (questions: Question[]) =>
  questions.flatMap((q) => (q.type === 'case-study' ? q.questions.map((p) => p.id) : [q.id]));

describe('apportion', () => {
  it('splits 65 questions by the exam weights, adding up exactly', () => {
    expect(apportion(65, [20, 24, 28, 14, 14])).toEqual([13, 16, 18, 9, 9]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
});

describe('assembleExam', () => {
  it('draws 65 questions by domain weight from a large bank, none twice', () => {
    const exam = assembleExam(bank({ 1: 100, 2: 100, 3: 100, 4: 100, 5: 100 }), { seed: 1 });
    expect(exam.size).toBe(65);
    expect(exam.domains.map((d) => d.drawn)).toEqual([13, 16, 18, 9, 9]);
    expect(new Set(ids(exam.questions)).size).toBe(65);
    expect(exam.adapted).toBe(false);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const questions = bank({ 1: 50, 2: 50, 3: 50, 4: 50, 5: 50 });
    expect(ids(assembleExam(questions, { seed: 7 }).questions)).toEqual(
      ids(assembleExam(questions, { seed: 7 }).questions),
    );
    expect(ids(assembleExam(questions, { seed: 7 }).questions)).not.toEqual(
      ids(assembleExam(questions, { seed: 8 }).questions),
    );
  });

  it("shares a thin domain's shortfall among the others by weight and says so", () => {
    const exam = assembleExam(bank({ 1: 3, 2: 100, 3: 100, 4: 100, 5: 100 }), { seed: 2 });
    expect(exam.size).toBe(65);
    expect(exam.adapted).toBe(true);
    expect(exam.domains[0]).toEqual({ domain: 1, target: 13, available: 3, drawn: 3 });
    expect(
      exam.domains
        .slice(1)
        .map((d) => d.drawn)
        .reduce((a, b) => a + b, 0),
    ).toBe(62);
    expect(exam.domains[2]?.drawn).toBeGreaterThan(exam.domains[3]?.drawn ?? 0);
  });

  it('draws case studies whole and counts their parts', () => {
    const exam = assembleExam(
      bank({ 1: 20, 2: 20, 3: 0, 4: 20, 5: 20 }, [caseStudy('cs1', 3, 3), caseStudy('cs2', 3, 3)]),
      {
        size: 20,
        seed: 3,
      },
    );
    const drawn = ids(exam.questions);
    expect(exam.size).toBe(drawn.length);
    for (const cs of ['cs1', 'cs2']) {
      const parts = drawn.filter((id) => id.startsWith(`${cs}-`));
      expect([0, 3]).toContain(parts.length);
    }
  });

  it('returns what there is when the bank is smaller than the exam', () => {
    const exam = assembleExam(bank({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 2 }), { seed: 4 });
    expect(exam.size).toBe(10);
    expect(exam.adapted).toBe(true);
  });
});

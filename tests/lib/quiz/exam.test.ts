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

  it('gives the places left over to the largest remainders, the first listed among equals', () => {
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(1, [1, 1, 1, 1])).toEqual([1, 0, 0, 0]);
    expect(apportion(3, [1, 2, 2, 1])).toEqual([1, 1, 1, 0]);
    expect(apportion(5, [0, 0])).toEqual([0, 0]);
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

  it('is not adapted when the thinnest domain has just what its weight asks for', () => {
    const exam = assembleExam(bank({ 1: 13, 2: 100, 3: 100, 4: 100, 5: 100 }), { seed: 6 });
    expect(exam.adapted).toBe(false);
    expect(exam.domains.map((d) => d.drawn)).toEqual([13, 16, 18, 9, 9]);
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
    // 10 missing, shared 24 : 28 : 14 : 14 = 3, 3.5, 1.75, 1.75; the largest remainders (domains 4 and 5) round up.
    expect(exam.domains).toEqual([
      { domain: 1, target: 13, available: 3, drawn: 3 },
      { domain: 2, target: 16, available: 100, drawn: 19 },
      { domain: 3, target: 18, available: 100, drawn: 21 },
      { domain: 4, target: 9, available: 100, drawn: 11 },
      { domain: 5, target: 9, available: 100, drawn: 11 },
    ]);
  });

  it('shares a shortfall again when a domain it went to runs out too', () => {
    // Domain 1 lacks 10; domain 4's share would take it past its 10 questions, so the rest goes round again.
    const exam = assembleExam(bank({ 1: 3, 2: 100, 3: 100, 4: 10, 5: 100 }), { seed: 5 });
    expect(exam.size).toBe(65);
    expect(exam.domains.map((d) => d.drawn)).toEqual([3, 19, 22, 10, 11]);
  });

  it("shares an empty domain's questions among all the others by weight", () => {
    const exam = assembleExam(bank({ 1: 100, 2: 100, 3: 100, 4: 0, 5: 100 }), { seed: 8 });
    // Domain 4's 9 shared 20 : 24 : 28 : 14 = 2.09, 2.51, 2.93, 1.47: 2, 2, 2, 1, and the 2 left over go to the
    // largest remainders, domains 3 and 2.
    expect(exam.domains.map((d) => d.drawn)).toEqual([15, 19, 21, 0, 10]);
  });

  it('shares by weight again in a second round, not all to the heaviest domain', () => {
    // Domain 1 lacks 10, shared 3, 3, 2, 2 as above; domains 4 and 5 have 10 each, not 11, so 2 go round again,
    // 24 : 28 = 0.92, 1.08: one to domain 3 and the one left over to domain 2, the larger remainder.
    const exam = assembleExam(bank({ 1: 3, 2: 100, 3: 100, 4: 10, 5: 10 }), { seed: 9 });
    expect(exam.domains.map((d) => d.drawn)).toEqual([3, 20, 22, 10, 10]);
  });

  it('draws case studies whole, passing over one that would overfill its domain and filling the gap elsewhere', () => {
    // 20 questions: targets 4, 5, 5, 3, 3. Domain 3 has only two 3-part case studies: one fits its 5, the other
    // would make 6, so it is passed over and the 2 places left go to the heaviest domain that can fill them.
    const exam = assembleExam(
      bank({ 1: 20, 2: 20, 3: 0, 4: 20, 5: 20 }, [caseStudy('cs1', 3, 3), caseStudy('cs2', 3, 3)]),
      { size: 20, seed: 3 },
    );
    expect(exam.size).toBe(20);
    expect(exam.domains.map((d) => d.drawn)).toEqual([4, 7, 3, 3, 3]);
    const drawn = ids(exam.questions);
    expect(drawn).toHaveLength(20);
    const parts = ['cs1', 'cs2'].map((cs) => drawn.filter((id) => id.startsWith(`${cs}-`)).length);
    expect(parts.sort()).toEqual([0, 3]);
  });

  it('returns what there is when the bank is smaller than the exam', () => {
    const exam = assembleExam(bank({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 2 }), { seed: 4 });
    expect(exam.size).toBe(10);
    expect(exam.domains.map((d) => d.drawn)).toEqual([2, 2, 2, 2, 2]);
    expect(ids(exam.questions)).toHaveLength(10);
    expect(exam.adapted).toBe(true);
  });
});

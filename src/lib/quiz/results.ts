/** What an attempt's answers add up to: overall, per domain and per task statement, and a scaled estimate. */
import type { StandaloneQuestion } from '../../schemas/quiz';
import { examFormat } from '../exam';
import { isCorrect, type Answer } from './scoring';

export interface Tally {
  correct: number;
  total: number;
}

export interface Results extends Tally {
  /** 0 to 100, rounded. */
  percent: number;
  /** A rough equivalent on the exam's 100–1,000 scale; AWS's scaling is not public. */
  scaledEstimate: number;
  passed: boolean;
  byDomain: Record<number, Tally>;
  byTaskStatement: Record<string, Tally & { lessons: string[] }>;
}

function add(tally: Tally | undefined, correct: boolean): Tally {
  return { correct: (tally?.correct ?? 0) + (correct ? 1 : 0), total: (tally?.total ?? 0) + 1 };
}

/** A linear estimate: 0% maps to 100 and 100% to 1,000. */
export function scaledEstimate(share: number) {
  return Math.round(examFormat.minScore + (examFormat.maxScore - examFormat.minScore) * share);
}

export function results(questions: readonly StandaloneQuestion[], answers: Readonly<Record<string, Answer>>): Results {
  const byDomain: Results['byDomain'] = {};
  const byTaskStatement: Results['byTaskStatement'] = {};
  let correct = 0;
  for (const question of questions) {
    const right = isCorrect(question, answers[question.id]);
    if (right) correct += 1;
    byDomain[question.domain] = add(byDomain[question.domain], right);
    const task = byTaskStatement[question.taskStatement];
    byTaskStatement[question.taskStatement] = {
      ...add(task, right),
      lessons: task?.lessons.includes(question.lesson) ? task.lessons : [...(task?.lessons ?? []), question.lesson],
    };
  }
  const share = questions.length === 0 ? 0 : correct / questions.length;
  const scaled = scaledEstimate(share);
  return {
    correct,
    total: questions.length,
    percent: Math.round(share * 100),
    scaledEstimate: scaled,
    passed: scaled >= examFormat.passingScore,
    byDomain,
    byTaskStatement,
  };
}

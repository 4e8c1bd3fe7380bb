/**
 * The study dashboard's reading of the learner's answers: readiness per exam domain and task statement, mock exam
 * scores over time, and what to study next. Each question counts once, with its latest answer, so repeating the
 * same quiz does not inflate the evidence.
 */
import type { StandaloneQuestion } from '../../schemas/quiz';
import { examDomains, examFormat, taskStatements, type ExamDomain } from '../exam';
import type { Attempt } from '../quiz/history';
import { scaledEstimate } from '../quiz/results';
import { dueBy, endOfDay, type ReviewCards } from '../quiz/review-cards';
import { isCorrect } from '../quiz/scoring';
import { cautiousShare, estimate, type Estimate } from './estimate';

/** A question's latest outcome. */
export interface Outcome {
  question: StandaloneQuestion;
  correct: boolean;
  /** When it was answered: the attempt's end, or its start while it is still open. */
  at: string;
}

/**
 * The latest outcome of every question the learner has had feedback on: every question of a finished attempt (an
 * unanswered one counts as wrong, as in the exam) and the checked questions of an open section quiz. An open mock
 * exam gives no feedback yet, so it does not count.
 */
export function latestOutcomes(attempts: readonly Attempt[], questions: ReadonlyMap<string, StandaloneQuestion>) {
  const latest = new Map<string, Outcome>();
  const byTime = [...attempts].sort((a, b) => moment(a).localeCompare(moment(b)));
  for (const attempt of byTime) {
    // Stryker disable next-line ArrayDeclaration: an open mock exam counts nothing; a made-up id would match no question either
    const counted = attempt.finishedAt ? attempt.questionIds : attempt.kind === 'section' ? attempt.checked : [];
    for (const id of counted) {
      const question = questions.get(id);
      if (question)
        latest.set(id, { question, correct: isCorrect(question, attempt.answers[id]), at: moment(attempt) });
    }
  }
  return [...latest.values()];
}

const moment = (attempt: Attempt) => attempt.finishedAt ?? attempt.startedAt;

export interface TaskReadiness {
  id: string;
  title: string;
  /** Null when no question of this task statement has been answered. */
  estimate: Estimate | null;
  /** Lessons of the questions answered wrongly, the most missed first. */
  missedLessons: string[];
}

export interface DomainReadiness {
  domain: ExamDomain;
  estimate: Estimate | null;
  tasks: TaskReadiness[];
}

export function readiness(outcomes: readonly Outcome[]): DomainReadiness[] {
  const tally = (list: readonly Outcome[]) =>
    list.length === 0 ? null : estimate(list.filter((outcome) => outcome.correct).length, list.length);
  return examDomains.map((domain) => ({
    domain,
    estimate: tally(outcomes.filter((outcome) => outcome.question.domain === domain.id)),
    tasks: taskStatements
      .filter((task) => task.id.startsWith(`${domain.id}.`))
      .map((task) => {
        const answered = outcomes.filter((outcome) => outcome.question.taskStatement === task.id);
        return { id: task.id, title: task.title, estimate: tally(answered), missedLessons: mostMissed(answered) };
      }),
  }));
}

function mostMissed(outcomes: readonly Outcome[]) {
  const misses = new Map<string, number>();
  for (const { question, correct } of outcomes)
    if (!correct) misses.set(question.lesson, (misses.get(question.lesson) ?? 0) + 1);
  return [...misses].sort((a, b) => b[1] - a[1]).map(([lesson]) => lesson);
}

/** A task statement worth studying next, and the lesson to open for it. */
export interface Suggestion {
  task: TaskReadiness;
  lesson: string;
}

/**
 * The weakest task statements, those answered below `below` right, ranked by a cautious share so that one wrong
 * answer does not outrank a solid record of misses; each comes with the lesson behind most of its misses.
 */
export function studyNext(domains: readonly DomainReadiness[], limit = 3, below = 0.8): Suggestion[] {
  const weak = domains.flatMap((domain) =>
    domain.tasks.flatMap((task) => {
      const lesson = task.missedLessons[0];
      return task.estimate && task.estimate.share < below && lesson ? [{ task, lesson, estimate: task.estimate }] : [];
    }),
  );
  return weak
    .sort((a, b) => cautiousShare(a.estimate) - cautiousShare(b.estimate) || b.estimate.total - a.estimate.total)
    .slice(0, limit)
    .map(({ task, lesson }) => ({ task, lesson }));
}

/** A finished mock exam as the dashboard charts it. */
export interface MockScore {
  finishedAt: string;
  correct: number;
  total: number;
  scaled: number;
  passed: boolean;
}

/** Finished mock exams, oldest first. */
export function mockScores(attempts: readonly Attempt[]): MockScore[] {
  return attempts
    .flatMap(({ kind, finishedAt, result }) => {
      if (kind !== 'mock' || !finishedAt || !result) return [];
      const scaled = scaledEstimate(result.total === 0 ? 0 : result.correct / result.total);
      return [{ finishedAt, ...result, scaled, passed: scaled >= examFormat.passingScore }];
    })
    .sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
}

/** Mistake reviews: how many are due now, how many more by the end of today, and when the next one falls due. */
export function reviewOutlook(review: ReviewCards, now: Date) {
  const dueNow = dueBy(review, now).length;
  const later = Object.values(review.cards)
    .map((card) => Date.parse(card.due))
    .filter((due) => due > now.getTime());
  return {
    dueNow,
    laterToday: dueBy(review, endOfDay(now)).length - dueNow,
    next: later.length === 0 ? null : new Date(Math.min(...later)),
  };
}

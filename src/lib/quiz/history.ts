/**
 * The learner's quiz attempts as kept in the browser: answers given, questions checked or flagged, and the
 * result once finished. Pure: decoding never throws and keeps every valid attempt.
 */
import type { Answer } from './scoring';
import { isRecord, isTimestamp, keyedRecord, parseObject, problemOf, type Decoded } from '../stored-data';

export const HISTORY_VERSION = 1;

/** The scope of every mock exam attempt (a section quiz's scope is its section). */
export const MOCK_SCOPE = 'mock';

export interface Attempt {
  /** Unique: kind, scope and start time. */
  id: string;
  kind: 'section' | 'mock';
  /** The section id for a section quiz, "mock" for a mock exam. */
  scope: string;
  /** Seeds the order of options, so a review shows what the learner saw. */
  seed: number;
  /** The scored questions, in the order they were asked. */
  questionIds: string[];
  answers: Record<string, Answer>;
  /** Questions whose answer was checked (section quizzes give feedback at once). */
  checked: string[];
  flagged: string[];
  /** The index of the question on screen when the learner last moved (mock exam), so a reload comes back to it. */
  position?: number;
  startedAt: string;
  /** When a timed attempt ends by itself. */
  deadline?: string;
  finishedAt?: string;
  result?: { correct: number; total: number };
}

export interface History {
  version: typeof HISTORY_VERSION;
  attempts: Attempt[];
}

export function emptyHistory(): History {
  return { version: HISTORY_VERSION, attempts: [] };
}

export function encodeHistory(history: History) {
  return JSON.stringify(history);
}

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/** An answer as stored, or null when it is not one. */
function readAnswer(value: unknown): Answer | null {
  if (typeof value === 'string' || isStringList(value)) return value;
  if (isRecord(value) && Object.values(value).every((item) => typeof item === 'string'))
    return keyedRecord(Object.entries(value as Record<string, string>));
  return null;
}

/** An attempt as stored, or null when it cannot be trusted. */
export function readAttempt(value: unknown): Attempt | null {
  if (!isRecord(value)) return null;
  const {
    id,
    kind,
    scope,
    seed,
    questionIds,
    answers,
    checked,
    flagged,
    position,
    startedAt,
    deadline,
    finishedAt,
    result,
  } = value;
  if (typeof id !== 'string' || (kind !== 'section' && kind !== 'mock') || typeof scope !== 'string') return null;
  if (typeof seed !== 'number' || !isStringList(questionIds) || !isRecord(answers) || !isTimestamp(startedAt))
    return null;
  // Only answers to the attempt's own questions are kept.
  const kept = questionIds.flatMap((questionId) =>
    Object.hasOwn(answers, questionId) ? [[questionId, readAnswer(answers[questionId])] as const] : [],
  );
  const checkedIds = checked ?? [];
  const flaggedIds = flagged ?? [];
  if (kept.some(([, answer]) => answer === null) || !isStringList(checkedIds) || !isStringList(flaggedIds)) return null;
  if ((deadline !== undefined && !isTimestamp(deadline)) || (finishedAt !== undefined && !isTimestamp(finishedAt)))
    return null;
  const attempt: Attempt = {
    id,
    kind,
    scope,
    seed,
    questionIds,
    answers: keyedRecord(kept as [string, Answer][]),
    checked: checkedIds,
    flagged: flaggedIds,
    startedAt,
  };
  // A position that does not fit is only a convenience lost: the attempt starts at its first question.
  if (Number.isInteger(position) && (position as number) >= 0 && (position as number) < questionIds.length)
    attempt.position = position as number;
  if (typeof deadline === 'string') attempt.deadline = deadline;
  if (typeof finishedAt === 'string') attempt.finishedAt = finishedAt;
  if (isRecord(result) && typeof result.correct === 'number' && typeof result.total === 'number') {
    attempt.result = { correct: result.correct, total: result.total };
  }
  return attempt;
}

export function decodeHistory(raw: string): Decoded<History> {
  const data = parseObject(raw);
  if (!data || !Array.isArray(data.attempts)) return { value: emptyHistory(), problem: 'unreadable', dropped: 1 };
  const attempts = data.attempts.map(readAttempt);
  const kept = attempts.filter((attempt): attempt is Attempt => attempt !== null);
  const dropped = attempts.length - kept.length;
  const problem = problemOf(data.version, HISTORY_VERSION, dropped);
  const value = { version: HISTORY_VERSION, attempts: kept } as const;
  return problem ? { value, problem, dropped } : { value, dropped };
}

/** The unfinished attempt for a section or the mock exam, if there is one. */
export function openAttempt(history: History, scope: string) {
  return history.attempts.find((attempt) => attempt.scope === scope && !attempt.finishedAt);
}

export function startAttempt(
  history: History,
  start: Pick<Attempt, 'kind' | 'scope' | 'seed' | 'questionIds'> & { now: Date; deadline?: Date },
): History {
  const { now, deadline, ...fields } = start;
  const attempt: Attempt = {
    ...fields,
    id: `${start.kind}:${start.scope}:${now.toISOString()}`,
    answers: {},
    checked: [],
    flagged: [],
    startedAt: now.toISOString(),
    ...(deadline ? { deadline: deadline.toISOString() } : {}),
  };
  // One open attempt per scope: starting again abandons the old one.
  return {
    ...history,
    attempts: [...history.attempts.filter((a) => a.scope !== start.scope || a.finishedAt), attempt],
  };
}

export function updateAttempt(history: History, id: string, change: (attempt: Attempt) => Attempt): History {
  return { ...history, attempts: history.attempts.map((attempt) => (attempt.id === id ? change(attempt) : attempt)) };
}

export const withAnswer = (questionId: string, answer: Answer) => (attempt: Attempt) => ({
  ...attempt,
  answers: { ...attempt.answers, [questionId]: answer },
});

export const withChecked = (questionId: string) => (attempt: Attempt) =>
  attempt.checked.includes(questionId) ? attempt : { ...attempt, checked: [...attempt.checked, questionId] };

export const withFlag = (questionId: string, flagged: boolean) => (attempt: Attempt) => ({
  ...attempt,
  flagged: flagged ? [...new Set([...attempt.flagged, questionId])] : attempt.flagged.filter((id) => id !== questionId),
});

export const withPosition = (index: number) => (attempt: Attempt) => ({ ...attempt, position: index });

export const finished = (result: { correct: number; total: number }, now: Date) => (attempt: Attempt) => ({
  ...attempt,
  finishedAt: now.toISOString(),
  result,
});

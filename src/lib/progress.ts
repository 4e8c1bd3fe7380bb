/**
 * The learner's reading progress as it is kept in the browser: which lessons are complete and where they were last.
 * Pure: decoding never throws, and keeps whatever part of damaged data is still valid.
 */

export const PROGRESS_VERSION = 1;

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Completed lesson ids, each with the time it was marked complete (ISO 8601). */
  completed: Record<string, string>;
  /** The lesson opened most recently, for "continue where you left off". */
  lastVisited: { lessonId: string; at: string } | null;
}

/** What was wrong with stored data; absent when it was read as it was. */
export type ProgressProblem =
  /** Not JSON, or not an object: nothing could be kept. */
  | 'unreadable'
  /** Some entries were invalid and were dropped; the rest was kept. */
  | 'partly-invalid'
  /** Written by a newer version of the course; what this version understands was kept. */
  | 'newer-version';

export interface DecodedProgress {
  progress: Progress;
  problem?: ProgressProblem;
  /** Entries that could not be kept. */
  dropped: number;
}

const LESSON_ID = /^[a-z0-9-]+\/[a-z0-9-]+$/;

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, completed: {}, lastVisited: null };
}

function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function encodeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Reads stored progress, keeping every valid entry of damaged or foreign data. */
export function decodeProgress(raw: string): DecodedProgress {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { progress: emptyProgress(), problem: 'unreadable', dropped: 1 };
  }
  if (!isRecord(data)) return { progress: emptyProgress(), problem: 'unreadable', dropped: 1 };

  const progress = emptyProgress();
  let dropped = 0;

  if (isRecord(data.completed)) {
    for (const [lessonId, at] of Object.entries(data.completed)) {
      if (LESSON_ID.test(lessonId) && isTimestamp(at)) progress.completed[lessonId] = at;
      else dropped += 1;
    }
  } else if (data.completed !== undefined) {
    dropped += 1;
  }

  const visit = data.lastVisited;
  if (
    isRecord(visit) &&
    typeof visit.lessonId === 'string' &&
    LESSON_ID.test(visit.lessonId) &&
    isTimestamp(visit.at)
  ) {
    progress.lastVisited = { lessonId: visit.lessonId, at: visit.at };
  } else if (visit !== null && visit !== undefined) {
    dropped += 1;
  }

  const version = data.version;
  const problem: ProgressProblem | undefined =
    typeof version === 'number' && version > PROGRESS_VERSION
      ? 'newer-version'
      : dropped > 0 || version !== PROGRESS_VERSION
        ? 'partly-invalid'
        : undefined;
  return problem ? { progress, problem, dropped } : { progress, dropped };
}

export function setCompleted(progress: Progress, lessonId: string, done: boolean, now: Date): Progress {
  const others = Object.entries(progress.completed).filter(([id]) => id !== lessonId);
  const completed = Object.fromEntries(done ? [...others, [lessonId, now.toISOString()]] : others);
  return { ...progress, completed };
}

export function recordVisit(progress: Progress, lessonId: string, now: Date): Progress {
  return { ...progress, lastVisited: { lessonId, at: now.toISOString() } };
}

/** The parts of the course outline progress is measured against. */
export interface Outline {
  sections: { id: string; lessons: { id: string; title: string; href: string }[] }[];
}

export function sectionProgress(outline: Outline, progress: Progress) {
  return outline.sections.map((section) => ({
    sectionId: section.id,
    done: section.lessons.filter((lesson) => lesson.id in progress.completed).length,
    total: section.lessons.length,
  }));
}

/**
 * Where "continue" should take the learner: the last lesson they opened if it is unfinished, otherwise the
 * first unfinished lesson after it, otherwise the first unfinished lesson of the course. Null when all are done.
 */
export function continueTarget(outline: Outline, progress: Progress) {
  const lessons = outline.sections.flatMap((section) => section.lessons);
  const unfinished = (lesson: { id: string }) => !(lesson.id in progress.completed);
  const lastIndex = lessons.findIndex((lesson) => lesson.id === progress.lastVisited?.lessonId);
  const afterLast = lastIndex >= 0 ? lessons.slice(lastIndex).find(unfinished) : undefined;
  const target = afterLast ?? lessons.find(unfinished);
  if (!target) return null;
  return { lesson: target, resuming: lastIndex >= 0 };
}

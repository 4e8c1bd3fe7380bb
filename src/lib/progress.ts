/**
 * The learner's reading progress as it is kept in the browser: which lessons are complete and where they were last.
 * Pure: decoding never throws, and keeps whatever part of damaged data is still valid.
 */
import { isRecord, isTimestamp, keyedRecord, parseObject, problemOf, type Decoded } from './stored-data';

export const PROGRESS_VERSION = 1;

export interface Progress {
  version: typeof PROGRESS_VERSION;
  /** Completed lesson ids, each with the time it was marked complete (ISO 8601). */
  completed: Record<string, string>;
  /** The lesson opened most recently, for "continue where you left off". */
  lastVisited: { lessonId: string; at: string } | null;
}

/** A lesson id: "section/lesson", in lower case. */
function isLessonId(id: string) {
  return /^[a-z0-9-]+\/[a-z0-9-]+$/.test(id);
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, completed: {}, lastVisited: null };
}

export function encodeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

/** Reads stored progress, keeping every valid entry of damaged or foreign data. */
export function decodeProgress(raw: string): Decoded<Progress> {
  const data = parseObject(raw);
  if (!data) return { value: emptyProgress(), problem: 'unreadable', dropped: 1 };

  const progress = emptyProgress();
  let dropped = 0;

  if (isRecord(data.completed)) {
    progress.completed = keyedRecord();
    for (const [lessonId, at] of Object.entries(data.completed)) {
      if (isLessonId(lessonId) && isTimestamp(at)) progress.completed[lessonId] = at;
      else dropped += 1;
    }
  } else if (data.completed !== undefined) {
    dropped += 1;
  }

  const visit = data.lastVisited;
  if (isRecord(visit) && typeof visit.lessonId === 'string' && isLessonId(visit.lessonId) && isTimestamp(visit.at)) {
    progress.lastVisited = { lessonId: visit.lessonId, at: visit.at };
  } else if (visit !== null && visit !== undefined) {
    dropped += 1;
  }

  const problem = problemOf(data.version, PROGRESS_VERSION, dropped);
  return problem ? { value: progress, problem, dropped } : { value: progress, dropped };
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
  // From the last lesson opened (the start when there is none), then from the start again.
  const target = lessons.slice(Math.max(lastIndex, 0)).find(unfinished) ?? lessons.find(unfinished);
  if (!target) return null;
  return { lesson: target, resuming: lastIndex >= 0 };
}

/**
 * Backups of what the browser keeps (reading progress, quiz history, mistake-review cards, the playground
 * conversation): exported as one JSON
 * file, and imported by merging into what is there, so nothing already saved is lost and nothing is counted twice.
 * An import is all or nothing: a file that is not a complete, valid backup changes nothing and says why. What the
 * course cannot use (cards and attempts for questions it does not have, fields it does not know) is left out and
 * counted, so the learner is told.
 */
import { decodeConversation, emptyConversation, MAX_TURNS, type Conversation } from './playground/conversation';
import { decodeProgress, type Progress } from './progress';
import { decodeHistory, type History } from './quiz/history';
import { decodeReviewCards, type ReviewCards } from './quiz/review-cards';
import { isRecord, keyedRecord, parseObject, type WriteOutcome } from './stored-data';
import { plural } from './plural';

export const BACKUP_FORMAT = 'aif-c01-course-backup';
export const BACKUP_VERSION = 1;

export interface LearnerData {
  progress: Progress;
  history: History;
  cards: ReviewCards;
  conversation: Conversation;
}

export function createBackup(data: LearnerData, now: Date) {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    progress: data.progress,
    quizHistory: data.history,
    reviewCards: data.cards,
    playground: data.conversation,
  };
}

/** What a backup held that the course cannot use, and left out. */
export interface Skipped {
  /** Mistake-review cards for questions the course does not have. */
  cards: number;
  /** Quiz attempts with a question the course does not have. */
  attempts: number;
  /** Fields the course does not use, wherever they were. */
  fields: number;
}

export type BackupReading = { ok: true; data: LearnerData; skipped: Skipped } | { ok: false; reason: string };

/** Reads a backup file, keeping only cards and attempts for questions in `knownQuestions` (the question bank's ids). */
export function readBackup(text: string, knownQuestions: ReadonlySet<string>): BackupReading {
  const file = parseObject(text);
  if (!file) return { ok: false, reason: 'This file is not a course backup: it is not JSON.' };
  if (file.format !== BACKUP_FORMAT)
    return { ok: false, reason: 'This file is not a course backup: it has no "format" of a backup.' };
  if (typeof file.version !== 'number' || file.version > BACKUP_VERSION) {
    return { ok: false, reason: 'This backup was made by a newer version of the course; update the course first.' };
  }
  const parts = [
    ['progress', decodeProgress(JSON.stringify(file.progress ?? null))],
    ['quiz history', decodeHistory(JSON.stringify(file.quizHistory ?? null))],
    ['mistake review', decodeReviewCards(JSON.stringify(file.reviewCards ?? null))],
    // Backups made before the playground have no conversation.
    [
      'playground conversation',
      file.playground === undefined
        ? { value: emptyConversation(), dropped: 0 }
        : decodeConversation(JSON.stringify(file.playground)),
    ],
  ] as const;
  for (const [name, decoded] of parts) {
    if (decoded.problem) {
      const detail =
        decoded.problem === 'unreadable'
          ? 'is missing or unreadable'
          : `has ${decoded.dropped} damaged entr${decoded.dropped === 1 ? 'y' : 'ies'}`;
      return { ok: false, reason: `The ${name} in this backup ${detail}, so nothing was imported.` };
    }
  }
  const read: LearnerData = {
    progress: parts[0][1].value,
    history: parts[1][1].value,
    cards: parts[2][1].value,
    conversation: parts[3][1].value,
  };
  const known = (questionId: string) => knownQuestions.has(questionId);
  const cards = Object.entries(read.cards.cards).filter(([questionId]) => known(questionId));
  const attempts = read.history.attempts.filter((attempt) => attempt.questionIds.every(known));
  return {
    ok: true,
    data: {
      ...read,
      history: { ...read.history, attempts },
      cards: { ...read.cards, cards: keyedRecord(cards) },
    },
    skipped: {
      cards: Object.keys(read.cards.cards).length - cards.length,
      attempts: read.history.attempts.length - attempts.length,
      // The file's fields against those of a backup of what was read: only the names matter, not the values.
      fields: countLeftOut(file, createBackup(read, new Date())),
    },
  };
}

/**
 * How many fields of `given` (as parsed from a file) have no counterpart in `kept` (what was taken from it). Lists
 * are compared item by item only when no item was dropped: dropped items are counted where they are dropped.
 */
function countLeftOut(given: unknown, kept: unknown): number {
  if (Array.isArray(given)) {
    if (!Array.isArray(kept) || kept.length !== given.length) return 0;
    return given.reduce((total: number, item, index) => total + countLeftOut(item, kept[index]), 0);
  }
  if (!isRecord(given) || !isRecord(kept)) return 0;
  return Object.entries(given).reduce(
    (total, [key, value]) => total + (Object.hasOwn(kept, key) ? countLeftOut(value, kept[key]) : 1),
    0,
  );
}

/** A file's size as file managers show it: "2 KB", "10.5 MB". */
function formatSize(bytes: number) {
  const kilobytes = Math.max(1, Math.round(bytes / 1000));
  return kilobytes < 1000 ? `${kilobytes} KB` : `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** What an import did, for the learner: what this browser now has and what was left out, or why nothing changed. */
export function importMessage(result: { saved: WriteOutcome; now: LearnerData; skipped: Skipped; fileSize: number }) {
  switch (result.saved) {
    case 'full':
      return (
        `Nothing was imported: this browser's storage for the course has no room for this backup ` +
        `(${formatSize(result.fileSize)}) on top of what is already saved here. Everything saved here is as it was.`
      );
    case 'unavailable':
      return 'Nothing was imported: this browser is not letting the course save anything (private browsing or blocked storage).';
    case 'held':
      return (
        'Nothing was imported: some of the data saved here is damaged and could not be copied aside, so the course ' +
        'is leaving it untouched (the notice on this page says which).'
      );
    case 'ok': {
      const { now, skipped } = result;
      const sentences = [
        `Imported. This browser now has ${plural(Object.keys(now.progress.completed).length, 'completed lesson')}, ` +
          `${plural(now.history.attempts.length, 'quiz attempt')}, ` +
          `${plural(Object.keys(now.cards.cards).length, 'question')} to review and ` +
          `${plural(now.conversation.turns.length, 'playground prompt')}.`,
      ];
      const entries = [
        ...(skipped.cards > 0 ? [plural(skipped.cards, 'mistake-review card')] : []),
        ...(skipped.attempts > 0 ? [plural(skipped.attempts, 'quiz attempt')] : []),
      ];
      if (entries.length > 0)
        sentences.push(`Skipped ${entries.join(' and ')} for questions this course does not have.`);
      if (skipped.fields > 0) sentences.push(`Left out ${plural(skipped.fields, 'field')} this course does not use.`);
      return sentences.join(' ');
    }
  }
}

/**
 * Combines saved and imported data: the union of both, the earliest completion, the latest visit and review, and
 * the playground turns of both in time order (the latest MAX_TURNS, as the playground keeps), with this browser's
 * settings.
 */
export function mergeData(current: LearnerData, incoming: LearnerData): LearnerData {
  // Keyed by ids from the data, which may be anything, "__proto__" included.
  const completed = keyedRecord(Object.entries(incoming.progress.completed));
  for (const [lessonId, at] of Object.entries(current.progress.completed)) {
    const other = completed[lessonId];
    // Stryker disable next-line EqualityOperator: at equal times both are the same text.
    completed[lessonId] = other && other < at ? other : at;
  }
  // The latest visit; on a tie, this browser's.
  const [here, there] = [current.progress.lastVisited, incoming.progress.lastVisited];
  const lastVisited = here && there ? (there.at > here.at ? there : here) : (here ?? there);

  const attempts = unionById(current.history.attempts, incoming.history.attempts, (attempt) => attempt.startedAt);

  const cards = keyedRecord(Object.entries(incoming.cards.cards));
  for (const [questionId, card] of Object.entries(current.cards.cards)) {
    const other = cards[questionId];
    // The card reviewed last wins; on a tie, the one already in this browser.
    cards[questionId] = other && (other.last_review ?? '') > (card.last_review ?? '') ? other : card;
  }
  const turns = unionById(current.conversation.turns, incoming.conversation.turns, (turn) => turn.at).slice(-MAX_TURNS);
  const settings = current.conversation.settings ?? incoming.conversation.settings;
  return {
    progress: { ...current.progress, completed, lastVisited },
    history: { ...current.history, attempts },
    cards: { ...current.cards, cards },
    conversation: { ...current.conversation, turns, ...(settings ? { settings } : {}) },
  };
}

/** This browser's items and the incoming ones it lacks (by id), oldest first; on a tie, this browser's first. */
function unionById<T extends { id: string }>(current: readonly T[], incoming: readonly T[], time: (item: T) => string) {
  const known = new Set(current.map((item) => item.id));
  return [...current, ...incoming.filter((item) => !known.has(item.id))].sort(
    (a, b) => Date.parse(time(a)) - Date.parse(time(b)),
  );
}

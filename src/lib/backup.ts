/**
 * Backups of what the browser keeps (reading progress, quiz history, mistake-review cards, the playground
 * conversation): exported as one JSON
 * file, and imported by merging into what is there, so nothing already saved is lost and nothing is counted twice.
 * An import is all or nothing: a file that is not a complete, valid backup changes nothing and says why.
 */
import { decodeConversation, emptyConversation, MAX_TURNS, type Conversation } from './playground/conversation';
import { decodeProgress, type Progress } from './progress';
import { decodeHistory, type History } from './quiz/history';
import { decodeReviewCards, type ReviewCards } from './quiz/review-cards';
import { parseObject } from './stored-data';

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

export type BackupReading = { ok: true; data: LearnerData } | { ok: false; reason: string };

export function readBackup(text: string): BackupReading {
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
  return {
    ok: true,
    data: {
      progress: parts[0][1].value,
      history: parts[1][1].value,
      cards: parts[2][1].value,
      conversation: parts[3][1].value,
    },
  };
}

/**
 * Combines saved and imported data: the union of both, the earliest completion, the latest visit and review, and
 * the playground turns of both in time order (the latest MAX_TURNS, as the playground keeps), with this browser's
 * settings.
 */
export function mergeData(current: LearnerData, incoming: LearnerData): LearnerData {
  const completed = { ...incoming.progress.completed };
  for (const [lessonId, at] of Object.entries(current.progress.completed)) {
    const other = completed[lessonId];
    completed[lessonId] = other && other < at ? other : at;
  }
  const visits = [current.progress.lastVisited, incoming.progress.lastVisited].filter((visit) => visit !== null);
  const lastVisited = visits.sort((a, b) => (a.at < b.at ? 1 : -1))[0] ?? null;

  const attempts = unionById(current.history.attempts, incoming.history.attempts, (attempt) => attempt.startedAt);

  const cards = { ...incoming.cards.cards };
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
  return [...current, ...incoming.filter((item) => !known.has(item.id))].sort((a, b) =>
    time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0,
  );
}

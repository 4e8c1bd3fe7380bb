/**
 * The mistake-review cards as kept in the browser: one per question answered wrongly, with its FSRS state and
 * when it is due. Reading them needs no scheduler, so pages that only count what is due stay small.
 */
import { isRecord, isTimestamp, keyedRecord, parseObject, problemOf, type Decoded } from '../stored-data';
import { plural } from '../plural';

export const REVIEW_VERSION = 1;

/** A card as stored: dates as ISO strings. */
export interface StoredCard {
  due: string;
  stability: number;
  difficulty: number;
  elapsed_days: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  state: number;
  last_review?: string;
}

export interface ReviewCards {
  version: typeof REVIEW_VERSION;
  /** One card per question id. */
  cards: Record<string, StoredCard>;
}

export function emptyReviewCards(): ReviewCards {
  return { version: REVIEW_VERSION, cards: {} };
}

export function encodeReviewCards(value: ReviewCards) {
  return JSON.stringify(value);
}

const NUMBERS = [
  'stability',
  'difficulty',
  'elapsed_days',
  'scheduled_days',
  'learning_steps',
  'reps',
  'lapses',
  'state',
] as const;

/** A card as stored, with only the fields the schedule uses, or null when it cannot be trusted. */
function readCard(value: unknown): StoredCard | null {
  if (!isRecord(value) || !isTimestamp(value.due)) return null;
  const numbers = NUMBERS.map((field) => [field, value[field]] as const);
  if (!numbers.every(([, number]) => Number.isFinite(number))) return null;
  if (value.last_review !== undefined && !isTimestamp(value.last_review)) return null;
  return {
    due: value.due,
    ...(Object.fromEntries(numbers) as Record<(typeof NUMBERS)[number], number>),
    ...(value.last_review === undefined ? {} : { last_review: value.last_review }),
  };
}

export function decodeReviewCards(raw: string): Decoded<ReviewCards> {
  const data = parseObject(raw);
  if (!data || !isRecord(data.cards)) return { value: emptyReviewCards(), problem: 'unreadable', dropped: 1 };
  const cards = keyedRecord<StoredCard>();
  let dropped = 0;
  for (const [questionId, value] of Object.entries(data.cards)) {
    const card = readCard(value);
    if (card) cards[questionId] = card;
    else dropped += 1;
  }
  const problem = problemOf(data.version, REVIEW_VERSION, dropped);
  const value = { version: REVIEW_VERSION, cards } as const;
  return problem ? { value, problem, dropped } : { value, dropped };
}

/** Question ids whose review is due by the given moment, the most overdue first. */
export function dueBy(review: ReviewCards, moment: Date): string[] {
  return Object.entries(review.cards)
    .filter(([, card]) => Date.parse(card.due) <= moment.getTime())
    .sort(([, a], [, b]) => Date.parse(a.due) - Date.parse(b.due))
    .map(([questionId]) => questionId);
}

/** The end of the learner's day, for "due today". */
export function endOfDay(now: Date) {
  const end = new Date(now);
  end.setHours(23, 59, 59, 999);
  return end;
}

const startOfDay = (moment: Date) => new Date(moment.getFullYear(), moment.getMonth(), moment.getDate());

/** When a question comes back, from the moment it was answered: "in 10 minutes", "tomorrow", "in 3 days". */
export function comesBackIn(due: Date, from: Date) {
  const minutes = Math.max(1, Math.round((due.getTime() - from.getTime()) / 60_000));
  if (minutes < 60) return `in ${plural(minutes, 'minute')}`;
  // Calendar days, so that a question due tomorrow morning is "tomorrow" whatever the hour now.
  const days = Math.round((startOfDay(due).getTime() - startOfDay(from).getTime()) / 86_400_000);
  if (days <= 0) return 'later today';
  if (days === 1) return 'tomorrow';
  if (days < 60) return `in ${days} days`;
  return `in about ${Math.round(days / 30)} months`;
}

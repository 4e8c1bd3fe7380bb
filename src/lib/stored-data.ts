/**
 * Reading data the browser kept for us, which may be damaged, hand-edited or written by another version of the
 * course. Decoders never throw: they keep what is valid and say what was wrong.
 */

export type StoredProblem =
  /** Not JSON, or not an object: nothing could be kept. */
  | 'unreadable'
  /** Some entries were invalid and were dropped; the rest was kept. */
  | 'partly-invalid'
  /** Written by a newer version of the course; what this version understands was kept. */
  | 'newer-version';

export interface Decoded<T> {
  value: T;
  problem?: StoredProblem;
  /** Entries that could not be kept. */
  dropped: number;
}

/** Whether the browser saves what the course writes: 'full' when it has no room left, 'unavailable' when it refuses. */
export type StorageHealth = 'ok' | 'full' | 'unavailable';

/**
 * How writing several values together went: all were saved ('ok') or none was. 'held' means one of them would
 * have replaced damaged data that could not be copied aside, which is left untouched.
 */
export type WriteOutcome = StorageHealth | 'held';

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
}

/**
 * A record for keys read from the data itself. It has no prototype, so a key such as "__proto__" stays an ordinary
 * entry instead of replacing the record's prototype.
 */
export function keyedRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const record = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) record[key] = value;
  return record;
}

/** Parses stored JSON; null when it is not a JSON object. */
export function parseObject(raw: string): Record<string, unknown> | null {
  try {
    const data: unknown = JSON.parse(raw);
    return isRecord(data) ? data : null;
  } catch {
    return null;
  }
}

/** The problem to report, from the stored version and the number of entries dropped. */
export function problemOf(storedVersion: unknown, currentVersion: number, dropped: number): StoredProblem | undefined {
  if (typeof storedVersion === 'number' && storedVersion > currentVersion) return 'newer-version';
  return dropped > 0 || storedVersion !== currentVersion ? 'partly-invalid' : undefined;
}

/** A repair of damaged stored data, for the page to report. */
export interface DataRepair {
  /** What the data is, for the learner: "progress", "quiz history". */
  what: string;
  problem: StoredProblem;
  dropped: number;
  /** What was kept, in words: "3 completed lessons". */
  kept: string;
  /** Where the original was copied; or, when the browser refused the copy, why: the original is then left as it was. */
  original: { copiedTo: string } | { leftInPlace: Exclude<WriteOutcome, 'ok'> };
}

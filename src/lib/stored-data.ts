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

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value));
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

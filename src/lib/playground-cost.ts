/**
 * Money in the playground: what a request cost from its token counts and the catalog's prices, and a daily spend
 * cap that reserves a request's worst case before the call and settles on what it actually used.
 */
import type { ChatUsage } from './chat-protocol';
import { parseObject } from './stored-data';

export interface TokenPrice {
  /** US dollars per 1,000 input tokens. */
  inputPer1k: number;
  /** US dollars per 1,000 output tokens. */
  outputPer1k: number;
}

/** US dollars for the tokens at the prices. */
export function costOf(usage: ChatUsage, price: TokenPrice) {
  return (usage.inputTokens * price.inputPer1k + usage.outputTokens * price.outputPer1k) / 1000;
}

/**
 * An upper estimate of the tokens of a text: one token per two characters. English averages about four characters
 * a token, so this errs high, the safe side for a cap. It stands in where Bedrock reports no count: the input of a
 * request before it is sent, and the output of an answer that was stopped or failed.
 */
export function estimateTokens(text: string) {
  return Math.ceil(text.length / 2);
}

/** US dollars held for a running request: its worst case. */
export interface Reservation {
  usd: number;
}

/** What a ledger keeps across restarts of the server: a UTC day and what was spent on it. */
export interface SpendRecord {
  /** YYYY-MM-DD. */
  day: string;
  spentUsd: number;
}

/** A record read back from storage, or undefined when it is not one. */
export function parseSpendRecord(raw: string): SpendRecord | undefined {
  const data = parseObject(raw);
  const { day, spentUsd } = data ?? {};
  if (typeof day !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  // Stryker disable next-line ConditionalExpression: Number.isFinite is false for every non-number too; the typeof check narrows the type.
  if (typeof spentUsd !== 'number' || !Number.isFinite(spentUsd) || spentUsd < 0) return undefined;
  return { day, spentUsd };
}

export type ReserveResult =
  { ok: true; reservation: Reservation } | { ok: false; spentUsd: number; capUsd: number; retryAfterSeconds: number };

/** Spending per UTC day against a cap, with reservations for requests still running. */
export class SpendLedger {
  /** The UTC day of `committed`, once the clock has been read. */
  private day?: string;
  /** US dollars spent on `day`. */
  private committed = 0;
  /** US dollars held for requests still running, whatever day they started. */
  private reserved = 0;
  private readonly capUsd: number;
  private readonly now: () => number;

  /** `saved` is what an earlier run of the server spent; it counts when it is from today. */
  constructor(capUsd: number, now: () => number = Date.now, saved?: SpendRecord) {
    if (!(capUsd >= 0)) throw new RangeError('A spend cap must be 0 US dollars or more');
    this.capUsd = capUsd;
    this.now = now;
    if (saved?.day === this.rollOver()) this.committed = saved.spentUsd;
  }

  /** Holds the amount for a request if the day's spending plus what is held stays within the cap. */
  reserve(usd: number): ReserveResult {
    const day = this.rollOver();
    if (this.committed + this.reserved + usd > this.capUsd) {
      return {
        ok: false,
        spentUsd: this.committed,
        capUsd: this.capUsd,
        retryAfterSeconds: Math.ceil((Date.parse(`${day}T00:00:00Z`) + 86_400_000 - this.now()) / 1000),
      };
    }
    this.reserved += usd;
    return { ok: true, reservation: { usd } };
  }

  /**
   * Replaces a reservation by the actual cost, counted on the day the request ends: a request running at midnight
   * UTC is charged to the new day, which errs on the safe side.
   */
  settle(reservation: Reservation, actualUsd: number) {
    this.rollOver();
    this.reserved = Math.max(0, this.reserved - reservation.usd);
    this.committed += actualUsd;
  }

  /** US dollars spent today, not counting requests still running. */
  get spentTodayUsd() {
    this.rollOver();
    return this.committed;
  }

  /** Today's spending, to keep across a restart. */
  record(): SpendRecord {
    return { day: this.rollOver(), spentUsd: this.committed };
  }

  private rollOver() {
    const day = new Date(this.now()).toISOString().slice(0, 10);
    if (day !== this.day) {
      // Requests still running keep their reservations: they may yet spend all of it.
      this.day = day;
      this.committed = 0;
    }
    return day;
  }
}

/**
 * A per-client rate limiter: each client has a bucket of `burst` tokens that refills at `perMinute` tokens a
 * minute, and each request takes one. Bursts up to `burst` pass at once; a steady client gets `perMinute`.
 */

export interface RateLimit {
  /** Requests a client may make in a burst. */
  burst: number;
  /** Requests a minute a client may sustain. */
  perMinute: number;
}

export type TakeResult = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Buckets above this count are pruned of full ones, so memory stays bounded whatever the number of clients. */
const PRUNE_ABOVE = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly limit: RateLimit;
  private readonly now: () => number;

  constructor(limit: RateLimit, now: () => number = performance.now.bind(performance)) {
    if (!(limit.burst >= 1) || !(limit.perMinute > 0))
      throw new RangeError('A rate limit needs a burst of at least 1 and a positive rate');
    this.limit = limit;
    this.now = now;
  }

  /** Takes a token from the client's bucket if there is one; otherwise says how long until there will be. */
  take(client: string): TakeResult {
    const at = this.now();
    const bucket = this.buckets.get(client);
    const tokens = bucket ? this.refilled(bucket, at) : this.limit.burst;
    if (tokens < 1) {
      const seconds = ((1 - tokens) * 60) / this.limit.perMinute;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(seconds)) };
    }
    if (!bucket && this.buckets.size >= PRUNE_ABOVE) this.prune(at);
    this.buckets.set(client, { tokens: tokens - 1, at });
    return { allowed: true };
  }

  /** How many clients are being tracked. */
  get size() {
    return this.buckets.size;
  }

  private refilled(bucket: { tokens: number; at: number }, at: number) {
    return Math.min(this.limit.burst, bucket.tokens + ((at - bucket.at) / 60_000) * this.limit.perMinute);
  }

  /** Forgets clients whose bucket has refilled: they would start full anyway. */
  private prune(at: number) {
    for (const [client, bucket] of this.buckets) {
      if (this.refilled(bucket, at) >= this.limit.burst) this.buckets.delete(client);
    }
  }
}

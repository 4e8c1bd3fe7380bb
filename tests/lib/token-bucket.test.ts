import { describe, expect, test } from 'vitest';
import { TokenBuckets } from '../../src/lib/token-bucket';

function clock() {
  let now = 0;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('per-client token buckets', () => {
  test('a burst passes at once, then requests pass at the sustained rate', () => {
    const time = clock();
    const buckets = new TokenBuckets({ burst: 3, perMinute: 6 }, time.now);
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, true]);
    // One token every ten seconds.
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    time.advance(4_000);
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterSeconds: 6 });
    time.advance(6_000);
    expect(buckets.take('a').allowed).toBe(true);
    expect(buckets.take('a').allowed).toBe(false);
  });

  test('clients have their own buckets, and a bucket never fills past its burst', () => {
    const time = clock();
    const buckets = new TokenBuckets({ burst: 2, perMinute: 60 }, time.now);
    buckets.take('a');
    buckets.take('a');
    expect(buckets.take('a').allowed).toBe(false);
    expect(buckets.take('b').allowed).toBe(true);
    time.advance(3_600_000);
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, false]);
  });

  test('memory stays bounded: clients whose bucket refilled are forgotten when many are tracked', () => {
    const time = clock();
    const buckets = new TokenBuckets({ burst: 1, perMinute: 60 }, time.now);
    for (let i = 0; i < 10_000; i++) buckets.take(`client ${i}`);
    expect(buckets.size).toBe(10_000);
    time.advance(1_000);
    buckets.take('newcomer');
    expect(buckets.size).toBe(1);
  });

  test('pruning keeps clients still waiting for tokens, so a flood of newcomers cannot reset them', () => {
    const time = clock();
    const buckets = new TokenBuckets({ burst: 1, perMinute: 1 }, time.now);
    expect(buckets.take('spender')).toEqual({ allowed: true });
    for (let i = 0; i < 10_000; i++) buckets.take(`client ${i}`);
    time.advance(1_000);
    buckets.take('newcomer');
    // Everyone's bucket is still refilling one token a minute, so nobody is forgotten.
    expect(buckets.size).toBe(10_002);
    expect(buckets.take('spender')).toEqual({ allowed: false, retryAfterSeconds: 59 });
  });

  test('a limit that would let nothing through is refused', () => {
    expect(() => new TokenBuckets({ burst: 0, perMinute: 10 })).toThrow(/burst of at least 1/);
    expect(() => new TokenBuckets({ burst: 1, perMinute: 0 })).toThrow(RangeError);
  });
});

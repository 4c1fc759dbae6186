// The work queue's rate limiters, on a virtual clock.
// client-go util/workqueue/default_rate_limiters.go; the token bucket is
// golang.org/x/time/rate's Limiter (Reserve().Delay()). Durations are kept in
// nanoseconds as Go's time.Duration is, and truncated where Go converts a
// float64 to a Duration; callers see milliseconds.

export type RateLimiterSpec =
  | { type: 'ItemExponentialFailureRateLimiter'; baseDelayMs: number; maxDelayMs: number }
  | { type: 'ItemFastSlowRateLimiter'; fastDelayMs: number; slowDelayMs: number; maxFastAttempts: number }
  | { type: 'BucketRateLimiter'; qps: number; burst: number }
  | { type: 'MaxOfRateLimiter'; limiters: RateLimiterSpec[] }
  | { type: 'WithMaxWaitRateLimiter'; limiter: RateLimiterSpec; maxDelayMs: number }
  | { type: 'DefaultControllerRateLimiter' }
  | { type: 'DefaultItemBasedRateLimiter' };

/** workqueue.TypedRateLimiter: When (ns), Forget, NumRequeues. */
export interface RateLimiter {
  when(item: string): number;
  forget(item: string): void;
  numRequeues(item: string): number;
}

/** A clock the bucket reads; the scenario advances it. */
export interface Clock {
  now(): number; // ns
}

const MAX_INT64 = 9223372036854775807; // as a float64, 2^63, which is what Go compares against
export const nsFromMs = (ms: number): number => Math.round(ms * 1e6);
export const msFromNs = (ns: number): number => ns / 1e6;

/** TypedItemExponentialFailureRateLimiter: baseDelay * 2^failures, capped at maxDelay. */
export class ItemExponentialFailureRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();
  constructor(private readonly baseDelay: number, private readonly maxDelay: number) {}
  when(item: string): number {
    const exp = this.failures.get(item) ?? 0;
    this.failures.set(item, exp + 1);
    // The backoff is big enough that it may overflow int64; Go checks the float first.
    const backoff = this.baseDelay * Math.pow(2, exp);
    if (backoff > MAX_INT64) return this.maxDelay;
    const calculated = Math.trunc(backoff);
    return calculated > this.maxDelay ? this.maxDelay : calculated;
  }
  numRequeues(item: string): number {
    return this.failures.get(item) ?? 0;
  }
  forget(item: string): void {
    this.failures.delete(item);
  }
}

/** TypedItemFastSlowRateLimiter: fastDelay for the first maxFastAttempts, then slowDelay. */
export class ItemFastSlowRateLimiter implements RateLimiter {
  private readonly failures = new Map<string, number>();
  constructor(private readonly fastDelay: number, private readonly slowDelay: number, private readonly maxFastAttempts: number) {}
  when(item: string): number {
    const n = (this.failures.get(item) ?? 0) + 1;
    this.failures.set(item, n);
    return n <= this.maxFastAttempts ? this.fastDelay : this.slowDelay;
  }
  numRequeues(item: string): number {
    return this.failures.get(item) ?? 0;
  }
  forget(item: string): void {
    this.failures.delete(item);
  }
}

/**
 * TypedBucketRateLimiter over rate.NewLimiter(qps, burst): one shared bucket for
 * every item. x/time/rate reserveN: refill by elapsed × limit up to burst, take one
 * token; a negative balance is the wait, durationFromTokens(-tokens).
 */
export class BucketRateLimiter implements RateLimiter {
  private tokens: number;
  private last: number | null = null;
  constructor(private readonly qps: number, private readonly burst: number, private readonly clock: Clock) {
    this.tokens = burst; // rate.NewLimiter starts full
  }
  when(): number {
    const t = this.clock.now();
    // Limiter.advance
    let last = this.last ?? t;
    if (t < last) last = t;
    const elapsedSeconds = (t - last) / 1e9;
    let tokens = this.tokens + elapsedSeconds * this.qps;
    if (tokens > this.burst) tokens = this.burst;
    // reserveN(t, 1, InfDuration)
    tokens -= 1;
    let wait = 0;
    if (tokens < 0) {
      const duration = (-tokens / this.qps) * 1e9;
      wait = duration > MAX_INT64 ? MAX_INT64 : Math.trunc(duration);
    }
    this.last = t;
    this.tokens = tokens;
    // Reservation.Delay() read at the same virtual instant: timeToAct - now.
    return wait;
  }
  numRequeues(): number {
    return 0;
  }
  forget(): void {}
}

/** TypedMaxOfRateLimiter: every limiter is asked (each counts the failure), the longest wait wins. */
export class MaxOfRateLimiter implements RateLimiter {
  constructor(private readonly limiters: RateLimiter[]) {}
  when(item: string): number {
    let ret = 0;
    for (const l of this.limiters) {
      const curr = l.when(item);
      if (curr > ret) ret = curr;
    }
    return ret;
  }
  numRequeues(item: string): number {
    let ret = 0;
    for (const l of this.limiters) ret = Math.max(ret, l.numRequeues(item));
    return ret;
  }
  forget(item: string): void {
    for (const l of this.limiters) l.forget(item);
  }
}

/** TypedWithMaxWaitRateLimiter: the inner limiter's delay, capped. */
export class WithMaxWaitRateLimiter implements RateLimiter {
  constructor(private readonly limiter: RateLimiter, private readonly maxDelay: number) {}
  when(item: string): number {
    const d = this.limiter.when(item);
    return d > this.maxDelay ? this.maxDelay : d;
  }
  numRequeues(item: string): number {
    return this.limiter.numRequeues(item);
  }
  forget(item: string): void {
    this.limiter.forget(item);
  }
}

/** Builds a limiter from its spec (already validated). */
export function newRateLimiter(spec: RateLimiterSpec, clock: Clock): RateLimiter {
  switch (spec.type) {
    case 'ItemExponentialFailureRateLimiter':
      return new ItemExponentialFailureRateLimiter(nsFromMs(spec.baseDelayMs), nsFromMs(spec.maxDelayMs));
    case 'ItemFastSlowRateLimiter':
      return new ItemFastSlowRateLimiter(nsFromMs(spec.fastDelayMs), nsFromMs(spec.slowDelayMs), spec.maxFastAttempts);
    case 'BucketRateLimiter':
      return new BucketRateLimiter(spec.qps, spec.burst, clock);
    case 'MaxOfRateLimiter':
      return new MaxOfRateLimiter(spec.limiters.map((l) => newRateLimiter(l, clock)));
    case 'WithMaxWaitRateLimiter':
      return new WithMaxWaitRateLimiter(newRateLimiter(spec.limiter, clock), nsFromMs(spec.maxDelayMs));
    case 'DefaultControllerRateLimiter':
      // DefaultTypedControllerRateLimiter: MaxOf(ItemExponentialFailure(5ms, 1000s), Bucket(10 qps, burst 100))
      return new MaxOfRateLimiter([new ItemExponentialFailureRateLimiter(5e6, 1000e9), new BucketRateLimiter(10, 100, clock)]);
    case 'DefaultItemBasedRateLimiter':
      // DefaultTypedItemBasedRateLimiter: ItemExponentialFailure(1ms, 1000s)
      return new ItemExponentialFailureRateLimiter(1e6, 1000e9);
  }
}

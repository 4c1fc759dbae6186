// Exponential back-off, ported from client-go util/flowcontrol/backoff.go with the
// clock passed in (virtual time), plus the kubelet's constants.
//
// kubelet: pkg/kubelet/kubelet.go containerBackOffPeriod = 10s and imageBackOffPeriod = 10s;
// MaxContainerBackOff = MaxImageBackOff = 300s (kubelet config v1beta1). NewBackOff has no
// jitter. An entry is forgotten ("expired") when more than 2 × max (600 s) passes between
// its last update and the event being checked, so a container that ran for over ten
// minutes restarts at once and the sequence starts again.

/** Container restart back-off: 10 s initial, doubling, capped at 300 s. */
export const CONTAINER_BACKOFF = { initialMs: 10_000, maxMs: 300_000 } as const;
/** Image pull back-off: the same figures (pkg/kubelet/kubelet.go imageBackOffPeriod, MaxImageBackOff). */
export const IMAGE_BACKOFF = { initialMs: 10_000, maxMs: 300_000 } as const;

interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

/**
 * flowcontrol.Backoff over virtual time. Every method that upstream reads the
 * clock for takes `nowMs` instead.
 *
 * @example
 *   const b = new Backoff(10_000, 300_000);
 *   b.next('app', 0);            // first failure: entry created at 10 s
 *   b.isInBackOffSince('app', 5_000, 12_000); // 12 - 5 = 7 s < 10 s → true
 */
export class Backoff {
  private readonly entries = new Map<string, Entry>();
  constructor(
    readonly initialMs: number,
    readonly maxMs: number,
  ) {}

  /** The current back-off for `id` (0 when there is no entry). */
  get(id: string): number {
    return this.entries.get(id)?.backoffMs ?? 0;
  }

  /** Moves the back-off to the next step (or starts it at `initialMs` if absent or expired). */
  next(id: string, eventTimeMs: number, nowMs: number = eventTimeMs): void {
    let entry = this.entries.get(id);
    if (!entry || hasExpired(eventTimeMs, entry.lastUpdateMs, this.maxMs)) {
      entry = { backoffMs: this.initialMs, lastUpdateMs: nowMs };
      this.entries.set(id, entry);
    } else {
      entry.backoffMs = Math.min(entry.backoffMs * 2, this.maxMs);
    }
    entry.lastUpdateMs = nowMs;
  }

  reset(id: string): void {
    this.entries.delete(id);
  }

  /** True if less than the current back-off has passed since `eventTimeMs` (the container's FinishedAt). */
  isInBackOffSince(id: string, eventTimeMs: number, nowMs: number): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    if (hasExpired(eventTimeMs, entry.lastUpdateMs, this.maxMs)) return false;
    return nowMs - eventTimeMs < entry.backoffMs;
  }

  /** True if less than the current back-off has passed since the last update (image pulls use this). */
  isInBackOffSinceUpdate(id: string, eventTimeMs: number): boolean {
    const entry = this.entries.get(id);
    if (!entry) return false;
    if (hasExpired(eventTimeMs, entry.lastUpdateMs, this.maxMs)) return false;
    return eventTimeMs - entry.lastUpdateMs < entry.backoffMs;
  }

  /** When the back-off that started at `sinceMs` ends (for scheduling the next attempt). */
  expiresAt(id: string, sinceMs: number): number {
    return sinceMs + this.get(id);
  }

  /** Drops entries not updated for 2 × max, as Backoff.GC does. */
  gc(nowMs: number): void {
    for (const [id, entry] of this.entries) {
      if (nowMs - entry.lastUpdateMs > this.maxMs * 2) this.entries.delete(id);
    }
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }
}

/** After 2 × max without an update the back-off starts again from the beginning. */
function hasExpired(eventTimeMs: number, lastUpdateMs: number, maxMs: number): boolean {
  return eventTimeMs - lastUpdateMs > maxMs * 2;
}

/**
 * The delay before each restart of a container that keeps crashing quickly:
 * restart 1 is immediate, then 10, 20, 40 … seconds, capped at 300.
 *
 * @example crashLoopDelays(8) // [0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]
 */
export function crashLoopDelays(restarts: number, backoff = CONTAINER_BACKOFF): number[] {
  const out: number[] = [];
  let current = 0;
  for (let i = 0; i < restarts; i++) {
    out.push(current);
    current = current === 0 ? backoff.initialMs : Math.min(current * 2, backoff.maxMs);
  }
  return out;
}

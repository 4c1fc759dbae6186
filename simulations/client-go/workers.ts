// A controller's workers on the virtual clock (processNextWorkItem, as every
// controller in kube-controller-manager writes it): each idle worker Gets a
// key, reconciles it for `processMs`, then on success Forget(key), on failure
// AddRateLimited(key), and always Done(key). The queue guarantees no two
// workers ever hold the same key.

import type { RateLimiter } from './rate-limiters.ts';
import { RateLimitingQueue } from './workqueue.ts';

export interface WorkerRun {
  worker: number;
  key: string;
  startMs: number;
  endMs: number;
  ok: boolean;
  /** The delay AddRateLimited chose after a failure. */
  retryAfterMs?: number;
}

export interface WorkersInput {
  workers: number;
  /** Keys added to the queue, each at its time (ms), in time order. */
  adds: Array<{ atMs: number; key: string }>;
  processMs: number;
  /** Whether this attempt (1-based per key) fails. */
  fails: (key: string, attempt: number) => boolean;
  rateLimiter: (queue: RateLimitingQueue) => RateLimiter;
  /** Stop after this virtual time even if work remains. */
  untilMs?: number;
  /** Record each run (off for benchmarks). */
  record?: boolean;
  /** Stop after this many reconciles (reported as truncated). */
  maxRuns?: number;
}

export interface WorkersOutput {
  runs: WorkerRun[];
  /** Each add and what the queue did with it (when recording). */
  adds: Array<{ atMs: number; key: string; outcome: 'queued' | 'deduplicated' | 'behind-worker' | 'shutdown'; retry: boolean }>;
  processed: number;
  failures: number;
  endMs: number;
  maxConcurrentSameKey: number;
  truncated: boolean;
}

export function runWorkers(input: WorkersInput): WorkersOutput {
  const addLog: WorkersOutput['adds'] = [];
  const q = new RateLimitingQueue();
  q.setRateLimiter(input.rateLimiter(q));
  if (input.record) q.onDelayedAdd = (key, outcome) => addLog.push({ atMs: q.now() / 1e6, key, outcome, retry: true });
  const ns = 1e6;
  const busyUntil: number[] = new Array(input.workers).fill(-1); // ns; -1 idle
  const holding: Array<string | null> = new Array(input.workers).fill(null);
  const attempt = new Map<string, number>();
  const runs: WorkerRun[] = [];
  const pendingResult: Array<{ ok: boolean; start: number } | null> = new Array(input.workers).fill(null);
  const untilNs = (input.untilMs ?? Number.MAX_SAFE_INTEGER / ns) * ns;
  let nextAdd = 0;
  let processed = 0;
  let failures = 0;
  let maxSame = 0;
  const held = new Map<string, number>();
  let now = 0;
  let truncated = false;
  for (;;) {
    // 1. Adds due now.
    while (nextAdd < input.adds.length && input.adds[nextAdd].atMs * ns <= now) {
      const a = input.adds[nextAdd++];
      const outcome = q.queue.add(a.key);
      if (input.record) addLog.push({ atMs: now / ns, key: a.key, outcome, retry: false });
    }
    // 2. Workers finishing now.
    for (let w = 0; w < input.workers; w++) {
      if (holding[w] === null || busyUntil[w] > now) continue;
      const key = holding[w] as string;
      const res = pendingResult[w] as { ok: boolean; start: number };
      let retry: number | undefined;
      if (res.ok) q.forget(key);
      else {
        failures++;
        retry = q.addRateLimited(key) / ns;
      }
      q.queue.done(key);
      held.set(key, (held.get(key) ?? 1) - 1);
      processed++;
      if (input.record) runs.push({ worker: w, key, startMs: res.start / ns, endMs: now / ns, ok: res.ok, ...(retry !== undefined ? { retryAfterMs: retry } : {}) });
      holding[w] = null;
      busyUntil[w] = -1;
    }
    if (input.maxRuns !== undefined && processed >= input.maxRuns) {
      truncated = true;
      break;
    }
    // 3. Idle workers take keys.
    for (let w = 0; w < input.workers; w++) {
      if (holding[w] !== null) continue;
      const got = q.queue.get();
      if (!got || got.item === null) break;
      const key = got.item;
      const n = (attempt.get(key) ?? 0) + 1;
      attempt.set(key, n);
      holding[w] = key;
      busyUntil[w] = now + input.processMs * ns;
      pendingResult[w] = { ok: !input.fails(key, n), start: now };
      const h = (held.get(key) ?? 0) + 1;
      held.set(key, h);
      if (h > maxSame) maxSame = h;
    }
    // 4. The next instant something happens.
    let next = Infinity;
    if (nextAdd < input.adds.length) next = Math.min(next, input.adds[nextAdd].atMs * ns);
    for (let w = 0; w < input.workers; w++) if (holding[w] !== null) next = Math.min(next, busyUntil[w]);
    const ready = q.nextReadyAt();
    if (ready !== null) next = Math.min(next, ready);
    if (next === Infinity || next > untilNs) break;
    now = next;
    q.advanceTo(now);
  }
  return { runs, adds: addLog, processed, failures, endMs: now / ns, maxConcurrentSameKey: maxSame, truncated };
}

// One virtual clock for a whole simulated cluster: the API server stamps
// creationTimestamp and deletionTimestamp with it, and every actor (a
// controller, the scheduler, a kubelet) runs as tasks on its queue. Time only
// moves when the next task is due: a simulation of an hour with nothing to do
// costs nothing, and the same input always gives the same order of events.
//
// Ties run in the order they were scheduled, so "the API server wrote, then
// every watcher was told, then they reacted" holds at a single instant.

import { DEFAULT_EPOCH_MS, rfc3339 } from '../apimachinery/time.ts';
import { ActionQueue } from './event-queue.ts';

/** 2025-01-01T00:00:00Z: t = 0 of every simulation unless a scenario says otherwise. */
export { DEFAULT_EPOCH_MS };

/** Limits on one run of the clock (the shared RunBudget's clock part). */
export interface ClockBudget {
  /** Tasks run, in total, over the clock's life. */
  maxSteps: number;
  /** The clock never runs past this virtual time (ms since t = 0). */
  maxVirtualTimeMs: number;
  /** Asked before every task: a reason to stop (another budget, such as writes), or undefined to go on. */
  check?: () => { reason: string; limit: number } | undefined;
}

/** Why a run of the clock stopped. */
export type ClockStop =
  | { reason: 'quiet' } // nothing left to do
  | { reason: 'until' } // reached the time asked for
  | { reason: 'maxSteps'; limit: number }
  | { reason: 'maxVirtualTime'; limit: number }
  | { reason: string; limit: number }; // a budget of the caller's (ClockBudget.check)

/** A task on the queue; it is its own handle (no closure per task: a busy cluster schedules many). */
class Task implements TaskHandle {
  cancelled = false;
  constructor(
    readonly atMs: number,
    readonly label: string,
    readonly run: () => void,
  ) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/** A scheduled task; `cancel()` it to drop it (a stopped timer, an ended watch). */
export interface TaskHandle {
  readonly atMs: number;
  readonly label: string;
  cancel(): void;
}

/**
 * The clock. Times are virtual milliseconds since t = 0; `epochMs` is t = 0 as
 * Unix milliseconds, for API timestamps.
 *
 * @example
 *   const clock = new VirtualClock();
 *   clock.after(10_000, 'resync', () => console.log(clock.now())); // 10000
 *   clock.runUntilQuiet();
 */
export class VirtualClock {
  readonly epochMs: number;
  private nowMs = 0;
  private readonly queue = new ActionQueue<Task>();
  private steps = 0;

  constructor(options: { epochMs?: number } = {}) {
    this.epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  }

  /** Virtual ms since t = 0. */
  now(): number {
    return this.nowMs;
  }

  /** Now as metav1.Time marshals it: RFC 3339, whole seconds, UTC. */
  nowTimestamp(): string {
    return rfc3339(this.epochMs + this.nowMs);
  }

  /** A virtual time as an API timestamp. */
  timestamp(atMs: number): string {
    return rfc3339(this.epochMs + atMs);
  }

  /** Tasks run so far. */
  get stepsRun(): number {
    return this.steps;
  }

  /** Tasks waiting (cancelled ones included until they come up). */
  get pending(): number {
    return this.queue.size;
  }

  /** Runs `run` at virtual time `atMs` (never in the past: a past time means now). */
  at(atMs: number, label: string, run: () => void): TaskHandle {
    const task = new Task(Math.max(atMs, this.nowMs), label, run);
    this.queue.push(task.atMs, task);
    return task;
  }

  /** Runs `run` `delayMs` from now (0: after everything already due now). */
  after(delayMs: number, label: string, run: () => void): TaskHandle {
    return this.at(this.nowMs + Math.max(0, delayMs), label, run);
  }

  /** The time of the next task that will run, or undefined when nothing is scheduled. */
  nextAt(): number | undefined {
    this.dropCancelled();
    return this.queue.peek()?.atMs;
  }

  /** Runs tasks until none is left or a budget is reached. */
  runUntilQuiet(budget: ClockBudget = UNLIMITED): ClockStop {
    return this.run(Infinity, budget);
  }

  /**
   * Runs every task due at or before `untilMs`, then sets the clock to
   * `untilMs` (time passes even when nothing happens).
   */
  runUntil(untilMs: number, budget: ClockBudget = UNLIMITED): ClockStop {
    const stop = this.run(untilMs, budget);
    if (stop.reason === 'until' || stop.reason === 'quiet') this.nowMs = Math.max(this.nowMs, Math.min(untilMs, budget.maxVirtualTimeMs));
    return stop.reason === 'quiet' ? { reason: 'until' } : stop;
  }

  private run(untilMs: number, budget: ClockBudget): ClockStop {
    for (;;) {
      this.dropCancelled();
      const next = this.queue.peek();
      if (next === undefined) return { reason: 'quiet' };
      if (next.atMs > untilMs) return { reason: 'until' };
      if (next.atMs > budget.maxVirtualTimeMs) return { reason: 'maxVirtualTime', limit: budget.maxVirtualTimeMs };
      if (this.steps >= budget.maxSteps) return { reason: 'maxSteps', limit: budget.maxSteps };
      const other = budget.check?.();
      if (other) return other;
      this.queue.pop();
      this.nowMs = next.atMs;
      this.steps++;
      next.item.run();
    }
  }

  private dropCancelled(): void {
    for (let top = this.queue.peek(); top !== undefined && top.item.cancelled; top = this.queue.peek()) this.queue.pop();
  }
}

const UNLIMITED: ClockBudget = { maxSteps: Infinity, maxVirtualTimeMs: Infinity };

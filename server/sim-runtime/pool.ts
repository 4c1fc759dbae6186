// A pool of simulation worker threads with a wall-clock deadline and a heap
// cap per job. Like the Go and Rust playgrounds, every job is bounded: an
// engine that loops forever or allocates without end is terminated, the
// caller gets a clear error (422), the worker is replaced, and the next
// request is served. A job is a run with its view model, or one on-demand
// detail: all engine code a request needs runs here, never on the main thread.
// The event loop only passes messages, so it stays responsive while
// simulations run at full load.

import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { rootPath } from '../paths.ts';
import type { SimulationOutput } from '../../simulations/shared/engine.ts';
import type { DetailOutcome, RunFailure, RunOutcome } from './execute.ts';
import type { WorkerMessage, WorkerReply, WorkerRequest, WorkerTask } from './worker.ts';

export interface PoolOptions {
  size: number;
  deadlineMs: number;
  heapMb: number;
  /** The bundled worker (bundle.ts). */
  workerUrl: URL;
  /** Requests waiting for a worker beyond this many are refused with 503. */
  maxQueue?: number;
  /** A request that waited this long for a worker is refused with 503. */
  queueTimeoutMs?: number;
}

export interface RunOptions {
  /** Per-item detail in the result (default true); see RunContext.detail. */
  detail?: boolean;
  /** Build the engine's view model in the worker too (default true): every rendered run needs it. */
  view?: boolean;
}

interface Job {
  request: WorkerTask;
  resolve: (reply: WorkerReply) => void;
  enqueuedAt: number;
  queueTimer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  job?: Job & { id: number; timer: NodeJS.Timeout; startedAt: number };
}

export const DEFAULT_ENGINE_MODULES = [pathToFileURL(rootPath('simulations', 'registry.ts')).href];

export class SimulationPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** Counters for the benchmark and the health endpoint. */
  readonly stats = { runs: 0, details: 0, deadlines: 0, memory: 0, crashes: 0, refused: 0, replaced: 0 };
  /**
   * How long a job keeps a worker, on average (milliseconds, an exponentially weighted mean
   * over finished jobs, deadlines included): what the wait a busy pool announces is made of.
   */
  private meanJobMs = 50;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.size); i++) this.slots.push(this.spawn());
  }

  /**
   * How long a request arriving now would wait for a worker, in milliseconds: the time
   * until a worker frees up, plus the jobs ahead of it shared among the workers, each
   * taking the mean job time. What `Retry-After` says when the pool is full.
   */
  estimatedWaitMs(): number {
    const now = Date.now();
    // When the first worker frees up: a job younger than the mean is expected to take the mean;
    // one already past it may well run to its deadline (a runaway scenario), so that is counted.
    const remaining = this.slots.map((slot) => {
      if (!slot.job) return 0;
      const elapsed = now - slot.job.startedAt;
      return elapsed < this.meanJobMs ? this.meanJobMs - elapsed : Math.max(0, this.options.deadlineMs - elapsed);
    });
    const firstFree = remaining.length === 0 ? this.meanJobMs : Math.min(...remaining);
    return Math.ceil(firstFree + (this.queue.length / Math.max(1, this.slots.length)) * this.meanJobMs);
  }

  /** The refusal of a full pool, with the wait it estimates (never less than a second). */
  private busy(): RunFailure {
    const seconds = Math.min(600, Math.max(1, Math.ceil(this.estimatedWaitMs() / 1000)));
    return { ...failure(503, 'busy', 'the simulation service is busy; try again in a moment'), retryAfterSeconds: seconds };
  }

  /** Requests waiting for a free worker right now. */
  get queued(): number {
    return this.queue.length;
  }

  /** Waits until every worker has loaded its engines (for start-up and tests). */
  async ready(): Promise<void> {
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.ready) return resolve();
            const check = (message: WorkerMessage) => {
              if (message.type === 'ready') {
                slot.worker.off('message', check);
                resolve();
              }
            };
            slot.worker.on('message', check);
          }),
      ),
    );
  }

  /** Runs a scenario, and builds its view model unless `view` is false. */
  run(engine: string, input: string, { detail = true, view = true }: RunOptions = {}): Promise<RunOutcome> {
    return this.submit({ type: 'run', engine, input, detail, view }) as Promise<RunOutcome>;
  }

  /** One on-demand piece of an output (`Engine.detail`), under the same deadline and heap cap as a run. */
  detail(engine: string, output: SimulationOutput, key: string): Promise<DetailOutcome> {
    return this.submit({ type: 'detail', engine, output, key }) as Promise<DetailOutcome>;
  }

  // The worker answers a run with a RunOutcome and a detail with a DetailOutcome;
  // the failures the pool itself answers (deadline, heap cap, busy) fit both.
  private submit(task: WorkerTask): Promise<WorkerReply> {
    return new Promise((resolve) => {
      if (this.closed) {
        resolve(failure(503, 'busy', 'the server is shutting down'));
        return;
      }
      const job: Job = { request: task, resolve, enqueuedAt: Date.now() };
      const idle = this.slots.find((s) => s.ready && !s.job);
      if (idle) return this.dispatch(idle, job);
      if (this.queue.length >= (this.options.maxQueue ?? 256)) {
        this.stats.refused++;
        resolve(this.busy());
        return;
      }
      job.queueTimer = setTimeout(() => {
        const i = this.queue.indexOf(job);
        if (i >= 0) this.queue.splice(i, 1);
        this.stats.refused++;
        resolve(this.busy());
      }, this.options.queueTimeoutMs ?? 10_000);
      this.queue.push(job);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) {
      clearTimeout(job.queueTimer);
      job.resolve(failure(503, 'busy', 'the server is shutting down'));
    }
    await Promise.all(
      this.slots.map((slot) => {
        if (slot.job) {
          clearTimeout(slot.job.timer);
          slot.job.resolve(failure(503, 'busy', 'the server is shutting down'));
        }
        return slot.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(this.options.workerUrl, {
      resourceLimits: { maxOldGenerationSizeMb: this.options.heapMb, maxYoungGenerationSizeMb: 8 },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'ready') {
        slot.ready = true;
        this.pump(slot);
      } else if (message.type === 'done' && slot.job && slot.job.id === message.id) {
        const job = slot.job;
        slot.job = undefined;
        clearTimeout(job.timer);
        this.recordJobTime(job.startedAt);
        if (job.request.type === 'run') this.stats.runs++;
        else this.stats.details++;
        if (!message.reply.ok && message.reply.kind === 'internal') {
          console.error(`[simulation] ${job.request.engine}: ${message.reply.debug ?? 'internal error'}`);
        }
        job.resolve(message.reply);
        this.pump(slot);
      }
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      if (outOfMemory) this.stats.memory++;
      else {
        this.stats.crashes++;
        console.error('[simulation] worker crashed:', error);
      }
      this.fail(
        slot,
        outOfMemory
          ? failure(422, 'memory', `the simulation used more than ${this.options.heapMb} MB and was stopped`)
          : failure(500, 'internal', 'the simulation worker crashed'),
      );
    });
    worker.on('exit', () => {
      this.fail(slot, failure(500, 'internal', 'the simulation worker stopped unexpectedly'));
    });
    return slot;
  }

  private dispatch(slot: Slot, job: Job): void {
    clearTimeout(job.queueTimer);
    const id = this.nextId++;
    const timer = setTimeout(() => {
      this.stats.deadlines++;
      this.fail(
        slot,
        failure(422, 'deadline', `the simulation ran longer than ${this.options.deadlineMs / 1000} s and was stopped; make the scenario smaller`),
      );
    }, this.options.deadlineMs);
    slot.job = { ...job, id, timer, startedAt: Date.now() };
    slot.worker.postMessage({ id, ...job.request } satisfies WorkerRequest);
  }

  private pump(slot: Slot): void {
    if (!slot.ready || slot.job || this.closed) return;
    const next = this.queue.shift();
    if (next) this.dispatch(slot, next);
  }

  private recordJobTime(startedAt: number): void {
    this.meanJobMs = 0.8 * this.meanJobMs + 0.2 * (Date.now() - startedAt);
  }

  /** Ends a slot's current job with `outcome` and replaces its worker. */
  private fail(slot: Slot, outcome: RunFailure): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return; // already replaced
    if (slot.job) {
      clearTimeout(slot.job.timer);
      this.recordJobTime(slot.job.startedAt);
      slot.job.resolve(outcome);
      slot.job = undefined;
    }
    slot.worker.removeAllListeners('exit');
    void slot.worker.terminate();
    if (this.closed) {
      this.slots.splice(index, 1);
      return;
    }
    this.stats.replaced++;
    this.slots[index] = this.spawn();
  }
}

function failure(status: 422 | 500 | 503, kind: 'deadline' | 'memory' | 'busy' | 'internal', message: string): RunFailure {
  return { ok: false, status, kind, error: { message } };
}

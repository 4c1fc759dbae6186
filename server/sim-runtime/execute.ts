// Runs one simulation: read the YAML, run the engine, build its view model,
// turn bad input into a located error; and serves an engine's on-demand
// details. The worker calls these for every request (so engine code runs under
// the pool's deadline and heap cap, never on the server's main thread); the
// content loader calls executeSimulation at start-up, before any request, for
// every default scenario. Pure apart from timing.

import { performance } from 'node:perf_hooks';
import { ValidationError, type ValidationErrorBody } from '../../simulations/shared/errors.ts';
import { parseManifests, attachPosition, flattenLists, DEFAULT_YAML_LIMITS } from '../../simulations/shared/yaml.ts';
import { checkKubeTypes } from '../../simulations/shared/kube-types.ts';
import {
  DEFAULT_BUDGET,
  type BudgetHit,
  type Engine,
  type EngineDetail,
  type RunBudget,
  type RunContext,
  type SimulationOutput,
  type TraceStep,
} from '../../simulations/shared/engine.ts';

/**
 * A run that gave a result: as stored per learner (with the engine version
 * beside it) and, as `{ ok, result, trace, budgetHit? }`, as the API answers it.
 * `view` is the engine's viewModel of it, built in the worker with the run.
 */
export interface RunSuccess {
  ok: true;
  result: unknown;
  trace: TraceStep[];
  view?: unknown;
  budgetHit?: BudgetHit;
  durationMs?: number;
}

/** A run (or a detail) that gave no result: bad input, a deadline or heap cap, a busy pool, an engine bug. */
export interface RunFailure {
  ok: false;
  error: ValidationErrorBody;
  status: 400 | 422 | 429 | 500 | 503;
  kind: RunFailureKind;
  debug?: string;
  /** For a busy pool: when a try again may be served, in seconds (the pool's estimate of its queue). */
  retryAfterSeconds?: number;
}

export type RunOutcome = RunSuccess | RunFailure;

export type RunFailureKind = 'invalid' | 'deadline' | 'memory' | 'too-large' | 'busy' | 'internal';

/**
 * The most a run's outcome (result, trace and view model, as JSON) may weigh: what the
 * store keeps and what a run's HTTP answer carries stay under a mebibyte, and a scenario
 * that would make more (a thousand nodes by eight hundred Pods) is told to shrink rather
 * than stall every other visitor while megabytes are sent (issue 14, finding 3).
 * The lessons' own scenarios make at most a fifth of this.
 */
export const MAX_OUTPUT_BYTES = 1024 * 1024;

/** The outcome of `Engine.detail` run in a worker: `detail` is null for a key the output does not have. */
export type DetailOutcome = { ok: true; detail: EngineDetail | null } | RunFailure;

export interface ExecuteOptions {
  detail?: boolean;
  /** Build the engine's view model too (default true); the JSON API, which never renders, skips it. */
  view?: boolean;
  /** Lower budgets than DEFAULT_BUDGET (tests); never higher. */
  budget?: Partial<RunBudget>;
  /** A lower bound on the outcome's size than MAX_OUTPUT_BYTES (tests). */
  maxOutputBytes?: number;
}

export function executeSimulation(engine: Engine, input: string, options: ExecuteOptions = {}): RunOutcome {
  const started = performance.now();
  const budget: RunBudget = {
    maxSteps: Math.min(DEFAULT_BUDGET.maxSteps, options.budget?.maxSteps ?? Infinity),
    maxVirtualTimeMs: Math.min(DEFAULT_BUDGET.maxVirtualTimeMs, options.budget?.maxVirtualTimeMs ?? Infinity),
    maxEvents: Math.min(DEFAULT_BUDGET.maxEvents, options.budget?.maxEvents ?? Infinity),
  };
  const ctx: RunContext = { budget, detail: options.detail ?? true };
  try {
    // The same limits for every engine (issue #7): many objects go in a `kind: List`.
    const manifests = parseManifests(input, DEFAULT_YAML_LIMITS);
    // Built-in kinds are type-checked as the API server decodes them, before any engine reads them.
    for (const manifest of flattenLists(manifests)) checkKubeTypes(manifest.object);
    const { result, trace, budgetHit } = engine.run(manifests, ctx);
    const view = options.view !== false && engine.viewModel ? engine.viewModel({ result, trace }) : undefined;
    // Measured here, in the worker, before anything is sent: JSON is what the store and the API carry.
    const bytes = Buffer.byteLength(JSON.stringify({ result, trace, view }));
    if (bytes > (options.maxOutputBytes ?? MAX_OUTPUT_BYTES)) return tooLarge(bytes, options.maxOutputBytes ?? MAX_OUTPUT_BYTES);
    // A budget reached is reported beside the result, the same way for every engine.
    return {
      ok: true,
      result,
      trace,
      ...(view === undefined ? {} : { view }),
      ...(budgetHit ? { budgetHit } : {}),
      durationMs: performance.now() - started,
    };
  } catch (error) {
    return failureOf(engine, error);
  }
}

/** One on-demand piece of an output (`Engine.detail`), with the same error handling as a run. */
export function executeDetail(engine: Engine, output: SimulationOutput, key: string): DetailOutcome {
  try {
    return { ok: true, detail: engine.detail?.(output, key) ?? null };
  } catch (error) {
    return failureOf(engine, error);
  }
}

function tooLarge(bytes: number, limit: number): RunFailure {
  const mb = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  return {
    ok: false,
    error: { message: `the result of this scenario is ${mb(bytes)}, over the ${mb(limit)} a result may be: make the scenario smaller (fewer objects, or a shorter time)` },
    status: 422,
    kind: 'too-large',
  };
}

/** Bad input as a located 400; anything else an engine throws is a bug, a 500 without internals. */
function failureOf(engine: Engine, error: unknown): RunFailure {
  if (error instanceof ValidationError) {
    return { ok: false, error: attachPosition(error).toJSON(), status: 400, kind: 'invalid' };
  }
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return {
      ok: false,
      error: { message: 'the scenario is nested too deeply for this simulation' },
      status: 422,
      kind: 'invalid',
    };
  }
  // Logged by the caller (the pool), with `debug`.
  return {
    ok: false,
    error: { message: `internal error in the ${engine.id} simulation` },
    status: 500,
    kind: 'internal',
    debug: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}

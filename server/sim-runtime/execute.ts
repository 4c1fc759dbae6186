// Runs one simulation: read the YAML, run the engine, turn bad input into a
// located error. The worker calls this for every request; the content loader
// calls it at start-up for every default scenario. Pure apart from timing.

import { performance } from 'node:perf_hooks';
import { ValidationError, type ValidationErrorBody } from '../../simulations/shared/errors.ts';
import { parseManifests, attachPosition, flattenLists, DEFAULT_YAML_LIMITS } from '../../simulations/shared/yaml.ts';
import { checkKubeTypes } from '../../simulations/shared/kube-types.ts';
import { DEFAULT_BUDGET, type BudgetHit, type Engine, type RunBudget, type RunContext, type TraceStep } from '../../simulations/shared/engine.ts';

/** The outcome of a run, as stored per learner and (minus `durationMs`) as the API answers it. */
export type RunOutcome =
  | { ok: true; result: unknown; trace: TraceStep[]; budgetHit?: BudgetHit; durationMs?: number }
  | { ok: false; error: ValidationErrorBody; status: 400 | 422 | 500 | 503; kind: RunFailureKind; debug?: string };

export type RunFailureKind = 'invalid' | 'deadline' | 'memory' | 'busy' | 'internal';

export interface ExecuteOptions {
  detail?: boolean;
  /** Lower budgets than DEFAULT_BUDGET (tests); never higher. */
  budget?: Partial<RunBudget>;
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
    // A budget reached is reported beside the result, the same way for every engine.
    return { ok: true, result, trace, ...(budgetHit ? { budgetHit } : {}), durationMs: performance.now() - started };
  } catch (error) {
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
    // A bug in an engine: reported without internals, logged by the caller.
    return {
      ok: false,
      error: { message: `internal error in the ${engine.id} simulation` },
      status: 500,
      kind: 'internal',
      debug: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

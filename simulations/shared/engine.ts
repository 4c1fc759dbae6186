// The contract every simulation engine implements. See docs/ENGINES.md.
//
// An engine is pure: no I/O, no Express, no Date.now(), no Math.random(). It
// takes the learner's parsed manifests and returns plain data. The server runs
// it (run, viewModel and detail alike) in a worker thread with a deadline and a
// heap cap; the same data is rendered by the engine's handlebars partial and
// returned by the JSON API.

import type { Manifest } from './yaml.ts';

/** One step of the "why" trace: what happened and which upstream rule says so. */
export interface TraceStep {
  /** One sentence: what happened or was decided. */
  title: string;
  /** Optional longer explanation (plain text). */
  detail?: string;
  /** Virtual time in milliseconds since the start, for clocked engines. */
  at?: number;
  /** What the step is about: a Pod, a node, a container, a field path. */
  subject?: string;
  /** The upstream source the rule comes from, e.g. "pkg/kubelet/kuberuntime/kuberuntime_manager.go". */
  source?: string;
  /** How the view should weigh it. */
  level?: 'info' | 'decision' | 'warning';
}

/** What `run` returns: plain, JSON-serialisable data. */
export interface SimulationOutput<TResult = unknown> {
  result: TResult;
  trace: TraceStep[];
  /** Set when the run stopped at a budget (RunBudget or an engine's own cap): the runtime reports it the same way for every engine. */
  budgetHit?: BudgetHit;
}

/** A budget a run reached, and where. */
export interface BudgetHit {
  /** Which budget: "maxSteps", "maxEvents", "maxVirtualTime", or an engine's own ("maxOomKills"). */
  reason: string;
  limit: number;
  /** Virtual seconds at which the clock stopped, for clocked engines. */
  atSeconds?: number;
}

/** The budget hit an engine's result reports as `truncated: { reason, limit, at? }`, if any. */
export function budgetHitOf(truncated: { reason: string; limit: number; at?: number } | null | undefined): BudgetHit | undefined {
  if (!truncated) return undefined;
  return { reason: truncated.reason, limit: truncated.limit, ...(truncated.at === undefined ? {} : { atSeconds: truncated.at }) };
}

/** Limits the runtime passes to every run (the shared budgets of the hardening issue). */
export interface RunBudget {
  /** Engines that iterate over work items (pods × nodes, events, ticks) stop at this many and report it. */
  maxSteps: number;
  /** Clocked engines never simulate past this many milliseconds of virtual time. */
  maxVirtualTimeMs: number;
  /** Cap on events or timeline entries an engine emits. */
  maxEvents: number;
}

export const DEFAULT_BUDGET: RunBudget = {
  maxSteps: 50_000_000,
  maxVirtualTimeMs: 24 * 60 * 60 * 1000,
  maxEvents: 10_000,
};

export interface RunContext {
  budget: RunBudget;
  /** When false, engines may drop per-item detail to run faster (scheduler `trace: false`). */
  detail: boolean;
}

/**
 * A simulation engine.
 *
 * @example
 *   export const engine: Engine<ScheduleResult> = {
 *     id: 'scheduler',
 *     version: '1',
 *     title: 'kube-scheduler',
 *     summary: 'Filter and score plugins over real Node and Pod manifests.',
 *     view: 'scheduler/result',
 *     run(manifests, ctx) { ... return { result, trace }; },
 *   };
 */
export interface Engine<TResult = unknown, TView = unknown> {
  /** Registry key and the word after ```sim in lessons: kebab-case. */
  readonly id: string;
  /**
   * The version of what this engine outputs: the result's shape and meaning,
   * the view model and the partial that render it. Learners' outputs are stored
   * with it, and a stored output of another version is recomputed from its
   * input rather than fed to a newer view. Any string ('1', '2', ...): bump it
   * whenever the result shape or semantics, the view model or the partial change.
   */
  readonly version: string;
  readonly title: string;
  /** One sentence for the UI and the API. */
  readonly summary: string;
  /** The handlebars partial that renders `{ output, view }`: "<folder>/<file>" under simulations/<folder>/views/. */
  readonly view: string;
  /**
   * Validates the manifests and simulates. Throws ValidationError (with
   * `object` and `path`, so the runtime can find the line) for bad input;
   * returns everything else, including "this Pod cannot be scheduled", as data.
   */
  run(manifests: readonly Manifest[], ctx: RunContext): SimulationOutput<TResult>;
  /**
   * Optional: turns the output into exactly what the partial needs (strings,
   * percentages, SVG coordinates), so templates stay logic-free. Pure. Runs in
   * the worker right after `run`, within the same deadline and heap cap; the
   * view model travels (and is stored) with the output.
   */
  viewModel?(output: SimulationOutput<TResult>): TView;
  /**
   * Optional: a piece of the output too large to print on the page for every
   * moment (`kubectl describe` at each step of a Pod's life), served on demand
   * at /lessons/<slug>/cells/<id>/details/<key>. Pure; undefined for a key the
   * output does not have. Runs in the worker, with the deadline and heap cap of `run`.
   */
  detail?(output: SimulationOutput<TResult>, key: string): EngineDetail | undefined;
}

/** What `Engine.detail` returns: a title and the text shown in a <pre>. */
export interface EngineDetail {
  title: string;
  text: string;
}

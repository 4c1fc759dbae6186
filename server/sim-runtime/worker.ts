// A simulation worker thread: serves one request at a time, a run (with its
// view model) or an on-demand detail. The pool enforces the deadline and heap
// cap from outside, by terminating this thread, so engine code that loops
// forever or allocates without end, in run, viewModel or detail alike, cannot
// hurt the server. bundle.ts builds this file together with the engines into
// the worker's entry.

import { parentPort } from 'node:worker_threads';
import type { Engine, SimulationOutput } from '../../simulations/shared/engine.ts';
import { executeDetail, executeSimulation, type DetailOutcome, type RunFailure, type RunOutcome } from './execute.ts';

/** What the pool asks of a worker: a run (and its view model), or one detail of an output. */
export type WorkerTask =
  | { type: 'run'; engine: string; input: string; detail: boolean; view: boolean }
  | { type: 'detail'; engine: string; output: SimulationOutput; key: string };

export type WorkerRequest = WorkerTask & { id: number };

/** What a worker answers: a run's outcome for a run, a detail's for a detail. */
export type WorkerReply = RunOutcome | DetailOutcome;

export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; reply: WorkerReply };

/** What an engine module exports: the registry's `engines`, or one `engine`. */
export interface EngineModule {
  engines?: ReadonlyMap<string, Engine> | Engine[];
  engine?: Engine;
}

export function startWorker(modules: EngineModule[]): void {
  const engines = new Map<string, Engine>();
  for (const mod of modules) {
    const list = mod.engines ? [...mod.engines.values()] : mod.engine ? [mod.engine] : [];
    for (const engine of list) engines.set(engine.id, engine);
  }
  const port = parentPort;
  if (!port) throw new Error('startWorker runs in a worker thread');
  port.on('message', (request: WorkerRequest) => {
    port.postMessage({ type: 'done', id: request.id, reply: serve(engines, request) } satisfies WorkerMessage);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

function serve(engines: ReadonlyMap<string, Engine>, request: WorkerRequest): WorkerReply {
  const engine = engines.get(request.engine);
  if (!engine) return unknownEngine(request.engine);
  if (request.type === 'detail') return executeDetail(engine, request.output, request.key);
  return executeSimulation(engine, request.input, { detail: request.detail, view: request.view });
}

function unknownEngine(id: string): RunFailure {
  return { ok: false, error: { message: `unknown simulation "${id}"` }, status: 400, kind: 'invalid' };
}

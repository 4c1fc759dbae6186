// A simulation worker thread: runs one request at a time. The pool enforces
// the deadline and heap cap from outside, by terminating this thread, so an
// engine that loops forever cannot hurt the server. bundle.ts builds this file
// together with the engines into the worker's entry.

import { parentPort } from 'node:worker_threads';
import type { Engine } from '../../simulations/shared/engine.ts';
import { executeSimulation, type RunOutcome } from './execute.ts';

export interface WorkerRequest {
  id: number;
  engine: string;
  input: string;
  detail: boolean;
}

export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; outcome: RunOutcome };

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
    const engine = engines.get(request.engine);
    const outcome: RunOutcome = engine
      ? executeSimulation(engine, request.input, { detail: request.detail })
      : { ok: false, error: { message: `unknown simulation "${request.engine}"` }, status: 400, kind: 'invalid' };
    port.postMessage({ type: 'done', id: request.id, outcome } satisfies WorkerMessage);
  });
  port.postMessage({ type: 'ready' } satisfies WorkerMessage);
}

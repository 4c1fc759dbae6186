// A simulation worker thread: loads the engines once, then runs one request at
// a time. The pool enforces the deadline and heap cap from outside, by
// terminating this thread, so an engine that loops forever cannot hurt the server.

import { parentPort, workerData } from 'node:worker_threads';
import type { Engine } from '../../simulations/shared/engine.ts';
import { executeSimulation } from './execute.ts';

export interface WorkerRequest {
  id: number;
  engine: string;
  input: string;
  detail: boolean;
}

export type WorkerMessage = { type: 'ready' } | { type: 'done'; id: number; outcome: ReturnType<typeof executeSimulation> };

const { engineModules } = workerData as { engineModules: string[] };

async function loadEngines(): Promise<Map<string, Engine>> {
  const engines = new Map<string, Engine>();
  for (const url of engineModules) {
    const mod = (await import(url)) as { engines?: ReadonlyMap<string, Engine> | Engine[]; engine?: Engine };
    const list = mod.engines ? [...mod.engines.values()] : mod.engine ? [mod.engine] : [];
    for (const engine of list) engines.set(engine.id, engine);
  }
  return engines;
}

const engines = await loadEngines();
const port = parentPort!;
port.on('message', (request: WorkerRequest) => {
  const engine = engines.get(request.engine);
  const outcome = engine
    ? executeSimulation(engine, request.input, { detail: request.detail })
    : ({ ok: false, error: { message: `unknown simulation "${request.engine}"` }, status: 400, kind: 'invalid' } as const);
  port.postMessage({ type: 'done', id: request.id, outcome } satisfies WorkerMessage);
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);

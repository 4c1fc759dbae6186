// Engines used only by the platform's own tests, so the notebook, the worker
// pool and the hardening can be tested without depending on a real engine:
//
// - `inventory` lists the objects of a scenario (and validates metadata.name);
// - `runaway` loops forever when a ConfigMap says so (deadline tests);
// - `hog` allocates memory without end (heap cap tests);
// - `crash` throws a programmer error (500 handling).

import type { Engine } from '../../simulations/shared/engine.ts';
import { ValidationError } from '../../simulations/shared/errors.ts';

export interface InventoryResult {
  count: number;
  objects: { kind: string; name: string; namespace: string }[];
  kinds: string[];
}

export const inventory: Engine<InventoryResult> = {
  id: 'inventory',
  title: 'Inventory (test engine)',
  summary: 'Lists the objects of a scenario.',
  view: 'inventory/result',
  run(manifests) {
    const objects = manifests.map(({ object }) => {
      const metadata = object.metadata;
      if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
        throw new ValidationError('Required value', { object, path: ['metadata'] });
      }
      const name = (metadata as Record<string, unknown>).name;
      if (typeof name !== 'string' || name === '') {
        throw new ValidationError('Required value: every object needs a name', { object, path: ['metadata', 'name'] });
      }
      const namespace = (metadata as Record<string, unknown>).namespace;
      return { kind: object.kind, name, namespace: typeof namespace === 'string' ? namespace : 'default' };
    });
    return {
      result: { count: objects.length, objects, kinds: [...new Set(objects.map((o) => o.kind))].sort() },
      trace: objects.map((o, i) => ({ title: `read ${o.kind} ${o.namespace}/${o.name}`, subject: o.name, at: i * 1000 })),
    };
  },
};

export const runaway: Engine = {
  id: 'runaway',
  title: 'Runaway (test engine)',
  summary: 'Loops forever.',
  view: 'runaway/result',
  run(manifests) {
    if (manifests.some((m) => m.object.kind === 'ConfigMap')) {
      for (;;) {
        // spin: the pool's deadline must stop this
      }
    }
    return { result: { ok: true }, trace: [] };
  },
};

export const hog: Engine = {
  id: 'hog',
  title: 'Hog (test engine)',
  summary: 'Allocates memory without end.',
  view: 'hog/result',
  run() {
    const keep: number[][] = [];
    // Many mid-sized arrays, the way a runaway engine would grow: V8 then reaches
    // the worker's heap limit through the near-heap-limit path, which Node turns
    // into ERR_WORKER_OUT_OF_MEMORY. (One single allocation far beyond the cap can
    // instead abort the whole process: engines bound their own sizes for that reason.)
    for (;;) keep.push(new Array(1_000_000).fill(keep.length + 0.5));
  },
};

export const crash: Engine = {
  id: 'crash',
  title: 'Crash (test engine)',
  summary: 'Throws a programmer error.',
  view: 'crash/result',
  run() {
    throw new TypeError('cannot read properties of undefined (a deliberate bug)');
  },
};

export const engines: ReadonlyMap<string, Engine> = new Map([inventory, runaway, hog, crash].map((e) => [e.id, e as Engine]));

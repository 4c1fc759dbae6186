// Engines used only by the platform's own tests, so the notebook, the worker
// pool and the hardening can be tested without depending on a real engine:
//
// - `inventory` lists the objects of a scenario (and validates metadata.name),
//   with one detail per object (`object-0`, `object-1`, ...);
// - `runaway` loops forever in `run` when the scenario has a ConfigMap, and
//   (for a minute) in `viewModel` when it has a Secret and in `detail` for the
//   key `spin` (deadline tests: all engine code a request needs runs in the worker);
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
  version: '1',
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
  detail(output, key) {
    const match = /^object-(\d+)$/.exec(key);
    const object = match ? output.result.objects[Number(match[1])] : undefined;
    return object ? { title: `${object.kind} ${object.name}`, text: `kind: ${object.kind}\nname: ${object.name}\nnamespace: ${object.namespace}\n` } : undefined;
  },
};

export const runaway: Engine<{ ok: true; spin?: 'viewModel' }> = {
  id: 'runaway',
  version: '1',
  title: 'Runaway (test engine)',
  summary: 'Loops forever.',
  view: 'runaway/result',
  run(manifests) {
    if (manifests.some((m) => m.object.kind === 'ConfigMap')) {
      for (;;) {
        // spin: the pool's deadline must stop this
      }
    }
    // A Secret leaves the spinning to the view model.
    return { result: manifests.some((m) => m.object.kind === 'Secret') ? { ok: true, spin: 'viewModel' } : { ok: true }, trace: [] };
  },
  viewModel(output) {
    // A view model is engine code too: the same deadline must stop it.
    if (output.result.spin === 'viewModel') spinForAMinute();
    return { calm: true };
  },
  detail(_output, key) {
    // And so is a detail.
    if (key === 'spin') spinForAMinute();
    return key === 'calm' ? { title: 'calm', text: 'nothing happened\n' } : undefined;
  },
};

/**
 * Forever, as far as any deadline of the tests is concerned (they stop runs
 * after 0.5 to 2 s). Bounded, unlike `run`'s loop, so that if this ever ran on
 * the server's main thread the request would come back late and the test fail,
 * instead of hanging the whole test run.
 */
function spinForAMinute(): void {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    // spin
  }
}

export const hog: Engine = {
  id: 'hog',
  version: '1',
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
  version: '1',
  title: 'Crash (test engine)',
  summary: 'Throws a programmer error.',
  view: 'crash/result',
  run() {
    throw new TypeError('cannot read properties of undefined (a deliberate bug)');
  },
};

export const engines: ReadonlyMap<string, Engine> = new Map([inventory, runaway, hog, crash].map((e) => [e.id, e as Engine]));

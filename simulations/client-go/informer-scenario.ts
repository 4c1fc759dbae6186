// sharedInformerScenario (contracts/clientgo.md): handlers on a SharedIndexInformer over a
// FakeControllerSource, driven op by op on a virtual clock.

import { SharedInformerSim } from './shared-informer.ts';
import type { InformerNotification } from './shared-informer.ts';
import type { KubeObject } from './types.ts';
import { bool, fail, kubeObject, list, num, oneOf, record, str } from './validate.ts';

export type InformerOp =
  | { op: 'addEventHandler'; name: string; resyncPeriodMs?: number }
  | { op: 'run' }
  | { op: 'advance'; ms: number }
  | { op: 'serverAdd' | 'serverModify' | 'serverDelete'; object: KubeObject; dropWatch?: boolean }
  | { op: 'resetWatch' }
  | { op: 'resyncPeriods' };

const OPS = ['addEventHandler', 'run', 'advance', 'serverAdd', 'serverModify', 'serverDelete', 'resetWatch', 'resyncPeriods'] as const;
const MAX_VIRTUAL_MS = 366 * 24 * 3600 * 1000;
const MAX_TIMERS = 1_000_000;
const MAX_NOTIFICATIONS = 2_000_000;

/**
 * Handlers on a shared informer and what each is told, op by op.
 *
 * @example
 *   sharedInformerScenario({ defaultResyncPeriodMs: 1000, objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod1' } }],
 *     ops: [{ op: 'addEventHandler', name: 'h', resyncPeriodMs: 1000 }, { op: 'run' }, { op: 'advance', ms: 1000 }] })
 *   // notifications: h add pod1 rv 1 (initial list) during op 1; h update pod1 rv 1 (a resync) during op 2
 */
export function sharedInformerScenario(input: { defaultResyncPeriodMs: number; objects?: KubeObject[]; ops: InformerOp[] }): {
  results: unknown[];
  notifications: InformerNotification[];
} {
  const inp = record(input, []);
  const sim = new SharedInformerSim(num(inp.defaultResyncPeriodMs, ['defaultResyncPeriodMs'], { min: 0, max: MAX_VIRTUAL_MS }));
  if (inp.objects !== undefined) list(inp.objects, ['objects'], 100_000).forEach((o, i) => sim.serverChange('ADDED', kubeObject(o, ['objects', i]), false));
  const results: unknown[] = [];
  let elapsed = 0;
  list(inp.ops, ['ops'], 100_000).forEach((raw, i) => {
    const path = ['ops', i];
    const o = record(raw, path);
    const op = oneOf(o.op, [...path, 'op'], OPS);
    sim.setOp(i);
    let result: unknown = null;
    switch (op) {
      case 'addEventHandler':
        sim.addEventHandler(str(o.name, [...path, 'name']), o.resyncPeriodMs === undefined ? undefined : num(o.resyncPeriodMs, [...path, 'resyncPeriodMs'], { min: 0, max: MAX_VIRTUAL_MS }));
        break;
      case 'run':
        sim.run();
        break;
      case 'advance': {
        const ms = num(o.ms, [...path, 'ms'], { min: 0, max: MAX_VIRTUAL_MS });
        elapsed += ms;
        if (elapsed > MAX_VIRTUAL_MS) fail([...path, 'ms'], `the scenario may last at most ${MAX_VIRTUAL_MS} ms of virtual time`);
        sim.advance(ms, MAX_TIMERS);
        if (sim.timersFired > MAX_TIMERS) fail([...path, 'ms'], `this advance fires more than ${MAX_TIMERS} timers; advance less or resync less often`);
        break;
      }
      case 'serverAdd':
      case 'serverModify':
      case 'serverDelete': {
        const obj = kubeObject(o.object, [...path, 'object']);
        const dropWatch = o.dropWatch === undefined ? false : bool(o.dropWatch, [...path, 'dropWatch']);
        sim.serverChange(op === 'serverAdd' ? 'ADDED' : op === 'serverModify' ? 'MODIFIED' : 'DELETED', obj, dropWatch);
        break;
      }
      case 'resetWatch':
        sim.resetWatch();
        break;
      case 'resyncPeriods':
        result = sim.resyncPeriods();
        break;
    }
    if (sim.notifications.length > MAX_NOTIFICATIONS) fail(path, `more than ${MAX_NOTIFICATIONS} notifications`);
    results.push(result);
  });
  return { results, notifications: sim.notifications };
}

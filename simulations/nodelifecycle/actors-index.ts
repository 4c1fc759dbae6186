// One import point for the engine's actors.
export { disruptionActor, kubelet, nodeLifecycleActor, standInScheduler, taintEvictionActor } from './actors.ts';
import type { Actor } from '../apiserver/cluster.ts';
import { kubectlDrain } from './drain-actor.ts';
import type { DrainRecord } from './drain-actor.ts';
import type { DrainInput } from './schema.ts';

/** kubectl drain, telling the engine which Pods it asked to evict. */
export function kubectlDrainWithAttribution(d: DrainInput, record: DrainRecord, onEvicted: (key: string) => void): Actor {
  const inner = kubectlDrain(d, record);
  return {
    name: inner.name,
    start(ctx) {
      inner.start(ctx);
      ctx.watch('v1', 'Pod', (e) => {
        const meta = e.object.metadata as Record<string, unknown> | undefined;
        const conds = ((e.object.status as Record<string, unknown> | undefined)?.conditions ?? []) as { type?: string; reason?: string }[];
        if (Array.isArray(conds) && conds.some((c) => c.type === 'DisruptionTarget' && c.reason === 'EvictionByEvictionAPI')) onEvicted(`${meta?.namespace}/${meta?.name}`);
      });
    },
  };
}

// The resources-oom engine: memory over time, OOM kills, eviction, admission.
import { budgetHitOf, type Engine } from '../shared/engine.ts';
import { flattenLists } from '../shared/yaml.ts';
import { simulateMemory } from './simulate.ts';
import type { MemoryResult } from './simulate.ts';
import { buildView } from './view-model.ts';
import type { ResourcesView } from './view-model.ts';

export const engine: Engine<MemoryResult, ResourcesView> = {
  id: 'resources-oom',
  version: '3',
  title: 'Memory, OOM kills and eviction',
  summary: 'Containers’ memory on a virtual clock against their limits (kernel OOM killer) and the node’s eviction thresholds (kubelet), with QoS, oom_score_adj, LimitRange and ResourceQuota.',
  view: 'resources-oom/result',
  run(manifests, ctx) {
    // Many Pods fit in one `kind: List` document (the shared limit is 100 documents).
    const objects = flattenLists(manifests).map((m) => m.object);
    const { result, trace } = simulateMemory(objects, { maxVirtualTimeMs: ctx.budget.maxVirtualTimeMs });
    // The full Pod objects and Events stay out of the JSON result (describe already shows them).
    for (const p of result.pods) (p as { object?: unknown }).object = undefined;
    return { result, trace: ctx.detail ? trace : [], budgetHit: budgetHitOf(result.truncated) };
  },
  viewModel: buildView,
};

// The pod-lifecycle engine: a virtual-clock kubelet for one Pod (chapter 3).

import { budgetHitOf, type Engine } from '../shared/engine.ts';
import { readInput } from './schema.ts';
import { simulatePod } from './simulate.ts';
import type { PodLifecycleResult } from './result.ts';
import { buildView, describeAt } from './view-model.ts';
import type { PodLifecycleView } from './view-model.ts';

export const engine: Engine<PodLifecycleResult, PodLifecycleView> = {
  id: 'pod-lifecycle',
  version: '3',
  title: 'kubelet: the life of a Pod',
  summary: 'A Pod on a virtual clock: phases, container states, restarts and CrashLoopBackOff, probes, and graceful deletion, with the kubelet’s rules.',
  view: 'pod-lifecycle/result',
  run(manifests, ctx) {
    const input = readInput(manifests);
    const output = simulatePod(input, { budget: ctx.budget, maxSnapshots: ctx.detail ? 120 : 0 });
    return { ...output, budgetHit: budgetHitOf(output.result.truncated) };
  },
  viewModel(output) {
    return buildView(output);
  },
  detail(output, key) {
    return describeAt(output, key);
  },
};

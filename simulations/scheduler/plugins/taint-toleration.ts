// src: pkg/scheduler/framework/plugins/tainttoleration/taint_toleration.go (v1.33)
// Filter: the first NoSchedule/NoExecute taint the Pod does not tolerate rejects the node,
// UnschedulableAndUnresolvable, "node(s) had untolerated taint {key: value}".
// Score: count of PreferNoSchedule taints not tolerated by the Pod's PreferNoSchedule
// (or effect-less) tolerations; normalized in reverse, so fewer is better.

import { PluginNames, untoleratedTaintReason } from '../names.ts';
import { MAX_NODE_SCORE, defaultNormalizeScore } from '../normalize-score.ts';
import type { Toleration } from '../pod-info.ts';
import type { Plugin } from '../plugin.ts';
import { newStatus } from '../status.ts';
import { findUntoleratedTaint, tolerationsTolerateTaint } from '../taints.ts';

const KEY = 'PreScoreTaintToleration';

export function taintToleration(): Plugin {
  return {
    name: PluginNames.TaintToleration,
    passesEveryNode: (_pod, cluster) => !cluster.anyNoScheduleTaint,
    uniformScore: (_state, _pod, _feasible, cluster) => (cluster.anyPreferNoScheduleTaint ? null : 0),
    filter(_state, pod, node) {
      if (node.noScheduleTaints.length === 0) return null;
      const taint = findUntoleratedTaint(node.noScheduleTaints, pod.tolerations);
      return taint ? newStatus('UnschedulableAndUnresolvable', untoleratedTaintReason(taint.key, taint.value)) : null;
    },
    preScore(state, pod) {
      state[KEY] = pod.tolerations.filter((t) => t.effect === '' || t.effect === 'PreferNoSchedule');
      return null;
    },
    score(state, pod, node) {
      const taints = node.preferNoScheduleTaints;
      if (taints.length === 0) return 0;
      const tolerations = (state[KEY] as Toleration[] | undefined) ?? pod.tolerations.filter((t) => t.effect === '' || t.effect === 'PreferNoSchedule');
      let intolerable = 0;
      for (const taint of taints) if (!tolerationsTolerateTaint(tolerations, taint)) intolerable++;
      return intolerable;
    },
    normalizeScore(_state, _pod, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
    },
  };
}

// src: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go
// A cordoned node (spec.unschedulable) takes only Pods that tolerate the
// node.kubernetes.io/unschedulable:NoSchedule taint.

import { PluginNames, Reasons, Taints } from '../names.ts';
import type { Taint } from '../node-info.ts';
import type { Plugin } from '../plugin.ts';
import { constantStatus } from '../status.ts';
import { tolerationsTolerateTaint } from '../taints.ts';

const UNSCHEDULABLE_TAINT: Taint = { key: Taints.unschedulable, value: '', effect: 'NoSchedule' };
const REJECTED = constantStatus('UnschedulableAndUnresolvable', Reasons.nodeUnschedulable);

export function nodeUnschedulable(): Plugin {
  return {
    name: PluginNames.NodeUnschedulable,
    passesEveryNode: (_pod, cluster) => !cluster.anyUnschedulable,
    filter(_state, pod, node) {
      if (!node.unschedulable) return null;
      return tolerationsTolerateTaint(pod.tolerations, UNSCHEDULABLE_TAINT) ? null : REJECTED;
    },
  };
}

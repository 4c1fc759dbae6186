// src: pkg/scheduler/framework/plugins/nodename/node_name.go
// A Pod that names its node (spec.nodeName) fits only that node. (The real scheduler never
// queues such a Pod: it is already bound; the check matters for preemption and unit tests.)

import { PluginNames, Reasons } from '../names.ts';
import type { Plugin } from '../plugin.ts';
import { constantStatus } from '../status.ts';

const REJECTED = constantStatus('UnschedulableAndUnresolvable', Reasons.nodeName);

export function nodeName(): Plugin {
  return {
    name: PluginNames.NodeName,
    passesEveryNode: (pod) => pod.specNodeName === '',
    filter(_state, pod, node) {
      return pod.specNodeName === '' || pod.specNodeName === node.name ? null : REJECTED;
    },
  };
}

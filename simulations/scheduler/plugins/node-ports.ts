// src: pkg/scheduler/framework/plugins/nodeports/node_ports.go, framework/types.go HostPortInfo.CheckConflict
// A wanted hostPort conflicts with a used one of the same protocol and port when
// either side binds 0.0.0.0 or both bind the same IP.

import { PluginNames, Reasons } from '../names.ts';
import type { HostPort } from '../pod-info.ts';
import type { Plugin } from '../plugin.ts';
import { SKIP, constantStatus } from '../status.ts';

const REJECTED = constantStatus('Unschedulable', Reasons.nodePorts);
const ANY_IP = '0.0.0.0';

export function portsConflict(want: HostPort, used: readonly HostPort[]): boolean {
  for (const u of used) {
    if (u.port !== want.port || u.protocol !== want.protocol) continue;
    if (want.ip === ANY_IP || u.ip === ANY_IP || u.ip === want.ip) return true;
  }
  return false;
}

export function nodePorts(): Plugin {
  return {
    name: PluginNames.NodePorts,
    preFilter(_state, pod) {
      // No host ports: nothing to check (PreFilter returns Skip since v1.27).
      return pod.hostPorts.length === 0 ? { status: SKIP } : null;
    },
    filter(_state, pod, node) {
      if (node.usedPorts.length === 0) return null;
      for (const want of pod.hostPorts) if (portsConflict(want, node.usedPorts)) return REJECTED;
      return null;
    },
  };
}

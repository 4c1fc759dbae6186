// The network-policy result as the partial needs it: one coloured matrix per probed port
// (rows: sources, columns: destination Pods), the truth table as upstream prints it, and
// the connections with their reasons.

import type { SimulationOutput } from '../shared/engine.ts';
import type { NetworkPolicyResult } from './engine.ts';

export interface MatrixView {
  label: string;
  header: string[];
  rows: { source: string; cells: { mark: string; cls: string; title: string }[] }[];
  truthTable: string;
  summary: { allowed: number; total: number };
}

export interface NetworkPolicyView {
  matrices: MatrixView[];
  pods: { key: string; ip: string; assigned: boolean; labels: string; ingress: string; egress: string }[];
  kubectl: string;
  describes: { key: string; text: string }[];
  connections: { name: string; allowed: boolean; cls: string; why: string[] }[];
}

export function buildView(output: SimulationOutput<NetworkPolicyResult>): NetworkPolicyView {
  const r = output.result;
  return {
    matrices: r.matrices.map((m) => ({
      label: m.label,
      header: m.destinations,
      rows: m.sources.map((source, i) => ({
        source,
        cells: m.cells[i].map((c, j) => ({
          mark: c.allowed ? '.' : 'X',
          cls: `${c.allowed ? 'np-ok' : 'np-bad'}${c.loopback ? ' np-loop' : ''}`,
          title: `${source} → ${m.destinations[j]}: ${c.reason}${c.loopback ? ' (loopback: upstream’s e2e ignores this cell)' : ''}`,
        })),
      })),
      truthTable: m.truthTable,
      summary: { allowed: m.allowed, total: m.allowed + m.denied },
    })),
    pods: r.pods.map((p) => ({
      key: p.key,
      ip: p.ip,
      assigned: p.ipAssigned,
      labels: p.labels,
      ingress: p.isolatedIngressBy.join(', '),
      egress: p.isolatedEgressBy.join(', '),
    })),
    kubectl: r.kubectlGetNetworkPolicy,
    describes: r.policies.map((p) => ({ key: p.key, text: p.describe })),
    connections: r.connections.map((c) => ({ name: c.name, allowed: c.allowed, cls: c.allowed ? 'np-ok' : 'np-bad', why: c.why })),
  };
}

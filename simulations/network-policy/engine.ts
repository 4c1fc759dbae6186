// The network-policy engine (chapter 11): Namespaces, Pods and NetworkPolicies through the
// shared API server, a ReachabilityProbe saying which ports to probe; out comes the
// reachability matrix of every source to every Pod (upstream's e2e truth table), the reason
// for each cell, and a step-by-step "why" for the connections the probe names.

import { parseIPSloppy as parseIP } from '../apimachinery/go-net.ts';
import { asObject } from '../apimachinery/json.ts';
import type { Engine, TraceStep } from '../shared/engine.ts';
import { flattenLists } from '../shared/yaml.ts';
import { PolicyIndex } from './policy-eval.ts';
import type { Endpoint, Protocol } from './policy-eval.ts';
import { buildMatrix, directionLines, formatLabelSelector, kubectlGetNetworkPolicies, portLabel } from './reachability.ts';
import type { Matrix } from './reachability.ts';
import { kubectlDescribeNetworkPolicy } from './describe.ts';
import { readInput } from './schema.ts';
import { buildView } from './view-model.ts';
import type { NetworkPolicyView } from './view-model.ts';

const SRC = 'k8s.io/api networking/v1 types.go (NetworkPolicySpec, NetworkPolicyPeer, NetworkPolicyPort)';

export interface PodRow {
  key: string;
  ip: string;
  ipAssigned: boolean;
  labels: string;
  isolatedIngressBy: string[];
  isolatedEgressBy: string[];
}

export interface PolicyRow {
  key: string;
  podSelector: string;
  policyTypes: string[];
  selects: string[];
  ingressRules: number;
  egressRules: number;
  /** `kubectl describe networkpolicy` for it. */
  describe: string;
}

export interface ConnectionRow {
  name: string;
  from: string;
  to: string;
  port: number;
  protocol: Protocol;
  allowed: boolean;
  /** Which end refused: 'egress' (the source's policies), 'ingress' (the destination's), or null when allowed. */
  deniedBy: 'egress' | 'ingress' | null;
  /** "ns/name" of the policy whose rule admitted each direction, or null (not isolated, or denied). */
  egressAllowedBy: string | null;
  ingressAllowedBy: string | null;
  why: string[];
}

export interface NetworkPolicyResult {
  pods: PodRow[];
  policies: PolicyRow[];
  kubectlGetNetworkPolicy: string;
  matrices: Matrix[];
  connections: ConnectionRow[];
}

export function runNetworkPolicy(input: ReturnType<typeof readInput>): { result: NetworkPolicyResult; trace: TraceStep[] } {
  const index = new PolicyIndex(input.namespaces, input.pods, input.policies);
  const trace: TraceStep[] = [];
  const pods: PodRow[] = index.pods.map((p) => {
    const iso = index.isolation(p);
    return {
      key: p.key,
      ip: p.ips[0] ?? '',
      ipAssigned: p.key in input.assignedIPs,
      labels: Object.entries(p.labels).map(([k, v]) => `${k}=${v}`).join(',') || '<none>',
      isolatedIngressBy: iso.ingress,
      isolatedEgressBy: iso.egress,
    };
  });
  const policies: PolicyRow[] = index.policies.map((pol, i) => {
    const raw = input.policies[i];
    const spec = asObject(raw.spec) ?? {};
    const selects = index.pods.filter((p) => p.namespace === pol.namespace && pol.podSelector.matches(p.labels)).map((p) => p.key);
    const types = [...(pol.ingressType ? ['Ingress'] : []), ...(pol.egressType ? ['Egress'] : [])];
    trace.push({
      subject: pol.key,
      title: `${pol.key} (policyTypes ${types.join(', ')}) selects ${selects.length ? selects.join(', ') : 'no Pod'} with podSelector ${formatLabelSelector(spec.podSelector)}`,
      detail: selects.length ? `Selected Pods are now isolated for ${types.join(' and ')}: only traffic some rule allows gets through.` : 'A policy that selects no Pod changes nothing.',
      source: SRC,
      level: 'info',
    });
    return { key: pol.key, podSelector: formatLabelSelector(spec.podSelector), policyTypes: types, selects, ingressRules: pol.ingress.length, egressRules: pol.egress.length, describe: kubectlDescribeNetworkPolicy(raw) };
  });
  const sources: { label: string; endpoint: Endpoint }[] = [
    ...index.pods.map((p) => ({ label: p.key, endpoint: { pod: p } as Endpoint })),
    ...input.externalSources.map((s) => {
      const v = { ip: s.ip, parsed: null } as Endpoint;
      return { label: `${s.name} (${s.ip})`, endpoint: v };
    }),
  ];
  // External sources: resolve through the index (an address of a Pod is that Pod).
  for (const s of sources) {
    if ('ip' in s.endpoint) {
      const parsedIP = parseIP(s.endpoint.ip);
      const owner = parsedIP ? index.podByIP(parsedIP) : undefined;
      s.endpoint = owner ? { pod: owner } : { ip: s.endpoint.ip, parsed: parsedIP };
    }
  }
  const matrices = input.ports.map((p) => buildMatrix(index, sources, p.port, p.protocol));
  for (const m of matrices) {
    trace.push({ subject: m.label, title: `${m.label}: ${m.allowed} of ${m.allowed + m.denied} connections allowed`, source: 'test/e2e/network/netpol/truthtable.go (PrettyPrint)', level: 'decision' });
  }
  const connections: ConnectionRow[] = input.connections.map((c) => {
    const to = index.findPod(...(c.to.split('/') as [string, string]))!;
    let from: Endpoint;
    let fromText: string;
    if ('pod' in c.from) {
      const [ns, name] = c.from.pod.split('/');
      from = { pod: index.findPod(ns, name)! };
      fromText = c.from.pod;
    } else {
      const parsedIP = parseIP(c.from.ip);
      const owner = parsedIP ? index.podByIP(parsedIP) : undefined;
      from = owner ? { pod: owner } : { ip: c.from.ip, parsed: parsedIP };
      fromText = owner ? `${c.from.ip} (${owner.key})` : c.from.ip;
    }
    const v = index.evaluate(from, to, c.port, c.protocol);
    const pl = portLabel(c.port, c.protocol);
    const why = directionLines(v, fromText, c.to, pl);
    why.push(v.allowed ? `${fromText} → ${c.to} on ${pl}: allowed (egress and ingress both allow it)` : `${fromText} → ${c.to} on ${pl}: denied (the packets are dropped: the client sees a timeout, not a refusal)`);
    for (const line of why) trace.push({ subject: c.name, title: line, source: SRC, level: line.endsWith('denied') || line.includes(': denied') ? 'warning' : 'decision' });
    const deniedBy = v.allowed ? null : v.egress && !v.egress.allowed ? 'egress' : 'ingress';
    return {
      name: c.name,
      from: fromText,
      to: c.to,
      port: c.port,
      protocol: c.protocol,
      allowed: v.allowed,
      deniedBy,
      egressAllowedBy: v.egress?.admittedBy?.policy ?? null,
      ingressAllowedBy: v.ingress.admittedBy?.policy ?? null,
      why,
    };
  });
  return { result: { pods, policies, kubectlGetNetworkPolicy: kubectlGetNetworkPolicies(input.policies), matrices, connections }, trace };
}

export const engine: Engine<NetworkPolicyResult, NetworkPolicyView> = {
  id: 'network-policy',
  version: '2',
  title: 'NetworkPolicy reachability',
  summary: 'Namespaces, Pods and NetworkPolicies: the reachability matrix of every Pod to every Pod on a port, as upstream’s e2e truth table, with the rule that allowed or the isolation that denied each connection.',
  view: 'network-policy/result',
  run(manifests) {
    const input = readInput(flattenLists(manifests));
    return runNetworkPolicy(input);
  },
  viewModel: buildView,
};


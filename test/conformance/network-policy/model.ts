// The e2e netpol model (test/e2e/network/netpol/model.go, reachability.go, truthtable.go)
// rebuilt as data: namespaces x, y, z labelled ns=<name>; Pods labelled pod=<name>, one
// container per port and protocol with a port named serve-<port>-<protocol>; a truth table
// defaulting to reachable, edited with Expect / ExpectAllIngress / ExpectAllEgress / ExpectPeer;
// loopback cells ignored when comparing (ignoreLoopback = true in network_policy.go).

import type { Protocol } from '../../../simulations/network-policy/policy-eval.ts';

export type PeerMatch = { ns?: string; pod?: string };
export type Expectation =
  | { peer: [PeerMatch, PeerMatch, boolean] }
  | { allIngress: [string, boolean] }
  | { allEgress: [string, boolean] }
  | { expect: [string, string, boolean] };

export interface Probe {
  port: number;
  protocol: Protocol;
  expect: Expectation[];
}

/** One moment of a test: the policies that exist then (cumulative), label changes, and what must hold. */
export interface Step {
  policies: object[];
  namespaceLabels?: Record<string, Record<string, string>>;
  podLabels?: Record<string, Record<string, string>>;
  probes: Probe[];
}

export interface E2ECase {
  upstream: string;
  it: string;
  pods: string[];
  ports: number[];
  protocols: Protocol[];
  steps: Step[];
}

const NS_INDEX: Record<string, number> = { x: 1, y: 2, z: 3 };

/** A deterministic Pod IP for the model's Pods (the e2e reads them from status.podIP). */
export function podIP(podString: string): string {
  const [ns, name] = podString.split('/');
  return `10.244.${NS_INDEX[ns]}.${name.charCodeAt(0) - 'a'.charCodeAt(0) + 11}`;
}

/** makeLargeCIDRForIP: the /4 that contains the IP. */
export function largeCIDRForIP(ip: string): string {
  const first = Number(ip.split('.')[0]);
  return `${first & 0xf0}.0.0.0/4`;
}

export function namespaces(step: Step): object[] {
  return ['x', 'y', 'z'].map((name) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { ns: name, 'kubernetes.io/metadata.name': name, ...(step.namespaceLabels?.[name] ?? {}) } },
  }));
}

export function pods(c: E2ECase, step: Step): object[] {
  return c.pods.map((s) => {
    const [namespace, name] = s.split('/');
    const containers = c.ports.flatMap((port) =>
      c.protocols.map((protocol) => ({
        name: `cont-${port}-${protocol.toLowerCase()}`,
        image: 'registry.k8s.io/e2e-test-images/agnhost:2.53',
        ports: [{ containerPort: port, name: `serve-${port}-${protocol.toLowerCase()}`, protocol }],
      })),
    );
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name, namespace, labels: { pod: name, ...(step.podLabels?.[s] ?? {}) } },
      spec: { containers },
      status: { phase: 'Running', podIP: podIP(s), podIPs: [{ ip: podIP(s) }] },
    };
  });
}

/** NewReachability(pods, true) with the expectations applied, as a map "from→to" → bool. */
export function expectedTable(podStrings: string[], expectations: Expectation[]): Map<string, boolean> {
  const t = new Map<string, boolean>();
  for (const f of podStrings) for (const to of podStrings) t.set(`${f}→${to}`, true);
  const matches = (p: PeerMatch, s: string) => {
    const [ns, pod] = s.split('/');
    return (!p.ns || p.ns === ns) && (!p.pod || p.pod === pod);
  };
  for (const e of expectations) {
    if ('expect' in e) t.set(`${e.expect[0]}→${e.expect[1]}`, e.expect[2]);
    else if ('allIngress' in e) for (const f of podStrings) t.set(`${f}→${e.allIngress[0]}`, e.allIngress[1]);
    else if ('allEgress' in e) for (const to of podStrings) t.set(`${e.allEgress[0]}→${to}`, e.allEgress[1]);
    else for (const f of podStrings) if (matches(e.peer[0], f)) for (const to of podStrings) if (matches(e.peer[1], to)) t.set(`${f}→${to}`, e.peer[2]);
  }
  return t;
}

// Policy builders, as policies.go builds them.
type Sel = { matchLabels?: Record<string, string>; matchExpressions?: { key: string; operator: string; values?: string[] }[] };
export interface PolicyOptions {
  ingress?: object[];
  egress?: object[];
  policyTypes?: string[];
}

/**
 * GenNetworkPolicy with SetSpecIngressRules / SetSpecEgressRules: each setter, when called,
 * appends its type to policyTypes (so a policy made with SetSpecIngressRules() and no rules
 * is a default deny for ingress).
 */
export function policy(namespace: string, name: string, podSelector: Sel, opts: PolicyOptions): object {
  const policyTypes: string[] = [];
  const spec: Record<string, unknown> = { podSelector };
  if (opts.ingress) {
    spec.ingress = opts.ingress;
    policyTypes.push('Ingress');
  }
  if (opts.egress) {
    spec.egress = opts.egress;
    policyTypes.push('Egress');
  }
  spec.policyTypes = opts.policyTypes ?? policyTypes;
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec };
}

export const nsName = (ns: string): Sel => ({ matchLabels: { 'kubernetes.io/metadata.name': ns } });
export const podLabel = (name: string): Sel => ({ matchLabels: { pod: name } });

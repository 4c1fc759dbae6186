// `npm run bench -- networking` (issue 20): a NetworkPolicy reachability matrix of 500 Pods × 500 Pods
// under 100 policies (target: under 2 s), as the network-policy engine computes its matrices
// (PolicyIndex: policies' selections computed once, then every ordered pair evaluated).
import { performance } from 'node:perf_hooks';
import { PolicyIndex } from '../../simulations/network-policy/policy-eval.ts';
import { reachabilityBits } from '../../simulations/network-policy/reachability.ts';
import type { BenchResult } from './run.ts';

const NAMESPACES = 10;
const PODS = 500;
const POLICIES = 100;

/** 10 namespaces (team=t0..t4, env=prod|dev), 500 Pods (app, tier, a named port), 100 policies of every peer and port kind. */
export function scenario(): { namespaces: object[]; pods: object[]; policies: object[] } {
  const namespaces = Array.from({ length: NAMESPACES }, (_, i) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}`, labels: { team: `t${i % 5}`, env: i % 2 ? 'dev' : 'prod' } } }));
  const pods = Array.from({ length: PODS }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, namespace: `ns-${i % NAMESPACES}`, labels: { app: `app-${i % 25}`, tier: ['web', 'api', 'db'][i % 3] } },
    spec: { containers: [{ name: 'c', image: 'agnhost', ports: [{ name: 'http', containerPort: 80 + (i % 3) }, { name: 'dns', containerPort: 53, protocol: 'UDP' }] }] },
    status: { podIP: `10.244.${Math.floor(i / 250)}.${(i % 250) + 2}` },
  }));
  const policies: object[] = [];
  for (let i = 0; i < POLICIES; i++) {
    const namespace = `ns-${i % NAMESPACES}`;
    const np = (spec: object) => policies.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: `np-${i}`, namespace }, spec });
    switch (i % 5) {
      case 0: // default deny, both directions, every tenth namespace-round
        np({ podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
        break;
      case 1: // same team's namespaces AND tier=web, on the named port
        np({ podSelector: { matchLabels: { tier: 'api' } }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { team: `t${i % 5}` } }, podSelector: { matchLabels: { tier: 'web' } } }], ports: [{ port: 'http' }] }] });
        break;
      case 2: // OR peers with expressions, a port range
        np({ podSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: [`app-${i % 25}`, `app-${(i + 7) % 25}`] }] }, ingress: [{ from: [{ namespaceSelector: { matchLabels: { env: 'prod' } } }, { podSelector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['db'] }] } }], ports: [{ port: 80, endPort: 81 }] }] });
        break;
      case 3: // egress to the API tier and DNS
        np({ podSelector: { matchLabels: { tier: 'web' } }, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: { matchLabels: { tier: 'api' } } }], ports: [{ port: 'http' }] }, { to: [{ namespaceSelector: {}, podSelector: { matchLabels: { app: 'app-0' } } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53 }] }] });
        break;
      case 4: // ipBlock with except
        np({ podSelector: { matchLabels: { tier: 'db' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.244.0.0/16', except: [`10.244.${i % 2}.0/25`] } }] }] });
        break;
    }
  }
  return { namespaces, pods, policies };
}

export async function bench(): Promise<BenchResult[]> {
  const s = scenario();
  new PolicyIndex(s.namespaces, s.pods, s.policies); // warm-up (JIT)
  const t0 = performance.now();
  const index = new PolicyIndex(s.namespaces, s.pods, s.policies);
  const bits = reachabilityBits(index, 80, 'TCP');
  const ms = performance.now() - t0;
  let allowed = 0;
  for (const b of bits) allowed += b;
  return [
    {
      name: `reachability matrix, ${PODS} × ${PODS} Pods under ${POLICIES} NetworkPolicies (TCP/80)`,
      value: `${(ms / 1000).toFixed(3)} s`,
      target: '< 2 s',
      met: ms < 2000,
      notes: [`${allowed.toLocaleString('en-US')} of ${(PODS * PODS).toLocaleString('en-US')} connections allowed`],
    },
  ];
}

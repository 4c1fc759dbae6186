// test/e2e/network/netpol/network_policy.go (kubernetes/kubernetes, the per-test topologies of
// v1.36: initializeResources(ctx, f, protocols, ports, "x/a", ...)), each `f.It` transcribed:
// the Pods it creates, the policies it creates (or updates, or deletes) before each
// ValidateOrFail, and the reachability it expects then. A test's steps are its successive
// ValidateOrFail calls; `policies` lists every policy that exists at that moment.

import type { E2ECase } from './model.ts';
import { largeCIDRForIP, nsName, podIP, podLabel, policy } from './model.ts';

const F = 'test/e2e/network/netpol/network_policy.go';
const TCP = 'TCP' as const;
const UDP = 'UDP' as const;
const SCTP = 'SCTP' as const;
const notX = { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['x'] }] };

const denyIngressX = policy('x', 'deny-ingress', {}, { ingress: [] });

function portsBlock(port: number | string | null, protocol?: string) {
  return { ...(port === null ? {} : { port }), ...(protocol ? { protocol } : {}) };
}

/** The TCP, UDP and SCTP variants share three tests; only the protocol differs. */
function perProtocol(protocol: typeof TCP | typeof UDP | typeof SCTP, describe: string): E2ECase[] {
  return [
    {
      upstream: `${F} ${describe}`,
      it: "should support a 'default-deny-ingress' policy",
      pods: ['x/a', 'x/b', 'y/a', 'y/b'],
      ports: [80],
      protocols: [protocol],
      steps: [{ policies: [policy('x', 'deny-all', {}, { ingress: [] })], probes: [{ port: 80, protocol, expect: [{ peer: [{}, { ns: 'x' }, false] }] }] }],
    },
    {
      upstream: `${F} ${describe}`,
      it: 'should enforce policy based on Ports',
      pods: protocol === TCP ? ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'] : ['x/a', 'x/b', 'y/a', 'z/a'],
      ports: [81],
      protocols: [protocol],
      steps: [
        {
          policies: [
            policy('x', 'allow-client-a-via-ns-selector', podLabel('a'), {
              ingress: [{ from: [{ namespaceSelector: nsName('y') }], ports: [portsBlock(81, protocol)] }],
            }),
          ],
          probes: [
            {
              port: 81,
              protocol,
              expect: [
                { peer: [{ ns: 'x' }, { ns: 'x', pod: 'a' }, false] },
                { peer: [{ ns: 'y' }, { ns: 'x', pod: 'a' }, true] },
                { peer: [{ ns: 'z' }, { ns: 'x', pod: 'a' }, false] },
              ],
            },
          ],
        },
      ],
    },
    {
      upstream: `${F} ${describe}`,
      it: 'should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector',
      pods: protocol === TCP ? ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'] : ['x/a', 'x/b', 'y/a'],
      ports: [80],
      protocols: [protocol],
      steps: [
        {
          policies: [
            policy('x', 'allow-ns-y-pod-a-via-namespace-pod-selector', podLabel('a'), {
              ingress: [{ from: [{ namespaceSelector: nsName('y'), podSelector: podLabel('a') }] }],
            }),
          ],
          probes: [{ port: 80, protocol, expect: [{ allIngress: ['x/a', false] }, { expect: ['y/a', 'x/a', true] }] }],
        },
      ],
    },
  ];
}

const xaTarget = podLabel('a');

export const E2E_CASES: E2ECase[] = [
  ...perProtocol(TCP, 'Netpol NetworkPolicy between server and client'),
  ...perProtocol(UDP, 'Netpol [LinuxOnly] NetworkPolicy between server and client using UDP'),
  ...perProtocol(SCTP, 'Netpol [Feature:SCTPConnectivity] NetworkPolicy between server and client using SCTP'),
  {
    upstream: F,
    it: "should support a 'default-deny-all' policy",
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'deny-all', {}, { ingress: [], egress: [] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ peer: [{}, { ns: 'x' }, false] }, { peer: [{ ns: 'x' }, {}, false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce policy to allow traffic from pods within server namespace based on PodSelector',
    pods: ['x/a', 'x/b', 'x/c', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'x-a-allows-x-b', xaTarget, { ingress: [{ from: [{ podSelector: podLabel('b') }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }, { expect: ['x/b', 'x/a', true] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce policy to allow ingress traffic for a target',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [
          policy('x', 'deny-all', {}, { ingress: [] }),
          policy('x', 'allow-all-to-a', xaTarget, { ingress: [{ from: [{ podSelector: {}, namespaceSelector: {} }] }] }),
        ],
        probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', true] }, { allIngress: ['x/b', false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce policy to allow ingress traffic from pods in all namespaces',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-from-another-ns', xaTarget, { ingress: [{ from: [{ namespaceSelector: { matchLabels: {} } }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [] }],
      },
    ],
  },
  ...['should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector', 'should enforce policy based on NamespaceSelector with MatchExpressions', 'should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label'].map(
    (it, i): E2ECase => ({
      upstream: F,
      it,
      pods: ['x/a', 'x/b', 'y/a', 'z/a'],
      ports: [80],
      protocols: [TCP],
      steps: [
        {
          policies: [
            policy('x', 'allow-client-a-via-ns-selector', xaTarget, {
              ingress: [{ from: [{ namespaceSelector: i === 1 ? { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'In', values: ['y'] }] } : nsName('y') }] }],
            }),
          ],
          probes: [{ port: 80, protocol: TCP, expect: [{ peer: [{ ns: 'x' }, { ns: 'x', pod: 'a' }, false] }, { peer: [{ ns: 'z' }, { ns: 'x', pod: 'a' }, false] }] }],
        },
      ],
    }),
  ),
  {
    upstream: F,
    it: 'should enforce policy based on PodSelector with MatchExpressions',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'x-a-allows-x-b', xaTarget, { ingress: [{ from: [{ podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b'] }] } }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }, { expect: ['x/b', 'x/a', true] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce policy based on PodSelector or NamespaceSelector',
    pods: ['x/a', 'x/b', 'x/c', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-ns-y-match-selector', xaTarget, { ingress: [{ from: [{ namespaceSelector: notX }, { podSelector: podLabel('b') }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ expect: ['x/a', 'x/a', false] }, { expect: ['x/c', 'x/a', false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce policy based on PodSelector and NamespaceSelector',
    pods: ['x/a', 'x/b', 'y/a', 'y/b', 'z/b'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-ns-y-podselector-and-nsselector', xaTarget, { ingress: [{ from: [{ namespaceSelector: notX, podSelector: podLabel('b') }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }, { expect: ['y/b', 'x/a', true] }, { expect: ['z/b', 'x/a', true] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce policy based on Multiple PodSelectors and NamespaceSelectors',
    pods: ['x/a', 'x/b', 'y/a', 'y/b', 'y/c'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [
          policy('x', 'allow-ns-y-z-pod-b-c', xaTarget, {
            ingress: [{ from: [{ namespaceSelector: notX, podSelector: { matchExpressions: [{ key: 'pod', operator: 'In', values: ['b', 'c'] }] } }] }],
          }),
        ],
        probes: [{ port: 80, protocol: TCP, expect: [{ peer: [{ ns: 'x' }, { ns: 'x', pod: 'a' }, false] }, { expect: ['y/a', 'x/a', false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce policy based on any PodSelectors',
    pods: ['x/a', 'x/b', 'x/c'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-ns-x-pod-b-c', xaTarget, { ingress: [{ from: [{ podSelector: podLabel('b') }, { podSelector: podLabel('c') }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }, { expect: ['x/b', 'x/a', true] }, { expect: ['x/c', 'x/a', true] }] }],
      },
    ],
  },
  (() => {
    const allow81 = policy('x', 'allow-client-a-via-ns-selector', xaTarget, { ingress: [{ from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 81, protocol: 'TCP' }] }] });
    const allow80 = policy('x', 'allow-client-a-via-ns-selector-80', xaTarget, { ingress: [{ from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 80, protocol: 'TCP' }] }] });
    const allow = [{ peer: [{ ns: 'x' }, { ns: 'x', pod: 'a' }, false] }, { peer: [{ ns: 'y' }, { ns: 'x', pod: 'a' }, true] }, { peer: [{ ns: 'z' }, { ns: 'x', pod: 'a' }, false] }] as E2ECase['steps'][0]['probes'][0]['expect'];
    return {
      upstream: F,
      it: 'should enforce multiple, stacked policies with overlapping podSelectors',
      pods: ['x/a', 'x/b', 'y/a', 'y/b', 'z/a'],
      ports: [80, 81],
      protocols: [TCP],
      steps: [
        { policies: [allow81], probes: [{ port: 81, protocol: TCP, expect: allow }, { port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }] }] },
        { policies: [allow81, allow80], probes: [{ port: 80, protocol: TCP, expect: allow }] },
      ],
    };
  })(),
  {
    upstream: F,
    it: 'should support allow-all policy',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [{ policies: [policy('x', 'allow-all', {}, { ingress: [{}] })], probes: [{ port: 80, protocol: TCP, expect: [] }, { port: 81, protocol: TCP, expect: [] }] }],
  },
  {
    upstream: F,
    it: 'should allow ingress access on one named port',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-all', {}, { ingress: [{ ports: [{ port: 'serve-81-tcp' }] }] })],
        probes: [{ port: 81, protocol: TCP, expect: [] }, { port: 80, protocol: TCP, expect: [{ peer: [{}, { ns: 'x' }, false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should allow ingress access from namespace on one named port',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-client-a-via-ns-selector-80', xaTarget, { ingress: [{ from: [{ namespaceSelector: nsName('y') }], ports: [{ port: 'serve-80-tcp', protocol: 'TCP' }] }] })],
        probes: [
          { port: 80, protocol: TCP, expect: [{ peer: [{ ns: 'x' }, { ns: 'x', pod: 'a' }, false] }, { peer: [{ ns: 'z' }, { ns: 'x', pod: 'a' }, false] }] },
          { port: 81, protocol: TCP, expect: [{ allIngress: ['x/a', false] }] },
        ],
      },
    ],
  },
  {
    upstream: F,
    it: 'should allow egress access on one named port',
    pods: ['x/a', 'y/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-egress', {}, { egress: [{ ports: [{ port: 'serve-80-tcp' }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [] }, { port: 81, protocol: TCP, expect: [{ peer: [{ ns: 'x' }, {}, false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce updated policy',
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: [TCP],
    steps: [
      { policies: [policy('x', 'allow-all-mutate-to-deny-all', {}, { ingress: [{}] })], probes: [{ port: 81, protocol: TCP, expect: [] }] },
      // policy.Spec.Ingress = []; UpdatePolicy: policyTypes stays [Ingress]
      { policies: [policy('x', 'allow-all-mutate-to-deny-all', {}, { ingress: [] })], probes: [{ port: 81, protocol: TCP, expect: [{ peer: [{}, { ns: 'x' }, false] }] }] },
    ],
  },
  (() => {
    const p = policy('x', 'allow-client-a-via-ns-selector', xaTarget, { ingress: [{ from: [{ namespaceSelector: { matchLabels: { ns2: 'updated' } } }] }] });
    return {
      upstream: F,
      it: 'should allow ingress access from updated namespace',
      pods: ['x/a', 'y/a'],
      ports: [80],
      protocols: [TCP],
      steps: [
        { policies: [p], probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }] }] },
        { policies: [p], namespaceLabels: { y: { ns2: 'updated' } }, probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }, { peer: [{ ns: 'y' }, {}, true] }] }] },
      ],
    };
  })(),
  (() => {
    const p = policy('x', 'allow-client-a-via-pod-selector', xaTarget, { ingress: [{ from: [{ podSelector: { matchLabels: { pod: 'b', pod2: 'updated' } } }] }] });
    return {
      upstream: F,
      it: 'should allow ingress access from updated pod',
      pods: ['x/a', 'x/b'],
      ports: [80],
      protocols: [TCP],
      steps: [
        { policies: [p], probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }] }] },
        { policies: [p], podLabels: { 'x/b': { pod: 'b', pod2: 'updated' } }, probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }, { expect: ['x/b', 'x/a', true] }] }] },
      ],
    };
  })(),
  {
    upstream: F,
    it: 'should deny ingress from pods on other namespaces',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'deny-empty-policy', {}, { ingress: [{ from: [{ podSelector: { matchLabels: {} } }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ peer: [{ ns: 'y' }, { ns: 'x' }, false] }, { peer: [{ ns: 'z' }, { ns: 'x' }, false] }] }],
      },
    ],
  },
  (() => {
    const p = policy('x', 'deny-ingress-via-label-selector', { matchLabels: { target: 'isolated' } }, { ingress: [] });
    return {
      upstream: F,
      it: 'should deny ingress access to updated pod',
      pods: ['x/a', 'y/a'],
      ports: [80],
      protocols: [TCP],
      steps: [
        { policies: [p], probes: [{ port: 80, protocol: TCP, expect: [] }] },
        { policies: [p], podLabels: { 'x/a': { pod: 'a', target: 'isolated' } }, probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }] }] },
      ],
    };
  })(),
  {
    upstream: F,
    it: 'should deny egress from pods based on PodSelector',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [{ policies: [policy('x', 'deny-egress-pod-a', xaTarget, { egress: [] })], probes: [{ port: 80, protocol: TCP, expect: [{ allEgress: ['x/a', false] }] }] }],
  },
  {
    upstream: F,
    it: 'should deny egress from all pods in a namespace',
    pods: ['x/a', 'x/b', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [{ policies: [policy('x', 'deny-egress-ns-x', {}, { egress: [] })], probes: [{ port: 80, protocol: TCP, expect: [{ peer: [{ ns: 'x' }, {}, false] }] }] }],
  },
  {
    upstream: F,
    it: 'should work with Ingress, Egress specified together',
    pods: ['x/a', 'x/b', 'x/c', 'y/a'],
    ports: [80, 81],
    protocols: [TCP],
    steps: [
      {
        policies: [
          policy('x', 'allow-client-a-via-pod-selector', xaTarget, {
            ingress: [{ from: [{ podSelector: podLabel('b') }] }],
            egress: [{ ports: [{ port: 80 }] }],
            policyTypes: ['Egress', 'Ingress'],
          }),
        ],
        probes: [
          { port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }, { expect: ['x/b', 'x/a', true] }] },
          { port: 81, protocol: TCP, expect: [{ allIngress: ['x/a', false] }, { allEgress: ['x/a', false] }, { expect: ['x/b', 'x/a', true] }] },
        ],
      },
    ],
  },
  {
    upstream: F,
    it: 'should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)',
    pods: ['x/a', 'y/a', 'y/b'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [
          policy('x', 'allow-to-ns-y-pod-a', xaTarget, { egress: [{ to: [{ namespaceSelector: nsName('y'), podSelector: podLabel('a') }] }] }),
          policy('y', 'allow-from-xa-on-ya-match-selector', podLabel('a'), { ingress: [{ from: [{ namespaceSelector: nsName('x'), podSelector: podLabel('a') }] }] }),
          policy('y', 'allow-from-xa-on-yb-match-selector', podLabel('b'), { ingress: [{ from: [{ namespaceSelector: nsName('x'), podSelector: podLabel('a') }] }] }),
        ],
        probes: [
          {
            port: 80,
            protocol: TCP,
            expect: [
              { peer: [{ ns: 'x', pod: 'a' }, {}, false] },
              { peer: [{}, { ns: 'y', pod: 'a' }, false] },
              { peer: [{ ns: 'x', pod: 'a' }, { ns: 'y', pod: 'a' }, true] },
              { peer: [{}, { ns: 'y', pod: 'b' }, false] },
            ],
          },
        ],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce egress policy allowing traffic to a server in a different namespace based on PodSelector and NamespaceSelector',
    pods: ['x/a', 'y/a', 'y/b'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-to-ns-y-pod-a', xaTarget, { egress: [{ to: [{ namespaceSelector: nsName('y'), podSelector: podLabel('a') }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ allEgress: ['x/a', false] }, { expect: ['x/a', 'y/a', true] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce ingress policy allowing any port traffic to a server on a specific protocol',
    pods: ['x/a', 'y/a'],
    ports: [80],
    protocols: [TCP, UDP],
    steps: [
      {
        policies: [policy('x', 'allow-ingress-by-proto', xaTarget, { ingress: [{ ports: [{ protocol: 'TCP' }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [] }, { port: 80, protocol: UDP, expect: [{ peer: [{}, { ns: 'x', pod: 'a' }, false] }] }],
      },
    ],
  },
  (() => {
    const only80 = policy('x', 'allow-ingress-port-80', {}, { ingress: [{ ports: [{ port: 80 }] }] });
    return {
      upstream: F,
      it: 'should enforce multiple ingress policies with ingress allow-all policy taking precedence',
      pods: ['x/a', 'y/a'],
      ports: [81],
      protocols: [TCP],
      steps: [
        { policies: [only80], probes: [{ port: 81, protocol: TCP, expect: [{ peer: [{}, { ns: 'x' }, false] }] }] },
        { policies: [only80, policy('x', 'allow-ingress', {}, { ingress: [{}] })], probes: [{ port: 81, protocol: TCP, expect: [] }] },
      ],
    };
  })(),
  (() => {
    const only80 = policy('x', 'allow-egress-port-80', {}, { egress: [{ ports: [{ port: 80 }] }] });
    return {
      upstream: F,
      it: 'should enforce multiple egress policies with egress allow-all policy taking precedence',
      pods: ['x/a', 'y/a'],
      ports: [81],
      protocols: [TCP],
      steps: [
        { policies: [only80], probes: [{ port: 81, protocol: TCP, expect: [{ peer: [{ ns: 'x' }, {}, false] }] }] },
        { policies: [only80, policy('x', 'allow-egress', {}, { egress: [{}] })], probes: [{ port: 81, protocol: TCP, expect: [] }] },
      ],
    };
  })(),
  {
    upstream: F,
    it: 'should stop enforcing policies after they are deleted',
    pods: ['x/a', 'y/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'deny-all', {}, { ingress: [], egress: [] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ peer: [{ ns: 'x' }, {}, false] }, { peer: [{}, { ns: 'x' }, false] }] }],
      },
      { policies: [], probes: [{ port: 80, protocol: TCP, expect: [] }] },
    ],
  },
  {
    upstream: F,
    it: 'should allow egress access to server in CIDR block',
    pods: ['x/a', 'y/a', 'y/b'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', xaTarget, { egress: [{ to: [{ ipBlock: { cidr: `${podIP('y/b')}/32` } }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ allEgress: ['x/a', false] }, { expect: ['x/a', 'y/b', true] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce except clause while egress access to server in CIDR block',
    pods: ['x/a', 'x/b', 'x/c'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [
          policy('x', 'allow-client-a-via-cidr-egress-rule', xaTarget, { egress: [{ to: [{ ipBlock: { cidr: largeCIDRForIP(podIP('x/b')), except: [`${podIP('x/b')}/32`] } }] }] }),
        ],
        probes: [{ port: 80, protocol: TCP, expect: [{ expect: ['x/a', 'x/b', false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed',
    pods: ['x/a', 'x/b', 'x/c'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [
          policy('x', 'allow-client-a-via-cidr-egress-rule', xaTarget, { egress: [{ to: [{ ipBlock: { cidr: largeCIDRForIP(podIP('x/b')), except: [`${podIP('x/b')}/32`] } }] }] }),
        ],
        probes: [{ port: 80, protocol: TCP, expect: [{ expect: ['x/a', 'x/b', false] }] }],
      },
      {
        // UpdatePolicy with the same name: the policy now allows egress to x/b's /32 only
        policies: [policy('x', 'allow-client-a-via-cidr-egress-rule', xaTarget, { egress: [{ to: [{ ipBlock: { cidr: `${podIP('x/b')}/32` } }] }] })],
        probes: [{ port: 80, protocol: TCP, expect: [{ allEgress: ['x/a', false] }, { expect: ['x/a', 'x/b', true] }] }],
      },
    ],
  },
  (() => {
    const egress = policy('x', 'allow-egress-for-target', xaTarget, { egress: [{}] });
    return {
      upstream: F,
      it: 'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
      pods: ['x/a', 'x/b', 'y/a'],
      ports: [80],
      protocols: [TCP],
      steps: [
        { policies: [egress], probes: [{ port: 80, protocol: TCP, expect: [] }] },
        { policies: [egress, policy('x', 'deny-ingress-via-label-selector', xaTarget, { ingress: [] })], probes: [{ port: 80, protocol: TCP, expect: [{ allIngress: ['x/a', false] }] }] },
      ],
    };
  })(),
  {
    upstream: F,
    it: "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP",
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: [TCP],
    steps: [
      {
        policies: [denyIngressX, policy('x', 'allow-only-sctp-ingress-on-port-81', xaTarget, { ingress: [{ ports: [{ port: 81, protocol: 'SCTP' }] }] })],
        probes: [{ port: 81, protocol: TCP, expect: [{ peer: [{}, { ns: 'x' }, false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: "should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP",
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-only-sctp-ingress-on-port-80', xaTarget, { ingress: [{ ports: [{ port: 80, protocol: 'SCTP' }] }] })],
        probes: [{ port: 81, protocol: TCP, expect: [{ allIngress: ['x/a', false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should not allow access by TCP when a policy specifies only UDP',
    pods: ['x/a', 'y/a'],
    ports: [81],
    protocols: [TCP],
    steps: [
      {
        policies: [policy('x', 'allow-only-udp-ingress-on-port-81', xaTarget, { ingress: [{ ports: [{ port: 81, protocol: 'UDP' }] }] })],
        probes: [{ port: 81, protocol: TCP, expect: [{ allIngress: ['x/a', false] }] }],
      },
    ],
  },
  {
    upstream: F,
    it: 'should enforce policy based on NamespaceSelector with MatchExpressions using default ns label',
    pods: ['x/a', 'x/b', 'y/a', 'z/a'],
    ports: [80],
    protocols: [TCP],
    steps: [
      {
        policies: [
          policy('x', 'allow-ns-y-match-selector-for-immutable-ns-label', xaTarget, {
            egress: [{ to: [{ namespaceSelector: { matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['y'] }] } }] }],
          }),
        ],
        probes: [{ port: 80, protocol: TCP, expect: [{ peer: [{ ns: 'x', pod: 'a' }, { ns: 'y' }, false] }] }],
      },
    ],
  },
];

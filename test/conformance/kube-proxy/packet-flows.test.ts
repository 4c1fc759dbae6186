// pkg/proxy/iptables/proxier_test.go (kubernetes v1.36): the packet-flow tables of
// TestNoEndpointsReject, TestClusterIPGeneral, TestLoadBalancer, TestNodePorts,
// TestHealthCheckNodePort, TestExternalTrafficPolicyLocal and
// TestExternalTrafficPolicyCluster, and the single-chain checks of TestNodePorts
// (KUBE-FIREWALL), TestDropInvalidRule (nfacct counter ensured, tcp_be_liberal unset),
// TestMasqueradeRule (no --random-fully) and TestComputeProbability.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { iptablesRules } from '../../../simulations/index.ts';
import type { ProxierInput } from '../../../simulations/index.ts';
import { computeProbability } from '../../../simulations/services/kube-proxy/proxier.ts';
import { fakeProxier, makeTestEndpointSlice, makeTestService, runPacketFlowTests, testNodeIP, testNodeName, testNodeIPAlt, testNodeIPv6, testNodeIPv6Alt, testExternalClient, testExternalClientBlocked } from './fixtures.ts';
import { parseTables } from './sort-rules.ts';

const UPSTREAM = 'pkg/proxy/iptables/proxier_test.go';
const p80 = [{ name: 'p80', port: 80, protocol: 'TCP' }];

/** assertIPTablesChainEqual: the rules of one chain, in order. */
function chainRules(input: ProxierInput, table: string, chain: string): string {
  const t = parseTables(iptablesRules(input)).find((x) => x.name === table);
  const c = t?.chains.find((x) => x.name === chain);
  return (c?.rules ?? []).map((r) => `${r}\n`).join('');
}

describe(`${UPSTREAM} TestNoEndpointsReject`, () => {
  const input = fakeProxier(
    [makeTestService('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '172.30.0.41', externalIPs: ['192.168.99.11'], ports: [{ name: 'p80', protocol: 'TCP', port: 80, nodePort: 3001 }] }, { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } })],
    [],
  );
  runPacketFlowTests(input, [
    { name: 'pod to cluster IP with no endpoints', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: 'REJECT' },
    { name: 'external to external IP with no endpoints', sourceIP: testExternalClient, destIP: '192.168.99.11', destPort: 80, output: 'REJECT' },
    { name: 'pod to NodePort with no endpoints', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: 'REJECT' },
    { name: 'external to NodePort with no endpoints', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: 'REJECT' },
    { name: 'pod to LoadBalancer IP with no endpoints', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: 'REJECT' },
    { name: 'external to LoadBalancer IP with no endpoints', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: 'REJECT' },
  ]);
});

describe(`${UPSTREAM} TestClusterIPGeneral`, () => {
  const input = fakeProxier(
    [
      makeTestService('ns1', 'svc1', { clusterIP: '172.30.0.41', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
      makeTestService('ns2', 'svc2', {
        clusterIP: '172.30.0.42',
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
          { name: 'dns-udp', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 5353 },
          { name: 'dns-sctp', port: 53, protocol: 'SCTP' },
        ],
      }),
    ],
    [
      makeTestEndpointSlice('ns1', 'svc1', 1, { addressType: 'IPv4', endpoints: [{ addresses: ['10.180.0.1'], nodeName: testNodeName }], ports: [{ name: 'http', port: 80, protocol: 'TCP' }] }),
      makeTestEndpointSlice('ns2', 'svc2', 1, {
        addressType: 'IPv4',
        endpoints: [
          { addresses: ['10.180.0.1'], nodeName: testNodeName },
          { addresses: ['10.180.2.1'], nodeName: 'node2' },
        ],
        ports: [
          { name: 'http', port: 80, protocol: 'TCP' },
          { name: 'https', port: 8443, protocol: 'TCP' },
          { name: 'dns-udp', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 5353, protocol: 'TCP' },
          { name: 'dns-sctp', port: 53, protocol: 'SCTP' },
        ],
      }),
    ],
  );
  runPacketFlowTests(input, [
    { name: 'simple clusterIP', sourceIP: '10.180.0.2', destIP: '172.30.0.41', destPort: 80, output: '10.180.0.1:80', masq: false },
    { name: 'hairpin to cluster IP', sourceIP: '10.180.0.1', destIP: '172.30.0.41', destPort: 80, output: '10.180.0.1:80', masq: true },
    { name: 'clusterIP with multiple endpoints', sourceIP: '10.180.0.2', destIP: '172.30.0.42', destPort: 80, output: '10.180.0.1:80, 10.180.2.1:80', masq: false },
    { name: 'clusterIP with TargetPort', sourceIP: '10.180.0.2', destIP: '172.30.0.42', destPort: 443, output: '10.180.0.1:8443, 10.180.2.1:8443', masq: false },
    { name: 'clusterIP with TCP, UDP, and SCTP on same port (TCP)', sourceIP: '10.180.0.2', protocol: 'TCP', destIP: '172.30.0.42', destPort: 53, output: '10.180.0.1:5353, 10.180.2.1:5353', masq: false },
    { name: 'clusterIP with TCP, UDP, and SCTP on same port (UDP)', sourceIP: '10.180.0.2', protocol: 'UDP', destIP: '172.30.0.42', destPort: 53, output: '10.180.0.1:53, 10.180.2.1:53', masq: false },
    { name: 'clusterIP with TCP, UDP, and SCTP on same port (SCTP)', sourceIP: '10.180.0.2', protocol: 'SCTP', destIP: '172.30.0.42', destPort: 53, output: '10.180.0.1:53, 10.180.2.1:53', masq: false },
    { name: 'TCP-only port does not match UDP traffic', sourceIP: '10.180.0.2', protocol: 'UDP', destIP: '172.30.0.42', destPort: 80, output: '' },
    { name: "svc1 does not accept svc2's ports", sourceIP: '10.180.0.2', destIP: '172.30.0.41', destPort: 443, output: '' },
  ]);
});

describe(`${UPSTREAM} TestLoadBalancer`, () => {
  const ep = '10.180.0.1:80';
  const input = fakeProxier(
    [
      makeTestService(
        'ns1',
        'svc1',
        // Regression test that excess whitespace gets ignored (" 203.0.113.0/25")
        { type: 'LoadBalancer', clusterIP: '172.30.0.41', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], loadBalancerSourceRanges: ['192.168.0.0/24', ' 203.0.113.0/25'] },
        { loadBalancer: { ingress: [{ ip: '1.2.3.4' }, { ip: '5.6.7.8' }] } },
      ),
    ],
    [makeTestEndpointSlice('ns1', 'svc1', 1, { addressType: 'IPv4', endpoints: [{ addresses: ['10.180.0.1'] }], ports: p80 })],
  );
  runPacketFlowTests(input, [
    { name: 'pod to cluster IP', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: ep, masq: false },
    { name: 'external to nodePort', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: ep, masq: true },
    { name: 'nodePort bypasses LoadBalancerSourceRanges', sourceIP: testExternalClientBlocked, destIP: testNodeIP, destPort: 3001, output: ep, masq: true },
    { name: 'accepted external to LB1', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: ep, masq: true },
    { name: 'accepted external to LB2', sourceIP: testExternalClient, destIP: '5.6.7.8', destPort: 80, output: ep, masq: true },
    { name: 'blocked external to LB1', sourceIP: testExternalClientBlocked, destIP: '1.2.3.4', destPort: 80, output: 'DROP' },
    { name: 'blocked external to LB2', sourceIP: testExternalClientBlocked, destIP: '5.6.7.8', destPort: 80, output: 'DROP' },
    { name: 'pod to LB1 (blocked by LoadBalancerSourceRanges)', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: 'DROP' },
    { name: 'pod to LB2 (blocked by LoadBalancerSourceRanges)', sourceIP: '10.0.0.2', destIP: '5.6.7.8', destPort: 80, output: 'DROP' },
    { name: 'node to LB1 (allowed by LoadBalancerSourceRanges)', sourceIP: testNodeIP, destIP: '1.2.3.4', destPort: 80, output: ep, masq: true },
    { name: 'node to LB2 (allowed by LoadBalancerSourceRanges)', sourceIP: testNodeIP, destIP: '5.6.7.8', destPort: 80, output: ep, masq: true },
    { name: 'same node to LB1, SNATted to LB1 (implicitly allowed)', sourceIP: '1.2.3.4', destIP: '1.2.3.4', destPort: 80, output: ep, masq: true },
    { name: 'same node to LB2, SNATted to LB2 (implicitly allowed)', sourceIP: '5.6.7.8', destIP: '5.6.7.8', destPort: 80, output: ep, masq: true },
  ]);
});

describe(`${UPSTREAM} TestNodePorts`, () => {
  const cases: { name: string; family: 'IPv4' | 'IPv6'; localhostNodePorts: boolean; nodePortAddresses: string[] | null; allowAltNodeIP: boolean; expectFirewall: boolean }[] = [
    { name: 'ipv4, localhost-nodeports enabled', family: 'IPv4', localhostNodePorts: true, nodePortAddresses: null, allowAltNodeIP: true, expectFirewall: true },
    { name: 'ipv4, localhost-nodeports disabled', family: 'IPv4', localhostNodePorts: false, nodePortAddresses: null, allowAltNodeIP: true, expectFirewall: false },
    { name: 'ipv4, localhost-nodeports disabled, localhost in nodeport-addresses', family: 'IPv4', localhostNodePorts: false, nodePortAddresses: ['192.168.0.0/24', '127.0.0.1/32'], allowAltNodeIP: false, expectFirewall: false },
    { name: 'ipv4, localhost-nodeports enabled, multiple nodeport-addresses', family: 'IPv4', localhostNodePorts: false, nodePortAddresses: ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64'], allowAltNodeIP: true, expectFirewall: false },
    { name: 'ipv6, localhost-nodeports enabled', family: 'IPv6', localhostNodePorts: true, nodePortAddresses: null, allowAltNodeIP: true, expectFirewall: false },
    { name: 'ipv6, localhost-nodeports disabled', family: 'IPv6', localhostNodePorts: false, nodePortAddresses: null, allowAltNodeIP: true, expectFirewall: false },
    { name: 'ipv6, localhost-nodeports disabled, multiple nodeport-addresses', family: 'IPv6', localhostNodePorts: false, nodePortAddresses: ['192.168.0.0/24', '192.168.1.0/24', '2001:db8::/64'], allowAltNodeIP: false, expectFirewall: false },
  ];
  for (const tc of cases) {
    describe(tc.name, () => {
      const v4 = tc.family === 'IPv4';
      const svcIP = v4 ? '172.30.0.41' : 'fd00:172:30::41';
      const epIP1 = v4 ? '10.180.0.1' : 'fd00:10:180::1';
      const epIP2 = v4 ? '10.180.2.1' : 'fd00:10:180::2:1';
      const input = fakeProxier(
        [makeTestService('ns1', 'svc1', { type: 'NodePort', clusterIP: svcIP, ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }] })],
        [makeTestEndpointSlice('ns1', 'svc1', 1, { addressType: tc.family, endpoints: [{ addresses: [epIP1] }, { addresses: [epIP2], nodeName: testNodeName }], ports: p80 })],
        { ipFamily: tc.family, clusterCIDR: v4 ? '10.0.0.0/8' : 'fd00:10::/64', localhostNodePorts: tc.localhostNodePorts, nodePortAddresses: tc.nodePortAddresses },
      );
      const podIP = v4 ? '10.0.0.2' : 'fd00:10::2';
      const externalClientIP = v4 ? testExternalClient : '2600:5200::1';
      const nodeIP = v4 ? testNodeIP : testNodeIPv6;
      const altNodeIP = v4 ? testNodeIPAlt : testNodeIPv6Alt;
      const localhostIP = v4 ? '127.0.0.1' : '::1';
      const join = (ip: string) => (v4 ? `${ip}:80` : `[${ip}]:80`);
      const output = `${join(epIP1)}, ${join(epIP2)}`;
      runPacketFlowTests(input, [
        { name: 'pod to cluster IP', sourceIP: podIP, destIP: svcIP, destPort: 80, output, masq: false },
        { name: 'external to nodePort', sourceIP: externalClientIP, destIP: nodeIP, destPort: 3001, output, masq: true },
        { name: 'node to nodePort', sourceIP: nodeIP, destIP: nodeIP, destPort: 3001, output, masq: true },
        v4 && tc.localhostNodePorts
          ? { name: 'localhost to nodePort gets masqueraded', sourceIP: localhostIP, destIP: localhostIP, destPort: 3001, output, masq: true }
          : { name: 'localhost to nodePort is ignored', sourceIP: localhostIP, destIP: localhostIP, destPort: 3001, output: '' },
        tc.allowAltNodeIP
          ? { name: 'external to nodePort on secondary IP', sourceIP: externalClientIP, destIP: altNodeIP, destPort: 3001, output, masq: true }
          : { name: 'secondary nodeIP ignores NodePorts', sourceIP: externalClientIP, destIP: altNodeIP, destPort: 3001, output: '' },
      ]);
      it('KUBE-FIREWALL holds the anti-martian rule only with localhost NodePorts (IPv4)', () => {
        const expected = tc.expectFirewall
          ? '-A KUBE-FIREWALL -m comment --comment "block incoming localnet connections" -d 127.0.0.0/8 ! -s 127.0.0.0/8 -m conntrack ! --ctstate RELATED,ESTABLISHED,DNAT -j DROP\n'
          : '';
        assert.equal(chainRules(input, 'filter', 'KUBE-FIREWALL'), expected);
      });
    });
  }
});

describe(`${UPSTREAM} TestHealthCheckNodePort`, () => {
  const svc = makeTestService('ns1', 'svc1', { type: 'LoadBalancer', clusterIP: '172.30.0.42', ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001 }], healthCheckNodePort: 30000, externalTrafficPolicy: 'Local' });
  runPacketFlowTests(fakeProxier([svc], [], { nodePortAddresses: ['127.0.0.0/8'] }), [
    { name: 'firewall accepts HealthCheckNodePort', sourceIP: '1.2.3.4', destIP: testNodeIP, destPort: 30000, output: 'ACCEPT', masq: false },
  ]);
  // fp.OnServiceDelete(svc); fp.syncProxyRules()
  runPacketFlowTests(fakeProxier([], [], { nodePortAddresses: ['127.0.0.0/8'] }), [
    { name: 'HealthCheckNodePort no longer has any rule', sourceIP: '1.2.3.4', destIP: testNodeIP, destPort: 30000, output: '' },
  ]);
});

describe(`${UPSTREAM} TestDropInvalidRule (nfacctEnsured true, tcpLiberal false)`, () => {
  it('drops INVALID packets and counts them', () => {
    assert.equal(
      chainRules(fakeProxier([], []), 'filter', 'KUBE-FORWARD'),
      '-A KUBE-FORWARD -m conntrack --ctstate INVALID -m nfacct --nfacct-name ct_state_invalid_dropped_pkts -j DROP\n' +
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding rules" -m mark --mark 0x4000/0x4000 -j ACCEPT\n' +
        '-A KUBE-FORWARD -m comment --comment "kubernetes forwarding conntrack rule" -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n',
    );
  });
});

describe(`${UPSTREAM} TestMasqueradeRule (randomFully false)`, () => {
  it('marks, clears the mark, masquerades', () => {
    assert.equal(
      chainRules(fakeProxier([], []), 'nat', 'KUBE-POSTROUTING'),
      '-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN\n' +
        '-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000\n' +
        '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE\n',
    );
  });
});

const trafficPolicyService = (policy: 'Local' | 'Cluster') =>
  makeTestService(
    'ns1',
    'svc1',
    {
      type: 'LoadBalancer',
      externalTrafficPolicy: policy,
      clusterIP: '172.30.0.41',
      externalIPs: ['192.168.99.11'],
      ports: [{ name: 'p80', port: 80, protocol: 'TCP', nodePort: 3001, targetPort: 80 }],
      ...(policy === 'Local' ? { healthCheckNodePort: 30000 } : {}),
    },
    { loadBalancer: { ingress: [{ ip: '1.2.3.4' }] } },
  );
const twoEndpoints = makeTestEndpointSlice('ns1', 'svc1', 1, { addressType: 'IPv4', endpoints: [{ addresses: ['10.180.0.1'] }, { addresses: ['10.180.2.1'], nodeName: testNodeName }], ports: p80 });
const both = '10.180.0.1:80, 10.180.2.1:80';

describe(`${UPSTREAM} TestExternalTrafficPolicyLocal`, () => {
  runPacketFlowTests(fakeProxier([trafficPolicyService('Local')], [twoEndpoints]), [
    { name: 'pod to cluster IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: both, masq: false },
    { name: 'pod to external IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '192.168.99.11', destPort: 80, output: both, masq: false },
    { name: 'external to external IP hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: '192.168.99.11', destPort: 80, output: '10.180.2.1:80', masq: false },
    { name: 'pod to LB IP hits only both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: both, masq: false },
    { name: 'external to LB IP hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: '10.180.2.1:80', masq: false },
    { name: 'pod to NodePort hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: both, masq: false },
    { name: 'external to NodePort hits only local endpoint, unmasqueraded', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: '10.180.2.1:80', masq: false },
  ]);
});

describe(`${UPSTREAM} TestExternalTrafficPolicyCluster`, () => {
  runPacketFlowTests(fakeProxier([trafficPolicyService('Cluster')], [twoEndpoints]), [
    { name: 'pod to cluster IP hits both endpoints, unmasqueraded', sourceIP: '10.0.0.2', destIP: '172.30.0.41', destPort: 80, output: both, masq: false },
    { name: 'pod to external IP hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: '192.168.99.11', destPort: 80, output: both, masq: true },
    { name: 'external to external IP hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: '192.168.99.11', destPort: 80, output: both, masq: true },
    { name: 'pod to LB IP hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: '1.2.3.4', destPort: 80, output: both, masq: true },
    { name: 'external to LB IP hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: '1.2.3.4', destPort: 80, output: both, masq: true },
    { name: 'pod to NodePort hits both endpoints, masqueraded', sourceIP: '10.0.0.2', destIP: testNodeIP, destPort: 3001, output: both, masq: true },
    { name: 'external to NodePort hits both endpoints, masqueraded', sourceIP: testExternalClient, destIP: testNodeIP, destPort: 3001, output: both, masq: true },
  ]);
});

describe(`${UPSTREAM} TestComputeProbability`, () => {
  const expected: Record<number, string> = { 1: '1.0000000000', 2: '0.5000000000', 10: '0.1000000000', 100: '0.0100000000', 1000: '0.0010000000', 10000: '0.0001000000', 100000: '0.0000100000', 100001: '0.0000099999' };
  for (const [n, want] of Object.entries(expected)) it(`computeProbability(${n}) is ${want}`, () => assert.equal(computeProbability(Number(n)), want));
  it('probabilities strictly increase as n falls from 100000 to 2', () => {
    let prev = 0;
    for (let i = 100000; i > 1; i--) {
      const cur = Number.parseFloat(computeProbability(i));
      assert.ok(cur > prev, `Probability unexpectedly <= to previous probability for ${i}`);
      prev = cur;
    }
  });
});

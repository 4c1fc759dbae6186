// kubernetes-sigs/kube-network-policies (SIG Network's reference NetworkPolicy implementation),
// pkg/networkpolicy/networkpolicy_test.go: TestSyncPacket, TestController_evaluateIPBlocks and
// TestController_evaluatePorts, asked of networkPolicyAllows. Their fixtures: makeNamespace(name)
// labels kubernetes.io/metadata.name=<name> and a=b; makePod(name, ns, ip) labels a=b, one
// container port named "http", 80/TCP. A packet's source and destination are Pod IPs; the
// connection's source is given as that IP (it resolves to the Pod that owns it).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { networkPolicyAllows } from '../../../simulations/index.ts';

const F = 'kubernetes-sigs/kube-network-policies pkg/networkpolicy/networkpolicy_test.go';

const makeNamespace = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name, a: 'b' } } });
const makePod = (name: string, namespace: string, ip: string, labels: Record<string, string> = { a: 'b' }) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace, labels },
  spec: { nodeName: 'testnode', containers: [{ name: 'write-pod', command: ['/bin/sh'], ports: [{ name: 'http', containerPort: 80, protocol: 'TCP' }] }] },
  status: { podIPs: [{ ip }] },
});
const np = (name: string, namespace: string, spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace }, spec });

const podA = makePod('a', 'foo', '192.168.1.11');
const podB = makePod('b', 'bar', '192.168.2.22');
const podC = makePod('c', 'blocked', '192.168.3.33', { c: 'd' });
const podD = makePod('d', 'bar', '192.168.4.44', { c: 'd' });
const pods = [podA, podB, podC, podD];
const byIP: Record<string, { namespace: string; pod: string }> = {
  '192.168.1.11': { namespace: 'foo', pod: 'a' },
  '192.168.2.22': { namespace: 'bar', pod: 'b' },
  '192.168.3.33': { namespace: 'blocked', pod: 'c' },
  '192.168.4.44': { namespace: 'bar', pod: 'd' },
};

const npDefaultDenyIngress = np('default-deny-ingress', 'bar', { podSelector: {}, policyTypes: ['Ingress'] });
const npDefaultDenyEgress = np('default-deny-ingress', 'bar', { podSelector: {}, policyTypes: ['Egress'] });
const npAllowAllIngress = np('default-allow-ingress', 'bar', { podSelector: {}, policyTypes: ['Ingress'], ingress: [] });
const npAllowAllIngressIPBlock = np('default-allow-ingress-ipBlock', 'bar', { podSelector: {}, policyTypes: ['Ingress'], ingress: [{ from: [{ ipBlock: { cidr: '192.168.0.0/16' } }] }] });
const ab = { matchLabels: { a: 'b' } };
const npMultiPortEgress = np('multiport-egress', 'foo', { podSelector: ab, policyTypes: ['Egress'], egress: [{ ports: [{ protocol: 'TCP', port: 30000, endPort: 65537 }], to: [] }] });
const npMultiPortEgressIPBlock = np('multiport-egress', 'foo', { podSelector: ab, policyTypes: ['Egress'], egress: [{ to: [{ ipBlock: { cidr: '192.168.0.0/16' } }] }] });
const npMultiPortEgressPodSelector = np('multiport-egress', 'foo', { podSelector: ab, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: ab }] }] });
const npMultiPortEgressNsSelector = np('multiport-egress-ns', 'foo', { podSelector: ab, policyTypes: ['Egress'], egress: [{ to: [{ namespaceSelector: ab }] }] });
const npMultiPortEgressPodNsSelector = np('multiport-egress-pod-ns', 'foo', { podSelector: ab, policyTypes: ['Egress'], egress: [{ to: [{ podSelector: ab, namespaceSelector: ab }] }] });
const npMultiPortIngressPodNsSelector = np('multiport-ingress-pod-ns', 'bar', { podSelector: ab, policyTypes: ['Ingress'], ingress: [{ from: [{ podSelector: ab, namespaceSelector: ab }] }] });

describe(`${F} TestSyncPacket`, () => {
  const cases: Array<{ name: string; policies: object[]; src: string; dst: string; dstPort: number; expect: boolean }> = [
    { name: 'no network policy', policies: [], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: true },
    { name: 'deny ingress', policies: [npDefaultDenyIngress], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: false },
    { name: 'deny egress', policies: [npDefaultDenyEgress], src: '192.168.2.22', dst: '192.168.1.11', dstPort: 80, expect: false },
    { name: 'deny egress on reply does not have effect', policies: [npDefaultDenyEgress], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: true },
    // 'allow all override deny ingress' ([npDefaultDenyIngress, npAllowAllIngress] → true) is left out: npAllowAllIngress
    // sets spec.ingress to an empty list, which the API documents as "does not allow any traffic" and which the e2e
    // test "should enforce updated policy" (policy.Spec.Ingress = [] → deny all) requires; the allow-all policy of the
    // e2e tests is one empty rule (ingress: [{}]). networkPolicyAllows follows the API and the e2e tests:
    { name: 'an empty ingress list does not override deny ingress (see above)', policies: [npDefaultDenyIngress, npAllowAllIngress], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: false },
    { name: 'one empty ingress rule overrides deny ingress (the e2e allow-all)', policies: [npDefaultDenyIngress, np('allow-all', 'bar', { podSelector: {}, ingress: [{}] })], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: true },
    { name: 'ip block override deny ingress', policies: [npDefaultDenyIngress, npAllowAllIngressIPBlock], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: true },
    { name: 'ip block deny ingress', policies: [npAllowAllIngressIPBlock], src: '10.0.0.1', dst: '192.168.2.22', dstPort: 80, expect: false },
    { name: 'multiport deny egress port', policies: [npDefaultDenyEgress, npMultiPortEgress], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: false },
    { name: 'multiport allow egress port', policies: [npDefaultDenyEgress, npMultiPortEgress], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 30080, expect: true },
    { name: 'multiport allow egress', policies: [npDefaultDenyEgress, npMultiPortEgress, npMultiPortEgressIPBlock], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: true },
    { name: 'multiport allow egress port selector not match ns', policies: [npDefaultDenyEgress, npMultiPortEgress, npMultiPortEgressPodSelector], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: false },
    { name: 'multiport allow egress port selector not match pod selector', policies: [npDefaultDenyEgress, npMultiPortEgress, npMultiPortEgressPodSelector], src: '192.168.1.11', dst: '192.168.3.33', dstPort: 80, expect: false },
    { name: 'multiport allow egress ns selector', policies: [npDefaultDenyEgress, npMultiPortEgress, npMultiPortEgressNsSelector], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: true },
    { name: 'multiport allow egress ns selector fail', policies: [npDefaultDenyEgress, npMultiPortEgress, npMultiPortEgressNsSelector], src: '192.168.1.11', dst: '192.168.3.33', dstPort: 80, expect: false },
    { name: 'multiport allow egress ns and pod selector', policies: [npDefaultDenyEgress, npMultiPortEgress, npMultiPortEgressPodNsSelector], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: true },
    { name: 'multiport allow egress ns and pod selector fail', policies: [npDefaultDenyEgress, npMultiPortEgress, npMultiPortEgressPodNsSelector], src: '192.168.1.11', dst: '192.168.3.33', dstPort: 80, expect: false },
    { name: 'multiport allow ingress ns and pod selector', policies: [npDefaultDenyIngress, npMultiPortIngressPodNsSelector], src: '192.168.1.11', dst: '192.168.2.22', dstPort: 80, expect: true },
    { name: 'multiport allow ingress ns and pod selector fail', policies: [npDefaultDenyIngress, npMultiPortIngressPodNsSelector], src: '192.168.1.11', dst: '192.168.4.44', dstPort: 80, expect: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      // The fixture lists namespaces foo and bar only: "blocked" carries just its name label.
      const cluster = { namespaces: [makeNamespace('foo'), makeNamespace('bar')], pods, policies: c.policies };
      assert.equal(networkPolicyAllows(cluster, { from: { ip: c.src }, to: byIP[c.dst], port: c.dstPort, protocol: 'TCP' }), c.expect);
    });
  }
});

describe(`${F} TestController_evaluateIPBlocks and TestController_evaluatePorts, as one-rule ingress policies`, () => {
  // The destination is makePod("a", "b", "192.168.1.1"); an isolated ingress rule holds the block or the ports under test.
  const dest = makePod('a', 'b', '192.168.1.1');
  const ask = (rule: object, from: string, port: number, protocol: 'TCP' | 'UDP') =>
    networkPolicyAllows(
      { namespaces: [makeNamespace('b')], pods: [dest], policies: [np('p', 'b', { podSelector: {}, policyTypes: ['Ingress'], ingress: [rule] })] },
      { from: { ip: from }, to: { namespace: 'b', pod: 'a' }, port, protocol },
    );
  const block = (ipBlock: object) => ({ from: [{ ipBlock }] });
  it('match cidr', () => assert.equal(ask(block({ cidr: '192.168.0.0/24' }), '192.168.0.1', 80, 'TCP'), true));
  it('no match cidr', () => assert.equal(ask(block({ cidr: '192.168.0.0/24' }), '10.0.0.1', 80, 'TCP'), false));
  it('match cidr and not except', () => assert.equal(ask(block({ cidr: '192.168.0.0/24', except: ['192.168.1.0/24'] }), '192.168.0.1', 80, 'TCP'), true));
  it('match cidr and except', () => assert.equal(ask(block({ cidr: '192.168.0.0/24', except: ['192.168.1.0/24'] }), '192.168.1.1', 80, 'TCP'), false));

  const ports = (p: object[]) => ({ ports: p });
  it('empty', () => assert.equal(ask({}, '10.0.0.9', 4242, 'UDP'), true));
  it('match TCP', () => assert.equal(ask(ports([{ protocol: 'TCP', port: 30000 }]), '10.0.0.9', 30000, 'TCP'), true));
  it('match UDP', () => assert.equal(ask(ports([{ protocol: 'UDP', port: 30000 }]), '10.0.0.9', 30000, 'UDP'), true));
  it('no match TCP', () => assert.equal(ask(ports([{ protocol: 'TCP', port: 30000 }]), '10.0.0.9', 138, 'TCP'), false));
  it('no match UDP', () => assert.equal(ask(ports([{ protocol: 'UDP', port: 30000 }]), '10.0.0.9', 138, 'UDP'), false));
  it('match TCP range', () => assert.equal(ask(ports([{ protocol: 'TCP', port: 30000, endPort: 65537 }]), '10.0.0.9', 30138, 'TCP'), true));
  it('match UDP range', () => assert.equal(ask(ports([{ protocol: 'UDP', port: 30000, endPort: 65537 }]), '10.0.0.9', 30138, 'UDP'), true));
  it('no match TCP range', () => assert.equal(ask(ports([{ protocol: 'TCP', port: 30000, endPort: 65537 }]), '10.0.0.9', 138, 'TCP'), false));
  it('no match UDP range', () => assert.equal(ask(ports([{ protocol: 'UDP', port: 30000, endPort: 65537 }]), '10.0.0.9', 138, 'UDP'), false));
  it('match TCP named port', () => assert.equal(ask(ports([{ protocol: 'TCP', port: 'http' }]), '10.0.0.9', 80, 'TCP'), true));
  it('no match UDP named port', () => assert.equal(ask(ports([{ protocol: 'UDP', port: 'http' }]), '10.0.0.9', 80, 'TCP'), false));
});

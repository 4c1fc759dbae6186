// networkPolicyAllows on the rules the API documents (k8s.io/api networking/v1 types.go comments),
// each case naming the sentence it checks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { networkPolicyAllows } from './allows.ts';
import { ipNetContains } from './policy-eval.ts';
import { parseCIDRSloppy, parseIPSloppy } from '../apimachinery/go-net.ts';

const ns = (name: string) => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const pod = (namespace: string, name: string, ip: string, ports: object[] = []) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, labels: { app: name } },
  spec: { containers: [{ name: 'c', image: 'i', ports }] }, status: { podIP: ip, podIPs: [{ ip }] },
});
const np = (namespace: string, spec: object) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'p', namespace }, spec });
const cluster = (policies: object[]) => ({
  namespaces: [ns('a')],
  pods: [pod('a', 'client', '10.1.0.5'), pod('a', 'server', '10.1.0.9', [{ name: 'web', containerPort: 8080 }]), pod('a', 'v6', 'fd00::9')],
  policies,
});
const conn = (to: string, port: number, from: object = { namespace: 'a', pod: 'client' }, protocol: 'TCP' | 'UDP' | 'SCTP' = 'TCP') => ({ from: from as { ip: string }, to: { namespace: 'a', pod: to }, port, protocol });

describe('networkPolicyAllows: the API’s own rules', () => {
  it('IPBlock "Valid examples are 192.168.1.0/24 or 2001:db8::/64": IPv6 blocks match IPv6 Pod addresses', () => {
    const c = cluster([np('a', { podSelector: { matchLabels: { app: 'v6' } }, ingress: [{ from: [{ ipBlock: { cidr: 'fd00::/64' } }] }] })]);
    assert.equal(networkPolicyAllows(c, conn('v6', 80, { ip: 'fd00::1' })), true);
    assert.equal(networkPolicyAllows(c, conn('v6', 80, { ip: 'fd01::1' })), false);
    assert.equal(networkPolicyAllows(c, conn('v6', 80, { ip: '10.1.0.77' })), false);
  });
  it('a CIDR with host bits means its network (Go ParseCIDR masks them)', () => {
    const c = cluster([np('a', { podSelector: { matchLabels: { app: 'server' } }, ingress: [{ from: [{ ipBlock: { cidr: '10.1.0.200/24' } }] }] })]);
    assert.equal(networkPolicyAllows(c, conn('server', 80)), true); // 10.1.0.5 is in 10.1.0.0/24
    assert.equal(networkPolicyAllows(c, conn('server', 80, { ip: '10.1.1.5' })), false);
    assert.equal(ipNetContains(parseCIDRSloppy('10.1.0.200/24')!.ipnet, parseIPSloppy('10.1.0.1')!), true);
  });
  it('"endPort ... the range port <= port <= endPort" is inclusive at both ends', () => {
    const c = cluster([np('a', { podSelector: {}, ingress: [{ ports: [{ port: 8000, endPort: 8100 }] }] })]);
    assert.deepEqual([7999, 8000, 8100, 8101].map((p) => networkPolicyAllows(c, conn('server', p))), [false, true, true, false]);
  });
  it('a named port in an egress rule is looked up on the destination Pod; a destination without it matches nothing', () => {
    const c = cluster([np('a', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{ ports: [{ port: 'web' }] }] })]);
    assert.equal(networkPolicyAllows(c, conn('server', 8080)), true);
    assert.equal(networkPolicyAllows(c, conn('v6', 8080)), false); // v6 has no port named web
  });
  it('"If this field is empty then this NetworkPolicy does not allow any traffic" (egress: []) versus one empty rule (egress: [{}])', () => {
    const none = cluster([np('a', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [] })]);
    const all = cluster([np('a', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'], egress: [{}] })]);
    assert.equal(networkPolicyAllows(none, conn('server', 80)), false);
    assert.equal(networkPolicyAllows(all, conn('server', 80)), true);
  });
  it('policyTypes left out: Ingress, plus Egress when there are egress rules (SetDefaults_NetworkPolicy)', () => {
    const c = cluster([np('a', { podSelector: { matchLabels: { app: 'server' } }, egress: [{ ports: [{ port: 53, protocol: 'UDP' }] }] })]);
    assert.equal(networkPolicyAllows(c, conn('server', 80)), false); // ingress isolated, no ingress rules
    assert.equal(networkPolicyAllows(c, { from: { namespace: 'a', pod: 'server' }, to: { namespace: 'a', pod: 'client' }, port: 80, protocol: 'TCP' }), false); // egress only UDP 53
    assert.equal(networkPolicyAllows(c, { from: { namespace: 'a', pod: 'server' }, to: { namespace: 'a', pod: 'client' }, port: 53, protocol: 'UDP' }), true);
  });
  it('a source given as a Pod’s address is that Pod: its egress policies apply', () => {
    const c = cluster([np('a', { podSelector: { matchLabels: { app: 'client' } }, policyTypes: ['Egress'] })]);
    assert.equal(networkPolicyAllows(c, conn('server', 80, { ip: '10.1.0.5' })), false);
    assert.equal(networkPolicyAllows(c, conn('server', 80, { ip: '10.1.0.6' })), true);
  });
  it('"protocol ... If not specified, this field defaults to TCP": a port without protocol does not admit UDP', () => {
    const c = cluster([np('a', { podSelector: {}, ingress: [{ ports: [{ port: 53 }] }] })]);
    assert.equal(networkPolicyAllows(c, conn('server', 53, undefined, 'UDP')), false);
    assert.equal(networkPolicyAllows(c, conn('server', 53)), true);
  });
  it('bad connections are located errors', () => {
    const c = cluster([]);
    assert.throws(() => networkPolicyAllows(c, conn('nope', 80)), /pods "nope" not found/);
    assert.throws(() => networkPolicyAllows(c, conn('server', 0)), /between 1 and 65535/);
    assert.throws(() => networkPolicyAllows(c, conn('server', 80, { ip: 'x' })), /valid IP/);
  });
});

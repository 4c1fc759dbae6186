import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { engine } from './engine.ts';
import { buildView } from './view-model.ts';
import { checkCIDRPlan, nthSubnet, parsePrefix4, prefixString } from './cidr.ts';

const fixture = readFileSync(new URL('./fixtures/two-racks.yaml', import.meta.url), 'utf8');
const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true });
const withBackend = (b: string) => fixture.replace('backend: flannel-host-gw', `backend: ${b}`);
const packet = (out: ReturnType<typeof run>, name: string) => out.result.packets.find((p) => p.name === name)!;

describe('pod-network engine', () => {
  it('same node: the bridge switches the frame, no routing, no encapsulation', () => {
    const p = packet(run(fixture), 'web-to-cache');
    assert.equal(p.delivered, true);
    assert.deepEqual(p.hops.map((h) => h.kind), ['pod', 'veth', 'bridge', 'deliver']);
  });

  it('host-gw: a routed hop to a node on the same LAN, and no route across a router (the kernel refuses a next hop that is not on-link)', () => {
    const out = run(fixture);
    assert.equal(packet(out, 'web-to-api').delivered, true);
    assert.equal(packet(out, 'web-to-api').encapsulation, null);
    const db = packet(out, 'web-to-db');
    assert.equal(db.delivered, false);
    assert.match(db.hops.at(-1)!.action, /router has no route to 10\.244\.2\.0\/24/);
    assert.deepEqual(out.result.nodes[0].refusedRoutes, ['10.244.2.0/24 via 192.168.2.13 dev eth0: RTNETLINK answers: Network is unreachable (192.168.2.13 is not on a directly connected network)']);
    assert.equal(out.result.nodes[0].ipRoute.split('\n').includes('10.244.1.0/24 via 192.168.1.12 dev eth0'), true);
  });

  it('VXLAN: every cross-node packet is wrapped (UDP 8472), Pods get the underlay MTU minus 50', () => {
    const out = run(withBackend('flannel-vxlan'));
    const db = packet(out, 'web-to-db');
    assert.equal(db.delivered, true);
    assert.equal(db.encapsulation, 'vxlan');
    assert.equal(out.result.podMtu, 1450);
    assert.match(db.hops.find((h) => h.kind === 'encap')!.packet, /^\[192\.168\.1\.11 → 192\.168\.2\.13 UDP\/8472 VXLAN vni 1\] 10\.244\.0\.2 → 10\.244\.2\.2 TCP\/5432$/);
    assert.ok(out.result.nodes[0].ipRoute.includes('10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink'));
  });

  it('Calico: /26 blocks, /32 routes to cali veths, a blackhole for the own block; IPIP CrossSubnet wraps only across subnets', () => {
    const out = run(withBackend('calico-ipip-crosssubnet'));
    assert.deepEqual(out.result.nodes.map((n) => n.podRange), ['10.244.0.0/26', '10.244.0.64/26', '10.244.0.128/26']);
    // tunl0 takes each block's first address; Pods come next
    assert.deepEqual(out.result.pods.map((p) => p.ip), ['10.244.0.1', '10.244.0.2', '10.244.0.65', '10.244.0.129']);
    assert.ok(out.result.nodes[0].ipRoute.includes('blackhole 10.244.0.0/26 proto bird'));
    assert.equal(packet(out, 'web-to-api').encapsulation, null);
    assert.equal(packet(out, 'web-to-db').encapsulation, 'ipip');
    assert.equal(packet(out, 'web-to-db').maxPodPacket, 1480);
  });

  it('Calico BGP without encapsulation crosses subnets only when the routers learn the Pod blocks', () => {
    assert.equal(packet(run(withBackend('calico-bgp')), 'web-to-db').delivered, false);
    const peered = run(withBackend('calico-bgp').replace('  mtu: 1500\n', '  mtu: 1500\n  routersKnowPodRoutes: true\n'));
    assert.equal(packet(peered, 'web-to-db').delivered, true);
  });

  it('CIDR plan: an overlap with a network the nodes reach is reported with its consequence', () => {
    const out = run(fixture.replace('cidr: 10.8.0.0/16', 'cidr: 10.244.128.0/17'));
    assert.equal(out.result.cidrChecks[0].ok, false);
    assert.match(out.result.cidrChecks[0].message, /^the Pod CIDR \(clusterCIDR\) 10\.244\.0\.0\/16 overlaps office-vpn 10\.244\.128\.0\/17: Pods cannot reach office-vpn/);
  });

  it('CIDR plan: a /16 holds 256 ranges of /24 (kube-controller-manager --node-cidr-mask-size), a Service CIDR inside the Pod CIDR is an overlap', () => {
    const checks = checkCIDRPlan({ clusterCIDR: '10.244.0.0/16', serviceCIDR: '10.244.200.0/24', nodeCIDRMaskSize: 24, nodeCount: 257 });
    assert.deepEqual(checks.map((c) => c.code), ['overlap', 'too-many-nodes']);
    assert.match(checks[1].message, /holds only 256 node ranges of \/24: 1 node\(s\) get none \(event CIDRNotAvailable\)/);
    assert.equal(prefixString(nthSubnet(parsePrefix4('10.244.0.0/16')!, 24, 255)!), '10.244.255.0/24');
    assert.equal(nthSubnet(parsePrefix4('10.244.0.0/16')!, 24, 256), null);
  });

  it('a node without a Pod range leaves its Pods without an address', () => {
    const out = run(fixture.replace('clusterCIDR: 10.244.0.0/16', 'clusterCIDR: 10.244.0.0/23'));
    const db = packet(out, 'web-to-db');
    assert.equal(db.delivered, false);
    assert.match(db.dropReason!, /default\/db has no IP: its node node-3 has no Pod range/);
  });

  it('bad input is a located 400', () => {
    assert.throws(() => run(withBackend('weave')), (e: unknown) => e instanceof ValidationError && /Unsupported value: "weave"/.test(e.message));
    assert.throws(() => run(fixture.replace('to: db,', 'to: nope,')), (e: unknown) => e instanceof ValidationError && e.path!.join('.') === 'spec.packets.2.to');
    assert.throws(() => run(fixture.replace('  nodeName: node-3\n', '')), (e: unknown) => e instanceof ValidationError && /spec\.nodeName/.test(e.message));
    assert.throws(() => run('apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {containers: [{name: c, image: i}]}\n'), ValidationError);
  });

  it('the view draws one box per hop', () => {
    const v = buildView(run(withBackend('flannel-vxlan')));
    const db = v.paths.find((p) => p.name === 'web-to-db')!;
    assert.equal(db.boxes.length, db.steps.length);
    assert.equal(db.arrows.length, db.boxes.length - 1);
    assert.ok(db.boxes.some((b) => b.cls === 'pn-encap'));
  });
});

// Upstream: pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go TestNodeUnschedulable,
//           pkg/scheduler/framework/plugins/nodename/node_name_test.go TestNodeName,
//           pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestNodePorts, TestFits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runFilterPlugin } from '../../../simulations/scheduler/public-api.ts';
import { node, pod } from './builders.ts';

const UNSCHED = 'pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable_test.go TestNodeUnschedulable';
const unschedulableCases = [
  { name: 'Does not schedule pod to unschedulable node (node.Spec.Unschedulable==true)', tolerations: undefined, unschedulable: true, want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] } },
  { name: 'Schedule pod to normal node', tolerations: undefined, unschedulable: false, want: { code: 'Success', reasons: [] } },
  { name: 'Schedule pod with toleration to unschedulable node (node.Spec.Unschedulable==true)', tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }], unschedulable: true, want: { code: 'Success', reasons: [] } },
];
for (const c of unschedulableCases) {
  test(`${UNSCHED}: ${c.name}`, () => {
    const got = runFilterPlugin('NodeUnschedulable', { pod: pod({ tolerations: c.tolerations }), nodes: [node({ name: 'n', unschedulable: c.unschedulable })] });
    assert.deepEqual(got.n, c.want);
  });
}

const NODENAME = 'pkg/scheduler/framework/plugins/nodename/node_name_test.go TestNodeName';
const nodeNameCases = [
  { name: 'no host specified', podNode: undefined, nodeName: 'foo', want: { code: 'Success', reasons: [] } },
  { name: 'host matches', podNode: 'foo', nodeName: 'foo', want: { code: 'Success', reasons: [] } },
  { name: "host doesn't match", podNode: 'bar', nodeName: 'foo', want: { code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't match the requested node name"] } },
];
for (const c of nodeNameCases) {
  test(`${NODENAME}: ${c.name}`, () => {
    const got = runFilterPlugin('NodeName', { pod: pod({ node: c.podNode }), nodes: [node({ name: c.nodeName })] });
    assert.deepEqual(got[c.nodeName], c.want);
  });
}

const PORTS = 'pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestNodePorts';
/** newPod(host, "PROTO/IP/PORT"...) of node_ports_test.go */
const ports = (...infos: string[]) =>
  infos.map((s) => {
    const [protocol, hostIP, port] = s.split('/');
    return { protocol, hostIP, hostPort: Number(port) };
  });
const CONFLICT = { code: 'Unschedulable', reasons: ["node(s) didn't have free ports for the requested pod ports"] };
const OK = { code: 'Success', reasons: [] };
const portCases = [
  { name: 'skip filter', want: ports(), existing: ports(), expect: OK },
  { name: 'other port', want: ports('UDP/127.0.0.1/8080'), existing: ports('UDP/127.0.0.1/9090'), expect: OK },
  { name: 'same udp port', want: ports('UDP/127.0.0.1/8080'), existing: ports('UDP/127.0.0.1/8080'), expect: CONFLICT },
  { name: 'same tcp port', want: ports('TCP/127.0.0.1/8080'), existing: ports('TCP/127.0.0.1/8080'), expect: CONFLICT },
  { name: 'different host ip', want: ports('TCP/127.0.0.1/8080'), existing: ports('TCP/127.0.0.2/8080'), expect: OK },
  { name: 'different protocol', want: ports('UDP/127.0.0.1/8080'), existing: ports('TCP/127.0.0.1/8080'), expect: OK },
  { name: 'second udp port conflict', want: ports('UDP/127.0.0.1/8000', 'UDP/127.0.0.1/8080'), existing: ports('UDP/127.0.0.1/8080'), expect: CONFLICT },
  { name: 'first tcp port conflict', want: ports('TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8080'), existing: ports('TCP/127.0.0.1/8001', 'UDP/127.0.0.1/8081'), expect: CONFLICT },
  { name: 'first tcp port conflict due to 0.0.0.0 hostIP', want: ports('TCP/0.0.0.0/8001'), existing: ports('TCP/127.0.0.1/8001'), expect: CONFLICT },
  { name: 'TCP hostPort conflict due to 0.0.0.0 hostIP', want: ports('TCP/10.0.10.10/8001', 'TCP/0.0.0.0/8001'), existing: ports('TCP/127.0.0.1/8001'), expect: CONFLICT },
  { name: 'second tcp port conflict to 0.0.0.0 hostIP', want: ports('TCP/127.0.0.1/8001'), existing: ports('TCP/0.0.0.0/8001'), expect: CONFLICT },
  { name: 'second different protocol', want: ports('UDP/127.0.0.1/8001'), existing: ports('TCP/0.0.0.0/8001'), expect: OK },
  { name: 'UDP hostPort conflict due to 0.0.0.0 hostIP', want: ports('UDP/127.0.0.1/8001'), existing: ports('TCP/0.0.0.0/8001', 'UDP/0.0.0.0/8001'), expect: CONFLICT },
];
for (const c of portCases) {
  test(`${PORTS}: ${c.name}`, () => {
    const existing = c.existing.length ? [pod({ name: 'existing', node: 'm1', ports: c.existing })] : [];
    const got = runFilterPlugin('NodePorts', { pod: pod({ name: 'incoming', ports: c.want.length ? c.want : undefined }), nodes: [node({ name: 'm1' })], existingPods: existing });
    assert.deepEqual(got.m1, c.expect);
  });
}

test(`${PORTS}: non-sidecar initContainer using hostPort (PreFilter Skip: init containers' ports are not host ports in use)`, () => {
  const incoming = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [], initContainers: [{ name: 'i', ports: [{ containerPort: 8001, hostPort: 8001, protocol: 'TCP' }] }] } };
  const got = runFilterPlugin('NodePorts', { pod: incoming, nodes: [node({ name: 'm1' })], existingPods: [pod({ name: 'e', node: 'm1', ports: ports('TCP/0.0.0.0/8001') })] });
  assert.deepEqual(got.m1, OK);
});

const FITS = 'pkg/scheduler/framework/plugins/nodeports/node_ports_test.go TestFits';
const fitsCases = [
  { name: 'non-conflicting ports', want: ports('TCP/127.0.0.1/80'), existing: ports('TCP/127.0.0.1/9090'), fits: true },
  { name: 'multiple non-conflicting ports', want: ports('TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'), existing: ports('TCP/127.0.0.1/9090', 'TCP/127.0.0.1/9191', 'TCP/127.0.1.1/8080'), fits: true },
  { name: 'same ports on different protocols', want: ports('TCP/127.0.0.1/80'), existing: ports('UDP/127.0.0.1/80'), fits: true },
  { name: 'conflicting ports', want: ports('TCP/127.0.0.1/80'), existing: ports('TCP/127.0.0.1/80'), fits: false },
  { name: 'multiple ports, some conflicting', want: ports('TCP/127.0.0.1/80', 'TCP/127.0.1.1/80', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/100'), existing: ports('TCP/127.0.0.1/9090', 'TCP/127.0.1.1/90', 'TCP/127.0.1.1/8080'), fits: false },
];
for (const c of fitsCases) {
  test(`${FITS}: ${c.name}`, () => {
    const got = runFilterPlugin('NodePorts', { pod: pod({ ports: c.want }), nodes: [node({ name: 'n' })], existingPods: [pod({ name: 'e', node: 'n', ports: c.existing })] });
    assert.equal(got.n.code === 'Success', c.fits);
  });
}

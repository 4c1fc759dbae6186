// The node lifecycle controller against pkg/controller/nodelifecycle/node_lifecycle_controller_test.go (v1.36):
// TestMonitorNodeHealthUpdateStatus and TestMonitorNodeHealthUpdateNodeAndPodStatusWithLease.
// Each upstream case syncs the node (and Lease) store, runs monitorNodeHealth at fakeNow, and,
// when timeToPass is set, replaces the node's status (and Lease) and runs again an hour later.
// Checked: the status the controller wrote (UpdatedNodeStatuses: conditions by type, times as
// instants), whether it wrote one at all (the Update in expectedRequestCount), and whether a
// Pod's status was updated (MarkPodsNotReady).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monitorNodeHealth } from '../../../simulations/index.ts';

const fakeNow = '2015-01-01T12:00:00Z';
const hourLater = '2015-01-01T13:00:00Z';
const created2012 = '2012-01-01T00:00:00Z';
const capacity = { cpu: '10', memory: '10G' };
const pod0 = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod0', namespace: 'default' }, spec: { nodeName: 'node0' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
const lease = (renewTime: string) => ({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: 'node0', namespace: 'kube-node-lease' }, spec: { holderIdentity: 'node0', renewTime } });
const cond = (type: string, status: string, hb: string, tr: string, reason?: string, message?: string) =>
  ({ type, status, lastHeartbeatTime: hb, lastTransitionTime: tr, ...(reason ? { reason, message } : {}) });
const neverUpdated = (type: string, at: string, createdAt = created2012) => cond(type, 'Unknown', createdAt, at, 'NodeStatusNeverUpdated', 'Kubelet never posted node status.');
const node0 = (creationTimestamp: string, status?: unknown) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'node0', creationTimestamp }, ...(status ? { status } : { status: {} }) });

interface Case {
  description: string;
  node: ReturnType<typeof node0>;
  lease?: unknown;
  newNodeStatus?: unknown;
  newLease?: unknown;
  expectedStatus?: { conditions: unknown[] };
  expectedPodStatusUpdate: boolean;
}

const readyTrueAt = (hb: string, tr: string) => ({ conditions: [cond('Ready', 'True', hb, tr)], capacity });
const readyAndDisk = (hb: string, tr: string) => ({ conditions: [cond('Ready', 'True', hb, tr), cond('DiskPressure', 'False', hb, tr)], capacity });
const unknownAfterHour = (hb: string) => ({ conditions: [
  cond('Ready', 'Unknown', hb, hourLater, 'NodeStatusUnknown', 'Kubelet stopped posting node status.'),
  neverUpdated('MemoryPressure', hourLater), neverUpdated('DiskPressure', hourLater), neverUpdated('PIDPressure', hourLater)], capacity });
const neverPostedAt = (at: string) => ({ conditions: ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'].map((t) => neverUpdated(t, at)) });

const updateStatus: Case[] = [
  { description: 'Node created long time ago, without status: expect Unknown status posted from node controller',
    node: node0(created2012), expectedStatus: neverPostedAt(fakeNow), expectedPodStatusUpdate: false },
  { description: 'Node created recently, without status: expect no action (within startup grace period)',
    node: node0(fakeNow), expectedPodStatusUpdate: false },
  { description: 'Node created long time ago, with status updated by kubelet exceeds grace period: expect Unknown status',
    node: node0(created2012, readyTrueAt(fakeNow, fakeNow)), newNodeStatus: readyTrueAt(fakeNow, fakeNow), expectedStatus: unknownAfterHour(fakeNow), expectedPodStatusUpdate: true },
  { description: 'Node created long time ago, with status updated recently: expect no action (within monitor grace period)',
    node: node0(created2012, readyTrueAt(fakeNow, fakeNow)), expectedPodStatusUpdate: false },
];

const withLease: Case[] = [
  { description: 'Node created recently, without status. Node lease is missing.', node: node0(fakeNow), expectedPodStatusUpdate: false },
  { description: 'Node created recently, without status. Node lease is renewed recently.', node: node0(fakeNow), lease: lease(fakeNow), expectedPodStatusUpdate: false },
  { description: 'Node created long time ago, without status. Node lease is missing.', node: node0(created2012), expectedStatus: neverPostedAt(fakeNow), expectedPodStatusUpdate: false },
  { description: 'Node created long time ago, without status. Node lease is renewed recently.', node: node0(created2012), lease: lease(fakeNow),
    newNodeStatus: {}, newLease: lease(hourLater), expectedPodStatusUpdate: false },
  { description: 'Node created long time ago, without status. Node lease is expired.', node: node0(created2012), lease: lease(fakeNow),
    newNodeStatus: {}, newLease: lease(fakeNow), expectedStatus: neverPostedAt(hourLater), expectedPodStatusUpdate: false },
  { description: 'Node created long time ago, with status updated by kubelet exceeds grace period. Node lease is renewed.',
    node: node0(created2012, readyAndDisk(fakeNow, fakeNow)), lease: lease(fakeNow), newNodeStatus: readyAndDisk(fakeNow, fakeNow), newLease: lease(hourLater), expectedPodStatusUpdate: false },
  { description: 'Node created long time ago, with status updated by kubelet recently. Node lease is expired.',
    node: node0(created2012, readyAndDisk(fakeNow, fakeNow)), lease: lease(fakeNow),
    newNodeStatus: { conditions: [cond('Ready', 'True', hourLater, fakeNow), cond('DiskPressure', 'False', hourLater, fakeNow)], capacity }, newLease: lease(fakeNow), expectedPodStatusUpdate: false },
  { description: 'Node created long time ago, with status updated by kubelet exceeds grace period. Node lease is also expired.',
    node: node0(created2012, readyTrueAt(fakeNow, fakeNow)), lease: lease(fakeNow), newNodeStatus: readyTrueAt(fakeNow, fakeNow), newLease: lease(fakeNow),
    expectedStatus: unknownAfterHour(fakeNow), expectedPodStatusUpdate: true },
];

const instant = (s: unknown) => (typeof s === 'string' ? Date.parse(s) : s);
function normalizeConditions(list: unknown[]) {
  return list.map((c): Record<string, unknown> => {
    const o = c as Record<string, unknown>;
    return { ...o, lastHeartbeatTime: instant(o.lastHeartbeatTime), lastTransitionTime: instant(o.lastTransitionTime) };
  }).sort((a, b) => String(a.type).localeCompare(String(b.type)));
}

function run(c: Case) {
  const passes: { now: string; nodes: unknown[]; leases?: unknown[]; pods?: unknown[] }[] = [
    { now: fakeNow, nodes: [c.node], pods: [pod0], ...(c.lease ? { leases: [c.lease] } : {}) }];
  if (c.newNodeStatus !== undefined) {
    passes.push({ now: hourLater, nodes: [{ ...c.node, status: c.newNodeStatus }], ...(c.newLease ? { leases: [c.newLease] } : {}) });
  }
  return monitorNodeHealth(passes, { nodeMonitorGracePeriod: 50, nodeStartupGracePeriod: 60 }).nodes.node0;
}

for (const [test, table] of [['TestMonitorNodeHealthUpdateStatus', updateStatus], ['TestMonitorNodeHealthUpdateNodeAndPodStatusWithLease', withLease]] as const) {
  describe(`pkg/controller/nodelifecycle/node_lifecycle_controller_test.go ${test}`, () => {
    for (const c of table) {
      it(c.description, () => {
        const r = run(c);
        if (c.expectedStatus) {
          assert.equal(r.statusUpdates, 1, 'one UpdateStatus');
          const got = r.status as { conditions: unknown[]; capacity?: unknown };
          assert.deepEqual(normalizeConditions(got.conditions), normalizeConditions(c.expectedStatus.conditions));
        } else {
          assert.equal(r.statusUpdates, 0, 'no UpdateStatus');
        }
        assert.equal(r.podsMarkedNotReady.length > 0, c.expectedPodStatusUpdate);
      });
    }
  });
}

describe('the contract example (TestMonitorNodeHealthUpdateStatus case 0, with the tainting passes)', () => {
  it('node0 gets Unknown conditions and the unreachable NoSchedule taint; no NoExecute taint (one node, all zones down: master disruption mode)', () => {
    const r = monitorNodeHealth([{ now: fakeNow, nodes: [node0(created2012)], pods: [pod0] }], { nodeMonitorGracePeriod: 50, nodeStartupGracePeriod: 60, largeClusterThreshold: 50, unhealthyZoneThreshold: 0.55 });
    assert.equal(r.nodes.node0.statusUpdates, 1);
    assert.deepEqual(r.nodes.node0.taints.map((t) => `${t.key}:${t.effect}`), ['node.kubernetes.io/unreachable:NoSchedule']);
    assert.deepEqual(r.nodes.node0.podsMarkedNotReady, []);
    assert.deepEqual(r.zoneStates, { '': 'FullDisruption' });
  });
});

// The node lifecycle controller's tainting passes against
// pkg/controller/nodelifecycle/node_lifecycle_controller_test.go (v1.36):
// TestApplyNoExecuteTaints, TestSwapUnreachableNotReadyTaints and the first cases of
// TestTaintsNodeByCondition. The tests build the controller with testRateLimiterQPS
// (10000) and run monitorNodeHealth then doNoExecuteTaintingPass; monitorNodeHealth here
// runs both tainting passes after each monitor pass, as the controller's loops do.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monitorNodeHealth } from '../../../simulations/index.ts';

const UP = 'pkg/controller/nodelifecycle/node_lifecycle_controller_test.go';
const zone = { 'topology.kubernetes.io/region': 'region1', 'topology.kubernetes.io/zone': 'zone1', 'failure-domain.beta.kubernetes.io/region': 'region1', 'failure-domain.beta.kubernetes.io/zone': 'zone1' };
const node = (name: string, conditions: { type: string; status: string; hb: string; tr: string }[]) => ({
  apiVersion: 'v1', kind: 'Node', metadata: { name, creationTimestamp: '2012-01-01T00:00:00Z', labels: zone },
  status: { conditions: conditions.map((c) => ({ type: c.type, status: c.status, lastHeartbeatTime: c.hb, lastTransitionTime: c.tr })) },
});
const pod0 = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'pod0', namespace: 'default' }, spec: { nodeName: 'node0' }, status: { conditions: [{ type: 'Ready', status: 'True' }] } };
const OPTS = { evictionLimiterQPS: 10000, secondaryEvictionLimiterQPS: 10000, largeClusterThreshold: 50, unhealthyZoneThreshold: 0.55, nodeMonitorGracePeriod: 50, nodeStartupGracePeriod: 60 };
const has = (taints: { key: string; effect: string }[], key: string, effect: string) => taints.some((t) => t.key === key && t.effect === effect);
const T2015 = '2015-01-01T12:00:00Z', T2017 = '2017-01-01T12:00:00Z';

describe(`${UP} TestApplyNoExecuteTaints`, () => {
  const nodes = [
    node('node0', [{ type: 'Ready', status: 'Unknown', hb: T2015, tr: T2015 }]),
    node('node1', [{ type: 'Ready', status: 'True', hb: T2017, tr: T2017 }]), // a healthy node, so the controller does not stop evicting
    node('node2', [{ type: 'Ready', status: 'False', hb: T2015, tr: T2015 }]),
  ];
  it('Unknown → unreachable:NoExecute, False → not-ready:NoExecute; node2 healthy again → no taint at all', () => {
    const first = monitorNodeHealth([{ now: T2017, nodes, pods: [pod0] }], OPTS);
    assert.ok(has(first.nodes.node0.taints, 'node.kubernetes.io/unreachable', 'NoExecute'), JSON.stringify(first.nodes.node0.taints));
    assert.ok(has(first.nodes.node2.taints, 'node.kubernetes.io/not-ready', 'NoExecute'), JSON.stringify(first.nodes.node2.taints));
    const healthy = { ...nodes[2], status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: '2017-01-01T12:10:00Z', lastTransitionTime: T2017 }] } };
    const second = monitorNodeHealth([{ now: T2017, nodes, pods: [pod0] }, { now: T2017, nodes: [nodes[0], nodes[1], healthy] }], OPTS);
    assert.deepEqual(second.nodes.node2.taints, []);
  });
});

describe(`${UP} TestSwapUnreachableNotReadyTaints`, () => {
  it('an unreachable node that reports Ready=False has its taint swapped to not-ready:NoExecute', () => {
    const nodes = [node('node0', [{ type: 'Ready', status: 'Unknown', hb: T2015, tr: T2015 }]), node('node1', [{ type: 'Ready', status: 'True', hb: T2017, tr: T2017 }])];
    const later = '2017-01-01T12:10:00Z';
    const r = monitorNodeHealth([
      { now: T2017, nodes, pods: [pod0] },
      { now: later, nodes: [
        { ...nodes[0], status: { conditions: [{ type: 'Ready', status: 'False', lastHeartbeatTime: '2017-01-01T12:09:00Z', lastTransitionTime: T2017 }] } },
        { ...nodes[1], status: { conditions: [{ type: 'Ready', status: 'True', lastHeartbeatTime: later, lastTransitionTime: T2017 }] } }] },
    ], OPTS);
    assert.ok(has(r.nodes.node0.taints, 'node.kubernetes.io/not-ready', 'NoExecute'), JSON.stringify(r.nodes.node0.taints));
    assert.ok(!has(r.nodes.node0.taints, 'node.kubernetes.io/unreachable', 'NoExecute'));
  });
});

describe(`${UP} TestTaintsNodeByCondition (first cases)`, () => {
  const table: { name: string; conditions: { type: string; status: string }[]; expected: string[] }[] = [
    { name: 'NetworkUnavailable is true', conditions: [{ type: 'Ready', status: 'True' }, { type: 'NetworkUnavailable', status: 'True' }], expected: ['node.kubernetes.io/network-unavailable'] },
    { name: 'Ready is false', conditions: [{ type: 'Ready', status: 'False' }], expected: ['node.kubernetes.io/not-ready'] },
    { name: 'Ready is unknown', conditions: [{ type: 'Ready', status: 'Unknown' }], expected: ['node.kubernetes.io/unreachable'] },
  ];
  for (const tc of table) {
    it(tc.name, () => {
      const n = node('node0', tc.conditions.map((c) => ({ ...c, hb: T2015, tr: T2015 })));
      const r = monitorNodeHealth([{ now: T2017, nodes: [n], pods: [pod0] }], OPTS);
      assert.deepEqual(r.nodes.node0.taints.filter((t) => t.effect === 'NoSchedule').map((t) => t.key).sort(), tc.expected);
    });
  }
});

// Taint eviction against pkg/controller/tainteviction/taint_eviction_test.go (v1.36).
// Upstream drives a running controller on the wall clock and sleeps
// (timeForControllerToProgress = 500 ms, plus additionalSleep); each case is
// transcribed as a taintEvictionTimeline whose `until` is that sleep, in seconds.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getMinTolerationTime, taintEvictionTimeline } from '../../../simulations/index.ts';

const UP = 'pkg/controller/tainteviction/taint_eviction_test.go';
// testutil.NewPod(name, host): namespace default, Ready.
const newPod = (name: string, host: string, tolerations?: unknown[]) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: { nodeName: host, ...(tolerations ? { tolerations } : {}) }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
// addToleration(pod, index, duration): key testTaint<i>, value test<i>, NoExecute; duration < 0 = no tolerationSeconds.
const tol = (index: number, duration: number) => ({ key: `testTaint${index}`, value: `test${index}`, effect: 'NoExecute', ...(duration >= 0 ? { tolerationSeconds: duration } : {}) });
const withTol = (name: string, host: string, index: number, duration: number) => newPod(name, host, [tol(index, duration)]);
// createNoExecuteTaint(index)
const taint = (index: number) => ({ key: `testTaint${index}`, value: `test${index}`, effect: 'NoExecute' });
const newNode = (name: string, taintIndices: number[] = []) => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: taintIndices.length ? { taints: taintIndices.map(taint) } : {} });
const PROGRESS = 0.5;

describe(`${UP} TestGetMinTolerationTime`, () => {
  const table: [unknown[], number][] = [
    [[], 0],
    [[{ tolerationSeconds: null }], -1],
    [[{ tolerationSeconds: 1 }, { tolerationSeconds: 2 }], 1],
    [[{ tolerationSeconds: 1 }, { tolerationSeconds: null }], 1],
    [[{ tolerationSeconds: null }, { tolerationSeconds: 1 }], 1],
  ];
  for (const [tolerations, expected] of table) {
    it(`${JSON.stringify(tolerations)} → ${expected}`, () => assert.equal(getMinTolerationTime(tolerations), expected));
  }
});

describe(`${UP} TestCreatePod (taintedNodes set, then PodUpdated(nil, pod))`, () => {
  const table = [
    { description: 'not scheduled - ignore', pod: newPod('pod1', ''), tainted: false, expectDelete: false },
    { description: 'scheduled on untainted Node', pod: newPod('pod1', 'node1'), tainted: false, expectDelete: false },
    { description: 'schedule on tainted Node', pod: newPod('pod1', 'node1'), tainted: true, expectDelete: true },
    { description: 'schedule on tainted Node with finite toleration', pod: withTol('pod1', 'node1', 1, 100), tainted: true, expectDelete: false },
    { description: 'schedule on tainted Node with infinite toleration', pod: withTol('pod1', 'node1', 1, -1), tainted: true, expectDelete: false },
    { description: 'schedule on tainted Node with infinite ivalid toleration', pod: withTol('pod1', 'node1', 2, -1), tainted: true, expectDelete: true },
  ];
  for (const tc of table) {
    it(tc.description, () => {
      const events = [...(tc.tainted ? [{ at: 0, node: newNode('node1', [1]) }] : []), { at: 0, pod: tc.pod }];
      assert.equal(taintEvictionTimeline({ events, until: PROGRESS }).deleted.length > 0, tc.expectDelete);
    });
  }
});

describe(`${UP} TestUpdatePod (PodUpdated(nil, prev), sleep, PodUpdated(prev, new), sleep)`, () => {
  const table = [
    { description: 'scheduling onto tainted Node', prevPod: newPod('pod1', ''), newPod: newPod('pod1', 'node1'), expectDelete: true, additionalSleep: 0 },
    { description: 'scheduling onto tainted Node with toleration', prevPod: withTol('pod1', '', 1, -1), newPod: withTol('pod1', 'node1', 1, -1), expectDelete: false, additionalSleep: 0 },
    { description: 'removing toleration', prevPod: withTol('pod1', 'node1', 1, 100), newPod: newPod('pod1', 'node1'), expectDelete: true, additionalSleep: 0 },
    { description: "lengthening toleration shouldn't work", prevPod: withTol('pod1', 'node1', 1, 1), newPod: withTol('pod1', 'node1', 1, 100), expectDelete: true, additionalSleep: 1.5 },
  ];
  for (const tc of table) {
    it(tc.description, () => {
      const r = taintEvictionTimeline({ events: [{ at: 0, node: newNode('node1', [1]) }, { at: 0, pod: tc.prevPod }, { at: PROGRESS, pod: tc.newPod }], until: 2 * PROGRESS + tc.additionalSleep });
      assert.equal(r.deleted.length > 0, tc.expectDelete);
    });
  }
});

describe(`${UP} TestCreateNode (Pods exist, then NodeUpdated(nil, node))`, () => {
  const table = [
    { description: 'Creating Node matching already assigned Pod', pods: [newPod('pod1', 'node1')], node: newNode('node1'), expectDelete: false },
    { description: 'Creating tainted Node matching already assigned Pod', pods: [newPod('pod1', 'node1')], node: newNode('node1', [1]), expectDelete: true },
    { description: 'Creating tainted Node matching already assigned tolerating Pod', pods: [withTol('pod1', 'node1', 1, -1)], node: newNode('node1', [1]), expectDelete: false },
  ];
  for (const tc of table) {
    it(tc.description, () => {
      // The Pods exist before the controller hears of a tainted node, so their own events find no taints.
      const events = [...tc.pods.map((pod) => ({ at: 0, pod })), { at: 0, node: tc.node }];
      assert.equal(taintEvictionTimeline({ events, until: PROGRESS }).deleted.length > 0, tc.expectDelete);
    });
  }
});

describe(`${UP} TestUpdateNode (Pods exist, NodeUpdated(old, new) with the new node)`, () => {
  const podWithTwo = { ...newPod('pod1', 'node1', [
    { key: 'testTaint1', value: 'test1', effect: 'NoExecute', tolerationSeconds: 1 },
    { key: 'testTaint2', value: 'test2', effect: 'NoExecute', tolerationSeconds: 100 }]) };
  const table = [
    { description: 'Added taint', pods: [newPod('pod1', 'node1')], newNode: newNode('node1', [1]), expectDelete: true, additionalSleep: 0 },
    { description: 'Added tolerated taint', pods: [withTol('pod1', 'node1', 1, 100)], newNode: newNode('node1', [1]), expectDelete: false, additionalSleep: 0 },
    { description: 'Only one added taint tolerated', pods: [withTol('pod1', 'node1', 1, 100)], newNode: newNode('node1', [1, 2]), expectDelete: true, additionalSleep: 0 },
    // The controller only ever sees the new (untainted) node: nothing was scheduled, nothing fires.
    { description: 'Taint removed', pods: [withTol('pod1', 'node1', 1, 1)], newNode: newNode('node1'), expectDelete: false, additionalSleep: 1.5 },
    { description: 'Pod with multiple tolerations are evicted when first one runs out', pods: [podWithTwo], newNode: newNode('node1', [1, 2]), expectDelete: true, additionalSleep: 1.5 },
  ];
  for (const tc of table) {
    it(tc.description, () => {
      const events = [...tc.pods.map((pod) => ({ at: 0, pod })), { at: 0, node: tc.newNode }];
      assert.equal(taintEvictionTimeline({ events, until: PROGRESS + tc.additionalSleep }).deleted.length > 0, tc.expectDelete);
    });
  }
  it('Taint removed after it was seen: the scheduled deletion is cancelled', () => {
    const pod = withTol('pod1', 'node1', 1, 1);
    const r = taintEvictionTimeline({ events: [{ at: 0, pod }, { at: 0, node: newNode('node1', [1]) }, { at: 0.2, node: newNode('node1') }], until: 2 });
    assert.deepEqual(r, { deleted: [], pending: [] });
  });
});

describe(`${UP} TestUpdateNodeWithMultipleTaints`, () => {
  // taint1 tolerated forever (Exists, no seconds), taint2 for 60 s.
  const pod = newPod('pod1', 'node1', [
    { key: 'testTaint1', operator: 'Exists', effect: 'NoExecute' },
    { key: 'testTaint2', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }]);
  const steps = [
    { node: newNode('node1'), queued: false, why: 'pod queued for deletion with no taints' },
    { node: newNode('node1', [1]), queued: false, why: 'pod queued for deletion with permanently tolerated taint' },
    { node: newNode('node1', [1, 2]), queued: true, why: 'pod not queued for deletion after addition of temporarily tolerated taint' },
    { node: newNode('node1', [1]), queued: false, why: 'pod queued for deletion after removal of temporarily tolerated taint' },
  ];
  it('no taint → infinitely tolerated → temporarily tolerated → infinitely tolerated: queued only in the third state, never deleted', () => {
    const events: { at: number; node?: unknown; pod?: unknown }[] = [{ at: 0, pod }];
    for (const step of steps) {
      events.push({ at: 0, node: step.node });
      const r = taintEvictionTimeline({ events, until: 0 });
      assert.equal(r.pending.length > 0, step.queued, step.why);
      assert.equal(r.deleted.length, 0, 'Unexpected deletion');
    }
  });
});

describe(`${UP} TestUpdateNodeWithMultiplePods`, () => {
  it('Pods with different toleration times are evicted appropriately', () => {
    const pods = [newPod('pod1', 'node1'), withTol('pod2', 'node1', 1, 1), withTol('pod3', 'node1', 1, -1)];
    const r = taintEvictionTimeline({ events: [...pods.map((pod) => ({ at: 0, pod })), { at: 0, node: newNode('node1', [1]) }], until: 1.5 });
    assert.deepEqual(r.deleted, [{ pod: 'default/pod1', at: 0 }, { pod: 'default/pod2', at: 1 }]);
  });
  it('Evict all pods not matching all taints instantly', () => {
    const pods = [newPod('pod1', 'node1'), withTol('pod2', 'node1', 1, 1), withTol('pod3', 'node1', 1, -1)];
    const r = taintEvictionTimeline({ events: [...pods.map((pod) => ({ at: 0, pod })), { at: 0, node: newNode('node1', [1, 2]) }], until: 0.5 });
    assert.deepEqual(r.deleted.map((d) => [d.pod, d.at]), [['default/pod1', 0], ['default/pod2', 0], ['default/pod3', 0]]);
  });
});

describe(`${UP} TestEventualConsistency`, () => {
  const table = [
    { description: 'existing pod2 scheduled onto tainted Node', prevPod: newPod('pod2', ''), newPod: newPod('pod2', 'node1'), expectDelete: true },
    { description: 'existing pod2 with taint toleration scheduled onto tainted Node', prevPod: withTol('pod2', '', 1, 100), newPod: withTol('pod2', 'node1', 1, 100), expectDelete: false },
    { description: 'new pod2 created on tainted Node', prevPod: null, newPod: newPod('pod2', 'node1'), expectDelete: true },
    { description: 'new pod2 with tait toleration created on tainted Node', prevPod: null, newPod: withTol('pod2', 'node1', 1, 100), expectDelete: false },
  ];
  for (const tc of table) {
    it(tc.description, () => {
      const events: { at: number; node?: unknown; pod?: unknown }[] = [{ at: 0, pod: newPod('pod1', 'node1') }];
      if (tc.prevPod) events.push({ at: 0, pod: tc.prevPod });
      events.push({ at: 0, node: newNode('node1', [1]) });
      const first = taintEvictionTimeline({ events, until: PROGRESS });
      assert.ok(first.deleted.some((d) => d.pod === 'default/pod1'), 'pod1 deleted by the node update');
      events.push({ at: PROGRESS, pod: tc.newPod });
      const second = taintEvictionTimeline({ events, until: 2 * PROGRESS });
      assert.equal(second.deleted.some((d) => d.pod === 'default/pod2'), tc.expectDelete);
    });
  }
});

describe('the contract example', () => {
  it('pod1 without toleration at 0, pod2 tolerating 1 s at 1', () => {
    const r = taintEvictionTimeline({ events: [{ at: 0, pod: newPod('pod1', 'node1') }, { at: 0, pod: withTol('pod2', 'node1', 1, 1) }, { at: 0, node: newNode('node1', [1]) }], until: 1.5 });
    assert.deepEqual(r, { deleted: [{ pod: 'default/pod1', at: 0 }, { pod: 'default/pod2', at: 1 }], pending: [] });
  });
});

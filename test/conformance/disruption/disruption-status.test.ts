// The disruption controller's PDB status against pkg/controller/disruption/disruption_test.go (v1.36).
// Each upstream test adds objects and calls dc.sync, then VerifyPdbStatus(disruptionsAllowed,
// currentHealthy, desiredHealthy, expectedPods, disruptedPods) or VerifyDisruptionAllowed; every
// sync is transcribed as one disruptionStatus call over the objects present at that moment.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { disruptionStatus } from '../../../simulations/index.ts';

const UP = 'pkg/controller/disruption/disruption_test.go';
const fooBar = { foo: 'bar' };
let uidSeq = 0;
const uid = () => `uid-${++uidSeq}`;

function newPdb(spec: { minAvailable?: number | string; maxUnavailable?: number | string; selector?: unknown }, status: Record<string, unknown> = {}) {
  return { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'foobar', namespace: 'default', uid: uid() },
    spec: { selector: { matchLabels: fooBar }, ...spec }, status };
}
function newPod(name: string, opts: { ready?: boolean; labels?: Record<string, string>; owner?: { kind: string; apiVersion: string; name: string; uid: string }[]; deletionTimestamp?: string } = {}) {
  return { apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'default', uid: uid(), labels: opts.labels ?? fooBar,
      ...(opts.owner ? { ownerReferences: opts.owner.map((o) => ({ ...o, controller: true })) } : {}),
      ...(opts.deletionTimestamp ? { deletionTimestamp: opts.deletionTimestamp } : {}) },
    spec: {}, status: { conditions: opts.ready === false ? [] : [{ type: 'Ready', status: 'True' }] } };
}
function controller(kind: string, apiVersion: string, replicas: number, name = 'foobar', extra: Record<string, unknown> = {}) {
  return { apiVersion, kind, metadata: { name, namespace: 'default', uid: uid(), labels: fooBar, ...extra }, spec: { replicas, selector: { matchLabels: fooBar } } };
}
const ownerRef = (c: { kind: string; apiVersion: string; metadata: { name: string; uid: string } }) => ({ kind: c.kind, apiVersion: c.apiVersion, name: c.metadata.name, uid: c.metadata.uid });

function verify(s: ReturnType<typeof disruptionStatus>, allowed: number, current: number, desired: number, expected: number, disrupted: Record<string, string> = {}) {
  assert.deepEqual([s.disruptionsAllowed, s.currentHealthy, s.desiredHealthy, s.expectedPods], [allowed, current, desired, expected]);
  assert.deepEqual(s.disruptedPods, disrupted);
  const cond = s.conditions.find((c) => c.type === 'DisruptionAllowed');
  assert.ok(cond, 'the DisruptionAllowed condition is set');
  assert.equal(cond.status, allowed > 0 ? 'True' : 'False');
}

describe(UP, () => {
  it('TestNoSelector: an empty selector matches every Pod of the namespace', () => {
    const pdb = newPdb({ minAvailable: 3, selector: {} });
    verify(disruptionStatus(pdb, []), 0, 0, 3, 0);
    verify(disruptionStatus(pdb, [newPod('yo-yo-yo')]), 0, 1, 3, 1);
  });

  it('TestUnavailable: counts go up as Pods arrive, down when one becomes unready', () => {
    const pdb = newPdb({ minAvailable: 3 });
    const pods: ReturnType<typeof newPod>[] = [];
    for (let i = 0; i < 4; i++) {
      verify(disruptionStatus(pdb, pods), 0, i, 3, i);
      pods.push(newPod(`yo-yo-yo ${i}`));
    }
    verify(disruptionStatus(pdb, pods), 1, 4, 3, 4);
    pods[0] = { ...pods[0], status: { conditions: [] } };
    verify(disruptionStatus(pdb, pods), 0, 3, 3, 4);
  });

  it('TestIntegerMaxUnavailable: an integer maxUnavailable allows no disruption for Pods without a controller', () => {
    const pdb = newPdb({ maxUnavailable: 1 });
    assert.equal(disruptionStatus(pdb, []).disruptionsAllowed, 0);
    const s = disruptionStatus(pdb, [newPod('naked')]);
    assert.equal(s.disruptionsAllowed, 0);
    assert.ok(s.events.some((e) => e.reason === 'UnmanagedPods'));
  });

  it('TestIntegerMaxUnavailableWithScaling: the ReplicaSet scale is the denominator', () => {
    const pdb = newPdb({ maxUnavailable: 2 });
    const rs = controller('ReplicaSet', 'apps/v1', 7);
    const pod = newPod('pod', { owner: [ownerRef(rs)] });
    verify(disruptionStatus(pdb, [pod], [rs]), 0, 1, 5, 7);
    verify(disruptionStatus(pdb, [pod], [{ ...rs, spec: { ...rs.spec, replicas: 5 } }]), 0, 1, 3, 5);
  });

  it('TestPercentageMaxUnavailableWithScaling: 30% of 7 rounds up to 3 unavailable', () => {
    const pdb = newPdb({ maxUnavailable: '30%' });
    const rs = controller('ReplicaSet', 'apps/v1', 7);
    const pod = newPod('pod', { owner: [ownerRef(rs)] });
    verify(disruptionStatus(pdb, [pod], [rs]), 0, 1, 4, 7);
    verify(disruptionStatus(pdb, [pod], [{ ...rs, spec: { ...rs.spec, replicas: 3 } }]), 0, 1, 2, 3);
  });

  it('TestNakedPod: a percentage minAvailable with a bare Pod allows nothing (UnmanagedPods event)', () => {
    const pdb = newPdb({ minAvailable: '28%' });
    assert.equal(disruptionStatus(pdb, []).disruptionsAllowed, 0);
    const s = disruptionStatus(pdb, [newPod('naked')]);
    assert.equal(s.disruptionsAllowed, 0);
    assert.ok(s.events.some((e) => e.reason === 'UnmanagedPods'));
    assert.ok(!s.conditions.some((c) => c.reason === 'SyncFailed'), 'TestStatusForUnmanagedPod: no sync error');
  });

  it('TestUnsupportedControllerPod: an unknown controller fails the sync (CalculateExpectedPodCountFailed), disruptionsAllowed 0', () => {
    const pdb = newPdb({ minAvailable: '28%' });
    const pod = newPod('naked', { owner: [{ apiVersion: 'apps.test.io/v1', kind: 'TestWorkload', name: 'fake-controller', uid: 'b7329742-8daa-493a-8881-6ca07139172b' }] });
    const s = disruptionStatus(pdb, [pod]);
    assert.equal(s.disruptionsAllowed, 0);
    assert.ok(s.events.some((e) => e.reason === 'CalculateExpectedPodCountFailed'));
    assert.equal(s.conditions.find((c) => c.type === 'DisruptionAllowed')?.reason, 'SyncFailed');
  });

  it('TestReplicaSet: the scale of a ReplicaSet without a Deployment counts (the contract example)', () => {
    const pdb = newPdb({ minAvailable: '20%' });
    const rs = controller('ReplicaSet', 'apps/v1', 10);
    verify(disruptionStatus(pdb, [newPod('pod', { owner: [ownerRef(rs)] })], [rs]), 0, 1, 2, 10);
  });

  it('TestMultipleControllers: no controller → 0; one RC of 1 with 2 ready Pods and 1% → 1', () => {
    const pdb = newPdb({ minAvailable: '1%' });
    const pods = [newPod('pod 0'), newPod('pod 1')];
    assert.equal(disruptionStatus(pdb, pods).disruptionsAllowed, 0);
    const rc = controller('ReplicationController', 'v1', 1, 'rc 1');
    const owned = pods.map((p) => ({ ...p, metadata: { ...p.metadata, ownerReferences: [{ ...ownerRef(rc), controller: true }] } }));
    assert.equal(disruptionStatus(pdb, owned, [rc]).disruptionsAllowed, 1);
  });

  it('TestReplicationController: 34% of 3 rounds up to 2; a rogue bare Pod still counts as healthy', () => {
    const labels = { foo: 'bar', baz: 'quux' };
    const pdb = newPdb({ minAvailable: '34%' });
    const rc = controller('ReplicationController', 'v1', 3);
    verify(disruptionStatus(pdb, [], [rc]), 0, 0, 0, 0);
    const pods: ReturnType<typeof newPod>[] = [];
    for (let i = 0; i < 3; i++) {
      pods.push(newPod(`foobar ${i}`, { labels, owner: [ownerRef(rc)] }));
      if (i < 2) verify(disruptionStatus(pdb, pods, [rc]), 0, i + 1, 2, 3);
      else verify(disruptionStatus(pdb, pods, [rc]), 1, 3, 2, 3);
    }
    assert.equal(disruptionStatus(pdb, [...pods, newPod('rogue')], [rc]).disruptionsAllowed, 2);
  });

  it('TestStatefulSetController: 34% of a StatefulSet of 3', () => {
    const labels = { foo: 'bar', baz: 'quux' };
    const pdb = newPdb({ minAvailable: '34%' });
    const ss = controller('StatefulSet', 'apps/v1', 3);
    verify(disruptionStatus(pdb, [], [ss]), 0, 0, 0, 0);
    const pods: ReturnType<typeof newPod>[] = [];
    for (let i = 0; i < 3; i++) {
      pods.push(newPod(`foobar ${i}`, { labels, owner: [ownerRef(ss)] }));
      if (i < 2) verify(disruptionStatus(pdb, pods, [ss]), 0, i + 1, 2, 3);
      else verify(disruptionStatus(pdb, pods, [ss]), 1, 3, 2, 3);
    }
  });

  it('TestTwoControllers: an RC and a Deployment (through its ReplicaSet) of 11 each, 28%', () => {
    const rcLabels = { foo: 'bar', baz: 'quux' };
    const dLabels = { foo: 'bar', baz: 'quuux' };
    const collectionSize = 11, minimumOne = 4, minimumTwo = 7;
    const pdb = newPdb({ minAvailable: '28%' });
    const rc = controller('ReplicationController', 'v1', collectionSize);
    const controllers: unknown[] = [rc];
    verify(disruptionStatus(pdb, [], controllers), 0, 0, 0, 0);
    const pods: ReturnType<typeof newPod>[] = [];
    let unavailablePods = collectionSize - minimumOne - 1;
    for (let i = 1; i <= collectionSize; i++) {
      pods.push(newPod(`quux ${i}`, { labels: rcLabels, owner: [ownerRef(rc)], ready: !(i <= unavailablePods) }));
      const s = disruptionStatus(pdb, pods, controllers);
      if (i <= unavailablePods) verify(s, 0, 0, minimumOne, collectionSize);
      else if (i - unavailablePods <= minimumOne) verify(s, 0, i - unavailablePods, minimumOne, collectionSize);
      else verify(s, 1, i - unavailablePods, minimumOne, collectionSize);
    }
    const d = controller('Deployment', 'apps/v1', collectionSize);
    controllers.push(d);
    verify(disruptionStatus(pdb, pods, controllers), 1, minimumOne + 1, minimumOne, collectionSize);
    const rs = controller('ReplicaSet', 'apps/v1', collectionSize, 'foobar', { ownerReferences: [{ ...ownerRef(d), controller: true }] });
    controllers.push(rs);
    verify(disruptionStatus(pdb, pods, controllers), 1, minimumOne + 1, minimumOne, collectionSize);
    unavailablePods = 2 * collectionSize - (minimumTwo + 2) - unavailablePods;
    for (let i = 1; i <= collectionSize; i++) {
      pods.push(newPod(`quuux ${i}`, { labels: dLabels, owner: [ownerRef(rs)], ready: !(i <= unavailablePods) }));
      const s = disruptionStatus(pdb, pods, controllers);
      if (i <= unavailablePods) verify(s, 0, minimumOne + 1, minimumTwo, 2 * collectionSize);
      else if (i - unavailablePods <= minimumTwo - (minimumOne + 1)) verify(s, 0, minimumOne + 1 + (i - unavailablePods), minimumTwo, 2 * collectionSize);
      else verify(s, i - unavailablePods - (minimumTwo - (minimumOne + 1)), minimumOne + 1 + (i - unavailablePods), minimumTwo, 2 * collectionSize);
    }
    verify(disruptionStatus(pdb, pods, controllers), 2, 2 + minimumTwo, minimumTwo, 2 * collectionSize);
    const notReady = (i: number) => { pods[i] = { ...pods[i], status: { conditions: [] } }; };
    notReady(collectionSize - 1);
    verify(disruptionStatus(pdb, pods, controllers), 1, 1 + minimumTwo, minimumTwo, 2 * collectionSize);
    notReady(collectionSize - 2);
    verify(disruptionStatus(pdb, pods, controllers), 0, minimumTwo, minimumTwo, 2 * collectionSize);
    pods[collectionSize - 1] = { ...pods[collectionSize - 1], status: { conditions: [{ type: 'Ready', status: 'True' }] } };
    verify(disruptionStatus(pdb, pods, controllers), 1, 1 + minimumTwo, minimumTwo, 2 * collectionSize);
  });

  it('TestUpdateDisruptedPods: deleted, expired and vanished entries leave disruptedPods; a fresh one stays and is not counted', () => {
    const now = '2025-01-01T00:10:00Z';
    const at = (minutes: number) => new Date(Date.parse(now) + minutes * 60_000).toISOString().replace('.000Z', 'Z');
    const pdb = newPdb({ minAvailable: 1 }, { disruptedPods: { p1: at(0), p2: at(-3), p3: at(-1), notthere: at(0) } });
    const pods = [newPod('p1', { deletionTimestamp: now }), newPod('p2'), newPod('p3')];
    verify(disruptionStatus(pdb, pods, [], now), 0, 1, 1, 3, { p3: at(-1) });
  });

  for (const [name, selector] of [['illegal value key', { matchLabels: { 'k8s.io/too/many/slashes': 'value' } }],
    ['illegal operator', { matchExpressions: [{ key: 'foo', operator: 'illegal', values: ['bar'] }] }]] as const) {
    it(`TestInvalidSelectors: ${name}`, () => {
      verify(disruptionStatus(newPdb({ minAvailable: 3, selector }), [newPod('p')]), 0, 0, 0, 0);
    });
  }

  it('TestDeploymentFinderFunction: happy path, the Deployment scale (10) wins over its ReplicaSet (5)', () => {
    const dep = controller('Deployment', 'apps/v1', 10);
    const rs = controller('ReplicaSet', 'apps/v1', 5, 'foobar', { ownerReferences: [{ apiVersion: 'extensions/v1', kind: 'Deployment', name: dep.metadata.name, uid: dep.metadata.uid, controller: true }] });
    const s = disruptionStatus(newPdb({ maxUnavailable: 0 }), [newPod('p', { owner: [ownerRef(rs)] })], [dep, rs]);
    assert.equal(s.expectedPods, 10);
  });
});

// Upstream tables of the Deployment controller, transcribed (kubernetes/kubernetes,
// the newest stored versions: pkg/controller/deployment/util/deployment_util_test.go,
// rolling_test.go, sync_test.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  cleanupUnhealthyReplicas,
  maxUnavailable,
  newRSNewReplicas,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  resolveFenceposts,
  scale,
  scaleDownOldReplicaSetsForRollingUpdate,
} from '../../../simulations/index.ts';
import { deploymentComplete, deploymentProgressing, getActualReplicaCountForReplicaSets, getNonNegativeInt32FromAnnotation, getReplicaCountForReplicaSets, getTerminatingReplicaCountForReplicaSets, getReplicaSetFraction, maxSurge, minAvailable } from '../../../simulations/controllers/deployment/util.ts';
import type { Deployment } from '../../../simulations/controllers/types.ts';
import { newDeployment, rs, withReplicasAnnotations } from './builders.ts';

const UTIL = 'pkg/controller/deployment/util/deployment_util_test.go';
const ROLLING = 'pkg/controller/deployment/rolling_test.go';
const SYNC = 'pkg/controller/deployment/sync_test.go';

// --- TestResolveFenceposts ---------------------------------------------------
const fenceposts: { maxSurge: string | null; maxUnavailable: string | null; desired: number; surge: number; unavailable: number; error?: string }[] = [
  { maxSurge: '0%', maxUnavailable: '0%', desired: 0, surge: 0, unavailable: 1 },
  { maxSurge: '39%', maxUnavailable: '39%', desired: 10, surge: 4, unavailable: 3 },
  { maxSurge: 'oops', maxUnavailable: '39%', desired: 10, surge: 0, unavailable: 0, error: 'invalid value for IntOrString: invalid type: string is not a percentage' },
  { maxSurge: '55%', maxUnavailable: 'urg', desired: 10, surge: 0, unavailable: 0, error: 'invalid value for IntOrString: invalid type: string is not a percentage' },
  { maxSurge: null, maxUnavailable: '39%', desired: 10, surge: 0, unavailable: 3 },
  { maxSurge: '39%', maxUnavailable: null, desired: 10, surge: 4, unavailable: 0 },
  { maxSurge: null, maxUnavailable: null, desired: 10, surge: 0, unavailable: 1 },
];
fenceposts.forEach((c, i) => {
  test(`${UTIL} TestResolveFenceposts #${i}: surge ${c.maxSurge}, unavailable ${c.maxUnavailable}, desired ${c.desired}`, () => {
    if (c.error) {
      assert.throws(() => resolveFenceposts(c.maxSurge, c.maxUnavailable, c.desired), { message: c.error });
      return;
    }
    assert.deepEqual(resolveFenceposts(c.maxSurge, c.maxUnavailable, c.desired), [c.surge, c.unavailable]);
  });
});

test('resolveFenceposts: a percentage that is not a number carries strconv.Atoi\'s error, as intstr words it', () => {
  assert.throws(() => resolveFenceposts('abc%', 1, 10), { message: 'invalid value for IntOrString: invalid value "abc%": strconv.Atoi: parsing "abc": invalid syntax' });
});

// --- TestNewRSNewReplicas ----------------------------------------------------
const newRSCases = [
  { name: 'can not scale up - to newRSReplicas', strategy: 'RollingUpdate', depReplicas: 1, newRSReplicas: 5, maxSurge: 1, expected: 5 },
  { name: 'scale up - to depReplicas', strategy: 'RollingUpdate', depReplicas: 6, newRSReplicas: 2, maxSurge: 10, expected: 6 },
  { name: 'recreate - to depReplicas', strategy: 'Recreate', depReplicas: 3, newRSReplicas: 1, maxSurge: 1, expected: 3 },
];
for (const c of newRSCases) {
  test(`${UTIL} TestNewRSNewReplicas: ${c.name}`, () => {
    const d: Deployment = { ...newDeployment('nginx', c.depReplicas), spec: { replicas: c.depReplicas, strategy: { type: c.strategy, rollingUpdate: { maxUnavailable: 1, maxSurge: c.maxSurge } } } };
    assert.equal(newRSNewReplicas(d, [rs('rs5', 5)], rs('new', c.newRSReplicas)), c.expected);
  });
}

test('newRSNewReplicas: an unknown strategy type is upstream\'s error', () => {
  const d: Deployment = { spec: { replicas: 3, strategy: { type: 'BlueGreen' } } };
  assert.throws(() => newRSNewReplicas(d, [], rs('new', 0)), { message: "deployment type BlueGreen isn't supported" });
});

// --- TestMaxUnavailable ------------------------------------------------------
const muDeployment = (replicas: number, mu: number | string): Deployment => ({ spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: mu } } } });
const maxUnavailableCases: { name: string; deployment: Deployment; expected: number }[] = [
  { name: 'maxUnavailable less than replicas', deployment: muDeployment(10, 5), expected: 5 },
  { name: 'maxUnavailable equal replicas', deployment: muDeployment(10, 10), expected: 10 },
  { name: 'maxUnavailable greater than replicas', deployment: muDeployment(5, 10), expected: 5 },
  { name: 'maxUnavailable with replicas is 0', deployment: muDeployment(0, 10), expected: 0 },
  { name: 'maxUnavailable with Recreate deployment strategy', deployment: { spec: { strategy: { type: 'Recreate' } } }, expected: 0 },
  { name: 'maxUnavailable less than replicas with percents', deployment: muDeployment(10, '50%'), expected: 5 },
  { name: 'maxUnavailable equal replicas with percents', deployment: muDeployment(10, '100%'), expected: 10 },
  { name: 'maxUnavailable greater than replicas with percents', deployment: muDeployment(5, '100%'), expected: 5 },
];
for (const c of maxUnavailableCases) {
  test(`${UTIL} TestMaxUnavailable: ${c.name}`, () => assert.equal(maxUnavailable(c.deployment), c.expected));
}

// --- TestGetReplicaSetFraction (the proportion behind scale) -----------------
const fractionCases = [
  { name: 'empty deployment always scales to 0', deploymentReplicas: 0, statusReplicas: 0, maxSurge: 0, rsReplicas: 10, annotations: undefined, expected: -10 },
  { name: 'unsynced deployment does not scale when max-replicas annotation is missing (removed by a 3rd party)', deploymentReplicas: 10, statusReplicas: 0, maxSurge: 0, rsReplicas: 5, annotations: undefined, expected: 0 },
  { name: 'unsynced deployment does not scale when max-replicas annotation is incorrectly set to 0 (by a 3rd party)', deploymentReplicas: 10, statusReplicas: 0, maxSurge: 0, rsReplicas: 5, annotations: { 'deployment.kubernetes.io/max-replicas': '0' }, expected: 0 },
  { name: 'scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is missing (removed by a 3rd party)', deploymentReplicas: 120, statusReplicas: 100, maxSurge: 0, rsReplicas: 50, annotations: undefined, expected: 10 },
  { name: 'scale up by 1/5 should increase RS replicas by 1/5 when max-replicas annotation is incorrectly set to 0 (by a 3rd party)', deploymentReplicas: 120, statusReplicas: 100, maxSurge: 0, rsReplicas: 50, annotations: { 'deployment.kubernetes.io/max-replicas': '0' }, expected: 10 },
  { name: 'scale up by 1/5 should increase RS replicas by 1/5', deploymentReplicas: 120, statusReplicas: 0, maxSurge: 0, rsReplicas: 50, annotations: { 'deployment.kubernetes.io/max-replicas': '100' }, expected: 10 },
  { name: 'scale up with maxSurge by 1/5 should increase RS replicas approximately by 1/5', deploymentReplicas: 120, statusReplicas: 0, maxSurge: 10, rsReplicas: 50, annotations: { 'deployment.kubernetes.io/max-replicas': '110' }, expected: 9 },
  { name: 'scale down by 1/6 should decrease RS replicas by 1/6', deploymentReplicas: 10, statusReplicas: 0, maxSurge: 0, rsReplicas: 6, annotations: { 'deployment.kubernetes.io/max-replicas': '12' }, expected: -1 },
  { name: 'scale down with maxSurge by 1/6 should decrease RS replicas approximately by 1/6', deploymentReplicas: 100, statusReplicas: 0, maxSurge: 10, rsReplicas: 50, annotations: { 'deployment.kubernetes.io/max-replicas': '130' }, expected: -8 },
];
for (const c of fractionCases) {
  test(`${UTIL} TestGetReplicaSetFraction: ${c.name}`, () => {
    const d: Deployment = { spec: { replicas: c.deploymentReplicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: c.maxSurge, maxUnavailable: 1 } } }, status: { replicas: c.statusReplicas } };
    const r = rs('nginx', c.rsReplicas);
    if (c.annotations) r.metadata!.annotations = { ...c.annotations };
    assert.equal(getReplicaSetFraction(r, d), c.expected);
  });
}

// --- TestDeploymentController_reconcileNewReplicaSet ---------------------------
const reconcileNewCases = [
  { note: 'should not scale up', deploymentReplicas: 10, maxSurge: 0, oldReplicas: 10, newReplicas: 0, scaleExpected: false, expectedNewReplicas: 0 },
  { note: 'surge 2 over 10 old', deploymentReplicas: 10, maxSurge: 2, oldReplicas: 10, newReplicas: 0, scaleExpected: true, expectedNewReplicas: 2 },
  { note: 'surge 2 over 5 old', deploymentReplicas: 10, maxSurge: 2, oldReplicas: 5, newReplicas: 0, scaleExpected: true, expectedNewReplicas: 7 },
  { note: 'already at the surge limit', deploymentReplicas: 10, maxSurge: 2, oldReplicas: 10, newReplicas: 2, scaleExpected: false, expectedNewReplicas: 2 },
  { note: 'should scale down', deploymentReplicas: 10, maxSurge: 2, oldReplicas: 2, newReplicas: 11, scaleExpected: true, expectedNewReplicas: 10 },
];
reconcileNewCases.forEach((c, i) => {
  test(`${ROLLING} TestDeploymentController_reconcileNewReplicaSet #${i}: ${c.note}`, () => {
    const newRS = rs('foo-v2', c.newReplicas);
    const oldRS = rs('foo-v2', c.oldReplicas);
    const d = newDeployment('foo', c.deploymentReplicas, c.maxSurge, 0, { foo: 'bar' });
    assert.deepEqual(reconcileNewReplicaSet([newRS, oldRS], newRS, d), { scaled: c.scaleExpected, replicas: c.expectedNewReplicas });
  });
});

// --- TestDeploymentController_reconcileOldReplicaSets --------------------------
const reconcileOldCases = [
  { note: '', deploymentReplicas: 10, maxUnavailable: 0, oldReplicas: 10, newReplicas: 0, readyOld: 10, readyNew: 0, scaleExpected: true, expectedOldReplicas: 9 },
  { note: '', deploymentReplicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 10, readyNew: 0, scaleExpected: true, expectedOldReplicas: 8 },
  { note: 'expect unhealthy replicas from old replica sets been cleaned up', deploymentReplicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 8, readyNew: 0, scaleExpected: true, expectedOldReplicas: 8 },
  { note: 'expect 1 unhealthy replica from old replica sets been cleaned up, and 1 ready pod been scaled down', deploymentReplicas: 10, maxUnavailable: 2, oldReplicas: 10, newReplicas: 0, readyOld: 9, readyNew: 0, scaleExpected: true, expectedOldReplicas: 8 },
  { note: 'the unavailable pods from the newRS would not make us scale down old RSs in a further step', deploymentReplicas: 10, maxUnavailable: 2, oldReplicas: 8, newReplicas: 2, readyOld: 8, readyNew: 0, scaleExpected: false, expectedOldReplicas: 8 },
];
reconcileOldCases.forEach((c, i) => {
  test(`${ROLLING} TestDeploymentController_reconcileOldReplicaSets #${i}${c.note ? `: ${c.note}` : ''}`, () => {
    const newRS = rs('foo-new', c.newReplicas, null, c.readyNew);
    const oldRS = rs('foo-old', c.oldReplicas, null, c.readyOld);
    const d = newDeployment('foo', c.deploymentReplicas, 0, c.maxUnavailable, { foo: 'new' });
    const got = reconcileOldReplicaSets([oldRS, newRS], [oldRS], newRS, d);
    assert.equal(got.scaled, c.scaleExpected);
    // Upstream checks `scaled` only; the old ReplicaSet's size afterwards follows from the same sync.
    assert.deepEqual(got.replicas, { 'foo-old': c.expectedOldReplicas });
  });
});

// --- TestDeploymentController_cleanupUnhealthyReplicas -------------------------
const cleanupCases = [
  { oldReplicas: 10, readyPods: 8, maxCleanupCount: 1, expected: 1 },
  { oldReplicas: 10, readyPods: 8, maxCleanupCount: 3, expected: 2 },
  { oldReplicas: 10, readyPods: 8, maxCleanupCount: 0, expected: 0 },
  { oldReplicas: 10, readyPods: 10, maxCleanupCount: 3, expected: 0 },
];
cleanupCases.forEach((c, i) => {
  test(`${ROLLING} TestDeploymentController_cleanupUnhealthyReplicas #${i}: ${c.oldReplicas} old, ${c.readyPods} available, at most ${c.maxCleanupCount}`, () => {
    const oldRS = rs('foo-v2', c.oldReplicas, null, c.readyPods);
    const d = newDeployment('foo', 10, 2, 2);
    const got = cleanupUnhealthyReplicas([oldRS], d, c.maxCleanupCount);
    assert.equal(got.cleanupCount, c.expected);
    assert.deepEqual(got.replicas, { 'foo-v2': c.oldReplicas - c.expected });
  });
});

test('cleanupUnhealthyReplicas: more available than wanted is upstream\'s "invalid request to scale down" error', () => {
  const d = newDeployment('foo', 10, 2, 2);
  assert.throws(() => cleanupUnhealthyReplicas([rs('foo-v2', 5, null, 7)], d, 3), { message: 'when cleaning up unhealthy replicas, got invalid request to scale down default/foo-v2 5 -> 7' });
});

// --- TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate ----------
const scaleDownCases = [
  { deploymentReplicas: 10, maxUnavailable: 0, readyPods: 10, oldReplicas: 10, scaleExpected: true, expectedOldReplicas: 9 },
  { deploymentReplicas: 10, maxUnavailable: 2, readyPods: 10, oldReplicas: 10, scaleExpected: true, expectedOldReplicas: 8 },
  { deploymentReplicas: 10, maxUnavailable: 2, readyPods: 8, oldReplicas: 10, scaleExpected: false, expectedOldReplicas: 10 },
  { deploymentReplicas: 10, maxUnavailable: 2, readyPods: 10, oldReplicas: 0, scaleExpected: false, expectedOldReplicas: 0 },
  { deploymentReplicas: 10, maxUnavailable: 2, readyPods: 1, oldReplicas: 10, scaleExpected: false, expectedOldReplicas: 10 },
];
scaleDownCases.forEach((c, i) => {
  test(`${ROLLING} TestDeploymentController_scaleDownOldReplicaSetsForRollingUpdate #${i}: ${c.oldReplicas} old, ${c.readyPods} available, maxUnavailable ${c.maxUnavailable}`, () => {
    const oldRS = rs('foo-v2', c.oldReplicas, null, c.readyPods);
    const d = newDeployment('foo', c.deploymentReplicas, 0, c.maxUnavailable, { foo: 'bar' });
    const got = scaleDownOldReplicaSetsForRollingUpdate([oldRS], [oldRS], d);
    assert.equal(got.totalScaledDown > 0, c.scaleExpected);
    assert.deepEqual(got.replicas, { 'foo-v2': c.expectedOldReplicas });
    assert.equal(got.totalScaledDown, c.oldReplicas - c.expectedOldReplicas);
  });
});

// --- TestScale ---------------------------------------------------------------
const newTimestamp = '2016-05-20T02:00:00Z';
const oldTimestamp = '2016-05-20T01:00:00Z';
const olderTimestamp = '2016-05-20T00:00:00Z';
interface ScaleCase {
  name: string;
  deployment: Deployment;
  oldDeployment: Deployment;
  newRS: ReturnType<typeof rs> | null;
  oldRSs: ReturnType<typeof rs>[];
  expected: Record<string, number>;
  desiredReplicasAnnotations?: Record<string, number>;
}
const updatedTemplate = (replicas: number): Deployment => {
  const d = newDeployment('foo', replicas, null, null, { foo: 'bar' });
  (d.spec!.template as { metadata: { labels: Record<string, string> } }).metadata.labels.another = 'label';
  return d;
};
const scaleCases: ScaleCase[] = [
  { name: 'normal scaling event: 10 -> 12', deployment: newDeployment('foo', 12), oldDeployment: newDeployment('foo', 10), newRS: rs('foo-v1', 10, newTimestamp), oldRSs: [], expected: { 'foo-v1': 12 } },
  { name: 'normal scaling event: 10 -> 5', deployment: newDeployment('foo', 5), oldDeployment: newDeployment('foo', 10), newRS: rs('foo-v1', 10, newTimestamp), oldRSs: [], expected: { 'foo-v1': 5 } },
  { name: 'proportional scaling: 5 -> 10', deployment: newDeployment('foo', 10), oldDeployment: newDeployment('foo', 5), newRS: rs('foo-v2', 2, newTimestamp), oldRSs: [rs('foo-v1', 3, oldTimestamp)], expected: { 'foo-v2': 4, 'foo-v1': 6 } },
  { name: 'proportional scaling: 5 -> 3', deployment: newDeployment('foo', 3), oldDeployment: newDeployment('foo', 5), newRS: rs('foo-v2', 2, newTimestamp), oldRSs: [rs('foo-v1', 3, oldTimestamp)], expected: { 'foo-v2': 1, 'foo-v1': 2 } },
  { name: 'proportional scaling: 9 -> 4', deployment: newDeployment('foo', 4), oldDeployment: newDeployment('foo', 9), newRS: rs('foo-v2', 8, newTimestamp), oldRSs: [rs('foo-v1', 1, oldTimestamp)], expected: { 'foo-v2': 4, 'foo-v1': 0 } },
  { name: 'proportional scaling: 7 -> 10', deployment: newDeployment('foo', 10), oldDeployment: newDeployment('foo', 7), newRS: rs('foo-v3', 2, newTimestamp), oldRSs: [rs('foo-v2', 3, oldTimestamp), rs('foo-v1', 2, olderTimestamp)], expected: { 'foo-v3': 3, 'foo-v2': 4, 'foo-v1': 3 } },
  { name: 'proportional scaling: 13 -> 8', deployment: newDeployment('foo', 8), oldDeployment: newDeployment('foo', 13), newRS: rs('foo-v3', 2, newTimestamp), oldRSs: [rs('foo-v2', 8, oldTimestamp), rs('foo-v1', 3, olderTimestamp)], expected: { 'foo-v3': 1, 'foo-v2': 5, 'foo-v1': 2 } },
  { name: 'leftover distribution: 3 -> 4', deployment: newDeployment('foo', 4), oldDeployment: newDeployment('foo', 3), newRS: rs('foo-v3', 1, newTimestamp), oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)], expected: { 'foo-v3': 2, 'foo-v2': 1, 'foo-v1': 1 } },
  { name: 'leftover distribution: 3 -> 2', deployment: newDeployment('foo', 2), oldDeployment: newDeployment('foo', 3), newRS: rs('foo-v3', 1, newTimestamp), oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)], expected: { 'foo-v3': 1, 'foo-v2': 1, 'foo-v1': 0 } },
  { name: 'proportional scaling (no new rs): 4 -> 5', deployment: newDeployment('foo', 5), oldDeployment: newDeployment('foo', 4), newRS: null, oldRSs: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 2, olderTimestamp)], expected: { 'foo-v2': 3, 'foo-v1': 2 } },
  { name: 'proportional scaling: 6 -> 0', deployment: newDeployment('foo', 0), oldDeployment: newDeployment('foo', 6), newRS: rs('foo-v3', 3, newTimestamp), oldRSs: [rs('foo-v2', 2, oldTimestamp), rs('foo-v1', 1, olderTimestamp)], expected: { 'foo-v3': 0, 'foo-v2': 0, 'foo-v1': 0 } },
  { name: 'proportional scaling: 0 -> 6', deployment: newDeployment('foo', 6), oldDeployment: newDeployment('foo', 6), newRS: rs('foo-v3', 0, newTimestamp), oldRSs: [rs('foo-v2', 0, oldTimestamp), rs('foo-v1', 0, olderTimestamp)], expected: { 'foo-v3': 6, 'foo-v2': 0, 'foo-v1': 0 } },
  // Upstream's fake client drops the writes to foo-v3 and foo-v1 (wasntUpdated); their sizes do not change in this sync anyway.
  { name: 'failed rs update', deployment: newDeployment('foo', 5), oldDeployment: newDeployment('foo', 5), newRS: rs('foo-v3', 2, newTimestamp), oldRSs: [rs('foo-v2', 1, oldTimestamp), rs('foo-v1', 1, olderTimestamp)], expected: { 'foo-v3': 2, 'foo-v2': 2, 'foo-v1': 1 }, desiredReplicasAnnotations: { 'foo-v2': 3 } },
  { name: 'deployment with surge pods', deployment: newDeployment('foo', 20, 2), oldDeployment: newDeployment('foo', 10, 2), newRS: rs('foo-v2', 6, newTimestamp), oldRSs: [rs('foo-v1', 6, oldTimestamp)], expected: { 'foo-v2': 11, 'foo-v1': 11 } },
  { name: 'change both surge and size', deployment: newDeployment('foo', 50, 6), oldDeployment: newDeployment('foo', 10, 3), newRS: rs('foo-v2', 5, newTimestamp), oldRSs: [rs('foo-v1', 8, oldTimestamp)], expected: { 'foo-v2': 22, 'foo-v1': 34 } },
  { name: 'change both size and template', deployment: updatedTemplate(14), oldDeployment: newDeployment('foo', 10, null, null, { foo: 'bar' }), newRS: null, oldRSs: [rs('foo-v2', 7, newTimestamp), rs('foo-v1', 3, oldTimestamp)], expected: { 'foo-v2': 10, 'foo-v1': 4 } },
  { name: 'saturated but broken new replica set does not affect old pods', deployment: newDeployment('foo', 2, 1, 1), oldDeployment: newDeployment('foo', 2, 1, 1), newRS: rs('foo-v2', 2, newTimestamp, 0), oldRSs: [rs('foo-v1', 1, oldTimestamp)], expected: { 'foo-v2': 2, 'foo-v1': 1 } },
];
for (const c of scaleCases) {
  test(`${SYNC} TestScale: ${c.name}`, () => {
    const annotate = (r: ReturnType<typeof rs>) => {
      const desired = c.desiredReplicasAnnotations?.[r.metadata!.name!] ?? c.oldDeployment.spec!.replicas!;
      withReplicasAnnotations(r, desired, desired + maxSurge(c.oldDeployment));
    };
    if (c.newRS) annotate(c.newRS);
    c.oldRSs.forEach(annotate);
    assert.deepEqual(scale(c.deployment, c.newRS, c.oldRSs), c.expected);
  });
}

// --- TestMinAvailable, TestGetNonNegativeInt32FromAnnotation, TestDeploymentComplete, TestDeploymentProgressing ---
const maDeployment = (replicas: number, mu: number | string): Deployment => ({ spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: mu } } } });
const minAvailableCases: { name: string; deployment: Deployment; expected: number }[] = [
  { name: 'replicas greater than maxUnavailable', deployment: maDeployment(10, 5), expected: 5 },
  { name: 'replicas equal maxUnavailable', deployment: maDeployment(10, 10), expected: 0 },
  { name: 'replicas less than maxUnavailable', deployment: maDeployment(5, 10), expected: 0 },
  { name: 'replicas is 0', deployment: maDeployment(0, 10), expected: 0 },
  { name: 'minAvailable with Recreate deployment strategy', deployment: { spec: { replicas: 10, strategy: { type: 'Recreate' } } }, expected: 0 },
  { name: 'replicas greater than maxUnavailable with percents', deployment: maDeployment(10, '60%'), expected: 4 },
  { name: 'replicas equal maxUnavailable with percents', deployment: maDeployment(10, '100%'), expected: 0 },
  { name: 'replicas less than maxUnavailable with percents', deployment: maDeployment(5, '100%'), expected: 0 },
];
for (const c of minAvailableCases) test(`${UTIL} TestMinAvailable: ${c.name}`, () => assert.equal(minAvailable(c.deployment), c.expected));

const annotationCases: { name: string; annotations?: Record<string, string>; value: number; ok: boolean }[] = [
  { name: 'invalid empty', value: 0, ok: false },
  { name: 'invalid', annotations: { test: 'invalid', foo: '2' }, value: 0, ok: false },
  { name: 'invalid negative ', annotations: { test: '-1', foo: '2' }, value: 0, ok: false },
  { name: 'valid zero', annotations: { test: '0', foo: '2' }, value: 0, ok: true },
  { name: 'valid', annotations: { test: '13', foo: '2' }, value: 13, ok: true },
  { name: 'valid max', annotations: { test: '2147483647', foo: '2' }, value: 2147483647, ok: true },
  { name: 'invalid max out of range', annotations: { test: '2147483648', foo: '2' }, value: 0, ok: false },
  { name: 'invalid max out of range 2', annotations: { test: '4294967296', foo: '2' }, value: 0, ok: false },
];
for (const c of annotationCases) {
  test(`${UTIL} TestGetNonNegativeInt32FromAnnotation: ${c.name}`, () => {
    const r = rs('nginx', 1);
    if (c.annotations) r.metadata!.annotations = c.annotations;
    assert.deepEqual(getNonNegativeInt32FromAnnotation(r, 'test'), { value: c.value, ok: c.ok });
  });
}

const completeDeployment = (desired: number, current: number, updated: number, available: number, mu: number, ms: number): Deployment => ({
  spec: { replicas: desired, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: mu, maxSurge: ms } } },
  status: { replicas: current, updatedReplicas: updated, availableReplicas: available },
});
const completeCases = [
  { name: 'not complete: min but not all pods become available', d: completeDeployment(5, 5, 5, 4, 1, 0), expected: false },
  { name: 'not complete: min availability is not honored', d: completeDeployment(5, 5, 5, 3, 1, 0), expected: false },
  { name: 'complete', d: completeDeployment(5, 5, 5, 5, 0, 0), expected: true },
  { name: 'not complete: all pods are available but not updated', d: completeDeployment(5, 5, 4, 5, 0, 0), expected: false },
  { name: 'not complete: still running old pods', d: completeDeployment(1, 2, 1, 1, 0, 1), expected: false },
  { name: 'not complete: one replica deployment never comes up', d: completeDeployment(1, 1, 1, 0, 1, 1), expected: false },
];
for (const c of completeCases) test(`${UTIL} TestDeploymentComplete: ${c.name}`, () => assert.equal(deploymentComplete(c.d, c.d.status!), c.expected));

const progressStatus = (current: number, updated: number, ready: number, available: number) => ({ replicas: current, updatedReplicas: updated, readyReplicas: ready, availableReplicas: available });
const progressingCases = [
  { name: 'progressing: updated pods', old: progressStatus(10, 4, 4, 4), next: progressStatus(10, 6, 4, 4), expected: true },
  { name: 'not progressing', old: progressStatus(10, 4, 4, 4), next: progressStatus(10, 4, 4, 4), expected: false },
  { name: 'progressing: old pods removed', old: progressStatus(10, 4, 6, 6), next: progressStatus(8, 4, 6, 6), expected: true },
  { name: 'not progressing: less new pods', old: progressStatus(10, 7, 3, 3), next: progressStatus(10, 6, 3, 3), expected: false },
  { name: 'progressing: less overall but more new pods', old: progressStatus(10, 4, 7, 7), next: progressStatus(8, 8, 5, 5), expected: true },
  { name: 'progressing: more ready pods', old: progressStatus(10, 10, 9, 8), next: progressStatus(10, 10, 10, 8), expected: true },
  { name: 'progressing: more available pods', old: progressStatus(10, 10, 10, 9), next: progressStatus(10, 10, 10, 10), expected: true },
];
for (const c of progressingCases) test(`${UTIL} TestDeploymentProgressing: ${c.name}`, () => assert.equal(deploymentProgressing({ status: c.old }, c.next), c.expected));

// --- TestGetReplicaCountForReplicaSets (with DeploymentReplicaSetTerminatingReplicas) ---------------
{
  // As upstream builds them; note upstream sets rs1's observedGeneration twice and never rs2's,
  // so rs2 counts only because it carries a terminatingReplicas value.
  const withStatus = (name: string, specReplicas: number, status: { replicas: number; observedGeneration?: number; terminatingReplicas?: number }) => {
    const r = rs(name, specReplicas);
    r.status = { ...(r.status ?? {}), ...status };
    if (status.observedGeneration === undefined) delete r.status.observedGeneration;
    return r;
  };
  const rs1 = withStatus('foo-rs', 1, { replicas: 2, observedGeneration: 1, terminatingReplicas: 3 });
  const rs2 = withStatus('bar-rs', 2, { replicas: 3, terminatingReplicas: 1 });
  const rs3 = withStatus('unsynced-rs', 3, { replicas: 0 });
  const rs4 = withStatus('dropped-rs', 1, { replicas: 1, observedGeneration: 1 });
  const cases = [
    { name: 'scaling down rs1', sets: [rs1], count: 1, actual: 2, terminating: 3 },
    { name: 'scaling down rs1 and rs2', sets: [rs1, rs2], count: 3, actual: 5, terminating: 4 },
    { name: 'scaling up rs3', sets: [rs3], count: 3, actual: 0, terminating: 0 },
    { name: 'scaling down rs1 and rs2 and scaling up rs3', sets: [rs1, rs2, rs3], count: 6, actual: 5, terminating: 4 },
    { name: 'invalid/unknown terminating status for rs4', sets: [rs4], count: 1, actual: 1, terminating: null },
    { name: 'invalid/unknown terminating status for rs4 with rs1, rs2 and rs3', sets: [rs1, rs2, rs3, rs4], count: 7, actual: 6, terminating: null },
  ];
  for (const c of cases) {
    test(`${UTIL} TestGetReplicaCountForReplicaSets: ${c.name}`, () => {
      assert.equal(getReplicaCountForReplicaSets(c.sets), c.count);
      assert.equal(getActualReplicaCountForReplicaSets(c.sets), c.actual);
      assert.equal(getTerminatingReplicaCountForReplicaSets(c.sets), c.terminating);
    });
  }
}

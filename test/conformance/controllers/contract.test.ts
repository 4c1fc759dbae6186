// Every example of ../shared/contracts/controllers.md ("One example call each"),
// called through simulations/index.ts exactly as outside checks call it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from '../../../simulations/index.ts';
import { newDeployment, rs, withReplicasAnnotations } from './builders.ts';

test('contract: resolveFenceposts("39%", "39%", 10) is [4, 3]', () => {
  assert.deepEqual(api.resolveFenceposts('39%', '39%', 10), [4, 3]);
});

test('contract: newRSNewReplicas(deployment 6 maxSurge 10 maxUnavailable 1, [rs 5], rs 2) is 6', () => {
  const d = { spec: { replicas: 6, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 10, maxUnavailable: 1 } } } };
  assert.equal(api.newRSNewReplicas(d, [rs('rs5', 5)], rs('new', 2)), 6);
});

test('contract: maxUnavailable(replicas 10, maxSurge 1, maxUnavailable "50%") is 5', () => {
  assert.equal(api.maxUnavailable({ spec: { replicas: 10, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: '50%' } } } }), 5);
});

test('contract: reconcileNewReplicaSet([new 0, old 5], new 0, deployment 10 maxSurge 2 maxUnavailable 0) scales the new one to 7', () => {
  const n = rs('foo-new', 0);
  assert.deepEqual(api.reconcileNewReplicaSet([n, rs('foo-old', 5)], n, newDeployment('foo', 10, 2, 0)), { scaled: true, replicas: 7 });
});

test('contract: reconcileOldReplicaSets([old 10 (8 available), new 0], [old], new, deployment 10 maxUnavailable 2 maxSurge 0) scales', () => {
  const old = rs('foo-old', 10, null, 8);
  const n = rs('foo-new', 0);
  assert.equal(api.reconcileOldReplicaSets([old, n], [old], n, newDeployment('foo', 10, 0, 2)).scaled, true);
});

test('contract: cleanupUnhealthyReplicas([old 10, 8 available], deployment 10, 3) cleans up 2', () => {
  assert.equal(api.cleanupUnhealthyReplicas([rs('foo-v2', 10, null, 8)], newDeployment('foo', 10, 2, 2), 3).cleanupCount, 2);
});

test('contract: scaleDownOldReplicaSetsForRollingUpdate([foo-v2 10, 10 available], [foo-v2], deployment 10 maxUnavailable 2)', () => {
  const old = rs('foo-v2', 10, null, 10);
  assert.deepEqual(api.scaleDownOldReplicaSetsForRollingUpdate([old], [old], newDeployment('foo', 10, 0, 2)), { totalScaledDown: 2, replicas: { 'foo-v2': 8 } });
});

test('contract: scale(deployment 10, foo-v2 2 (desired 5 / max 5), [foo-v1 3]) gives 4 and 6', () => {
  const n = withReplicasAnnotations(rs('foo-v2', 2, '2016-05-20T02:00:00Z'), 5, 5);
  const old = withReplicasAnnotations(rs('foo-v1', 3, '2016-05-20T01:00:00Z'), 5, 5);
  assert.deepEqual(api.scale(newDeployment('foo', 10), n, [old]), { 'foo-v2': 4, 'foo-v1': 6 });
});

test('the public functions leave the caller\'s objects as they were', () => {
  const old = rs('foo-v2', 10, null, 10);
  const before = JSON.stringify(old);
  api.scaleDownOldReplicaSetsForRollingUpdate([old], [old], newDeployment('foo', 10, 0, 2));
  assert.equal(JSON.stringify(old), before);
});

// The eviction subresource against pkg/registry/core/pod/storage/eviction_test.go (v1.36):
// TestEviction and the single-request cases of TestEvictionIngorePDB (the cases about
// retried delete conflicts exercise the storage layer, which a single evictPod call has no part of).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { evictPod } from '../../../simulations/index.ts';

const pdb = (status: Record<string, unknown>, matchLabels: Record<string, string> = { a: 'true' }, spec: Record<string, unknown> = {}) =>
  ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'foo', namespace: 'default' }, spec: { selector: { matchLabels }, ...spec }, status });
const pod = (name: string, phase?: string, ready?: boolean, extraMeta: Record<string, unknown> = {}) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { a: 'true' }, ...extraMeta }, spec: { nodeName: 'foo' },
  status: { ...(phase ? { phase } : {}), ...(ready === undefined ? {} : { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] }) },
});

describe('pkg/registry/core/pod/storage/eviction_test.go TestEviction', () => {
  // validNewPod has no phase; its status is updated to podPhase when the case sets one.
  const table = [
    { name: 'matching pdbs with no disruptions allowed, pod running', pdbs: [pdb({ disruptionsAllowed: 0 })], pod: pod('t1', 'Running'), expectError: true },
    { name: 'matching pdbs with no disruptions allowed, pod pending', pdbs: [pdb({ disruptionsAllowed: 0 })], pod: pod('t2', 'Pending'), expectError: false },
    { name: 'matching pdbs with no disruptions allowed, pod succeeded', pdbs: [pdb({ disruptionsAllowed: 0 })], pod: pod('t3', 'Succeeded'), expectError: false },
    { name: 'matching pdbs with no disruptions allowed, pod failed', pdbs: [pdb({ disruptionsAllowed: 0 })], pod: pod('t4', 'Failed'), expectError: false },
    { name: 'matching pdbs with disruptions allowed', pdbs: [pdb({ disruptionsAllowed: 1 })], pod: pod('t5', 'Running'), expectError: false },
    { name: 'non-matching pdbs', pdbs: [pdb({ disruptionsAllowed: 0 }, { b: 'true' })], pod: pod('t6', 'Running'), expectError: false },
    { name: 'matching pdbs with disruptions allowed but bad name in Url', pdbs: [pdb({ disruptionsAllowed: 1 })], pod: pod('t7', 'Running'), badNameInURL: true, expectError: true },
  ];
  for (const tc of table) {
    it(tc.name, () => {
      const r = evictPod(tc.pod, tc.pdbs, tc.badNameInURL ? { name: 't7bad-name' } : {});
      assert.equal(!r.allowed, tc.expectError);
      if (tc.badNameInURL) assert.equal(r.message, 'name in URL does not match name in Eviction object');
    });
  }

  it('the 429 of a running Pod under a PDB with no disruptions left (the contract example)', () => {
    const r = evictPod(pod('t1', 'Running', true), [pdb({ disruptionsAllowed: 0 })]);
    assert.deepEqual(r, {
      allowed: false, code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget.",
      causes: [{ type: 'DisruptionBudget', message: 'The disruption budget foo needs 0 healthy pods and has 0 currently' }],
    });
  });

  it('an allowed eviction consumes the budget and records the Pod in disruptedPods', () => {
    const r = evictPod(pod('t5', 'Running', true), [pdb({ disruptionsAllowed: 1, currentHealthy: 3, desiredHealthy: 2 })], { now: '2025-01-01T00:00:05Z' });
    assert.equal(r.allowed, true);
    const status = r.pdb?.status as Record<string, unknown>;
    assert.equal(status.disruptionsAllowed, 0);
    assert.deepEqual(status.disruptedPods, { t5: '2025-01-01T00:00:05Z' });
    assert.equal((status.conditions as { reason: string }[])[0].reason, 'InsufficientPods');
  });
});

describe('pkg/registry/core/pod/storage/eviction_test.go TestEvictionIngorePDB (single-request cases)', () => {
  it('matching pdbs with no disruptions allowed, pod terminating', () => {
    assert.equal(evictPod(pod('t6', 'Running', true, { deletionTimestamp: '2025-01-01T00:00:00Z' }), [pdb({ disruptionsAllowed: 0 })]).allowed, true);
  });
  it('matching pdbs with no disruptions allowed, pod running, pod healthy, unhealthy pod not ours', () => {
    assert.equal(evictPod(pod('t7', 'Running', true), [pdb({ disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 })]).allowed, false);
  });
  it('matching pdbs with no disruptions allowed, pod running, pod unhealthy, unhealthy pod ours', () => {
    const r = evictPod(pod('t8', 'Running', false), [pdb({ disruptionsAllowed: 0, currentHealthy: 2, desiredHealthy: 2 })]);
    assert.equal(r.allowed, true);
    assert.equal(r.path, 'unhealthy-pod-allowed');
  });
  it('matching pdbs with no disruptions allowed, pod running, pod unhealthy, unhealthy pod ours, AlwaysAllow policy', () => {
    const r = evictPod(pod('t10', 'Running', false), [pdb({ disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 }, { a: 'true' }, { unhealthyPodEvictionPolicy: 'AlwaysAllow' })]);
    assert.equal(r.allowed, true);
  });
  it('matching pdbs with no disruptions allowed, pod running, pod unhealthy, IfHealthyBudget and not enough healthy Pods: 429', () => {
    const r = evictPod(pod('t11', 'Running', false), [pdb({ disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2 }, { a: 'true' }, { unhealthyPodEvictionPolicy: 'IfHealthyBudget' })]);
    assert.equal(r.code, 429);
  });
});

describe('eviction.go checkAndDecrement refusals', () => {
  it('a PDB the controller has not observed yet: 429 "is still being processed by the server"', () => {
    const p = { ...pdb({ disruptionsAllowed: 1, observedGeneration: 1 }), metadata: { name: 'foo', namespace: 'default', generation: 2 } };
    const r = evictPod(pod('x', 'Running', true), [p]);
    assert.deepEqual([r.code, r.causes?.[0].message], [429, 'The disruption budget foo is still being processed by the server.']);
  });
  it('two matching PDBs: 500', () => {
    const r = evictPod(pod('x', 'Running', true), [pdb({ disruptionsAllowed: 1 }), { ...pdb({ disruptionsAllowed: 1 }), metadata: { name: 'bar', namespace: 'default' } }]);
    assert.deepEqual([r.code, r.message], [500, 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.']);
  });
  it('negative disruptionsAllowed: 403', () => {
    const r = evictPod(pod('x', 'Running', true), [pdb({ disruptionsAllowed: -1 })]);
    assert.deepEqual([r.code, r.message], [403, 'poddisruptionbudget.policy "foo" is forbidden: pdb disruptions allowed is negative']);
  });
});

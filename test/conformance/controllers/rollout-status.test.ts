// Upstream: staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status_test.go
// (TestDeploymentStatusViewerStatus, TestDaemonSetStatusViewerStatus,
// TestStatefulSetStatusViewerStatus, TestDaemonSetStatusViewerStatusWithWrongUpdateStrategyType).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rolloutStatus } from '../../../simulations/index.ts';

const FILE = 'staging/src/k8s.io/kubectl/pkg/polymorphichelpers/rollout_status_test.go';

const deploymentCases = [
  { name: 'test1', generation: 0, specReplicas: 1, status: { observedGeneration: 1, replicas: 1, updatedReplicas: 0, availableReplicas: 1, unavailableReplicas: 0 }, msg: 'Waiting for deployment "foo" rollout to finish: 0 out of 1 new replicas have been updated...\n', done: false },
  { name: 'test2', generation: 1, specReplicas: 1, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 1, availableReplicas: 2, unavailableReplicas: 0 }, msg: 'Waiting for deployment "foo" rollout to finish: 1 old replicas are pending termination...\n', done: false },
  { name: 'test3', generation: 1, specReplicas: 2, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1, unavailableReplicas: 1 }, msg: 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n', done: false },
  { name: 'test4', generation: 1, specReplicas: 2, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 }, msg: 'deployment "foo" successfully rolled out\n', done: true },
  { name: 'test5', generation: 2, specReplicas: 2, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 2, unavailableReplicas: 0 }, msg: 'Waiting for deployment spec update to be observed...\n', done: false },
];
for (const c of deploymentCases) {
  test(`${FILE} TestDeploymentStatusViewerStatus: ${c.name}`, () => {
    const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'bar', name: 'foo', uid: '8764ae47-9092-11e4-8393-42010af018ff', generation: c.generation }, spec: { replicas: c.specReplicas }, status: c.status };
    assert.deepEqual(rolloutStatus(d, 0), { message: c.msg, done: c.done });
  });
}

const daemonSetCases = [
  { name: 'test1', generation: 0, status: { observedGeneration: 1, updatedNumberScheduled: 0, desiredNumberScheduled: 1, numberAvailable: 0 }, msg: 'Waiting for daemon set "foo" rollout to finish: 0 out of 1 new pods have been updated...\n', done: false },
  { name: 'test2', generation: 1, status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 1 }, msg: 'Waiting for daemon set "foo" rollout to finish: 1 of 2 updated pods are available...\n', done: false },
  { name: 'test3', generation: 1, status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 }, msg: 'daemon set "foo" successfully rolled out\n', done: true },
  { name: 'test4', generation: 2, status: { observedGeneration: 1, updatedNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2 }, msg: 'Waiting for daemon set spec update to be observed...\n', done: false },
];
for (const c of daemonSetCases) {
  test(`${FILE} TestDaemonSetStatusViewerStatus: ${c.name}`, () => {
    const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { namespace: 'bar', name: 'foo', generation: c.generation }, spec: { updateStrategy: { type: 'RollingUpdate' } }, status: c.status };
    assert.deepEqual(rolloutStatus(ds, 0), { message: c.msg, done: c.done });
  });
}

test(`${FILE} TestDaemonSetStatusViewerStatusWithWrongUpdateStrategyType`, () => {
  const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { namespace: 'bar', name: 'foo' }, spec: { updateStrategy: { type: 'OnDelete' } } };
  assert.throws(() => rolloutStatus(ds, 0), { message: 'rollout status is only available for RollingUpdate strategy type' });
});

const statefulSetCases = [
  { name: 'on delete returns an error', generation: 1, strategy: { type: 'OnDelete' }, status: { observedGeneration: 1, replicas: 0, readyReplicas: 1, currentReplicas: 0, updatedReplicas: 0 }, msg: '', done: true, err: true },
  { name: 'unobserved update is not complete', generation: 2, strategy: { type: 'RollingUpdate' }, status: { observedGeneration: 1, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 0 }, msg: 'Waiting for statefulset spec update to be observed...\n', done: false, err: false },
  { name: 'if all pods are not ready the update is not complete', generation: 1, strategy: { type: 'RollingUpdate' }, status: { observedGeneration: 2, replicas: 3, readyReplicas: 2, currentReplicas: 3, updatedReplicas: 0 }, msg: 'Waiting for 1 pods to be ready...\n', done: false, err: false },
  { name: 'partition update completes when all replicas above the partition are updated', generation: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }, status: { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 2, updatedReplicas: 1 }, msg: 'partitioned roll out complete: 1 new pods have been updated...\n', done: true, err: false },
  // Upstream's table says done: true here but only fails when done is true and unexpected; the viewer returns false.
  { name: 'partition update is in progress if all pods above the partition have not been updated', generation: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }, status: { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 0 }, msg: 'Waiting for partitioned roll out to finish: 0 out of 1 new pods have been updated...\n', done: false, err: false },
  { name: 'update completes when all replicas are current', generation: 1, strategy: { type: 'RollingUpdate' }, status: { observedGeneration: 2, replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3, currentRevision: 'foo', updateRevision: 'foo' }, msg: 'statefulset rolling update complete 3 pods at revision foo...\n', done: true, err: false },
];
for (const c of statefulSetCases) {
  test(`${FILE} TestStatefulSetStatusViewerStatus: ${c.name}`, () => {
    const sts = { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 'foo', namespace: 'default', generation: c.generation }, spec: { replicas: 3, updateStrategy: c.strategy }, status: c.status };
    if (c.err) {
      assert.throws(() => rolloutStatus(sts, 0), { message: 'rollout status is only available for RollingUpdate strategy type' });
      return;
    }
    assert.deepEqual(rolloutStatus(sts, 0), { message: c.msg, done: c.done });
  });
}

test('rollout status: a Deployment past its progress deadline is kubectl\'s error', () => {
  const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation: 2 }, spec: { replicas: 3 }, status: { observedGeneration: 2, conditions: [{ type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded' }] } };
  assert.throws(() => rolloutStatus(d), { message: 'deployment "web" exceeded its progress deadline' });
});

test('rollout status --revision: a different running revision is kubectl\'s error', () => {
  const d = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', generation: 2, annotations: { 'deployment.kubernetes.io/revision': '3' } }, spec: { replicas: 3 }, status: { observedGeneration: 2 } };
  assert.throws(() => rolloutStatus(d, 2), { message: 'desired revision (2) is different from the running revision (3)' });
});

test('rollout status: a kind without a viewer is named as GroupKind prints it', () => {
  assert.throws(() => rolloutStatus({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' } }), { message: 'no status viewer has been implemented for Job.batch' });
});

test('contract: rolloutStatus of a Deployment with 1 of 2 updated replicas available', () => {
  assert.deepEqual(rolloutStatus({ kind: 'Deployment', metadata: { name: 'foo', generation: 1 }, spec: { replicas: 2 }, status: { observedGeneration: 1, replicas: 2, updatedReplicas: 2, availableReplicas: 1 } }, 0), {
    message: 'Waiting for deployment "foo" rollout to finish: 1 of 2 updated replicas are available...\n',
    done: false,
  });
});

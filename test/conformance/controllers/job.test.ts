// Upstream: pkg/controller/job/backoff_utils_test.go (TestGetRemainingBackoffTime,
// TestNewBackoffRecord, TestGetFinishedTime) and job_controller_test.go
// (TestJobBackoffForOnFailure, TestJobBackoffOnRestartPolicyNever: whether the Job
// gets the BackoffLimitExceeded condition).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exceedsBackoffLimit, getRemainingTime } from '../../../simulations/index.ts';
import { getFinishedTime, newBackoffRecord } from '../../../simulations/controllers/job/backoff.ts';
import type { FinishedPod } from '../../../simulations/controllers/job/backoff.ts';

const BACKOFF = 'pkg/controller/job/backoff_utils_test.go';
const CONTROLLER = 'pkg/controller/job/job_controller_test.go';
const T0 = Date.UTC(2009, 10, 10, 23, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString();

// --- TestGetRemainingBackoffTime ---------------------------------------------------
const remaining = [
  { name: 'no failures', failures: 0, last: null, now: 0, want: 0 },
  { name: 'one failure; current time and failure time are same', failures: 1, last: T0, now: T0, want: 5 },
  { name: 'one failure; current time == 1 second + failure time', failures: 1, last: T0, now: T0 + 1000, want: 4 },
  { name: 'one failure; current time == expected backoff time', failures: 1, last: T0, now: T0 + 5000, want: 0 },
  { name: 'one failure; current time == expected backoff time + 1 Second', failures: 1, last: T0, now: T0 + 6000, want: 0 },
  { name: 'three failures; current time and failure time are same', failures: 3, last: T0, now: T0, want: 20 },
  { name: 'eight failures; current time and failure time are same; backoff not exceeding maxBackoff', failures: 8, last: T0, now: T0, want: 640 },
  { name: 'nine failures; current time and failure time are same; backoff exceeding maxBackoff', failures: 9, last: T0, now: T0, want: 700 },
];
for (const c of remaining) {
  test(`${BACKOFF} TestGetRemainingBackoffTime: ${c.name}`, () => {
    assert.equal(getRemainingTime({ failuresAfterLastSuccess: c.failures, lastFailureTime: c.last === null ? null : iso(c.last) }, new Date(c.now), 5, 700), c.want);
  });
}

test('getRemainingTime defaults: 10 s doubling, capped at 600 s', () => {
  const last = iso(T0);
  assert.deepEqual([1, 2, 3, 6, 7, 20].map((n) => getRemainingTime({ failuresAfterLastSuccess: n, lastFailureTime: last }, new Date(T0))), [10, 20, 40, 320, 600, 600]);
});

// --- TestNewBackoffRecord -------------------------------------------------------------
const finishedPod = (phase: string, at: number): FinishedPod => ({ status: { phase, containerStatuses: [{ state: { terminated: { finishedAt: iso(at) } } }] } });
const recordCases = [
  { name: 'Empty backoff store and one new failure', prev: null, succeeded: [], failed: [T0], want: { failuresAfterLastSuccess: 1, lastFailureTimeMs: T0 } },
  { name: 'Empty backoff store and two new failures', prev: null, succeeded: [], failed: [T0, T0 - 1], want: { failuresAfterLastSuccess: 2, lastFailureTimeMs: T0 } },
  { name: 'Empty backoff store, two failures followed by success', prev: null, succeeded: [T0], failed: [T0 - 2, T0 - 1], want: { failuresAfterLastSuccess: 0, lastFailureTimeMs: null } },
  { name: 'Empty backoff store, two failures, one success and two more failures', prev: null, succeeded: [T0 - 2], failed: [T0, T0 - 4, T0 - 3, T0 - 1], want: { failuresAfterLastSuccess: 2, lastFailureTimeMs: T0 } },
  { name: 'Backoff store having failure count 2 and one new failure', prev: { failuresAfterLastSuccess: 2, lastFailureTimeMs: null }, succeeded: [], failed: [T0], want: { failuresAfterLastSuccess: 3, lastFailureTimeMs: T0 } },
  { name: 'Empty backoff store with success and failure at same timestamp', prev: null, succeeded: [T0], failed: [T0], want: { failuresAfterLastSuccess: 0, lastFailureTimeMs: null } },
  { name: 'Empty backoff store with no success/failure', prev: null, succeeded: [], failed: [], want: { failuresAfterLastSuccess: 0, lastFailureTimeMs: null } },
  { name: 'Empty backoff store with one success', prev: null, succeeded: [T0], failed: [], want: { failuresAfterLastSuccess: 0, lastFailureTimeMs: null } },
];
for (const c of recordCases) {
  test(`${BACKOFF} TestNewBackoffRecord: ${c.name}`, () => {
    assert.deepEqual(newBackoffRecord(c.prev, c.succeeded.map((t) => finishedPod('Succeeded', t)), c.failed.map((t) => finishedPod('Failed', t))), c.want);
  });
}

// --- TestGetFinishedTime ----------------------------------------------------------------
const terminated = (at?: number) => ({ state: { terminated: at === undefined ? {} : { finishedAt: iso(at) } } });
const running = { state: { running: {} } };
const finishedCases: { name: string; pod: FinishedPod; want: number }[] = [
  { name: 'Pod with multiple containers and all containers terminated', pod: { status: { containerStatuses: [terminated(T0 - 1000), terminated(T0), terminated(T0 - 2000)] } }, want: T0 },
  { name: 'Pod with multiple containers; two containers in terminated state and one in running state; fallback to deletionTimestamp', pod: { metadata: { deletionTimestamp: iso(T0) }, status: { containerStatuses: [terminated(T0 - 1000), running, terminated(T0 - 2000)] } }, want: T0 },
  { name: 'fallback to deletionTimestamp', pod: { metadata: { deletionTimestamp: iso(T0) }, status: { containerStatuses: [running] } }, want: T0 },
  { name: 'fallback to deletionTimestamp, decremented by grace period', pod: { metadata: { deletionTimestamp: iso(T0), deletionGracePeriodSeconds: 30 }, status: { containerStatuses: [running] } }, want: T0 - 30_000 },
  { name: 'fallback to PodReady.LastTransitionTime when status of the condition is False', pod: { status: { containerStatuses: [terminated()], conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: iso(T0) }] } }, want: T0 },
  { name: 'skip fallback to PodReady.LastTransitionTime when status of the condition is True', pod: { metadata: { deletionTimestamp: iso(T0) }, status: { containerStatuses: [terminated()], conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: iso(T0 - 30_000) }] } }, want: T0 },
  { name: 'fallback to creationTimestamp', pod: { metadata: { creationTimestamp: iso(T0) }, status: { containerStatuses: [terminated()] } }, want: T0 },
  { name: 'Pod with init container and all containers terminated', pod: { status: { containerStatuses: [terminated(T0 - 1000)], initContainerStatuses: [terminated(T0)] } }, want: T0 },
];
for (const c of finishedCases) test(`${BACKOFF} TestGetFinishedTime: ${c.name}`, () => assert.equal(getFinishedTime(c.pod), c.want));

// --- TestJobBackoffForOnFailure / TestJobBackoffOnRestartPolicyNever ----------------------
/** newJob(parallelism, completions, backoffLimit) with the given restart policy. */
const newJob = (parallelism: number, completions: number, backoffLimit: number, restartPolicy: string) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'foobar', namespace: 'default', uid: 'job-uid' },
  spec: { parallelism, completions, backoffLimit, template: { spec: { restartPolicy, containers: [{ name: 'foo', image: 'foo/bar' }] } } },
});
/** newPodList: Pods of the Job carrying the job-tracking finalizer, as upstream's newPod builds them. */
const newPodList = (count: number, phase: string, prefix: string, restartCounts: number[] = []) =>
  Array.from({ length: count }, (_, i) => ({
    metadata: { name: `${prefix}-${i}`, uid: `${prefix}-${i}`, finalizers: ['batch.kubernetes.io/job-tracking'] },
    status: { phase, ...(restartCounts.length > 0 ? { containerStatuses: [{ restartCount: restartCounts[i] }] } : {}) },
  }));
const EXCEEDED = { exceeded: true, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };

const onFailure = [
  { name: 'backoffLimit 0 should have 1 pod active', parallelism: 1, completions: 1, backoffLimit: 0, restartCounts: [0], phase: 'Running', failed: false },
  { name: 'backoffLimit 1 with restartCount 0 should have 1 pod active', parallelism: 1, completions: 1, backoffLimit: 1, restartCounts: [0], phase: 'Running', failed: false },
  { name: 'backoffLimit 1 with restartCount 1 and podRunning should have 0 pod active', parallelism: 1, completions: 1, backoffLimit: 1, restartCounts: [1], phase: 'Running', failed: true },
  { name: 'backoffLimit 1 with restartCount 1 and podPending should have 0 pod active', parallelism: 1, completions: 1, backoffLimit: 1, restartCounts: [1], phase: 'Pending', failed: true },
  { name: 'too many job failures with podRunning - single pod', parallelism: 1, completions: 5, backoffLimit: 2, restartCounts: [2], phase: 'Running', failed: true },
  { name: 'too many job failures with podPending - single pod', parallelism: 1, completions: 5, backoffLimit: 2, restartCounts: [2], phase: 'Pending', failed: true },
  { name: 'too many job failures with podRunning - multiple pods', parallelism: 2, completions: 5, backoffLimit: 2, restartCounts: [1, 1], phase: 'Running', failed: true },
  { name: 'too many job failures with podPending - multiple pods', parallelism: 2, completions: 5, backoffLimit: 2, restartCounts: [1, 1], phase: 'Pending', failed: true },
  { name: 'not enough failures', parallelism: 2, completions: 5, backoffLimit: 3, restartCounts: [1, 1], phase: 'Running', failed: false },
];
for (const c of onFailure) {
  test(`${CONTROLLER} TestJobBackoffForOnFailure: ${c.name}`, () => {
    const pods = newPodList(c.restartCounts.length, c.phase, 'pod', c.restartCounts);
    assert.deepEqual(exceedsBackoffLimit(newJob(c.parallelism, c.completions, c.backoffLimit, 'OnFailure'), pods), c.failed ? EXCEEDED : { exceeded: false });
  });
}

const never = [
  { name: 'not enough failures with backoffLimit 0 - single pod', parallelism: 1, completions: 1, backoffLimit: 0, activePhase: 'Running', active: 1, failedPods: 0, failed: false },
  { name: 'not enough failures with backoffLimit 1 - single pod', parallelism: 1, completions: 1, backoffLimit: 1, activePhase: '', active: 0, failedPods: 1, failed: false },
  { name: 'too many failures with backoffLimit 1 - single pod', parallelism: 1, completions: 1, backoffLimit: 1, activePhase: '', active: 0, failedPods: 2, failed: true },
  { name: 'not enough failures with backoffLimit 6 - multiple pods', parallelism: 2, completions: 2, backoffLimit: 6, activePhase: 'Running', active: 1, failedPods: 6, failed: false },
  { name: 'too many failures with backoffLimit 6 - multiple pods', parallelism: 2, completions: 2, backoffLimit: 6, activePhase: '', active: 0, failedPods: 7, failed: true },
];
for (const c of never) {
  test(`${CONTROLLER} TestJobBackoffOnRestartPolicyNever: ${c.name}`, () => {
    const pods = [...newPodList(c.failedPods, 'Failed', 'failed'), ...newPodList(c.active, c.activePhase, 'active')];
    assert.deepEqual(exceedsBackoffLimit(newJob(c.parallelism, c.completions, c.backoffLimit, 'Never'), pods), c.failed ? EXCEEDED : { exceeded: false });
  });
}

test('failures already counted in status.failed (finalizer removed) still count; listed uncounted ones are not counted twice', () => {
  const job = { ...newJob(1, 1, 2, 'Never'), status: { failed: 2, uncountedTerminatedPods: { failed: ['failed-0'] } } };
  // status.failed 2 + 1 uncounted = 3 > 2, and the uncounted Pod (still with its finalizer) is not added again.
  assert.deepEqual(exceedsBackoffLimit(job, newPodList(1, 'Failed', 'failed')), EXCEEDED);
  assert.deepEqual(exceedsBackoffLimit({ ...job, spec: { ...job.spec, backoffLimit: 3 } }, newPodList(1, 'Failed', 'failed')), { exceeded: false });
});

test('a Pod being deleted before it succeeded counts as failed, unless only Failed Pods are replaced', () => {
  const deleting = [{ metadata: { uid: 'a', finalizers: ['batch.kubernetes.io/job-tracking'], deletionTimestamp: iso(T0) }, status: { phase: 'Running' } }];
  assert.deepEqual(exceedsBackoffLimit(newJob(1, 1, 0, 'Never'), deleting), EXCEEDED);
  assert.deepEqual(exceedsBackoffLimit({ ...newJob(1, 1, 0, 'Never'), spec: { ...newJob(1, 1, 0, 'Never').spec, podReplacementPolicy: 'Failed' } }, deleting), { exceeded: false });
});

test('contract: getRemainingTime(3 failures at 23:00, now 23:00, 5, 700) is 20', () => {
  assert.equal(getRemainingTime({ failuresAfterLastSuccess: 3, lastFailureTime: '2009-11-10T23:00:00Z' }, new Date('2009-11-10T23:00:00Z'), 5, 700), 20);
});
test('contract: exceedsBackoffLimit(backoffLimit 1, restartPolicy Never, 2 Failed Pods)', () => {
  const pods = [1, 2].map((i) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}` }, status: { phase: 'Failed' } }));
  assert.deepEqual(exceedsBackoffLimit(newJob(1, 1, 1, 'Never'), pods), EXCEEDED);
});

// The Job controller as an actor on the shared Cluster, with a stand-in kubelet
// that runs each Pod for a second and ends it as the test says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../apiserver/cluster.ts';
import { jobController } from './controller.ts';
import { standInKubelet } from '../testing/stand-in-kubelet.ts';

const BUDGET = { maxSteps: 100_000, maxVirtualTimeMs: 24 * 3_600_000, maxEvents: 10_000 };

const kubelet = (runMs: number, exitCode: (n: number) => number) => standInKubelet({ exit: { afterMs: runMs, code: exitCode } });

const job = (backoffLimit: number, completions = 1, parallelism = 1) => ({
  apiVersion: 'batch/v1',
  kind: 'Job',
  metadata: { name: 'pi', namespace: 'default' },
  spec: { backoffLimit, completions, parallelism, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['false'] }] } } },
});

const conditionsOf = (cluster: Cluster) => (((cluster.api.peek({ apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: 'pi' })!.status as { conditions?: { type: string; reason: string; lastTransitionTime: string }[] }).conditions ?? []));

test('a failing Job is retried after 10, 20 and 40 s of back-off, then fails with BackoffLimitExceeded', () => {
  const cluster = new Cluster();
  const k = kubelet(1_000, () => 1);
  cluster.add(jobController()).add(k);
  const start = cluster.clock.now();
  cluster.api.create(job(3));
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(k.created.map((t) => (t - start) / 1000), [0, 11, 32, 73], 'each replacement waits 10 s × 2^(failures − 1) after the last failure');
  const status = cluster.api.peek({ apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: 'pi' })!.status as { failed: number; active: number };
  assert.deepEqual({ failed: status.failed, active: status.active }, { failed: 4, active: 0 });
  const conditions = conditionsOf(cluster);
  assert.deepEqual(conditions.map((c) => `${c.type}/${c.reason}`), ['FailureTarget/BackoffLimitExceeded', 'Failed/BackoffLimitExceeded']);
  assert.equal(Date.parse(conditions[1].lastTransitionTime) - cluster.clock.epochMs - start, 74_000);
});

test('a success resets the back-off; three completions with parallelism 2 complete the Job', () => {
  const cluster = new Cluster();
  // The first Pod fails, every later one succeeds.
  const k = kubelet(1_000, (n) => (n === 0 ? 1 : 0));
  cluster.add(jobController()).add(k);
  const start = cluster.clock.now();
  cluster.api.create(job(6, 3, 2));
  cluster.runUntilQuiet(BUDGET);
  const status = cluster.api.peek({ apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: 'pi' })!.status as { failed: number; succeeded: number; completionTime?: string };
  assert.deepEqual({ failed: status.failed, succeeded: status.succeeded }, { failed: 1, succeeded: 3 });
  assert.deepEqual(conditionsOf(cluster).map((c) => c.type), ['SuccessCriteriaMet', 'Complete']);
  // Two Pods at 0 s; the failure (and a success) at 1 s; the success resets the count, so the replacements start at once.
  assert.deepEqual(k.created.map((t) => (t - start) / 1000), [0, 0, 1, 1]);
  assert.ok(status.completionTime);
});

test('activeDeadlineSeconds fails a Job whose Pods run too long, and its running Pods are deleted', () => {
  const cluster = new Cluster();
  const k = kubelet(3_600_000, () => 0);
  cluster.add(jobController()).add(k);
  const j = job(6) as { spec: Record<string, unknown> };
  j.spec.activeDeadlineSeconds = 30;
  cluster.api.create(j);
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(conditionsOf(cluster).map((c) => `${c.type}/${c.reason}`), ['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
  const pods = (cluster.api.list('v1', 'Pod', 'default').items ?? []).length;
  assert.equal(pods, 0);
});

test('a Job created suspended starts no Pod; resuming it starts them, resets startTime and flips Suspended to False', () => {
  const cluster = new Cluster();
  const k = kubelet(1_000, () => 0);
  cluster.add(jobController()).add(k);
  const start = cluster.clock.now();
  const j = job(6) as { spec: Record<string, unknown> };
  j.spec.suspend = true;
  cluster.api.create(j);
  cluster.runUntil(start + 60_000, BUDGET);
  assert.equal(k.created.length, 0);
  assert.deepEqual(conditionsOf(cluster).map((c) => `${c.type}/${(c as { status?: string }).status}/${c.reason}`), ['Suspended/True/JobSuspended']);
  const ref = { apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: 'pi' };
  assert.equal((cluster.api.peek(ref)!.status as { startTime?: string }).startTime, undefined, 'a suspended Job has not started');

  const stored = cluster.api.peek(ref)!;
  assert.equal(cluster.api.update({ ...stored, spec: { ...(stored.spec as object), suspend: false } }).code, 200);
  const resumedAt = cluster.clock.now();
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(k.created.map((t) => t - resumedAt), [0]);
  const status = cluster.api.peek(ref)!.status as { startTime: string; succeeded: number };
  assert.equal(Date.parse(status.startTime), cluster.clock.epochMs + resumedAt, 'startTime is the resume time');
  assert.equal(status.succeeded, 1);
  assert.deepEqual(conditionsOf(cluster).map((c) => `${c.type}/${(c as { status?: string }).status}/${c.reason}`), ['Suspended/False/JobResumed', 'SuccessCriteriaMet/True/CompletionsReached', 'Complete/True/CompletionsReached']);
});

test('suspending a running Job deletes its active Pods; an Indexed Job is left alone, not run as NonIndexed', () => {
  const cluster = new Cluster();
  const k = kubelet(3_600_000, () => 0);
  cluster.add(jobController()).add(k);
  cluster.api.create(job(6, 2, 2));
  cluster.runUntil(cluster.clock.now() + 5_000, BUDGET);
  assert.equal((cluster.api.list('v1', 'Pod', 'default').items ?? []).length, 2);
  const ref = { apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: 'pi' };
  const stored = cluster.api.peek(ref)!;
  cluster.api.update({ ...stored, spec: { ...(stored.spec as object), suspend: true } });
  cluster.runUntil(cluster.clock.now() + 5_000, BUDGET);
  assert.equal((cluster.api.list('v1', 'Pod', 'default').items ?? []).length, 0);
  assert.equal((cluster.api.peek(ref)!.status as { active: number }).active, 0);

  const indexed = job(6, 2, 2) as { metadata: { name: string }; spec: Record<string, unknown> };
  indexed.metadata.name = 'indexed';
  indexed.spec.completionMode = 'Indexed';
  const created = cluster.api.create(indexed);
  assert.equal(created.code, 201, created.message);
  cluster.runUntil(cluster.clock.now() + 5_000, BUDGET);
  assert.equal(k.created.length, 2, 'no Pod for the Indexed Job');
});

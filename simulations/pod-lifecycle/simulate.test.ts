// simulatePod end to end: quiz-friendly results, bounds, determinism.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { simulatePod } from './simulate.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const CRASH = `apiVersion: v1
kind: Pod
metadata: { name: crash }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 5; exit 1"]
---
apiVersion: kube-notebook.dev/v1alpha1
kind: PodBehavior
metadata: { name: crash }
spec:
  observeAtSeconds: [45]
`;

// The default behaviour pulls busybox:1.36 once (IfNotPresent, not on the node yet): the
// sandbox takes 0–1 s, the pull 1–2 s (DEFAULT_PULL_SECONDS), so the first run is 2–7 s.
// Every restart finds the image "already present on machine" and costs no pull time.
test('a crash loop read from the command: the 4th restart is at 92 s (sandbox 1 s, pull 1 s, then runs of 5 s and 0 + 10 + 20 + 40 s of back-off)', () => {
  const { result } = simulatePod(CRASH);
  // Run 1: 2–7 s; restart 1 at once (7 s); exit at 12 + 10 = 22; exit at 27 + 20 = 47;
  // exit at 52 + 40 = 92; exit at 97 + 80 = 177; exit at 182 + 160 = 342.
  assert.deepEqual(result.restarts.slice(0, 6).map((r) => [r.n, r.at, r.delay]), [
    [1, 7, 0], [2, 22, 10], [3, 47, 20], [4, 92, 40], [5, 177, 80], [6, 342, 160],
  ]);
  assert.equal(result.restarts[3].at, 92);
  assert.deepEqual([result.containers[0].runs[0].startedAt, result.containers[0].runs[0].finishedAt], [2, 7]);
  assert.equal(result.containers[0].runs[0].exitCode, 1);
  assert.equal(result.end.reason, 'until');
  assert.equal(result.until, 600);
});

test('statusAt holds the moments the behaviour asks for: at 45 s the Pod shows CrashLoopBackOff with 2 restarts, the last exit 18 s ago', () => {
  const { result } = simulatePod(CRASH);
  // After sandbox (1 s) and pull (1 s), the third run is 22–27 s; its 20 s back-off lasts
  // until 47 s, so at 45 s the container waits in CrashLoopBackOff and RESTARTS counts from 27 s.
  const at45 = result.statusAt.find((s) => s.t === 45);
  assert.deepEqual([at45?.status, at45?.restarts, at45?.ready, at45?.phase], ['CrashLoopBackOff', '2 (18s ago)', '0/1', 'Running']);
});

test('the kubectl get -w lines: a header with the initial list, then one row per write, columns only ever widening', () => {
  const { result } = simulatePod(CRASH);
  // ContainerCreating lasts through the sandbox (0–1 s) and the image pull (1–2 s):
  // the first Running row is at 2 s and the first exit at 2 + 5 = 7 s.
  assert.deepEqual(result.watch.lines.slice(0, 6), [
    'NAME    READY   STATUS    RESTARTS   AGE',
    'crash   0/1     Pending   0          0s',
    'crash   0/1     Pending   0          0s',
    'crash   0/1     ContainerCreating   0          0s',
    'crash   1/1     Running             0          2s',
    'crash   0/1     Error               0          7s',
  ]);
  assert.equal(result.watch.lines.length, result.timeline.length + 1);
});

test('events are aggregated: one BackOff event with a count, Pulled/Created/Started once per start', () => {
  const { result } = simulatePod(CRASH);
  const started = result.events.find((e) => e.reason === 'Started');
  assert.equal(started?.count, result.restarts.length + 1);
  assert.equal(started?.message, 'Started container app');
  const backoff = result.events.find((e) => e.reason === 'BackOff');
  assert.equal(backoff?.type, 'Warning');
  assert.match(backoff?.message ?? '', /^Back-off restarting failed container app in pod crash_default\(/);
});

test('graceful deletion ends the simulation when the object is gone; the timeline shows Terminating', () => {
  const { result } = simulatePod(fixture('graceful-delete.yaml'));
  assert.equal(result.end.reason, 'deleted');
  assert.equal(result.deletedAt, 50);
  assert.ok(result.timeline.some((e) => e.status === 'Terminating' && e.t === 20));
  assert.equal(result.final.exists, false);
  const sleeper = result.containers.find((c) => c.name === 'sleeper');
  assert.deepEqual([sleeper?.runs[0].exitCode, sleeper?.runs[0].endedBy], [137, 'killed']);
});

test('a Job Pod under Never ends terminal: Failed with exit 3, no restart', () => {
  const { result } = simulatePod(fixture('job-never.yaml'));
  assert.equal(result.end.reason, 'terminal');
  assert.equal(result.final.phase, 'Failed');
  assert.equal(result.final.status, 'Error');
  assert.equal(result.restarts.length, 0);
  assert.equal(result.pod.workload?.kind, 'Job');
});

test('hitting the event cap is reported, not hidden', () => {
  const { result, trace } = simulatePod(CRASH, { budget: { ...DEFAULT_BUDGET, maxEvents: 12 } });
  assert.equal(result.truncated?.reason, 'maxEvents');
  assert.equal(result.end.reason, 'limit');
  assert.ok(trace.some((s) => /reached its limit/.test(s.title)));
});

test('the same input gives byte-identical output', () => {
  assert.equal(JSON.stringify(simulatePod(fixture('init-and-sidecar.yaml'))), JSON.stringify(simulatePod(fixture('init-and-sidecar.yaml'))));
});

test('every transition in the trace names an upstream source', () => {
  const { trace } = simulatePod(fixture('liveness.yaml'));
  const decisions = trace.filter((s) => s.level === 'decision');
  assert.ok(decisions.length > 5);
  for (const s of decisions) assert.ok(s.source, `no source for "${s.title}"`);
});

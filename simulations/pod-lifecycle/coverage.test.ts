// Rules the other pod-lifecycle tests leave uncovered, each expected value worked
// out by hand from the upstream rule named beside it (kubernetes/kubernetes paths).
//
// Timing every case shares, unless it says otherwise: the Pod is bound at 0 s, the
// sandbox takes 0–1 s (sandboxSeconds 1), and an image that is not on the node takes
// 1 s to pull (DEFAULT_PULL_SECONDS), so a single container starts at 2 s. Probe
// workers are created at the Pod's first sync (t = 0, prober_manager.go AddPod from
// SyncPod): each probes once at creation and then every periodSeconds
// (pkg/kubelet/prober/worker.go run), so probe ticks fall on 0, p, 2p … s.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getPhase, printPod, simulatePod } from '../index.ts';
import type { ContainerStatus, Pod } from '../kubelet/types.ts';
import type { EventView, PodLifecycleResult } from './result.ts';

// ── Builders ─────────────────────────────────────────────────────────────────

type Obj = Record<string, unknown>;

/** A cell: a Pod (JSON is YAML) and, when given, a PodBehavior spec. */
function cell(name: string, spec: Obj, behavior?: Obj): string {
  const pod = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });
  if (!behavior) return pod;
  return `${pod}\n---\n${JSON.stringify({ apiVersion: 'kube-notebook.dev/v1alpha1', kind: 'PodBehavior', metadata: { name }, spec: behavior })}`;
}

const IMAGE = 'registry.example.com/shop/api:2.3.1';
const app = (extra: Obj = {}): Obj => ({ name: 'app', image: IMAGE, ...extra });
const httpGet = { path: '/healthz', port: 8080 };
const always = (result: 'success' | 'failure', output?: string) => [{ fromSeconds: 0, result, ...(output ? { output } : {}) }];

const run = (input: string): PodLifecycleResult => simulatePod(input).result;
const events = (r: PodLifecycleResult, reason: string, message?: string | RegExp): EventView[] =>
  r.events.filter((e) => e.reason === reason && (message === undefined || (typeof message === 'string' ? e.message === message : message.test(e.message))));
const one = (r: PodLifecycleResult, reason: string, message?: string | RegExp): EventView => {
  const found = events(r, reason, message);
  assert.equal(found.length, 1, `one ${reason} event${message ? ` matching ${String(message)}` : ''}, got ${found.length}`);
  return found[0];
};
const count = (r: PodLifecycleResult, reason: string, message?: string | RegExp) => events(r, reason, message).reduce((n, e) => n + e.count, 0);
const runsOf = (r: PodLifecycleResult, name = 'app') => (r.containers.find((c) => c.name === name)?.runs ?? []).map((x) => [x.startedAt, x.finishedAt]);

// ── a) imagePullPolicy ────────────────────────────────────────────────────────
// pkg/kubelet/images/image_manager.go EnsureImageExists and shouldPullImage:
// Never → never pull; present → Normal Pulled "Container image %q already present on
// machine"; absent → Warning ErrImageNeverPull "Container image %q is not present with
// pull policy of Never" and error ErrImageNeverPull (pkg/kubelet/images/types.go).
// Always → pull on every EnsureImageExists; IfNotPresent → pull only when absent.
// kuberuntime_container.go startContainer turns the error into Warning Failed
// "Error: <err>", and the waiting reason is the error's text, which printPod
// (pkg/printers/internalversion/printers.go) shows as STATUS.

test('imagePullPolicy Never with the image absent: ErrImageNeverPull event and STATUS, no pull, the container never starts', () => {
  const r = run(cell('never', { containers: [app({ imagePullPolicy: 'Never' })] }, { untilSeconds: 30 }));
  const e = one(r, 'ErrImageNeverPull');
  assert.equal(e.type, 'Warning');
  assert.equal(e.message, `Container image "${IMAGE}" is not present with pull policy of Never`);
  // Two attempts at 1 s: the SyncPod that created the sandbox goes on to start the
  // container, and PLEG's event for the new sandbox triggers another sync at once
  // (kubelet.go syncLoopIteration, plegCh). A failed sync is then retried every
  // backOffPeriod = 10 s (pod_workers.go completeWork): 11 and 21 s within 30 s.
  assert.deepEqual([e.firstSeen, e.lastSeen, e.count], [1, 21, 4]);
  assert.equal(one(r, 'Failed', 'Error: ErrImageNeverPull').count, 4);
  assert.equal(count(r, 'Pulling'), 0);
  assert.deepEqual(runsOf(r), []);
  assert.deepEqual([r.final.status, r.final.phase], ['ErrImageNeverPull', 'Pending']);
  assert.equal(r.final.containers[0].reason, 'ErrImageNeverPull');
});

test('imagePullPolicy Never with the image present: "already present on machine", and it starts right after the sandbox', () => {
  const r = run(cell('never', { containers: [app({ imagePullPolicy: 'Never' })] }, { untilSeconds: 30, containers: [{ name: 'app', image: { present: true } }] }));
  assert.equal(one(r, 'Pulled').message, `Container image "${IMAGE}" already present on machine`);
  assert.equal(count(r, 'Pulling'), 0);
  assert.deepEqual(runsOf(r), [[1, null]]);
});

const CRASH = ['sh', '-c', 'sleep 5; exit 1'];

test('imagePullPolicy Always pulls again before every start: Pulling and "Successfully pulled" count equal the starts', () => {
  const r = run(cell('pull', { containers: [app({ imagePullPolicy: 'Always', command: CRASH })] }, { untilSeconds: 120 }));
  const starts = r.containers[0].runs.length;
  assert.ok(starts >= 4, `several starts (${starts})`);
  assert.equal(one(r, 'Started').count, starts);
  assert.equal(one(r, 'Pulling').count, starts);
  assert.equal(count(r, 'Pulled', /^Successfully pulled image /), starts);
  assert.equal(count(r, 'Pulled', /already present on machine$/), 0);
  // Each start pays the 1 s pull after the back-off (doBackOff runs before startContainer
  // pulls): run 1 at 2 s (pull 1–2), exit 7; pull 7–8, run 2 at 8, exit 13; back-off 10 s
  // to 23, pull 23–24, run 3 at 24.
  assert.deepEqual(runsOf(r).slice(0, 3), [[2, 7], [8, 13], [24, 29]]);
});

test('an image with no tag defaults to Always, so it too is pulled before every start', () => {
  const r = run(cell('pull', { containers: [{ name: 'app', image: 'busybox', command: CRASH }] }, { untilSeconds: 120 }));
  assert.equal(one(r, 'Pulling').count, r.containers[0].runs.length);
});

test('imagePullPolicy IfNotPresent (the default for a version tag) pulls once; every restart finds the image already present', () => {
  const r = run(cell('pull', { containers: [app({ command: CRASH })] }, { untilSeconds: 120 }));
  const starts = r.containers[0].runs.length;
  assert.ok(starts >= 4, `several starts (${starts})`);
  const pulling = one(r, 'Pulling');
  assert.deepEqual([pulling.count, pulling.firstSeen], [1, 1]);
  assert.equal(one(r, 'Pulled', /^Successfully pulled image /).count, 1);
  assert.equal(one(r, 'Pulled', `Container image "${IMAGE}" already present on machine`).count, starts - 1);
});

// ── b) probes ───────────────────────────────────────────────────────────────
// pkg/apis/core/v1/defaults.go SetDefaults_Probe: timeoutSeconds 1, periodSeconds 10,
// successThreshold 1, failureThreshold 3; initialDelaySeconds is not defaulted (0).
// pkg/kubelet/prober/worker.go doProbe: no probe while
// int(time since StartedAt) < initialDelaySeconds; liveness and readiness wait until
// the container has started (startup probe succeeded), the startup probe stops then;
// a result only counts after failureThreshold / successThreshold identical results in
// a row; after a liveness or startup failure the worker holds until a new container ID.
// Readiness starts as Failure, liveness as Success (newWorker initialValue).
// pkg/kubelet/prober/prober.go: Warning Unhealthy "<Type> probe failed: <output>".
// pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions: Killing message
// "Container <name> failed liveness probe" / "… failed startup probe", plus
// ", will be restarted" when restartPolicy allows; the same SyncPod starts it again.

test('a liveness probe left at its defaults that always fails kills the container every 30 s: 3 failures × 10 s', () => {
  const r = run(cell('live', { containers: [app({ livenessProbe: { httpGet } })] }, {
    untilSeconds: 95,
    containers: [{ name: 'app', liveness: always('failure', 'HTTP probe failed with statuscode: 500') }],
  }));
  // Started at 2 s; ticks at 10, 20, 30 fail → third in a row at 30 → kill and start at once
  // (first restart, no back-off; image already present). The new container's ticks at 40,
  // 50, 60 → kill at 60; then 70, 80, 90 → kill at 90. Each kill-and-restart sync's doBackOff
  // reads the newest *exited* instance, which ended 30 s earlier: no back-off entry yet at
  // 60 s, 10 s at 90 s; both have run out, so every restart is immediate.
  assert.deepEqual(runsOf(r), [[2, 30], [30, 60], [60, 90], [90, null]]);
  const kill = one(r, 'Killing');
  assert.deepEqual([kill.message, kill.count, kill.firstSeen, kill.lastSeen], ['Container app failed liveness probe, will be restarted', 3, 30, 90]);
  const unhealthy = one(r, 'Unhealthy');
  assert.deepEqual([unhealthy.message, unhealthy.type, unhealthy.firstSeen], ['Liveness probe failed: HTTP probe failed with statuscode: 500', 'Warning', 10]);
  // 10 … 90 every 10 s: nine failures.
  assert.equal(unhealthy.count, 9);
  assert.deepEqual(r.restarts.map((x) => x.previousReason), ['Completed', 'Completed', 'Completed']);
});

test('initialDelaySeconds delays the first probe: with 15 s, the tick at 10 s (8 s after the start) is skipped', () => {
  const r = run(cell('live', { containers: [app({ livenessProbe: { httpGet, initialDelaySeconds: 15 } })] }, {
    untilSeconds: 45,
    containers: [{ name: 'app', liveness: always('failure', 'HTTP probe failed with statuscode: 500') }],
  }));
  // Started at 2 s: tick 10 → 8 s < 15, skipped; 20 (18 s), 30, 40 fail → kill at 40, not 30.
  assert.equal(one(r, 'Unhealthy').firstSeen, 20);
  assert.equal(one(r, 'Killing').firstSeen, 40);
  assert.deepEqual(runsOf(r)[0], [2, 40]);
});

const READY = (successThreshold?: number) => ({ containers: [app({ readinessProbe: { httpGet, periodSeconds: 5, ...(successThreshold ? { successThreshold } : {}) } })] });

test('readiness successThreshold 3 needs three successes in a row: ready at 15 s instead of 5 s', () => {
  // Started at 2 s; readiness begins as Failure. Ticks 5, 10, 15 succeed.
  assert.equal(run(cell('ready', READY(), { untilSeconds: 30 })).firstReadyAt, 5);
  assert.equal(run(cell('ready', READY(3), { untilSeconds: 30 })).firstReadyAt, 15);
});

test('readiness successThreshold 3: a failure in between starts the count again', () => {
  // Pod clock: success at 5, failure at 10 (resultRun resets), then 15, 20, 25 → ready at 25.
  const r = run(cell('ready', READY(3), {
    untilSeconds: 40,
    containers: [{
      name: 'app',
      probeClock: 'pod',
      readiness: [
        { fromSeconds: 0, result: 'success' },
        { fromSeconds: 9, result: 'failure', output: 'HTTP probe failed with statuscode: 503' },
        { fromSeconds: 11, result: 'success' },
      ],
    }],
  }));
  assert.equal(r.firstReadyAt, 25);
  const unhealthy = one(r, 'Unhealthy');
  assert.deepEqual([unhealthy.message, unhealthy.firstSeen, unhealthy.count], ['Readiness probe failed: HTTP probe failed with statuscode: 503', 10, 1]);
});

test('a startup probe that keeps failing kills the container after failureThreshold failures; liveness and readiness never run', () => {
  const r = run(cell('slow', {
    containers: [app({
      startupProbe: { httpGet, periodSeconds: 5 },
      livenessProbe: { httpGet, periodSeconds: 4 },
      readinessProbe: { httpGet, periodSeconds: 4 },
    })],
  }, {
    untilSeconds: 40,
    containers: [{
      name: 'app',
      startup: always('failure', 'HTTP probe failed with statuscode: 503'),
      liveness: always('failure', 'HTTP probe failed with statuscode: 500'),
      readiness: always('failure', 'HTTP probe failed with statuscode: 503'),
    }],
  }));
  // Started at 2 s; startup ticks 5, 10, 15 fail (failureThreshold 3) → kill at 15 and
  // start again at once; the new container's ticks 20, 25, 30 → kill at 30.
  assert.deepEqual(runsOf(r), [[2, 15], [15, 30], [30, null]]);
  const kill = one(r, 'Killing');
  assert.deepEqual([kill.message, kill.firstSeen, kill.count], ['Container app failed startup probe, will be restarted', 15, 2]);
  const startup = one(r, 'Unhealthy', /^Startup probe failed: /);
  assert.deepEqual([startup.message, startup.firstSeen], ['Startup probe failed: HTTP probe failed with statuscode: 503', 5]);
  // The container never counts as started, so the other two workers skip every tick.
  assert.equal(count(r, 'Unhealthy', /^(Liveness|Readiness) probe failed/), 0);
  assert.equal(r.firstReadyAt, null);
});

test('a startup probe gates liveness and readiness: both begin with the first tick after it succeeds', () => {
  const r = run(cell('slow', {
    containers: [app({
      startupProbe: { httpGet, periodSeconds: 5, failureThreshold: 10 },
      livenessProbe: { httpGet, periodSeconds: 4 },
      readinessProbe: { httpGet, periodSeconds: 4 },
    })],
  }, {
    untilSeconds: 30,
    containers: [{
      name: 'app',
      startup: [{ fromSeconds: 0, result: 'failure', output: 'HTTP probe failed with statuscode: 503' }, { fromSeconds: 12, result: 'success' }],
      liveness: always('failure', 'HTTP probe failed with statuscode: 500'),
    }],
  }));
  // Started at 2 s: startup fails at 5 (3 s old) and 10 (8 s), succeeds at 15 (13 s).
  // Liveness and readiness ticks at 0, 4, 8, 12 are skipped; the first that runs is 16:
  // readiness succeeds (ready at 16), liveness fails at 16, 20, 24 → kill at 24.
  assert.equal(r.firstReadyAt, 16);
  const liveness = one(r, 'Unhealthy', /^Liveness probe failed: /);
  assert.deepEqual([liveness.firstSeen, liveness.lastSeen, liveness.count], [16, 24, 3]);
  const kill = one(r, 'Killing');
  assert.deepEqual([kill.message, kill.firstSeen], ['Container app failed liveness probe, will be restarted', 24]);
});

// ── c) scheduling ────────────────────────────────────────────────────────────
// pkg/scheduler/schedule_one.go bindingCycle: Normal Scheduled "Successfully assigned
// %v/%v to %v" (namespace, name, node), reported by default-scheduler. The binding
// (pkg/registry/core/pod/storage/storage.go setPodNodeAndMetadata) sets spec.nodeName and
// PodScheduled=True, lastTransitionTime now. Until then a Pod waiting for the scheduler has
// no PodScheduled condition (only a failed attempt writes False/Unschedulable), and the
// kubelet, which only sees bound Pods, does nothing.

test('PodScheduled=True at the binding, with that transition time, and the Scheduled event naming namespace/pod and node', () => {
  const r = run(cell('web', { containers: [app()] }, { untilSeconds: 10, nodeName: 'node-b', scheduleAfterSeconds: 3 }));
  const scheduled = one(r, 'Scheduled');
  assert.deepEqual(
    [scheduled.type, scheduled.message, scheduled.from, scheduled.firstSeen],
    ['Normal', 'Successfully assigned default/web to node-b', 'default-scheduler', 3],
  );
  assert.deepEqual(r.conditions.find((c) => c.type === 'PodScheduled'), { t: 3, type: 'PodScheduled', status: 'True', reason: null, message: null });
  const snap = r.snapshots.find((s) => s.t === 3)?.pod;
  const cond = snap?.status?.conditions?.find((c) => c.type === 'PodScheduled');
  // Virtual t = 0 is 2025-01-01T00:00:00Z; metav1.Time marshals to RFC 3339 seconds.
  assert.deepEqual([cond?.status, cond?.lastTransitionTime], ['True', '2025-01-01T00:00:03Z']);
  assert.equal(snap?.spec.nodeName, 'node-b');
  for (const s of r.statusAt.filter((x) => x.t < 3)) assert.equal(s.conditions.PodScheduled, undefined, `no PodScheduled at ${s.t}s`);
  // The kubelet starts after the binding: sandbox 3–4 s, pull 4–5 s, start at 5 s.
  assert.equal(one(r, 'Pulling').firstSeen, 4);
  assert.deepEqual(runsOf(r), [[5, null]]);
});

test('a Pod created with spec.nodeName bypasses the scheduler: no Scheduled event', () => {
  // The scheduler only takes Pods with an empty spec.nodeName (pkg/scheduler/eventhandlers.go).
  const r = run(cell('pinned', { nodeName: 'node-c', containers: [app()] }, { untilSeconds: 10 }));
  assert.equal(events(r, 'Scheduled').length, 0);
  assert.equal(r.pod.node, 'node-c');
});

// ── d) event aggregation: count, first and last seen ─────────────────────────
// client-go tools/record/events_cache.go EventCorrelator: an event identical in source,
// object, type, reason and message to an earlier one bumps its count and lastTimestamp;
// firstTimestamp stays the first occurrence.

test('crash loop events: BackOff first seen at the first back-off, last seen at the latest; Started counted once per start', () => {
  const r = run(cell('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: CRASH }] }, { untilSeconds: 600 }));
  // Runs: 2–7, 7–12, 22–27, 47–52, 92–97, 177–182, 342–347 (back-off 0, 10, 20, 40, 80, 160).
  assert.deepEqual(r.containers[0].runs.map((x) => x.startedAt), [2, 7, 22, 47, 92, 177, 342]);
  const started = one(r, 'Started');
  assert.deepEqual([started.count, started.firstSeen, started.lastSeen], [7, 2, 342]);
  const backoff = one(r, 'BackOff');
  // The first declined restart is the sync that follows the exit at 12 s (back-off 10 s
  // since 12). After the exit at 347 s the back-off is 300 s (320 capped), so every retry
  // (each 10 s, kubelet.go backOffPeriod) until 600 declines: the last at 597 s.
  // Declined syncs per window: 1 (12) + 2 (27, 37) + 4 (52…82) + 8 (97…167) + 16 (182…332)
  // + 26 (347…597) = 57.
  assert.deepEqual([backoff.type, backoff.firstSeen, backoff.lastSeen, backoff.count], ['Warning', 12, 597, 57]);
});

// ── e) the 300 s cap in a running simulation ─────────────────────────────────
// pkg/kubelet/kubelet.go: containerBackOffPeriod 10 s, MaxContainerBackOff 300 s;
// client-go util/flowcontrol/backoff.go Next doubles up to the max; the entry would only
// be forgotten after 2 × 300 s without an update, which a 5 s run never reaches.

test('a crash loop over 3000 s waits 300 s between restarts from the 7th on', () => {
  const r = run(cell('crash', { containers: [{ name: 'app', image: 'busybox:1.36', command: CRASH }] }, { untilSeconds: 3000 }));
  assert.equal(r.truncated, null);
  // Delays 0, 10, 20, 40, 80, 160, then 320 → 300 from the 7th restart on.
  const delays = r.restarts.map((x) => x.delay);
  assert.deepEqual(delays.slice(0, 6), [0, 10, 20, 40, 80, 160]);
  assert.ok(delays.length >= 10, `${delays.length} restarts`);
  for (const [i, d] of delays.entries()) if (i >= 6) assert.equal(d, 300, `restart ${i + 1} waited ${d}s`);
  // 7th restart: the 6th run ended at 347 s, + 300 = 647; then every 305 s (5 s run + 300 s).
  assert.deepEqual(r.restarts.slice(6).map((x) => x.at), [647, 952, 1257, 1562, 1867, 2172, 2477, 2782]);
  // The waiting message shows the capped back-off as Go prints a Duration
  // (kuberuntime_manager.go doBackOff: "back-off %s restarting failed container=%s pod=%s").
  const messages = r.snapshots.flatMap((s) => s.pod?.status?.containerStatuses?.map((c) => c.state?.waiting?.message ?? '') ?? []);
  assert.ok(messages.some((m) => m.startsWith('back-off 5m0s restarting failed container=app pod=crash_default(')));
  assert.ok(!messages.some((m) => /back-off (5m[1-9]|[6-9]m|\d\dm)/.test(m)), 'never more than 5m0s');
});

// ── f) getPhase's podHasInitialized ──────────────────────────────────────────
// pkg/kubelet/kubelet_pods.go getPhase (v1.33): a restartable init container that is
// running but not yet started counts as pending; pending sidecars make the Pod Pending
// only while `!podHasInitialized`. A regular init container still running, or any
// container waiting with no previous run, is Pending whatever podHasInitialized says.

const sidecarPod = (initContainers: Obj[], statuses: { init: ContainerStatus[]; regular: ContainerStatus[] }): Pod => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { initContainers: initContainers as Pod['spec']['containers'], containers: [{ name: 'app', image: IMAGE }] },
  status: { initContainerStatuses: statuses.init, containerStatuses: statuses.regular },
});
const status = (name: string, state: ContainerStatus['state'], extra: Partial<ContainerStatus> = {}): ContainerStatus =>
  ({ name, state, ready: false, restartCount: 0, image: IMAGE, imageID: '', ...extra }) as ContainerStatus;
const running = { running: { startedAt: '2025-01-01T00:00:10Z' } };
const crashed = { terminated: { exitCode: 1, reason: 'Error', startedAt: '2025-01-01T00:00:02Z', finishedAt: '2025-01-01T00:00:07Z' } };
const SIDECAR = { name: 'proxy', image: IMAGE, restartPolicy: 'Always' };

const phaseCases: { name: string; pod: Pod; initialized: boolean; want: string }[] = [
  {
    name: 'a restarted sidecar not yet started, app running, the Pod has initialized → Running',
    pod: sidecarPod([SIDECAR], { init: [status('proxy', running, { started: false })], regular: [status('app', running, { started: true })] }),
    initialized: true,
    want: 'Running',
  },
  {
    name: 'the same statuses, but the Pod has not initialized (for example a new sandbox) → Pending',
    pod: sidecarPod([SIDECAR], { init: [status('proxy', running, { started: false })], regular: [status('app', running, { started: true })] }),
    initialized: false,
    want: 'Pending',
  },
  {
    name: 'sidecar not started, app waiting after a crash, initialized → Running (restartPolicy Always)',
    pod: sidecarPod([SIDECAR], {
      init: [status('proxy', running, { started: false })],
      regular: [status('app', { waiting: { reason: 'CrashLoopBackOff' } }, { lastState: crashed })],
    }),
    initialized: true,
    want: 'Running',
  },
  {
    name: 'sidecar not started, app waiting after a crash, not initialized → Pending',
    pod: sidecarPod([SIDECAR], {
      init: [status('proxy', running, { started: false })],
      regular: [status('app', { waiting: { reason: 'CrashLoopBackOff' } }, { lastState: crashed })],
    }),
    initialized: false,
    want: 'Pending',
  },
  {
    name: 'a regular init container still running is Pending even when told the Pod has initialized',
    pod: sidecarPod([{ name: 'migrate', image: IMAGE }], { init: [status('migrate', running)], regular: [status('app', { waiting: { reason: 'PodInitializing' } })] }),
    initialized: true,
    want: 'Pending',
  },
  {
    name: 'a sidecar waiting with no previous run counts as waiting: Pending even when initialized',
    pod: sidecarPod([SIDECAR], {
      init: [status('proxy', { waiting: { reason: 'ContainerCreating' } })],
      regular: [status('app', running, { started: true })],
    }),
    initialized: true,
    want: 'Pending',
  },
];

for (const c of phaseCases) {
  test(`getPhase(pod, false, ${c.initialized}): ${c.name}`, () => {
    assert.equal(getPhase(c.pod, false, c.initialized), c.want);
  });
}

test('printPod reads the ErrImageNeverPull waiting reason as STATUS', () => {
  // printers.go printPod: a container waiting with a reason replaces the phase in STATUS.
  const pod = sidecarPod([], { init: [], regular: [status('app', { waiting: { reason: 'ErrImageNeverPull', message: 'x' } })] });
  pod.status = { ...pod.status, phase: 'Pending' };
  assert.equal(printPod(pod, '2025-01-01T00:01:00Z').status, 'ErrImageNeverPull');
});

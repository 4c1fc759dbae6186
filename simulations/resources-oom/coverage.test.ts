// Requirements of issue 5 that were implemented but untested: the `spikes` usage
// behaviour, node allocatable, MemoryPressure going back to False, diagnosePod's
// non-memory outcomes, the node OOM killer's pick, restartPolicy OnFailure,
// evictionMaxPodGracePeriod, and the view model's node chart and describe section.
// Expected values are derived in the comments from the upstream rule each mirrors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateMemory } from './simulate.ts';
import { buildView } from './view-model.ts';
import { diagnosePod } from './diagnose.ts';
import { node, pod, scenario } from './test-helpers.ts';
import type { KubeObject } from '../shared/yaml.ts';

const MI = 2 ** 20;
const GI = 2 ** 30;

function kubeletConfig(fields: Record<string, unknown>): KubeObject {
  return { apiVersion: 'kubelet.config.k8s.io/v1beta1', kind: 'KubeletConfiguration', ...fields } as KubeObject;
}

function usage(podName: string, container: string, behaviour: Record<string, unknown>) {
  return { pod: podName, container, usage: behaviour };
}

// ---- 1. The `spikes` behaviour: OOM-killed at each spike, restarted with the CrashLoopBackOff back-off ----

test('a container limited to 300Mi that spikes to 400Mi every minute is OOM-killed at each spike (137, OOMKilled) and restarted after 0, 10, 20, 40 s', () => {
  const { result } = simulateMemory([
    node('4Gi'),
    pod('spiky', [{ name: 'app', requests: { memory: '200Mi' }, limits: { memory: '300Mi' } }]),
    scenario({ duration: '7m', containers: [usage('spiky', 'app', { pattern: 'spikes', base: '200Mi', peak: '400Mi', every: '1m', length: '10s' })] }),
  ]);
  const app = result.containers[0];
  // The container first starts at 1 s (the kubelet library creates the sandbox in 1 s) and a
  // restarted process starts its behaviour over, so each run spikes 60 s after its own start.
  // 400Mi > 300Mi: the memcg OOM killer fires at the spike's first second.
  // Restart delays (pkg/kubelet/kubelet.go initial 10 s, doubling; kuberuntime_manager.go doBackOff):
  //   run 1: 1 → kill 61;   restart at once (first Next())   → run 2: 61 → kill 121
  //   back-off 10 s → 131 → kill 191;  20 s → 211 → kill 271;  40 s → 311 → kill 371
  //   80 s → the next start would be at 451, after the 7 min (420 s) run ends.
  assert.deepEqual(app.oomKills, [61, 121, 191, 271, 371].map((at) => ({ at, scope: 'container' })));
  assert.equal(app.exitCode, 137);
  assert.equal(app.reason, 'OOMKilled');
  assert.equal(app.restarts, 4);
  // At 420 s the kubelet is inside the 80 s back-off: state.waiting.reason CrashLoopBackOff
  // (container/sync_result.go), which the printer shows over the terminated reason.
  assert.equal(app.state, 'Waiting');
  assert.equal(app.stateReason, 'CrashLoopBackOff');
  assert.deepEqual(result.pods[0].getPods, { ready: '0/1', status: 'CrashLoopBackOff', restarts: '4 (49s ago)', age: '7m' });
  // Each kill happens when the cgroup's charge reaches memory.max: its memory.peak (cgroup v2) is the limit.
  assert.equal(app.peakBytes, 300 * MI);
  // The chart's sample at each kill shows the height reached (the limit), not the 0 after it.
  const at121 = result.sampleTimes.indexOf(121);
  assert.equal(app.samples[at121], 300 * MI);
  assert.equal(app.samples[at121 + 1], 0, 'then nothing runs until the restart 10 s later');
  assert.ok(result.pods[0].events.some((e) => e.reason === 'BackOff' && e.type === 'Warning'), 'a Warning BackOff event is recorded');
});

// ---- 2. Node allocatable = capacity − systemReserved − kubeReserved − hard eviction threshold ----

// pkg/kubelet/cm/node_container_manager_linux.go GetNodeAllocatableReservation (reserved +
// hardEvictionReservation, a percentage taken of capacity as GetThresholdQuantity does:
// int64(float64(capacity) × float64(float32 percentage))); pkg/kubelet/nodestatus/setters.go
// MachineInfo clamps a negative allocatable to 0. An explicit status.allocatable is what the
// API holds, so it is used as given. The kubepods cgroup (podsLimitBytes) leaves out the eviction
// threshold (enforceNodeAllocatable: capacity − reserved), so the kubelet evicts before the kernel kills.
const allocatableCases: { name: string; objects: KubeObject[]; allocatable: number; podsLimit?: number }[] = [
  {
    name: 'with no KubeletConfiguration only the default hard threshold memory.available<100Mi is reserved',
    objects: [node('4Gi')],
    allocatable: 4 * GI - 100 * MI,
    podsLimit: 4 * GI,
  },
  {
    name: 'systemReserved 500Mi, kubeReserved 300Mi and a 200Mi hard threshold are all subtracted',
    objects: [node('4Gi'), kubeletConfig({ systemReserved: { memory: '500Mi' }, kubeReserved: { memory: '300Mi' }, evictionHard: { 'memory.available': '200Mi' } })],
    allocatable: 4 * GI - 500 * MI - 300 * MI - 200 * MI,
    podsLimit: 4 * GI - 800 * MI,
  },
  {
    name: 'a 10% hard threshold reserves float32(0.1) × capacity, truncated to whole bytes',
    objects: [node('4Gi'), kubeletConfig({ evictionHard: { 'memory.available': '10%' } })],
    allocatable: 4 * GI - Math.trunc(4 * GI * Math.fround(0.1)),
    podsLimit: 4 * GI,
  },
  {
    name: 'a hard threshold of 100% is switched off (parseThresholdStatement ignores it), so it reserves nothing',
    objects: [node('4Gi'), kubeletConfig({ systemReserved: { memory: '1Gi' }, evictionHard: { 'memory.available': '100%' } })],
    allocatable: 3 * GI,
    podsLimit: 3 * GI,
  },
  {
    name: 'reservations larger than the machine give allocatable 0, never a negative amount',
    objects: [node('4Gi'), kubeletConfig({ systemReserved: { memory: '3Gi' }, kubeReserved: { memory: '2Gi' } })],
    allocatable: 0,
  },
  {
    name: 'an explicit status.allocatable is taken as the API server holds it, whatever the reservations',
    objects: [node('4Gi', { status: { capacity: { memory: '4Gi' }, allocatable: { memory: '3Gi' } } }), kubeletConfig({ systemReserved: { memory: '500Mi' } })],
    allocatable: 3 * GI,
    podsLimit: 4 * GI - 500 * MI,
  },
];

for (const c of allocatableCases) {
  test(`node allocatable: ${c.name}`, () => {
    const { result } = simulateMemory(c.objects);
    assert.equal(result.node.capacityBytes, 4 * GI);
    assert.equal(result.node.allocatableBytes, c.allocatable);
    if (c.podsLimit !== undefined) assert.equal(result.node.podsLimitBytes, c.podsLimit);
  });
}

test('the scheduler places Pods against allocatable, not capacity: 3096Mi fits exactly, 3097Mi stays Pending', () => {
  const reserved = kubeletConfig({ systemReserved: { memory: '500Mi' }, kubeReserved: { memory: '300Mi' }, evictionHard: { 'memory.available': '200Mi' } });
  // noderesources/fit.go: insufficient only when the request is *greater* than allocatable − requested.
  const fits = simulateMemory([node('4Gi'), reserved, pod('p', [{ name: 'c', requests: { memory: '3096Mi' } }])]).result.pods[0];
  const over = simulateMemory([node('4Gi'), reserved, pod('p', [{ name: 'c', requests: { memory: '3097Mi' } }])]).result.pods[0];
  assert.equal(fits.scheduled, true);
  assert.equal(over.scheduled, false);
  assert.match(over.schedulingMessage!, /^0\/1 nodes are available: 1 Insufficient memory\./);
  assert.equal(simulateMemory([node('4Gi'), reserved]).result.node.allocatable, '3096Mi');
});

// ---- 3. MemoryPressure returns to False after evictionPressureTransitionPeriod ----

// eviction_manager.go synchronize: nodeConditionsLastObservedAt is refreshed at every check where a
// threshold (hard or soft, grace period or not) is met; nodeConditionsObservedSince keeps a condition
// while now − lastObservedAt < evictionPressureTransitionPeriod (default 5m, kubelet config v1beta1
// defaults). Checks run every 10 s (evictionMonitoringPeriod). The node lifecycle controller follows
// the condition with the node.kubernetes.io/memory-pressure:NoSchedule taint.
const TAINT = 'node.kubernetes.io/memory-pressure:NoSchedule';
const SOFT_2M = { evictionSoft: { 'memory.available': '500Mi' }, evictionSoftGracePeriod: { 'memory.available': '2m' } };
const pressureCases: { name: string; kubelet?: Record<string, unknown>; level: Record<string, unknown>; falseAt: number; evictedAt: number[] }[] = [
  {
    // 2048 − 1700 = 348Mi < 500Mi from the 10 s check; at 60 s the step (59 s after the 1 s start) has
    // dropped usage to 200Mi, so the last check that met the threshold is 50 s: 50 + 300 = 350 s.
    name: 'a soft threshold met from 10 s to 50 s (no eviction: the 2m grace never ran out) flips back at 50 s + 5m = 350 s',
    kubelet: SOFT_2M,
    level: { pattern: 'step', before: '1700Mi', after: '200Mi', at: '59s' },
    falseAt: 350,
    evictedAt: [],
  },
  {
    name: 'with evictionPressureTransitionPeriod 1m the same pressure clears at 50 s + 60 s = 110 s',
    kubelet: { ...SOFT_2M, evictionPressureTransitionPeriod: '1m' },
    level: { pattern: 'step', before: '1700Mi', after: '200Mi', at: '59s' },
    falseAt: 110,
    evictedAt: [],
  },
  {
    // 2048 − 1990 = 58Mi < 100Mi (default hard): evicted at the 10 s check; from 20 s the node is fine.
    name: 'after a hard eviction at 10 s ends the pressure, the condition still stays True until 10 s + 5m = 310 s',
    level: { pattern: 'steady', level: '1990Mi' },
    falseAt: 310,
    evictedAt: [10],
  },
];

for (const c of pressureCases) {
  test(`MemoryPressure: ${c.name}`, () => {
    const { result } = simulateMemory([
      node('2Gi'), ...(c.kubelet ? [kubeletConfig(c.kubelet)] : []), pod('hog', [{ name: 'h' }]),
      scenario({ duration: '8m', containers: [usage('hog', 'h', c.level)] }),
    ]);
    assert.deepEqual(result.node.memoryPressure, [{ at: 0, status: 'False' }, { at: 10, status: 'True' }, { at: c.falseAt, status: 'False' }]);
    assert.deepEqual(result.node.taint, [{ at: 10, action: 'added', taint: TAINT }, { at: c.falseAt, action: 'removed', taint: TAINT }]);
    // kubelet_node_status.go recordNodeStatusEvent: "Node %s status is now: %s".
    const statusEvents = result.node.events.filter((e) => e.reason.startsWith('NodeHas'));
    assert.deepEqual(statusEvents, [
      { at: 10, type: 'Normal', reason: 'NodeHasInsufficientMemory', message: 'Node node-1 status is now: NodeHasInsufficientMemory' },
      { at: c.falseAt, type: 'Normal', reason: 'NodeHasSufficientMemory', message: 'Node node-1 status is now: NodeHasSufficientMemory' },
    ]);
    assert.deepEqual(result.evictions.map((e) => e.at), c.evictedAt);
  });
}

// ---- 5. diagnosePod: a SIGKILL that is not an OOM kill, a crash loop, a plain error ----

const T0 = Date.UTC(2025, 2, 1, 10, 0, 0);
const iso = (s: number) => new Date(T0 + s * 1000).toISOString().replace('.000Z', 'Z');

/** A pasted `kubectl get pod -o yaml` with one container `app` (Burstable: request 128Mi, limit 256Mi). */
function pasted(name: string, status: { phase: string; state: object; lastState?: object; restartCount: number }, restartPolicy = 'Always') {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name, namespace: 'shop', uid: `uid-${name}`, creationTimestamp: iso(0) },
    spec: {
      nodeName: 'node-1', restartPolicy,
      containers: [{
        name: 'app', image: 'registry.example/shop:2.1',
        resources: { requests: { memory: '128Mi' }, limits: { memory: '256Mi' } },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10, failureThreshold: 3 },
      }],
    },
    status: {
      phase: status.phase, qosClass: 'Burstable', startTime: iso(0),
      containerStatuses: [{ name: 'app', image: 'registry.example/shop:2.1', ready: false, restartCount: status.restartCount, state: status.state, ...(status.lastState ? { lastState: status.lastState } : {}) }],
    },
  };
}

function podEvent(podName: string, reason: string, type: string, message: string, at: number) {
  return {
    apiVersion: 'v1', kind: 'Event', metadata: { name: `${podName}.${reason.toLowerCase()}`, namespace: 'shop' },
    involvedObject: { apiVersion: 'v1', kind: 'Pod', name: podName, namespace: 'shop', uid: `uid-${podName}` },
    reason, type, message, count: 1, firstTimestamp: iso(at), lastTimestamp: iso(at), source: { component: 'kubelet', host: 'node-1' },
  };
}

const terminated = (exitCode: number, reason: string, from: number, to: number) => ({ terminated: { exitCode, reason, startedAt: iso(from), finishedAt: iso(to) } });

test('diagnose: exit code 137 with reason Error is a SIGKILL from outside the memory cgroup (KilledNotOOM): check the probe and the grace period, read the previous logs', () => {
  // 137 = 128 + SIGKILL (9). containerd reports OOMKilled only when the cgroup OOM killer fired
  // (pkg/cri/server/helpers.go oomExitReason); otherwise exit ≠ 0 is Error. A failed liveness probe
  // ends in SIGKILL when the process ignores SIGTERM for terminationGracePeriodSeconds.
  const p = pasted('checkout', { phase: 'Running', restartCount: 1, state: { running: { startedAt: iso(200) } }, lastState: terminated(137, 'Error', 0, 200) });
  const events = [
    podEvent('checkout', 'Unhealthy', 'Warning', 'Liveness probe failed: HTTP probe failed with statuscode: 500', 140),
    podEvent('checkout', 'Killing', 'Normal', 'Container app failed liveness probe, will be restarted', 160),
  ];
  const d = diagnosePod(p, events);
  assert.equal(d.kind, 'KilledNotOOM');
  assert.equal(d.container, 'app');
  assert.equal(d.qosClass, 'Burstable');
  assert.deepEqual(d.fixes.map((f) => f.id), ['probe', 'read-logs']);
  assert.deepEqual(d.evidence, [
    'container app: exit code 137 with reason Error, not OOMKilled',
    'event Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500',
    'event Killing: Container app failed liveness probe, will be restarted',
  ]);
  assert.match(d.summary, /SIGKILL \(exit code 137\) but not from the memory cgroup: the reason is Error, not OOMKilled/);
  assert.equal(d.steps.at(-1), 'kubectl logs checkout -n shop -c app --previous');
  assert.equal(d.eviction, null);
});

test('diagnose: a container waiting in CrashLoopBackOff after exit code 1 is a crash loop, not a memory problem: read the previous logs', () => {
  const p = pasted('api', { phase: 'Running', restartCount: 5, state: { waiting: { reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container=app pod=api_shop(uid-api)' } }, lastState: terminated(1, 'Error', 300, 302) });
  const d = diagnosePod(p, [podEvent('api', 'BackOff', 'Warning', 'Back-off restarting failed container app in pod api_shop(uid-api)', 310)]);
  assert.equal(d.kind, 'CrashLoopBackOff');
  assert.equal(d.container, 'app');
  assert.deepEqual(d.fixes.map((f) => f.id), ['read-logs']);
  assert.deepEqual(d.evidence, ['container app: CrashLoopBackOff, last exit code 1 (Error)']);
  assert.match(d.summary, /keeps exiting with code 1 \(Error\): the application fails on its own; memory is not the cause/);
  assert.deepEqual(d.containers[0], {
    name: 'app', kind: 'regular', request: '128Mi', limit: '256Mi', restarts: 5, state: 'Waiting', stateReason: 'CrashLoopBackOff',
    lastReason: 'Error', lastExitCode: 1, oomKilled: false,
  });
  // The describe view prints the Waiting reason only (describe.go), then the Last State.
  assert.match(d.describe, /State:          Waiting\n      Reason:       CrashLoopBackOff\n    Last State:     Terminated\n      Reason:       Error\n      Exit Code:    1\n/);
});

test('diagnose: a terminated container with exit code 2 under restartPolicy Never is a plain Error, with the same one fix', () => {
  const p = pasted('migrate', { phase: 'Failed', restartCount: 0, state: terminated(2, 'Error', 0, 5) }, 'Never');
  const d = diagnosePod(p);
  assert.equal(d.kind, 'Error');
  assert.equal(d.phase, 'Failed');
  assert.deepEqual(d.fixes.map((f) => f.id), ['read-logs']);
  // The evidence names the state's reason (terminated.reason Error) and the exit it carries.
  assert.deepEqual(d.evidence, ['container app: Error, last exit code 2 (Error)']);
  assert.match(d.summary, /^Container app keeps exiting with code 2 \(Error\)/);
  assert.equal(d.steps.at(-1), 'kubectl logs migrate -n shop -c app --previous');
});

test('diagnose: a crash loop whose last exit was 137 without OOMKilled is reported as KilledNotOOM, an OOMKilled one as OOMKilled', () => {
  const killed = pasted('a', { phase: 'Running', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: terminated(137, 'Error', 0, 60) });
  const oom = pasted('b', { phase: 'Running', restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: terminated(137, 'OOMKilled', 0, 60) });
  assert.equal(diagnosePod(killed).kind, 'KilledNotOOM');
  assert.equal(diagnosePod(oom).kind, 'OOMKilled');
  assert.deepEqual(diagnosePod(oom).fixes.map((f) => f.id), ['raise-limit', 'fix-leak', 'read-logs', 'vpa', 'guaranteed']);
});

// ---- 6. Which process the node's OOM killer would pick ----

// mm/oom_kill.c oom_badness, in 4 KiB pages: points = rss + oom_score_adj × (totalpages / 1000);
// the highest is killed. fs/proc/base.c proc_oom_score (Linux ≥ 5.9): oom_score =
// (1000 + points × 1000 / totalpages) × 2 / 3. oom_score_adj from pkg/kubelet/qos/policy.go:
// BestEffort 1000, Guaranteed -997, Burstable 1000 − 1000 × request / capacity (999 if that is 1000).
// A 4Gi node: totalpages = 1048576, totalpages / 1000 = 1048; 500Mi = 128000 pages.
const G = { requests: { cpu: '100m', memory: '1Gi' }, limits: { cpu: '100m', memory: '1Gi' } };
const B = { requests: { memory: '512Mi' }, limits: { memory: '1Gi' } };
const pickCases: { name: string; pods: { name: string; res?: object; level: string }[]; pick: string; adj: number; score: number }[] = [
  {
    // best: 128000 + 1000 × 1048 = 1176000 → (1000 + 1121) × 2 / 3 = 1414
    // burst (adj 1000 − 1000 × 512 / 4096 = 875): 128000 + 917000; guar: 128000 − 1044856
    name: 'with the same 500Mi each, BestEffort goes before Burstable and Guaranteed',
    pods: [{ name: 'guar', res: G, level: '500Mi' }, { name: 'burst', res: B, level: '500Mi' }, { name: 'best', level: '500Mi' }],
    pick: 'best', adj: 1000, score: 1414,
  },
  {
    // burst: 1045000 → 1045000000 / 1048576 = 996 → (1996 × 2) / 3 = 1330
    name: 'without a BestEffort Pod, Burstable goes before Guaranteed',
    pods: [{ name: 'guar', res: G, level: '500Mi' }, { name: 'burst', res: B, level: '500Mi' }],
    pick: 'burst', adj: 875, score: 1330,
  },
  {
    // burst (request 1Mi: 1000 − 0 = 1000 → 999): 524288 + 999 × 1048 = 1571240 → (1000 + 1498) × 2 / 3 = 1665
    // best using 10Mi: 2560 + 1048000 = 1050560, lower: usage counts as well as the adjustment
    name: 'a Burstable process using half the node outscores a BestEffort one using 10Mi',
    pods: [{ name: 'best', level: '10Mi' }, { name: 'burst', res: { requests: { memory: '1Mi' } }, level: '2Gi' }],
    pick: 'burst', adj: 999, score: 1665,
  },
  {
    // 128000 − 997 × 1048 = −916856 → −916856000 / 1048576 = −874 (C truncates) → (126 × 2) / 3 = 84
    name: 'a lone Guaranteed process still has a positive oom_score, far below the others',
    pods: [{ name: 'guar', res: G, level: '500Mi' }],
    pick: 'guar', adj: -997, score: 84,
  },
];

for (const c of pickCases) {
  test(`the node OOM killer would pick: ${c.name}`, () => {
    const { result } = simulateMemory([
      node('4Gi'),
      ...c.pods.map((p) => pod(p.name, [{ name: 'c', ...(p.res ?? {}) }])),
      scenario({ duration: '1m', containers: c.pods.map((p) => usage(p.name, 'c', { pattern: 'steady', level: p.level })) }),
    ]);
    // All containers start at 1 s: that is the moment of highest node usage.
    assert.deepEqual(result.oomKillerWouldPick, { at: 1, pod: c.pick, container: 'c', oomScoreAdj: c.adj, oomScore: c.score });
    assert.deepEqual(result.oomKills, [], 'nothing ran out: this is only who would go');
  });
}

// ---- 7. restartPolicy OnFailure after an OOM kill; evictionMaxPodGracePeriod ----

test('restartPolicy OnFailure restarts an OOM-killed container (exit 137 ≠ 0), with the back-off, and the Pod stays Running', () => {
  const { result } = simulateMemory([
    node(), pod('job', [{ name: 'c', requests: { memory: '64Mi' }, limits: { memory: '128Mi' } }], { restartPolicy: 'OnFailure' }),
    scenario({ duration: '5m', containers: [usage('job', 'c', { pattern: 'step', before: '64Mi', after: '200Mi', at: '1m' })] }),
  ]);
  // container/helpers.go ShouldContainerBeRestarted: OnFailure refuses only exit code 0.
  // Each run steps over the limit 60 s after it starts: 1 → 61; 61 → 121; +10 → 131 → 191; +20 → 211 → 271.
  const c = result.containers[0];
  assert.deepEqual(c.oomKills.map((k) => k.at), [61, 121, 191, 271]);
  assert.equal(c.restarts, 3);
  // kubelet_pods.go getPhase: no container running, one stopped, OnFailure → Running.
  assert.equal(result.pods[0].phase, 'Running');
  assert.equal(c.stateReason, 'CrashLoopBackOff');
});

// eviction_manager.go synchronize: a hard threshold evicts with immediateEvictionGracePeriodSeconds (1);
// a soft one with min(evictionMaxPodGracePeriod, the Pod's terminationGracePeriodSeconds). With the
// default 0 that override is 0, and pod_workers.go calculateEffectiveGracePeriod falls back to the Pod's own.
const graceCases: { name: string; max: number; podGrace?: number; grace: number }[] = [
  { name: 'evictionMaxPodGracePeriod 10 caps the default 30 s', max: 10, grace: 10 },
  { name: 'evictionMaxPodGracePeriod 60 leaves a 30 s Pod at 30 s', max: 60, grace: 30 },
  { name: 'evictionMaxPodGracePeriod 0 (the default) means the Pod’s own 30 s', max: 0, grace: 30 },
  { name: 'a Pod asking for 5 s under a cap of 10 gets 5 s', max: 10, podGrace: 5, grace: 5 },
];

for (const c of graceCases) {
  test(`soft eviction grace period: ${c.name}`, () => {
    const { result } = simulateMemory([
      node('2Gi'),
      kubeletConfig({ evictionSoft: { 'memory.available': '500Mi' }, evictionSoftGracePeriod: { 'memory.available': '30s' }, evictionMaxPodGracePeriod: c.max }),
      pod('hog', [{ name: 'h' }], c.podGrace === undefined ? {} : { terminationGracePeriodSeconds: c.podGrace }),
      scenario({ duration: '2m', containers: [usage('hog', 'h', { pattern: 'steady', level: '1700Mi' })] }),
    ]);
    // 348Mi available < 500Mi from the 10 s check; the 30 s grace runs out at 40 s.
    assert.deepEqual(result.evictions.map((e) => [e.at, e.gracePeriodSeconds]), [[40, c.grace]]);
  });
}

test('a hard eviction ignores evictionMaxPodGracePeriod and the Pod’s grace period: 1 s', () => {
  const { result } = simulateMemory([
    node('2Gi'), kubeletConfig({ evictionMaxPodGracePeriod: 60 }), pod('hog', [{ name: 'h' }], { terminationGracePeriodSeconds: 120 }),
    scenario({ duration: '1m', containers: [usage('hog', 'h', { pattern: 'steady', level: '1990Mi' })] }),
  ]);
  assert.deepEqual(result.evictions.map((e) => [e.at, e.gracePeriodSeconds, e.threshold]), [[10, 1, 'memory.available<100Mi']]);
});

test('a soft grace period of 0s is allowed (parseGracePeriods refuses only negatives) and makes the threshold act as a hard one', () => {
  const { result } = simulateMemory([
    node('2Gi'), kubeletConfig({ evictionSoft: { 'memory.available': '500Mi' }, evictionSoftGracePeriod: { 'memory.available': '0s' } }), pod('hog', [{ name: 'h' }]),
    scenario({ duration: '1m', containers: [usage('hog', 'h', { pattern: 'steady', level: '1700Mi' })] }),
  ]);
  // isHardEvictionThreshold is GracePeriod == 0: evicted at the first check, with the 1 s grace.
  assert.deepEqual(result.evictions.map((e) => [e.at, e.gracePeriodSeconds]), [[10, 1]]);
  assert.equal(result.node.thresholds.find((t) => t.value === '500Mi')?.kind, 'hard');
});

test('evictionHard memory.available "100%" switches the threshold off instead of evicting every Pod', () => {
  const { result } = simulateMemory([
    node('2Gi'), kubeletConfig({ evictionHard: { 'memory.available': '100%' } }), pod('hog', [{ name: 'h' }]),
    scenario({ duration: '1m', containers: [usage('hog', 'h', { pattern: 'steady', level: '1990Mi' })] }),
  ]);
  assert.deepEqual(result.node.thresholds, []);
  assert.deepEqual(result.evictions, []);
  assert.deepEqual(result.node.memoryPressure, [{ at: 0, status: 'False' }]);
});

// ---- 8. The view model: the node chart's threshold lines and the describe section ----

test('the view draws one node-chart line per memory threshold, labelled, at its height on the 0…capacity scale, and a describe section per Pod', () => {
  const output = simulateMemory([
    node('2Gi'),
    kubeletConfig({ evictionHard: { 'memory.available': '100Mi' }, evictionSoft: { 'memory.available': '500Mi' }, evictionSoftGracePeriod: { 'memory.available': '30s' } }),
    pod('hog', [{ name: 'h' }]),
    scenario({ duration: '2m', containers: [usage('hog', 'h', { pattern: 'steady', level: '1700Mi' })] }),
  ]);
  const view = buildView(output);
  // The chart is 140 high with 4 of padding: y = 136 − 132 × bytes / capacity, to one decimal.
  //   100Mi of 2048Mi → 136 − 6.45 = 129.6;  500Mi → 136 − 32.23 = 103.8
  assert.deepEqual(view.node.thresholds, [
    { y: 129.6, label: 'memory.available<100Mi' },
    { y: 103.8, label: 'memory.available<500Mi (soft, 30s)' },
  ]);
  // MemoryPressure from 10 s to the end (120 s): x = 4 + 592 × t / 120 → 53.3, width 596 − 53.3.
  assert.deepEqual(view.node.pressure, [{ x: 53.3, width: 542.7 }]);
  assert.equal(view.node.max, '2Gi');
  assert.equal(view.node.minAvailable, '348Mi');
  assert.equal(view.ranking?.pod, 'hog');
  assert.deepEqual(view.describes.map((d) => d.pod), ['hog']);
  const text = view.describes[0].text;
  // describe.go describePod: Status, then Reason and Message when set; the Evicted event from the kubelet.
  assert.match(text, /^Name:         hog\n/);
  assert.match(text, /\nStatus:       Failed\nReason:       Evicted\nMessage:      The node was low on resource: memory\. Threshold quantity: 500Mi, available: 348Mi\. Container h was using 1700Mi, request is 0, has larger consumption of memory\. \n/);
  assert.match(text, /\n  Warning  Evicted    80s   kubelet            The node was low on resource: memory\./);
  assert.match(text, /\n  DisruptionTarget            True \n/);
});

test('the view lists a describe section for a Pod that never ran: Pending, with the scheduler’s FailedScheduling event', () => {
  const view = buildView(simulateMemory([node('1Gi'), pod('big', [{ name: 'c', requests: { memory: '2Gi' } }])]));
  assert.deepEqual(view.describes.map((d) => d.pod), ['big']);
  assert.match(view.describes[0].text, /\nStatus:       Pending\n/);
  assert.match(view.describes[0].text, /Warning  FailedScheduling  .*0\/1 nodes are available: 1 Insufficient memory\./);
});

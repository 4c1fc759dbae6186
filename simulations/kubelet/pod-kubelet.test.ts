// The per-Pod kubelet on scenarios whose expected numbers are worked out by hand
// from the upstream rules named in each case (back-off 10 s doubling to 300 s and
// reset after 2 × 300 s, restartPolicy, grace periods, image back-off …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PodKubelet } from './pod-kubelet.ts';
import type { PodKubeletOptions } from './pod-kubelet.ts';
import { defaultBehavior } from './behavior.ts';
import type { ContainerBehavior, RunOutcome } from './behavior.ts';
import type { Container, Pod, PodSpec } from './types.ts';
import { printPod } from '../kubectl/get-pods.ts';
import { VirtualClock } from '../apiserver/clock.ts';

const S = 1000;

function pod(spec: Partial<PodSpec> & { containers: Container[] }, name = 'p'): Pod {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec };
}

function behaving(by: Record<string, Partial<ContainerBehavior>>): PodKubeletOptions['behavior'] {
  return (c) => ({ ...defaultBehavior(), ...(by[c.name] ?? {}) });
}

const runs = (...outcomes: RunOutcome[]) => (attempt: number) => outcomes[Math.min(attempt, outcomes.length - 1)];
const starts = (k: PodKubelet, name: string) => (k.record(name)?.instances ?? []).map((i) => i.startedAtMs / S);
const statusAt = (k: PodKubelet, t: number) => {
  const p = k.podAt(t * S);
  return p ? printPod(p, k.epochMs + t * S).status : undefined;
};

test('a container that exits 1 after 5 s restarts at once, then after 10, 20, 40, 80, 160 s (doBackOff + flowcontrol)', () => {
  // Sandbox ready at 1 s, so runs start at 1; each run lasts 5 s; restart n waits 0, 10, 20, 40, 80, 160 s.
  // 1 → exit 6 → 6 → exit 11 → 21 → exit 26 → 46 → exit 51 → 91 → exit 96 → 176 → exit 181 → 341.
  const k = new PodKubelet(pod({ containers: [{ name: 'app', image: 'busybox:1.36' }] }), {
    behavior: behaving({ app: { run: () => ({ exitAfterMs: 5 * S, exitCode: 1 }) } }),
  });
  k.advanceTo(400 * S);
  assert.deepEqual(starts(k, 'app'), [1, 6, 21, 46, 91, 176, 341]);
});

test('the back-off is forgotten after a run of more than 10 minutes (hasExpired: 2 × 300 s)', () => {
  // Starts: 1 (exit 6), 6 (Next → 10 s, exit 11), 21 (Next → 20 s, runs 700 s, exit 721),
  // 721: 721 − 21 = 700 s > 600 s since the last update → expired → restart at once (back to 10 s),
  // exit 726 → 736.
  const k = new PodKubelet(pod({ containers: [{ name: 'app', image: 'busybox:1.36' }] }), {
    behavior: behaving({
      app: {
        run: runs(
          { exitAfterMs: 5 * S, exitCode: 1 },
          { exitAfterMs: 5 * S, exitCode: 1 },
          { exitAfterMs: 700 * S, exitCode: 1 },
          { exitAfterMs: 5 * S, exitCode: 1 },
        ),
      },
    }),
  });
  k.advanceTo(740 * S);
  assert.deepEqual(starts(k, 'app'), [1, 6, 21, 721, 736]);
});

test('the status shows Error at the exit, CrashLoopBackOff at the next re-sync 10 s later, with the back-off message', () => {
  const k = new PodKubelet(pod({ containers: [{ name: 'app', image: 'busybox:1.36' }] }, 'crash'), {
    behavior: behaving({ app: { run: () => ({ exitAfterMs: 5 * S, exitCode: 1 }) } }),
  });
  k.advanceTo(60 * S);
  assert.equal(statusAt(k, 12), 'Error'); // second exit at 11, re-sync at 21
  assert.equal(statusAt(k, 26), 'Error');
  assert.equal(statusAt(k, 40), 'CrashLoopBackOff');
  const waiting = k.podAt(40 * S)?.status?.containerStatuses?.[0].state.waiting;
  assert.equal(waiting?.reason, 'CrashLoopBackOff');
  assert.match(waiting?.message ?? '', /^back-off 20s restarting failed container=app pod=crash_default\(.+\)$/);
});

test('restartPolicy: OnFailure restarts a failed container but not a succeeded one; Never restarts neither', () => {
  const cases: { policy: 'OnFailure' | 'Never'; exitCode: number; starts: number[]; phase: string; status: string }[] = [
    { policy: 'OnFailure', exitCode: 0, starts: [1], phase: 'Succeeded', status: 'Completed' },
    { policy: 'OnFailure', exitCode: 2, starts: [1, 4], phase: 'Running', status: 'Running' },
    { policy: 'Never', exitCode: 0, starts: [1], phase: 'Succeeded', status: 'Completed' },
    { policy: 'Never', exitCode: 2, starts: [1], phase: 'Failed', status: 'Error' },
  ];
  for (const c of cases) {
    const k = new PodKubelet(pod({ restartPolicy: c.policy, containers: [{ name: 'job', image: 'busybox:1.36' }] }), {
      behavior: behaving({ job: { run: runs({ exitAfterMs: 3 * S, exitCode: c.exitCode }, { exitCode: 0 }) } }),
    });
    k.advanceTo(5 * S);
    assert.deepEqual(starts(k, 'job'), c.starts, `${c.policy} exit ${c.exitCode}`);
    assert.equal(k.currentPod().status?.phase, c.phase, `${c.policy} exit ${c.exitCode}`);
    assert.equal(statusAt(k, 5), c.status, `${c.policy} exit ${c.exitCode}`);
  }
});

test('init containers run one at a time (Init:0/2, Init:1/2) and a failed one under Never fails the Pod (Init:Error)', () => {
  const spec = (policy: 'Always' | 'Never'): Pod =>
    pod({
      restartPolicy: policy,
      initContainers: [
        { name: 'a', image: 'busybox:1.36' },
        { name: 'b', image: 'busybox:1.36' },
      ],
      containers: [{ name: 'app', image: 'nginx:1.27' }],
    });
  const ok = new PodKubelet(spec('Always'), {
    behavior: behaving({ a: { run: () => ({ exitAfterMs: 2 * S, exitCode: 0 }) }, b: { run: () => ({ exitAfterMs: 3 * S, exitCode: 0 }) } }),
  });
  ok.advanceTo(10 * S);
  assert.equal(statusAt(ok, 2), 'Init:0/2');
  assert.equal(statusAt(ok, 4), 'Init:1/2');
  assert.equal(statusAt(ok, 7), 'Running');
  assert.deepEqual([starts(ok, 'a'), starts(ok, 'b'), starts(ok, 'app')], [[1], [3], [6]]);

  const failed = new PodKubelet(spec('Never'), { behavior: behaving({ a: { run: () => ({ exitAfterMs: 2 * S, exitCode: 1 }) } }) });
  failed.advanceTo(10 * S);
  assert.equal(failed.currentPod().status?.phase, 'Failed');
  assert.equal(statusAt(failed, 10), 'Init:Error');
  assert.deepEqual(starts(failed, 'app'), []);
});

test('a sidecar (restartable init container) keeps running beside the app; a finished Job Pod stops it and Succeeds', () => {
  const k = new PodKubelet(
    pod({
      restartPolicy: 'Never',
      initContainers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.31.0', restartPolicy: 'Always' }],
      containers: [{ name: 'job', image: 'busybox:1.36' }],
    }),
    { behavior: behaving({ job: { run: () => ({ exitAfterMs: 10 * S, exitCode: 0 }) } }) },
  );
  k.advanceTo(30 * S);
  assert.equal(statusAt(k, 5), 'Running');
  assert.equal(printPod(k.podAt(5 * S) as Pod, k.epochMs + 5 * S).ready, '2/2');
  const proxy = k.record('proxy')?.instances[0];
  assert.equal(proxy?.endedBy, 'killed');
  assert.equal(k.currentPod().status?.phase, 'Succeeded');
});

test('an OOM kill injected from outside shows OOMKilled with exit 137, then the restart follows the back-off', () => {
  const k = new PodKubelet(pod({ containers: [{ name: 'app', image: 'nginx:1.27' }] }), { behavior: behaving({}) });
  k.killContainer('app', 30 * S);
  k.killContainer('app', 35 * S);
  k.advanceTo(60 * S);
  const last = k.podAt(35 * S)?.status?.containerStatuses?.[0];
  assert.equal(last?.state.terminated?.reason, 'OOMKilled');
  assert.equal(last?.state.terminated?.exitCode, 137);
  // First kill at 30: restart at once; second at 35: back-off 10 s → 45.
  assert.deepEqual(starts(k, 'app'), [1, 30, 45]);
});

test('eviction: phase Failed, reason Evicted, DisruptionTarget=True, a Warning Evicted event, containers stopped', () => {
  const k = new PodKubelet(pod({ containers: [{ name: 'app', image: 'nginx:1.27' }] }), { behavior: behaving({}) });
  k.evictPod(20 * S, { message: 'The node was low on resource: memory. ' });
  k.advanceTo(30 * S);
  const status = k.currentPod().status;
  assert.equal(status?.phase, 'Failed');
  assert.equal(status?.reason, 'Evicted');
  assert.deepEqual(
    status?.conditions?.find((c) => c.type === 'DisruptionTarget')?.reason,
    'TerminationByKubelet',
  );
  assert.ok(k.eventsAt(30 * S).some((e) => e.reason === 'Evicted' && e.type === 'Warning'));
  assert.equal(k.record('app')?.instances[0].state, 'exited');
  assert.equal(k.deletedAtMs, undefined);
});

test('graceful deletion: preStop, then SIGTERM with the rest of the grace period; a process ignoring SIGTERM is SIGKILLed (137)', () => {
  // delete at 20 s, grace 30 s: api runs preStop 5 s (grace left 25 s), exits 3 s after SIGTERM → 28 s, code 0;
  // sleeper ignores SIGTERM → SIGKILL when its 30 s run out → 50 s, code 137; then the object is deleted.
  const k = new PodKubelet(
    pod({
      terminationGracePeriodSeconds: 30,
      containers: [
        { name: 'api', image: 'shop/api:2', lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 5'] } } } },
        { name: 'sleeper', image: 'busybox:1.36' },
      ],
    }),
    {
      behavior: behaving({
        api: { preStopMs: 5 * S, sigterm: { exitAfterMs: 3 * S, exitCode: 0 } },
        sleeper: { sigterm: { ignore: true } },
      }),
    },
  );
  k.deletePod(20 * S);
  k.advanceTo(60 * S);
  const api = k.record('api')?.instances[0];
  const sleeper = k.record('sleeper')?.instances[0];
  assert.deepEqual([api?.finishedAtMs, api?.exitCode], [28 * S, 0]);
  assert.deepEqual([sleeper?.finishedAtMs, sleeper?.exitCode], [50 * S, 137]);
  assert.equal(statusAt(k, 25), 'Terminating');
  assert.equal(k.deletedAtMs, 50 * S);
  assert.equal(k.podAt(20 * S)?.metadata.deletionTimestamp, '2025-01-01T00:00:50Z');
});

test('the grace period is floored at 2 s even for --grace-period=1 (minimumGracePeriodInSeconds)', () => {
  const k = new PodKubelet(pod({ containers: [{ name: 'app', image: 'busybox:1.36' }] }), {
    behavior: behaving({ app: { sigterm: { ignore: true } } }),
  });
  k.deletePod(10 * S, { gracePeriodSeconds: 1 });
  k.advanceTo(20 * S);
  assert.equal(k.record('app')?.instances[0].finishedAtMs, 12 * S);
});

test('a failing image pull: ErrImagePull, then ImagePullBackOff; pulls at 1, 13, 35, 77, 159, 321 s (image back-off 10 s doubling)', () => {
  // A pull takes 2 s and fails; the back-off (IsInBackOffSinceUpdate) runs from the failure; the
  // pod worker re-syncs every 10 s, so each pull starts exactly when the back-off ends:
  // 1 → fail 3 (+10) → 13 → fail 15 (+20) → 35 → fail 37 (+40) → 77 → fail 79 (+80) → 159 → fail 161 (+160) → 321.
  const k = new PodKubelet(pod({ containers: [{ name: 'web', image: 'nginx:1.277' }] }), {
    behavior: behaving({ web: { image: { present: false, pullMs: 2 * S, sizeBytes: 0, failures: Infinity, error: '' } } }),
  });
  k.advanceTo(330 * S);
  const pulling = k.recorder.all.find((e) => e.reason === 'Pulling');
  assert.deepEqual(pulling?.occurrences.map((t) => t / S), [1, 13, 35, 77, 159, 321]);
  assert.equal(statusAt(k, 5), 'ErrImagePull');
  assert.equal(statusAt(k, 20), 'ImagePullBackOff');
});

test('readiness: not ready until the probe succeeds; Ready and ContainersReady flip at that tick with their transition time', () => {
  const k = new PodKubelet(
    pod({ containers: [{ name: 'web', image: 'nginx:1.27', readinessProbe: { httpGet: { port: 80 }, periodSeconds: 5 } }] }),
    {
      behavior: behaving({
        web: { probe: (_t, _at, since) => (since < 12 * S ? { result: 'failure', output: 'HTTP probe failed with statuscode: 503' } : { result: 'success', output: '' }) },
      }),
    },
  );
  k.advanceTo(30 * S);
  // Ticks at 0, 5, 10, 15 …; the container starts at 1: failures at 5 and 10, success at 15.
  const ready = k.currentPod().status?.conditions?.find((c) => c.type === 'Ready');
  assert.equal(ready?.status, 'True');
  assert.equal(ready?.lastTransitionTime, '2025-01-01T00:00:15Z');
  assert.equal(k.recorder.all.find((e) => e.reason === 'Unhealthy')?.occurrences.length, 2);
});

test('skipping steady probe ticks never changes the outcome: same writes and events as probing every period', () => {
  const spec = pod({
    containers: [
      {
        name: 'web',
        image: 'nginx:1.27',
        readinessProbe: { httpGet: { port: 80 }, periodSeconds: 3 },
        livenessProbe: { httpGet: { port: 80 }, periodSeconds: 7, failureThreshold: 2 },
      },
    ],
  });
  const answer = (type: string, at: number, since: number) =>
    type === 'readiness' && at > 40 * S && at < 60 * S
      ? { result: 'failure' as const, output: 'x' }
      : type === 'liveness' && since > 100 * S
        ? { result: 'failure' as const, output: 'y' }
        : { result: 'success' as const, output: '' };
  const changesAt = (type: string, at: number, since: number) => {
    const points = type === 'readiness' ? [40 * S + 1, 60 * S] : [at - since + 100 * S + 1];
    return points.find((p) => p > at) ?? Infinity;
  };
  const run = (skip: boolean) => {
    const k = new PodKubelet(spec, {
      behavior: () => ({ ...defaultBehavior(), probe: answer, probeChangesAt: skip ? changesAt : undefined }),
    });
    k.advanceTo(600 * S);
    return JSON.stringify({ writes: k.writes, events: k.eventsAt(600 * S) });
  };
  assert.equal(run(true), run(false));
});

test('a Pod with scheduling gates is never bound: PodScheduled=False, reason SchedulingGated, STATUS SchedulingGated', () => {
  const k = new PodKubelet(pod({ schedulingGates: [{ name: 'example.com/quota' }], containers: [{ name: 'app', image: 'nginx:1.27' }] }), {
    behavior: behaving({}),
  });
  k.advanceTo(60 * S);
  const p = k.currentPod();
  assert.equal(p.spec.nodeName, undefined);
  assert.deepEqual(
    p.status?.conditions?.map((c) => [c.type, c.status, c.reason]),
    [['PodScheduled', 'False', 'SchedulingGated']],
  );
  assert.equal(statusAt(k, 60), 'SchedulingGated');
  assert.deepEqual(starts(k, 'app'), []);
});

test('a hostNetwork Pod reports the node IP as its Pod IP', () => {
  const k = new PodKubelet(pod({ hostNetwork: true, containers: [{ name: 'app', image: 'nginx:1.27' }] }), { behavior: behaving({}), hostIP: '10.0.0.7' });
  k.advanceTo(5 * S);
  assert.equal(k.currentPod().status?.podIP, '10.0.0.7');
});

test('every condition change is in the trace with the rule that set it', () => {
  const k = new PodKubelet(pod({ containers: [{ name: 'app', image: 'nginx:1.27' }] }), { behavior: behaving({}) });
  k.advanceTo(5 * S);
  const titles = k.trace.map((t) => t.title);
  assert.ok(titles.includes('Condition PodReadyToStartContainers=True'));
  assert.ok(titles.includes('Condition Ready=True'));
  assert.ok(titles.some((t) => t.startsWith('Condition ContainersReady=False (ContainersNotReady: containers with unready status: [app])')));
});

test('on a shared clock, a kubelet made at t = 100 s lives on the clock\'s time: created then, the same back-off steps after it', () => {
  // The crash loop of the first test, 100 s later: starts at 101, 106, 121, 146, 191, 276 (+ 100 s each).
  const clock = new VirtualClock();
  clock.runUntil(100 * S);
  const k = new PodKubelet(pod({ containers: [{ name: 'app', image: 'busybox:1.36' }] }), {
    clock,
    behavior: behaving({ app: { run: () => ({ exitAfterMs: 5 * S, exitCode: 1 }) } }),
  });
  assert.equal(k.createdAtMs, 100 * S);
  assert.equal(k.currentPod().metadata.creationTimestamp, '2025-01-01T00:01:40Z');
  assert.equal(k.nextActionAt(), 100 * S);
  k.advanceTo(300 * S);
  assert.equal(clock.now(), 300 * S);
  assert.deepEqual(starts(k, 'app'), [101, 106, 121, 146, 191, 276]);
  assert.equal(k.writes[0].atMs, 100 * S);
  assert.equal(printPod(k.podAt(300 * S) as Pod, k.epochMs + 300 * S).age, '3m20s');
});

test('two kubelets on one clock take turns at the same instants, each as if it ran alone', () => {
  const clock = new VirtualClock();
  const crash = behaving({ app: { run: () => ({ exitAfterMs: 5 * S, exitCode: 1 }) } });
  const a = new PodKubelet(pod({ containers: [{ name: 'app', image: 'busybox:1.36' }] }, 'a'), { clock, behavior: crash });
  const b = new PodKubelet(pod({ containers: [{ name: 'app', image: 'busybox:1.36' }] }, 'b'), { clock, behavior: crash });
  clock.runUntil(400 * S);
  const alone = new PodKubelet(pod({ containers: [{ name: 'app', image: 'busybox:1.36' }] }, 'a'), { behavior: crash });
  alone.advanceTo(400 * S);
  assert.deepEqual(starts(a, 'app'), [1, 6, 21, 46, 91, 176, 341]);
  assert.deepEqual(starts(b, 'app'), starts(a, 'app'));
  assert.equal(JSON.stringify(a.writes), JSON.stringify(alone.writes));
});

test('replays left off a clock of its own change nothing: the same writes, events and trace as with every replay a clock task', async () => {
  // A kubelet on a clock of its own leaves the 10 s replays of a back-off sync off the clock
  // when nothing else of it is pending; given a clock, it never does. Random crash loops, pull
  // failures, probes, kills, deletions and evictions, injected between runs of the clock at
  // random moments, must come out byte for byte the same.
  const fc = (await import('fast-check')).default;
  const scenario = fc.record({
    exitAfter: fc.array(fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }), { minLength: 1, maxLength: 4 }),
    exitCode: fc.constantFrom(0, 1, 137),
    policy: fc.constantFrom('Always', 'OnFailure', 'Never'),
    pullFailures: fc.constantFrom(0, 0, 2, Infinity),
    readiness: fc.boolean(),
    sidecar: fc.boolean(),
    steps: fc.array(
      fc.record({ gap: fc.integer({ min: 0, max: 400 }), what: fc.constantFrom('run', 'run', 'kill', 'kill-sidecar', 'delete', 'evict') }),
      { maxLength: 8 },
    ),
  });
  fc.assert(
    fc.property(scenario, (sc) => {
      const spec = pod({
        restartPolicy: sc.policy as 'Always',
        ...(sc.sidecar ? { initContainers: [{ name: 'proxy', image: 'envoyproxy/envoy:v1.31.0', restartPolicy: 'Always' as const }] } : {}),
        containers: [{ name: 'app', image: 'busybox:1.36', ...(sc.readiness ? { readinessProbe: { exec: { command: ['true'] }, periodSeconds: 7 } } : {}) }],
      });
      const behavior = behaving({
        app: {
          run: runs(...sc.exitAfter.map((s) => (s === undefined ? { exitCode: 0 } : { exitAfterMs: s * S, exitCode: sc.exitCode }))),
          image: { present: sc.pullFailures === 0, pullMs: 2 * S, sizeBytes: 0, failures: sc.pullFailures, error: '' },
          probe: (_t, at) => (Math.floor(at / 30_000) % 2 === 0 ? { result: 'success', output: '' } : { result: 'failure', output: 'no' }),
        },
      });
      const play = (k: PodKubelet) => {
        let t = 0;
        for (const step of sc.steps) {
          t += step.gap * S;
          if (step.what === 'run') k.advanceTo(t);
          else if (step.what === 'kill') k.killContainer('app', t);
          else if (step.what === 'kill-sidecar') k.killContainer('proxy', t);
          else if (step.what === 'delete') k.deletePod(t, { gracePeriodSeconds: 5 });
          else k.evictPod(t, { message: 'The node was low on resource: memory. ' });
        }
        k.advanceTo(t + 3600 * S);
        return JSON.stringify({ writes: k.writes, events: k.eventsAt(k.now), all: k.recorder.all, trace: k.trace, records: k.records.map((r) => r.instances) });
      };
      const alone = play(new PodKubelet(spec, { behavior }));
      const shared = play(new PodKubelet(spec, { behavior, clock: new VirtualClock() }));
      assert.equal(alone, shared);
    }),
    { numRuns: 150 },
  );
});

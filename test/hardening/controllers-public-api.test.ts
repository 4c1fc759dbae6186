// Property tests (fast-check) for the controllers chapter's public functions
// (contracts/controllers.md): on well-shaped but hostile values (negative,
// huge and fractional counts, malformed percentages, schedules that never
// fire, unknown zones) each answers with a value or one of the engine's typed
// errors carrying upstream's message — never a JavaScript TypeError/RangeError,
// never NaN, never a hang. The controllers engine has no registry entry yet, so
// it is not in fuzz.test.ts; this file covers its functions directly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as sim from '../../simulations/index.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const DEADLINE_MS = 2000;

/** Runs f; a thrown error must be one of ours (a named Error subclass with a message), not a JS engine error. */
function answers<T>(what: string, f: () => T): T | undefined {
  const started = performance.now();
  try {
    return f();
  } catch (e) {
    assert.ok(e instanceof Error, `${what}: threw a non-Error ${String(e)}`);
    assert.ok(!(e instanceof TypeError) && !(e instanceof RangeError) && !(e instanceof SyntaxError), `${what}: ${e.name}: ${e.message}\n${e.stack}`);
    assert.ok(e.message.length > 0, `${what}: an error without a message`);
    return undefined;
  } finally {
    assert.ok(performance.now() - started < DEADLINE_MS, `${what} took more than ${DEADLINE_MS} ms`);
  }
}

const count = fc.oneof(fc.integer({ min: -3, max: 20 }), fc.constantFrom(0, 1, 2_147_483_647), fc.integer({ min: 0, max: 1_000_000 }));
const intOrString = fc.oneof(
  fc.integer({ min: -5, max: 50 }),
  fc.integer({ min: -50, max: 150 }).map((n) => `${n}%`),
  fc.constantFrom('25%', '0%', '100%', '1.5%', '%', '', 'abc', '10', ' 5%', '5 %', '+5%', '-0%', '99999999999%'),
);
const rs = (name: string) =>
  fc.record({ replicas: count, available: count, annotated: fc.boolean() }).map(({ replicas, available, annotated }) => ({
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: name, creationTimestamp: '2025-01-01T00:00:00Z', ...(annotated ? { annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicas), 'deployment.kubernetes.io/max-replicas': String(replicas + 1) } } : {}) },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: name }] } } },
    status: { replicas, readyReplicas: available, availableReplicas: available },
  }));
const deployment = fc.record({ replicas: count, maxSurge: fc.option(intOrString, { nil: undefined }), maxUnavailable: fc.option(intOrString, { nil: undefined }) }).map(({ replicas, maxSurge, maxUnavailable }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', generation: 2 },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image: 'new' }] } } },
  status: { observedGeneration: 2 },
}));

const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n);

test('Deployment functions: integers or a typed IntOrString error, on any counts and surge/unavailable values', () => {
  fc.assert(
    fc.property(deployment, rs('new'), fc.array(rs('old'), { maxLength: 3 }), (d, newRS, olds) => {
      const oldRSs = olds.map((r, i) => ({ ...r, metadata: { ...r.metadata, name: `old-${i}`, uid: `old-${i}` } }));
      const all = [newRS, ...oldRSs];
      const fence = answers('resolveFenceposts', () => sim.resolveFenceposts(d.spec.strategy.rollingUpdate.maxSurge, d.spec.strategy.rollingUpdate.maxUnavailable, d.spec.replicas));
      if (fence) assert.ok(fence.every(isCount), `resolveFenceposts gave ${fence}`);
      const clone = <T>(x: T): T => structuredClone(x);
      for (const [what, f] of [
        ['newRSNewReplicas', () => sim.newRSNewReplicas(clone(d), clone(all), clone(newRS))],
        ['maxUnavailable', () => sim.maxUnavailable(clone(d))],
        ['reconcileNewReplicaSet', () => sim.reconcileNewReplicaSet(clone(all), clone(newRS), clone(d)).replicas],
        ['reconcileOldReplicaSets', () => Object.values(sim.reconcileOldReplicaSets(clone(all), clone(oldRSs), clone(newRS), clone(d)).replicas ?? {})],
        ['cleanupUnhealthyReplicas', () => sim.cleanupUnhealthyReplicas(clone(oldRSs), clone(d), 5).cleanupCount],
        ['scaleDownOldReplicaSetsForRollingUpdate', () => sim.scaleDownOldReplicaSetsForRollingUpdate(clone(all), clone(oldRSs), clone(d)).totalScaledDown],
        ['scale', () => Object.values(sim.scale(clone(d), clone(newRS), clone(oldRSs)))],
      ] as const) {
        const out = answers(what, f as () => unknown);
        if (out !== undefined) for (const n of [out].flat()) assert.ok(isCount(n), `${what} gave ${String(n)}`);
      }
    }),
    { numRuns: RUNS, seed: 17 },
  );
});

test('HPA normalization: replicas stay integers and inside [min, max] whatever the behavior', () => {
  const rules = fc.option(
    fc.record({
      stabilizationWindowSeconds: fc.option(fc.integer({ min: 0, max: 3600 }), { nil: undefined }),
      selectPolicy: fc.option(fc.constantFrom('Max' as const, 'Min' as const, 'Disabled' as const), { nil: undefined }),
      policies: fc.option(fc.array(fc.record({ type: fc.constantFrom('Pods' as const, 'Percent' as const), value: fc.integer({ min: 1, max: 1000 }), periodSeconds: fc.integer({ min: 1, max: 1800 }) }), { maxLength: 3 }), { nil: undefined }),
    }),
    { nil: null },
  );
  const now = new Date('2025-06-01T12:00:00Z');
  const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 1000 }),
      fc.integer({ min: 0, max: 5000 }),
      fc.integer({ min: 1, max: 100 }),
      fc.integer({ min: 0, max: 1000 }),
      rules,
      rules,
      fc.array(fc.record({ change: fc.integer({ min: -50, max: 50 }), ago: fc.integer({ min: 0, max: 4000 }) }), { maxLength: 6 }),
      (current, desired, min, extra, up, down, events) => {
        const max = min + extra;
        const inRange = (n: number) => Number.isInteger(n) && n >= min && n <= max;
        // The controller clamps currentReplicas into [min, max] before normalizing (and skips
        // currentReplicas 0); from there the answer stays inside. From outside the range upstream
        // can answer outside it: current 0, min = max = 5 caps the scale-up at max(2 × 0, 4) = 4.
        const clamped = current >= min && current <= max;
        const rulesOut = sim.convertDesiredReplicasWithRules(current, desired, min, max);
        assert.ok(Number.isInteger(rulesOut.replicas) && rulesOut.replicas >= 0, `convertDesiredReplicasWithRules gave ${rulesOut.replicas}`);
        if (clamped) assert.ok(inRange(rulesOut.replicas), `convertDesiredReplicasWithRules gave ${rulesOut.replicas}`);
        const args = { currentReplicas: current, desiredReplicas: desired, minReplicas: min, maxReplicas: max, scaleUpBehavior: up, scaleDownBehavior: down };
        const ups = events.filter((e) => e.change > 0).map((e) => ({ replicaChange: e.change, timestamp: at(e.ago) }));
        const downs = events.filter((e) => e.change < 0).map((e) => ({ replicaChange: -e.change, timestamp: at(e.ago) }));
        const rate = answers('convertDesiredReplicasWithBehaviorRate', () => sim.convertDesiredReplicasWithBehaviorRate(structuredClone(args), ups, downs, now));
        // Likewise for the rate limits (from below min, a desiredReplicas above current is returned as is).
        if (rate) assert.ok(Number.isInteger(rate.replicas) && rate.replicas >= 0, `convertDesiredReplicasWithBehaviorRate gave ${rate.replicas}`);
        if (rate && clamped) assert.ok(inRange(rate.replicas), `convertDesiredReplicasWithBehaviorRate gave ${rate.replicas} for ${JSON.stringify(args)}`);
        const recs = events.map((e) => ({ recommendation: Math.abs(e.change), timestamp: at(e.ago) }));
        const stab = answers('stabilizeRecommendationWithBehaviors', () => sim.stabilizeRecommendationWithBehaviors(structuredClone(args), structuredClone(recs), now));
        if (stab) assert.ok(Number.isInteger(stab.replicas), `stabilizeRecommendationWithBehaviors gave ${stab.replicas}`);
        const plain = sim.stabilizeRecommendation(structuredClone(recs), desired, now);
        assert.ok(Number.isInteger(plain.replicas));
      },
    ),
    { numRuns: RUNS, seed: 17 },
  );
});

test('CronJob schedules: any field combination answers a time or a typed schedule error, within the deadline', () => {
  const field = (lo: number, hi: number) =>
    fc.oneof(
      fc.constant('*'),
      fc.constant('?'),
      fc.integer({ min: lo - 1, max: hi + 1 }).map(String),
      fc.tuple(fc.integer({ min: lo, max: hi }), fc.integer({ min: lo, max: hi + 2 })).map(([a, b]) => `${a}-${b}`),
      fc.tuple(fc.constantFrom('*', `${lo}`, `${lo}-${hi}`), fc.integer({ min: 0, max: hi + 1 })).map(([a, s]) => `${a}/${s}`),
      fc.constantFrom('', 'x', '1,,2', 'JAN', 'MON', 'L', '-1'),
    );
  const schedule = fc.oneof(
    fc.tuple(field(0, 59), field(0, 23), field(1, 31), field(1, 12), field(0, 6)).map((f) => f.join(' ')),
    fc.constantFrom('@hourly', '@daily', '@weekly', '@monthly', '@yearly', '@every 90s', '@every 0s', '@every -1m', '@reboot', '0 0 30 2 *', '0 0 31 4,6,9,11 *', 'TZ=Mars/Base 0 * * * *'),
  );
  const zone = fc.constantFrom(undefined, 'UTC', 'America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Not/AZone');
  fc.assert(
    fc.property(schedule, zone, fc.option(fc.integer({ min: -10, max: 100_000 }), { nil: undefined }), fc.integer({ min: 0, max: 400 * 24 * 3600 }), (expr, timeZone, startingDeadlineSeconds, sinceSeconds) => {
      const cronJob = { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z' }, spec: { schedule: expr, timeZone, startingDeadlineSeconds, jobTemplate: { spec: {} } } };
      const now = new Date(Date.parse('2025-01-01T00:00:00Z') + sinceSeconds * 1000);
      const recent = answers(`mostRecentScheduleTime(${expr}, ${timeZone})`, () => sim.mostRecentScheduleTime(structuredClone(cronJob), now, true));
      if (recent?.mostRecentTime) assert.ok(new Date(recent.mostRecentTime).getTime() <= now.getTime(), `${expr}: a most recent time after now`);
      answers(`nextScheduleTime(${expr})`, () => sim.nextScheduleTime(structuredClone(cronJob), now));
      const wait = answers(`nextScheduleTimeDuration(${expr})`, () => sim.nextScheduleTimeDuration(structuredClone(cronJob), now));
      // A schedule that fires requeues in the future; one that never fires gets Go's saturated negative Duration.
      if (wait !== undefined) assert.ok(Number.isFinite(wait), `${expr}: requeue after ${wait} ms`);
      if (wait !== undefined && recent) assert.ok(wait > 0, `${expr}: requeue after ${wait} ms`);
    }),
    { numRuns: RUNS, seed: 17 },
  );
});

test('Job back-off: getRemainingTime is finite, non-negative and at most the cap', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 10_000 }), fc.option(fc.integer({ min: -10_000, max: 10_000 }), { nil: null }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 1000 }), (failures, agoSeconds, base, cap) => {
      const now = new Date('2025-06-01T12:00:00Z');
      const lastFailureTime = agoSeconds === null ? null : new Date(now.getTime() - agoSeconds * 1000).toISOString().replace('.000Z', 'Z');
      const left = answers('getRemainingTime', () => sim.getRemainingTime({ failuresAfterLastSuccess: failures, lastFailureTime }, now, base, cap));
      if (left !== undefined) assert.ok(Number.isFinite(left) && left >= 0, `getRemainingTime gave ${left}`);
      // A failure stamped in the future (clock skew) adds its distance to the wait, as upstream's
      // clock.Since does; otherwise the wait never exceeds the cap (or the base, which is not capped).
      if (left !== undefined && agoSeconds !== null && agoSeconds >= 0) assert.ok(left <= Math.max(cap, base), `getRemainingTime gave ${left} for ${failures} failures, ${agoSeconds}s ago, ${base}/${cap}`);
    }),
    { numRuns: RUNS, seed: 17 },
  );
});

test('HPA getResourceReplicas: an integer count or a typed error, on any requests, phases, readiness and samples', () => {
  const now = new Date('2025-06-01T12:00:00Z');
  const at = (secondsAgo: number) => new Date(now.getTime() - secondsAgo * 1000).toISOString().replace('.000Z', 'Z');
  // No negative quantities: Pod validation rejects negative requests, and with one upstream's
  // arithmetic (Go's as ours) gives a negative utilization and a negative count.
  const quantity = fc.oneof(fc.integer({ min: 0, max: 4000 }).map((m) => `${m}m`), fc.constantFrom('1', '0', '0.5', '2Gi', 'abc', '', '1e3', '100M'));
  const pod = fc.record({
    request: fc.option(quantity, { nil: undefined }),
    phase: fc.constantFrom('Running', 'Pending', 'Failed', 'Succeeded'),
    ready: fc.constantFrom('True', 'False', undefined),
    startedAgo: fc.integer({ min: -60, max: 3600 }),
    deleting: fc.boolean(),
    usage: fc.option(quantity, { nil: undefined }),
  });
  fc.assert(
    fc.property(fc.array(pod, { maxLength: 8 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: -10, max: 500 }), fc.constantFrom('cpu' as const, 'memory' as const), (specs, current, target, resource) => {
      const pods = specs.map((p, i) => ({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `p${i}`, namespace: 'default', labels: { app: 'web' }, ...(p.deleting ? { deletionTimestamp: at(0) } : {}) },
        spec: { containers: [{ name: 'app', image: 'nginx', resources: p.request === undefined ? {} : { requests: { [resource]: p.request } } }] },
        status: { phase: p.phase, startTime: at(p.startedAgo), conditions: p.ready === undefined ? [] : [{ type: 'Ready', status: p.ready, lastTransitionTime: at(p.startedAgo) }] },
      }));
      const podMetrics = specs.flatMap((p, i) => (p.usage === undefined ? [] : [{ apiVersion: 'metrics.k8s.io/v1beta1', kind: 'PodMetrics', metadata: { name: `p${i}`, namespace: 'default' }, timestamp: at(0), window: '1m0s', containers: [{ name: 'app', usage: { [resource]: p.usage } }] }]));
      const out = answers('getResourceReplicas', () => sim.getResourceReplicas(current, target, resource, pods as never, podMetrics as never, { now }));
      if (out) assert.ok(Number.isInteger(out.replicas) && out.replicas >= 0, `getResourceReplicas gave ${out.replicas}`);
    }),
    { numRuns: RUNS, seed: 17 },
  );
});

test('DaemonSet, Job and kubectl: nodeShouldRunDaemonPod, exceedsBackoffLimit and rolloutStatus answer or raise typed errors', () => {
  const taint = fc.record({ key: fc.constantFrom('gpu', 'node.kubernetes.io/unschedulable', 'node.kubernetes.io/not-ready', ''), value: fc.constantFrom('true', '', 'x'), effect: fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule', 'Bogus', '') });
  const toleration = fc.record({ key: fc.constantFrom('gpu', '', 'node.kubernetes.io/not-ready'), operator: fc.constantFrom('Equal', 'Exists', 'Lt', 'Gt', 'Bogus', undefined), value: fc.constantFrom('true', '', '5'), effect: fc.constantFrom('NoSchedule', 'NoExecute', '', undefined) });
  const requirement = fc.record({ key: fc.constantFrom('zone', 'disk', ''), operator: fc.constantFrom('In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt', 'Bogus'), values: fc.array(fc.constantFrom('a', 'b', '3', 'x y', ''), { maxLength: 3 }) });
  const count = fc.option(fc.integer({ min: -3, max: 12 }), { nil: undefined });
  fc.assert(
    fc.property(
      fc.array(taint, { maxLength: 3 }),
      fc.array(toleration, { maxLength: 3 }),
      fc.option(fc.array(requirement, { maxLength: 2 }), { nil: undefined }),
      fc.dictionary(fc.constantFrom('zone', 'disk'), fc.constantFrom('a', 'b', '5')),
      fc.array(fc.constantFrom('Failed', 'Running', 'Succeeded', 'Pending'), { maxLength: 6 }),
      fc.record({ backoffLimit: count, replicas: count, updated: count, available: count, ready: count, observed: count, generation: count }),
      fc.constantFrom('Deployment', 'DaemonSet', 'StatefulSet', 'ReplicaSet'),
      fc.constantFrom('RollingUpdate', 'OnDelete', 'Recreate', undefined),
      (taints, tolerations, terms, labels, phases, n, kind, strategy) => {
        const node = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', labels }, spec: { taints } };
        const ds = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'x' }], tolerations, ...(terms ? { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: terms }] } } } } : {}) } } } };
        const run = answers('nodeShouldRunDaemonPod', () => sim.nodeShouldRunDaemonPod(structuredClone(node) as never, structuredClone(ds) as never));
        if (run) assert.ok(!run.shouldRun || run.shouldContinueRunning, 'shouldRun without shouldContinueRunning');

        const job = { apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j', namespace: 'default' }, spec: { backoffLimit: n.backoffLimit, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'x' }] } } }, status: {} };
        const pods = phases.map((phase, i) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${i}`, namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] }, status: { phase } }));
        const exceeded = answers('exceedsBackoffLimit', () => sim.exceedsBackoffLimit(structuredClone(job) as never, structuredClone(pods) as never));
        if (exceeded?.exceeded) assert.equal(exceeded.reason, 'BackoffLimitExceeded');

        const workload = {
          apiVersion: 'apps/v1',
          kind,
          metadata: { name: 'w', namespace: 'default', generation: n.generation },
          spec: { replicas: n.replicas, ...(kind === 'Deployment' ? { strategy: { type: strategy } } : { updateStrategy: { type: strategy } }) },
          status: { observedGeneration: n.observed, replicas: n.replicas, updatedReplicas: n.updated, availableReplicas: n.available, readyReplicas: n.ready, desiredNumberScheduled: n.replicas, updatedNumberScheduled: n.updated, numberAvailable: n.available },
        };
        const status = answers('rolloutStatus', () => sim.rolloutStatus(structuredClone(workload) as never));
        if (status) assert.ok(status.message.length > 0 && typeof status.done === 'boolean');
      },
    ),
    { numRuns: RUNS, seed: 17 },
  );
});

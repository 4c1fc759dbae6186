// Upstream: pkg/controller/podautoscaler/replica_calculator_test.go (the newest stored
// version: TestReplicaCalcResourceScale and the Resource-metric TestReplicaCalc* tests,
// TestGroupPods), with the fixtures of ./hpa-builders.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getResourceReplicas } from '../../../simulations/index.ts';
import { groupPods } from '../../../simulations/controllers/podautoscaler/replica-calculator.ts';
import type { Tolerances } from '../../../simulations/controllers/podautoscaler/replica-calculator.ts';
import { buildScenario, cpuRequests, defaultTestingTolerance, makePodMetricLevels, NOW_MS, iso, numContainersPerPod, testingOptions } from './hpa-builders.ts';
import type { CalcScenario } from './hpa-builders.ts';

const FILE = 'pkg/controller/podautoscaler/replica_calculator_test.go';

interface ResourceCase {
  name: string;
  fixture: CalcScenario;
  container?: string;
  targetUtilization: number;
  expectedReplicas?: number;
  expectedUtilization?: number;
  expectedRawValue?: number;
  expectedError?: string;
  tolerances?: Tolerances;
}

function run(c: ResourceCase): void {
  const { pods, podMetrics } = buildScenario(c.fixture);
  const options = { ...testingOptions, container: c.container, tolerances: c.tolerances ?? { scaleDown: defaultTestingTolerance, scaleUp: defaultTestingTolerance } };
  if (c.expectedError !== undefined) {
    assert.throws(() => getResourceReplicas(c.fixture.currentReplicas, c.targetUtilization, 'cpu', pods, podMetrics, options), (e: Error) => e.message.includes(c.expectedError!));
    return;
  }
  assert.deepEqual(getResourceReplicas(c.fixture.currentReplicas, c.targetUtilization, 'cpu', pods, podMetrics, options), {
    replicas: c.expectedReplicas,
    utilization: c.expectedUtilization,
    rawUtilization: c.expectedRawValue,
  });
}

const T = 'True' as const;
const F = 'False' as const;
const N = numContainersPerPod;

// --- TestReplicaCalcResourceScale ----------------------------------------------
const resourceScale: ResourceCase[] = [
  { name: 'scale up', fixture: { currentReplicas: 3, requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(300, 500, 700) }, targetUtilization: 30, expectedReplicas: 5, expectedUtilization: 50, expectedRawValue: N * 500 },
  { name: 'scale up: container metric', container: 'container2', fixture: { currentReplicas: 3, requests: cpuRequests(3, '1.0'), levels: [[1000, 300], [1000, 500], [1000, 700]] }, targetUtilization: 30, expectedReplicas: 5, expectedUtilization: 50, expectedRawValue: 500 },
  { name: 'scale up: unready pod scales less', fixture: { currentReplicas: 3, podReadiness: [F, T, T], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(300, 500, 700) }, targetUtilization: 30, expectedReplicas: 4, expectedUtilization: 60, expectedRawValue: N * 600 },
  { name: 'scale up: hot-CPU container scales less', container: 'container2', fixture: { currentReplicas: 3, podStartTime: ['hot', 'cool', 'cool'], requests: cpuRequests(3, '1.0'), levels: [[0, 300], [0, 500], [0, 700]] }, targetUtilization: 30, expectedReplicas: 4, expectedUtilization: 60, expectedRawValue: 600 },
  { name: 'scale up: hot-CPU pod scales less', fixture: { currentReplicas: 3, podStartTime: ['hot', 'cool', 'cool'], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(300, 500, 700) }, targetUtilization: 30, expectedReplicas: 4, expectedUtilization: 60, expectedRawValue: N * 600 },
  { name: 'no scale: unready pods ignored', fixture: { currentReplicas: 3, podReadiness: [T, F, F], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(400, 500, 700) }, targetUtilization: 30, expectedReplicas: 3, expectedUtilization: 40, expectedRawValue: N * 400 },
  { name: 'no scale: hot-CPU pods ignored', fixture: { currentReplicas: 3, podReadiness: [T, F, F], podStartTime: ['cool', 'hot', 'hot'], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(400, 500, 700) }, targetUtilization: 30, expectedReplicas: 3, expectedUtilization: 40, expectedRawValue: N * 400 },
  { name: 'scale up: failed pods ignored', fixture: { currentReplicas: 2, podReadiness: [T, T, F, F], podPhase: ['Running', 'Running', 'Failed', 'Failed'], requests: cpuRequests(4, '1.0'), levels: makePodMetricLevels(500, 700) }, targetUtilization: 30, expectedReplicas: 4, expectedUtilization: 60, expectedRawValue: N * 600 },
  { name: 'scale up: failed pods ignored with missing container metric', container: 'container2', fixture: { currentReplicas: 2, podReadiness: [T, T, F, F], podPhase: ['Running', 'Running', 'Failed', 'Failed'], requests: cpuRequests(4, '1.0'), levels: [[1000, 500], [9000, 700], [1000], [9000]] }, targetUtilization: 30, expectedReplicas: 4, expectedUtilization: 60, expectedRawValue: 600 },
  { name: 'scale up: container metrics with failed pods ignored', container: 'container2', fixture: { currentReplicas: 2, podReadiness: [T, T, F, F], podPhase: ['Running', 'Running', 'Failed', 'Failed'], requests: cpuRequests(4, '1.0'), levels: [[1000, 500], [9000, 700]] }, targetUtilization: 30, expectedReplicas: 4, expectedUtilization: 60, expectedRawValue: 600 },
  { name: 'scale up: pods being deleted are ignored', fixture: { currentReplicas: 2, podReadiness: [T, T, F, F], podPhase: ['Running', 'Running', 'Running', 'Running'], podDeletionTimestamp: [false, false, true, true], requests: cpuRequests(4, '1.0'), levels: makePodMetricLevels(500, 700) }, targetUtilization: 30, expectedReplicas: 4, expectedUtilization: 60, expectedRawValue: N * 600 },
  { name: 'scale up: container metrics with pods being deleted ignored', container: 'container1', fixture: { currentReplicas: 2, podReadiness: [T, T, F, F], podPhase: ['Running', 'Running', 'Running', 'Running'], podDeletionTimestamp: [false, false, true, true], requests: cpuRequests(4, '1.0'), levels: makePodMetricLevels(500, 700) }, targetUtilization: 30, expectedReplicas: 4, expectedUtilization: 60, expectedRawValue: 600 },
  { name: 'scale down', fixture: { currentReplicas: 5, requests: cpuRequests(5, '1.0'), levels: makePodMetricLevels(100, 300, 500, 250, 250) }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 28, expectedRawValue: N * 280 },
  { name: 'scale down: container metric', container: 'container2', fixture: { currentReplicas: 5, requests: cpuRequests(5, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 28, expectedRawValue: 280 },
  { name: 'scale down: exclude unready pods', fixture: { currentReplicas: 5, podReadiness: [T, T, T, F, F], requests: cpuRequests(5, '1.0'), levels: makePodMetricLevels(100, 300, 500, 250, 250) }, targetUtilization: 50, expectedReplicas: 2, expectedUtilization: 30, expectedRawValue: N * 300 },
  { name: 'scale down: container metric excludes unready pods', container: 'container2', fixture: { currentReplicas: 5, podReadiness: [T, T, T, F, F], requests: cpuRequests(5, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, targetUtilization: 50, expectedReplicas: 2, expectedUtilization: 30, expectedRawValue: 300 },
  { name: 'scale down: exclude unscheduled pods', fixture: { currentReplicas: 5, podReadiness: [T, F, F, F, F], podPhase: ['Running', 'Pending', 'Pending', 'Pending', 'Pending'], requests: cpuRequests(5, '1.0'), levels: makePodMetricLevels(100) }, targetUtilization: 50, expectedReplicas: 1, expectedUtilization: 10, expectedRawValue: N * 100 },
  { name: 'scale down: container metric excludes unscheduled pods', container: 'container2', fixture: { currentReplicas: 5, podReadiness: [T, F, F, F, F], podPhase: ['Running', 'Pending', 'Pending', 'Pending', 'Pending'], requests: cpuRequests(5, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, targetUtilization: 50, expectedReplicas: 1, expectedUtilization: 10, expectedRawValue: 100 },
  { name: 'scale down: ignore hot-CPU pods', fixture: { currentReplicas: 5, podStartTime: ['cool', 'cool', 'cool', 'hot', 'hot'], requests: cpuRequests(5, '1.0'), levels: makePodMetricLevels(100, 300, 500, 250, 250) }, targetUtilization: 50, expectedReplicas: 2, expectedUtilization: 30, expectedRawValue: N * 300 },
  { name: 'scale down: container metric ignores hot-CPU pods', container: 'container2', fixture: { currentReplicas: 5, podStartTime: ['cool', 'cool', 'cool', 'hot', 'hot'], requests: cpuRequests(5, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 1000], [1000, 1000]] }, targetUtilization: 50, expectedReplicas: 2, expectedUtilization: 30, expectedRawValue: 300 },
  { name: 'scale down: failed pods ignored', fixture: { currentReplicas: 5, podReadiness: [T, T, T, T, T, F, F], podPhase: ['Running', 'Running', 'Running', 'Running', 'Running', 'Failed', 'Failed'], requests: cpuRequests(7, '1.0'), levels: makePodMetricLevels(100, 300, 500, 250, 250) }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 28, expectedRawValue: N * 280 },
  { name: 'scale down: container metric with failed pods ignored', container: 'container2', fixture: { currentReplicas: 5, podReadiness: [T, T, T, T, T, F, F], podPhase: ['Running', 'Running', 'Running', 'Running', 'Running', 'Failed', 'Failed'], requests: cpuRequests(7, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 28, expectedRawValue: 280 },
  { name: 'scale down: pods being deleted are ignored', fixture: { currentReplicas: 5, podReadiness: [T, T, T, T, T, F, F], podPhase: Array(7).fill('Running'), podDeletionTimestamp: [false, false, false, false, false, true, true], requests: cpuRequests(7, '1.0'), levels: makePodMetricLevels(100, 300, 500, 250, 250) }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 28, expectedRawValue: N * 280 },
  { name: 'scale down: still-running pods being deleted are ignored', container: 'container2', fixture: { currentReplicas: 5, podReadiness: [T, T, T, T, T, F, F], podPhase: Array(7).fill('Running'), podDeletionTimestamp: [false, false, false, false, false, true, true], requests: cpuRequests(7, '1.0'), levels: [[1000, 100], [1000, 300], [1000, 500], [1000, 250], [1000, 250]] }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 28, expectedRawValue: 280 },
];
for (const c of resourceScale) test(`${FILE} TestReplicaCalcResourceScale: ${c.name}`, () => run(c));

// --- the single-case Resource tests ----------------------------------------------
const r3 = ['0.9', '1.0', '1.1'];
const singles: ResourceCase[] = [
  { name: 'TestReplicaCalcDisjointResourcesMetrics', fixture: { currentReplicas: 1, requests: ['1.0'], levels: makePodMetricLevels(100), podNames: ['an-older-pod-name'] }, targetUtilization: 100, expectedError: 'no metrics returned matched known pods' },
  { name: 'TestReplicaCalcTolerance', fixture: { currentReplicas: 3, requests: r3, levels: makePodMetricLevels(1010, 1030, 1020) }, targetUtilization: 100, expectedReplicas: 3, expectedUtilization: 102, expectedRawValue: N * 1020 },
  { name: 'TestReplicaCalcConfigurableTolerance: Outside of a 0% tolerance', tolerances: { scaleDown: 0, scaleUp: 0 }, fixture: { currentReplicas: 3, requests: r3, levels: makePodMetricLevels(909, 1010, 1111) }, targetUtilization: 100, expectedReplicas: 4, expectedUtilization: 101, expectedRawValue: N * 1010 },
  { name: 'TestReplicaCalcConfigurableTolerance: Within a 200% scale-up tolerance', tolerances: { scaleDown: defaultTestingTolerance, scaleUp: 2 }, fixture: { currentReplicas: 3, requests: r3, levels: makePodMetricLevels(1890, 1910, 1900) }, targetUtilization: 100, expectedReplicas: 3, expectedUtilization: 190, expectedRawValue: N * 1900 },
  { name: 'TestReplicaCalcConfigurableTolerance: Outside 8% scale-up tolerance (and superfuous scale-down tolerance)', tolerances: { scaleDown: 2, scaleUp: 0.08 }, fixture: { currentReplicas: 3, requests: r3, levels: makePodMetricLevels(1100, 1080, 1090) }, targetUtilization: 100, expectedReplicas: 4, expectedUtilization: 109, expectedRawValue: N * 1090 },
  { name: 'TestReplicaCalcConfigurableTolerance: Within a 36% scale-down tolerance', tolerances: { scaleDown: 0.36, scaleUp: defaultTestingTolerance }, fixture: { currentReplicas: 3, requests: r3, levels: makePodMetricLevels(660, 640, 650) }, targetUtilization: 100, expectedReplicas: 3, expectedUtilization: 65, expectedRawValue: N * 650 },
  { name: 'TestReplicaCalcConfigurableTolerance: Outside a 34% scale-down tolerance', tolerances: { scaleDown: 0.34, scaleUp: defaultTestingTolerance }, fixture: { currentReplicas: 3, requests: r3, levels: makePodMetricLevels(660, 640, 650) }, targetUtilization: 100, expectedReplicas: 2, expectedUtilization: 65, expectedRawValue: N * 650 },
  { name: 'TestReplicaCalcSuperfluousMetrics', fixture: { currentReplicas: 4, requests: cpuRequests(4, '1.0'), levels: makePodMetricLevels(4000, 9500, 3000, 7000, 3200, 2000) }, targetUtilization: 100, expectedReplicas: 24, expectedUtilization: 587, expectedRawValue: N * 5875 },
  { name: 'TestReplicaCalcMissingMetrics', fixture: { currentReplicas: 4, requests: cpuRequests(4, '1.0'), levels: makePodMetricLevels(400, 95) }, targetUtilization: 100, expectedReplicas: 3, expectedUtilization: 24, expectedRawValue: 495 },
  { name: 'TestReplicaCalcEmptyMetrics', fixture: { currentReplicas: 4, requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels() }, targetUtilization: 100, expectedError: 'unable to get metrics for resource cpu: no metrics returned from resource metrics API' },
  { name: 'TestReplicaCalcEmptyCPURequest', fixture: { currentReplicas: 1, requests: [], levels: makePodMetricLevels(200) }, targetUtilization: 100, expectedError: 'missing request for' },
  { name: 'TestReplicaCalcMissingMetricsNoChangeEq', fixture: { currentReplicas: 2, requests: cpuRequests(2, '1.0'), levels: makePodMetricLevels(1000) }, targetUtilization: 100, expectedReplicas: 2, expectedUtilization: 100, expectedRawValue: N * 1000 },
  { name: 'TestReplicaCalcMissingMetricsNoChangeGt', fixture: { currentReplicas: 2, requests: cpuRequests(2, '1.0'), levels: makePodMetricLevels(1900) }, targetUtilization: 100, expectedReplicas: 2, expectedUtilization: 190, expectedRawValue: N * 1900 },
  { name: 'TestReplicaCalcMissingMetricsNoChangeLt', fixture: { currentReplicas: 2, requests: cpuRequests(2, '1.0'), levels: makePodMetricLevels(600) }, targetUtilization: 100, expectedReplicas: 2, expectedUtilization: 60, expectedRawValue: N * 600 },
  { name: 'TestReplicaCalcMissingMetricsUnreadyChange', fixture: { currentReplicas: 3, podReadiness: [F, T, T], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(100, 450) }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 45, expectedRawValue: N * 450 },
  { name: 'TestReplicaCalcMissingMetricsHotCpuNoChange', fixture: { currentReplicas: 3, podStartTime: ['hot', 'cool', 'cool'], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(100, 450) }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 45, expectedRawValue: N * 450 },
  { name: 'TestReplicaCalcMissingMetricsUnreadyScaleUp', fixture: { currentReplicas: 3, podReadiness: [F, T, T], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(100, 2000) }, targetUtilization: 50, expectedReplicas: 4, expectedUtilization: 200, expectedRawValue: N * 2000 },
  { name: 'TestReplicaCalcMissingMetricsHotCpuScaleUp', fixture: { currentReplicas: 3, podReadiness: [F, T, T], podStartTime: ['hot', 'cool', 'cool'], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(100, 2000) }, targetUtilization: 50, expectedReplicas: 4, expectedUtilization: 200, expectedRawValue: N * 2000 },
  { name: 'TestReplicaCalcMissingMetricsUnreadyScaleDown', fixture: { currentReplicas: 4, podReadiness: [F, T, T, T], requests: cpuRequests(4, '1.0'), levels: makePodMetricLevels(100, 100, 100) }, targetUtilization: 50, expectedReplicas: 3, expectedUtilization: 10, expectedRawValue: N * 100 },
  { name: 'TestReplicaCalcMissingMetricsScaleDownTargetOver100', fixture: { currentReplicas: 4, podReadiness: [F, T, T, T], requests: ['1.0', '1.0', '2.0', '2.0'], levels: makePodMetricLevels(200, 100, 100) }, targetUtilization: 300, expectedReplicas: 2, expectedUtilization: 6, expectedRawValue: N * 100 },
  { name: 'TestReplicaCalcDuringRollingUpdateWithMaxSurge', fixture: { currentReplicas: 2, podPhase: ['Running', 'Running', 'Running'], requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(100, 100) }, targetUtilization: 50, expectedReplicas: 2, expectedUtilization: 10, expectedRawValue: N * 100 },
];
for (const c of singles) test(`${FILE} ${c.name}`, () => run(c));

test(`${FILE} TestReplicaCalcComputedToleranceAlgImplementation`, () => {
  // Go's arithmetic, step by step: 10 Pods using 150m each of a 2× request; a target just past the tolerance band.
  const startPods = 10;
  const totalUsed = startPods * 150;
  const totalRequested = 2 * totalUsed;
  const requestedToUsed = Math.trunc(totalRequested / totalUsed);
  const perPodRequested = totalRequested / startPods;
  let target = Math.abs(1 / (requestedToUsed * (1 - defaultTestingTolerance))) + 0.01;
  const finalCPUPercentTarget = Math.trunc(target * 100);
  const resourcesUsedRatio = totalUsed / (totalRequested * target);
  const finalPods = Math.ceil(resourcesUsedRatio * startPods);
  const deltas = [100, -100, 10, -10, 2, -2, 1, -1, 0, 0];
  const fixture: CalcScenario = { currentReplicas: startPods, requests: deltas.map((d) => `${perPodRequested + d}m`), levels: makePodMetricLevels(...Array(10).fill(totalUsed / 10)) };
  const expectedUtilization = Math.trunc((totalUsed * 100) / totalRequested);
  run({ name: 'breach', fixture, targetUtilization: finalCPUPercentTarget, expectedReplicas: finalPods, expectedUtilization, expectedRawValue: (N * totalUsed) / 10 });
  // Within a hair of the tolerance: no scaling.
  target = Math.abs(1 / (requestedToUsed * (1 - defaultTestingTolerance))) + 0.004;
  run({ name: 'no breach', fixture, targetUtilization: Math.trunc(target * 100), expectedReplicas: startPods, expectedUtilization, expectedRawValue: (N * totalUsed) / 10 });
});

// --- TestGroupPods ----------------------------------------------------------------
type P = { name: string; phase: string; start?: number; ready?: { status: string; at: number }; deleted?: boolean };
const pod = (p: P) => ({
  metadata: { name: p.name, ...(p.deleted ? { deletionTimestamp: '1970-01-01T00:00:01Z' } : {}) },
  status: { phase: p.phase, ...(p.start !== undefined ? { startTime: iso(NOW_MS + p.start * 1000) } : {}), ...(p.ready ? { conditions: [{ type: 'Ready', status: p.ready.status, lastTransitionTime: iso(NOW_MS + p.ready.at * 1000) }] } : {}) },
});
const sample = (offsetSeconds: number | null, windowSeconds: number) => ({ timestampMs: offsetSeconds === null ? -62135596800000 : NOW_MS + offsetSeconds * 1000, windowMs: windowSeconds * 1000, value: 1 });
const groupCases: { name: string; pods: P[]; metrics: Record<string, ReturnType<typeof sample>>; resource: string; ready: number; unready: string[]; missing: string[]; ignored: string[] }[] = [
  { name: 'void', pods: [], metrics: {}, resource: 'cpu', ready: 0, unready: [], missing: [], ignored: [] },
  { name: 'count in a ready pod - memory', pods: [{ name: 'bentham', phase: 'Succeeded' }], metrics: { bentham: sample(0, 60) }, resource: 'memory', ready: 1, unready: [], missing: [], ignored: [] },
  { name: 'unready a pod without ready condition - CPU', pods: [{ name: 'lucretius', phase: 'Succeeded', start: 0 }], metrics: { lucretius: sample(null, 0) }, resource: 'cpu', ready: 0, unready: ['lucretius'], missing: [], ignored: [] },
  { name: 'count in a ready pod with fresh metrics during initialization period - CPU', pods: [{ name: 'bentham', phase: 'Succeeded', start: -60, ready: { status: 'True', at: -30 } }], metrics: { bentham: sample(0, 30) }, resource: 'cpu', ready: 1, unready: [], missing: [], ignored: [] },
  { name: 'unready a ready pod without fresh metrics during initialization period - CPU', pods: [{ name: 'bentham', phase: 'Succeeded', start: -60, ready: { status: 'True', at: -30 } }], metrics: { bentham: sample(0, 60) }, resource: 'cpu', ready: 0, unready: ['bentham'], missing: [], ignored: [] },
  { name: 'unready an unready pod during initialization period - CPU', pods: [{ name: 'lucretius', phase: 'Succeeded', start: -600, ready: { status: 'False', at: -594 } }], metrics: { lucretius: sample(null, 0) }, resource: 'cpu', ready: 0, unready: ['lucretius'], missing: [], ignored: [] },
  { name: 'count in a ready pod without fresh metrics after initialization period - CPU', pods: [{ name: 'bentham', phase: 'Succeeded', start: -180, ready: { status: 'True', at: -180 } }], metrics: { bentham: sample(-120, 60) }, resource: 'cpu', ready: 1, unready: [], missing: [], ignored: [] },
  { name: 'count in an unready pod that was ready after initialization period - CPU', pods: [{ name: 'lucretius', phase: 'Succeeded', start: -600, ready: { status: 'False', at: -540 } }], metrics: { lucretius: sample(null, 0) }, resource: 'cpu', ready: 1, unready: [], missing: [], ignored: [] },
  { name: 'unready pod that has never been ready after initialization period - CPU', pods: [{ name: 'lucretius', phase: 'Succeeded', start: -600, ready: { status: 'False', at: -590 } }], metrics: { lucretius: sample(null, 0) }, resource: 'cpu', ready: 1, unready: [], missing: [], ignored: [] },
  { name: 'a missing pod', pods: [{ name: 'epicurus', phase: 'Succeeded', start: -180 }], metrics: {}, resource: 'cpu', ready: 0, unready: [], missing: ['epicurus'], ignored: [] },
  { name: 'several pods', pods: [{ name: 'lucretius', phase: 'Succeeded', start: 0 }, { name: 'niccolo', phase: 'Succeeded', start: -180, ready: { status: 'True', at: -180 } }, { name: 'epicurus', phase: 'Succeeded', start: -180 }], metrics: { lucretius: sample(null, 0), niccolo: sample(null, 0) }, resource: 'cpu', ready: 1, unready: ['lucretius'], missing: ['epicurus'], ignored: [] },
  { name: 'pending pods are unreadied', pods: [{ name: 'unscheduled', phase: 'Pending' }], metrics: {}, resource: 'cpu', ready: 0, unready: ['unscheduled'], missing: [], ignored: [] },
  { name: 'ignore pods with deletion timestamps', pods: [{ name: 'deleted', phase: 'Pending', deleted: true }], metrics: { deleted: sample(null, 0) }, resource: 'cpu', ready: 0, unready: [], missing: [], ignored: ['deleted'] },
  { name: 'ignore pods in a failed state', pods: [{ name: 'failed', phase: 'Failed' }], metrics: { failed: sample(null, 0) }, resource: 'cpu', ready: 0, unready: [], missing: [], ignored: ['failed'] },
];
for (const c of groupCases) {
  test(`${FILE} TestGroupPods: ${c.name}`, () => {
    const got = groupPods(c.pods.map(pod), new Map(Object.entries(c.metrics)), c.resource, 120_000, 10_000, NOW_MS);
    assert.deepEqual({ ready: got.readyPodCount, unready: [...got.unreadyPods], missing: [...got.missingPods], ignored: [...got.ignoredPods] }, { ready: c.ready, unready: c.unready, missing: c.missing, ignored: c.ignored });
  });
}

test('contract: getResourceReplicas(3, 30, "cpu", 3 pods requesting 2×1 CPU, 2×300m/2×500m/2×700m)', () => {
  const { pods, podMetrics } = buildScenario({ currentReplicas: 3, requests: cpuRequests(3, '1'), levels: makePodMetricLevels(300, 500, 700) });
  assert.deepEqual(getResourceReplicas(3, 30, 'cpu', pods, podMetrics, testingOptions), { replicas: 5, utilization: 50, rawUtilization: 1000 });
});

test('getResourceReplicas: no Pods is upstream\'s error', () => {
  const { podMetrics } = buildScenario({ currentReplicas: 1, requests: ['1'], levels: makePodMetricLevels(100) });
  assert.throws(() => getResourceReplicas(1, 50, 'cpu', [], podMetrics, testingOptions), { message: 'no pods returned by selector while calculating replica count' });
});

test('getResourceReplicas: every Pod unready is upstream\'s error', () => {
  const { pods, podMetrics } = buildScenario({ currentReplicas: 2, podReadiness: ['False', 'False'], requests: cpuRequests(2, '1'), levels: makePodMetricLevels(100, 100) });
  assert.throws(() => getResourceReplicas(2, 50, 'cpu', pods, podMetrics, testingOptions), { message: 'did not receive metrics for targeted pods (pods might be unready)' });
});

test('validation: a target utilization below 1 is the API server\'s "must be greater than 0", not NaN replicas', () => {
  const { pods, podMetrics } = buildScenario({ currentReplicas: 3, requests: cpuRequests(3, '1'), levels: makePodMetricLevels(300, 500, 700) });
  for (const target of [0, -5]) {
    assert.throws(() => getResourceReplicas(3, target, "cpu", pods, podMetrics, testingOptions), { name: 'ValidationError', message: `target.averageUtilization: Invalid value: ${target}: must be greater than 0` });
  }
});

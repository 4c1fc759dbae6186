// One HPA sync end to end (horizontal.go reconcileAutoscaler over Resource metrics),
// with the fixtures of replica_calculator_test.go and cases shaped like
// horizontal_test.go's TestScaleUp, TestScaleDown and TestScaleUpRCImmediately.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildScenario, cpuRequests, makePodMetricLevels, NOW } from '../../../test/conformance/controllers/hpa-builders.ts';
import { hpaSync, newHpaControllerState } from './sync.ts';
import type { HorizontalPodAutoscaler } from './sync.ts';

const OPTIONS = { cpuInitializationPeriodSeconds: 120, delayOfInitialReadinessStatusSeconds: 10 };
const hpa = (min: number, max: number, target: number, behavior?: HorizontalPodAutoscaler['spec'] extends infer S ? S extends { behavior?: infer B } ? B : never : never): HorizontalPodAutoscaler => ({
  metadata: { name: 'test-hpa', namespace: 'test-namespace' },
  spec: { minReplicas: min, maxReplicas: max, metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target } } }], ...(behavior !== undefined ? { behavior } : {}) },
});

test('scale up: 3 Pods at 50 % against a 30 % target go to 5 (TestScaleUp)', () => {
  const { pods, podMetrics } = buildScenario({ currentReplicas: 3, requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(300, 500, 700) });
  const r = hpaSync(hpa(2, 6, 30), 3, pods, podMetrics, newHpaControllerState(), NOW, OPTIONS);
  assert.equal(r.desiredReplicas, 5);
  assert.equal(r.event, 'New size: 5; reason: cpu resource utilization (percentage of request) above target');
  assert.deepEqual(r.conditions.map((c) => `${c.type}=${c.status}/${c.reason}`), ['ScalingActive=True/ValidMetricFound', 'AbleToScale=True/SucceededRescale', 'ScalingLimited=False/DesiredWithinRange']);
});

test('scale down: 5 Pods at 28 % against 50 % go to 3, and a later higher recommendation is held for the stabilization window (TestScaleDown)', () => {
  const state = newHpaControllerState();
  const { pods, podMetrics } = buildScenario({ currentReplicas: 5, requests: cpuRequests(5, '1.0'), levels: makePodMetricLevels(100, 300, 500, 250, 250) });
  const r = hpaSync(hpa(2, 6, 50), 5, pods, podMetrics, state, NOW, OPTIONS);
  assert.equal(r.desiredReplicas, 3);
  assert.equal(r.event, 'New size: 3; reason: All metrics below target');
  // A minute later the load falls further, to a single Pod's worth: the window keeps the 3 recommended a minute ago.
  const later = buildScenario({ currentReplicas: 3, requests: cpuRequests(3, '1.0'), levels: makePodMetricLevels(100, 100, 100) });
  const r2 = hpaSync(hpa(1, 6, 50), 3, later.pods, later.podMetrics, state, new Date(NOW.getTime() + 60_000), { ...OPTIONS });
  assert.equal(r2.desiredReplicas, 3);
  assert.equal(r2.rescale, false);
  assert.ok(r2.conditions.some((c) => c.type === 'AbleToScale' && c.reason === 'ScaleDownStabilized'));
});

test('outside [minReplicas, maxReplicas] the HPA moves straight to the bound, without metrics (TestScaleUpRCImmediately)', () => {
  const { pods, podMetrics } = buildScenario({ currentReplicas: 1, requests: cpuRequests(1, '1.0'), levels: makePodMetricLevels(100) });
  const r = hpaSync(hpa(2, 6, 30), 1, pods, podMetrics, newHpaControllerState(), NOW, OPTIONS);
  assert.deepEqual({ desired: r.desiredReplicas, event: r.event }, { desired: 2, event: 'New size: 2; reason: Current number of replicas below Spec.MinReplicas' });
});

test('a target scaled to 0 disables autoscaling', () => {
  const r = hpaSync(hpa(1, 6, 30), 0, [], [], newHpaControllerState(), NOW, OPTIONS);
  assert.deepEqual({ desired: r.desiredReplicas, rescale: r.rescale }, { desired: 0, rescale: false });
  assert.deepEqual(r.conditions, [{ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' }]);
});

test('with behavior: the default scale-up policies limit 10 → 20, and the event is stored for the next sync', () => {
  const state = newHpaControllerState();
  const { pods, podMetrics } = buildScenario({ currentReplicas: 10, requests: cpuRequests(10, '1.0'), levels: makePodMetricLevels(...Array(10).fill(900)) });
  const r = hpaSync(hpa(1, 100, 30, {}), 10, pods, podMetrics, state, NOW, OPTIONS);
  assert.equal(r.desiredReplicas, 20);
  assert.ok(r.conditions.some((c) => c.type === 'ScalingLimited' && c.status === 'True' && c.reason === 'ScaleUpLimit'));
  assert.deepEqual(state.scaleUpEvents.map((e) => e.replicaChange), [10]);
});

test('with behavior: a configurable tolerance of 50 % keeps a 40 % excess from scaling', () => {
  const { pods, podMetrics } = buildScenario({ currentReplicas: 4, requests: cpuRequests(4, '1.0'), levels: makePodMetricLevels(700, 700, 700, 700) });
  const r = hpaSync(hpa(1, 100, 50, { scaleUp: { tolerance: '0.5' } as never }), 4, pods, podMetrics, newHpaControllerState(), NOW, OPTIONS);
  assert.deepEqual({ desired: r.desiredReplicas, rescale: r.rescale }, { desired: 4, rescale: false });
});

test('a metric that cannot be computed stops the sync with FailedComputeMetricsReplicas and FailedGetResourceMetric', () => {
  const { pods } = buildScenario({ currentReplicas: 3, requests: cpuRequests(3, '1.0'), levels: [] });
  const r = hpaSync(hpa(1, 6, 30), 3, pods, [], newHpaControllerState(), NOW, OPTIONS);
  assert.equal(r.rescale, false);
  assert.equal(r.eventReason, 'FailedComputeMetricsReplicas');
  assert.equal(r.event, 'invalid metrics (1 invalid out of 1), first error is: unable to get metrics for resource cpu: no metrics returned from resource metrics API');
  assert.deepEqual(r.conditions[0], { type: 'ScalingActive', status: 'False', reason: 'FailedGetResourceMetric', message: 'the HPA was unable to compute the replica count: unable to get metrics for resource cpu: no metrics returned from resource metrics API' });
});

// Upstream: pkg/controller/podautoscaler/horizontal_test.go (TestNormalizeDesiredReplicas,
// TestConvertDesiredReplicasWithRules, TestCalculateScaleUpLimitWithScalingRules,
// TestCalculateScaleDownLimitWithBehaviors, TestScalingWithRules,
// TestNormalizeDesiredReplicasWithBehavior, and the replica-change half of TestStoreScaleEvents).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertDesiredReplicasWithBehaviorRate, convertDesiredReplicasWithRules, stabilizeRecommendation, stabilizeRecommendationWithBehaviors } from '../../../simulations/index.ts';
import type { HPAScalingRules, TimestampedScaleEvent } from '../../../simulations/index.ts';
import { calculateScaleDownLimitWithBehaviors, calculateScaleUpLimit, calculateScaleUpLimitWithScalingRules, getReplicasChangePerPeriod, storeScaleEvent } from '../../../simulations/controllers/podautoscaler/normalize.ts';
import { NOW, NOW_MS, ago } from './hpa-builders.ts';

const FILE = 'pkg/controller/podautoscaler/horizontal_test.go';
const rec = (recommendation: number, secondsAgo: number) => ({ recommendation, timestamp: ago(secondsAgo) });

// --- TestNormalizeDesiredReplicas (stabilizeRecommendation, 5 min window) ----------
const normalizeCases = [
  { name: 'empty log', recommendations: [], prenormalized: 5, expected: 5, logLength: 1 },
  { name: 'stabilize', recommendations: [rec(4, 120), rec(5, 60)], prenormalized: 3, expected: 5, logLength: 3 },
  { name: 'no stabilize', recommendations: [rec(1, 120), rec(2, 60)], prenormalized: 3, expected: 3, logLength: 3 },
  { name: 'no stabilize - old recommendations', recommendations: [rec(10, 600), rec(9, 540)], prenormalized: 3, expected: 3, logLength: 2 },
  { name: 'stabilize - old recommendations', recommendations: [rec(10, 600), rec(4, 60), rec(5, 120), rec(9, 540)], prenormalized: 3, expected: 5, logLength: 4 },
];
for (const c of normalizeCases) {
  test(`${FILE} TestNormalizeDesiredReplicas: ${c.name}`, () => {
    const got = stabilizeRecommendation(c.recommendations, c.prenormalized, NOW, 300);
    assert.equal(got.replicas, c.expected);
    assert.equal(got.recommendations.length, c.logLength);
  });
}

// --- TestConvertDesiredReplicasWithRules --------------------------------------------
const conversionCases = [
  { current: 5, desired: 7, min: 3, max: 8, expected: 7, condition: 'DesiredWithinRange', annotation: 'prenormalized desired replicas within range' },
  { current: 3, desired: 1, min: 2, max: 8, expected: 2, condition: 'TooFewReplicas', annotation: 'prenormalized desired replicas < minReplicas' },
  { current: 1, desired: 0, min: 0, max: 10, expected: 0, condition: 'DesiredWithinRange', annotation: 'prenormalized desired zeroed replicas within range' },
  { current: 20, desired: 1000, min: 1, max: 10, expected: 10, condition: 'TooManyReplicas', annotation: 'maxReplicas is the limit because maxReplicas < scaleUpLimit' },
  { current: 3, desired: 1000, min: 1, max: 2000, expected: calculateScaleUpLimit(3), condition: 'ScaleUpLimit', annotation: 'scaleUpLimit is the limit because scaleUpLimit < maxReplicas' },
];
for (const c of conversionCases) {
  test(`${FILE} TestConvertDesiredReplicasWithRules: ${c.annotation}`, () => {
    assert.deepEqual(convertDesiredReplicasWithRules(c.current, c.desired, c.min, c.max), { replicas: c.expected, reason: c.condition });
  });
}
test('calculateScaleUpLimit: double, but at least 4', () => {
  assert.deepEqual([0, 1, 2, 3, 10].map(calculateScaleUpLimit), [4, 4, 4, 6, 20]);
});

// --- TestCalculateScaleUpLimitWithScalingRules / TestCalculateScaleDownLimitWithBehaviors ---
const minPolicyRules: HPAScalingRules = { stabilizationWindowSeconds: 300, selectPolicy: 'Min', policies: [{ type: 'Pods', value: 2, periodSeconds: 60 }, { type: 'Percent', value: 50, periodSeconds: 60 }] };
test(`${FILE} TestCalculateScaleUpLimitWithScalingRules`, () => {
  assert.equal(calculateScaleUpLimitWithScalingRules(1, [], [], minPolicyRules, NOW_MS), 2);
});
test(`${FILE} TestCalculateScaleDownLimitWithBehaviors`, () => {
  assert.equal(calculateScaleDownLimitWithBehaviors(5, [], [], minPolicyRules, NOW_MS), 3);
});

// --- TestScalingWithRules -------------------------------------------------------------
/** generateScalingRules(pods, podsPeriod, percent, percentPeriod, stabilizationWindow): Max, and only the non-zero policies. */
function generateScalingRules(pods: number, podsPeriod: number, percent: number, percentPeriod: number, window: number): HPAScalingRules {
  const policies: NonNullable<HPAScalingRules['policies']> = [];
  if (pods !== 0) policies.push({ type: 'Pods', value: pods, periodSeconds: podsPeriod });
  if (percent !== 0) policies.push({ type: 'Percent', value: percent, periodSeconds: percentPeriod });
  return { stabilizationWindowSeconds: window, selectPolicy: 'Max', ...(policies.length > 0 ? { policies } : {}) };
}
/** generateEventsUniformDistribution: event i sits in the middle of its segment of the last periodSeconds, whole seconds (time.Duration truncates). */
function generateEventsUniformDistribution(raw: number[], periodSeconds: number): TimestampedScaleEvent[] {
  const segment = periodSeconds / raw.length;
  return raw.map((change, idx) => ({ replicaChange: change, timestamp: ago(Math.trunc(periodSeconds - segment * (idx + 1) + segment / 2)) }));
}
interface RulesCase {
  name: string;
  scaleUpEvents?: TimestampedScaleEvent[];
  scaleDownEvents?: TimestampedScaleEvent[];
  min: number;
  max: number;
  up?: HPAScalingRules;
  down?: HPAScalingRules;
  current: number;
  desired: number;
  expected: number;
  condition: string;
}
const e159 = () => generateEventsUniformDistribution([1, 5, 9], 120);
const e4 = () => generateEventsUniformDistribution([8, 12, 9, 11], 120);
const rulesCases: RulesCase[] = [
  { name: 'prenormalized desired replicas within range', current: 5, desired: 7, min: 3, max: 8, expected: 7, condition: 'DesiredWithinRange' },
  { name: 'prenormalized desired replicas < minReplicas', current: 3, desired: 1, min: 2, max: 8, expected: 2, condition: 'TooFewReplicas' },
  { name: 'prenormalized desired replicas within range when minReplicas is 0', current: 1, desired: 0, min: 0, max: 10, expected: 0, condition: 'DesiredWithinRange' },
  { name: 'maxReplicas is the limit because maxReplicas < scaleUpLimit', current: 20, desired: 1000, min: 1, max: 10, expected: 10, condition: 'TooManyReplicas' },
  { name: 'desired replica count is more than the maximum replica count', current: 100, desired: 1000, min: 100, max: 150, expected: 150, condition: 'TooManyReplicas' },
  { name: 'scaleUpLimit is the limit because scaleUpLimit < maxReplicas with user policies', current: 3, desired: 1000, min: 1, max: 2000, up: generateScalingRules(0, 0, 1, 60, 0), expected: 4, condition: 'ScaleUpLimit' },
  // Upstream marks this case testThis: true, which its loop skips; it holds here.
  { name: 'scaleDownLimit is the limit because scaleDownLimit > minReplicas with user defined policies', current: 1000, desired: 3, min: 3, max: 2000, down: generateScalingRules(20, 60, 0, 0, 0), expected: 980, condition: 'ScaleDownLimit' },
  { name: 'scaleUp with default behavior', min: 1, max: 1000, current: 10, desired: 50, expected: 20, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with pods policy larger than percent policy', min: 1, max: 1000, up: generateScalingRules(100, 60, 100, 60, 0), current: 10, desired: 500, expected: 110, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy larger than pods policy', min: 1, max: 1000, up: generateScalingRules(2, 60, 100, 60, 0), current: 10, desired: 500, expected: 20, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with spec MaxReplicas limitation with large pod policy', min: 1, max: 1000, up: generateScalingRules(100, 60, 0, 0, 0), current: 10, desired: 50, expected: 50, condition: 'DesiredWithinRange' },
  { name: 'scaleUp with spec MaxReplicas limitation with large percent policy', min: 1, max: 1000, up: generateScalingRules(10000, 60, 0, 0, 0), current: 10, desired: 50, expected: 50, condition: 'DesiredWithinRange' },
  { name: 'scaleUp with pod policy limitation', min: 1, max: 1000, up: generateScalingRules(30, 60, 0, 0, 0), current: 10, desired: 50, expected: 40, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy limitation', min: 1, max: 1000, up: generateScalingRules(0, 0, 200, 60, 0), current: 10, desired: 50, expected: 30, condition: 'ScaleUpLimit' },
  { name: 'scaleDown with percent policy larger than pod policy', min: 1, max: 1000, down: generateScalingRules(20, 60, 1, 60, 300), current: 100, desired: 2, expected: 80, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with pod policy larger than percent policy', min: 1, max: 1000, down: generateScalingRules(2, 60, 1, 60, 300), current: 100, desired: 2, expected: 98, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with spec MinReplicas=nil limitation with large pod policy', min: 1, max: 1000, down: generateScalingRules(100, 60, 0, 0, 300), current: 10, desired: 0, expected: 1, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large pod policy', min: 1, max: 1000, down: generateScalingRules(100, 60, 0, 0, 300), current: 10, desired: 0, expected: 1, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large percent policy', min: 5, max: 1000, down: generateScalingRules(0, 0, 100, 60, 300), current: 10, desired: 2, expected: 5, condition: 'TooFewReplicas' },
  { name: 'scaleDown with pod policy limitation', min: 1, max: 1000, down: generateScalingRules(5, 60, 0, 0, 300), current: 10, desired: 2, expected: 5, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with percent policy limitation', min: 1, max: 1000, down: generateScalingRules(0, 0, 50, 60, 300), current: 10, desired: 5, expected: 5, condition: 'DesiredWithinRange' },
  { name: 'scaleUp with spec MaxReplicas limitation with large pod policy and events', scaleUpEvents: e159(), min: 1, max: 200, up: generateScalingRules(300, 60, 0, 0, 0), current: 100, desired: 500, expected: 200, condition: 'TooManyReplicas' },
  { name: 'scaleUp with spec MaxReplicas limitation with large percent policy and events', scaleUpEvents: e159(), min: 1, max: 200, up: generateScalingRules(0, 0, 10000, 60, 0), current: 100, desired: 500, expected: 200, condition: 'TooManyReplicas' },
  { name: 'scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent scale up events', scaleUpEvents: e159(), min: 1, max: 1000, up: generateScalingRules(5, 120, 0, 0, 0), current: 100, desired: 500, expected: 100, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with pod policy and previous scale up events', scaleUpEvents: e159(), min: 1, max: 1000, up: generateScalingRules(150, 120, 0, 0, 0), current: 100, desired: 500, expected: 235, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy and previous scale up events', scaleUpEvents: e159(), min: 1, max: 1000, up: generateScalingRules(0, 0, 200, 120, 0), current: 100, desired: 500, expected: 255, condition: 'ScaleUpLimit' },
  { name: 'scaleDown with default policy and previous events', scaleDownEvents: e159(), min: 1, max: 1000, current: 10, desired: 5, expected: 5, condition: 'DesiredWithinRange' },
  { name: 'scaleDown with spec MinReplicas=nil limitation with large pod policy and previous events', scaleDownEvents: e159(), min: 1, max: 1000, down: generateScalingRules(115, 120, 0, 0, 300), current: 100, desired: 0, expected: 1, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large pod policy and previous events', scaleDownEvents: e159(), min: 5, max: 1000, down: generateScalingRules(130, 120, 0, 0, 300), current: 100, desired: 0, expected: 5, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large percent policy and previous events', scaleDownEvents: e159(), min: 5, max: 1000, down: generateScalingRules(0, 0, 100, 120, 300), current: 100, desired: 2, expected: 5, condition: 'TooFewReplicas' },
  { name: 'scaleDown with pod policy limitation and previous events', scaleDownEvents: e159(), min: 1, max: 1000, down: generateScalingRules(5, 120, 0, 0, 300), current: 100, desired: 2, expected: 100, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with percent policy limitation and previous events', scaleDownEvents: generateEventsUniformDistribution([2, 4, 6], 120), min: 1, max: 1000, down: generateScalingRules(0, 0, 50, 120, 300), current: 100, desired: 0, expected: 56, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with previous events preventing further scale down', scaleDownEvents: generateEventsUniformDistribution([10, 10, 10], 120), min: 1, max: 1000, down: generateScalingRules(0, 0, 10, 120, 300), current: 100, desired: 0, expected: 100, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with with previous events still allowing more scale down', scaleDownEvents: generateEventsUniformDistribution([10, 10, 10], 120), min: 1, max: 1000, down: generateScalingRules(0, 0, 1000, 120, 300), current: 10, desired: 5, expected: 5, condition: 'DesiredWithinRange' },
  { name: "check 'outdated' flag for events for one behavior for up", scaleUpEvents: e4(), min: 1, max: 1000, up: generateScalingRules(1000, 60, 0, 0, 0), current: 100, desired: 200, expected: 200, condition: 'DesiredWithinRange' },
  { name: "check that events were not marked 'outdated' for two different policies in the behavior for up", scaleUpEvents: e4(), min: 1, max: 1000, up: generateScalingRules(1000, 120, 100, 60, 0), current: 100, desired: 200, expected: 200, condition: 'DesiredWithinRange' },
  { name: "check that events were marked 'outdated' for two different policies in the behavior for up", scaleUpEvents: e4(), min: 1, max: 1000, up: generateScalingRules(1000, 30, 100, 60, 0), current: 100, desired: 200, expected: 200, condition: 'DesiredWithinRange' },
  { name: "check 'outdated' flag for events for one behavior for down", scaleDownEvents: e4(), min: 1, max: 1000, down: generateScalingRules(1000, 60, 0, 0, 300), current: 100, desired: 5, expected: 5, condition: 'DesiredWithinRange' },
  { name: "check that events were not marked 'outdated' for two different policies in the behavior for down", scaleDownEvents: e4(), min: 1, max: 1000, down: generateScalingRules(1000, 120, 100, 60, 300), current: 100, desired: 5, expected: 5, condition: 'DesiredWithinRange' },
  { name: "check that events were marked 'outdated' for two different policies in the behavior for down", scaleDownEvents: e4(), min: 1, max: 1000, down: generateScalingRules(1000, 30, 100, 60, 300), current: 100, desired: 5, expected: 5, condition: 'DesiredWithinRange' },
];
for (const c of rulesCases) {
  test(`${FILE} TestScalingWithRules: ${c.name}`, () => {
    const got = convertDesiredReplicasWithBehaviorRate(
      { currentReplicas: c.current, desiredReplicas: c.desired, minReplicas: c.min, maxReplicas: c.max, scaleUpBehavior: c.up ?? null, scaleDownBehavior: c.down ?? null },
      c.scaleUpEvents ?? [],
      c.scaleDownEvents ?? [],
      NOW,
    );
    assert.deepEqual(got, { replicas: c.expected, reason: c.condition });
  });
}

// --- TestNormalizeDesiredReplicasWithBehavior (stabilizeRecommendationWithBehaviors) ---
const behaviorCases = [
  { name: 'empty recommendations for scaling down', recommendations: [], current: 100, desired: 5, expected: 5, log: [5], up: 0, down: 0 },
  { name: 'simple scale down stabilization', recommendations: [rec(4, 120), rec(5, 60)], current: 100, desired: 3, expected: 5, log: [4, 5, 3], up: 0, down: 180 },
  { name: 'simple scale up stabilization', recommendations: [rec(4, 120), rec(5, 60)], current: 1, desired: 7, expected: 4, log: [4, 5, 7], up: 300, down: 0 },
  { name: 'no scale down stabilization', recommendations: [rec(1, 120), rec(2, 60)], current: 100, desired: 3, expected: 3, log: [1, 2, 3], up: 300, down: 0 },
  { name: 'no scale up stabilization', recommendations: [rec(4, 120), rec(5, 60)], current: 1, desired: 3, expected: 3, log: [4, 5, 3], up: 0, down: 300 },
  { name: 'no scale down stabilization, reuse recommendation element', recommendations: [rec(10, 600), rec(9, 540)], current: 100, desired: 3, expected: 3, log: [10, 3], up: 0, down: 0 },
  { name: 'no scale up stabilization, reuse recommendation element', recommendations: [rec(10, 600), rec(9, 540)], current: 1, desired: 100, expected: 100, log: [10, 100], up: 0, down: 0 },
  { name: 'scale down stabilization, reuse one of obsolete recommendation element', recommendations: [rec(10, 600), rec(4, 60), rec(5, 120), rec(9, 540)], current: 100, desired: 3, expected: 5, log: [10, 4, 5, 3], up: 0, down: 180 },
  { name: 'scale up stabilization, reuse one of obsolete recommendation element', recommendations: [rec(10, 6000), rec(6, 60), rec(5, 120), rec(9, 180)], current: 1, desired: 100, expected: 5, log: [100, 6, 5, 9], up: 300, down: 0 },
];
for (const c of behaviorCases) {
  test(`${FILE} TestNormalizeDesiredReplicasWithBehavior: ${c.name}`, () => {
    const got = stabilizeRecommendationWithBehaviors(
      { currentReplicas: c.current, desiredReplicas: c.desired, scaleUpBehavior: { stabilizationWindowSeconds: c.up }, scaleDownBehavior: { stabilizationWindowSeconds: c.down } },
      c.recommendations,
      NOW,
    );
    assert.equal(got.replicas, c.expected);
    assert.deepEqual(got.recommendations.map((r) => r.recommendation), c.log);
  });
}

// --- TestStoreScaleEvents --------------------------------------------------------------------
const storeCases: { name: string; prev: [number, number][]; rules?: HPAScalingRules; want: [number, boolean][]; expected: number }[] = [
  { name: 'empty entries with default behavior', prev: [], want: [], expected: 0 },
  { name: 'empty entries with two-policy-behavior', prev: [], rules: generateScalingRules(10, 60, 100, 60, 0), want: [[5, false]], expected: 0 },
  { name: 'one outdated entry to be kept untouched without behavior', prev: [[7, 61]], want: [[7, false]], expected: 0 },
  { name: 'one outdated entry to be replaced with behavior', prev: [[7, 61]], rules: generateScalingRules(10, 60, 100, 60, 0), want: [[5, false]], expected: 0 },
  { name: 'one actual entry to be not touched with behavior', prev: [[7, 58]], rules: generateScalingRules(10, 60, 100, 60, 0), want: [[7, false], [5, false]], expected: 7 },
  { name: 'two entries, one of them to be replaced', prev: [[7, 61], [6, 59]], rules: generateScalingRules(10, 60, 0, 0, 0), want: [[5, false], [6, false]], expected: 6 },
  { name: 'replace one entry, use policies with different periods', prev: [[8, 29], [6, 59], [7, 61], [9, 61]], rules: generateScalingRules(10, 60, 100, 30, 0), want: [[8, false], [6, false], [7, true], [5, false]], expected: 14 },
  { name: 'two entries, both actual', prev: [[7, 58], [6, 59]], rules: generateScalingRules(10, 120, 100, 30, 0), want: [[7, false], [6, false], [5, false]], expected: 13 },
];
for (const c of storeCases) {
  test(`${FILE} TestStoreScaleEvents: ${c.name}`, () => {
    for (const direction of ['up', 'down'] as const) {
      const events = c.prev.map(([change, secondsAgo]) => ({ replicaChange: change, timestampMs: NOW_MS - secondsAgo * 1000, outdated: false }));
      assert.equal(getReplicasChangePerPeriod(60, events, NOW_MS), c.expected);
      storeScaleEvent(events, c.rules ?? null, 10, direction === 'up' ? 15 : 5, NOW_MS);
      assert.deepEqual(events.map((e) => [e.replicaChange, e.outdated ?? false]), c.want, direction);
    }
  });
}

test('an event exactly one period old no longer counts (strictly after now − period)', () => {
  assert.equal(getReplicasChangePerPeriod(60, [{ replicaChange: 5, timestampMs: NOW_MS - 60_000 }], NOW_MS), 0);
});

// --- contract examples ------------------------------------------------------------------------
test('contract: convertDesiredReplicasWithRules(3, 1000, 1, 2000) is 6, ScaleUpLimit', () => {
  assert.deepEqual(convertDesiredReplicasWithRules(3, 1000, 1, 2000), { replicas: 6, reason: 'ScaleUpLimit' });
});
test('contract: stabilizeRecommendation([4 @ now−2m, 5 @ now−1m], 3, now, 300)', () => {
  const got = stabilizeRecommendation([rec(4, 120), rec(5, 60)], 3, NOW, 300);
  assert.equal(got.replicas, 5);
  assert.deepEqual(got.recommendations, [rec(4, 120), rec(5, 60), { recommendation: 3, timestamp: '2025-06-01T12:00:00Z' }]);
});
test('contract: stabilizeRecommendationWithBehaviors(current 1, desired 7, up window 300, down 0)', () => {
  const got = stabilizeRecommendationWithBehaviors({ currentReplicas: 1, desiredReplicas: 7, scaleUpBehavior: { stabilizationWindowSeconds: 300 }, scaleDownBehavior: { stabilizationWindowSeconds: 0 } }, [rec(4, 120), rec(5, 60)], NOW);
  assert.equal(got.replicas, 4);
  assert.equal(got.reason, 'ScaleUpStabilized');
  assert.deepEqual(got.recommendations.map((r) => r.recommendation), [4, 5, 7]);
});
test('contract: convertDesiredReplicasWithBehaviorRate(10 → 50, defaults) is 20, ScaleUpLimit', () => {
  assert.deepEqual(convertDesiredReplicasWithBehaviorRate({ currentReplicas: 10, desiredReplicas: 50, minReplicas: 1, maxReplicas: 1000, scaleUpBehavior: null, scaleDownBehavior: null }, [], [], NOW), { replicas: 20, reason: 'ScaleUpLimit' });
});

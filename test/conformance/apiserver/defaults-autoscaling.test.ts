// Upstream: pkg/apis/autoscaling/v2/defaults_test.go (stored version):
// TestGenerateScaleDownRules, TestGenerateScaleUpRules, run through a
// HorizontalPodAutoscaler's behavior (SetDefaults_HorizontalPodAutoscalerBehavior
// calls GenerateHPAScaleUpRules / GenerateHPAScaleDownRules on it).
// Not transcribed: TestHorizontalPodAutoscalerAnnotations (v1 ↔ v2 conversion annotations).
// Then pkg/apis/autoscaling/v2/defaults.go SetDefaults_HorizontalPodAutoscaler (source):
// minReplicas 1, the 80% CPU metric, behavior left unset when unset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { at, defaulted } from './defaults-builders.ts';

const FILE = 'pkg/apis/autoscaling/v2/defaults_test.go';

const hpa = (spec: JsonObject): JsonObject => ({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec });

interface RulesCase {
  annotation: string;
  pods?: [number, number];
  percent?: [number, number];
  stabilizationSeconds?: number;
  selectPolicy?: string;
  expectedPolicies: JsonObject[];
  expectedStabilization: number | undefined;
  expectedSelectPolicy: string;
}

/** The rules a case builds: the Pods policy first, then the Percent one, as upstream appends them. */
function rules(c: RulesCase): JsonObject {
  const r: JsonObject = {};
  if (c.stabilizationSeconds !== undefined) r.stabilizationWindowSeconds = c.stabilizationSeconds;
  if (c.selectPolicy !== undefined) r.selectPolicy = c.selectPolicy;
  const policies: JsonObject[] = [];
  if (c.pods) policies.push({ type: 'Pods', value: c.pods[0], periodSeconds: c.pods[1] });
  if (c.percent) policies.push({ type: 'Percent', value: c.percent[0], periodSeconds: c.percent[1] });
  if (policies.length > 0) r.policies = policies;
  return r;
}

const down: RulesCase[] = [
  { annotation: 'Default values', expectedPolicies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], expectedStabilization: undefined, expectedSelectPolicy: 'Max' },
  {
    annotation: 'All parameters are specified', pods: [1, 2], percent: [3, 4], stabilizationSeconds: 25, selectPolicy: 'Max',
    expectedPolicies: [{ type: 'Pods', value: 1, periodSeconds: 2 }, { type: 'Percent', value: 3, periodSeconds: 4 }], expectedStabilization: 25, expectedSelectPolicy: 'Max',
  },
  { annotation: 'Percent policy is specified', percent: [1, 2], selectPolicy: 'Min', expectedPolicies: [{ type: 'Percent', value: 1, periodSeconds: 2 }], expectedStabilization: undefined, expectedSelectPolicy: 'Min' },
  { annotation: 'Pods policy is specified', pods: [3, 4], expectedPolicies: [{ type: 'Pods', value: 3, periodSeconds: 4 }], expectedStabilization: undefined, expectedSelectPolicy: 'Max' },
];
const up: RulesCase[] = [
  {
    annotation: 'Default values',
    expectedPolicies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }], expectedStabilization: 0, expectedSelectPolicy: 'Max',
  },
  {
    annotation: 'All parameters are specified', pods: [1, 2], percent: [3, 4], stabilizationSeconds: 25, selectPolicy: 'Max',
    expectedPolicies: [{ type: 'Pods', value: 1, periodSeconds: 2 }, { type: 'Percent', value: 3, periodSeconds: 4 }], expectedStabilization: 25, expectedSelectPolicy: 'Max',
  },
  { annotation: 'Pod policy is specified', pods: [1, 2], selectPolicy: 'Min', expectedPolicies: [{ type: 'Pods', value: 1, periodSeconds: 2 }], expectedStabilization: 0, expectedSelectPolicy: 'Min' },
  { annotation: 'Percent policy is specified', percent: [7, 10], expectedPolicies: [{ type: 'Percent', value: 7, periodSeconds: 10 }], expectedStabilization: 0, expectedSelectPolicy: 'Max' },
  {
    annotation: 'Pod policy and stabilization window are specified', pods: [4, 2], stabilizationSeconds: 25,
    expectedPolicies: [{ type: 'Pods', value: 4, periodSeconds: 2 }], expectedStabilization: 25, expectedSelectPolicy: 'Max',
  },
  {
    annotation: 'Percent policy and stabilization window are specified', percent: [7, 60], stabilizationSeconds: 25,
    expectedPolicies: [{ type: 'Percent', value: 7, periodSeconds: 60 }], expectedStabilization: 25, expectedSelectPolicy: 'Max',
  },
];

for (const [fn, key, cases] of [['TestGenerateScaleDownRules', 'scaleDown', down], ['TestGenerateScaleUpRules', 'scaleUp', up]] as const) {
  for (const c of cases) {
    test(`${FILE} ${fn} ${c.annotation}`, () => {
      const out = defaulted(hpa({ behavior: { [key]: rules(c) } }));
      const got = at(out, ['spec', 'behavior', key]) as JsonObject;
      assert.deepEqual(got.policies, c.expectedPolicies);
      assert.equal(got.stabilizationWindowSeconds, c.expectedStabilization);
      assert.equal(got.selectPolicy, c.expectedSelectPolicy);
    });
  }
}

const DEFAULTS = 'pkg/apis/autoscaling/v2/defaults.go SetDefaults_HorizontalPodAutoscaler';

test(`${DEFAULTS}: minReplicas 1 and the 80% average CPU utilization metric; no behavior stays no behavior`, () => {
  const out = defaulted(hpa({ scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 }));
  assert.equal(at(out, ['spec', 'minReplicas']), 1);
  assert.deepEqual(at(out, ['spec', 'metrics']), [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }]);
  assert.equal(at(out, ['spec', 'behavior']), undefined);
});

test(`${DEFAULTS}: a behavior with only scaleDown gets the default scaleUp too; tolerance is kept`, () => {
  const out = defaulted(hpa({ behavior: { scaleDown: { stabilizationWindowSeconds: 60, tolerance: '0.05' } } }));
  assert.deepEqual(at(out, ['spec', 'behavior']), {
    scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }], stabilizationWindowSeconds: 60, tolerance: '0.05' },
    scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
  });
});

test(`${DEFAULTS}: metrics that are set are kept`, () => {
  const metrics = [{ type: 'Resource', resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '100Mi' } } }];
  assert.deepEqual(at(defaulted(hpa({ metrics })), ['spec', 'metrics']), metrics);
});

// Upstream: pkg/apis/policy/validation/validation_test.go (stored version):
// TestValidatePodDisruptionBudgetSpec, TestValidateMinAvailablePodDisruptionBudgetSpec,
// TestValidateMinAvailablePodAndMaxUnavailableDisruptionBudgetSpec,
// TestValidateUnhealthyPodEvictionPolicyDisruptionBudgetSpec,
// TestValidatePodDisruptionBudgetStatus (its policy/v1 column).
// Upstream checks only success or failure here. Not transcribed: the
// policy/v1beta1 column (not served), TestIsValidSysctlPattern (PodSecurityPolicy).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import {
  validatePodDisruptionBudgetSpec,
  validatePodDisruptionBudgetStatusUpdate,
} from '../../../simulations/apiserver/validation/policy/pod-disruption-budget.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/policy/validation/validation_test.go';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
// PodDisruptionBudgetValidationOptions{true}
const specErrs = (spec: JsonObject): ErrorList => validatePodDisruptionBudgetSpec(spec, { allowInvalidLabelValueInSelector: true }, Path.of('foo'));

test(`${FILE} TestValidatePodDisruptionBudgetSpec`, () => {
  assert.ok(specErrs({ minAvailable: '0%', maxUnavailable: '10%' }).length > 0);
});

test(`${FILE} TestValidateMinAvailablePodDisruptionBudgetSpec`, () => {
  for (const v of ['0%', '1%', '100%', 0, 1, 100]) assert.deepEqual(specErrs({ minAvailable: v }), [], `${v}: ${show(specErrs({ minAvailable: v }))}`);
  for (const v of ['1.1%', 'nope', '-1%', '101%', -1]) assert.ok(specErrs({ minAvailable: v }).length > 0, `${v}: unexpected success`);
});

test(`${FILE} TestValidateMinAvailablePodAndMaxUnavailableDisruptionBudgetSpec`, () => {
  assert.ok(specErrs({ minAvailable: '10%', maxUnavailable: 1 }).length > 0);
});

test(`${FILE} TestValidateUnhealthyPodEvictionPolicyDisruptionBudgetSpec`, () => {
  const cases: [string, JsonObject, boolean][] = [
    ['valid nil UnhealthyPodEvictionPolicy', { minAvailable: '10%' }, false],
    ['valid UnhealthyPodEvictionPolicy', { minAvailable: '10%', unhealthyPodEvictionPolicy: 'AlwaysAllow' }, false],
    ['empty UnhealthyPodEvictionPolicy', { minAvailable: '10%', unhealthyPodEvictionPolicy: '' }, true],
    ['invalid UnhealthyPodEvictionPolicy', { minAvailable: '10%', unhealthyPodEvictionPolicy: 'Invalid' }, true],
  ];
  for (const [name, spec, expectErr] of cases) assert.equal(specErrs(spec).length > 0, expectErr, `${name}: ${show(specErrs(spec))}`);
});

test(`${FILE} TestValidatePodDisruptionBudgetStatus (policy/v1)`, () => {
  const cases: [string, JsonObject, boolean][] = [
    ['DisruptionsAllowed: 10', { disruptionsAllowed: 10 }, false],
    ['CurrentHealthy: 5', { currentHealthy: 5 }, false],
    ['DesiredHealthy: 3', { desiredHealthy: 3 }, false],
    ['ExpectedPods: 2', { expectedPods: 2 }, false],
    ['DisruptionsAllowed: -10', { disruptionsAllowed: -10 }, true],
    ['CurrentHealthy: -5', { currentHealthy: -5 }, true],
    ['DesiredHealthy: -3', { desiredHealthy: -3 }, true],
    ['ExpectedPods: -2', { expectedPods: -2 }, true],
    // time.Now().Add(-5 * time.Minute): any past time.
    ['Conditions valid', { conditions: [{ type: 'DisruptionAllowed', status: 'True', lastTransitionTime: '2024-01-01T00:00:00Z', reason: 'SufficientPods', message: 'message', observedGeneration: 3 }] }, false],
    ['Conditions not valid', { conditions: [{ type: 'DisruptionAllowed', status: 'True' }, { type: 'DisruptionAllowed', status: 'False' }] }, true],
  ];
  for (const [name, status, expectErr] of cases) {
    const errs = validatePodDisruptionBudgetStatusUpdate(status, Path.of('status'));
    assert.equal(errs.length > 0, expectErr, `${name}: ${show(errs)}`);
  }
});

// The registered create runs the generic registry's metadata check only after
// the strategy's Validate passes (rest.BeforeCreate).
test('staging/src/k8s.io/apiserver/pkg/registry/rest/create.go BeforeCreate order for PodDisruptionBudget', () => {
  const create = validationFor('policy/v1/PodDisruptionBudget')!.create;
  const pdb = (metadata: JsonObject, spec: JsonObject): JsonObject => ({ apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata, spec });
  assert.deepEqual(create(pdb({ name: 'web', namespace: 'default' }, { minAvailable: 1, selector: { matchLabels: { app: 'web' } } })), []);
  const noNamespace = create(pdb({ name: 'web' }, { minAvailable: 1 }));
  assert.deepEqual(noNamespace.map((e) => [e.type, e.field]), [['FieldValueRequired', 'metadata.namespace']]);
  const both = create(pdb({ name: 'web' }, { minAvailable: 1, maxUnavailable: 1 }));
  assert.deepEqual(both.map((e) => [e.type, e.field]), [['FieldValueInvalid', 'spec']]);
});

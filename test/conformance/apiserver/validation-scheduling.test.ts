// Upstream: pkg/apis/scheduling/validation/validation_test.go (stored version):
// TestValidatePriorityClass (3 success, 4 error cases: failure only, as upstream
// checks them), TestValidatePriorityClassUpdate (4 success, 5 error cases: every
// error has the case's type). scheduling/v1 JSON for the internal objects;
// SystemPriorityClasses()[0] is system-node-critical, value 2000001000,
// globalDefault false. Not transcribed: TestValidateWorkload* (scheduling
// v1alpha1 Workload is not a kind here).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validatePriorityClass, validatePriorityClassUpdate } from '../../../simulations/apiserver/validation/scheduling/priority-class.ts';

const FILE = 'pkg/apis/scheduling/validation/validation_test.go';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pc = (metadata: JsonObject, fields: JsonObject): JsonObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata, ...fields });
const SPC0 = { name: 'system-node-critical', value: 2000001000, globalDefault: false };

test(`${FILE} TestValidatePriorityClass`, () => {
  const successes: [string, JsonObject][] = [
    ['no description', pc({ name: 'tier1', namespace: '' }, { value: 100 })],
    ['with description', pc({ name: 'tier1', namespace: '' }, { value: 200, globalDefault: false, description: 'Used for the highest priority pods.' })],
    ['system node critical', pc({ name: SPC0.name, namespace: '' }, { value: SPC0.value, globalDefault: SPC0.globalDefault, description: 'system priority class 0' })],
  ];
  for (const [name, obj] of successes) assert.deepEqual(validatePriorityClass(obj), [], `${name}: ${show(validatePriorityClass(obj))}`);
  const failures: [string, JsonObject][] = [
    ['with namespace', pc({ name: 'tier1', namespace: 'foo' }, { value: 100 })],
    ['invalid name', pc({ name: 'tier&1', namespace: '' }, { value: 100 })],
    ['incorrect system class name', pc({ name: SPC0.name, namespace: '' }, { value: 0, globalDefault: SPC0.globalDefault })],
    ['incorrect system class value', pc({ name: 'system-something', namespace: '' }, { value: SPC0.value, globalDefault: SPC0.globalDefault })],
  ];
  for (const [name, obj] of failures) assert.ok(validatePriorityClass(obj).length > 0, `${name}: expected error`);
});

test(`${FILE} TestValidatePriorityClassUpdate`, () => {
  const old = pc({ name: 'tier1', namespace: '', resourceVersion: '1' }, { value: 100, preemptionPolicy: 'PreemptLowerPriority' });
  const meta2 = { name: 'tier1', namespace: '', resourceVersion: '2' };
  const successes: [string, JsonObject][] = [
    ['no change', pc(meta2, { value: 100, preemptionPolicy: 'PreemptLowerPriority', description: 'Used for the highest priority pods.' })],
    ['change description', pc(meta2, { value: 100, preemptionPolicy: 'PreemptLowerPriority', description: 'A different description.' })],
    ['remove description', pc(meta2, { value: 100, preemptionPolicy: 'PreemptLowerPriority' })],
    ['change globalDefault', pc(meta2, { value: 100, preemptionPolicy: 'PreemptLowerPriority', globalDefault: true })],
  ];
  for (const [name, obj] of successes) assert.deepEqual(validatePriorityClassUpdate(obj, old), [], `${name}: ${show(validatePriorityClassUpdate(obj, old))}`);
  const failures: [string, JsonObject, string][] = [
    ['add namespace', pc({ ...meta2, namespace: 'foo' }, { value: 100, preemptionPolicy: 'PreemptLowerPriority' }), 'FieldValueInvalid'],
    ['change name', pc({ ...meta2, name: 'tier2' }, { value: 100, preemptionPolicy: 'PreemptLowerPriority' }), 'FieldValueInvalid'],
    ['remove value', pc(meta2, { preemptionPolicy: 'PreemptLowerPriority' }), 'FieldValueForbidden'],
    ['change value', pc(meta2, { value: 101, preemptionPolicy: 'PreemptLowerPriority' }), 'FieldValueForbidden'],
    ['change preemptionPolicy', pc(meta2, { value: 100, preemptionPolicy: 'Never' }), 'FieldValueInvalid'],
  ];
  for (const [name, obj, type] of failures) {
    const errs = validatePriorityClassUpdate(obj, old);
    assert.ok(errs.length > 0, `${name}: expected error`);
    for (const e of errs) assert.equal(e.type, type, `${name}: ${show(errs)}`);
  }
});

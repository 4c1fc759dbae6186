// Resource requirements and overhead against upstream's
// TestValidateResourceRequirements and TestValidateOverhead
// (pkg/apis/core/validation/validation_test.go). Upstream checks only that a
// case has errors or has none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import {
  validateContainerResourceRequirements,
  validateOverhead,
  validatePodResourceRequirements,
} from '../../../simulations/apiserver/validation/core/resources.ts';
import { UPSTREAM, ZERO_OPTS } from './validation-pod-fixtures.ts';

type Fn = typeof validateContainerResourceRequirements;
interface ReqCase {
  name: string;
  requirements: JsonObject;
  fn: Fn;
}

const both = (list: JsonObject): JsonObject => ({ limits: list, requests: list });

const success: ReqCase[] = [
  { name: 'limits and requests of hugepage resource are equal', requirements: both({ cpu: '10', 'hugepages-2Mi': '2Mi' }), fn: validateContainerResourceRequirements },
  { name: 'limits and requests of memory resource are equal', requirements: both({ memory: '2Mi' }), fn: validateContainerResourceRequirements },
  { name: 'limits and requests of cpu resource are equal', requirements: both({ cpu: '10' }), fn: validateContainerResourceRequirements },
  { name: 'limits and requests of memory resource are equal (pod)', requirements: both({ memory: '2Mi' }), fn: validatePodResourceRequirements },
  { name: 'limits and requests of cpu resource are equal (pod)', requirements: both({ cpu: '10' }), fn: validatePodResourceRequirements },
];

const failure: ReqCase[] = [
  { name: 'hugepage resource without cpu or memory', requirements: both({ 'hugepages-2Mi': '2Mi' }), fn: validateContainerResourceRequirements },
  { name: 'pod resource with hugepages', requirements: both({ 'hugepages-2Mi': '2Mi' }), fn: validatePodResourceRequirements },
  {
    name: 'pod resource with ephemeral-storage',
    requirements: { limits: { 'ephemeral-storage': '2Mi' }, requests: { 'ephemeral-storage2Mi': '2Mi' } },
    fn: validatePodResourceRequirements,
  },
  { name: 'pod resource with unsupported prefixed resources', requirements: { limits: { 'kubernetesio/cpu': '2' }, requests: { 'kubernetesio/memory': '2' } }, fn: validatePodResourceRequirements },
  { name: 'pod resource with unsupported native resources', requirements: both({ [`kubernetes.io/${'a'.repeat(63)}`]: '2' }), fn: validatePodResourceRequirements },
  {
    name: 'pod resource with unsupported empty native resource name',
    requirements: { limits: { 'kubernetes.io/': '2' }, requests: { 'kubernetes.io': '2' } },
    fn: validatePodResourceRequirements,
  },
];

for (const c of success) {
  test(`${UPSTREAM} TestValidateResourceRequirements: ${c.name}`, () => {
    assert.deepEqual(c.fn(c.requirements, new Set(), Path.of('resources'), ZERO_OPTS).map(errorString), []);
  });
}
for (const c of failure) {
  test(`${UPSTREAM} TestValidateResourceRequirements: ${c.name} (expected errors)`, () => {
    assert.ok(c.fn(c.requirements, new Set(), Path.of('resources'), ZERO_OPTS).length > 0);
  });
}

test(`${UPSTREAM} TestValidateOverhead: Valid Overhead for CPU + Memory`, () => {
  assert.deepEqual(validateOverhead({ cpu: '10', memory: '10G' }, Path.of('overheads'), ZERO_OPTS).map(errorString), []);
});
test(`${UPSTREAM} TestValidateOverhead: Invalid Overhead Resources`, () => {
  assert.ok(validateOverhead({ 'my.org': '10m' }, Path.of('resources'), ZERO_OPTS).length > 0);
});

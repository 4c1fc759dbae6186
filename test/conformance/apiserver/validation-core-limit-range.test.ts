// Upstream: pkg/apis/core/validation/validation_test.go: TestValidateLimitRange,
// TestValidateLimitRangeForLocalStorage.
//
// getResources(cpu, memory, ephemeral-storage, storage) builds a ResourceList
// of the non-empty arguments; the LimitRanges are named for their case, in
// namespace "foo". Upstream asserts success, or failure with every error's
// detail containing D; the `errors` below also name each error's type and
// field as ValidateLimitRange produces them (traced through validation.go).
// D is upstream's string where it is a literal; dnsSubdomainLabelErrMsg and
// dnsLabelErrMsg (test-file constants) are not checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/core/validation/validation_test.go';
interface Want {
  type: ErrorType;
  field: string;
}
const I = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const R = (field: string): Want => ({ type: 'FieldValueRequired', field });
const F = (field: string): Want => ({ type: 'FieldValueForbidden', field });
const D = (field: string): Want => ({ type: 'FieldValueDuplicate', field });
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const lr = validationFor('v1/LimitRange');

/** getResources(cpu, memory, ephemeralStorage, storage). */
function getResources(cpu: string, memory: string, ephemeralStorage: string, storage: string): JsonObject {
  const out: JsonObject = {};
  if (cpu) out.cpu = cpu;
  if (memory) out.memory = memory;
  if (ephemeralStorage) out['ephemeral-storage'] = ephemeralStorage;
  if (storage) out.storage = storage;
  return out;
}
const limitRange = (name: string, namespace: string, limits: JsonObject[] = []): JsonObject => ({
  apiVersion: 'v1',
  kind: 'LimitRange',
  metadata: { name, namespace },
  spec: { limits },
});

const successCases: { name: string; limits: JsonObject[] }[] = [
  {
    name: 'all-fields-valid',
    limits: [
      { type: 'Pod', max: getResources('100m', '10000Mi', '', ''), min: getResources('5m', '100Mi', '', ''), maxLimitRequestRatio: getResources('10', '', '', '') },
      {
        type: 'Container',
        max: getResources('100m', '10000Mi', '', ''),
        min: getResources('5m', '100Mi', '', ''),
        default: getResources('50m', '500Mi', '', ''),
        defaultRequest: getResources('10m', '200Mi', '', ''),
        maxLimitRequestRatio: getResources('10', '', '', ''),
      },
      { type: 'PersistentVolumeClaim', max: getResources('', '', '', '10Gi'), min: getResources('', '', '', '5Gi') },
    ],
  },
  { name: 'pvc-min-only', limits: [{ type: 'PersistentVolumeClaim', min: getResources('', '', '', '5Gi') }] },
  { name: 'pvc-max-only', limits: [{ type: 'PersistentVolumeClaim', max: getResources('', '', '', '10Gi') }] },
  {
    name: 'all-fields-valid-big-numbers',
    limits: [
      {
        type: 'Container',
        max: getResources('100m', '10000T', '', ''),
        min: getResources('5m', '100Mi', '', ''),
        default: getResources('50m', '500Mi', '', ''),
        defaultRequest: getResources('10m', '200Mi', '', ''),
        maxLimitRequestRatio: getResources('10', '', '', ''),
      },
    ],
  },
  {
    name: 'thirdparty-fields-all-valid-standard-container-resources',
    limits: [
      {
        type: 'thirdparty.com/foo',
        max: getResources('100m', '10000T', '', ''),
        min: getResources('5m', '100Mi', '', ''),
        default: getResources('50m', '500Mi', '', ''),
        defaultRequest: getResources('10m', '200Mi', '', ''),
        maxLimitRequestRatio: getResources('10', '', '', ''),
      },
    ],
  },
  {
    name: 'thirdparty-fields-all-valid-storage-resources',
    limits: [
      {
        type: 'thirdparty.com/foo',
        max: getResources('', '', '', '10000T'),
        min: getResources('', '', '', '100Mi'),
        default: getResources('', '', '', '500Mi'),
        defaultRequest: getResources('', '', '', '200Mi'),
        maxLimitRequestRatio: getResources('', '', '', ''),
      },
    ],
  },
];

// TestValidateLimitRangeForLocalStorage's one case.
const localStorageCase: { name: string; limits: JsonObject[] } = {
  name: 'all-fields-valid',
  limits: [
    { type: 'Pod', max: getResources('', '', '10000Mi', ''), min: getResources('', '', '100Mi', ''), maxLimitRequestRatio: getResources('', '', '', '') },
    {
      type: 'Container',
      max: getResources('', '', '10000Mi', ''),
      min: getResources('', '', '100Mi', ''),
      default: getResources('', '', '500Mi', ''),
      defaultRequest: getResources('', '', '200Mi', ''),
      maxLimitRequestRatio: getResources('', '', '', ''),
    },
  ],
};

const errorCases: { name: string; object: JsonObject; detail?: string; errors: Want[] }[] = [
  { name: 'zero-length-name', object: limitRange('', 'foo'), detail: 'name or generateName is required', errors: [R('metadata.name')] },
  { name: 'zero-length-namespace', object: limitRange('abc', ''), detail: '', errors: [R('metadata.namespace')] },
  { name: 'invalid-name', object: limitRange('^Invalid', 'foo'), errors: [I('metadata.name')] },
  { name: 'invalid-namespace', object: limitRange('abc', '^Invalid'), errors: [I('metadata.namespace')] },
  {
    name: 'duplicate-limit-type',
    object: limitRange('abc', 'foo', [
      { type: 'Pod', max: getResources('100m', '10000m', '', ''), min: getResources('0m', '100m', '', '') },
      { type: 'Pod', min: getResources('0m', '100m', '', '') },
    ]),
    detail: '',
    errors: [D('spec.limits[1].type')],
  },
  {
    name: 'default-limit-type-pod',
    object: limitRange('abc', 'foo', [
      { type: 'Pod', max: getResources('100m', '10000m', '', ''), min: getResources('0m', '100m', '', ''), default: getResources('10m', '100m', '', '') },
    ]),
    detail: "may not be specified when `type` is 'Pod'",
    errors: [F('spec.limits[0].default')],
  },
  {
    name: 'default-request-limit-type-pod',
    object: limitRange('abc', 'foo', [
      { type: 'Pod', max: getResources('100m', '10000m', '', ''), min: getResources('0m', '100m', '', ''), defaultRequest: getResources('10m', '100m', '', '') },
    ]),
    detail: "may not be specified when `type` is 'Pod'",
    errors: [F('spec.limits[0].defaultRequest')],
  },
  {
    name: 'min value 100m is greater than max value 10m',
    object: limitRange('abc', 'foo', [{ type: 'Pod', max: getResources('10m', '', '', ''), min: getResources('100m', '', '', '') }]),
    detail: 'min value 100m is greater than max value 10m',
    errors: [I('spec.limits[0].min[cpu]')],
  },
  {
    name: 'invalid spec default outside range',
    object: limitRange('abc', 'foo', [
      { type: 'Container', max: getResources('1', '', '', ''), min: getResources('100m', '', '', ''), default: getResources('2000m', '', '', '') },
    ]),
    detail: 'default value 2 is greater than max value 1',
    errors: [I('spec.limits[0].default[cpu]')],
  },
  {
    name: 'invalid spec default request outside range',
    object: limitRange('abc', 'foo', [
      { type: 'Container', max: getResources('1', '', '', ''), min: getResources('100m', '', '', ''), defaultRequest: getResources('2000m', '', '', '') },
    ]),
    detail: 'default request value 2 is greater than max value 1',
    errors: [I('spec.limits[0].defaultRequest[cpu]')],
  },
  {
    name: 'invalid spec default request more than default',
    object: limitRange('abc', 'foo', [
      {
        type: 'Container',
        max: getResources('2', '', '', ''),
        min: getResources('100m', '', '', ''),
        default: getResources('500m', '', '', ''),
        defaultRequest: getResources('800m', '', '', ''),
      },
    ]),
    detail: 'default request value 800m is greater than default limit value 500m',
    errors: [I('spec.limits[0].defaultRequest[cpu]')],
  },
  {
    name: 'invalid spec maxLimitRequestRatio less than 1',
    object: limitRange('abc', 'foo', [{ type: 'Pod', maxLimitRequestRatio: getResources('800m', '', '', '') }]),
    detail: 'ratio 800m is less than 1',
    errors: [I('spec.limits[0].maxLimitRequestRatio[cpu]')],
  },
  {
    name: 'invalid spec maxLimitRequestRatio greater than max/min',
    object: limitRange('abc', 'foo', [
      { type: 'Container', max: getResources('', '2Gi', '', ''), min: getResources('', '512Mi', '', ''), maxLimitRequestRatio: getResources('', '10', '', '') },
    ]),
    detail: 'ratio 10 is greater than max/min = 4.000000',
    errors: [I('spec.limits[0].maxLimitRequestRatio[memory]')],
  },
  {
    name: 'invalid non standard limit type',
    object: limitRange('abc', 'foo', [
      {
        type: 'foo',
        max: getResources('', '', '', '10000T'),
        min: getResources('', '', '', '100Mi'),
        default: getResources('', '', '', '500Mi'),
        defaultRequest: getResources('', '', '', '200Mi'),
        maxLimitRequestRatio: getResources('', '', '', ''),
      },
    ]),
    detail: 'must be a standard limit type or fully qualified',
    errors: [I('spec.limits[0].type')],
  },
  {
    name: 'min and max values missing, one required',
    object: limitRange('abc', 'foo', [{ type: 'PersistentVolumeClaim' }]),
    detail: 'either minimum or maximum storage value is required, but neither was provided',
    errors: [R('spec.limits[0].limits')],
  },
  {
    name: 'invalid min greater than max',
    object: limitRange('abc', 'foo', [{ type: 'PersistentVolumeClaim', min: getResources('', '', '', '10Gi'), max: getResources('', '', '', '1Gi') }]),
    detail: 'min value 10Gi is greater than max value 1Gi',
    errors: [I('spec.limits[0].min[storage]')],
  },
];

test(`${FILE} TestValidateLimitRange`, async (t) => {
  assert.ok(lr);
  for (const c of successCases) {
    await t.test(c.name, () => {
      const errs = lr.create(limitRange(c.name, 'foo', c.limits));
      assert.deepEqual(pick(errs), [], show(errs));
    });
  }
  for (const c of errorCases) {
    await t.test(c.name, () => {
      const errs = lr.create(c.object);
      assert.deepEqual(pick(errs), c.errors, show(errs));
      if (c.detail !== undefined) for (const e of errs) assert.ok(e.detail.includes(c.detail), `${errorString(e)} lacks ${c.detail}`);
    });
  }
});

test(`${FILE} TestValidateLimitRangeForLocalStorage`, () => {
  const errs = lr?.create(limitRange(localStorageCase.name, 'foo', localStorageCase.limits)) ?? [];
  assert.deepEqual(pick(errs), [], show(errs));
});

// Conformance: meta/v1 validation (labels, label selectors, request options,
// managedFields, conditions) against apimachinery's own tables. Go structs are
// written as their v1 JSON.
// src (k8s.io/apimachinery v0.36.3): pkg/apis/meta/v1/validation/validation_test.go
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, invalid } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import {
  PATCH_TYPES,
  validateConditions,
  validateDeleteOptions,
  validateDryRun,
  validateFieldManager,
  validateLabelSelector,
  validateLabels,
  validateManagedFields,
  validatePatchOptions,
} from '../../../simulations/apimachinery/meta-v1-validation.ts';

const U = 'pkg/apis/meta/v1/validation/validation_test.go';

// --- TestValidateLabels ---
const labelSuccess: Record<string, string>[] = [
  { simple: 'bar' },
  { 'now-with-dashes': 'bar' },
  { '1-starts-with-num': 'bar' },
  { '1234': 'bar' },
  { 'simple/simple': 'bar' },
  { 'now-with-dashes/simple': 'bar' },
  { 'now-with-dashes/now-with-dashes': 'bar' },
  { 'now.with.dots/simple': 'bar' },
  { 'now-with.dashes-and.dots/simple': 'bar' },
  { '1-num.2-num/3-num': 'bar' },
  { '1234/5678': 'bar' },
  { '1.2.3.4/5678': 'bar' },
  { UpperCaseAreOK123: 'bar' },
  { goodvalue: '123_-.BaR' },
];
labelSuccess.forEach((labels, i) => {
  test(`${U} TestValidateLabels: success case[${i}] ${JSON.stringify(labels)}`, () => {
    assert.deepEqual(validateLabels(labels, Path.of('field')), []);
  });
});
const namePartErrMsg = 'name part must consist of';
const nameErrMsg = 'a valid label key must consist of';
const labelErrMsg = 'a valid label must be an empty string or consist of';
const maxLengthErrMsg = 'must be no more than';
const labelErrorCases: [Record<string, string>, string][] = [
  [{ 'nospecialchars^=@': 'bar' }, namePartErrMsg],
  [{ 'cantendwithadash-': 'bar' }, namePartErrMsg],
  [{ 'only/one/slash': 'bar' }, nameErrMsg],
  [{ ['a'.repeat(254)]: 'bar' }, maxLengthErrMsg],
  [{ toolongvalue: 'a'.repeat(64) }, maxLengthErrMsg],
  [{ backslashesinvalue: 'some\\bad\\value' }, labelErrMsg],
  [{ nocommasallowed: 'bad,value' }, labelErrMsg],
  [{ strangecharsinvalue: '?#$notsogood' }, labelErrMsg],
];
labelErrorCases.forEach(([labels, expect], i) => {
  test(`${U} TestValidateLabels: error case[${i}] has one error containing ${JSON.stringify(expect)}`, () => {
    const errs = validateLabels(labels, Path.of('field'));
    assert.equal(errs.length, 1);
    assert.ok(errs[0].detail.includes(expect), errs[0].detail);
  });
});

// --- TestValidDryRun / TestInvalidDryRun ---
for (const dryRun of [[], ['All'], ['All', 'All']]) {
  test(`${U} TestValidDryRun: ${JSON.stringify(dryRun)}`, () => assert.deepEqual(validateDryRun(Path.of('dryRun'), dryRun), []));
}
for (const dryRun of [['False'], ['All', 'False']]) {
  test(`${U} TestInvalidDryRun: ${JSON.stringify(dryRun)}`, () => assert.notEqual(validateDryRun(Path.of('dryRun'), dryRun).length, 0));
}

// --- TestValidateDeleteOptionsWithIgnoreStoreReadError ---
const ignorePath = Path.of('ignoreStoreReadErrorWithClusterBreakingPotential');
const deleteCases: [string, Record<string, unknown>, ErrorList][] = [
  ['option is nil', { dryRun: ['All'] }, []],
  [
    'option is false, PropagationPolicy is set',
    { ignoreStoreReadErrorWithClusterBreakingPotential: false, dryRun: ['All'], propagationPolicy: 'Background', gracePeriodSeconds: 0, preconditions: {} },
    [],
  ],
  [
    'option is false, OrphanDependents is set',
    { ignoreStoreReadErrorWithClusterBreakingPotential: false, dryRun: ['All'], orphanDependents: true, gracePeriodSeconds: 0, preconditions: {} },
    [],
  ],
  [
    'option is true, PropagationPolicy is set',
    { ignoreStoreReadErrorWithClusterBreakingPotential: true, dryRun: ['All'], propagationPolicy: 'Background', gracePeriodSeconds: 0, preconditions: {} },
    [
      invalid(ignorePath, true, 'cannot be set together with .dryRun'),
      invalid(ignorePath, true, 'cannot be set together with .propagationPolicy'),
      invalid(ignorePath, true, 'cannot be set together with .gracePeriodSeconds'),
      invalid(ignorePath, true, 'cannot be set together with .preconditions'),
    ],
  ],
  [
    'option is true, OrphanDependents is set',
    { ignoreStoreReadErrorWithClusterBreakingPotential: true, dryRun: ['All'], orphanDependents: true, gracePeriodSeconds: 0, preconditions: {} },
    [
      invalid(ignorePath, true, 'cannot be set together with .dryRun'),
      invalid(ignorePath, true, 'cannot be set together with .orphanDependents'),
      invalid(ignorePath, true, 'cannot be set together with .gracePeriodSeconds'),
      invalid(ignorePath, true, 'cannot be set together with .preconditions'),
    ],
  ],
  ['option is true, no other option is set', { ignoreStoreReadErrorWithClusterBreakingPotential: false }, []],
];
for (const [name, opts, want] of deleteCases) {
  test(`${U} TestValidateDeleteOptionsWithIgnoreStoreReadError: ${name}`, () => assert.deepEqual(validateDeleteOptions(opts), want));
}

// --- TestValidPatchOptions / TestInvalidPatchOptions ---
const validPatch: [Record<string, unknown>, string][] = [
  [{ force: true, fieldManager: 'kubectl' }, PATCH_TYPES.applyYAML],
  [{ fieldManager: 'kubectl' }, PATCH_TYPES.applyYAML],
  [{ force: true, fieldManager: 'kubectl' }, PATCH_TYPES.applyCBOR],
  [{ fieldManager: 'kubectl' }, PATCH_TYPES.applyCBOR],
  [{}, PATCH_TYPES.merge],
  [{ fieldManager: 'patcher' }, PATCH_TYPES.merge],
];
validPatch.forEach(([opts, patchType], i) => {
  test(`${U} TestValidPatchOptions [${i}] ${patchType}`, () => assert.deepEqual(validatePatchOptions(opts, patchType), []));
});
const invalidPatch: [string, Record<string, unknown>, string][] = [
  ['missing manager', {}, PATCH_TYPES.applyYAML],
  ['missing manager', {}, PATCH_TYPES.applyCBOR],
  ['force on non-apply', { force: true }, PATCH_TYPES.merge],
  ['manager and force on non-apply', { fieldManager: 'kubectl', force: false }, PATCH_TYPES.merge],
];
for (const [name, opts, patchType] of invalidPatch) {
  test(`${U} TestInvalidPatchOptions: ${name} (${patchType})`, () => assert.notEqual(validatePatchOptions(opts, patchType).length, 0));
}

// --- TestValidateFieldManagerValid / Invalid ---
for (const fm of ['filedManager', '你好', '🍔']) {
  test(`${U} TestValidateFieldManagerValid: ${fm}`, () => assert.deepEqual(validateFieldManager(fm, Path.of('fieldManager')), []));
}
for (const fm of ['field\nmanager', 'f'.repeat(129)]) {
  test(`${U} TestValidateFieldManagerInvalid: ${JSON.stringify(fm.slice(0, 20))}`, () => {
    assert.notEqual(validateFieldManager(fm, Path.of('fieldManager')).length, 0);
  });
}

// --- TestValidateManagedFieldsInvalid / TestValidateMangedFieldsValid ---
const managedInvalid: Record<string, unknown>[] = [
  { operation: 'Update', fieldsType: 'RandomVersion', apiVersion: 'v1' },
  { operation: 'RandomOperation', fieldsType: 'FieldsV1', apiVersion: 'v1' },
  { fieldsType: 'FieldsV1', apiVersion: 'v1' }, // Operation is missing
  { operation: 'Update', fieldsType: 'FieldsV1', manager: 'field\nmanager', apiVersion: 'v1' },
  { operation: 'Apply', fieldsType: 'FieldsV1', apiVersion: 'v1', subresource: 'TooLong'.repeat(37) },
];
managedInvalid.forEach((entry, i) => {
  test(`${U} TestValidateManagedFieldsInvalid [${i}]`, () => assert.notEqual(validateManagedFields([entry], Path.of('managedFields')).length, 0));
});
const managedValid: Record<string, unknown>[] = [
  { operation: 'Update', apiVersion: 'v1' }, // FieldsType is missing
  { operation: 'Update', fieldsType: 'FieldsV1', apiVersion: 'v1' },
  { operation: 'Apply', fieldsType: 'FieldsV1', apiVersion: 'v1', subresource: 'scale' },
  { operation: 'Apply', fieldsType: 'FieldsV1', apiVersion: 'v1', manager: '🍔' },
];
managedValid.forEach((entry, i) => {
  test(`${U} TestValidateMangedFieldsValid [${i}]`, () => assert.deepEqual(validateManagedFields([entry], Path.of('managedFields')), []));
});

// --- TestValidateConditions ---
const condPath = Path.of('status').child('conditions');
const has = (errs: ErrorList, needle: string) => errs.some((e) => errorString(e) === needle);
const hasPrefix = (errs: ErrorList, prefix: string) => errs.some((e) => errorString(e).startsWith(prefix));
test(`${U} TestValidateConditions: bunch-of-invalid-fields`, () => {
  const errs = validateConditions(
    [{ type: ':invalid', status: 'unknown', observedGeneration: -1, lastTransitionTime: null, reason: 'invalid;val', message: '' }],
    condPath,
  );
  for (const needle of [
    `status.conditions[0].type: Invalid value: ":invalid": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    `status.conditions[0].status: Unsupported value: "unknown": supported values: "False", "True", "Unknown"`,
    `status.conditions[0].observedGeneration: Invalid value: -1: must be greater than or equal to zero`,
    `status.conditions[0].lastTransitionTime: Required value`,
    `status.conditions[0].reason: Invalid value: "invalid;val": a condition reason must start with alphabetic character, optionally followed by a string of alphanumeric characters or '_,:', and must end with an alphanumeric character or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName',  or 'ReasonA,ReasonB',  or 'ReasonA:ReasonB', regex used for validation is '[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?')`,
  ]) {
    assert.ok(has(errs, needle), `missing ${needle} in\n${errs.map(errorString).join('\n')}`);
  }
});
test(`${U} TestValidateConditions: duplicates`, () => {
  const errs = validateConditions([{ type: 'First' }, { type: 'Second' }, { type: 'First' }], condPath);
  assert.ok(has(errs, 'status.conditions[2].type: Duplicate value: "First"'));
});
for (const [name, reason] of [
  ['colon-allowed-in-reason', 'valid:val'],
  ['comma-allowed-in-reason', 'valid,val'],
]) {
  test(`${U} TestValidateConditions: ${name}`, () => {
    assert.equal(hasPrefix(validateConditions([{ type: 'First', reason }], condPath), 'status.conditions[0].reason'), false);
  });
}
test(`${U} TestValidateConditions: reason-does-not-end-in-delimiter`, () => {
  const errs = validateConditions([{ type: 'First', reason: 'valid,val:' }], condPath);
  assert.ok(
    has(
      errs,
      `status.conditions[0].reason: Invalid value: "valid,val:": a condition reason must start with alphabetic character, optionally followed by a string of alphanumeric characters or '_,:', and must end with an alphanumeric character or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName',  or 'ReasonA,ReasonB',  or 'ReasonA:ReasonB', regex used for validation is '[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?')`,
    ),
  );
});

// --- TestLabelSelectorMatchExpression ---
const selectorCases: [string, unknown, number, string | null][] = [
  ['Valid LabelSelector', { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] }, 0, null],
  ["MatchExpression's key name isn't valid", { matchExpressions: [{ key: '-key', operator: 'In', values: ['value'] }] }, 1, 'name part must consist of alphanumeric characters'],
  ["MatchExpression's operator isn't valid", { matchExpressions: [{ key: 'key', operator: 'abc', values: ['value'] }] }, 1, 'not a valid selector operator'],
  ["MatchExpression's value name isn't valid", { matchExpressions: [{ key: 'key', operator: 'In', values: ['-value'] }] }, 1, 'a valid label must be an empty string or consist of'],
];
for (const [name, sel, n, part] of selectorCases) {
  test(`${U} TestLabelSelectorMatchExpression: ${name}`, () => {
    const errs = validateLabelSelector(sel, { allowInvalidLabelValueInSelector: false }, Path.of('labelSelector'));
    assert.equal(errs.length, n);
    if (part !== null) assert.ok(errs.some((e) => errorString(e).includes(part)));
  });
}

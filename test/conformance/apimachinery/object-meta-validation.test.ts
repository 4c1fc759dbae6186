// Conformance: ObjectMeta validation on create and update, annotations, owner
// references, finalizers, name functions, against apimachinery's own tables.
// ObjectMeta structs are written as their v1 JSON; metav1.NewTime(time.Unix(s, 0))
// is the RFC 3339 string it marshals to.
// src (k8s.io/apimachinery v0.36.3): pkg/api/validation/objectmeta_test.go, generic_test.go
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateMessage, errorString, invalid } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import {
  TOTAL_ANNOTATION_SIZE_LIMIT_B,
  maskTrailingDash,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validateObjectMetaWithOpts,
} from '../../../simulations/apimachinery/object-meta-validation.ts';

const U = 'pkg/api/validation/objectmeta_test.go';
const G = 'pkg/api/validation/generic_test.go';
const field = Path.of('field');

// validateObjectMetaAccessorWithOptsCommon is internal upstream; a valid name
// ("test") with validateObjectMeta adds nothing to what it reports.
const common = (meta: Record<string, unknown>, isNamespaced: boolean) => validateObjectMeta(meta, isNamespaced, nameIsDNSSubdomain, field);

// --- TestValidateObjectMetaCustomName ---
const customFn = (s: string) => (s === 'test' ? [] : ['wrong value']);
const customCases: [string, Record<string, unknown>, number][] = [
  ['valid name, empty generateName', { name: 'test', generateName: '' }, 0],
  ['valid name and generateName', { name: 'test', generateName: 'test' }, 0],
  ['invalid name, empty generateName', { name: 'invalid', generateName: '' }, 1],
  ['invalid name, valid generateName', { name: 'invalid', generateName: 'test' }, 1],
  ['invalid name, invalid generateName', { name: 'invalid', generateName: 'invalid' }, 2],
];
for (const [name, meta, n] of customCases) {
  test(`${U} TestValidateObjectMetaCustomName: ${name}`, () => {
    const errs = validateObjectMeta(meta, false, customFn, field);
    assert.equal(errs.length, n);
    if (n > 0) assert.ok(errorString(errs[0]).includes('wrong value'));
  });
}

// --- TestValidateObjectMetaWithOptsName ---
const optsFn = (p: Path, s: string): ErrorList => (s === 'test' ? [] : [invalid(p, s, 'wrong value')]);
const optsCases: [string, Record<string, unknown>, boolean][] = [
  ['valid name, empty generateName', { name: 'test', generateName: '' }, false],
  ['valid name and generateName', { name: 'test', generateName: 'test' }, false],
  ['invalid name, empty generateName', { name: 'invalid', generateName: '' }, true],
  ['invalid name, valid generateName', { name: 'invalid', generateName: 'test' }, true],
  ['invalid name, invalid generateName', { name: 'invalid', generateName: 'invalid' }, true],
];
for (const [name, meta, wantErr] of optsCases) {
  test(`${U} TestValidateObjectMetaWithOptsName: ${name}`, () => {
    const errs = validateObjectMetaWithOpts(meta, false, optsFn, field);
    assert.equal(errs.length, wantErr ? 1 : 0);
    if (wantErr) assert.ok(errorString(errs[0]).includes('wrong value'));
  });
}

// --- TestValidateObjectMetaNamespaces ---
test(`${U} TestValidateObjectMetaNamespaces: a namespace must be a DNS label`, () => {
  const errs = common({ name: 'test', namespace: 'foo.bar' }, true);
  assert.equal(errs.length, 1);
  assert.ok(errorString(errs[0]).includes('Invalid value: "foo.bar"'));
});
test(`${U} TestValidateObjectMetaNamespaces: 64 characters of [a-zA-Z0-9] give two errors`, () => {
  // Upstream draws the 64 characters at random from this alphabet; any draw with an upper-case letter gives both errors.
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  const ns = (letters + letters).slice(0, 64);
  const errs = common({ name: 'test', namespace: ns }, true);
  assert.equal(errs.length, 2);
  assert.ok(errorString(errs[0]).includes('Invalid value') && errorString(errs[1]).includes('Invalid value'));
});

// --- TestValidateObjectMetaOwnerReferences ---
const ref = (kind: string, uid: string, controller?: boolean, apiVersion = 'customresourceVersion') => ({
  apiVersion,
  kind,
  name: 'name',
  uid,
  ...(controller === undefined ? {} : { controller }),
});
const ownerCases: [string, unknown[], boolean, string][] = [
  ['simple success - third party extension.', [ref('customresourceKind', '1')], false, ''],
  ["simple failures - event shouldn't be set as an owner", [ref('Event', '1', undefined, 'v1')], true, 'is disallowed from being an owner'],
  [
    'simple controller ref success - one reference with Controller set',
    [ref('customresourceKind', '1', false), ref('customresourceKind', '2', true), ref('customresourceKind', '3', false), ref('customresourceKind', '4')],
    false,
    '',
  ],
  [
    'simple controller ref failure - two references with Controller set',
    [ref('customresourceKind1', '1', false), ref('customresourceKind2', '2', true), ref('customresourceKind3', '3', true), ref('customresourceKind4', '4')],
    true,
    'Only one reference can have Controller set to true. Found "true" in references for customresourceKind2/name and customresourceKind3/name',
  ],
];
for (const [name, ownerReferences, expectError, message] of ownerCases) {
  test(`${U} TestValidateObjectMetaOwnerReferences: ${name}`, () => {
    const errs = common({ name: 'test', namespace: 'test', ownerReferences }, true);
    assert.equal(errs.length !== 0, expectError);
    if (errs.length !== 0) assert.ok(errorString(errs[0]).includes(message), errorString(errs[0]));
  });
}

// --- TestValidateObjectMetaUpdateIgnoresCreationTimestamp ---
const t10 = '1970-01-01T00:00:10Z'; // metav1.NewTime(time.Unix(10, 0))
const t11 = '1970-01-01T00:00:11Z';
const creationCases: [Record<string, unknown>, Record<string, unknown>][] = [
  [{ name: 'test', resourceVersion: '1' }, { name: 'test', resourceVersion: '1', creationTimestamp: t10 }],
  [{ name: 'test', resourceVersion: '1', creationTimestamp: t10 }, { name: 'test', resourceVersion: '1' }],
  [{ name: 'test', resourceVersion: '1', creationTimestamp: t10 }, { name: 'test', resourceVersion: '1', creationTimestamp: t11 }],
];
creationCases.forEach(([newMeta, oldMeta], i) => {
  test(`${U} TestValidateObjectMetaUpdateIgnoresCreationTimestamp [${i}]: one error`, () => {
    assert.equal(validateObjectMetaUpdate(newMeta, oldMeta, field).length, 1);
  });
});

// --- TestValidateFinalizersUpdate ---
// Upstream's DeletionTimestamp is &metav1.Time{}, which JSON cannot hold (a zero
// time marshals to null); any set timestamp, the same in old and new, means "being deleted".
const deleting = '1970-01-01T00:16:40Z';
const finalizerUpdateCases: [string, Record<string, unknown>, Record<string, unknown>, string][] = [
  [
    'invalid adding finalizers',
    { name: 'test', resourceVersion: '1', deletionTimestamp: deleting, finalizers: ['x/a'] },
    { name: 'test', resourceVersion: '1', deletionTimestamp: deleting, finalizers: ['x/a', 'y/b'] },
    'y/b',
  ],
  [
    'invalid changing finalizers',
    { name: 'test', resourceVersion: '1', deletionTimestamp: deleting, finalizers: ['x/a'] },
    { name: 'test', resourceVersion: '1', deletionTimestamp: deleting, finalizers: ['x/b'] },
    'x/b',
  ],
  [
    'valid removing finalizers',
    { name: 'test', resourceVersion: '1', deletionTimestamp: deleting, finalizers: ['x/a', 'y/b'] },
    { name: 'test', resourceVersion: '1', deletionTimestamp: deleting, finalizers: ['x/a'] },
    '',
  ],
  [
    'valid adding finalizers for objects not being deleted',
    { name: 'test', resourceVersion: '1', finalizers: ['x/a'] },
    { name: 'test', resourceVersion: '1', finalizers: ['x/a', 'y/b'] },
    '',
  ],
];
for (const [name, oldMeta, newMeta, expected] of finalizerUpdateCases) {
  test(`${U} TestValidateFinalizersUpdate: ${name}`, () => {
    const errs = validateObjectMetaUpdate(newMeta, oldMeta, field);
    if (expected === '') assert.deepEqual(errs, []);
    else assert.ok(aggregateMessage(errs).includes(expected), aggregateMessage(errs));
  });
}

// --- TestValidateFinalizersPreventConflictingFinalizers ---
test(`${U} TestValidateFinalizersPreventConflictingFinalizers: conflicting finalizers`, () => {
  const errs = common({ name: 'test', resourceVersion: '1', finalizers: ['orphan', 'foregroundDeletion'] }, false);
  assert.ok(aggregateMessage(errs).includes('cannot be both set'));
});

// --- TestValidateObjectMetaUpdatePreventsDeletionFieldMutation ---
const now = '1970-01-01T00:16:40Z'; // time.Unix(1000, 0)
const later = '1970-01-01T00:33:20Z'; // time.Unix(2000, 0)
const base = { name: 'test', resourceVersion: '1' };
const deletionCases: [string, Record<string, unknown>, Record<string, unknown>, string[]][] = [
  ['valid without deletion fields', base, base, []],
  [
    'valid with deletion fields',
    { ...base, deletionTimestamp: now, deletionGracePeriodSeconds: 30 },
    { ...base, deletionTimestamp: now, deletionGracePeriodSeconds: 30 },
    [],
  ],
  ['invalid set deletionTimestamp', base, { ...base, deletionTimestamp: now }, ['field.deletionTimestamp: Invalid value: "1970-01-01T00:16:40Z": field is immutable']],
  ['invalid clear deletionTimestamp', { ...base, deletionTimestamp: now }, base, ['field.deletionTimestamp: Invalid value: null: field is immutable']],
  [
    'invalid change deletionTimestamp',
    { ...base, deletionTimestamp: now },
    { ...base, deletionTimestamp: later },
    ['field.deletionTimestamp: Invalid value: "1970-01-01T00:33:20Z": field is immutable'],
  ],
  ['invalid set deletionGracePeriodSeconds', base, { ...base, deletionGracePeriodSeconds: 30 }, ['field.deletionGracePeriodSeconds: Invalid value: 30: field is immutable']],
  ['invalid clear deletionGracePeriodSeconds', { ...base, deletionGracePeriodSeconds: 30 }, base, ['field.deletionGracePeriodSeconds: Invalid value: null: field is immutable']],
  [
    'invalid change deletionGracePeriodSeconds',
    { ...base, deletionGracePeriodSeconds: 30 },
    { ...base, deletionGracePeriodSeconds: 40 },
    ['field.deletionGracePeriodSeconds: Invalid value: 40: field is immutable'],
  ],
];
for (const [name, oldMeta, newMeta, want] of deletionCases) {
  test(`${U} TestValidateObjectMetaUpdatePreventsDeletionFieldMutation: ${name}`, () => {
    const before = JSON.stringify(newMeta);
    assert.deepEqual(validateObjectMetaUpdate(newMeta, oldMeta, field).map(errorString), want);
    assert.equal(JSON.stringify(newMeta), before, 'validation does not change the object');
  });
}

// --- TestObjectMetaGenerationUpdate ---
const generationCases: [string, number, number, string[]][] = [
  ['invalid generation change - decremented', 5, 4, ['field.generation: Invalid value: 4: must not be decremented']],
  ['valid generation change - incremented by one', 1, 2, []],
  ['valid generation field - not updated', 5, 5, []],
];
for (const [name, oldGen, newGen, want] of generationCases) {
  test(`${U} TestObjectMetaGenerationUpdate: ${name}`, () => {
    assert.deepEqual(validateObjectMetaUpdate({ ...base, generation: newGen }, { ...base, generation: oldGen }, field).map(errorString), want);
  });
}

// --- TestValidateObjectMetaTrimsTrailingDash ---
test(`${U} TestValidateObjectMetaTrimsTrailingDash`, () => {
  assert.deepEqual(validateObjectMeta({ name: 'test', generateName: 'foo-' }, false, nameIsDNSSubdomain, field), []);
});

// --- TestValidateAnnotations ---
const annotationSuccess: Record<string, string>[] = [
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
  { UpperCase123: 'bar' },
  { a: 'b'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B - 1) },
  { a: 'b'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2 - 1), c: 'd'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2 - 1) },
];
annotationSuccess.forEach((annotations, i) => {
  test(`${U} TestValidateAnnotations: success case[${i}]`, () => assert.deepEqual(validateAnnotations(annotations, field), []));
});
const annotationNameErrors: [Record<string, string>, string][] = [
  [{ 'nospecialchars^=@': 'bar' }, 'name part must consist of'],
  [{ 'cantendwithadash-': 'bar' }, 'name part must consist of'],
  [{ 'only/one/slash': 'bar' }, 'a valid label key must consist of'],
  [{ ['a'.repeat(254)]: 'bar' }, 'must be no more than'],
];
annotationNameErrors.forEach(([annotations, expect], i) => {
  test(`${U} TestValidateAnnotations: name error case[${i}]`, () => {
    const errs = validateAnnotations(annotations, field);
    assert.equal(errs.length, 1);
    assert.ok(errs[0].detail.includes(expect), errs[0].detail);
  });
});
const annotationSizeErrors: Record<string, string>[] = [
  { a: 'b'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B) },
  { a: 'b'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2), c: 'd'.repeat(TOTAL_ANNOTATION_SIZE_LIMIT_B / 2) },
];
annotationSizeErrors.forEach((annotations, i) => {
  test(`${U} TestValidateAnnotations: total size error case[${i}]`, () => assert.equal(validateAnnotations(annotations, field).length, 1));
});

// --- generic_test.go TestMaskTrailingDash ---
const maskCases: [string, string, string][] = [
  ['', '', 'empty string'],
  ['-', '-', 'only a single dash'],
  ['-foo', '-foo', 'has leading dash'],
  ['-foo-', '-foa', 'has both leading and trailing dashes'],
  ['b-', 'a', 'has trailing dash'],
  ['ab', 'ab', 'has neither leading nor trailing dashes'],
];
for (const [before, after, description] of maskCases) {
  test(`${G} TestMaskTrailingDash: ${description}`, () => assert.equal(maskTrailingDash(before), after));
}

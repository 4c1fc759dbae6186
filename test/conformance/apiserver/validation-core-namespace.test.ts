// Upstream: pkg/apis/core/validation/validation_test.go: TestValidateNamespace,
// TestValidateNamespaceFinalizeUpdate, TestValidateNamespaceStatusUpdate,
// TestValidateNamespaceUpdate.
//
// Upstream asserts success or failure; the `errors` below name each error's
// type and field as the Validate* functions produce them (traced through
// validation.go). The update tables give both Namespaces resourceVersion "1";
// metav1.Now() is a fixed timestamp here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validateNamespaceFinalizeUpdate } from '../../../simulations/apiserver/validation/core/namespace.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/core/validation/validation_test.go';
interface Want {
  type: ErrorType;
  field: string;
}
const I = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const R = (field: string): Want => ({ type: 'FieldValueRequired', field });
const F = (field: string): Want => ({ type: 'FieldValueForbidden', field });
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const ns = validationFor('v1/Namespace');

const namespace = (metadata: JsonObject, spec: JsonObject = {}, status: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Namespace', metadata, spec, status });
const NOW = '2025-01-01T00:00:00Z';

test(`${FILE} TestValidateNamespace`, async (t) => {
  assert.ok(ns);
  const success = [
    namespace({ name: 'abc', labels: { a: 'b' } }),
    namespace({ name: 'abc-123' }, { finalizers: ['example.com/something', 'example.com/other'] }),
  ];
  for (const [i, n] of success.entries()) {
    await t.test(`success ${i}`, () => assert.deepEqual(pick(ns.create(n)), [], show(ns.create(n))));
  }
  const errorCases: { name: string; object: JsonObject; errors: Want[] }[] = [
    { name: 'zero-length name', object: namespace({ name: '' }), errors: [R('metadata.name')] },
    { name: 'defined-namespace', object: namespace({ name: 'abc-123', namespace: 'makesnosense' }), errors: [F('metadata.namespace')] },
    { name: 'invalid-labels', object: namespace({ name: 'abc', labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' } }), errors: [I('metadata.labels')] },
  ];
  for (const c of errorCases) {
    await t.test(c.name, () => {
      const errs = ns.create(c.object);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

const rv = (name: string, extra: JsonObject = {}): JsonObject => ({ name, resourceVersion: '1', ...extra });

test(`${FILE} TestValidateNamespaceFinalizeUpdate`, async (t) => {
  const cases: { old: JsonObject; next: JsonObject; errors: Want[] }[] = [
    { old: namespace(rv('')), next: namespace(rv('')), errors: [] },
    { old: namespace(rv('foo')), next: namespace(rv('foo'), { finalizers: ['Foo'] }), errors: [I('spec.finalizers[0]')] },
    { old: namespace(rv('foo'), { finalizers: ['foo.com/bar'] }), next: namespace(rv('foo'), { finalizers: ['foo.com/bar', 'what.com/bar'] }), errors: [] },
    {
      old: namespace(rv('fooemptyfinalizer'), { finalizers: ['foo.com/bar'] }),
      next: namespace(rv('fooemptyfinalizer'), { finalizers: ['', 'foo.com/bar', 'what.com/bar'] }),
      // "" is not a qualified name (empty, and the regex), nor a standard finalizer.
      errors: [I('spec.finalizers[0]'), I('spec.finalizers[0]'), I('spec.finalizers[0]')],
    },
  ];
  for (const [i, c] of cases.entries()) {
    await t.test(`${i}`, () => {
      const errs = validateNamespaceFinalizeUpdate(c.next, c.old);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateNamespaceStatusUpdate`, async (t) => {
  const cases: { name: string; old: JsonObject; next: JsonObject; errors: Want[] }[] = [
    { name: '0 Active', old: namespace(rv('')), next: namespace(rv(''), {}, { phase: 'Active' }), errors: [] },
    {
      name: '1 cannot set deletionTimestamp via status update',
      old: namespace(rv('foo')),
      next: namespace(rv('foo', { deletionTimestamp: NOW }), {}, { phase: 'Terminating' }),
      errors: [I('metadata.deletionTimestamp')],
    },
    {
      name: '2 can update phase via status update',
      old: namespace(rv('foo', { deletionTimestamp: NOW })),
      next: namespace(rv('foo', { deletionTimestamp: NOW }), {}, { phase: 'Terminating' }),
      errors: [],
    },
    { name: '3 Terminating without deletionTimestamp', old: namespace(rv('foo')), next: namespace(rv('foo'), {}, { phase: 'Terminating' }), errors: [I('status.Phase')] },
    {
      name: '4 rename',
      old: namespace(rv('foo')),
      next: namespace(rv('bar'), {}, { phase: 'Terminating' }),
      errors: [I('metadata.name'), I('status.Phase')],
    },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = ns?.statusUpdate?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateNamespaceUpdate`, async (t) => {
  const cases: { old: JsonObject; next: JsonObject; errors: Want[] }[] = [
    { old: namespace(rv('')), next: namespace(rv('')), errors: [] },
    { old: namespace(rv('foo1')), next: namespace(rv('bar1')), errors: [I('metadata.name')] },
    { old: namespace(rv('foo2', { labels: { foo: 'bar' } })), next: namespace(rv('foo2', { labels: { foo: 'baz' } })), errors: [] },
    { old: namespace(rv('foo3')), next: namespace(rv('foo3', { labels: { foo: 'baz' } })), errors: [] },
    { old: namespace(rv('foo4', { labels: { bar: 'foo' } })), next: namespace(rv('foo4', { labels: { foo: 'baz' } })), errors: [] },
    { old: namespace(rv('foo5', { labels: { foo: 'baz' } })), next: namespace(rv('foo5', { labels: { Foo: 'baz' } })), errors: [] },
    {
      old: namespace(rv('foo6', { labels: { foo: 'baz' } })),
      next: namespace(rv('foo6', { labels: { Foo: 'baz' } }), { finalizers: ['kubernetes'] }, { phase: 'Terminating' }),
      errors: [],
    },
  ];
  for (const [i, c] of cases.entries()) {
    await t.test(`${i}`, () => {
      const errs = ns?.update?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// Upstream: pkg/apis/core/validation/validation_test.go: TestValidateConfigMap,
// TestValidateConfigMapUpdate.
//
// binaryData holds bytes; the v1 JSON holds them base64-encoded. Upstream
// asserts valid or not; the `errors` below name each error's type and field
// as ValidateConfigMap / ValidateConfigMapUpdate produce them (traced through
// validation.go). The size error's path is field.NewPath(""), which Go prints
// as "[]" (an element with neither name nor index).
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
const TL = (field: string): Want => ({ type: 'FieldValueTooLong', field });
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const cm = validationFor('v1/ConfigMap');

const MAX_SECRET_SIZE = 1024 * 1024;
/** newConfigMap(name, namespace, data, binaryData); binary values given as latin-1 strings. */
function newConfigMap(name: string, namespace: string, data?: Record<string, string>, binaryData?: Record<string, string>): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace },
    ...(data ? { data } : {}),
    ...(binaryData ? { binaryData: Object.fromEntries(Object.entries(binaryData).map(([k, v]) => [k, btoa(v)])) } : {}),
  };
}
const a253 = 'a'.repeat(253);
const a254 = 'a'.repeat(254);

const cases: { name: string; cfg: JsonObject; errors: Want[] }[] = [
  { name: 'valid', cfg: newConfigMap('validname', 'validns', { key: 'value' }, { bin: 'value' }), errors: [] },
  { name: 'max key length', cfg: newConfigMap('validname', 'validns', { [a253]: 'value' }), errors: [] },
  { name: 'leading dot key', cfg: newConfigMap('validname', 'validns', { '.ab': 'value' }), errors: [] },
  { name: 'empty name', cfg: newConfigMap('', 'validns'), errors: [R('metadata.name')] },
  { name: 'invalid name', cfg: newConfigMap('NoUppercaseOrSpecialCharsLike=Equals', 'validns'), errors: [I('metadata.name')] },
  { name: 'invalid key', cfg: newConfigMap('validname', 'validns', { 'a*b': 'value' }), errors: [I('data[a*b]')] },
  { name: 'empty namespace', cfg: newConfigMap('validname', ''), errors: [R('metadata.namespace')] },
  { name: 'invalid namespace', cfg: newConfigMap('validname', 'NoUppercaseOrSpecialCharsLike=Equals'), errors: [I('metadata.namespace')] },
  { name: 'dot key', cfg: newConfigMap('validname', 'validns', { '.': 'value' }), errors: [I('data[.]')] },
  { name: 'double dot key', cfg: newConfigMap('validname', 'validns', { '..': 'value' }), errors: [I('data[..]')] },
  { name: 'over max key length', cfg: newConfigMap('validname', 'validns', { [a254]: 'value' }), errors: [I(`data[${a254}]`)] },
  { name: 'over max size', cfg: newConfigMap('validname', 'validns', { key: 'a'.repeat(MAX_SECRET_SIZE + 1) }), errors: [TL('[]')] },
  { name: 'duplicated key', cfg: newConfigMap('validname', 'validns', { key: 'value1' }, { key: 'value2' }), errors: [I('data[key]')] },
  { name: 'binary data invalid key', cfg: newConfigMap('validname', 'validns', undefined, { 'a*b': 'value' }), errors: [I('binaryData[a*b]')] },
  { name: 'binary data leading dot key', cfg: newConfigMap('validname', 'validns', undefined, { '.ab': 'value' }), errors: [] },
  { name: 'binary data dot key', cfg: newConfigMap('validname', 'validns', undefined, { '.': 'value' }), errors: [I('binaryData[.]')] },
  { name: 'binary data double dot key', cfg: newConfigMap('validname', 'validns', undefined, { '..': 'value' }), errors: [I('binaryData[..]')] },
  { name: 'binary data over max key length', cfg: newConfigMap('validname', 'validns', undefined, { [a254]: 'value' }), errors: [I(`binaryData[${a254}]`)] },
  { name: 'binary data max size', cfg: newConfigMap('validname', 'validns', undefined, { bin: 'a'.repeat(MAX_SECRET_SIZE + 1) }), errors: [TL('[]')] },
  { name: 'binary data non utf-8 bytes', cfg: newConfigMap('validname', 'validns', undefined, { key: '\x00\xFE\x00\xFF' }), errors: [] },
];

test(`${FILE} TestValidateConfigMap`, async (t) => {
  assert.ok(cm);
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = cm.create(c.cfg);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateConfigMapUpdate`, async (t) => {
  const make = (version: string, name: string, namespace: string, data: Record<string, string>, immutable?: boolean): JsonObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, resourceVersion: version },
    data,
    ...(immutable === undefined ? {} : { immutable }),
  });
  // Upstream's validConfigMap() is in namespace "validdns"; noVersion is in "validns".
  const valid = (immutable?: boolean, extra: Record<string, string> = {}) => make('1', 'validname', 'validdns', { key: 'value', ...extra }, immutable);
  const cases: { name: string; next: JsonObject; old: JsonObject; errors: Want[] }[] = [
    { name: 'valid', next: valid(), old: valid(), errors: [] },
    {
      name: 'invalid',
      next: make('', 'validname', 'validns', { key: 'value' }),
      old: valid(),
      errors: [I('metadata.resourceVersion'), I('metadata.namespace')],
    },
    { name: 'mark configmap immutable', old: valid(), next: valid(true), errors: [] },
    { name: 'revert immutable configmap', old: valid(true), next: valid(), errors: [F('immutable')] },
    { name: 'mark immutable configmap mutable', old: valid(true), next: valid(false), errors: [F('immutable')] },
    { name: 'add data in configmap', old: valid(), next: valid(undefined, { 'key-2': 'value-2' }), errors: [] },
    { name: 'add data in immutable configmap', old: valid(true), next: valid(true, { 'key-2': 'value-2' }), errors: [F('data')] },
    { name: 'change data in configmap', old: valid(), next: valid(undefined, { key: 'foo' }), errors: [] },
    { name: 'change data in immutable configmap', old: valid(true), next: valid(true, { key: 'foo' }), errors: [F('data')] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = cm?.update?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// The brief's example, and the message kube-apiserver prints for it
// (util/validation's IsDNS1123Subdomain wording).
test('a ConfigMap named Bad_Name fails with the RFC 1123 subdomain message', () => {
  const errs = cm?.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name', namespace: 'default' } }) ?? [];
  assert.deepEqual(errs.map(errorString), [
    "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
  ]);
});

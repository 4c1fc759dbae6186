// apiextensions-apiserver pkg/apiserver/schema/validation_test.go (v1.36): TestValidateStructuralMetadataInvariants
// and TestValidateNestedValueValidationComplete, through validateStructuralSchema. Upstream drives
// validateStructuralMetadataInvariants / validateNestedValueValidation directly with fuzzed fields; here
// each field is set on a root schema's metadata property, or inside an allOf, and the whole schema is
// checked, so the error's path and message are checked too (messages from schema/validation.go).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateStructuralSchema } from '../../../simulations/index.ts';
import type { JSONSchemaProps } from '../../../simulations/index.ts';

const P = 'spec.versions[0].schema.openAPIV3Schema';
const messages = (s: JSONSchemaProps) => validateStructuralSchema(s).map((e) => e.message);
const withMetadata = (metadata: JSONSchemaProps): JSONSchemaProps => ({ type: 'object', properties: { metadata } });

// The JSON names of metav1.ObjectMeta's fields.
const OBJECT_META_FIELDS = [
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
];

describe('TestValidateStructuralMetadataInvariants', () => {
  it('metadata at the root must be of type object', () => {
    for (const t of ['object', 'array', 'number', 'integer', 'boolean', 'string']) {
      const got = messages(withMetadata(t === 'array' ? { type: t, items: { type: 'string' } } : { type: t }));
      if (t === 'object') assert.deepEqual(got, [], t);
      else assert.ok(got.includes(`${P}.properties[metadata].type: Invalid value: "${t}": must be object`), `${t}: ${got.join('; ')}`);
    }
  });
  it('only name and generateName of ObjectMeta may be restricted', () => {
    for (const f of OBJECT_META_FIELDS) {
      const got = messages(withMetadata({ type: 'object', properties: { [f]: { type: 'string' } } }));
      if (f === 'name' || f === 'generateName') assert.deepEqual(got, [], f);
      else assert.deepEqual(got, [`${P}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`], f);
    }
    assert.deepEqual(messages(withMetadata({ type: 'object', properties: { name: { type: 'string', maxLength: 10 }, generateName: { type: 'string' } } })), []);
  });
  it('anything other than type and properties in metadata is forbidden', () => {
    for (const extra of [{ description: 'd' }, { nullable: true }, { maxProperties: 3 }, { 'x-kubernetes-preserve-unknown-fields': true }, { required: ['name'] }]) {
      assert.deepEqual(messages(withMetadata({ type: 'object', ...extra })), [`${P}.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified`], JSON.stringify(extra));
    }
  });
});

describe('TestValidateNestedValueValidationComplete', () => {
  const nested = (v: JSONSchemaProps): JSONSchemaProps => ({ type: 'object', properties: { a: { type: 'string', allOf: [v] } } });
  const at = `${P}.properties[a].allOf[0]`;
  const table: [JSONSchemaProps, string][] = [
    [{ type: 'string' }, `${at}.type: Forbidden: must be empty to be structural`],
    [{ additionalProperties: { type: 'string' } }, `${at}.additionalProperties: Forbidden: must be undefined to be structural`],
    [{ default: 42 }, `${at}.default: Forbidden: must be undefined to be structural`],
    [{ title: 't' }, `${at}.title: Forbidden: must be empty to be structural`],
    [{ description: 'd' }, `${at}.description: Forbidden: must be empty to be structural`],
    [{ nullable: true }, `${at}.nullable: Forbidden: must be false to be structural`],
    [{ externalDocs: { url: 'https://example.com' } }, `${at}.externalDocs: Forbidden: must be undefined to be structural`],
    [{ 'x-kubernetes-preserve-unknown-fields': true }, `${at}.x-kubernetes-preserve-unknown-fields: Forbidden: must be false to be structural`],
    [{ 'x-kubernetes-embedded-resource': true }, `${at}.x-kubernetes-embedded-resource: Forbidden: must be false to be structural`],
    [{ 'x-kubernetes-int-or-string': true }, `${at}.x-kubernetes-int-or-string: Forbidden: must be false to be structural`],
    [{ 'x-kubernetes-list-map-keys': ['k'] }, `${at}.x-kubernetes-list-map-keys: Forbidden: must be empty to be structural`],
    [{ 'x-kubernetes-list-type': 'set' }, `${at}.x-kubernetes-list-type: Forbidden: must be undefined to be structural`],
    [{ 'x-kubernetes-map-type': 'atomic' }, `${at}.x-kubernetes-map-type: Forbidden: must be undefined to be structural`],
    [{ 'x-kubernetes-validations': [{ rule: 'self.size() > 0' }] }, `${at}.x-kubernetes-validations: Forbidden: must be empty to be structural`],
  ];
  for (const [v, want] of table) {
    it(Object.keys(v)[0], () => assert.deepEqual(messages(nested(v)), [want]));
  }
  it('value validations alone are allowed', () => assert.deepEqual(messages(nested({ maxLength: 3, pattern: '^a' })), []));
});

describe('validateStructuralInvariants (messages of schema/validation.go)', () => {
  it('the contract example: an array needs items', () => {
    assert.deepEqual(validateStructuralSchema({ type: 'object', properties: { slice: { type: 'array' } } }).map((e) => e.message), [`${P}.properties[slice].items: Required value: must be specified`]);
  });
  it('type must be given at the root, for fields and for items; root must be object; errors sorted by message', () => {
    assert.deepEqual(messages({ properties: { a: {}, b: { type: 'array', items: {} } } }), [
      `${P}.properties[a].type: Required value: must not be empty for specified object fields`,
      `${P}.properties[b].items.type: Required value: must not be empty for specified array items`,
      `${P}.type: Required value: must not be empty at the root`,
    ]);
    assert.deepEqual(messages({ type: 'string' }), [`${P}.type: Invalid value: "string": must be object at the root`]);
  });
  it('x-kubernetes-int-or-string and x-kubernetes-preserve-unknown-fields stand in for a type', () => {
    assert.deepEqual(messages({ type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true }, raw: { 'x-kubernetes-preserve-unknown-fields': true } } }), []);
    assert.deepEqual(messages({ type: 'object', properties: { port: { 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] } } }), []);
  });
  it('embedded resources', () => {
    assert.deepEqual(messages({ type: 'object', properties: { e: { 'x-kubernetes-embedded-resource': true } } }), [
      `${P}.properties[e].properties: Required value: must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields`,
      `${P}.properties[e].type: Required value: must be object if x-kubernetes-embedded-resource is true`,
    ]);
    assert.deepEqual(messages({ type: 'object', properties: { e: { type: 'object', 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true } } }), []);
  });
  it('additionalProperties is not allowed at the root', () => {
    assert.deepEqual(messages({ type: 'object', additionalProperties: { type: 'string' } }), [`${P}.additionalProperties: Forbidden: must not be used at the root`]);
  });
  it('x-kubernetes-int-or-string excludes preserve-unknown-fields and embedded-resource', () => {
    assert.deepEqual(messages({ type: 'object', properties: { p: { 'x-kubernetes-int-or-string': true, 'x-kubernetes-preserve-unknown-fields': true } } }), [
      `${P}.properties[p].x-kubernetes-preserve-unknown-fields: Invalid value: true: must be false if x-kubernetes-int-or-string is true`,
    ]);
  });
  it('metadata may not be named inside a value validation', () => {
    assert.deepEqual(messages({ type: 'object', properties: { metadata: { type: 'object' } }, allOf: [{ properties: { metadata: { maxProperties: 1 } } }] }), [
      `${P}.allOf[0].properties[metadata]: Forbidden: must not be specified in a nested context`,
    ]);
  });
});

// apiextensions-apiserver pkg/apiserver/validation/validation_test.go, TestValidateCustomResource (v1.36),
// through validateCustomResource. Each case: objects that must pass, and failing objects with the
// exact set of error messages (upstream compares sets). The CEL cases (x-kubernetes-validations:
// immutability and correlatable transition rules, a rule under a non-correlatable field) are not
// transcribed: CEL is not modelled.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateCustomResource } from '../../../simulations/index.ts';
import type { JSONSchemaProps } from '../../../simulations/index.ts';

type Case = { name: string; schema: JSONSchemaProps; objects?: unknown[]; failing?: { object: unknown; expectErrs: string[] }[] };

const field = (f: JSONSchemaProps): JSONSchemaProps => ({ type: 'object', properties: { field: f } });
const typeErr = (t: string, want: string) => `field: Invalid value: "${t}": field in body must be of type ${want}: "${t}"`;
const anyOfErr = '<nil>: Invalid value: "": "field" must validate at least one schema (anyOf)';
const allOfErr = '<nil>: Invalid value: "": "field" must validate all the schemas (allOf). None validated';

const cases: Case[] = [
  {
    name: '!nullable',
    schema: field({ type: 'object', nullable: false }),
    objects: [{}, { field: {} }],
    failing: [
      { object: { field: 'foo' }, expectErrs: [typeErr('string', 'object')] },
      { object: { field: 42 }, expectErrs: [typeErr('integer', 'object')] },
      { object: { field: true }, expectErrs: [typeErr('boolean', 'object')] },
      { object: { field: 1.2 }, expectErrs: [typeErr('number', 'object')] },
      { object: { field: [] }, expectErrs: [typeErr('array', 'object')] },
      { object: { field: null }, expectErrs: [typeErr('null', 'object')] },
    ],
  },
  {
    name: 'nullable',
    schema: field({ type: 'object', nullable: true }),
    objects: [{}, { field: {} }, { field: null }],
    failing: [
      { object: { field: 'foo' }, expectErrs: [typeErr('string', 'object')] },
      { object: { field: 42 }, expectErrs: [typeErr('integer', 'object')] },
      { object: { field: true }, expectErrs: [typeErr('boolean', 'object')] },
      { object: { field: 1.2 }, expectErrs: [typeErr('number', 'object')] },
      { object: { field: [] }, expectErrs: [typeErr('array', 'object')] },
    ],
  },
  {
    name: 'nullable and no type',
    schema: field({ nullable: true }),
    objects: [{}, { field: {} }, { field: null }, { field: 'foo' }, { field: 42 }, { field: true }, { field: 1.2 }, { field: [] }],
  },
  {
    name: 'x-kubernetes-int-or-string',
    schema: field({ 'x-kubernetes-int-or-string': true }),
    objects: [{}, { field: 42 }, { field: 'foo' }],
    failing: [
      { object: { field: null }, expectErrs: [typeErr('null', 'integer,string')] },
      { object: { field: true }, expectErrs: [typeErr('boolean', 'integer,string')] },
      { object: { field: 1.2 }, expectErrs: [typeErr('number', 'integer,string')] },
      { object: { field: {} }, expectErrs: [typeErr('object', 'integer,string')] },
      { object: { field: [] }, expectErrs: [typeErr('array', 'integer,string')] },
    ],
  },
  {
    name: 'nullable and x-kubernetes-int-or-string',
    schema: field({ nullable: true, 'x-kubernetes-int-or-string': true }),
    objects: [{}, { field: 42 }, { field: 'foo' }, { field: null }],
    failing: [
      { object: { field: true }, expectErrs: [typeErr('boolean', 'integer,string')] },
      { object: { field: 1.2 }, expectErrs: [typeErr('number', 'integer,string')] },
      { object: { field: {} }, expectErrs: [typeErr('object', 'integer,string')] },
      { object: { field: [] }, expectErrs: [typeErr('array', 'integer,string')] },
    ],
  },
  {
    name: 'nullable, x-kubernetes-int-or-string and user-provided anyOf',
    schema: field({ nullable: true, 'x-kubernetes-int-or-string': true, anyOf: [{ type: 'integer' }, { type: 'string' }] }),
    objects: [{}, { field: null }, { field: 42 }, { field: 'foo' }],
    failing: (['boolean', 'number', 'object', 'array'] as const).map((t) => ({
      object: { field: { boolean: true, number: 1.2, object: {}, array: [] }[t] },
      expectErrs: [anyOfErr, typeErr(t, 'integer,string'), typeErr(t, 'integer')],
    })),
  },
  {
    name: 'nullable, x-kubernetes-int-or-string and user-provider allOf',
    schema: field({ nullable: true, 'x-kubernetes-int-or-string': true, allOf: [{ anyOf: [{ type: 'integer' }, { type: 'string' }] }] }),
    objects: [{}, { field: null }, { field: 42 }, { field: 'foo' }],
    failing: (['boolean', 'number', 'object', 'array'] as const).map((t) => ({
      object: { field: { boolean: true, number: 1.2, object: {}, array: [] }[t] },
      expectErrs: [allOfErr, anyOfErr, typeErr(t, 'integer,string'), typeErr(t, 'integer')],
    })),
  },
  {
    name: 'invalid regex',
    schema: field({ type: 'string', pattern: '+' }),
    failing: [{ object: { field: 'foo' }, expectErrs: ["field: Invalid value: \"foo\": field in body should match '+, but pattern is invalid: error parsing regexp: missing argument to repetition operator: `+`'"] }],
  },
  {
    name: 'required field',
    schema: { type: 'object', required: ['field'], properties: { field: { type: 'object', required: ['nested'], properties: { nested: {} } } } },
    failing: [
      { object: { test: 'a' }, expectErrs: ['field: Required value'] },
      { object: { field: {} }, expectErrs: ['field.nested: Required value'] },
    ],
  },
  {
    name: 'enum',
    schema: field({ type: 'object', required: ['nestedint', 'nestedstring'], properties: { nestedint: { type: 'integer', enum: [1, 2] }, nestedstring: { type: 'string', enum: ['a', 'b'] } } }),
    failing: [
      { object: { field: {} }, expectErrs: ['field.nestedint: Required value', 'field.nestedstring: Required value'] },
      {
        object: { field: { nestedint: 'x', nestedstring: true } },
        expectErrs: [
          'field.nestedint: Invalid value: "string": field.nestedint in body must be of type integer: "string"',
          'field.nestedint: Unsupported value: "x": supported values: "1", "2"',
          'field.nestedstring: Invalid value: "boolean": field.nestedstring in body must be of type string: "boolean"',
          'field.nestedstring: Unsupported value: true: supported values: "a", "b"',
        ],
      },
    ],
  },
  {
    name: 'maxProperties',
    schema: { type: 'object', properties: { fieldX: { type: 'object', maxProperties: 2 } } },
    failing: [{ object: { fieldX: { a: true, b: true, c: true } }, expectErrs: ['fieldX: Too many: 3: must have at most 2 items'] }],
  },
  {
    name: 'maxItems',
    schema: { type: 'object', properties: { fieldX: { type: 'array', maxItems: 2 } } },
    failing: [{ object: { fieldX: ['a', 'b', 'c'] }, expectErrs: ['fieldX: Too many: 3: must have at most 2 items'] }],
  },
  {
    name: 'maxLength',
    schema: { type: 'object', properties: { fieldX: { type: 'string', maxLength: 2 } } },
    failing: [{ object: { fieldX: 'abc' }, expectErrs: ['fieldX: Too long: may not be more than 2 bytes'] }],
  },
];

describe('validation_test.go TestValidateCustomResource', () => {
  for (const tc of cases) {
    it(tc.name, () => {
      for (const obj of tc.objects ?? []) assert.deepEqual(validateCustomResource(tc.schema, obj), [], JSON.stringify(obj));
      for (const f of tc.failing ?? []) {
        const saw = [...new Set(validateCustomResource(tc.schema, f.object).map((e) => e.message))].sort();
        assert.deepEqual(saw, [...new Set(f.expectErrs)].sort(), JSON.stringify(f.object));
      }
    });
  }
});

describe('TestItemsProperty', () => {
  it('items in object', () => {
    assert.deepEqual(validateCustomResource({ properties: { spec: { properties: { replicas: { type: 'integer' } } } } }, { spec: { replicas: 1, items: ['1', '2'] } }), []);
  });
  it('items in array', () => {
    assert.deepEqual(validateCustomResource({ properties: { secrets: { type: 'array', items: { type: 'string' } } } }, { secrets: ['1', '2'] }), []);
  });
});

describe('the contract example', () => {
  it('a string where an object is wanted', () => {
    assert.deepEqual(validateCustomResource({ type: 'object', properties: { field: { type: 'object' } } }, { field: 'foo' }), [
      { type: 'FieldValueInvalid', field: 'field', detail: 'field in body must be of type object: "string"', message: 'field: Invalid value: "string": field in body must be of type object: "string"' },
    ]);
  });
});

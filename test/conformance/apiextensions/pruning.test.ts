// apiextensions-apiserver pkg/apiserver/schema/pruning/algorithm_test.go, TestPrune (v1.36), through
// pruneObject. Upstream's structuralschema.Structural literals are written as the openAPIV3Schema
// JSON they come from: Generic.Type -> type, Extensions.XPreserveUnknownFields ->
// x-kubernetes-preserve-unknown-fields, XEmbeddedResource -> x-kubernetes-embedded-resource,
// AdditionalProperties{Structural} -> additionalProperties: <schema>, {Bool: false} -> false.
// Each case compares the pruned object and the exact, sorted list of pruned paths.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pruneObject } from '../../../simulations/index.ts';
import type { JSONSchemaProps } from '../../../simulations/index.ts';

const obj = (type = 'object', extra: JSONSchemaProps = {}): JSONSchemaProps => ({ type, ...extra });

const embeddedInput = (withNsLabels: boolean) => {
  const meta = () => (withNsLabels ? { name: 'instance', namespace: 'myns', labels: { foo: 'bar' }, unspecified: 'bar' } : { name: 'instance', unspecified: 'bar' });
  const res = (spec: Record<string, unknown>) => ({ apiVersion: 'foo/v1', kind: 'Foo', unspecified: 'bar', metadata: meta(), spec });
  return {
    apiVersion: 'foo/v1',
    kind: 'Foo',
    metadata: meta(),
    unspecified: 'bar',
    pruned: res({ unspecified: 'bar' }),
    preserving: res({ unspecified: 'bar' }),
    nested: res({ unspecified: 'bar', embedded: res({ unspecified: 'bar' }) }),
  };
};

const embeddedOutput = (withNsLabels: boolean, root: boolean) => {
  const meta = () => (withNsLabels ? { name: 'instance', namespace: 'myns', labels: { foo: 'bar' }, unspecified: 'bar' } : { name: 'instance', unspecified: 'bar' });
  const res = (spec: Record<string, unknown>) => ({ apiVersion: 'foo/v1', kind: 'Foo', metadata: meta(), spec });
  const body = {
    pruned: res({}),
    preserving: { apiVersion: 'foo/v1', kind: 'Foo', unspecified: 'bar', metadata: meta(), spec: { unspecified: 'bar' } },
    nested: res({ embedded: res({}) }),
  };
  return root ? { apiVersion: 'foo/v1', kind: 'Foo', metadata: meta(), ...body } : body;
};

const EMBEDDED_PRUNED = ['nested.spec.embedded.spec.unspecified', 'nested.spec.embedded.unspecified', 'nested.spec.unspecified', 'nested.unspecified', 'pruned.spec.unspecified', 'pruned.unspecified', 'unspecified'];

const cases: { name: string; json: unknown; schema: JSONSchemaProps | null; isResourceRoot?: boolean; expectedObject: unknown; expectedPruned: string[] }[] = [
  { name: 'empty', json: null, schema: null, expectedObject: null, expectedPruned: [] },
  { name: 'scalar', json: 4, schema: {}, expectedObject: 4, expectedPruned: [] },
  { name: 'scalar array', json: [1, 2], schema: { items: {} }, expectedObject: [1, 2], expectedPruned: [] },
  {
    name: 'object array',
    json: [{ a: 1 }, { b: 1 }, { a: 1, b: 2, c: 3 }],
    schema: { items: { properties: { a: {}, c: {} } } },
    expectedObject: [{ a: 1 }, {}, { a: 1, c: 3 }],
    expectedPruned: ['[1].b', '[2].b'],
  },
  {
    name: 'object array with nil schema',
    json: [{ a: 1 }, { b: 1 }, { a: 1, b: 2, c: 3 }],
    schema: null,
    expectedObject: [{}, {}, {}],
    expectedPruned: ['[0].a', '[1].b', '[2].a', '[2].b', '[2].c'],
  },
  {
    name: 'object array object',
    json: { array: [{ a: 1 }, { b: 1 }, { a: 1, b: 2, c: 3 }], unspecified: { a: 1 }, specified: { a: 1, b: 2, c: 3 } },
    schema: { properties: { array: { items: { properties: { a: {}, c: {} } } }, specified: { properties: { a: {}, c: {} } } } },
    expectedObject: { array: [{ a: 1 }, {}, { a: 1, c: 3 }], specified: { a: 1, c: 3 } },
    expectedPruned: ['array[1].b', 'array[2].b', 'specified.b', 'unspecified'],
  },
  {
    name: 'nested x-kubernetes-preserve-unknown-fields',
    json: {
      unspecified: 'bar',
      alpha: 'abc',
      beta: 42.0,
      unspecifiedObject: { unspecified: 'bar' },
      pruning: { unspecified: 'bar', unspecifiedObject: { unspecified: 'bar' }, pruning: { unspecified: 'bar' }, apiVersion: 'unknown', preserving: { unspecified: 'bar' } },
      preserving: { unspecified: 'bar', unspecifiedObject: { unspecified: 'bar' }, pruning: { unspecified: 'bar' }, preserving: { unspecified: 'bar' }, preservingUnknownType: [{ foo: true }, { bar: true }] },
      preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields: { foo: { specified: { unspecified: 'bar' }, unspecified: 'bar' } },
      preservingAdditionalPropertiesKeyPruneValues: { foo: { specified: { unspecified: 'bar' }, unspecified: 'bar' } },
    },
    schema: obj('object', {
      'x-kubernetes-preserve-unknown-fields': true,
      properties: {
        alpha: { type: 'string' },
        beta: { type: 'number' },
        pruning: obj('object', { properties: { preserving: obj('object', { 'x-kubernetes-preserve-unknown-fields': true }), pruning: obj() } }),
        preserving: obj('object', {
          'x-kubernetes-preserve-unknown-fields': true,
          properties: {
            preserving: obj('object', { 'x-kubernetes-preserve-unknown-fields': true }),
            preservingUnknownType: { 'x-kubernetes-preserve-unknown-fields': true },
            pruning: obj(),
          },
        }),
        preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields: obj('object', {
          'x-kubernetes-preserve-unknown-fields': true,
          additionalProperties: obj('object', { properties: { specified: obj() } }),
        }),
        preservingAdditionalPropertiesKeyPruneValues: obj('object', { additionalProperties: obj('object', { properties: { specified: obj() } }) }),
      },
    }),
    expectedObject: {
      unspecified: 'bar',
      alpha: 'abc',
      beta: 42.0,
      unspecifiedObject: { unspecified: 'bar' },
      pruning: { pruning: {}, preserving: { unspecified: 'bar' } },
      preserving: { unspecified: 'bar', unspecifiedObject: { unspecified: 'bar' }, pruning: {}, preserving: { unspecified: 'bar' }, preservingUnknownType: [{ foo: true }, { bar: true }] },
      preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields: { foo: { specified: {} } },
      preservingAdditionalPropertiesKeyPruneValues: { foo: { specified: {} } },
    },
    expectedPruned: [
      'preserving.pruning.unspecified',
      'preservingAdditionalPropertiesKeyPruneValues.foo.specified.unspecified',
      'preservingAdditionalPropertiesKeyPruneValues.foo.unspecified',
      'preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields.foo.specified.unspecified',
      'preservingAdditionalPropertiesNotInheritingXPreserveUnknownFields.foo.unspecified',
      'pruning.apiVersion',
      'pruning.pruning.unspecified',
      'pruning.unspecified',
      'pruning.unspecifiedObject',
    ],
  },
  {
    name: 'additionalProperties with schema',
    json: { a: 1, b: 1, c: { a: 1, b: 2, c: { a: 1 } } },
    schema: { properties: { a: {}, c: { additionalProperties: { type: 'integer' } } } },
    expectedObject: { a: 1, c: { a: 1, b: 2, c: {} } },
    expectedPruned: ['b', 'c.c.a'],
  },
  {
    name: 'additionalProperties with bool',
    json: { a: 1, b: 1, c: { a: 1, b: 2, c: { a: 1, apiVersion: 'unknown' } } },
    schema: { properties: { a: {}, c: { additionalProperties: false } } },
    expectedObject: { a: 1, c: { a: 1, b: 2, c: {} } },
    expectedPruned: ['b', 'c.c.a', 'c.c.apiVersion'],
  },
  {
    name: 'x-kubernetes-embedded-resource',
    json: embeddedInput(false),
    schema: obj('object', {
      properties: {
        pruned: obj('object', { 'x-kubernetes-embedded-resource': true, properties: { spec: obj() } }),
        preserving: obj('object', { 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true }),
        nested: obj('object', {
          'x-kubernetes-embedded-resource': true,
          properties: { spec: obj('object', { properties: { embedded: obj('object', { 'x-kubernetes-embedded-resource': true, properties: { spec: obj() } }) } }) },
        }),
      },
    }),
    expectedObject: embeddedOutput(false, false),
    expectedPruned: EMBEDDED_PRUNED,
  },
  {
    name: 'x-kubernetes-embedded-resource, with root=true',
    json: embeddedInput(true),
    isResourceRoot: true,
    schema: obj('object', {
      properties: {
        metadata: obj(),
        pruned: obj('object', { 'x-kubernetes-embedded-resource': true, properties: { metadata: obj(), spec: obj() } }),
        preserving: obj('object', { 'x-kubernetes-embedded-resource': true, 'x-kubernetes-preserve-unknown-fields': true }),
        nested: obj('object', {
          'x-kubernetes-embedded-resource': true,
          properties: { spec: obj('object', { properties: { embedded: obj('object', { 'x-kubernetes-embedded-resource': true, properties: { metadata: obj(), spec: obj() } }) } }) },
        }),
      },
    }),
    expectedObject: embeddedOutput(true, true),
    expectedPruned: EMBEDDED_PRUNED,
  },
];

describe('pruning/algorithm_test.go TestPrune', () => {
  for (const tc of cases) {
    it(tc.name, () => {
      const input = structuredClone(tc.json);
      const { object, prunedPaths } = pruneObject(tc.schema, input, { isResourceRoot: tc.isResourceRoot === true });
      assert.deepEqual(object, tc.expectedObject);
      assert.deepEqual(prunedPaths, tc.expectedPruned);
    });
  }
  it('the contract example', () => {
    assert.deepEqual(pruneObject({ properties: { a: {} } }, { a: 1, b: 2 }), { object: { a: 1 }, prunedPaths: ['b'] });
  });
});

// apiextensions-apiserver pkg/apiserver/schema/defaulting/algorithm_test.go (TestDefault) and
// prunenulls_test.go (TestPruneNonNullableNullsWithoutDefaults), v1.36, through defaultCustomObject,
// which runs PruneNonNullableNullsWithoutDefaults and then Default as the decoder does. For the
// TestDefault cases the null-pruning step changes nothing except where a case says so (noted).
// Structural literals are written as the openAPIV3Schema JSON they come from (Default -> default).

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCustomObject } from '../../../simulations/index.ts';
import type { JSONSchemaProps } from '../../../simulations/index.ts';
import { pruneNonNullableNullsWithoutDefaults } from '../../../simulations/apiextensions/defaulting.ts';

const d = (v: unknown): JSONSchemaProps => ({ default: v });

const defaultCases: [string, unknown, JSONSchemaProps | null, unknown][] = [
  ['empty', null, null, null],
  ['scalar', 4, d('foo'), 4],
  ['scalar array', [1, 2], { items: d('foo') }, [1, 2]],
  ['object array', [{ a: 1 }, { b: 1 }, { c: 1 }], { items: { properties: { a: d('A'), b: d('B'), c: d('C') } } }, [{ a: 1, b: 'B', c: 'C' }, { a: 'A', b: 1, c: 'C' }, { a: 'A', b: 'B', c: 1 }]],
  [
    'object array object',
    { array: [{ a: 1 }, { b: 2 }], object: { a: 1 }, additionalProperties: { x: { a: 1 }, y: { b: 2 } } },
    {
      properties: {
        array: { items: { properties: { a: d('A'), b: d('B') } } },
        object: { properties: { a: d('N'), b: d('O') } },
        additionalProperties: { additionalProperties: { properties: { a: d('alpha'), b: d('beta') } } },
        foo: d('bar'),
      },
    },
    { array: [{ a: 1, b: 'B' }, { a: 'A', b: 2 }], object: { a: 1, b: 'O' }, additionalProperties: { x: { a: 1, b: 'beta' }, y: { a: 'alpha', b: 2 } }, foo: 'bar' },
  ],
  [
    'empty and null',
    [{}, { a: 1 }, { a: 0 }, { a: 0.0 }, { a: '' }, { a: null }, { a: [] }, { a: {} }],
    { items: { properties: { a: d('A') } } },
    [{ a: 'A' }, { a: 1 }, { a: 0 }, { a: 0.0 }, { a: '' }, { a: 'A' }, { a: [] }, { a: {} }],
  ],
  ['null in nullable list', [null], { nullable: true, items: { properties: { a: d('A') } } }, [null]],
  ['null in non-nullable list', [null], { nullable: false, items: d('A') }, ['A']],
  ['null in nullable object', { a: null }, { properties: { a: { nullable: true, default: 'A' } } }, { a: null }],
  ['null in non-nullable object', { a: null }, { properties: { a: { nullable: false, default: 'A' } } }, { a: 'A' }],
  ['null in nullable object with additionalProperties', { a: null }, { additionalProperties: { nullable: true, default: 'A' } }, { a: null }],
  ['null in non-nullable object with additionalProperties', { a: null }, { additionalProperties: { nullable: false, default: 'A' } }, { a: 'A' }],
  ['null unknown field', { a: null }, { additionalProperties: true }, { a: null }],
];

describe('defaulting/algorithm_test.go TestDefault', () => {
  for (const [name, json, schema, expected] of defaultCases) {
    it(name, () => assert.deepEqual(defaultCustomObject(schema, structuredClone(json)), expected));
  }
  it('the contract example', () => assert.deepEqual(defaultCustomObject({ properties: { a: { default: 'A' } } }, {}), { a: 'A' }));
});

describe('defaulting/prunenulls_test.go TestPruneNonNullableNullsWithoutDefaults', () => {
  const run = (schema: JSONSchemaProps | null, json: unknown) => {
    const x = structuredClone(json);
    pruneNonNullableNullsWithoutDefaults(x, schema);
    return x;
  };
  it('empty', () => assert.deepEqual(run(null, null), null));
  it('scalar', () => assert.deepEqual(run(d('foo'), 4), 4));
  it('scalar array', () => assert.deepEqual(run(null, [1, null]), [1, null]));
  it('object array', () => {
    const schema: JSONSchemaProps = { items: { properties: { a: d('A'), b: { nullable: true }, c: { default: 'C', nullable: true }, d: {} } } };
    assert.deepEqual(run(schema, [{ a: null }, { b: null }, { c: null }, { d: null }, { e: null }]), [{ a: null }, { b: null }, { c: null }, {}, { e: null }]);
  });
});

// validateSchema: what makes a struct table malformed, as
// staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/meta.go reads the tags
// (a merge key only with a merge strategy, list markers only on lists, ...).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSchema } from './patch-meta.ts';
import type { PatchSchema } from './patch-meta.ts';

describe('validateSchema reports what is malformed', () => {
  const cases: { name: string; schema: PatchSchema; problem: string }[] = [
    { name: 'a type that does not exist', schema: { root: 'T', types: { T: { a: { type: '[]Missing' } } } }, problem: 'T.a: unknown type []Missing' },
    { name: 'a root that is not a struct', schema: { root: 'string', types: {} }, problem: 'root: string is not a struct of the schema' },
    {
      name: 'a list of objects merged without a key',
      schema: { root: 'T', types: { T: { a: { type: '[]I', patchStrategy: 'merge' } }, I: {} } },
      problem: 'T.a: merge strategy on a list of objects needs a patchMergeKey',
    },
    {
      name: 'a merge key without a merge strategy',
      schema: { root: 'T', types: { T: { a: { type: '[]I', patchMergeKey: 'name' } }, I: {} } },
      problem: 'T.a: patchMergeKey without a merge strategy',
    },
    {
      name: 'an unknown patch strategy',
      schema: { root: 'T', types: { T: { a: { type: '[]I', patchStrategy: 'append' as never } }, I: {} } },
      problem: 'T.a: unknown patchStrategy append',
    },
    {
      name: 'a list marker on a map',
      schema: { root: 'T', types: { T: { a: { type: 'map[string]string', listType: 'atomic' } } } },
      problem: 'T.a: list markers on a field that is not a list (map[string]string)',
    },
    {
      name: 'mapType on a list',
      schema: { root: 'T', types: { T: { a: { type: '[]string', mapType: 'atomic' } } } },
      problem: 'T.a: mapType on a field that is not a map ([]string)',
    },
    {
      name: 'listType=map without keys',
      schema: { root: 'T', types: { T: { a: { type: '[]I', listType: 'map' } }, I: {} } },
      problem: 'T.a: listType=map needs listMapKey markers',
    },
    {
      name: 'an atomic struct that does not exist',
      schema: { root: 'T', types: { T: {} }, atomicStructs: ['Selector'] },
      problem: 'atomicStructs: unknown type Selector',
    },
    {
      name: 'a map of lists of an unknown type',
      schema: { root: 'T', types: { T: { a: { type: 'map[string][]Missing' } } } },
      problem: 'T.a: unknown type map[string][]Missing',
    },
  ];
  for (const c of cases) test(c.name, () => assert.deepEqual(validateSchema(c.schema), [c.problem]));
});

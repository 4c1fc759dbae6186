// Conformance: our strategic merge patch against apimachinery's own tables.
// src: staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/patch_test.go
// (kubernetes/kubernetes), transcribed into ./tables/*.yaml. Each case runs
// the way upstream's test function runs it (testTwoWayPatch,
// testThreeWayPatch, testPatchApplication and their raw variants), against
// the MergeItem test struct.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ConflictError,
  SmpError,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  strategicMergePatch,
} from '../../../simulations/apimachinery/strategic-merge-patch/index.ts';
import { SchemaNode } from '../../../simulations/apimachinery/strategic-merge-patch/patch-meta.ts';
import { goJsonMarshal } from '../../../simulations/apimachinery/go-json.ts';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/go-values.ts';
import { mergeItemSchema, precisionItemSchema } from './merge-item-schema.ts';
import { loadTable, loadYaml, sortMergeListsByName } from './support.ts';
import type { Table, TableCase } from './support.ts';

const schema = SchemaNode.root(mergeItemSchema);
const json = (v: JsonObject | undefined) => goJsonMarshal(v ?? null);

/** YAML tables sort every document first (twoWayTestCaseToJSONOrFail / threeWayTestCaseToJSONOrFail). */
function prepare(table: Table, c: TableCase): TableCase {
  if (table.raw) return c;
  const s = (v: JsonObject | undefined) => sortMergeListsByName(v, schema);
  return {
    ...c,
    original: s(c.original),
    twoWay: s(c.twoWay),
    modified: s(c.modified),
    current: s(c.current),
    threeWay: s(c.threeWay),
    result: s(c.result),
    twoWayResult: s(c.twoWayResult),
  };
}

/** testPatchApplication */
function checkApplication(original: JsonObject | undefined, patch: JsonObject, expected: JsonObject | undefined, expectedError?: string): void {
  if (expectedError) {
    assert.throws(() => strategicMergePatch(original ?? null, patch, schema), (e: Error) => e.message.includes(expectedError));
    return;
  }
  assert.equal(json(strategicMergePatch(original ?? null, patch, schema)), json(expected), 'patch application');
}

/** testTwoWayPatch / testTwoWayPatchForRawTestCase */
function checkTwoWay(c: TableCase): void {
  const actual = createTwoWayMergePatch(c.original ?? null, c.modified ?? null, schema);
  assert.equal(json(actual), json(c.twoWay), 'two-way patch creation');
  checkApplication(c.original, actual, c.twoWayResult ?? c.modified, c.expectedError);
}

/** testThreeWayPatch / testThreeWayPatchForRawTestCase: "conflict" in the name means overwrite=false must conflict. */
function checkThreeWay(c: TableCase): void {
  const run = (overwrite: boolean) => createThreeWayMergePatch(c.original ?? null, c.modified ?? null, c.current ?? null, schema, { overwrite });
  let actual: JsonObject;
  try {
    actual = run(false);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    assert.ok(c.description.includes('conflict'), `unexpected conflict: ${error.message}`);
    if (!c.result) return;
    actual = run(true);
    assert.equal(json(actual), json(c.threeWay), 'three-way patch (overwrite)');
    checkApplication(c.current, actual, c.result, c.expectedError);
    return;
  }
  assert.ok(!c.description.includes('conflict') && c.result, 'expected conflict did not occur');
  assert.equal(json(actual), json(c.threeWay), 'three-way patch');
  checkApplication(c.current, actual, c.result, c.expectedError);
}

function runTable(file: string, mode: 'custom' | 'create'): void {
  const table = loadTable(file);
  describe(`${table.upstream} (${table.testCases.length} cases)`, () => {
    table.testCases.forEach((raw, index) => {
      const c = prepare(table, raw);
      test(`#${index + 1} ${c.description}`, () => {
        if (mode === 'custom') {
          checkApplication(c.original, c.twoWay!, c.modified, c.expectedError);
          return;
        }
        checkTwoWay(c);
        checkThreeWay(c);
      });
    });
  });
}

runTable('custom-strategic-merge-patch.yaml', 'custom');
runTable('custom-strategic-merge-patch-raw.yaml', 'custom');
runTable('create-strategic-merge-patch.yaml', 'create');
runTable('strategic-merge-patch-raw.yaml', 'create');
runTable('replace-raw-extension.yaml', 'create');

interface UnknownFieldCase {
  original: string;
  current: string;
  modified: string;
  expectedTwoWay?: string;
  expectedTwoWayErr?: string;
  expectedTwoWayResult?: string;
  expectedThreeWay?: string;
  expectedThreeWayErr?: string;
  expectedThreeWayResult?: string;
}

const extra = loadYaml<{
  unknownField: { upstream: string; testcases: Record<string, UnknownFieldCase> };
  numberConversion: { upstream: string; testcases: Record<string, { old: string; new: string; expectedPatch: string; expectedResult: string }> };
}>('unknown-field-and-numbers.yaml');

describe(extra.unknownField.upstream, () => {
  for (const [name, tc] of Object.entries(extra.unknownField.testcases)) {
    test(name, () => {
      const [original, current, modified] = [tc.original, tc.current, tc.modified].map((s) => JSON.parse(s) as JsonObject);
      if (tc.expectedTwoWayErr) {
        assert.throws(() => createTwoWayMergePatch(original, modified, schema), (e: Error) => e.message.includes(tc.expectedTwoWayErr!));
      } else {
        const twoWay = createTwoWayMergePatch(original, modified, schema);
        assert.equal(goJsonMarshal(twoWay), tc.expectedTwoWay);
        assert.equal(goJsonMarshal(strategicMergePatch(original, twoWay, schema)), tc.expectedTwoWayResult);
      }
      if (tc.expectedThreeWayErr) {
        assert.throws(() => createThreeWayMergePatch(original, modified, current, schema, { overwrite: false }), (e: Error) =>
          e.message.includes(tc.expectedThreeWayErr!),
        );
      } else {
        const threeWay = createThreeWayMergePatch(original, modified, current, schema, { overwrite: false });
        assert.equal(goJsonMarshal(threeWay), tc.expectedThreeWay);
        assert.equal(goJsonMarshal(strategicMergePatch(current, threeWay, schema)), tc.expectedThreeWayResult);
      }
    });
  }
});

describe(extra.numberConversion.upstream, () => {
  const precision = SchemaNode.root(precisionItemSchema);
  for (const [name, tc] of Object.entries(extra.numberConversion.testcases)) {
    test(name, (t) => {
      const oldObj = JSON.parse(tc.old) as JsonObject;
      const patch = createTwoWayMergePatch(oldObj, JSON.parse(tc.new) as JsonObject, precision);
      assert.equal(goJsonMarshal(patch), tc.expectedPatch);
      const result = goJsonMarshal(strategicMergePatch(oldObj, patch, precision));
      if (name === 'int64 max') {
        // JavaScript numbers are IEEE doubles: 2^63-1 reads back as 2^63. The
        // patch itself is right; the untouched value cannot be carried exactly.
        t.diagnostic(`known limit: ${result} (upstream keeps ${tc.expectedResult})`);
        assert.equal(result, '{"int64":9223372036854776000,"name":"newname"}');
        return;
      }
      assert.equal(result, tc.expectedResult);
    });
  }
});

// TestSortMergeLists: upstream's sortMergeListsByName (patch.go, used only by
// the tests, here in support.ts) over sortMergeListTestCaseData. Upstream runs
// it against the MergeItem struct and an equivalent OpenAPI schema; kubectl
// without OpenAPI uses the struct, which is what mergeItemSchema expresses.
const sortTable = loadYaml<{ upstream: string; testCases: { description: string; original: JsonObject; sorted: JsonObject }[] }>('sort-merge-lists.yaml');
describe(`${sortTable.upstream} (${sortTable.testCases.length} cases)`, () => {
  sortTable.testCases.forEach((c, index) => {
    test(`#${index + 1} ${c.description}`, () => {
      // testObjectToJSONOrFail + sortJsonOrFail: both sides go through JSON; compare as Go marshals them.
      assert.equal(json(sortMergeListsByName(c.original, schema)), json(c.sorted));
    });
  });
});

// TestStrategicMergePatch's custom-argument cases. Upstream's StrategicMergePatch
// takes JSON bytes and a data struct; ours takes parsed values and a schema.
// "bad original"/"bad patch" pass text that is not a JSON object: here the
// same text as a JSON string value, which handleUnmarshal refuses the same way
// (json.Unmarshal of a string into a map fails → mergepatch.ErrBadJSONDoc).
// "nil struct" passes no data struct: NewPatchMetaFromStruct(nil) →
// mergepatch.ErrBadArgKind(struct{}{}, nil). ("bad struct", a []byte where a
// struct is expected, has no counterpart: a schema here is always data.)
describe('patch_test.go TestStrategicMergePatch testStrategicMergePatchWithCustomArguments', () => {
  const cases: { description: string; original: JsonValue; patch: JsonValue; schema: typeof schema | null; error: string }[] = [
    { description: 'bad original', original: '<THIS IS NOT JSON>', patch: {}, schema, error: 'invalid JSON document' },
    { description: 'bad patch', original: {}, patch: '<THIS IS NOT JSON>', schema, error: 'invalid JSON document' },
    { description: 'nil struct', original: {}, patch: {}, schema: null, error: 'expected a struct, but received a nil' },
  ];
  for (const c of cases) {
    test(c.description, () => {
      // checkErrorsEqual compares err.Error() strings exactly.
      assert.throws(
        () => strategicMergePatch(c.original, c.patch, c.schema as typeof schema),
        (e: Error) => e instanceof SmpError && e.message === c.error,
      );
    });
  }
  test('the same refusals from the patch-creating functions (CreateTwoWayMergePatch, CreateThreeWayMergePatch)', () => {
    const bad = (e: Error, message: string) => e instanceof SmpError && e.message === message;
    assert.throws(() => createTwoWayMergePatch('<THIS IS NOT JSON>', {}, schema), (e: Error) => bad(e, 'invalid JSON document'));
    assert.throws(() => createThreeWayMergePatch({}, {}, ['not', 'a', 'map'], schema), (e: Error) => bad(e, 'invalid JSON document'));
    assert.throws(() => createTwoWayMergePatch({}, {}, null as unknown as typeof schema), (e: Error) => bad(e, 'expected a struct, but received a nil'));
  });
});

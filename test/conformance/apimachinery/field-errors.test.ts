// Conformance: field.Error printing and ErrorList aggregation against apimachinery's own tests.
// src (k8s.io/apimachinery v0.36.3): pkg/util/validation/field/errors_test.go
//
// Not ported: Origin, CoveredByDeclarative, FromImperative and Filter (FieldErr
// carries none of them), and the cases whose bad value is a Go type with a
// failing MarshalJSON (no JSON value behaves so). Go pointers print as their
// pointee, so the "... ptr" cases are the plain values here. A Go map prints
// with its keys sorted while a struct keeps field order; a JS object prints in
// key order, so the map case lists its keys sorted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  OMIT_VALUE,
  aggregateMessage,
  duplicate,
  errorString,
  forbidden,
  internalError,
  invalid,
  notFound,
  notSupported,
  required,
  tooLong,
  tooMany,
  typeInvalid,
} from '../../../simulations/apimachinery/field-errors.ts';
import type { BadValue, ErrorType, FieldErr } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';

const E = 'pkg/util/validation/field/errors_test.go';

// --- TestMakeFuncs ---
const makeCases: [string, () => FieldErr, ErrorType][] = [
  ['Invalid', () => invalid(Path.of('f'), 'v', 'd'), 'FieldValueInvalid'],
  ['NotSupported', () => notSupported(Path.of('f'), 'v', []), 'FieldValueNotSupported'],
  ['Duplicate', () => duplicate(Path.of('f'), 'v'), 'FieldValueDuplicate'],
  ['NotFound', () => notFound(Path.of('f'), 'v'), 'FieldValueNotFound'],
  ['Required', () => required(Path.of('f'), 'd'), 'FieldValueRequired'],
  ['InternalError', () => internalError(Path.of('f'), 'e'), 'InternalError'],
];
for (const [name, fn, want] of makeCases) test(`${E} TestMakeFuncs: ${name}`, () => assert.equal(fn().type, want));

// --- TestToAggregate: how many distinct errors the aggregate holds ---
const aggregateCases: [FieldErr[], number][] = [
  [[], 0],
  [[invalid(Path.of('f'), 'v', 'd')], 1],
  [[invalid(Path.of('f'), 'v', 'd'), invalid(Path.of('f'), 'v', 'd')], 1],
  [[invalid(Path.of('f'), 'v', 'd'), internalError(Path.of(''), 'e')], 2],
];
aggregateCases.forEach(([list, n], i) => {
  test(`${E} TestToAggregate [${i}]: ${n} error(s)`, () => {
    const msg = aggregateMessage(list);
    if (n === 0) assert.equal(msg, '');
    else if (n === 1) assert.equal(msg, errorString(list[0]));
    else assert.equal(msg, `[${[...new Set(list.map(errorString))].join(', ')}]`);
  });
});

// --- TestErrorFormatting ---
/** &Error{Type, Field, BadValue, Detail} written out. */
const raw = (type: ErrorType, badValue: BadValue): FieldErr => ({ type, field: 'path.to.field', path: ['path', 'to', 'field'], badValue, detail: 'the details' });
const at = Path.of('path.to.field');
const tiny = { stringField: 'stringval', intField: 9376, boolField: true };
const formatCases: [string, FieldErr, string][] = [
  ['required', raw('FieldValueRequired', 'the value'), 'path.to.field: Required value: the details'],
  ['required func', required(at, 'the details'), 'path.to.field: Required value: the details'],
  ['forbidden', raw('FieldValueForbidden', 'the value'), 'path.to.field: Forbidden: the details'],
  ['forbidden func', forbidden(at, 'the details'), 'path.to.field: Forbidden: the details'],
  ['too long', raw('FieldValueTooLong', 'the value'), 'path.to.field: Too long: the details'],
  ['too long func(1)', tooLong(at, 1), 'path.to.field: Too long: may not be more than 1 byte'],
  ['too long func(2)', tooLong(at, 2), 'path.to.field: Too long: may not be more than 2 bytes'],
  ['too long func(-1)', tooLong(at, -1), 'path.to.field: Too long: value is too long'],
  ['too many', raw('FieldValueTooMany', 'the value'), 'path.to.field: Too many: "the value": the details'],
  ['too many func(2, 1)', tooMany(at, 2, 1), 'path.to.field: Too many: 2: must have at most 1 item'],
  ['too many func(3, 2)', tooMany(at, 3, 2), 'path.to.field: Too many: 3: must have at most 2 items'],
  ['too many func(2, -1)', tooMany(at, 2, -1), 'path.to.field: Too many: 2: has too many items'],
  ['too many func(-1, 1)', tooMany(at, -1, 1), 'path.to.field: Too many: must have at most 1 item'],
  ['internal error', raw('InternalError', 'the value'), 'path.to.field: Internal error: the details'],
  ['internal error func', internalError(at, 'the error'), 'path.to.field: Internal error: the error'],
  ['invalid string', raw('FieldValueInvalid', 'the value'), 'path.to.field: Invalid value: "the value": the details'],
  ['invalid string type', raw('FieldValueInvalid', 'the value'), 'path.to.field: Invalid value: "the value": the details'],
  ['invalid int', raw('FieldValueInvalid', -42), 'path.to.field: Invalid value: -42: the details'],
  ['invalid bool', raw('FieldValueInvalid', true), 'path.to.field: Invalid value: true: the details'],
  ['invalid struct', raw('FieldValueInvalid', tiny), 'path.to.field: Invalid value: {"stringField":"stringval","intField":9376,"boolField":true}: the details'],
  ['invalid list', raw('FieldValueInvalid', ['one', 'two', 'three']), 'path.to.field: Invalid value: ["one","two","three"]: the details'],
  ['invalid map', raw('FieldValueInvalid', { one: 1, three: 3, two: 2 }), 'path.to.field: Invalid value: {"one":1,"three":3,"two":2}: the details'],
  // time.Time{} marshals to its RFC 3339 text.
  ['invalid time', raw('FieldValueInvalid', '0001-01-01T00:00:00Z'), 'path.to.field: Invalid value: "0001-01-01T00:00:00Z": the details'],
  ['invalid omitValue', raw('FieldValueInvalid', OMIT_VALUE), 'path.to.field: Invalid value: the details'],
  ['invalid untyped nil', raw('FieldValueInvalid', null), 'path.to.field: Invalid value: null: the details'],
  ['invalid typed nil', raw('FieldValueInvalid', undefined), 'path.to.field: Invalid value: null: the details'],
  ['invalid string ptr', raw('FieldValueInvalid', 'the value'), 'path.to.field: Invalid value: "the value": the details'],
  ['invalid int ptr', raw('FieldValueInvalid', -42), 'path.to.field: Invalid value: -42: the details'],
  ['invalid bool ptr', raw('FieldValueInvalid', true), 'path.to.field: Invalid value: true: the details'],
  ['invalid struct ptr', raw('FieldValueInvalid', tiny), 'path.to.field: Invalid value: {"stringField":"stringval","intField":9376,"boolField":true}: the details'],
  ['invalid list ptr', raw('FieldValueInvalid', ['one', 'two', 'three']), 'path.to.field: Invalid value: ["one","two","three"]: the details'],
  ['invalid map ptr', raw('FieldValueInvalid', { one: 1, three: 3, two: 2 }), 'path.to.field: Invalid value: {"one":1,"three":3,"two":2}: the details'],
  ['invalid func', invalid(at, 'the value', 'the details'), 'path.to.field: Invalid value: "the value": the details'],
  ['not found', raw('FieldValueNotFound', 'the value'), 'path.to.field: Not found: "the value": the details'],
  ['not supported', raw('FieldValueNotSupported', 'the value'), 'path.to.field: Unsupported value: "the value": the details'],
  ['not supported func', notSupported(at, 'the value', ['val1', 'val2']), 'path.to.field: Unsupported value: "the value": supported values: "val1", "val2"'],
  ['duplicate', raw('FieldValueDuplicate', 'the value'), 'path.to.field: Duplicate value: "the value": the details'],
  ['duplicate func', duplicate(at, 'the value'), 'path.to.field: Duplicate value: "the value"'],
  ['type invalid', raw('FieldValueTypeInvalid', 'the value'), 'path.to.field: Invalid value: "the value": the details'],
  ['type invalid func', typeInvalid(at, 'the value', 'the details'), 'path.to.field: Invalid value: "the value": the details'],
];
for (const [name, e, want] of formatCases) test(`${E} TestErrorFormatting: ${name}`, () => assert.equal(errorString(e), want));

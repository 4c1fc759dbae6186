import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Selector, labelValueError, qualifiedNameError, requirementMatches } from './labels.ts';

const cases: { name: string; r: Parameters<typeof requirementMatches>[0]; labels: Record<string, string>; want: boolean }[] = [
  { name: 'In matches a listed value', r: { key: 'a', operator: 'In' as const, values: ['x', 'y'] }, labels: { a: 'y' }, want: true },
  { name: 'NotIn matches when the key is absent', r: { key: 'a', operator: 'NotIn' as const, values: ['x'] }, labels: {}, want: true },
  { name: 'NotIn fails on a listed value', r: { key: 'a', operator: 'NotIn' as const, values: ['x'] }, labels: { a: 'x' }, want: false },
  { name: 'Exists needs the key, whatever the value (even empty)', r: { key: 'a', operator: 'Exists' as const, values: [] }, labels: { a: '' }, want: true },
  { name: 'DoesNotExist fails when the key is there', r: { key: 'a', operator: 'DoesNotExist' as const, values: [] }, labels: { a: '' }, want: false },
  { name: 'Gt compares as integers: 0206 > 0204', r: { key: 'v', operator: 'Gt' as const, values: ['0204'] }, labels: { v: '0206' }, want: true },
  { name: 'Lt with a non-integer label value never matches', r: { key: 'v', operator: 'Lt' as const, values: ['5'] }, labels: { v: 'x' }, want: false },
];
for (const c of cases) test(`requirementMatches: ${c.name}`, () => assert.equal(requirementMatches(c.r, c.labels), c.want));

test('a nil selector matches nothing, an empty one everything (LabelSelectorAsSelector)', () => {
  assert.equal(Selector.NOTHING.matches({ a: 'b' }), false);
  assert.equal(Selector.EVERYTHING.matches({}), true);
  assert.equal(Selector.fromSet({ app: 'web' }).toString(), 'app=web');
});

test('label keys and values are validated like the API server (IsQualifiedName, IsValidLabelValue)', () => {
  assert.equal(qualifiedNameError('app.kubernetes.io/name'), null);
  assert.match(qualifiedNameError('-bad') ?? '', /alphanumeric/);
  assert.equal(labelValueError(''), null);
  assert.match(labelValueError('{{.bad-value.}}') ?? '', /valid label/);
});

test('a label key named like an Object.prototype property is absent unless set (Go map lookup)', () => {
  assert.equal(requirementMatches({ key: 'constructor', operator: 'Exists', values: [] }, {}), false);
  assert.equal(requirementMatches({ key: 'constructor', operator: 'Exists', values: [] }, { constructor: 'x' }), true);
});

test('Gt/Lt compare as strconv.ParseInt int64: out-of-range values never match', () => {
  assert.equal(requirementMatches({ key: 'v', operator: 'Gt', values: ['1'] }, { v: '9223372036854775807' }), true);
  assert.equal(requirementMatches({ key: 'v', operator: 'Gt', values: ['1'] }, { v: '9223372036854775808' }), false);
  assert.equal(requirementMatches({ key: 'v', operator: 'Lt', values: ['5'] }, { v: '+4' }), true);
});

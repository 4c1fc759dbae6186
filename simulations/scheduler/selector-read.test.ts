import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readLabelSelector } from './selector-read.ts';

// Lenient mode keeps an unparsable selector (it matches nothing) with apimachinery's error text, which
// InterPodAffinity's PreFilter reports as "parsing pod: <list>: <error>"
// (upstream: interpodaffinity/filtering_test.go "PodAffinity fails PreFilter with an invalid affinity label syntax").
const VALUE_RULE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

test('a bad value is reported at values[i][key], as labels.NewRequirement words it', () => {
  const s = readLabelSelector({ matchExpressions: [{ key: 'service', operator: 'In', values: ['ok', '{{.bad-value.}}'] }] }, {}, ['sel']);
  assert.equal(s.error, `values[1][service]: Invalid value: "{{.bad-value.}}": ${VALUE_RULE}`);
  assert.equal(s.matches({ service: 'ok' }), false);
});

test('several errors in one requirement are aggregated as [a, b]; only the first bad requirement counts', () => {
  const s = readLabelSelector(
    { matchExpressions: [{ key: 'k', operator: 'In', values: ['a b', 'c d'] }, { key: 'j', operator: 'In', values: ['e f'] }] },
    {},
    ['sel'],
  );
  assert.equal(s.error, `[values[0][k]: Invalid value: "a b": ${VALUE_RULE}, values[1][k]: Invalid value: "c d": ${VALUE_RULE}]`);
});

test('Exists with values and In without values name the values list', () => {
  assert.equal(
    readLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Exists', values: ['x'] }] }, {}, ['sel']).error,
    'values: Invalid value: []string{"x"}: values set must be empty for exists and does not exist',
  );
  assert.equal(
    readLabelSelector({ matchExpressions: [{ key: 'k', operator: 'In', values: [] }] }, {}, ['sel']).error,
    "values: Invalid value: []string(nil): for 'in', 'notin' operators, values set can't be empty",
  );
});

test('an operator that does not exist makes the selector match nothing, with LabelSelectorAsSelector\'s error (the API server refuses such a Pod; a plugin-level caller may pass one)', () => {
  const s = readLabelSelector({ matchExpressions: [{ key: 'k', operator: 'Gt', values: ['1'] }] }, {}, ['sel']);
  assert.equal(s.error, '"Gt" is not a valid label selector operator');
  assert.equal(s.matches({ k: '2' }), false);
});

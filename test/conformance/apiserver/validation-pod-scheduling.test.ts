// Topology spread constraints against upstream's TestValidateTopologySpreadConstraints
// (pkg/apis/core/validation/validation_test.go). Upstream compares the whole
// error list with cmp.Diff, so each case checks every error's type, field
// and detail, in order.
import { test } from 'node:test';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import type { PodValidationOptions } from '../../../simulations/apiserver/validation/core/pod.ts';
import { validateTopologySpreadConstraints } from '../../../simulations/apiserver/validation/core/topology-spread.ts';
import { assertErrors, UPSTREAM, ZERO_OPTS, type ExpectedError } from './validation-pod-fixtures.ts';

/** isNotPositiveErrorMsg */
const NOT_POSITIVE = 'must be greater than zero';
const F0 = 'field[0]';
const MIN_DOMAINS_ANYWAY = 'can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ScheduleAnyway';

interface SpreadCase {
  name: string;
  constraints: JsonObject[];
  want: ExpectedError[];
  opts?: PodValidationOptions;
}

const zone = (extra: JsonObject = {}): JsonObject => ({ maxSkew: 1, topologyKey: 'k8s.io/zone', whenUnsatisfiable: 'DoNotSchedule', ...extra });

const cases: SpreadCase[] = [
  { name: 'all required fields ok', constraints: [zone({ minDomains: 3 })], want: [] },
  {
    name: 'missing MaxSkew',
    constraints: [{ topologyKey: 'k8s.io/zone', whenUnsatisfiable: 'DoNotSchedule' }],
    want: [{ type: 'FieldValueInvalid', field: `${F0}.maxSkew`, detail: NOT_POSITIVE }],
  },
  {
    name: 'negative MaxSkew',
    constraints: [zone({ maxSkew: -1 })],
    want: [{ type: 'FieldValueInvalid', field: `${F0}.maxSkew`, detail: NOT_POSITIVE }],
  },
  { name: 'can use MinDomains with ScheduleAnyway, when MinDomains = nil', constraints: [zone({ whenUnsatisfiable: 'ScheduleAnyway' })], want: [] },
  {
    name: 'negative minDomains is invalid',
    constraints: [zone({ minDomains: -1 })],
    want: [{ type: 'FieldValueInvalid', field: `${F0}.minDomains`, detail: NOT_POSITIVE }],
  },
  {
    name: 'cannot use non-nil MinDomains with ScheduleAnyway',
    constraints: [zone({ whenUnsatisfiable: 'ScheduleAnyway', minDomains: 10 })],
    want: [{ type: 'FieldValueInvalid', field: `${F0}.minDomains`, detail: MIN_DOMAINS_ANYWAY }],
  },
  {
    name: 'use negative MinDomains with ScheduleAnyway(invalid)',
    constraints: [zone({ whenUnsatisfiable: 'ScheduleAnyway', minDomains: -1 })],
    want: [
      { type: 'FieldValueInvalid', field: `${F0}.minDomains`, detail: NOT_POSITIVE },
      { type: 'FieldValueInvalid', field: `${F0}.minDomains`, detail: MIN_DOMAINS_ANYWAY },
    ],
  },
  {
    name: 'missing TopologyKey',
    constraints: [{ maxSkew: 1, whenUnsatisfiable: 'DoNotSchedule' }],
    want: [{ type: 'FieldValueRequired', field: `${F0}.topologyKey`, detail: 'can not be empty' }],
  },
  {
    name: 'missing scheduling mode',
    constraints: [{ maxSkew: 1, topologyKey: 'k8s.io/zone' }],
    want: [{ type: 'FieldValueNotSupported', field: `${F0}.whenUnsatisfiable`, detail: 'supported values: "DoNotSchedule", "ScheduleAnyway"' }],
  },
  {
    name: 'unsupported scheduling mode',
    constraints: [zone({ whenUnsatisfiable: 'N/A' })],
    want: [{ type: 'FieldValueNotSupported', field: `${F0}.whenUnsatisfiable`, detail: 'supported values: "DoNotSchedule", "ScheduleAnyway"' }],
  },
  {
    name: 'multiple constraints ok with all required fields',
    constraints: [zone(), { maxSkew: 2, topologyKey: 'k8s.io/node', whenUnsatisfiable: 'ScheduleAnyway' }],
    want: [],
  },
  {
    name: 'multiple constraints missing TopologyKey on partial ones',
    constraints: [{ maxSkew: 1, whenUnsatisfiable: 'ScheduleAnyway' }, zone({ maxSkew: 2 })],
    want: [{ type: 'FieldValueRequired', field: `${F0}.topologyKey`, detail: 'can not be empty' }],
  },
  {
    name: 'duplicate constraints',
    constraints: [zone(), zone({ maxSkew: 2 })],
    want: [{ type: 'FieldValueDuplicate', field: `${F0}.{topologyKey, whenUnsatisfiable}`, contains: 'Duplicate value: "{k8s.io/zone, DoNotSchedule}"' }],
  },
  {
    name: 'supported policy name set on NodeAffinityPolicy and NodeTaintsPolicy',
    constraints: [zone({ nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Ignore' })],
    want: [],
  },
  {
    name: 'unsupported policy name set on NodeAffinityPolicy',
    constraints: [zone({ nodeAffinityPolicy: 'Unknown', nodeTaintsPolicy: 'Ignore' })],
    want: [{ type: 'FieldValueNotSupported', field: `${F0}.nodeAffinityPolicy`, detail: 'supported values: "Honor", "Ignore"' }],
  },
  {
    name: 'unsupported policy name set on NodeTaintsPolicy',
    constraints: [zone({ nodeAffinityPolicy: 'Honor', nodeTaintsPolicy: 'Unknown' })],
    want: [{ type: 'FieldValueNotSupported', field: `${F0}.nodeTaintsPolicy`, detail: 'supported values: "Honor", "Ignore"' }],
  },
  {
    name: "key in MatchLabelKeys isn't correctly defined",
    constraints: [zone({ labelSelector: {}, matchLabelKeys: ['/simple'] })],
    want: [{ type: 'FieldValueInvalid', field: `${F0}.matchLabelKeys[0]`, detail: 'prefix part must be non-empty' }],
  },
  {
    name: 'key exists in both matchLabelKeys and labelSelector',
    constraints: [zone({ matchLabelKeys: ['foo'], labelSelector: { matchExpressions: [{ key: 'foo', operator: 'NotIn', values: ['value1', 'value2'] }] } })],
    want: [{ type: 'FieldValueInvalid', field: `${F0}.matchLabelKeys[0]`, detail: 'exists in both matchLabelKeys and labelSelector' }],
  },
  {
    name: 'key in MatchLabelKeys is forbidden to be specified when labelSelector is not set',
    constraints: [zone({ matchLabelKeys: ['foo'] })],
    want: [{ type: 'FieldValueForbidden', field: `${F0}.matchLabelKeys`, detail: 'must not be specified when labelSelector is not set' }],
  },
  {
    name: 'invalid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is false',
    constraints: [zone({ labelSelector: { matchLabels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'foo' } } })],
    want: [
      {
        type: 'FieldValueInvalid',
        field: `${F0}.labelSelector.matchLabels`,
        detail:
          "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      },
    ],
    opts: { ...ZERO_OPTS, allowInvalidTopologySpreadConstraintLabelSelector: false },
  },
  {
    name: 'invalid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is true',
    constraints: [zone({ labelSelector: { matchLabels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'foo' } } })],
    want: [],
    opts: { ...ZERO_OPTS, allowInvalidTopologySpreadConstraintLabelSelector: true },
  },
  {
    name: 'valid matchLabels set on labelSelector when AllowInvalidTopologySpreadConstraintLabelSelector is false',
    constraints: [zone({ labelSelector: { matchLabels: { foo: 'foo' } } })],
    want: [],
    opts: { ...ZERO_OPTS, allowInvalidTopologySpreadConstraintLabelSelector: false },
  },
];

for (const c of cases) {
  test(`${UPSTREAM} TestValidateTopologySpreadConstraints: ${c.name}`, () => {
    assertErrors(validateTopologySpreadConstraints(c.constraints, Path.of('field'), c.opts ?? ZERO_OPTS), c.want, c.name);
  });
}

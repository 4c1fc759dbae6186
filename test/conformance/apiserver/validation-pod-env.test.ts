// Container env and envFrom, from upstream's tables.
// src: pkg/apis/core/validation/validation_test.go TestValidateEnv, TestValidateEnvFrom,
// TestRelaxedValidateEnvFrom (each error string must contain the expected text, as upstream checks)
import { test } from 'node:test';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/json.ts';
import { validateEnv, validateEnvFrom } from '../../../simulations/apiserver/validation/core/env.ts';
import { assertErrors, UPSTREAM, ZERO_OPTS, type ExpectedError } from './validation-pod-fixtures.ts';

const RELAXED = { ...ZERO_OPTS, allowRelaxedEnvironmentVariableValidation: true };
const ENV_NAME_MSG = 'a valid environment variable name must consist of';
const RELAXED_ENV_NAME_MSG = "a valid environment variable name must consist only of printable ASCII characters other than '='";
const SUPPORTED_FIELD_PATHS =
  'supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"';

const fieldRef = (fieldPath: string, apiVersion = 'v1') => ({ valueFrom: { fieldRef: { apiVersion, fieldPath } } });
const secretKeyRef = { secretKeyRef: { name: 'a-secret', key: 'a-key' } };
const configMapKeyRef = { configMapKeyRef: { name: 'some-config-map', key: 'some-key' } };

interface Case {
  upstream: string;
  name: string;
  input: JsonValue[];
  errors: ExpectedError[];
}

const T_ENV = `${UPSTREAM} TestValidateEnv`;

test(`${T_ENV}: success cases`, () => {
  const successCase: JsonValue[] = [
    { name: 'abc', value: 'value' },
    { name: 'ABC', value: 'value' },
    { name: 'AbC_123', value: 'value' },
    { name: 'abc', value: '' },
    { name: 'a.b.c', value: 'value' },
    { name: 'a-b-c', value: 'value' },
    { name: 'abc', ...fieldRef("metadata.annotations['key']") },
    { name: 'abc', ...fieldRef("metadata.labels['key']") },
    { name: 'abc', ...fieldRef('metadata.name') },
    { name: 'abc', ...fieldRef('metadata.namespace') },
    { name: 'abc', ...fieldRef('metadata.uid') },
    { name: 'abc', ...fieldRef('spec.nodeName') },
    { name: 'abc', ...fieldRef('spec.serviceAccountName') },
    { name: 'abc', ...fieldRef('status.hostIP') },
    { name: 'abc', ...fieldRef('status.podIP') },
    { name: 'abc', ...fieldRef('status.podIPs') },
    { name: 'secret_value', valueFrom: { secretKeyRef: { name: 'some-secret', key: 'secret-key' } } },
    { name: 'ENV_VAR_1', valueFrom: { configMapKeyRef: { name: 'some-config-map', key: 'some-key' } } },
  ];
  assertErrors(validateEnv(successCase, Path.of('field'), ZERO_OPTS), [], 'successCase');
  // updateSuccessCase: names only the relaxed rules accept.
  const relaxed = ['!"#$%&\'()', '* +,-./0123456789', ':;<>?@', 'ABCDEFG', 'abcdefghijklmn', '[\\]^_`{}|~'].map((name) => ({ name, value: 'value' }));
  assertErrors(validateEnv(relaxed, Path.of('field'), RELAXED), [], 'updateSuccessCase');
});

const strictNameCases: Case[] = ['!"#$%&\'()', '* +,-./0123456789', ':;<>?@', '[\\]^_{}|~'].map((name, i) => ({
  upstream: T_ENV,
  name: `updateErrorCase: invalid name ${'abcd'[i]}`,
  input: [{ name, value: 'value' }],
  errors: [{ type: 'FieldValueInvalid', field: 'field[0].name', contains: `field[0].name: Invalid value: ${JSON.stringify(name)}: ${ENV_NAME_MSG}` }],
}));

const envErrorCases: Case[] = [
  ...strictNameCases,
  { upstream: T_ENV, name: 'zero-length name', input: [{ name: '' }], errors: [{ type: 'FieldValueRequired', field: 'field[0].name', contains: '[0].name: Required value' }] },
  {
    upstream: T_ENV,
    name: 'value and valueFrom specified',
    input: [{ name: 'abc', value: 'foo', ...fieldRef('metadata.name') }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom', contains: '[0].valueFrom: Invalid value: "": may not be specified when `value` is not empty' }],
  },
  {
    upstream: T_ENV,
    name: 'valueFrom without a source',
    input: [{ name: 'abc', valueFrom: {} }],
    errors: [
      {
        type: 'FieldValueInvalid',
        field: 'field[0].valueFrom',
        contains: '[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      },
    ],
  },
  {
    upstream: T_ENV,
    name: 'valueFrom.fieldRef and valueFrom.secretKeyRef specified',
    input: [{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, ...secretKeyRef } }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom', contains: '[0].valueFrom: Invalid value: "": may not have more than one field specified at a time' }],
  },
  {
    upstream: T_ENV,
    name: 'valueFrom.fieldRef and valueFrom.configMapKeyRef set',
    input: [{ name: 'some_var_name', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, ...configMapKeyRef } }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom', contains: '[0].valueFrom: Invalid value: "": may not have more than one field specified at a time' }],
  },
  {
    upstream: T_ENV,
    name: 'valueFrom.fieldRef, valueFrom.secretKeyRef and valueFrom.configMapKeyRef specified',
    input: [{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' }, ...secretKeyRef, ...configMapKeyRef } }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom', contains: '[0].valueFrom: Invalid value: "": may not have more than one field specified at a time' }],
  },
  {
    upstream: T_ENV,
    name: 'valueFrom.secretKeyRef.name invalid',
    input: [{ name: 'abc', valueFrom: { secretKeyRef: { name: '$%^&*#', key: 'a-key' } } }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom.secretKeyRef.name' }],
  },
  {
    upstream: T_ENV,
    name: 'valueFrom.configMapKeyRef.name invalid',
    input: [{ name: 'abc', valueFrom: { configMapKeyRef: { name: '$%^&*#', key: 'some-key' } } }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom.configMapKeyRef.name' }],
  },
  {
    upstream: T_ENV,
    name: 'missing FieldPath on ObjectFieldSelector',
    input: [{ name: 'abc', valueFrom: { fieldRef: { apiVersion: 'v1' } } }],
    errors: [{ type: 'FieldValueRequired', field: 'field[0].valueFrom.fieldRef.fieldPath', contains: '[0].valueFrom.fieldRef.fieldPath: Required value' }],
  },
  {
    upstream: T_ENV,
    name: 'missing APIVersion on ObjectFieldSelector',
    input: [{ name: 'abc', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
    errors: [{ type: 'FieldValueRequired', field: 'field[0].valueFrom.fieldRef.apiVersion', contains: '[0].valueFrom.fieldRef.apiVersion: Required value' }],
  },
  {
    upstream: T_ENV,
    name: 'invalid fieldPath',
    input: [{ name: 'abc', ...fieldRef('metadata.whoops') }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom.fieldRef.fieldPath', contains: '[0].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.whoops": error converting fieldPath' }],
  },
  {
    upstream: T_ENV,
    name: 'metadata.name with subscript',
    input: [{ name: 'labels', ...fieldRef("metadata.name['key']") }],
    errors: [
      {
        type: 'FieldValueInvalid',
        field: 'field[0].valueFrom.fieldRef.fieldPath',
        contains: `[0].valueFrom.fieldRef.fieldPath: Invalid value: "metadata.name['key']": error converting fieldPath: field label does not support subscript`,
      },
    ],
  },
  {
    upstream: T_ENV,
    name: 'metadata.labels without subscript',
    input: [{ name: 'labels', ...fieldRef('metadata.labels') }],
    errors: [{ type: 'FieldValueNotSupported', field: 'field[0].valueFrom.fieldRef.fieldPath', contains: `[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.labels": ${SUPPORTED_FIELD_PATHS}` }],
  },
  {
    upstream: T_ENV,
    name: 'metadata.annotations without subscript',
    input: [{ name: 'abc', ...fieldRef('metadata.annotations') }],
    errors: [{ type: 'FieldValueNotSupported', field: 'field[0].valueFrom.fieldRef.fieldPath', contains: `[0].valueFrom.fieldRef.fieldPath: Unsupported value: "metadata.annotations": ${SUPPORTED_FIELD_PATHS}` }],
  },
  {
    upstream: T_ENV,
    name: 'metadata.annotations with invalid key',
    input: [{ name: 'abc', ...fieldRef("metadata.annotations['invalid~key']") }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom.fieldRef', contains: 'field[0].valueFrom.fieldRef: Invalid value: "invalid~key"' }],
  },
  {
    upstream: T_ENV,
    name: 'metadata.labels with invalid key',
    input: [{ name: 'abc', ...fieldRef("metadata.labels['Www.k8s.io/test']") }],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].valueFrom.fieldRef', contains: 'field[0].valueFrom.fieldRef: Invalid value: "Www.k8s.io/test"' }],
  },
  {
    upstream: T_ENV,
    name: 'unsupported fieldPath',
    input: [{ name: 'abc', ...fieldRef('status.phase') }],
    errors: [{ type: 'FieldValueNotSupported', field: 'field[0].valueFrom.fieldRef.fieldPath', contains: `valueFrom.fieldRef.fieldPath: Unsupported value: "status.phase": ${SUPPORTED_FIELD_PATHS}` }],
  },
];

for (const c of envErrorCases) {
  test(`${c.upstream}: ${c.name}`, () => assertErrors(validateEnv(c.input, Path.of('field'), ZERO_OPTS), c.errors, c.name));
}

const T_FROM = `${UPSTREAM} TestValidateEnvFrom`;
const T_RELAXED_FROM = `${UPSTREAM} TestRelaxedValidateEnvFrom`;
const cm = (name: string, prefix?: string): JsonObject => ({ ...(prefix === undefined ? {} : { prefix }), configMapRef: { name } });
const sec = (name: string, prefix?: string): JsonObject => ({ ...(prefix === undefined ? {} : { prefix }), secretRef: { name } });
const DNS_SUBDOMAIN_MSG = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

test(`${T_FROM}: success cases`, () => {
  const ok = [cm('abc'), cm('abc', 'pre_'), cm('abc', 'a.b'), sec('abc'), sec('abc', 'pre_'), sec('abc', 'a.b')];
  assertErrors(validateEnvFrom(ok, Path.of('field'), ZERO_OPTS), [], 'successCase');
  const relaxed = [cm('abc'), cm('abc', '* +,-./0123456789'), cm('abc', ':;<>?@'), sec('abc'), sec('abc', 'abcdefghijklmn'), sec('abc', '[\\]^_`{}|~')];
  assertErrors(validateEnvFrom(relaxed, Path.of('field'), RELAXED), [], 'updateSuccessCase');
});

test(`${T_RELAXED_FROM}: success cases`, () => {
  const ok = [cm('abc'), cm('abc', '!"#$%&\'()'), cm('abc', '* +,-./0123456789'), sec('abc'), sec('abc', ':;<>?@'), sec('abc', '[\\]^_`{}|~')];
  assertErrors(validateEnvFrom(ok, Path.of('field'), RELAXED), [], 'successCase');
});

const fromCases: (Case & { relaxed?: boolean })[] = [
  ...['!"#$%&\'()', '* +,-./0123456789', ':;<>?@', '[\\]^_{}|~'].map((prefix, i) => ({
    upstream: T_FROM,
    name: `updateErrorCase: invalid name ${'abcd'[i]}`,
    input: [sec('abc', prefix)],
    errors: [{ type: 'FieldValueInvalid' as const, field: 'field[0].prefix', contains: `field[0].prefix: Invalid value: ${JSON.stringify(prefix)}: ${ENV_NAME_MSG}` }],
  })),
  { upstream: T_FROM, name: 'zero-length name (configMapRef)', input: [cm('')], errors: [{ type: 'FieldValueRequired', field: 'field[0].configMapRef.name', contains: 'field[0].configMapRef.name: Required value' }] },
  { upstream: T_FROM, name: 'invalid name (configMapRef)', input: [cm('$')], errors: [{ type: 'FieldValueInvalid', field: 'field[0].configMapRef.name', contains: 'field[0].configMapRef.name: Invalid value' }] },
  { upstream: T_FROM, name: 'zero-length name (secretRef)', input: [sec('')], errors: [{ type: 'FieldValueRequired', field: 'field[0].secretRef.name', contains: 'field[0].secretRef.name: Required value' }] },
  { upstream: T_FROM, name: 'invalid name (secretRef)', input: [sec('&')], errors: [{ type: 'FieldValueInvalid', field: 'field[0].secretRef.name', contains: 'field[0].secretRef.name: Invalid value' }] },
  { upstream: T_FROM, name: 'no refs', input: [{}], errors: [{ type: 'FieldValueInvalid', field: 'field', contains: 'field: Invalid value: "": must specify one of: `configMapRef` or `secretRef`' }] },
  {
    upstream: T_FROM,
    name: 'multiple refs',
    input: [{ secretRef: { name: 'abc' }, configMapRef: { name: 'abc' } }],
    errors: [{ type: 'FieldValueInvalid', field: 'field', contains: 'field: Invalid value: "": may not have more than one field specified at a time' }],
  },
  {
    upstream: T_FROM,
    name: 'invalid secret ref name',
    input: [sec('$%^&*#')],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].secretRef.name', contains: `field[0].secretRef.name: Invalid value: "$%^&*#": ${DNS_SUBDOMAIN_MSG}` }],
  },
  {
    upstream: T_FROM,
    name: 'invalid config ref name',
    input: [cm('$%^&*#')],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].configMapRef.name', contains: `field[0].configMapRef.name: Invalid value: "$%^&*#": ${DNS_SUBDOMAIN_MSG}` }],
  },
  {
    upstream: T_RELAXED_FROM,
    name: 'invalid prefix',
    relaxed: true,
    input: [cm('abc', '=abc')],
    errors: [{ type: 'FieldValueInvalid', field: 'field[0].prefix', contains: `field[0].prefix: Invalid value: "=abc": ${RELAXED_ENV_NAME_MSG}` }],
  },
  {
    upstream: T_RELAXED_FROM,
    name: 'no refs',
    relaxed: true,
    input: [{}],
    errors: [{ type: 'FieldValueInvalid', field: 'field', contains: 'field: Invalid value: "": must specify one of: `configMapRef` or `secretRef`' }],
  },
];

for (const c of fromCases) {
  test(`${c.upstream}: ${c.name}`, () => assertErrors(validateEnvFrom(c.input, Path.of('field'), c.relaxed ? RELAXED : ZERO_OPTS), c.errors, c.name));
}

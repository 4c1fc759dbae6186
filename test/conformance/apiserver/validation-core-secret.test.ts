// Upstream: pkg/apis/core/validation/validation_test.go: TestValidateSecret,
// TestValidateSecretUpdate, TestValidateDockerConfigSecret,
// TestValidateBasicAuthSecret, TestValidateSSHAuthSecret.
//
// The Go Secrets hold bytes in Data; the v1 JSON holds them base64-encoded.
// Upstream asserts valid or not; the `errors` below name each error's type and
// field as ValidateSecret / ValidateSecretUpdate produce them (traced through
// validation.go).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/core/validation/validation_test.go';
interface Want {
  type: ErrorType;
  field: string;
}
const I = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const R = (field: string): Want => ({ type: 'FieldValueRequired', field });
const F = (field: string): Want => ({ type: 'FieldValueForbidden', field });
const TL = (field: string): Want => ({ type: 'FieldValueTooLong', field });
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const secretValidation = validationFor('v1/Secret');

/** []byte(s) as v1 JSON holds it. */
const b64 = (s: string): string => btoa(s);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Secret = any;
const validSecret = (): Secret => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 'foo', namespace: 'bar' }, data: { 'data-1': b64('bar') } });
const with_ = (f: (s: Secret) => void): Secret => {
  const s = validSecret();
  f(s);
  return s;
};
const validServiceAccountTokenSecret = (): Secret => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name: 'foo', namespace: 'bar', annotations: { 'kubernetes.io/service-account.name': 'foo' } },
  type: 'kubernetes.io/service-account-token',
  data: { 'data-1': b64('bar') },
});
const SA_ANNOTATION = 'metadata.annotations[kubernetes.io/service-account.name]';
const MAX_SECRET_SIZE = 1024 * 1024;

const cases: { name: string; secret: Secret; errors: Want[] }[] = [
  { name: 'valid', secret: validSecret(), errors: [] },
  { name: 'empty name', secret: with_((s) => (s.metadata.name = '')), errors: [R('metadata.name')] },
  { name: 'invalid name', secret: with_((s) => (s.metadata.name = 'NoUppercaseOrSpecialCharsLike=Equals')), errors: [I('metadata.name')] },
  { name: 'empty namespace', secret: with_((s) => (s.metadata.namespace = '')), errors: [R('metadata.namespace')] },
  { name: 'invalid namespace', secret: with_((s) => (s.metadata.namespace = 'NoUppercaseOrSpecialCharsLike=Equals')), errors: [I('metadata.namespace')] },
  { name: 'over max size', secret: with_((s) => (s.data = { over: b64('\0'.repeat(MAX_SECRET_SIZE + 1)) })), errors: [TL('data')] },
  { name: 'invalid key', secret: with_((s) => (s.data['a*b'] = b64('whoops'))), errors: [I('data[a*b]')] },
  { name: 'valid service-account-token secret', secret: validServiceAccountTokenSecret(), errors: [] },
  {
    name: 'empty service-account-token annotation',
    secret: ((s) => ((s.metadata.annotations['kubernetes.io/service-account.name'] = ''), s))(validServiceAccountTokenSecret()),
    errors: [R(SA_ANNOTATION)],
  },
  {
    name: 'missing service-account-token annotation',
    secret: ((s) => (delete s.metadata.annotations['kubernetes.io/service-account.name'], s))(validServiceAccountTokenSecret()),
    errors: [R(SA_ANNOTATION)],
  },
  { name: 'missing service-account-token annotations', secret: ((s) => (delete s.metadata.annotations, s))(validServiceAccountTokenSecret()), errors: [R(SA_ANNOTATION)] },
  { name: 'leading dot key', secret: with_((s) => (s.data['.key'] = b64('bar'))), errors: [] },
  { name: 'dot key', secret: with_((s) => (s.data['.'] = b64('bar'))), errors: [I('data[.]')] },
  { name: 'double dot key', secret: with_((s) => (s.data['..'] = b64('bar'))), errors: [I('data[..]')] },
];

test(`${FILE} TestValidateSecret`, async (t) => {
  assert.ok(secretValidation);
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = secretValidation.create(c.secret);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateSecretUpdate`, async (t) => {
  const base = (): Secret => ({ ...validSecret(), metadata: { name: 'foo', namespace: 'bar', resourceVersion: '20' } });
  const make = (immutable: boolean | undefined, data?: Record<string, string>): Secret => {
    const s = base();
    if (immutable !== undefined) s.immutable = immutable;
    for (const [k, v] of Object.entries(data ?? {})) s.data[k] = b64(v);
    return s;
  };
  const secret = make(undefined);
  const immutableSecret = make(true);
  const mutableSecret = make(false);
  const cases: { name: string; old: Secret; next: Secret; errors: Want[] }[] = [
    { name: 'mark secret immutable', old: secret, next: immutableSecret, errors: [] },
    { name: 'revert immutable secret', old: immutableSecret, next: secret, errors: [F('immutable')] },
    { name: 'makr immutable secret mutable', old: immutableSecret, next: mutableSecret, errors: [F('immutable')] },
    { name: 'add data in secret', old: secret, next: make(undefined, { 'data-2': 'baz' }), errors: [] },
    { name: 'add data in immutable secret', old: immutableSecret, next: make(true, { 'data-2': 'baz' }), errors: [F('data')] },
    { name: 'change data in secret', old: secret, next: make(undefined, { 'data-1': 'foo' }), errors: [] },
    { name: 'change data in immutable secret', old: immutableSecret, next: make(true, { 'data-1': 'foo' }), errors: [F('data')] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = secretValidation?.update?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateDockerConfigSecret`, async (t) => {
  const dockercfg = (data: Record<string, string> | null): Secret => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'foo', namespace: 'bar' },
    type: 'kubernetes.io/dockercfg',
    data: Object.fromEntries(Object.entries(data ?? {}).map(([k, v]) => [k, b64(v)])),
  });
  const configJSON = (data: Record<string, string> | null): Secret => ({ ...dockercfg(data), type: 'kubernetes.io/dockerconfigjson' });
  const cfg = '{"https://index.docker.io/v1/": {"auth": "Y2x1ZWRyb29sZXIwMDAxOnBhc3N3b3Jk","email": "fake@example.com"}}';
  const json = '{"auths":{"https://index.docker.io/v1/": {"auth": "Y2x1ZWRyb29sZXIwMDAxOnBhc3N3b3Jk","email": "fake@example.com"}}}';
  const cases: { name: string; secret: Secret; errors: Want[]; detail?: string }[] = [
    { name: 'valid dockercfg', secret: dockercfg({ '.dockercfg': cfg }), errors: [] },
    { name: 'missing dockercfg', secret: dockercfg(null), errors: [R('data[.dockercfg]')] },
    // The detail is encoding/json's error text.
    { name: 'empty dockercfg', secret: dockercfg({ '.dockercfg': '' }), errors: [I('data[.dockercfg]')], detail: 'unexpected end of JSON input' },
    {
      name: 'invalid dockercfg',
      secret: dockercfg({ '.dockercfg': 'bad' }),
      errors: [I('data[.dockercfg]')],
      detail: "invalid character 'b' looking for beginning of value",
    },
    { name: 'valid config.json', secret: configJSON({ '.dockerconfigjson': json }), errors: [] },
    { name: 'missing config.json', secret: configJSON(null), errors: [R('data[.dockerconfigjson]')] },
    { name: 'empty config.json', secret: configJSON({ '.dockerconfigjson': '' }), errors: [I('data[.dockerconfigjson]')] },
    { name: 'invalid config.json', secret: configJSON({ '.dockerconfigjson': 'bad' }), errors: [I('data[.dockerconfigjson]')] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = secretValidation?.create(c.secret) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
      if (c.detail) assert.equal(errs[0].detail, c.detail);
    });
  }
});

test(`${FILE} TestValidateBasicAuthSecret`, async (t) => {
  const basic = (data: Record<string, string>): Secret => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'foo', namespace: 'bar' },
    type: 'kubernetes.io/basic-auth',
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
  });
  const cases: { name: string; secret: Secret; errors: Want[] }[] = [
    { name: 'valid', secret: basic({ username: 'username', password: 'password' }), errors: [] },
    { name: 'missing username and password', secret: basic({}), errors: [R('data[username]'), R('data[password]')] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = secretValidation?.create(c.secret) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateSSHAuthSecret`, async (t) => {
  const ssh = (data: Record<string, string>): Secret => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'foo', namespace: 'bar' },
    type: 'kubernetes.io/ssh-auth',
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
  });
  const cases: { name: string; secret: Secret; errors: Want[] }[] = [
    { name: 'valid', secret: ssh({ 'ssh-privatekey': 'foo-bar-baz' }), errors: [] },
    { name: 'missing private key', secret: ssh({}), errors: [R('data[ssh-privatekey]')] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = secretValidation?.create(c.secret) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// Not an upstream table: v1's stringData is merged into data by conversion before
// validation (pkg/apis/core/v1/conversion.go), so its keys are checked as data keys.
test('a v1 Secret’s stringData keys are validated as data keys', () => {
  const s = validSecret();
  s.stringData = { 'a*b': 'plain' };
  const errs = secretValidation?.create(s) ?? [];
  assert.deepEqual(pick(errs), [I('data[a*b]')]);
  assert.equal(errorString(errs[0]).startsWith('data[a*b]: Invalid value: "a*b": a valid config key must consist of alphanumeric characters'), true);
});

// TestValidateTLSSecret: its Secrets carry no type (so Opaque rules apply) and
// its error cases no namespace; upstream asserts the first error is Required.
test(`${FILE} TestValidateTLSSecret`, async (t) => {
  const tls = (namespace: string | undefined, data: Record<string, string>): Secret => ({
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'tls-cert', ...(namespace === undefined ? {} : { namespace }) },
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
  });
  const cases: { name: string; secret: Secret; errors: Want[] }[] = [
    { name: 'empty certificate chain', secret: tls('namespace', { 'tls.crt': 'public key', 'tls.key': 'private key' }), errors: [] },
    { name: 'missing public key', secret: tls(undefined, { 'tls.crt': 'public key' }), errors: [R('metadata.namespace')] },
    { name: 'missing private key', secret: tls(undefined, { 'tls.crt': 'public key' }), errors: [R('metadata.namespace')] },
  ];
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = secretValidation?.create(c.secret) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

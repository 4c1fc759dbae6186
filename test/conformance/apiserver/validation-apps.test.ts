// Upstream: pkg/apis/apps/validation/validation_test.go (newest stored version):
// TestValidateDeployment, TestValidateDeploymentStatus, TestValidateDeploymentStatusUpdate,
// TestValidateDeploymentUpdate, TestValidateReplicaSet, TestValidateReplicaSetUpdate,
// TestValidateReplicaSetStatus, TestValidateReplicaSetStatusUpdate,
// TestValidateControllerRevision, TestValidateControllerRevisionUpdate.
//
// The Go objects are internal types; here they are the apps/v1 JSON that
// converts to them. podtest.MakePodSpec() fills in what defaulting would
// (restartPolicy, dnsPolicy, a container with imagePullPolicy and
// terminationMessagePolicy), so the JSON carries those fields. The internal
// Deployment's RollbackTo is the v1 annotation deprecated.deployment.rollback.to.
// Each table keeps upstream's assertion: the whole error list (type and field),
// the number of errors, the first error's field and text, or the allowed fields.
// Not transcribed: ControllerRevision "json error" (data `{` cannot reach
// validation: the decoder refuses it); TestValidateDeploymentRollback
// (DeploymentRollback is not an apps/v1 kind).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList, ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';
import { validateControllerRevisionCreate, validateControllerRevisionUpdate } from '../../../simulations/apiserver/validation/apps/controller-revision.ts';
import { validateDeploymentStatus, validateDeploymentStatusUpdate, validateDeploymentUpdate } from '../../../simulations/apiserver/validation/apps/deployment.ts';
import { validateReplicaSetStatus, validateReplicaSetStatusUpdate, validateReplicaSetUpdate } from '../../../simulations/apiserver/validation/apps/replica-set.ts';

const FILE = 'pkg/apis/apps/validation/validation_test.go';
const clone = <T>(v: T): T => structuredClone(v);

// ---- upstream's assertions ----

interface Want {
  type: ErrorType;
  field: string;
}
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';

/** cmp.Diff with cmpopts.SortSlices and BadValue/Detail ignored: type and field, any order. */
function assertExactly(errs: ErrorList, want: Want[], label: string): void {
  const key = (e: Want) => `${e.field} ${e.type}`;
  assert.deepEqual(errs.map((e) => key(e)).sort(), want.map(key).sort(), `${label}\n${show(errs)}`);
}

/** `len(errs) != expectedErrNum`. */
function assertCount(errs: ErrorList, n: number, label: string): void {
  assert.equal(errs.length, n, `${label}\n${show(errs)}`);
}

/** Error cases that only require a failure whose fields all fall in upstream's allowed set. */
function assertFailsWithin(errs: ErrorList, allowed: (field: string) => boolean, label: string): void {
  assert.ok(errs.length > 0, `${label}: expected failure`);
  for (const e of errs) assert.ok(allowed(e.field), `${label}: field not allowed: ${errorString(e)}`);
}

/** `strings.Contains(errs[0].Error(), k)`. */
function assertFirstContains(errs: ErrorList, text: string, label: string): void {
  assert.ok(errs.length > 0, `${label}: expected failure`);
  assert.ok(errorString(errs[0]).includes(text), `${label}: first error ${errorString(errs[0])} lacks ${JSON.stringify(text)}\n${show(errs)}`);
}

const create = (key: string, obj: JsonObject): ErrorList => {
  const v = validationFor(key);
  assert.ok(v, `no validation registered for ${key}`);
  return v.create(obj);
};

// ---- podtest builders (pkg/api/pod/testing/make.go) ----

function container(name: string, extra: JsonObject = {}): JsonObject {
  return { name, image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File', ...extra };
}
/** podtest.MakePodSpec(): what defaulting would fill in, valid. */
function podSpec(extra: JsonObject = {}): JsonObject {
  return {
    containers: [container('ctr')],
    dnsPolicy: 'ClusterFirst',
    enableServiceLinks: true,
    restartPolicy: 'Always',
    securityContext: {},
    schedulerName: 'default-scheduler',
    terminationGracePeriodSeconds: 30,
    ...extra,
  };
}
const gcePD = { name: 'gcepd', gcePersistentDisk: { pdName: 'my-PD', fsType: 'ext4', partition: 1, readOnly: false } };
const validLabels = { a: 'b' };
const invalidLabels = { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' };
const hostNetSpec = podSpec({ securityContext: { hostNetwork: true }, containers: [container('abc', { ports: [{ containerPort: 12345, protocol: 'TCP' }] })] });

// ---------------------------------------------------------------------------
// Deployment

/** validDeployment(): RollbackTo{Revision: 1} is the v1 annotation. */
function validDeployment(tweak: (d: JsonObject & { spec: JsonObject; metadata: JsonObject }) => void = () => {}): JsonObject {
  const d = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'abc', namespace: 'default', annotations: { 'deprecated.deployment.rollback.to': '1' } } as JsonObject,
    spec: {
      selector: { matchLabels: { name: 'abc' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1, maxUnavailable: 1 } },
      template: { metadata: { name: 'abc', namespace: 'default', labels: { name: 'abc' } }, spec: podSpec() },
    } as JsonObject,
  };
  tweak(d);
  return d;
}
const tmpl = (d: { spec: JsonObject }) => d.spec.template as JsonObject & { spec: JsonObject };

test(`${FILE} TestValidateDeployment: success cases`, () => {
  const cases: [string, JsonObject][] = [
    ['valid deployment', validDeployment()],
    ['host network', validDeployment((d) => (tmpl(d).spec = podSpec({ securityContext: { hostNetwork: true }, containers: [container('ctr', { ports: [{ containerPort: 12345, protocol: 'TCP' }] })] })))],
  ];
  for (const [name, d] of cases) assertExactly(create('apps/v1/Deployment', d), [], name);
});

test(`${FILE} TestValidateDeployment: each error case's first error`, () => {
  const cases: [string, JsonObject][] = [
    ['metadata.name: Required value', { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { namespace: 'default' } }],
    ['`selector` does not match template `labels`', validDeployment((d) => (d.spec.selector = { matchLabels: { name: 'def' } }))],
    ['Unsupported value: "Never"', validDeployment((d) => (tmpl(d).spec.restartPolicy = 'Never'))],
    ['supported values: "Recreate", "RollingUpdate"', validDeployment((d) => ((d.spec.strategy as JsonObject).type = 'randomType'))],
    ["may not be specified when strategy `type` is 'Recreate'", validDeployment((d) => (d.spec.strategy = { type: 'Recreate', rollingUpdate: {} }))],
    ['a valid percent string must be', validDeployment((d) => (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '20Percent' } }))],
    ['may not be 0 when `maxSurge` is 0', validDeployment((d) => (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxSurge: '0%', maxUnavailable: 0 } }))],
    ['must not be greater than 100%', validDeployment((d) => (d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '110%' } }))],
    ['must be greater than or equal to 0', validDeployment((d) => ((d.metadata.annotations as JsonObject)['deprecated.deployment.rollback.to'] = '-3'))],
    [
      'must be greater than minReadySeconds',
      validDeployment((d) => {
        d.spec.progressDeadlineSeconds = 600;
        d.spec.minReadySeconds = 600;
      }),
    ],
    [
      'ephemeral containers not allowed',
      validDeployment((d) => (tmpl(d).spec.ephemeralContainers = [{ name: 'ec', image: 'image', imagePullPolicy: 'IfNotPresent', terminationMessagePolicy: 'File' }])),
    ],
  ];
  for (const [text, d] of cases) assertFirstContains(create('apps/v1/Deployment', d), text, text);
});

test(`${FILE} TestValidateDeploymentStatus`, () => {
  const cases: { name: string; replicas: number; updatedReplicas?: number; readyReplicas: number; availableReplicas: number; observedGeneration: number; collisionCount?: number; expectedErr: boolean }[] = [
    { name: 'valid status', replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 1, observedGeneration: 2, expectedErr: false },
    { name: 'invalid replicas', replicas: -1, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 1, observedGeneration: 2, expectedErr: true },
    { name: 'invalid updatedReplicas', replicas: 2, updatedReplicas: -1, readyReplicas: 2, availableReplicas: 1, observedGeneration: 2, expectedErr: true },
    { name: 'invalid readyReplicas', replicas: 3, readyReplicas: -1, availableReplicas: 1, observedGeneration: 2, expectedErr: true },
    { name: 'invalid availableReplicas', replicas: 3, readyReplicas: 3, availableReplicas: -1, observedGeneration: 2, expectedErr: true },
    { name: 'invalid observedGeneration', replicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: -1, expectedErr: true },
    { name: 'updatedReplicas greater than replicas', replicas: 3, updatedReplicas: 4, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1, expectedErr: true },
    { name: 'readyReplicas greater than replicas', replicas: 3, readyReplicas: 4, availableReplicas: 3, observedGeneration: 1, expectedErr: true },
    { name: 'availableReplicas greater than replicas', replicas: 3, readyReplicas: 3, availableReplicas: 4, observedGeneration: 1, expectedErr: true },
    { name: 'availableReplicas greater than readyReplicas', replicas: 3, readyReplicas: 2, availableReplicas: 3, observedGeneration: 1, expectedErr: true },
    { name: 'invalid collisionCount', replicas: 3, readyReplicas: 0, availableReplicas: 0, observedGeneration: 1, collisionCount: -3, expectedErr: true },
  ];
  for (const c of cases) {
    const { name, expectedErr, ...status } = c;
    const errs = validateDeploymentStatus(status as JsonObject, Path.of('status'));
    assert.equal(errs.length > 0, expectedErr, `${name}\n${show(errs)}`);
  }
});

test(`${FILE} TestValidateDeploymentStatusUpdate`, () => {
  const cases: { name: string; from: JsonObject; to: JsonObject; expectedErr: boolean }[] = [
    { name: 'increase: valid update', from: {}, to: { collisionCount: 1 }, expectedErr: false },
    { name: 'stable: valid update', from: { collisionCount: 1 }, to: { collisionCount: 1 }, expectedErr: false },
    { name: 'unset: invalid update', from: { collisionCount: 1 }, to: {}, expectedErr: true },
    { name: 'decrease: invalid update', from: { collisionCount: 2 }, to: { collisionCount: 1 }, expectedErr: true },
  ];
  for (const c of cases) {
    const meta = { name: 'foo', namespace: 'default', resourceVersion: '1' };
    const errs = validateDeploymentStatusUpdate({ metadata: meta, status: c.to }, { metadata: meta, status: c.from });
    assert.equal(errs.length > 0, c.expectedErr, `${c.name}\n${show(errs)}`);
  }
});

test(`${FILE} TestValidateDeploymentUpdate: error counts`, () => {
  const validTemplate = { metadata: { labels: validLabels }, spec: podSpec() };
  const rwTemplate = { metadata: { labels: validLabels }, spec: podSpec({ volumes: [gcePD] }) };
  const invalidTemplate = { metadata: { labels: invalidLabels }, spec: podSpec({ containers: [] }) };
  const dep = (name: string, rv: string, spec: JsonObject): JsonObject => ({ metadata: { name, namespace: 'default', resourceVersion: rv }, spec: { strategy: { type: 'Recreate' }, ...spec } });
  const successes: [string, JsonObject, JsonObject][] = [
    ['positive replicas', dep('abc', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), dep('abc', '2', { replicas: 1, selector: { matchLabels: validLabels }, template: rwTemplate })],
    ['Read-write volume verification', dep('abc', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), dep('abc', '2', { replicas: 2, selector: { matchLabels: validLabels }, template: rwTemplate })],
  ];
  for (const [name, old, update] of successes) assertCount(validateDeploymentUpdate(update, old), 0, name);
  const errors: [string, JsonObject, JsonObject, number][] = [
    ['invalid selector', dep('', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), dep('abc', '2', { replicas: 2, selector: { matchLabels: invalidLabels }, template: validTemplate }), 3],
    ['invalid pod', dep('', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), dep('abc', '2', { replicas: 2, selector: { matchLabels: validLabels }, template: invalidTemplate }), 4],
    ['negative replicas', dep('abc', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), dep('abc', '2', { replicas: -1, selector: { matchLabels: validLabels }, template: rwTemplate }), 1],
  ];
  for (const [name, old, update, n] of errors) assertCount(validateDeploymentUpdate(update, old), n, name);
});

// ---------------------------------------------------------------------------
// ReplicaSet

const rsAllowed = new Set(['metadata.name', 'metadata.namespace', 'spec.selector', 'spec.template', 'GCEPersistentDisk.ReadOnly', 'spec.replicas', 'spec.template.labels', 'metadata.annotations', 'metadata.labels', 'status.replicas']);
const rs = (metadata: JsonObject, spec: JsonObject): JsonObject => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata, spec });

test(`${FILE} TestValidateReplicaSet`, () => {
  const validTemplate = { metadata: { labels: validLabels }, spec: podSpec() };
  const hostNetTemplate = { metadata: { labels: validLabels }, spec: hostNetSpec };
  const rwTemplate = { metadata: { labels: validLabels }, spec: podSpec({ volumes: [gcePD] }) };
  const invalidTemplate = { metadata: { labels: invalidLabels }, spec: podSpec() };
  const successes: JsonObject[] = [
    rs({ name: 'abc', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: validTemplate }),
    rs({ name: 'abc-123', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: validTemplate }),
    rs({ name: 'hostnet', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: hostNetTemplate }),
    rs({ name: 'abc-123', namespace: 'default' }, { replicas: 1, selector: { matchLabels: validLabels }, template: rwTemplate }),
  ];
  for (const s of successes) assertExactly(create('apps/v1/ReplicaSet', s), [], `success ${JSON.stringify((s.metadata as JsonObject).name)}`);
  const errors: [string, JsonObject][] = [
    ['zero-length ID', rs({ name: '', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: validTemplate })],
    ['missing-namespace', rs({ name: 'abc-123' }, { selector: { matchLabels: validLabels }, template: validTemplate })],
    ['empty selector', rs({ name: 'abc', namespace: 'default' }, { template: validTemplate })],
    ['selector_doesnt_match', rs({ name: 'abc', namespace: 'default' }, { selector: { matchLabels: { foo: 'bar' } }, template: validTemplate })],
    ['invalid manifest', rs({ name: 'abc', namespace: 'default' }, { selector: { matchLabels: validLabels } })],
    ['read-write persistent disk with > 1 pod', rs({ name: 'abc' }, { replicas: 2, selector: { matchLabels: validLabels }, template: rwTemplate })],
    ['negative_replicas', rs({ name: 'abc', namespace: 'default' }, { replicas: -1, selector: { matchLabels: validLabels } })],
    ['invalid_label', rs({ name: 'abc-123', namespace: 'default', labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }, { selector: { matchLabels: validLabels }, template: validTemplate })],
    ['invalid_label 2', rs({ name: 'abc-123', namespace: 'default', labels: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }, { template: invalidTemplate })],
    ['invalid_annotation', rs({ name: 'abc-123', namespace: 'default', annotations: { 'NoUppercaseOrSpecialCharsLike=Equals': 'bar' } }, { selector: { matchLabels: validLabels }, template: validTemplate })],
    ['invalid restart policy 1', rs({ name: 'abc-123', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: { metadata: { labels: validLabels }, spec: podSpec({ restartPolicy: 'OnFailure' }) } })],
    ['invalid restart policy 2', rs({ name: 'abc-123', namespace: 'default' }, { selector: { matchLabels: validLabels }, template: { metadata: { labels: validLabels }, spec: podSpec({ restartPolicy: 'Never' }) } })],
  ];
  for (const [name, s] of errors) assertFailsWithin(create('apps/v1/ReplicaSet', s), (f) => f.startsWith('spec.template.') || rsAllowed.has(f), name);
});

test(`${FILE} TestValidateReplicaSetUpdate: error counts`, () => {
  const validTemplate = { metadata: { labels: validLabels }, spec: podSpec() };
  const rwTemplate = { metadata: { labels: validLabels }, spec: podSpec({ volumes: [gcePD] }) };
  const invalidTemplate = { metadata: { labels: invalidLabels }, spec: podSpec({ containers: [] }) };
  const r = (name: string, rv: string, spec: JsonObject): JsonObject => ({ metadata: { name, namespace: 'default', resourceVersion: rv }, spec });
  const successes: [string, JsonObject, JsonObject][] = [
    ['positive replicas', r('abc', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), r('abc', '2', { replicas: 3, selector: { matchLabels: validLabels }, template: validTemplate })],
    ['Read-write volume verification', r('abc', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), r('abc', '2', { replicas: 3, selector: { matchLabels: validLabels }, template: rwTemplate })],
  ];
  for (const [name, old, update] of successes) assertCount(validateReplicaSetUpdate(update, old), 0, name);
  const errors: [string, JsonObject, JsonObject, number][] = [
    ['invalid selector', r('', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), r('abc', '2', { replicas: 2, selector: { matchLabels: invalidLabels }, template: validTemplate }), 3],
    ['invalid pod', r('', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), r('abc', '2', { replicas: 2, selector: { matchLabels: validLabels }, template: invalidTemplate }), 4],
    ['negative replicas', r('abc', '1', { selector: { matchLabels: validLabels }, template: validTemplate }), r('abc', '2', { replicas: -1, selector: { matchLabels: validLabels }, template: validTemplate }), 1],
  ];
  for (const [name, old, update, n] of errors) assertCount(validateReplicaSetUpdate(update, old), n, name);
});

test(`${FILE} TestValidateReplicaSetStatus`, () => {
  const cases: [string, number, number, number, number, number, boolean][] = [
    // name, replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration, expectedErr
    ['valid status', 3, 3, 2, 1, 2, false],
    ['invalid replicas', -1, 3, 2, 1, 2, true],
    ['invalid fullyLabeledReplicas', 3, -1, 2, 1, 2, true],
    ['invalid readyReplicas', 3, 3, -1, 1, 2, true],
    ['invalid availableReplicas', 3, 3, 3, -1, 2, true],
    ['invalid observedGeneration', 3, 3, 3, 3, -1, true],
    ['fullyLabeledReplicas greater than replicas', 3, 4, 3, 3, 1, true],
    ['readyReplicas greater than replicas', 3, 3, 4, 3, 1, true],
    ['availableReplicas greater than replicas', 3, 3, 3, 4, 1, true],
    ['availableReplicas greater than readyReplicas', 3, 3, 2, 3, 1, true],
  ];
  for (const [name, replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration, expectedErr] of cases) {
    const errs = validateReplicaSetStatus({ replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration }, Path.of('status'));
    assert.equal(errs.length > 0, expectedErr, `${name}\n${show(errs)}`);
  }
});

test(`${FILE} TestValidateReplicaSetStatusUpdate`, () => {
  const template = { metadata: { labels: validLabels }, spec: podSpec() };
  const ok = validateReplicaSetStatusUpdate(
    { metadata: { name: 'abc', namespace: 'default', resourceVersion: '1' }, spec: { replicas: 3, selector: { matchLabels: validLabels }, template }, status: { replicas: 4 } },
    { metadata: { name: 'abc', namespace: 'default', resourceVersion: '1' }, spec: { selector: { matchLabels: validLabels }, template }, status: { replicas: 2 } },
  );
  assertCount(ok, 0, 'success');
  const bad = validateReplicaSetStatusUpdate(
    { metadata: { name: 'abc', namespace: 'default', resourceVersion: '1' }, spec: { replicas: 2, selector: { matchLabels: validLabels }, template }, status: { replicas: -3 } },
    { metadata: { name: '', namespace: 'default', resourceVersion: '1' }, spec: { selector: { matchLabels: validLabels }, template }, status: { replicas: 3 } },
  );
  assert.ok(bad.length > 0, 'negative replicas: expected failure');
});

// ---------------------------------------------------------------------------
// ControllerRevision

test(`${FILE} TestValidateControllerRevision`, () => {
  // The data upstream marshals: mkStatefulSet of a template; any JSON object will do.
  const ssJSON: JsonObject = { metadata: { name: 'abc', namespace: 'default' }, spec: { podManagementPolicy: 'OrderedReady', selector: { matchLabels: validLabels } } };
  const cr = (name: string, namespace: string, data: JsonObject['data'] | undefined, revision: number): JsonObject => {
    const o: JsonObject = { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name, namespace }, revision };
    if (data !== undefined) o.data = data;
    return o;
  };
  const cases: [string, JsonObject, boolean][] = [
    ['valid', cr('validname', 'validns', ssJSON, 0), true],
    ['negative revision', cr('validname', 'validns', ssJSON, -1), false],
    ['empty name', cr('', 'validns', ssJSON, 0), false],
    ['invalid name', cr('NoUppercaseOrSpecialCharsLike=Equals', 'validns', ssJSON, 0), false],
    ['empty namespace', cr('validname', '', ssJSON, 100), false],
    ['invalid namespace', cr('validname', 'NoUppercaseOrSpecialCharsLike=Equals', ssJSON, 100), false],
    ['nil data', cr('validname', 'NoUppercaseOrSpecialCharsLike=Equals', undefined, 100), false],
    ['json bool', cr('validname', 'validns', true, 0), false],
    ['json int', cr('validname', 'validns', 0, 0), false],
    ['json float', cr('validname', 'validns', 0.5, 0), false],
    ['json null', cr('validname', 'validns', null, 0), false],
    ['json array', cr('validname', 'validns', [], 0), false],
    ['json string', cr('validname', 'validns', 'test', 0), false],
    ['json object', cr('validname', 'validns', {}, 0), true],
  ];
  for (const [name, revision, isValid] of cases) {
    const errs = validateControllerRevisionCreate(revision);
    assert.equal(errs.length === 0, isValid, `${name}\n${show(errs)}`);
    assert.equal(create('apps/v1/ControllerRevision', revision).length === 0, isValid, `${name} through the table`);
  }
});

test(`${FILE} TestValidateControllerRevisionUpdate`, () => {
  const data = (name: string): JsonObject => ({ metadata: { name, namespace: 'default' }, spec: { podManagementPolicy: 'OrderedReady' } });
  const cr = (version: string, d: JsonObject, revision: number): JsonObject => ({ metadata: { name: 'validname', namespace: 'validns', resourceVersion: version }, data: d, revision });
  const valid = cr('1', data('abc'), 0);
  const cases: [string, JsonObject, JsonObject, boolean][] = [
    ['valid', valid, valid, true],
    ['invalid', cr('', data('abc'), 0), valid, false],
    ['changed data', cr('1', data('cdf'), 0), valid, false],
    ['changed revision', cr('1', data('abc'), 1), valid, true],
  ];
  for (const [name, update, old, isValid] of cases) {
    const errs = validateControllerRevisionUpdate(clone(update), clone(old));
    assert.equal(errs.length === 0, isValid, `${name}\n${show(errs)}`);
  }
});

// field.Invalid's bad value is the template's label map: Go's json.Marshal prints a nil map as
// null and an empty one as {} (apimachinery pkg/util/validation/field/errors.go ErrorBody).
test('apps/validation/validation.go ValidatePodTemplateSpecForReplicaSet: a template without labels prints its labels as null, an empty label map as {}', () => {
  const deployment = (labels: JsonObject | undefined): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { selector: { matchLabels: { app: 'web' } }, template: { metadata: labels === undefined ? {} : { labels }, spec: {} } },
  });
  const message = (labels: JsonObject | undefined) =>
    (validationFor('apps/v1/Deployment')?.create(deployment(labels)) ?? []).map(errorString).find((m) => m.startsWith('spec.template.metadata.labels'));
  assert.equal(message(undefined), 'spec.template.metadata.labels: Invalid value: null: `selector` does not match template `labels`');
  assert.equal(message({}), 'spec.template.metadata.labels: Invalid value: {}: `selector` does not match template `labels`');
  assert.equal(message({ app: 'db' }), 'spec.template.metadata.labels: Invalid value: {"app":"db"}: `selector` does not match template `labels`');
  // A map prints with its keys sorted, whatever order the YAML gave them in.
  assert.equal(message({ tier: '<db>', app: 'db' }), 'spec.template.metadata.labels: Invalid value: {"app":"db","tier":"\\u003cdb\\u003e"}: `selector` does not match template `labels`');
});

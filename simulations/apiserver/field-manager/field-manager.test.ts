// The API server's field manager end to end: what metadata.managedFields says
// after creates, updates, patches and applies that name a field manager, and
// what an apply does with other managers' fields (conflicts, force, shared
// ownership, removal of dropped fields), as
// staging/src/k8s.io/apimachinery/pkg/util/managedfields/internal and
// sigs.k8s.io/structured-merge-diff merge/update.go decide it.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiServer } from '../api-server.ts';
import type { JsonObject } from '../../apimachinery/json.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const DEPLOY = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' };

interface Entry {
  manager: string;
  operation: string;
  apiVersion: string;
  time?: string;
  fieldsType: string;
  fieldsV1: JsonObject;
  subresource?: string;
}
const entries = (o: unknown) => ((o as { metadata: { managedFields?: Entry[] } }).metadata.managedFields ?? []);
const byManager = (o: unknown) => Object.fromEntries(entries(o).map((e) => [e.manager, e.fieldsV1]));
const spec = (o: unknown) => (o as { spec: JsonObject }).spec;

function deployment({ image = 'nginx:1.26', replicas = 3 as number | undefined, labels = { app: 'web' } as Record<string, string> } = {}): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels },
    spec: {
      ...(replicas === undefined ? {} : { replicas }),
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'app', image }] } },
    },
  };
}

function server(): ApiServer {
  const api = new ApiServer();
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  return api;
}

describe('Update entries: a write that names a field manager', () => {
  test('a create records the creator as owner of everything it set, the API server defaults included', () => {
    const r = server().create(deployment(), { fieldManager: 'kubectl-client-side-apply' });
    assert.equal(r.code, 201);
    const [entry, ...rest] = entries(r.object);
    assert.equal(rest.length, 0);
    assert.deepEqual({ ...entry, fieldsV1: undefined }, { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time: '2025-01-01T00:00:00Z', fieldsType: 'FieldsV1', fieldsV1: undefined });
    const fields = entry.fieldsV1 as { 'f:spec': JsonObject };
    // compare.go against the Go zero value: spec and template exist there (struct fields), so only what is set inside them is owned;
    // SetDefaults_Deployment and friends ran before the field manager (handlers/create.go), so their fields are the creator's too.
    assert.deepEqual(Object.keys(fields['f:spec']).sort(), ['f:progressDeadlineSeconds', 'f:replicas', 'f:revisionHistoryLimit', 'f:selector', 'f:strategy', 'f:template']);
    const container = ((((fields['f:spec']['f:template'] as JsonObject)['f:spec'] as JsonObject)['f:containers'] as JsonObject)['k:{"name":"app"}']) as JsonObject;
    assert.deepEqual(Object.keys(container), ['.', 'f:image', 'f:imagePullPolicy', 'f:name', 'f:terminationMessagePath', 'f:terminationMessagePolicy']);
  });

  test('a write without a field manager records nothing', () => {
    const r = server().create(deployment());
    assert.deepEqual(entries(r.object), []);
  });

  test('an update of an object nobody manages is not tracked (skipNonAppliedManager)', () => {
    const api = server();
    api.create(deployment());
    const r = api.patch(DEPLOY, { spec: { replicas: 5 } }, { type: 'application/strategic-merge-patch+json', fieldManager: 'kubectl-edit' });
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(entries(r.object), []);
  });

  test('a patch by another manager takes the fields it changed; the creator keeps the rest', () => {
    const api = server();
    api.create(deployment(), { fieldManager: 'kubectl-client-side-apply' });
    const r = api.patch(DEPLOY, { spec: { replicas: 5 } }, { type: 'application/strategic-merge-patch+json', fieldManager: 'kubectl-scale' });
    assert.equal(r.code, 200, r.message);
    const m = byManager(r.object);
    assert.deepEqual(m['kubectl-scale'], { 'f:spec': { 'f:replicas': {} } });
    assert.equal('f:replicas' in (m['kubectl-client-side-apply']['f:spec'] as JsonObject), false);
    assert.ok('f:selector' in (m['kubectl-client-side-apply']['f:spec'] as JsonObject));
  });

  test('a patch that changes nothing leaves managedFields and the resourceVersion as they were', () => {
    const api = server();
    const created = api.create(deployment(), { fieldManager: 'a' });
    const r = api.patch(DEPLOY, { spec: { replicas: 3 } }, { type: 'application/strategic-merge-patch+json', fieldManager: 'b' });
    assert.deepEqual(entries(r.object), entries(created.object));
    assert.equal((r.object as { metadata: JsonObject }).metadata.resourceVersion, (created.object as { metadata: JsonObject }).metadata.resourceVersion);
  });
});

describe('server-side apply', () => {
  const config = (extra: JsonObject = {}): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', labels: { app: 'web' }, finalizers: ['example.com/protect'] },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'app', image: 'nginx:1.27', env: [{ name: 'MODE', value: 'prod' }] }, { name: 'log', image: 'busybox:1.36' }] },
      },
      ...extra,
    },
  });

  test('apply creates the object: the applier owns exactly its file (f: fields, k: list-map items, v: set values, the atomic selector); defaults are added', () => {
    const r = server().apply(DEPLOY, config(), { fieldManager: 'kubectl' });
    assert.equal(r.code, 201, r.message);
    const [entry] = entries(r.object);
    assert.deepEqual([entry.manager, entry.operation, entry.apiVersion, entry.time], ['kubectl', 'Apply', 'apps/v1', '2025-01-01T00:00:00Z']);
    const expected =
      '{"f:metadata":{"f:finalizers":{"v:\\"example.com/protect\\"":{}},"f:labels":{"f:app":{}}},' +
      '"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},' +
      '"f:spec":{"f:containers":{' +
      '"k:{\\"name\\":\\"app\\"}":{".":{},"f:env":{"k:{\\"name\\":\\"MODE\\"}":{".":{},"f:name":{},"f:value":{}}},"f:image":{},"f:name":{}},' +
      '"k:{\\"name\\":\\"log\\"}":{".":{},"f:image":{},"f:name":{}}}}}}}';
    assert.equal(JSON.stringify(entry.fieldsV1), expected);
    assert.equal(spec(r.object).revisionHistoryLimit, 10, 'SetDefaults_Deployment after the merge');
  });

  const hpaScaled = (): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'web',
      namespace: 'default',
      managedFields: [
        { apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"nginx"}': { '.': {}, 'f:image': {}, 'f:name': {} } } } } } }, manager: 'kubectl', operation: 'Apply', time: '2025-01-01T00:00:00Z' },
        { apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, manager: 'kube-controller-manager', operation: 'Update', subresource: 'scale', time: '2025-01-01T00:05:00Z' },
      ],
    },
    spec: { replicas: 5, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
  });
  const file = (replicas?: number): JsonObject => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web' },
    spec: { ...(replicas === undefined ? {} : { replicas }), template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } } },
  });
  const seeded = () => {
    const api = server();
    assert.equal(api.seed(hpaScaled()).code, 201);
    return api;
  };

  test("changing a field another manager owns: 409 Conflict, upstream's message and one FieldManagerConflict cause per field; nothing changes", () => {
    const api = seeded();
    const before = api.get(DEPLOY).object;
    const r = api.apply(DEPLOY, file(3), { fieldManager: 'kubectl' });
    assert.deepEqual([r.code, r.reason], [409, 'Conflict']);
    assert.equal(r.message, 'Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using apps/v1: .spec.replicas');
    assert.deepEqual(r.status?.details?.causes, [{ reason: 'FieldManagerConflict', message: 'conflict with "kube-controller-manager" with subresource "scale" using apps/v1', field: '.spec.replicas' }]);
    assert.deepEqual(api.get(DEPLOY).object, before);
  });

  test('without replicas in the file the HPA keeps them and there is no conflict', () => {
    const r = seeded().apply(DEPLOY, file(), { fieldManager: 'kubectl' });
    assert.equal(r.code, 200, r.message);
    assert.equal(spec(r.object).replicas, 5);
    assert.deepEqual(entries(r.object).map((e) => e.manager).sort(), ['kube-controller-manager', 'kubectl']);
  });

  test('force takes replicas away from the HPA controller (its now-empty entry goes)', () => {
    const r = seeded().apply(DEPLOY, file(3), { fieldManager: 'kubectl', force: true });
    assert.equal(r.code, 200, r.message);
    assert.equal(spec(r.object).replicas, 3);
    assert.deepEqual(entries(r.object).map((e) => e.manager), ['kubectl']);
  });

  test('setting the value already there shares ownership instead of conflicting', () => {
    const r = seeded().apply(DEPLOY, file(5), { fieldManager: 'kubectl' });
    assert.equal(r.code, 200, r.message);
    const owners = entries(r.object).filter((e) => 'f:replicas' in ((e.fieldsV1['f:spec'] as JsonObject) ?? {})).map((e) => e.manager).sort();
    assert.deepEqual(owners, ['kube-controller-manager', 'kubectl']);
  });

  test('a field dropped from the file is removed when nobody else owns it', () => {
    const api = seeded();
    const withLabel = file();
    (withLabel.metadata as JsonObject).labels = { tier: 'web' };
    assert.equal(api.apply(DEPLOY, withLabel, { fieldManager: 'kubectl' }).code, 200);
    const r = api.apply(DEPLOY, file(), { fieldManager: 'kubectl' });
    assert.equal(((r.object as { metadata: JsonObject }).metadata.labels as JsonObject | undefined)?.tier, undefined);
  });

  test('an object nobody manages: what is there belongs to "before-first-apply", so a different value conflicts with it', () => {
    const api = server();
    api.create(deployment());
    const r = api.apply(DEPLOY, file(4), { fieldManager: 'ci' });
    assert.equal(r.code, 409);
    assert.equal(r.message, 'Apply failed with 1 conflict: conflict with "before-first-apply" using apps/v1: .spec.replicas');
  });

  test('"kubectl" is forgiven conflicts on fields still as the last-applied annotation has them, and keeps the annotation in step', () => {
    const api = server();
    const csa = deployment();
    (csa.metadata as JsonObject).annotations = { [LAST_APPLIED]: `${JSON.stringify(deployment())}\n` };
    api.create(csa, { fieldManager: 'kubectl-client-side-apply' });
    const next = deployment({ image: 'nginx:1.27' });
    const r = api.apply(DEPLOY, next, { fieldManager: 'kubectl' });
    assert.equal(r.code, 200, r.message);
    const annotation = ((r.object as { metadata: JsonObject }).metadata.annotations as JsonObject)[LAST_APPLIED] as string;
    assert.equal(JSON.parse(annotation).spec.template.spec.containers[0].image, 'nginx:1.27');
    const other = api.apply(DEPLOY, deployment({ image: 'nginx:1.28' }), { fieldManager: 'ci' });
    assert.equal(other.code, 409, 'another manager name gets no forgiveness');
  });

  test('a field the schema does not declare: 500, failed to create typed patch object', () => {
    const bad = file();
    (bad.spec as JsonObject).replicaz = 3;
    const r = seeded().apply(DEPLOY, bad, { fieldManager: 'kubectl' });
    assert.equal(r.code, 500);
    assert.equal(r.message, 'failed to create typed patch object (/web; apps/v1, Kind=Deployment): .spec.replicaz: field not declared in schema');
  });

  test('managedFields in the applied object, or another kind: 400', () => {
    const withManaged = file();
    (withManaged.metadata as JsonObject).managedFields = [];
    assert.deepEqual([seeded().apply(DEPLOY, withManaged, { fieldManager: 'kubectl' }).message], ['metadata.managedFields must be nil']);
    const r = seeded().apply(DEPLOY, { ...file(), kind: 'StatefulSet' }, { fieldManager: 'kubectl' });
    assert.deepEqual([r.code, r.message], [400, 'invalid object type: apps/v1, Kind=StatefulSet']);
  });

  test('an apply without a field manager: 422 on PatchOptions', () => {
    const r = seeded().apply(DEPLOY, file(), {});
    assert.equal(r.code, 422);
    assert.equal(r.message, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  });

  test('a dry run answers what the apply would do and stores nothing', () => {
    const api = seeded();
    const before = api.get(DEPLOY).object;
    const r = api.apply(DEPLOY, file(), { fieldManager: 'kubectl', dryRun: true });
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(api.get(DEPLOY).object, before);
  });

  test('through patch() with the apply Content-Type, as kubectl sends it', () => {
    const r = seeded().patch(DEPLOY, file(3), { type: 'application/apply-patch+yaml', fieldManager: 'kubectl', force: true });
    assert.equal(r.code, 200, r.message);
    assert.equal(spec(r.object).replicas, 3);
  });
});

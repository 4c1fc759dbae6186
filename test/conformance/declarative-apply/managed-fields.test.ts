// metadata.managedFields as the API server and kubectl write them:
//   - the fieldsV1 a server-side apply records, against the format upstream
//     defines (structured-merge-diff fieldpath serialize.go, typed/tofieldset.go);
//   - the Update entry a client-side apply's create records, and the conflict
//     a later server-side apply by another manager meets (conflict.go wording,
//     as transcribed from TestNewConflictError in server-side-apply.test.ts);
//   - the client-side → server-side migration of `kubectl apply --server-side`
//     (apply.go saveLastApplyAnnotationIfNecessary, migrateToSSAIfNecessary;
//     client-go/util/csaupgrade/upgrade.go), with the requests checked against
//     real kubectl 1.32 talking to the stub API server.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import type { PatchContext, StubReply } from '../../support/kubectl-stub.ts';
import { parseManifests } from '../../../simulations/shared/yaml.ts';
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';
import { goJsonEncode } from '../../../simulations/apimachinery/go-json.ts';
import { clientSideApply } from '../../../simulations/declarative-apply/kubectl/client-side-apply.ts';
import { kubectlServerSideApply } from '../../../simulations/declarative-apply/kubectl/server-side-apply.ts';
import { serverSideApply, recordUpdate } from '../../../simulations/declarative-apply/server-side/apply.ts';
import { KUBECTL_CONFLICT_HELP } from '../../../simulations/apiserver/field-manager/managed-fields.ts';
import { SchemaNode } from '../../../simulations/apimachinery/strategic-merge-patch/patch-meta.ts';
import { schemaFor } from '../../../simulations/kubectl/apply/scheme.ts';

const T0 = '2025-01-01T00:00:00Z';
const T1 = '2025-01-01T00:10:00Z';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const one = (yaml: string) => parseManifests(yaml)[0].object as JsonObject;
const deploymentNode = SchemaNode.root(schemaFor('apps/v1', 'Deployment')!);

interface Entry {
  manager: string;
  operation: string;
  apiVersion: string;
  time?: string;
  fieldsType: string;
  fieldsV1: JsonObject;
  subresource?: string;
}
const managedFields = (obj: JsonObject) => ((obj.metadata as JsonObject).managedFields ?? []) as unknown as Entry[];
const annotations = (obj: JsonObject) => ((obj.metadata as JsonObject).annotations ?? {}) as Record<string, string>;
const labels = (obj: JsonObject) => ((obj.metadata as JsonObject).labels ?? {}) as Record<string, string>;

const deployment = ({ image = 'nginx:1.26', replicas = 3, extraLabels = '' } = {}) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
${extraLabels}spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: ${image}
`;

const csaCreate = (yaml: string) => clientSideApply(one(yaml), null, { namespace: 'default', overwrite: true, fileName: 'web.yaml', now: T0 }).after;
const ssa = { namespace: 'default', fieldManager: 'kubectl', force: false, now: T1 };

describe('the fieldsV1 a server-side apply writes back', () => {
  test('a Deployment with labels, a finalizer, a keyed container list and env: f: fields, k: list-map items, v: set values, atomic selector', () => {
    const file = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
  finalizers:
  - example.com/protect
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: nginx:1.27
        env:
        - name: MODE
          value: prod
      - name: log
        image: busybox:1.36
`;
    const r = serverSideApply(one(file), null, ssa);
    assert.equal(r.outcome, 'serverside-applied');
    const entries = managedFields(r.after);
    assert.equal(entries.length, 1);
    const { fieldsV1, ...entry } = entries[0];
    assert.deepEqual(entry, { apiVersion: 'apps/v1', fieldsType: 'FieldsV1', manager: 'kubectl', operation: 'Apply', time: T1 });
    // Derived from upstream's rules, not from our output:
    // - tofieldset.go: scalars and list items are members; maps and granular
    //   lists are not ("." only on list items, which are members with children);
    // - metadata.finalizers is +listType=set → v:<JSON value>; containers and env
    //   are +listType=map keyed by name → k:{"name":...};
    // - metav1.LabelSelector is +structType=atomic → f:selector is one leaf;
    // - apiVersion, kind, metadata.name/namespace are stripped (stripmeta.go);
    // - serialize.go writes "." first, then elements in PathElement order.
    const expected =
      '{"f:metadata":{"f:finalizers":{"v:\\"example.com/protect\\"":{}},"f:labels":{"f:app":{}}},' +
      '"f:spec":{"f:replicas":{},"f:selector":{},"f:template":{"f:metadata":{"f:labels":{"f:app":{}}},' +
      '"f:spec":{"f:containers":{' +
      '"k:{\\"name\\":\\"app\\"}":{".":{},"f:env":{"k:{\\"name\\":\\"MODE\\"}":{".":{},"f:name":{},"f:value":{}}},"f:image":{},"f:name":{}},' +
      '"k:{\\"name\\":\\"log\\"}":{".":{},"f:image":{},"f:name":{}}}}}}}';
    assert.equal(JSON.stringify(fieldsV1), expected);
  });
});

describe('client-side apply records its create', () => {
  test('the create is an Update by kubectl-client-side-apply owning what the file set, the annotation included', () => {
    const live = csaCreate(deployment());
    const [entry, ...rest] = managedFields(live);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { manager: entry.manager, operation: entry.operation, apiVersion: entry.apiVersion, time: entry.time, fieldsType: entry.fieldsType },
      { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1' },
    );
    // compare.go against the Go zero value: maps that did not exist are added whole
    // ("." on annotations and labels); metadata, spec and template are non-pointer
    // structs, present in the zero value, so they are not.
    assert.deepEqual(entry.fieldsV1, {
      'f:metadata': {
        'f:annotations': { '.': {}, [`f:${LAST_APPLIED}`]: {} },
        'f:labels': { '.': {}, 'f:app': {} },
      },
      'f:spec': {
        'f:replicas': {},
        'f:selector': {},
        'f:template': {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': { 'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:name': {} } } },
        },
      },
    });
  });

  test('so a server-side apply by another manager that changes replicas conflicts with "kubectl-client-side-apply"', () => {
    const live = csaCreate(deployment());
    const config = one('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n');
    const r = serverSideApply(config, live, { ...ssa, fieldManager: 'deploy-bot' });
    assert.equal(r.outcome, 'failed');
    // getConflictMessage with an Update manager: `conflict with "<manager>" using <apiVersion>: <path>`
    // (the API server's identifier carries no time), then kubectl's advice.
    assert.equal(r.error, `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas\n${KUBECTL_CONFLICT_HELP}`);
    assert.deepEqual(r.conflicts, [{ manager: 'kubectl-client-side-apply', path: '.spec.replicas' }]);
  });

  test('with --force-conflicts the other manager takes replicas and client-side apply keeps the rest', () => {
    const live = csaCreate(deployment());
    const config = one('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n');
    const r = serverSideApply(config, live, { ...ssa, fieldManager: 'deploy-bot', force: true });
    assert.equal(r.outcome, 'serverside-applied');
    const byManager = Object.fromEntries(managedFields(r.after).map((e) => [e.manager, e.fieldsV1]));
    assert.deepEqual(byManager['deploy-bot'], { 'f:spec': { 'f:replicas': {} } });
    assert.equal('f:replicas' in (byManager['kubectl-client-side-apply']['f:spec'] as JsonObject), false);
  });

  test('an update of an object without managedFields is not tracked (skipNonAppliedManager)', () => {
    const seeded = one(deployment());
    const changed = one(deployment({ image: 'nginx:1.27' }));
    assert.deepEqual(recordUpdate(seeded, changed, { manager: 'someone', operation: 'Update', apiVersion: 'apps/v1', time: T1 }, deploymentNode), changed);
  });
});

describe('kubectl apply --server-side after client-side applies (the migration)', () => {
  // Created with client-side apply, with label tier; the server-side file changes the
  // image and drops tier.
  const created = () => csaCreate(deployment({ extraLabels: '    tier: frontend\n' }));
  const file = deployment({ image: 'nginx:1.27' });

  test("kubectl's managers after the migration: kubectl owns exactly the file, kubectl-last-applied the annotation, kubectl-client-side-apply is gone", () => {
    const r = kubectlServerSideApply(one(file), created(), ssa);
    assert.equal(r.outcome, 'serverside-applied');
    assert.deepEqual(r.followUps.map((f) => f.step), ['save-last-applied', 'migrate-managed-fields', 'reapply']);
    assert.deepEqual(r.migratedManagers, ['kubectl-client-side-apply']);
    const entries = managedFields(r.after);
    assert.deepEqual(entries.map((e) => [e.manager, e.operation]), [['kubectl', 'Apply'], ['kubectl-last-applied', 'Apply']]);
    // The re-apply makes kubectl's set exactly the file's (Updater.Apply: managers[manager] = config.ToFieldSet()).
    const fileOnly = serverSideApply(one(file), null, ssa);
    assert.deepEqual(entries[0].fieldsV1, managedFields(fileOnly.after)[0].fieldsV1);
    assert.deepEqual(entries[1].fieldsV1, { 'f:metadata': { 'f:annotations': { [`f:${LAST_APPLIED}`]: {} } } });
  });

  test('the label the file dropped is removed by the re-apply; the image changes; the annotation now holds the server-side file', () => {
    const live = created();
    const r = kubectlServerSideApply(one(file), live, ssa);
    assert.deepEqual(labels(r.after), { app: 'web' });
    const containers = ((r.after.spec as JsonObject).template as { spec: { containers: JsonObject[] } }).spec.containers;
    assert.equal(containers[0].image, 'nginx:1.27');
    // lastappliedupdater.go buildLastApplied: the applied object, annotation removed, encoded as
    // unstructured JSON (keys sorted, trailing newline); kubectl sends the namespace in the body.
    const applied = one(file);
    (applied.metadata as JsonObject).namespace = 'default';
    assert.equal(annotations(r.after)[LAST_APPLIED], goJsonEncode(applied));
    // Without the migration (one apply, no follow-ups) the old label would still be there:
    assert.deepEqual(labels(serverSideApply(one(file), live, ssa).after), { app: 'web', tier: 'frontend' });
  });

  test('a field changed since the client-side apply (an HPA scaled replicas) still conflicts, with its own manager only', () => {
    const live = created();
    const scaled = structuredClone(live);
    (scaled.spec as JsonObject).replicas = 5;
    const hpa = recordUpdate(live, scaled, { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', subresource: 'scale', time: T0 }, deploymentNode);
    const r = kubectlServerSideApply(one(file), hpa, ssa);
    assert.equal(r.outcome, 'failed');
    // lastappliedmanager.go forgives the image (still as last applied) but not replicas (5 ≠ 3).
    assert.equal(r.error!.split('\n')[0], 'error: Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using apps/v1: .spec.replicas');
    assert.deepEqual(r.followUps, []);
  });

  test('another field manager name gets no forgiveness: the client-side fields conflict', () => {
    const r = kubectlServerSideApply(one(file), created(), { ...ssa, fieldManager: 'ci' });
    assert.equal(r.outcome, 'failed');
    assert.equal(r.error!.split('\n')[0], 'error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="app"].image');
  });

  test('real kubectl sends the same four requests, and computes the same managedFields migration from our objects', async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    const live = created();
    (live.metadata as JsonObject).resourceVersion = '7';
    const ours = kubectlServerSideApply(one(file), live, ssa);
    const requests = [ours.request!, ...ours.followUps.map((f) => f.request)];
    // What the "server" answers each request with: our engine's object after it.
    const answers = [serverSideApply(one(file), live, ssa).after, ...ours.followUps.map((f) => f.after)];
    let n = 0;
    const onPatch = ({ request }: PatchContext): JsonObject | StubReply => {
      const i = n++;
      const expected = requests[i];
      if (!expected || expected.contentType !== request.contentType) return { status: 500, body: { message: `unexpected request #${i + 1}: ${request.contentType}` } };
      return answers[i];
    };
    const stub = await startKubectlStub({ objects: [live], onPatch });
    try {
      writeFileSync(`${stub.dir}/web.yaml`, file);
      const real = await stub.runKubectl(['apply', '--server-side', '-f', 'web.yaml', '--validate=false']);
      assert.equal(real.stderr, '');
      assert.equal(real.stdout, `${ours.message}\n`);
      const sent = stub.requestsTo('PATCH');
      // --validate=false makes kubectl send fieldValidation=Ignore; the engine models the default (Strict).
      const query = (q: string) => q.split('&').filter((p) => !p.startsWith('fieldValidation=')).join('&');
      assert.deepEqual(
        sent.map((s) => ({ path: s.path, query: query(s.rawQuery), contentType: s.contentType, body: s.body })),
        requests.map((r) => ({ path: r.path, query: query(r.query), contentType: r.contentType, body: r.body })),
      );
    } finally {
      await stub.close();
    }
  });
});

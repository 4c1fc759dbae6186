// metadata.managedFields as the API server and kubectl write them, kubectl
// talking to our API server:
//   - the fieldsV1 a server-side apply records, against the format upstream
//     defines (structured-merge-diff fieldpath serialize.go, typed/tofieldset.go);
//   - the Update entry a client-side apply's create records, and the conflict
//     a later server-side apply by another manager meets (conflict.go wording,
//     as transcribed from TestNewConflictError in server-side-apply.test.ts);
//   - the client-side → server-side migration of `kubectl apply --server-side`
//     (apply.go saveLastApplyAnnotationIfNecessary, migrateToSSAIfNecessary;
//     client-go/util/csaupgrade/upgrade.go), with the requests checked against
//     real kubectl 1.32 talking to the stub API server, answered by our API server.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import { parseManifests } from '../../../simulations/shared/yaml.ts';
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';
import { goJsonEncode } from '../../../simulations/apimachinery/go-json.ts';
import { freshApiServer } from '../../../simulations/apiserver/scenario.ts';
import type { ApiServer } from '../../../simulations/apiserver/api-server.ts';
import { clientSideApply } from '../../../simulations/kubectl/apply/client-side-apply.ts';
import { KUBECTL_CONFLICT_HELP, kubectlServerSideApply } from '../../../simulations/kubectl/apply/server-side-apply.ts';
import { answerWith } from './support.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const DEPLOY = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' };
const T0 = '2025-01-01T00:00:00Z';
const one = (yaml: string) => parseManifests(yaml)[0].object as JsonObject;

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

const ssa = { namespace: 'default', fieldManager: 'kubectl', force: false, fileName: 'web.yaml' };

/** A cluster where `kubectl apply` (client side) created the Deployment. */
function csaCreated(yaml = deployment()): ApiServer {
  const api = freshApiServer();
  const r = clientSideApply(api, one(yaml), { namespace: 'default', overwrite: true, fileName: 'web.yaml' });
  assert.equal(r.outcome, 'created', r.error?.alone);
  return api;
}

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
    const r = kubectlServerSideApply(freshApiServer(), one(file), ssa);
    assert.equal(r.outcome, 'serverside-applied', r.error?.alone);
    const entries = managedFields(r.after);
    assert.equal(entries.length, 1);
    const { fieldsV1, ...entry } = entries[0];
    assert.deepEqual(entry, { apiVersion: 'apps/v1', fieldsType: 'FieldsV1', manager: 'kubectl', operation: 'Apply', time: T0 });
    // Derived from upstream's rules, not from our output:
    // - tofieldset.go: scalars and list items are members; maps and granular
    //   lists are not ("." only on list items, which are members with children);
    // - metadata.finalizers is +listType=set → v:<JSON value>; containers and env
    //   are +listType=map keyed by name → k:{"name":...};
    // - metav1.LabelSelector is +structType=atomic → f:selector is one leaf;
    // - apiVersion, kind, metadata.name/namespace are stripped (stripmeta.go);
    // - the applier owns its file's fields only, not the defaults the server adds;
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
  test('the create is an Update by kubectl-client-side-apply owning what the stored object sets, the annotation and the defaults included', () => {
    const live = csaCreated().get(DEPLOY).object as JsonObject;
    const [entry, ...rest] = managedFields(live);
    assert.equal(rest.length, 0);
    assert.deepEqual(
      { manager: entry.manager, operation: entry.operation, apiVersion: entry.apiVersion, time: entry.time, fieldsType: entry.fieldsType },
      { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1' },
    );
    // compare.go against the Go zero value: maps that did not exist are added whole
    // ("." on annotations and labels); metadata, spec and template are non-pointer
    // structs, present in the zero value, so they are not. The create handler runs the
    // field manager after decoding, so the defaults (SetObjectDefaults_Deployment) are the creator's.
    assert.deepEqual(entry.fieldsV1, {
      'f:metadata': {
        'f:annotations': { '.': {}, [`f:${LAST_APPLIED}`]: {} },
        'f:labels': { '.': {}, 'f:app': {} },
      },
      'f:spec': {
        'f:progressDeadlineSeconds': {},
        'f:replicas': {},
        'f:revisionHistoryLimit': {},
        'f:selector': {},
        'f:strategy': { 'f:rollingUpdate': { '.': {}, 'f:maxSurge': {}, 'f:maxUnavailable': {} }, 'f:type': {} },
        'f:template': {
          'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } },
          'f:spec': {
            'f:containers': { 'k:{"name":"app"}': { '.': {}, 'f:image': {}, 'f:imagePullPolicy': {}, 'f:name': {}, 'f:terminationMessagePath': {}, 'f:terminationMessagePolicy': {} } },
            'f:dnsPolicy': {},
            'f:restartPolicy': {},
            'f:schedulerName': {},
            'f:securityContext': {},
            'f:terminationGracePeriodSeconds': {},
          },
        },
      },
    });
  });

  test('so a server-side apply by another manager that changes replicas conflicts with "kubectl-client-side-apply"', () => {
    const config = one('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n');
    const r = kubectlServerSideApply(csaCreated(), config, { ...ssa, fieldManager: 'deploy-bot' });
    assert.equal(r.outcome, 'failed');
    // getConflictMessage with an Update manager: `conflict with "<manager>" using <apiVersion>: <path>`
    // (the API server's identifier carries no time), then kubectl's advice.
    assert.equal(r.error?.alone, `error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas\n${KUBECTL_CONFLICT_HELP}\n`);
    assert.deepEqual(r.conflicts, [{ manager: 'kubectl-client-side-apply', path: '.spec.replicas' }]);
  });

  test('forced, the other manager takes replicas and client-side apply keeps the rest (the API server alone: kubectl would then migrate the rest too)', () => {
    const config = one('apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 5\n');
    const r = csaCreated().apply(DEPLOY, config, { fieldManager: 'deploy-bot', force: true });
    assert.equal(r.code, 200, r.message);
    const byManager = Object.fromEntries(managedFields(r.object as JsonObject).map((e) => [e.manager, e.fieldsV1]));
    assert.deepEqual(byManager['deploy-bot'], { 'f:spec': { 'f:replicas': {} } });
    assert.equal('f:replicas' in (byManager['kubectl-client-side-apply']['f:spec'] as JsonObject), false);
  });

  test('an update of an object without managedFields is not tracked (skipNonAppliedManager)', () => {
    const api = freshApiServer();
    api.seed(one(deployment()));
    const r = api.patch(DEPLOY, { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } }, { type: 'application/strategic-merge-patch+json', fieldManager: 'someone' });
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(managedFields(r.object as JsonObject), []);
  });
});

describe('kubectl apply --server-side after client-side applies (the migration)', () => {
  // Created with client-side apply, with label tier; the server-side file changes the
  // image and drops tier.
  const created = () => csaCreated(deployment({ extraLabels: '    tier: frontend\n' }));
  const file = deployment({ image: 'nginx:1.27' });

  test("kubectl's managers after the migration: kubectl owns exactly the file, kubectl-last-applied the annotation, kubectl-client-side-apply is gone", () => {
    const r = kubectlServerSideApply(created(), one(file), ssa);
    assert.equal(r.outcome, 'serverside-applied', r.error?.alone);
    assert.deepEqual(r.followUps.map((f) => f.step), ['save-last-applied', 'migrate-managed-fields', 'reapply']);
    assert.deepEqual(r.migratedManagers, ['kubectl-client-side-apply']);
    const entries = managedFields(r.after);
    // kubectl-last-applied's apply changed nothing (the annotation was there): Updater.Apply returns no object,
    // so managedFieldsUpdater stamps no time, and an entry without one sorts first (sortEncodedManagedFields).
    assert.deepEqual(entries.map((e) => [e.manager, e.operation, e.time]), [['kubectl-last-applied', 'Apply', undefined], ['kubectl', 'Apply', T0]]);
    // The re-apply makes kubectl's set exactly the file's (Updater.Apply: managers[manager] = config.ToFieldSet()).
    const fileOnly = kubectlServerSideApply(freshApiServer(), one(file), ssa);
    assert.deepEqual(entries[1].fieldsV1, managedFields(fileOnly.after)[0].fieldsV1);
    assert.deepEqual(entries[0].fieldsV1, { 'f:metadata': { 'f:annotations': { [`f:${LAST_APPLIED}`]: {} } } });
  });

  test('the label the file dropped is removed by the re-apply; the image changes; the annotation now holds the server-side file; the defaults the prune removed come back', () => {
    const r = kubectlServerSideApply(created(), one(file), ssa);
    assert.deepEqual(labels(r.after), { app: 'web' });
    const spec = r.after.spec as { revisionHistoryLimit: number; template: { spec: { containers: JsonObject[] } } };
    assert.equal(spec.template.spec.containers[0].image, 'nginx:1.27');
    assert.equal(spec.revisionHistoryLimit, 10, 'defaulted again after the apply (structuredMergeManager.Apply: objectDefaulter.Default)');
    // lastappliedupdater.go buildLastApplied: the applied object, annotation removed, encoded as
    // unstructured JSON (keys sorted, trailing newline); kubectl sends the namespace in the body.
    const applied = one(file);
    (applied.metadata as JsonObject).namespace = 'default';
    assert.equal(annotations(r.after)[LAST_APPLIED], goJsonEncode(applied));
  });

  test('without the migration (another manager name) the old label would stay: the first apply alone does not remove it', () => {
    const api = created();
    const r = api.apply(DEPLOY, one(file), { fieldManager: 'kubectl', force: false });
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(labels(r.object as JsonObject), { app: 'web', tier: 'frontend' });
  });

  test('a field changed since the client-side apply (an HPA scaled replicas) still conflicts, with its own manager only', () => {
    const api = created();
    // The HPA's write through the scale subresource, as the scale handler records it (managedfields/scalehandler.go).
    const scaled = structuredClone(api.get(DEPLOY).object) as JsonObject;
    (scaled.spec as JsonObject).replicas = 5;
    const [csa] = managedFields(scaled);
    const csaSpec = { ...(csa.fieldsV1['f:spec'] as JsonObject) };
    delete csaSpec['f:replicas'];
    (scaled.metadata as JsonObject).managedFields = [
      { ...csa, fieldsV1: { ...csa.fieldsV1, 'f:spec': csaSpec } },
      { manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: T0, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': { 'f:replicas': {} } }, subresource: 'scale' },
    ] as unknown as JsonObject[];
    assert.equal(api.update(scaled).code, 200);
    const r = kubectlServerSideApply(api, one(file), ssa);
    assert.equal(r.outcome, 'failed');
    // lastappliedmanager.go forgives the image (still as last applied) but not replicas (5 ≠ 3).
    assert.equal(r.error?.alone.split('\n')[0], 'error: Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using apps/v1: .spec.replicas');
    assert.deepEqual(r.followUps, []);
  });

  test('another field manager name gets no forgiveness: the client-side fields conflict', () => {
    const r = kubectlServerSideApply(created(), one(file), { ...ssa, fieldManager: 'ci' });
    assert.equal(r.outcome, 'failed');
    assert.equal(r.error?.alone.split('\n')[0], 'error: Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.template.spec.containers[name="app"].image');
  });

  test('real kubectl sends the same four requests to the same server', async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    const api = created();
    const twin = created();
    const ours = kubectlServerSideApply(api, one(file), ssa);
    const requests = [ours.request!, ...ours.followUps.map((f) => f.request)];
    const stub = await startKubectlStub({ objects: [twin.get(DEPLOY).object as JsonObject], onPatch: answerWith(twin) });
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
      assert.deepEqual(stub.get('apps/v1', 'Deployment', 'web', 'default'), ours.after, 'the same object at the end');
    } finally {
      await stub.close();
    }
  });
});

// Server-side apply: the conflict message against upstream's own table
// (staging/src/k8s.io/apimachinery/pkg/util/managedfields/internal/conflict_test.go
// TestNewConflictError), and what kubectl itself does around it, against real
// kubectl 1.32 and the stub API server answered by our API server: the request
// it sends, and the text it prints when the server answers 409.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import { conflictMessage } from '../../../simulations/apiserver/field-manager/managed-fields.ts';
import type { ManagerEntry } from '../../../simulations/apiserver/field-manager/managed-fields.ts';
import { FieldSet } from '../../../simulations/apiserver/field-manager/field-set.ts';
import type { Path } from '../../../simulations/apiserver/field-manager/field-set.ts';
import { freshApiServer } from '../../../simulations/apiserver/scenario.ts';
import type { ApiServer } from '../../../simulations/apiserver/api-server.ts';
import { kubectlServerSideApply } from '../../../simulations/kubectl/apply/server-side-apply.ts';
import { parseManifests } from '../../../simulations/shared/yaml.ts';
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';
import { answerWith } from './support.ts';

const f = (...names: string[]): Path => names.map((name) => ({ t: 'f' as const, name }));
const manager = (m: Partial<ManagerEntry> & Pick<ManagerEntry, 'manager' | 'operation'>): ManagerEntry => ({ apiVersion: '', fields: new FieldSet(), ...m });

// TestNewConflictError, transcribed: the manager identifiers there carry a time, which printManager prints.
const cases = [
  {
    upstream: 'conflict_test.go TestNewConflictError #1 one Update manager',
    conflicts: [{ manager: manager({ manager: 'foo', operation: 'Update', apiVersion: 'v1', identifierTime: '2001-02-03T04:05:06Z' }), path: f('spec', 'replicas') }],
    message: 'Apply failed with 1 conflict: conflict with "foo" using v1 at 2001-02-03T04:05:06Z: .spec.replicas',
  },
  {
    upstream: 'conflict_test.go TestNewConflictError #2 two managers, sorted',
    conflicts: [
      { manager: manager({ manager: 'foo', operation: 'Update', apiVersion: 'v1', identifierTime: '2001-02-03T04:05:06Z' }), path: f('spec', 'replicas') },
      { manager: manager({ manager: 'bar', operation: 'Apply' }), path: f('metadata', 'labels', 'app') },
    ],
    message:
      'Apply failed with 2 conflicts: conflicts with "bar":\n- .metadata.labels.app\nconflicts with "foo" using v1 at 2001-02-03T04:05:06Z:\n- .spec.replicas',
  },
  {
    upstream: 'conflict_test.go TestNewConflictError #3 subresource',
    conflicts: [
      { manager: manager({ manager: 'foo', operation: 'Update', subresource: 'scale', apiVersion: 'v1', identifierTime: '2001-02-03T04:05:06Z' }), path: f('spec', 'replicas') },
    ],
    message: 'Apply failed with 1 conflict: conflict with "foo" with subresource "scale" using v1 at 2001-02-03T04:05:06Z: .spec.replicas',
  },
];

describe('conflict messages (upstream table)', () => {
  for (const c of cases) test(c.upstream, () => assert.equal(conflictMessage(c.conflicts), c.message));
});

const hpaScaled = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  managedFields:
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:spec:
        f:replicas: {}
        f:template:
          f:spec:
            f:containers:
              k:{"name":"nginx"}:
                .: {}
                f:image: {}
                f:name: {}
    manager: kubectl
    operation: Apply
    time: "2025-01-01T00:00:00Z"
  - apiVersion: apps/v1
    fieldsType: FieldsV1
    fieldsV1:
      f:spec:
        f:replicas: {}
    manager: kube-controller-manager
    operation: Update
    subresource: scale
    time: "2025-01-01T00:05:00Z"
spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const file = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
`;

const one = (yaml: string) => parseManifests(yaml)[0].object as JsonObject;
const options = { namespace: 'default', fieldManager: 'kubectl', force: false, fileName: 'web.yaml' };

/** A cluster holding the HPA-scaled Deployment. */
function cluster(): ApiServer {
  const api = freshApiServer();
  assert.equal(api.seed(one(hpaScaled)).code, 201);
  return api;
}

test('kubectl --server-side: same request, and the same text around the 409 our API server answers', async (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const api = cluster();
  const ours = kubectlServerSideApply(api, one(file), options);
  assert.equal(ours.outcome, 'failed');
  assert.equal(ours.error?.alone.split('\n')[0], 'error: Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using apps/v1: .spec.replicas');
  const twin = cluster();
  const stub = await startKubectlStub({ objects: [twin.get({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' }).object as JsonObject], onPatch: answerWith(twin) });
  try {
    writeFileSync(`${stub.dir}/web.yaml`, file);
    const real = await stub.runKubectl(['apply', '--server-side', '-f', 'web.yaml', '--validate=false']);
    assert.equal(real.code, 1);
    assert.equal(real.stderr, ours.error?.alone);
    const [sent] = stub.requestsTo('PATCH');
    assert.equal(sent.contentType, ours.request!.contentType);
    assert.equal(sent.body, ours.request!.body);
    assert.equal(sent.query.fieldManager, 'kubectl');
    assert.equal(sent.query.force, 'false');
  } finally {
    await stub.close();
  }
});

describe('server-side apply ownership (the lesson cases), through kubectl', () => {
  test('without replicas in the file the HPA keeps them and there is no conflict', () => {
    const r = kubectlServerSideApply(cluster(), one(file.replace('  replicas: 3\n', '')), options);
    assert.equal(r.outcome, 'serverside-applied', r.error?.alone);
    assert.equal((r.after.spec as JsonObject).replicas, 5);
    assert.deepEqual(r.managers.map((m) => m.manager).sort(), ['kube-controller-manager', 'kubectl']);
  });
  test('--force-conflicts takes replicas away from the HPA controller', () => {
    const r = kubectlServerSideApply(cluster(), one(file), { ...options, force: true });
    assert.equal(r.outcome, 'serverside-applied', r.error?.alone);
    assert.equal((r.after.spec as JsonObject).replicas, 3);
    assert.deepEqual(r.managers.map((m) => m.manager), ['kubectl']);
  });
  test('setting the same value shares ownership instead of conflicting', () => {
    const r = kubectlServerSideApply(cluster(), one(file.replace('replicas: 3', 'replicas: 5')), options);
    assert.equal(r.outcome, 'serverside-applied', r.error?.alone);
    const owners = r.managers.filter((m) => m.fields.has(f('spec', 'replicas'))).map((m) => m.manager).sort();
    assert.deepEqual(owners, ['kube-controller-manager', 'kubectl']);
  });
  test('a field dropped from the file is removed when nobody else owns it', () => {
    const api = cluster();
    const withLabel = one(file.replace('  name: web\n', '  name: web\n  labels:\n    tier: web\n'));
    assert.equal(kubectlServerSideApply(api, withLabel, { ...options, force: true }).outcome, 'serverside-applied');
    const second = kubectlServerSideApply(api, one(file), options);
    assert.equal(((second.after.metadata as JsonObject).labels as JsonObject | undefined)?.tier, undefined);
  });
});

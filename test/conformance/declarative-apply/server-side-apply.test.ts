// Server-side apply: the conflict message against upstream's own table
// (staging/src/k8s.io/apimachinery/pkg/util/managedfields/internal/conflict_test.go
// TestNewConflictError), and what kubectl itself does around it, against real
// kubectl 1.32 and the stub API server: the request it sends, and the text it
// prints when the server answers 409 with our message.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import { conflictMessage } from '../../../simulations/apiserver/field-manager/managed-fields.ts';
import type { ManagerEntry } from '../../../simulations/apiserver/field-manager/managed-fields.ts';
import { FieldSet } from '../../../simulations/apiserver/field-manager/field-set.ts';
import type { Path } from '../../../simulations/apiserver/field-manager/field-set.ts';
import { serverSideApply } from '../../../simulations/declarative-apply/server-side/apply.ts';
import { parseManifests } from '../../../simulations/shared/yaml.ts';
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';

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
  template:
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

test('kubectl --server-side: same request, and the same text around a 409 from the server', async (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const live = parseManifests(hpaScaled)[0].object as JsonObject;
  const config = parseManifests(file)[0].object as JsonObject;
  const ours = serverSideApply(config, live, { namespace: 'default', fieldManager: 'kubectl', force: false, now: '2025-01-01T00:10:00Z' });
  assert.equal(ours.outcome, 'failed');
  const message = ours.error!.split('\n')[0].replace(/^error: /, '');
  assert.equal(message, 'Apply failed with 1 conflict: conflict with "kube-controller-manager" with subresource "scale" using apps/v1: .spec.replicas');
  const stub = await startKubectlStub({
    objects: [live],
    onPatch: () => ({ status: 409, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Conflict', code: 409 } }),
  });
  try {
    writeFileSync(`${stub.dir}/web.yaml`, file);
    const real = await stub.runKubectl(['apply', '--server-side', '-f', 'web.yaml', '--validate=false']);
    assert.equal(real.code, 1);
    assert.equal(real.stderr, `${ours.error}\n`);
    const [sent] = stub.requestsTo('PATCH');
    assert.equal(sent.contentType, ours.request!.contentType);
    assert.equal(sent.body, ours.request!.body);
    assert.equal(sent.query.fieldManager, 'kubectl');
    assert.equal(sent.query.force, 'false');
  } finally {
    await stub.close();
  }
});

describe('server-side apply ownership (the lesson cases)', () => {
  const live = parseManifests(hpaScaled)[0].object as JsonObject;
  const options = { namespace: 'default', fieldManager: 'kubectl', force: false, now: '2025-01-01T00:10:00Z' };
  test('without replicas in the file the HPA keeps them and there is no conflict', () => {
    const config = parseManifests(file.replace('  replicas: 3\n', ''))[0].object as JsonObject;
    const r = serverSideApply(config, live, options);
    assert.equal(r.outcome, 'serverside-applied');
    assert.equal((r.after.spec as JsonObject).replicas, 5);
    assert.deepEqual(r.managers.map((m) => m.manager).sort(), ['kube-controller-manager', 'kubectl']);
  });
  test('--force-conflicts takes replicas away from the HPA controller', () => {
    const config = parseManifests(file)[0].object as JsonObject;
    const r = serverSideApply(config, live, { ...options, force: true });
    assert.equal(r.outcome, 'serverside-applied');
    assert.equal((r.after.spec as JsonObject).replicas, 3);
    assert.deepEqual(r.managers.map((m) => m.manager), ['kubectl']);
  });
  test('setting the same value shares ownership instead of conflicting', () => {
    const config = parseManifests(file.replace('replicas: 3', 'replicas: 5'))[0].object as JsonObject;
    const r = serverSideApply(config, live, options);
    assert.equal(r.outcome, 'serverside-applied');
    const owners = r.managers.filter((m) => m.fields.has(f('spec', 'replicas'))).map((m) => m.manager).sort();
    assert.deepEqual(owners, ['kube-controller-manager', 'kubectl']);
  });
  test('a field dropped from the file is removed when nobody else owns it', () => {
    const withLabel = parseManifests(file.replace('  name: web\n', '  name: web\n  labels:\n    tier: web\n'))[0].object as JsonObject;
    const first = serverSideApply(withLabel, live, { ...options, force: true });
    const second = serverSideApply(parseManifests(file)[0].object as JsonObject, first.after, options);
    assert.equal(((second.after.metadata as JsonObject).labels as JsonObject | undefined)?.tier, undefined);
  });
});

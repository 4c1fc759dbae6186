// PATCH by Content-Type, as kube-apiserver's patch handler answers it
// (staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go): a strategic
// merge patch merges lists by their Go merge key and honours `$patch`,
// `$setElementOrder`, `$retainKeys` and `$deleteFromPrimitiveList`; a bad patch
// is a 400, a 422 or a 500 as interpretStrategicMergePatchError sorts it; a
// patched object that does not decode is a 422 on `patch`; the result is
// defaulted and goes through the update path (generation, resourceVersion).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiServer } from './api-server.ts';
import type { JsonObject } from '../apimachinery/json.ts';

const DEPLOY = { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' };
const SMP = { type: 'application/strategic-merge-patch+json' as const };

function deployment(): JsonObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: {
          containers: [
            { name: 'app', image: 'nginx:1.26', env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
            { name: 'log', image: 'busybox:1.36' },
          ],
        },
      },
    },
  };
}

function server(): ApiServer {
  const api = new ApiServer();
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  assert.equal(api.create(deployment()).code, 201);
  return api;
}

const spec = (o: unknown) => (o as { spec: { template: { spec: { containers: JsonObject[] } }; strategy: JsonObject; replicas: number } }).spec;
const meta = (o: unknown) => (o as { metadata: JsonObject }).metadata;

describe('PATCH application/strategic-merge-patch+json', () => {
  test('containers merge by name: one image changes, the other container stays; defaults filled, generation bumped', () => {
    const api = server();
    const r = api.patch(DEPLOY, { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } }, SMP);
    assert.equal(r.code, 200, r.message);
    const containers = spec(r.object).template.spec.containers;
    assert.deepEqual(containers.map((c) => [c.name, c.image]), [['app', 'nginx:1.27'], ['log', 'busybox:1.36']]);
    assert.equal(containers[0].imagePullPolicy, 'IfNotPresent', 'SetDefaults_Container');
    assert.equal(meta(r.object).generation, 2);
  });

  test('a merge patch of the same body replaces the list whole', () => {
    const api = server();
    const r = api.patch(DEPLOY, { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } });
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(spec(r.object).template.spec.containers.map((c) => c.name), ['app']);
  });

  test('$patch: delete removes a list item by its merge key', () => {
    const api = server();
    const r = api.patch(DEPLOY, { spec: { template: { spec: { containers: [{ name: 'app', env: [{ name: 'A', $patch: 'delete' }] }] } } } }, SMP);
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(spec(r.object).template.spec.containers[0].env, [{ name: 'B', value: '2' }]);
  });

  test('$setElementOrder orders the items the patch names', () => {
    const api = server();
    const r = api.patch(DEPLOY, { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'log' }, { name: 'app' }], containers: [{ name: 'log', image: 'busybox:1.37' }] } } } }, SMP);
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(spec(r.object).template.spec.containers.map((c) => c.name), ['log', 'app']);
  });

  test('$retainKeys on the retainKeys strategy: switching to Recreate clears the defaulted rollingUpdate', () => {
    const api = server();
    assert.ok(spec(api.get(DEPLOY).object).strategy.rollingUpdate, 'defaulted on create');
    const r = api.patch(DEPLOY, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } }, SMP);
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(spec(r.object).strategy, { type: 'Recreate' });
  });

  test('without $retainKeys the defaulted rollingUpdate stays, and validation refuses Recreate with it: 422', () => {
    const api = server();
    const r = api.patch(DEPLOY, { spec: { strategy: { type: 'Recreate' } } }, SMP);
    assert.equal(r.code, 422);
    assert.match(r.message!, /^Deployment\.apps "web" is invalid: spec\.strategy\.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'/);
  });

  test('$deleteFromPrimitiveList removes a finalizer', () => {
    const api = server();
    api.patch(DEPLOY, { metadata: { finalizers: ['example.com/a', 'example.com/b'] } }, SMP);
    const r = api.patch(DEPLOY, { metadata: { '$deleteFromPrimitiveList/finalizers': ['example.com/a'] } }, SMP);
    assert.equal(r.code, 200, r.message);
    assert.deepEqual(meta(r.object).finalizers, ['example.com/b']);
  });

  test('a field set by the patch and missing from $retainKeys: 400 invalid patch format of retainKeys', () => {
    const r = server().patch(DEPLOY, { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate', rollingUpdate: null, foo: 1 } } }, SMP);
    assert.deepEqual([r.code, r.reason, r.message], [400, 'BadRequest', 'invalid patch format of retainKeys']);
  });

  test('a directive key without its field name: 400 invalid patch format (extractKey)', () => {
    const order = server().patch(DEPLOY, { spec: { $setElementOrder: [] } }, SMP);
    assert.deepEqual([order.code, order.reason, order.message], [400, 'BadRequest', 'invalid patch format of setElementOrder list']);
    const del = server().patch(DEPLOY, { metadata: { '$deleteFromPrimitiveList': ['x'] } }, SMP);
    assert.deepEqual([del.code, del.message], [400, 'invalid patch format of primitive list']);
  });

  test('an unknown $patch value is a plain error: 500 with no reason', () => {
    const r = server().patch(DEPLOY, { spec: { template: { spec: { containers: [{ name: 'app', $patch: 'frobnicate' }] } } } }, SMP);
    assert.equal(r.code, 500);
    assert.equal(r.reason, undefined);
    assert.equal(r.message, 'unknown patch type: frobnicate in map: map[$patch:frobnicate name:app]');
  });

  test('a list of lists merged into a list: 422 the server rejected our request (NewGenericServerResponse keeps no cause: the error is lost)', () => {
    const api = server();
    assert.equal(api.patch(DEPLOY, { metadata: { finalizers: [] } }).code, 200);
    const r = api.patch(DEPLOY, { metadata: { finalizers: [['example.com/x']] } }, SMP);
    assert.equal(r.code, 422);
    assert.equal(r.message, 'the server rejected our request due to an error in our request');
    assert.equal(r.status?.details?.causes, undefined);
  });

  test('a list of lists where there was none: decoding refuses it, 422 on patch', () => {
    const r = server().patch(DEPLOY, { spec: { template: { spec: { volumes: [[{ name: 'v' }]] } } } }, SMP);
    assert.equal(r.code, 422);
    assert.match(r.message!, /patch: Invalid value: "map\[spec:.*": json: cannot unmarshal array into Go struct field PodSpec\.spec\.template\.spec\.volumes of type v1\.Volume$/);
  });

  test('an unknown field: 422 on patch, the patch printed as Go prints the map', () => {
    const r = server().patch(DEPLOY, { spec: { replicaz: 3 } }, SMP);
    assert.equal(r.code, 422);
    assert.equal(r.message, ' "" is invalid: patch: Invalid value: "map[spec:map[replicaz:3]]": strict decoding error: unknown field "spec.replicaz"');
    assert.deepEqual(r.problems?.map((p) => p.path), [['spec', 'replicaz']]);
  });

  test('a JSON array body: 400 from decoding the patch into a map', () => {
    const r = server().patch(DEPLOY, [{ op: 'add' }], SMP);
    assert.deepEqual([r.code, r.message], [400, 'json: cannot unmarshal array into Go value of type map[string]interface {}']);
  });

  test('a stale resourceVersion in the patch: 409, as for a merge patch', () => {
    const api = server();
    const rv = meta(api.get(DEPLOY).object).resourceVersion as string;
    api.patch(DEPLOY, { metadata: { labels: { v: '2' } } }, SMP);
    const r = api.patch(DEPLOY, { metadata: { resourceVersion: rv, labels: { v: '3' } } }, SMP);
    assert.equal(r.code, 409);
  });
});

describe('what every PATCH checks', () => {
  test('a Content-Type the resource does not accept: 415 naming those it does', () => {
    const r = server().patch(DEPLOY, {}, { type: 'text/plain' as never });
    assert.deepEqual([r.code, r.reason], [415, 'UnsupportedMediaType']);
    assert.equal(r.message, 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml');
  });

  test('force on a non-apply patch: 422 on PatchOptions', () => {
    const r = server().patch(DEPLOY, {}, { ...SMP, force: true });
    assert.equal(r.code, 422);
    assert.equal(r.message, 'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
  });

  test('a patch that renames the object: 400', () => {
    const r = server().patch(DEPLOY, { metadata: { name: 'other' } }, SMP);
    assert.deepEqual([r.code, r.message], [400, 'the name of the object (other) does not match the name on the URL (web)']);
  });

  test('a patch that moves the object to another namespace: 400', () => {
    const r = server().patch(DEPLOY, { metadata: { namespace: 'kube-system' } });
    assert.deepEqual([r.code, r.message], [400, 'the namespace of the provided object does not match the namespace sent on the request']);
  });

  test('a merge patch with an unknown field: 422 on patch with the patched object as JSON', () => {
    const r = server().patch(DEPLOY, { spec: { replicaz: 3 } });
    assert.equal(r.code, 422);
    assert.match(r.message!, /^ "" is invalid: patch: Invalid value: "\{\\"apiVersion\\":\\"apps\/v1\\",.*": strict decoding error: unknown field "spec\.replicaz"$/);
  });
});

describe('PATCH application/json-patch+json', () => {
  test('replace operations, and a failing test operation: 422', () => {
    const api = server();
    const r = api.patch(DEPLOY, [{ op: 'replace', path: '/spec/replicas', value: 5 }], { type: 'application/json-patch+json' });
    assert.equal(r.code, 200, r.message);
    assert.equal(spec(r.object).replicas, 5);
    const failed = api.patch(DEPLOY, [{ op: 'test', path: '/spec/replicas', value: 1 }], { type: 'application/json-patch+json' });
    assert.equal(failed.code, 422);
    assert.equal(failed.message, 'the server rejected our request due to an error in our request');
  });

  test('a body that is not a list of operations: 400', () => {
    const r = server().patch(DEPLOY, { op: 'replace' }, { type: 'application/json-patch+json' });
    assert.equal(r.code, 400);
  });
});

// The stub API server itself: plain HTTP checks (always run) and real kubectl
// talking to it (skipped when kubectl is absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KUBECTL_MISSING,
  kubectlAvailable,
  matchesFieldSelector,
  matchesLabelSelector,
  startKubectlStub,
} from './kubectl-stub.ts';

const pod = (name: string, uid: string) => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default', uid, labels: { app: name } },
  spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], nodeName: 'node-a' },
  status: { phase: 'Running' },
});
const event = (name: string, podName: string, uid: string, reason: string) => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, namespace: 'default' },
  involvedObject: { kind: 'Pod', name: podName, namespace: 'default', uid },
  reason,
  message: `${reason} ${podName}`,
  type: 'Normal',
  source: { component: 'kubelet' },
  count: 1,
});

test('the stub serves legacy discovery, 404 for OpenAPI, and seeded objects by path', async () => {
  const stub = await startKubectlStub({ objects: [pod('web', 'u1')] });
  try {
    const get = async (path: string) => {
      const res = await fetch(stub.url + path);
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    assert.deepEqual((await get('/api')).body.versions, ['v1']);
    const groups = (await get('/apis')).body.groups as { name: string }[];
    for (const group of ['apps', 'batch', 'networking.k8s.io', 'events.k8s.io']) {
      assert.ok(groups.some((g) => g.name === group), `group ${group} is advertised`);
    }
    const core = (await get('/api/v1')).body.resources as { name: string; kind: string }[];
    assert.ok(core.some((r) => r.name === 'pods' && r.kind === 'Pod'));
    assert.equal((await get('/openapi/v2')).status, 404);
    assert.equal((await get('/openapi/v3')).status, 404);
    const found = await get('/api/v1/namespaces/default/pods/web');
    assert.equal(found.status, 200);
    assert.equal((found.body.metadata as { uid: string }).uid, 'u1');
    const missing = await get('/api/v1/namespaces/default/pods/nope');
    assert.equal(missing.status, 404);
    assert.equal(missing.body.message, 'pods "nope" not found');
    assert.equal((await get('/apis/apps/v1/namespaces/default/deployments/web')).body.message, 'deployments.apps "web" not found');
    assert.deepEqual(
      stub.requests.map((r) => `${r.method} ${r.path}`).slice(0, 2),
      ['GET /api', 'GET /apis'],
    );
  } finally {
    await stub.close();
  }
});

test('listing events filters by fieldSelector the way kubectl describe asks for them', async () => {
  const stub = await startKubectlStub({
    objects: [event('a.1', 'a', 'u1', 'Scheduled'), event('b.1', 'b', 'u2', 'Pulled'), event('a.2', 'a', 'u1', 'Started')],
  });
  try {
    const selector = encodeURIComponent('involvedObject.name=a,involvedObject.namespace=default,involvedObject.uid=u1');
    const res = await fetch(`${stub.url}/api/v1/namespaces/default/events?fieldSelector=${selector}&limit=500`);
    const list = (await res.json()) as { kind: string; items: { reason: string }[] };
    assert.equal(list.kind, 'EventList');
    assert.deepEqual(list.items.map((e) => e.reason), ['Scheduled', 'Started']);
    assert.equal(stub.requests[0].query.fieldSelector, 'involvedObject.name=a,involvedObject.namespace=default,involvedObject.uid=u1');
  } finally {
    await stub.close();
  }
});

test('selectors: equality, inequality and existence terms', () => {
  const object = { metadata: { name: 'x', labels: { app: 'web', tier: 'fe' } }, involvedObject: { kind: 'Pod' } };
  const cases: [string, boolean, boolean][] = [
    // [selector, field result, label result]
    ['involvedObject.kind=Pod', true, false],
    ['involvedObject.kind!=Pod', false, true],
    ['metadata.name==x', true, false],
    ['app=web,tier=fe', false, true],
    ['app', false, true],
    ['app!=web', true, false],
  ];
  for (const [selector, field, label] of cases) {
    assert.equal(matchesFieldSelector(object, selector), field, `field selector ${selector}`);
    assert.equal(matchesLabelSelector(object, selector), label, `label selector ${selector}`);
  }
});

test('real kubectl describes a seeded Pod with its events through the stub', async (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const stub = await startKubectlStub({ objects: [pod('web', 'u1'), event('web.1', 'web', 'u1', 'Scheduled'), event('other.1', 'other', 'u9', 'Killing')] });
  try {
    const run = await stub.runKubectl(['describe', 'pod', 'web']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Name:\s+web$/m);
    assert.match(run.stdout, /Image:\s+nginx:1\.27/);
    assert.match(run.stdout, /Scheduled\s+.*Scheduled web/);
    assert.doesNotMatch(run.stdout, /Killing/);
    const eventsList = stub.requests.find((r) => r.path === '/api/v1/namespaces/default/events');
    assert.ok(eventsList, 'kubectl listed events');
    assert.match(eventsList.query.fieldSelector, /involvedObject\.name=web/);
  } finally {
    await stub.close();
  }
});

test('real kubectl apply sends its strategic merge patch to the stub, which records it', async (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const live = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas: 5 },
  };
  const stub = await startKubectlStub({ objects: [live] });
  try {
    const file = join(stub.dir, 'web.yaml');
    writeFileSync(file, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n');
    const run = await stub.runKubectl(['apply', '-f', file, '--validate=false']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^deployment\.apps\/web configured$/m);
    const [patch] = stub.requestsTo('PATCH');
    assert.equal(patch.contentType, 'application/strategic-merge-patch+json');
    assert.equal(patch.query.fieldManager, 'kubectl-client-side-apply');
    const body = JSON.parse(patch.body) as { spec: { replicas: number } };
    assert.equal(body.spec.replicas, 3);
  } finally {
    await stub.close();
  }
});

test('a kubectl run that outlives its timeout is killed and reported', async (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const stub = await startKubectlStub();
  try {
    // `kubectl get pods --watch` never ends on its own.
    const run = await stub.runKubectl(['get', 'pods', '--watch'], { timeoutMs: 1500 });
    assert.equal(run.timedOut, true);
  } finally {
    await stub.close();
  }
});

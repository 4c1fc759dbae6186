// The DaemonSet strategy's template generation, as kube-apiserver keeps it: apps/v1 shows the
// internal spec.templateGeneration as the annotation deprecated.daemonset.template.generation
// (pkg/apis/apps/v1/conversion.go), set to 1 on create and moved by the server, not the client,
// on update: one more when the Pod template changed, unchanged otherwise.
// src: pkg/registry/apps/daemonset/strategy.go (PrepareForCreate, PrepareForUpdate)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshApiServer } from '../../../simulations/apiserver/scenario.ts';

const KEY = 'deprecated.daemonset.template.generation';
const ref = { apiVersion: 'apps/v1', kind: 'DaemonSet', namespace: 'default', name: 'agent' };

function daemonSet(image: string, annotations?: Record<string, string>) {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image }] } },
    },
  };
}

function stored(api: ReturnType<typeof freshApiServer>) {
  const obj = api.peek(ref) as { metadata: { generation: number; annotations?: Record<string, string> } };
  return { generation: obj.metadata.generation, templateGeneration: obj.metadata.annotations?.[KEY] };
}

test('PrepareForCreate: templateGeneration 1 when absent or below 1; a larger one given is kept', () => {
  const api = freshApiServer();
  assert.equal(api.create(daemonSet('agent:1')).code, 201);
  assert.deepEqual(stored(api), { generation: 1, templateGeneration: '1' });
  const other = freshApiServer();
  assert.equal(other.create(daemonSet('agent:1', { [KEY]: '5' })).code, 201);
  assert.deepEqual(stored(other), { generation: 1, templateGeneration: '5' });
});

test('PrepareForUpdate: a template change adds one to templateGeneration and generation; the client cannot set it', () => {
  const api = freshApiServer();
  api.create(daemonSet('agent:1'));
  // A new image, sent without the annotation (as kubectl apply of the file would): the server bumps it.
  assert.equal(api.update(daemonSet('agent:2')).code, 200);
  assert.deepEqual(stored(api), { generation: 2, templateGeneration: '2' });
  // The client's value is replaced by the stored one when the template is unchanged.
  assert.equal(api.update(daemonSet('agent:2', { [KEY]: '9' })).code, 200);
  assert.deepEqual(stored(api), { generation: 2, templateGeneration: '2' });
  // A spec change outside the template bumps generation only.
  const withHistory = { ...daemonSet('agent:2'), spec: { ...daemonSet('agent:2').spec, revisionHistoryLimit: 3 } };
  assert.equal(api.update(withHistory).code, 200);
  assert.deepEqual(stored(api), { generation: 3, templateGeneration: '2' });
});

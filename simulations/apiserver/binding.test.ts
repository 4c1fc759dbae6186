// pods/binding, as kube-scheduler uses it.
// src: pkg/registry/core/pod/storage/storage_test.go (TestEtcdCreateBinding, TestEtcdCreateWithExistingContainers,
//      TestEtcdCreateBindingNoPod, TestEtcdCreateWithSchedulingGates), storage.go setPodNodeAndMetadata
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { freshApiServer } from './scenario.ts';
import { asObject } from '../apimachinery/json.ts';

const pod = (extra: object = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'nginx' }], ...extra } });

test('a binding sets spec.nodeName and PodScheduled=True, answers 201 Success, and a second binding is a Conflict on pods/binding', () => {
  const api = freshApiServer();
  const created = api.create(pod());
  assert.equal(created.code, 201);
  const bound = api.bind({ namespace: 'default', name: 'web' }, { name: 'node-1' });
  assert.equal(bound.code, 201);
  assert.equal((bound.object as { status?: string }).status, 'Success');
  const stored = api.get({ apiVersion: 'v1', kind: 'Pod', namespace: 'default', name: 'web' }).object as Record<string, never>;
  assert.equal(asObject(stored.spec)?.nodeName, 'node-1');
  assert.deepEqual(asObject(stored.status)?.conditions, [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:00:00Z' }]);
  assert.equal(asObject(stored.metadata)?.generation, 1, 'a binding is no spec update through the strategy: the generation stays');
  const again = api.bind({ namespace: 'default', name: 'web' }, { name: 'node-2' });
  assert.equal(again.code, 409);
  assert.equal(again.message, 'Operation cannot be fulfilled on pods/binding "web": pod web is already assigned to node "node-1"');
});

test('binding a missing Pod is NotFound; a Pod still gated is a Conflict', () => {
  const api = freshApiServer();
  assert.equal(api.bind({ namespace: 'default', name: 'nope' }, { name: 'node-1' }).message, 'pods "nope" not found');
  api.create(pod({ schedulingGates: [{ name: 'example.com/gate' }] }));
  assert.equal(api.bind({ namespace: 'default', name: 'web' }, { name: 'node-1' }).message, 'Operation cannot be fulfilled on pods/binding "web": pod web has non-empty .spec.schedulingGates');
});

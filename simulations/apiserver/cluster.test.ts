import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from './cluster.ts';
import type { Actor } from './cluster.ts';
import { asObject, asString } from '../apimachinery/json.ts';

const BUDGET = { maxSteps: 10_000, maxVirtualTimeMs: 3_600_000, maxEvents: 1_000 };

// The worked example of docs/ENGINES.md: kube-controller-manager's root CA
// publisher, reduced to its reconcile loop. Every namespace that is not being
// deleted gets a ConfigMap kube-root-ca.crt; delete it and it comes back.
// src: pkg/controller/certificates/rootcacertpublisher/publisher.go
const CA = '-----BEGIN CERTIFICATE-----\n...\n-----END CERTIFICATE-----\n';
const rootCaPublisher: Actor = {
  name: 'root-ca-cert-publisher',
  start(ctx) {
    const sync = (namespace: string) => {
      const ns = ctx.api.peek({ apiVersion: 'v1', kind: 'Namespace', name: namespace });
      if (!ns || asObject(ns.metadata)?.deletionTimestamp !== undefined) return;
      if (ctx.api.peek({ apiVersion: 'v1', kind: 'ConfigMap', namespace, name: 'kube-root-ca.crt' })) return;
      const created = ctx.api.create({
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'kube-root-ca.crt', namespace },
        data: { 'ca.crt': CA },
      });
      ctx.trace({ title: `created ConfigMap ${namespace}/kube-root-ca.crt (${created.code})`, source: 'pkg/controller/certificates/rootcacertpublisher/publisher.go' });
    };
    ctx.watch('v1', 'Namespace', (e) => {
      if (e.type !== 'DELETED') sync(asString(asObject(e.object.metadata)?.name));
    });
    ctx.watch('v1', 'ConfigMap', (e) => {
      const meta = asObject(e.object.metadata);
      if (e.type === 'DELETED' && asString(meta?.name) === 'kube-root-ca.crt') sync(asString(meta?.namespace));
    });
  },
};

test('a controller on the cluster clock reconciles what exists when it starts, and what changes later', () => {
  const cluster = new Cluster();
  cluster.add(rootCaPublisher);
  cluster.runUntilQuiet(BUDGET);
  const names = (cluster.api.list('v1', 'ConfigMap').items ?? []).map((cm) => asString(asObject(cm.metadata)?.namespace));
  assert.deepEqual(names, ['default', 'kube-public', 'kube-system']);

  cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team-a' } });
  cluster.api.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'kube-root-ca.crt' });
  cluster.runUntilQuiet(BUDGET);
  const after = (cluster.api.list('v1', 'ConfigMap').items ?? []).map((cm) => asString(asObject(cm.metadata)?.namespace));
  assert.deepEqual(after, ['default', 'kube-public', 'kube-system', 'team-a']);
  assert.equal(cluster.trace.length, 5);
  assert.ok(cluster.trace.every((s) => s.actor === 'root-ca-cert-publisher'));
});

test('watch events reach an actor after the write, in write order, at the same virtual instant', () => {
  const cluster = new Cluster();
  const seen: string[] = [];
  cluster.add({
    name: 'observer',
    start(ctx) {
      ctx.watch('v1', 'ConfigMap', (e) => seen.push(`${e.type} ${asString(asObject(e.object.metadata)?.name)} @${ctx.clock.now()}`));
    },
  });
  cluster.runUntil(5_000, BUDGET);
  cluster.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'default' } });
  cluster.api.patch({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'a' }, { data: { k: 'v' } });
  cluster.api.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'default', name: 'a' });
  assert.deepEqual(seen, [], 'nothing is delivered until the clock runs');
  cluster.runUntilQuiet(BUDGET);
  assert.deepEqual(seen, ['ADDED a @5000', 'MODIFIED a @5000', 'DELETED a @5000']);
});

test('a write budget stops a run that would never end, and says which budget it was', () => {
  const cluster = new Cluster();
  let n = 0;
  cluster.add({
    name: 'runaway',
    start(ctx) {
      const again = () => {
        ctx.api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `cm-${n++}`, namespace: 'default' } });
        ctx.after(1_000, 'again', again);
      };
      ctx.after(0, 'start', again);
    },
  });
  assert.deepEqual(cluster.runUntilQuiet({ ...BUDGET, maxEvents: 50 }), { reason: 'maxEvents', limit: 50 });
  assert.equal(n, 50);
  const timed = new Cluster();
  timed.add({ name: 'ticker', start: (ctx) => void ctx.after(0, 'tick', function tick() { ctx.after(1_000, 'tick', tick); }) });
  assert.deepEqual(timed.runUntilQuiet({ ...BUDGET, maxVirtualTimeMs: 10_000 }), { reason: 'maxVirtualTime', limit: 10_000 });
  assert.equal(timed.clock.now(), 10_000);
});

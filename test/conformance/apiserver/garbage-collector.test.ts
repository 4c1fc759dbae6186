// The garbage collector, through apiServerScenario: only the collector runs,
// and only at { op: 'gc' }, which runs it until nothing changes.
//
// Upstream (kubernetes/kubernetes):
//   test/integration/garbagecollector/garbage_collector_test.go: the scenarios
//     that need no controller but the collector (TestCascadingDeletion,
//     TestCreateWithNonExistentOwner, TestStressingCascadingDeletion,
//     TestOrphaning, TestSolidOwnerDoesNotBlockWaitingOwner,
//     TestNonBlockingOwnerRefDoesNotBlock, TestDoubleDeletionWithFinalizer,
//     TestBlockingOwnerRefDoesBlock, TestMixedRelationships)
//   pkg/controller/garbagecollector/garbagecollector.go: attemptToDeleteItem
//     (solid / dangling / waitingForDependentsDeletion), isDangling (UID
//     mismatch: a recreated owner is not the owner), processDeletingDependentsItem
//     (blockingDependents), attemptToOrphanWorker (orphanDependents, then the
//     orphan finalizer goes).
//
// The integration tests own their Pods with v1 ReplicationControllers, which
// this server does not serve: an apps/v1 ReplicaSet stands in (with no
// controller running it creates no Pods, as the RC there had none running).
// Their delete options map as the store maps them: OrphanDependents=false is
// Background, OrphanDependents=true is Orphan. Cases that rest on the RC's v1
// default policy (orphan when no option is given) are left out: apps/v1
// defaults to Background. Their Pods are unscheduled (no nodeName), so the
// collector's deletes remove them at once; where a case says "scheduled Pod",
// the Pod has a node and a deletion leaves it Terminating (no kubelet runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiServerScenario } from '../../../simulations/apiserver/public-api.ts';
import type { Op, Result } from '../../../simulations/apiserver/public-api.ts';

// ---- the scenario DSL (as in store.test.ts) -----------------------------------------

const ABSENT = Symbol('absent');
const PRESENT = Symbol('present');
type Matcher = (actual: unknown, results: Result[]) => void;

interface Want {
  code: number;
  reason?: string;
  message?: string;
  fields?: Record<string, unknown>;
}

interface Case {
  upstream: string;
  name: string;
  ops: Op[];
  want: Record<number, Want>;
  check?: (r: Result[]) => void;
  todo?: string;
}

function at(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const items =
  (...want: string[]): Matcher =>
  (actual) =>
    assert.deepEqual(
      ((actual as { metadata: { name: string; namespace?: string } }[]) ?? []).map((o) => (o.metadata.namespace ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name)),
      want,
    );

function checkResult(results: Result[], index: number, want: Want): void {
  const got = results[index];
  const label = `result ${index}: ${JSON.stringify({ code: got?.code, reason: got?.reason, message: got?.message })}`;
  assert.ok(got, `no result ${index}`);
  assert.equal(got.code, want.code, label);
  if (want.reason !== undefined) assert.equal(got.reason, want.reason, label);
  if (want.message !== undefined) assert.equal(got.message, want.message, label);
  for (const [path, expected] of Object.entries(want.fields ?? {})) {
    const actual = at(got, path);
    if (expected === ABSENT) assert.equal(actual, undefined, `${label}: ${path} should be absent`);
    else if (expected === PRESENT) assert.ok(actual !== undefined && actual !== '', `${label}: ${path} should be set`);
    else if (typeof expected === 'function') (expected as Matcher)(actual, results);
    else assert.deepEqual(actual, expected, `${label}: ${path}`);
  }
}

function run(cases: Case[]): void {
  for (const c of cases) {
    test(`${c.upstream}: ${c.name}`, c.todo ? { todo: c.todo } : {}, () => {
      const results = apiServerScenario(c.ops);
      assert.equal(results.length, c.ops.length);
      for (const [i, w] of Object.entries(c.want)) checkResult(results, Number(i), w);
      c.check?.(results);
    });
  }
}

// ---- objects and ops -------------------------------------------------------------------

type Json = Record<string, unknown>;
type KindRef = { apiVersion: string; kind: string };
const CM: KindRef = { apiVersion: 'v1', kind: 'ConfigMap' };
const POD: KindRef = { apiVersion: 'v1', kind: 'Pod' };
const DEPLOY: KindRef = { apiVersion: 'apps/v1', kind: 'Deployment' };
const RS: KindRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };

interface OwnerOpts {
  /** blockOwnerDeletion */
  block?: boolean;
  controller?: boolean;
}
/** An ownerReference to the object created by result `index` (its uid substituted at run time). */
function owner(k: KindRef, name: string, index: number, o: OwnerOpts = {}): Json {
  const r: Json = { apiVersion: k.apiVersion, kind: k.kind, name, uid: `{{${index}.object.metadata.uid}}` };
  if (o.controller !== undefined) r.controller = o.controller;
  if (o.block !== undefined) r.blockOwnerDeletion = o.block;
  return r;
}

interface MetaOpts {
  owners?: Json[];
  finalizers?: string[];
  labels?: Json;
}
function meta(name: string, o: MetaOpts): Json {
  const m: Json = { name, namespace: 'default' };
  if (o.labels) m.labels = o.labels;
  if (o.owners) m.ownerReferences = o.owners;
  if (o.finalizers) m.finalizers = o.finalizers;
  return m;
}

const podSpec = (nodeName?: string): Json => ({ ...(nodeName ? { nodeName } : {}), containers: [{ name: 'app', image: 'nginx:1.27' }] });

function pod(name: string, o: MetaOpts & { nodeName?: string } = {}): Json {
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta(name, o), spec: podSpec(o.nodeName) };
}

function configMap(name: string, o: MetaOpts = {}): Json {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, o), data: { key: 'value' } };
}

/** The integration test's newOwnerRC, as an apps/v1 ReplicaSet: selector name=test. */
function replicaSet(name: string, o: MetaOpts & { app?: string } = {}): Json {
  const app = o.app ?? 'test';
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(name, o),
    spec: { replicas: 1, selector: { matchLabels: { name: app } }, template: { metadata: { labels: { name: app } }, spec: podSpec() } },
  };
}

function deployment(name: string, o: MetaOpts = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, o),
    spec: { replicas: 2, selector: { matchLabels: { app: name } }, template: { metadata: { labels: { app: name } }, spec: podSpec() } },
  };
}

type Policy = 'Background' | 'Foreground' | 'Orphan';
const create = (object: object): Op => ({ op: 'create', object });
const get = (k: KindRef, name: string): Op => ({ op: 'get', ...k, namespace: 'default', name });
const patch = (k: KindRef, name: string, p: object): Op => ({ op: 'patch', ...k, namespace: 'default', name, patch: p });
const del = (k: KindRef, name: string, o: { propagationPolicy?: Policy; gracePeriodSeconds?: number } = {}): Op => ({ op: 'delete', ...k, namespace: 'default', name, ...o });
const list = (k: KindRef): Op => ({ op: 'list', ...k, namespace: 'default' });
const watch = (k: KindRef, resourceVersion: string): Op => ({ op: 'watch', ...k, namespace: 'default', resourceVersion });
const gc: Op = { op: 'gc' };

const notFound = (resource: string, name: string) => `${resource} "${name}" not found`;
const gone = (resource: string, name: string): Want => ({ code: 404, reason: 'NotFound', message: notFound(resource, name) });

/** The ownerReferences left: their names and uids (the uids of the objects created by the given results). */
const ownedBy =
  (...refs: [name: string, index: number][]): Matcher =>
  (actual, r) =>
    assert.deepEqual(
      ((actual as Json[] | undefined) ?? []).map((o) => [o.name, o.uid]),
      refs.map(([name, index]) => [name, at(r, `${index}.object.metadata.uid`)]),
    );

/** The resourceVersion of the DELETED event for `name` in a watch result. */
function deletedAt(r: Result[], watchIndex: number, name: string): number {
  const evs = (at(r, `${watchIndex}.events`) as { type: string; object: Json }[]) ?? [];
  const e = evs.find((ev) => ev.type === 'DELETED' && at(ev.object, 'metadata.name') === name);
  assert.ok(e, `no DELETED event for ${name} in result ${watchIndex}`);
  return Number(at(e.object, 'metadata.resourceVersion'));
}

const INTEGRATION = 'kubernetes/kubernetes test/integration/garbagecollector/garbage_collector_test.go';
const GC_GO = 'kubernetes/kubernetes pkg/controller/garbagecollector/garbagecollector.go';

// ---- Background ------------------------------------------------------------------------

run([
  {
    upstream: `${INTEGRATION} TestCascadingDeletion; ${GC_GO} attemptToDeleteItem`,
    name: 'Background: the owner goes at once; at gc its only dependent is deleted, a dependent with another solid owner stays (losing the dangling reference), an unowned Pod stays',
    ops: [
      create(replicaSet('test.rc.1')), // 0
      create(replicaSet('test.rc.2')), // 1
      { op: 'list', ...RS }, // 2
      create(pod('test.pod.1', { owners: [owner(RS, 'test.rc.1', 0)] })), // 3
      create(pod('test.pod.3', { owners: [owner(RS, 'test.rc.1', 0), owner(RS, 'test.rc.2', 1)] })), // 4
      create(pod('test.pod.2', { owners: [] })), // 5
      list(POD), // 6
      del(RS, 'test.rc.1', { propagationPolicy: 'Background' }), // 7 (getNonOrphanOptions)
      get(RS, 'test.rc.1'), // 8
      get(POD, 'test.pod.1'), // 9: not before gc
      gc, // 10
      get(POD, 'test.pod.1'), // 11
      get(POD, 'test.pod.2'), // 12
      get(POD, 'test.pod.3'), // 13
    ],
    want: {
      2: { code: 200, fields: { items: items('default/test.rc.1', 'default/test.rc.2') } },
      6: { code: 200, fields: { 'items.length': 3 } },
      7: { code: 200 },
      8: gone('replicasets.apps', 'test.rc.1'),
      9: { code: 200 },
      10: { code: 200 },
      11: gone('pods', 'test.pod.1'),
      12: { code: 200 },
      13: { code: 200, fields: { 'object.metadata.ownerReferences': ownedBy(['test.rc.2', 1]), 'object.metadata.deletionTimestamp': ABSENT } },
    },
  },
  {
    upstream: `${INTEGRATION} TestCreateWithNonExistentOwner; ${GC_GO} isDangling (owner not found)`,
    name: 'an object created with an owner that does not exist is deleted at gc',
    ops: [
      create(pod('test.pod.1', { owners: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'test.rc.1', uid: "doesn't matter" }] })),
      list(POD),
      get(POD, 'test.pod.1'),
      gc,
      get(POD, 'test.pod.1'),
    ],
    want: { 1: { code: 200, fields: { 'items.length': 1 } }, 2: { code: 200 }, 4: gone('pods', 'test.pod.1') },
  },
  {
    upstream: `${GC_GO} isDangling ("item's owner is not found, UID mismatch")`,
    name: 'owner recreated with a new UID: dependents of the old owner are garbage, dependents of the new one are not',
    ops: [
      create(replicaSet('web')), // 0
      create(pod('old', { owners: [owner(RS, 'web', 0)] })), // 1
      del(RS, 'web'), // 2
      create(replicaSet('web')), // 3
      create(pod('new', { owners: [owner(RS, 'web', 3)] })), // 4
      gc, // 5
      get(POD, 'old'), // 6
      get(POD, 'new'), // 7
      get(RS, 'web'), // 8
    ],
    want: {
      6: gone('pods', 'old'),
      7: { code: 200, fields: { 'object.metadata.ownerReferences': ownedBy(['web', 3]) } },
      8: { code: 200, fields: { 'object.metadata.uid': (actual: unknown, r: Result[]) => assert.equal(actual, at(r, '3.object.metadata.uid')) } },
    },
    check: (r) => assert.notEqual(at(r, '0.object.metadata.uid'), at(r, '3.object.metadata.uid')),
  },
  {
    upstream: `${GC_GO} attemptToDeleteItem (solid owners: remove the dangling references; no solid owner: delete); ${INTEGRATION} TestCascadingDeletion (test.pod.3)`,
    name: 'a dependent with two owners survives while one solid owner remains, then goes with the second',
    ops: [
      create(configMap('owner-a')), // 0
      create(configMap('owner-b')), // 1
      create(configMap('dependent', { owners: [owner(CM, 'owner-a', 0), owner(CM, 'owner-b', 1)] })), // 2
      del(CM, 'owner-a'), // 3
      gc, // 4
      get(CM, 'dependent'), // 5
      del(CM, 'owner-b'), // 6
      gc, // 7
      get(CM, 'dependent'), // 8
    ],
    want: {
      5: { code: 200, fields: { 'object.metadata.ownerReferences': ownedBy(['owner-b', 1]) } },
      8: gone('configmaps', 'dependent'),
    },
  },
]);

// ---- Orphan --------------------------------------------------------------------------------

run([
  {
    upstream: `${INTEGRATION} TestOrphaning; ${GC_GO} attemptToOrphanWorker`,
    name: 'Orphan: the owner waits with the orphan finalizer; at gc its dependents lose their references to it and keep living, then the owner is deleted',
    ops: [
      create(replicaSet('test.rc.1')), // 0
      create(pod('test.pod.10', { owners: [owner(RS, 'test.rc.1', 0)] })), // 1
      create(pod('test.pod.11', { owners: [owner(RS, 'test.rc.1', 0)] })), // 2
      create(pod('test.pod.12', { owners: [owner(RS, 'test.rc.1', 0)] })), // 3
      del(RS, 'test.rc.1', { propagationPolicy: 'Orphan' }), // 4 (getOrphanOptions)
      get(RS, 'test.rc.1'), // 5
      gc, // 6
      list(RS), // 7
      list(POD), // 8
    ],
    want: {
      4: { code: 200, fields: { 'object.metadata.finalizers': ['orphan'], 'object.metadata.deletionTimestamp': PRESENT } },
      5: { code: 200, fields: { 'object.metadata.finalizers': ['orphan'] } },
      7: { code: 200, fields: { items: items() } },
      8: { code: 200, fields: { items: items('default/test.pod.10', 'default/test.pod.11', 'default/test.pod.12') } },
    },
    check: (r) => {
      for (const p of at(r, '8.items') as Json[]) {
        assert.equal(at(p, 'metadata.ownerReferences'), undefined, `${String(at(p, 'metadata.name'))} still has ownerReferences`);
        assert.equal(at(p, 'metadata.deletionTimestamp'), undefined);
      }
    },
  },
  (() => {
    // setupRCsPods for collections 2, 3 and 4/5 (collection 1 rests on the RC's v1 default: orphan).
    const groups: { suffix: string; finalizers: string[]; policy?: Policy }[] = [
      { suffix: 'collection2-0', finalizers: ['orphan'] }, // orphan finalizer, nil options: pods remain
      { suffix: 'collection3-0', finalizers: ['orphan'], policy: 'Background' }, // orphan finalizer, OrphanDependents=false: pods deleted
      { suffix: 'collection4-0', finalizers: [], policy: 'Orphan' }, // OrphanDependents=true / PropagationPolicy=Orphan: pods remain
    ];
    const ops: Op[] = [];
    for (const g of groups) {
      const rcIndex = ops.length;
      ops.push(create(replicaSet(`test.rc.${g.suffix}`, g.finalizers.length > 0 ? { finalizers: g.finalizers } : {})));
      for (let j = 0; j < 3; j++) ops.push(create(pod(`test.pod.${g.suffix}-${j}`, { owners: [owner(RS, `test.rc.${g.suffix}`, rcIndex)] })));
      ops.push(del(RS, `test.rc.${g.suffix}`, g.policy ? { propagationPolicy: g.policy } : {}));
    }
    ops.push(gc, list(RS), list(POD));
    const n = ops.length;
    return {
      upstream: `${INTEGRATION} TestStressingCascadingDeletion (setupRCsPods, verifyRemainingObjects)`,
      name: 'an existing orphan finalizer orphans without options; OrphanDependents=false overrides it; Orphan keeps the Pods',
      ops,
      want: {
        [n - 2]: { code: 200, fields: { items: items() } },
        [n - 1]: {
          code: 200,
          fields: {
            items: items(
              'default/test.pod.collection2-0-0',
              'default/test.pod.collection2-0-1',
              'default/test.pod.collection2-0-2',
              'default/test.pod.collection4-0-0',
              'default/test.pod.collection4-0-1',
              'default/test.pod.collection4-0-2',
            ),
          },
        },
      },
    } satisfies Case;
  })(),
]);

// ---- Foreground ----------------------------------------------------------------------------

run([
  {
    upstream: `${INTEGRATION} TestSolidOwnerDoesNotBlockWaitingOwner; ${GC_GO} attemptToDeleteItem (waitingForDependentsDeletion references are removed when a solid owner remains)`,
    name: 'Foreground: a dependent with another solid owner drops its blocking reference, so the owner is deleted and the dependent stays',
    ops: [
      create(replicaSet('test.rc.1')), // 0
      create(replicaSet('test.rc.2')), // 1
      create(pod('pod', { owners: [owner(RS, 'test.rc.1', 0, { block: true }), owner(RS, 'test.rc.2', 1)] })), // 2
      del(RS, 'test.rc.1', { propagationPolicy: 'Foreground' }), // 3
      gc, // 4
      get(RS, 'test.rc.1'), // 5
      get(POD, 'pod'), // 6
    ],
    want: {
      3: { code: 200, fields: { 'object.metadata.finalizers': ['foregroundDeletion'], 'object.metadata.deletionTimestamp': PRESENT } },
      5: gone('replicasets.apps', 'test.rc.1'),
      6: { code: 200, fields: { 'object.metadata.ownerReferences': ownedBy(['test.rc.2', 1]), 'object.metadata.deletionTimestamp': ABSENT } },
    },
  },
  {
    upstream: `${INTEGRATION} TestNonBlockingOwnerRefDoesNotBlock; ${GC_GO} processDeletingDependentsItem (only blockingDependents hold the owner)`,
    name: 'Foreground: dependents whose references do not block (unset, or false) do not hold the owner',
    ops: [
      create(replicaSet('test.rc.1')), // 0
      create(pod('pod1', { owners: [owner(RS, 'test.rc.1', 0)], finalizers: ['x/y'] })), // 1
      create(pod('pod2', { owners: [owner(RS, 'test.rc.1', 0, { block: false })], finalizers: ['x/y'] })), // 2
      del(RS, 'test.rc.1', { propagationPolicy: 'Foreground' }), // 3
      gc, // 4
      get(RS, 'test.rc.1'), // 5
      list(POD), // 6
    ],
    want: { 5: gone('replicasets.apps', 'test.rc.1'), 6: { code: 200, fields: { items: items('default/pod1', 'default/pod2') } } },
  },
  {
    upstream: `${INTEGRATION} TestNonBlockingOwnerRefDoesNotBlock (the Pods carry a finalizer "so that the pod won't be deleted"); ${GC_GO} attemptToDeleteItem`,
    name: 'Foreground: a non-blocking dependent is still deleted by the collector (a scheduled Pod goes Terminating), but the owner does not wait for it',
    ops: [
      create(replicaSet('web')), // 0
      create(pod('a', { nodeName: 'node-1', owners: [owner(RS, 'web', 0, { block: false })] })), // 1
      del(RS, 'web', { propagationPolicy: 'Foreground' }), // 2
      gc, // 3
      get(RS, 'web'), // 4
      get(POD, 'a'), // 5
    ],
    want: { 4: gone('replicasets.apps', 'web'), 5: { code: 200, fields: { 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.deletionGracePeriodSeconds': 30 } } },
  },
  {
    upstream: `${INTEGRATION} TestBlockingOwnerRefDoesBlock; ${GC_GO} processDeletingDependentsItem`,
    name: 'Foreground: a blocking dependent that cannot go (a finalizer no one handles) keeps the owner waiting',
    ops: [
      create(replicaSet('test.rc.1')), // 0
      create(pod('pod', { owners: [owner(RS, 'test.rc.1', 0, { block: true })], finalizers: ['x/y'] })), // 1
      del(RS, 'test.rc.1', { propagationPolicy: 'Foreground' }), // 2
      gc, // 3
      get(RS, 'test.rc.1'), // 4
      list(POD), // 5
    ],
    want: {
      4: { code: 200, fields: { 'object.metadata.finalizers': ['foregroundDeletion'], 'object.metadata.deletionTimestamp': PRESENT } },
      5: { code: 200, fields: { items: items('default/pod') } },
    },
  },
  {
    upstream: `${GC_GO} processDeletingDependentsItem, attemptToDeleteItem; ${INTEGRATION} TestBlockingOwnerRefDoesBlock`,
    name: 'Foreground: the owner stays with foregroundDeletion until its blocking dependents are gone; the dependents are deleted first',
    ops: [
      create(replicaSet('web')), // 0
      create(pod('a', { owners: [owner(RS, 'web', 0, { controller: true, block: true })] })), // 1
      create(pod('b', { owners: [owner(RS, 'web', 0, { controller: true, block: true })] })), // 2
      del(RS, 'web', { propagationPolicy: 'Foreground' }), // 3
      get(RS, 'web'), // 4
      list(POD), // 5
      gc, // 6
      get(RS, 'web'), // 7
      list(POD), // 8
      watch(POD, '{{0.object.metadata.resourceVersion}}'), // 9
      watch(RS, '{{0.object.metadata.resourceVersion}}'), // 10
    ],
    want: {
      3: { code: 200, fields: { 'object.kind': 'ReplicaSet', 'object.metadata.finalizers': ['foregroundDeletion'], 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.deletionGracePeriodSeconds': 0 } },
      4: { code: 200, fields: { 'object.metadata.finalizers': ['foregroundDeletion'] } },
      5: { code: 200, fields: { items: items('default/a', 'default/b') } },
      7: gone('replicasets.apps', 'web'),
      8: { code: 200, fields: { items: items() } },
    },
    check: (r) => {
      const owner = deletedAt(r, 10, 'web');
      assert.ok(deletedAt(r, 9, 'a') < owner, 'dependent a is deleted before its owner');
      assert.ok(deletedAt(r, 9, 'b') < owner, 'dependent b is deleted before its owner');
    },
  },
  {
    upstream: `${GC_GO} attemptToDeleteItem (the collector's delete carries no grace period), processDeletingDependentsItem; kubernetes/kubernetes pkg/registry/core/pod/strategy.go CheckGracefulDelete`,
    name: 'Foreground: a blocking dependent that is a scheduled Pod goes Terminating and keeps the owner waiting until the Pod is gone',
    ops: [
      create(replicaSet('web')), // 0
      create(pod('a', { nodeName: 'node-1', owners: [owner(RS, 'web', 0, { controller: true, block: true })] })), // 1
      del(RS, 'web', { propagationPolicy: 'Foreground' }), // 2
      gc, // 3
      get(POD, 'a'), // 4
      get(RS, 'web'), // 5
      del(POD, 'a', { gracePeriodSeconds: 0 }), // 6: what the kubelet's final delete does
      gc, // 7
      get(RS, 'web'), // 8
    ],
    want: {
      4: { code: 200, fields: { 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.deletionGracePeriodSeconds': 30 } },
      5: { code: 200, fields: { 'object.metadata.finalizers': ['foregroundDeletion'] } },
      6: { code: 200 },
      8: gone('replicasets.apps', 'web'),
    },
  },
  {
    upstream: `${INTEGRATION} TestDoubleDeletionWithFinalizer`,
    name: 'Foreground twice on a Pod with a finalizer of its own: the collector removes foregroundDeletion each time; removing the last finalizer deletes it',
    ops: [
      create(pod('lucy', { finalizers: ['x/y'] })), // 0
      del(POD, 'lucy', { propagationPolicy: 'Foreground' }), // 1
      gc, // 2
      get(POD, 'lucy'), // 3
      del(POD, 'lucy', { propagationPolicy: 'Foreground' }), // 4
      gc, // 5
      get(POD, 'lucy'), // 6
      patch(POD, 'lucy', { metadata: { finalizers: null } }), // 7 (upstream: a JSON patch removing /metadata/finalizers)
      get(POD, 'lucy'), // 8
    ],
    want: {
      1: { code: 200, fields: { 'object.metadata.finalizers': ['x/y', 'foregroundDeletion'] } },
      3: { code: 200, fields: { 'object.metadata.finalizers': ['x/y'] } },
      4: { code: 200, fields: { 'object.metadata.finalizers': ['x/y', 'foregroundDeletion'] } },
      6: { code: 200, fields: { 'object.metadata.finalizers': ['x/y'] } },
      7: { code: 200 },
      8: gone('pods', 'lucy'),
    },
  },
  {
    upstream: `${INTEGRATION} TestMixedRelationships (its core owner and dependent; the custom resources are not served here)`,
    name: 'Foreground on a ConfigMap owner: the owner and its dependent are both deleted',
    ops: [
      create(configMap('owner')), // 0
      create(configMap('dependent', { owners: [owner(CM, 'owner', 0)] })), // 1
      del(CM, 'owner', { propagationPolicy: 'Foreground' }), // 2
      gc, // 3
      get(CM, 'owner'), // 4
      get(CM, 'dependent'), // 5
    ],
    want: { 2: { code: 200, fields: { 'object.metadata.finalizers': ['foregroundDeletion'] } }, 4: gone('configmaps', 'owner'), 5: gone('configmaps', 'dependent') },
  },
]);

// ---- chains: Deployment → ReplicaSet → Pod ---------------------------------------------------

/** A Deployment, its ReplicaSet and two Pods, owned as the controllers own them (controller and blockOwnerDeletion set). */
function chain(nodeName?: string): Op[] {
  return [
    create(deployment('web')), // 0
    create(replicaSet('web-1', { app: 'web', owners: [owner(DEPLOY, 'web', 0, { controller: true, block: true })] })), // 1
    create(pod('web-1-a', { nodeName, owners: [owner(RS, 'web-1', 1, { controller: true, block: true })] })), // 2
    create(pod('web-1-b', { nodeName, owners: [owner(RS, 'web-1', 1, { controller: true, block: true })] })), // 3
  ];
}

run([
  {
    upstream: `${GC_GO} attemptToDeleteItem (no solid owner: delete with the item's own policy, Background by default); kubernetes/kubernetes pkg/registry/apps/deployment/strategy.go DefaultGarbageCollectionPolicy (apps/v1: DeleteDependents)`,
    name: 'Background chain: deleting the Deployment without options removes it at once; gc removes the ReplicaSet, then its Pods',
    ops: [...chain(), del(DEPLOY, 'web'), get(DEPLOY, 'web'), get(RS, 'web-1'), gc, list(RS), list(POD)],
    want: {
      4: { code: 200, fields: { 'object.kind': 'Status' } },
      5: gone('deployments.apps', 'web'),
      6: { code: 200 },
      8: { code: 200, fields: { items: items() } },
      9: { code: 200, fields: { items: items() } },
    },
  },
  {
    upstream: `${GC_GO} attemptToDeleteItem ("at least one owner of item has FinalizerDeletingDependents, and the item itself has dependents, so it is going to be deleted in Foreground"), processDeletingDependentsItem`,
    name: 'Foreground chain: the ReplicaSet is deleted in the foreground too; Pods go first, then the ReplicaSet, then the Deployment',
    ops: [
      ...chain(),
      del(DEPLOY, 'web', { propagationPolicy: 'Foreground' }), // 4
      gc, // 5
      get(DEPLOY, 'web'), // 6
      list(RS), // 7
      list(POD), // 8
      watch(POD, '{{0.object.metadata.resourceVersion}}'), // 9
      watch(RS, '{{0.object.metadata.resourceVersion}}'), // 10
      watch(DEPLOY, '{{0.object.metadata.resourceVersion}}'), // 11
    ],
    want: {
      4: { code: 200, fields: { 'object.metadata.finalizers': ['foregroundDeletion'] } },
      6: gone('deployments.apps', 'web'),
      7: { code: 200, fields: { items: items() } },
      8: { code: 200, fields: { items: items() } },
    },
    check: (r) => {
      const rs = deletedAt(r, 10, 'web-1');
      assert.ok(deletedAt(r, 9, 'web-1-a') < rs && deletedAt(r, 9, 'web-1-b') < rs, 'Pods go before their ReplicaSet');
      assert.ok(rs < deletedAt(r, 11, 'web'), 'the ReplicaSet goes before the Deployment');
      const rsEvents = (at(r, '10.events') as { type: string; object: Json }[]).filter((e) => e.type === 'MODIFIED');
      assert.ok(
        rsEvents.some((e) => (at(e.object, 'metadata.finalizers') as string[] | undefined)?.includes('foregroundDeletion')),
        'the ReplicaSet itself was deleted in the foreground',
      );
    },
  },
  {
    upstream: `${GC_GO} processDeletingDependentsItem; kubernetes/kubernetes pkg/registry/core/pod/strategy.go CheckGracefulDelete`,
    name: 'Foreground chain with scheduled Pods: the Pods go Terminating and the ReplicaSet and the Deployment wait for them',
    ops: [
      ...chain('node-1'),
      del(DEPLOY, 'web', { propagationPolicy: 'Foreground' }), // 4
      gc, // 5
      get(DEPLOY, 'web'), // 6
      get(RS, 'web-1'), // 7
      list(POD), // 8
      del(POD, 'web-1-a', { gracePeriodSeconds: 0 }), // 9
      del(POD, 'web-1-b', { gracePeriodSeconds: 0 }), // 10
      gc, // 11
      get(DEPLOY, 'web'), // 12
      get(RS, 'web-1'), // 13
    ],
    want: {
      6: { code: 200, fields: { 'object.metadata.finalizers': ['foregroundDeletion'] } },
      7: { code: 200, fields: { 'object.metadata.finalizers': ['foregroundDeletion'], 'object.metadata.deletionTimestamp': PRESENT } },
      8: { code: 200, fields: { items: items('default/web-1-a', 'default/web-1-b'), 'items.0.metadata.deletionGracePeriodSeconds': 30, 'items.1.metadata.deletionGracePeriodSeconds': 30 } },
      12: gone('deployments.apps', 'web'),
      13: gone('replicasets.apps', 'web-1'),
    },
  },
  {
    upstream: `${GC_GO} attemptToOrphanWorker (orphanDependents: only the owner's direct dependents)`,
    name: 'Orphan chain: the ReplicaSet loses its reference to the Deployment and keeps living; its Pods keep theirs',
    ops: [...chain(), del(DEPLOY, 'web', { propagationPolicy: 'Orphan' }), gc, get(DEPLOY, 'web'), get(RS, 'web-1'), get(POD, 'web-1-a'), get(POD, 'web-1-b')],
    want: {
      6: gone('deployments.apps', 'web'),
      7: { code: 200, fields: { 'object.metadata.ownerReferences': ABSENT, 'object.metadata.deletionTimestamp': ABSENT } },
      8: { code: 200, fields: { 'object.metadata.ownerReferences': ownedBy(['web-1', 1]), 'object.metadata.deletionTimestamp': ABSENT } },
      9: { code: 200, fields: { 'object.metadata.ownerReferences': ownedBy(['web-1', 1]) } },
    },
  },
  {
    upstream: `${GC_GO} attemptToDeleteItem ("item doesn't have an owner"; all owners solid)`,
    name: 'gc with nothing to collect changes nothing',
    ops: [...chain(), { op: 'list', ...RS }, gc, watch(POD, '{{3.object.metadata.resourceVersion}}'), watch(RS, '{{3.object.metadata.resourceVersion}}'), watch(DEPLOY, '{{3.object.metadata.resourceVersion}}')],
    want: {
      6: { code: 200, fields: { events: [] } },
      7: { code: 200, fields: { events: [] } },
      8: { code: 200, fields: { events: [] } },
    },
  },
]);

// ---- more of attemptToDeleteItem and orphanDependents ------------------------------------------

run([
  {
    upstream: `${GC_GO} attemptToOrphanWorker (orphanDependents patches out only the deleted owner's reference)`,
    name: 'Orphan: a dependent with a second owner keeps its reference to that owner',
    ops: [
      create(configMap('owner-a')), // 0
      create(configMap('owner-b')), // 1
      create(configMap('dependent', { owners: [owner(CM, 'owner-a', 0), owner(CM, 'owner-b', 1)] })), // 2
      del(CM, 'owner-a', { propagationPolicy: 'Orphan' }), // 3
      gc, // 4
      get(CM, 'owner-a'), // 5
      get(CM, 'dependent'), // 6
    ],
    want: {
      3: { code: 200, fields: { 'object.metadata.finalizers': ['orphan'] } },
      5: gone('configmaps', 'owner-a'),
      6: { code: 200, fields: { 'object.metadata.ownerReferences': ownedBy(['owner-b', 1]), 'object.metadata.deletionTimestamp': ABSENT } },
    },
  },
  {
    upstream: `${GC_GO} attemptToDeleteItem (default branch: gc.deleteObject with only a propagation policy); kubernetes/kubernetes pkg/registry/core/pod/strategy.go CheckGracefulDelete`,
    name: 'Background: a scheduled dependent Pod is deleted with its own grace period, so it goes Terminating',
    ops: [
      create(replicaSet('web')), // 0
      create(pod('a', { nodeName: 'node-1', owners: [owner(RS, 'web', 0, { controller: true, block: true })] })), // 1
      del(RS, 'web'), // 2
      gc, // 3
      get(POD, 'a'), // 4
    ],
    want: { 4: { code: 200, fields: { 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.deletionGracePeriodSeconds': 30 } } },
  },
  {
    upstream: `${GC_GO} isDangling (gc.apiResource: an owner kind the server cannot map is an error, not a dangling reference; attemptToDeleteWorker requeues it)`,
    name: 'a dependent whose owner is of a kind the server does not serve is left alone',
    ops: [create(configMap('dependent', { owners: [{ apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: '6f1e3c4a-0000-4000-8000-000000000000' }] })), gc, get(CM, 'dependent')],
    want: { 2: { code: 200, fields: { 'object.metadata.deletionTimestamp': ABSENT, 'object.metadata.ownerReferences.length': 1 } } },
  },
]);

const SECRET: KindRef = { apiVersion: 'v1', kind: 'Secret' };
const secret = (name: string, namespace: string, owners: Json[], labels?: Json): Json => ({
  apiVersion: 'v1',
  kind: 'Secret',
  metadata: { name, namespace, ...(labels ? { labels } : {}), ownerReferences: owners },
});

run([
  {
    upstream: `${INTEGRATION} TestCrossNamespaceReferences{WithWatchCache,WithoutWatchCache} (read through a downstream port of the test); ${GC_GO} isDangling (the owner is looked up in the dependent's namespace)`,
    name: 'a reference carrying a real owner\'s UID but naming an object that does not exist in the dependent\'s namespace is dangling: the dependent is collected, valid children stay',
    ops: [
      create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns-b' } }), // 0
      create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns-a' } }), // 1
      create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'parent', namespace: 'ns-b' } }), // 2
      create(secret('valid-child-0', 'ns-b', [owner(CM, 'parent', 2)])), // 3
      create(secret('valid-child-1', 'ns-b', [owner(CM, 'parent', 2)])), // 4
      create(secret('invalid-child-0', 'ns-a', [{ apiVersion: 'v1', kind: 'Secret', name: 'invalid', uid: '{{2.object.metadata.uid}}' }], { invalid: 'true' })), // 5
      create(secret('invalid-child-1', 'ns-a', [{ apiVersion: 'v1', kind: 'Secret', name: 'invalid', uid: '{{2.object.metadata.uid}}' }], { invalid: 'true' })), // 6
      gc, // 7
      { op: 'list', ...SECRET, namespace: 'ns-a' }, // 8
      { op: 'list', ...SECRET, namespace: 'ns-b' }, // 9
    ],
    want: {
      8: { code: 200, fields: { items: items() } },
      9: { code: 200, fields: { items: items('ns-b/valid-child-0', 'ns-b/valid-child-1') } },
    },
  },
]);

// ---- references the collector cannot resolve ---------------------------------------------------

const WIDGET_REF: Json = { apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: '6f1e3c4a-0000-4000-8000-000000000000' };
run([
  {
    upstream: `${GC_GO} isDangling ("item is cluster-scoped, but refers to a namespaced owner": namespacedOwnerOfClusterScopedObjectErr), attemptToDeleteWorker (that error: forgetItem)`,
    name: 'a cluster-scoped dependent naming an owner of a namespaced kind is neither deleted nor patched',
    ops: [
      create({
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'ClusterRole',
        metadata: { name: 'dependent', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: '6f1e3c4a-0000-4000-8000-000000000001' }] },
        rules: [],
      }),
      gc,
      { op: 'get', apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'dependent' },
    ],
    want: {
      2: {
        code: 200,
        fields: { 'object.metadata.deletionTimestamp': ABSENT, 'object.metadata.ownerReferences.length': 1, 'object.metadata.resourceVersion': (a: unknown, r: Result[]) => assert.equal(a, at(r, '0.object.metadata.resourceVersion')) },
      },
    },
  },
  {
    upstream: `${GC_GO} classifyReferences (returns at the first isDangling error), attemptToDeleteItem (an error: no delete, no patch), attemptToDeleteWorker (restMappingError: requeue)`,
    name: 'a reference of a kind the server cannot map stops the collector for that dependent: its dangling references stay too',
    ops: [
      create(configMap('dependent', { owners: [WIDGET_REF, { apiVersion: 'v1', kind: 'ConfigMap', name: 'gone', uid: '6f1e3c4a-0000-4000-8000-000000000002' }] })),
      gc,
      get(CM, 'dependent'),
    ],
    want: {
      2: {
        code: 200,
        fields: { 'object.metadata.deletionTimestamp': ABSENT, 'object.metadata.ownerReferences.length': 2, 'object.metadata.resourceVersion': (a: unknown, r: Result[]) => assert.equal(a, at(r, '0.object.metadata.resourceVersion')) },
      },
    },
  },
]);

run([
  {
    upstream: `${GC_GO} attemptToDeleteItem (default branch: "if an existing orphan finalizer is already on the object, honor it")`,
    name: 'a dependent that carries the orphan finalizer is collected with Orphan: its own dependents keep living',
    ops: [
      create(deployment('web')), // 0
      create(replicaSet('web-1', { app: 'web', finalizers: ['orphan'], owners: [owner(DEPLOY, 'web', 0, { controller: true, block: true })] })), // 1
      create(pod('web-1-a', { owners: [owner(RS, 'web-1', 1, { controller: true, block: true })] })), // 2
      del(DEPLOY, 'web'), // 3
      gc, // 4
      get(RS, 'web-1'), // 5
      get(POD, 'web-1-a'), // 6
    ],
    want: {
      5: gone('replicasets.apps', 'web-1'),
      6: { code: 200, fields: { 'object.metadata.ownerReferences': ABSENT, 'object.metadata.deletionTimestamp': ABSENT } },
    },
  },
]);

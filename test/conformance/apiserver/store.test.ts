// The generic registry's store, case by case, through apiServerScenario (the
// public contract): create, get, update, no-op updates, merge patch, delete
// (graceful deletion, finalizers, preconditions, the garbage collector's
// finalizers), list, watch, compaction, NamespaceLifecycle, and the
// contract's "{{N.path}}" substitution.
//
// Upstream (k8s.io/apiserver v0.36.3 unless said otherwise):
//   pkg/registry/generic/registry/store_test.go and store.go
//   pkg/registry/rest/delete.go (BeforeDelete), rest/update.go (defaultUpdatedObjectInfo)
//   pkg/storage/testing/store_tests.go, watcher_tests.go; pkg/storage/cacher/watch_cache.go
//   pkg/storage/etcd3/store.go, pkg/storage/interfaces.go, pkg/storage/errors.go
//   pkg/endpoints/handlers/{delete,patch,rest_test}.go
//   pkg/admission/plugin/namespace/lifecycle/admission.go, pkg/admission/errors.go
//   k8s.io/apimachinery pkg/api/errors/errors.go (the messages)
//   kubernetes/kubernetes pkg/registry/<group>/<kind>/strategy.go (what each real kind decides)
//
// store_test.go runs its own test strategy over its own Pod type. Each case
// here says which real kind stands in for it and why: testRESTStrategy is not
// graceful and keeps a generation, so a Deployment (apps/v1, deleted at once,
// generation 1 on create); testGracefulStrategy is graceful, so a scheduled Pod
// (pods are deleted gracefully once they have a node); where no generation is
// involved a ConfigMap (not graceful, no generation). The upstream Pods carry no
// containers; here every object is a valid, fully formed v1 object.
// Messages are upstream's format strings filled with this scenario's names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiServerScenario } from '../../../simulations/apiserver/public-api.ts';
import type { Op, Result } from '../../../simulations/apiserver/public-api.ts';

// ---- the scenario DSL ---------------------------------------------------------

const ABSENT = Symbol('absent');
const PRESENT = Symbol('present');
type Matcher = (actual: unknown, results: Result[]) => void;
type FieldWant = unknown;

interface Want {
  code: number;
  reason?: string;
  /** The exact Status message, or a function of the results (for UIDs and resourceVersions). */
  message?: string | ((r: Result[]) => string);
  /** Paths into the result ("object.metadata.uid"): a value (deep-equal), ABSENT, PRESENT or a Matcher. */
  fields?: Record<string, FieldWant>;
}

interface Case {
  upstream: string;
  name: string;
  ops: Op[];
  want: Record<number, Want>;
  check?: (r: Result[]) => void;
  /** Set when the implementation breaks the upstream rule (node:test todo). */
  todo?: string;
}

/** The value at a dotted path ("0.object.metadata.uid", "items.1.metadata.name"). */
function at(root: unknown, path: string): unknown {
  let cur: unknown = root;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Equal to the value at `path` in the results ("0.object.metadata.uid"). */
const sameAs =
  (path: string): Matcher =>
  (actual, r) =>
    assert.deepEqual(actual, at(r, path), `expected the value at ${path}`);

/** A resourceVersion newer than the one at `path`. */
const newerThan =
  (path: string): Matcher =>
  (actual, r) => {
    assert.match(String(actual), /^\d+$/, 'resourceVersion is a decimal number');
    assert.ok(Number(actual) > Number(at(r, path)), `resourceVersion ${String(actual)} is not newer than ${path} = ${String(at(r, path))}`);
  };

/** RFC 3339 time `seconds` after the timestamp at `path` (metav1.Time: second precision, UTC). */
const secondsAfter =
  (path: string, seconds: number): Matcher =>
  (actual, r) => {
    const base = Date.parse(String(at(r, path)));
    assert.ok(Number.isFinite(base), `no timestamp at ${path}`);
    assert.equal(actual, new Date(base + seconds * 1000).toISOString().replace('.000Z', 'Z'));
  };

/** Watch events as "TYPE namespace/name". */
const events =
  (...want: string[]): Matcher =>
  (actual) =>
    assert.deepEqual(
      ((actual as { type: string; object: { metadata?: { name?: string; namespace?: string } } }[]) ?? []).map(
        (e) => `${e.type} ${e.object.metadata?.namespace ? `${e.object.metadata.namespace}/` : ''}${e.object.metadata?.name ?? ''}`,
      ),
      want,
    );

/** List items as "namespace/name". */
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
  if (want.message !== undefined) assert.equal(got.message, typeof want.message === 'function' ? want.message(results) : want.message, label);
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

// ---- objects and ops -------------------------------------------------------------

type Json = Record<string, unknown>;
type KindRef = { apiVersion: string; kind: string };
const CM: KindRef = { apiVersion: 'v1', kind: 'ConfigMap' };
const POD: KindRef = { apiVersion: 'v1', kind: 'Pod' };
const NS: KindRef = { apiVersion: 'v1', kind: 'Namespace' };
const DEPLOY: KindRef = { apiVersion: 'apps/v1', kind: 'Deployment' };
const RS: KindRef = { apiVersion: 'apps/v1', kind: 'ReplicaSet' };

/** A "{{N.path}}" reference where the contract's type wants an object. */
const ref = (template: string): object => template as unknown as object;

interface MetaOpts {
  namespace?: string;
  labels?: Json;
  annotations?: Json;
  finalizers?: string[];
  resourceVersion?: string;
  uid?: string;
  generateName?: string;
}
function meta(name: string, o: MetaOpts = {}): Json {
  const m: Json = {};
  if (name !== '') m.name = name;
  if (o.generateName !== undefined) m.generateName = o.generateName;
  m.namespace = o.namespace ?? 'default';
  if (o.labels) m.labels = o.labels;
  if (o.annotations) m.annotations = o.annotations;
  if (o.finalizers) m.finalizers = o.finalizers;
  if (o.resourceVersion !== undefined) m.resourceVersion = o.resourceVersion;
  if (o.uid !== undefined) m.uid = o.uid;
  return m;
}

function configMap(name: string, o: MetaOpts & { data?: Json } = {}): Json {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(name, o), data: o.data ?? { key: 'value' } };
}

/** A Pod; with `nodeName` it is scheduled (and so deleted gracefully). */
function pod(name: string, o: MetaOpts & { nodeName?: string } = {}): Json {
  const spec: Json = { containers: [{ name: 'app', image: 'nginx:1.27' }] };
  if (o.nodeName) spec.nodeName = o.nodeName;
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta(name, o), spec };
}

function deployment(name: string, o: MetaOpts & { replicas?: number; status?: Json } = {}): Json {
  const d: Json = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(name, o),
    spec: {
      replicas: o.replicas ?? 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  };
  if (o.status) d.status = o.status;
  return d;
}

function replicaSet(name: string, o: MetaOpts = {}): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: meta(name, o),
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
    },
  };
}

const namespace = (name: string): Json => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });

const create = (object: object): Op => ({ op: 'create', object });
const update = (object: object): Op => ({ op: 'update', object });
const get = (k: KindRef, name: string, ns: string | undefined = 'default'): Op => ({ op: 'get', ...k, name, ...(ns && k.kind !== 'Namespace' ? { namespace: ns } : {}) });
const patch = (k: KindRef, name: string, p: object, ns = 'default'): Op => ({ op: 'patch', ...k, name, namespace: ns, patch: p });
const del = (
  k: KindRef,
  name: string,
  o: { namespace?: string; propagationPolicy?: 'Background' | 'Foreground' | 'Orphan'; gracePeriodSeconds?: number; preconditions?: { resourceVersion?: string; uid?: string } } = {},
): Op => ({ op: 'delete', ...k, name, ...(k.kind === 'Namespace' ? {} : { namespace: o.namespace ?? 'default' }), ...(o.propagationPolicy ? { propagationPolicy: o.propagationPolicy } : {}), ...(o.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: o.gracePeriodSeconds } : {}), ...(o.preconditions ? { preconditions: o.preconditions } : {}) });
const list = (k: KindRef, ns?: string): Op => ({ op: 'list', ...k, ...(ns ? { namespace: ns } : {}) });
const watch = (k: KindRef, resourceVersion?: string, ns?: string): Op => ({ op: 'watch', ...k, ...(resourceVersion !== undefined ? { resourceVersion } : {}), ...(ns ? { namespace: ns } : {}) });
const compact: Op = { op: 'compact' };

// ---- upstream's messages (k8s.io/apimachinery pkg/api/errors/errors.go; store.go) ----

/** NewNotFound: "%s %q not found" with the GroupResource. */
const notFound = (resource: string, name: string) => `${resource} "${name}" not found`;
/** NewAlreadyExists. */
const alreadyExists = (resource: string, name: string) => `${resource} "${name}" already exists`;
/** NewConflict: "Operation cannot be fulfilled on %s %q: %v". */
const conflict = (resource: string, name: string, why: string) => `Operation cannot be fulfilled on ${resource} "${name}": ${why}`;
/** store.go OptimisticLockErrorMsg. */
const OPTIMISTIC_LOCK = 'the object has been modified; please apply your changes to the latest version and try again';
/** rest/delete.go BeforeDelete: the precondition Conflicts name GroupResource{gvk.Group, Resource: gvk.Kind}. */
const uidPreconditionFailed = (want: string, got: string) =>
  `the UID in the precondition (${want}) does not match the UID in record (${got}). The object might have been deleted and then recreated`;
const rvPreconditionFailed = (want: string, got: string) =>
  `the ResourceVersion in the precondition (${want}) does not match the ResourceVersion in record (${got}). The object might have been modified`;

const STORE_TEST = 'k8s.io/apiserver pkg/registry/generic/registry/store_test.go';
const STORE_GO = 'k8s.io/apiserver pkg/registry/generic/registry/store.go';
const STORAGE_TESTS = 'k8s.io/apiserver pkg/storage/testing/store_tests.go';
const WATCHER_TESTS = 'k8s.io/apiserver pkg/storage/testing/watcher_tests.go';
const LIFECYCLE = 'k8s.io/apiserver pkg/admission/plugin/namespace/lifecycle/admission.go Lifecycle.Admit';
const DELETE_GO = 'k8s.io/apiserver pkg/registry/rest/delete.go BeforeDelete';

// ---- create -------------------------------------------------------------------------

run([
  {
    upstream: `${STORE_TEST} TestStoreCreate`,
    name: 'create answers 201 with uid, creationTimestamp and resourceVersion; get returns the same object; a ConfigMap keeps no generation',
    ops: [create(configMap('a')), get(CM, 'a')],
    want: {
      0: {
        code: 201,
        fields: {
          'object.metadata.name': 'a',
          'object.metadata.namespace': 'default',
          'object.metadata.uid': PRESENT,
          'object.metadata.creationTimestamp': PRESENT,
          'object.metadata.resourceVersion': PRESENT,
          'object.metadata.generation': ABSENT,
          'object.data': { key: 'value' },
        },
      },
      1: { code: 200, fields: { object: sameAs('0.object') } },
    },
  },
  {
    upstream: `${STORE_TEST} TestStoreCreate; kubernetes/kubernetes pkg/registry/apps/deployment/strategy.go PrepareForCreate`,
    name: 'a Deployment is created with generation 1 and an empty status',
    ops: [create(deployment('web', { status: { replicas: 3 } })), get(DEPLOY, 'web')],
    want: {
      0: { code: 201, fields: { 'object.metadata.generation': 1, 'object.status': {}, 'object.metadata.uid': PRESENT } },
      1: { code: 200, fields: { object: sameAs('0.object') } },
    },
  },
  {
    upstream: `${STORAGE_TESTS} RunTestCreate "create with ResourceVersion set"; pkg/storage/etcd3/store.go Create; pkg/endpoints/handlers/responsewriters/status.go ErrorToAPIStatus`,
    name: 'a create carrying metadata.resourceVersion is refused (500, reason Unknown) and stores nothing',
    ops: [create(configMap('a', { resourceVersion: '1' })), get(CM, 'a')],
    want: {
      0: { code: 500, message: 'resourceVersion should not be set on objects to be created', fields: { reason: ABSENT } },
      1: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'a') },
    },
  },
  {
    upstream: `${STORE_TEST} TestStoreCreate ("now try to create the second pod": IsAlreadyExists)`,
    name: 'a second create of the same name is 409 AlreadyExists, named by the group-qualified resource, and changes nothing',
    ops: [
      create(configMap('a', { data: { first: '1' } })),
      create(configMap('a', { data: { second: '2' } })),
      create(deployment('web')),
      create(deployment('web', { replicas: 5 })),
      get(CM, 'a'),
    ],
    want: {
      1: { code: 409, reason: 'AlreadyExists', message: alreadyExists('configmaps', 'a'), fields: { object: ABSENT } },
      3: { code: 409, reason: 'AlreadyExists', message: alreadyExists('deployments.apps', 'web') },
      4: { code: 200, fields: { 'object.data': { first: '1' }, 'object.metadata.resourceVersion': sameAs('0.object.metadata.resourceVersion') } },
    },
  },
  {
    upstream: `${STORE_TEST} TestStoreCreate ("check the 'alredy exists' msg was edited"); ${STORE_GO} create`,
    name: 'graceful (a scheduled Pod): creating it again while it terminates is AlreadyExists prefixed "object is being deleted: "',
    ops: [create(pod('foo', { nodeName: 'machine' })), del(POD, 'foo', { gracePeriodSeconds: 50 }), create(pod('foo', { nodeName: 'machine2' }))],
    want: {
      1: { code: 200, fields: { 'object.metadata.deletionTimestamp': PRESENT } },
      2: { code: 409, reason: 'AlreadyExists', message: `object is being deleted: ${alreadyExists('pods', 'foo')}` },
    },
  },
  {
    upstream: `${STORE_GO} create (accessor.GetDeletionTimestamp() != nil: "object is being deleted: ")`,
    name: 'not graceful (a ConfigMap held by a finalizer): the same prefix while it waits for its finalizer',
    ops: [create(configMap('a', { finalizers: ['example.com/hold'] })), del(CM, 'a'), create(configMap('a'))],
    want: {
      1: { code: 200, fields: { 'object.metadata.deletionTimestamp': PRESENT } },
      2: { code: 409, reason: 'AlreadyExists', message: `object is being deleted: ${alreadyExists('configmaps', 'a')}` },
    },
  },
  {
    upstream: `${STORAGE_TESTS} RunTestConsistentList ("LIST without RV returns consistent RV": every write anywhere moves the one revision); pkg/storage/etcd3/store.go`,
    name: 'resourceVersions come from one counter across kinds and namespaces; a list reports the store revision',
    ops: [create(configMap('a')), create(deployment('web')), create(configMap('b', { namespace: 'kube-system' })), create(pod('p')), list(CM), list(DEPLOY)],
    want: {
      1: { code: 201, fields: { 'object.metadata.resourceVersion': newerThan('0.object.metadata.resourceVersion') } },
      2: { code: 201, fields: { 'object.metadata.resourceVersion': newerThan('1.object.metadata.resourceVersion') } },
      3: { code: 201, fields: { 'object.metadata.resourceVersion': newerThan('2.object.metadata.resourceVersion') } },
      4: { code: 200, fields: { resourceVersion: sameAs('3.object.metadata.resourceVersion') } },
      5: { code: 200, fields: { resourceVersion: sameAs('3.object.metadata.resourceVersion') } },
    },
  },
]);

// ---- get --------------------------------------------------------------------------

run([
  {
    upstream: `${STORE_TEST} TestStoreGet; k8s.io/apimachinery pkg/api/errors/errors.go NewNotFound`,
    name: 'get of a missing object is 404 NotFound with the group-qualified resource',
    ops: [get(CM, 'x'), get(DEPLOY, 'x'), get(NS, 'x'), get(CM, 'a', 'kube-system')],
    want: {
      0: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'x') },
      1: { code: 404, reason: 'NotFound', message: notFound('deployments.apps', 'x') },
      2: { code: 404, reason: 'NotFound', message: notFound('namespaces', 'x') },
      3: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'a') },
    },
  },
]);

// ---- update -----------------------------------------------------------------------

run([
  {
    upstream: `${STORE_TEST} TestStoreUpdate ("try to update a non-existing node", "... that was created previously")`,
    name: 'update of a missing ConfigMap is 404 (ConfigMaps do not AllowCreateOnUpdate) and creates nothing',
    ops: [update(configMap('a')), update(configMap('a', { resourceVersion: '7', uid: 'A' })), get(CM, 'a')],
    want: {
      0: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'a') },
      1: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'a') },
      2: { code: 404, reason: 'NotFound' },
    },
  },
  {
    upstream: `${STORE_TEST} TestStoreUpdate (updateAndVerify: normal update, then "outofDate": IsConflict)`,
    name: 'update with the current resourceVersion is 200 with a newer one; a stale resourceVersion is 409 Conflict',
    ops: [
      create(configMap('a', { data: { v: '1' } })),
      update(configMap('a', { data: { v: '2' }, resourceVersion: '{{0.object.metadata.resourceVersion}}' })),
      get(CM, 'a'),
      update(configMap('a', { data: { v: '3' }, resourceVersion: '{{0.object.metadata.resourceVersion}}' })),
      get(CM, 'a'),
    ],
    want: {
      1: { code: 200, fields: { 'object.data': { v: '2' }, 'object.metadata.resourceVersion': newerThan('0.object.metadata.resourceVersion'), 'object.metadata.uid': sameAs('0.object.metadata.uid') } },
      2: { code: 200, fields: { object: sameAs('1.object') } },
      3: { code: 409, reason: 'Conflict', message: conflict('configmaps', 'a', OPTIMISTIC_LOCK) },
      4: { code: 200, fields: { object: sameAs('1.object') } },
    },
  },
  {
    upstream: `${STORE_GO} Update (doUnconditionalUpdate); kubernetes/kubernetes pkg/registry/core/configmap/strategy.go AllowUnconditionalUpdate`,
    name: 'update without a resourceVersion overwrites (unconditional update)',
    ops: [create(configMap('a', { data: { v: '1' } })), update(configMap('a', { data: { v: '2' } })), get(CM, 'a')],
    want: {
      1: { code: 200, fields: { 'object.data': { v: '2' }, 'object.metadata.resourceVersion': newerThan('0.object.metadata.resourceVersion') } },
      2: { code: 200, fields: { object: sameAs('1.object') } },
    },
  },
  {
    upstream: `${STORE_GO} Update ("If AllowUnconditionalUpdate() is true and the object specified by the user does not have a resource version, then we populate it with the latest version", before BeforeUpdate validates)`,
    name: 'unconditional update of a Deployment: the store fills in the resourceVersion before validation, so 200 and generation 2',
    ops: [create(deployment('web')), update(deployment('web', { replicas: 3 })), get(DEPLOY, 'web')],
    want: {
      1: { code: 200, fields: { 'object.spec.replicas': 3, 'object.metadata.generation': 2, 'object.metadata.resourceVersion': newerThan('0.object.metadata.resourceVersion') } },
      2: { code: 200, fields: { 'object.spec.replicas': 3 } },
    },
  },
  {
    upstream: 'k8s.io/apiserver pkg/registry/rest/resttest/resttest.go testUpdateWithWrongUID; pkg/registry/rest/update.go defaultUpdatedObjectInfo.Preconditions; pkg/storage/interfaces.go Preconditions.Check; pkg/storage/errors.go StorageError; pkg/storage/errors/storage.go InterpretUpdateError',
    name: 'a PUT whose metadata.uid is not the stored one fails the UID precondition: 409 Conflict, and the uid stays',
    ops: [create(configMap('a')), update(configMap('a', { uid: 'not-the-uid', resourceVersion: '{{0.object.metadata.resourceVersion}}', data: { v: '2' } })), get(CM, 'a')],
    want: {
      1: {
        code: 409,
        reason: 'Conflict',
        message: (r) =>
          conflict(
            'configmaps',
            'a',
            `StorageError: invalid object, Code: 4, Key: /registry/configmaps/default/a, ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${String(at(r, '0.object.metadata.uid'))}`,
          ),
      },
      2: { code: 200, fields: { object: sameAs('0.object') } },
    },
  },
  {
    upstream: `${STORE_TEST} TestNoOpUpdates; pkg/storage/etcd3/store.go GuaranteedUpdate (bytes.Equal: no write)`,
    name: 'graceful kind, scheduled Pod: an update that changes nothing keeps the resourceVersion, answers the stored object and fires no watch event',
    ops: [
      create(pod('foo', { nodeName: 'machine', labels: { prepare_create: 'true' } })),
      update(pod('foo', { nodeName: 'machine', labels: { prepare_create: 'true' } })),
      get(POD, 'foo'),
      watch(POD, '{{0.object.metadata.resourceVersion}}'),
    ],
    want: {
      1: { code: 200, fields: { object: sameAs('0.object') } },
      2: { code: 200, fields: { 'object.metadata.resourceVersion': sameAs('0.object.metadata.resourceVersion') } },
      3: { code: 200, fields: { events: events() } },
    },
  },
  {
    upstream: `${STORE_TEST} TestNoOpUpdates (with the stored resourceVersion)`,
    name: 'not graceful (ConfigMap): an update that changes nothing keeps the resourceVersion and fires no watch event',
    ops: [create(configMap('foo', { labels: { prepare_create: 'true' } })), update(configMap('foo', { labels: { prepare_create: 'true' }, resourceVersion: '{{0.object.metadata.resourceVersion}}' })), get(CM, 'foo'), watch(CM, '{{0.object.metadata.resourceVersion}}')],
    want: {
      1: { code: 200, fields: { object: sameAs('0.object') } },
      2: { code: 200, fields: { object: sameAs('0.object') } },
      3: { code: 200, fields: { events: events() } },
    },
  },
  {
    upstream: `${STORE_TEST} TestNoOpUpdates (with a resourceVersion); kubernetes/kubernetes pkg/registry/apps/deployment/strategy.go PrepareForUpdate (status kept on the main resource)`,
    name: 'status is ignored on the main resource: a Deployment PUT that changes only status is a no-op',
    ops: [
      create(deployment('web')),
      update(deployment('web', { resourceVersion: '{{0.object.metadata.resourceVersion}}', status: { replicas: 5, readyReplicas: 5 } })),
      get(DEPLOY, 'web'),
      watch(DEPLOY, '{{0.object.metadata.resourceVersion}}'),
    ],
    want: {
      1: { code: 200, fields: { 'object.status': {}, 'object.metadata.generation': 1, 'object.metadata.resourceVersion': sameAs('0.object.metadata.resourceVersion') } },
      2: { code: 200, fields: { object: sameAs('0.object') } },
      3: { code: 200, fields: { events: events() } },
    },
  },
  {
    upstream: 'kubernetes/kubernetes pkg/registry/apps/deployment/strategy.go PrepareForUpdate (spec or annotation changes bump the generation)',
    name: 'a Deployment generation moves on spec and annotation changes, not on label changes',
    ops: [
      create(deployment('web')),
      update(deployment('web', { replicas: 3, resourceVersion: '{{0.object.metadata.resourceVersion}}' })),
      update(deployment('web', { replicas: 3, labels: { tier: 'web' }, resourceVersion: '{{1.object.metadata.resourceVersion}}' })),
      update(deployment('web', { replicas: 3, labels: { tier: 'web' }, annotations: { note: 'x' }, resourceVersion: '{{2.object.metadata.resourceVersion}}' })),
    ],
    want: {
      1: { code: 200, fields: { 'object.metadata.generation': 2 } },
      2: { code: 200, fields: { 'object.metadata.generation': 2, 'object.metadata.labels': { tier: 'web' }, 'object.metadata.resourceVersion': newerThan('1.object.metadata.resourceVersion') } },
      3: { code: 200, fields: { 'object.metadata.generation': 3 } },
    },
  },
  {
    upstream:
      'kubernetes/kubernetes pkg/registry/apps/deployment/strategy.go PrepareForUpdate (apiequality.Semantic.DeepEqual of the annotation maps); pkg/storage/etcd3/store.go GuaranteedUpdate (no write when the encoding is unchanged; Go encodes map keys sorted)',
    name: 'the same annotations in another key order are no change: no generation bump, no write',
    ops: [
      create(deployment('web', { annotations: { a: '1', b: '2' } })),
      update(deployment('web', { annotations: { b: '2', a: '1' }, resourceVersion: '{{0.object.metadata.resourceVersion}}' })),
    ],
    want: {
      1: { code: 200, fields: { 'object.metadata.generation': 1, 'object.metadata.resourceVersion': sameAs('0.object.metadata.resourceVersion') } },
    },
  },
]);

// ---- merge patch --------------------------------------------------------------------

const MERGE_PATCH = 'k8s.io/apiserver pkg/endpoints/handlers/patch.go applyJSPatch (jsonpatch.MergePatch); RFC 7386 Appendix A';
run([
  {
    upstream: MERGE_PATCH,
    name: 'members replace, new members are added, null deletes ({"a":"b"}+{"a":"c"}, +{"b":"c"}, +{"a":null})',
    ops: [
      create(configMap('a', { data: { a: 'b', b: 'c' } })),
      patch(CM, 'a', { data: { a: 'c' } }),
      patch(CM, 'a', { data: { d: 'e' } }),
      patch(CM, 'a', { data: { a: null } }),
      get(CM, 'a'),
    ],
    want: {
      1: { code: 200, fields: { 'object.data': { a: 'c', b: 'c' }, 'object.metadata.resourceVersion': newerThan('0.object.metadata.resourceVersion') } },
      2: { code: 200, fields: { 'object.data': { a: 'c', b: 'c', d: 'e' } } },
      3: { code: 200, fields: { 'object.data': { b: 'c', d: 'e' } } },
      4: { code: 200, fields: { object: sameAs('3.object') } },
    },
  },
  {
    upstream: MERGE_PATCH,
    name: 'nested objects merge ({"a":{"b":"c"}}+{"a":{"b":"d","c":null}}) and lists are replaced whole (["a","b"]+["c","d"])',
    ops: [
      create(configMap('a', { labels: { b: 'c', keep: 'me' }, finalizers: ['example.com/a', 'example.com/b'] })),
      patch(CM, 'a', { metadata: { labels: { b: 'd', c: null }, finalizers: ['example.com/c', 'example.com/d'] } }),
    ],
    want: {
      1: {
        code: 200,
        fields: {
          'object.metadata.labels': { b: 'd', keep: 'me' },
          'object.metadata.finalizers': ['example.com/c', 'example.com/d'],
          'object.metadata.name': 'a',
          'object.metadata.uid': sameAs('0.object.metadata.uid'),
          'object.data': { key: 'value' },
        },
      },
    },
  },
  {
    upstream: 'k8s.io/apiserver pkg/endpoints/handlers/rest_test.go TestPatchResourceWithStaleVersionConflict; store.go Update (OptimisticLockErrorMsg)',
    name: 'a resourceVersion in the patch is a precondition: stale is 409 Conflict, current is 200',
    ops: [
      create(configMap('a', { data: { v: '1' } })),
      patch(CM, 'a', { data: { v: '2' } }),
      patch(CM, 'a', { metadata: { resourceVersion: '{{0.object.metadata.resourceVersion}}' }, data: { v: '3' } }),
      patch(CM, 'a', { metadata: { resourceVersion: '{{1.object.metadata.resourceVersion}}' }, data: { v: '4' } }),
    ],
    want: {
      2: { code: 409, reason: 'Conflict', message: conflict('configmaps', 'a', OPTIMISTIC_LOCK) },
      3: { code: 200, fields: { 'object.data': { v: '4' }, 'object.metadata.resourceVersion': newerThan('1.object.metadata.resourceVersion') } },
    },
  },
  {
    upstream:
      'k8s.io/apiserver pkg/endpoints/handlers/patch.go (rest.DefaultUpdatedObjectInfo(nil, ...): a PATCH carries no UID precondition); pkg/registry/rest/update.go BeforeUpdate (validateCommonFields); k8s.io/apimachinery pkg/api/validation/objectmeta.go ValidateObjectMetaAccessorUpdate (uid: ValidateImmutableField)',
    name: 'a patch that changes metadata.uid is not a precondition failure but an invalid update: 422, uid "field is immutable"',
    ops: [create(configMap('a')), patch(CM, 'a', { metadata: { uid: 'other' } }), get(CM, 'a')],
    want: {
      1: { code: 422, reason: 'Invalid', message: 'ConfigMap "a" is invalid: metadata.uid: Invalid value: "other": field is immutable' },
      2: { code: 200, fields: { object: sameAs('0.object') } },
    },
  },
  {
    upstream: `${STORE_GO} Update (NotFound unless AllowCreateOnUpdate), reached through handlers/patch.go`,
    name: 'patch of a missing object is 404',
    ops: [patch(CM, 'x', { data: { a: 'b' } }), patch(DEPLOY, 'x', { spec: { replicas: 2 } })],
    want: {
      0: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'x') },
      1: { code: 404, reason: 'NotFound', message: notFound('deployments.apps', 'x') },
    },
  },
]);

// ---- delete ---------------------------------------------------------------------------

const deletedStatus = (resource: string, name: string, uidPath: string, group?: string): Matcher => (actual, r) => {
  const s = actual as Json;
  assert.equal(s.kind, 'Status');
  assert.equal(s.apiVersion, 'v1');
  assert.equal(s.status, 'Success');
  assert.deepEqual(s.details, { name, ...(group ? { group } : {}), kind: resource, uid: at(r, uidPath) });
};

run([
  {
    upstream: `${STORE_TEST} TestStoreDelete, TestFinalizeDelete; pkg/endpoints/handlers/delete.go (200 unless OrphanDependents=false)`,
    name: 'not graceful (ConfigMap): delete of a missing object is 404; delete answers a Success Status whose details name the resource; then it is gone',
    ops: [del(CM, 'a'), create(configMap('a')), del(CM, 'a'), get(CM, 'a')],
    want: {
      0: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'a') },
      2: { code: 200, fields: { object: deletedStatus('configmaps', 'a', '1.object.metadata.uid') } },
      3: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'a') },
    },
  },
  {
    upstream: `${STORE_TEST} TestFinalizeDelete ("Yes we set Kind field to resource")`,
    name: 'not graceful (Deployment): the Status details carry the group and the resource',
    ops: [create(deployment('web')), del(DEPLOY, 'web'), get(DEPLOY, 'web')],
    want: {
      1: { code: 200, fields: { object: deletedStatus('deployments', 'web', '0.object.metadata.uid', 'apps') } },
      2: { code: 404, reason: 'NotFound', message: notFound('deployments.apps', 'web') },
    },
  },
  {
    upstream: `${STORE_TEST} TestStoreCreate (graceful delete with GracePeriodSeconds 50); ${DELETE_GO}`,
    name: 'graceful (scheduled Pod): delete sets deletionTimestamp = now + grace and deletionGracePeriodSeconds, bumps generation, answers the object; it stays',
    ops: [create(pod('foo', { nodeName: 'machine' })), del(POD, 'foo', { gracePeriodSeconds: 50 }), get(POD, 'foo')],
    want: {
      1: {
        code: 200,
        fields: {
          'object.kind': 'Pod',
          'object.metadata.deletionTimestamp': secondsAfter('0.object.metadata.creationTimestamp', 50),
          'object.metadata.deletionGracePeriodSeconds': 50,
          'object.metadata.generation': 2,
          'object.metadata.resourceVersion': newerThan('0.object.metadata.resourceVersion'),
        },
      },
      2: { code: 200, fields: { object: sameAs('1.object') } },
    },
  },
  {
    upstream: 'kubernetes/kubernetes pkg/registry/core/pod/strategy.go CheckGracefulDelete (no grace period given: spec.terminationGracePeriodSeconds, defaulted to 30)',
    name: 'graceful (scheduled Pod): without gracePeriodSeconds the Pod\'s terminationGracePeriodSeconds (default 30) is used',
    ops: [create(pod('foo', { nodeName: 'machine' })), del(POD, 'foo')],
    want: {
      1: { code: 200, fields: { 'object.metadata.deletionGracePeriodSeconds': 30, 'object.metadata.deletionTimestamp': secondsAfter('0.object.metadata.creationTimestamp', 30) } },
    },
  },
  {
    upstream: `${DELETE_GO} ("only a shorter grace period may be provided by a user"; "if the object is already being deleted, no need to update generation")`,
    name: 'graceful (scheduled Pod): a second delete may only shorten the grace period; a longer one changes nothing',
    ops: [
      create(pod('foo', { nodeName: 'machine' })),
      del(POD, 'foo', { gracePeriodSeconds: 30 }),
      del(POD, 'foo', { gracePeriodSeconds: 10 }),
      del(POD, 'foo', { gracePeriodSeconds: 60 }),
      get(POD, 'foo'),
    ],
    want: {
      2: {
        code: 200,
        fields: {
          'object.metadata.deletionTimestamp': secondsAfter('0.object.metadata.creationTimestamp', 10),
          'object.metadata.deletionGracePeriodSeconds': 10,
          'object.metadata.generation': 2,
          'object.metadata.resourceVersion': newerThan('1.object.metadata.resourceVersion'),
        },
      },
      3: { code: 200, fields: { object: sameAs('2.object') } },
      4: { code: 200, fields: { object: sameAs('2.object') } },
    },
  },
  {
    upstream: `${STORE_TEST} TestStoreGracefulDeleteWithResourceVersion; ${STORE_GO} Delete (update for graceful deletion, then Storage.Delete; the resourceVersion precondition follows the update)`,
    name: 'graceful (scheduled Pod): gracePeriodSeconds 0 with a resourceVersion precondition deletes at once; the watch sees the deletion write, then DELETED',
    ops: [
      create(pod('foo', { nodeName: 'machine' })),
      del(POD, 'foo', { gracePeriodSeconds: 0, preconditions: { resourceVersion: '{{0.object.metadata.resourceVersion}}' } }),
      get(POD, 'foo'),
      watch(POD, '{{0.object.metadata.resourceVersion}}'),
    ],
    want: {
      1: { code: 200, fields: { 'object.kind': 'Pod', 'object.metadata.name': 'foo' } },
      2: { code: 404, reason: 'NotFound', message: notFound('pods', 'foo') },
      3: { code: 200, fields: { events: events('MODIFIED default/foo', 'DELETED default/foo') } },
    },
  },
  {
    upstream: 'kubernetes/kubernetes pkg/registry/core/pod/strategy.go CheckGracefulDelete ("if the pod is not scheduled, delete immediately")',
    name: 'an unscheduled Pod is deleted at once, whatever the grace period',
    ops: [create(pod('foo')), del(POD, 'foo', { gracePeriodSeconds: 30 }), get(POD, 'foo')],
    want: {
      1: { code: 200, fields: { 'object.kind': 'Pod' } },
      2: { code: 404, reason: 'NotFound', message: notFound('pods', 'foo') },
    },
  },
  {
    upstream: `${STORE_TEST} TestGracefulStoreHandleFinalizers`,
    name: 'graceful (scheduled Pod) with a finalizer: grace 0 keeps it while the finalizer stays; removing the last finalizer deletes it (DELETED on the watch)',
    ops: [
      create(pod('foo', { nodeName: 'machine', finalizers: ['foo.com/x'] })),
      del(POD, 'foo', { gracePeriodSeconds: 0 }),
      get(POD, 'foo'),
      update(ref('{{2.object}}')),
      get(POD, 'foo'),
      patch(POD, 'foo', { metadata: { finalizers: null } }),
      get(POD, 'foo'),
      watch(POD, '{{0.object.metadata.resourceVersion}}'),
    ],
    want: {
      1: { code: 200, fields: { 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.deletionGracePeriodSeconds': 0, 'object.metadata.finalizers': ['foo.com/x'] } },
      2: { code: 200 },
      3: { code: 200 },
      4: { code: 200, fields: { 'object.metadata.finalizers': ['foo.com/x'] } },
      5: { code: 200 },
      6: { code: 404, reason: 'NotFound', message: notFound('pods', 'foo') },
      7: { code: 200, fields: { events: events('MODIFIED default/foo', 'DELETED default/foo') } },
    },
  },
  {
    upstream: `${STORE_TEST} TestNonGracefulStoreHandleFinalizers`,
    name: 'not graceful (Deployment) with a finalizer: delete sets deletionTimestamp, grace 0, generation+1; an update removing the last finalizer deletes it',
    ops: [
      create(deployment('web', { finalizers: ['foo.com/x'] })),
      del(DEPLOY, 'web'),
      get(DEPLOY, 'web'),
      update(ref('{{2.object}}')),
      get(DEPLOY, 'web'),
      update(deployment('web', { resourceVersion: '{{4.object.metadata.resourceVersion}}' })),
      get(DEPLOY, 'web'),
      watch(DEPLOY, '{{0.object.metadata.resourceVersion}}'),
    ],
    want: {
      1: {
        code: 200,
        fields: {
          'object.kind': 'Deployment',
          'object.metadata.deletionTimestamp': sameAs('0.object.metadata.creationTimestamp'),
          'object.metadata.deletionGracePeriodSeconds': 0,
          'object.metadata.generation': 2,
          'object.metadata.finalizers': ['foo.com/x'],
        },
      },
      2: { code: 200, fields: { object: sameAs('1.object') } },
      3: { code: 200 },
      4: { code: 200, fields: { 'object.metadata.finalizers': ['foo.com/x'], 'object.metadata.deletionTimestamp': PRESENT } },
      5: { code: 200 },
      6: { code: 404, reason: 'NotFound', message: notFound('deployments.apps', 'web') },
      7: { code: 200, fields: { events: events('MODIFIED default/web', 'DELETED default/web') } },
    },
  },
  {
    upstream: `${STORE_TEST} TestNonGracefulStoreHandleFinalizers; ${STORE_GO} ShouldDeleteDuringUpdate`,
    name: 'not graceful (ConfigMap) with a finalizer: kept with deletionTimestamp; a PUT (with the re-read resourceVersion) without finalizers deletes it',
    ops: [
      create(configMap('a', { finalizers: ['foo.com/x'] })),
      del(CM, 'a'),
      list(CM),
      update(configMap('a', { resourceVersion: '{{2.items.0.metadata.resourceVersion}}' })),
      get(CM, 'a'),
      watch(CM, '{{0.object.metadata.resourceVersion}}'),
    ],
    want: {
      1: { code: 200, fields: { 'object.kind': 'ConfigMap', 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.deletionGracePeriodSeconds': 0, 'object.metadata.generation': ABSENT } },
      2: { code: 200, fields: { items: items('default/a') } },
      3: { code: 200 },
      4: { code: 404, reason: 'NotFound' },
      5: { code: 200, fields: { events: events('MODIFIED default/a', 'DELETED default/a') } },
    },
  },
  {
    upstream: `${STORE_TEST} TestGracefulStoreCanDeleteIfExistingGracePeriodZero; ${DELETE_GO} (deletionGracePeriodSeconds 0: neither graceful nor pending)`,
    name: 'graceful (scheduled Pod) held at grace 0 by a finalizer: a further delete is not "pending", so its propagation policy still updates the finalizers',
    ops: [
      create(pod('foo', { nodeName: 'machine', finalizers: ['foo.com/x'] })),
      del(POD, 'foo', { gracePeriodSeconds: 0 }),
      del(POD, 'foo', { propagationPolicy: 'Orphan' }),
    ],
    want: {
      1: { code: 200, fields: { 'object.metadata.deletionGracePeriodSeconds': 0 } },
      2: { code: 200, fields: { 'object.metadata.finalizers': ['foo.com/x', 'orphan'], 'object.metadata.deletionGracePeriodSeconds': 0 } },
    },
  },
  {
    upstream: `${STORE_GO} Delete ("this means finalizers cannot be updated via DeleteOptions if a deletion is already pending"); ${DELETE_GO}`,
    name: 'graceful (scheduled Pod) still in its grace period: a further delete is pending and changes nothing, not even the finalizers',
    ops: [create(pod('foo', { nodeName: 'machine' })), del(POD, 'foo'), del(POD, 'foo', { propagationPolicy: 'Orphan' }), get(POD, 'foo')],
    want: {
      2: { code: 200, fields: { object: sameAs('1.object'), 'object.metadata.finalizers': ABSENT } },
      3: { code: 200, fields: { object: sameAs('1.object') } },
    },
  },
  {
    upstream: `${STORE_TEST} TestMarkAsDeleting; ${STORE_GO} markAsDeleting (generation bumped only on the first deletion; an earlier deletionTimestamp is kept)`,
    name: 'not graceful (Deployment) with a finalizer, deleted twice: deletionTimestamp and generation stay as the first delete set them',
    ops: [create(deployment('web', { finalizers: ['foo.com/x'] })), del(DEPLOY, 'web'), del(DEPLOY, 'web')],
    want: {
      2: {
        code: 200,
        fields: {
          'object.metadata.deletionTimestamp': sameAs('1.object.metadata.deletionTimestamp'),
          'object.metadata.generation': 2,
          'object.metadata.deletionGracePeriodSeconds': 0,
          'object.metadata.finalizers': ['foo.com/x'],
        },
      },
    },
  },
  {
    upstream: `${STORE_TEST} TestMarkAsDeleting; pkg/storage/etcd3/store.go GuaranteedUpdate (an update that encodes to the same bytes is not written)`,
    name: 'not graceful (Deployment) with a finalizer, deleted twice: the second delete writes nothing (same resourceVersion, no watch event)',
    ops: [create(deployment('web', { finalizers: ['foo.com/x'] })), del(DEPLOY, 'web'), del(DEPLOY, 'web'), watch(DEPLOY, '{{1.object.metadata.resourceVersion}}')],
    want: {
      2: { code: 200, fields: { 'object.metadata.resourceVersion': sameAs('1.object.metadata.resourceVersion') } },
      3: { code: 200, fields: { events: events() } },
    },
  },
]);

// TestStoreDeleteWithOrphanDependents and TestStoreDeletionPropagation: the
// finalizers a delete leaves on an object (deletionFinalizersForGarbageCollection).
// testRESTStrategy (not graceful, generation 1) → a Deployment, whose apps/v1
// default policy is Background like upstream's defaultDeleteStrategy. The
// orphanDeleteStrategy cases whose outcome depends on that default (orphan by
// default) have no apps/v1 kind to stand on and are left out; the deprecated
// DeleteOptions.OrphanDependents is not in the contract: OrphanDependents=true
// is PropagationPolicy Orphan and false is Background in shouldOrphanDependents
// and shouldDeleteDependents, so those cases run with the policy.
type Policy = 'Background' | 'Foreground' | 'Orphan' | undefined;
interface FinalizerCase {
  upstream: string;
  name: string;
  existing: string[];
  policy: Policy;
  /** undefined: the object is gone (NotFound). */
  expected: string[] | undefined;
}
const WITH_ORPHAN = ['foo.com/x', 'orphan', 'bar.com/y'];
const OTHERS = ['foo.com/x', 'bar.com/y'];
const ORPHAN_DEPS = `${STORE_TEST} TestStoreDeleteWithOrphanDependents`;
const PROPAGATION = `${STORE_TEST} TestStoreDeletionPropagation`;
const FINALIZER_CASES: FinalizerCase[] = [
  { upstream: ORPHAN_DEPS, name: 'pod1: orphan finalizer among others, OrphanDependents=true', existing: WITH_ORPHAN, policy: 'Orphan', expected: WITH_ORPHAN },
  { upstream: ORPHAN_DEPS, name: 'pod2: other finalizers, OrphanDependents=true', existing: OTHERS, policy: 'Orphan', expected: ['foo.com/x', 'bar.com/y', 'orphan'] },
  { upstream: ORPHAN_DEPS, name: 'pod3: no finalizer, OrphanDependents=true', existing: [], policy: 'Orphan', expected: ['orphan'] },
  { upstream: ORPHAN_DEPS, name: 'pod4: only the orphan finalizer, OrphanDependents=true', existing: ['orphan'], policy: 'Orphan', expected: ['orphan'] },
  { upstream: ORPHAN_DEPS, name: 'pod5: orphan finalizer among others, OrphanDependents=false', existing: WITH_ORPHAN, policy: 'Background', expected: OTHERS },
  { upstream: ORPHAN_DEPS, name: 'pod6: other finalizers, OrphanDependents=false', existing: OTHERS, policy: 'Background', expected: OTHERS },
  { upstream: ORPHAN_DEPS, name: 'pod7: no finalizer, OrphanDependents=false', existing: [], policy: 'Background', expected: undefined },
  { upstream: ORPHAN_DEPS, name: 'pod8: only the orphan finalizer, OrphanDependents=false', existing: ['orphan'], policy: 'Background', expected: undefined },
  { upstream: ORPHAN_DEPS, name: 'pod9/pod17: orphan finalizer among others, no option, default strategy', existing: WITH_ORPHAN, policy: undefined, expected: WITH_ORPHAN },
  { upstream: ORPHAN_DEPS, name: 'pod11/pod19: other finalizers, no option, default strategy', existing: OTHERS, policy: undefined, expected: OTHERS },
  { upstream: ORPHAN_DEPS, name: 'pod13/pod21: no finalizer, no option, default strategy', existing: [], policy: undefined, expected: undefined },
  { upstream: ORPHAN_DEPS, name: 'pod15/pod23: only the orphan finalizer, no option, default strategy', existing: ['orphan'], policy: undefined, expected: ['orphan'] },
  { upstream: PROPAGATION, name: 'no existing finalizers, PropagationPolicy=Foreground', existing: [], policy: 'Foreground', expected: ['foregroundDeletion'] },
  { upstream: PROPAGATION, name: 'no existing finalizers, PropagationPolicy=Background', existing: [], policy: 'Background', expected: undefined },
  { upstream: PROPAGATION, name: 'no existing finalizers, PropagationPolicy=OrphanDependents', existing: [], policy: 'Orphan', expected: ['orphan'] },
  { upstream: PROPAGATION, name: 'no existing finalizers, PropagationPolicy=Default', existing: [], policy: undefined, expected: undefined },
  { upstream: PROPAGATION, name: 'existing orphan finalizer, PropagationPolicy=Foreground', existing: ['orphan'], policy: 'Foreground', expected: ['foregroundDeletion'] },
  { upstream: PROPAGATION, name: 'existing orphan finalizer, PropagationPolicy=Background', existing: ['orphan'], policy: 'Background', expected: undefined },
  { upstream: PROPAGATION, name: 'existing orphan finalizer, PropagationPolicy=OrphanDependents', existing: ['orphan'], policy: 'Orphan', expected: ['orphan'] },
  { upstream: PROPAGATION, name: 'existing orphan finalizer, PropagationPolicy=Default', existing: ['orphan'], policy: undefined, expected: ['orphan'] },
  { upstream: PROPAGATION, name: 'existing deleteDependents finalizer, PropagationPolicy=Foreground', existing: ['foregroundDeletion'], policy: 'Foreground', expected: ['foregroundDeletion'] },
  { upstream: PROPAGATION, name: 'existing deleteDependents finalizer, PropagationPolicy=Background', existing: ['foregroundDeletion'], policy: 'Background', expected: undefined },
  { upstream: PROPAGATION, name: 'existing deleteDependents finalizer, PropagationPolicy=OrphanDependents', existing: ['foregroundDeletion'], policy: 'Orphan', expected: ['orphan'] },
  { upstream: PROPAGATION, name: 'existing deleteDependents finalizer, PropagationPolicy=Default', existing: ['foregroundDeletion'], policy: undefined, expected: ['foregroundDeletion'] },
];
run(
  FINALIZER_CASES.map(
    (c): Case => ({
      upstream: c.upstream,
      name: `Deployment (testRESTStrategy: not graceful, generation 1): ${c.name}`,
      ops: [
        create(deployment('web', c.existing.length > 0 ? { finalizers: c.existing } : {})),
        del(DEPLOY, 'web', c.policy ? { propagationPolicy: c.policy } : {}),
        get(DEPLOY, 'web'),
      ],
      want: {
        1: { code: 200 },
        2:
          c.expected === undefined
            ? { code: 404, reason: 'NotFound', message: notFound('deployments.apps', 'web') }
            : {
                code: 200,
                fields: {
                  'object.metadata.finalizers': c.expected,
                  'object.metadata.deletionTimestamp': PRESENT,
                  'object.metadata.deletionGracePeriodSeconds': 0,
                  'object.metadata.generation': 2,
                },
              },
      },
    }),
  ),
);

run([
  {
    upstream: `${STORE_TEST} TestDeletionFinalizersForGarbageCollection (apps/v1: DeleteDependents, no finalizer added)`,
    name: 'an apps/v1 ReplicaSet deleted without options gets no orphan finalizer: it is gone at once',
    ops: [create(replicaSet('rs')), del(RS, 'rs'), get(RS, 'rs')],
    want: {
      1: { code: 200, fields: { 'object.kind': 'Status', 'object.status': 'Success' } },
      2: { code: 404, reason: 'NotFound', message: notFound('replicasets.apps', 'rs') },
    },
  },
]);

// ---- delete preconditions -------------------------------------------------------------

run([
  {
    upstream: `${DELETE_GO} (Preconditions.UID); ${STORAGE_TESTS} RunTestConditionalDelete "UID mismatch"`,
    name: 'a UID precondition that does not match is 409 Conflict naming the kind; the object stays',
    ops: [create(configMap('a')), del(CM, 'a', { preconditions: { uid: 'not-the-uid' } }), get(CM, 'a')],
    want: {
      1: { code: 409, reason: 'Conflict', message: (r) => conflict('ConfigMap', 'a', uidPreconditionFailed('not-the-uid', String(at(r, '0.object.metadata.uid')))) },
      2: { code: 200, fields: { object: sameAs('0.object') } },
    },
  },
  {
    upstream: `${DELETE_GO} (Preconditions.ResourceVersion)`,
    name: 'a resourceVersion precondition that does not match is 409 Conflict naming the group-qualified kind',
    ops: [create(deployment('web')), patch(DEPLOY, 'web', { metadata: { labels: { v: '2' } } }), del(DEPLOY, 'web', { preconditions: { resourceVersion: '{{0.object.metadata.resourceVersion}}' } }), get(DEPLOY, 'web')],
    want: {
      2: {
        code: 409,
        reason: 'Conflict',
        message: (r) => conflict('Deployment.apps', 'web', rvPreconditionFailed(String(at(r, '0.object.metadata.resourceVersion')), String(at(r, '1.object.metadata.resourceVersion')))),
      },
      3: { code: 200, fields: { object: sameAs('1.object') } },
    },
  },
  {
    upstream: `${STORAGE_TESTS} RunTestConditionalDelete "UID match"; ${STORE_TEST} TestStoreGracefulDeleteWithResourceVersion`,
    name: 'matching uid and resourceVersion preconditions delete',
    ops: [create(configMap('a')), del(CM, 'a', { preconditions: { uid: '{{0.object.metadata.uid}}', resourceVersion: '{{0.object.metadata.resourceVersion}}' } }), get(CM, 'a')],
    want: {
      1: { code: 200, fields: { object: deletedStatus('configmaps', 'a', '0.object.metadata.uid') } },
      2: { code: 404, reason: 'NotFound' },
    },
  },
]);

// ---- list -----------------------------------------------------------------------------

run([
  {
    upstream: `${STORAGE_TESTS} RunTestList ("list all items"), RunTestNamespaceScopedList; pkg/storage/etcd3/store.go GetList (a range over the key prefix, in key order)`,
    name: 'list answers items in namespace/name order, all namespaces or one, with the store resourceVersion',
    ops: [
      create(configMap('b')),
      create(configMap('a', { namespace: 'kube-system' })),
      create(configMap('c')),
      create(configMap('a')),
      list(CM),
      list(CM, 'default'),
      list(CM, 'kube-public'),
      list(NS),
    ],
    want: {
      4: { code: 200, fields: { items: items('default/a', 'default/b', 'default/c', 'kube-system/a'), resourceVersion: sameAs('3.object.metadata.resourceVersion') } },
      5: { code: 200, fields: { items: items('default/a', 'default/b', 'default/c') } },
      6: { code: 200, fields: { items: items(), resourceVersion: sameAs('3.object.metadata.resourceVersion') } },
      7: { code: 200, fields: { items: items('default', 'kube-public', 'kube-system') } },
    },
    check: (r) => assert.deepEqual(at(r, '4.items.3'), at(r, '1.object')),
  },
]);

// ---- watch and compaction -------------------------------------------------------------

run([
  {
    upstream: `${WATCHER_TESTS} RunTestWatchFromNonZero, RunTestDeleteTriggerWatch, RunTestWatchDeleteEventObjectHaveLatestRV`,
    name: 'a watch from a resourceVersion gets ADDED, MODIFIED and DELETED in order, each with its write\'s resourceVersion',
    ops: [
      create(configMap('a')),
      patch(CM, 'a', { metadata: { annotations: { version: '2' } } }),
      create(configMap('b')),
      del(CM, 'a'),
      list(CM),
      watch(CM, '{{0.object.metadata.resourceVersion}}'),
      watch(CM, '{{0.object.metadata.resourceVersion}}', 'kube-system'),
    ],
    want: {
      5: {
        code: 200,
        fields: {
          events: events('MODIFIED default/a', 'ADDED default/b', 'DELETED default/a'),
          'events.0.object': sameAs('1.object'),
          'events.1.object': sameAs('2.object'),
          'events.2.object.metadata.resourceVersion': sameAs('4.resourceVersion'),
          'events.2.object.metadata.uid': sameAs('0.object.metadata.uid'),
        },
      },
      6: { code: 200, fields: { events: events() } },
    },
    check: (r) => assert.ok(Number(at(r, '5.events.2.object.metadata.resourceVersion')) > Number(at(r, '2.object.metadata.resourceVersion'))),
  },
  {
    upstream: `${WATCHER_TESTS} RunTestWatchFromZero; ${STORE_TEST} TestStoreWatch`,
    name: 'a watch from "0" or with no resourceVersion starts with ADDED for the current objects, as they are now',
    ops: [create(configMap('foo')), patch(CM, 'foo', { metadata: { annotations: { a: '1' } } }), create(configMap('bar', { namespace: 'kube-system' })), watch(CM, '0'), watch(CM), watch(CM, '0', 'default')],
    want: {
      5: { code: 200, fields: { events: events('ADDED default/foo'), 'events.0.object': sameAs('1.object') } },
    },
    check: (r) => {
      for (const i of [3, 4]) {
        const evs = at(r, `${i}.events`) as { type: string; object: Json }[];
        assert.deepEqual(evs.map((e) => e.type), ['ADDED', 'ADDED']);
        const byName = new Map(evs.map((e) => [String(at(e.object, 'metadata.name')), e.object]));
        assert.deepEqual(byName.get('foo'), at(r, '1.object'));
        assert.deepEqual(byName.get('bar'), at(r, '2.object'));
      }
    },
  },
  {
    upstream: `${WATCHER_TESTS} RunTestWatchFromZero (compaction: "Make sure we can't watch from older resource versions anymoer and get a "Gone" error"); pkg/storage/cacher/watch_cache.go getAllEventsSinceLocked`,
    name: 'after compaction a watch from "0" still starts with ADDED; a watch from before the compaction ends with 410 Expired "too old resource version"',
    ops: [
      create(configMap('foo')),
      patch(CM, 'foo', { metadata: { annotations: { a: '1' } } }),
      patch(CM, 'foo', { metadata: { annotations: null } }),
      compact,
      watch(CM, '0'),
      watch(CM, '{{1.object.metadata.resourceVersion}}'),
      watch(CM, '{{2.object.metadata.resourceVersion}}'),
    ],
    want: {
      3: { code: 200, fields: { resourceVersion: sameAs('2.object.metadata.resourceVersion') } },
      4: { code: 200, fields: { events: events('ADDED default/foo'), 'events.0.object': sameAs('2.object') } },
      5: {
        code: 410,
        reason: 'Expired',
        // "too old resource version: %d (%d)": the requested one, and the oldest a watch may start from (here, the compaction point).
        message: (r) => `too old resource version: ${String(at(r, '1.object.metadata.resourceVersion'))} (${String(at(r, '3.resourceVersion'))})`,
        fields: { 'events.length': 1, 'events.0.type': 'ERROR', 'events.0.object.status': 'Failure', 'events.0.object.code': 410, 'events.0.object.reason': 'Expired' },
      },
      6: { code: 200, fields: { events: events() } },
    },
  },
]);

// ---- namespaces (NamespaceLifecycle admission and the namespace REST) -------------------

const TERMINATING = (ns: string) => `unable to create new content in namespace ${ns} because it is being terminated`;
run([
  {
    upstream: `${LIFECYCLE} ("refuse to operate on non-existent namespaces": the live lookup's NotFound)`,
    name: 'create in a missing namespace is 404 namespaces "x" not found',
    ops: [create(configMap('a', { namespace: 'nowhere' })), create(deployment('web', { namespace: 'nowhere' })), get(CM, 'a', 'nowhere')],
    want: {
      0: { code: 404, reason: 'NotFound', message: notFound('namespaces', 'nowhere') },
      1: { code: 404, reason: 'NotFound', message: notFound('namespaces', 'nowhere') },
      2: { code: 404, reason: 'NotFound', message: notFound('configmaps', 'a') },
    },
  },
  {
    upstream: `${LIFECYCLE} (a mutating plugin: Admit only); pkg/endpoints/handlers/create.go (mutating admission runs before r.Create, whose BeforeCreate validates)`,
    name: 'NamespaceLifecycle answers before validation: an invalid Deployment in a missing namespace is 404, not 422',
    ops: [create(deployment('web', { namespace: 'nowhere', replicas: -1 }))],
    want: { 0: { code: 404, reason: 'NotFound', message: notFound('namespaces', 'nowhere') } },
  },
  {
    upstream: `${LIFECYCLE} (immortalNamespaces: default, kube-system, kube-public; Register)`,
    name: 'the three system namespaces cannot be deleted: 403 Forbidden',
    ops: [del(NS, 'default'), del(NS, 'kube-system'), del(NS, 'kube-public'), get(NS, 'default')],
    want: {
      0: { code: 403, reason: 'Forbidden', message: 'namespaces "default" is forbidden: this namespace may not be deleted' },
      1: { code: 403, reason: 'Forbidden', message: 'namespaces "kube-system" is forbidden: this namespace may not be deleted' },
      2: { code: 403, reason: 'Forbidden', message: 'namespaces "kube-public" is forbidden: this namespace may not be deleted' },
      3: { code: 200, fields: { 'object.status.phase': 'Active', 'object.metadata.deletionTimestamp': ABSENT } },
    },
  },
  {
    upstream: `kubernetes/kubernetes pkg/registry/core/namespace/storage/storage.go REST.Delete; ${LIFECYCLE} (Create in a Terminating namespace); pkg/admission/errors.go NewForbidden`,
    name: 'deleting a namespace marks it Terminating; nothing new may be created in it; a second delete is 409 while it is emptied',
    ops: [
      create(namespace('doomed')),
      create(configMap('old', { namespace: 'doomed' })),
      del(NS, 'doomed'),
      get(NS, 'doomed'),
      create(configMap('c', { namespace: 'doomed' })),
      del(NS, 'doomed'),
    ],
    want: {
      0: { code: 201, fields: { 'object.status.phase': 'Active' } },
      2: { code: 200, fields: { 'object.kind': 'Namespace', 'object.metadata.deletionTimestamp': PRESENT, 'object.status.phase': 'Terminating' } },
      3: { code: 200, fields: { object: sameAs('2.object') } },
      4: { code: 403, reason: 'Forbidden', message: `configmaps "c" is forbidden: ${TERMINATING('doomed')}` },
      5: {
        code: 409,
        reason: 'Conflict',
        message: conflict('namespaces', 'doomed', 'The system is ensuring all content is removed from this namespace.  Upon completion, this namespace will automatically be purged by the system.'),
      },
    },
  },
  {
    upstream: 'kubernetes/kubernetes pkg/registry/core/namespace/storage/storage.go REST.Delete (the first delete\'s update sets deletionTimestamp and status.phase, nothing else)',
    name: 'a namespace marked Terminating carries no deletionGracePeriodSeconds and keeps its spec.finalizers',
    ops: [create(namespace('doomed')), del(NS, 'doomed')],
    want: { 1: { code: 200, fields: { 'object.metadata.deletionGracePeriodSeconds': ABSENT, 'object.spec.finalizers': ['kubernetes'], 'object.status.phase': 'Terminating' } } },
  },
  {
    upstream: 'kubernetes/kubernetes pkg/registry/core/namespace/storage/storage.go REST.Delete (the UID precondition: "Precondition failed: UID in precondition: %v, UID in object meta: %v")',
    name: 'deleting a namespace with a wrong UID precondition is 409 and leaves it Active',
    ops: [create(namespace('doomed')), del(NS, 'doomed', { preconditions: { uid: 'not-the-uid' } }), get(NS, 'doomed')],
    want: {
      1: { code: 409, reason: 'Conflict', message: (r) => conflict('namespaces', 'doomed', `Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${String(at(r, '0.object.metadata.uid'))}`) },
      2: { code: 200, fields: { 'object.status.phase': 'Active', 'object.metadata.deletionTimestamp': ABSENT } },
    },
  },
  {
    upstream: `${LIFECYCLE} (only admission.Create is refused in a Terminating namespace)`,
    name: 'objects already in a Terminating namespace can still be changed',
    ops: [create(namespace('doomed')), create(configMap('old', { namespace: 'doomed' })), del(NS, 'doomed'), patch(CM, 'old', { data: { v: '2' } }, 'doomed')],
    want: { 3: { code: 200, fields: { 'object.data': { key: 'value', v: '2' } } } },
  },
  {
    upstream: `k8s.io/apiserver pkg/admission/errors.go extractResourceName ("name object name generation has not occurred yet": the generateName is used); ${LIFECYCLE}`,
    name: 'a generateName create in a Terminating namespace is refused under its generateName',
    ops: [create(namespace('doomed')), del(NS, 'doomed'), create(configMap('', { namespace: 'doomed', generateName: 'cm-' }))],
    want: { 2: { code: 403, reason: 'Forbidden', message: `configmaps "cm-" is forbidden: ${TERMINATING('doomed')}` } },
  },
]);

// ---- the contract's "{{N.path}}" substitution ------------------------------------------

run([
  {
    upstream: 'contract: apiServerScenario ("every string value that is exactly \\"{{N.path}}\\" is replaced by the value at path in result N")',
    name: 'whole string values are replaced, by scalars, objects or list items; a template inside a longer string is left alone',
    ops: [
      create(configMap('a')),
      create(configMap('b', { data: { owner: '{{0.object.metadata.uid}}', literal: 'x-{{0.object.metadata.uid}}' } })),
      list(CM),
      get(CM, '{{2.items.1.metadata.name}}'),
      update(ref('{{0.object}}')),
      { op: 'get', apiVersion: '{{0.object.apiVersion}}', kind: '{{0.object.kind}}', namespace: '{{0.object.metadata.namespace}}', name: '{{2.items.0.metadata.name}}' },
    ],
    want: {
      1: { code: 201, fields: { 'object.data': (actual: unknown, r: Result[]) => assert.deepEqual(actual, { owner: at(r, '0.object.metadata.uid'), literal: 'x-{{0.object.metadata.uid}}' }) } },
      3: { code: 200, fields: { object: sameAs('1.object') } },
      4: { code: 200, fields: { object: sameAs('0.object') } },
      5: { code: 200, fields: { object: sameAs('0.object') } },
    },
  },
]);

// ---- the generic REST tester (every kind's storage test runs it) ------------------------

const RESTTEST = 'k8s.io/apiserver pkg/registry/rest/resttest/resttest.go';
run([
  {
    upstream: `${RESTTEST} testCreateResetsUserData`,
    name: 'a create cannot choose its uid or creationTimestamp',
    ops: [create({ ...configMap('a'), metadata: { name: 'a', namespace: 'default', uid: 'bad-uid', creationTimestamp: '2000-01-01T00:00:00Z' } })],
    want: {
      0: {
        code: 201,
        fields: {
          'object.metadata.uid': (actual: unknown) => assert.ok(typeof actual === 'string' && actual !== '' && actual !== 'bad-uid', `uid ${String(actual)}`),
          'object.metadata.creationTimestamp': (actual: unknown) => assert.ok(typeof actual === 'string' && actual !== '2000-01-01T00:00:00Z', `creationTimestamp ${String(actual)}`),
        },
      },
    },
  },
  {
    upstream: `${RESTTEST} testCreateGeneratesName`,
    name: 'generateName: the name is the prefix and more',
    ops: [create(configMap('', { generateName: 'test-' }))],
    want: {
      0: { code: 201, fields: { 'object.metadata.name': (actual: unknown) => assert.ok(typeof actual === 'string' && actual.startsWith('test-') && actual !== 'test-', `name ${String(actual)}`) } },
    },
  },
  {
    upstream: `${RESTTEST} testUpdateFailsOnVersionTooOld`,
    name: 'an update carrying resourceVersion "1" is 409 Conflict',
    ops: [create(configMap('foo3')), update(configMap('foo3', { resourceVersion: '1' }))],
    want: { 1: { code: 409, reason: 'Conflict', message: conflict('configmaps', 'foo3', OPTIMISTIC_LOCK) } },
  },
  {
    upstream: `${RESTTEST} testUpdateIgnoreGenerationUpdates; k8s.io/apiserver pkg/registry/rest/update.go BeforeUpdate ("Ensure requests cannot update generation")`,
    name: 'a client cannot set the generation: an update asking for generation 2 leaves it at 1',
    ops: [create(deployment('foo8')), get(DEPLOY, 'foo8'), update({ ...deployment('foo8', { resourceVersion: '{{0.object.metadata.resourceVersion}}' }), metadata: { name: 'foo8', namespace: 'default', generation: 2, resourceVersion: '{{0.object.metadata.resourceVersion}}' } }), get(DEPLOY, 'foo8')],
    want: { 2: { code: 200 }, 3: { code: 200, fields: { 'object.metadata.generation': 1 } } },
  },
  {
    upstream: `${RESTTEST} testUpdateWithWrongUID`,
    name: 'an update naming another uid is 409 Conflict',
    ops: [create(configMap('foo5')), update(configMap('foo5', { uid: 'UID1111', resourceVersion: '{{0.object.metadata.resourceVersion}}' }))],
    want: { 1: { code: 409, reason: 'Conflict' } },
  },
  {
    upstream: `${RESTTEST} testDeleteNoGraceful`,
    name: 'not graceful (ConfigMap): a grace period is ignored, the object is deleted at once with a Success Status',
    ops: [create(configMap('foo1')), del(CM, 'foo1', { gracePeriodSeconds: 10 }), get(CM, 'foo1')],
    want: { 1: { code: 200, fields: { 'object.kind': 'Status', 'object.status': 'Success' } }, 2: { code: 404, reason: 'NotFound' } },
  },
  {
    upstream: `${RESTTEST} testDeleteWithUID`,
    name: 'delete with a wrong UID precondition is 409; with the right one it deletes',
    ops: [create(configMap('foo1')), del(CM, 'foo1', { preconditions: { uid: 'UID1111' } }), del(CM, 'foo1', { preconditions: { uid: '{{0.object.metadata.uid}}' } }), get(CM, 'foo1')],
    want: {
      1: { code: 409, reason: 'Conflict', message: (r) => conflict('ConfigMap', 'foo1', uidPreconditionFailed('UID1111', String(at(r, '0.object.metadata.uid')))) },
      2: { code: 200, fields: { 'object.status': 'Success' } },
      3: { code: 404, reason: 'NotFound' },
    },
  },
  {
    upstream: `${RESTTEST} testDeleteWithResourceVersion`,
    name: 'delete with a wrong resourceVersion precondition is 409 and deletes nothing; with the stored one it deletes',
    ops: [
      create(configMap('foo1')),
      del(CM, 'foo1', { preconditions: { resourceVersion: 'wrongVersion' } }),
      get(CM, 'foo1'),
      del(CM, 'foo1', { preconditions: { resourceVersion: '{{0.object.metadata.resourceVersion}}' } }),
      get(CM, 'foo1'),
    ],
    want: {
      1: { code: 409, reason: 'Conflict', message: (r) => conflict('ConfigMap', 'foo1', rvPreconditionFailed('wrongVersion', String(at(r, '0.object.metadata.resourceVersion')))) },
      2: { code: 200 },
      3: { code: 200, fields: { 'object.status': 'Success' } },
      4: { code: 404, reason: 'NotFound' },
    },
  },
  {
    upstream: `${RESTTEST} testDeleteGracefulHasDefault, testDeleteGracefulWithValue (graceful: a scheduled Pod, whose default is 30)`,
    name: 'graceful (scheduled Pod): not deleted at once; deletionGracePeriodSeconds is the default, or the value given; generation bumped',
    ops: [create(pod('foo1', { nodeName: 'machine' })), del(POD, 'foo1'), get(POD, 'foo1'), create(pod('foo2', { nodeName: 'machine' })), del(POD, 'foo2', { gracePeriodSeconds: 32 }), get(POD, 'foo2')],
    want: {
      2: { code: 200, fields: { 'object.metadata.deletionGracePeriodSeconds': 30, 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.generation': 2 } },
      5: { code: 200, fields: { 'object.metadata.deletionGracePeriodSeconds': 32, 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.generation': 2 } },
    },
  },
  {
    upstream: `${RESTTEST} testDeleteGracefulExtend`,
    name: 'graceful (scheduled Pod): a second, longer grace period is ignored',
    ops: [create(pod('foo3', { nodeName: 'machine' })), del(POD, 'foo3', { gracePeriodSeconds: 30 }), del(POD, 'foo3', { gracePeriodSeconds: 32 }), get(POD, 'foo3')],
    want: { 3: { code: 200, fields: { 'object.metadata.deletionGracePeriodSeconds': 30, 'object.metadata.deletionTimestamp': sameAs('1.object.metadata.deletionTimestamp'), 'object.metadata.generation': 2 } } },
  },
  {
    upstream: `${RESTTEST} testDeleteGracefulImmediate`,
    name: 'graceful (scheduled Pod): a second delete with grace 0 deletes it; the Pod returned has deletionGracePeriodSeconds 0 and the bumped generation',
    ops: [create(pod('foo4', { nodeName: 'machine' })), del(POD, 'foo4', { gracePeriodSeconds: 30 }), del(POD, 'foo4', { gracePeriodSeconds: 0 }), get(POD, 'foo4')],
    want: {
      2: { code: 200, fields: { 'object.kind': 'Pod', 'object.metadata.deletionTimestamp': PRESENT, 'object.metadata.deletionGracePeriodSeconds': 0, 'object.metadata.generation': 2 } },
      3: { code: 404, reason: 'NotFound', message: notFound('pods', 'foo4') },
    },
  },
  {
    upstream: `${RESTTEST} testDeleteGracefulShorten (upstream's first grace is time.Hour read as seconds; 3600 here)`,
    name: 'graceful (scheduled Pod): a shorter second grace period moves deletionTimestamp earlier',
    ops: [create(pod('foo6', { nodeName: 'machine' })), del(POD, 'foo6', { gracePeriodSeconds: 3600 }), del(POD, 'foo6', { gracePeriodSeconds: 30 }), get(POD, 'foo6')],
    want: {
      3: {
        code: 200,
        fields: {
          'object.metadata.deletionGracePeriodSeconds': 30,
          'object.metadata.deletionTimestamp': (actual: unknown, r: Result[]) => assert.ok(Date.parse(String(actual)) < Date.parse(String(at(r, '1.object.metadata.deletionTimestamp')))),
        },
      },
    },
  },
  {
    upstream: `${RESTTEST} testGetDifferentNamespace`,
    name: 'the same name in two namespaces: two objects',
    ops: [create(configMap('foo', { data: { ns: 'default' } })), create(configMap('foo', { namespace: 'kube-system', data: { ns: 'kube-system' } })), get(CM, 'foo'), get(CM, 'foo', 'kube-system')],
    want: { 1: { code: 201 }, 2: { code: 200, fields: { 'object.data': { ns: 'default' } } }, 3: { code: 200, fields: { 'object.data': { ns: 'kube-system' } } } },
  },
]);

// ---- rest.BeforeDelete's grace-period table -----------------------------------------------

// TestBeforeDelete's Pods were just deleted with DeletionGracePeriodSeconds D
// (deletionTimestamp = now + D); a further delete asks for R. Here the Pod is
// scheduled (graceful), deleted with D, then deleted again with R; the clock
// does not move in between, so "now" is the same. Pending: nothing is written.
// Graceful: the new period (deleted at once when it is 0). D = 0 needs a
// finalizer to keep the Pod. D = -1 cannot be reached through the API (a delete
// asking for -1 gets 1), and "would move into the past" needs the clock to move:
// those rows are not here.
interface BeforeDeleteRow {
  d: number;
  r: number;
  graceful: boolean;
  pending: boolean;
  /** wantDeletionGracePeriodSeconds */
  want: number;
}
const BEFORE_DELETE: BeforeDeleteRow[] = [
  { d: 0, r: -1, graceful: false, pending: false, want: 0 },
  { d: 0, r: 0, graceful: false, pending: false, want: 0 },
  { d: 0, r: 1, graceful: false, pending: false, want: 0 },
  { d: 0, r: 2, graceful: false, pending: false, want: 0 },
  { d: 1, r: -1, graceful: false, pending: true, want: 1 },
  { d: 1, r: 0, graceful: true, pending: false, want: 0 },
  { d: 1, r: 1, graceful: false, pending: true, want: 1 },
  { d: 1, r: 2, graceful: false, pending: true, want: 1 },
  { d: 2, r: -1, graceful: true, pending: false, want: 1 },
  { d: 2, r: 0, graceful: true, pending: false, want: 0 },
  { d: 2, r: 1, graceful: true, pending: false, want: 1 },
  { d: 2, r: 2, graceful: false, pending: true, want: 2 },
];
run(
  BEFORE_DELETE.map((row): Case => {
    const held = row.d === 0; // kept by a finalizer once its grace period is 0
    const ops: Op[] = [create(pod('foo', { nodeName: 'machine', ...(held ? { finalizers: ['foo.com/x'] } : {}) })), del(POD, 'foo', { gracePeriodSeconds: row.d }), del(POD, 'foo', { gracePeriodSeconds: row.r }), get(POD, 'foo')];
    let want: Record<number, Want>;
    if (row.pending) {
      want = { 2: { code: 200, fields: { object: sameAs('1.object') } }, 3: { code: 200, fields: { object: sameAs('1.object') } } };
    } else if (row.want === 0 && !held) {
      want = { 2: { code: 200, fields: { 'object.metadata.deletionGracePeriodSeconds': 0 } }, 3: { code: 404, reason: 'NotFound' } };
    } else {
      want = {
        2: { code: 200 },
        3: {
          code: 200,
          fields: {
            'object.metadata.deletionGracePeriodSeconds': row.want,
            'object.metadata.deletionTimestamp': secondsAfter('0.object.metadata.creationTimestamp', row.graceful ? row.want : row.d),
            'object.metadata.generation': 2,
          },
        },
      };
    }
    return {
      upstream: 'k8s.io/apiserver pkg/registry/rest/delete_test.go TestBeforeDelete',
      name: `graceful (scheduled Pod): when DeletionGracePeriodSeconds=${row.d}, GracePeriodSeconds=${row.r} (graceful ${row.graceful}, pending ${row.pending})`,
      ops,
      want,
    };
  }),
);

run([
  {
    upstream: `${DELETE_GO} ("Negative values will be treated as the value \`1s\` on the delete path")`,
    name: 'graceful (scheduled Pod): a negative grace period is 1',
    ops: [create(pod('foo', { nodeName: 'machine' })), del(POD, 'foo', { gracePeriodSeconds: -1 })],
    want: { 1: { code: 200, fields: { 'object.metadata.deletionGracePeriodSeconds': 1, 'object.metadata.deletionTimestamp': secondsAfter('0.object.metadata.creationTimestamp', 1) } } },
  },
]);

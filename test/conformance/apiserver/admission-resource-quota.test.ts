// Upstream: staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/admission_test.go
// (TestPrettyPrint, TestHasUsageStats, TestExcludedOperations) and
// plugin/pkg/admission/resourcequota/admission_test.go (TestAdmissionIgnoresDelete,
// TestAdmitBelowQuotaLimit, TestAdmitDryRun, TestAdmitExceedQuotaLimit,
// TestAdmitEnforceQuotaConstraints, TestAdmitPodInNamespaceWithoutQuota,
// TestAdmitBelowTerminatingQuotaLimit, TestAdmitBelowBestEffortQuotaLimit,
// TestAdmitBestEffortQuotaLimitIgnoresBurstable, TestAdmitWhenUnrelatedResourceExceedsQuota).
//
// Upstream hands the plugin a quota whose status the controller wrote (status.hard and
// status.used; the fake client holds no spec) and calls Validate on a Pod made by
// validPod(name, numContainers, resources): containers with image foo:V<i> (named foo-<i> here,
// as the API server requires a name), in namespace "test". Here the quota is seeded with that
// status (and spec.hard equal to status.hard, as a synced quota has) and the Pod is created
// through an API server whose chain is kube-apiserver's (NamespaceLifecycle, LimitRanger,
// Priority, ResourceQuota). Where upstream checks only that an error is returned, the expected
// message is controller.go's format string filled in by hand.
// Not transcribed: the services and persistentvolumeclaims evaluators (not ported), subresources
// (admission attributes here do not carry them), LimitedResources (kube-apiserver configures none
// by default).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { Quantity } from '../../../simulations/apimachinery/quantity.ts';
import { Admission } from '../../../simulations/apiserver/admission/chain.ts';
import { limitRanger } from '../../../simulations/apiserver/admission/limit-ranger.ts';
import { namespaceLifecycle } from '../../../simulations/apiserver/admission/namespace-lifecycle.ts';
import { priority } from '../../../simulations/apiserver/admission/priority.ts';
import { hasUsageStats, prettyPrint, resourceQuota, syncResourceQuotas } from '../../../simulations/apiserver/admission/resource-quota.ts';
import { ApiServer } from '../../../simulations/apiserver/api-server.ts';
import { lookupKind } from '../../../simulations/apiserver/kinds.ts';
import type { KindInfo } from '../../../simulations/apiserver/kinds.ts';

const APISERVER = 'staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/admission_test.go';
const FILE = 'plugin/pkg/admission/resourcequota/admission_test.go';

type List = Record<string, string>;
const list = (entries: List) => new Map(Object.entries(entries).map(([k, v]) => [k, Quantity.parse(v)]));

test(`[${APISERVER} TestPrettyPrint] name=value, sorted by name, joined by ","`, () => {
  assert.equal(prettyPrint(list({ cpu: '100m' })), 'cpu=100m');
  assert.equal(
    prettyPrint(list({ pods: '10', services: '10', replicationcontrollers: '10', 'services.nodeports': '10', 'requests.cpu': '100m', 'requests.memory': '100Mi', 'limits.cpu': '100m', 'limits.memory': '100Mi' })),
    'limits.cpu=100m,limits.memory=100Mi,pods=10,replicationcontrollers=10,requests.cpu=100m,requests.memory=100Mi,services=10,services.nodeports=10',
  );
});

const usageStatsCases: { name: string; status: JsonObject; relevant: string[]; expected: boolean }[] = [
  { name: 'empty', status: { hard: {} }, relevant: ['memory'], expected: true },
  { name: 'hard-only', status: { hard: { memory: '1Gi' }, used: {} }, relevant: ['memory'], expected: false },
  { name: 'hard-used', status: { hard: { memory: '1Gi' }, used: { memory: '500Mi' } }, relevant: ['memory'], expected: true },
  { name: 'hard-used-relevant', status: { hard: { memory: '1Gi', pods: '1' }, used: { memory: '500Mi' } }, relevant: ['memory'], expected: true },
];
for (const c of usageStatsCases) {
  test(`[${APISERVER} TestHasUsageStats] ${c.name}`, () => {
    assert.equal(hasUsageStats({ status: c.status }, c.relevant), c.expected);
  });
}

// ---- Through the API server ----

function cluster(...quotas: JsonObject[]): ApiServer {
  const api = new ApiServer({ admission: new Admission([namespaceLifecycle, limitRanger, priority, resourceQuota]) });
  for (const name of ['default', 'test', 'other']) api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  for (const q of quotas) assert.equal(api.seed(q).code, 201);
  return api;
}

/** A quota as the controller left it: status.hard and status.used (spec.hard is status.hard). */
function quota(name: string, hard: List, used: List, extra: { namespace?: string; scopes?: string[] } = {}): JsonObject {
  const spec: JsonObject = { hard };
  if (extra.scopes) spec.scopes = extra.scopes;
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace: extra.namespace ?? 'test' }, spec, status: { hard, used } };
}

function validPod(name: string, n: number, requests: List, limits: List, extra: JsonObject = {}): JsonObject {
  const resources: JsonObject = {};
  if (Object.keys(requests).length) resources.requests = requests;
  if (Object.keys(limits).length) resources.limits = limits;
  const containers = Array.from({ length: n }, (_, i) => ({ name: `foo-${i}`, image: `foo:V${i}`, resources }));
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'test' }, spec: { ...extra, containers } };
}

const usedOf = (api: ApiServer, name: string, namespace = 'test') => (api.peek({ apiVersion: 'v1', kind: 'ResourceQuota', namespace, name })?.status as JsonObject).used;
const canonical = (l: List) => Object.fromEntries(Object.entries(l).map(([k, v]) => [k, Quantity.parse(v).toString()]));

test(`[${APISERVER} TestExcludedOperations] a cluster-scoped object and a namespace creation are not evaluated`, () => {
  const api = cluster(quota('quota', { pods: '0' }, { pods: '0' }));
  assert.equal(api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'namespace' } }).code, 201);
  assert.equal(api.create({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'high' }, value: 10 }).code, 201);
});

test(`[${FILE} TestAdmissionIgnoresDelete] deletes are admitted`, () => {
  const api = cluster(quota('quota', { 'count/configmaps': '0' }, { 'count/configmaps': '0' }));
  api.seed({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'name', namespace: 'test' } });
  assert.equal(api.delete({ apiVersion: 'v1', kind: 'ConfigMap', namespace: 'test', name: 'name' }).code, 200);
});

const BELOW = { cpu: '3', memory: '100Gi', pods: '5' };
const BELOW_USED = { cpu: '1', memory: '50Gi', pods: '3' };

test(`[${FILE} TestAdmitBelowQuotaLimit] a Pod that fits is admitted and its usage added to the quota's status`, () => {
  const api = cluster(quota('quota', BELOW, BELOW_USED));
  const r = api.create(validPod('allowed-pod', 1, { cpu: '100m', memory: '2Gi' }, {}));
  assert.equal(r.code, 201, r.message);
  assert.deepEqual(usedOf(api, 'quota'), canonical({ cpu: '1100m', memory: '52Gi', pods: '4' }));
});

test(`[${FILE} TestAdmitDryRun] a dry run that would exceed the quota is still refused`, () => {
  const api = cluster(quota('quota', BELOW, BELOW_USED));
  const r = api.create(validPod('too-large-pod', 1, { cpu: '100m', memory: '60Gi' }, {}), { dryRun: true });
  // exceeded: memory 50Gi + 60Gi > 100Gi
  assert.equal(r.message, 'pods "too-large-pod" is forbidden: exceeded quota: quota, requested: memory=60Gi, used: memory=50Gi, limited: memory=100Gi');
});

test(`[${FILE} TestAdmitDryRun] a dry run that fits is admitted and does not change the quota (checkQuotas skips the update)`, () => {
  const api = cluster(quota('quota', BELOW, BELOW_USED));
  assert.equal(api.create(validPod('allowed-pod', 1, { cpu: '100m', memory: '2Gi' }, {}), { dryRun: true }).code, 201);
  assert.deepEqual(usedOf(api, 'quota'), canonical(BELOW_USED));
});

test(`[${FILE} TestAdmitExceedQuotaLimit] a Pod over the quota is refused`, () => {
  const api = cluster(quota('quota', BELOW, BELOW_USED));
  const r = api.create(validPod('not-allowed-pod', 1, { cpu: '3', memory: '2Gi' }, {}));
  assert.equal(r.code, 403);
  // cpu: 1 + 3 > 3
  assert.equal(r.message, 'pods "not-allowed-pod" is forbidden: exceeded quota: quota, requested: cpu=3, used: cpu=1, limited: cpu=3');
  assert.deepEqual(usedOf(api, 'quota'), canonical(BELOW_USED));
});

test(`[${FILE} TestAdmitEnforceQuotaConstraints] a quota on limits.memory refuses a Pod without a memory limit`, () => {
  const api = cluster(quota('quota', { cpu: '3', memory: '100Gi', 'limits.memory': '200Gi', pods: '5' }, { cpu: '1', memory: '50Gi', 'limits.memory': '100Gi', pods: '3' }));
  const r = api.create(validPod('not-allowed-pod', 1, { cpu: '100m', memory: '2Gi' }, { cpu: '200m' }));
  assert.equal(r.code, 403);
  assert.equal(r.message, 'pods "not-allowed-pod" is forbidden: failed quota: quota: must specify limits.memory for: foo-0');
});

test(`[${FILE} TestAdmitPodInNamespaceWithoutQuota] a quota of another namespace does not apply`, () => {
  const api = cluster(quota('quota', { cpu: '3', memory: '100Gi', 'limits.memory': '200Gi', pods: '5' }, { cpu: '1', memory: '50Gi', 'limits.memory': '100Gi', pods: '3' }, { namespace: 'other' }));
  assert.equal(api.create(validPod('allowed-pod', 1, { cpu: '100m', memory: '2Gi' }, { cpu: '200m' })).code, 201);
});

test(`[${FILE} TestAdmitBelowTerminatingQuotaLimit] a Pod with an active deadline is charged to the Terminating quota only`, () => {
  const api = cluster(quota('quota-non-terminating', BELOW, BELOW_USED, { scopes: ['NotTerminating'] }), quota('quota-terminating', BELOW, BELOW_USED, { scopes: ['Terminating'] }));
  const r = api.create(validPod('allowed-pod', 1, { cpu: '100m', memory: '2Gi' }, {}, { activeDeadlineSeconds: 30 }));
  assert.equal(r.code, 201, r.message);
  assert.deepEqual(usedOf(api, 'quota-terminating'), canonical({ cpu: '1100m', memory: '52Gi', pods: '4' }));
  assert.deepEqual(usedOf(api, 'quota-non-terminating'), BELOW_USED);
});

test(`[${FILE} TestAdmitBelowBestEffortQuotaLimit] a BestEffort Pod is charged to the BestEffort quota only`, () => {
  const api = cluster(quota('quota-besteffort', { pods: '5' }, { pods: '3' }, { scopes: ['BestEffort'] }), quota('quota-not-besteffort', { pods: '5' }, { pods: '3' }, { scopes: ['NotBestEffort'] }));
  assert.equal(api.create(validPod('allowed-pod', 1, {}, {})).code, 201);
  assert.deepEqual(usedOf(api, 'quota-besteffort'), { pods: '4' });
  assert.deepEqual(usedOf(api, 'quota-not-besteffort'), { pods: '3' });
});

test(`[${FILE} TestAdmitBestEffortQuotaLimitIgnoresBurstable] a BestEffort quota does not match a Burstable Pod, and is not written`, () => {
  const api = cluster(quota('quota-besteffort', { pods: '5' }, { pods: '3' }, { scopes: ['BestEffort'] }));
  const before = api.peek({ apiVersion: 'v1', kind: 'ResourceQuota', namespace: 'test', name: 'quota-besteffort' });
  assert.equal(api.create(validPod('allowed-pod', 1, { cpu: '100m', memory: '1Gi' }, {})).code, 201);
  assert.equal(api.peek({ apiVersion: 'v1', kind: 'ResourceQuota', namespace: 'test', name: 'quota-besteffort' }), before);
});

test(`[${FILE} TestAdmitWhenUnrelatedResourceExceedsQuota] a resource over its quota does not stop a Pod that does not use it`, () => {
  const api = cluster(quota('quota', { services: '3', pods: '4' }, { services: '4', pods: '1' }));
  assert.equal(api.create(validPod('allowed-pod', 1, {}, {})).code, 201);
  assert.deepEqual(usedOf(api, 'quota'), { pods: '2', services: '4' });
});

test(`[${FILE} (controller.go hasUsageStats)] a quota whose status has no usage for a tracked resource refuses until the controller counts it`, () => {
  const api = cluster({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'test' }, spec: { hard: { pods: '2' } }, status: { hard: { pods: '2' }, used: {} } });
  assert.equal(api.create(validPod('p', 1, {}, {})).message, 'pods "p" is forbidden: status unknown for quota: q, resources: pods');
});

// ---- The messages of the lesson's cases (controller.go and pods.go format strings, filled in by hand) ----

const webPod = (resources: JsonObject, namespace = 'default'): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace }, spec: { containers: [{ name: 'app', image: 'busybox', resources }] } });
const compute = (hard: List, used: List = {}): JsonObject => ({
  apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'compute-quota', namespace: 'default' }, spec: { hard }, status: { hard, used: { ...Object.fromEntries(Object.keys(hard).map((k) => [k, '0'])), ...used } },
});

test(`[${FILE} (controller.go checkRequest)] exceeded quota names the quota, what was requested, used and limited`, () => {
  const api = cluster(compute({ 'limits.memory': '2Gi' }, { 'limits.memory': '1Gi' }));
  assert.equal(api.create(webPod({ limits: { memory: '2Gi' } })).message, 'pods "web" is forbidden: exceeded quota: compute-quota, requested: limits.memory=2Gi, used: limits.memory=1Gi, limited: limits.memory=2Gi');
});

test(`[${FILE} (pods.go Constraints)] with memory under quota, every container must state it`, () => {
  const api = cluster({ ...compute({ 'limits.memory': '2Gi' }), metadata: { name: 'q', namespace: 'default' } });
  assert.equal(api.create(webPod({})).message, 'pods "web" is forbidden: failed quota: q: must specify limits.memory for: app');
});

test(`[${FILE} (pods.go Constraints)] two missing resources are listed by name, "; "-separated`, () => {
  const api = cluster({ ...compute({ 'requests.memory': '2Gi', 'limits.memory': '4Gi' }), metadata: { name: 'compute', namespace: 'default' } });
  assert.equal(api.create(webPod({})).message, 'pods "web" is forbidden: failed quota: compute: must specify limits.memory for: app; requests.memory for: app');
});

// ---- The resource quota controller's first sync (pkg/controller/resourcequota syncResourceQuota) ----

test('[pkg/controller/resourcequota/resource_quota_controller.go syncResourceQuota] a quota without status gets spec.hard and what its namespace already holds', () => {
  const api = cluster();
  api.seed({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'test' }, spec: { hard: { pods: '10', 'requests.memory': '2Gi', 'count/configmaps': '5' } } });
  api.seed(validPod('a', 1, { memory: '256Mi' }, {}));
  api.seed(validPod('b', 2, { memory: '100Mi' }, {}));
  api.seed({ ...validPod('done', 1, { memory: '1Gi' }, {}), status: { phase: 'Succeeded' } });
  api.seed({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cm', namespace: 'test' } });
  assert.equal(syncResourceQuotas(api).length, 1);
  const status = api.peek({ apiVersion: 'v1', kind: 'ResourceQuota', namespace: 'test', name: 'q' })?.status as JsonObject;
  assert.deepEqual(status.hard, { 'count/configmaps': '5', pods: '10', 'requests.memory': '2Gi' });
  // pods: a and b (the Succeeded Pod is terminal, QuotaV1Pod); requests.memory: 256Mi + 2 × 100Mi = 456Mi
  assert.deepEqual(status.used, { 'count/configmaps': '1', pods: '2', 'requests.memory': '456Mi' });
  assert.equal(syncResourceQuotas(api).length, 0, 'a quota whose status is complete is left as the controller wrote it');
});

test('[pkg/controller/resourcequota/resource_quota_controller.go syncResourceQuota] the plugin then charges on top of what the controller counted', () => {
  const api = cluster();
  api.seed({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'test' }, spec: { hard: { 'requests.memory': '512Mi' } } });
  api.seed(validPod('a', 1, { memory: '256Mi' }, {}));
  syncResourceQuotas(api);
  assert.equal(api.create(validPod('b', 1, { memory: '512Mi' }, {})).message, 'pods "b" is forbidden: exceeded quota: q, requested: requests.memory=512Mi, used: requests.memory=256Mi, limited: requests.memory=512Mi');
});

const POD = lookupKind('v1', 'Pod') as KindInfo;
test(`[${FILE} TestAdmissionSetsMissingNamespace] a Pod without a namespace is evaluated in the request's namespace`, () => {
  const api = cluster(quota('quota', { pods: '3' }, { pods: '1' }));
  const pod = validPod('pod-without-namespace', 1, { cpu: '1', memory: '2Gi' }, {});
  delete (pod.metadata as JsonObject).namespace;
  assert.equal(resourceQuota.validate!({ operation: 'CREATE', kind: POD, object: pod, oldObject: undefined, namespace: 'test', name: 'pod-without-namespace', server: api }), undefined);
  assert.deepEqual(usedOf(api, 'quota'), { pods: '2' });
});

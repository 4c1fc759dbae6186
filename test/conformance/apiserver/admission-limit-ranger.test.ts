// Upstream: plugin/pkg/admission/limitranger/admission_test.go: TestDefaultContainerResourceRequirements,
// TestMergePodResourceRequirements, TestPodLimitFunc, TestPodLimitFuncApplyDefault,
// TestLimitRangerIgnoresSubresource, TestLimitRangerAdmitPod, TestPersistentVolumeClaimLimitFunc.
//
// Upstream builds internal objects with small helpers (getComputeResourceList(cpu, memory),
// createLimitRange(type, min, max, default, defaultRequest, maxLimitRequestRatio), validPod(name,
// numContainers, resources): containers foo-0, foo-1, ... with image foo:V<i>; validPodInit appends
// init containers named the same way). The same helpers build v1 JSON here. The function-level
// tables call podMutateLimitFunc / podValidateLimitFunc directly, as upstream calls
// PodMutateLimitFunc / PodValidateLimitFunc; upstream asserts only whether an error is returned.
// The last cases go through the API server with the plugin in its chain; their messages are the
// format strings of admission.go filled in by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { Admission } from '../../../simulations/apiserver/admission/chain.ts';
import type { AdmissionAttributes } from '../../../simulations/apiserver/admission/chain.ts';
import {
  LIMIT_RANGER_ANNOTATION, defaultContainerResourceRequirements, limitRanger, persistentVolumeClaimValidateLimitFunc, podMutateLimitFunc, podValidateLimitFunc,
} from '../../../simulations/apiserver/admission/limit-ranger.ts';
import { namespaceLifecycle } from '../../../simulations/apiserver/admission/namespace-lifecycle.ts';
import { ApiServer } from '../../../simulations/apiserver/api-server.ts';
import { lookupKind } from '../../../simulations/apiserver/kinds.ts';
import type { KindInfo } from '../../../simulations/apiserver/kinds.ts';

const FILE = 'plugin/pkg/admission/limitranger/admission_test.go';

type List = Record<string, string>;
const compute = (cpu: string, memory: string): List => ({ ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) });
const storage = (s: string): List => (s ? { storage: s } : {});
const local = (s: string): List => (s ? { 'ephemeral-storage': s } : {});
const req = (requests: List, limits: List): JsonObject => ({ requests, limits });

function createLimitRange(type: string, min: List, max: List, defaultLimit: List, defaultRequest: List, ratio: List): JsonObject {
  const item: JsonObject = { type };
  if (Object.keys(min).length) item.min = min;
  if (Object.keys(max).length) item.max = max;
  if (Object.keys(defaultLimit).length) item.default = defaultLimit;
  if (Object.keys(defaultRequest).length) item.defaultRequest = defaultRequest;
  if (Object.keys(ratio).length) item.maxLimitRequestRatio = ratio;
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'abc', namespace: 'test' }, spec: { limits: [item] } };
}
const E: List = {};
const validLimitRange = (): JsonObject => ({
  apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'abc', namespace: 'test' },
  spec: {
    limits: [
      { type: 'Pod', max: compute('200m', '4Gi'), min: compute('50m', '2Mi') },
      { type: 'Container', max: compute('100m', '2Gi'), min: compute('25m', '1Mi'), default: compute('75m', '10Mi'), defaultRequest: compute('50m', '5Mi') },
    ],
  },
});
const validLimitRangeNoDefaults = (): JsonObject => ({
  apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'abc', namespace: 'test' },
  spec: {
    limits: [
      { type: 'Pod', max: compute('200m', '4Gi'), min: compute('50m', '2Mi') },
      { type: 'Container', max: compute('100m', '2Gi'), min: compute('25m', '1Mi') },
    ],
  },
});

/** validPod: every container shares the same resources object, as the Go helper shares its maps. */
function validPod(name: string, n: number, resources: JsonObject): JsonObject {
  const containers = Array.from({ length: n }, (_, i) => ({ name: `foo-${i}`, image: `foo:V${i}`, resources }));
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'test' }, spec: { containers } };
}
function validPodInit(pod: JsonObject, ...resources: JsonObject[]): JsonObject {
  const spec = pod.spec as JsonObject;
  spec.initContainers = resources.map((r, i) => ({ name: `foo-${i}`, image: `foo:V${i}`, resources: r }));
  return pod;
}
function withRestartableInitContainer(requests: List, limits: List, pod: JsonObject): JsonObject {
  const spec = pod.spec as JsonObject;
  const inits = (spec.initContainers as JsonObject[] | undefined) ?? [];
  spec.initContainers = [...inits, { name: `foo-${inits.length}`, image: `foo:V${inits.length}`, restartPolicy: 'Always', resources: req(requests, limits) }];
  return pod;
}
const resourcesOf = (pod: JsonObject, key = 'containers', i = 0) => ((pod.spec as JsonObject)[key] as JsonObject[])[i].resources;

test(`[${FILE} TestDefaultContainerResourceRequirements] the Container item's defaultRequest and default`, () => {
  const d = defaultContainerResourceRequirements(validLimitRange());
  assert.deepEqual(Object.fromEntries([...d.requests].map(([k, v]) => [k, v.toString()])), { cpu: '50m', memory: '5Mi' });
  assert.deepEqual(Object.fromEntries([...d.limits].map(([k, v]) => [k, v.toString()])), { cpu: '75m', memory: '10Mi' });
});

test(`[${FILE} TestMergePodResourceRequirements] empty resources get every default, and the annotation says so`, () => {
  const pod = validPod('empty-resources', 1, req({}, {}));
  podMutateLimitFunc(validLimitRange(), pod);
  assert.deepEqual(resourcesOf(pod), { requests: { cpu: '50m', memory: '5Mi' }, limits: { cpu: '75m', memory: '10Mi' } });
  assert.equal((pod.metadata as JsonObject).annotations && ((pod.metadata as JsonObject).annotations as JsonObject)[LIMIT_RANGER_ANNOTATION],
    'LimitRanger plugin set: cpu, memory request for container foo-0; cpu, memory limit for container foo-0');
});

test(`[${FILE} TestMergePodResourceRequirements] only what is missing is merged (the init container shares the container's maps, already filled)`, () => {
  const input = req(compute('', '512Mi'), compute('', ''));
  const pod = validPodInit(validPod('limit-memory', 1, input), input);
  podMutateLimitFunc(validLimitRange(), pod);
  const expected = { requests: { cpu: '50m', memory: '512Mi' }, limits: { cpu: '75m', memory: '10Mi' } };
  assert.deepEqual(resourcesOf(pod), expected);
  assert.deepEqual(resourcesOf(pod, 'initContainers'), expected);
  assert.equal(((pod.metadata as JsonObject).annotations as JsonObject)[LIMIT_RANGER_ANNOTATION], 'LimitRanger plugin set: cpu request for container foo-0; cpu, memory limit for container foo-0');
});

test(`[${FILE} TestMergePodResourceRequirements] everything set: nothing merged, no annotation`, () => {
  const input = req(compute('100m', '512Mi'), compute('200m', '1G'));
  const init = req(compute('200m', '1G'), compute('400m', '2G'));
  const pod = validPodInit(validPod('limit-memory', 1, input), init);
  podMutateLimitFunc(validLimitRange(), pod);
  assert.deepEqual(resourcesOf(pod), req(compute('100m', '512Mi'), compute('200m', '1G')));
  assert.deepEqual(resourcesOf(pod, 'initContainers'), req(compute('200m', '1G'), compute('400m', '2G')));
  assert.equal((pod.metadata as JsonObject).annotations, undefined);
});

const C = 'Container';
const P = 'Pod';
const lr = (type: string, min: List, max: List, ratio: List = E) => createLimitRange(type, min, max, E, E, ratio);

const success: { pod: JsonObject; limitRange: JsonObject }[] = [
  { pod: validPod('ctr-min-cpu-request', 1, req(compute('100m', ''), E)), limitRange: lr(C, compute('50m', ''), E) },
  { pod: validPod('ctr-min-cpu-request-limit', 1, req(compute('100m', ''), compute('200m', ''))), limitRange: lr(C, compute('50m', ''), E) },
  { pod: validPod('ctr-min-memory-request', 1, req(compute('', '60Mi'), E)), limitRange: lr(C, compute('', '50Mi'), E) },
  { pod: validPod('ctr-min-memory-request-limit', 1, req(compute('', '60Mi'), compute('', '100Mi'))), limitRange: lr(C, compute('', '50Mi'), E) },
  { pod: validPod('ctr-max-cpu-request-limit', 1, req(compute('500m', ''), compute('1', ''))), limitRange: lr(C, E, compute('2', '')) },
  { pod: validPod('ctr-max-cpu-limit', 1, req(E, compute('1', ''))), limitRange: lr(C, E, compute('2', '')) },
  { pod: validPod('ctr-max-mem-request-limit', 1, req(compute('', '250Mi'), compute('', '500Mi'))), limitRange: lr(C, E, compute('', '1Gi')) },
  { pod: validPod('ctr-max-cpu-ratio', 1, req(compute('500m', ''), compute('750m', ''))), limitRange: lr(C, E, E, compute('1.5', '')) },
  { pod: validPod('ctr-max-mem-limit', 1, req(E, compute('', '500Mi'))), limitRange: lr(C, E, compute('', '1Gi')) },
  { pod: validPod('pod-min-cpu-request', 2, req(compute('75m', ''), E)), limitRange: lr(P, compute('100m', ''), E) },
  { pod: validPod('pod-min-cpu-request-limit', 2, req(compute('75m', ''), compute('200m', ''))), limitRange: lr(P, compute('100m', ''), E) },
  { pod: validPod('pod-min-memory-request', 2, req(compute('', '60Mi'), E)), limitRange: lr(P, compute('', '100Mi'), E) },
  { pod: validPod('pod-min-memory-request-limit', 2, req(compute('', '60Mi'), compute('', '100Mi'))), limitRange: lr(P, compute('', '100Mi'), E) },
  { pod: validPodInit(validPod('pod-init-min-memory-request', 2, req(compute('', '60Mi'), E)), req(compute('', '100Mi'), E)), limitRange: lr(P, compute('', '100Mi'), E) },
  { pod: validPodInit(validPod('pod-init-min-memory-request-limit', 2, req(compute('', '60Mi'), compute('', '100Mi'))), req(compute('', '80Mi'), compute('', '100Mi'))), limitRange: lr(P, compute('', '100Mi'), E) },
  { pod: validPod('pod-max-cpu-request-limit', 2, req(compute('500m', ''), compute('1', ''))), limitRange: lr(P, E, compute('2', '')) },
  { pod: validPod('pod-max-cpu-limit', 2, req(E, compute('1', ''))), limitRange: lr(P, E, compute('2', '')) },
  {
    pod: validPodInit(validPod('pod-init-max-cpu-request-limit', 2, req(compute('500m', ''), compute('1', ''))), req(compute('1', ''), compute('2', '')), req(compute('1', ''), compute('1', ''))),
    limitRange: lr(P, E, compute('2', '')),
  },
  { pod: validPodInit(validPod('pod-init-max-cpu-limit', 2, req(E, compute('1', ''))), req(E, compute('2', '')), req(E, compute('2', ''))), limitRange: lr(P, E, compute('2', '')) },
  { pod: validPod('pod-max-mem-request-limit', 2, req(compute('', '250Mi'), compute('', '500Mi'))), limitRange: lr(P, E, compute('', '1Gi')) },
  { pod: validPod('pod-max-mem-limit', 2, req(E, compute('', '500Mi'))), limitRange: lr(P, E, compute('', '1Gi')) },
  { pod: validPod('pod-max-mem-ratio', 3, req(compute('', '300Mi'), compute('', '450Mi'))), limitRange: lr(P, E, compute('', '2Gi'), compute('', '1.5')) },
  { pod: validPod('ctr-1-min-local-ephemeral-storage-request', 1, req(local('60Mi'), E)), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-1-min-local-ephemeral-storage-request-limit', 1, req(local('60Mi'), local('100Mi'))), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-1-max-local-ephemeral-storage-request-limit', 1, req(local('250Mi'), local('500Mi'))), limitRange: lr(C, E, local('1Gi')) },
  { pod: validPod('ctr-1-max-local-ephemeral-storage-limit', 1, req(E, local('500Mi'))), limitRange: lr(C, E, local('1Gi')) },
  { pod: validPod('ctr-2-min-local-ephemeral-storage-request', 2, req(local('60Mi'), E)), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-2-min-local-ephemeral-storage-request-limit', 2, req(local('60Mi'), local('100Mi'))), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-2-max-local-ephemeral-storage-request-limit', 2, req(local('250Mi'), local('500Mi'))), limitRange: lr(C, E, local('600Mi')) },
  { pod: validPod('ctr-2-max-local-ephemeral-storage-limit', 2, req(E, local('500Mi'))), limitRange: lr(C, E, local('600Mi')) },
  { pod: validPod('pod-min-local-ephemeral-storage-request', 2, req(local('60Mi'), E)), limitRange: lr(P, local('100Mi'), E) },
  { pod: validPod('pod-min-local-ephemeral-storage-request-limit', 2, req(local('60Mi'), local('100Mi'))), limitRange: lr(P, local('100Mi'), E) },
  { pod: validPodInit(validPod('pod-init-min-local-ephemeral-storage-request', 2, req(local('60Mi'), E)), req(local('100Mi'), E)), limitRange: lr(P, local('100Mi'), E) },
  { pod: validPodInit(validPod('pod-init-min-local-ephemeral-storage-request-limit', 2, req(local('60Mi'), local('100Mi'))), req(local('80Mi'), local('100Mi'))), limitRange: lr(P, local('100Mi'), E) },
  { pod: validPod('pod-max-local-ephemeral-storage-request-limit', 2, req(local('250Mi'), local('500Mi'))), limitRange: lr(P, E, local('1Gi')) },
  { pod: validPod('pod-max-local-ephemeral-storage-limit', 2, req(E, local('500Mi'))), limitRange: lr(P, E, local('1Gi')) },
  { pod: validPod('pod-max-local-ephemeral-storage-ratio', 3, req(local('300Mi'), local('450Mi'))), limitRange: lr(P, E, local('2Gi'), local('1.5')) },
];

const errors: { pod: JsonObject; limitRange: JsonObject }[] = [
  { pod: validPod('ctr-min-cpu-request', 1, req(compute('40m', ''), E)), limitRange: lr(C, compute('50m', ''), E) },
  { pod: validPod('ctr-min-cpu-request-limit', 1, req(compute('40m', ''), compute('200m', ''))), limitRange: lr(C, compute('50m', ''), E) },
  { pod: validPod('ctr-min-cpu-no-request-limit', 1, req(E, E)), limitRange: lr(C, compute('50m', ''), E) },
  { pod: validPod('ctr-min-memory-request', 1, req(compute('', '40Mi'), E)), limitRange: lr(C, compute('', '50Mi'), E) },
  { pod: validPod('ctr-min-memory-request-limit', 1, req(compute('', '40Mi'), compute('', '100Mi'))), limitRange: lr(C, compute('', '50Mi'), E) },
  { pod: validPod('ctr-min-memory-no-request-limit', 1, req(E, E)), limitRange: lr(C, compute('', '50Mi'), E) },
  { pod: validPod('ctr-max-cpu-request-limit', 1, req(compute('500m', ''), compute('2500m', ''))), limitRange: lr(C, E, compute('2', '')) },
  { pod: validPod('ctr-max-cpu-limit', 1, req(E, compute('2500m', ''))), limitRange: lr(C, E, compute('2', '')) },
  { pod: validPod('ctr-max-cpu-no-request-limit', 1, req(E, E)), limitRange: lr(C, E, compute('2', '')) },
  { pod: validPod('ctr-max-cpu-ratio', 1, req(compute('1250m', ''), compute('2500m', ''))), limitRange: lr(C, E, E, compute('1', '')) },
  { pod: validPod('ctr-max-mem-request-limit', 1, req(compute('', '250Mi'), compute('', '2Gi'))), limitRange: lr(C, E, compute('', '1Gi')) },
  { pod: validPod('ctr-max-mem-limit', 1, req(E, compute('', '2Gi'))), limitRange: lr(C, E, compute('', '1Gi')) },
  { pod: validPod('ctr-max-mem-no-request-limit', 1, req(E, E)), limitRange: lr(C, E, compute('', '1Gi')) },
  { pod: validPod('pod-min-cpu-request', 1, req(compute('75m', ''), E)), limitRange: lr(P, compute('100m', ''), E) },
  { pod: validPod('pod-min-cpu-request-limit', 1, req(compute('75m', ''), compute('200m', ''))), limitRange: lr(P, compute('100m', ''), E) },
  { pod: validPod('pod-min-memory-request', 1, req(compute('', '60Mi'), E)), limitRange: lr(P, compute('', '100Mi'), E) },
  { pod: validPod('pod-min-memory-request-limit', 1, req(compute('', '60Mi'), compute('', '100Mi'))), limitRange: lr(P, compute('', '100Mi'), E) },
  { pod: validPod('pod-max-cpu-request-limit', 3, req(compute('500m', ''), compute('1', ''))), limitRange: lr(P, E, compute('2', '')) },
  { pod: validPod('pod-max-cpu-limit', 3, req(E, compute('1', ''))), limitRange: lr(P, E, compute('2', '')) },
  { pod: validPod('pod-max-mem-request-limit', 3, req(compute('', '250Mi'), compute('', '500Mi'))), limitRange: lr(P, E, compute('', '1Gi')) },
  { pod: validPod('pod-max-mem-limit', 3, req(E, compute('', '500Mi'))), limitRange: lr(P, E, compute('', '1Gi')) },
  { pod: validPodInit(validPod('pod-init-max-mem-limit', 1, req(E, compute('', '500Mi'))), req(E, compute('', '1.5Gi'))), limitRange: lr(P, E, compute('', '1Gi')) },
  { pod: validPod('pod-max-mem-ratio', 3, req(compute('', '250Mi'), compute('', '500Mi'))), limitRange: lr(P, E, compute('', '2Gi'), compute('', '1.5')) },
  { pod: validPod('ctr-1-min-local-ephemeral-storage-request', 1, req(local('40Mi'), E)), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-1-min-local-ephemeral-storage-request-limit', 1, req(local('40Mi'), local('100Mi'))), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-1-min-local-ephemeral-storage-no-request-limit', 1, req(E, E)), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-1-max-local-ephemeral-storage-request-limit', 1, req(local('250Mi'), local('2Gi'))), limitRange: lr(C, E, local('1Gi')) },
  { pod: validPod('ctr-1-max-local-ephemeral-storage-limit', 1, req(E, local('2Gi'))), limitRange: lr(C, E, local('1Gi')) },
  { pod: validPod('ctr-1-max-local-ephemeral-storage-no-request-limit', 1, req(E, E)), limitRange: lr(C, E, local('1Gi')) },
  { pod: validPod('ctr-2-min-local-ephemeral-storage-request', 2, req(local('40Mi'), E)), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-2-min-local-ephemeral-storage-request-limit', 2, req(local('40Mi'), local('100Mi'))), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-2-min-local-ephemeral-storage-no-request-limit', 2, req(E, E)), limitRange: lr(C, local('50Mi'), E) },
  { pod: validPod('ctr-2-max-local-ephemeral-storage-request-limit', 2, req(local('250Mi'), local('2Gi'))), limitRange: lr(C, E, local('1Gi')) },
  { pod: validPod('ctr-2-max-local-ephemeral-storage-limit', 2, req(E, local('2Gi'))), limitRange: lr(C, E, local('1Gi')) },
  { pod: validPod('ctr-2-max-local-ephemeral-storage-no-request-limit', 2, req(E, E)), limitRange: lr(C, E, local('1Gi')) },
  { pod: validPod('pod-min-local-ephemeral-storage-request', 1, req(local('60Mi'), E)), limitRange: lr(P, local('100Mi'), E) },
  { pod: validPod('pod-min-local-ephemeral-storage-request-limit', 1, req(local('60Mi'), local('100Mi'))), limitRange: lr(P, local('100Mi'), E) },
  { pod: validPod('pod-max-local-ephemeral-storage-request-limit', 3, req(local('250Mi'), local('500Mi'))), limitRange: lr(P, E, local('1Gi')) },
  { pod: validPod('pod-max-local-ephemeral-storage-limit', 3, req(E, local('500Mi'))), limitRange: lr(P, E, local('1Gi')) },
  { pod: validPodInit(validPod('pod-init-max-local-ephemeral-storage-limit', 1, req(E, local('500Mi'))), req(E, local('1.5Gi'))), limitRange: lr(P, E, local('1Gi')) },
  { pod: validPod('pod-max-local-ephemeral-storage-ratio', 3, req(local('250Mi'), local('500Mi'))), limitRange: lr(P, E, local('2Gi'), local('1.5')) },
  {
    pod: withRestartableInitContainer(compute('1500m', ''), E, validPod('ctr-max-cpu-limit-restartable-init-container', 1, req(compute('1000m', ''), compute('1500m', '')))),
    limitRange: lr(P, E, compute('2', '')),
  },
];

const nameOf = (pod: JsonObject) => String((pod.metadata as JsonObject).name);

for (const c of success) {
  test(`[${FILE} TestPodLimitFunc] success: ${nameOf(c.pod)}`, () => {
    podMutateLimitFunc(c.limitRange, c.pod);
    assert.equal(podValidateLimitFunc(c.limitRange, c.pod), undefined);
  });
}
for (const c of errors) {
  test(`[${FILE} TestPodLimitFunc] error: ${nameOf(c.pod)}`, () => {
    podMutateLimitFunc(c.limitRange, c.pod);
    assert.notEqual(podValidateLimitFunc(c.limitRange, c.pod), undefined);
  });
}

test(`[${FILE} TestPodLimitFuncApplyDefault] every container and init container gets 10Mi/75m limits and 5Mi/50m requests`, () => {
  const pod = validPodInit(validPod('foo', 1, req({}, {})), req({}, {}));
  podMutateLimitFunc(validLimitRange(), pod);
  for (const key of ['containers', 'initContainers']) {
    assert.deepEqual(resourcesOf(pod, key), { limits: { cpu: '75m', memory: '10Mi' }, requests: { cpu: '50m', memory: '5Mi' } });
  }
});

const pvc = (name: string, requests: List): JsonObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'test' }, spec: { resources: { requests } } });
const V = 'PersistentVolumeClaim';
const pvcCases: { pvc: JsonObject; limitRange: JsonObject; ok: boolean }[] = [
  { pvc: pvc('pvc-is-min-storage-request', storage('1Gi')), limitRange: lr(V, storage('1Gi'), E), ok: true },
  { pvc: pvc('pvc-is-max-storage-request', storage('1Gi')), limitRange: lr(V, E, storage('1Gi')), ok: true },
  { pvc: pvc('pvc-no-minmax-storage-request', storage('100Gi')), limitRange: lr(V, storage(''), storage('')), ok: true },
  { pvc: pvc('pvc-within-minmax-storage-request', storage('5Gi')), limitRange: lr(V, storage('1Gi'), storage('10Gi')), ok: true },
  { pvc: pvc('pvc-below-min-storage-request', storage('500Mi')), limitRange: lr(V, storage('1Gi'), E), ok: false },
  { pvc: pvc('pvc-exceeds-max-storage-request', storage('100Gi')), limitRange: lr(V, storage('1Gi'), storage('1Gi')), ok: false },
];
for (const c of pvcCases) {
  test(`[${FILE} TestPersistentVolumeClaimLimitFunc] ${c.ok ? 'success' : 'error'}: ${nameOf(c.pvc)}`, () => {
    assert.equal(persistentVolumeClaimValidateLimitFunc(c.limitRange, c.pvc) === undefined, c.ok);
  });
}

// ---- The plugin: which requests it acts on (TestLimitRangerAdmitPod, TestLimitRangerIgnoresSubresource) ----

const POD = lookupKind('v1', 'Pod') as KindInfo;

/** An API server whose store holds the LimitRange as the test's fake client lists it (not defaulted). */
function serverWith(limitRange: JsonObject): ApiServer {
  const api = new ApiServer();
  const info = lookupKind('v1', 'LimitRange') as KindInfo;
  api.storage.create(api.keyOf(info, 'test', 'abc'), structuredClone(limitRange));
  return api;
}
const attrs = (server: ApiServer, operation: 'CREATE' | 'UPDATE', object: JsonObject, oldObject?: JsonObject): AdmissionAttributes & { object: JsonObject } => ({
  operation, kind: POD, object, oldObject, namespace: 'test', name: nameOf(object), server,
});

test(`[${FILE} TestLimitRangerAdmitPod] a create without resources passes Admit, fails Validate; updates and terminating Pods are left alone`, () => {
  const server = serverWith(validLimitRangeNoDefaults());
  const pod = validPod('testPod', 1, {});
  assert.equal(limitRanger.admit!(attrs(server, 'CREATE', pod)), undefined);
  const refused = limitRanger.validate!(attrs(server, 'CREATE', pod));
  assert.equal(refused?.code, 403);
  // validLimitRangeNoDefaults, checked item by item (Pod, then Container), each resource's min, max:
  assert.equal(
    refused?.message,
    'pods "testPod" is forbidden: [minimum cpu usage per Pod is 50m.  No request is specified, minimum memory usage per Pod is 2Mi.  No request is specified, ' +
      'maximum cpu usage per Pod is 200m.  No limit is specified, maximum memory usage per Pod is 4Gi.  No limit is specified, ' +
      'minimum cpu usage per Container is 25m.  No request is specified, minimum memory usage per Container is 1Mi.  No request is specified, ' +
      'maximum cpu usage per Container is 100m.  No limit is specified, maximum memory usage per Container is 2Gi.  No limit is specified]',
  );
  assert.equal(limitRanger.validate!(attrs(server, 'UPDATE', pod, pod)), undefined, 'Expected not to call limitranger actions on pod updates');
  const terminating = validPod('terminatingPod', 1, {});
  (terminating.metadata as JsonObject).deletionTimestamp = '2025-01-01T00:00:00Z';
  assert.equal(limitRanger.validate!(attrs(server, 'UPDATE', terminating, terminating)), undefined, 'LimitRange should ignore a pod marked for termination');
});

// ---- Through the API server: the messages kube-apiserver answers with (format strings filled in by hand) ----

function apiServer(...limitRanges: JsonObject[]): ApiServer {
  const api = new ApiServer({ admission: new Admission([namespaceLifecycle, limitRanger]) });
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  for (const l of limitRanges) assert.equal(api.create(l).code, 201);
  return api;
}
const webPod = (resources: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' }, spec: { containers: [{ name: 'app', image: 'busybox', resources }] } });
const memRange = (limits: JsonObject[]): JsonObject => ({ apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'mem', namespace: 'default' }, spec: { limits } });

const endToEnd: { name: string; limitRange: JsonObject; pod: JsonObject; message?: string; resources?: JsonObject; annotation?: string }[] = [
  {
    name: 'a default fills in a missing limit and request (mergeContainerResources), and the annotation says so',
    limitRange: memRange([{ type: 'Container', default: { memory: '512Mi' }, defaultRequest: { memory: '256Mi' } }]),
    pod: webPod(),
    resources: { limits: { memory: '512Mi' }, requests: { memory: '256Mi' } },
    annotation: 'LimitRanger plugin set: memory request for container app; memory limit for container app',
  },
  {
    name: 'with only max set, the stored LimitRange defaults the limit and the request to it (SetDefaults_LimitRangeItem)',
    limitRange: memRange([{ type: 'Container', max: { memory: '1Gi' } }]),
    pod: webPod(),
    resources: { limits: { memory: '1Gi' }, requests: { memory: '1Gi' } },
  },
  {
    name: 'a limit above max (maxConstraint)',
    limitRange: memRange([{ type: 'Container', max: { memory: '1Gi' } }]),
    pod: webPod({ limits: { memory: '2Gi' } }),
    message: 'pods "web" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi',
  },
  {
    name: 'a request under min (minConstraint)',
    limitRange: memRange([{ type: 'Container', min: { memory: '64Mi' } }]),
    pod: webPod({ requests: { memory: '32Mi' } }),
    message: 'pods "web" is forbidden: minimum memory usage per Container is 64Mi, but request is 32Mi',
  },
  {
    name: 'a limit/request ratio above maxLimitRequestRatio, printed with %f (limitRequestRatioConstraint)',
    limitRange: memRange([{ type: 'Container', maxLimitRequestRatio: { memory: '2' } }]),
    pod: webPod({ requests: { memory: '100Mi' }, limits: { memory: '400Mi' } }),
    message: 'pods "web" is forbidden: memory max limit to request ratio per Container is 2, but provided ratio is 4.000000',
  },
  {
    name: 'several violations in one aggregate, in brackets',
    limitRange: memRange([{ type: 'Container', min: { memory: '64Mi' }, max: { memory: '1Gi' } }]),
    pod: webPod({ requests: { memory: '32Mi' }, limits: { memory: '2Gi' } }),
    message: 'pods "web" is forbidden: [minimum memory usage per Container is 64Mi, but request is 32Mi, maximum memory usage per Container is 1Gi, but limit is 2Gi]',
  },
];

for (const c of endToEnd) {
  test(`[${FILE} through kube-apiserver] ${c.name}`, () => {
    const result = apiServer(c.limitRange).create(c.pod);
    if (c.message) {
      assert.equal(result.code, 403);
      assert.equal(result.message, c.message);
      return;
    }
    assert.equal(result.code, 201, result.message);
    const stored = result.object as JsonObject;
    if (c.resources) assert.deepEqual(resourcesOf(stored), c.resources);
    if (c.annotation) assert.equal(((stored.metadata as JsonObject).annotations as JsonObject)[LIMIT_RANGER_ANNOTATION], c.annotation);
  });
}

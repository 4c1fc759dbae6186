// Requests from limits, and pod-level resources, as SetDefaults_Pod fills them in.
// src: pkg/apis/core/v1/defaults.go (SetDefaults_Pod, defaultHugePagePodLimits,
//      defaultPodRequests); staging/src/k8s.io/component-helpers/resource/helpers.go
//      (AggregateContainerRequests, AggregateContainerLimits, IsSupportedPodLevelResource);
//      pkg/apis/core/v1/helper/helpers.go (IsOvercommitAllowed, IsHugePageResourceName).

import { asObject, asString, setOwn } from '../../apimachinery/json.ts';
import type { JsonObject } from '../../apimachinery/json.ts';
import { clone } from '../../apimachinery/go-values.ts';
import { isNil, pointer, structs } from './fields.ts';
import { addResourceList, maxResourceList, readResourceList, writeQuantity } from './resource-list.ts';
import type { Quantities } from './resource-list.ts';

/**
 * The container part of SetDefaults_Pod: "If limits are specified, but
 * requests are not, default requests to limits" for containers and init
 * containers (not ephemeral ones). Only a Pod gets this, never a template.
 */
export function defaultRequestsFromLimits(spec: JsonObject): void {
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of structs(list)) {
      const resources = pointer(c, 'resources');
      const limits = pointer(resources, 'limits');
      if (!resources || !limits) continue;
      const requestsValue = resources.requests;
      if (!isNil(requestsValue) && !asObject(requestsValue)) continue;
      const requests = asObject(requestsValue) ?? {};
      for (const key of Object.keys(limits)) {
        if (!Object.prototype.hasOwnProperty.call(requests, key)) setOwn(requests, key, clone(limits[key]));
      }
      // A map made empty is omitted when printed: only a non-empty one shows.
      if (Object.keys(requests).length > 0) setOwn(resources, 'requests', requests);
    }
  }
}

/** IsSupportedPodLevelResource: helpers.go, cpu, memory and hugepages-*. */
export function isSupportedPodLevelResource(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name.startsWith('hugepages-');
}

/** IsHugePageResourceName: pkg/apis/core/v1/helper/helpers.go. */
function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** IsOvercommitAllowed: helpers.go, a native resource that is not hugepages. */
function isOvercommitAllowed(name: string): boolean {
  // IsNativeResource: unprefixed, or prefixed with "kubernetes.io/".
  const native = !name.includes('/') || name.includes('kubernetes.io/');
  return native && !isHugePageResourceName(name);
}

/** isRestartableInitContainer: helpers.go, a sidecar (restartPolicy: Always). */
function isRestartableInitContainer(c: JsonObject): boolean {
  return asString(c.restartPolicy) === 'Always';
}

/**
 * aggregateContainerResourcesByFn with spec values only (PodResourcesOptions{}):
 * the sum over containers, then the max with each init container's use, an
 * init container counting the sidecars started before it (KEP-753).
 */
function aggregateContainerResources(spec: JsonObject, field: 'requests' | 'limits'): Quantities {
  const of = (c: JsonObject) => readResourceList(pointer(pointer(c, 'resources'), field));
  const result: Quantities = new Map();
  for (const c of structs(spec.containers)) addResourceList(result, of(c));
  const restartable: Quantities = new Map();
  const initUse: Quantities = new Map();
  for (const c of structs(spec.initContainers)) {
    let use = of(c);
    if (isRestartableInitContainer(c)) {
      addResourceList(result, use);
      addResourceList(restartable, use);
      use = restartable;
    } else {
      const combined: Quantities = new Map();
      addResourceList(combined, use);
      addResourceList(combined, restartable);
      use = combined;
    }
    maxResourceList(initUse, use);
  }
  maxResourceList(result, initUse);
  return result;
}

/** AggregateContainerRequests: helpers.go. */
export function aggregateContainerRequests(spec: JsonObject): Quantities {
  return aggregateContainerResources(spec, 'requests');
}

/** AggregateContainerLimits: helpers.go. */
export function aggregateContainerLimits(spec: JsonObject): Quantities {
  return aggregateContainerResources(spec, 'limits');
}

/** A ResourceList field of pod-level resources, with its keys (unparsable values count as present). */
function listField(resources: JsonObject, key: 'requests' | 'limits'): JsonObject | undefined {
  return asObject(resources[key]);
}

/**
 * defaultHugePagePodLimits: pkg/apis/core/v1/defaults.go. When pod-level
 * resources are partly set, a hugepages limit the containers set (and the pod
 * neither limits nor requests) defaults to the containers' aggregate.
 */
export function defaultHugePagePodLimits(spec: JsonObject): void {
  const resources = pointer(spec, 'resources');
  if (!resources) return;
  const limits = listField(resources, 'limits');
  const requests = listField(resources, 'requests');
  if (!isNil(resources.limits) && !limits) return;
  if (Object.keys(limits ?? {}).length === 0 && Object.keys(requests ?? {}).length === 0) return;
  const podLims = limits ?? {};
  for (const [key, q] of aggregateContainerLimits(spec)) {
    if (!isSupportedPodLevelResource(key) || !isHugePageResourceName(key)) continue;
    // "We do not default pod-level hugepage limits if there is a hugepage request."
    if (requests && Object.prototype.hasOwnProperty.call(requests, key)) continue;
    if (!Object.prototype.hasOwnProperty.call(podLims, key)) writeQuantity(podLims, key, q);
  }
  if (Object.keys(podLims).length > 0) setOwn(resources, 'limits', podLims);
}

/**
 * defaultPodRequests: pkg/apis/core/v1/defaults.go. Only when pod-level limits
 * are set: a missing pod-level cpu or memory request defaults to the
 * containers' aggregate request, then any supported resource still missing a
 * request defaults to its pod-level limit.
 */
export function defaultPodRequests(spec: JsonObject): void {
  const resources = pointer(spec, 'resources');
  if (!resources) return;
  const limits = listField(resources, 'limits');
  if (!limits || Object.keys(limits).length === 0) return;
  if (!isNil(resources.requests) && !listField(resources, 'requests')) return;
  const podReqs = listField(resources, 'requests') ?? {};
  const has = (key: string) => Object.prototype.hasOwnProperty.call(podReqs, key);
  for (const [key, q] of aggregateContainerRequests(spec)) {
    if (!has(key) && isSupportedPodLevelResource(key) && isOvercommitAllowed(key)) writeQuantity(podReqs, key, q);
  }
  for (const key of Object.keys(limits)) {
    if (!has(key) && isSupportedPodLevelResource(key)) setOwn(podReqs, key, clone(limits[key]));
  }
  if (Object.keys(podReqs).length > 0) setOwn(resources, 'requests', podReqs);
}

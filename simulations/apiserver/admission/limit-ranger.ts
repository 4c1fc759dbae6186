// LimitRanger: every LimitRange in a new Pod's namespace fills in the
// containers' missing requests and limits (its `defaultRequest` and `default`,
// recorded in the kubernetes.io/limit-ranger annotation), then refuses a Pod
// whose containers, or whose sums, fall outside its `min`, `max` or
// `maxLimitRequestRatio`, and a PersistentVolumeClaim whose storage request
// falls outside its `min` and `max`. A mutating and validating plugin: the
// defaults go in before validation, the checks run after it.
// src: plugin/pkg/admission/limitranger/admission.go (v1.36: runLimitFunc,
//      defaultContainerResourceRequirements, mergeContainerResources,
//      mergePodResourceRequirements, requestLimitEnforcedValues, minConstraint,
//      maxRequestConstraint, maxConstraint, limitRequestRatioConstraint,
//      SupportsAttributes, PersistentVolumeClaimValidateLimitFunc,
//      PodMutateLimitFunc, PodValidateLimitFunc, podRequests, podLimits),
//      staging/src/k8s.io/apimachinery/pkg/util/errors/errors.go (aggregate.Error)

import type { JsonObject } from '../../apimachinery/json.ts';
import { asObject, asString, setOwn } from '../../apimachinery/json.ts';
import { Quantity } from '../../apimachinery/quantity.ts';
import { aggregateContainerLimits, aggregateContainerRequests } from '../defaults/pod-resources.ts';
import { readResourceList } from '../defaults/resource-list.ts';
import type { Quantities } from '../defaults/resource-list.ts';
import type { ApiResult } from '../result.ts';
import { statusErrors } from '../result.ts';
import type { AdmissionAttributes, AdmissionPlugin } from './chain.ts';

/** The annotation LimitRanger writes on a Pod it changed. */
export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

export const LIMIT_TYPE_CONTAINER = 'Container';
export const LIMIT_TYPE_POD = 'Pod';
export const LIMIT_TYPE_PVC = 'PersistentVolumeClaim';

/** resource.MaxMilliValue: the largest value whose MilliValue() still fits an int64. */
const MAX_MILLI_VALUE = (2n ** 63n - 1n) / 1000n;

interface Requirements {
  requests: Quantities;
  limits: Quantities;
}

/** Go's map iteration order is random; the keys of a ResourceList are walked in sorted order here, so messages are deterministic. */
function sortedKeys(list: Quantities): string[] {
  return [...list.keys()].sort();
}

function items(limitRange: Readonly<JsonObject>): JsonObject[] {
  const limits = asObject(limitRange.spec)?.limits;
  return Array.isArray(limits) ? limits.map(asObject).filter((i): i is JsonObject => i !== undefined) : [];
}

/**
 * defaultContainerResourceRequirements: the requests and limits of the
 * Container items (a later item's values win, as map assignment does).
 */
export function defaultContainerResourceRequirements(limitRange: Readonly<JsonObject>): Requirements {
  const out: Requirements = { requests: new Map(), limits: new Map() };
  for (const item of items(limitRange)) {
    if (item.type !== LIMIT_TYPE_CONTAINER) continue;
    for (const [k, v] of readResourceList(item.defaultRequest)) out.requests.set(k, v);
    for (const [k, v] of readResourceList(item.default)) out.limits.set(k, v);
  }
  return out;
}

/** mergeContainerResources: fills the missing entries, returns the annotation parts. */
function mergeContainerResources(container: JsonObject, defaults: Requirements, prefix: string, annotations: string[]): void {
  const resources = asObject(container.resources) ?? {};
  const limits = asObject(resources.limits) ?? {};
  const requests = asObject(resources.requests) ?? {};
  const setLimits: string[] = [];
  const setRequests: string[] = [];
  for (const [k, v] of defaults.limits) {
    if (!Object.prototype.hasOwnProperty.call(limits, k)) {
      setOwn(limits, k, v.toString());
      setLimits.push(k);
    }
  }
  for (const [k, v] of defaults.requests) {
    if (!Object.prototype.hasOwnProperty.call(requests, k)) {
      setOwn(requests, k, v.toString());
      setRequests.push(k);
    }
  }
  // Go makes empty maps here, which the API omits when it prints the object.
  if (Object.keys(limits).length > 0) resources.limits = limits;
  if (Object.keys(requests).length > 0) resources.requests = requests;
  if (Object.keys(resources).length > 0) container.resources = resources;
  if (setRequests.length > 0) annotations.push(`${setRequests.sort().join(', ')} request for ${prefix} ${asString(container.name)}`);
  if (setLimits.length > 0) annotations.push(`${setLimits.sort().join(', ')} limit for ${prefix} ${asString(container.name)}`);
}

function containersOf(spec: JsonObject | undefined, key: 'containers' | 'initContainers'): JsonObject[] {
  const list = spec?.[key];
  return Array.isArray(list) ? list.map(asObject).filter((c): c is JsonObject => c !== undefined) : [];
}

/**
 * PodMutateLimitFunc (defaultContainerResourceRequirements + mergePodResourceRequirements):
 * fills in the containers' and init containers' missing requests and limits and
 * records what it set in the kubernetes.io/limit-ranger annotation.
 *
 * @example
 *   podMutateLimitFunc(limitRangeWithDefault512Mi, pod)
 *   // pod.metadata.annotations['kubernetes.io/limit-ranger'] === 'LimitRanger plugin set: memory request for container app; memory limit for container app'
 */
export function podMutateLimitFunc(limitRange: Readonly<JsonObject>, pod: JsonObject): void {
  const defaults = defaultContainerResourceRequirements(limitRange);
  const annotations: string[] = [];
  const spec = asObject(pod.spec);
  for (const c of containersOf(spec, 'containers')) mergeContainerResources(c, defaults, 'container', annotations);
  for (const c of containersOf(spec, 'initContainers')) mergeContainerResources(c, defaults, 'init container', annotations);
  if (annotations.length === 0) return;
  const meta = asObject(pod.metadata) ?? {};
  pod.metadata = meta;
  const existing = asObject(meta.annotations) ?? {};
  setOwn(existing, LIMIT_RANGER_ANNOTATION, `LimitRanger plugin set: ${annotations.join('; ')}`);
  meta.annotations = existing;
}

/** requestLimitEnforcedValues: milli-units when all three fit, else whole units. */
function enforcedValues(req: Quantity | undefined, lim: Quantity | undefined, enforced: Quantity): [bigint, bigint, bigint] {
  const value = (q: Quantity | undefined) => (q ? q.scaledValue(0) : 0n);
  const milli = (q: Quantity | undefined) => (q ? q.scaledValue(-3) : 0n);
  const [r, l, e] = [value(req), value(lim), value(enforced)];
  if (r <= MAX_MILLI_VALUE && l <= MAX_MILLI_VALUE && e <= MAX_MILLI_VALUE) return [milli(req), milli(lim), milli(enforced)];
  return [r, l, e];
}

/** minConstraint. */
export function minConstraint(limitType: string, name: string, enforced: Quantity, request: Quantities, limit: Quantities): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l, e] = enforcedValues(req, lim, enforced);
  if (!req) return `minimum ${name} usage per ${limitType} is ${enforced}.  No request is specified`;
  if (r < e) return `minimum ${name} usage per ${limitType} is ${enforced}, but request is ${req}`;
  if (lim && l < e) return `minimum ${name} usage per ${limitType} is ${enforced}, but limit is ${lim}`;
  return undefined;
}

/** maxRequestConstraint: for kinds whose limit values are not read (a claim's storage). */
export function maxRequestConstraint(limitType: string, name: string, enforced: Quantity, request: Quantities): string | undefined {
  const req = request.get(name);
  const [r, , e] = enforcedValues(req, undefined, enforced);
  if (!req) return `maximum ${name} usage per ${limitType} is ${enforced}.  No request is specified`;
  if (r > e) return `maximum ${name} usage per ${limitType} is ${enforced}, but request is ${req}`;
  return undefined;
}

/** maxConstraint. */
export function maxConstraint(limitType: string, name: string, enforced: Quantity, request: Quantities, limit: Quantities): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l, e] = enforcedValues(req, lim, enforced);
  if (!lim) return `maximum ${name} usage per ${limitType} is ${enforced}.  No limit is specified`;
  if (l > e) return `maximum ${name} usage per ${limitType} is ${enforced}, but limit is ${lim}`;
  if (req && r > e) return `maximum ${name} usage per ${limitType} is ${enforced}, but request is ${req}`;
  return undefined;
}

/** limitRequestRatioConstraint: float64 arithmetic, the observed ratio printed with %f. */
export function limitRequestRatioConstraint(limitType: string, name: string, enforced: Quantity, request: Quantities, limit: Quantities): string | undefined {
  const req = request.get(name);
  const lim = limit.get(name);
  const [r, l] = enforcedValues(req, lim, enforced);
  if (!req || r === 0n) return `${name} max limit to request ratio per ${limitType} is ${enforced}, but no request is specified or request is 0`;
  if (!lim || l === 0n) return `${name} max limit to request ratio per ${limitType} is ${enforced}, but no limit is specified or limit is 0`;
  let observed = Number(l) / Number(r);
  const display = observed;
  let max = Number(enforced.scaledValue(0));
  if (enforced.scaledValue(0) <= MAX_MILLI_VALUE) {
    observed *= 1000;
    max = Number(enforced.scaledValue(-3));
  }
  if (observed > max) return `${name} max limit to request ratio per ${limitType} is ${enforced}, but provided ratio is ${display.toFixed(6)}`;
  return undefined;
}

/** utilerrors.NewAggregate(errs).Error(): one message as is, several de-duplicated in brackets. */
export function aggregateErrors(errs: readonly string[]): string | undefined {
  const seen = [...new Set(errs)];
  if (seen.length === 0) return undefined;
  if (seen.length === 1) return seen[0];
  return `[${seen.join(', ')}]`;
}

/** The three checks of one item against one set of requests and limits. */
function checkItem(item: JsonObject, limitType: string, request: Quantities, limit: Quantities, errs: string[]): void {
  const min = readResourceList(item.min);
  for (const k of sortedKeys(min)) push(errs, minConstraint(limitType, k, min.get(k)!, request, limit));
  const max = readResourceList(item.max);
  for (const k of sortedKeys(max)) push(errs, maxConstraint(limitType, k, max.get(k)!, request, limit));
  const ratio = readResourceList(item.maxLimitRequestRatio);
  for (const k of sortedKeys(ratio)) push(errs, limitRequestRatioConstraint(limitType, k, ratio.get(k)!, request, limit));
}

function push(errs: string[], e: string | undefined): void {
  if (e !== undefined) errs.push(e);
}

function requirementsOf(container: JsonObject): Requirements {
  const resources = asObject(container.resources);
  return { requests: readResourceList(resources?.requests), limits: readResourceList(resources?.limits) };
}

/**
 * PodValidateLimitFunc: each Container item against every container and init
 * container, each Pod item against the Pod's requests and limits (the sum of
 * the containers and sidecars, or an init container's if larger; no overhead).
 * Returns the aggregated error, or undefined.
 *
 * @example
 *   podValidateLimitFunc(maxMemory1Gi, podWithLimit2Gi) // 'maximum memory usage per Container is 1Gi, but limit is 2Gi'
 */
export function podValidateLimitFunc(limitRange: Readonly<JsonObject>, pod: Readonly<JsonObject>): string | undefined {
  const errs: string[] = [];
  const spec = asObject(pod.spec);
  for (const item of items(limitRange)) {
    if (item.type === LIMIT_TYPE_CONTAINER) {
      for (const c of [...containersOf(spec, 'containers'), ...containersOf(spec, 'initContainers')]) {
        const r = requirementsOf(c);
        checkItem(item, LIMIT_TYPE_CONTAINER, r.requests, r.limits, errs);
      }
    }
    if (item.type === LIMIT_TYPE_POD && spec) {
      checkItem(item, LIMIT_TYPE_POD, aggregateContainerRequests(spec), aggregateContainerLimits(spec), errs);
    }
  }
  return aggregateErrors(errs);
}

/**
 * PersistentVolumeClaimValidateLimitFunc: a claim's storage request against
 * the PersistentVolumeClaim items' min and max (its limits are not read).
 */
export function persistentVolumeClaimValidateLimitFunc(limitRange: Readonly<JsonObject>, pvc: Readonly<JsonObject>): string | undefined {
  const errs: string[] = [];
  const requests = readResourceList(asObject(asObject(pvc.spec)?.resources)?.requests);
  for (const item of items(limitRange)) {
    if (item.type !== LIMIT_TYPE_PVC) continue;
    const min = readResourceList(item.min);
    for (const k of sortedKeys(min)) push(errs, minConstraint(LIMIT_TYPE_PVC, k, min.get(k)!, requests, new Map()));
    const max = readResourceList(item.max);
    for (const k of sortedKeys(max)) push(errs, maxRequestConstraint(LIMIT_TYPE_PVC, k, max.get(k)!, requests));
  }
  return aggregateErrors(errs);
}

/**
 * SupportsAttributes: Pods and PersistentVolumeClaims; not a Pod update
 * ("containers and initContainers cannot currently be added, removed, or
 * updated"). Subresource writes are left out upstream too; the attributes
 * here do not name the subresource.
 */
function supports(a: AdmissionAttributes): boolean {
  if (a.kind.group !== '') return false;
  if (a.kind.kind === 'Pod') return a.operation === 'CREATE';
  return a.kind.kind === 'PersistentVolumeClaim' && (a.operation === 'CREATE' || a.operation === 'UPDATE');
}

/** runLimitFunc: every LimitRange of the namespace; the first refusal is a 403. */
function runLimitFunc(a: AdmissionAttributes, fn: (limitRange: Readonly<JsonObject>) => string | undefined): ApiResult | undefined {
  if (!supports(a)) return undefined;
  // "ignore all objects marked for deletion"
  if (a.oldObject && asObject(a.oldObject.metadata)?.deletionTimestamp !== undefined) return undefined;
  for (const limitRange of a.server.list('v1', 'LimitRange', a.namespace).items ?? []) {
    const refused = fn(limitRange);
    if (refused !== undefined) return statusErrors.forbidden(a.kind.group, a.kind.resource, a.name, refused);
  }
  return undefined;
}

/**
 * The LimitRanger admission plugin, for an Admission chain in kube-apiserver's
 * order (after NamespaceLifecycle, before Priority and ResourceQuota).
 *
 * @example
 *   const api = new ApiServer({ admission: new Admission([namespaceLifecycle, limitRanger]) });
 *   api.create(podWithLimit2Gi).message  // 'pods "web" is forbidden: maximum memory usage per Container is 1Gi, but limit is 2Gi'
 */
export const limitRanger: AdmissionPlugin = {
  name: 'LimitRanger',
  admit(a) {
    if (a.kind.kind !== 'Pod') return undefined;
    return runLimitFunc(a, (lr) => {
      podMutateLimitFunc(lr, a.object);
      return undefined;
    });
  },
  validate(a) {
    return runLimitFunc(a, (lr) => (a.kind.kind === 'Pod' ? podValidateLimitFunc(lr, a.object) : persistentVolumeClaimValidateLimitFunc(lr, a.object)));
  },
};

// ResourceQuota: a new object in a namespace with quotas is charged to every
// quota that tracks it. The usage it adds is measured by the kind's evaluator
// (a Pod: its requests and limits, `pods`, `count/pods`; anything else: one
// object of `count/<resource>`), added to the quota's status.used, and checked
// against status.hard; if every quota has room, their new status is written
// before the object is stored. A Pod under a quota that tracks cpu or memory
// must state them in every container ("failed quota: ... must specify ...").
// Admission reads the quota's *status*: the resource quota controller keeps it
// (status.hard from spec.hard, status.used counted from the namespace);
// `syncResourceQuotas` is that controller's sync, for quotas whose status it
// has not written yet.
// src: staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/admission.go (Validate),
//      controller.go (checkQuotas, CheckRequest, prettyPrint, prettyPrintResourceNames, hasUsageStats),
//      staging/src/k8s.io/apiserver/pkg/quota/v1/resources.go (Equals, LessThanOrEqual, Add, Mask,
//      Intersection, RemoveZeros, IsNegative, CalculateUsage), generic/evaluator.go (Matches,
//      CalculateUsageStats, objectCountEvaluator), pkg/quota/v1/evaluator/core/pods.go (podEvaluator,
//      podComputeUsageHelper, podMatchesScopeFunc, PodUsageFunc, QuotaV1Pod), core/registry.go
//      (legacy object count aliases), pkg/quota/v1/install/registry.go (ignored resources),
//      pkg/controller/resourcequota/resource_quota_controller.go (syncResourceQuota)

import type { JsonObject } from '../../apimachinery/json.ts';
import { asObject, asString, setOwn } from '../../apimachinery/json.ts';
import { Quantity } from '../../apimachinery/quantity.ts';
import type { ApiServer } from '../api-server.ts';
import { aggregateContainerLimits, aggregateContainerRequests, isSupportedPodLevelResource } from '../defaults/pod-resources.ts';
import { addQuantity, readResourceList } from '../defaults/resource-list.ts';
import type { Quantities } from '../defaults/resource-list.ts';
import type { KindInfo } from '../kinds.ts';
import { KINDS } from '../kinds.ts';
import { getPodQOS } from '../pod-qos.ts';
import type { PodLike } from '../pod-qos.ts';
import type { ApiResult } from '../result.ts';
import { statusErrors } from '../result.ts';
import type { AdmissionAttributes, AdmissionPlugin } from './chain.ts';

// ---- ResourceList arithmetic (quota/v1/resources.go) ----------------------------------------

const ZERO = Quantity.fromInteger(0);

/** Equals: the same keys, each with an equal value. */
export function equals(a: Quantities, b: Quantities): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || v.cmp(w) !== 0) return false;
  }
  return true;
}

/** LessThanOrEqual: whether every key of `b` that `a` has is at most `b`'s, and the keys that are not. */
export function lessThanOrEqual(a: Quantities, b: Quantities): { allowed: boolean; exceeded: string[] } {
  const exceeded: string[] = [];
  for (const [k, v] of b) {
    const other = a.get(k);
    if (other && other.cmp(v) > 0) exceeded.push(k);
  }
  return { allowed: exceeded.length === 0, exceeded };
}

/** Add: the sum of each key; keys of one side only are copied. */
export function add(a: Quantities, b: Quantities): Quantities {
  const out: Quantities = new Map();
  for (const [k, v] of a) {
    const other = b.get(k);
    out.set(k, other ? addQuantity(v, other) : v);
  }
  for (const [k, v] of b) if (!out.has(k)) out.set(k, v);
  return out;
}

/** Mask: only the keys in `names`. */
export function mask(list: Quantities, names: Iterable<string>): Quantities {
  const set = new Set(names);
  const out: Quantities = new Map();
  for (const [k, v] of list) if (set.has(k)) out.set(k, v);
  return out;
}

/** Intersection: the names of `a` also in `b`, without duplicates, sorted. */
export function intersection(a: readonly string[], b: readonly string[]): string[] {
  const inB = new Set(b);
  return [...new Set(a.filter((x) => inB.has(x)))].sort();
}

/** RemoveZeros. */
export function removeZeros(list: Quantities): Quantities {
  const out: Quantities = new Map();
  for (const [k, v] of list) if (!v.isZero()) out.set(k, v);
  return out;
}

/** IsNegative: the keys below zero. */
export function isNegative(list: Quantities): string[] {
  return [...list].filter(([, v]) => v.sign() < 0).map(([k]) => k);
}

/**
 * prettyPrint: `name=value` sorted by name, joined by ",".
 *
 * @example prettyPrint(new Map([['requests.memory', Quantity.parse('1Gi')], ['pods', Quantity.parse('1')]])) // 'pods=1,requests.memory=1Gi'
 */
export function prettyPrint(list: Quantities): string {
  return [...list.keys()].sort().map((k) => `${k}=${list.get(k)!.toString()}`).join(',');
}

/** prettyPrintResourceNames: sorted, joined by ",". */
export function prettyPrintResourceNames(names: readonly string[]): string {
  return [...names].sort().join(',');
}

/** A ResourceList object as the API prints it (keys sorted, quantities canonical). */
function writeList(list: Quantities): JsonObject {
  const out: JsonObject = {};
  for (const k of [...list.keys()].sort()) setOwn(out, k, list.get(k)!.toString());
  return out;
}

// ---- Quotas ----------------------------------------------------------------------------------

/** A quota's status.hard and status.used, read. */
interface QuotaState {
  readonly object: Readonly<JsonObject>;
  readonly name: string;
  readonly hard: Quantities;
  readonly used: Quantities;
}

function quotaState(object: Readonly<JsonObject>): QuotaState {
  const status = asObject(object.status);
  return { object, name: asString(asObject(object.metadata)?.name), hard: readResourceList(status?.hard), used: readResourceList(status?.used) };
}

/**
 * hasUsageStats: every hard constraint among `interesting` has a value for its current usage.
 *
 * @example hasUsageStats({ status: { hard: { memory: '1Gi' }, used: {} } }, ['memory']) // false
 */
export function hasUsageStats(quota: Readonly<JsonObject>, interesting: readonly string[]): boolean {
  const status = asObject(quota.status);
  const hard = asObject(status?.hard) ?? {};
  const used = asObject(status?.used) ?? {};
  const wanted = new Set(interesting);
  for (const name of Object.keys(hard)) {
    if (wanted.has(name) && !Object.prototype.hasOwnProperty.call(used, name)) return false;
  }
  return true;
}

/** A scope selector requirement: spec.scopes become `Exists` requirements. */
interface ScopeSelector {
  scopeName: string;
  operator: string;
  values: readonly string[];
}

/** getScopeSelectorsFromQuota: spec.scopes (as Exists), then spec.scopeSelector.matchExpressions. */
function scopeSelectorsOf(quota: Readonly<JsonObject>): ScopeSelector[] {
  const spec = asObject(quota.spec);
  const out: ScopeSelector[] = [];
  for (const scope of Array.isArray(spec?.scopes) ? spec.scopes : []) out.push({ scopeName: asString(scope), operator: 'Exists', values: [] });
  const expressions = asObject(spec?.scopeSelector)?.matchExpressions;
  for (const e of Array.isArray(expressions) ? expressions : []) {
    const o = asObject(e);
    if (!o) continue;
    const values = Array.isArray(o.values) ? o.values.map(asString) : [];
    out.push({ scopeName: asString(o.scopeName), operator: asString(o.operator), values });
  }
  return out;
}

// ---- Evaluators ------------------------------------------------------------------------------

/** quota.Evaluator, for what this API server admits: CREATE requests. */
interface Evaluator {
  /** The resource names it can measure, among `input`. */
  matchingResources(input: readonly string[]): string[];
  /** Whether the object falls under the scope selector. */
  matchesScope(selector: ScopeSelector, object: Readonly<JsonObject>, server: ApiServer): boolean;
  /** The error text of a constraint the object does not meet, or undefined. */
  constraints(required: readonly string[], object: Readonly<JsonObject>): string | undefined;
  usage(object: Readonly<JsonObject>, server: ApiServer): Quantities;
  /** Which stored objects it counts (the controller's lister). */
  readonly kind: KindInfo;
}

const one = () => Quantity.fromInteger(1);

/** generic.ObjectCountQuotaResourceNameFor: count/<resource>, or count/<resource>.<group>. */
export function objectCountResourceName(info: { group: string; resource: string }): string {
  return info.group === '' ? `count/${info.resource}` : `count/${info.resource}.${info.group}`;
}

/** The object counts the legacy quota names stand for (core/registry.go legacyObjectCountAliases). */
const LEGACY_ALIASES: Readonly<Record<string, string>> = { configmaps: 'configmaps', resourcequotas: 'resourcequotas', replicationcontrollers: 'replicationcontrollers', secrets: 'secrets' };

/** NewObjectCountEvaluator: one of the object, under count/<resource> (and its legacy name). */
function objectCountEvaluator(kind: KindInfo): Evaluator {
  const names = [objectCountResourceName(kind)];
  const alias = kind.group === '' ? LEGACY_ALIASES[kind.resource] : undefined;
  if (alias) names.push(alias);
  return {
    kind,
    matchingResources: (input) => intersection(input, names),
    matchesScope: () => false,
    constraints: () => undefined,
    usage: () => new Map(names.map((n) => [n, one()])),
  };
}

// pods.go
const POD_RESOURCES = ['count/pods', 'cpu', 'memory', 'ephemeral-storage', 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage', 'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods'];
const POD_RESOURCE_PREFIXES = ['hugepages-', 'requests.hugepages-'];
/** "it was a mistake, but if a quota tracks cpu or memory related resources, the incoming pod is required to have those values set." */
const VALIDATION_SET = new Set(['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory']);

/** helper.IsNativeResource: unqualified, or qualified with kubernetes.io/. */
function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** helper.IsExtendedResourceName: not native and not already a "requests." quota name. */
function isExtendedResourceName(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith('requests.');
}

/** isExtendedResourceNameForQuota: "only quota objects in format of requests.resourceName is allowed". */
function isExtendedResourceNameForQuota(name: string): boolean {
  return !isNativeResource(name) && name.startsWith('requests.');
}

/** podComputeUsageHelper: what requests and limits mean to a quota. */
function podComputeUsageHelper(requests: Quantities, limits: Quantities): Quantities {
  const out: Quantities = new Map([['pods', one()]]);
  for (const r of ['cpu', 'memory', 'ephemeral-storage']) {
    const request = requests.get(r);
    if (request) {
      out.set(r, request);
      out.set(`requests.${r}`, request);
    }
    const limit = limits.get(r);
    if (limit) out.set(`limits.${r}`, limit);
  }
  for (const [name, request] of requests) {
    if (name.startsWith('hugepages-')) {
      out.set(name, request);
      out.set(`requests.${name}`, request);
    }
    if (isExtendedResourceName(name)) out.set(`requests.${name}`, request);
  }
  return out;
}

function podSpec(pod: Readonly<JsonObject>): JsonObject {
  return asObject(pod.spec) ?? {};
}

function containerLists(pod: Readonly<JsonObject>): JsonObject[] {
  const spec = podSpec(pod);
  const list = (v: unknown) => (Array.isArray(v) ? v.map(asObject).filter((c): c is JsonObject => c !== undefined) : []);
  return [...list(spec.containers), ...list(spec.initContainers)];
}

/**
 * PodRequests / PodLimits (component-helpers/resource/helpers.go, spec values):
 * the containers' aggregate, pod-level resources where set, plus overhead (added
 * to every request, and to a limit only where one is set).
 */
export function podRequestsAndLimits(pod: Readonly<JsonObject>): { requests: Quantities; limits: Quantities } {
  const spec = podSpec(pod);
  const requests = aggregateContainerRequests(spec);
  const limits = aggregateContainerLimits(spec);
  const podLevel = asObject(spec.resources);
  for (const [name, q] of readResourceList(podLevel?.requests)) if (isSupportedPodLevelResource(name)) requests.set(name, q);
  for (const [name, q] of readResourceList(podLevel?.limits)) if (isSupportedPodLevelResource(name)) limits.set(name, q);
  for (const [name, q] of readResourceList(spec.overhead)) {
    const r = requests.get(name);
    requests.set(name, r ? addQuantity(r, q) : q);
    const l = limits.get(name);
    if (l) limits.set(name, addQuantity(l, q));
  }
  return { requests, limits };
}

/** QuotaV1Pod: not terminal, and not past the grace period of a deletion. */
function quotaV1Pod(pod: Readonly<JsonObject>, server: ApiServer): boolean {
  const phase = asString(asObject(pod.status)?.phase);
  if (phase === 'Failed' || phase === 'Succeeded') return false;
  const meta = asObject(pod.metadata);
  const deletion = asString(meta?.deletionTimestamp);
  const grace = meta?.deletionGracePeriodSeconds;
  if (deletion !== '' && typeof grace === 'number') {
    const now = server.clock.epochMs + server.clock.now();
    if (now > Date.parse(deletion) + grace * 1000) return false;
  }
  return true;
}

/** PodUsageFunc: count/pods always; the compute resources while the Pod is not terminal. */
export function podUsage(pod: Readonly<JsonObject>, server: ApiServer): Quantities {
  const result: Quantities = new Map([['count/pods', one()]]);
  if (!quotaV1Pod(pod, server)) return result;
  const { requests, limits } = podRequestsAndLimits(pod);
  return add(result, podComputeUsageHelper(requests, limits));
}

/** Whether a PodAffinityTerm reaches other namespaces. */
function crossNamespaceTerm(term: unknown): boolean {
  const t = asObject(term);
  if (!t) return false;
  return (Array.isArray(t.namespaces) && t.namespaces.length > 0) || (t.namespaceSelector !== undefined && t.namespaceSelector !== null);
}

function usesCrossNamespacePodAffinity(pod: Readonly<JsonObject>): boolean {
  const affinity = asObject(podSpec(pod).affinity);
  for (const key of ['podAffinity', 'podAntiAffinity']) {
    const a = asObject(affinity?.[key]);
    const required = a?.requiredDuringSchedulingIgnoredDuringExecution;
    const preferred = a?.preferredDuringSchedulingIgnoredDuringExecution;
    if (Array.isArray(required) && required.some(crossNamespaceTerm)) return true;
    if (Array.isArray(preferred) && preferred.some((w) => crossNamespaceTerm(asObject(w)?.podAffinityTerm))) return true;
  }
  return false;
}

/** ScopedResourceSelectorRequirementsAsSelector matched against {PriorityClass: <name>} (or no labels). */
function matchesPriorityClassSelector(pod: Readonly<JsonObject>, selector: ScopeSelector): boolean {
  const className = asString(podSpec(pod).priorityClassName);
  const has = className !== '';
  switch (selector.operator) {
    case 'In':
      return has && selector.values.includes(className);
    case 'NotIn':
      return !has || !selector.values.includes(className);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    default:
      return false;
  }
}

/** podMatchesScopeFunc. */
function podMatchesScope(selector: ScopeSelector, pod: Readonly<JsonObject>): boolean {
  const spec = podSpec(pod);
  const terminating = typeof spec.activeDeadlineSeconds === 'number' && spec.activeDeadlineSeconds >= 0;
  const bestEffort = () => getPodQOS(pod as PodLike) === 'BestEffort';
  switch (selector.scopeName) {
    case 'Terminating':
      return terminating;
    case 'NotTerminating':
      return !terminating;
    case 'BestEffort':
      return bestEffort();
    case 'NotBestEffort':
      return !bestEffort();
    case 'PriorityClass':
      return selector.operator === 'Exists' ? asString(spec.priorityClassName) !== '' : matchesPriorityClassSelector(pod, selector);
    case 'CrossNamespacePodAffinity':
      return usesCrossNamespacePodAffinity(pod);
    default:
      return false;
  }
}

/** Adds the name of a container missing each required resource. */
function enforcePodContainerConstraints(container: JsonObject, required: ReadonlySet<string>, missing: Map<string, Set<string>>): void {
  const resources = asObject(container.resources);
  const have = podComputeUsageHelper(readResourceList(resources?.requests), readResourceList(resources?.limits));
  for (const name of required) {
    if (have.has(name)) continue;
    let names = missing.get(name);
    if (!names) missing.set(name, (names = new Set()));
    names.add(asString(container.name));
  }
}

const POD_KIND = KINDS.find((k) => k.group === '' && k.kind === 'Pod') as KindInfo;

/** The pods evaluator (NewPodEvaluator). */
const podEvaluator: Evaluator = {
  kind: POD_KIND,
  matchingResources(input) {
    const out = intersection(input, POD_RESOURCES);
    for (const name of input) {
      if (POD_RESOURCE_PREFIXES.some((p) => name.startsWith(p))) out.push(name);
      if (isExtendedResourceNameForQuota(name)) out.push(name);
    }
    return out;
  },
  matchesScope: (selector, pod) => podMatchesScope(selector, pod),
  constraints(required, pod) {
    const requiredSet = new Set(required.filter((r) => VALIDATION_SET.has(r)));
    const missing = new Map<string, Set<string>>();
    for (const c of containerLists(pod)) enforcePodContainerConstraints(c, requiredSet, missing);
    if (missing.size === 0) return undefined;
    const parts = [...missing.keys()].sort().map((r) => `${r} for: ${[...missing.get(r)!].sort().join(',')}`);
    return `must specify ${parts.join('; ')}`;
  },
  usage: (pod, server) => podUsage(pod, server),
};

/** Resources quota admission never charges (virtual or never quota-ed before). */
const IGNORED_RESOURCES = new Set(['/bindings', '/componentstatuses', '/events', 'events.k8s.io/events']);

const evaluators = new Map<string, Evaluator>();

/** The evaluator of a kind: a registered one, else an object count (Evaluate adds one on first use). */
function evaluatorFor(kind: KindInfo): Evaluator {
  const key = `${kind.group}/${kind.resource}`;
  let e = evaluators.get(key);
  if (!e) {
    e = kind.group === '' && kind.resource === 'pods' ? podEvaluator : objectCountEvaluator(kind);
    evaluators.set(key, e);
  }
  return e;
}

/** generic.Matches: the quota tracks something the evaluator measures, and every scope selects the object. */
function matches(evaluator: Evaluator, quota: QuotaState, object: Readonly<JsonObject>, server: ApiServer): boolean {
  if (evaluator.matchingResources([...quota.hard.keys()]).length === 0) return false;
  return scopeSelectorsOf(quota.object).every((s) => evaluator.matchesScope(s, object, server));
}

/** A quota refusal and the quotas with the usage the request would add. */
type CheckResult = { refused: string } | { quotas: QuotaState[]; changed: boolean[] };

/**
 * CheckRequest for a CREATE: the quotas that match the object must have room
 * for its usage; returns the quotas with their new status.used, or the reason
 * for a 403. (Update charging, limited resources and scopes from an admission
 * configuration are not modelled: no evaluator here handles updates, and
 * kube-apiserver configures none by default.)
 */
function checkRequest(quotas: readonly QuotaState[], object: Readonly<JsonObject>, evaluator: Evaluator, server: ApiServer): CheckResult {
  const interesting: number[] = [];
  for (let i = 0; i < quotas.length; i++) {
    const quota = quotas[i];
    if (!matches(evaluator, quota, object, server)) continue;
    const restricted = evaluator.matchingResources([...quota.hard.keys()]);
    const failed = evaluator.constraints(restricted, object);
    if (failed !== undefined) return { refused: `failed quota: ${quota.name}: ${failed}` };
    if (!hasUsageStats(quota.object, restricted)) {
      return { refused: `status unknown for quota: ${quota.name}, resources: ${prettyPrintResourceNames(restricted)}` };
    }
    interesting.push(i);
  }
  const usage = evaluator.usage(object, server);
  const negative = isNegative(usage);
  if (negative.length > 0) return { refused: `quota usage is negative for resource(s): ${prettyPrintResourceNames(negative)}` };
  const delta = removeZeros(usage);
  const out = [...quotas];
  const changed = quotas.map(() => false);
  if (interesting.length === 0 || delta.size === 0) return { quotas: out, changed };
  for (const i of interesting) {
    const quota = quotas[i];
    const requested = mask(delta, quota.hard.keys());
    const newUsage = add(quota.used, requested);
    const { allowed, exceeded } = lessThanOrEqual(mask(newUsage, requested.keys()), quota.hard);
    if (!allowed) {
      return {
        refused: `exceeded quota: ${quota.name}, requested: ${prettyPrint(mask(requested, exceeded))}, used: ${prettyPrint(mask(quota.used, exceeded))}, limited: ${prettyPrint(mask(quota.hard, exceeded))}`,
      };
    }
    out[i] = { ...quota, used: newUsage };
    changed[i] = !equals(quota.used, newUsage);
  }
  return { quotas: out, changed };
}

/** The stored quota with a new status.used (status.hard kept), for UpdateQuotaStatus. */
function withUsed(quota: QuotaState): JsonObject {
  const object = structuredClone(quota.object) as JsonObject;
  const status = asObject(object.status) ?? {};
  status.used = writeList(quota.used);
  object.status = status;
  return object;
}

/**
 * The quota evaluation of one request (Evaluate → checkAttributes →
 * checkQuotas), its refusal as a 403, or the quota status updates it makes.
 */
function evaluate(a: AdmissionAttributes): ApiResult | undefined {
  if (!a.kind.namespaced || a.namespace === '') return undefined;
  if (IGNORED_RESOURCES.has(`${a.kind.group}/${a.kind.resource}`)) return undefined;
  // Handles: both the pods and the object count evaluators charge creates only (a Pod's resize is not modelled).
  if (a.operation !== 'CREATE') return undefined;
  const evaluator = evaluatorFor(a.kind);
  const stored = a.server.list('v1', 'ResourceQuota', a.namespace).items ?? [];
  if (stored.length === 0) return undefined;
  const object = withNamespace(a.object, a.namespace);
  const result = checkRequest(stored.map(quotaState), object, evaluator, a.server);
  if ('refused' in result) return statusErrors.forbidden(a.kind.group, a.kind.resource, a.name, result.refused);
  // "Don't update quota for admissionAttributes that correspond to dry-run requests"
  if (a.dryRun) return undefined;
  // UpdateQuotaStatus for each quota whose usage changed, before the object is stored.
  for (let i = 0; i < result.quotas.length; i++) {
    if (!result.changed[i]) continue;
    const written = a.server.updateStatus(withUsed(result.quotas[i]));
    if (written.code >= 400) return written;
  }
  return undefined;
}

/** "if accessor.GetNamespace() == "" { accessor.SetNamespace(namespace) }" */
function withNamespace(object: Readonly<JsonObject>, namespace: string): Readonly<JsonObject> {
  if (asString(asObject(object.metadata)?.namespace) !== '') return object;
  return { ...object, metadata: { ...(asObject(object.metadata) ?? {}), namespace } };
}

/**
 * The ResourceQuota admission plugin (a validating one), last in
 * kube-apiserver's order.
 *
 * @example
 *   api.create(podRequesting1Gi).message
 *   // 'pods "web" is forbidden: exceeded quota: compute, requested: requests.memory=1Gi, used: requests.memory=1536Mi, limited: requests.memory=2Gi'
 */
export const resourceQuota: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate: evaluate,
};

// ---- The resource quota controller's sync ------------------------------------------------------

/**
 * The evaluators the controller measures with: pods, and an object count for
 * every namespaced kind this API server serves.
 */
function controllerEvaluators(): Evaluator[] {
  return KINDS.filter((k) => k.namespaced && !IGNORED_RESOURCES.has(`${k.group}/${k.resource}`)).map(evaluatorFor);
}

/** CalculateUsage: each evaluator's usage stats (CalculateUsageStats) of the namespace, masked to what it matched. */
function calculateUsage(server: ApiServer, namespace: string, quota: Readonly<JsonObject>, hard: Quantities): Quantities {
  const hardNames = [...hard.keys()];
  const all = controllerEvaluators();
  const matched = intersection(hardNames, all.flatMap((e) => e.matchingResources(hardNames)));
  const selectors = scopeSelectorsOf(quota);
  let usage: Quantities = new Map();
  for (const e of all) {
    const names = e.matchingResources(matched);
    if (names.length === 0) continue;
    // "result.Used[resourceName] = resource.Quantity{Format: resource.DecimalSI}" for every resource asked for
    let used: Quantities = new Map(names.map((n) => [n, ZERO]));
    const apiVersion = e.kind.group === '' ? e.kind.version : `${e.kind.group}/${e.kind.version}`;
    for (const item of server.list(apiVersion, e.kind.kind, namespace).items ?? []) {
      if (!selectors.every((s) => e.matchesScope(s, item, server))) continue;
      used = add(used, e.usage(item, server));
    }
    usage = add(usage, used);
  }
  return mask(usage, matched);
}

/**
 * syncResourceQuota of pkg/controller/resourcequota for every quota (of one
 * namespace, or all) whose status the controller has not written yet
 * (status.hard differs from spec.hard, or status.hard or status.used is
 * missing): status.hard becomes spec.hard and status.used what the namespace
 * holds now (a used value it cannot count is kept), written through the
 * status subresource. A quota whose status is already complete is left as the
 * controller last wrote it. Returns the quotas it wrote.
 *
 * @example
 *   api.seed(quotaWithoutStatus); api.seed(podRequesting256Mi);
 *   syncResourceQuotas(api);  // status.used['requests.memory'] === '256Mi'
 */
export function syncResourceQuotas(server: ApiServer, namespace?: string): Readonly<JsonObject>[] {
  const written: Readonly<JsonObject>[] = [];
  for (const quota of server.list('v1', 'ResourceQuota', namespace).items ?? []) {
    const status = asObject(quota.status);
    const specHard = readResourceList(asObject(quota.spec)?.hard);
    const dirty = status?.hard === undefined || status.hard === null || status.used === undefined || status.used === null || !equals(specHard, readResourceList(status.hard));
    if (!dirty) continue;
    const ns = asString(asObject(quota.metadata)?.namespace);
    let used = readResourceList(status?.used);
    for (const [k, v] of calculateUsage(server, ns, quota, specHard)) used.set(k, v);
    used = mask(used, specHard.keys());
    const object = structuredClone(quota) as JsonObject;
    object.status = { hard: writeList(specHard), used: writeList(used) };
    const result = server.updateStatus(object);
    if (result.code < 400 && result.object) written.push(result.object as Readonly<JsonObject>);
  }
  return written;
}

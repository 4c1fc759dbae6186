// Priority: a new Pod's spec.priorityClassName is resolved into spec.priority
// and spec.preemptionPolicy; a Pod that names no class gets the globalDefault
// class (the one with the lowest value if several claim it), or priority 0 and
// PreemptLowerPriority when there is none. A Pod that names a class that does
// not exist, or sets a priority or preemption policy other than the class's,
// is refused (403 Forbidden). An update keeps the priority written at
// creation. A second globalDefault PriorityClass is refused.
// src: plugin/pkg/admission/priority/admission.go (v1.36: Admit, Validate, admitPod,
//      validatePriorityClass, getDefaultPriorityClass, getDefaultPriority),
//      pkg/apis/scheduling/types.go and helpers.go (the two system classes,
//      DefaultPriorityWhenNoDefaultClassExists)

import type { JsonObject } from '../../apimachinery/json.ts';
import { asObject, asOptionalInt, asString } from '../../apimachinery/json.ts';
import type { ApiServer } from '../api-server.ts';
import type { KindInfo } from '../kinds.ts';
import type { ApiResult } from '../result.ts';
import { statusErrors } from '../result.ts';
import type { AdmissionAttributes, AdmissionPlugin } from './chain.ts';

export const PRIORITY_CLASS_API_VERSION = 'scheduling.k8s.io/v1';

/** scheduling.HighestUserDefinablePriority. */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1000000000;
/** scheduling.SystemCriticalPriority: 2 × HighestUserDefinablePriority. */
export const SYSTEM_CRITICAL_PRIORITY = 2 * HIGHEST_USER_DEFINABLE_PRIORITY;
/** scheduling.DefaultPriorityWhenNoDefaultClassExists. */
export const DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS = 0;
/** scheduling.SystemPriorityClassPrefix: names with it are reserved. */
export const SYSTEM_PRIORITY_CLASS_PREFIX = 'system-';

/**
 * The two classes kube-apiserver creates at start-up (its post-start hook
 * scheduling/bootstrap-system-priority-classes, pkg/registry/scheduling/rest/storage_scheduling.go),
 * as they are stored (preemptionPolicy defaulted). An API server here need
 * not have them stored: the plugin knows them, as every cluster has them.
 */
export const SYSTEM_PRIORITY_CLASSES: readonly Readonly<JsonObject>[] = Object.freeze([
  Object.freeze({
    apiVersion: PRIORITY_CLASS_API_VERSION,
    kind: 'PriorityClass',
    metadata: { name: 'system-node-critical' },
    value: SYSTEM_CRITICAL_PRIORITY + 1000,
    description: 'Used for system critical pods that must not be moved from their current node.',
    preemptionPolicy: 'PreemptLowerPriority',
  }),
  Object.freeze({
    apiVersion: PRIORITY_CLASS_API_VERSION,
    kind: 'PriorityClass',
    metadata: { name: 'system-cluster-critical' },
    value: SYSTEM_CRITICAL_PRIORITY,
    description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    preemptionPolicy: 'PreemptLowerPriority',
  }),
]);

/** What the plugin reads PriorityClasses through (upstream: an informer's lister). */
export interface PriorityClassLister {
  get(name: string): Readonly<JsonObject> | undefined;
  list(): readonly Readonly<JsonObject>[];
  /** getDefaultPriorityClass over list(); a snapshot works it out once. */
  defaultClass(): Readonly<JsonObject> | undefined;
}

/**
 * The PriorityClasses an API server stores, with the two system classes when
 * it does not store them. Reads the server on every call; `snapshot` copies
 * the list once (for many Pods admitted while no PriorityClass changes).
 */
export function priorityClassLister(server: ApiServer, options: { snapshot?: boolean } = {}): PriorityClassLister {
  const stored = (): readonly Readonly<JsonObject>[] => {
    const listed = server.list(PRIORITY_CLASS_API_VERSION, 'PriorityClass').items ?? [];
    const names = new Set(listed.map(nameOf));
    return [...listed, ...SYSTEM_PRIORITY_CLASSES.filter((pc) => !names.has(nameOf(pc)))];
  };
  if (options.snapshot) {
    const items = stored();
    const byName = new Map(items.map((pc) => [nameOf(pc), pc]));
    const dpc = lowestGlobalDefault(items);
    return { get: (name) => byName.get(name), list: () => items, defaultClass: () => dpc };
  }
  return {
    get: (name) => server.peek({ apiVersion: PRIORITY_CLASS_API_VERSION, kind: 'PriorityClass', name }) ?? SYSTEM_PRIORITY_CLASSES.find((pc) => nameOf(pc) === name),
    list: stored,
    defaultClass: () => lowestGlobalDefault(stored()),
  };
}

/**
 * getDefaultPriorityClass: the globalDefault class; "in case more than one
 * global default priority class is added as a result of a race condition, we
 * pick the one with the lowest priority value".
 */
export function defaultPriorityClass(lister: PriorityClassLister): Readonly<JsonObject> | undefined {
  return lister.defaultClass();
}

function lowestGlobalDefault(classes: readonly Readonly<JsonObject>[]): Readonly<JsonObject> | undefined {
  let found: Readonly<JsonObject> | undefined;
  for (const pc of classes) {
    if (pc.globalDefault !== true) continue;
    if (!found || valueOf(found) > valueOf(pc)) found = pc;
  }
  return found;
}

/**
 * admitPod on CREATE: fills spec.priorityClassName (from the default class),
 * spec.priority and spec.preemptionPolicy of `pod` (the request's copy, after
 * decoding and defaults), or returns the refusal.
 *
 * @example
 *   admitPodPriority(pod, 'web', lister)
 *   // pod.spec.priorityClassName 'critical' → pod.spec.priority 100000, pod.spec.preemptionPolicy 'PreemptLowerPriority'
 *   // an unknown class → pods "web" is forbidden: no PriorityClass with name gold was found
 */
export function admitPodPriority(pod: JsonObject, name: string, lister: PriorityClassLister): ApiResult | undefined {
  const spec = asObject(pod.spec);
  if (!spec) return undefined;
  const forbidden = (why: string): ApiResult => statusErrors.forbidden('', 'pods', name || 'Unknown', why);
  let priority: number;
  let preemptionPolicy: string | undefined;
  const className = asString(spec.priorityClassName);
  if (className === '') {
    // getDefaultPriority: the default class, or 0 and PreemptLowerPriority.
    const dpc = defaultPriorityClass(lister);
    if (dpc) {
      spec.priorityClassName = nameOf(dpc);
      priority = valueOf(dpc);
      preemptionPolicy = policyOf(dpc);
    } else {
      priority = DEFAULT_PRIORITY_WHEN_NO_DEFAULT_CLASS_EXISTS;
      preemptionPolicy = 'PreemptLowerPriority';
    }
  } else {
    const pc = lister.get(className);
    if (!pc) return forbidden(`no PriorityClass with name ${className} was found`);
    priority = valueOf(pc);
    preemptionPolicy = policyOf(pc);
  }
  const given = asOptionalInt(spec.priority);
  if (given !== undefined && given !== priority) {
    return forbidden(`the integer value of priority (${given}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
  }
  spec.priority = priority;
  if (preemptionPolicy !== undefined) {
    const givenPolicy = typeof spec.preemptionPolicy === 'string' ? spec.preemptionPolicy : undefined;
    if (givenPolicy !== undefined && givenPolicy !== preemptionPolicy) {
      return forbidden(`the string value of PreemptionPolicy (${givenPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`);
    }
    spec.preemptionPolicy = preemptionPolicy;
  }
  return undefined;
}

/**
 * The Priority admission plugin, for an Admission chain in kube-apiserver's
 * order (after NamespaceLifecycle, LimitRanger, ServiceAccount, ...).
 *
 * @example
 *   const api = new ApiServer({ admission: new Admission([namespaceLifecycle, priority]) });
 *   api.create(podNamingClass('gold')).message  // 'pods "web" is forbidden: no PriorityClass with name gold was found'
 */
export const priority: AdmissionPlugin = {
  name: 'Priority',
  admit(a) {
    if (!isKind(a.kind, '', 'Pod')) return undefined;
    if (a.operation === 'CREATE') return admitPodPriority(a.object, a.name, priorityClassLister(a.server));
    if (a.operation === 'UPDATE' && a.oldObject) {
      // "This admission plugin set pod.Spec.Priority on create. Ensure the existing priority is preserved on update."
      const spec = asObject(a.object.spec);
      const oldSpec = asObject(a.oldObject.spec);
      if (spec && oldSpec) {
        // JSON null is Go's nil too.
        if (spec.priority == null && oldSpec.priority != null) spec.priority = oldSpec.priority;
        if (spec.preemptionPolicy == null && oldSpec.preemptionPolicy != null) spec.preemptionPolicy = oldSpec.preemptionPolicy;
      }
    }
    return undefined;
  },
  validate(a) {
    if (!isKind(a.kind, 'scheduling.k8s.io', 'PriorityClass')) return undefined;
    if (a.operation !== 'CREATE' && a.operation !== 'UPDATE') return undefined;
    return validatePriorityClass(a);
  },
};

/** validatePriorityClass: only one class may be the global default. */
function validatePriorityClass(a: AdmissionAttributes): ApiResult | undefined {
  if (a.object.globalDefault !== true) return undefined;
  const dpc = defaultPriorityClass(priorityClassLister(a.server));
  if (!dpc) return undefined;
  if (a.operation === 'CREATE' || (a.operation === 'UPDATE' && nameOf(dpc) !== a.name)) {
    return statusErrors.forbidden('scheduling.k8s.io', 'priorityclasses', a.name, `PriorityClass ${nameOf(dpc)} is already marked as default. Only one default can exist`);
  }
  return undefined;
}

function isKind(info: KindInfo, group: string, kind: string): boolean {
  return info.group === group && info.kind === kind;
}

function nameOf(pc: Readonly<JsonObject>): string {
  return asString(asObject(pc.metadata)?.name);
}

function valueOf(pc: Readonly<JsonObject>): number {
  return asOptionalInt(pc.value) ?? 0;
}

function policyOf(pc: Readonly<JsonObject>): string | undefined {
  return typeof pc.preemptionPolicy === 'string' ? pc.preemptionPolicy : undefined;
}

// A Pod, read once and compiled into what the plugins need (like framework.PodInfo).
// The engine reads Pods as the API server stored them (decoded, defaulted, validated, priority
// resolved by the Priority admission plugin), so nothing here validates: a value the API server
// would refuse is compiled the way the scheduler's own code treats it (an unparsable selector
// matches nothing, an unknown operator tolerates nothing). Only what cannot be compiled at all
// (a list where a mapping belongs, a quantity that does not parse) is a ValidationError, for the
// plugin-level functions that take objects straight from the caller.
// src: pkg/scheduler/framework/types.go (NewPodInfo, AffinityTerm, getNamespacesFromPodAffinityTerm),
//      staging/src/k8s.io/api/core/v1/types.go for field names.

import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';
import { Selector } from '../apimachinery/labels.ts';
import { NodeSelector } from '../apimachinery/node-selector.ts';
import type { Labels, Requirement } from '../apimachinery/labels.ts';
import { DEFAULT_NAMESPACE, DEFAULT_SCHEDULER_NAME } from './names.ts';
import { aggregateRequests } from './pod-requests.ts';
import { readPodResources } from './pod-resources.ts';
import { toSchedulerUnits } from './resources.ts';
import type { NanoList } from './resources.ts';
import {
  deterministicUid,
  intAt,
  isObject,
  labelsAt,
  listAt,
  objectAt,
  stringAt,
} from './read-helpers.ts';
import { readLabelSelector, readNodeSelector, readNodeSelectorTerm } from './selector-read.ts';
import type { ReadMode } from './selector-read.ts';


export interface Toleration {
  readonly key: string;
  /** 'Exists', 'Equal' or '' (Equal); anything else tolerates nothing (toleration.go ToleratesTaint). */
  readonly operator: string;
  readonly value: string;
  /** '' tolerates every effect. */
  readonly effect: string;
  readonly tolerationSeconds?: number;
}

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

/** A parsed PodAffinityTerm. */
export interface AffinityTerm {
  readonly selector: Selector;
  readonly namespaces: ReadonlySet<string>;
  /** Nothing when the term has no namespaceSelector. */
  readonly namespaceSelector: Selector;
  readonly topologyKey: string;
}

export interface WeightedAffinityTerm extends AffinityTerm {
  readonly weight: number;
}

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  /** 'DoNotSchedule' filters, 'ScheduleAnyway' scores (the plugin compares the string). */
  readonly whenUnsatisfiable: string;
  readonly selector: Selector;
  readonly matchLabelKeys: readonly string[];
  readonly minDomains: number | null;
  readonly nodeAffinityPolicy: 'Honor' | 'Ignore';
  readonly nodeTaintsPolicy: 'Honor' | 'Ignore';
}

export interface OwnerRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
}

export interface PreferredNodeTerm {
  readonly weight: number;
  readonly term: NodeSelector;
}

/** Everything the scheduler reads from one Pod, parsed once. */
export interface PodInfo {
  readonly raw: JsonObject;
  readonly name: string;
  readonly namespace: string;
  /** metadata.uid as given ('' when absent: see podUid). */
  readonly uid: string;
  readonly labels: Labels;
  priority: number;
  readonly preemptionPolicy: 'PreemptLowerPriority' | 'Never';
  readonly priorityClassName: string;
  readonly schedulerName: string;
  /** spec.nodeName as written: set for running Pods. */
  readonly specNodeName: string;
  nominatedNodeName: string;
  readonly gated: boolean;
  readonly deleting: boolean;
  /** Requests in scheduler units (cpu in millicores), without non-zero defaults. */
  readonly cpu: number;
  readonly memory: number;
  readonly ephemeral: number;
  readonly scalars: Readonly<Record<string, number>> | null;
  /** The Pod requests nothing at all (fit.go skips the resource checks). */
  readonly requestsNothing: boolean;
  /** Non-zero requests for scoring: containers without a cpu/memory request count 100m/200Mi. */
  readonly nonZeroCpu: number;
  readonly nonZeroMemory: number;
  readonly hostPorts: readonly HostPort[];
  readonly tolerations: readonly Toleration[];
  readonly nodeSelector: Labels | null;
  /** Null when the Pod has no requiredDuringScheduling node affinity. */
  readonly requiredNodeAffinity: NodeSelector | null;
  /** Raw terms, kept for NodeAffinity's PreFilterResult (matchFields metadata.name In). */
  readonly requiredNodeAffinityTerms: readonly JsonObject[] | null;
  readonly preferredNodeAffinity: readonly PreferredNodeTerm[] | null;
  readonly requiredAffinityTerms: readonly AffinityTerm[];
  readonly requiredAntiAffinityTerms: readonly AffinityTerm[];
  readonly preferredAffinityTerms: readonly WeightedAffinityTerm[];
  readonly preferredAntiAffinityTerms: readonly WeightedAffinityTerm[];
  /** A selector in an affinity term did not parse (never for a stored Pod: the API server refuses them). */
  readonly affinityParseError: string | null;
  /** Has any pod affinity or anti-affinity (NodeInfo.PodsWithAffinity). */
  readonly hasAffinity: boolean;
  readonly spreadConstraints: readonly SpreadConstraint[];
  /** Container images, init containers first, normalized with `:latest`. */
  readonly images: readonly string[];
  readonly ownerRef: OwnerRef | null;
  /** Position in the input: PrioritySort's tie-break (the queue timestamp). */
  readonly arrival: number;
  /** The node the Pod is bound to in the simulation ('' while pending). */
  node: string;
}

export interface PodReadContext {
  /** Position in the input: PrioritySort's tie-break (the queue timestamp). */
  arrival: number;
}

/** Pods are never validated here (the API server did it): selectors compile the scheduler's lenient way. */
const COMPILE: ReadMode = { strict: false };

/** The Pod's UID: metadata.uid, or a deterministic stand-in for the API server's random one. */
export function podUid(pod: PodInfo): string {
  return pod.uid || deterministicUid(`${pod.namespace}/${pod.name}`);
}

/** imagelocality.go normalizedImageName: a reference without tag or digest gets ":latest". */
export function normalizedImageName(name: string): string {
  if (name.lastIndexOf(':') <= name.lastIndexOf('/') && !name.includes('@')) return `${name}:latest`;
  return name;
}

function nanoToUnits(list: NanoList): { cpu: number; memory: number; ephemeral: number; scalars: Record<string, number> | null } {
  let scalars: Record<string, number> | null = null;
  let cpu = 0;
  let memory = 0;
  let ephemeral = 0;
  for (const [name, nano] of list) {
    const units = toSchedulerUnits(name, nano);
    if (name === 'cpu') cpu = units;
    else if (name === 'memory') memory = units;
    else if (name === 'ephemeral-storage') ephemeral = units;
    else if (name !== 'pods') {
      scalars ??= Object.create(null) as Record<string, number>;
      scalars[name] = units;
    }
  }
  return { cpu, memory, ephemeral, scalars };
}

type Units = ReturnType<typeof nanoToUnits>;

/**
 * Pods stamped from one template have identical containers: their requests are worked out
 * once (the quantity arithmetic is exact, in BigInt, and not cheap). Keyed by the content
 * readPodResources reads; a spec whose quantities do not parse is never stored (the read throws).
 */
const resourceMemo = new Map<string, { plain: Units; nonZero: Units }>();
const RESOURCE_MEMO_LIMIT = 2000;

/** The parts of a resource list that decide the units, or null when it needs the full (checking) read. */
function listKey(raw: unknown): string | null {
  if (raw === undefined || raw === null) return '';
  if (typeof raw !== 'object' || Array.isArray(raw)) return null;
  let key = '';
  for (const name in raw as Record<string, unknown>) {
    const v = (raw as Record<string, unknown>)[name];
    if (typeof v !== 'string' && typeof v !== 'number') return null;
    key += `${name}=${typeof v}:${v},`;
  }
  return key;
}

function containersKey(raw: unknown, init: boolean): string | null {
  if (raw === undefined || raw === null) return '';
  if (!Array.isArray(raw)) return null;
  let key = '';
  for (const c of raw) {
    if (c === null || typeof c !== 'object' || Array.isArray(c)) return null;
    const resources = (c as Record<string, unknown>).resources;
    if (resources !== undefined && (resources === null || typeof resources !== 'object' || Array.isArray(resources))) return null;
    const r = resources as Record<string, unknown> | undefined;
    const requests = listKey(r?.requests);
    if (requests === null) return null;
    key += `[${init && (c as Record<string, unknown>).restartPolicy === 'Always' ? 's' : ''}${requests}]`;
  }
  return key;
}

function resourceKey(spec: JsonObject): string | null {
  const containers = containersKey(spec.containers, false);
  const init = containersKey(spec.initContainers, true);
  const overhead = spec.overhead === undefined ? '-' : listKey(spec.overhead);
  if (containers === null || init === null || overhead === null) return null;
  return `${containers}#${init}#${overhead}`;
}

function resourceUnits(obj: JsonObject, spec: JsonObject): { plain: Units; nonZero: Units } {
  const key = resourceKey(spec);
  const hit = key === null ? undefined : resourceMemo.get(key);
  if (hit) return hit;
  const resources = readPodResources(obj);
  const units = { plain: nanoToUnits(aggregateRequests(resources)), nonZero: nanoToUnits(aggregateRequests(resources, { nonZero: true })) };
  if (key !== null && resourceMemo.size < RESOURCE_MEMO_LIMIT) resourceMemo.set(key, units);
  return units;
}

function readTolerations(raw: JsonValue | undefined, pod: JsonObject): Toleration[] {
  return listAt(raw, pod, ['spec', 'tolerations']).map((t, i) => {
    const path = ['spec', 'tolerations', i];
    if (!isObject(t)) throw new ValidationError('Invalid value: must be a mapping', { object: pod, path });
    const seconds = intAt(t.tolerationSeconds, pod, [...path, 'tolerationSeconds']);
    return {
      key: stringAt(t.key, pod, [...path, 'key']) ?? '',
      operator: stringAt(t.operator, pod, [...path, 'operator']) ?? '',
      value: stringAt(t.value, pod, [...path, 'value']) ?? '',
      effect: stringAt(t.effect, pod, [...path, 'effect']) ?? '',
      ...(seconds === undefined ? {} : { tolerationSeconds: seconds }),
    };
  });
}

function readHostPorts(pod: JsonObject): HostPort[] {
  const spec = objectAt(pod.spec, pod, ['spec']) ?? {};
  const out: HostPort[] = [];
  // nodeports/node_ports.go getContainerPorts (v1.33): regular containers only.
  listAt(spec.containers, pod, ['spec', 'containers']).forEach((c, ci) => {
    if (!isObject(c)) return;
    listAt(c.ports, pod, ['spec', 'containers', ci, 'ports']).forEach((p, pi) => {
      if (!isObject(p)) return;
      // Most ports have no hostPort: no path is made for a field that is not there (paths are for errors).
      const port = p.hostPort === undefined ? 0 : (intAt(p.hostPort, pod, ['spec', 'containers', ci, 'ports', pi, 'hostPort']) ?? 0);
      if (port <= 0) return;
      out.push({
        port,
        protocol: stringAt(p.protocol, pod, ['spec', 'containers', ci, 'ports', pi, 'protocol']) || 'TCP',
        ip: stringAt(p.hostIP, pod, ['spec', 'containers', ci, 'ports', pi, 'hostIP']) || '0.0.0.0',
      });
    });
  });
  return out;
}

/** framework.newAffinityTerm + getNamespacesFromPodAffinityTerm. */
function readAffinityTerm(raw: JsonValue, pod: JsonObject, namespace: string, path: (string | number)[]): AffinityTerm {
  if (!isObject(raw)) throw new ValidationError('Invalid value: must be a mapping', { object: pod, path });
  const topologyKey = stringAt(raw.topologyKey, pod, [...path, 'topologyKey']) ?? '';
  const selector = readLabelSelector(raw.labelSelector, pod, [...path, 'labelSelector']);
  const listed = listAt(raw.namespaces, pod, [...path, 'namespaces']).map((n, i) => stringAt(n, pod, [...path, 'namespaces', i]) ?? '');
  const hasNsSelector = raw.namespaceSelector !== undefined && raw.namespaceSelector !== null;
  const namespaces = new Set<string>(listed.length === 0 && !hasNsSelector ? [namespace] : listed);
  const namespaceSelector = readLabelSelector(raw.namespaceSelector, pod, [...path, 'namespaceSelector']);
  const mergedSelector = mergeMatchLabelKeys(raw, selector, pod, path);
  return { selector: mergedSelector, namespaces, namespaceSelector, topologyKey };
}

/**
 * matchLabelKeys / mismatchLabelKeys of a pod (anti-)affinity term: in v1.33 the API server
 * merges them into labelSelector when the Pod is created (KEP-3633, MatchLabelKeysInPodAffinity beta).
 */
function mergeMatchLabelKeys(raw: JsonObject, selector: Selector, pod: JsonObject, path: (string | number)[]): Selector {
  const labels = isObject(pod.metadata) && isObject(pod.metadata.labels) ? (pod.metadata.labels as Record<string, JsonValue>) : {};
  const extra: Requirement[] = [];
  for (const [field, operator] of [['matchLabelKeys', 'In'], ['mismatchLabelKeys', 'NotIn']] as const) {
    listAt(raw[field], pod, [...path, field]).forEach((k, i) => {
      const key = stringAt(k, pod, [...path, field, i]) ?? '';
      const value = labels[key];
      if (typeof value === 'string') extra.push({ key, operator, values: [value] });
    });
  }
  return extra.length === 0 || selector.isNothing ? selector : selector.add(extra);
}

function readWeighted(raw: JsonValue, pod: JsonObject, namespace: string, path: (string | number)[]): WeightedAffinityTerm {
  if (!isObject(raw)) throw new ValidationError('Invalid value: must be a mapping', { object: pod, path });
  const weight = intAt(raw.weight, pod, [...path, 'weight']) ?? 0;
  return { ...readAffinityTerm(raw.podAffinityTerm ?? {}, pod, namespace, [...path, 'podAffinityTerm']), weight };
}

function readSpread(raw: JsonValue | undefined, pod: JsonObject): SpreadConstraint[] {
  return listAt(raw, pod, ['spec', 'topologySpreadConstraints']).map((c, i) => {
    const path = ['spec', 'topologySpreadConstraints', i];
    if (!isObject(c)) throw new ValidationError('Invalid value: must be a mapping', { object: pod, path });
    // filtering.go / scoring.go: nil policies mean Honor (node affinity) and Ignore (taints); only Honor honours.
    const policy = (field: 'nodeAffinityPolicy' | 'nodeTaintsPolicy', dflt: 'Honor' | 'Ignore'): 'Honor' | 'Ignore' => {
      const v = stringAt(c[field], pod, [...path, field]);
      return v === undefined ? dflt : v === 'Honor' ? 'Honor' : 'Ignore';
    };
    return {
      maxSkew: intAt(c.maxSkew, pod, [...path, 'maxSkew']) ?? 0,
      topologyKey: stringAt(c.topologyKey, pod, [...path, 'topologyKey']) ?? '',
      whenUnsatisfiable: stringAt(c.whenUnsatisfiable, pod, [...path, 'whenUnsatisfiable']) ?? '',
      selector: readLabelSelector(c.labelSelector, pod, [...path, 'labelSelector']),
      matchLabelKeys: listAt(c.matchLabelKeys, pod, [...path, 'matchLabelKeys']).map((k, j) => stringAt(k, pod, [...path, 'matchLabelKeys', j]) ?? ''),
      minDomains: intAt(c.minDomains, pod, [...path, 'minDomains']) ?? null,
      nodeAffinityPolicy: policy('nodeAffinityPolicy', 'Honor'),
      nodeTaintsPolicy: policy('nodeTaintsPolicy', 'Ignore'),
    };
  });
}

function readImages(pod: JsonObject): string[] {
  const spec = objectAt(pod.spec, pod, ['spec']) ?? {};
  const images: string[] = [];
  for (const field of ['initContainers', 'containers'] as const) {
    listAt(spec[field], pod, ['spec', field]).forEach((c, i) => {
      if (!isObject(c)) return;
      const image = typeof c.image === 'string' ? c.image : stringAt(c.image, pod, ['spec', field, i, 'image']);
      if (image) images.push(normalizedImageName(image));
    });
  }
  return images;
}

/**
 * Compiles a Pod: as stored by the API server (the engine), or as a caller gives it (the
 * plugin-level functions, which default it first as the API server would).
 *
 * @example
 *   const pod = readPod(stored, { arrival: 0 });
 *   pod.cpu        // 250 (millicores requested)
 *   pod.nonZeroCpu // 250, or 100 when no container asks for cpu
 */
// Paths readPod reports errors at, made once (a Pod read makes none unless it is refused).
const P_METADATA: FieldPath = ['metadata'];
const P_NAME: FieldPath = ['metadata', 'name'];
const P_NAMESPACE: FieldPath = ['metadata', 'namespace'];
const P_LABELS: FieldPath = ['metadata', 'labels'];
const P_SPEC: FieldPath = ['spec'];
const P_PRIORITY_CLASS_NAME: FieldPath = ['spec', 'priorityClassName'];
const P_PRIORITY: FieldPath = ['spec', 'priority'];
const P_PREEMPTION_POLICY: FieldPath = ['spec', 'preemptionPolicy'];
const P_AFFINITY: FieldPath = ['spec', 'affinity'];
const P_STATUS: FieldPath = ['status'];
const P_OWNER_REFERENCES: FieldPath = ['metadata', 'ownerReferences'];
const P_SCHEDULING_GATES: FieldPath = ['spec', 'schedulingGates'];
const P_NODE_SELECTOR: FieldPath = ['spec', 'nodeSelector'];
const P_NODE_NAME: FieldPath = ['spec', 'nodeName'];
const P_UID: FieldPath = ['metadata', 'uid'];
const P_SCHEDULER_NAME: FieldPath = ['spec', 'schedulerName'];
const P_NOMINATED_NODE_NAME: FieldPath = ['status', 'nominatedNodeName'];

export function readPod(obj: JsonObject, ctx: PodReadContext): PodInfo {
  const meta = objectAt(obj.metadata, obj, P_METADATA) ?? {};
  const name = stringAt(meta.name, obj, P_NAME) ?? '';
  const namespace = stringAt(meta.namespace, obj, P_NAMESPACE) || DEFAULT_NAMESPACE;
  const labels = labelsAt(meta.labels, obj, P_LABELS);
  const spec = objectAt(obj.spec, obj, P_SPEC) ?? {};
  const images = readImages(obj);

  const { plain, nonZero } = resourceUnits(obj, spec);
  const requestsNothing = plain.cpu === 0 && plain.memory === 0 && plain.ephemeral === 0 && plain.scalars === null;

  // The Priority admission plugin wrote spec.priority and spec.preemptionPolicy when the Pod was
  // created (simulations/apiserver/admission/priority.ts); corev1helpers.PodPriority reads 0 without one.
  const priorityClassName = stringAt(spec.priorityClassName, obj, P_PRIORITY_CLASS_NAME) ?? '';
  const priority = intAt(spec.priority, obj, P_PRIORITY);
  const preemptionPolicy = stringAt(spec.preemptionPolicy, obj, P_PREEMPTION_POLICY);

  const affinity = objectAt(spec.affinity, obj, P_AFFINITY);
  const nodeAff = objectAt(affinity?.nodeAffinity, obj, ['spec', 'affinity', 'nodeAffinity']);
  const reqNodePath = ['spec', 'affinity', 'nodeAffinity', 'requiredDuringSchedulingIgnoredDuringExecution'];
  const requiredNodeRaw = nodeAff?.requiredDuringSchedulingIgnoredDuringExecution;
  const requiredNodeAffinity =
    requiredNodeRaw === undefined || requiredNodeRaw === null ? null : readNodeSelector(requiredNodeRaw, obj, reqNodePath, COMPILE);
  const requiredNodeAffinityTerms =
    requiredNodeAffinity === null
      ? null
      : (listAt(objectAt(requiredNodeRaw, obj, reqNodePath)?.nodeSelectorTerms, obj, [...reqNodePath, 'nodeSelectorTerms']).filter(isObject) as JsonObject[]);
  const prefPath = ['spec', 'affinity', 'nodeAffinity', 'preferredDuringSchedulingIgnoredDuringExecution'];
  const preferredRaw = nodeAff?.preferredDuringSchedulingIgnoredDuringExecution;
  const preferredNodeAffinity =
    preferredRaw === undefined || preferredRaw === null
      ? null
      : listAt(preferredRaw, obj, prefPath).map((p, i) => {
          if (!isObject(p)) throw new ValidationError('Invalid value: must be a mapping', { object: obj, path: [...prefPath, i] });
          const weight = intAt(p.weight, obj, [...prefPath, i, 'weight']) ?? 0;
          const term = readNodeSelectorTerm(p.preference, obj, [...prefPath, i, 'preference'], COMPILE);
          return { weight, term: new NodeSelector(term ? [term] : []) };
        });

  const podAff = objectAt(affinity?.podAffinity, obj, ['spec', 'affinity', 'podAffinity']);
  const podAnti = objectAt(affinity?.podAntiAffinity, obj, ['spec', 'affinity', 'podAntiAffinity']);
  const reqTerms = (src: JsonObject | undefined, field: string) =>
    listAt(src?.requiredDuringSchedulingIgnoredDuringExecution, obj, ['spec', 'affinity', field, 'requiredDuringSchedulingIgnoredDuringExecution']).map((t, i) =>
      readAffinityTerm(t, obj, namespace, ['spec', 'affinity', field, 'requiredDuringSchedulingIgnoredDuringExecution', i]),
    );
  const prefTerms = (src: JsonObject | undefined, field: string) =>
    listAt(src?.preferredDuringSchedulingIgnoredDuringExecution, obj, ['spec', 'affinity', field, 'preferredDuringSchedulingIgnoredDuringExecution']).map((t, i) =>
      readWeighted(t, obj, namespace, ['spec', 'affinity', field, 'preferredDuringSchedulingIgnoredDuringExecution', i]),
    );
  // Without podAffinity and podAntiAffinity (most Pods) the four lists are empty and nothing can fail to parse.
  const noPodAffinity = podAff === undefined && podAnti === undefined;
  const requiredAffinityTerms = noPodAffinity ? [] : reqTerms(podAff, 'podAffinity');
  const requiredAntiAffinityTerms = noPodAffinity ? [] : reqTerms(podAnti, 'podAntiAffinity');
  const preferredAffinityTerms = noPodAffinity ? [] : prefTerms(podAff, 'podAffinity');
  const preferredAntiAffinityTerms = noPodAffinity ? [] : prefTerms(podAnti, 'podAntiAffinity');
  const termCount = requiredAffinityTerms.length + requiredAntiAffinityTerms.length + preferredAffinityTerms.length + preferredAntiAffinityTerms.length;
  // framework.PodInfo.Update: the first unparsable term of each list, prefixed with the list's name,
  // aggregated (utilerrors.NewAggregate: one error alone, several as "[a, b]").
  const parseErrors: string[] = noPodAffinity ? [] : ((
    [
      ['requiredAffinityTerms', requiredAffinityTerms],
      ['requiredAntiAffinityTerms', requiredAntiAffinityTerms],
      ['preferredAffinityTerms', preferredAffinityTerms],
      ['preferredAntiAffinityTerms', preferredAntiAffinityTerms],
    ] as const
  ).flatMap(([list, terms]) => {
    const e = terms.map((t) => t.selector.error ?? t.namespaceSelector.error).find((x) => x);
    return e ? [`${list}: ${e}`] : [];
  }));
  const affinityParseError = parseErrors.length === 0 ? null : parseErrors.length === 1 ? parseErrors[0] : `[${parseErrors.join(', ')}]`;

  const status = objectAt(obj.status, obj, P_STATUS);
  const owners = listAt(meta.ownerReferences, obj, P_OWNER_REFERENCES).filter(isObject);
  const controller = owners.find((o) => o.controller === true);
  const gates = listAt(spec.schedulingGates, obj, P_SCHEDULING_GATES);
  const nodeSelectorRaw = objectAt(spec.nodeSelector, obj, P_NODE_SELECTOR);
  const specNodeName = stringAt(spec.nodeName, obj, P_NODE_NAME) ?? '';

  return {
    raw: obj,
    name,
    namespace,
    uid: stringAt(meta.uid, obj, P_UID) ?? '',
    labels,
    priority: priority ?? 0,
    preemptionPolicy: preemptionPolicy === 'Never' ? 'Never' : 'PreemptLowerPriority',
    priorityClassName,
    schedulerName: stringAt(spec.schedulerName, obj, P_SCHEDULER_NAME) || DEFAULT_SCHEDULER_NAME,
    specNodeName,
    nominatedNodeName: stringAt(status?.nominatedNodeName, obj, P_NOMINATED_NODE_NAME) ?? '',
    gated: gates.length > 0,
    deleting: meta.deletionTimestamp !== undefined && meta.deletionTimestamp !== null,
    cpu: plain.cpu,
    memory: plain.memory,
    ephemeral: plain.ephemeral,
    scalars: plain.scalars,
    requestsNothing,
    nonZeroCpu: nonZero.cpu,
    nonZeroMemory: nonZero.memory,
    hostPorts: readHostPorts(obj),
    tolerations: readTolerations(spec.tolerations, obj),
    nodeSelector: nodeSelectorRaw ? labelsAt(nodeSelectorRaw, obj, P_NODE_SELECTOR) : null,
    requiredNodeAffinity,
    requiredNodeAffinityTerms,
    preferredNodeAffinity,
    requiredAffinityTerms,
    requiredAntiAffinityTerms,
    preferredAffinityTerms,
    preferredAntiAffinityTerms,
    affinityParseError,
    hasAffinity: termCount > 0,
    spreadConstraints: readSpread(spec.topologySpreadConstraints, obj),
    images,
    ownerRef: controller
      ? { apiVersion: String(controller.apiVersion ?? ''), kind: String(controller.kind ?? ''), name: String(controller.name ?? '') }
      : null,
    arrival: ctx.arrival,
    node: specNodeName,
  };
}

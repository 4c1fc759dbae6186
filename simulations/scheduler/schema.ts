// Reads and validates everything a scheduling run takes: Nodes, Pods (running or pending),
// Namespaces, Services, PriorityClasses, workloads expanded into Pods, and an optional
// KubeSchedulerConfiguration. Bad input throws a ValidationError naming the object and field;
// too much input throws a LimitExceededError naming the limit.

import type { TraceStep } from '../shared/engine.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/yaml.ts';
import { Cluster } from './cluster.ts';
import type { ServiceInfo, WorkloadSelector } from './cluster.ts';
import { readSchedulerConfig } from './config.ts';
import type { SchedulerConfig } from './config.ts';
import type { Labels } from '../apimachinery/labels.ts';
import { DEFAULT_NAMESPACE, Labels as WellKnown } from './names.ts';
import { readNode } from './node-info.ts';
import type { NodeInfo } from './node-info.ts';
import { readPod } from './pod-info.ts';
import type { PodInfo, PodReadContext } from './pod-info.ts';
import { intAt, isObject, labelsAt, objectAt, required, stringAt, unsupported } from './read-helpers.ts';
import type { ReadMode } from './selector-read.ts';
import { expandWorkload, requestedReplicas, templatePath } from './workloads.ts';

export const MAX_NODES = 5000;
export const MAX_PODS = 50000;

/** The objects of one run, as Kubernetes JSON. */
export interface ScheduleInput {
  nodes: readonly JsonObject[];
  pods: readonly JsonObject[];
  namespaces?: readonly JsonObject[];
  services?: readonly JsonObject[];
  priorityClasses?: readonly JsonObject[];
  /** Deployments, ReplicaSets and StatefulSets: expanded into Pods. */
  workloads?: readonly JsonObject[];
  /**
   * Optional: the Pods and workloads together in the order they were written. The queue's
   * arrival order (PrioritySort's tie-break) then follows the document instead of
   * "Pods first, then workloads".
   */
  podSources?: readonly JsonObject[];
  config?: JsonObject | null;
}

export interface ReadInput {
  readonly cluster: Cluster;
  readonly pending: PodInfo[];
  readonly running: PodInfo[];
  readonly config: SchedulerConfig;
  readonly warnings: TraceStep[];
}

/** The built-in PriorityClasses every cluster has (pkg/apis/scheduling/types.go). */
const SYSTEM_PRIORITY_CLASSES: Record<string, number> = {
  'system-cluster-critical': 2000000000,
  'system-node-critical': 2000001000,
};

const BUILTIN_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

function nameOf(obj: JsonObject): string {
  const meta = objectAt(obj.metadata, obj, ['metadata']) ?? {};
  const name = stringAt(meta.name, obj, ['metadata', 'name']) ?? '';
  if (name === '') throw required(obj, ['metadata', 'name'], 'name or generateName is required');
  return name;
}

function readNamespaces(list: readonly JsonObject[], mode: ReadMode): Map<string, Labels> {
  const out = new Map<string, Labels>();
  for (const ns of BUILTIN_NAMESPACES) out.set(ns, { [WellKnown.namespaceName]: ns });
  for (const obj of list) {
    const name = nameOf(obj);
    const meta = objectAt(obj.metadata, obj, ['metadata']) ?? {};
    // The API server adds kubernetes.io/metadata.name to every Namespace (NamespaceDefaultLabelName, v1.21+).
    out.set(name, { ...labelsAt(meta.labels, obj, ['metadata', 'labels'], mode.strict), [WellKnown.namespaceName]: name });
  }
  return out;
}

function readServices(list: readonly JsonObject[], mode: ReadMode): ServiceInfo[] {
  return list.map((obj) => {
    const name = nameOf(obj);
    const meta = objectAt(obj.metadata, obj, ['metadata']) ?? {};
    const spec = objectAt(obj.spec, obj, ['spec']) ?? {};
    const selector = spec.selector === undefined || spec.selector === null ? null : labelsAt(spec.selector, obj, ['spec', 'selector'], mode.strict);
    return { name, namespace: stringAt(meta.namespace, obj, ['metadata', 'namespace']) || DEFAULT_NAMESPACE, selector };
  });
}

function priorityResolver(list: readonly JsonObject[], mode: ReadMode): PodReadContext['priorityOf'] {
  const classes = new Map<string, { value: number; preemptionPolicy?: string; globalDefault: boolean }>();
  for (const [name, value] of Object.entries(SYSTEM_PRIORITY_CLASSES)) classes.set(name, { value, globalDefault: false });
  let globalDefault: { value: number; preemptionPolicy?: string } | undefined;
  for (const obj of list) {
    const name = nameOf(obj);
    const value = intAt(obj.value, obj, ['value']);
    if (value === undefined) throw required(obj, ['value']);
    if (value > 1000000000 && !name.startsWith('system-')) {
      throw new ValidationError(`Invalid value: ${value}: must be less than or equal to 1000000000 (user PriorityClasses are capped below the system ones)`, { object: obj, path: ['value'] });
    }
    const policy = stringAt(obj.preemptionPolicy, obj, ['preemptionPolicy']);
    if (policy !== undefined && policy !== 'Never' && policy !== 'PreemptLowerPriority') throw unsupported(policy, ['Never', 'PreemptLowerPriority'], obj, ['preemptionPolicy']);
    const entry = { value, ...(policy ? { preemptionPolicy: policy } : {}), globalDefault: obj.globalDefault === true };
    classes.set(name, entry);
    if (entry.globalDefault) globalDefault = entry;
  }
  return (pod, className, path) => {
    if (className === '') return globalDefault;
    const c = classes.get(className);
    if (!c) {
      if (!mode.strict) return undefined;
      // plugin/pkg/admission/priority/admission.go
      throw new ValidationError(`no PriorityClass with name ${className} was found`, { object: pod, path });
    }
    const explicit = isObject(pod.spec) ? pod.spec.priority : undefined;
    if (mode.strict && typeof explicit === 'number' && explicit !== c.value) {
      throw new ValidationError(
        `the integer value of priority (${explicit}) must not be provided in pod spec; priority admission controller computed ${c.value} from the given PriorityClass name`,
        { object: pod, path: ['spec', 'priority'] },
      );
    }
    return c;
  };
}

/**
 * Reads one run's objects.
 *
 * @example
 *   const { cluster, pending } = readInput({ nodes: [node], pods: [pod] }, { strict: true });
 */
export function readInput(input: ScheduleInput, mode: ReadMode): ReadInput {
  const warnings: TraceStep[] = [];
  if (input.nodes.length > MAX_NODES) {
    throw new LimitExceededError(`too many Nodes: ${input.nodes.length}; the limit is ${MAX_NODES} Nodes per run`, { object: input.nodes[MAX_NODES] });
  }
  const workloads = input.workloads ?? [];
  const requested = input.pods.length + workloads.reduce((n, w) => n + requestedReplicas(w), 0);
  if (requested > MAX_PODS) {
    throw new LimitExceededError(`too many Pods: ${requested} (replicas included); the limit is ${MAX_PODS} Pods per run`, { object: workloads[0] ?? input.pods[MAX_PODS] });
  }
  const namespaceLabels = readNamespaces(input.namespaces ?? [], mode);
  const services = readServices(input.services ?? [], mode);
  const priorityOf = priorityResolver(input.priorityClasses ?? [], mode);

  const nodes: NodeInfo[] = [];
  const nodeNames = new Set<string>();
  input.nodes.forEach((obj, i) => {
    const node = readNode(obj, i, mode);
    if (mode.strict && nodeNames.has(node.name)) {
      throw new ValidationError(`Duplicate value: a Node named "${node.name}" is already defined`, { object: obj, path: ['metadata', 'name'] });
    }
    nodeNames.add(node.name);
    nodes.push(node);
  });

  const podObjects: { pod: JsonObject; owner: JsonObject | null }[] = [];
  const selectors: WorkloadSelector[] = [];
  for (const obj of input.podSources ?? [...input.pods, ...workloads]) {
    if (obj.kind !== 'Deployment' && obj.kind !== 'ReplicaSet' && obj.kind !== 'StatefulSet') {
      podObjects.push({ pod: obj, owner: null });
      continue;
    }
    const expansion = expandWorkload(obj);
    podObjects.push(...expansion.pods);
    selectors.push(...expansion.selectors);
  }
  const pods: PodInfo[] = [];
  const podKeys = new Set<string>();
  podObjects.forEach(({ pod, owner }, i) => {
    let info: PodInfo;
    try {
      info = readPod(pod, { strict: mode.strict, priorityOf, arrival: i });
    } catch (e) {
      // A Pod made from a template: point the error at the template in the workload.
      if (owner && e instanceof ValidationError && e.object === pod) {
        throw new ValidationError(e.reason, { object: owner, path: templatePath(e.path ?? []) });
      }
      throw e;
    }
    const key = `${info.namespace}/${info.name}`;
    if (mode.strict && podKeys.has(key)) {
      throw new ValidationError(`Duplicate value: a Pod named "${info.name}" already exists in namespace "${info.namespace}"`, { object: pod, path: ['metadata', 'name'] });
    }
    podKeys.add(key);
    if (mode.strict && !namespaceLabels.has(info.namespace)) {
      throw new ValidationError(`namespaces "${info.namespace}" not found: add a Namespace manifest for it`, { object: pod, path: ['metadata', 'namespace'] });
    }
    if (!namespaceLabels.has(info.namespace)) namespaceLabels.set(info.namespace, { [WellKnown.namespaceName]: info.namespace });
    pods.push(info);
  });

  const cluster = new Cluster(nodes, namespaceLabels, services, selectors);
  const pending: PodInfo[] = [];
  const running: PodInfo[] = [];
  for (const pod of pods) {
    if (pod.specNodeName === '') {
      pending.push(pod);
      continue;
    }
    const node = cluster.byName.get(pod.specNodeName);
    if (!node) {
      warnings.push({ title: `${pod.namespace}/${pod.name} is bound to "${pod.specNodeName}", which is not one of the Nodes: it is ignored`, subject: `pod/${pod.name}`, level: 'warning' });
      continue;
    }
    cluster.bind(pod, node);
    running.push(pod);
  }
  const config = readSchedulerConfig(input.config ?? null);
  return { cluster, pending, running, config, warnings };
}

// Everything a scheduling run takes: Nodes, Pods (running or pending), Namespaces, Services,
// PriorityClasses, workloads expanded into Pods, and an optional KubeSchedulerConfiguration.
// The built-in objects go through the virtual API server first (admit.ts): it decodes, defaults
// and validates them, and refuses what kube-apiserver refuses, in its words. What it stored is
// then compiled into what the plugins read (selectors, requests, taints). Left here are the
// checks that are the scheduler's own: its configuration, and the engine's limits (too much input
// throws a LimitExceededError naming the limit, before anything is stored).

import type { TraceStep } from '../shared/engine.ts';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/yaml.ts';
import type { Labels } from '../apimachinery/labels.ts';
import { asObject, asString } from '../apimachinery/json.ts';
import { isBuiltIn } from '../kubectl/create.ts';
import { storeScenario } from './admit.ts';
import { Cluster } from './cluster.ts';
import type { ServiceInfo } from './cluster.ts';
import { readSchedulerConfig } from './config.ts';
import type { SchedulerConfig } from './config.ts';
import { DEFAULT_NAMESPACE, Labels as WellKnown } from './names.ts';
import { readNode } from './node-info.ts';
import type { NodeInfo } from './node-info.ts';
import { readPod } from './pod-info.ts';
import type { PodInfo } from './pod-info.ts';
import { isObject, labelsAt } from './read-helpers.ts';
import { requestedReplicas } from './workloads.ts';

export const MAX_NODES = 5000;
export const MAX_PODS = 50000;

/** The objects of one run, as Kubernetes JSON (as written: the API server defaults and validates them). */
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
  /** Other built-in objects (ConfigMaps, Secrets, ...): stored, so validated, but not read. */
  others?: readonly JsonObject[];
  config?: JsonObject | null;
}

export interface ReadInput {
  readonly cluster: Cluster;
  readonly pending: PodInfo[];
  readonly running: PodInfo[];
  readonly config: SchedulerConfig;
  readonly warnings: TraceStep[];
}

/** Each object must be of the kind its list holds, at a version the API server serves. */
function checked(list: readonly JsonObject[] | undefined, kinds: readonly string[]): readonly JsonObject[] {
  for (const obj of list ?? []) {
    if (!kinds.includes(String(obj.kind))) {
      throw new ValidationError(`Unsupported value: ${JSON.stringify(obj.kind)}: supported values: ${kinds.map((k) => JSON.stringify(k)).join(', ')}`, { object: obj, path: ['kind'] });
    }
    if (!isBuiltIn(obj)) {
      // What kubectl answers when the API server has no such resource.
      throw new ValidationError(`no matches for kind ${JSON.stringify(String(obj.kind))} in version ${JSON.stringify(String(obj.apiVersion ?? ''))}`, { object: obj, path: ['apiVersion'] });
    }
  }
  return list ?? [];
}

function checkLimits(input: ScheduleInput): void {
  if (input.nodes.length > MAX_NODES) {
    throw new LimitExceededError(`too many Nodes: ${input.nodes.length}; the limit is ${MAX_NODES} Nodes per run`, { object: input.nodes[MAX_NODES] });
  }
  const workloads = input.workloads ?? [];
  const requested = input.pods.length + workloads.reduce((n, w) => n + requestedReplicas(w), 0);
  if (requested > MAX_PODS) {
    throw new LimitExceededError(`too many Pods: ${requested} (replicas included); the limit is ${MAX_PODS} Pods per run`, { object: workloads[0] ?? input.pods[MAX_PODS] });
  }
}

function namespaceLabelsOf(namespaces: readonly Readonly<JsonObject>[]): Map<string, Labels> {
  const out = new Map<string, Labels>();
  for (const ns of namespaces) {
    const meta = asObject(ns.metadata);
    const name = asString(meta?.name);
    // The API server labels every Namespace kubernetes.io/metadata.name (NamespaceDefaultLabelName, v1.21+).
    out.set(name, { ...labelsAt(meta?.labels, ns, ['metadata', 'labels']), [WellKnown.namespaceName]: name });
  }
  return out;
}

function serviceOf(svc: Readonly<JsonObject>): ServiceInfo {
  const meta = asObject(svc.metadata);
  const spec = asObject(svc.spec);
  const selector = isObject(spec?.selector) ? labelsAt(spec.selector, svc, ['spec', 'selector']) : null;
  return { name: asString(meta?.name), namespace: asString(meta?.namespace) || DEFAULT_NAMESPACE, selector };
}

/**
 * Puts one run's objects into a fresh virtual API server and compiles what it stored.
 *
 * @example
 *   const { cluster, pending } = readInput({ nodes: [node], pods: [pod] });
 *   pending[0].priority   // 0: the Priority admission plugin's value when no PriorityClass is the default
 */
export function readInput(input: ScheduleInput): ReadInput {
  checkLimits(input);
  const nodes = checked(input.nodes, ['Node']);
  const pods = checked(input.pods, ['Pod']);
  const workloads = checked(input.workloads, ['Deployment', 'ReplicaSet', 'StatefulSet']);
  const podSources = input.podSources ? checked(input.podSources, ['Pod', 'Deployment', 'ReplicaSet', 'StatefulSet']) : [...pods, ...workloads];
  const before = [
    ...checked(input.namespaces, ['Namespace']),
    ...checked(input.priorityClasses, ['PriorityClass']),
    ...nodes,
    ...checked(input.services, ['Service']),
    ...(input.others ?? []),
  ];
  const stored = storeScenario({ before, podSources });

  const warnings: TraceStep[] = [];
  const nodeInfos: NodeInfo[] = stored.nodes.map((obj, i) => readNode(obj as JsonObject, i));
  const cluster = new Cluster(nodeInfos, namespaceLabelsOf(stored.namespaces), stored.services.map(serviceOf), stored.workloadSelectors);
  const pending: PodInfo[] = [];
  const running: PodInfo[] = [];
  stored.pods.forEach(({ pod: obj }, i) => {
    const pod = readPod(obj as JsonObject, { arrival: i });
    if (pod.specNodeName === '') {
      pending.push(pod);
      return;
    }
    const node = cluster.byName.get(pod.specNodeName);
    if (!node) {
      warnings.push({ title: `${pod.namespace}/${pod.name} is bound to "${pod.specNodeName}", which is not one of the Nodes: it is ignored`, subject: `pod/${pod.name}`, level: 'warning' });
      return;
    }
    cluster.bind(pod, node);
    running.push(pod);
  });
  const config = readSchedulerConfig(input.config ?? null);
  return { cluster, pending, running, config, warnings };
}

// The engine's public functions, called the way upstream's own unit tests call the plugins.
// Re-exported from simulations/index.ts.

import { ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/yaml.ts';
import { Cluster } from './cluster.ts';
import { readSchedulerConfig } from './config.ts';
import { KNOWN_PLUGINS } from './names.ts';
import { readNode } from './node-info.ts';
import type { NodeInfo } from './node-info.ts';
import { readPod } from './pod-info.ts';
import type { CycleState } from './plugin.ts';
import { createPlugin } from './profile.ts';
import { readInput } from './schema.ts';
import type { ScheduleInput } from './schema.ts';
import { runScheduler } from './scheduler.ts';
import type { Code } from './status.ts';
import type { ScheduleResult } from './types.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { defaultObject } from '../apiserver/defaults/index.ts';
import { isObject, labelsAt, objectAt, stringAt } from './read-helpers.ts';
import type { ServiceInfo, WorkloadSelector } from './cluster.ts';
import { Labels as WellKnown } from './names.ts';
import { expandWorkload } from './workloads.ts';

export { fitErrorMessage } from './fit-error.ts';
export { podRequests } from './pod-requests.ts';

export interface PluginCallInput {
  pod: JsonObject;
  nodes: readonly JsonObject[];
  existingPods?: readonly JsonObject[];
  namespaces?: readonly JsonObject[];
  services?: readonly JsonObject[];
  /** ReplicaSets / StatefulSets owning existing Pods (the default spreading selector reads them). */
  workloads?: readonly JsonObject[];
  /** A KubeSchedulerConfiguration; the first profile's pluginConfig gives the plugin its args. */
  config?: JsonObject | null;
}

/**
 * An object as the API server would have defaulted it (requests from limits, allocatable from
 * capacity, ...): upstream's plugin tests pass objects straight to the plugins, but the objects a
 * scheduler sees in a cluster are always defaulted, and the plugin-level functions read them so.
 */
function defaulted(obj: JsonObject): JsonObject {
  return defaultObject(obj) as JsonObject;
}

function buildCluster(input: PluginCallInput): { cluster: Cluster; nodes: NodeInfo[] } {
  const nodes = input.nodes.map((n, i) => readNode(defaulted(n), i));
  const namespaceLabels = new Map<string, Record<string, string>>();
  for (const ns of input.namespaces ?? []) {
    const meta = objectAt(ns.metadata, ns, ['metadata']) ?? {};
    const name = stringAt(meta.name, ns, ['metadata', 'name']) ?? '';
    namespaceLabels.set(name, { ...labelsAt(meta.labels, ns, ['metadata', 'labels']), [WellKnown.namespaceName]: name });
  }
  const services: ServiceInfo[] = (input.services ?? []).map((s) => {
    const meta = objectAt(s.metadata, s, ['metadata']) ?? {};
    const spec = objectAt(s.spec, s, ['spec']) ?? {};
    return {
      name: stringAt(meta.name, s, ['metadata', 'name']) ?? '',
      namespace: stringAt(meta.namespace, s, ['metadata', 'namespace']) || 'default',
      selector: isObject(spec.selector) ? labelsAt(spec.selector, s, ['spec', 'selector']) : null,
    };
  });
  const selectors: WorkloadSelector[] = (input.workloads ?? []).flatMap((w) => expandWorkload({ ...w, spec: { ...(w.spec as JsonObject), replicas: 0 } }).selectors);
  const cluster = new Cluster(nodes, namespaceLabels, services, selectors);
  (input.existingPods ?? []).forEach((obj, i) => {
    const pod = readPod(defaulted(obj), { arrival: i });
    const node = cluster.byName.get(pod.specNodeName);
    if (node) cluster.bind(pod, node);
  });
  return { cluster, nodes };
}

function pluginFor(name: string, config: JsonObject | null | undefined) {
  if (!KNOWN_PLUGINS.has(name)) throw new ValidationError(`plugin "${name}" does not exist`);
  const cfg = readSchedulerConfig(config ?? null);
  return createPlugin(name, cfg.profiles[0].args);
}

export interface PluginNodeStatus {
  code: Code;
  reasons: string[];
}

/**
 * One plugin's PreFilter, then its Filter on every node. A PreFilter Skip means
 * Success everywhere; a PreFilter rejection is every node's status.
 *
 * @example
 *   runFilterPlugin('TaintToleration', { pod, nodes: [tainted] })
 *   // { 'node-a': { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {dedicated: gpu}'] } }
 */
export function runFilterPlugin(plugin: string, input: PluginCallInput): Record<string, PluginNodeStatus> {
  const p = pluginFor(plugin, input.config);
  const { cluster, nodes } = buildCluster(input);
  const pod = readPod(defaulted(input.pod), { arrival: -1 });
  const state: CycleState = {};
  const pre = p.preFilter?.(state, pod, cluster) ?? null;
  const out: Record<string, PluginNodeStatus> = {};
  for (const node of nodes) {
    if (pre?.status?.code === 'Skip' || !p.filter) {
      out[node.name] = { code: 'Success', reasons: [] };
      continue;
    }
    const s = pre?.status ?? p.filter(state, pod, node, cluster);
    out[node.name] = s ? { code: s.code, reasons: [...s.reasons] } : { code: 'Success', reasons: [] };
  }
  return out;
}

/**
 * One plugin's PreScore, Score on each feasible node, and NormalizeScore: the
 * scores before the plugin's weight is applied, or {} when PreScore skips the Pod.
 *
 * @example
 *   runScorePlugin('NodeResourcesFit', { pod, nodes }) // { node1: 37, node2: 50 }
 */
export function runScorePlugin(plugin: string, input: PluginCallInput & { feasibleNodes?: readonly (string | JsonObject)[] }): Record<string, number> {
  const p = pluginFor(plugin, input.config);
  if (!p.score) throw new ValidationError(`plugin "${plugin}" is not a Score plugin`);
  const { cluster, nodes } = buildCluster(input);
  const pod = readPod(defaulted(input.pod), { arrival: -1 });
  const wanted = input.feasibleNodes?.map((n) => (typeof n === 'string' ? n : String((n.metadata as JsonObject | undefined)?.name ?? '')));
  const feasible = wanted ? nodes.filter((n) => wanted.includes(n.name)) : nodes;
  const state: CycleState = {};
  const s = p.preScore?.(state, pod, feasible, cluster) ?? null;
  if (s?.code === 'Skip') return {};
  if (s) throw new Error(`PreScore ${plugin}: ${s.reasons.join(', ')}`);
  const scores = feasible.map((n) => p.score!(state, pod, n, cluster));
  p.normalizeScore?.(state, pod, scores, feasible);
  return Object.fromEntries(feasible.map((n, i) => [n.name, scores[i]]));
}

export interface ScheduleOptions {
  /** Keep per-node filter and score detail (default true). */
  trace?: boolean;
}

/**
 * Schedules every pending Pod, one at a time in queue order, each binding
 * changing what the next one sees. The objects go through the virtual API
 * server first, as in a cell: an object it refuses is a ValidationError in
 * its words (`Pod "web" is invalid: spec.containers[0].image: Required value`).
 *
 * @example
 *   const r = schedule({ nodes, pods }, { trace: true });
 *   r.pods[0].node            // 'node-2'
 *   r.events[0].message       // 'Successfully assigned default/web-0 to node-2'
 */
export function schedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  const read = readInput(input);
  return runScheduler(
    { cluster: read.cluster, pending: read.pending, config: read.config, warnings: read.warnings },
    { trace: options.trace ?? true, maxSteps: DEFAULT_BUDGET.maxSteps, maxEvents: Math.max(DEFAULT_BUDGET.maxEvents, read.pending.length * 2) },
  ).result;
}

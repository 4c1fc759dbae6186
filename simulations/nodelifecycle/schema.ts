// A nodes cell's input: real objects (Node, Pod, Deployment, ReplicaSet,
// DaemonSet, StatefulSet, PodDisruptionBudget, Namespace) that go through the
// simulated API server, plus the notebook's own kinds (kube-notebook.dev/v1alpha1):
//
//   kind: NodeScenario        how long to run and when to print kubectl tables
//     spec:
//       until: 7m             virtual time (Go duration; default 7m, at most 1h)
//       snapshots: [0s, 1m]   moments to print kubectl get nodes / pods -o wide (the end always is)
//       nodeMonitorGracePeriod: 50s   kube-controller-manager's flag (default 50s)
//
//   kind: NodeFault           something happens to a node
//     spec:
//       node: worker-2
//       at: 30s
//       type: NetworkPartition    or KubeletStopped, or PowerOff (the containers die too)
//       recoverAt: 6m             optional: the node comes back
//
//   kind: KubectlDrain        `kubectl drain <node>` run at a moment
//     spec:
//       node: worker-1
//       at: 10s
//       ignoreDaemonSets: true    deleteEmptyDirData: false    force: false
//       timeout: 2m               optional --timeout (default: wait forever)

import { parseGoDuration } from '../apimachinery/parse-duration.ts';
import { isBuiltIn } from '../kubectl/create.ts';
import { LimitExceededError, ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { Manifest } from '../shared/yaml.ts';
import { flattenLists } from '../shared/yaml.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const NOTEBOOK_KINDS = ['NodeScenario', 'NodeFault', 'KubectlDrain'] as const;
export const SUPPORTED_KINDS = ['Node', 'Pod', 'Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'PodDisruptionBudget', 'Namespace'] as const;
export const FAULT_TYPES = ['NetworkPartition', 'KubeletStopped', 'PowerOff'] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

export const DEFAULT_UNTIL_MS = 7 * 60_000;
export const MAX_UNTIL_MS = 60 * 60_000;
export const MAX_NODES = 100;
export const MAX_PODS = 150;
export const MAX_SNAPSHOTS = 20;
export const MAX_FAULTS = 20;
export const MAX_NODE_SECONDS = 4_000;

export interface NodeFaultInput { node: string; atMs: number; type: FaultType; recoverAtMs?: number; object: object }
export interface DrainInput { node: string; atMs: number; ignoreDaemonSets: boolean; deleteEmptyDirData: boolean; force: boolean; timeoutMs?: number; object: object }
export interface NodesInput {
  objects: object[];
  untilMs: number;
  snapshots: number[];
  gracePeriodMs: number;
  faults: NodeFaultInput[];
  drains: DrainInput[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function duration(object: object, path: FieldPath, value: unknown): number {
  const ms = parseGoDuration(value);
  if (typeof ms === 'string') throw new ValidationError(`Invalid value: ${describeValue(value)}: ${ms}`, { object, path });
  if (ms < 0) throw new ValidationError(`Invalid value: ${describeValue(value)}: must be greater than or equal to 0`, { object, path });
  if (ms > MAX_UNTIL_MS) throw new LimitExceededError(`must be at most 1h in this simulation, got ${describeValue(value)}`, { object, path });
  return Math.round(ms);
}
function str(object: object, path: FieldPath, value: unknown): string {
  if (typeof value !== 'string' || value === '') throw new ValidationError(value === undefined ? 'Required value' : `Invalid value: ${describeValue(value)}: must be a non-empty string`, { object, path });
  return value;
}
function bool(object: object, path: FieldPath, value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw new ValidationError(`Invalid value: ${describeValue(value)}: must be true or false`, { object, path });
  return value;
}
function checkKeys(object: object, spec: Obj, allowed: readonly string[]) {
  for (const key of Object.keys(spec)) {
    if (!allowed.includes(key)) throw new ValidationError(`unknown field "${key}"`, { object, path: ['spec', key] });
  }
}

export function readInput(manifests: readonly Manifest[]): NodesInput {
  const input: NodesInput = { objects: [], untilMs: DEFAULT_UNTIL_MS, snapshots: [], gracePeriodMs: 50_000, faults: [], drains: [] };
  let scenarioSeen = false;
  let scenarioObject: object | undefined;
  let nodes = 0, pods = 0;
  for (const m of flattenLists(manifests)) {
    const object = m.object as Obj;
    const apiVersion = object.apiVersion;
    const kind = String(object.kind);
    if (apiVersion === NOTEBOOK_API_VERSION) {
      if (!(NOTEBOOK_KINDS as readonly string[]).includes(kind)) {
        throw new ValidationError(`Unsupported value: "${kind}": supported values: ${NOTEBOOK_KINDS.map((k) => `"${k}"`).join(', ')}`, { object, path: ['kind'] });
      }
      const spec = object.spec;
      if (!isObj(spec)) throw new ValidationError('Required value', { object, path: ['spec'] });
      if (kind === 'NodeScenario') {
        if (scenarioSeen) throw new ValidationError('Duplicate value: only one NodeScenario per cell', { object, path: ['kind'] });
        scenarioSeen = true;
        scenarioObject = object;
        checkKeys(object, spec, ['until', 'snapshots', 'nodeMonitorGracePeriod']);
        if (spec.until !== undefined) input.untilMs = duration(object, ['spec', 'until'], spec.until);
        if (spec.nodeMonitorGracePeriod !== undefined) {
          input.gracePeriodMs = duration(object, ['spec', 'nodeMonitorGracePeriod'], spec.nodeMonitorGracePeriod);
          if (input.gracePeriodMs < 1000) throw new ValidationError('Invalid value: must be at least 1s', { object, path: ['spec', 'nodeMonitorGracePeriod'] });
        }
        if (spec.snapshots !== undefined) {
          if (!Array.isArray(spec.snapshots)) throw new ValidationError(`Invalid value: ${describeValue(spec.snapshots)}: must be a list of durations`, { object, path: ['spec', 'snapshots'] });
          if (spec.snapshots.length > MAX_SNAPSHOTS) throw new LimitExceededError(`at most ${MAX_SNAPSHOTS} snapshots in this simulation`, { object, path: ['spec', 'snapshots'] });
          input.snapshots = spec.snapshots.map((s, i) => duration(object, ['spec', 'snapshots', i], s));
        }
      } else if (kind === 'NodeFault') {
        checkKeys(object, spec, ['node', 'at', 'type', 'recoverAt']);
        if (input.faults.length >= MAX_FAULTS) throw new LimitExceededError(`at most ${MAX_FAULTS} NodeFaults in this simulation`, { object, path: ['kind'] });
        const type = str(object, ['spec', 'type'], spec.type);
        if (!(FAULT_TYPES as readonly string[]).includes(type)) {
          throw new ValidationError(`Unsupported value: "${type}": supported values: ${FAULT_TYPES.map((k) => `"${k}"`).join(', ')}`, { object, path: ['spec', 'type'] });
        }
        const atMs = duration(object, ['spec', 'at'], spec.at ?? '0s');
        const recoverAtMs = spec.recoverAt === undefined ? undefined : duration(object, ['spec', 'recoverAt'], spec.recoverAt);
        if (recoverAtMs !== undefined && recoverAtMs <= atMs) throw new ValidationError('Invalid value: must be later than spec.at', { object, path: ['spec', 'recoverAt'] });
        input.faults.push({ node: str(object, ['spec', 'node'], spec.node), atMs, type: type as FaultType, recoverAtMs, object });
      } else {
        checkKeys(object, spec, ['node', 'at', 'ignoreDaemonSets', 'deleteEmptyDirData', 'force', 'timeout']);
        if (input.drains.length >= 5) throw new LimitExceededError('at most 5 KubectlDrains in this simulation', { object, path: ['kind'] });
        input.drains.push({
          node: str(object, ['spec', 'node'], spec.node),
          atMs: duration(object, ['spec', 'at'], spec.at ?? '0s'),
          ignoreDaemonSets: bool(object, ['spec', 'ignoreDaemonSets'], spec.ignoreDaemonSets),
          deleteEmptyDirData: bool(object, ['spec', 'deleteEmptyDirData'], spec.deleteEmptyDirData),
          force: bool(object, ['spec', 'force'], spec.force),
          ...(spec.timeout === undefined ? {} : { timeoutMs: duration(object, ['spec', 'timeout'], spec.timeout) }),
          object,
        });
      }
      continue;
    }
    if (!isBuiltIn(object) || !(SUPPORTED_KINDS as readonly string[]).includes(kind)) {
      throw new ValidationError(`Unsupported value: "${kind}": this simulation runs ${SUPPORTED_KINDS.join(', ')} and the ${NOTEBOOK_API_VERSION} kinds ${NOTEBOOK_KINDS.join(', ')}`, { object, path: ['kind'] });
    }
    if (kind === 'Node' && ++nodes > MAX_NODES) throw new LimitExceededError(`at most ${MAX_NODES} Nodes in this simulation`, { object, path: ['kind'] });
    if (kind === 'Pod' && ++pods > MAX_PODS) throw new LimitExceededError(`at most ${MAX_PODS} Pods in this simulation`, { object, path: ['kind'] });
    if (['Deployment', 'ReplicaSet', 'StatefulSet'].includes(kind)) {
      const replicas = (object.spec as Obj | undefined)?.replicas;
      if (typeof replicas === 'number' && replicas > 100) throw new LimitExceededError(`spec.replicas must be at most 100 in this simulation, got ${replicas}`, { object, path: ['spec', 'replicas'] });
      if (kind !== 'ReplicaSet' || !(object.metadata as Obj | undefined)?.ownerReferences) {
        pods += typeof replicas === 'number' ? replicas : 1;
        if (pods > MAX_PODS) throw new LimitExceededError(`at most ${MAX_PODS} Pods (bare Pods and replicas together) in this simulation`, { object, path: ['spec', 'replicas'] });
      }
    }
    input.objects.push(object);
  }
  if (nodes === 0) throw new ValidationError('Required value: at least one Node (kind: Node)', {});
  // Every node heartbeats every 10 s: the work grows with nodes × virtual time.
  if (nodes * (input.untilMs / 1000) > MAX_NODE_SECONDS) {
    throw new LimitExceededError(`${nodes} nodes for ${input.untilMs / 1000}s is more than this simulation runs: at most ${MAX_NODE_SECONDS} node-seconds (say 4 nodes for 16m, or 10 nodes for 6m)`, { object: scenarioObject ?? {}, path: scenarioObject ? ['spec', 'until'] : [] });
  }
  for (const f of input.faults) if (f.atMs > input.untilMs) throw new ValidationError(`Invalid value: after spec.until of the NodeScenario (${input.untilMs / 1000}s)`, { object: f.object, path: ['spec', 'at'] });
  input.snapshots = [...new Set(input.snapshots.filter((s) => s <= input.untilMs))].sort((a, b) => a - b);
  return input;
}

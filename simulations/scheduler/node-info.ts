// A Node with the Pods bound to it and running totals, like framework.NodeInfo.
// The sums are updated incrementally on every bind so filters and scores read
// plain numbers. src: pkg/scheduler/framework/types.go (NodeInfo, AddPod, RemovePod, update).

import { ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/yaml.ts';
import type { Labels } from '../apimachinery/labels.ts';
import { DEFAULT_MAX_PODS } from './names.ts';
import type { HostPort, PodInfo } from './pod-info.ts';
import { isObject, labelsAt, listAt, objectAt, stringAt, intAt } from './read-helpers.ts';
import { readResourceList, toSchedulerUnits } from './resources.ts';

export interface Taint {
  readonly key: string;
  readonly value: string;
  /** NoSchedule and NoExecute filter, PreferNoSchedule scores; the API server refuses any other. */
  readonly effect: string;
}

/**
 * The numbers the hot loops read, one column per field and one row per node (struct of
 * arrays): walking 500 nodes for every Pod then reads a few contiguous arrays instead of
 * 500 objects. Rows are positions in Cluster.nodes; NodeInfo keeps its row up to date.
 */
export class NodeColumns {
  readonly allocCpu: Float64Array;
  readonly allocMemory: Float64Array;
  readonly allocEphemeral: Float64Array;
  readonly allocPods: Float64Array;
  readonly reqCpu: Float64Array;
  readonly reqMemory: Float64Array;
  readonly reqEphemeral: Float64Array;
  readonly podCount: Float64Array;
  readonly nonZeroCpu: Float64Array;
  readonly nonZeroMemory: Float64Array;

  constructor(nodes: readonly NodeInfo[]) {
    const n = nodes.length;
    this.allocCpu = new Float64Array(n);
    this.allocMemory = new Float64Array(n);
    this.allocEphemeral = new Float64Array(n);
    this.allocPods = new Float64Array(n);
    this.reqCpu = new Float64Array(n);
    this.reqMemory = new Float64Array(n);
    this.reqEphemeral = new Float64Array(n);
    this.podCount = new Float64Array(n);
    this.nonZeroCpu = new Float64Array(n);
    this.nonZeroMemory = new Float64Array(n);
    nodes.forEach((node, row) => {
      this.allocCpu[row] = node.allocCpu;
      this.allocMemory[row] = node.allocMemory;
      this.allocEphemeral[row] = node.allocEphemeral;
      this.allocPods[row] = node.allocPods;
      node.attach(this, row);
    });
  }
}

export class NodeInfo {
  private columns: NodeColumns | null = null;
  /** This node's row in its cluster's NodeColumns (-1 until a Cluster adopts it). */
  row = -1;
  readonly pods: PodInfo[] = [];
  reqCpu = 0;
  reqMemory = 0;
  reqEphemeral = 0;
  reqScalars: Record<string, number> = Object.create(null) as Record<string, number>;
  nonZeroCpu = 0;
  nonZeroMemory = 0;
  readonly usedPorts: HostPort[] = [];
  /** Pods with any pod (anti-)affinity (NodeInfo.PodsWithAffinity). */
  podsWithAffinity = 0;
  /** Pods with required anti-affinity terms (NodeInfo.PodsWithRequiredAntiAffinity). */
  readonly podsWithRequiredAntiAffinity: PodInfo[] = [];

  constructor(
    readonly raw: JsonObject,
    readonly name: string,
    readonly labels: Labels,
    readonly taints: readonly Taint[],
    readonly unschedulable: boolean,
    readonly allocCpu: number,
    readonly allocMemory: number,
    readonly allocEphemeral: number,
    readonly allocPods: number,
    readonly allocScalars: Readonly<Record<string, number>>,
    /** Normalized image name → size in bytes (status.images). */
    readonly images: ReadonlyMap<string, number>,
    /** Position in the input: the order nodes are listed and walked. */
    readonly index: number,
  ) {
    this.noScheduleTaints = taints.filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    this.preferNoScheduleTaints = taints.filter((t) => t.effect === 'PreferNoSchedule');
  }

  /** Taints that filter (NoSchedule, NoExecute). */
  readonly noScheduleTaints: readonly Taint[];
  readonly preferNoScheduleTaints: readonly Taint[];

  attach(columns: NodeColumns, row: number): void {
    this.columns = columns;
    this.row = row;
    this.syncRow();
  }

  private syncRow(): void {
    const c = this.columns;
    if (!c) return;
    const r = this.row;
    c.reqCpu[r] = this.reqCpu;
    c.reqMemory[r] = this.reqMemory;
    c.reqEphemeral[r] = this.reqEphemeral;
    c.podCount[r] = this.pods.length;
    c.nonZeroCpu[r] = this.nonZeroCpu;
    c.nonZeroMemory[r] = this.nonZeroMemory;
  }

  addPod(pod: PodInfo): void {
    this.pods.push(pod);
    this.apply(pod, 1);
  }

  removePod(pod: PodInfo): boolean {
    const i = this.pods.indexOf(pod);
    if (i < 0) return false;
    this.pods.splice(i, 1);
    this.apply(pod, -1);
    return true;
  }

  private apply(pod: PodInfo, sign: 1 | -1): void {
    this.reqCpu += sign * pod.cpu;
    this.reqMemory += sign * pod.memory;
    this.reqEphemeral += sign * pod.ephemeral;
    if (pod.scalars) for (const k in pod.scalars) this.reqScalars[k] = (this.reqScalars[k] ?? 0) + sign * pod.scalars[k];
    this.nonZeroCpu += sign * pod.nonZeroCpu;
    this.nonZeroMemory += sign * pod.nonZeroMemory;
    if (pod.hasAffinity) this.podsWithAffinity += sign;
    if (pod.requiredAntiAffinityTerms.length > 0) {
      if (sign > 0) this.podsWithRequiredAntiAffinity.push(pod);
      else this.podsWithRequiredAntiAffinity.splice(this.podsWithRequiredAntiAffinity.indexOf(pod), 1);
    }
    if (pod.hostPorts.length > 0) {
      if (sign > 0) this.usedPorts.push(...pod.hostPorts);
      else for (const p of pod.hostPorts) this.usedPorts.splice(this.usedPorts.indexOf(p), 1);
    }
    this.syncRow();
  }
}

/**
 * Compiles a Node: as stored by the API server (the engine), or as a caller gives it (the
 * plugin-level functions, which default it first). Allocatable is status.allocatable (the API
 * server's SetDefaults_NodeStatus copies status.capacity there when a manifest gives only
 * capacity); `pods` counts as the kubelet's 110 when it is not given.
 *
 * @example
 *   readNode({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' },
 *     status: { allocatable: { cpu: '2', memory: '4Gi' } } }, 0).allocCpu // 2000
 */
export function readNode(obj: JsonObject, index: number): NodeInfo {
  const meta = objectAt(obj.metadata, obj, ['metadata']) ?? {};
  const name = stringAt(meta.name, obj, ['metadata', 'name']) ?? '';
  const labels = labelsAt(meta.labels, obj, ['metadata', 'labels']);
  const spec = objectAt(obj.spec, obj, ['spec']) ?? {};
  const taints: Taint[] = listAt(spec.taints, obj, ['spec', 'taints']).map((t, i) => {
    const path = ['spec', 'taints', i];
    if (!isObject(t)) throw new ValidationError('Invalid value: must be a mapping', { object: obj, path });
    return {
      key: stringAt(t.key, obj, [...path, 'key']) ?? '',
      value: stringAt(t.value, obj, [...path, 'value']) ?? '',
      effect: stringAt(t.effect, obj, [...path, 'effect']) ?? '',
    };
  });
  const status = objectAt(obj.status, obj, ['status']) ?? {};
  const list = readResourceList(status.allocatable, obj, ['status', 'allocatable']);
  let cpu = 0;
  let memory = 0;
  let ephemeral = 0;
  let pods = DEFAULT_MAX_PODS;
  const scalars: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [resource, nano] of list) {
    const units = toSchedulerUnits(resource, nano);
    if (resource === 'cpu') cpu = units;
    else if (resource === 'memory') memory = units;
    else if (resource === 'ephemeral-storage') ephemeral = units;
    else if (resource === 'pods') pods = units;
    else scalars[resource] = units;
  }
  const images = new Map<string, number>();
  listAt(status.images, obj, ['status', 'images']).forEach((img, i) => {
    if (!isObject(img)) return;
    const size = intAt(img.sizeBytes, obj, ['status', 'images', i, 'sizeBytes']) ?? 0;
    listAt(img.names, obj, ['status', 'images', i, 'names']).forEach((n, j) => {
      const imageName = stringAt(n, obj, ['status', 'images', i, 'names', j]);
      // The scheduler cache keys image states by the names exactly as the kubelet reports them.
      if (imageName) images.set(imageName, size);
    });
  });
  const unschedulable = spec.unschedulable === true;
  return new NodeInfo(obj, name, labels, taints, unschedulable, cpu, memory, ephemeral, pods, scalars, images, index);
}

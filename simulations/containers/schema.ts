// Reads a containers cell: built-in Pods (and optionally the Node) through the shared API server, and the
// notebook's own kinds:
//   kube-notebook.dev/v1alpha1 KubeletCgroups  spec: { cpuCFSQuota, cpuCFSQuotaPeriod, memoryQoS, memoryReservationPolicy }
//     (the KubeletConfiguration fields of the same names; defaults as the kubelet's: true, 100ms, off, None)
//   kube-notebook.dev/v1alpha1 ImageLayers     spec: { layers: [{ createdBy, entries: [{ path, type, content, linkname }] }],
//                                                     writes: [{ op: write|append|delete|mkdir, path, content }] }
import { admitObjects } from '../kubectl/create.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { nanoOf } from '../apiserver/pod-qos.ts';
import { ValidationError, LimitExceededError, describeValue } from '../shared/errors.ts';
import type { JsonObject, Manifest } from '../shared/yaml.ts';
import type { LayerEntry } from './layers.ts';
import type { ContainerWrite } from './overlay.ts';
import type { NodeSettings } from './hierarchy.ts';

export const NOTEBOOK_API = 'kube-notebook.dev/v1alpha1';
export const MAX_LAYER_ENTRIES = 5000;
export const MAX_WRITES = 1000;

export interface ImageInput { object: JsonObject; name: string; layers: { createdBy: string; entries: LayerEntry[] }[]; writes: ContainerWrite[] }
export interface LoadInput { object: JsonObject; pod: string; container: string; cpuMilli: number; memoryBytes: number; seconds: number }
export interface ContainersInput { loads: LoadInput[]; pods: JsonObject[]; settings: NodeSettings; nodeName: string | null; images: ImageInput[]; defaultedAllocatable: boolean }

const isObj = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

function parseDurationMicros(value: unknown, object: object, path: (string | number)[]): number {
  const m = typeof value === 'string' ? /^(\d+)(us|µs|ms|s)$/.exec(value) : null;
  if (!m) throw new ValidationError(`Invalid value: ${describeValue(value)}: must be a duration such as "100ms"`, { object, path });
  const n = Number(m[1]) * (m[2] === 's' ? 1_000_000 : m[2] === 'ms' ? 1000 : 1);
  // KubeletConfiguration validation: cpuCFSQuotaPeriod must be between 1ms and 1s
  if (n < 1000 || n > 1_000_000) throw new ValidationError(`Invalid value: ${describeValue(value)}: must be between 1ms and 1sec, inclusive`, { object, path });
  return n;
}

function readSettings(object: JsonObject | undefined, settings: NodeSettings): void {
  if (!object) return;
  const spec = isObj(object.spec) ? object.spec : {};
  const bool = (key: string): boolean | undefined => {
    const v = spec[key];
    if (v === undefined || v === null) return undefined;
    if (typeof v !== 'boolean') throw new ValidationError(`Invalid value: ${describeValue(v)}: must be true or false`, { object, path: ['spec', key] });
    return v;
  };
  settings.enforceCPULimits = bool('cpuCFSQuota') ?? true;
  if (spec.cpuCFSQuotaPeriod !== undefined && spec.cpuCFSQuotaPeriod !== null) settings.cpuPeriod = parseDurationMicros(spec.cpuCFSQuotaPeriod, object, ['spec', 'cpuCFSQuotaPeriod']);
  settings.enforceMemoryQoS = bool('memoryQoS') ?? false;
  const policy = spec.memoryReservationPolicy;
  if (policy !== undefined && policy !== null) {
    if (policy !== 'None' && policy !== 'TieredReservation') {
      throw new ValidationError(`Unsupported value: ${describeValue(policy)}: supported values: "None", "TieredReservation"`, { object, path: ['spec', 'memoryReservationPolicy'] });
    }
    settings.memoryReservationPolicy = policy;
  }
}

function readImage(object: JsonObject): ImageInput {
  const spec = isObj(object.spec) ? object.spec : undefined;
  if (!spec) throw new ValidationError('Required value', { object, path: ['spec'] });
  if (!Array.isArray(spec.layers) || spec.layers.length === 0) throw new ValidationError('Required value: at least one layer', { object, path: ['spec', 'layers'] });
  let total = 0;
  const layers = spec.layers.map((l, i) => {
    if (!isObj(l) || !Array.isArray(l.entries)) throw new ValidationError('Required value: a layer is { createdBy, entries: [...] }', { object, path: ['spec', 'layers', i, 'entries'] });
    total += l.entries.length;
    if (total > MAX_LAYER_ENTRIES) throw new LimitExceededError(`at most ${MAX_LAYER_ENTRIES} entries in all layers`, { object, path: ['spec', 'layers', i, 'entries'] });
    l.entries.forEach((e, j) => {
      if (!isObj(e) || typeof e.path !== 'string') throw new ValidationError('Required value: an entry needs a path', { object, path: ['spec', 'layers', i, 'entries', j, 'path'] });
      if (e.type === undefined) (e as JsonObject).type = e.path.endsWith('/') ? 'dir' : 'file';
    });
    return { createdBy: typeof l.createdBy === 'string' ? l.createdBy : `layer ${i}`, entries: l.entries as unknown as LayerEntry[] };
  });
  const rawWrites = spec.writes ?? [];
  if (!Array.isArray(rawWrites)) throw new ValidationError('Invalid value: must be a list', { object, path: ['spec', 'writes'] });
  if (rawWrites.length > MAX_WRITES) throw new LimitExceededError(`at most ${MAX_WRITES} writes`, { object, path: ['spec', 'writes'] });
  const writes = rawWrites.map((w, i) => {
    if (!isObj(w) || typeof w.path !== 'string' || w.path.split('/').includes('..') || w.path.replace(/[/.]/g, '') === '') {
      throw new ValidationError('Required value: a write needs a path inside the container', { object, path: ['spec', 'writes', i, 'path'] });
    }
    if (w.op !== 'write' && w.op !== 'append' && w.op !== 'delete' && w.op !== 'mkdir') {
      throw new ValidationError(`Unsupported value: ${describeValue(w.op)}: supported values: "append", "delete", "mkdir", "write"`, { object, path: ['spec', 'writes', i, 'op'] });
    }
    if (w.content !== undefined && w.content !== null && typeof w.content !== 'string') throw new ValidationError('Invalid value: must be a string', { object, path: ['spec', 'writes', i, 'content'] });
    return { op: w.op, path: w.path, ...(typeof w.content === 'string' ? { content: w.content } : {}) } as ContainerWrite;
  });
  const meta = isObj(object.metadata) ? object.metadata : {};
  return { object, name: typeof meta.name === 'string' ? meta.name : 'image', layers, writes };
}

//   kube-notebook.dev/v1alpha1 ContainerLoad   spec: { pod, container, cpu: <quantity>, memory: <quantity>, seconds }
function readLoad(object: JsonObject): LoadInput {
  const spec = isObj(object.spec) ? object.spec : undefined;
  if (!spec) throw new ValidationError('Required value', { object, path: ['spec'] });
  for (const key of ['pod', 'container'] as const) {
    if (typeof spec[key] !== 'string' || spec[key] === '') throw new ValidationError('Required value', { object, path: ['spec', key] });
  }
  const qty = (key: 'cpu' | 'memory', scale: bigint): number => {
    if (spec[key] === undefined || spec[key] === null) return 0;
    try {
      return Number((nanoOf(spec[key]) + scale - 1n) / scale);
    } catch {
      throw new ValidationError(`Invalid value: ${describeValue(spec[key])}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`, { object, path: ['spec', key] });
    }
  };
  const seconds = spec.seconds ?? 10;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
    throw new ValidationError(`Invalid value: ${describeValue(seconds)}: must be a whole number of seconds from 1 to 3600`, { object, path: ['spec', 'seconds'] });
  }
  return { object, pod: spec.pod as string, container: spec.container as string, cpuMilli: qty('cpu', 1_000_000n), memoryBytes: qty('memory', 1_000_000_000n), seconds };
}

export function readInput(manifests: readonly Manifest[]): ContainersInput {
  const settings: NodeSettings = { enforceCPULimits: true, cpuPeriod: 100000, enforceMemoryQoS: false, memoryReservationPolicy: 'None', allocatableMilliCPU: 4000, allocatableMemory: 8 * 1024 ** 3 };
  const builtIn: JsonObject[] = [];
  const images: ImageInput[] = [];
  const loads: LoadInput[] = [];
  let kubelet: JsonObject | undefined;
  let nodeName: string | null = null;
  let defaultedAllocatable = true;
  for (const { object } of manifests) {
    if (object.apiVersion === NOTEBOOK_API) {
      if (object.kind === 'KubeletCgroups') {
        if (kubelet) throw new ValidationError('Duplicate value: only one KubeletCgroups per cell', { object, path: ['kind'] });
        kubelet = object;
      } else if (object.kind === 'ImageLayers') images.push(readImage(object));
      else if (object.kind === 'ContainerLoad') loads.push(readLoad(object));
      else throw new ValidationError(`Unsupported value: ${describeValue(object.kind)}: supported values: "ContainerLoad", "ImageLayers", "KubeletCgroups"`, { object, path: ['kind'] });
    } else if (object.apiVersion === 'v1' && (object.kind === 'Pod' || object.kind === 'Node')) {
      builtIn.push(object);
    } else {
      throw new ValidationError(`Unsupported value: ${describeValue(`${object.apiVersion}/${object.kind}`)}: this cell takes v1 Pods, one v1 Node, KubeletCgroups and ImageLayers`, { object, path: ['kind'] });
    }
  }
  readSettings(kubelet, settings);
  const nodes = builtIn.filter((o) => o.kind === 'Node');
  if (nodes.length > 1) throw new ValidationError('Duplicate value: one Node per cell (the cgroup tree is one node\'s)', { object: nodes[1], path: ['kind'] });
  const api = freshApiServer();
  // The Node is a starting state (its status.allocatable kept); the Pods are created as kubectl create does.
  const node = (admitObjects(api, nodes, 'seed') as JsonObject[])[0];
  const stored = admitObjects(api, builtIn.filter((o) => o.kind === 'Pod'), 'create') as JsonObject[];
  if (node) {
    nodeName = String((node.metadata as JsonObject).name);
    const status = isObj(node.status) ? node.status : {};
    const alloc = isObj(status.allocatable) ? status.allocatable : isObj(status.capacity) ? status.capacity : undefined;
    if (alloc?.cpu !== undefined) {
      settings.allocatableMilliCPU = Number((nanoOf(alloc.cpu) + 999_999n) / 1_000_000n);
      defaultedAllocatable = false;
    }
    if (alloc?.memory !== undefined) settings.allocatableMemory = Number((nanoOf(alloc.memory) + 999_999_999n) / 1_000_000_000n);
  }
  return { loads, pods: stored, settings, nodeName, images, defaultedAllocatable };
}

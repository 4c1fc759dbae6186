// Reads and validates the resources-oom input: one Node, an optional
// KubeletConfiguration, Pods, LimitRanges, ResourceQuotas and an optional
// kube-notebook.dev/v1alpha1 MemoryScenario saying how each container's memory
// behaves. Bad input throws ValidationError with the object and field path,
// worded as the API server words it.
//
// The MemoryScenario document (all fields optional):
//
//   apiVersion: kube-notebook.dev/v1alpha1
//   kind: MemoryScenario
//   metadata: { name: leak }
//   spec:
//     duration: 30m          # virtual time to simulate (default 10m, at most 24h)
//     systemUsage: 600Mi     # memory used outside Pods: kernel, system daemons, kubelet (default 0)
//     containers:            # containers not listed use steady usage equal to their memory request (0 without one)
//       - pod: web           # Pod name (namespace default unless `namespace:` is given)
//         container: app
//         usage:             # relative to the container's (re)start: a restarted process starts over
//           pattern: leak    # steady | leak | spikes | step | points
//           start: 100Mi     # leak: starting working set
//           perMinute: 20Mi  # leak: growth per minute
//           # steady: level;  spikes: base, peak, every, length;  step: before, after, at;
//           # points: [{ at: 0s, usage: 100Mi }, { at: 5m, usage: 400Mi }] (times strictly increasing)

import { Quantity } from '../shared/quantity.ts';
import { LimitExceededError, ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { KubeObject } from '../shared/yaml.ts';
import { DEFAULT_EVICTION_HARD, DEFAULT_PRESSURE_TRANSITION_PERIOD_MS, parseThresholdValue } from '../kubelet/eviction.ts';
import type { Threshold } from '../kubelet/eviction.ts';
import { parseGoDuration } from './go-duration.ts';
import { USAGE_PATTERNS } from './usage.ts';
import type { UsageBehaviour } from './usage.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const SCENARIO_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const SCENARIO_KIND = 'MemoryScenario';
export const DEFAULT_DURATION_MS = 10 * 60_000;
export const MAX_PODS = 500;
/** kubelet default evictionMaxPodGracePeriod is 0 ("use the pod's"); soft evictions cap at it when > 0. */
const DEFAULT_MAX_POD_GRACE_SECONDS = 0;

export interface NodeInput {
  name: string;
  object: Obj;
  capacityBytes: number;
  allocatableBytes: number;
  /** Millicores, when the Node states a cpu capacity. */
  cpuAllocatableMilli?: number;
  systemReservedBytes: number;
  kubeReservedBytes: number;
}

export interface EvictionConfig {
  /** Memory thresholds (memory.available): hard ones have gracePeriodMs 0. */
  thresholds: Threshold[];
  pressureTransitionPeriodMs: number;
  maxPodGracePeriodSeconds: number;
}

export interface ContainerUsage {
  namespace: string;
  pod: string;
  container: string;
  behaviour: UsageBehaviour;
}

export interface ResourcesInput {
  node: NodeInput;
  eviction: EvictionConfig;
  pods: Obj[];
  limitRanges: Obj[];
  quotas: Obj[];
  usage: ContainerUsage[];
  durationMs: number;
  systemUsageBytes: number;
}

function fail(reason: string, object: object, path: FieldPath): never {
  throw new ValidationError(reason, { object, path });
}

function isObj(v: unknown): v is Obj {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** A quantity field → bytes; `'12Qi' is not a valid quantity` otherwise. */
export function quantityBytes(value: unknown, object: object, path: FieldPath): number {
  const q = Quantity.tryParse(value);
  if (!q) fail(`${describeValue(value)} is not a valid quantity`, object, path);
  return q.value();
}

function durationMs(value: unknown, object: object, path: FieldPath): number {
  const ms = parseGoDuration(value);
  if (typeof ms === 'string') fail(`Invalid value: ${JSON.stringify(value)}: ${ms}`, object, path);
  if (ms < 0) fail(`Invalid value: ${JSON.stringify(value)}: must be greater than or equal to 0`, object, path);
  return ms;
}

/** Validates a container's resources the way ValidateResourceRequirements does. */
function validateResources(pod: Obj, base: FieldPath, resources: unknown): void {
  if (resources === undefined || resources === null) return;
  if (!isObj(resources)) fail('must be a mapping', pod, base);
  const parsed: Record<'requests' | 'limits', Map<string, Quantity>> = { requests: new Map(), limits: new Map() };
  for (const kind of ['limits', 'requests'] as const) {
    const list = resources[kind];
    if (list === undefined || list === null) continue;
    if (!isObj(list)) fail('must be a mapping of resource names to quantities', pod, [...base, kind]);
    for (const [name, raw] of Object.entries(list)) {
      const q = Quantity.tryParse(raw);
      if (!q) fail(`${describeValue(raw)} is not a valid quantity`, pod, [...base, kind, name]);
      if (q.sign() < 0) fail(`Invalid value: "${q}": must be greater than or equal to 0`, pod, [...base, kind, name]);
      parsed[kind].set(name, q);
    }
  }
  for (const [name, request] of parsed.requests) {
    const limit = parsed.limits.get(name);
    // pkg/apis/core/validation ValidateResourceRequirements: field.Invalid(reqPath, ...)
    if (limit && request.cmp(limit) > 0) {
      fail(`Invalid value: "${request}": must be less than or equal to ${name} limit of ${limit}`, pod, [...base, 'requests']);
    }
  }
}

function readPod(pod: Obj): void {
  const meta = pod.metadata;
  if (!isObj(meta) || typeof meta.name !== 'string' || meta.name === '') fail('Required value: name or generateName is required', pod, ['metadata', 'name']);
  if (!isObj(pod.spec)) fail('Required value', pod, ['spec']);
  const policy = pod.spec.restartPolicy;
  if (policy !== undefined && !['Always', 'OnFailure', 'Never'].includes(policy)) {
    fail(`Unsupported value: ${JSON.stringify(policy)}: supported values: "Always", "OnFailure", "Never"`, pod, ['spec', 'restartPolicy']);
  }
  if (pod.spec.priority !== undefined && !Number.isInteger(pod.spec.priority)) fail('must be an integer', pod, ['spec', 'priority']);
  for (const key of ['initContainers', 'containers'] as const) {
    const list = pod.spec[key];
    if (list === undefined && key === 'initContainers') continue;
    if (!Array.isArray(list) || (key === 'containers' && list.length === 0)) fail('Required value', pod, ['spec', key]);
    const seen = new Set<string>();
    list.forEach((c: unknown, i: number) => {
      if (!isObj(c)) fail('must be a mapping', pod, ['spec', key, i]);
      if (typeof c.name !== 'string' || c.name === '') fail('Required value', pod, ['spec', key, i, 'name']);
      if (seen.has(c.name)) fail(`Duplicate value: "${c.name}"`, pod, ['spec', key, i, 'name']);
      seen.add(c.name);
      validateResources(pod, ['spec', key, i, 'resources'], c.resources);
    });
  }
}

function readNode(node: Obj, kubelet: Obj | undefined): NodeInput {
  const name = node.metadata?.name;
  if (typeof name !== 'string' || name === '') fail('Required value: name is required', node, ['metadata', 'name']);
  const capacity = node.status?.capacity;
  if (!isObj(capacity) || capacity.memory === undefined) {
    fail('Required value: the Node needs status.capacity.memory (how much memory the machine has)', node, ['status', 'capacity', 'memory']);
  }
  const capacityBytes = quantityBytes(capacity.memory, node, ['status', 'capacity', 'memory']);
  if (capacityBytes <= 0) fail(`Invalid value: "${capacity.memory}": a node with no memory cannot run Pods; must be greater than 0`, node, ['status', 'capacity', 'memory']);
  const reserved = (field: 'systemReserved' | 'kubeReserved') => {
    const raw = kubelet?.[field]?.memory;
    return raw === undefined ? 0 : quantityBytes(raw, kubelet!, [field, 'memory']);
  };
  const systemReservedBytes = reserved('systemReserved');
  const kubeReservedBytes = reserved('kubeReserved');
  let allocatableBytes: number;
  const allocatable = node.status?.allocatable;
  if (isObj(allocatable) && allocatable.memory !== undefined) {
    allocatableBytes = quantityBytes(allocatable.memory, node, ['status', 'allocatable', 'memory']);
  } else {
    // Node allocatable = capacity − kube-reserved − system-reserved − hard eviction threshold
    // (pkg/kubelet/cm/node_container_manager_linux.go GetNodeAllocatableReservation).
    const hard = kubelet?.evictionHard?.['memory.available'] ?? DEFAULT_EVICTION_HARD['memory.available'];
    const value = parseThresholdValue(hard);
    const hardBytes = typeof value === 'string' ? 0 : 'quantity' in value ? value.quantity.value() : Math.trunc(capacityBytes * value.percentage);
    allocatableBytes = Math.max(0, capacityBytes - systemReservedBytes - kubeReservedBytes - hardBytes);
  }
  let cpuAllocatableMilli: number | undefined;
  const cpu = (isObj(allocatable) && allocatable.cpu !== undefined ? allocatable.cpu : capacity.cpu) as unknown;
  if (cpu !== undefined) {
    const q = Quantity.tryParse(cpu);
    if (!q) fail(`${describeValue(cpu)} is not a valid quantity`, node, ['status', 'capacity', 'cpu']);
    cpuAllocatableMilli = q.milliValue();
  }
  return { name, object: node, capacityBytes, allocatableBytes, cpuAllocatableMilli, systemReservedBytes, kubeReservedBytes };
}

function readEviction(kubelet: Obj | undefined): EvictionConfig {
  const thresholds: Threshold[] = [];
  const hard = kubelet?.evictionHard ?? DEFAULT_EVICTION_HARD;
  const at = (field: string) => (kubelet ? [field] : []);
  for (const [signal, raw] of Object.entries(hard as Obj)) {
    if (signal !== 'memory.available') continue; // disk and PID signals are outside this chapter
    const value = parseThresholdValue(raw);
    if (typeof value === 'string') fail(value, kubelet ?? {}, [...at('evictionHard'), signal]);
    thresholds.push({ signal, value, gracePeriodMs: 0 });
  }
  for (const [signal, raw] of Object.entries((kubelet?.evictionSoft ?? {}) as Obj)) {
    if (signal !== 'memory.available') continue;
    const value = parseThresholdValue(raw);
    if (typeof value === 'string') fail(value, kubelet!, ['evictionSoft', signal]);
    const grace = kubelet!.evictionSoftGracePeriod?.[signal];
    // eviction/helpers.go parseThresholdStatements: "grace period must be specified for the soft eviction threshold"
    if (grace === undefined) fail(`grace period must be specified for the soft eviction threshold ${signal}`, kubelet!, ['evictionSoftGracePeriod', signal]);
    const ms = durationMs(grace, kubelet!, ['evictionSoftGracePeriod', signal]);
    if (ms <= 0) fail(`grace period must be specified for the soft eviction threshold ${signal}`, kubelet!, ['evictionSoftGracePeriod', signal]);
    thresholds.push({ signal, value, gracePeriodMs: ms });
  }
  const transition = kubelet?.evictionPressureTransitionPeriod;
  const maxGrace = kubelet?.evictionMaxPodGracePeriod;
  if (maxGrace !== undefined && !Number.isInteger(maxGrace)) fail('must be an integer number of seconds', kubelet!, ['evictionMaxPodGracePeriod']);
  return {
    thresholds,
    pressureTransitionPeriodMs: transition === undefined ? DEFAULT_PRESSURE_TRANSITION_PERIOD_MS : durationMs(transition, kubelet!, ['evictionPressureTransitionPeriod']),
    maxPodGracePeriodSeconds: maxGrace ?? DEFAULT_MAX_POD_GRACE_SECONDS,
  };
}

const BEHAVIOUR_FIELDS: Record<(typeof USAGE_PATTERNS)[number], string[]> = {
  steady: ['level'],
  leak: ['start', 'perMinute'],
  spikes: ['base', 'peak', 'every', 'length'],
  step: ['before', 'after', 'at'],
  points: ['points'],
};

function readBehaviour(doc: Obj, path: FieldPath, usage: unknown): UsageBehaviour {
  if (!isObj(usage)) fail('Required value: a usage mapping with a pattern', doc, path);
  const pattern = usage.pattern;
  if (!USAGE_PATTERNS.includes(pattern)) {
    fail(`Unsupported value: ${JSON.stringify(pattern ?? '')}: supported values: ${USAGE_PATTERNS.map((p) => `"${p}"`).join(', ')}`, doc, [...path, 'pattern']);
  }
  const p = pattern as (typeof USAGE_PATTERNS)[number];
  for (const key of Object.keys(usage)) {
    if (key !== 'pattern' && !BEHAVIOUR_FIELDS[p].includes(key)) fail(`unknown field "${key}" for pattern ${p} (expected: ${BEHAVIOUR_FIELDS[p].join(', ')})`, doc, [...path, key]);
  }
  const bytes = (key: string) => {
    if (usage[key] === undefined) fail('Required value', doc, [...path, key]);
    const b = quantityBytes(usage[key], doc, [...path, key]);
    if (b < 0) fail(`Invalid value: "${usage[key]}": must be greater than or equal to 0`, doc, [...path, key]);
    return b;
  };
  const ms = (key: string) => {
    if (usage[key] === undefined) fail('Required value', doc, [...path, key]);
    return durationMs(usage[key], doc, [...path, key]);
  };
  switch (p) {
    case 'steady':
      return { pattern: p, level: bytes('level') };
    case 'leak':
      return { pattern: p, start: bytes('start'), perMinute: bytes('perMinute') };
    case 'spikes': {
      const b = { pattern: p, base: bytes('base'), peak: bytes('peak'), everyMs: ms('every'), lengthMs: ms('length') };
      if (b.everyMs <= 0) fail('Invalid value: must be greater than 0', doc, [...path, 'every']);
      if (b.lengthMs > b.everyMs) fail('Invalid value: a spike cannot last longer than the interval between spikes', doc, [...path, 'length']);
      return b;
    }
    case 'step':
      return { pattern: p, before: bytes('before'), after: bytes('after'), atMs: ms('at') };
    case 'points': {
      const list = usage.points;
      if (!Array.isArray(list) || list.length === 0) fail('Required value: at least one point', doc, [...path, 'points']);
      const points = list.map((pt: unknown, i: number) => {
        if (!isObj(pt)) fail('must be a mapping with at and usage', doc, [...path, 'points', i]);
        for (const key of Object.keys(pt)) if (key !== 'at' && key !== 'usage') fail(`unknown field "${key}"`, doc, [...path, 'points', i, key]);
        if (pt.at === undefined) fail('Required value', doc, [...path, 'points', i, 'at']);
        if (pt.usage === undefined) fail('Required value', doc, [...path, 'points', i, 'usage']);
        return { atMs: durationMs(pt.at, doc, [...path, 'points', i, 'at']), bytes: quantityBytes(pt.usage, doc, [...path, 'points', i, 'usage']) };
      });
      points.forEach((pt, i) => {
        if (i > 0 && pt.atMs <= points[i - 1].atMs) {
          fail(`Invalid value: ${JSON.stringify(list[i].at)}: the usage curve must move forward in time (each point after the one before)`, doc, [...path, 'points', i, 'at']);
        }
      });
      return { pattern: p, points };
    }
  }
}

function readScenario(doc: Obj | undefined, pods: Obj[]): Pick<ResourcesInput, 'usage' | 'durationMs' | 'systemUsageBytes'> {
  const spec: Obj = doc?.spec ?? {};
  if (doc && !isObj(spec)) fail('must be a mapping', doc, ['spec']);
  for (const key of Object.keys(spec)) {
    if (!['duration', 'systemUsage', 'containers'].includes(key)) fail(`unknown field "${key}"`, doc!, ['spec', key]);
  }
  const duration = spec.duration === undefined ? DEFAULT_DURATION_MS : durationMs(spec.duration, doc!, ['spec', 'duration']);
  if (duration <= 0) fail('Invalid value: must be greater than 0', doc!, ['spec', 'duration']);
  const systemUsageBytes = spec.systemUsage === undefined ? 0 : quantityBytes(spec.systemUsage, doc!, ['spec', 'systemUsage']);
  const usage: ContainerUsage[] = [];
  const list = spec.containers ?? [];
  if (!Array.isArray(list)) fail('must be a list', doc!, ['spec', 'containers']);
  list.forEach((entry: unknown, i: number) => {
    const path = ['spec', 'containers', i];
    if (!isObj(entry)) fail('must be a mapping', doc!, path);
    for (const key of Object.keys(entry)) if (!['pod', 'namespace', 'container', 'usage'].includes(key)) fail(`unknown field "${key}"`, doc!, [...path, key]);
    const namespace = entry.namespace ?? 'default';
    const pod = pods.find((p) => p.metadata.name === entry.pod && (p.metadata.namespace ?? 'default') === namespace);
    if (!pod) fail(`Not found: no Pod ${JSON.stringify(entry.pod)} in namespace ${JSON.stringify(namespace)} in this input`, doc!, [...path, 'pod']);
    const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
    if (!all.some((c: Obj) => c.name === entry.container)) {
      fail(`Not found: Pod ${JSON.stringify(entry.pod)} has no container ${JSON.stringify(entry.container)}`, doc!, [...path, 'container']);
    }
    if (usage.some((u) => u.namespace === namespace && u.pod === entry.pod && u.container === entry.container)) {
      fail(`Duplicate value: "${entry.pod}/${entry.container}"`, doc!, path);
    }
    usage.push({ namespace, pod: entry.pod, container: entry.container, behaviour: readBehaviour(doc!, [...path, 'usage'], entry.usage) });
  });
  return { usage, durationMs: duration, systemUsageBytes };
}

/**
 * Reads the manifests into a validated input. Throws ValidationError for bad input.
 *
 * @example readResourcesInput([nodeObject, podObject, scenarioObject]).node.capacityBytes
 */
export function readResourcesInput(objects: readonly KubeObject[], maxVirtualTimeMs = 24 * 3_600_000): ResourcesInput {
  let node: Obj | undefined;
  let kubelet: Obj | undefined;
  let scenario: Obj | undefined;
  const pods: Obj[] = [];
  const limitRanges: Obj[] = [];
  const quotas: Obj[] = [];
  for (const o of objects as readonly Obj[]) {
    const key = `${o.apiVersion} ${o.kind}`;
    if (key === 'v1 Node') {
      if (node) fail('this simulation models one node: give exactly one Node', o, ['kind']);
      node = o;
    } else if (key === 'kubelet.config.k8s.io/v1beta1 KubeletConfiguration') {
      if (kubelet) fail('Duplicate value: only one KubeletConfiguration', o, ['kind']);
      kubelet = o;
    } else if (key === `${SCENARIO_API_VERSION} ${SCENARIO_KIND}`) {
      if (scenario) fail(`Duplicate value: only one ${SCENARIO_KIND}`, o, ['kind']);
      scenario = o;
    } else if (key === 'v1 Pod') {
      readPod(o);
      const ns = o.metadata.namespace ?? 'default';
      if (pods.some((p) => p.metadata.name === o.metadata.name && (p.metadata.namespace ?? 'default') === ns)) fail(`Duplicate value: "${o.metadata.name}"`, o, ['metadata', 'name']);
      pods.push(o);
    } else if (key === 'v1 LimitRange') {
      limitRanges.push(o);
    } else if (key === 'v1 ResourceQuota') {
      quotas.push(o);
    } else {
      fail(
        `Unsupported value: ${JSON.stringify(key)}: supported kinds: v1 Node, v1 Pod, v1 LimitRange, v1 ResourceQuota, kubelet.config.k8s.io/v1beta1 KubeletConfiguration, ${SCENARIO_API_VERSION} ${SCENARIO_KIND}`,
        o,
        ['kind'],
      );
    }
  }
  if (!node) throw new ValidationError('Required value: give one Node (kind: Node) with status.capacity.memory', { path: [] });
  if (pods.length > MAX_PODS) throw new LimitExceededError(`at most ${MAX_PODS} Pods per simulation (got ${pods.length})`);
  const input: ResourcesInput = {
    node: readNode(node, kubelet),
    eviction: readEviction(kubelet),
    pods,
    limitRanges,
    quotas,
    ...readScenario(scenario, pods),
  };
  if (input.durationMs > maxVirtualTimeMs) {
    throw new LimitExceededError(`at most ${maxVirtualTimeMs / 3_600_000}h of virtual time per run`, { object: scenario, path: ['spec', 'duration'] });
  }
  return input;
}

// Reads and validates the resources-oom input: one Node, an optional
// KubeletConfiguration, Pods, LimitRanges, ResourceQuotas and an optional
// kube-notebook.dev/v1alpha1 MemoryScenario saying how each container's memory
// behaves. Every object first goes through the decoder (decode.ts: each field's
// JSON type checked against its Go type, null read as absent), then through the
// API server's checks (pod-validation.ts) and this chapter's limits (limits.ts),
// so the simulation only ever sees well-typed data. Bad input throws
// ValidationError with the object and field path, worded as the API server words it.
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
//
// Durations are Go duration strings (metav1.Duration: "90s", not 90); amounts of
// memory are quantities. How much one run may ask for is in limits.ts.

import { Quantity } from '../apimachinery/quantity.ts';
import { LimitExceededError, ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import { DEFAULT_EVICTION_HARD, DEFAULT_PRESSURE_TRANSITION_PERIOD_MS, EVICTION_SIGNALS, parseThresholdStatement, thresholdBytes } from '../kubelet/eviction.ts';
import type { Threshold } from '../kubelet/eviction.ts';
import { LIMIT_RANGE, NODE, POD, RESOURCE_QUOTA, readTop } from './core-v1.ts';
import type { DecodedLimitRange, DecodedNode, DecodedResourceQuota } from './core-v1.ts';
import { KUBELET_CONFIGURATION, MEMORY_SCENARIO } from './scenario-types.ts';
import type { DecodedKubeletConfiguration, DecodedMemoryScenario, DecodedUsageBehaviour } from './scenario-types.ts';
import { validateLimitRange, validatePod, validateResourceQuota } from './pod-validation.ts';
import type { PodManifest } from './pod-validation.ts';
import { LIMITS, checkLimit, checkMemoryLimit } from './limits.ts';
import { parseGoDuration } from '../apimachinery/parse-duration.ts';
import { USAGE_PATTERNS } from './usage.ts';
import type { UsageBehaviour } from './usage.ts';

export type { PodManifest } from './pod-validation.ts';

export const SCENARIO_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const SCENARIO_KIND = 'MemoryScenario';
export const DEFAULT_DURATION_MS = 10 * 60_000;
export const MAX_PODS = LIMITS.pods;
/** kubelet default evictionMaxPodGracePeriod is 0 ("use the pod's"); soft evictions cap at it when > 0. */
const DEFAULT_MAX_POD_GRACE_SECONDS = 0;

export interface NodeInput {
  name: string;
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
  pods: PodManifest[];
  limitRanges: DecodedLimitRange[];
  quotas: DecodedResourceQuota[];
  usage: ContainerUsage[];
  durationMs: number;
  systemUsageBytes: number;
}

/** A decoded object with the learner's own object, against which errors are reported. */
interface Read<T> {
  raw: object;
  value: T;
}

function fail(reason: string, object: object, path: FieldPath): never {
  throw new ValidationError(reason, { object, path });
}

/** The value the learner wrote at `path` (for messages that quote it). */
function rawAt(root: object, path: FieldPath): unknown {
  let v: unknown = root;
  for (const part of path) v = v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[part] : undefined;
  return v;
}

/** A quantity the decoder has checked, in bytes: ≥ 0 and within the memory limit. */
function memoryBytes(value: string | number, object: object, path: FieldPath): number {
  const q = Quantity.parse(value);
  if (q.sign() < 0) fail(`Invalid value: "${q}": must be greater than or equal to 0`, object, path);
  const bytes = q.value();
  checkMemoryLimit(bytes, object, path);
  return bytes;
}

/** A memory amount in a map[string]string of KubeletConfiguration (systemReserved, kubeReserved). */
function configBytes(text: string, object: object, path: FieldPath): number {
  if (!Quantity.tryParse(text)) fail(`${describeValue(text)} is not a valid quantity`, object, path);
  return memoryBytes(text, object, path);
}

function readNode(node: Read<DecodedNode>, kubelet: Read<DecodedKubeletConfiguration> | undefined): NodeInput {
  const { raw, value } = node;
  const name = value.metadata?.name;
  if (!name) fail('Required value: name is required', raw, ['metadata', 'name']);
  const capacity = value.status?.capacity ?? {};
  if (capacity.memory === undefined) {
    fail('Required value: the Node needs status.capacity.memory (how much memory the machine has)', raw, ['status', 'capacity', 'memory']);
  }
  const capacityBytes = memoryBytes(capacity.memory, raw, ['status', 'capacity', 'memory']);
  if (capacityBytes <= 0) fail(`Invalid value: "${capacity.memory}": a node with no memory cannot run Pods; must be greater than 0`, raw, ['status', 'capacity', 'memory']);
  const reserved = (field: 'systemReserved' | 'kubeReserved') => {
    const text = kubelet?.value[field]?.memory;
    return text === undefined ? 0 : configBytes(text, kubelet!.raw, [field, 'memory']);
  };
  const systemReservedBytes = reserved('systemReserved');
  const kubeReservedBytes = reserved('kubeReserved');
  const allocatable = value.status?.allocatable ?? {};
  let allocatableBytes: number;
  if (allocatable.memory !== undefined) {
    allocatableBytes = memoryBytes(allocatable.memory, raw, ['status', 'allocatable', 'memory']);
  } else {
    // Node allocatable = capacity − kube-reserved − system-reserved − hard eviction threshold
    // (pkg/kubelet/cm/node_container_manager_linux.go GetNodeAllocatableReservation).
    // A disabled ("0%", "100%") or invalid threshold reserves nothing (readEviction reports the invalid one).
    const hard = (kubelet?.value.evictionHard ?? DEFAULT_EVICTION_HARD)['memory.available'];
    const threshold = hard === undefined ? null : parseThresholdStatement('memory.available', hard);
    const hardBytes = threshold === null || typeof threshold === 'string' ? 0 : thresholdBytes(threshold, capacityBytes);
    allocatableBytes = Math.max(0, capacityBytes - systemReservedBytes - kubeReservedBytes - hardBytes);
  }
  const cpuField = allocatable.cpu !== undefined ? 'allocatable' : 'capacity';
  const cpu = allocatable.cpu ?? capacity.cpu;
  let cpuAllocatableMilli: number | undefined;
  if (cpu !== undefined) {
    const q = Quantity.parse(cpu);
    if (q.sign() < 0) fail(`Invalid value: "${q}": must be greater than or equal to 0`, raw, ['status', cpuField, 'cpu']);
    cpuAllocatableMilli = q.milliValue();
  }
  return { name, capacityBytes, allocatableBytes, cpuAllocatableMilli, systemReservedBytes, kubeReservedBytes };
}

function readEviction(kubelet: Read<DecodedKubeletConfiguration> | undefined): EvictionConfig {
  const cfg = kubelet?.value ?? {};
  const raw = kubelet?.raw ?? {};
  const thresholds: Threshold[] = [];
  // eviction/helpers.go ParseThresholdConfig → parseThresholdStatement: every signal is checked (an
  // unknown one stops the kubelet), "0%" and "100%" switch a threshold off, 0 and negatives are refused.
  const threshold = (field: 'evictionHard' | 'evictionSoft', signal: string, text: string) => {
    const value = parseThresholdStatement(signal, text);
    if (typeof value === 'string') fail(value, raw, [field, signal]);
    if (value && 'quantity' in value) checkMemoryLimit(value.quantity.value(), raw, [field, signal]);
    return value;
  };
  for (const [signal, text] of Object.entries(cfg.evictionHard ?? DEFAULT_EVICTION_HARD)) {
    const value = threshold('evictionHard', signal, text);
    if (signal !== 'memory.available' || value === null) continue; // disk and PID signals are outside this chapter
    thresholds.push({ signal, value, gracePeriodMs: 0 });
  }
  const soft: [string, NonNullable<ReturnType<typeof threshold>>][] = [];
  for (const [signal, text] of Object.entries(cfg.evictionSoft ?? {})) {
    const value = threshold('evictionSoft', signal, text);
    if (value !== null) soft.push([signal, value]);
  }
  // parseGracePeriods: the signal must be valid, the duration must parse and be ≥ 0 (0 makes the
  // threshold behave as a hard one: isHardEvictionThreshold is GracePeriod == 0).
  const graces = new Map<string, number>();
  for (const [signal, grace] of Object.entries(cfg.evictionSoftGracePeriod ?? {})) {
    const path = ['evictionSoftGracePeriod', signal];
    if (!EVICTION_SIGNALS.includes(signal)) fail(`unsupported eviction signal ${signal}`, raw, path);
    const ms = parseGoDuration(grace);
    if (typeof ms === 'string') fail(`Invalid value: ${JSON.stringify(grace)}: ${ms}`, raw, path);
    if (ms < 0) fail(`invalid eviction grace period specified: ${grace}, must be a positive value`, raw, path);
    graces.set(signal, ms);
  }
  for (const [signal, value] of soft) {
    const ms = graces.get(signal);
    // "grace period must be specified for the soft eviction threshold %v", for every signal
    if (ms === undefined) fail(`grace period must be specified for the soft eviction threshold ${signal}`, raw, ['evictionSoftGracePeriod', signal]);
    if (signal === 'memory.available') thresholds.push({ signal, value, gracePeriodMs: ms });
  }
  const transition = cfg.evictionPressureTransitionPeriod ?? DEFAULT_PRESSURE_TRANSITION_PERIOD_MS;
  if (transition < 0) fail(`Invalid value: ${JSON.stringify(rawAt(raw, ['evictionPressureTransitionPeriod']))}: must be greater than or equal to 0`, raw, ['evictionPressureTransitionPeriod']);
  const maxGrace = cfg.evictionMaxPodGracePeriod ?? DEFAULT_MAX_POD_GRACE_SECONDS;
  if (maxGrace < 0) fail(`Invalid value: ${maxGrace}: must be greater than or equal to 0`, raw, ['evictionMaxPodGracePeriod']);
  return { thresholds, pressureTransitionPeriodMs: transition, maxPodGracePeriodSeconds: maxGrace };
}

const BEHAVIOUR_FIELDS: Record<(typeof USAGE_PATTERNS)[number], string[]> = {
  steady: ['level'],
  leak: ['start', 'perMinute'],
  spikes: ['base', 'peak', 'every', 'length'],
  step: ['before', 'after', 'at'],
  points: ['points'],
};

function isPattern(value: string | undefined): value is (typeof USAGE_PATTERNS)[number] {
  return (USAGE_PATTERNS as readonly (string | undefined)[]).includes(value);
}

function readBehaviour(raw: object, path: FieldPath, usage: DecodedUsageBehaviour | undefined): UsageBehaviour {
  if (!usage) fail('Required value: a usage mapping with a pattern', raw, path);
  const p = usage.pattern;
  if (!isPattern(p)) {
    fail(`Unsupported value: ${JSON.stringify(p ?? '')}: supported values: ${USAGE_PATTERNS.map((x) => `"${x}"`).join(', ')}`, raw, [...path, 'pattern']);
  }
  for (const key of Object.keys(usage)) {
    if (key !== 'pattern' && !BEHAVIOUR_FIELDS[p].includes(key)) fail(`unknown field "${key}" for pattern ${p} (expected: ${BEHAVIOUR_FIELDS[p].join(', ')})`, raw, [...path, key]);
  }
  const bytes = (key: 'level' | 'start' | 'perMinute' | 'base' | 'peak' | 'before' | 'after') => {
    const v = usage[key];
    if (v === undefined) fail('Required value', raw, [...path, key]);
    return memoryBytes(v, raw, [...path, key]);
  };
  const ms = (key: 'every' | 'length' | 'at') => {
    const v = usage[key];
    if (v === undefined) fail('Required value', raw, [...path, key]);
    if (v < 0) fail(`Invalid value: ${JSON.stringify(rawAt(raw, [...path, key]))}: must be greater than or equal to 0`, raw, [...path, key]);
    return v;
  };
  switch (p) {
    case 'steady':
      return { pattern: p, level: bytes('level') };
    case 'leak':
      return { pattern: p, start: bytes('start'), perMinute: bytes('perMinute') };
    case 'spikes': {
      const b = { pattern: p, base: bytes('base'), peak: bytes('peak'), everyMs: ms('every'), lengthMs: ms('length') };
      if (b.everyMs <= 0) fail('Invalid value: must be greater than 0', raw, [...path, 'every']);
      if (b.lengthMs > b.everyMs) fail('Invalid value: a spike cannot last longer than the interval between spikes', raw, [...path, 'length']);
      return b;
    }
    case 'step':
      return { pattern: p, before: bytes('before'), after: bytes('after'), atMs: ms('at') };
    case 'points': {
      const list = usage.points ?? [];
      if (list.length === 0) fail('Required value: at least one point', raw, [...path, 'points']);
      checkLimit(list.length, LIMITS.usagePoints, 'points in one usage curve', { object: raw, path: [...path, 'points'] });
      const points = list.map((pt, i) => {
        const at = [...path, 'points', i];
        if (pt.at === undefined) fail('Required value', raw, [...at, 'at']);
        if (pt.usage === undefined) fail('Required value', raw, [...at, 'usage']);
        if (pt.at < 0) fail(`Invalid value: ${JSON.stringify(rawAt(raw, [...at, 'at']))}: must be greater than or equal to 0`, raw, [...at, 'at']);
        return { atMs: pt.at, bytes: memoryBytes(pt.usage, raw, [...at, 'usage']) };
      });
      points.forEach((pt, i) => {
        if (i > 0 && pt.atMs <= points[i - 1].atMs) {
          const at = [...path, 'points', i, 'at'];
          fail(`Invalid value: ${JSON.stringify(rawAt(raw, at))}: the usage curve must move forward in time (each point after the one before)`, raw, at);
        }
      });
      return { pattern: p, points };
    }
  }
}

const podKey = (namespace: string, name: string) => `${namespace}/${name}`;

function readScenario(scenario: Read<DecodedMemoryScenario> | undefined, pods: PodManifest[]): Pick<ResourcesInput, 'usage' | 'durationMs' | 'systemUsageBytes'> {
  const raw = scenario?.raw ?? {};
  const spec = scenario?.value.spec ?? {};
  const duration = spec.duration ?? DEFAULT_DURATION_MS;
  if (duration <= 0) fail('Invalid value: must be greater than 0', raw, ['spec', 'duration']);
  const systemUsageBytes = spec.systemUsage === undefined ? 0 : memoryBytes(spec.systemUsage, raw, ['spec', 'systemUsage']);
  const byKey = new Map(pods.map((p) => [podKey(p.metadata.namespace ?? 'default', p.metadata.name), p]));
  const seen = new Set<string>();
  const usage: ContainerUsage[] = (spec.containers ?? []).map((entry, i) => {
    const path = ['spec', 'containers', i];
    const namespace = entry.namespace || 'default';
    if (entry.pod === undefined) fail('Required value', raw, [...path, 'pod']);
    if (entry.container === undefined) fail('Required value', raw, [...path, 'container']);
    const pod = byKey.get(podKey(namespace, entry.pod));
    if (!pod) fail(`Not found: no Pod ${JSON.stringify(entry.pod)} in namespace ${JSON.stringify(namespace)} in this input`, raw, [...path, 'pod']);
    const all = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
    if (!all.some((c) => c.name === entry.container)) {
      fail(`Not found: Pod ${JSON.stringify(entry.pod)} has no container ${JSON.stringify(entry.container)}`, raw, [...path, 'container']);
    }
    const key = `${podKey(namespace, entry.pod)}/${entry.container}`;
    if (seen.has(key)) fail(`Duplicate value: "${entry.pod}/${entry.container}"`, raw, path);
    seen.add(key);
    return { namespace, pod: entry.pod, container: entry.container, behaviour: readBehaviour(raw, [...path, 'usage'], entry.usage) };
  });
  return { usage, durationMs: duration, systemUsageBytes };
}

const SUPPORTED_KINDS = `v1 Node, v1 Pod, v1 LimitRange, v1 ResourceQuota, kubelet.config.k8s.io/v1beta1 KubeletConfiguration, ${SCENARIO_API_VERSION} ${SCENARIO_KIND}`;

/**
 * Reads the manifests into a validated, typed input: every object is decoded
 * field by field (decode.ts) before any rule looks at it. Throws ValidationError
 * (LimitExceededError for what is too large) naming the object and field.
 *
 * @example readResourcesInput([nodeObject, podObject, scenarioObject]).node.capacityBytes
 */
export function readResourcesInput(objects: readonly unknown[], maxVirtualTimeMs = 24 * 3_600_000): ResourcesInput {
  let node: Read<DecodedNode> | undefined;
  let kubelet: Read<DecodedKubeletConfiguration> | undefined;
  let scenario: Read<DecodedMemoryScenario> | undefined;
  const pods: PodManifest[] = [];
  const podKeys = new Set<string>();
  const limitRanges: DecodedLimitRange[] = [];
  const quotas: DecodedResourceQuota[] = [];
  let admissionRules = 0;
  objects.forEach((raw, index) => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new ValidationError(`object ${index + 1} is ${describeValue(raw)}, not a Kubernetes object`, { path: [] });
    }
    const o = raw as Record<string, unknown>;
    for (const field of ['apiVersion', 'kind'] as const) {
      if (typeof o[field] !== 'string' || o[field] === '') fail('Required value: every Kubernetes object needs apiVersion and kind', raw, [field]);
    }
    const key = `${o.apiVersion as string} ${o.kind as string}`;
    if (key === 'v1 Node') {
      if (node) fail('this simulation models one node: give exactly one Node', raw, ['kind']);
      node = { raw, value: readTop(NODE, raw) };
    } else if (key === 'kubelet.config.k8s.io/v1beta1 KubeletConfiguration') {
      if (kubelet) fail('Duplicate value: only one KubeletConfiguration', raw, ['kind']);
      kubelet = { raw, value: readTop(KUBELET_CONFIGURATION, raw) };
    } else if (key === `${SCENARIO_API_VERSION} ${SCENARIO_KIND}`) {
      if (scenario) fail(`Duplicate value: only one ${SCENARIO_KIND}`, raw, ['kind']);
      scenario = { raw, value: readTop(MEMORY_SCENARIO, raw) };
    } else if (key === 'v1 Pod') {
      checkLimit(pods.length + 1, LIMITS.pods, 'Pods per simulation', { object: raw, path: ['metadata', 'name'] });
      const pod = validatePod(raw, readTop(POD, raw));
      const k = podKey(pod.metadata.namespace ?? 'default', pod.metadata.name);
      if (podKeys.has(k)) fail(`Duplicate value: "${pod.metadata.name}"`, raw, ['metadata', 'name']);
      podKeys.add(k);
      pods.push(pod);
    } else if (key === 'v1 LimitRange') {
      const lr = readTop(LIMIT_RANGE, raw);
      admissionRules += 1 + (lr.spec?.limits?.length ?? 0);
      checkLimit(admissionRules, LIMITS.admissionRules, 'LimitRange items and ResourceQuota resources', { object: raw, path: ['spec'] });
      validateLimitRange(raw, lr);
      limitRanges.push(lr);
    } else if (key === 'v1 ResourceQuota') {
      const quota = readTop(RESOURCE_QUOTA, raw);
      admissionRules += 1 + Object.keys(quota.spec?.hard ?? {}).length;
      checkLimit(admissionRules, LIMITS.admissionRules, 'LimitRange items and ResourceQuota resources', { object: raw, path: ['spec'] });
      validateResourceQuota(raw, quota);
      quotas.push(quota);
    } else {
      fail(`Unsupported value: ${JSON.stringify(key)}: supported kinds: ${SUPPORTED_KINDS}`, raw, ['kind']);
    }
  });
  if (!node) throw new ValidationError('Required value: give one Node (kind: Node) with status.capacity.memory', { path: [] });
  const input: ResourcesInput = {
    node: readNode(node, kubelet),
    eviction: readEviction(kubelet),
    pods,
    limitRanges,
    quotas,
    ...readScenario(scenario, pods),
  };
  const durationAt = { object: scenario?.raw, path: ['spec', 'duration'] };
  if (input.durationMs > maxVirtualTimeMs) {
    throw new LimitExceededError(`at most ${maxVirtualTimeMs / 3_600_000}h of virtual time per run`, durationAt);
  }
  // The clock ticks every second for every container.
  const containers = pods.reduce((n, p) => n + p.spec.containers.length + (p.spec.initContainers?.length ?? 0), 0);
  checkLimit(containers, LIMITS.containers, 'containers in one run', { path: [] });
  checkLimit(containers * (Math.floor(input.durationMs / 1000) + 1), LIMITS.containerSeconds, 'containers × simulated seconds', durationAt);
  return input;
}

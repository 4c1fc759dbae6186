// Reads the resources-oom input: one Node, an optional KubeletConfiguration,
// Pods, and the cluster's Namespaces, LimitRanges, ResourceQuotas and
// PriorityClasses, plus an optional kube-notebook.dev/v1alpha1 MemoryScenario
// saying how each container's memory behaves.
//
// The built-in objects go into a fresh virtual kube-apiserver (freshApiServer: its default admission chain),
// the way they would get into a real cluster: the cluster's state (Node,
// Namespaces, LimitRanges, ResourceQuotas, PriorityClasses) is seeded, then
// the resource quota controller counts what each quota's namespace holds; the
// Pods are created one by one, so they pass decoding, defaulting, admission
// (LimitRanger, Priority, ResourceQuota) and validation. A Pod admission
// refuses is an outcome (its 403 is in the result); anything else the API
// server refuses is the learner's error, worded as kube-apiserver words it, at
// the offending field's line. The simulation then reads what was stored. The
// two kinds that are not the API server's (KubeletConfiguration,
// MemoryScenario) go through the same decoder (scenario-types.ts), and this
// chapter's limits (limits.ts) apply on top.
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

import type { JsonObject } from '../apimachinery/json.ts';
import { asObject, asString } from '../apimachinery/json.ts';
import { Quantity } from '../apimachinery/quantity.ts';
import { LIMIT_RANGER_ANNOTATION } from '../apiserver/admission/limit-ranger.ts';
import { syncResourceQuotas } from '../apiserver/admission/resource-quota.ts';
import type { ApiServer } from '../apiserver/api-server.ts';
import { admitObjects, refusal } from '../kubectl/create.ts';
import { DEFAULT_EVICTION_HARD, DEFAULT_PRESSURE_TRANSITION_PERIOD_MS, EVICTION_SIGNALS, parseThresholdStatement, thresholdBytes } from '../kubelet/eviction.ts';
import type { EvictionConfig, Threshold } from '../kubelet/eviction.ts';

export type { EvictionConfig };
import { parseGoDuration } from '../apimachinery/parse-duration.ts';
import { LimitExceededError, ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { LIMITS, checkLimit, checkMemoryLimit } from './limits.ts';
import {
  KUBELET_CONFIG_API_VERSION, KUBELET_CONFIG_KIND, SCENARIO_API_VERSION, SCENARIO_KIND, decodeKubeletConfiguration, decodeMemoryScenario, objectAt, readDuration, valueAt,
} from './scenario-types.ts';
import { USAGE_PATTERNS } from './usage.ts';
import type { UsageBehaviour } from './usage.ts';

export { SCENARIO_API_VERSION, SCENARIO_KIND };
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

export interface ContainerUsage {
  namespace: string;
  pod: string;
  container: string;
  behaviour: UsageBehaviour;
}

/** One Pod of the input, after the API server had its say. */
export interface PodEntry {
  /** The object the learner wrote (errors point into it). */
  raw: JsonObject;
  name: string;
  namespace: string;
  /** As stored: defaulted, admitted (LimitRanger's defaults, the priority), with its uid; undefined when admission refused it. */
  stored?: Readonly<JsonObject>;
  /** The API server's refusal (a 403 from an admission plugin): `pods "web" is forbidden: ...`. */
  refusal?: string;
  /** What admission did to it, for the trace. */
  notes: { title: string; source: string }[];
}

export interface ResourcesInput {
  /** The API server the objects went into; its clock is the run's. */
  api: ApiServer;
  node: NodeInput;
  eviction: EvictionConfig;
  /** In the order written. */
  pods: PodEntry[];
  usage: ContainerUsage[];
  durationMs: number;
  systemUsageBytes: number;
}

function fail(reason: string, object: object, path: FieldPath): never {
  throw new ValidationError(reason, { object, path });
}

/** A quantity the decoder has checked, in bytes: ≥ 0 and within the memory limit. */
function memoryBytes(value: unknown, object: object, path: FieldPath): number {
  const q = Quantity.tryParse(value);
  if (!q) throw new LimitExceededError(`${describeValue(value)} is a quantity this simulation cannot represent (at most 40 digits, exponents within ±60)`, { object, path });
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

function stringMap(root: object | undefined, key: string): Record<string, string> | undefined {
  const o = objectAt(root, [key]);
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) out[k] = typeof v === 'string' ? v : '';
  return out;
}

/**
 * The Node as its kubelet reports it. Allocatable is the Node's own when it
 * states one; else the kubelet's: capacity − kube-reserved − system-reserved −
 * the hard eviction threshold (pkg/kubelet/cm/node_container_manager_linux.go
 * GetNodeAllocatableReservation; nodestatus/setters.go MachineInfo clamps at 0),
 * which it writes to the Node's status (the API server had defaulted it to
 * capacity, SetDefaults_NodeStatus).
 */
function readNode(api: ApiServer, stored: Readonly<JsonObject>, raw: object, kubelet: object | undefined): NodeInput {
  const name = asString(asObject(stored.metadata)?.name);
  const capacity = objectAt(stored, ['status', 'capacity']) ?? {};
  if (valueAt(capacity, ['memory']) === undefined) {
    fail('Required value: the Node needs status.capacity.memory (how much memory the machine has)', raw, ['status', 'capacity', 'memory']);
  }
  const capacityBytes = memoryBytes(capacity.memory, raw, ['status', 'capacity', 'memory']);
  if (capacityBytes <= 0) fail(`Invalid value: "${valueAt(raw, ['status', 'capacity', 'memory'])}": a node with no memory cannot run Pods; must be greater than 0`, raw, ['status', 'capacity', 'memory']);
  const reserved = (field: 'systemReserved' | 'kubeReserved') => {
    const text = stringMap(kubelet, field)?.memory;
    return text === undefined ? 0 : configBytes(text, kubelet!, [field, 'memory']);
  };
  const systemReservedBytes = reserved('systemReserved');
  const kubeReservedBytes = reserved('kubeReserved');
  const given = valueAt(raw, ['status', 'allocatable', 'memory']);
  let allocatableBytes: number;
  if (given !== undefined) {
    allocatableBytes = memoryBytes(valueAt(stored, ['status', 'allocatable', 'memory']), raw, ['status', 'allocatable', 'memory']);
  } else {
    // A disabled ("0%", "100%") or invalid threshold reserves nothing (readEviction reports the invalid one).
    const hard = (stringMap(kubelet, 'evictionHard') ?? DEFAULT_EVICTION_HARD)['memory.available'];
    const threshold = hard === undefined ? null : parseThresholdStatement('memory.available', hard);
    const hardBytes = threshold === null || typeof threshold === 'string' ? 0 : thresholdBytes(threshold, capacityBytes);
    allocatableBytes = Math.max(0, capacityBytes - systemReservedBytes - kubeReservedBytes - hardBytes);
    const node = structuredClone(stored) as JsonObject;
    const status = asObject(node.status) ?? {};
    status.allocatable = { ...(asObject(status.allocatable) ?? {}), memory: Quantity.fromInteger(allocatableBytes, 'BinarySI').toString() };
    node.status = status;
    api.updateStatus(node);
  }
  const allocatable = objectAt(stored, ['status', 'allocatable']) ?? {};
  const cpuGiven = valueAt(raw, ['status', 'allocatable', 'cpu']) !== undefined;
  const cpuField = cpuGiven ? 'allocatable' : 'capacity';
  const cpu = cpuGiven ? valueAt(allocatable, ['cpu']) : valueAt(capacity, ['cpu']);
  let cpuAllocatableMilli: number | undefined;
  if (cpu !== undefined) {
    const q = Quantity.tryParse(cpu);
    if (!q) throw new LimitExceededError(`${describeValue(cpu)} is a quantity this simulation cannot represent (at most 40 digits, exponents within ±60)`, { object: raw, path: ['status', cpuField, 'cpu'] });
    if (q.sign() < 0) fail(`Invalid value: "${q}": must be greater than or equal to 0`, raw, ['status', cpuField, 'cpu']);
    cpuAllocatableMilli = q.milliValue();
  }
  return { name, capacityBytes, allocatableBytes, cpuAllocatableMilli, systemReservedBytes, kubeReservedBytes };
}

function readEviction(kubelet: object | undefined): EvictionConfig {
  const raw = kubelet ?? {};
  const thresholds: Threshold[] = [];
  // eviction/helpers.go ParseThresholdConfig → parseThresholdStatement: every signal is checked (an
  // unknown one stops the kubelet), "0%" and "100%" switch a threshold off, 0 and negatives are refused.
  const threshold = (field: 'evictionHard' | 'evictionSoft', signal: string, text: string) => {
    const value = parseThresholdStatement(signal, text);
    if (typeof value === 'string') fail(value, raw, [field, signal]);
    if (value && 'quantity' in value) checkMemoryLimit(value.quantity.value(), raw, [field, signal]);
    return value;
  };
  for (const [signal, text] of Object.entries(stringMap(kubelet, 'evictionHard') ?? DEFAULT_EVICTION_HARD)) {
    const value = threshold('evictionHard', signal, text);
    if (signal !== 'memory.available' || value === null) continue; // disk and PID signals are outside this chapter
    thresholds.push({ signal, value, gracePeriodMs: 0 });
  }
  const soft: [string, NonNullable<ReturnType<typeof threshold>>][] = [];
  for (const [signal, text] of Object.entries(stringMap(kubelet, 'evictionSoft') ?? {})) {
    const value = threshold('evictionSoft', signal, text);
    if (value !== null) soft.push([signal, value]);
  }
  // parseGracePeriods: the signal must be valid, the duration must parse and be ≥ 0 (0 makes the
  // threshold behave as a hard one: isHardEvictionThreshold is GracePeriod == 0).
  const graces = new Map<string, number>();
  for (const [signal, grace] of Object.entries(stringMap(kubelet, 'evictionSoftGracePeriod') ?? {})) {
    const path = ['evictionSoftGracePeriod', signal];
    if (!EVICTION_SIGNALS.includes(signal)) fail(`unsupported eviction signal ${signal}`, raw, path);
    const ms = parseGoDuration(grace);
    if (typeof ms === 'string') fail(ms, raw, path);
    if (ms < 0) fail(`invalid eviction grace period specified: ${grace}, must be a positive value`, raw, path);
    graces.set(signal, ms);
  }
  for (const [signal, value] of soft) {
    const ms = graces.get(signal);
    // "grace period must be specified for the soft eviction threshold %v", for every signal
    if (ms === undefined) fail(`grace period must be specified for the soft eviction threshold ${signal}`, raw, ['evictionSoftGracePeriod', signal]);
    if (signal === 'memory.available') thresholds.push({ signal, value, gracePeriodMs: ms });
  }
  const transition = readDuration(raw, ['evictionPressureTransitionPeriod']) ?? DEFAULT_PRESSURE_TRANSITION_PERIOD_MS;
  if (transition < 0) fail(`Invalid value: ${JSON.stringify(valueAt(raw, ['evictionPressureTransitionPeriod']))}: must be greater than or equal to 0`, raw, ['evictionPressureTransitionPeriod']);
  const maxGrace = (valueAt(raw, ['evictionMaxPodGracePeriod']) as number | undefined) ?? DEFAULT_MAX_POD_GRACE_SECONDS;
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

function isPattern(value: unknown): value is (typeof USAGE_PATTERNS)[number] {
  return (USAGE_PATTERNS as readonly unknown[]).includes(value);
}

function readBehaviour(raw: object, path: FieldPath): UsageBehaviour {
  const usage = objectAt(raw, path);
  if (!usage) fail('Required value: a usage mapping with a pattern', raw, path);
  const p = valueAt(usage, ['pattern']);
  if (!isPattern(p)) {
    fail(`Unsupported value: ${JSON.stringify(p ?? '')}: supported values: ${USAGE_PATTERNS.map((x) => `"${x}"`).join(', ')}`, raw, [...path, 'pattern']);
  }
  for (const key of Object.keys(usage)) {
    if (key !== 'pattern' && usage[key] !== null && !BEHAVIOUR_FIELDS[p].includes(key)) fail(`unknown field "${key}" for pattern ${p} (expected: ${BEHAVIOUR_FIELDS[p].join(', ')})`, raw, [...path, key]);
  }
  const bytes = (key: string) => {
    const v = valueAt(usage, [key]);
    if (v === undefined) fail('Required value', raw, [...path, key]);
    return memoryBytes(v, raw, [...path, key]);
  };
  const ms = (key: string) => {
    const v = readDuration(raw, [...path, key]);
    if (v === undefined) fail('Required value', raw, [...path, key]);
    if (v < 0) fail(`Invalid value: ${JSON.stringify(valueAt(raw, [...path, key]))}: must be greater than or equal to 0`, raw, [...path, key]);
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
      const list = valueAt(usage, ['points']);
      const items = Array.isArray(list) ? list : [];
      if (items.length === 0) fail('Required value: at least one point', raw, [...path, 'points']);
      checkLimit(items.length, LIMITS.usagePoints, 'points in one usage curve', { object: raw, path: [...path, 'points'] });
      const points = items.map((_, i) => {
        const at = [...path, 'points', i];
        const atMs = readDuration(raw, [...at, 'at']);
        if (atMs === undefined) fail('Required value', raw, [...at, 'at']);
        const value = valueAt(raw, [...at, 'usage']);
        if (value === undefined) fail('Required value', raw, [...at, 'usage']);
        if (atMs < 0) fail(`Invalid value: ${JSON.stringify(valueAt(raw, [...at, 'at']))}: must be greater than or equal to 0`, raw, [...at, 'at']);
        return { atMs, bytes: memoryBytes(value, raw, [...at, 'usage']) };
      });
      points.forEach((pt, i) => {
        if (i > 0 && pt.atMs <= points[i - 1].atMs) {
          const at = [...path, 'points', i, 'at'];
          fail(`Invalid value: ${JSON.stringify(valueAt(raw, at))}: the usage curve must move forward in time (each point after the one before)`, raw, at);
        }
      });
      return { pattern: p, points };
    }
  }
}

const podKey = (namespace: string, name: string) => `${namespace}/${name}`;

/** The names of a Pod's containers and init containers, from the stored Pod or, when refused, as written. */
function containerNames(pod: PodEntry): string[] {
  const spec = asObject((pod.stored ?? pod.raw).spec);
  const names: string[] = [];
  for (const key of ['initContainers', 'containers']) {
    const list = spec?.[key];
    if (Array.isArray(list)) for (const c of list) names.push(asString(asObject(c)?.name));
  }
  return names;
}

function readScenario(scenario: object | undefined, pods: readonly PodEntry[]): Pick<ResourcesInput, 'usage' | 'durationMs' | 'systemUsageBytes'> {
  const raw = scenario ?? {};
  const duration = readDuration(raw, ['spec', 'duration']) ?? DEFAULT_DURATION_MS;
  if (duration <= 0) fail('Invalid value: must be greater than 0', raw, ['spec', 'duration']);
  const systemUsage = valueAt(raw, ['spec', 'systemUsage']);
  const systemUsageBytes = systemUsage === undefined ? 0 : memoryBytes(systemUsage, raw, ['spec', 'systemUsage']);
  const byKey = new Map(pods.map((p) => [podKey(p.namespace, p.name), p]));
  const seen = new Set<string>();
  const entries = valueAt(raw, ['spec', 'containers']);
  const usage: ContainerUsage[] = (Array.isArray(entries) ? entries : []).map((_, i) => {
    const path = ['spec', 'containers', i];
    const podName = valueAt(raw, [...path, 'pod']) as string | undefined;
    const container = valueAt(raw, [...path, 'container']) as string | undefined;
    const namespace = (valueAt(raw, [...path, 'namespace']) as string | undefined) || 'default';
    if (podName === undefined) fail('Required value', raw, [...path, 'pod']);
    if (container === undefined) fail('Required value', raw, [...path, 'container']);
    const pod = byKey.get(podKey(namespace, podName));
    if (!pod) fail(`Not found: no Pod ${JSON.stringify(podName)} in namespace ${JSON.stringify(namespace)} in this input`, raw, [...path, 'pod']);
    if (!containerNames(pod).includes(container)) {
      fail(`Not found: Pod ${JSON.stringify(podName)} has no container ${JSON.stringify(container)}`, raw, [...path, 'container']);
    }
    const key = `${podKey(namespace, podName)}/${container}`;
    if (seen.has(key)) fail(`Duplicate value: "${podName}/${container}"`, raw, path);
    seen.add(key);
    return { namespace, pod: podName, container, behaviour: readBehaviour(raw, [...path, 'usage']) };
  });
  return { usage, durationMs: duration, systemUsageBytes };
}

/** The kinds a run reads, by `apiVersion kind`, and how they get in. */
const CLUSTER_KINDS = new Set(['v1 Node', 'v1 Namespace', 'v1 LimitRange', 'v1 ResourceQuota', 'scheduling.k8s.io/v1 PriorityClass']);
const SUPPORTED_KINDS = `v1 Node, v1 Pod, v1 Namespace, v1 LimitRange, v1 ResourceQuota, scheduling.k8s.io/v1 PriorityClass, ${KUBELET_CONFIG_API_VERSION} ${KUBELET_CONFIG_KIND}, ${SCENARIO_API_VERSION} ${SCENARIO_KIND}`;

/** How many admission rules (LimitRange items, ResourceQuota resources) an object brings, counted before it is stored. */
function admissionRules(o: JsonObject): number {
  if (o.kind === 'LimitRange') {
    const limits = valueAt(o, ['spec', 'limits']);
    return 1 + (Array.isArray(limits) ? limits.length : 0);
  }
  if (o.kind === 'ResourceQuota') return 1 + Object.keys(objectAt(o, ['spec', 'hard']) ?? {}).length;
  return 0;
}

/** This chapter's limits on a Pod the API server stored (its paths are the learner's: the API server keeps the lists' order). */
function checkPodLimits(stored: Readonly<JsonObject>, raw: object): void {
  const spec = asObject(stored.spec) ?? {};
  const containers = Array.isArray(spec.containers) ? spec.containers : [];
  const inits = Array.isArray(spec.initContainers) ? spec.initContainers : [];
  checkLimit(containers.length + inits.length, LIMITS.containersPerPod, 'containers in one Pod', { object: raw, path: ['spec', 'containers'] });
  const grace = (value: unknown, path: FieldPath) => {
    if (typeof value === 'number') checkLimit(value, LIMITS.gracePeriodSeconds, 'grace period in seconds', { object: raw, path });
  };
  grace(spec.terminationGracePeriodSeconds, ['spec', 'terminationGracePeriodSeconds']);
  const overhead = valueAt(spec, ['overhead', 'memory']);
  if (overhead !== undefined) memoryBytes(overhead, raw, ['spec', 'overhead', 'memory']);
  // The kubelet library restarts containers by the Pod's restartPolicy only (as pod-lifecycle says too).
  const notSimulated = (path: FieldPath, what: string) =>
    new LimitExceededError(`not simulated: ${what} (ContainerRestartRules, beta and on by default since v1.35) is accepted by the API server, but this kubelet restarts containers by the Pod's spec.restartPolicy only`, { object: raw, path });
  for (const [key, list] of [['initContainers', inits], ['containers', containers]] as const) {
    list.forEach((c, i) => {
      if (Array.isArray(valueAt(c, ['restartPolicyRules'])) && (valueAt(c, ['restartPolicyRules']) as unknown[]).length > 0) throw notSimulated(['spec', key, i, 'restartPolicyRules'], 'restartPolicyRules on a container');
      const policy = valueAt(c, ['restartPolicy']);
      if (policy !== undefined && policy !== '' && !(key === 'initContainers' && policy === 'Always')) {
        throw notSimulated(['spec', key, i, 'restartPolicy'], key === 'containers' ? 'restartPolicy on a regular container' : `restartPolicy ${String(policy)} on an init container`);
      }
      for (const kind of ['limits', 'requests']) {
        const v = valueAt(c, ['resources', kind, 'memory']);
        if (v !== undefined) memoryBytes(v, raw, ['spec', key, i, 'resources', kind, 'memory']);
      }
      for (const probe of ['livenessProbe', 'readinessProbe', 'startupProbe']) grace(valueAt(c, [probe, 'terminationGracePeriodSeconds']), ['spec', key, i, probe, 'terminationGracePeriodSeconds']);
    });
  }
}

/** Quota usage by quota name, to say what a create changed. */
function quotaUsage(api: ApiServer, namespace: string): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const q of api.list('v1', 'ResourceQuota', namespace).items ?? []) out.set(asString(asObject(q.metadata)?.name), asObject(asObject(q.status)?.used) ?? {});
  return out;
}

/** What admission did to a stored Pod: LimitRanger's defaults, the quotas that now count it. */
function admissionNotes(stored: Readonly<JsonObject>, before: Map<string, JsonObject>, after: Map<string, JsonObject>): PodEntry['notes'] {
  const notes: PodEntry['notes'] = [];
  const annotation = asString(asObject(asObject(stored.metadata)?.annotations)?.[LIMIT_RANGER_ANNOTATION]);
  if (annotation !== '') {
    notes.push({ title: `LimitRanger filled in the namespace's LimitRange defaults (${LIMIT_RANGER_ANNOTATION}: ${annotation})`, source: 'plugin/pkg/admission/limitranger/admission.go mergePodResourceRequirements' });
  }
  for (const [name, used] of after) {
    const old = before.get(name) ?? {};
    const changes = Object.keys(used).filter((k) => old[k] !== used[k]).map((k) => `${k} ${old[k] ?? '0'} → ${used[k]}`);
    if (changes.length > 0) {
      notes.push({ title: `ResourceQuota ${name} now counts this Pod (${changes.join(', ')})`, source: 'staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go checkRequest' });
    }
  }
  return notes;
}

/**
 * Reads the manifests into a validated input: the built-in objects through the
 * virtual API server (cluster state seeded, Pods created), the notebook's own
 * kinds through the same decoder. Throws ValidationError (LimitExceededError
 * for what is too large) naming the object and field.
 *
 * @example readResourcesInput([nodeObject, podObject, scenarioObject]).pods[0].stored?.spec.restartPolicy // 'Always'
 */
export function readResourcesInput(objects: readonly unknown[], maxVirtualTimeMs = 24 * 3_600_000, options: { epochMs?: number } = {}): ResourcesInput {
  let node: JsonObject | undefined;
  let kubelet: JsonObject | undefined;
  let scenario: JsonObject | undefined;
  const cluster: JsonObject[] = [];
  const rawPods: JsonObject[] = [];
  let rules = 0;
  objects.forEach((value, index) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ValidationError(`object ${index + 1} is ${describeValue(value)}, not a Kubernetes object`, { path: [] });
    }
    const o = value as JsonObject;
    for (const field of ['apiVersion', 'kind'] as const) {
      if (typeof o[field] !== 'string' || o[field] === '') fail('Required value: every Kubernetes object needs apiVersion and kind', o, [field]);
    }
    const key = `${o.apiVersion as string} ${o.kind as string}`;
    if (key === 'v1 Node') {
      if (node) fail('this simulation models one node: give exactly one Node', o, ['kind']);
      node = o;
      cluster.push(o);
    } else if (key === `${KUBELET_CONFIG_API_VERSION} ${KUBELET_CONFIG_KIND}`) {
      if (kubelet) fail(`Duplicate value: only one ${KUBELET_CONFIG_KIND}`, o, ['kind']);
      decodeKubeletConfiguration(o);
      kubelet = o;
    } else if (key === `${SCENARIO_API_VERSION} ${SCENARIO_KIND}`) {
      if (scenario) fail(`Duplicate value: only one ${SCENARIO_KIND}`, o, ['kind']);
      decodeMemoryScenario(o);
      scenario = o;
    } else if (key === 'v1 Pod') {
      checkLimit(rawPods.length + 1, LIMITS.pods, 'Pods per simulation', { object: o, path: ['metadata', 'name'] });
      rawPods.push(o);
    } else if (CLUSTER_KINDS.has(key)) {
      rules += admissionRules(o);
      checkLimit(rules, LIMITS.admissionRules, 'LimitRange items and ResourceQuota resources', { object: o, path: ['spec'] });
      cluster.push(o);
    } else {
      fail(`Unsupported value: ${JSON.stringify(key)}: supported kinds: ${SUPPORTED_KINDS}`, o, ['kind']);
    }
  });
  if (!node) throw new ValidationError('Required value: give one Node (kind: Node) with status.capacity.memory', { path: [] });

  // The cluster as it stands (restored, not created: no admission), then the quota controller's first count.
  const api = freshApiServer({ epochMs: options.epochMs });
  const seeded = admitObjects(api, cluster, 'seed');
  syncResourceQuotas(api);
  const storedNode = seeded[cluster.indexOf(node)];
  // The namespaces the Pods name exist in the cluster being described (a name that is not a valid
  // namespace name is left for the Pod's own validation to report).
  for (const raw of rawPods) {
    const namespace = asString(asObject(raw.metadata)?.namespace) || 'default';
    if (!api.peek({ apiVersion: 'v1', kind: 'Namespace', name: namespace })) api.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
  }
  const pods: PodEntry[] = rawPods.map((raw) => {
    const meta = asObject(raw.metadata);
    const name = asString(meta?.name) || asString(meta?.generateName);
    const namespace = asString(meta?.namespace) || 'default';
    const before = quotaUsage(api, namespace);
    const result = api.create(raw);
    if (result.code === 403) {
      // Refused by admission, after decoding: the result still sums its requests.
      return { raw, name, namespace, refusal: result.message ?? '', notes: [] };
    }
    if (result.code >= 400 || !result.object) throw refusal(result, raw);
    const stored = result.object as Readonly<JsonObject>;
    checkPodLimits(stored, raw);
    return { raw, name: asString(asObject(stored.metadata)?.name), namespace, stored, notes: admissionNotes(stored, before, quotaUsage(api, namespace)) };
  });

  const input: ResourcesInput = {
    api,
    node: readNode(api, storedNode, node, kubelet),
    eviction: readEviction(kubelet),
    pods,
    ...readScenario(scenario, pods),
  };
  const durationAt = { object: scenario, path: ['spec', 'duration'] };
  if (input.durationMs > maxVirtualTimeMs) {
    throw new LimitExceededError(`at most ${maxVirtualTimeMs / 3_600_000}h of virtual time per run`, durationAt);
  }
  // The clock ticks every second for every container.
  const containers = pods.reduce((n, p) => n + containerNames(p).length, 0);
  checkLimit(containers, LIMITS.containers, 'containers in one run', { path: [] });
  checkLimit(containers * (Math.floor(input.durationMs / 1000) + 1), LIMITS.containerSeconds, 'containers × simulated seconds', durationAt);
  return input;
}

// Node-pressure eviction for memory: thresholds, the ranking of Pods, the
// message, and the eviction manager that puts them together every monitoring
// interval (EvictionManager, at the end of this file), as eviction_manager.go
// sits beside its helpers.
// src: pkg/kubelet/eviction/helpers.go (rankMemoryPressure, exceedMemoryRequests,
// priority, memory, cmpBool, evictionMessage, getThresholdMetInfo, thresholdsMet),
// pkg/kubelet/eviction/api/types.go (GetThresholdQuantity), defaults_linux.go,
// eviction_manager.go (constants), component-helpers/resource/helpers.go (PodRequests).
//
// When memory.available on the node drops below a threshold, the kubelet ranks
// the active Pods and evicts the first one (one Pod per monitoring interval):
//   1. Pods whose working set is above their memory request come first
//      (Pods without stats come first of all);
//   2. then lower spec.priority first;
//   3. then the larger (working set − request) first.
// QoS is not a key of the sort: a Guaranteed Pod never exceeds its request
// (its limit equals it), so it naturally sorts last.

import { Quantity, formatBinarySI } from '../apimachinery/quantity.ts';
import type { ContainerLike, PodLike } from '../apiserver/pod-qos.ts';
import { isCriticalPod } from './oom-score-adj.ts';

/** eviction_manager.go and friends. */
export const EVICTION_MONITORING_PERIOD_MS = 10_000;
export const DEFAULT_PRESSURE_TRANSITION_PERIOD_MS = 5 * 60_000;
/** eviction_manager.go: a hard eviction kills the Pod with a 1 s grace period. */
export const IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS = 1;

/** defaults_linux.go DefaultEvictionHard. */
export const DEFAULT_EVICTION_HARD: Readonly<Record<string, string>> = {
  'memory.available': '100Mi',
  'nodefs.available': '10%',
  'nodefs.inodesFree': '5%',
  'imagefs.available': '15%',
  'imagefs.inodesFree': '5%',
};

/** Node condition and taint for memory pressure (eviction/helpers.go, node lifecycle controller). */
export const MEMORY_PRESSURE = {
  condition: 'MemoryPressure',
  trueReason: 'KubeletHasInsufficientMemory',
  trueMessage: 'kubelet has insufficient memory available',
  falseReason: 'KubeletHasSufficientMemory',
  falseMessage: 'kubelet has sufficient memory available',
  taint: { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
} as const;

/** The eviction reason and message formats of helpers.go. */
export const EVICTED_REASON = 'Evicted';
const NODE_LOW_MESSAGE = (resource: string) => `The node was low on resource: ${resource}. `;
const THRESHOLD_MET_MESSAGE = (quantity: string, available: string) => `Threshold quantity: ${quantity}, available: ${available}. `;
const CONTAINER_MESSAGE = (name: string, usage: string, request: string, resource: string) =>
  `Container ${name} was using ${usage}, request is ${request}, has larger consumption of ${resource}. `;

/** A threshold value: a quantity, or a fraction of capacity (float32, like evictionapi.ThresholdValue.Percentage). */
export type ThresholdValue = { quantity: Quantity } | { percentage: number };

export interface Threshold {
  signal: string;
  value: ThresholdValue;
  /** 0 for a hard threshold; the soft threshold's grace period otherwise. */
  gracePeriodMs: number;
}

/** The signals the kubelet accepts: api/types.go OpForSignal (v1.31+, with containerfs). */
export const EVICTION_SIGNALS: readonly string[] = [
  'memory.available', 'nodefs.available', 'nodefs.inodesFree', 'imagefs.available', 'imagefs.inodesFree',
  'containerfs.available', 'containerfs.inodesFree', 'allocatableMemory.available', 'pid.available',
];

/** Go strconv.ParseFloat's decimal syntax (hex floats, Inf and NaN left out). */
const GO_DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * One evictionHard/evictionSoft entry as the kubelet reads it (helpers.go
 * parseThresholdStatement): null when the entry disables the threshold ("0%" or
 * "100%"), the value, or the error text upstream returns.
 *
 * @example parseThresholdStatement('memory.available', '100%') // null: disabled
 * @example parseThresholdStatement('memory.available', '0')    // 'eviction threshold memory.available must be positive: 0'
 * @example parseThresholdStatement('mem.available', '1Gi')      // 'unsupported eviction signal mem.available'
 */
export function parseThresholdStatement(signal: string, val: string): ThresholdValue | null | string {
  if (!EVICTION_SIGNALS.includes(signal)) return `unsupported eviction signal ${signal}`;
  if (val.endsWith('%')) {
    // "ignore 0% and 100%": the documented way to switch a default threshold off.
    if (val === '0%' || val === '100%') return null;
    // parsePercentage: strconv.ParseFloat(strings.TrimRight(input, "%"), 32), then float32(value) / 100.
    const number = val.replace(/%+$/, '');
    if (!GO_DECIMAL.test(number)) return `strconv.ParseFloat: parsing ${JSON.stringify(number)}: invalid syntax`;
    const percentage = Math.fround(Math.fround(Number(number)) / 100);
    if (percentage < 0) return `eviction percentage threshold ${signal} must be >= 0%: ${val}`;
    if (percentage > 1) return `eviction percentage threshold ${signal} must be <= 100%: ${val}`;
    return { percentage };
  }
  const q = Quantity.tryParse(val);
  if (!q) return `'${val}' is not a valid quantity`;
  // "if quantity.Sign() < 0 || quantity.IsZero()": a threshold of 0 is refused too.
  if (q.sign() <= 0) return `eviction threshold ${signal} must be positive: ${q.toString()}`;
  return { quantity: q };
}

/** api/types.go GetThresholdQuantity, in bytes. */
export function thresholdBytes(value: ThresholdValue, capacityBytes: number): number {
  if ('quantity' in value) return value.quantity.value();
  // resource.NewQuantity(int64(float64(capacity.Value())*float64(value.Percentage)), BinarySI)
  return Math.trunc(capacityBytes * value.percentage);
}

/** The threshold quantity as the message prints it (`%v` of the *resource.Quantity). */
export function formatThreshold(value: ThresholdValue, capacityBytes: number): string {
  if ('quantity' in value) return value.quantity.toString();
  return formatBinarySI(thresholdBytes(value, capacityBytes));
}

/** thresholdsMet: "threshold quantity > available", strictly. */
export function thresholdMet(value: ThresholdValue, availableBytes: number, capacityBytes: number): boolean {
  return thresholdBytes(value, capacityBytes) > availableBytes;
}

// ---- Pod requests (component-helpers/resource/helpers.go PodRequests, memory only) ----

function bytesOf(raw: unknown): number {
  if (raw === undefined || raw === null) return 0;
  return Quantity.parse(raw as string | number).value();
}

function containerRequest(container: ContainerLike, resource: string): number {
  return bytesOf(container.resources?.requests?.[resource]);
}

/**
 * PodRequests for one resource: the sum over regular containers and sidecars,
 * or the largest init-container step if bigger, plus spec.overhead.
 *
 * @example podRequestBytes({ spec: { containers: [{ resources: { requests: { memory: '100Mi' } } }] } }, 'memory') // 104857600
 */
export function podRequestBytes(pod: PodLike & { spec?: { overhead?: Record<string, unknown> | null } | null }, resource = 'memory'): number {
  let requests = 0;
  for (const c of pod.spec?.containers ?? []) requests += containerRequest(c, resource);
  let restartable = 0;
  let initMax = 0;
  for (const init of pod.spec?.initContainers ?? []) {
    const own = containerRequest(init, resource);
    let step: number;
    if (init.restartPolicy === 'Always') {
      // A sidecar keeps running: it adds to the Pod's requests and to every later init step.
      requests += own;
      restartable += own;
      step = restartable;
    } else {
      step = own + restartable;
    }
    initMax = Math.max(initMax, step);
  }
  const overhead = bytesOf(pod.spec?.overhead?.[resource]);
  return Math.max(requests, initMax) + overhead;
}

// ---- Ranking ----

/** One Pod with its observed memory (pod-level working set, and optionally per container). */
export interface MemoryStatsEntry<P extends PodLike = PodLike> {
  pod: P;
  /** Working set of the whole Pod: bytes, or a quantity such as "500Mi". Absent = no stats. */
  memoryWorkingSet?: number | string | null;
  /** Per-container working sets, for the eviction message. */
  containers?: readonly { name: string; workingSet: number | string }[];
}

function usageBytes(value: number | string | null | undefined): number | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'number' ? value : Quantity.parse(value).value();
}

function podPriority(pod: PodLike): number {
  // corev1helpers.PodPriority: spec.priority, or 0 when unset.
  return typeof pod.spec?.priority === 'number' ? pod.spec.priority : 0;
}

/** helpers.go cmpBool: true sorts first. */
function cmpBool(a: boolean, b: boolean): number {
  if (a === b) return 0;
  if (!b) return -1;
  return 1;
}

type Cmp<P extends PodLike> = (a: MemoryStatsEntry<P>, b: MemoryStatsEntry<P>) => number;

/** What the comparisons read from an entry: computed once per entry, not once per comparison. */
interface RankKey {
  usage: number | undefined;
  request: number;
  priority: number;
}

function rankKey(entry: MemoryStatsEntry): RankKey {
  return { usage: usageBytes(entry.memoryWorkingSet), request: podRequestBytes(entry.pod), priority: podPriority(entry.pod) };
}

function cmpExceeds(a: RankKey, b: RankKey): number {
  if (a.usage === undefined || b.usage === undefined) return cmpBool(a.usage === undefined, b.usage === undefined);
  return cmpBool(a.usage > a.request, b.usage > b.request);
}

function cmpPriority(a: RankKey, b: RankKey): number {
  if (a.priority === b.priority) return 0;
  return a.priority > b.priority ? 1 : -1;
}

function cmpMemory(a: RankKey, b: RankKey): number {
  if (a.usage === undefined || b.usage === undefined) return cmpBool(a.usage === undefined, b.usage === undefined);
  const da = a.usage - a.request;
  const db = b.usage - b.request;
  // p2Memory.Cmp(*p1Memory)
  return db === da ? 0 : db > da ? 1 : -1;
}

/** exceedMemoryRequests: Pods using more than their request first; Pods without stats first of all. */
export function exceedMemoryRequests<P extends PodLike>(a: MemoryStatsEntry<P>, b: MemoryStatsEntry<P>): number {
  return cmpExceeds(rankKey(a), rankKey(b));
}

/** priority: lower spec.priority first. */
export function priority<P extends PodLike>(a: MemoryStatsEntry<P>, b: MemoryStatsEntry<P>): number {
  return cmpPriority(rankKey(a), rankKey(b));
}

/** memory: the larger consumer relative to its request first. */
export function memory<P extends PodLike>(a: MemoryStatsEntry<P>, b: MemoryStatsEntry<P>): number {
  return cmpMemory(rankKey(a), rankKey(b));
}

/** orderedBy(...).Sort: the first comparison that differs decides. */
export function orderedBy<P extends PodLike>(...cmps: Cmp<P>[]): (entries: readonly MemoryStatsEntry<P>[]) => MemoryStatsEntry<P>[] {
  return (entries) =>
    // Go's sort.Sort is not stable; we keep input order among ties so results are deterministic.
    [...entries].sort((a, b) => {
      for (const cmp of cmps) {
        const c = cmp(a, b);
        if (c !== 0) return c;
      }
      return 0;
    });
}

/**
 * rankMemoryPressure: the entries in eviction order, first evicted first
 * (orderedBy(exceedMemoryRequests, priority, memory), each entry's request read once).
 *
 * @example
 *   rankMemoryPressure([
 *     { pod: guaranteedPod, memoryWorkingSet: '900Mi' },   // request 1Gi: below
 *     { pod: bestEffortPod, memoryWorkingSet: '50Mi' },    // request 0: above
 *   ])[0].pod === bestEffortPod
 */
export function rankMemoryPressure<E extends MemoryStatsEntry>(entries: readonly E[]): E[] {
  const keyed = entries.map((entry) => ({ entry, key: rankKey(entry) }));
  // Array.prototype.sort is stable: ties keep input order, as orderedBy does.
  keyed.sort((a, b) => cmpExceeds(a.key, b.key) || cmpPriority(a.key, b.key) || cmpMemory(a.key, b.key));
  return keyed.map((k) => k.entry);
}

/**
 * evictionMessage for memory: the node line, the threshold line, then one line
 * per container whose working set exceeds its own request (requests of 0 print "0").
 * Ends with a space, as upstream's does.
 */
export function evictionMessage(
  pod: PodLike,
  containers: readonly { name: string; workingSet: number | string }[] | undefined,
  threshold: { quantity: string; availableBytes: number } | undefined,
): { message: string; offendingContainers: string[]; offendingContainersUsage: string[] } {
  let message = NODE_LOW_MESSAGE('memory');
  if (threshold) message += THRESHOLD_MET_MESSAGE(threshold.quantity, formatBinarySI(threshold.availableBytes));
  const offendingContainers: string[] = [];
  const offendingContainersUsage: string[] = [];
  if (containers) {
    // The loop runs over the stats' containers, matching them to spec.containers (not init containers).
    for (const stats of containers) {
      const spec = (pod.spec?.containers ?? []).find((c) => c.name === stats.name);
      if (!spec) continue;
      const raw = spec.resources?.requests?.memory;
      const request = raw === undefined || raw === null ? Quantity.fromInteger(0) : Quantity.parse(raw as string | number);
      const used = usageBytes(stats.workingSet) ?? 0;
      if (used > request.value()) {
        const usage = formatBinarySI(used);
        message += CONTAINER_MESSAGE(stats.name, usage, request.toString(), 'memory');
        offendingContainers.push(stats.name);
        offendingContainersUsage.push(usage);
      }
    }
  }
  return { message, offendingContainers, offendingContainersUsage };
}

// ---- The eviction manager (eviction_manager.go synchronize) ----


/** The eviction part of a KubeletConfiguration, read (memory.available thresholds only). */
export interface EvictionConfig {
  /** Hard thresholds have gracePeriodMs 0. */
  thresholds: readonly Threshold[];
  /** evictionPressureTransitionPeriod. */
  pressureTransitionPeriodMs: number;
  /** evictionMaxPodGracePeriod (0: the Pod's own). */
  maxPodGracePeriodSeconds: number;
}

/** An active Pod as the summary API reports it: pod-level working set, and per container for the message. */
export interface PodMemoryStats<P extends PodLike = PodLike> extends MemoryStatsEntry<P> {
  /** The Pod's terminationGracePeriodSeconds, for a soft eviction. */
  gracePeriodSeconds: number;
}

/** One Pod chosen for eviction, and why. */
export interface EvictionDecision<P extends PodLike = PodLike> {
  entry: PodMemoryStats<P>;
  /** evictionMessage: what the Pod's status.message and the Evicted event say. */
  message: string;
  /** The grace period the kubelet kills the Pod with. */
  gracePeriodSeconds: number;
  /** The threshold being reclaimed and its quantity as the message prints it. */
  threshold: Threshold;
  thresholdQuantity: string;
  /** Every active Pod in rankMemoryPressure order (first evicted first). */
  ranked: PodMemoryStats<P>[];
}

/** What one synchronize did. */
export interface SyncResult<P extends PodLike = PodLike> {
  /** MemoryPressure after this cycle (with the transition period). */
  memoryPressure: boolean;
  /** Set when the condition flipped in this cycle. */
  memoryPressureChanged: boolean;
  /** Thresholds met whose grace period has run out: the manager tries to reclaim ("EvictionThresholdMet"). */
  reclaiming: Threshold | undefined;
  /** The Pod evicted this cycle (at most one), if any. */
  evicted: EvictionDecision<P> | undefined;
  /** Reclaiming, with Pods to rank, but every one of them critical: nothing evicted. */
  onlyCriticalLeft: boolean;
}

/**
 * The kubelet's eviction manager for memory: every monitoring interval
 * (EVICTION_MONITORING_PERIOD_MS) `synchronize` observes memory.available,
 * finds the thresholds met, tracks when each was first met (its grace period)
 * and when pressure was last seen (the MemoryPressure condition stays True for
 * evictionPressureTransitionPeriod after), and, when a threshold's grace period
 * has run out, ranks the active Pods (rankMemoryPressure) and evicts the first
 * one that is not critical: at most one Pod per cycle.
 * src: pkg/kubelet/eviction/eviction_manager.go (synchronize, evictPod),
 *      helpers.go (thresholdsMet, thresholdsFirstObservedAt, nodeConditionsLastObservedAt,
 *      nodeConditionsObservedSince, thresholdsMetGracePeriod, isHardEvictionThreshold)
 *
 * @example
 *   const manager = new EvictionManager(config, capacityBytes);
 *   const r = manager.synchronize(10_000, availableBytes, () => activePods);
 *   r.evicted?.entry.pod   // the Pod to evict, with r.evicted.message and r.evicted.gracePeriodSeconds
 */
export class EvictionManager<P extends PodLike = PodLike> {
  private readonly firstObserved = new Map<Threshold, number>();
  private lastPressureObserved: number | null = null;
  private pressure = false;

  /** Each threshold's quantity in bytes (GetThresholdQuantity against the node's capacity, which does not change). */
  private readonly thresholdQuantity: Map<Threshold, number>;

  constructor(
    readonly config: EvictionConfig,
    readonly capacityBytes: number,
  ) {
    this.thresholdQuantity = new Map(config.thresholds.map((th) => [th, thresholdBytes(th.value, capacityBytes)]));
  }

  /** Whether the node reports MemoryPressure now. */
  get memoryPressure(): boolean {
    return this.pressure;
  }

  /** One monitoring cycle at `atMs` with `availableBytes` observed; `activePods` is asked only when a Pod must go. */
  synchronize(atMs: number, availableBytes: number, activePods: () => readonly PodMemoryStats<P>[]): SyncResult<P> {
    // thresholdsMet (ignoring grace periods), thresholdsFirstObservedAt
    // thresholdsMet: "threshold quantity > available", strictly
    const met = this.config.thresholds.filter((th) => this.thresholdQuantity.get(th)! > availableBytes);
    for (const th of [...this.firstObserved.keys()]) if (!met.includes(th)) this.firstObserved.delete(th);
    for (const th of met) if (!this.firstObserved.has(th)) this.firstObserved.set(th, atMs);
    // nodeConditionsLastObservedAt, nodeConditionsObservedSince(PressureTransitionPeriod)
    if (met.length > 0) this.lastPressureObserved = atMs;
    const pressure = this.lastPressureObserved !== null && atMs - this.lastPressureObserved < this.config.pressureTransitionPeriodMs;
    const memoryPressureChanged = pressure !== this.pressure;
    this.pressure = pressure;
    // thresholdsMetGracePeriod
    const graceMet = met.filter((th) => atMs - (this.firstObserved.get(th) ?? atMs) >= th.gracePeriodMs);
    const result: SyncResult<P> = { memoryPressure: pressure, memoryPressureChanged, reclaiming: undefined, evicted: undefined, onlyCriticalLeft: false };
    if (graceMet.length === 0) return result;
    const threshold = graceMet[0];
    result.reclaiming = threshold;
    const candidates = activePods();
    if (candidates.length === 0) return result;
    const ranked = rankMemoryPressure(candidates);
    // "we kill at most a single pod during each eviction interval"; evictPod refuses a critical Pod.
    const victim = ranked.find((e) => !isCriticalPod(e.pod));
    if (!victim) {
      result.onlyCriticalLeft = true;
      return result;
    }
    const thresholdQuantity = formatThreshold(threshold.value, this.capacityBytes);
    const { message } = evictionMessage(victim.pod, victim.containers, { quantity: thresholdQuantity, availableBytes: Math.max(0, availableBytes) });
    const hard = threshold.gracePeriodMs === 0;
    const maxGrace = this.config.maxPodGracePeriodSeconds;
    const gracePeriodSeconds = hard ? IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS : maxGrace > 0 ? Math.min(maxGrace, victim.gracePeriodSeconds) : victim.gracePeriodSeconds;
    result.evicted = { entry: victim, message, gracePeriodSeconds, threshold, thresholdQuantity, ranked };
    return result;
  }
}

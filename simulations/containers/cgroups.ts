// Requests and limits → the cgroup v2 files the kubelet and the OCI runtime write.
// src (Kubernetes v1.36):
//   pkg/kubelet/cm/helpers_linux.go        MilliCPUToShares, MilliCPUToQuota, HugePageLimits, ResourceConfigForPod
//   pkg/kubelet/cm/cgroup_manager_linux.go getCPUWeight (pod, QoS and kubepods cgroups, written by the kubelet)
//   pkg/kubelet/cm/cgroup_v2_manager_linux.go cpuWeightToCPUShares (reading cpu.weight back)
//   staging/src/k8s.io/component-helpers/resource/helpers.go PodRequests, PodLimits (with ContainerFn)
//   github.com/opencontainers/cgroups utils.go ConvertCPUSharesToCgroupV2Value (container cgroups, runc >= 1.3.2 / crun)
//   github.com/opencontainers/cgroups fs2/cpu.go setCPU, fs2/memory.go numToStr/setMemory, fs2/hugetlb.go setHugeTlb
// Memory QoS (KEP-2570) as of v1.36: memoryReservationPolicy None (default) writes no memory.min/memory.low;
// TieredReservation writes memory.min = requests for Guaranteed Pods and memory.low = requests for Burstable Pods.

import { getPodQOS, nanoOf } from '../apiserver/pod-qos.ts';
import type { PodLike } from '../apiserver/pod-qos.ts';

export const MinShares = 2;
export const MaxShares = 262144;
export const SharesPerCPU = 1024;
export const MilliCPUToCPU = 1000;
/** 100000 µs = 100 ms, the default CFS period. */
export const QuotaPeriod = 100000;
export const MinQuotaPeriod = 1000;

export interface ResourceConfig {
  cpuShares?: number | null;
  cpuQuota?: number | null;
  cpuPeriod?: number | null;
  memory?: number | null;
  hugePageLimit?: Record<string, number>;
  unified?: Record<string, string> | null;
}

export interface ResourceConfigOptions {
  enforceCPULimits: boolean;
  /** µs; the kubelet's cpuCFSQuotaPeriod (default 100ms). */
  cpuPeriod: number;
  enforceMemoryQoS?: boolean;
  memoryReservationPolicy?: 'None' | 'TieredReservation';
}

function intArg(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value)) {
    throw new TypeError(`${name} must be an integer, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** MilliCPUToShares: 0 → 2 (the kernel minimum), else floor(milli × 1024 / 1000) clamped to [2, 262144]. */
export function milliCPUToShares(milliCPU: number): number {
  intArg('milliCPU', milliCPU);
  if (milliCPU === 0) return MinShares;
  const shares = Math.floor((milliCPU * SharesPerCPU) / MilliCPUToCPU);
  if (shares < MinShares) return MinShares;
  if (shares > MaxShares) return MaxShares;
  return shares;
}

/**
 * MilliCPUToQuota: 0 → 0 (no quota); else milli × period / 1000, at least 1 ms (1000 µs).
 * The period is used as given (upstream with the CPUCFSQuotaPeriod gate on; with it off the kubelet's
 * configured period is 100ms anyway).
 */
export function milliCPUToQuota(milliCPU: number, period: number): number {
  intArg('milliCPU', milliCPU);
  intArg('period', period);
  if (milliCPU === 0) return 0;
  const quota = Math.trunc((milliCPU * period) / MilliCPUToCPU);
  return quota < MinQuotaPeriod ? MinQuotaPeriod : quota;
}

/** getCPUWeight (kubelet, pod/QoS/kubepods cgroups): linear map of [2, 262144] onto [1, 10000]; nil → 0. */
export function getCPUWeight(cpuShares: number | null): number {
  if (cpuShares === null || cpuShares === undefined) return 0;
  intArg('cpuShares', cpuShares);
  if (cpuShares >= MaxShares) return 10000;
  // Go's uint64 arithmetic would wrap below 2; the kubelet never passes such a value (MilliCPUToShares clamps).
  if (cpuShares <= MinShares) return 1;
  return 1 + Math.floor(((cpuShares - 2) * 9999) / 262142);
}

/** cpuWeightToCPUShares (kubelet reading cpu.weight back): ((w − 1) × 262142) / 9999 + 2. */
export function cpuWeightToCPUShares(cpuWeight: number): number {
  intArg('cpuWeight', cpuWeight);
  if (cpuWeight < 1) return MinShares;
  return Math.floor(((cpuWeight - 1) * 262142) / 9999) + 2;
}

/**
 * ConvertCPUSharesToCgroupV2Value (opencontainers/cgroups, used by runc >= 1.3.2 and crun): a quadratic in
 * log2(shares) through (2,1), (1024,100) and (262144,10000): ceil(10^((L² + 125L)/612 − 7/34)).
 */
export function convertCPUSharesToCgroupV2Value(cpuShares: number): number {
  intArg('cpuShares', cpuShares);
  if (cpuShares === 0) return 0;
  if (cpuShares <= 2) return 1;
  if (cpuShares >= MaxShares) return 10000;
  const l = Math.log2(cpuShares);
  const exponent = (l * l + 125 * l) / 612.0 - 7.0 / 34.0;
  return Math.ceil(Math.pow(10, exponent));
}

// ---- PodRequests / PodLimits (component-helpers/resource/helpers.go), cpu in milli, others in units ----

type List = Map<string, bigint>; // nano units
type ContainerKind = 'containers' | 'initContainers';
interface ContainerShape { restartPolicy?: unknown; resources?: { requests?: Record<string, unknown> | null; limits?: Record<string, unknown> | null } | null }

function readList(raw: Record<string, unknown> | null | undefined): List {
  const out: List = new Map();
  if (!raw || typeof raw !== 'object') return out;
  for (const [k, v] of Object.entries(raw)) out.set(k, nanoOf(v));
  return out;
}
function add(into: List, from: List): void {
  for (const [k, v] of from) into.set(k, (into.get(k) ?? 0n) + v);
}
function max(into: List, from: List): void {
  for (const [k, v] of from) {
    const cur = into.get(k);
    if (cur === undefined || v > cur) into.set(k, v);
  }
}
function specOf(pod: PodLike): { containers: ContainerShape[]; initContainers: ContainerShape[]; overhead?: Record<string, unknown> | null } {
  const spec = (pod?.spec ?? {}) as Record<string, unknown>;
  return {
    containers: Array.isArray(spec.containers) ? (spec.containers as ContainerShape[]) : [],
    initContainers: Array.isArray(spec.initContainers) ? (spec.initContainers as ContainerShape[]) : [],
    overhead: spec.overhead as Record<string, unknown> | null | undefined,
  };
}

/** AggregateContainerRequests / AggregateContainerLimits with the ContainerFn callback, then overhead. */
function aggregate(pod: PodLike, which: 'requests' | 'limits', fn?: (list: List, kind: ContainerKind) => void): List {
  const spec = specOf(pod);
  const total: List = new Map();
  for (const c of spec.containers) {
    const l = readList(c?.resources?.[which]);
    fn?.(l, 'containers');
    add(total, l);
  }
  const restartable: List = new Map();
  const initMax: List = new Map();
  for (const c of spec.initContainers) {
    let l = readList(c?.resources?.[which]);
    if (c?.restartPolicy === 'Always') {
      add(total, l);
      add(restartable, l);
      l = new Map(restartable);
    } else {
      const tmp: List = new Map();
      add(tmp, l);
      add(tmp, restartable);
      l = tmp;
    }
    fn?.(l, 'initContainers');
    max(initMax, l);
  }
  max(total, initMax);
  if (spec.overhead && typeof spec.overhead === 'object') {
    const overhead = readList(spec.overhead);
    if (which === 'requests') add(total, overhead);
    // PodLimits adds overhead only to limits that are already set.
    else for (const [k, v] of overhead) if (total.has(k)) total.set(k, total.get(k)! + v);
  }
  return total;
}

const NANO = 1_000_000_000n;
function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a > 0n && q * b !== a ? q + 1n : q;
}
/** PodRequests in kubelet units: cpu in millicores, everything else in whole units (both rounded up). */
export function podRequestUnits(pod: PodLike): { cpu: number; memory: number } {
  const reqs = aggregate(pod, 'requests');
  return { cpu: milliValue(reqs.get('cpu')), memory: value(reqs.get('memory')) };
}

/** Quantity.MilliValue (rounds up). */
function milliValue(nano: bigint | undefined): number {
  return nano === undefined ? 0 : Number(ceilDiv(nano, 1_000_000n));
}
/** Quantity.Value (rounds up). */
function value(nano: bigint | undefined): number {
  return nano === undefined ? 0 : Number(ceilDiv(nano, NANO));
}

const HUGEPAGES = 'hugepages-';
/** HugePageLimits: page size (bytes, from the resource name hugepages-<size>) → summed bytes. */
export function hugePageLimits(requests: List): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, nano] of requests) {
    if (!name.startsWith(HUGEPAGES)) continue;
    const size = nanoOf(name.slice(HUGEPAGES.length));
    const key = String(value(size));
    out[key] = (out[key] ?? 0) + value(nano);
  }
  return out;
}

/** ResourceConfigForPod (PodLevelResources gate off): the pod cgroup's config. Unset fields stay absent. */
export function resourceConfigForPod(pod: PodLike, options: ResourceConfigOptions): ResourceConfig {
  const period = intArg('cpuPeriod', options?.cpuPeriod);
  const reqs = aggregate(pod, 'requests');
  let cpuLimitsDeclared = true;
  let memoryLimitsDeclared = true;
  const limits = aggregate(pod, 'limits', (list) => {
    if (!list.get('cpu')) cpuLimitsDeclared = false;
    if (!list.get('memory')) memoryLimitsDeclared = false;
  });
  const hugePages = hugePageLimits(reqs);
  const cpuRequests = milliValue(reqs.get('cpu'));
  const cpuLimits = milliValue(limits.get('cpu'));
  const memoryLimits = value(limits.get('memory'));

  const cpuShares = milliCPUToShares(cpuRequests);
  let cpuQuota = milliCPUToQuota(cpuLimits, period);
  // quota is not capped when cfs quota is disabled
  if (!options.enforceCPULimits) cpuQuota = -1;

  const qos = getPodQOS(pod);
  const result: ResourceConfig = {};
  if (qos === 'Guaranteed') {
    result.cpuShares = cpuShares;
    result.cpuQuota = cpuQuota;
    result.cpuPeriod = period;
    result.memory = memoryLimits;
  } else if (qos === 'Burstable') {
    result.cpuShares = cpuShares;
    if (cpuLimitsDeclared) {
      result.cpuQuota = cpuQuota;
      result.cpuPeriod = period;
    }
    if (memoryLimitsDeclared) result.memory = memoryLimits;
  } else {
    result.cpuShares = MinShares;
  }
  if (Object.keys(hugePages).length > 0) result.hugePageLimit = hugePages;

  if (options.enforceMemoryQoS && options.memoryReservationPolicy === 'TieredReservation') {
    const memoryRequest = value(reqs.get('memory'));
    if (memoryRequest > 0) {
      if (qos === 'Guaranteed') result.unified = { 'memory.min': String(memoryRequest) };
      else if (qos === 'Burstable') result.unified = { 'memory.low': String(memoryRequest) };
    }
  }
  return result;
}

/** units.CustomSize("%g%s", size, 1024, HugePageSizeUnitList): 2097152 → "2MB", 1073741824 → "1GB". */
export function hugePageSizeName(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'];
  let size = bytes;
  let i = 0;
  while (size >= 1024 && i < units.length - 1) {
    size /= 1024;
    i++;
  }
  return `${size}${units[i]}`;
}

/**
 * The cgroup v2 files a ResourceConfig writes, as the kernel files then read. level 'pod' (also QoS and
 * kubepods): the kubelet converts shares with getCPUWeight; level 'container': the OCI runtime converts the
 * CRI cpu_shares with ConvertCPUSharesToCgroupV2Value. cpu.max and memory.max follow fs2/cpu.go and
 * fs2/memory.go (0 memory = not written, −1 = "max"; quota ≤ 0 = "max").
 */
export function cgroupV2Files(config: ResourceConfig, options: { level?: 'pod' | 'container' } = {}): Record<string, string> {
  const level = options?.level ?? 'pod';
  if (level !== 'pod' && level !== 'container') throw new TypeError(`level must be "pod" or "container", got ${JSON.stringify(level)}`);
  const out: Record<string, string> = {};
  const shares = config?.cpuShares;
  if (shares !== null && shares !== undefined) {
    const weight = level === 'pod' ? getCPUWeight(shares) : convertCPUSharesToCgroupV2Value(shares);
    if (weight !== 0) out['cpu.weight'] = String(weight);
  }
  const quota = config?.cpuQuota ?? 0;
  const period = config?.cpuPeriod ?? 0;
  intArg('cpuQuota', quota);
  intArg('cpuPeriod', period);
  if (quota !== 0 || period !== 0) {
    const q = quota > 0 ? String(quota) : 'max';
    out['cpu.max'] = `${q} ${period === 0 ? QuotaPeriod : period}`;
  }
  const memory = config?.memory ?? 0;
  intArg('memory', memory);
  if (memory !== 0) out['memory.max'] = memory === -1 ? 'max' : String(memory);
  for (const [size, limit] of Object.entries(config?.hugePageLimit ?? {})) {
    const name = `hugetlb.${hugePageSizeName(Number(size))}`;
    out[`${name}.max`] = String(limit);
    out[`${name}.rsvd.max`] = String(limit);
  }
  for (const [file, v] of Object.entries(config?.unified ?? {})) out[file] = String(v);
  return out;
}

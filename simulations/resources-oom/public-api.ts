// The chapter's public functions (re-exported from simulations/index.ts). The
// kubelet and kubectl helpers they wrap take typed Pods; these read whatever the
// caller passes through the API server's decoder first (read-object.ts), so any
// JSON gives a result or a ValidationError naming the field, never a TypeError.
// simulateMemory and diagnosePod put their input through the API server themselves
// (schema.ts, diagnose.ts).

import { ValidationError, describeValue } from '../shared/errors.ts';
import { Quantity } from '../apimachinery/quantity.ts';
import { getPodQOS as podQOS } from '../apiserver/pod-qos.ts';
import type { QOSClass } from '../apiserver/pod-qos.ts';
import { getContainerOOMScoreAdjust as oomScoreAdjust } from '../kubelet/oom-score-adj.ts';
import { rankMemoryPressure as rank } from '../kubelet/eviction.ts';
import { describePod as describe } from '../kubectl/describe-pod.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { parseRFC3339 } from './diagnose.ts';
import { readCoreObject } from './read-object.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const readPod = (pod: unknown): Record<string, any> => readCoreObject(pod, 'Pod');
const readEvent = (event: unknown) => readCoreObject(event, 'Event');

export { diagnosePod } from './diagnose.ts';
export { simulateMemory } from './simulate.ts';

/**
 * The Pod's QoS class: `status.qosClass` when set, else computed from the spec.
 *
 * @example getPodQOS({ spec: { containers: [{ name: 'app' }] } }) // 'BestEffort'
 */
export function getPodQOS(pod: unknown): QOSClass {
  return podQOS(readPod(pod));
}

/**
 * The oom_score_adj the kubelet gives a container of the Pod on a node with
 * `memoryCapacityBytes` of memory.
 *
 * @example getContainerOOMScoreAdjust(burstablePod, 'app', 8_000_000_000) // 875 for a 1e9-byte request
 */
export function getContainerOOMScoreAdjust(pod: unknown, containerName: unknown, memoryCapacityBytes: unknown): number {
  const decoded = readPod(pod);
  if (typeof containerName !== 'string') throw new ValidationError('Invalid value: the container name must be a string', { path: ['containerName'] });
  if (typeof memoryCapacityBytes !== 'number' || !Number.isSafeInteger(memoryCapacityBytes) || memoryCapacityBytes <= 0) {
    throw new ValidationError(`Invalid value: ${describeValue(memoryCapacityBytes)}: the node's memory capacity must be a whole number of bytes greater than 0`, { path: ['memoryCapacityBytes'] });
  }
  const all = [...(decoded.spec?.initContainers ?? []), ...(decoded.spec?.containers ?? [])];
  if (!all.some((c) => c.name === containerName)) {
    throw new ValidationError(`Not found: the Pod has no container ${JSON.stringify(containerName)}`, { object: isObject(pod) ? pod : undefined, path: ['spec', 'containers'] });
  }
  return oomScoreAdjust(decoded, containerName, memoryCapacityBytes);
}

/** One entry of rankMemoryPressure: a Pod and its working set (a quantity, a number of bytes, or absent for "no stats"). */
export interface RankEntry {
  pod: unknown;
  memoryWorkingSet?: unknown;
}

/**
 * The same entries in the kubelet's eviction order (first evicted first).
 *
 * @example rankMemoryPressure([{ pod: guaranteed, memoryWorkingSet: '900Mi' }, { pod: bestEffort, memoryWorkingSet: '50Mi' }])[0].pod === bestEffort
 */
export function rankMemoryPressure<E extends RankEntry>(entries: readonly E[]): E[] {
  if (!Array.isArray(entries)) throw new ValidationError('must be a list of { pod, memoryWorkingSet } entries', { path: [] });
  const decoded = entries.map((entry: unknown, i) => {
    if (!isObject(entry)) throw new ValidationError('must be a mapping with pod and memoryWorkingSet', { object: entries, path: [i] });
    const e = entry as Record<string, unknown>;
    const usage = e.memoryWorkingSet;
    if (usage !== undefined && usage !== null) {
      const q = typeof usage === 'number' ? (Number.isFinite(usage) ? Quantity.fromInteger(Math.ceil(usage)) : undefined) : Quantity.tryParse(usage);
      if (!q || q.sign() < 0) throw new ValidationError(`Invalid value: ${describeValue(usage)}: must be a quantity such as "500Mi" or a number of bytes ≥ 0`, { object: entries, path: [i, 'memoryWorkingSet'] });
    }
    return { pod: readPodAt(e.pod, entries, i), memoryWorkingSet: usage as string | number | null | undefined, index: i };
  });
  return rank(decoded).map((d) => entries[(d as (typeof decoded)[number]).index]);
}

/**
 * The text of `kubectl describe pod` (kubectl 1.32) for the Pod and its core/v1
 * Events at `now`; `events: null` is `--show-events=false`.
 *
 * @example describePod(pod, [], '2025-01-01T00:05:00Z').startsWith('Name:')
 */
export function describePod(pod: unknown, events: unknown, now: unknown): string {
  const decoded = readPod(pod);
  let list: ReturnType<typeof readEvent>[] | null = null;
  if (events !== null) {
    if (events !== undefined && !Array.isArray(events)) throw new ValidationError('must be a list of core/v1 Events, or null', { path: ['events'] });
    list = (events ?? []).map((e) => readEvent(e));
  }
  return describe(decoded, list, instant(now));
}

function instant(now: unknown): number {
  if (typeof now === 'number' && Number.isFinite(now)) return now;
  if (now instanceof Date && !Number.isNaN(now.getTime())) return now.getTime();
  if (typeof now === 'string') {
    const ms = parseRFC3339(now);
    if (ms !== undefined) return ms;
  }
  throw new ValidationError(`Invalid value: ${describeValue(now)}: now must be a time (Unix milliseconds, a Date or an RFC 3339 string)`, { path: ['now'] });
}

function isObject(v: unknown): v is object {
  return v !== null && typeof v === 'object';
}

/** A Pod inside a list: its errors keep the path from the list when the Pod is not an object itself. */
function readPodAt(pod: unknown, entries: object, index: number): JsonObject {
  if (!isObject(pod) || Array.isArray(pod)) {
    throw new ValidationError('Required value: a core/v1 Pod', { object: entries, path: [index, 'pod'] });
  }
  return readPod(pod);
}

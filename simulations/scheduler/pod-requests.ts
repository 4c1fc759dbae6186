// What a Pod requests, as the scheduler adds it up.
// src: staging/src/k8s.io/component-helpers/resource/helpers.go (PodRequests, AggregateContainerRequests,
//      NonMissingContainerRequests), pkg/scheduler/framework/types.go (calculateResource),
//      pkg/scheduler/util/pod_resources.go (DefaultMilliCPURequest = 100, DefaultMemoryRequest = 200Mi).

import type { JsonObject } from '../shared/yaml.ts';
import { defaultObject } from '../apiserver/defaults/index.ts';
import { readPodResources } from './pod-resources.ts';
import type { PodResourceSpec } from './pod-resources.ts';
import { toSchedulerUnits } from './resources.ts';
import type { NanoList } from './resources.ts';

/** schedutil.DefaultMilliCPURequest (100m) in nano-cores. */
export const DEFAULT_CPU_NANO = 100n * 1_000_000n;
/** schedutil.DefaultMemoryRequest (200Mi) in nano-bytes. */
export const DEFAULT_MEMORY_NANO = 200n * 1024n * 1024n * 1_000_000_000n;

function addInto(target: NanoList, source: NanoList): void {
  for (const [k, v] of source) target.set(k, (target.get(k) ?? 0n) + v);
}

function maxInto(target: NanoList, source: NanoList): void {
  for (const [k, v] of source) {
    const cur = target.get(k);
    if (cur === undefined || v > cur) target.set(k, v);
  }
}

/** NonMissingContainerRequests: a container with no cpu (memory) request counts 100m (200Mi); an explicit 0 stays 0. */
function withNonMissing(requests: NanoList): NanoList {
  if (requests.has('cpu') && requests.has('memory')) return requests;
  const copy = new Map(requests);
  if (!copy.has('cpu')) copy.set('cpu', DEFAULT_CPU_NANO);
  if (!copy.has('memory')) copy.set('memory', DEFAULT_MEMORY_NANO);
  return copy;
}

export interface AggregateOptions {
  /** Apply the scheduler's non-zero defaults per container (used for scoring). */
  nonZero?: boolean;
  /** Leave spec.overhead out (PodResourcesOptions.ExcludeOverhead). */
  excludeOverhead?: boolean;
}

/**
 * PodRequests: regular containers summed; init containers in order, where a
 * sidecar (restartPolicy: Always) keeps running and adds to everything after
 * it, while a plain init container only needs its own request plus the
 * sidecars already running; the pod needs the larger of the two; overhead on top.
 */
export function aggregateRequests(spec: PodResourceSpec, options: AggregateOptions = {}): NanoList {
  const fix = options.nonZero ? withNonMissing : (r: NanoList) => r;
  const reqs: NanoList = new Map();
  for (const c of spec.containers) addInto(reqs, fix(c.requests));
  const restartableInitSum: NanoList = new Map();
  const initMax: NanoList = new Map();
  for (const c of spec.initContainers) {
    const containerReqs = fix(c.requests);
    if (c.sidecar) {
      addInto(reqs, containerReqs);
      addInto(restartableInitSum, containerReqs);
      maxInto(initMax, restartableInitSum);
    } else {
      const tmp = new Map(containerReqs);
      addInto(tmp, restartableInitSum);
      maxInto(initMax, tmp);
    }
  }
  maxInto(reqs, initMax);
  if (!options.excludeOverhead && spec.overhead) addInto(reqs, spec.overhead);
  return reqs;
}

/** The aggregated list in scheduler units: cpu in millicores, everything else in base units. */
export function toUnitsRecord(list: NanoList): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of [...list.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    out[k] = toSchedulerUnits(k, v);
  }
  return out;
}

/**
 * What a Pod requests, as kube-scheduler counts it, once the API server has defaulted it (a
 * container with a limit and no request requests its limit).
 *
 * @example
 *   podRequests({ kind: 'Pod', apiVersion: 'v1', metadata: { name: 'a' },
 *     spec: { containers: [{ name: 'c', resources: { requests: { cpu: '250m', memory: '1Gi' } } }] } })
 *   // → { cpu: 250, memory: 1073741824 }
 *   podRequests(podWithoutRequests, { nonZero: true })  // → { cpu: 100, memory: 209715200 }
 */
export function podRequests(pod: JsonObject, options: AggregateOptions = {}): Record<string, number> {
  return toUnitsRecord(aggregateRequests(readPodResources(defaultObject(pod) as JsonObject), options));
}

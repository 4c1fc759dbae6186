// How much one resources-oom run may ask for. Upstream has no such limits; the
// simulation does, so that any input finishes well inside the 2 s deadline and
// every number stays exact in a JavaScript double. Asking for more is a
// LimitExceededError naming the limit, never a slow or wrong run.

import { LimitExceededError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import { formatBinarySI } from '../apimachinery/quantity.ts';

export const LIMITS = {
  /** Pods in one run: the kubelet's default maxPods for one node (a `kind: List` holds many). */
  pods: 110,
  /** Containers (init, sidecar and regular) in one Pod. */
  containersPerPod: 20,
  /** Containers in the whole run. */
  containers: 250,
  /**
   * Containers × simulated seconds: the clock ticks every second for every
   * container (e.g. 100 containers for 1 h, or 4 containers for 24 h).
   */
  containerSeconds: 400_000,
  /** Any amount of memory (capacity, requests, limits, usage): 1Pi. Sums of many still stay exact. */
  memoryBytes: 2 ** 50,
  /** Points of one `pattern: points` usage curve. */
  usagePoints: 1_000,
  /** LimitRange items and ResourceQuota resources, all objects together. */
  admissionRules: 200,
  /**
   * OOM kills in one run. Not an input limit: a run that reaches it stops at that
   * second and reports result.truncated (each kill costs the kubelet a restart cycle).
   */
  oomKills: 500,
  /** Any grace period in seconds (Pod, probe, eviction): one year; the clock runs at most 24 h. */
  gracePeriodSeconds: 365 * 24 * 3600,
} as const;

/** Throws LimitExceededError when `value` is above `limit`, naming the limit. */
export function checkLimit(value: number, limit: number, what: string, options: { object?: object; path?: FieldPath } = {}): void {
  if (value > limit) throw new LimitExceededError(`${what}: the limit is ${limit} in this simulation (got ${value})`, options);
}

/** Throws LimitExceededError for an amount of memory above LIMITS.memoryBytes (1Pi). */
export function checkMemoryLimit(bytes: number, object: object, path: FieldPath): void {
  if (bytes > LIMITS.memoryBytes) {
    throw new LimitExceededError(`${formatBinarySI(bytes)} is more memory than this simulation models: the limit is ${formatBinarySI(LIMITS.memoryBytes)} per value`, { object, path });
  }
}

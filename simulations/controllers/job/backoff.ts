// The Job controller's back-off between Pod retries: 10 s after the first
// failure, doubling per consecutive failure, capped at 10 min (the controller's
// DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff), counted from the
// last failure; a success resets the count.
// src: pkg/controller/job/backoff_utils.go (newBackoffRecord, getFinishedTime,
// getRemainingTimeForFailuresCount).

import { toMs } from '../../apimachinery/time.ts';

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** ms, or null when there was no failure since the last success. */
  lastFailureTimeMs: number | null;
}

/** The Pod fields the back-off reads. */
export interface FinishedPod {
  metadata?: { creationTimestamp?: string | null; deletionTimestamp?: string | null; deletionGracePeriodSeconds?: number | null; [key: string]: unknown };
  status?: {
    phase?: string;
    conditions?: { type?: string; status?: string; lastTransitionTime?: string | null }[];
    containerStatuses?: { state?: { terminated?: { finishedAt?: string | null } | null; [key: string]: unknown } }[];
    initContainerStatuses?: { state?: { terminated?: { finishedAt?: string | null } | null; [key: string]: unknown } }[];
    [key: string]: unknown;
  };
  [key: string]: unknown;
}

const ms = (t: string | null | undefined): number | null => toMs(t ?? null);

/**
 * getFinishTimeFromContainers: the latest finishedAt when every container
 * (init containers included: a sidecar stops last) has terminated with a
 * finishedAt; otherwise none.
 */
function finishTimeFromContainers(p: FinishedPod): number | null {
  let finish: number | null = null;
  for (const s of [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])]) {
    const terminated = s.state?.terminated;
    if (!terminated) return null;
    const at = ms(terminated.finishedAt);
    if (at === null) return null; // FinishedAt.IsZero()
    if (finish === null || finish < at) finish = at;
  }
  return finish;
}

/**
 * getFinishedTime: when every container terminated, the last finishedAt;
 * else when Ready=False, its lastTransitionTime; else for a deleted Pod,
 * deletionTimestamp − grace period; else the creation time.
 */
export function getFinishedTime(p: FinishedPod): number {
  const fromContainers = finishTimeFromContainers(p);
  if (fromContainers !== null) return fromContainers;
  const ready = (p.status?.conditions ?? []).find((c) => c?.type === 'Ready');
  if (ready && ready.status === 'False') {
    const at = ms(ready.lastTransitionTime);
    if (at !== null) return at;
  }
  const deleted = ms(p.metadata?.deletionTimestamp);
  if (deleted !== null) return deleted - (p.metadata?.deletionGracePeriodSeconds ?? 0) * 1000;
  return ms(p.metadata?.creationTimestamp) ?? Number.NEGATIVE_INFINITY;
}

/**
 * newBackoffRecord: failures since the last success. New failures after the
 * newest new success are added (a failure at the same instant as the success
 * does not count); with no new success they add to the previous count.
 */
export function newBackoffRecord(previous: BackoffRecord | null, newSucceededPods: readonly FinishedPod[], newFailedPods: readonly FinishedPod[]): BackoffRecord {
  const backoff: BackoffRecord = previous ? { ...previous } : { failuresAfterLastSuccess: 0, lastFailureTimeMs: null };
  const succeeded = newSucceededPods.map(getFinishedTime).sort((a, b) => a - b);
  const failed = newFailedPods.map(getFinishedTime).sort((a, b) => a - b);
  if (succeeded.length === 0) {
    if (failed.length === 0) return backoff;
    backoff.failuresAfterLastSuccess += failed.length;
    backoff.lastFailureTimeMs = failed[failed.length - 1];
    return backoff;
  }
  backoff.failuresAfterLastSuccess = 0;
  backoff.lastFailureTimeMs = null;
  const lastSuccess = succeeded[succeeded.length - 1];
  for (let i = failed.length - 1; i >= 0; i--) {
    if (!(failed[i] > lastSuccess)) break;
    if (backoff.lastFailureTimeMs === null) backoff.lastFailureTimeMs = failed[i];
    backoff.failuresAfterLastSuccess += 1;
  }
  return backoff;
}

/**
 * getRemainingTimeForFailuresCount: the back-off is default × 2^(failures−1),
 * capped at max; what is left of it since the last failure (never negative).
 * Milliseconds in, milliseconds out.
 */
export function getRemainingTimeForFailuresCount(nowMs: number, defaultBackoffMs: number, maxBackoffMs: number, failuresCount: number, lastFailureTimeMs: number | null): number {
  if (failuresCount === 0) return 0;
  let backoff = defaultBackoffMs;
  for (let i = 1; i < failuresCount; i++) {
    backoff *= 2;
    if (backoff >= maxBackoffMs) {
      backoff = maxBackoffMs;
      break;
    }
  }
  // A failure count without a time is treated as long past (Go would dereference nil here).
  const elapsed = lastFailureTimeMs === null ? Number.POSITIVE_INFINITY : nowMs - lastFailureTimeMs;
  if (backoff < elapsed) return 0;
  return backoff - elapsed;
}

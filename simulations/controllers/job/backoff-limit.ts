// When a Job has failed for good: more failed Pods than spec.backoffLimit, or
// (restartPolicy OnFailure, where Pods restart in place instead of failing)
// as many container restarts in its running Pods.
// src: pkg/controller/job/job_controller.go (syncJob: exceedsBackoffLimit,
// jobCtx.failed, getNewFinishedPods, isPodFailed, pastBackoffLimitOnFailure).

/** The finalizer through which the Job controller counts each finished Pod exactly once. */
export const JobTrackingFinalizer = 'batch.kubernetes.io/job-tracking';
export const JobReasonBackoffLimitExceeded = 'BackoffLimitExceeded';
export const BackoffLimitExceededMessage = 'Job has reached the specified backoff limit';

interface ContainerStatus {
  restartCount?: number;
}

export interface JobPod {
  metadata?: { uid?: string; finalizers?: string[]; deletionTimestamp?: string | null; [key: string]: unknown };
  status?: { phase?: string; containerStatuses?: ContainerStatus[]; initContainerStatuses?: ContainerStatus[]; [key: string]: unknown };
  [key: string]: unknown;
}

export interface Job {
  metadata?: Record<string, unknown>;
  spec?: {
    backoffLimit?: number;
    podReplacementPolicy?: string;
    podFailurePolicy?: unknown;
    template?: { spec?: { restartPolicy?: string; [key: string]: unknown }; [key: string]: unknown };
    [key: string]: unknown;
  };
  status?: { failed?: number; uncountedTerminatedPods?: { failed?: string[]; succeeded?: string[] } | null; [key: string]: unknown };
  [key: string]: unknown;
}

const hasTrackingFinalizer = (p: JobPod): boolean => (p.metadata?.finalizers ?? []).includes(JobTrackingFinalizer);

/**
 * isPodFailed: Failed; or, unless only Failed Pods are replaced
 * (podReplacementPolicy Failed, or a podFailurePolicy), being deleted
 * before it succeeded (an orphan that will never reach Failed).
 */
export function isPodFailed(p: JobPod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  const onlyReplaceFailedPods = job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy !== undefined;
  if (onlyReplaceFailedPods) return false;
  return (p.metadata?.deletionTimestamp ?? null) !== null && p.status?.phase !== 'Succeeded';
}

/**
 * jobCtx.failed: status.failed, plus the uncounted failures listed in
 * status.uncountedTerminatedPods, plus newly failed Pods (still carrying the
 * tracking finalizer and not yet listed). A failed Pod without the finalizer
 * was already counted in status.failed; where the given status counts fewer
 * such Pods than exist, the Pods are believed.
 */
export function countFailed(job: Job, pods: readonly JobPod[]): number {
  const uncounted = new Set(job.status?.uncountedTerminatedPods?.failed ?? []);
  let newFailed = 0;
  let alreadyCounted = 0;
  for (const p of pods) {
    if (!isPodFailed(p, job)) continue;
    if (uncounted.has(p.metadata?.uid ?? '')) continue;
    if (hasTrackingFinalizer(p)) newFailed++;
    else alreadyCounted++;
  }
  return Math.max(job.status?.failed ?? 0, alreadyCounted) + newFailed + uncounted.size;
}

/**
 * pastBackoffLimitOnFailure: for restartPolicy OnFailure, the container
 * restarts (init containers too) of Running and Pending Pods; with
 * backoffLimit 0 any restart is too many, else reaching the limit is.
 */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly JobPod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    const phase = p.status?.phase;
    if (phase !== 'Running' && phase !== 'Pending') continue;
    for (const s of p.status?.initContainerStatuses ?? []) restarts += s.restartCount ?? 0;
    for (const s of p.status?.containerStatuses ?? []) restarts += s.restartCount ?? 0;
  }
  const limit = backoffLimitOf(job);
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** spec.backoffLimit, 6 when unset (SetDefaults_Job). */
export function backoffLimitOf(job: Job): number {
  return job.spec?.backoffLimit ?? 6;
}

/**
 * syncJob's backoff check: failed > backoffLimit, or pastBackoffLimitOnFailure;
 * then the Job gets the Failed condition (reason BackoffLimitExceeded).
 * Not modelled: podFailurePolicy rules that ignore a failure (each failed Pod counts).
 */
export function exceedsBackoffLimit(job: Job, pods: readonly JobPod[]): { exceeded: boolean; reason?: 'BackoffLimitExceeded'; message?: string } {
  if (countFailed(job, pods) > backoffLimitOf(job) || pastBackoffLimitOnFailure(job, pods)) {
    return { exceeded: true, reason: JobReasonBackoffLimitExceeded, message: BackoffLimitExceededMessage };
  }
  return { exceeded: false };
}

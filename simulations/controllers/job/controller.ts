// The Job controller as an actor: keep up to `parallelism` Pods running until
// `completions` succeed; count each finished Pod once (through the
// job-tracking finalizer), wait the back-off before replacing a failed Pod,
// and fail the Job past spec.backoffLimit or spec.activeDeadlineSeconds.
// src: pkg/controller/job/job_controller.go (syncJob, manageJob,
// trackJobStatusAndRemoveFinalizers, enactJobFinished, pastActiveDeadline,
// newFailureCondition, delayTerminalCondition), backoff_utils.go.
// Simplified: NonIndexed completion only; the uncounted-Pods list is skipped
// (a finished Pod's finalizer is removed in the same sync that counts it);
// no podFailurePolicy or successPolicy. A Job that asks for one of those (or
// completionMode Indexed) is left alone with a warning in the trace, rather
// than run wrongly.
// Suspend: active Pods deleted, Suspended=True (JobSuspended); on resume
// Suspended=False (JobResumed) and startTime reset (ensureJobConditionStatus).

import type { Actor, ActorContext } from '../../apiserver/cluster.ts';
import { objectKey } from '../../apiserver/cluster.ts';
import { rfc3339, toMs } from '../../apimachinery/time.ts';
import { controllerOf, newControllerRef, splitKey, WorkQueue } from '../work-queue.ts';
import { getRemainingTimeForFailuresCount, newBackoffRecord } from './backoff.ts';
import type { BackoffRecord, FinishedPod } from './backoff.ts';
import { backoffLimitOf, BackoffLimitExceededMessage, isPodFailed, JobTrackingFinalizer, pastBackoffLimitOnFailure } from './backoff-limit.ts';
import type { Job, JobPod } from './backoff-limit.ts';

const SOURCE = 'pkg/controller/job/job_controller.go';
/** DefaultJobPodFailureBackOff and MaxJobPodFailureBackOff. */
export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 600_000;
/** MaxPodCreateDeletePerSync. */
const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

type Pod = JobPod & FinishedPod & { metadata?: { name?: string; namespace?: string; uid?: string; finalizers?: string[]; deletionTimestamp?: string | null; [key: string]: unknown }; status?: { phase?: string; [key: string]: unknown } };
interface JobCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
}
type FullJob = Job & {
  metadata?: { name?: string; namespace?: string; uid?: string; [key: string]: unknown };
  spec?: Job['spec'] & { parallelism?: number; completions?: number | null; activeDeadlineSeconds?: number; template?: { metadata?: Record<string, unknown>; spec?: Record<string, unknown> } };
  status?: Job['status'] & { active?: number; ready?: number; succeeded?: number; startTime?: string; completionTime?: string; conditions?: JobCondition[] };
};

const isActive = (p: Pod) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata?.deletionTimestamp;
const hasFinalizer = (p: Pod) => (p.metadata?.finalizers ?? []).includes(JobTrackingFinalizer);
const isReady = (p: Pod) => ((p.status?.conditions ?? []) as { type?: string; status?: string }[]).some((c) => c.type === 'Ready' && c.status === 'True');

export function jobController(options: { name?: string } = {}): Actor {
  return {
    name: options.name ?? 'job-controller',
    start(ctx: ActorContext) {
      // backoffStore: per Job, failures since the last success and when the last one happened.
      const backoff = new Map<string, BackoffRecord>();
      const queue = new WorkQueue(ctx, (key) => syncJob(ctx, queue, backoff, key));
      ctx.watch('batch/v1', 'Job', (e) => {
        if (e.type === 'DELETED') backoff.delete(objectKey(e.object));
        else queue.add(objectKey(e.object));
      });
      ctx.watch('v1', 'Pod', (e) => {
        const owner = controllerOf(e.object);
        if (owner?.kind !== 'Job') return;
        const namespace = (e.object.metadata as { namespace?: string }).namespace ?? '';
        // handleOrphanPod: a Pod whose Job is gone (deleted by a CronJob's Replace or history
        // limit, or by kubectl) still carries the tracking finalizer; remove it so it can go.
        const job = ctx.api.peek({ apiVersion: 'batch/v1', kind: 'Job', namespace, name: owner.name ?? '' }) as { metadata?: { uid?: string } } | undefined;
        if (e.type !== 'DELETED' && (!job || job.metadata?.uid !== owner.uid) && hasFinalizer(e.object as Pod)) {
          const p = e.object as Pod;
          ctx.api.patch({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' }, { metadata: { finalizers: (p.metadata?.finalizers ?? []).filter((f) => f !== JobTrackingFinalizer) } });
          return;
        }
        queue.add(`${namespace}/${owner.name}`);
      });
    },
  };
}

function condition(type: string, reason: string, message: string, atMs: number): JobCondition {
  const at = rfc3339(atMs);
  return { type, status: 'True', lastProbeTime: at, lastTransitionTime: at, reason, message };
}

function syncJob(ctx: ActorContext, queue: WorkQueue, backoffStore: Map<string, BackoffRecord>, key: string): void {
  const [namespace, name] = splitKey(key);
  const stored = ctx.api.peek({ apiVersion: 'batch/v1', kind: 'Job', namespace, name }) as FullJob | undefined;
  if (!stored) return void backoffStore.delete(key);
  const job = JSON.parse(JSON.stringify(stored)) as FullJob;
  const status = (job.status ??= {});
  const conditions = (status.conditions ??= []);
  if (conditions.some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')) return void backoffStore.delete(key);
  const now = ctx.clock.epochMs + ctx.clock.now();
  const spec = job.spec as { completionMode?: string; podFailurePolicy?: unknown; successPolicy?: unknown; suspend?: boolean } | undefined;
  const unsupported = spec?.completionMode === 'Indexed' ? 'completionMode Indexed' : spec?.podFailurePolicy ? 'podFailurePolicy' : spec?.successPolicy ? 'successPolicy' : null;
  if (unsupported) {
    ctx.trace({ title: `Job ${name}: ${unsupported} is not simulated; the Job is left alone`, source: SOURCE, subject: `Job ${key}`, level: 'warning' });
    return;
  }
  const suspended = spec?.suspend === true;
  const pods = ((ctx.api.list('v1', 'Pod', namespace).items ?? []) as Pod[]).filter((p) => controllerOf(p)?.uid === job.metadata?.uid);
  let active = pods.filter(isActive);
  // getNewFinishedPods: finished Pods still carrying the finalizer have not been counted yet.
  const newSucceeded = pods.filter((p) => hasFinalizer(p) && p.status?.phase === 'Succeeded');
  const newFailed = pods.filter((p) => hasFinalizer(p) && p.status?.phase !== 'Succeeded' && isPodFailed(p, job));
  const succeeded = (status.succeeded ?? 0) + newSucceeded.length;
  const failed = (status.failed ?? 0) + newFailed.length;
  // The Suspended condition (ensureJobConditionStatus: a False one is only written over an existing one).
  const suspendedCondition = conditions.find((c) => c.type === 'Suspended');
  if (suspended && suspendedCondition?.status !== 'True') {
    const c = condition('Suspended', 'JobSuspended', 'Job suspended', now);
    if (suspendedCondition) Object.assign(suspendedCondition, c);
    else conditions.push(c);
  } else if (!suspended && suspendedCondition && suspendedCondition.status !== 'False') {
    Object.assign(suspendedCondition, { ...condition('Suspended', 'JobResumed', 'Job resumed', now), status: 'False' });
    // "Resumed jobs will always reset StartTime to current time": activeDeadlineSeconds counts continuous activity.
    status.startTime = rfc3339(now);
  }
  if (!suspended) status.startTime ??= rfc3339(now);
  const record = newBackoffRecord(backoffStore.get(key) ?? null, newSucceeded, newFailed);

  let finished = conditions.find((c) => c.type === 'FailureTarget' && c.status === 'True') ?? conditions.find((c) => c.type === 'SuccessCriteriaMet' && c.status === 'True');
  if (!finished) {
    // pastActiveDeadline: no deadline while suspended or not yet started.
    const deadline = suspended || !status.startTime ? undefined : job.spec?.activeDeadlineSeconds;
    const started = toMs(status.startTime) ?? now;
    if (failed > backoffLimitOf(job) || pastBackoffLimitOnFailure(job, pods)) {
      // The interim FailureTarget condition first (delayTerminalCondition); Failed once no Pod is left running.
      finished = condition('FailureTarget', 'BackoffLimitExceeded', BackoffLimitExceededMessage, now);
    } else if (deadline !== undefined && now - started >= deadline * 1000) {
      finished = condition('FailureTarget', 'DeadlineExceeded', 'Job was active longer than specified deadline', now);
    } else if (deadline !== undefined) {
      queue.addAfter(key, started + deadline * 1000 - now);
    }
    if (finished) {
      conditions.push(finished);
      ctx.trace({ title: `Job ${name}: ${finished.reason}: ${finished.message}`, source: SOURCE, subject: `Job ${key}`, level: 'warning' });
    }
  }

  if (finished || suspended) {
    // deleteActivePods; manageJob deletes every active Pod of a suspended Job too.
    for (const p of active) ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' });
    active = [];
  } else {
    active = manageJob(ctx, queue, key, job, active, succeeded, record, now);
    const completions = job.spec?.completions;
    const complete = completions === undefined || completions === null ? succeeded > 0 && active.length === 0 : succeeded >= completions && active.length === 0;
    if (complete) {
      finished = condition('SuccessCriteriaMet', 'CompletionsReached', 'Reached expected number of succeeded pods', now);
      conditions.push(finished);
    }
  }

  // trackJobStatusAndRemoveFinalizers: the counters move as the finalizers come off.
  status.active = active.length;
  status.ready = active.filter(isReady).length;
  status.succeeded = succeeded;
  status.failed = failed;
  for (const p of [...newSucceeded, ...newFailed]) {
    ctx.api.patch({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' }, { metadata: { finalizers: (p.metadata?.finalizers ?? []).filter((f) => f !== JobTrackingFinalizer) } });
  }
  backoffStore.set(key, record);
  // enactJobFinished: the final condition only when no Pod is still terminating.
  const terminating = pods.filter((p) => p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed').length;
  if (finished && active.length === 0 && terminating === 0 && !(finished.type === 'FailureTarget' && terminatingAfterDelete(ctx, namespace, job))) {
    const final = finished.type === 'FailureTarget' ? condition('Failed', finished.reason ?? '', finished.message ?? '', now) : condition('Complete', finished.reason ?? '', finished.message ?? '', now);
    conditions.push(final);
    if (final.type === 'Complete') status.completionTime = rfc3339(now);
    ctx.trace({ title: `Job ${name} ${final.type === 'Complete' ? 'completed' : `failed: ${final.reason}`}`, source: SOURCE, subject: `Job ${key}` });
  }
  const current = ctx.api.peek({ apiVersion: 'batch/v1', kind: 'Job', namespace, name });
  if (current && JSON.stringify(current.status ?? {}) !== JSON.stringify(status)) ctx.api.updateStatus({ ...current, status });
}

/** Whether Pods deleted in this sync are still terminating (they are, until the kubelet finishes them). */
function terminatingAfterDelete(ctx: ActorContext, namespace: string, job: FullJob): boolean {
  return ((ctx.api.list('v1', 'Pod', namespace).items ?? []) as Pod[]).some((p) => controllerOf(p)?.uid === job.metadata?.uid && p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/**
 * manageJob: want min(parallelism, completions − succeeded) active Pods
 * (without completions: parallelism until one succeeds); remove extras; add
 * the missing ones only once the back-off since the last failure has passed.
 */
function manageJob(ctx: ActorContext, queue: WorkQueue, key: string, job: FullJob, active: Pod[], succeeded: number, record: BackoffRecord, now: number): Pod[] {
  const [namespace, name] = splitKey(key);
  const parallelism = job.spec?.parallelism ?? 1;
  const completions = job.spec?.completions;
  let wantActive: number;
  if (completions === undefined || completions === null) wantActive = succeeded > 0 ? active.length : parallelism;
  else wantActive = Math.max(0, Math.min(completions - succeeded, parallelism));
  if (active.length > wantActive) {
    const extra = active.slice(wantActive, wantActive + MAX_POD_CREATE_DELETE_PER_SYNC);
    for (const p of extra) ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' });
    return active.slice(0, wantActive);
  }
  if (active.length < wantActive) {
    const remaining = getRemainingTimeForFailuresCount(now, DEFAULT_POD_FAILURE_BACKOFF_MS, MAX_POD_FAILURE_BACKOFF_MS, record.failuresAfterLastSuccess, record.lastFailureTimeMs);
    if (remaining > 0) {
      ctx.trace({ title: `Job ${name}: waiting ${remaining / 1000} s before replacing a failed Pod (${record.failuresAfterLastSuccess} failure(s) since the last success)`, detail: 'back-off: 10 s, doubling per failure, capped at 10 min', source: 'pkg/controller/job/backoff_utils.go', subject: `Job ${key}` });
      queue.addAfter(key, remaining);
      return active;
    }
    const diff = Math.min(wantActive - active.length, MAX_POD_CREATE_DELETE_PER_SYNC);
    const template = job.spec?.template ?? {};
    for (let i = 0; i < diff; i++) {
      const r = ctx.api.create({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { generateName: `${name}-`, namespace, labels: { ...((template.metadata?.labels as Record<string, string>) ?? {}) }, finalizers: [JobTrackingFinalizer], ownerReferences: [newControllerRef(job as { metadata?: { name?: string; uid?: string } }, 'batch/v1', 'Job')] },
        spec: template.spec ?? {},
      });
      if (r.code >= 300) break;
      active = [...active, r.object as Pod];
    }
    ctx.trace({ title: `Job ${name}: created ${diff} Pod(s)`, source: SOURCE, subject: `Job ${key}` });
  }
  return active;
}

// The CronJob controller as an actor: at each scheduled time (at most one Job
// per sync, the latest missed one), create a Job named after the minute,
// honouring startingDeadlineSeconds and concurrencyPolicy; keep the active
// list, lastScheduleTime and lastSuccessfulTime; delete finished Jobs beyond
// the history limits; and requeue for the next slot (+100 ms).
// src: pkg/controller/cronjob/cronjob_controllerv2.go (syncCronJob,
// cleanupFinishedJobs, getJobName via getTimeHashInMinutes), utils.go
// (nextScheduleTime, nextScheduleTimeDuration, getJobFromTemplate2, byJobStartTime).
// Simplified: no orphan adoption, no UnexpectedJob/MissingJob bookkeeping.

import type { Actor, ActorContext } from '../../apiserver/cluster.ts';
import { objectKey } from '../../apiserver/cluster.ts';
import { toMs } from '../../apimachinery/time.ts';
import { controllerOf, newControllerRef, splitKey, WorkQueue } from '../work-queue.ts';
import { CronJobScheduleError, nextScheduleTime, nextScheduleTimeDuration, scheduleOf } from './schedule.ts';
import type { CronJob } from './schedule.ts';
import { Zone, ZonedTime } from './zoned-time.ts';

const SOURCE = 'pkg/controller/cronjob/cronjob_controllerv2.go';

interface JobRef {
  apiVersion?: string;
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
}
type FullCronJob = CronJob & {
  metadata?: { name?: string; namespace?: string; uid?: string; deletionTimestamp?: string; [key: string]: unknown };
  spec?: CronJob['spec'] & { suspend?: boolean; concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace'; successfulJobsHistoryLimit?: number; failedJobsHistoryLimit?: number; jobTemplate?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: Record<string, unknown> } };
  status?: { active?: JobRef[]; lastScheduleTime?: string; lastSuccessfulTime?: string; [key: string]: unknown };
};
interface Job {
  metadata?: { name?: string; namespace?: string; uid?: string; [key: string]: unknown };
  status?: { startTime?: string; completionTime?: string; conditions?: { type?: string; status?: string }[] };
}

export interface CronJobEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  atMs: number;
  /** The object the event is about: "CronJob default/backup". */
  subject?: string;
}

const finishedCondition = (j: Job) => (j.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True')?.type;

/** RFC 1123 with a numeric zone, as Go's time.RFC1123Z prints the MissSchedule event's time. */
function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${day}, ${p(d.getUTCDate())} ${mon} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** time.Format(time.RFC3339) of an instant in a zone: the scheduled-timestamp annotation. */
function rfc3339In(ms: number, zone: Zone): string {
  const t = new ZonedTime(ms, zone);
  const offset = Math.round((Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - Math.floor(ms / 1000) * 1000) / 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  const zoneText = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${p(Math.floor(Math.abs(offset) / 60))}:${p(Math.abs(offset) % 60)}`;
  return `${String(t.year).padStart(4, '0')}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}${zoneText}`;
}

export function cronJobController(options: { name?: string; onEvent?: (e: CronJobEvent) => void } = {}): Actor {
  return {
    name: options.name ?? 'cronjob-controller',
    start(ctx: ActorContext) {
      const record = (type: CronJobEvent['type'], reason: string, message: string, subject: string) => {
        ctx.trace({ title: `${reason}: ${message}`, source: SOURCE, subject, level: type === 'Warning' ? 'warning' : 'info' });
        options.onEvent?.({ type, reason, message, atMs: ctx.clock.now(), subject });
      };
      const queue = new WorkQueue(ctx, (key) => syncCronJob(ctx, queue, key, record));
      ctx.watch('batch/v1', 'CronJob', (e) => {
        if (e.type !== 'DELETED') queue.add(objectKey(e.object));
      });
      ctx.watch('batch/v1', 'Job', (e) => {
        const owner = controllerOf(e.object);
        if (owner?.kind === 'CronJob') queue.add(`${(e.object.metadata as { namespace?: string }).namespace ?? ''}/${owner.name}`);
      });
    },
  };
}

function syncCronJob(ctx: ActorContext, queue: WorkQueue, key: string, record: (type: CronJobEvent['type'], reason: string, message: string, subject: string) => void): void {
  const [namespace, name] = splitKey(key);
  const stored = ctx.api.peek({ apiVersion: 'batch/v1', kind: 'CronJob', namespace, name }) as FullCronJob | undefined;
  if (!stored) return;
  const cj = JSON.parse(JSON.stringify(stored)) as FullCronJob;
  const status = (cj.status ??= {});
  const subject = `CronJob ${key}`;
  const now = ctx.clock.epochMs + ctx.clock.now();
  const jobs = ((ctx.api.list('batch/v1', 'Job', namespace).items ?? []) as Job[]).filter((j) => controllerOf(j)?.uid === cj.metadata?.uid);

  // The active list follows the Jobs: finished ones leave it; a successful one sets lastSuccessfulTime.
  for (const j of jobs) {
    const inActive = (status.active ?? []).some((r) => r.uid === j.metadata?.uid);
    const finished = finishedCondition(j);
    if (inActive && finished) {
      status.active = (status.active ?? []).filter((r) => r.uid !== j.metadata?.uid);
      record('Normal', 'SawCompletedJob', `Saw completed job: ${j.metadata?.name}, condition: ${finished}`, subject);
    }
    if (finished === 'Complete' && j.status?.completionTime && (toMs(status.lastSuccessfulTime ?? null) ?? -Infinity) < (toMs(j.status.completionTime) ?? 0)) status.lastSuccessfulTime = j.status.completionTime;
  }
  status.active = (status.active ?? []).filter((r) => jobs.some((j) => j.metadata?.uid === r.uid));

  const requeue = (schedule: ReturnType<typeof scheduleOf>) => queue.addAfter(key, nextScheduleTimeDuration(cj, now, schedule));
  const write = () => {
    const current = ctx.api.peek({ apiVersion: 'batch/v1', kind: 'CronJob', namespace, name });
    if (current && JSON.stringify(current.status ?? {}) !== JSON.stringify(status)) ctx.api.updateStatus({ ...current, status });
  };

  if (!cj.metadata?.deletionTimestamp && !cj.spec?.suspend) {
    let schedule: ReturnType<typeof scheduleOf> | null = null;
    try {
      schedule = scheduleOf(cj);
    } catch (e) {
      const err = e as CronJobScheduleError;
      record('Warning', err.reason ?? 'InvalidSchedule', err.message, subject);
    }
    if (schedule) startDueJob(ctx, cj, status, schedule, now, namespace, subject, record, requeue);
  }
  cleanupFinishedJobs(ctx, cj, jobs, subject, record);
  write();
}

function startDueJob(ctx: ActorContext, cj: FullCronJob, status: NonNullable<FullCronJob['status']>, schedule: ReturnType<typeof scheduleOf>, now: number, namespace: string, subject: string, record: (type: CronJobEvent['type'], reason: string, message: string, subject: string) => void, requeue: (s: ReturnType<typeof scheduleOf>) => void): void {
  let due;
  try {
    due = nextScheduleTime(cj, now, schedule);
  } catch (e) {
    record('Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec?.schedule} : ${(e as Error).message}`, subject);
    return;
  }
  if (due.event) record('Warning', due.event.reason, due.event.message, subject);
  const scheduled = due.timeMs;
  if (scheduled === null) return requeue(schedule);
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
    record('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${rfc1123z(scheduled)}`, subject);
    return requeue(schedule);
  }
  const jobName = `${cj.metadata?.name}-${Math.floor(scheduled / 60_000)}`;
  if ((status.active ?? []).some((r) => r.name === jobName) || toMs(status.lastScheduleTime ?? null) === scheduled) return requeue(schedule);
  if (cj.spec?.concurrencyPolicy === 'Forbid' && (status.active ?? []).length > 0) {
    record('Normal', 'JobAlreadyActive', 'Not starting job because prior execution is running and concurrency policy is Forbid', subject);
    return requeue(schedule);
  }
  if (cj.spec?.concurrencyPolicy === 'Replace') {
    for (const r of status.active ?? []) {
      ctx.api.delete({ apiVersion: 'batch/v1', kind: 'Job', namespace, name: r.name ?? '' }, { propagationPolicy: 'Background' });
      record('Normal', 'SuccessfulDelete', `Deleted job ${r.name}`, subject);
    }
    status.active = [];
  }
  // getJobFromTemplate2: the template's labels and annotations, the scheduled time in the CronJob's zone.
  const template = cj.spec?.jobTemplate ?? {};
  const zone = Zone.load(cj.spec?.timeZone ?? '');
  const created = ctx.api.create({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName,
      namespace,
      labels: { ...(template.metadata?.labels ?? {}) },
      annotations: { ...(template.metadata?.annotations ?? {}), 'batch.kubernetes.io/cronjob-scheduled-timestamp': rfc3339In(scheduled, zone) },
      ownerReferences: [newControllerRef(cj as { metadata?: { name?: string; uid?: string } }, 'batch/v1', 'CronJob')],
    },
    spec: template.spec ?? {},
  });
  if (created.code === 201) {
    record('Normal', 'SuccessfulCreate', `Created job ${jobName}`, subject);
    const meta = (created.object as { metadata: { uid: string; resourceVersion: string } }).metadata;
    status.active = [...(status.active ?? []), { kind: 'Job', namespace, name: jobName, uid: meta.uid, apiVersion: 'batch/v1', resourceVersion: meta.resourceVersion } as JobRef];
  } else if (created.reason !== 'AlreadyExists') {
    record('Warning', 'FailedCreate', `Error creating job: ${created.message}`, subject);
    return;
  }
  status.lastScheduleTime = new Date(scheduled).toISOString().replace('.000Z', 'Z');
  requeue(schedule);
}

/** cleanupFinishedJobs: keep successfulJobsHistoryLimit (3) Complete and failedJobsHistoryLimit (1) Failed Jobs, oldest removed first. */
function cleanupFinishedJobs(ctx: ActorContext, cj: FullCronJob, jobs: Job[], subject: string, record: (type: CronJobEvent['type'], reason: string, message: string, subject: string) => void): void {
  const byStart = (a: Job, b: Job) => {
    const sa = toMs(a.status?.startTime ?? null);
    const sb = toMs(b.status?.startTime ?? null);
    if (sa === null && sb !== null) return 1;
    if (sa !== null && sb === null) return -1;
    if (sa === sb) return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
    return (sa ?? 0) - (sb ?? 0);
  };
  const prune = (kind: 'Complete' | 'Failed', limit: number) => {
    const finished = jobs.filter((j) => finishedCondition(j) === kind).sort(byStart);
    for (const j of finished.slice(0, Math.max(0, finished.length - limit))) {
      ctx.api.delete({ apiVersion: 'batch/v1', kind: 'Job', namespace: j.metadata?.namespace, name: j.metadata?.name ?? '' }, { propagationPolicy: 'Background' });
      record('Normal', 'SuccessfulDelete', `Deleted job ${j.metadata?.name}`, subject);
    }
  };
  prune('Complete', cj.spec?.successfulJobsHistoryLimit ?? 3);
  prune('Failed', cj.spec?.failedJobsHistoryLimit ?? 1);
}

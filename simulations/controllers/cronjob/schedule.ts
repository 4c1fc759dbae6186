// When a CronJob should start a Job: the most recent scheduled time not yet
// run (at most one is started per sync, however many were missed), whether
// "too many" were missed, and when to look again.
// src: pkg/controller/cronjob/utils.go (mostRecentScheduleTime,
// nextScheduleTimeDuration, nextScheduleTime), cronjob_controllerv2.go
// (formatSchedule, the timeZone check, nextScheduleDelta).

import { toMs } from '../../apimachinery/time.ts';
import { parseStandard } from './cron.ts';
import type { Schedule } from './cron.ts';
import { Zone, ZonedTime } from './zoned-time.ts';

export interface CronJob {
  metadata?: { name?: string; namespace?: string; creationTimestamp?: string | null; [key: string]: unknown };
  spec?: { schedule?: string; timeZone?: string | null; startingDeadlineSeconds?: number | null; [key: string]: unknown };
  status?: { lastScheduleTime?: string | null; [key: string]: unknown };
  [key: string]: unknown;
}

export type MissedSchedules = 'none' | 'few' | 'many';

/** cronjob_controllerv2.go nextScheduleDelta: requeue 100 ms after the slot, against clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;

/** Why a CronJob is not scheduled: the controller's event reason and message. */
export class CronJobScheduleError extends Error {
  override readonly name = 'CronJobScheduleError';
  constructor(
    message: string,
    /** The Warning event the controller records: UnparseableSchedule, UnknownTimeZone, or none for a logic error. */
    readonly reason?: 'UnparseableSchedule' | 'UnknownTimeZone',
  ) {
    super(message);
  }
}

/**
 * The schedule the controller evaluates: spec.schedule as written when it
 * mentions TZ itself, else prefixed with "TZ=<spec.timeZone>" (formatSchedule);
 * an unknown timeZone stops the sync with an UnknownTimeZone event.
 */
export function scheduleOf(cj: CronJob): Schedule {
  const text = cj.spec?.schedule ?? '';
  const timeZone = cj.spec?.timeZone;
  if (timeZone !== undefined && timeZone !== null) {
    try {
      Zone.load(timeZone);
    } catch (e) {
      throw new CronJobScheduleError(`invalid timeZone: ${JSON.stringify(timeZone)}: ${(e as Error).message}`, 'UnknownTimeZone');
    }
  }
  const formatted = text.includes('TZ') || timeZone === undefined || timeZone === null ? text : `TZ=${timeZone} ${text}`;
  try {
    return parseStandard(formatted);
  } catch (e) {
    throw new CronJobScheduleError(`unparseable schedule: ${JSON.stringify(text)} : ${(e as Error).message}`, 'UnparseableSchedule');
  }
}

const ZERO_MS = -62135596800000;

function next(schedule: Schedule, ms: number): number {
  const t = schedule.next(new ZonedTime(ms, Zone.UTC));
  return t === null ? ZERO_MS : t.utcMs;
}

/** Go's Duration.Round(time.Second).Seconds() as int64: halves away from zero. */
function roundSeconds(ms: number): number {
  const s = ms / 1000;
  return s < 0 ? -Math.round(-s) : Math.round(s);
}

export interface MostRecent {
  earliestMs: number;
  /** null: nothing to start now. */
  mostRecentMs: number | null;
  missed: MissedSchedules;
}

/**
 * mostRecentScheduleTime: from the last schedule time (or creation), or from
 * now − startingDeadlineSeconds if that is later and asked for, find the
 * latest activation not after now. The count of missed activations is
 * estimated from the gap between the next two (over 100 is "many"); a
 * schedule whose two next activations are less than a second apart (one
 * that never fires, like Feb 31) is an error.
 */
export function mostRecentScheduleTime(cj: CronJob, nowMs: number, schedule: Schedule, includeStartingDeadlineSeconds: boolean): MostRecent {
  let earliestMs = toMs(cj.metadata?.creationTimestamp ?? null) ?? ZERO_MS;
  let missed: MissedSchedules = 'none';
  const last = toMs(cj.status?.lastScheduleTime ?? null);
  if (last !== null) earliestMs = last;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadlineSeconds && deadline !== undefined && deadline !== null) {
    // The controller is not going to schedule anything below this point.
    const schedulingDeadline = nowMs - deadline * 1000;
    if (schedulingDeadline > earliestMs) earliestMs = schedulingDeadline;
  }
  const t1 = next(schedule, earliestMs);
  const t2 = next(schedule, t1);
  if (nowMs < t1) return { earliestMs, mostRecentMs: null, missed };
  if (nowMs < t2) return { earliestMs, mostRecentMs: t1, missed };

  const between = roundSeconds(t2 - t1);
  if (between < 1) throw new CronJobScheduleError('time difference between two schedules is less than 1 second');
  const elapsed = Math.trunc((nowMs - t1) / 1000);
  const numberOfMissed = Math.trunc(elapsed / between) + 1;
  // Start a little before the estimate and let the schedule walk forward: exact for @every and for uneven schedules.
  const potentialEarliest = t1 + (numberOfMissed - 1 - 1) * between * 1000;
  let mostRecent: number | null = null;
  for (let t = next(schedule, potentialEarliest); t !== ZERO_MS && t <= nowMs; t = next(schedule, t)) mostRecent = t;
  if (numberOfMissed > 100) missed = 'many';
  else if (numberOfMissed > 0) missed = 'few';
  return { earliestMs, mostRecentMs: mostRecent, missed };
}

/**
 * nextScheduleTimeDuration: how long until the next activation after the most
 * recent one (or after now, when schedules were missed or the schedule is
 * broken), plus nextScheduleDelta.
 */
export function nextScheduleTimeDuration(cj: CronJob, nowMs: number, schedule: Schedule): number {
  let from: number;
  try {
    const { earliestMs, mostRecentMs, missed } = mostRecentScheduleTime(cj, nowMs, schedule, false);
    from = mostRecentMs ?? (missed === 'none' ? earliestMs : nowMs);
  } catch {
    from = nowMs; // still requeue: aim for the next slot from now
  }
  return goSub(next(schedule, from) + NEXT_SCHEDULE_DELTA_MS, nowMs);
}

/** Go's longest Duration (int64 nanoseconds), in milliseconds. */
const MAX_DURATION_MS = 9_223_372_036_854.775;

/**
 * time.Time.Sub: a Duration is int64 nanoseconds, so Sub saturates at about
 * ±292 years. It matters for a schedule that never fires ("0 0 30 2 *"):
 * Next is the zero time (year 1), and zero − now is the minimum Duration.
 */
function goSub(aMs: number, bMs: number): number {
  return Math.min(MAX_DURATION_MS, Math.max(-MAX_DURATION_MS, aMs - bMs));
}

export const TooManyMissedTimesMessage = 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew';

/**
 * nextScheduleTime: the activation to start now (honouring
 * startingDeadlineSeconds), or null; over 100 missed also records a
 * TooManyMissedTimes warning.
 */
export function nextScheduleTime(cj: CronJob, nowMs: number, schedule: Schedule): { timeMs: number | null; event?: { type: 'Warning'; reason: 'TooManyMissedTimes'; message: string } } {
  const { mostRecentMs, missed } = mostRecentScheduleTime(cj, nowMs, schedule, true);
  if (mostRecentMs === null || mostRecentMs > nowMs) return { timeMs: null };
  if (missed === 'many') return { timeMs: mostRecentMs, event: { type: 'Warning', reason: 'TooManyMissedTimes', message: TooManyMissedTimesMessage } };
  return { timeMs: mostRecentMs };
}

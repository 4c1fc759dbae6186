// The CronJob controller's public functions (contracts/controllers.md): the
// schedule is read from spec.schedule and evaluated in spec.timeZone when set.

import { rfc3339 } from '../../apimachinery/time.ts';
import * as s from './schedule.ts';
import type { CronJob } from './schedule.ts';

const instant = (ms: number): string => (ms % 1000 === 0 ? rfc3339(ms) : new Date(ms).toISOString());

/**
 * mostRecentScheduleTime (utils.go). Throws CronJobScheduleError for an
 * unparseable schedule, an unknown time zone, or one that never fires.
 *
 * @example mostRecentScheduleTime({ spec: { schedule: '0 * * * *' }, metadata: { creationTimestamp: '2016-05-19T10:00:10Z' } }, new Date('2016-05-19T15:01:00Z'), false)
 *          // { earliestTime: '2016-05-19T10:00:10Z', mostRecentTime: '2016-05-19T15:00:00Z', missedSchedules: 'few' }
 */
export function mostRecentScheduleTime(cronJob: CronJob, now: Date, includeStartingDeadlineSeconds: boolean): { earliestTime: string; mostRecentTime: string | null; missedSchedules: 'none' | 'few' | 'many' } {
  const r = s.mostRecentScheduleTime(cronJob, now.getTime(), s.scheduleOf(cronJob), includeStartingDeadlineSeconds);
  return { earliestTime: instant(r.earliestMs), mostRecentTime: r.mostRecentMs === null ? null : instant(r.mostRecentMs), missedSchedules: r.missed };
}

/**
 * nextScheduleTime (utils.go): the scheduled time to start a Job for now, or null.
 *
 * @example nextScheduleTime(CronJob '0 * * * ?' created 09:50, new Date('2016-05-19T10:00:02Z'))  // { time: '2016-05-19T10:00:00Z' }
 */
export function nextScheduleTime(cronJob: CronJob, now: Date): { time: string | null; event?: { type: 'Warning'; reason: 'TooManyMissedTimes'; message: string } } {
  const r = s.nextScheduleTime(cronJob, now.getTime(), s.scheduleOf(cronJob));
  return r.event ? { time: r.timeMs === null ? null : instant(r.timeMs), event: r.event } : { time: r.timeMs === null ? null : instant(r.timeMs) };
}

/**
 * nextScheduleTimeDuration (utils.go), in milliseconds.
 *
 * @example nextScheduleTimeDuration(CronJob '0 12 * * 5' created 2016-05-19T10:00Z, new Date('2016-05-19T16:00:00Z'))  // 72000100
 */
export function nextScheduleTimeDuration(cronJob: CronJob, now: Date): number {
  return s.nextScheduleTimeDuration(cronJob, now.getTime(), s.scheduleOf(cronJob));
}

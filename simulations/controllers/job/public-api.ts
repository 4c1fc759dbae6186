// The Job controller's public functions (contracts/controllers.md).

import { toMs } from '../../apimachinery/time.ts';
import { getRemainingTimeForFailuresCount } from './backoff.ts';
import { exceedsBackoffLimit as exceeds } from './backoff-limit.ts';
import type { Job, JobPod } from './backoff-limit.ts';

/**
 * backoffRecord.getRemainingTime (backoff_utils.go), in seconds.
 *
 * @example getRemainingTime({ failuresAfterLastSuccess: 3, lastFailureTime: '2009-11-10T23:00:00Z' }, new Date('2009-11-10T23:00:00Z'), 5, 700)  // 20
 */
export function getRemainingTime(backoffRecord: { failuresAfterLastSuccess: number; lastFailureTime: string | null }, now: Date, defaultBackoffSeconds = 10, maxBackoffSeconds = 600): number {
  const last = backoffRecord.lastFailureTime === null ? null : toMs(backoffRecord.lastFailureTime);
  if (backoffRecord.lastFailureTime !== null && last === null) throw new TypeError(`lastFailureTime: ${JSON.stringify(backoffRecord.lastFailureTime)} is not an RFC 3339 timestamp`);
  return getRemainingTimeForFailuresCount(now.getTime(), defaultBackoffSeconds * 1000, maxBackoffSeconds * 1000, backoffRecord.failuresAfterLastSuccess, last) / 1000;
}

/**
 * The backoff check of syncJob (job_controller.go).
 *
 * @example exceedsBackoffLimit(job with backoffLimit 1 and restartPolicy Never, [2 Failed Pods])  // { exceeded: true, reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }
 */
export function exceedsBackoffLimit(job: Job, pods: JobPod[]): { exceeded: boolean; reason?: 'BackoffLimitExceeded'; message?: string } {
  return exceeds(job, pods);
}

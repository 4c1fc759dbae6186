// The CronJob controller with the Job controller and a stand-in kubelet, on the virtual clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Cluster } from '../../apiserver/cluster.ts';
import { jobController } from '../job/controller.ts';
import { cronJobController } from './controller.ts';
import type { CronJobEvent } from './controller.ts';
import { standInKubelet } from '../testing/stand-in-kubelet.ts';

const BUDGET = { maxSteps: 200_000, maxVirtualTimeMs: 48 * 3_600_000, maxEvents: 20_000 };
/** The controller requeues 100 ms after each slot (nextScheduleDelta), so Jobs appear then. */
const slot = (minutes: number) => minutes * MIN + 100;
const MIN = 60_000;

const kubelet = (runMs: number) => standInKubelet({ exit: { afterMs: runMs, code: () => 0 } });

const cronJob = (concurrencyPolicy: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'report', namespace: 'default' },
  spec: { schedule: '*/5 * * * *', concurrencyPolicy, ...extra, jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } } } } },
});

function setup(runMs: number, cj: object) {
  const cluster = new Cluster();
  const events: CronJobEvent[] = [];
  cluster.add(cronJobController({ onEvent: (e) => events.push(e) })).add(jobController()).add(kubelet(runMs));
  assert.equal(cluster.api.create(cj).code, 201);
  return { cluster, events };
}
const jobNames = (cluster: Cluster) => (cluster.api.list('batch/v1', 'Job', 'default').items ?? []).map((j) => (j.metadata as { name: string }).name).sort();

test('every 5 minutes a Job named after the scheduled minute; three successful ones are kept', () => {
  const { cluster, events } = setup(30_000, cronJob('Allow'));
  cluster.runUntil(21 * MIN, BUDGET);
  const minute = (m: number) => `report-${Math.floor((cluster.clock.epochMs + m * MIN) / MIN)}`;
  assert.deepEqual(jobNames(cluster), [minute(10), minute(15), minute(20)]);
  assert.deepEqual(events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.atMs), [5, 10, 15, 20].map(slot));
  assert.deepEqual(events.filter((e) => e.reason === 'SuccessfulDelete').map((e) => e.message), [`Deleted job ${minute(5)}`]);
  const status = cluster.api.peek({ apiVersion: 'batch/v1', kind: 'CronJob', namespace: 'default', name: 'report' })!.status as { lastScheduleTime: string; lastSuccessfulTime: string; active?: unknown[] };
  assert.equal(status.lastScheduleTime, '2025-01-01T00:20:00Z');
  // The 00:20 Job started at 00:20:00.1 and finished 30 s later, within the 21 minutes run.
  assert.equal(status.lastSuccessfulTime, '2025-01-01T00:20:30Z');
  assert.equal((status.active ?? []).length, 0);
  const job = cluster.api.peek({ apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name: minute(20) })!;
  assert.equal((job.metadata as { annotations: Record<string, string> }).annotations['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2025-01-01T00:20:00Z');
});

test('Forbid: a run still going at the next slot skips it; with no startingDeadlineSeconds the skipped slot starts late, as soon as the run ends', () => {
  const forbid = setup(7 * MIN, cronJob('Forbid'));
  forbid.cluster.runUntil(16 * MIN, BUDGET);
  // 00:05 runs until 00:12; 00:10 is skipped (JobAlreadyActive) but stays the most recent unmet time,
  // so when the 00:05 Job completes (7 min after 00:05:00.1) the 00:10 Job starts; at 00:15 that one is still running.
  const created = forbid.events.filter((e) => e.reason === 'SuccessfulCreate');
  assert.deepEqual(created.map((e) => e.atMs), [slot(5), slot(12)]);
  assert.equal(created[1].message, `Created job report-${Math.floor((forbid.cluster.clock.epochMs + 10 * MIN) / MIN)}`);
  assert.deepEqual(forbid.events.filter((e) => e.reason === 'JobAlreadyActive').map((e) => e.atMs), [slot(10), slot(15)]);

  const deadline = setup(7 * MIN, cronJob('Forbid', { startingDeadlineSeconds: 60 }));
  deadline.cluster.runUntil(16 * MIN, BUDGET);
  // With a 60 s starting deadline the 00:10 slot is out of reach at 00:12: mostRecentScheduleTime starts
  // looking from now − 60 s, so it is dropped silently (no MissSchedule event) and the next run is 00:15.
  assert.deepEqual(deadline.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.atMs), [slot(5), slot(15)]);
  assert.equal(deadline.events.filter((e) => e.reason === 'MissSchedule').length, 0);

  const replace = setup(7 * MIN, cronJob('Replace'));
  replace.cluster.runUntil(16 * MIN, BUDGET);
  assert.deepEqual(replace.events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.atMs), [5, 10, 15].map(slot));
  assert.ok(replace.events.some((e) => e.reason === 'SuccessfulDelete' && e.atMs === slot(10)));
});

test('spec.timeZone: "0 9 * * *" in Asia/Tokyo runs at 00:00 UTC, and the annotation shows Tokyo time', () => {
  const { cluster, events } = setup(30_000, { ...cronJob('Allow', { timeZone: 'Asia/Tokyo' }), spec: { ...cronJob('Allow').spec, schedule: '0 9 * * *', timeZone: 'Asia/Tokyo' } });
  cluster.runUntil(25 * 60 * MIN, BUDGET);
  assert.deepEqual(events.filter((e) => e.reason === 'SuccessfulCreate').map((e) => e.atMs), [slot(24 * 60)]);
  const name = jobNames(cluster)[0];
  const job = cluster.api.peek({ apiVersion: 'batch/v1', kind: 'Job', namespace: 'default', name })!;
  assert.equal((job.metadata as { annotations: Record<string, string> }).annotations['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2025-01-02T09:00:00+09:00');
});

test('an unparseable schedule never reaches the controller: the API server refuses it with robfig/cron\'s error', () => {
  const cluster = new Cluster();
  const r = cluster.api.create({ ...cronJob('Allow'), spec: { ...cronJob('Allow').spec, schedule: '*/5 * * *' } });
  assert.equal(r.message, 'CronJob.batch "report" is invalid: spec.schedule: Invalid value: "*/5 * * *": expected exactly 5 fields, found 4: [*/5 * * *]');
});

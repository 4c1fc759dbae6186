// Upstream: pkg/controller/cronjob/utils_test.go (TestMostRecentScheduleTime,
// TestNextScheduleTime, TestNextScheduleTimeDuration).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration } from '../../../simulations/index.ts';
import type { CronJob } from '../../../simulations/controllers/cronjob/schedule.ts';

const FILE = 'pkg/controller/cronjob/utils_test.go';
const TOP = Date.parse('2016-05-19T10:00:00Z'); // topOfTheHour()
const H = 3_600_000;
const M = 60_000;
const S = 1000;
/** deltaTimeAfterTopOfTheHour(d), as an RFC 3339 string. */
const at = (ms: number) => new Date(TOP + ms).toISOString().replace('.000Z', 'Z');
const cronJob = (schedule: string, creation: number, lastSchedule?: number, startingDeadlineSeconds?: number): CronJob => ({
  apiVersion: 'batch/v1',
  kind: 'CronJob',
  metadata: { name: 'mycronjob', namespace: 'default', creationTimestamp: at(creation) },
  spec: { schedule, ...(startingDeadlineSeconds !== undefined ? { startingDeadlineSeconds } : {}) },
  ...(lastSchedule !== undefined ? { status: { lastScheduleTime: at(lastSchedule) } } : {}),
});

// --- TestMostRecentScheduleTime ---------------------------------------------------------
const mostRecentCases: { name: string; cj: CronJob; includeSDS?: boolean; now: number; earliest?: number; recent: number | null; missed?: string; wantErr?: boolean }[] = [
  { name: 'now before next schedule', cj: cronJob('0 * * * *', 0), now: 30 * S, recent: null, earliest: 0 },
  { name: 'now just after next schedule', cj: cronJob('0 * * * *', 0), now: 61 * M, recent: 60 * M, earliest: 0 },
  { name: 'missed 5 schedules', cj: cronJob('0 * * * *', 10 * S), now: 301 * M, recent: 300 * M, earliest: 10 * S, missed: 'few' },
  { name: 'complex schedule', cj: cronJob('30 6-16/4 * * 1-5', 0, 30 * M), now: 24 * H + 31 * M, recent: 24 * H + 30 * M, earliest: 30 * M, missed: 'few' },
  { name: 'another complex schedule', cj: cronJob('30 10,11,12 * * 1-5', 0, 30 * M), now: 30 * H + 30 * M, recent: null, earliest: 30 * M, missed: 'few' },
  { name: 'complex schedule with longer diff between executions', cj: cronJob('30 6-16/4 * * 1-5', 0, 30 * M), now: 96 * H + 31 * M, recent: 96 * H + 30 * M, earliest: 30 * M, missed: 'few' },
  { name: 'complex schedule with shorter diff between executions', cj: cronJob('30 6-16/4 * * 1-5', 0), now: 24 * H + 31 * M, recent: 24 * H + 30 * M, earliest: 0, missed: 'few' },
  { name: '@every schedule', cj: cronJob('@every 1h', -59 * M, 1 * M, 10), now: 7 * 24 * H, recent: 6 * 24 * H + 23 * H + 1 * M, earliest: 1 * M, missed: 'many' },
  { name: 'rogue cronjob', cj: cronJob('59 23 31 2 *', 10 * S), now: 1 * H, recent: null, wantErr: true },
  { name: 'earliestTime being CreationTimestamp and LastScheduleTime', cj: cronJob('0 * * * *', 0, 0), now: 30 * S, earliest: 0, recent: null },
  { name: 'earliestTime being LastScheduleTime', cj: cronJob('*/5 * * * *', 0, 30 * M), now: 31 * M, earliest: 30 * M, recent: null },
  { name: 'earliestTime being LastScheduleTime (within StartingDeadlineSeconds)', cj: cronJob('*/5 * * * *', 0, 30 * M, 60), now: 31 * M, earliest: 30 * M, recent: null },
  { name: 'earliestTime being LastScheduleTime (outside StartingDeadlineSeconds)', cj: cronJob('*/5 * * * *', 0, 30 * M, 60), includeSDS: true, now: 32 * M, earliest: 31 * M, recent: null },
];
for (const c of mostRecentCases) {
  test(`${FILE} TestMostRecentScheduleTime: ${c.name}`, () => {
    const now = new Date(TOP + c.now);
    if (c.wantErr) {
      assert.throws(() => mostRecentScheduleTime(c.cj, now, c.includeSDS ?? false), { message: 'time difference between two schedules is less than 1 second' });
      return;
    }
    assert.deepEqual(mostRecentScheduleTime(c.cj, now, c.includeSDS ?? false), { earliestTime: at(c.earliest!), mostRecentTime: c.recent === null ? null : at(c.recent), missedSchedules: c.missed ?? 'none' });
  });
}

// --- TestNextScheduleTime ------------------------------------------------------------------
// schedule is hourly on the hour; T1 is the top of the hour, T2 an hour later.
const T1 = 0;
const T2 = H;
const nextCases: { name: string; cj: CronJob; now: number; want: number | null; wantSome?: boolean }[] = [
  { name: 'Case 1: no known start times, and none needed yet', cj: cronJob('0 * * * ?', T1 - 10 * M), now: T1 - 7 * M, want: null },
  { name: 'Case 2: no known start times, and one needed', cj: cronJob('0 * * * ?', T1 - 10 * M), now: T1 + 2 * S, want: T1 },
  { name: 'Case 3: known LastScheduleTime, no start needed', cj: cronJob('0 * * * ?', T1 - 10 * M, T1), now: T1 + 2 * M, want: null },
  { name: 'Case 4: known LastScheduleTime, a start needed', cj: cronJob('0 * * * ?', T1 - 10 * M, T1), now: T2 + 5 * M, want: T2 },
  { name: 'Case 5: known LastScheduleTime, two starts needed', cj: cronJob('0 * * * ?', T1 - 2 * H, T1 - H), now: T2 + 5 * M, want: T2 },
  { name: 'Case 6: now is way way ahead of last start time, and there is no deadline', cj: cronJob('0 * * * ?', T1 - 2 * H, T1 - H), now: T2 + 10 * 24 * H, want: T2 + 10 * 24 * H },
  { name: 'Case 7: now is way way ahead of last start time, but there is a short deadline', cj: cronJob('0 * * * ?', T1 - 2 * H, T1 - H, 2 * 60 * 60), now: T2 + 10 * 24 * H, want: T2 + 10 * 24 * H },
];
for (const c of nextCases) {
  test(`${FILE} TestNextScheduleTime: ${c.name}`, () => {
    const got = nextScheduleTime(c.cj, new Date(TOP + c.now));
    assert.equal(got.time, c.want === null ? null : at(c.want));
  });
}
test(`${FILE} TestNextScheduleTime: Case 8: ensure the error from mostRecentScheduleTime gets populated up`, () => {
  assert.throws(() => nextScheduleTime(cronJob('59 23 31 2 *', T1 + 10 * S), new Date(TOP + H)), { message: 'time difference between two schedules is less than 1 second' });
});
test('nextScheduleTime: over 100 missed starts records TooManyMissedTimes', () => {
  const got = nextScheduleTime(cronJob('0 * * * ?', T1 - 2 * H, T1 - H), new Date(TOP + T2 + 10 * 24 * H));
  assert.deepEqual(got.event, { type: 'Warning', reason: 'TooManyMissedTimes', message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
});

// --- TestNextScheduleTimeDuration -------------------------------------------------------------
const durationCases = [
  { name: 'complex schedule skipping weekend', cj: cronJob('30 6-16/4 * * 1-5', 0, 30 * M), now: 24 * H + 31 * M, want: 3 * H + 59 * M + 100 },
  { name: 'another complex schedule skipping weekend', cj: cronJob('30 10,11,12 * * 1-5', 0, 30 * M), now: 30 * H + 30 * M, want: 66 * H + 100 },
  { name: 'once a week cronjob, missed two runs', cj: cronJob('0 12 * * 4', 0, 2 * H), now: 19 * 24 * H + 1 * H + 30 * M, want: 48 * H + 30 * M + 100 },
  { name: 'no previous run of a cronjob', cj: cronJob('0 12 * * 5', 0), now: 6 * H, want: 20 * H + 100 },
];
for (const c of durationCases) {
  test(`${FILE} TestNextScheduleTimeDuration: ${c.name}`, () => assert.equal(nextScheduleTimeDuration(c.cj, new Date(TOP + c.now)), c.want));
}

// --- the controller's schedule handling (cronjob_controllerv2.go) ----------------------------
test('spec.timeZone: the schedule is read on that zone\'s wall clock (formatSchedule prefixes TZ=)', () => {
  // 09:00 in Tokyo is 00:00 UTC.
  const cj: CronJob = { metadata: { creationTimestamp: '2023-12-31T20:00:00Z' }, spec: { schedule: '0 9 * * *', timeZone: 'Asia/Tokyo' } };
  assert.deepEqual(mostRecentScheduleTime(cj, new Date('2024-01-01T01:00:00Z'), false), { earliestTime: '2023-12-31T20:00:00Z', mostRecentTime: '2024-01-01T00:00:00Z', missedSchedules: 'none' });
});
test('an unknown spec.timeZone is the controller\'s UnknownTimeZone warning', () => {
  const cj: CronJob = { metadata: { creationTimestamp: '2024-01-01T00:00:00Z' }, spec: { schedule: '0 9 * * *', timeZone: 'Mars/Olympus' } };
  assert.throws(() => nextScheduleTime(cj, new Date('2024-01-02T00:00:00Z')), { message: 'invalid timeZone: "Mars/Olympus": unknown time zone Mars/Olympus' });
});
test('an unparseable schedule is the controller\'s UnparseableSchedule warning, with robfig/cron\'s error', () => {
  const cj: CronJob = { metadata: { creationTimestamp: '2024-01-01T00:00:00Z' }, spec: { schedule: '0 9 * *' } };
  assert.throws(() => nextScheduleTime(cj, new Date('2024-01-02T00:00:00Z')), { message: 'unparseable schedule: "0 9 * *" : expected exactly 5 fields, found 4: [0 9 * *]' });
});

// --- contract examples ------------------------------------------------------------------------------
test('contract: mostRecentScheduleTime("0 * * * *", created 10:00:10, now 15:01, false)', () => {
  assert.deepEqual(mostRecentScheduleTime({ apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'c', creationTimestamp: '2016-05-19T10:00:10Z' }, spec: { schedule: '0 * * * *' } }, new Date('2016-05-19T15:01:00Z'), false), {
    earliestTime: '2016-05-19T10:00:10Z',
    mostRecentTime: '2016-05-19T15:00:00Z',
    missedSchedules: 'few',
  });
});
test('contract: nextScheduleTime("0 * * * ?", created 09:50, now 10:00:02)', () => {
  assert.deepEqual(nextScheduleTime({ metadata: { creationTimestamp: '2016-05-19T09:50:00Z' }, spec: { schedule: '0 * * * ?' } }, new Date('2016-05-19T10:00:02Z')), { time: '2016-05-19T10:00:00Z' });
});
test('contract: nextScheduleTimeDuration("0 12 * * 5", created 10:00, now 16:00) is 72000100', () => {
  assert.equal(nextScheduleTimeDuration({ metadata: { creationTimestamp: '2016-05-19T10:00:00Z' }, spec: { schedule: '0 12 * * 5' } }, new Date('2016-05-19T16:00:00Z')), 72000100);
});

// --- Go semantics beyond upstream's tables ---------------------------------------------------------
test('go: a schedule that never fires ("0 0 30 2 *") errors in mostRecentScheduleTime; nextScheduleTimeDuration saturates like time.Time.Sub', () => {
  const never = cronJob('0 0 30 2 *', 0);
  assert.throws(() => mostRecentScheduleTime(never, new Date(TOP + H), false), { message: 'time difference between two schedules is less than 1 second' });
  // Next is the zero time (robfig gives up after five years); zero − now underflows int64 nanoseconds, so Go returns minDuration.
  assert.equal(nextScheduleTimeDuration(never, new Date(TOP + H)), -9_223_372_036_854.775);
});

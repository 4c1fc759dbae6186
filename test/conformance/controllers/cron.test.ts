// Upstream: github.com/robfig/cron/v3 spec_test.go (TestActivation, TestNext) and
// parser_test.go (TestParseScheduleErrors), run through the parser with seconds
// (robfig's secondParser: Second | Minute | Hour | Dom | Month | DowOptional | Descriptor),
// and the standard five-field parser the CronJob controller uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parse, parseStandard } from '../../../simulations/controllers/cronjob/cron.ts';
import { Zone, ZonedTime } from '../../../simulations/controllers/cronjob/zoned-time.ts';

const SPEC = 'github.com/robfig/cron/v3 spec_test.go';
const MONTHS: Record<string, number> = { Jan: 1, Feb: 2, Mar: 3, Apr: 4, May: 5, Jun: 6, Jul: 7, Aug: 8, Sep: 9, Oct: 10, Nov: 11, Dec: 12 };
const NY = Zone.load('America/New_York');

/** getTime: "Mon Jul 9 15:00 2012" (UTC), with seconds, or "2012-03-11T00:00:00-0500" seen in America/New_York. */
function getTime(value: string): ZonedTime | null {
  if (value === '') return null;
  const m = /^\w+ (\w+) (\d+) (\d+):(\d+)(?::(\d+))? (\d+)$/.exec(value);
  if (m) return new ZonedTime(Date.UTC(Number(m[6]), MONTHS[m[1]] - 1, Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5] ?? 0)), Zone.UTC);
  const iso = value.replace(/([+-]\d\d)(\d\d)$/, '$1:$2');
  return new ZonedTime(Date.parse(iso), NY);
}

const activation: [string, string, boolean][] = [
  ['Mon Jul 9 15:00 2012', '0 0/15 * * *', true],
  ['Mon Jul 9 15:45 2012', '0 0/15 * * *', true],
  ['Mon Jul 9 15:40 2012', '0 0/15 * * *', false],
  ['Mon Jul 9 15:05 2012', '0 5/15 * * *', true],
  ['Mon Jul 9 15:20 2012', '0 5/15 * * *', true],
  ['Mon Jul 9 15:50 2012', '0 5/15 * * *', true],
  ['Sun Jul 15 15:00 2012', '0 0/15 * * Jul', true],
  ['Sun Jul 15 15:00 2012', '0 0/15 * * Jun', false],
  ['Sun Jul 15 08:30 2012', '0 30 08 ? Jul Sun', true],
  ['Sun Jul 15 08:30 2012', '0 30 08 15 Jul ?', true],
  ['Mon Jul 16 08:30 2012', '0 30 08 ? Jul Sun', false],
  ['Mon Jul 16 08:30 2012', '0 30 08 15 Jul ?', false],
  ['Mon Jul 9 15:00 2012', '@hourly', true],
  ['Mon Jul 9 15:04 2012', '@hourly', false],
  ['Mon Jul 9 15:00 2012', '@daily', false],
  ['Mon Jul 9 00:00 2012', '@daily', true],
  ['Mon Jul 9 00:00 2012', '@weekly', false],
  ['Sun Jul 8 00:00 2012', '@weekly', true],
  ['Sun Jul 8 01:00 2012', '@weekly', false],
  ['Sun Jul 8 00:00 2012', '@monthly', false],
  ['Sun Jul 1 00:00 2012', '@monthly', true],
  ['Sun Jul 15 00:00 2012', '0 * * 1,15 * Sun', true],
  ['Fri Jun 15 00:00 2012', '0 * * 1,15 * Sun', true],
  ['Wed Aug 1 00:00 2012', '0 * * 1,15 * Sun', true],
  ['Sun Jul 15 00:00 2012', '0 * * * * Mon', false],
  // v3: a stepped star (*/10) is no longer a star, so Dom and Dow combine with OR (v1's table said false).
  ['Sun Jul 15 00:00 2012', '0 * * */10 * Sun', true],
  ['Mon Jul 9 00:00 2012', '0 * * 1,15 * *', false],
  ['Sun Jul 15 00:00 2012', '0 * * 1,15 * *', true],
  ['Sun Jul 15 00:00 2012', '0 * * */2 * Sun', true],
];
for (const [time, spec, expected] of activation) {
  test(`${SPEC} TestActivation: "${spec}" on ${time} is ${expected ? '' : 'not '}an activation`, () => {
    const t = getTime(time)!;
    const next = parse(spec, { seconds: true }).next(t.add(-1000));
    assert.equal(next?.utcMs === t.utcMs, expected);
  });
}

const nextRuns: [string, string, string][] = [
  ['Mon Jul 9 14:45 2012', '0 0/15 * * *', 'Mon Jul 9 15:00 2012'],
  ['Mon Jul 9 14:59 2012', '0 0/15 * * *', 'Mon Jul 9 15:00 2012'],
  ['Mon Jul 9 14:59:59 2012', '0 0/15 * * *', 'Mon Jul 9 15:00 2012'],
  ['Mon Jul 9 15:45 2012', '0 20-35/15 * * *', 'Mon Jul 9 16:20 2012'],
  ['Mon Jul 9 23:46 2012', '0 */15 * * *', 'Tue Jul 10 00:00 2012'],
  ['Mon Jul 9 23:45 2012', '0 20-35/15 * * *', 'Tue Jul 10 00:20 2012'],
  ['Mon Jul 9 23:35:51 2012', '15/35 20-35/15 * * *', 'Tue Jul 10 00:20:15 2012'],
  ['Mon Jul 9 23:35:51 2012', '15/35 20-35/15 1/2 * *', 'Tue Jul 10 01:20:15 2012'],
  ['Mon Jul 9 23:35:51 2012', '15/35 20-35/15 10-12 * *', 'Tue Jul 10 10:20:15 2012'],
  ['Mon Jul 9 23:35:51 2012', '15/35 20-35/15 1/2 */2 * *', 'Thu Jul 11 01:20:15 2012'],
  ['Mon Jul 9 23:35:51 2012', '15/35 20-35/15 * 9-20 * *', 'Wed Jul 10 00:20:15 2012'],
  ['Mon Jul 9 23:35:51 2012', '15/35 20-35/15 * 9-20 Jul *', 'Wed Jul 10 00:20:15 2012'],
  ['Mon Jul 9 23:35 2012', '0 0 0 9 Apr-Oct ?', 'Thu Aug 9 00:00 2012'],
  ['Mon Jul 9 23:35 2012', '0 0 0 */5 Apr,Aug,Oct Mon', 'Tue Aug 1 00:00 2012'],
  ['Mon Jul 9 23:35 2012', '0 0 0 */5 Oct Mon', 'Mon Oct 1 00:00 2012'],
  ['Mon Jul 9 23:35 2012', '0 0 0 * Feb Mon', 'Mon Feb 4 00:00 2013'],
  ['Mon Jul 9 23:35 2012', '0 0 0 * Feb Mon/2', 'Fri Feb 1 00:00 2013'],
  ['Mon Dec 31 23:59:45 2012', '0 * * * * *', 'Tue Jan 1 00:00:00 2013'],
  ['Mon Jul 9 23:35 2012', '0 0 0 29 Feb ?', 'Mon Feb 29 00:00 2016'],
  ['2012-03-11T00:00:00-0500', '0 30 2 11 Mar ?', '2013-03-11T02:30:00-0400'],
  ['2012-03-11T00:00:00-0500', '0 0 * * * ?', '2012-03-11T01:00:00-0500'],
  ['2012-03-11T01:00:00-0500', '0 0 * * * ?', '2012-03-11T03:00:00-0400'],
  ['2012-03-11T03:00:00-0400', '0 0 * * * ?', '2012-03-11T04:00:00-0400'],
  ['2012-03-11T04:00:00-0400', '0 0 * * * ?', '2012-03-11T05:00:00-0400'],
  ['2012-03-11T00:00:00-0500', '0 0 1 * * ?', '2012-03-11T01:00:00-0500'],
  ['2012-03-11T01:00:00-0500', '0 0 1 * * ?', '2012-03-12T01:00:00-0400'],
  ['2012-03-11T00:00:00-0500', '0 0 2 * * ?', '2012-03-12T02:00:00-0400'],
  ['2012-11-04T00:00:00-0400', '0 30 2 04 Nov ?', '2012-11-04T02:30:00-0500'],
  ['2012-11-04T01:45:00-0400', '0 30 1 04 Nov ?', '2012-11-04T01:30:00-0500'],
  ['2012-11-04T00:00:00-0400', '0 0 * * * ?', '2012-11-04T01:00:00-0400'],
  ['2012-11-04T01:00:00-0400', '0 0 * * * ?', '2012-11-04T01:00:00-0500'],
  ['2012-11-04T01:00:00-0500', '0 0 * * * ?', '2012-11-04T02:00:00-0500'],
  ['2012-11-04T00:00:00-0400', '0 0 1 * * ?', '2012-11-04T01:00:00-0400'],
  ['2012-11-04T01:00:00-0400', '0 0 1 * * ?', '2012-11-04T01:00:00-0500'],
  ['2012-11-04T01:00:00-0500', '0 0 1 * * ?', '2012-11-05T01:00:00-0500'],
  ['2012-11-04T00:00:00-0400', '0 0 2 * * ?', '2012-11-04T02:00:00-0500'],
  ['2012-11-04T02:00:00-0500', '0 0 2 * * ?', '2012-11-05T02:00:00-0500'],
  ['2012-11-04T00:00:00-0400', '0 0 3 * * ?', '2012-11-04T03:00:00-0500'],
  ['2012-11-04T03:00:00-0500', '0 0 3 * * ?', '2012-11-05T03:00:00-0500'],
  ['Mon Jul 9 23:35 2012', '0 0 0 30 Feb ?', ''],
  ['Mon Jul 9 23:35 2012', '0 0 0 31 Apr ?', ''],
];
for (const [from, spec, expected] of nextRuns) {
  test(`${SPEC} TestNext: after ${from}, "${spec}" fires at ${expected || 'never (zero time)'}`, () => {
    const got = parse(spec, { seconds: true }).next(getTime(from)!);
    assert.equal(got === null ? null : new Date(got.utcMs).toISOString(), expected === '' ? null : new Date(getTime(expected)!.utcMs).toISOString());
  });
}

const PARSER = 'github.com/robfig/cron/v3 parser_test.go TestParseScheduleErrors';
const errorCases: [string, string][] = [
  ['* 5 j * * *', 'failed to parse int from j: strconv.Atoi: parsing "j": invalid syntax'],
  ['@every Xm', 'failed to parse duration @every Xm: time: invalid duration "Xm"'],
  ['@unrecognized', 'unrecognized descriptor: @unrecognized'],
  ['* * * *', 'expected 5 to 6 fields, found 4: [* * * *]'],
  ['', 'empty spec string'],
];
for (const [spec, message] of errorCases) {
  test(`${PARSER}: ${JSON.stringify(spec)}`, () => assert.throws(() => parse(spec, { seconds: true }), { message }));
}

const standardErrors: [string, string][] = [
  ['xyz', 'expected exactly 5 fields, found 1: [xyz]'],
  ['60 0 * * *', 'end of range (60) above maximum (59): 60'],
  ['0 24 * * *', 'end of range (24) above maximum (23): 24'],
  ['0 0 * * XYZ', 'failed to parse int from XYZ: strconv.Atoi: parsing "XYZ": invalid syntax'],
  ['0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
  ['0 0 * * 7', 'end of range (7) above maximum (6): 7'],
  ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
  ['*/0 * * * *', 'step of range should be a positive number: */0'],
  ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
  ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
  ['TZ=Mars/Olympus 0 * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
];
for (const [spec, message] of standardErrors) {
  test(`robfig/cron/v3 parser.go ParseStandard error: ${JSON.stringify(spec)}`, () => assert.throws(() => parseStandard(spec), { message }));
}

test('ParseStandard with TZ=: the schedule runs on the zone\'s wall clock', () => {
  // 09:00 in Tokyo is 00:00 UTC.
  const next = parseStandard('TZ=Asia/Tokyo 0 9 * * *').next(new ZonedTime(Date.UTC(2024, 0, 1, 1, 0, 0), Zone.UTC));
  assert.equal(new Date(next!.utcMs).toISOString(), '2024-01-02T00:00:00.000Z');
});

test('@every 1h30m: a constant delay from the time given, on whole seconds', () => {
  const next = parseStandard('@every 1h30m').next(new ZonedTime(Date.UTC(2024, 0, 1, 0, 0, 0, 400), Zone.UTC));
  assert.equal(new Date(next!.utcMs).toISOString(), '2024-01-01T01:30:00.000Z');
});

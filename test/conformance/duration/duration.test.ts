// humanDuration / shortHumanDuration against apimachinery's own tables.
// src: staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go — TestHumanDuration,
// TestHumanDurationBoundaries, TestShortHumanDurationBoundaries. Go durations are in
// nanoseconds; the TypeScript functions take milliseconds, so "+ 1" (one nanosecond)
// is written as + 1e-6 ms.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { humanDuration, shortHumanDuration } from '../../../simulations/apimachinery/duration.ts';

const ns = 1e-6;
const ms = 1;
const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

const F = 'staging/src/k8s.io/apimachinery/pkg/util/duration/duration_test.go';

const human: [string, number, string][] = [
  ['TestHumanDuration', s, '1s'],
  ['TestHumanDuration', 70 * s, '70s'],
  ['TestHumanDuration', 190 * s, '3m10s'],
  ['TestHumanDuration', 70 * m, '70m'],
  ['TestHumanDuration', 47 * h, '47h'],
  ['TestHumanDuration', 49 * h, '2d1h'],
  ['TestHumanDuration', (8 * 24 + 2) * h, '8d'],
  ['TestHumanDuration', 367 * 24 * h, '367d'],
  ['TestHumanDuration', (365 * 2 * 24 + 25) * h, '2y1d'],
  ['TestHumanDuration', (365 * 8 * 24 + 2) * h, '8y'],
  ['TestHumanDurationBoundaries', -2 * s, '<invalid>'],
  ['TestHumanDurationBoundaries', -2 * s + ns, '0s'],
  ['TestHumanDurationBoundaries', 0, '0s'],
  ['TestHumanDurationBoundaries', s - ms, '0s'],
  ['TestHumanDurationBoundaries', 2 * m - ms, '119s'],
  ['TestHumanDurationBoundaries', 2 * m, '2m'],
  ['TestHumanDurationBoundaries', 2 * m + s, '2m1s'],
  ['TestHumanDurationBoundaries', 10 * m - ms, '9m59s'],
  ['TestHumanDurationBoundaries', 10 * m, '10m'],
  ['TestHumanDurationBoundaries', 10 * m + s, '10m'],
  ['TestHumanDurationBoundaries', 3 * h - ms, '179m'],
  ['TestHumanDurationBoundaries', 3 * h, '3h'],
  ['TestHumanDurationBoundaries', 3 * h + m, '3h1m'],
  ['TestHumanDurationBoundaries', 8 * h - ms, '7h59m'],
  ['TestHumanDurationBoundaries', 8 * h, '8h'],
  ['TestHumanDurationBoundaries', 8 * h + 59 * m, '8h'],
  ['TestHumanDurationBoundaries', 2 * d - ms, '47h'],
  ['TestHumanDurationBoundaries', 2 * d, '2d'],
  ['TestHumanDurationBoundaries', 2 * d + h, '2d1h'],
  ['TestHumanDurationBoundaries', 8 * d - ms, '7d23h'],
  ['TestHumanDurationBoundaries', 8 * d, '8d'],
  ['TestHumanDurationBoundaries', 8 * d + 23 * h, '8d'],
  ['TestHumanDurationBoundaries', 2 * y - ms, '729d'],
  ['TestHumanDurationBoundaries', 2 * y, '2y'],
  ['TestHumanDurationBoundaries', 2 * y + 23 * h, '2y'],
  ['TestHumanDurationBoundaries', 2 * y + 23 * h + 59 * m, '2y'],
  ['TestHumanDurationBoundaries', 2 * y + 24 * h - ms, '2y'],
  ['TestHumanDurationBoundaries', 2 * y + 24 * h, '2y1d'],
  ['TestHumanDurationBoundaries', 3 * y, '3y'],
  ['TestHumanDurationBoundaries', 4 * y, '4y'],
  ['TestHumanDurationBoundaries', 5 * y, '5y'],
  ['TestHumanDurationBoundaries', 6 * y, '6y'],
  ['TestHumanDurationBoundaries', 7 * y, '7y'],
  ['TestHumanDurationBoundaries', 8 * y - ms, '7y364d'],
  ['TestHumanDurationBoundaries', 8 * y, '8y'],
  ['TestHumanDurationBoundaries', 8 * y + 364 * d, '8y'],
  ['TestHumanDurationBoundaries', 9 * y, '9y'],
];

const short: [string, number, string][] = [
  ['TestShortHumanDurationBoundaries', -2 * s, '<invalid>'],
  ['TestShortHumanDurationBoundaries', -2 * s + ns, '0s'],
  ['TestShortHumanDurationBoundaries', 0, '0s'],
  ['TestShortHumanDurationBoundaries', s - ms, '0s'],
  ['TestShortHumanDurationBoundaries', s, '1s'],
  ['TestShortHumanDurationBoundaries', 2 * s - ms, '1s'],
  ['TestShortHumanDurationBoundaries', m - ms, '59s'],
  ['TestShortHumanDurationBoundaries', m, '1m'],
  ['TestShortHumanDurationBoundaries', 2 * m - ms, '1m'],
  ['TestShortHumanDurationBoundaries', h - ms, '59m'],
  ['TestShortHumanDurationBoundaries', h, '1h'],
  ['TestShortHumanDurationBoundaries', 2 * h - ms, '1h'],
  ['TestShortHumanDurationBoundaries', 24 * h - ms, '23h'],
  ['TestShortHumanDurationBoundaries', 24 * h, '1d'],
  ['TestShortHumanDurationBoundaries', 2 * d - ms, '1d'],
  ['TestShortHumanDurationBoundaries', y - ms, '364d'],
  ['TestShortHumanDurationBoundaries', y, '1y'],
  ['TestShortHumanDurationBoundaries', 2 * y - ms, '1y'],
  ['TestShortHumanDurationBoundaries', 2 * y, '2y'],
];

for (const [fn, input, want] of human) {
  test(`${F} ${fn}: HumanDuration(${input} ms) = ${want}`, () => assert.equal(humanDuration(input), want));
}
for (const [fn, input, want] of short) {
  test(`${F} ${fn}: ShortHumanDuration(${input} ms) = ${want}`, () => assert.equal(shortHumanDuration(input), want));
}

// The restart back-off against upstream.
// src: staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go — TestSlowBackoff,
// TestBackoffReset, TestBackoffHightWaterMark, TestBackoffGC, TestIsInBackOffSinceUpdate
// (a fake clock that steps by one second: here the clock is an explicit number).
// And the kubelet's constants: pkg/kubelet/kubelet.go containerBackOffPeriod = 10s,
// MaxContainerBackOff = 300s, giving the schedule the Pod lifecycle docs state:
// "exponential back-off delay (10s, 20s, 40s, …), that is capped at five minutes",
// restarted at once the first time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Backoff, CONTAINER_BACKOFF, IMAGE_BACKOFF, crashLoopDelays } from '../../../simulations/kubelet/backoff.ts';

const F = 'staging/src/k8s.io/client-go/util/flowcontrol/backoff_test.go';
const step = 1000;

test(`${F} TestSlowBackoff: 0, 1, 2, 4, 8, 16, 32, 50, 50, 50 steps with a 50 s cap, and Reset clears it`, () => {
  const id = '_idSlow';
  let now = 0;
  const b = new Backoff(step, 50 * step);
  for (const c of [0, 1, 2, 4, 8, 16, 32, 50, 50, 50]) {
    now += step;
    assert.equal(b.get(id), c * step);
    b.next(id, now, now);
  }
  b.next(id, now, now);
  b.reset(id);
  assert.equal(b.get(id), 0);
});

test(`${F} TestBackoffReset: capped at max, then no longer in back-off after 2 × max`, () => {
  const id = '_idReset';
  let now = 0;
  const max = 5 * step;
  const b = new Backoff(step, max);
  for (let i = 0; i <= max / step; i++) {
    now += step;
    b.next(id, now, now);
  }
  assert.equal(b.isInBackOffSince(id, now, now), true);
  const lastUpdate = now;
  now += 2 * max + step;
  assert.equal(b.isInBackOffSince(id, lastUpdate, now), false);
});

test(`${F} TestBackoffHightWaterMark: the high water mark holds until 2 × max`, () => {
  const id = '_idHiWaterMark';
  let now = 0;
  const max = 5 * step;
  const b = new Backoff(step, max);
  for (let i = 0; i <= max / step; i++) {
    now += step;
    b.next(id, now, now);
  }
  now += max + step;
  b.next(id, now, now);
  assert.equal(b.get(id), max);
});

test(`${F} TestBackoffGC: an entry survives GC after max + 1 s and is collected after 2 × max`, () => {
  const id = '_idGC';
  let now = 0;
  const max = 5 * step;
  const b = new Backoff(step, max);
  for (let i = 0; i <= max / step; i++) {
    now += step;
    b.next(id, now, now);
  }
  now += max + step;
  b.gc(now);
  assert.equal(b.has(id), true);
  now += max + step;
  b.gc(now);
  assert.equal(b.has(id), false);
});

test(`${F} TestIsInBackOffSinceUpdate: the image-pull style check over 57 ticks`, () => {
  const id = '_idIsInBackOffSinceUpdate';
  const b = new Backoff(step, 10 * step);
  const cases: [number, boolean, number][] = [
    [0, false, 0], [1, false, 1], [2, true, 2], [3, false, 2], [4, true, 4], [5, true, 4], [6, true, 4], [7, false, 4],
    [8, true, 8], [9, true, 8], [10, true, 8], [11, true, 8], [12, true, 8], [13, true, 8], [14, true, 8], [15, false, 8],
    [16, true, 10], [17, true, 10], [18, true, 10], [19, true, 10], [20, true, 10], [21, true, 10], [22, true, 10], [23, true, 10], [24, true, 10], [25, false, 10],
    [26, true, 10], [27, true, 10], [28, true, 10], [29, true, 10], [30, true, 10], [31, true, 10], [32, true, 10], [33, true, 10], [34, true, 10], [35, false, 10],
    [56, false, 0], [57, false, 1],
  ];
  for (const [tick, inBackOff, value] of cases) {
    const now = tick * step;
    assert.equal(b.isInBackOffSinceUpdate(id, now), inBackOff, `in back-off at tick ${tick}`);
    if (inBackOff) assert.equal(b.get(id), value * step, `back-off value at tick ${tick}`);
    if (!inBackOff) b.next(id, now, now);
  }
});

test('pkg/kubelet/kubelet.go constants: crash-loop and image back-off start at 10 s and are capped at 300 s', () => {
  assert.deepEqual(CONTAINER_BACKOFF, { initialMs: 10_000, maxMs: 300_000 });
  assert.deepEqual(IMAGE_BACKOFF, { initialMs: 10_000, maxMs: 300_000 });
});

test('content/en/docs/concepts/workloads/pods/pod-lifecycle.md: restart delays 0, 10, 20, 40 … s capped at 300 s', () => {
  assert.deepEqual(
    crashLoopDelays(9).map((ms) => ms / 1000),
    [0, 10, 20, 40, 80, 160, 300, 300, 300],
  );
});

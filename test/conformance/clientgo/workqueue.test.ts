// client-go util/workqueue test tables (client-go v0.36.3, commit 44a8af2fee834a8fc3523360e029cf7ea7104622),
// transcribed call by call through the public functions rateLimiterScenario and workqueueScenario.
// A Go `limiter.When(x)` is an op `when`, `time.Millisecond` is 1 (ms), `fakeClock.Step(d)` is `advance`.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rateLimiterScenario, workqueueScenario } from '../../../simulations/index.ts';
import type { QueueOp, RateLimiterOp, RateLimiterSpec } from '../../../simulations/index.ts';

const when = (item: string): RateLimiterOp => ({ op: 'when', item });
const numRequeues = (item: string): RateLimiterOp => ({ op: 'numRequeues', item });
const forget = (item: string): RateLimiterOp => ({ op: 'forget', item });
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Runs ops and checks each expected result (undefined = not checked, as upstream ignores some calls). */
function expectLimiter(spec: RateLimiterSpec, steps: Array<[RateLimiterOp, number | null | undefined]>) {
  const { results } = rateLimiterScenario(spec, steps.map(([op]) => op));
  steps.forEach(([op, want], i) => {
    if (want !== undefined) assert.equal(results[i], want, `op ${i} ${JSON.stringify(op)}`);
  });
}

describe('default_rate_limiters_test.go', () => {
  it('TestItemExponentialFailureRateLimiter: 1ms doubling per item, NumRequeues counts, Forget resets', () => {
    expectLimiter({ type: 'ItemExponentialFailureRateLimiter', baseDelayMs: 1, maxDelayMs: 1 * SECOND }, [
      [when('one'), 1], [when('one'), 2], [when('one'), 4], [when('one'), 8], [when('one'), 16],
      [numRequeues('one'), 5],
      [when('two'), 1], [when('two'), 2],
      [numRequeues('two'), 2],
      [forget('one'), null],
      [numRequeues('one'), 0],
      [when('one'), 1],
    ]);
  });

  it('TestItemExponentialFailureRateLimiterOverFlow: the sixth failure waits 32ms; a thousand failures give maxDelay, not an overflow', () => {
    const five = Array.from({ length: 5 }, (): [RateLimiterOp, undefined] => [when('one'), undefined]);
    const thousand = (item: string) => Array.from({ length: 1000 }, (): [RateLimiterOp, undefined] => [when(item), undefined]);
    expectLimiter({ type: 'ItemExponentialFailureRateLimiter', baseDelayMs: 1, maxDelayMs: 1000 * SECOND }, [
      ...five, [when('one'), 32],
      ...thousand('overflow1'), [when('overflow1'), 1000 * SECOND],
    ]);
    expectLimiter({ type: 'ItemExponentialFailureRateLimiter', baseDelayMs: MINUTE, maxDelayMs: 1000 * HOUR }, [
      [when('two'), undefined], [when('two'), undefined], [when('two'), 4 * MINUTE],
      ...thousand('overflow2'), [when('overflow2'), 1000 * HOUR],
    ]);
  });

  it('TestItemFastSlowRateLimiter: three fast attempts at 5ms, then 10s', () => {
    expectLimiter({ type: 'ItemFastSlowRateLimiter', fastDelayMs: 5, slowDelayMs: 10 * SECOND, maxFastAttempts: 3 }, [
      [when('one'), 5], [when('one'), 5], [when('one'), 5], [when('one'), 10 * SECOND], [when('one'), 10 * SECOND],
      [numRequeues('one'), 5],
      [when('two'), 5], [when('two'), 5],
      [numRequeues('two'), 2],
      [forget('one'), null],
      [numRequeues('one'), 0],
      [when('one'), 5],
    ]);
  });

  it('TestMaxOfRateLimiter: the longer of fast/slow and exponential', () => {
    expectLimiter(
      {
        type: 'MaxOfRateLimiter',
        limiters: [
          { type: 'ItemFastSlowRateLimiter', fastDelayMs: 5, slowDelayMs: 3 * SECOND, maxFastAttempts: 3 },
          { type: 'ItemExponentialFailureRateLimiter', baseDelayMs: 1, maxDelayMs: 1 * SECOND },
        ],
      },
      [
        [when('one'), 5], [when('one'), 5], [when('one'), 5], [when('one'), 3 * SECOND], [when('one'), 3 * SECOND],
        [numRequeues('one'), 5],
        [when('two'), 5], [when('two'), 5],
        [numRequeues('two'), 2],
        [forget('one'), null],
        [numRequeues('one'), 0],
        [when('one'), 5],
      ],
    );
  });

  // TestWithMaxWaitRateLimiter wraps a test-only StepRateLimiter (one counter for all items), which
  // RateLimiterSpec cannot express; the same cap is checked over a limiter that can: 100 items at
  // 5ms, then items whose inner delay (1000s) exceeds the 500s cap.
  it('TestWithMaxWaitRateLimiter (over a fast/slow limiter): delays above maxDelay are capped at 500s', () => {
    const steps: Array<[RateLimiterOp, number]> = [];
    for (let i = 0; i < 100; i++) steps.push([when(String(i)), 5]);
    for (let i = 0; i < 100; i++) steps.push([when(String(i)), 500 * SECOND]);
    expectLimiter(
      { type: 'WithMaxWaitRateLimiter', limiter: { type: 'ItemFastSlowRateLimiter', fastDelayMs: 5, slowDelayMs: 1000 * SECOND, maxFastAttempts: 1 }, maxDelayMs: 500 * SECOND },
      steps,
    );
  });

  // default_rate_limiters.go DefaultControllerRateLimiter: MaxOf(ItemExponentialFailure(5ms, 1000s),
  // Bucket(rate.NewLimiter(10, 100))). x/time/rate: the bucket starts with 100 tokens; each When takes
  // one, and a debt of n tokens waits n / 10 qps.
  it('DefaultControllerRateLimiter: 100 distinct items pass at the 5ms item delay, the 101st waits 100ms for the bucket', () => {
    const steps: Array<[RateLimiterOp, number | null | undefined]> = [];
    for (let i = 0; i < 100; i++) steps.push([when(`k${i}`), 5]);
    steps.push([when('k100'), 100], [when('k101'), 200], [{ op: 'advance', ms: 1000 }, null], [when('k102'), 5]);
    expectLimiter({ type: 'DefaultControllerRateLimiter' }, steps);
  });
});

describe('rate_limiting_queue_test.go TestRateLimitingQueue', () => {
  it('AddRateLimited waits 1ms then 2ms per item; Forget resets NumRequeues', () => {
    const { results } = workqueueScenario({
      rateLimiter: { type: 'ItemExponentialFailureRateLimiter', baseDelayMs: 1, maxDelayMs: 1 * SECOND },
      ops: [
        { op: 'addRateLimited', item: 'one' },
        { op: 'addRateLimited', item: 'one' },
        { op: 'numRequeues', item: 'one' },
        { op: 'addRateLimited', item: 'two' },
        { op: 'addRateLimited', item: 'two' },
        { op: 'forget', item: 'one' },
        { op: 'numRequeues', item: 'one' },
        { op: 'addRateLimited', item: 'one' },
      ],
    });
    assert.deepEqual(results, [1, 2, 2, 1, 2, null, 0, 1]);
  });
});

const add = (item: string): QueueOp => ({ op: 'add', item });
const done = (item: string): QueueOp => ({ op: 'done', item });
const get: QueueOp = { op: 'get' };
const len: QueueOp = { op: 'len' };
const got = (item: string | null, shutdown = false) => ({ item, shutdown });

describe('queue_test.go', () => {
  it('TestLen: adding a queued item again does not grow the queue', () => {
    assert.deepEqual(workqueueScenario({ ops: [add('foo'), len, add('bar'), len, add('foo'), len] }).results, [null, 1, null, 2, null, 2]);
  });

  it('TestReinsert: an item added while processing is back on the queue after Done', () => {
    const { results } = workqueueScenario({ ops: [add('foo'), get, add('foo'), done('foo'), get, done('foo'), len] });
    assert.deepEqual(results, [null, got('foo'), null, null, got('foo'), null, 0]);
  });

  it('TestCollapse: an item added twice is handed out once', () => {
    const { results } = workqueueScenario({ ops: [add('bar'), add('bar'), get, done('bar'), len] });
    assert.deepEqual(results, [null, null, got('bar'), null, 0]);
  });

  it('TestCollapseWhileProcessing: added twice while processing, a second worker gets it only after Done, once', () => {
    const { results } = workqueueScenario({ ops: [add('foo'), get, add('foo'), add('foo'), get, done('foo'), get, done('foo'), len] });
    // The second worker's Get blocks (here: answers nothing) until the first calls Done.
    assert.deepEqual(results, [null, got('foo'), null, null, got(null), null, got('foo'), null, 0]);
  });

  it('TestQueueDrainageUsingShutDownWithDrain: after the drain starts Get says shutdown; Done of both items finishes it', () => {
    const { results } = workqueueScenario({
      ops: [add('foo'), add('bar'), get, get, { op: 'shutDownWithDrain' }, get, done('foo'), done('bar'), { op: 'shuttingDown' }],
    });
    assert.deepEqual(results, [null, null, got('foo'), got('bar'), null, got(null, true), null, null, true]);
  });

  it('TestQueueDrainageUsingShutDownWithDrainWithDirtyItem: a dirty item comes back once after Done, then Get says shutdown', () => {
    const { results } = workqueueScenario({ ops: [add('foo'), get, add('foo'), { op: 'shutDownWithDrain' }, get, done('foo'), get, done('foo'), get] });
    assert.deepEqual(results, [null, got('foo'), null, null, got(null, true), null, got('foo'), null, got(null, true)]);
  });

  it('TestBasic / TestForceQueueShutdownUsingShutDown: an item added after shutdown is never handed out', () => {
    const { results } = workqueueScenario({ ops: [add('a'), { op: 'shutDown' }, add('added after shutdown!'), get, done('a'), get, len] });
    // Items queued before ShutDown are still handed out (queue.go Get only reports shutdown on an empty queue).
    assert.deepEqual(results, [null, null, null, got('a'), null, got(null, true), 0]);
  });

  it('TestAddWhileProcessing: every item re-added once by its worker is processed exactly twice', () => {
    const ops: QueueOp[] = [];
    for (let i = 0; i < 50; i++) ops.push(add(String(i)));
    const { results: first } = workqueueScenario({ ops });
    assert.equal(first.length, 50);
    // One worker: Get, re-add the first time, Done; the queue must end empty after 100 Gets.
    const script: QueueOp[] = [...ops];
    for (let round = 0; round < 2; round++) for (let i = 0; i < 50; i++) script.push(get, ...(round === 0 ? [add(String(i))] : []), done(String(i)));
    script.push(len, get);
    const { results } = workqueueScenario({ ops: script });
    const gets = results.filter((r): r is { item: string | null; shutdown: boolean } => typeof r === 'object' && r !== null && 'item' in r);
    assert.deepEqual(gets.slice(0, 100).map((g) => g.item), [...Array.from({ length: 50 }, (_, i) => String(i)), ...Array.from({ length: 50 }, (_, i) => String(i))]);
    assert.deepEqual(results.slice(-2), [0, got(null)]);
  });
});

describe('delaying_queue_test.go', () => {
  const addAfter = (item: string, delayMs: number): QueueOp => ({ op: 'addAfter', item, delayMs });
  const advance = (ms: number): QueueOp => ({ op: 'advance', ms });

  it('TestSimpleQueue: added only once its 50ms have passed; nothing more after the heartbeat', () => {
    const { results } = workqueueScenario({ ops: [addAfter('foo', 50), len, advance(60), len, get, done('foo'), advance(10 * SECOND), len] });
    assert.deepEqual(results, [null, 0, null, 1, got('foo'), null, null, 0]);
  });

  it('TestDeduping: the earlier of two AddAfter wins and the item is added once', () => {
    const { results } = workqueueScenario({
      ops: [
        addAfter('foo', 50), addAfter('foo', 70), len, advance(60), len, get, done('foo'), advance(20), len,
        addAfter('foo', 50), addAfter('foo', 30), len, advance(40), len, get, done('foo'), advance(20), len,
      ],
    });
    assert.deepEqual(results, [
      null, null, 0, null, 1, got('foo'), null, null, 0,
      null, null, 0, null, 1, got('foo'), null, null, 0,
    ]);
  });

  it('TestAddTwoFireEarly: the shorter delay fires first; a later AddAfter fires in its own time', () => {
    const { results } = workqueueScenario({
      ops: [addAfter('foo', 1 * SECOND), addAfter('bar', 50), len, advance(60), len, get, addAfter('baz', 2 * SECOND), advance(1 * SECOND), len, get, advance(2 * SECOND), len, get],
    });
    assert.deepEqual(results, [null, null, 0, null, 1, got('bar'), null, null, 1, got('foo'), null, 1, got('baz')]);
  });

  it('TestCopyShifting: three items ready at once come out in ready-time order', () => {
    const { results } = workqueueScenario({ ops: [addAfter('foo', 1 * SECOND), addAfter('bar', 500), addAfter('baz', 250), len, advance(2 * SECOND), len, get, get, get] });
    assert.deepEqual(results, [null, null, null, 0, null, 3, got('baz'), got('bar'), got('foo')]);
  });
});

describe('contracts/clientgo.md examples', () => {
  it('rateLimiterScenario', () => {
    assert.deepEqual(
      rateLimiterScenario({ type: 'ItemExponentialFailureRateLimiter', baseDelayMs: 1, maxDelayMs: 1000 }, [when('one'), when('one'), numRequeues('one')]),
      { results: [1, 2, 2] },
    );
  });
  it('workqueueScenario', () => {
    assert.deepEqual(workqueueScenario({ ops: [add('foo'), get, add('foo'), done('foo'), len] }), { results: [null, got('foo'), null, null, 1] });
  });
});

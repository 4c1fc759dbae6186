// Property tests (fast-check) for the informers chapter's public functions (contracts/clientgo.md):
// on arbitrary JSON and on well-shaped but hostile scripts each answers with a value or a
// ValidationError naming the field — never a JavaScript TypeError/RangeError, never a hang.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as sim from '../../simulations/index.ts';
import { ValidationError } from '../../simulations/shared/errors.ts';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const DEADLINE_MS = 2000;

function answers(what: string, f: () => unknown): void {
  const started = performance.now();
  try {
    const out = f();
    assert.doesNotThrow(() => JSON.stringify(out), `${what}: the answer is JSON`);
  } catch (e) {
    assert.ok(e instanceof ValidationError, `${what}: ${(e as Error).name}: ${(e as Error).message}\n${(e as Error).stack}`);
  } finally {
    assert.ok(performance.now() - started < DEADLINE_MS, `${what} took more than ${DEADLINE_MS} ms`);
  }
}

const name = fc.constantFrom('a', 'b', 'c');
const obj = fc.record({ name, ns: fc.constantFrom(undefined, 'default', 'kube-system'), rv: fc.integer({ min: 1, max: 9 }) }).map(({ name, ns, rv }) => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, ...(ns ? { namespace: ns } : {}), resourceVersion: String(rv), labels: { app: name } },
}));
const ms = fc.oneof(fc.integer({ min: -5, max: 5000 }), fc.constantFrom(0, 1e9, -1, 0.5));
const limiter = fc.constantFrom<object>(
  { type: 'DefaultControllerRateLimiter' },
  { type: 'BucketRateLimiter', qps: 3, burst: 1 },
  { type: 'BucketRateLimiter', qps: 0, burst: 0 },
  { type: 'ItemExponentialFailureRateLimiter', baseDelayMs: 1e12, maxDelayMs: 1e12 },
  { type: 'MaxOfRateLimiter', limiters: [] },
  { type: 'WithMaxWaitRateLimiter', limiter: { type: 'DefaultItemBasedRateLimiter' }, maxDelayMs: -1 },
);

test('arbitrary JSON into every scenario function: a value or a ValidationError', () => {
  fc.assert(
    fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
      answers('rateLimiterScenario', () => sim.rateLimiterScenario(a as never, b as never));
      answers('workqueueScenario', () => sim.workqueueScenario(a as never));
      answers('deltaFIFOScenario', () => sim.deltaFIFOScenario(a as never));
      answers('indexerScenario', () => sim.indexerScenario(a as never));
      answers('processDeltas', () => sim.processDeltas(a as never));
      answers('reflectorScenario', () => sim.reflectorScenario(a as never));
      answers('sharedInformerScenario', () => sim.sharedInformerScenario(a as never));
    }),
    { numRuns: RUNS },
  );
});

test('well-shaped hostile scripts: queues, FIFOs, indexers, reflectors and informers', () => {
  const queueOp = fc.oneof(
    fc.record({ op: fc.constantFrom('add', 'done', 'addRateLimited', 'forget', 'numRequeues'), item: name }),
    fc.record({ op: fc.constantFrom('get', 'len', 'shutDown', 'shutDownWithDrain', 'shuttingDown') }),
    fc.record({ op: fc.constant('addAfter'), item: name, delayMs: ms }),
    fc.record({ op: fc.constant('advance'), ms }),
  );
  const fifoOp = fc.oneof(
    fc.record({ op: fc.constantFrom('add', 'update', 'delete'), object: obj }),
    fc.record({ op: fc.constant('replace'), objects: fc.array(obj, { maxLength: 4 }), resourceVersion: fc.constant('') }),
    fc.record({ op: fc.constantFrom('resync', 'close', 'pop', 'listKeys', 'list', 'hasSynced') }),
  );
  const response = fc.oneof(
    fc.record({ list: fc.record({ resourceVersion: fc.constantFrom('', '5', 'x'), continue: fc.constantFrom(undefined, 'c'), items: fc.array(obj, { maxLength: 3 }) }, { requiredKeys: ['resourceVersion', 'items'] }) }),
    fc.record({ watch: fc.record({ events: fc.array(fc.record({ type: fc.constantFrom('ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK'), object: obj }), { maxLength: 3 }), then: fc.constantFrom('stop', 'close') }) }),
    fc.record({ error: fc.record({ code: fc.constantFrom(410, 429, 500, 504), reason: fc.constantFrom('Expired', 'Gone', 'TooManyRequests', 'Timeout', 'Weird'), message: fc.constantFrom('x', 'Too large resource version') }) }),
  );
  const informerOp = fc.oneof(
    fc.record({ op: fc.constant('addEventHandler'), name, resyncPeriodMs: fc.constantFrom(undefined, 0, 10, 1000, 5000) }, { requiredKeys: ['op', 'name'] }),
    fc.record({ op: fc.constantFrom('run', 'resetWatch', 'resyncPeriods') }),
    fc.record({ op: fc.constant('advance'), ms: fc.integer({ min: 0, max: 20_000 }) }),
    fc.record({ op: fc.constantFrom('serverAdd', 'serverModify', 'serverDelete'), object: obj, dropWatch: fc.boolean() }),
  );
  fc.assert(
    fc.property(limiter, fc.array(queueOp, { maxLength: 30 }), fc.array(fifoOp, { maxLength: 20 }), fc.boolean(), fc.array(fc.record({ responses: fc.array(response, { maxLength: 6 }) }), { maxLength: 4 }), fc.array(informerOp, { maxLength: 20 }), (rl, qops, fops, watchList, runs, iops) => {
      answers('workqueueScenario', () => sim.workqueueScenario({ rateLimiter: rl as never, ops: qops as never }));
      answers('deltaFIFOScenario', () => sim.deltaFIFOScenario({ knownObjects: [], emitDeltaTypeReplaced: watchList, ops: fops as never }));
      answers('indexerScenario', () => sim.indexerScenario({ indexers: { namespace: 'namespace', app: { labelValue: 'app' } }, ops: fops.filter((o) => ['add', 'update', 'delete', 'replace', 'list', 'listKeys'].includes(o.op)) as never }));
      answers('reflectorScenario', () => sim.reflectorScenario({ useWatchList: watchList, runs: runs as never }));
      answers('sharedInformerScenario', () => sim.sharedInformerScenario({ defaultResyncPeriodMs: 1000, objects: [], ops: iops as never }));
    }),
    { numRuns: RUNS },
  );
});

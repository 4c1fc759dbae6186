import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { effectivePath, evaluatePredicate, parsePredicate, PredicateSyntaxError } from './predicate.ts';

const output = {
  result: {
    pods: [
      { name: 'web-0', node: 'a1', restarts: 0 },
      { name: 'web-5', node: null, restarts: 3 },
    ],
    patch: { spec: { template: {} } },
    keptFields: ['spec.replicas', 'spec.template.spec.dnsPolicy'],
    statusAt: [
      { t: 0, status: 'ContainerCreating', restartCount: 0 },
      { t: 45, status: 'CrashLoopBackOff', restartCount: 2 },
    ],
  },
  trace: [{ title: 'bound' }],
};

const check = (source: string) => evaluatePredicate(parsePredicate(source), output);

describe('objectives: parsing', () => {
  const cases: [string, string, object][] = [
    ['a comparison with a null value', 'pods[name=web-5].node != null', { path: 'pods[name=web-5].node', op: '!=', value: null }],
    ['a number', 'pods[name=web-5].restarts <= 3', { op: '<=', value: 3 }],
    ['a quoted string keeps its spaces', 'pods[name=web-0].node == "a 1"', { value: 'a 1' }],
    ['a flow list', 'keptFields == [a, b]', { value: ['a', 'b'] }],
    ['absent', 'patch.spec.replicas absent', { path: 'patch.spec.replicas', op: 'absent' }],
    ['present', 'patch.spec present', { op: 'present' }],
    ['contains', 'keptFields contains spec.replicas', { op: 'contains', value: 'spec.replicas' }],
    ['a moment', 'restartCount == 0 at 600s', { path: 'restartCount', op: '==', value: 0, at: 600 }],
  ];
  for (const [name, source, expected] of cases) {
    it(name, () => {
      const p = parsePredicate(source);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual((p as unknown as Record<string, unknown>)[k], v, `${source}: ${k}`);
    });
  }

  const bad: [string, string, RegExp][] = [
    ['no operator', 'pods[name=web-0].node', /cannot read the objective/],
    ['an operator without spaces', 'a==b', /cannot read the objective/],
    ['an order comparison with a string', 'pods[name=web-0].node < a1', /< compares numbers/],
    ['a mapping as the value', 'x == {a: 1}', /is a mapping/],
    ['a bad path', 'pods[name=web-0.node == a1', /cannot read the path/],
    ['a moment on the trace', 'trace[0].title == x at 5s', /reads the result, not the trace/],
    ['empty', '   ', /an objective is/],
  ];
  for (const [name, source, message] of bad) {
    it(`refuses ${name}`, () => assert.throws(() => parsePredicate(source), (e: unknown) => e instanceof PredicateSyntaxError && message.test((e as Error).message)));
  }
});

describe('objectives: evaluation over a result', () => {
  const table: [string, string, boolean, unknown?][] = [
    ['equal strings', 'pods[name=web-0].node == a1', true, 'a1'],
    ['a node that is null is not != null', 'pods[name=web-5].node != null', false, null],
    ['numbers compare in order', 'pods[name=web-5].restarts > 2', true, 3],
    ['numbers compare in order (unmet)', 'pods[name=web-5].restarts < 3', false, 3],
    ['a list compares as a set', 'keptFields == [spec.template.spec.dnsPolicy, spec.replicas]', true],
    ['contains finds an element', 'keptFields contains spec.replicas', true],
    ['excludes is its opposite', 'keptFields excludes spec.replicas', false],
    ['a missing field is absent', 'patch.spec.replicas absent', true],
    ['a present field is not absent', 'patch.spec absent', false],
    ['the length of a list', 'pods.length == 2', true, 2],
    ['the trace', 'trace[0].title == bound', true],
    ['a moment reads statusAt', 'status == CrashLoopBackOff at 45s', true, 'CrashLoopBackOff'],
  ];
  for (const [name, source, met, value] of table) {
    it(name, () => {
      const r = check(source);
      assert.equal(r.met, met, JSON.stringify(r));
      if (value !== undefined) assert.deepEqual(r.value, value);
    });
  }

  it('a path into an object that is not there is unmet, with the reason (a deleted or renamed object)', () => {
    const r = check('pods[name=web-9].node != null');
    assert.deepEqual(r, { met: false, found: false, reason: 'no element of result.pods has name=web-9' });
  });

  it('a moment the run does not have is unmet and says so', () => {
    const r = check('status == Running at 30s');
    assert.equal(r.met, false);
    assert.equal(r.reason, 'the result has no moment at 30s');
  });

  it('an order comparison on a value that is not a number is unmet, never a throw', () => {
    const r = check('pods[name=web-0].node > 1');
    assert.equal(r.met, false);
    assert.equal(r.reason, 'not a number');
  });

  it('contains on something that is not a list is unmet', () => {
    assert.equal(check('pods[name=web-0].node contains a').met, false);
  });

  it('never throws for any result, however strange', () => {
    for (const result of [null, 42, 'x', [], { pods: 'no' }, { pods: [null, 1, 'x'] }, { statusAt: 7 }]) {
      for (const source of ['pods[name=web-0].node == a1', 'pods.length > 1', 'status == x at 3s', 'pods contains 1', 'pods absent']) {
        assert.doesNotThrow(() => evaluatePredicate(parsePredicate(source), { result, trace: null }));
      }
    }
  });

  it('the path at a moment', () => {
    assert.equal(effectivePath(parsePredicate('containers[name=app].state == running at 8s')), 'statusAt[t=8].containers[name=app].state');
    assert.equal(effectivePath(parsePredicate('result.ready == "2/2" at 30s')), 'statusAt[t=30].ready');
  });
});

// The runtime's budgets (ctx.budget) bound a scheduler run: past the step or
// event budget the run stops or stops recording, and the result says so
// (result.truncated, a warning in the trace, a line in the view) instead of
// quietly returning less.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BUDGET, type RunBudget } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';

const node = (name: string) => `apiVersion: v1
kind: Node
metadata: {name: ${name}, labels: {kubernetes.io/hostname: ${name}}}
status:
  allocatable: {cpu: "8", memory: 16Gi, pods: "110"}
`;
const pod = (name: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  containers:
  - {name: app, image: nginx:1.27, resources: {requests: {cpu: 100m, memory: 64Mi}}}
`;

/** 3 nodes and 5 Pods that all fit: each attempt filters all 3 nodes (fewer than 100, so no sampling). */
const CLUSTER = [...['node-a', 'node-b', 'node-c'].map(node), ...['p0', 'p1', 'p2', 'p3', 'p4'].map(pod)].join('---\n');

const run = (budget: Partial<RunBudget>, detail = true) => engine.run(parseManifests(CLUSTER), { budget: { ...DEFAULT_BUDGET, ...budget }, detail });

describe('the step budget (node evaluations)', () => {
  test('a run that reaches maxSteps stops, leaves the rest pending, and reports maxSteps with its limit', () => {
    // p0 and p1 use 3 evaluations each; p2 finds the budget of 6 spent.
    const output = run({ maxSteps: 6 });
    const { result, trace } = output;
    assert.deepEqual(result.truncated, { reason: 'maxSteps', limit: 6 });
    assert.deepEqual(
      result.pods.map((p) => [p.name, p.node !== null]),
      [['p0', true], ['p1', true], ['p2', false], ['p3', false], ['p4', false]],
    );
    // The Pods the run never reached are not Unschedulable: no attempt, no event.
    assert.deepEqual(
      result.pods.map((p) => [p.outcome, p.attempts]),
      [['Scheduled', 1], ['Scheduled', 1], ['NotAttempted', 0], ['NotAttempted', 0], ['NotAttempted', 0]],
    );
    assert.ok(!result.events.some((e) => e.reason === 'FailedScheduling'), 'no FailedScheduling for Pods never tried');
    assert.equal(result.summary.scheduled, 2);
    const stop = trace.find((s) => s.title === 'Stopped: the run reached its budget of 6 node evaluations');
    assert.equal(stop?.level, 'warning');
    assert.equal(engine.viewModel!(output).truncated, 'Stopped early: the run reached its maxSteps budget (6).');
  });

  test('with the trace off (detail: false) the truncation is still in the result', () => {
    const { result } = run({ maxSteps: 6 }, false);
    assert.deepEqual(result.truncated, { reason: 'maxSteps', limit: 6 });
    assert.equal(result.summary.scheduled, 2);
  });

  test('a budget exactly as large as the work needs is not reported as hit', () => {
    // 5 Pods × 3 nodes = 15 evaluations: the check comes before each attempt.
    const { result } = run({ maxSteps: 15 });
    assert.equal(result.truncated, undefined);
    assert.equal(result.summary.scheduled, 5);
  });
});

describe('the event budget', () => {
  test('a run that reaches maxEvents keeps scheduling but keeps only that many events, and reports maxEvents', () => {
    const output = run({ maxEvents: 2 });
    const { result } = output;
    assert.deepEqual(result.truncated, { reason: 'maxEvents', limit: 2 });
    assert.equal(result.summary.scheduled, 5, 'every Pod is still scheduled');
    assert.deepEqual(result.events.map((e) => e.object), ['pod/p0', 'pod/p1']);
    assert.equal(engine.viewModel!(output).truncated, 'Stopped early: the run reached its maxEvents budget (2).');
  });
});

test('under the default budget the same run is not truncated', () => {
  const output = run({});
  assert.equal(output.result.truncated, undefined);
  assert.equal(output.result.events.length, 5);
  assert.equal(engine.viewModel!(output).truncated, null);
});

// The runtime's step budget (ctx.budget.maxSteps) bounds a Pod's simulated
// life: past it the clock stops, and the result says where and why
// (result.truncated, end.reason "limit", a warning in the trace, a line in the
// view) instead of quietly ending early.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BUDGET, type RunBudget } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';

/**
 * A container that exits at once, restarted for a whole day: about 1,500 tasks on the
 * kubelet's clock (the 10 s replays of a back-off sync that nothing can interrupt are left
 * off the clock; they were about 9,000 tasks when each was one).
 */
const DAY_OF_CRASHES = `apiVersion: v1
kind: Pod
metadata: { name: loop }
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "exit 1"]
---
apiVersion: kube-notebook.dev/v1alpha1
kind: PodBehavior
metadata: { name: loop }
spec:
  untilSeconds: 86400
`;

const run = (budget: Partial<RunBudget>, input = DAY_OF_CRASHES) =>
  engine.run(parseManifests(input), { budget: { ...DEFAULT_BUDGET, ...budget }, detail: true });

describe('the step budget', () => {
  test('a crash loop that needs more steps than maxSteps stops early and reports maxSteps, its limit and when', () => {
    const output = run({ maxSteps: 500 });
    const { result, trace } = output;
    assert.equal(result.truncated?.reason, 'maxSteps');
    assert.equal(result.truncated?.limit, 500);
    const at = result.truncated!.at;
    assert.ok(at > 0 && at < 86_400, `stopped at ${at}s, before the 86400 s asked for`);
    assert.deepEqual(result.end, { t: at, reason: 'limit' });
    assert.equal(result.until, at);
    // Nothing after the stop is shown as if it had happened.
    assert.ok(result.restarts.every((r) => r.at <= at));
    assert.ok(result.timeline.every((e) => e.t <= at));
    const stop = trace.at(-1)!;
    assert.equal(stop.title, `Stopped at ${at}s: the simulation reached its limit of 500 steps`);
    assert.equal(stop.level, 'warning');
    assert.match(engine.viewModel!(output).truncated ?? '', /^The simulation stopped at .+: it reached its limit of 500 steps\.$/);
  });

  test('under the default budget the same day runs to the end, untruncated', () => {
    const output = run({});
    assert.equal(output.result.truncated, null);
    assert.deepEqual(output.result.end, { t: 86_400, reason: 'until' });
    assert.equal(engine.viewModel!(output).truncated, null);
  });
});

describe('counting steps', () => {
  const TEN_MINUTES = DAY_OF_CRASHES.replace('untilSeconds: 86400', 'untilSeconds: 600');

  test('a run that needs fewer actions than maxSteps is not reported as truncated, whatever the chunking', () => {
    // Ten minutes of a crash loop take a few hundred actions: well inside 1,500.
    const output = run({ maxSteps: 1500 }, TEN_MINUTES);
    assert.equal(output.result.truncated, null);
    assert.equal(output.result.end.reason, 'until');
  });

  test('the limit is exact: the smallest budget that completes the run, and one less that stops it', () => {
    // Find how many actions the ten minutes need by bisection over maxSteps.
    let lo = 1;
    let hi = 1500;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (run({ maxSteps: mid }, TEN_MINUTES).result.truncated) lo = mid + 1;
      else hi = mid;
    }
    assert.equal(run({ maxSteps: lo }, TEN_MINUTES).result.truncated, null);
    assert.equal(run({ maxSteps: lo - 1 }, TEN_MINUTES).result.truncated?.reason, 'maxSteps');
  });
});

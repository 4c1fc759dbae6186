// The runtime's step budget (ctx.budget.maxSteps) bounds a Pod's simulated
// life: past it the clock stops, and the result says where and why
// (result.truncated, end.reason "limit", a warning in the trace, a line in the
// view) instead of quietly ending early.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_BUDGET, type RunBudget } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';

/** A container that exits at once, restarted for a whole day: about 9,000 kubelet actions. */
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
    const output = run({ maxSteps: 2000 });
    const { result, trace } = output;
    assert.equal(result.truncated?.reason, 'maxSteps');
    assert.equal(result.truncated?.limit, 2000);
    const at = result.truncated!.at;
    assert.ok(at > 0 && at < 86_400, `stopped at ${at}s, before the 86400 s asked for`);
    assert.deepEqual(result.end, { t: at, reason: 'limit' });
    assert.equal(result.until, at);
    // Nothing after the stop is shown as if it had happened.
    assert.ok(result.restarts.every((r) => r.at <= at));
    assert.ok(result.timeline.every((e) => e.t <= at));
    const stop = trace.at(-1)!;
    assert.equal(stop.title, `Stopped at ${at}s: the simulation reached its limit of 2000 steps`);
    assert.equal(stop.level, 'warning');
    assert.match(engine.viewModel!(output).truncated ?? '', /^The simulation stopped at .+: it reached its limit of 2000 steps\.$/);
  });

  test('under the default budget the same day runs to the end, untruncated', () => {
    const output = run({});
    assert.equal(output.result.truncated, null);
    assert.deepEqual(output.result.end, { t: 86_400, reason: 'until' });
    assert.equal(engine.viewModel!(output).truncated, null);
  });
});

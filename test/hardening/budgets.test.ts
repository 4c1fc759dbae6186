// Step budgets through the shared runtime (issue #7: "Engines also have step
// budgets (nodes × pods, virtual time, events) that are reported when hit").
// Every engine reports a budget it reached as SimulationOutput.budgetHit; the
// runtime (server/sim-runtime/execute.ts) passes it on beside the result, the
// API returns it, and the shared output partial shows one notice for all.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import { createViews } from '../../server/views/render.ts';
import { simOutputModel } from '../../server/views/view-models.ts';
import { rootPath } from '../../server/paths.ts';
import { engines } from '../../simulations/registry.ts';
import { budgetHitOf } from '../../simulations/shared/engine.ts';

const nodes = (n: number) =>
  Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Node\nmetadata: {name: node-${i}}\nstatus: {allocatable: {cpu: "4", memory: 8Gi, pods: "110"}}\n`).join('---\n');
const pods = (n: number) =>
  Array.from({ length: n }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata: {name: web-${i}}\nspec: {containers: [{name: c, image: nginx, resources: {requests: {cpu: 100m}}}]}\n`).join('---\n');
const SCHEDULER = `${nodes(3)}---\n${pods(5)}`;
const CRASH_DAY = `apiVersion: v1
kind: Pod
metadata: {name: loop}
spec:
  containers:
  - {name: app, image: "busybox:1.36", command: ["sh", "-c", "exit 1"]}
---
apiVersion: kube-notebook.dev/v1alpha1
kind: PodBehavior
metadata: {name: loop}
spec: {untilSeconds: 86400}
`;

describe('budgets, reported the same way for every engine', () => {
  it('the scheduler at maxSteps (node × Pod filter evaluations): budgetHit beside the result', () => {
    const outcome = executeSimulation(engines.get('scheduler')!, SCHEDULER, { budget: { maxSteps: 6 } });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.budgetHit, { reason: 'maxSteps', limit: 6 });
  });

  it('the pod lifecycle at maxSteps: budgetHit with the virtual second the clock stopped at', () => {
    const outcome = executeSimulation(engines.get('pod-lifecycle')!, CRASH_DAY, { budget: { maxSteps: 500 } });
    assert.ok(outcome.ok);
    assert.equal(outcome.budgetHit?.reason, 'maxSteps');
    assert.equal(outcome.budgetHit?.limit, 500);
    assert.ok(outcome.budgetHit!.atSeconds! > 0 && outcome.budgetHit!.atSeconds! < 86_400);
  });

  it('the scheduler at maxEvents', () => {
    const outcome = executeSimulation(engines.get('scheduler')!, SCHEDULER, { budget: { maxEvents: 2 } });
    assert.ok(outcome.ok);
    assert.deepEqual(outcome.budgetHit, { reason: 'maxEvents', limit: 2 });
  });

  it('no budgetHit when a run stays inside its budgets, for every engine’s own scenario', () => {
    assert.equal(executeSimulation(engines.get('scheduler')!, SCHEDULER).ok, true);
    for (const [id, input] of [['scheduler', SCHEDULER], ['pod-lifecycle', CRASH_DAY.replace('86400', '600')]] as const) {
      const outcome = executeSimulation(engines.get(id)!, input);
      assert.ok(outcome.ok && outcome.budgetHit === undefined, id);
    }
  });

  it('a budget can only be lowered, never raised above the runtime’s', () => {
    const outcome = executeSimulation(engines.get('scheduler')!, SCHEDULER, { budget: { maxSteps: Number.MAX_SAFE_INTEGER } });
    assert.ok(outcome.ok && outcome.budgetHit === undefined);
  });

  it('an engine’s result.truncated maps onto the shared shape', () => {
    assert.equal(budgetHitOf(null), undefined);
    assert.deepEqual(budgetHitOf({ reason: 'maxOomKills', limit: 500, at: 3600 }), { reason: 'maxOomKills', limit: 500, atSeconds: 3600 });
  });

  it('the shared output partial shows one notice naming the budget, its limit and where the clock stopped', () => {
    const views = createViews({ viewsDir: rootPath('views'), simulationsDir: rootPath('simulations') });
    const engine = engines.get('pod-lifecycle')!;
    const outcome = executeSimulation(engine, CRASH_DAY, { budget: { maxSteps: 500 } });
    const html = views.partial('sim-output', { lang: 'en', ...simOutputModel(engine, { slug: 'pod-lifecycle', id: 'x' }, CRASH_DAY, outcome, views.hasPartial) });
    assert.ok(outcome.ok);
    assert.match(html, new RegExp(`<p class="sim-budget" role="status" data-budget="maxSteps">This run stopped early at its maxSteps budget \\(500\\); what follows is the part computed before it\\. The clock stopped at ${outcome.budgetHit!.atSeconds}s\\.</p>`));
    const inside = executeSimulation(engine, CRASH_DAY.replace('86400', '600'));
    const plain = views.partial('sim-output', { lang: 'en', ...simOutputModel(engine, { slug: 'pod-lifecycle', id: 'x' }, CRASH_DAY, inside, views.hasPartial) });
    assert.doesNotMatch(plain, /sim-budget/);
  });
});

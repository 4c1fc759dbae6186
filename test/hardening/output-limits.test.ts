// Issue 14, findings 2 and 3: a scenario whose result would be megabytes is
// refused in the worker with a 422 that says how to shrink it, so no answer of
// a run carries more than a mebibyte; and every outcome of a saved input,
// failures included, is kept, so viewing a page never runs again a scenario
// that already ran (into a deadline, say).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import { engines as fixtureEngines } from '../support/fixture-engines.ts';
import { engines as registry } from '../../simulations/registry.ts';

describe('the size of a run’s outcome', () => {
  it('is measured before it leaves the worker: past the bound, a 422 naming the size and the bound', () => {
    const inventory = fixtureEngines.get('inventory')!;
    const input = Array.from({ length: 40 }, (_, i) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: pod-${i}\n`).join('---\n');
    assert.equal(executeSimulation(inventory, input).ok, true);
    const outcome = executeSimulation(inventory, input, { maxOutputBytes: 2000 });
    assert.equal(outcome.ok, false);
    assert.ok(!outcome.ok);
    assert.equal(outcome.status, 422);
    assert.equal(outcome.kind, 'too-large');
    assert.match(outcome.error.message, /^the result of this scenario is 0\.0 MiB, over the 0\.0 MiB a result may be: make the scenario smaller/);
  });

  it('refuses a scheduler scenario of a hundred nodes by a hundred Pods, whose result would be megabytes (real engine)', () => {
    const nodes = Array.from({ length: 100 }, (_, i) => ({
      apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${i}`, labels: { 'kubernetes.io/hostname': `node-${i}` } },
      status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } },
    }));
    const pods = Array.from({ length: 100 }, (_, i) => ({
      apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${i}`, namespace: 'default' },
      spec: { containers: [{ name: 'app', image: 'nginx:1.27', resources: { requests: { cpu: '100m', memory: '64Mi' } } }] },
    }));
    const input = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [...nodes, ...pods] });
    const outcome = executeSimulation(registry.get('scheduler')!, input);
    assert.ok(!outcome.ok);
    assert.equal(outcome.status, 422);
    assert.match(outcome.error.message, /^the result of this scenario is \d+\.\d MiB, over the 1\.0 MiB a result may be: make the scenario smaller/);
    // What a run's HTTP answer carries is this failure: far under a mebibyte.
    assert.ok(JSON.stringify({ ok: false, error: outcome.error }).length < 1000);
  });
});

describe('outcomes of a saved input are kept, failures too', () => {
  let site: Site;
  before(async () => {
    site = await startTestSite({ config: { workers: 1, simDeadlineMs: 300 } });
  });
  after(() => site.close());

  it('an imported scenario that runs into the deadline runs once, on the first view, not on every view', async () => {
    const agent = request.agent(site.app);
    const page = await agent.get('/').expect(200);
    const file = {
      format: 'kube-notebook-progress', version: 1, exportedAt: '',
      cells: [{ lesson: 'architecture', cell: 'spin', input: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: spin\n', runCount: 1, updatedAt: '2026-01-01T00:00:00Z' }],
      attempts: [],
    };
    await agent.post('/api/progress/import').set('X-CSRF-Token', csrfFrom(page.text)).send(file).expect(200);
    const deadlines = site.pool.stats.deadlines;
    for (let i = 0; i < 3; i++) {
      const view = await agent.get('/lessons/architecture').expect(200);
      assert.match(view.text, /ran longer than 0\.3 s and was stopped/);
    }
    assert.equal(site.pool.stats.deadlines, deadlines + 1, 'three views, one run');
  });
});

describe('page views that have to run something', () => {
  it('run at most RUNS_PER_MINUTE saved scenarios a minute per learner; past it the cell says when to reload, and nothing is kept (finding 2)', async () => {
    const limited = await startTestSite({ config: { workers: 1, runsPerMinutePerLearner: 2 } });
    try {
      const agent = request.agent(limited.app);
      await agent.get('/').expect(200);
      // An imported scenario has no kept output: each view of it would run it.
      const file = {
        format: 'kube-notebook-progress', version: 1, exportedAt: '',
        cells: [{ lesson: 'architecture', cell: 'two-pods', input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: imported\n', runCount: 1, updatedAt: '2026-01-01T00:00:00Z' }],
        attempts: [],
      };
      for (let i = 0; i < 3; i++) {
        await agent.post('/api/progress/import').send(file).expect(200);
        // Forget the kept output, as an engine upgrade would.
        limited.db.prepare(`UPDATE cell_states SET output_json = NULL, output_version = NULL`).run();
        const page = await agent.get('/lessons/architecture').expect(200);
        if (i < 2) assert.match(page.text, /&quot;imported&quot;/, `view ${i + 1} ran the saved scenario`);
        else assert.match(page.text, /this saved scenario has not run yet: page views ran 2 scenarios this minute; reload in \d+ s/);
      }
      const kept = limited.db.prepare(`SELECT output_json FROM cell_states`).get() as { output_json: string | null };
      assert.equal(kept.output_json, null, 'the refusal is not kept as the result');
    } finally {
      await limited.close();
    }
  });
});

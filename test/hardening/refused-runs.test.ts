// Issue 14, findings 9 and 10: a run the pool refused (every worker busy) is
// never stored as the cell's result, and the refusal says when to retry from
// the pool's real queue, not a fixed second.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, FIXTURE_ENGINE_MODULE, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';
import { createApp } from '../../server/app.ts';
import { loadConfig } from '../../server/config.ts';
import { openDatabase } from '../../server/db/open.ts';
import { bundleWorker } from '../../server/sim-runtime/bundle.ts';
import { SimulationPool } from '../../server/sim-runtime/pool.ts';
import { engines as fixtureEngines } from '../support/fixture-engines.ts';

const SPIN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: spin\n';
const EDIT = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: edited-while-busy\n';

describe('a run refused by a busy pool', () => {
  let site: Site;
  let pool: SimulationPool;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    site = await startTestSite({ config: { workers: 1 } });
    // One worker and no room to wait: while a runaway run holds the worker, every run is refused at once.
    pool = new SimulationPool({ size: 1, deadlineMs: 1500, heapMb: 64, workerUrl: await bundleWorker([FIXTURE_ENGINE_MODULE]), maxQueue: 0 });
    await pool.ready();
    app = createApp({
      config: { ...loadConfig({}), dataDir: ':memory:' },
      db: openDatabase({ dataDir: ':memory:' }),
      content: site.content,
      engines: fixtureEngines,
      pool,
      views: site.views,
    });
  });
  after(async () => {
    await pool.close();
    await site.close();
  });

  it('keeps the learner’s edit but not the refusal: once the pool has room the page shows the edit’s real result', async () => {
    const agent = request.agent(app);
    const page = await agent.get('/lessons/architecture').expect(200);
    const spinning = pool.run('runaway', SPIN);
    await new Promise((r) => setTimeout(r, 200));

    const refused = await agent
      .post('/lessons/architecture/cells/two-pods/run')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), input: EDIT, action: 'run' })
      .expect(503);
    assert.match(refused.text, /Every simulation worker is busy, so this did not run. Your scenario is saved/);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 2, `Retry-After ${refused.headers['retry-after']}: the runaway run holds the worker until its 1.5 s deadline`);

    await spinning;
    await pool.ready(); // the runaway run's worker was replaced at its deadline
    const after = await agent.get('/lessons/architecture').expect(200);
    const cell = /<section[^>]*id="cell-two-pods"[\s\S]*?<\/section>/.exec(after.text)?.[0] ?? '';
    assert.match(cell, /edited-while-busy/, 'the edit was kept');
    assert.doesNotMatch(cell, /worker is busy|service is busy/, 'the refusal is not the cell’s result');
    const output = cell.slice(cell.indexOf('sim-output'));
    assert.match(output, /edited-while-busy/, 'the page ran the edit once the pool had room');
  });
});

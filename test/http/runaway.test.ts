// Runaway simulations: every run is bounded by a wall deadline and a heap cap;
// overrunning answers with a clear error, the worker is replaced, and the
// next request succeeds. The event loop stays responsive meanwhile.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
before(async () => {
  site = await startTestSite({ config: { workers: 2, simDeadlineMs: 500, simHeapMb: 48 } });
});
after(() => site.close());

const SPIN = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: spin\n';
const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';

describe('the simulation pool', () => {
  it('stops an engine that loops forever at the deadline with 422, and serves the next request', async () => {
    const started = Date.now();
    const res = await request(site.app).post('/api/simulations/runaway/run').send({ input: SPIN }).expect(422);
    assert.equal(res.body.ok, false);
    assert.match(res.body.error.message, /ran longer than 0\.5 s and was stopped/);
    assert.ok(Date.now() - started < 5000);
    const next = await request(site.app).post('/api/simulations/runaway/run').send({ input: POD }).expect(200);
    assert.equal(next.body.ok, true);
    assert.ok(site.pool.stats.deadlines >= 1);
  });

  it('stops an engine that allocates without end at the heap cap with 422, and serves the next request', async () => {
    // A generous deadline, so it is the heap cap that stops the run.
    const roomy = await startTestSite({ config: { workers: 1, simDeadlineMs: 10_000, simHeapMb: 48 } });
    try {
      const res = await request(roomy.app).post('/api/simulations/hog/run').send({ input: POD });
      assert.equal(res.status, 422, JSON.stringify(res.body));
      assert.match(res.body.error.message, /used more than 48 MB and was stopped/);
      assert.equal(roomy.pool.stats.memory, 1);
      await request(roomy.app).post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
    } finally {
      await roomy.close();
    }
  });

  it('answers an engine bug with 500 and no internals, and serves the next request', async () => {
    const res = await request(site.app).post('/api/simulations/crash/run').send({ input: POD }).expect(500);
    assert.deepEqual(res.body, { ok: false, error: { message: 'internal error in the crash simulation' } });
    await request(site.app).post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
  });

  it('keeps serving pages while runaway runs occupy every worker', async () => {
    // The event loop only passes messages to workers, so pages are answered while
    // every worker spins. (The p99 event-loop delay at full load is measured in
    // `npm run bench`, where timing belongs.)
    let firstRunDone = Infinity;
    const runs = Array.from({ length: 4 }, () =>
      request(site.app)
        .post('/api/simulations/runaway/run')
        .send({ input: SPIN })
        .then((res) => {
          firstRunDone = Math.min(firstRunDone, performance.now());
          assert.equal(res.status, 422);
        }),
    );
    await new Promise((r) => setTimeout(r, 50)); // let the runs reach the workers
    const pagesDone: number[] = [];
    for (let i = 0; i < 5; i++) {
      await request(site.app).get('/api/lessons').expect(200);
      pagesDone.push(performance.now());
    }
    await Promise.all(runs);
    assert.ok(Math.max(...pagesDone) < firstRunDone, 'pages were answered while the runs were still spinning');
  });

  it('keeps a learner’s edit, with the deadline error, when the run of their cell is stopped', async () => {
    const agent = request.agent(site.app);
    const res = await agent.post('/api/lessons/architecture/cells/spin/run').send({ input: SPIN }).expect(422);
    assert.match(res.body.html, /ran longer than 0\.5 s/);
    const page = await agent.get('/lessons/architecture').expect(200);
    assert.match(page.text, /name: spin/);
    assert.match(page.text, /ran longer than 0\.5 s and was stopped/);
  });
});

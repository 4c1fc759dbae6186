// Runaway simulations: every run is bounded by a wall deadline and a heap cap;
// overrunning answers with a clear error, the worker is replaced, and the
// next request succeeds. The event loop stays responsive meanwhile.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { monitorEventLoopDelay } from 'node:perf_hooks';
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
    const res = await request(site.app).post('/api/simulations/hog/run').send({ input: POD });
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.match(res.body.error.message, /used more than 48 MB and was stopped/);
    assert.ok(site.pool.stats.memory >= 1);
    await request(site.app).post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
  });

  it('answers an engine bug with 500 and no internals, and serves the next request', async () => {
    const res = await request(site.app).post('/api/simulations/crash/run').send({ input: POD }).expect(500);
    assert.deepEqual(res.body, { ok: false, error: { message: 'internal error in the crash simulation' } });
    await request(site.app).post('/api/simulations/inventory/run').send({ input: POD }).expect(200);
  });

  it('keeps the event loop responsive (p99 delay under 100 ms) while runaway runs fill every worker', async () => {
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const runs = Array.from({ length: 6 }, () => request(site.app).post('/api/simulations/runaway/run').send({ input: SPIN }));
    const pages = Array.from({ length: 20 }, () => request(site.app).get('/api/lessons').expect(200));
    await Promise.all([...runs, ...pages]);
    histogram.disable();
    const p99 = histogram.percentile(99) / 1e6;
    assert.ok(p99 < 100, `event loop p99 delay ${p99.toFixed(1)} ms`);
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

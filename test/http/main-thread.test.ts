// At request time the server's main thread runs no engine code: runs, view
// models and details all go to the worker pool, under its deadline and heap
// cap, so one slow or huge view model cannot stall every visitor. Only
// start-up runs engines in-process (server/content/load.ts), to compute each
// lesson's default outputs, their view models and the predict keys before the
// first request is served.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import { engines as fixtureEngines } from '../support/fixture-engines.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
before(async () => {
  site = await startTestSite();
  await site.ready;
});
after(() => site.close());

const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

describe('engine code at request time', () => {
  it('pages, runs, resets and details call no engine method on the main thread', async (t) => {
    // The site serves these very engine objects (startTestSite's engines); the workers load their own copies.
    const calls: string[] = [];
    for (const engine of fixtureEngines.values()) {
      const methods = engine as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>;
      for (const name of ['run', 'viewModel', 'detail']) {
        const original = methods[name];
        if (!original) continue;
        methods[name] = function (this: unknown, ...args: unknown[]) {
          calls.push(`${engine.id}.${name}`);
          return original.apply(this, args);
        };
        t.after(() => {
          methods[name] = original;
        });
      }
    }
    executeSimulation(fixtureEngines.get('runaway')!, POD('probe'));
    assert.deepEqual(calls, ['runaway.run', 'runaway.viewModel'], 'the spies see a call on this thread');
    calls.length = 0;

    const agent = request.agent(site.app);
    const first = await agent.get('/lessons/architecture').expect(200);
    for (const [quiz, answer] of [['how-many', 2], ['second-namespace', 1], ['kinds', [0]]] as const) {
      await agent.post(`/api/quizzes/architecture/${quiz}/answers`).send({ answer }).expect(200);
    }
    await agent.get('/lessons/architecture').expect(200);
    await agent.post('/api/lessons/architecture/cells/spin/run').send({ input: POD('calm-again') }).expect(200);
    await agent.post('/api/lessons/architecture/cells/two-pods/run?only=html').send({ input: POD('mine') }).expect(200);
    await agent
      .post('/lessons/architecture/cells/spin/run')
      .type('form')
      .send({ _csrf: csrfFrom(first.text), input: POD('by-form'), action: 'run' })
      .expect(303);
    await agent.get('/lessons/architecture').expect(200);
    await agent.get('/api/lessons/architecture/cells/two-pods/details/object-0').expect(200);
    await agent.get('/lessons/architecture/cells/spin/details/calm').expect(200);
    await agent.post('/api/lessons/architecture/cells/spin/reset').send({}).expect(200);
    await agent.get('/api/lessons/architecture/cells/spin/details/calm').expect(200);
    await agent.post('/api/simulations/runaway/run').send({ input: POD('public') }).expect(200);
    await agent.get('/lessons/architecture').expect(200);

    assert.deepEqual(calls, [], 'engine code ran on the main thread while serving requests');
  });
});

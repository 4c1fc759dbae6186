// Troubleshooting challenges over HTTP (issue 27): graded on the server
// through the worker pool, each objective and rule met or not with the value
// found; hints one at a time; the solution on request (then "seen"); stored,
// exported and imported; shown on the progress page; usable as plain forms.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

const dir = fileURLToPath(new URL('../../content/06-scheduler/', import.meta.url));
const START = readFileSync(`${dir}challenge-preemption.yaml`, 'utf8');
const SOLUTION = readFileSync(`${dir}challenge-preemption.solution.yaml`, 'utf8');
const LESSON = '/lessons/scheduler';
const CELL = 'challenge-preemption';
const API = `/api/lessons/scheduler/challenges/${CELL}`;

let site: Site;
before(async () => {
  site = await startTestSite({ real: true, config: { runsPerMinutePerLearner: 1000, runsPerMinutePerAddress: 1000 } });
});
after(() => site.close());

async function learner(lang?: 'zh') {
  const agent = request.agent(site.app);
  if (lang) agent.set('Accept-Language', 'zh-CN');
  // A Chinese reader is sent to the lesson's /zh/ form.
  const page = await agent.get(lang ? `/zh${LESSON}` : LESSON).expect(200);
  return { agent, token: csrfFrom(page.text) };
}

/** The challenge's section on a page. */
function section(html: string): string {
  const start = html.indexOf(`id="cell-${CELL}"`);
  assert.ok(start >= 0, 'the challenge is on the page');
  return html.slice(html.lastIndexOf('<section', start), html.indexOf('</section>', start));
}

/** The status of each objective and rule, in order. */
function statuses(html: string): string[] {
  return [...section(html).matchAll(/<li class="check-(\w+)" data-status="\w+">/g)].map((m) => m[1]);
}

describe('a challenge on the lesson page', () => {
  it('shows the task, the objectives not checked yet, the editor with the broken start, and no solution', async () => {
    const { agent } = await learner();
    const html = section((await agent.get(LESSON).expect(200)).text);
    assert.match(html, /Deploying checkout kills a report job/);
    assert.match(html, /<form class="sim-form challenge-form" method="post" action="\/lessons\/scheduler\/challenges\/challenge-preemption\/run#cell-challenge-preemption">/);
    assert.match(html, /not checked yet/);
    assert.ok(html.includes('values: [general]'), 'the editor holds the start');
    assert.ok(!html.includes('values: [frontend]'), 'the solution is not on the page');
    assert.match(html, /Give up and show the solution/);
    assert.match(html, /Show hint 1 of 3/);
  });

  it('works as plain forms: run the start, take a hint, run the fix, solved, and still solved after a reload', async () => {
    const { agent, token } = await learner();
    await agent.post(`/lessons/scheduler/challenges/${CELL}/run`).type('form').send({ _csrf: token, action: 'run', input: START }).expect(303).expect('Location', `${LESSON}#cell-${CELL}`);
    let page = (await agent.get(LESSON).expect(200)).text;
    // checkout scheduled (met), something preempted (unmet), then the fifteen rules kept.
    assert.deepEqual(statuses(page), ['met', 'unmet', ...Array(15).fill('met')]);
    assert.match(section(page), /found: 1/);
    assert.match(section(page), /Not solved yet: 1 left/);
    // Running the start is not an attempt: nothing was changed.
    assert.match(section(page), /data-standing="open">not solved yet</);

    await agent.post(`/lessons/scheduler/challenges/${CELL}/hint`).type('form').send({ _csrf: token }).expect(303);
    page = (await agent.get(LESSON).expect(200)).text;
    assert.match(section(page), /Hint 1\./);
    assert.match(section(page), /Show hint 2 of 3/);

    await agent.post(`/lessons/scheduler/challenges/${CELL}/run`).type('form').send({ _csrf: token, action: 'run', input: SOLUTION }).expect(303);
    page = (await agent.get(LESSON).expect(200)).text;
    assert.deepEqual(statuses(page), Array(17).fill('met'));
    assert.match(section(page), /Solved: every objective is met/);
    assert.match(section(page), /class="cell cell-challenge is-solved"/);
    assert.match(section(page), /data-standing="solved">solved · 1 attempt</);
    // The editor keeps the learner's scenario.
    assert.ok(section(page).includes('values: [frontend]'));

    const progress = (await agent.get('/progress').expect(200)).text;
    assert.match(progress, /data-challenge="challenge-preemption" data-standing="solved">/);
    assert.match(progress, /1 attempt · 1 of 3 hints/);
    // Solved without the solution: nothing to review.
    assert.doesNotMatch(progress.slice(progress.indexOf('missed-title')), /⚑ Deploying checkout/);

    // Reset puts the start back in the editor; the solve stays.
    await agent.post(`/lessons/scheduler/challenges/${CELL}/run`).type('form').send({ _csrf: token, action: 'reset' }).expect(303);
    page = (await agent.get(LESSON).expect(200)).text;
    assert.ok(section(page).includes('values: [general]'));
    assert.match(section(page), /data-standing="solved"/);
  });

  it('a stale form comes back as the lesson page with the error at the challenge and the text as sent', async () => {
    const { agent } = await learner();
    const res = await agent.post(`/lessons/scheduler/challenges/${CELL}/run`).type('form').send({ _csrf: 'stale', action: 'run', input: `${START}# mine\n` }).expect(403);
    assert.match(section(res.text), /This form has expired/);
    assert.ok(section(res.text).includes('# mine'));
  });

  it('an empty scenario comes back as the lesson page with the error at the challenge, not saved', async () => {
    const { agent, token } = await learner();
    const res = await agent.post(`/lessons/scheduler/challenges/${CELL}/run`).type('form').send({ _csrf: token, action: 'run', input: '  ' }).expect(400);
    assert.match(section(res.text), /The scenario is empty/);
  });
});

describe('the JSON API grades every objective and rule with the value found', () => {
  it('reports the broken start', async () => {
    const { agent } = await learner();
    const res = await agent.post(`${API}/run`).send({ input: START }).expect(200);
    assert.equal(res.body.ok, true);
    assert.equal(res.body.report.solved, false);
    assert.deepEqual(
      res.body.report.objectives.map((o: { check: string; met: boolean; value: unknown }) => [o.check, o.met, o.value]),
      [
        ['pods[name=checkout].node != null', true, 'node-1'],
        ['preempted.length == 0', false, 1],
      ],
    );
    assert.equal(res.body.report.constraints.length, 15);
    assert.equal(res.body.attempts, 0);
    assert.match(res.body.reportHtml, /Not solved yet/);
    assert.match(res.body.html, /sim-result/);
  });

  const hostile: [string, (s: string) => string, (body: { report: { objectives: { met: boolean; found: boolean }[]; constraints: { kind: string; met: boolean }[] } }) => void][] = [
    [
      'deleting the Pod the objectives read: unmet, with what is missing',
      (s) => s.slice(0, s.indexOf('---\napiVersion: v1\nkind: Pod\nmetadata: {name: checkout}')),
      (body) => {
        assert.equal(body.report.objectives[0].met, false);
        assert.equal(body.report.objectives[0].found, false);
        assert.equal(body.report.constraints.find((c) => c.kind === 'stay')!.met, false);
      },
    ],
    [
      'renaming it',
      (s) => s.replace('metadata: {name: checkout}', 'metadata: {name: checkout-2}'),
      (body) => {
        assert.equal(body.report.objectives[0].found, false);
        assert.equal(body.report.constraints.find((c) => c.kind === 'added')!.met, false);
      },
    ],
    [
      'adding fifty Pods',
      (s) => s + Array.from({ length: 50 }, (_, i) => `---\napiVersion: v1\nkind: Pod\nmetadata: {name: extra-${i}}\nspec:\n  containers: [{name: c, image: busybox}]\n`).join(''),
      (body) => assert.equal(body.report.constraints.find((c) => c.kind === 'added')!.met, false),
    ],
  ];
  for (const [name, change, check] of hostile) {
    it(`a hostile edit, ${name}, is graded, never a crash`, async () => {
      const { agent } = await learner();
      const res = await agent.post(`${API}/run`).send({ input: change(START) }).expect(200);
      assert.equal(res.body.report.solved, false);
      check(res.body);
    });
  }

  it('more documents than a run accepts is a located 400, not graded', async () => {
    const { agent } = await learner();
    const many = START + Array.from({ length: 120 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c${i}}\n`).join('');
    const res = await agent.post(`${API}/run`).send({ input: many }).expect(400);
    assert.equal(res.body.ok, false);
    assert.ok(res.body.error.message);
    assert.equal(res.body.report, undefined);
    assert.match(res.body.reportHtml, /did not run/);
  });

  it('YAML that does not parse is a 400 with its line; the rest of the request is still answered', async () => {
    const { agent } = await learner();
    const res = await agent.post(`${API}/run`).send({ input: 'kind: Pod\nmetadata: [\n' }).expect(400);
    assert.equal(typeof res.body.error.line, 'number');
  });

  it('an empty scenario, a missing one, an unknown challenge', async () => {
    const { agent } = await learner();
    await agent.post(`${API}/run`).send({ input: '' }).expect(400);
    await agent.post(`${API}/run`).send({}).expect(400);
    await agent.post('/api/lessons/scheduler/challenges/nope/run').send({ input: START }).expect(404);
    await agent.post('/api/lessons/scheduler/challenges/web0-node/hint').send({}).expect(404);
  });

  it('hints one at a time, never more than there are', async () => {
    const { agent } = await learner();
    for (const n of [1, 2, 3, 3]) {
      const res = await agent.post(`${API}/hint`).send({}).expect(200);
      assert.equal(res.body.hintsUsed, n);
      assert.equal(res.body.hints.length, n);
    }
    const res = await agent.post(`${API}/hint`).send({}).expect(200);
    assert.match(res.body.helpHtml, /No more hints/);
  });

  it('the solution on request counts as seen, and a solve after it is "solved after seeing the solution", to review', async () => {
    const { agent } = await learner();
    const shown = await agent.post(`${API}/solution`).send({}).expect(200);
    assert.equal(shown.body.solution, SOLUTION);
    assert.equal(shown.body.standing.standing, 'seen');
    const solved = await agent.post(`${API}/run`).send({ input: SOLUTION }).expect(200);
    assert.equal(solved.body.report.solved, true);
    assert.equal(solved.body.standing.standing, 'seen');
    assert.match(solved.body.reportHtml, /Solved, after seeing the solution/);
    const progress = (await agent.get('/progress').expect(200)).text;
    assert.match(progress.slice(progress.indexOf('missed-title')), /⚑ Deploying checkout kills a report job/);
    const api = await agent.get('/api/progress').expect(200);
    const scheduler = api.body.chapters.find((c: { slug: string }) => c.slug === 'scheduler');
    assert.deepEqual(
      scheduler.challengeStates.find((c: { cellId: string }) => c.cellId === CELL),
      { cellId: CELL, standing: 'seen', solved: true, attempts: 1, hintsUsed: 0, url: `${LESSON}#cell-${CELL}` },
    );
  });
});

describe('export and import', () => {
  it('carries attempts, hints, the solving run and the solution seen; a solve is run again on import', async () => {
    const a = await learner();
    await a.agent.post(`${API}/hint`).send({}).expect(200);
    await a.agent.post(`${API}/run`).send({ input: START.replace('values: [general]', 'values: [general, other]') }).expect(200);
    await a.agent.post(`${API}/run`).send({ input: SOLUTION }).expect(200);
    const file = (await a.agent.get('/api/progress/export').expect(200)).body;
    const exported = file.challenges.find((c: { cell: string }) => c.cell === CELL);
    assert.equal(exported.attempts, 2);
    assert.equal(exported.hintsUsed, 1);
    assert.equal(exported.solvedInput, SOLUTION);
    assert.equal(exported.seenSolutionAt, null);

    const b = await learner();
    const imported = await b.agent.post('/api/progress/import').send(file).expect(200);
    assert.equal(imported.body.challenges, 1);
    const again = await b.agent.post('/api/progress/import').send(file).expect(200);
    assert.equal(again.body.challenges, 0, 'a second import changes nothing');
    const page = (await b.agent.get(LESSON).expect(200)).text;
    assert.match(section(page), /data-standing="solved">solved · 2 attempts</);

    // A file that claims a solve its scenario does not make: attempts and hints are kept, the solve is not.
    const forged = { ...file, challenges: [{ ...exported, solvedInput: START }] };
    const c = await learner();
    await c.agent.post('/api/progress/import').send(forged).expect(200);
    const progress = await c.agent.get('/api/progress').expect(200);
    const state = progress.body.chapters.find((x: { slug: string }) => x.slug === 'scheduler').challengeStates.find((x: { cellId: string }) => x.cellId === CELL);
    assert.equal(state.solved, false);
    assert.equal(state.attempts, 2);
  });

  it('the import form says how many challenges it brought', async () => {
    const a = await learner();
    await a.agent.post(`${API}/hint`).send({}).expect(200);
    const file = (await a.agent.get('/api/progress/export').expect(200)).text;
    const b = request.agent(site.app);
    const page = await b.get('/progress').expect(200);
    const res = await b
      .post('/progress/import')
      .field('_csrf', csrfFrom(page.text))
      .attach('file', Buffer.from(file), { filename: 'progress.json', contentType: 'application/json' })
      .expect(303);
    assert.equal(res.headers.location, '/progress?imported=0,0,1');
    const after = await b.get(res.headers.location).expect(200);
    assert.match(after.text, /Imported 0 edited cells, 0 answers and 1 challenge\./);
    assert.match(after.text, /data-challenge="challenge-preemption" data-standing="open">/);
    assert.match(after.text, /0 attempts · 1 of 3 hints/);
  });

  it('refuses a malformed challenge entry with the field named', async () => {
    const { agent } = await learner();
    const res = await agent
      .post('/api/progress/import')
      .send({ format: 'kube-notebook-progress', version: 1, cells: [], attempts: [], challenges: [{ lesson: 'scheduler', cell: CELL, attempts: -1, hintsUsed: 0, updatedAt: '2026-01-01T00:00:00Z' }] })
      .expect(400);
    assert.match(res.body.error.message, /challenges\[0\]\.attempts: must be a whole number from 0 to 1,000,000/);
  });
});

describe('in Chinese', () => {
  it('the challenge and its interface are in Chinese', async () => {
    const { agent } = await learner('zh');
    const html = section((await agent.get(`/zh${LESSON}`).expect(200)).text);
    assert.match(html, /一部署 checkout，就有报表任务被杀/);
    assert.match(html, /排障挑战/);
    assert.match(html, /尚未检查/);
    assert.match(html, /显示提示 1／3/);
  });
});

describe('the on-demand details of a challenge run', () => {
  it('serves kubectl describe of the learner’s own run, and 404 before a run', async () => {
    const agent = request.agent(site.app);
    await agent.get('/lessons/pod-lifecycle').expect(200);
    const api = '/api/lessons/pod-lifecycle/challenges/challenge-slow-start';
    const start = readFileSync(fileURLToPath(new URL('../../content/03-pod-lifecycle/challenge-slow-start.yaml', import.meta.url)), 'utf8');
    await agent.get('/api/lessons/pod-lifecycle/cells/challenge-slow-start/details/describe-0').expect(404);
    const run = await agent.post(`${api}/run`).send({ input: start }).expect(200);
    const href = /href="(\/lessons\/pod-lifecycle\/cells\/challenge-slow-start\/details\/[^"]+)"/.exec(run.body.html);
    assert.ok(href, 'the output links to kubectl describe');
    const detail = await agent.get(`/api${href[1]}`).expect(200);
    assert.match(detail.body.text, /^Name:\s+api$/m);
    assert.match(detail.body.text, /Liveness:\s+http-get/);
  });
});

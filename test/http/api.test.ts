// The JSON API, through supertest against createApp (no port), with the
// fixture lesson and the fixture `inventory` engine.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
before(async () => {
  site = await startTestSite({ now: () => new Date('2026-01-02T03:04:05.000Z') });
});
after(() => site.close());

const TWO_PODS = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n';

describe('GET /api/lessons', () => {
  it('lists lessons as [{ slug, title, order, summary }] in curriculum order', async () => {
    const res = await request(site.app).get('/api/lessons').expect(200).expect('Content-Type', /json/);
    assert.deepEqual(res.body, [
      { slug: 'architecture', title: 'Fixture lesson: inventory', order: 1, summary: 'A lesson used by the platform tests.' },
    ]);
  });
});

describe('GET /api/lessons/:slug', () => {
  it('returns cells with ids and kinds, the default scenario of sim cells, and quizzes without answers', async () => {
    const res = await request(site.app).get('/api/lessons/architecture').expect(200);
    assert.equal(res.body.slug, 'architecture');
    assert.equal(res.body.title, 'Fixture lesson: inventory');
    const kinds = res.body.cells.map((c: { kind: string }) => c.kind);
    assert.ok(kinds.includes('markdown') && kinds.includes('sim') && kinds.includes('quiz'));
    const sim = res.body.cells.find((c: { id: string }) => c.id === 'two-pods');
    assert.equal(sim.kind, 'sim');
    assert.equal(sim.sim, 'inventory');
    assert.match(sim.input, /name: web-0/);
    const quiz = res.body.cells.find((c: { id: string }) => c.id === 'second-namespace').quiz;
    assert.deepEqual(quiz, {
      id: 'second-namespace',
      type: 'predict',
      prompt: 'Which namespace is **web-1** in?',
      input: 'single',
      choices: ['default', 'shop', 'none'],
      sim: 'two-pods',
      path: 'objects[name=web-1].namespace',
    });
    // No answer key, explanation or follow-up may reach the page before an attempt.
    const text = JSON.stringify(res.body.cells.filter((c: { kind: string }) => c.kind === 'quiz'));
    for (const leak of ['correct', 'explain', 'followUp', 'answers', '"value"', 'It says so in its metadata', '137']) {
      assert.ok(!text.includes(leak), `quiz JSON leaks ${leak}`);
    }
  });

  it('answers 404 with a JSON error for an unknown lesson', async () => {
    const res = await request(site.app).get('/api/lessons/nope').expect(404);
    assert.deepEqual(res.body, { ok: false, error: { message: 'no lesson "nope"' } });
  });
});

describe('POST /api/simulations/:sim/run', () => {
  it('runs a multi-document scenario and answers { ok: true, result, trace }', async () => {
    const res = await request(site.app).post('/api/simulations/inventory/run').send({ input: TWO_PODS }).expect(200);
    assert.deepEqual(Object.keys(res.body).sort(), ['ok', 'result', 'trace']);
    assert.equal(res.body.ok, true);
    assert.deepEqual(res.body.result.kinds, ['Pod', 'Service']);
    assert.equal(res.body.trace.length, 2);
  });

  it('points a schema error at its line, column and field path with 400', async () => {
    const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\n';
    const res = await request(site.app).post('/api/simulations/inventory/run').send({ input }).expect(400);
    assert.deepEqual(res.body, {
      ok: false,
      error: {
        message: 'metadata.name: Required value: every object needs a name',
        line: 8,
        column: 1,
        path: 'metadata.name',
        document: 2,
      },
    });
  });

  it('reports a YAML syntax error with its line and column', async () => {
    const res = await request(site.app).post('/api/simulations/inventory/run').send({ input: 'kind: Pod\nmetadata: [a,\n  b: c\n' }).expect(400);
    assert.equal(res.body.ok, false);
    assert.match(res.body.error.message, /^YAML syntax error/);
    assert.equal(typeof res.body.error.line, 'number');
    assert.equal(typeof res.body.error.column, 'number');
  });

  it('refuses a missing or non-string input with 400 naming the field', async () => {
    const res = await request(site.app).post('/api/simulations/inventory/run').send({ yaml: 'x' }).expect(400);
    assert.equal(res.body.error.path, 'input');
    await request(site.app).post('/api/simulations/inventory/run').send({ input: 42 }).expect(400);
    await request(site.app).post('/api/simulations/inventory/run').send({ input: '   ' }).expect(400);
  });

  it('answers 404 for an unknown engine', async () => {
    const res = await request(site.app).post('/api/simulations/nope/run').send({ input: TWO_PODS }).expect(404);
    assert.equal(res.body.ok, false);
  });

  it('answers 413 for a body over 256 KiB', async () => {
    const input = `# ${'x'.repeat(257 * 1024)}\n${TWO_PODS}`;
    const res = await request(site.app).post('/api/simulations/inventory/run').send({ input }).expect(413);
    assert.equal(res.body.error.message, 'the request body is larger than 256 KiB');
  });

  it('accepts only application/json (415 otherwise)', async () => {
    await request(site.app).post('/api/simulations/inventory/run').type('form').send({ input: TWO_PODS }).expect(415);
    await request(site.app).post('/api/simulations/inventory/run').set('Content-Type', 'text/plain').send(TWO_PODS).expect(415);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await request(site.app).post('/api/simulations/inventory/run').set('Content-Type', 'application/json').send('{"input": ').expect(400);
    assert.equal(res.body.error.message, 'the request body is not valid JSON');
  });
});

describe('POST /api/quizzes/:slug/:cellId/answers', () => {
  it('grades a predict number question against the engine and stores the attempt', async () => {
    const agent = request.agent(site.app);
    const wrong = await agent.post('/api/quizzes/architecture/how-many/answers').send({ answer: 3 }).expect(200);
    assert.equal(wrong.body.correct, false);
    assert.equal(wrong.body.expected, 2);
    assert.equal(wrong.body.attempts, 1);
    assert.equal(wrong.body.explanation, 'Two documents, two objects.');
    assert.deepEqual(wrong.body.followUp, { question: 'What if a document is empty?', answer: 'Empty documents are skipped, as `kubectl apply -f` skips them.' });
    assert.match(wrong.body.html, /Not quite/);
    const right = await agent.post('/api/quizzes/architecture/how-many/answers').send({ answer: '2' }).expect(200);
    assert.equal(right.body.correct, true);
    assert.equal(right.body.attempts, 2);
  });

  it('grades a predict choice by the value the engine computed, with an explanation per choice', async () => {
    const res = await request(site.app).post('/api/quizzes/architecture/second-namespace/answers').send({ answer: 0 }).expect(200);
    assert.equal(res.body.correct, false);
    assert.equal(res.body.expected, 1);
    assert.deepEqual(
      res.body.choices.map((c: { text: string; correct: boolean; chosen: boolean }) => [c.text, c.correct, c.chosen]),
      [['default', false, true], ['shop', true, false], ['none', false, false]],
    );
    assert.equal(res.body.choices[0].explanation, 'Only objects without a namespace default to `default`.');
  });

  it('grades a predict multiple selection as a set', async () => {
    const ok = await request(site.app).post('/api/quizzes/architecture/kinds/answers').send({ answer: [0] }).expect(200);
    assert.equal(ok.body.correct, true);
    const extra = await request(site.app).post('/api/quizzes/architecture/kinds/answers').send({ answer: [0, 1] }).expect(200);
    assert.equal(extra.body.correct, false);
  });

  it('grades single, multiple, short (normalised) and numeric questions', async () => {
    const cases: [string, unknown, boolean][] = [
      ['port', 1, true],
      ['port', 0, false],
      ['components', [1, 0], true],
      ['components', [0], false],
      ['reason', '  `oomkilled`. ', true],
      ['reason', 'Evicted', false],
      ['exit-code', 137, true],
      ['exit-code', '143', false],
    ];
    for (const [cell, answer, correct] of cases) {
      const res = await request(site.app).post(`/api/quizzes/architecture/${cell}/answers`).send({ answer }).expect(200);
      assert.equal(res.body.correct, correct, `${cell} ${JSON.stringify(answer)}`);
    }
  });

  it('refuses answers of the wrong form with 400 and stores nothing', async () => {
    const agent = request.agent(site.app);
    for (const [cell, answer] of [['port', 7], ['port', 'six'], ['exit-code', 'abc'], ['reason', { a: 1 }], ['components', 'x']] as const) {
      const res = await agent.post(`/api/quizzes/architecture/${cell}/answers`).send({ answer }).expect(400);
      assert.equal(res.body.ok, false);
    }
    const progress = await agent.get('/api/progress').expect(200);
    assert.equal(progress.body.chapters[0].answered, 0);
  });

  it('answers 404 for an unknown quiz', async () => {
    await request(site.app).post('/api/quizzes/architecture/nope/answers').send({ answer: 1 }).expect(404);
    await request(site.app).post('/api/quizzes/architecture/two-pods/answers').send({ answer: 1 }).expect(404);
  });
});

describe('progress, export and import', () => {
  it('counts runs and answers per chapter and lists missed questions', async () => {
    const agent = request.agent(site.app);
    await agent.post('/api/lessons/architecture/cells/two-pods/run').send({ input: TWO_PODS }).expect(200);
    await agent.post('/api/quizzes/architecture/port/answers').send({ answer: 0 }).expect(200);
    await agent.post('/api/quizzes/architecture/exit-code/answers').send({ answer: 137 }).expect(200);
    const res = await agent.get('/api/progress').expect(200);
    assert.deepEqual(res.body.chapters[0], {
      slug: 'architecture',
      title: 'Fixture lesson: inventory',
      sims: 2,
      simsRun: 1,
      quizzes: 7,
      answered: 2,
      correct: 1,
      challenges: 0,
      challengesSolved: 0,
      missed: [{ cellId: 'port', attempts: 1, seen: false, url: '/lessons/architecture#cell-port' }],
      challengeStates: [],
    });
  });

  it('exports progress as a JSON download and imports it into another browser, re-grading answers', async () => {
    const first = request.agent(site.app);
    await first.post('/api/lessons/architecture/cells/two-pods/run').send({ input: TWO_PODS }).expect(200);
    await first.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    const exported = await first.get('/api/progress/export').expect(200);
    assert.match(exported.headers['content-disposition'], /^attachment; filename="kube-notebook-progress-2026-01-02\.json"$/);
    const file = JSON.parse(exported.text);
    assert.equal(file.format, 'kube-notebook-progress');
    assert.equal(file.cells[0].input, TWO_PODS);
    assert.deepEqual(file.attempts, [{ lesson: 'architecture', cell: 'port', answer: 1, correct: true, createdAt: '2026-01-02T03:04:05.000Z' }]);

    // A forged "correct" is graded again on import.
    file.attempts.push({ lesson: 'architecture', cell: 'exit-code', answer: 1, correct: true, createdAt: '2026-01-02T03:04:06.000Z' });
    const second = request.agent(site.app);
    const imported = await second.post('/api/progress/import').send(file).expect(200);
    assert.deepEqual(imported.body, { ok: true, cells: 1, attempts: 2, challenges: 0, reviews: 0, skipped: 0 });
    const progress = await second.get('/api/progress').expect(200);
    assert.equal(progress.body.chapters[0].simsRun, 1);
    assert.equal(progress.body.chapters[0].answered, 2);
    assert.equal(progress.body.chapters[0].correct, 1);
    // Importing the same file twice does not duplicate attempts.
    const again = await second.post('/api/progress/import').send(file).expect(200);
    assert.equal(again.body.attempts, 0);
    // The imported scenario is shown (and re-run) on the lesson page.
    const page = await second.get('/lessons/architecture').expect(200);
    assert.match(page.text, /your edited version \(saved\)|default scenario/);
    assert.match(page.text, /&quot;Service&quot;|Service/);
  });

  it('refuses a file that is not a progress export with 400', async () => {
    const res = await request(site.app).post('/api/progress/import').send({ format: 'other' }).expect(400);
    assert.match(res.body.error.message, /format/);
    await request(site.app).post('/api/progress/import').send([1, 2]).expect(400);
  });
});

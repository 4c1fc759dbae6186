// Predict first (issue #2: "the answer key never reaches the page before an
// attempt"): a sim cell's result answers the predict quizzes that read it, so a
// learner sees it only after answering them all, or after running the cell
// (their own choice). Checked on the fixture lesson and on every real chapter.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let fixture: Site;
let real: Site;
before(async () => {
  [fixture, real] = await Promise.all([startTestSite(), startTestSite({ real: true })]);
});
after(async () => {
  await Promise.all([fixture.close(), real.close()]);
});

/** The output block of one sim cell on a page. */
function outputOf(html: string, cellId: string): string {
  const start = html.indexOf(`<div class="sim-output" id="cell-${cellId}-output"`);
  assert.ok(start >= 0, `cell ${cellId} is on the page`);
  return html.slice(start, html.indexOf('</section>', start));
}

const TWO_PODS = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\n  namespace: shop\n';
const POD = (name: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n`;

/** The held-back notice, naming every predict quiz on two-pods, and nothing of the result. */
function assertHeldBack(html: string): void {
  assert.match(html, /data-predict-first/);
  for (const quiz of ['how-many', 'second-namespace', 'kinds']) assert.match(html, new RegExp(`<a href="#cell-${quiz}">${quiz}</a>`));
  assert.doesNotMatch(html, /class="sim-result"|web-1|shop/, 'no part of the result');
}

async function answerAll(learner: ReturnType<typeof request.agent>): Promise<void> {
  await learner.post('/api/quizzes/architecture/how-many/answers').send({ answer: 2 }).expect(200);
  await learner.post('/api/quizzes/architecture/second-namespace/answers').send({ answer: 1 }).expect(200);
  await learner.post('/api/quizzes/architecture/kinds/answers').send({ answer: [0] }).expect(200);
}

describe('predict first', () => {
  it('holds a result back until every predict quiz on it is answered, naming those quizzes', async () => {
    const learner = request.agent(fixture.app);
    const first = await learner.get('/lessons/architecture').expect(200);
    const hidden = outputOf(first.text, 'two-pods');
    assert.match(hidden, /data-predict-first/);
    for (const quiz of ['how-many', 'second-namespace', 'kinds']) assert.match(hidden, new RegExp(`<a href="#cell-${quiz}">${quiz}</a>`));
    assert.ok(!first.text.includes('web-1&quot;'), 'no part of the result is on the page');

    await learner.post('/api/quizzes/architecture/how-many/answers').send({ answer: 2 }).expect(200);
    await learner.post('/api/quizzes/architecture/second-namespace/answers').send({ answer: 0 }).expect(200);
    const partly = await learner.get('/lessons/architecture').expect(200);
    const stillHidden = outputOf(partly.text, 'two-pods');
    assert.match(stillHidden, /<a href="#cell-kinds">kinds<\/a>/, 'the one left is named');
    assert.doesNotMatch(stillHidden, /cell-how-many/, 'the answered ones are not');

    await learner.post('/api/quizzes/architecture/kinds/answers').send({ answer: [0] }).expect(200);
    const answered = await learner.get('/lessons/architecture').expect(200);
    const shown = outputOf(answered.text, 'two-pods');
    assert.doesNotMatch(shown, /data-predict-first/);
    assert.match(shown, /&quot;web-1&quot;/, 'the default result is shown');

    // Another learner still has to predict.
    const other = await request(fixture.app).get('/lessons/architecture').expect(200);
    assert.match(outputOf(other.text, 'two-pods'), /data-predict-first/);
  });

  it('shows the result at once when the learner runs the cell, with or without JavaScript', async () => {
    const learner = request.agent(fixture.app);
    const page = await learner.get('/lessons/architecture').expect(200);
    const input = /<textarea class="sim-input" id="cell-two-pods-input"[^>]*>([\s\S]*?)<\/textarea>/.exec(page.text)![1]
      .replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&#x3D;/g, '=').replace(/&amp;/g, '&');
    await learner
      .post('/lessons/architecture/cells/two-pods/run')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), input, action: 'run' })
      .expect(303);
    const after = await learner.get('/lessons/architecture').expect(200);
    assert.match(outputOf(after.text, 'two-pods'), /&quot;web-1&quot;/);
  });

  it('a reset holds the result back again, through the JSON API, ?only=html and both forms', async () => {
    const learner = request.agent(fixture.app);
    const page = await learner.get('/lessons/architecture').expect(200);
    const token = csrfFrom(page.text);
    const run = () => learner.post('/api/lessons/architecture/cells/two-pods/run').send({ input: TWO_PODS }).expect(200);
    const ran = await run();
    assert.equal(ran.body.result.count, 2, 'running shows the learner their own result');

    // JSON API: no result, the quizzes to answer, and the notice instead of the result in the HTML.
    const json = await learner.post('/api/lessons/architecture/cells/two-pods/reset').send({}).expect(200);
    assert.deepEqual(Object.keys(json.body).sort(), ['edited', 'html', 'input', 'ok', 'predictFirst']);
    assert.deepEqual(json.body.predictFirst, { quizzes: ['how-many', 'second-namespace', 'kinds'] });
    assert.equal(json.body.input, TWO_PODS);
    assertHeldBack(json.body.html);

    // What the page script asks for.
    await run();
    const onlyHtml = await learner.post('/api/lessons/architecture/cells/two-pods/reset?only=html').send({}).expect(200);
    assert.deepEqual(Object.keys(onlyHtml.body).sort(), ['edited', 'html', 'input', 'ok']);
    assertHeldBack(onlyHtml.body.html);

    // Without JavaScript: the Reset button of the run form, and the reset form.
    for (const [path, body] of [
      ['/lessons/architecture/cells/two-pods/run', { _csrf: token, input: TWO_PODS, action: 'reset' }],
      ['/lessons/architecture/cells/two-pods/reset', { _csrf: token }],
    ] as const) {
      await run();
      await learner.post(path).type('form').send(body).expect(303);
      assertHeldBack(outputOf((await learner.get('/lessons/architecture').expect(200)).text, 'two-pods'));
    }
  });

  it('once every predict quiz is answered, a reset shows the default result, in JSON and ?only=html', async () => {
    const learner = request.agent(fixture.app);
    await answerAll(learner);
    await learner.post('/api/lessons/architecture/cells/two-pods/run').send({ input: POD('mine') }).expect(200);
    const json = await learner.post('/api/lessons/architecture/cells/two-pods/reset').send({}).expect(200);
    assert.equal(json.body.result.count, 2);
    assert.equal(json.body.predictFirst, undefined);
    assert.match(json.body.html, /&quot;web-1&quot;/);
    const onlyHtml = await learner.post('/api/lessons/architecture/cells/two-pods/reset?only=html').send({}).expect(200);
    assert.equal(onlyHtml.body.result, undefined, 'only the HTML');
    assert.match(onlyHtml.body.html, /&quot;web-1&quot;/);
  });

  it('a run shows the learner’s own result at once, in JSON and ?only=html', async () => {
    const learner = request.agent(fixture.app);
    const json = await learner.post('/api/lessons/architecture/cells/two-pods/run').send({ input: POD('mine') }).expect(200);
    assert.equal(json.body.result.objects[0].name, 'mine');
    assert.match(json.body.html, /&quot;mine&quot;/);
    const onlyHtml = await learner.post('/api/lessons/architecture/cells/two-pods/run?only=html').send({ input: POD('mine-too') }).expect(200);
    assert.match(onlyHtml.body.html, /&quot;mine-too&quot;/);
  });

  it('details wait too: 403 naming the quizzes left, in JSON and HTML, until they are answered or the cell is run', async () => {
    const learner = request.agent(fixture.app);
    const detail = '/api/lessons/architecture/cells/two-pods/details/object-1';
    const held = await learner.get(detail).expect(403);
    assert.deepEqual(Object.keys(held.body), ['ok', 'error']);
    assert.match(held.body.error.message, /how-many, second-namespace, kinds/);
    assert.doesNotMatch(JSON.stringify(held.body), /shop|web-1/, 'nothing of the result');
    const page = await learner.get('/lessons/architecture/cells/two-pods/details/object-1').expect(403).expect('Content-Type', /html/);
    assert.doesNotMatch(page.text, /shop|web-1/);

    await learner.post('/api/quizzes/architecture/how-many/answers').send({ answer: 2 }).expect(200);
    await learner.post('/api/quizzes/architecture/second-namespace/answers').send({ answer: 1 }).expect(200);
    const partly = await learner.get(detail).expect(403);
    assert.match(partly.body.error.message, /quizzes kinds;/, 'only the one left is named');

    await learner.post('/api/quizzes/architecture/kinds/answers').send({ answer: [0] }).expect(200);
    const shown = await learner.get(detail).expect(200);
    assert.deepEqual(shown.body, { title: 'Pod web-1', text: 'kind: Pod\nname: web-1\nnamespace: shop\n' });
    await learner.get('/lessons/architecture/cells/two-pods/details/object-1').expect(200);

    // Running the cell is the other way to see: the details are of the learner's own run.
    const runner = request.agent(fixture.app);
    await runner.post('/api/lessons/architecture/cells/two-pods/run').send({ input: POD('mine') }).expect(200);
    const own = await runner.get('/api/lessons/architecture/cells/two-pods/details/object-0').expect(200);
    assert.equal(own.body.title, 'Pod mine');
  });

  it('the JSON lesson carries scenarios, never results', async () => {
    const lesson = await request(fixture.app).get('/api/lessons/architecture').expect(200);
    const twoPods = lesson.body.cells.find((c: { id: string }) => c.id === 'two-pods');
    assert.deepEqual(Object.keys(twoPods).sort(), ['id', 'input', 'kind', 'sim']);
  });

  it('on every real chapter, no result a predict quiz reads is on a first visit’s page', async () => {
    for (const chapter of real.content.chapters) {
      const lesson = chapter.lessons.get('en')!;
      const page = await request(real.app).get(`/lessons/${chapter.slug}`).expect(200);
      const read = new Set(lesson.cells.flatMap((c) => (c.kind === 'quiz' && c.spec.type === 'predict' ? [c.spec.sim] : [])));
      assert.ok(read.size > 0, `${chapter.slug} has predict quizzes`);
      for (const cell of lesson.cells) {
        if (cell.kind !== 'sim') continue;
        const output = outputOf(page.text, cell.id);
        if (read.has(cell.id)) {
          assert.match(output, /data-predict-first/, `${chapter.slug}/${cell.id} waits for its predict quizzes`);
          assert.doesNotMatch(output, /class="sim-result"/, `${chapter.slug}/${cell.id} result not on the page`);
        } else {
          assert.match(output, /class="sim-result"/, `${chapter.slug}/${cell.id} (no predict quiz reads it) shows its default result`);
        }
      }
    }
  });
});

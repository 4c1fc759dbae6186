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

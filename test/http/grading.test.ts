// Predict and grading that mean something (issue 13, points 3, 4 and 8): the
// first attempt is the one graded; a right answer after the key was shown is
// "seen the answer" and stays in Questions to review; answering a cell's last
// predict quiz releases its result in place (the API hands the page its HTML;
// without JavaScript the page after the post shows it and links to it); and a
// predict quiz says plainly when the learner's scenario is not the lesson's.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

async function learner() {
  const agent = request.agent(site.app);
  const page = await agent.get('/lessons/architecture').expect(200);
  const token = csrfFrom(page.text);
  return {
    agent,
    token,
    api: (cellId: string, answer: unknown) => agent.post(`/api/quizzes/architecture/${cellId}/answers`).send({ answer }).expect(200),
    form: (cellId: string, answer: string) =>
      agent.post(`/lessons/architecture/quizzes/${cellId}/answer`).type('form').send({ _csrf: token, answer }).expect(303),
    page: async () => (await agent.get('/lessons/architecture').expect(200)).text,
  };
}

/** One cell's section on a page. */
function section(html: string, id: string): string {
  const start = html.indexOf(`id="cell-${id}"`);
  assert.ok(start >= 0, `cell ${id} is on the page`);
  return html.slice(html.lastIndexOf('<section', start), html.indexOf('</section>', start));
}

describe('the first attempt is the one graded', () => {
  const cases: { name: string; answers: unknown[]; outcomes: string[]; standing: string }[] = [
    { name: 'right the first time: right', answers: [1], outcomes: ['right'], standing: 'right' },
    { name: 'wrong, then right after the key was shown: seen the answer, not learned', answers: [0, 1], outcomes: ['wrong', 'seen'], standing: 'seen' },
    { name: 'right, then wrong: still right (the first attempt counts)', answers: [1, 0], outcomes: ['right', 'wrong'], standing: 'right' },
    { name: 'wrong, right, wrong: wrong', answers: [0, 1, 0], outcomes: ['wrong', 'seen', 'wrong'], standing: 'wrong' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const me = await learner();
      const outcomes: string[] = [];
      let last;
      for (const answer of c.answers) {
        last = (await me.api('port', answer)).body;
        outcomes.push(last.outcome);
      }
      assert.deepEqual(outcomes, c.outcomes);
      assert.equal(last.standing, c.standing);
      const quiz = section(await me.page(), 'port');
      assert.match(quiz, new RegExp(`class="cell cell-quiz answered-${c.standing}"`));
      const progress = (await me.agent.get('/api/progress').expect(200)).body.chapters[0];
      assert.equal(progress.correct, c.standing === 'right' ? 1 : 0);
      assert.deepEqual(progress.missed.map((m: { cellId: string }) => m.cellId), c.standing === 'right' ? [] : ['port'], 'to review unless right the first time');
    });
  }

  it('says so on the page: "Right this time, after seeing the answer", counted as seen, with the attempts in words', async () => {
    const me = await learner();
    await me.form('port', '0');
    assert.match(section(await me.page(), 'port'), /1 attempt</);
    await me.form('port', '1');
    const quiz = section(await me.page(), 'port');
    assert.match(quiz, /quiz-feedback is-seen/);
    assert.match(quiz, /Right this time, after seeing the answer\./);
    assert.match(quiz, /counts as seen, not learned/);
    assert.match(quiz, /2 attempts</);
    const zh = (await me.agent.get('/zh/lessons/architecture').expect(200)).text;
    assert.match(section(zh, 'port'), /这次答对了，但是在看过答案之后/);
  });
});

describe('predict quizzes reveal their result in place', () => {
  it('the API hands back the held notice as it shrinks, then the result with the last predict quiz, and nothing on a second attempt', async () => {
    const me = await learner();
    const first = (await me.api('how-many', 2)).body;
    assert.equal(first.reveal.cellId, 'two-pods');
    assert.equal(first.reveal.shown, false);
    assert.match(first.reveal.html, /data-predict-first/);
    assert.doesNotMatch(first.reveal.html, /cell-how-many/, 'the answered one is no longer named');
    assert.match(first.reveal.html, /cell-second-namespace/);

    await me.api('second-namespace', 0);
    const last = (await me.api('kinds', [0])).body;
    assert.equal(last.reveal.shown, true);
    assert.match(last.reveal.html, /class="sim-result"/);
    assert.match(last.reveal.html, /web-1/);

    const again = (await me.api('kinds', [0, 1])).body;
    assert.equal(again.reveal, undefined, 'only a first answer changes what the cell holds back');
    assert.equal((await me.api('port', 1)).body.reveal, undefined, 'not a predict quiz');
  });

  it('a learner who ran the cell sees their own run: the answer does not replace it', async () => {
    const me = await learner();
    await me.agent.post('/api/lessons/architecture/cells/two-pods/run').send({ input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\n' }).expect(200);
    assert.equal((await me.api('how-many', 2)).body.reveal, undefined);
  });

  it('without JavaScript the page after the last answer shows the result and the feedback links to it', async () => {
    const me = await learner();
    await me.form('how-many', '2');
    await me.form('second-namespace', '1');
    assert.match(section(await me.page(), 'two-pods'), /data-predict-first/);
    await me.form('kinds', '0');
    const page = await me.page();
    assert.doesNotMatch(section(page, 'two-pods'), /data-predict-first/);
    assert.match(section(page, 'two-pods'), /class="sim-result"/);
    assert.match(section(page, 'kinds'), /<a href="#cell-two-pods-output">See the simulation’s result<\/a>/);
  });
});

describe('a predict quiz after the learner edited its cell', () => {
  it('says plainly that it is about the lesson’s scenario, and offers that scenario (a page, or JSON for the page script)', async () => {
    const me = await learner();
    const notice = (html: string) => /<div class="quiz-scenario-notice notice" data-scenario-notice>/.test(section(html, 'how-many'));
    assert.equal(notice(await me.page()), false, 'none while the cell is the lesson’s');
    await me.agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: me.token, input: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: mine\n' }).expect(303);
    const edited = await me.page();
    assert.equal(notice(edited), true, 'shown once it is edited');
    assert.match(section(edited, 'how-many'), /This question is about the lesson’s scenario, not yours/);
    assert.match(section(edited, 'how-many'), /<a href="\/lessons\/architecture\/cells\/two-pods\/scenario" data-detail>Show the lesson’s scenario<\/a>/);
    assert.equal(notice(await (await learner()).page()), false, 'another learner’s page is not affected (the cached cell)');

    const scenario = await me.agent.get('/lessons/architecture/cells/two-pods/scenario').expect(200);
    assert.match(scenario.text, /name: web-0[\s\S]*name: web-1/);
    const json = (await me.agent.get('/api/lessons/architecture/cells/two-pods/scenario').expect(200)).body;
    assert.match(json.text, /namespace: shop/);
    assert.match(json.title, /two-pods/);

    await me.agent.post('/lessons/architecture/cells/two-pods/reset').type('form').send({ _csrf: me.token }).expect(303);
    assert.equal(notice(await me.page()), false, 'gone again after a reset');
  });
});

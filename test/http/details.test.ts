// On-demand details (Engine.detail) with the real pod-lifecycle lesson: the page
// links `kubectl describe` at each moment instead of printing it 50 times; the
// link opens a page of its own (no JavaScript) and the JSON API feeds the inline
// view. The detail follows the learner's own run of the cell, and waits, like
// the result itself, until the learner has answered the predict quizzes that
// read the default result (or has run the cell).
//
// Also: cells shared by every learner are cached with a hole for the CSRF token,
// so each page's forms must carry that page's own token.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
before(async () => {
  site = await startTestSite({ real: true });
});
after(() => site.close());

const CRASH = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n  - name: app\n    image: busybox:1.36\n    command: ["sh", "-c", "sleep 5; exit 1"]\n`;

const unescape = (html: string) =>
  html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&#x3D;/g, '=').replace(/&#x60;/g, '`').replace(/&amp;/g, '&');

/** A learner who answered the two predict quizzes on the crash-loop result, so it (and its details) are theirs to see. */
async function answeredLearner() {
  const learner = request.agent(site.app);
  for (const quiz of ['fourth-restart', 'status-at-45']) {
    await learner.post(`/api/quizzes/pod-lifecycle/${quiz}/answers`).send({ answer: 0 }).expect(200);
  }
  return learner;
}

describe('kubectl describe at a moment, on demand', () => {
  it('the lesson page links each moment’s describe instead of printing it', async () => {
    // The crash-loop result answers two predict quizzes: it is on the page once they are answered.
    const learner = await answeredLearner();
    const page = await learner.get('/lessons/pod-lifecycle').expect(200);
    assert.match(page.text, /<a href="\/lessons\/pod-lifecycle\/cells\/crash-loop\/details\/describe-0" data-detail>/);
    assert.ok(!page.text.includes('Container ID:'), 'no describe output inline on the page');
  });

  it('a describe link opens a page of its own, and the API gives the same text', async () => {
    const learner = await answeredLearner();
    const html = await learner.get('/lessons/pod-lifecycle/cells/crash-loop/details/describe-3').expect(200).expect('Content-Type', /html/);
    const pre = /<pre class="detail-text">([\s\S]*?)<\/pre>/.exec(html.text);
    assert.ok(pre, 'the describe text in a <pre>');
    assert.match(pre[1], /^Name: {9}crash\nNamespace: {4}default\n/);
    assert.match(html.text, /<a class="button" href="\/lessons\/pod-lifecycle#cell-crash-loop">/);
    const api = await learner.get('/api/lessons/pod-lifecycle/cells/crash-loop/details/describe-3').expect(200).expect('Content-Type', /json/);
    assert.equal(api.body.text, unescape(pre[1]));
    assert.match(api.body.title, /^kubectl describe pod crash at t = \d+s$/);
  });

  it('follows the learner’s own run of the cell; other learners still see the default', async () => {
    const learner = request.agent(site.app);
    await learner.post('/api/lessons/pod-lifecycle/cells/crash-loop/run').send({ input: CRASH('mine') }).expect(200);
    const mine = await learner.get('/api/lessons/pod-lifecycle/cells/crash-loop/details/describe-1').expect(200);
    assert.match(mine.body.text, /^Name: {9}mine\n/);
    const other = await (await answeredLearner()).get('/api/lessons/pod-lifecycle/cells/crash-loop/details/describe-1').expect(200);
    assert.match(other.body.text, /^Name: {9}crash\n/);
    // The learner's page links the moments of their run and carries no describe text either.
    const page = await learner.get('/lessons/pod-lifecycle').expect(200);
    assert.match(page.text, /kubectl describe pod mine/);
  });

  it('answers 404 for a moment, cell or engine that has no such detail', async () => {
    const learner = await answeredLearner();
    for (const path of [
      '/api/lessons/pod-lifecycle/cells/crash-loop/details/describe-9999',
      '/api/lessons/pod-lifecycle/cells/crash-loop/details/__proto__',
      '/api/lessons/pod-lifecycle/cells/no-such-cell/details/describe-0',
      '/api/lessons/pod-lifecycle/cells/fourth-restart/details/describe-0', // a quiz, not a sim cell
      '/api/lessons/scheduler/cells/pending-on-cpu/details/describe-0', // the scheduler has no details
      '/api/lessons/no-such-lesson/cells/crash-loop/details/describe-0',
    ]) {
      const res = await learner.get(path);
      assert.equal(res.status, 404, path);
      assert.equal(res.body.ok, false, path);
    }
    const page = await learner.get('/lessons/pod-lifecycle/cells/crash-loop/details/describe-9999').expect(404).expect('Content-Type', /html/);
    assert.match(page.text, /Page not found/);
  });
});

describe('cached cells and the CSRF token', () => {
  it('every form on a lesson page carries that page’s token, for each browser', async () => {
    const tokens = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const agent = request.agent(site.app);
      const page = await agent.get('/lessons/pod-lifecycle').expect(200);
      const token = csrfFrom(page.text);
      tokens.add(token);
      const forms = [...page.text.matchAll(/name="_csrf" value="([^"]*)"/g)].map((m) => m[1]);
      assert.ok(forms.length >= 10, 'sim and quiz forms');
      assert.deepEqual([...new Set(forms)], [token]);
      assert.ok(!page.text.includes('kn-csrf-') && !page.text.includes('kn-slot:'), 'no placeholder left');
      // The cached form works: answering a quiz without JavaScript with it.
      await agent.post('/lessons/pod-lifecycle/quizzes/fourth-restart/answer').type('form').send({ _csrf: token, answer: '46' }).expect(303);
    }
    assert.equal(tokens.size, 2, 'two browsers, two tokens');
  });
});

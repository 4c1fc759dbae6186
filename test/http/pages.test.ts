// HTML pages and the forms that work without JavaScript: post, redirect, and
// the page shows the saved state. Also CSRF, 404 and preferences.
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

/** A browser-like agent that has loaded the lesson, and the page's CSRF token. */
async function visitLesson() {
  const agent = request.agent(site.app);
  const page = await agent.get('/lessons/architecture').expect(200);
  return { agent, token: csrfFrom(page.text), page };
}

describe('home page', () => {
  it('lists every curriculum chapter in order, linking the written ones and marking the rest planned', async () => {
    const res = await request(site.app).get('/').expect(200).expect('Content-Type', /html/);
    assert.match(res.text, /<a href="\/lessons\/architecture">Fixture lesson: inventory<\/a>/);
    assert.match(res.text, /The scheduler <span class="badge">planned<\/span>/);
    const first = res.text.indexOf('Fixture lesson');
    const sixth = res.text.indexOf('The scheduler');
    assert.ok(first > 0 && sixth > first);
  });
});

describe('lesson page', () => {
  it('renders prose, a table of contents, the sim cell (its output held back for the predict quizzes), and quiz forms without answers', async () => {
    const { page } = await visitLesson();
    const html = page.text;
    assert.match(html, /<h1>Fixture lesson: inventory<\/h1>/);
    assert.match(html, /<a href="#first-section">First section<\/a>/);
    assert.match(html, /<textarea class="sim-input" id="cell-two-pods-input" name="input"/);
    // The default output answers the lesson's predict quizzes, so it waits for them (test/http/predict.test.ts).
    assert.ok(!html.includes('&quot;web-1&quot;'), 'the default output is not on the page before the predict quizzes');
    assert.match(html, /<div class="sim-predict-first" data-predict-first>/);
    assert.match(html, /<form class="quiz-form" method="post" action="\/lessons\/architecture\/quizzes\/port\/answer">/);
    assert.ok(!html.includes('That was the insecure port'), 'choice explanations are not on the page before an attempt');
    assert.ok(!html.includes('The insecure port is gone'), 'quiz explanations are not on the page before an attempt');
  });

  it('escapes raw HTML in lesson Markdown and drops unsafe link schemes', async () => {
    const { page } = await visitLesson();
    assert.ok(!page.text.includes("<script>alert('raw html is escaped')</script>"));
    assert.match(page.text, /&lt;script&gt;alert\(&#39;raw html is escaped&#39;\)&lt;\/script&gt;/);
    assert.ok(!page.text.includes('javascript:'));
    assert.match(page.text, /<aside class="callout callout-note-check" role="note">/);
  });

  it('answers 404 with an HTML page for an unknown lesson', async () => {
    const res = await request(site.app).get('/lessons/nope').expect(404).expect('Content-Type', /html/);
    assert.match(res.text, /Page not found/);
  });

  it('answers 404 for an unknown path', async () => {
    await request(site.app).get('/no/such/page').expect(404);
  });
});

describe('running a cell without JavaScript', () => {
  it('saves the edited scenario, redirects to the cell, and shows the new output after reload', async () => {
    const { agent, token } = await visitLesson();
    const input = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings-xyz\n';
    const res = await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input, action: 'run' }).expect(303);
    assert.equal(res.headers.location, '/lessons/architecture#cell-two-pods');
    const page = await agent.get('/lessons/architecture').expect(200);
    assert.match(page.text, /name: settings-xyz/);
    assert.match(page.text, /&quot;settings-xyz&quot;/);
    assert.match(page.text, /your edited version \(saved\) · 1 run</, 'one run, singular (issue 13, point 12)');
  });

  it('shows a YAML error next to the cell with its line, keeps the edit, and escapes the learner input', async () => {
    const { agent, token } = await visitLesson();
    const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: <script>x</script>\n  bad: [1,\n';
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input }).expect(303);
    const page = await agent.get('/lessons/architecture').expect(200);
    assert.match(page.text, /The scenario cannot run/);
    assert.match(page.text, /YAML syntax error/);
    assert.ok(!page.text.includes('<script>x</script>'));
    assert.match(page.text, /&lt;script&gt;x&lt;\/script&gt;/);
  });

  it('reset forgets the edit and shows the default scenario again', async () => {
    const { agent, token } = await visitLesson();
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input: 'apiVersion: v1\nkind: Pod\nmetadata: {name: zzz-edited}\n' }).expect(303);
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, action: 'reset' }).expect(303);
    const page = await agent.get('/lessons/architecture').expect(200);
    assert.ok(!page.text.includes('zzz-edited'));
    assert.match(page.text, /default scenario/);
  });

  it('refuses a form post without a valid CSRF token with 403', async () => {
    const { agent } = await visitLesson();
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ input: 'x: 1' }).expect(403);
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: 'forged.token', input: 'x: 1' }).expect(403);
    // A token belongs to its learner: another browser's token does not work here.
    const other = await visitLesson();
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: other.token, input: 'x: 1' }).expect(403);
  });
});

describe('answering a quiz without JavaScript', () => {
  it('stores the attempt and shows right/wrong, the correct answer, the explanations and the follow-up', async () => {
    const { agent, token } = await visitLesson();
    await agent.post('/lessons/architecture/quizzes/port/answer').type('form').send({ _csrf: token, answer: '0' }).expect(303);
    const page = await agent.get('/lessons/architecture').expect(200);
    assert.match(page.text, /✘ Not quite\./);
    assert.match(page.text, /That was the insecure port, removed in 1\.20\./);
    assert.match(page.text, /The insecure port is gone\./);
    assert.match(page.text, /What replaced --insecure-port\?/);
    assert.match(page.text, /<input type="radio" name="answer" value="0" checked required>/);
  });

  it('takes several ticked boxes for a multiple-choice question', async () => {
    const { agent, token } = await visitLesson();
    await agent.post('/lessons/architecture/quizzes/components/answer').type('form').send(`_csrf=${encodeURIComponent(token)}&answer=0&answer=1`).expect(303);
    const progress = await agent.get('/api/progress').expect(200);
    assert.equal(progress.body.chapters[0].correct, 1);
  });

  it('lists a missed question on the progress page, linking back to it', async () => {
    const { agent, token } = await visitLesson();
    await agent.post('/lessons/architecture/quizzes/exit-code/answer').type('form').send({ _csrf: token, answer: '1' }).expect(303);
    const page = await agent.get('/progress').expect(200);
    assert.match(page.text, /<a href="\/lessons\/architecture#cell-exit-code">/);
  });
});

describe('progress import form', () => {
  it('imports an uploaded file and reports what it imported', async () => {
    const source = request.agent(site.app);
    await source.post('/api/quizzes/architecture/port/answers').send({ answer: 1 }).expect(200);
    const file = (await source.get('/api/progress/export').expect(200)).text;
    const agent = request.agent(site.app);
    const page = await agent.get('/progress').expect(200);
    const res = await agent
      .post('/progress/import')
      .field('_csrf', csrfFrom(page.text))
      .attach('file', Buffer.from(file), { filename: 'progress.json', contentType: 'application/json' })
      .expect(303);
    assert.equal(res.headers.location, '/progress?imported=0,1');
    const after = await agent.get(res.headers.location).expect(200);
    assert.match(after.text, /Imported 0 edited cells and 1 answer\./, 'plurals through Intl.PluralRules (issue 13, point 12)');

    // The same file again adds nothing: it says so.
    const again = await agent
      .post('/progress/import')
      .field('_csrf', csrfFrom(after.text))
      .attach('file', Buffer.from(file), { filename: 'progress.json', contentType: 'application/json' })
      .expect(303);
    assert.equal(again.headers.location, '/progress?imported=0,0');
    const upToDate = await agent.get(again.headers.location).expect(200);
    assert.match(upToDate.text, /Already up to date/);
    assert.doesNotMatch(upToDate.text, /Imported 0/);
    const zh = await agent.get(again.headers.location).set('Cookie', 'kn_lang=zh').expect(200);
    assert.match(zh.text, /已是最新/);
  });

  it('reports a file that is not JSON without losing anything', async () => {
    const agent = request.agent(site.app);
    const page = await agent.get('/progress').expect(200);
    const res = await agent
      .post('/progress/import')
      .field('_csrf', csrfFrom(page.text))
      .attach('file', Buffer.from('not json'), { filename: 'x.json', contentType: 'application/json' })
      .expect(303);
    const after = await agent.get(res.headers.location).expect(200);
    assert.match(after.text, /the file is not valid JSON/);
  });
});

describe('preferences', () => {
  it('switches the UI language with a form, then Accept-Language when none is chosen', async () => {
    const zh = await request(site.app).get('/').set('Accept-Language', 'zh-CN,zh;q=0.9,en;q=0.5').expect(200);
    assert.match(zh.text, /<html lang="zh-CN"/);
    assert.match(zh.text, /课程/);
    const agent = request.agent(site.app);
    const page = await agent.get('/').expect(200);
    await agent.post('/preferences').type('form').send({ _csrf: csrfFrom(page.text), lang: 'zh', return: '/progress' }).expect(303).expect('Location', '/progress');
    const after = await agent.get('/').set('Accept-Language', 'en').expect(200);
    assert.match(after.text, /<html lang="zh-CN"/);
  });

  it('remembers the theme and never redirects off-site', async () => {
    const agent = request.agent(site.app);
    const page = await agent.get('/').expect(200);
    await agent.post('/preferences').type('form').send({ _csrf: csrfFrom(page.text), theme: 'dark', return: '//evil.example/' }).expect(303).expect('Location', '/');
    const after = await agent.get('/').expect(200);
    assert.match(after.text, /data-theme="dark"/);
    await agent.post('/preferences').type('form').send({ _csrf: csrfFrom(page.text), theme: 'purple' }).expect(400);
  });
});

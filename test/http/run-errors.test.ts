// Run errors without JavaScript (issue 13, points 2 and 5): every way a run can
// fail comes back as the lesson page with the error in place at the cell (its
// message, field, and the snippet with one line of context either side), never
// a bare "Something went wrong" page. With JavaScript the cell routes answer the
// error's HTML too, so the page script can put it in place of the output.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import request from 'supertest';
import { csrfFrom, startTestSite } from '../support/site.ts';
import type { Site } from '../../server/boot.ts';

let site: Site;
before(async () => {
  site = await startTestSite({ config: { runsPerMinutePerLearner: 5 } });
});
after(() => site.close());

async function visitLesson() {
  const agent = request.agent(site.app);
  const page = await agent.get('/lessons/architecture').expect(200);
  return { agent, token: csrfFrom(page.text) };
}

/** The sim cell two-pods as rendered on a page. */
function cellOf(html: string): { textarea: string; error: string } {
  const start = html.indexOf('<section class="cell cell-sim" id="cell-two-pods"');
  assert.ok(start >= 0, 'the cell is on the page');
  const section = html.slice(start, html.indexOf('</section>', start));
  const textarea = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(section)![1];
  const output = section.slice(section.indexOf('<div class="sim-output"'));
  return { textarea, error: /<div class="sim-error"[\s\S]*<\/div>/.exec(output)?.[0] ?? '' };
}

/** The page is the lesson page, not the bare error page. */
function assertLessonPage(html: string): void {
  assert.match(html, /<h1>Fixture lesson: inventory<\/h1>/);
  assert.doesNotMatch(html, /Something went wrong/);
}

describe('a run that fails, without JavaScript', () => {
  const cases: { name: string; input: string; status: number; message: RegExp; textarea: RegExp }[] = [
    { name: 'an empty scenario', input: '  \n', status: 400, message: /The scenario is empty: write or paste Kubernetes YAML/, textarea: /^  \n$/ },
    {
      name: 'a scenario over the 200,000-character limit (but under the body limit)',
      input: `# ${'x'.repeat(200_001)}`,
      status: 400,
      message: /longer than 200,000 characters/,
      textarea: /^# x{200001}$/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: the lesson page, status ${c.status}, the error at the cell and the text as sent, not saved`, async () => {
      const { agent, token } = await visitLesson();
      const res = await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input: c.input, action: 'run' });
      assert.match(res.text, /<form class="sim-form" method="post" action="\/lessons\/architecture\/cells\/two-pods\/run#cell-two-pods">/, 'the form posts to the cell\'s anchor: the browser lands on it');
      assert.equal(res.status, c.status);
      assertLessonPage(res.text);
      const { textarea, error } = cellOf(res.text);
      assert.match(error, c.message);
      assert.match(error, /was not saved/);
      assert.match(textarea, c.textarea);
      // Nothing was saved: the page itself still holds the default scenario.
      const again = await agent.get('/lessons/architecture').expect(200);
      assert.match(cellOf(again.text).textarea, /name: web-0/);
      assert.equal(cellOf(again.text).error, '');
    });
  }

  it('in the learner’s language: an empty scenario in Chinese', async () => {
    const { agent, token } = await visitLesson();
    const res = await agent.post('/lessons/architecture/cells/two-pods/run').set('Accept-Language', 'zh-CN').type('form').send({ _csrf: token, input: '', action: 'run' }).expect(400);
    assert.match(cellOf(res.text).error, /场景是空的/);
    assert.match(cellOf(res.text).error, /场景无法运行/);
  });

  it('a body over 256 KiB: the lesson page, 413, the error at the cell, the editor holding the saved scenario', async () => {
    const { agent, token } = await visitLesson();
    const res = await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input: 'x'.repeat(300_000), action: 'run' });
    assert.equal(res.status, 413);
    assertLessonPage(res.text);
    const { textarea, error } = cellOf(res.text);
    assert.match(error, /larger than the 256 KiB a run accepts/);
    assert.match(textarea, /name: web-0/);
  });

  it('a stale form (bad CSRF token): the lesson page, 403, the error at the cell saying to reload', async () => {
    const { agent } = await visitLesson();
    const res = await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: 'stale', input: 'kind: Pod\n', action: 'run' });
    assert.equal(res.status, 403);
    assertLessonPage(res.text);
    assert.match(cellOf(res.text).error, /This form has expired[\s\S]*reload the page/);
    assert.equal(cellOf(res.text).textarea, 'kind: Pod\n', 'the text as sent');
  });

  it('the rate limit: the lesson page, 429 with Retry-After, the error at the cell', async () => {
    const { agent, token } = await visitLesson();
    let res;
    for (let i = 0; i < 6; i++) {
      res = await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input: `# run ${i}\nkind: Pod\nmetadata:\n  name: a\n`, action: 'run' });
    }
    assert.equal(res!.status, 429);
    assert.ok(res!.headers['retry-after']);
    assertLessonPage(res!.text);
    assert.match(cellOf(res!.text).error, /Too many runs in a minute: wait \d+ s and run again/);
  });

  it('a validation error is saved and shown at the cell after the redirect: message, field, and one line either side', async () => {
    const { agent, token } = await visitLesson();
    const input = 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\n';
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input, action: 'run' }).expect(303).expect('Location', '/lessons/architecture#cell-two-pods');
    const page = await agent.get('/lessons/architecture').expect(200);
    const { error } = cellOf(page.text);
    assert.match(error, /line 3, column 1/);
    assert.match(error, /metadata\.name: Required value/);
    assert.match(error, /<code>metadata\.name<\/code>/, 'the field path');
    assert.match(error, /data-line="3" data-column="1"/, 'for the editor to mark');
    const lines = [...error.matchAll(/<span class="lineno" aria-hidden="true">(\d+)<\/span>/g)].map((m) => Number(m[1]));
    assert.deepEqual(lines, [2, 3, 4], 'the line before and the line after');
    assert.match(error, /<span class="snippet-line hit">.*<mark class="at">m<\/mark>etadata:/);
  });

  it('a YAML syntax error likewise', async () => {
    const { agent, token } = await visitLesson();
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input: 'kind: Pod\nmetadata: [\n  name: a\n', action: 'run' }).expect(303);
    const page = await agent.get('/lessons/architecture').expect(200);
    assertLessonPage(page.text);
    assert.match(cellOf(page.text).error, /The scenario cannot run/);
    assert.match(cellOf(page.text).error, /class="snippet-line hit"/);
  });
});

describe('a run that fails, as the page script asks for it', () => {
  it('an empty scenario answers 400 with the error rendered, to replace the output', async () => {
    const { agent } = await visitLesson();
    const res = await agent.post('/api/lessons/architecture/cells/two-pods/run?only=html').send({ input: '' }).expect(400);
    assert.equal(res.body.ok, false);
    assert.match(res.body.error.message, /the scenario is empty/, 'the API keeps its message');
    assert.match(res.body.html, /class="sim-error"[\s\S]*The scenario is empty: write or paste/);
  });
});

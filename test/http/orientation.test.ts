// Orientation (issue 13, point 10): the home page says where to start and
// lists the ready chapters before the planned ones; Contents lists each
// section's cells by their titles, marked done, missed or not tried yet, in
// both languages and without JavaScript.
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

/** The Contents of a lesson page: each cell item's mark and text. */
function contents(html: string): { mark: string; text: string; href: string }[] {
  const toc = /<aside class="lesson-toc"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
  return [...toc.matchAll(/<li class="toc-cell toc-\w+ mark-(\w+)"><a href="([^"]+)">([\s\S]*?)<\/a><\/li>/g)].map((m) => ({
    mark: m[1],
    href: m[2],
    text: m[3].replace(/<[^>]+>/g, ''),
  }));
}

describe('home page orientation', () => {
  it('tells a newcomer where to start and lists the ready chapters before the planned ones', async () => {
    const res = await request(site.app).get('/').expect(200);
    assert.match(res.text, /<a class="button" href="\/lessons\/architecture">Start here: Fixture lesson: inventory →<\/a>/);
    const ready = res.text.indexOf('<h3><a href="/lessons/architecture">');
    const planned = res.text.indexOf('Coming later');
    assert.ok(ready > 0 && planned > ready, 'ready chapters come first');
    assert.ok(res.text.indexOf('<span class="badge">planned</span>') > planned, 'every planned chapter is under "Coming later"');
    const zh = await request(site.app).get('/').set('Cookie', 'kn_lang=zh').expect(200);
    assert.match(zh.text, /从这里开始/);
    assert.match(zh.text, /后续章节/);
  });

  it('offers to continue instead, once the learner has opened a lesson', async () => {
    const agent = request.agent(site.app);
    await agent.get('/').expect(200);
    await agent.get('/lessons/architecture').expect(200);
    const home = await agent.get('/').expect(200);
    assert.match(home.text, /Continue where you left off/);
    assert.doesNotMatch(home.text, /Start here/);
  });
});

describe('Contents', () => {
  it('lists the cells under their sections by title, not by id, all not tried yet for a newcomer', async () => {
    const page = await request(site.app).get('/lessons/architecture').expect(200);
    const cells = contents(page.text);
    assert.ok(cells.length >= 5, `${cells.length} cells in Contents`);
    assert.ok(cells.every((c) => c.mark === 'untried'));
    const port = cells.find((c) => c.href === '#cell-port');
    assert.equal(port?.text, 'not tried yet: ? Which port does the API server usually serve HTTPS on?');
    // The cells sit inside their section: "Conceptual" holds the port quiz.
    const toc = /<aside class="lesson-toc"[\s\S]*?<\/aside>/.exec(page.text)![0];
    const section = toc.slice(toc.indexOf('#conceptual'));
    assert.ok(section.includes('#cell-port') && !section.includes('#cell-how-many'));
  });

  it('marks a quiz missed after a wrong first answer (even once answered right), right first time done, and a run simulation done', async () => {
    const agent = request.agent(site.app);
    const token = csrfFrom((await agent.get('/lessons/architecture').expect(200)).text);
    await agent.post('/lessons/architecture/quizzes/port/answer').type('form').send({ _csrf: token, answer: '0' }).expect(303);
    await agent.post('/lessons/architecture/quizzes/port/answer').type('form').send({ _csrf: token, answer: '1' }).expect(303);
    await agent.post('/lessons/architecture/cells/two-pods/run').type('form').send({ _csrf: token, input: 'apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n', action: 'run' }).expect(303);
    const cells = contents((await agent.get('/lessons/architecture').expect(200)).text);
    assert.equal(cells.find((c) => c.href === '#cell-port')?.mark, 'missed');
    assert.equal(cells.find((c) => c.href === '#cell-two-pods')?.mark, 'done');
    assert.equal(cells.find((c) => c.href === '#cell-components')?.mark, 'untried');
    const zh = contents((await agent.get('/zh/lessons/architecture').expect(200)).text);
    assert.match(zh.find((c) => c.href === '#cell-port')?.text ?? '', /^答错过: /);
  });
});

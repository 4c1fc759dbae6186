// Chinese lessons: a learner whose language is zh (the language switch, or
// Accept-Language) reads zh.md; everyone else reads en.md; a chapter without
// zh.md falls back to English with a notice; and a quiz grades the same in
// both languages. The site runs on a copy of the fixture chapter (en.md and
// zh.md) plus a second chapter that has only en.md.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../server/config.ts';
import { bootSite, type Site } from '../../server/boot.ts';
import { openDatabase } from '../../server/db/open.ts';
import { engines } from '../support/fixture-engines.ts';
import { csrfFrom, FIXTURE_CONTENT, FIXTURE_ENGINE_MODULE } from '../support/site.ts';

const UNTRANSLATED = `---
title: "Untranslated fixture chapter"
summary: "A chapter that has no zh.md yet."
order: 2
sources:
  - "001: how a Pod and a Service are created (lines 435-470)"
tags: [fixture]
---

English only, for now.

\`\`\`sim inventory id=one-pod
apiVersion: v1
kind: Pod
metadata:
  name: solo
\`\`\`
`;

const ZH_NOTICE = '本章尚未翻译，暂时显示英文版。';
const EN_NOTICE = 'This chapter is not translated yet; showing the English version.';
const ZH_CHROME = 'zh-CN,zh;q=0.9,en;q=0.5';

let site: Site;
let contentDir: string;
before(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'kn-zh-'));
  cpSync(join(FIXTURE_CONTENT, '01-architecture'), join(contentDir, '01-architecture'), { recursive: true });
  mkdirSync(join(contentDir, '02-pod-creation'));
  writeFileSync(join(contentDir, '02-pod-creation', 'en.md'), UNTRANSLATED);
  const config = { ...loadConfig({}), workers: 1, dataDir: ':memory:' };
  site = await bootSite({ config, engines, engineModules: [FIXTURE_ENGINE_MODULE], contentDir, db: openDatabase({ dataDir: ':memory:' }) });
});
after(async () => {
  await site.close();
  rmSync(contentDir, { recursive: true, force: true });
});

describe('the lesson in the learner’s language', () => {
  it('serves zh.md to a browser that asks for Chinese (Accept-Language: zh-CN)', async () => {
    // The lesson's English-form URL sends a Chinese reader to its Chinese form.
    await request(site.app).get('/lessons/architecture').set('Accept-Language', ZH_CHROME).expect(302).expect('Location', '/zh/lessons/architecture');
    const res = await request(site.app).get('/zh/lessons/architecture').set('Accept-Language', ZH_CHROME).expect(200);
    assert.match(res.text, /<html lang="zh-CN"/);
    assert.match(res.text, /<h1>测试课程：清点对象<\/h1>/);
    assert.match(res.text, /一段中文正文/);
    assert.match(res.text, /API server 通常在哪个端口提供 HTTPS？/);
    assert.doesNotMatch(res.text, /Fixture lesson: inventory|Some prose with/, 'no English lesson text');
    assert.ok(!res.text.includes(ZH_NOTICE), 'a translated chapter has no "translation missing" notice');

    const api = await request(site.app).get('/api/lessons/architecture').set('Accept-Language', 'zh-CN').expect(200);
    assert.equal(api.body.lang, 'zh');
    assert.equal(api.body.title, '测试课程：清点对象');
  });

  it('serves en.md to a browser that asks for English, and to one that names no language', async () => {
    for (const language of ['en-US,en;q=0.9', undefined]) {
      const req = request(site.app).get('/lessons/architecture');
      const res = await (language ? req.set('Accept-Language', language) : req).expect(200);
      assert.match(res.text, /<h1>Fixture lesson: inventory<\/h1>/, String(language));
      assert.match(res.text, /Which port does the API server usually serve HTTPS on\?/);
      assert.doesNotMatch(res.text, /测试课程|一段中文正文/, 'no Chinese lesson text');
      assert.ok(!res.text.includes(EN_NOTICE));
    }
  });

  it('follows the language switch over Accept-Language, both ways', async () => {
    const agent = request.agent(site.app);
    const home = await agent.get('/').expect(200);
    // The switch comes back to the lesson in the language form of its URL.
    await agent.post('/preferences').type('form').send({ _csrf: csrfFrom(home.text), lang: 'zh', return: '/lessons/architecture' }).expect(303).expect('Location', '/zh/lessons/architecture');
    await agent.get('/lessons/architecture').set('Accept-Language', 'en').expect(302).expect('Location', '/zh/lessons/architecture');
    const zh = await agent.get('/zh/lessons/architecture').set('Accept-Language', 'en').expect(200);
    assert.match(zh.text, /<h1>测试课程：清点对象<\/h1>/);

    await agent.post('/preferences').type('form').send({ _csrf: csrfFrom(zh.text), lang: 'en', return: '/zh/lessons/architecture#cell-port' }).expect(303).expect('Location', '/lessons/architecture#cell-port');
    const en = await agent.get('/lessons/architecture').set('Accept-Language', ZH_CHROME).expect(200);
    assert.match(en.text, /<h1>Fixture lesson: inventory<\/h1>/);
  });
});

describe('a chapter without zh.md', () => {
  it('shows the English lesson to a Chinese reader, with the "translation missing" notice in Chinese', async () => {
    const res = await request(site.app).get('/zh/lessons/pod-creation').set('Accept-Language', ZH_CHROME).expect(200);
    assert.match(res.text, /<html lang="zh-CN"/);
    assert.match(res.text, /<h1>Untranslated fixture chapter<\/h1>/);
    assert.match(res.text, /English only, for now\./);
    assert.ok(res.text.includes(`<p class="notice">${ZH_NOTICE}</p>`), 'the notice says the chapter is not translated yet');

    const api = await request(site.app).get('/api/lessons/pod-creation').set('Accept-Language', ZH_CHROME).expect(200);
    assert.equal(api.body.lang, 'en', 'the API says which language it answered in');
  });

  it('shows no notice to an English reader', async () => {
    const res = await request(site.app).get('/lessons/pod-creation').set('Accept-Language', 'en').expect(200);
    assert.match(res.text, /<h1>Untranslated fixture chapter<\/h1>/);
    assert.ok(!res.text.includes(EN_NOTICE) && !res.text.includes(ZH_NOTICE));
  });
});

describe('grading in Chinese', () => {
  // Every quiz of the fixture, a right and a wrong answer each (answers are choice indexes, text or numbers).
  const answers: [string, unknown][] = [
    ['how-many', 2],
    ['how-many', 3],
    ['second-namespace', 1],
    ['second-namespace', 2],
    ['kinds', [0]],
    ['kinds', [0, 1]],
    ['port', 1],
    ['port', 0],
    ['components', [0, 1]],
    ['components', [2]],
    ['reason', 'OOMKilled'],
    ['reason', 'Evicted'],
    ['exit-code', 137],
    ['exit-code', 143],
  ];
  const post = (lang: string, cellId: string, answer: unknown) =>
    request(site.app).post(`/api/quizzes/architecture/${cellId}/answers`).set('Accept-Language', lang).send({ answer }).expect(200);

  for (const [cellId, answer] of answers) {
    it(`grades ${cellId} = ${JSON.stringify(answer)} the same in zh as in en, explaining in Chinese`, async () => {
      const en = await post('en', cellId, answer);
      const zh = await post(ZH_CHROME, cellId, answer);
      assert.deepEqual(
        { correct: zh.body.correct, expected: zh.body.expected, answer: zh.body.answer },
        { correct: en.body.correct, expected: en.body.expected, answer: en.body.answer },
      );
      assert.match(zh.body.explanation, /[\u4e00-\u9fff]/, 'the explanation comes from zh.md');
      assert.doesNotMatch(en.body.explanation, /[\u4e00-\u9fff]/);
      if (en.body.choices) {
        assert.deepEqual(
          zh.body.choices.map((c: { correct: boolean; chosen: boolean }) => [c.correct, c.chosen]),
          en.body.choices.map((c: { correct: boolean; chosen: boolean }) => [c.correct, c.chosen]),
        );
      }
    });
  }

  it('keeps a Chinese answer on progress: the same attempt counts in both languages', async () => {
    const agent = request.agent(site.app);
    const page = await agent.get('/zh/lessons/architecture').set('Accept-Language', ZH_CHROME).expect(200);
    await agent
      .post('/lessons/architecture/quizzes/port/answer')
      .set('Accept-Language', ZH_CHROME)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), answer: '1' })
      .expect(303)
      .expect('Location', '/zh/lessons/architecture#cell-port');
    // Back to English with the switch (opening the /zh form chose Chinese for this learner).
    await agent.post('/preferences').type('form').send({ _csrf: csrfFrom(page.text), lang: 'en', return: '/' }).expect(303);
    const progress = await agent.get('/api/progress').set('Accept-Language', ZH_CHROME).expect(200);
    const chapter = progress.body.chapters.find((c: { slug: string }) => c.slug === 'architecture');
    assert.equal(chapter.title, 'Fixture lesson: inventory');
    assert.equal(chapter.correct, 1, 'the answer given in Chinese is right in English too');
  });
});

describe('a lesson’s URL per language (/lessons/<slug> and /zh/lessons/<slug>)', () => {
  it('links the two forms to each other with hreflang, whichever is open', async () => {
    for (const path of ['/lessons/architecture', '/zh/lessons/architecture']) {
      const res = await request(site.app).get(path).expect(200);
      assert.match(res.text, /<link rel="alternate" hreflang="en" href="\/lessons\/architecture">/, path);
      assert.match(res.text, /<link rel="alternate" hreflang="zh-CN" href="\/zh\/lessons\/architecture">/, path);
      assert.match(res.text, /<link rel="alternate" hreflang="x-default" href="\/lessons\/architecture">/, path);
    }
    const home = await request(site.app).get('/').expect(200);
    assert.doesNotMatch(home.text, /hreflang/, 'only lessons have language forms');
  });

  it('opening the Chinese form chooses Chinese for the learner: the pages it links to stay Chinese, in their /zh form', async () => {
    const agent = request.agent(site.app);
    const zh = await agent.get('/zh/lessons/architecture').set('Accept-Language', 'en').expect(200);
    assert.match(String(zh.headers['set-cookie']), /kn_lang=zh/);
    assert.match(zh.text, /<html lang="zh-CN"/);
    const home = await agent.get('/').set('Accept-Language', 'en').expect(200);
    assert.match(home.text, /<html lang="zh-CN"/);
    assert.match(home.text, /href="\/zh\/lessons\/architecture"/, 'the home page links to the Chinese form');
    // Prefixed pages that are not lessons are served too, in Chinese.
    const progress = await request(site.app).get('/zh/progress').set('Accept-Language', 'en').expect(200);
    assert.match(progress.text, /<html lang="zh-CN"/);
    await request(site.app).get('/zh').expect(200);
    await request(site.app).get('/zh?x=1').expect(200);
  });

  it('answers an unknown lesson with 404 in either form, not a redirect to one', async () => {
    await request(site.app).get('/lessons/no-such-lesson').set('Accept-Language', ZH_CHROME).expect(404);
    await request(site.app).get('/zh/lessons/no-such-lesson').expect(404);
    await request(site.app).get('/zhx/lessons/architecture').expect(404);
  });
});

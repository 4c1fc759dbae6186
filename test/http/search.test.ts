// Search without JavaScript (issue 13): /search?q= over the real lessons and
// notes finds an English term and a two-character Chinese term, links its hits
// to the lesson's cell or section and to the note's line, and answers a page
// (never a 500) for FTS5 syntax, very long input and odd parameters.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import request from 'supertest';
import { startTestSite } from '../support/site.ts';
import { loadConfig } from '../../server/config.ts';
import type { Site } from '../../server/boot.ts';

const HAS_NOTES = existsSync(loadConfig({}).notesDir);

let site: Site;
before(async () => {
  site = await startTestSite({ real: true });
});
after(() => site.close());

const hits = (html: string) => [...html.matchAll(/<li><a href="([^"]+)">([^<]*)<\/a>/g)].map((m) => ({ href: m[1].replace(/&#x3D;/g, '='), title: m[2] }));

describe('GET /search', () => {
  it('finds an English term in the lessons, best first, with the term marked in the snippet', async () => {
    const res = await request(site.app).get('/search?q=toleration').expect(200).expect('Content-Type', /html/);
    const found = hits(res.text);
    assert.ok(found.length >= 3, `${found.length} hits`);
    assert.ok(found.every((h) => h.href.startsWith('/lessons/') || h.href.startsWith('/notes/')));
    assert.ok(found.filter((h) => h.href.startsWith('/lessons/scheduler#')).length >= 3, 'the scheduler lesson, where tolerations are taught');
    assert.match(res.text, /<mark>[Tt]oleration/);
    // The anchor a hit links to is on the lesson page.
    const [path, anchor] = found[0].href.split('#');
    const lesson = await request(site.app).get(path).expect(200);
    assert.match(lesson.text, new RegExp(`id="${anchor}"`));
  });

  it('finds a two-character Chinese term (调度) in the Chinese lessons and, when present, the notes', async () => {
    const res = await request(site.app).get(`/search?q=${encodeURIComponent('调度')}`).set('Cookie', 'kn_lang=zh').expect(200);
    const found = hits(res.text);
    const lessons = found.filter((h) => h.href.startsWith('/zh/lessons/scheduler'));
    assert.ok(lessons.length >= 5, `${lessons.length} scheduler hits`);
    assert.match(res.text, /<mark>调度<\/mark>/);
    // 调度 is everywhere in the scheduler chapter: the list is the best 20, and says so.
    assert.match(res.text, /课程中 <span class="muted">· 最相关的 20 条<\/span>/);
    if (HAS_NOTES) {
      const note = found.find((h) => h.href.startsWith('/notes/'));
      assert.ok(note, 'a note line');
      assert.match(note.href, /^\/notes\/\d{3}\?lines=(\d+)#L\1$/);
      assert.match(note.title, /^笔记 \d{3}，第 \d+ 行$/);
      const page = await request(site.app).get(note.href.split('#')[0]).expect(200);
      const line = note.href.split('#L')[1];
      assert.match(new RegExp(`<li id="L${line}" class="marked">[\\s\\S]*?</li>`).exec(page.text)?.[0] ?? '', /调度/);
    }
  });

  it('searches the lessons in the learner’s language: an English page does not list Chinese prose', async () => {
    const res = await request(site.app).get(`/search?q=${encodeURIComponent('调度器')}`).expect(200);
    assert.ok(hits(res.text).every((h) => h.href.startsWith('/notes/')), 'only note lines match Chinese words in English');
  });

  const hostile: [string, string][] = [
    ['FTS5 syntax', '"unbalanced AND ( NEAR(x y, -1) * title:pod ^'],
    ['only operators', '*'],
    ['a very long query', 'pod kubelet '.repeat(400)],
    ['HTML', '<script>alert(1)</script>'],
    ['SQL', "'; DROP TABLE docs; --"],
    ['control characters', '\u0000\u0001pod'],
  ];
  for (const [name, q] of hostile) {
    it(`answers a page, never a 500, for ${name}`, async () => {
      const res = await request(site.app).get(`/search?q=${encodeURIComponent(q)}`).expect(200);
      assert.doesNotMatch(res.text, /<script>alert/);
    });
  }

  it('says the query was cut when it is over 200 characters, and asks for a word when there is none', async () => {
    const long = await request(site.app).get(`/search?q=${'pod '.repeat(100)}`).expect(200);
    assert.match(long.text, /longer than 200 characters/);
    const empty = await request(site.app).get('/search?q=*').expect(200);
    assert.match(empty.text, /Type a word or two/);
    await request(site.app).get('/search?q=a&q=b').expect(200);
    await request(site.app).get('/search').expect(200);
  });

  it('every page has the search form in its header, labelled, working without JavaScript', async () => {
    for (const path of ['/', '/lessons/scheduler', '/progress', '/search?q=pod']) {
      const res = await request(site.app).get(path).expect(200);
      assert.match(res.text, /<form class="site-search" role="search" action="\/search" method="get">/, path);
      assert.match(res.text, /<label for="site-search-q"[^>]*>Search the lessons and notes<\/label>/, path);
    }
  });
});

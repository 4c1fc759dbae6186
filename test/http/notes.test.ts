// The source notes as pages (issue 13, point 11): /notes/ lists them, /notes/NNN
// shows one with a line anchor per line, and every note check in every lesson
// links to lines that exist and hold what it cites. Without the notes folder
// (a clean clone) the pages answer 404 with a reason, and lessons still load.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import request from 'supertest';
import { startTestSite } from '../support/site.ts';
import { loadConfig } from '../../server/config.ts';
import type { Site } from '../../server/boot.ts';

const NOTES_DIR = loadConfig({}).notesDir;
const NO_NOTES = existsSync(NOTES_DIR) ? false : `the notes are not at ${NOTES_DIR} (they live beside the project, in ../shared/notes)`;

/** The text of line n of a note page, tags stripped. */
function lineText(html: string, n: number): string | undefined {
  const m = new RegExp(`<li id="L${n}"[^>]*>([\\s\\S]*?)</li>`).exec(html);
  return m?.[1].replace(/<a class="ln"[^>]*>\d+<\/a>/, '').replace(/<[^>]+>/g, '');
}

describe('the notes as pages', { skip: NO_NOTES }, () => {
  let site: Site;
  before(async () => {
    site = await startTestSite({ real: true });
  });
  after(() => site.close());

  it('lists the five notes at /notes/, each linking to its page', async () => {
    const res = await request(site.app).get('/notes/').expect(200);
    for (const id of ['000', '001', '002', '003', '004']) assert.match(res.text, new RegExp(`<a href="/notes/${id}">Note ${id}</a>`));
    const zh = await request(site.app).get('/notes/').set('Cookie', 'kn_lang=zh').expect(200);
    assert.match(zh.text, /<a href="\/notes\/001">笔记 001<\/a>/);
  });

  it('shows a note with one anchor per line, marking the cited lines and escaping the note’s HTML', async () => {
    const res = await request(site.app).get('/notes/001?lines=394-399').expect(200);
    assert.match(lineText(res.text, 398) ?? '', /API server把创建新pod的需求传给scheduler/);
    assert.match(res.text, /<li id="L394" class="marked">/);
    assert.match(res.text, /<li id="L399" class="marked">/);
    assert.doesNotMatch(res.text, /<li id="L400" class="marked">/);
    // Line 22 of note 001 has a <mark> tag: shown as text, never as markup.
    assert.match(lineText(res.text, 22) ?? '', /&lt;mark&gt;/);
    assert.doesNotMatch(res.text, /<mark>多个/);
  });

  it('sends the file’s own name to the short address, keeping the query, and answers 404 for a note that does not exist', async () => {
    const file = site.notes.byId.get('001')!.file;
    await request(site.app).get(`/notes/${file}?lines=5`).expect(301).expect('Location', '/notes/001?lines=5');
    const missing = await request(site.app).get('/notes/999').expect(404);
    assert.match(missing.text, /Page not found|not found/i);
    await request(site.app).get('/notes/..%2F..%2Fetc%2Fpasswd').expect(404);
    await request(site.app).get('/notes/001?lines=1-99999999999,abc,' + 'x'.repeat(5000)).expect(200);
  });

  it('the 06-scheduler note check (zh) links to the lines it quotes, and they hold the quoted words', async () => {
    const lesson = await request(site.app).get('/zh/lessons/scheduler').expect(200);
    const link = /<a class="note-ref" href="(\/notes\/001\?lines=394-399#L394)">001，第 394-399 行<\/a>/.exec(lesson.text);
    assert.ok(link, 'the citation is a link to the lines');
    const [path, anchor] = link[1].split('#');
    const note = await request(site.app).get(path).expect(200);
    assert.match(note.text, new RegExp(`id="${anchor}"`));
    const cited = [394, 395, 396, 397, 398, 399].map((n) => lineText(note.text, n)).join('\n');
    assert.match(cited, /API server把创建新pod的需求传给scheduler/);
  });

  it('every note check of every lesson, in both languages, links to lines that exist and are not blank', async () => {
    let links = 0;
    const problems: string[] = [];
    for (const chapter of site.content.chapters) {
      for (const lang of chapter.lessons.keys()) {
        const page = await request(site.app).get(`${lang === 'zh' ? '/zh' : ''}/lessons/${chapter.slug}`).set('Cookie', `kn_lang=${lang}`).expect(200);
        const callouts = page.text.match(/<aside class="callout callout-note-check"[\s\S]*?<\/aside>/g) ?? [];
        assert.ok(callouts.length > 0, `${chapter.slug} (${lang}) has note checks`);
        for (const callout of callouts) {
          const hrefs = [...callout.matchAll(/<a class="note-ref" href="([^"]+)"/g)].map((m) => m[1]);
          if (!hrefs.some((h) => h.includes('#L'))) problems.push(`${chapter.slug} (${lang}): a note check cites no lines: ${callout.replace(/<[^>]+>/g, '').slice(0, 80)}`);
          for (const href of hrefs) {
            const m = /^\/notes\/(\d{3})\?lines=([\d,-]+)#L(\d+)$/.exec(href);
            if (!m) continue;
            links++;
            const note = await request(site.app).get(href.split('#')[0]).expect(200);
            const text = lineText(note.text, Number(m[3]));
            if (text === undefined) problems.push(`${href}: no line ${m[3]}`);
            const marked = [...note.text.matchAll(/<li id="L(\d+)" class="marked">/g)].map((x) => lineText(note.text, Number(x[1])) ?? '');
            if (marked.every((t) => t.trim() === '')) problems.push(`${href}: the cited lines are blank`);
          }
        }
      }
    }
    assert.deepEqual(problems, []);
    assert.ok(links >= 16, `${links} citations checked`);
  });

  it('each lesson links to the notes it draws from (its sources)', async () => {
    const res = await request(site.app).get('/lessons/scheduler').expect(200);
    assert.match(res.text, /<a href="\/notes\/000\?lines&#x3D;59-70#L59">000: the scheduler \(lines 59-70\)<\/a>/);
    assert.match(res.text, /<a href="\/notes\/">All the source notes<\/a>/);
  });
});

describe('without the notes folder', () => {
  let site: Site;
  before(async () => {
    site = await startTestSite({ real: true, config: { notesDir: '/nonexistent/notes' } });
  });
  after(() => site.close());

  it('the notes pages answer 404 saying where the notes were looked for, and lessons still load', async () => {
    const list = await request(site.app).get('/notes/').set('Accept', 'application/json').expect(404);
    assert.match(list.text, /the source notes are not on this server/);
    await request(site.app).get('/notes/001').expect(404);
    await request(site.app).get('/lessons/scheduler').expect(200);
  });
});

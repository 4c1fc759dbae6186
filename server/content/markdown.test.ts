import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isSafeUrl, LessonMarkdown, slugify } from './markdown.ts';

describe('lesson Markdown', () => {
  it('keeps only safe link schemes', () => {
    for (const ok of ['https://kubernetes.io', 'http://x', 'mailto:a@b', '/lessons/x', '#anchor', 'relative/path']) assert.ok(isSafeUrl(ok), ok);
    for (const bad of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.example/x']) assert.ok(!isSafeUrl(bad), bad);
  });

  it('makes heading anchors that keep Chinese characters, unique within a lesson', () => {
    assert.equal(slugify('Pod 生命周期 (phases)'), 'pod-生命周期-phases');
    const md = new LessonMarkdown(['cell-intro']);
    const html = md.render('## Intro\n\n## Intro\n\n### Deeper `code`\n');
    assert.match(html, /<h2 id="intro">/);
    assert.match(html, /<h2 id="intro-2">/);
    assert.deepEqual(md.toc, [
      { id: 'intro', text: 'Intro', depth: 2 },
      { id: 'intro-2', text: 'Intro', depth: 2 },
      { id: 'deeper-code', text: 'Deeper code', depth: 3 },
    ]);
  });

  it('styles callouts and escapes raw HTML', () => {
    const html = new LessonMarkdown().render('> **Note check:** wrong in the notes\n\n> **笔记纠错：** 错误\n\n<b>x</b>\n');
    assert.match(html, /<aside class="callout callout-note-check" role="note">/);
    assert.equal(html.match(/callout-note-check/g)?.length, 2);
    assert.match(html, /&lt;b&gt;x&lt;\/b&gt;/);
  });

  it('highlights YAML on the server and leaves unknown languages escaped', () => {
    const html = new LessonMarkdown().render('```yaml\nkind: Pod\n```\n\n```nope\n<x>\n```\n');
    assert.match(html, /<span class="hljs-attr">kind:<\/span>/);
    assert.match(html, /&lt;x&gt;/);
  });

  it('does not load remote images (the site works offline)', () => {
    const html = new LessonMarkdown().render('![diagram](https://example.com/a.png)');
    assert.ok(!html.includes('<img'));
  });
});

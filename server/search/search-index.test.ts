// The search index on its own: how a query becomes FTS5 terms (nothing the
// learner types reaches FTS5's syntax), CJK bigrams, and safe snippets.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bigrams, ftsQuery, htmlToText, snippet } from './search-index.ts';

describe('ftsQuery', () => {
  const cases: [string, string, string[], string][] = [
    ['an English word matches as a prefix', 'taint', ['taint'], '"taint"*'],
    ['a two-character Chinese word is one bigram token', '调度', ['调度'], '"调度"'],
    ['a longer Chinese run is the phrase of its bigrams', '调度器', ['调度器'], '"调度 度器"'],
    ['mixed words are all required', 'Pod 调度', ['pod', '调度'], '"pod"* "调度"'],
    ['FTS5 syntax is dropped: quotes, operators, stars, parentheses, columns', '"a" OR NEAR(title:x*) -b', ['or', 'near', 'title'], '"or"* "near"* "title"*'],
    ['one letter or one character alone is not searched', 'a 调 x', [], ''],
    ['punctuation only gives no terms', '"*()^:-+', [], ''],
    ['repeated words count once, case folded', 'Pod pod POD', ['pod'], '"pod"*'],
  ];
  for (const [name, query, terms, match] of cases) {
    it(name, () => assert.deepEqual(ftsQuery(query), { terms, match }));
  }

  it('keeps at most 12 terms of a very long query', () => {
    const { terms } = ftsQuery(Array.from({ length: 100 }, (_, i) => `word${i}`).join(' '));
    assert.equal(terms.length, 12);
  });
});

describe('bigrams', () => {
  it('splits each CJK run into overlapping pairs and leaves Latin text alone', () => {
    assert.equal(bigrams('kube-scheduler 调度器会 bind').replace(/\s+/g, ' ').trim(), 'kube-scheduler 调度 度器 器会 bind');
  });
  it('keeps a single CJK character as it is', () => {
    assert.equal(bigrams('a调b').replace(/\s+/g, ' ').trim(), 'a 调 b');
  });
});

describe('snippet', () => {
  it('marks every match in the window and escapes the text around it', () => {
    assert.equal(snippet('<b>taint</b> & the Taints', ['taint']), '&lt;b&gt;<mark>taint</mark>&lt;/b&gt; &amp; the <mark>Taints</mark>');
  });
  it('cuts a window around the first match with ellipses', () => {
    const text = `${'a '.repeat(300)}调度器 ${'b '.repeat(300)}`;
    const html = snippet(text, ['调度'], 60);
    assert.match(html, /^….*<mark>调度<\/mark>器.*…$/);
    assert.ok(html.length < 120);
  });
  it('never lets a term inject markup', () => {
    assert.doesNotMatch(snippet('x <script>alert(1)</script> y', ['script']), /<script>/);
  });
});

describe('htmlToText', () => {
  it('drops tags and heading anchors and decodes entities once', () => {
    assert.equal(htmlToText('<h2 id="x"><a class="anchor" href="#x">#</a>A &amp;lt; b</h2><p>c&#39;d</p>'), 'A &lt; b\nc\'d');
  });
});

// Templates never print request data unescaped: every {{{ }}} in views/ and in
// engine partials is one of these fields, each HTML the server made itself
// (lesson Markdown rendered at start-up, or a partial's escaped output).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

const SERVER_MADE_HTML: Record<string, string> = {
  body: 'the page template, rendered with {{ }} escaping',
  html: 'lesson Markdown, choice text or a line of the source notes rendered by server/content/markdown.ts at start-up, or a cell partial rendered with {{ }} escaping (the slot marker of server/views/render.ts ByteSlots)',
  promptHtml: 'a quiz prompt rendered from lesson Markdown at start-up',
  explainHtml: "a quiz explanation, or a challenge solution's explanation, rendered from lesson Markdown at start-up",
  titleHtml: 'a challenge title rendered from lesson Markdown at start-up (server/content/load-challenge.ts)',
  taskHtml: 'a challenge task rendered from lesson Markdown at start-up',
  followUpQuestionHtml: 'rendered from lesson Markdown at start-up',
  followUpAnswerHtml: 'rendered from lesson Markdown at start-up',
  expectedHtml: 'choice HTML from lesson Markdown, or escapeHtml() of the key',
  yourAnswerHtml: "choice HTML from lesson Markdown, or escapeHtml() of the learner's text",
  outputHtml: 'the sim-output partial, itself rendered with {{ }} escaping',
  snippetHtml: 'a search snippet: the text escaped by escapeHtml() in server/search/search-index.ts snippet(), then <mark> tags added around escaped matches',
};

function hbsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    if (entry === 'node_modules') return [];
    return statSync(full).isDirectory() ? hbsFiles(full) : full.endsWith('.hbs') ? [full] : [];
  });
}

test('every unescaped {{{ }}} prints HTML the server made itself', () => {
  const offenders: string[] = [];
  for (const file of [...hbsFiles(join(root, 'views')), ...hbsFiles(join(root, 'simulations'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\{\{\{\s*([^}\s]+)\s*\}\}\}/g)) {
      if (!(m[1] in SERVER_MADE_HTML)) offenders.push(`${file.slice(root.length)}: {{{${m[1]}}}}`);
    }
  }
  assert.deepEqual(offenders, []);
});

test('engine partials use no unescaped output at all', () => {
  const offenders = hbsFiles(join(root, 'simulations')).filter((f) => readFileSync(f, 'utf8').includes('{{{'));
  assert.deepEqual(offenders.map((f) => f.slice(root.length)), []);
});

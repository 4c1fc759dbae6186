// The content loader refuses broken lessons with `file:line: what is wrong`.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadContent } from '../../server/content/load.ts';
import { ContentError } from '../../server/content/content-error.ts';
import { engines } from '../support/fixture-engines.ts';

const roots: string[] = [];
after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

const FRONT = '---\ntitle: T\nsummary: S\norder: 1\nsources: ["001"]\ntags: [t]\n---\n';
const SIM = '```sim inventory id=s1\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n```\n';
const QUIZ_TAIL = 'explain: E\nfollowUp:\n  question: Q\n  answer: A\n';

function load(files: Record<string, string>, folder = '01-architecture') {
  const root = mkdtempSync(join(tmpdir(), 'kn-content-'));
  roots.push(root);
  mkdirSync(join(root, folder));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, folder, name), text);
  return loadContent({ contentDir: root, engines, rootDir: root });
}

function assertContentError(files: Record<string, string>, message: RegExp, folder?: string) {
  assert.throws(() => load(files, folder), (error: unknown) => {
    assert.ok(error instanceof ContentError, String(error));
    assert.match(error.message, message);
    return true;
  });
}

describe('content loader', () => {
  it('loads a valid lesson with its cells in order', () => {
    const content = load({ 'en.md': `${FRONT}Hello\n\n${SIM}` });
    const lesson = content.bySlug.get('architecture')!.lessons.get('en')!;
    assert.deepEqual(lesson.cells.map((c) => `${c.kind}:${c.id}`), ['markdown:text-1', 'sim:s1']);
  });

  const cases: [string, Record<string, string>, RegExp, string?][] = [
    ['a folder that is not a curriculum chapter', { 'en.md': `${FRONT}${SIM}` }, /01-nothing:0: .* is not a chapter of CURRICULUM\.md/, '01-nothing'],
    ['a missing en.md', { 'zh.md': `${FRONT}${SIM}` }, /every chapter needs en\.md/],
    ['no front matter', { 'en.md': `# Title\n${SIM}` }, /en\.md:1: a lesson must start with front matter/],
    ['an unknown front matter field', { 'en.md': FRONT.replace('tags: [t]', 'tags: [t]\nauthor: me') + SIM }, /en\.md:2: unknown front matter field "author"/],
    ['a missing sources list', { 'en.md': FRONT.replace('sources: ["001"]\n', '') + SIM }, /front matter sources is required/],
    ['an order that is not the chapter number', { 'en.md': FRONT.replace('order: 1', 'order: 3') + SIM }, /order is 3 but the folder says chapter 1/],
    ['a duplicate cell id', { 'en.md': `${FRONT}${SIM}${SIM}` }, /en\.md:14: duplicate cell id "s1"/],
    ['an unknown engine', { 'en.md': `${FRONT}\`\`\`sim nope id=x\nkind: Pod\n\`\`\`\n` }, /en\.md:8: unknown simulation engine "nope"/],
    ['a cell id with capitals', { 'en.md': `${FRONT}\`\`\`sim inventory id=Bad\nkind: Pod\n\`\`\`\n` }, /en\.md:8: cell id "Bad" must match/],
    ['an unclosed fence', { 'en.md': `${FRONT}\`\`\`sim inventory id=x\nkind: Pod\n` }, /en\.md:8: fenced block opened with ``` is never closed/],
    [
      'a default scenario that does not run, at the line of the bad field',
      { 'en.md': `${FRONT}\`\`\`sim inventory id=x\napiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\n\`\`\`\n` },
      /en\.md:11: the default scenario of "x" does not run: metadata\.name: Required value/,
    ],
    ['quiz YAML that does not parse', { 'en.md': `${FRONT}${SIM}\`\`\`quiz id=q\ntype: single\nprompt: [unclosed\n\`\`\`\n` }, /en\.md:16: quiz "q" is not valid YAML: Flow sequence/],
    ['a quiz without a follow-up', { 'en.md': `${FRONT}${SIM}\`\`\`quiz id=q\ntype: numeric\nprompt: P\nanswer: 1\nexplain: E\n\`\`\`\n` }, /en\.md:14: quiz "q": followUp: required/],
    [
      'a single-choice quiz with two correct choices',
      { 'en.md': `${FRONT}\`\`\`quiz id=q\ntype: single\nprompt: P\nchoices:\n  - {text: a, correct: true, explain: x}\n  - {text: b, correct: true, explain: y}\n${QUIZ_TAIL}\`\`\`\n${SIM}` },
      /exactly one correct choice, found 2/,
    ],
    [
      'a choice without an explanation',
      { 'en.md': `${FRONT}\`\`\`quiz id=q\ntype: single\nprompt: P\nchoices:\n  - {text: a, correct: true}\n  - {text: b, explain: y}\n${QUIZ_TAIL}\`\`\`\n${SIM}` },
      /choices\[0\]\.explain: must be a non-empty string/,
    ],
    [
      'a predict quiz naming a sim cell that does not exist',
      { 'en.md': `${FRONT}${SIM}\`\`\`quiz id=q\ntype: predict\nsim: s2\npath: count\nprompt: P\ninput: number\n${QUIZ_TAIL}\`\`\`\n` },
      /quiz "q": sim "s2" is not a sim cell of this lesson/,
    ],
    [
      'a predict path that is not in the output',
      { 'en.md': `${FRONT}${SIM}\`\`\`quiz id=q\ntype: predict\nsim: s1\npath: objects[name=zzz].kind\nprompt: P\ninput: text\n${QUIZ_TAIL}\`\`\`\n` },
      /path objects\[name=zzz\]\.kind not in the output of "s1": no element of result\.objects has name=zzz/,
    ],
    [
      'predict choices that do not contain the computed value',
      { 'en.md': `${FRONT}${SIM}\`\`\`quiz id=q\ntype: predict\nsim: s1\npath: count\nprompt: P\nchoices:\n  - {value: 2, explain: x}\n  - {value: 3, explain: y}\n${QUIZ_TAIL}\`\`\`\n` },
      /the engine computed 1 at count, which is none of the choices/,
    ],
    [
      'a translation whose cells differ',
      { 'en.md': `${FRONT}${SIM}`, 'zh.md': `${FRONT}\`\`\`sim inventory id=other\napiVersion: v1\nkind: Pod\nmetadata: {name: a}\n\`\`\`\n` },
      /zh\.md:1: cells differ from .*en\.md: expected \[sim:s1\], found \[sim:other\]/,
    ],
  ];
  for (const [name, files, message, folder] of cases) {
    it(`refuses ${name}`, () => assertContentError(files, message, folder));
  }

  it('keeps code fences inside prose as prose, even when they show a sim block', () => {
    const content = load({ 'en.md': `${FRONT}\`\`\`\`markdown\n\`\`\`sim nope id=x\n\`\`\`\n\`\`\`\`\n${SIM}` });
    const lesson = content.bySlug.get('architecture')!.lessons.get('en')!;
    assert.deepEqual(lesson.cells.map((c) => c.kind), ['markdown', 'sim']);
  });
});

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

const FRONT = '---\ntitle: T\nsummary: S\norder: 1\nsources: ["001: core components (lines 68-110)"]\ntags: [t]\n---\n';
const SIM = '```sim inventory id=s1\napiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n```\n';
const QUIZ_TAIL = 'explain: E\nfollowUp:\n  question: Q\n  answer: A\n';

function load(files: Record<string, string>, folder = '01-architecture') {
  const root = mkdtempSync(join(tmpdir(), 'kn-content-'));
  roots.push(root);
  mkdirSync(join(root, folder));
  // A name ending in "/" makes a folder; "../x" writes beside the chapter folder.
  for (const [name, text] of Object.entries(files)) {
    if (name.endsWith('/')) mkdirSync(join(root, folder, name));
    else writeFileSync(join(root, folder, name), text);
  }
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
    ['an unknown front matter field', { 'en.md': FRONT.replace('tags: [t]', 'tags: [t]\nauthor: me') + SIM }, /en\.md:7: unknown front matter field "author"/],
    ['a missing sources list', { 'en.md': FRONT.replace(/sources: .*\n/, '') + SIM }, /front matter sources is required/],
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

describe('front matter', () => {
  // Each field is reported at its own line (the front matter starts at line 2); a missing one at line 2.
  const front = (fields: Partial<Record<'title' | 'summary' | 'order' | 'sources' | 'tags', string | null>>) => {
    const base: Record<string, string> = {
      title: 'T',
      summary: 'S',
      order: '1',
      sources: '["001: core components (lines 68-110)"]',
      tags: '[t]',
    };
    const lines = Object.entries({ ...base, ...fields })
      .filter(([, v]) => v !== null)
      .map(([k, v]) => `${k}: ${v}`);
    return `---\n${lines.join('\n')}\n---\n${SIM}`;
  };
  const cases: [string, string, RegExp][] = [
    ['a missing title', front({ title: null }), /en\.md:2: front matter title is required/],
    ['an empty title', front({ title: '""' }), /en\.md:2: front matter title is required \(a non-empty string\)/],
    ['a missing summary', front({ summary: null }), /en\.md:2: front matter summary is required/],
    ['a summary that is a list', front({ summary: '[a, b]' }), /en\.md:3: front matter summary is required \(a non-empty string\)/],
    ['a missing order', front({ order: null }), /en\.md:2: front matter order is required \(the chapter number\)/],
    ['an order that is not an integer', front({ order: '1.5' }), /en\.md:4: front matter order must be an integer \(the chapter number\), got 1\.5/],
    ['an order given as text', front({ order: '"1"' }), /en\.md:4: front matter order must be an integer \(the chapter number\), got "1"/],
    ['missing tags', front({ tags: null }), /en\.md:2: front matter tags is required: a list of tags/],
    ['an empty tags list', front({ tags: '[]' }), /en\.md:6: front matter tags must be a non-empty list/],
    ['tags given as one string', front({ tags: 'pods' }), /en\.md:6: front matter tags must be a non-empty list/],
    ['an empty tag', front({ tags: '[t, ""]' }), /en\.md:6: front matter tags\[1\] must be a non-empty string/],
    ['an empty sources list', front({ sources: '[]' }), /en\.md:5: front matter sources must be a non-empty list: the sections of the notes/],
    [
      'a source that does not name a note and its lines',
      front({ sources: '["the scheduler"]' }),
      /en\.md:5: front matter sources\[0\] names a section of the notes as "NNN: what it covers \(lines A-B\)", got "the scheduler"/,
    ],
    [
      'a source without line numbers, at the line of that entry',
      front({ sources: '\n  - "000: the scheduler (lines 59-70)"\n  - "003: the scheduling flow"' }),
      /en\.md:7: front matter sources\[1\] names a section of the notes/,
    ],
    ['front matter that is not YAML, at the bad line', front({ tags: '[t' }), /en\.md:6: front matter is not valid YAML/],
    ['a duplicate field', front({ tags: '[t]\ntitle: again' }), /en\.md:7: front matter is not valid YAML: Map keys must be unique/],
  ];
  for (const [name, text, message] of cases) {
    it(`refuses ${name}`, () => assertContentError({ 'en.md': text }, message));
  }

  it('accepts sources written as the real lessons write them', () => {
    const sources = '\n  - "001: how a Pod is created (lines 386-399), Pods bound by the master (line 167)"\n  - "003: scheduling flow (lines 20, 30)"';
    const lesson = load({ 'en.md': front({ sources }) }).bySlug.get('architecture')!.lessons.get('en')!;
    assert.deepEqual(lesson.sources, [
      '001: how a Pod is created (lines 386-399), Pods bound by the master (line 167)',
      '003: scheduling flow (lines 20, 30)',
    ]);
  });
});

describe('sim cells that load their scenario from a file=', () => {
  const FILE_SIM = (file: string, body = '') => `${FRONT}\`\`\`sim inventory id=s1 file=${file}\n${body}\`\`\`\n`;
  const TWO_PODS = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: Pod\nmetadata:\n  name: b\n';

  it('runs the default scenario of a .yaml file beside the lesson', () => {
    const lesson = load({ 'en.md': FILE_SIM('two-pods.yaml'), 'two-pods.yaml': TWO_PODS }).bySlug.get('architecture')!.lessons.get('en')!;
    const cell = lesson.cells.find((c) => c.kind === 'sim');
    assert.ok(cell?.kind === 'sim');
    assert.equal(cell.input, TWO_PODS, 'the file is the cell’s default scenario');
    assert.deepEqual((cell.defaultOutput.result as { count: number }).count, 2);
  });

  const cases: [string, Record<string, string>, RegExp][] = [
    ['a file that does not exist', { 'en.md': FILE_SIM('missing.yaml') }, /en\.md:8: scenario file missing\.yaml not found beside the lesson/],
    ['a folder named like a scenario', { 'en.md': FILE_SIM('dir.yaml'), 'dir.yaml/': '' }, /en\.md:8: scenario file dir\.yaml not found beside the lesson/],
    [
      'a body as well as a file',
      { 'en.md': FILE_SIM('two-pods.yaml', 'kind: Pod\n'), 'two-pods.yaml': TWO_PODS },
      /en\.md:8: a sim cell with file= has an empty body/,
    ],
    [
      'a path out of the chapter folder, even to a file that exists',
      { 'en.md': FILE_SIM('../x.yaml'), '../x.yaml': TWO_PODS },
      /en\.md:8: file= names a \.yaml file beside the lesson, got "\.\.\/x\.yaml"/,
    ],
    ['a path into a sub-folder', { 'en.md': FILE_SIM('sub/x.yaml') }, /en\.md:8: file= names a \.yaml file beside the lesson, got "sub\/x\.yaml"/],
    ['an absolute path', { 'en.md': FILE_SIM('/etc/x.yaml') }, /en\.md:8: file= names a \.yaml file beside the lesson, got "\/etc\/x\.yaml"/],
    ['a file that is not .yaml', { 'en.md': FILE_SIM('en.md') }, /en\.md:8: file= names a \.yaml file beside the lesson, got "en\.md"/],
    ['an empty scenario file', { 'en.md': FILE_SIM('empty.yaml'), 'empty.yaml': '\n' }, /en\.md:8: a sim cell needs a default scenario/],
    [
      'a scenario file that does not run, at the line of the bad field in that file',
      { 'en.md': FILE_SIM('bad.yaml'), 'bad.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\n' },
      /01-architecture\/bad\.yaml:3: the default scenario of "s1" \(01-architecture\/en\.md:8\) does not run: metadata\.name: Required value/,
    ],
  ];
  for (const [name, files, message] of cases) {
    it(`refuses ${name}`, () => assertContentError(files, message));
  }
});

describe('translations (zh.md) grade exactly like en.md', () => {
  const sim = (id: string, engine = 'inventory', name = 'a') => `\`\`\`sim ${engine} id=${id}\napiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n\`\`\`\n`;
  const quiz = (id: string, body: string) => `\`\`\`quiz id=${id}\n${body}${QUIZ_TAIL}\`\`\`\n`;
  const single = (correct: number, count = 2, type = 'single') =>
    `type: ${type}\nprompt: P\nchoices:\n${Array.from({ length: count }, (_, i) => `  - {text: c${i}, ${i === correct ? 'correct: true, ' : ''}explain: x}\n`).join('')}`;
  const predict = ({ sim: s = 's1', path = 'count', input = 'number' }) => `type: predict\nsim: ${s}\npath: ${path}\nprompt: P\ninput: ${input}\n`;
  const predictChoices = 'type: predict\nsim: s1\npath: objects[0].name\nprompt: P\nchoices:\n  - {value: a, explain: x}\n  - {value: b, explain: y}\n';
  const numeric = (answer: number) => `type: numeric\nprompt: P\nanswer: ${answer}\n`;

  // The English lesson every case translates: two sim cells, then quizzes of each kind (sim cells at lines 8 and 15; quizzes at 22, 34, 46, 58, 72).
  const EN = {
    s1: sim('s1'),
    s2: sim('s2'),
    choice: quiz('choice', single(1)),
    predict: quiz('predict', predict({})),
    text: quiz('text', predict({ path: 'objects[0].kind', input: 'text' })),
    pick: quiz('pick', predictChoices),
    numeric: quiz('numeric', numeric(137)),
  };
  const lesson = (cells: Partial<typeof EN>) => FRONT + Object.values({ ...EN, ...cells }).join('\n');

  it('loads a faithful translation: other words, same cells, same answers', () => {
    const zh = lesson({ choice: quiz('choice', single(1).replace('prompt: P', 'prompt: 哪一个？').replace(/c(\d)/g, '选项$1')) });
    const chapter = load({ 'en.md': lesson({}), 'zh.md': zh }).bySlug.get('architecture')!;
    const choice = chapter.lessons.get('zh')!.cells.find((c) => c.id === 'choice');
    assert.ok(choice?.kind === 'quiz');
    assert.equal(choice.spec.prompt, '哪一个？');
  });

  const cases: [string, Partial<typeof EN>, RegExp][] = [
    ['a sim cell that runs another engine', { s2: sim('s2', 'runaway') }, /zh\.md:15: sim "s2" runs engine "runaway", but in .*en\.md:15 it runs "inventory"/],
    ['a quiz of another type', { choice: quiz('choice', single(1, 2, 'multiple')) }, /zh\.md:22: quiz "choice" is a multiple quiz, but in .*en\.md:22 it is a single quiz/],
    ['a choice quiz with another number of choices', { choice: quiz('choice', single(1, 3)) }, /zh\.md:22: quiz "choice" has 3 choices, but in .*en\.md:22 it has 2/],
    ['a choice quiz whose correct choice moved', { choice: quiz('choice', single(0)) }, /zh\.md:22: quiz "choice" has correct choices \[0\] \(0-based\), but in .*en\.md:22 it has \[1\]/],
    ['a predict quiz on another cell', { predict: quiz('predict', predict({ sim: 's2' })) }, /zh\.md:34: quiz "predict" predicts cell "s2", but in .*en\.md:34 it predicts cell "s1"/],
    [
      'a predict quiz on another path',
      { text: quiz('text', predict({ path: 'objects[0].name', input: 'text' })) },
      /zh\.md:46: quiz "text" predicts path objects\[0\]\.name, but in .*en\.md:46 it predicts path objects\[0\]\.kind/,
    ],
    ['a predict quiz that takes another kind of answer', { predict: quiz('predict', predict({ input: 'text' })) }, /zh\.md:34: quiz "predict" has input: text, but in .*en\.md:34 it has input: number/],
    [
      'predict choices whose key moved because the translated scenario differs',
      { s1: sim('s1', 'inventory', 'b') },
      /zh\.md:58: quiz "pick" has correct choices \[1\] \(0-based\), but in .*en\.md:58 it has \[0\]/,
    ],
    ['a numeric quiz with another answer', { numeric: quiz('numeric', numeric(143)) }, /zh\.md:72: quiz "numeric" expects 143 ± 0, but in .*en\.md:72 it expects 137 ± 0/],
  ];
  for (const [name, cells, message] of cases) {
    it(`refuses ${name}`, () => assertContentError({ 'en.md': lesson({}), 'zh.md': lesson(cells) }, message));
  }
});

describe('troubleshooting challenges are checked at start-up', () => {
  const POD_A = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n';
  const WITH_B = `${POD_A}---\napiVersion: v1\nkind: Service\nmetadata:\n  name: b\n`;
  const indent = (text: string) => text.split('\n').map((l) => (l === '' ? l : `    ${l}`)).join('\n');
  /** A challenge over the inventory engine: add Service b next to Pod a. */
  const challenge = ({
    checks = ['count == 2', 'objects[name=b].kind == Service'],
    start = POD_A,
    solution = WITH_B,
    constraints = 'constraints:\n  keep:\n    - object: Pod/a\n      fields: [metadata.name]\n  maxAddedObjects: 1\n',
    info = '',
    hints = 'hints: ["h1", "h2"]\n',
    title = 'Add b',
  } = {}) =>
    `\`\`\`challenge inventory id=ch${info}\ntitle: ${title}\ntask: The service is missing.\n${start === '' ? '' : `start: |\n${indent(start)}\n`}objectives:\n${checks.map((c) => `  - check: ${c}\n    text: t\n`).join('')}${constraints}${hints}solution:\n  scenario: |\n${indent(solution)}\n  explain: because\n\`\`\`\n`;

  it('loads a challenge whose start fails and whose solution passes', () => {
    const lesson = load({ 'en.md': `${FRONT}${challenge()}` }).bySlug.get('architecture')!.lessons.get('en')!;
    const cell = lesson.cells.find((c) => c.id === 'ch');
    assert.ok(cell?.kind === 'challenge');
    assert.equal(cell.start, POD_A);
    assert.deepEqual(cell.startReport.objectives.map((o) => o.met), [false, false]);
  });

  const cases: [string, Record<string, string>, RegExp][] = [
    ['a start that already meets every objective', { 'en.md': `${FRONT}${challenge({ start: WITH_B })}` }, /en\.md:8: challenge "ch": its start scenario already meets every objective/],
    [
      'a solution that does not solve it, naming what it misses',
      { 'en.md': `${FRONT}${challenge({ solution: `${POD_A}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n` })}` },
      /en\.md:8: challenge "ch": its solution does not solve it: objective "objects\[name=b\]\.kind == Service" \(found ConfigMap\)/,
    ],
    [
      'a solution that breaks a rule',
      { 'en.md': `${FRONT}${challenge({ solution: WITH_B.replace('name: a', 'name: a2') })}` },
      /its solution does not solve it: Pod\/a must stay; Pod\/a metadata\.name must stay a \(found none\); at most 1 added objects \(found 2\)/,
    ],
    ['a rule naming an object the start does not have', { 'en.md': `${FRONT}${challenge({ constraints: 'constraints:\n  keep:\n    - object: Pod/zzz\n' })}` }, /constraints\.keep names Pod\/zzz, which the start scenario does not have/],
    ['an objective that cannot be read', { 'en.md': `${FRONT}${challenge({ checks: ['count is 2'] })}` }, /en\.md:8: challenge "ch": objectives\[0\]\.check: cannot read the objective "count is 2"/],
    ['a moment the engine does not keep', { 'en.md': `${FRONT}${challenge({ checks: ['count == 2 at 5s'] })}` }, /objectives\[0\] reads the moment 5s, but the inventory result has no statusAt entry at t=5/],
    ['a start that does not run', { 'en.md': `${FRONT}${challenge({ start: 'apiVersion: v1\nkind: Pod\nmetadata:\n  labels: {}\n' })}` }, /the start scenario does not run: metadata\.name: Required value/],
    ['no start at all', { 'en.md': `${FRONT}${challenge({ start: '' })}` }, /needs a start scenario: start: in the body, or file= on the info string/],
    ['a start in the body and in a file', { 'en.md': `${FRONT}${challenge({ info: ' file=a.yaml' })}`, 'a.yaml': POD_A }, /the start is either the body's start: or file= on the info string, not both/],
    ['four hints', { 'en.md': `${FRONT}${challenge({ hints: 'hints: [a, b, c, d]\n' })}` }, /hints: must be a list of 1 to 3 hints/],
    ['body YAML that does not parse, at its line', { 'en.md': `${FRONT}${challenge({ title: '[unclosed' })}` }, /en\.md:10: challenge "ch": not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a \]$/],
    ['an unknown engine', { 'en.md': `${FRONT}${challenge().replace('challenge inventory', 'challenge nope')}` }, /unknown simulation engine "nope"/],
    [
      'a translation with other objectives',
      { 'en.md': `${FRONT}${challenge()}`, 'zh.md': `${FRONT}${challenge({ checks: ['count == 2', 'objects[name=b].kind == Service', 'count > 1'] })}` },
      /zh\.md:8: challenge "ch" has objectives \[count == 2; objects\[name=b\]\.kind == Service; count > 1\], but in .*en\.md:8 it has \[count == 2; objects\[name=b\]\.kind == Service\]/,
    ],
    [
      'a translation with other rules',
      { 'en.md': `${FRONT}${challenge()}`, 'zh.md': `${FRONT}${challenge({ constraints: 'constraints:\n  maxAddedObjects: 1\n' })}` },
      /zh\.md:8: challenge "ch" has constraints/,
    ],
    ['a translation with another number of hints', { 'en.md': `${FRONT}${challenge()}`, 'zh.md': `${FRONT}${challenge({ hints: 'hints: ["一"]\n' })}` }, /zh\.md:8: challenge "ch" has 1 hints, but in .*en\.md:8 it has 2/],
    ['a translation with another start', { 'en.md': `${FRONT}${challenge()}`, 'zh.md': `${FRONT}${challenge({ start: POD_A.replace('v1', 'v1 ') })}` }, /zh\.md:8: challenge "ch" starts from another scenario/],
  ];
  for (const [name, files, message] of cases) {
    it(`refuses ${name}`, () => assertContentError(files, message));
  }

  it('reads the start from a file beside the lesson', () => {
    const lesson = load({ 'en.md': `${FRONT}${challenge({ start: '', info: ' file=start.yaml' })}`, 'start.yaml': POD_A }).bySlug.get('architecture')!.lessons.get('en')!;
    const cell = lesson.cells.find((c) => c.id === 'ch');
    assert.ok(cell?.kind === 'challenge');
    assert.equal(cell.start, POD_A);
  });
});

// What the home and progress pages tell a learner about their own work, the
// prev/next chain through the real curriculum, and the promise that content
// is rendered once at start-up: a request never parses Markdown.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import request from 'supertest';
import { Lexer, Parser } from 'marked';
import { csrfFrom, startTestSite } from '../support/site.ts';
import { LessonMarkdown } from '../../server/content/markdown.ts';
import type { Site } from '../../server/boot.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let site: Site;
before(async () => {
  site = await startTestSite();
});
after(() => site.close());

/** A new learner (own cookie jar) who has opened the fixture lesson, with the page's CSRF token. */
async function learner() {
  const agent = request.agent(site.app);
  const page = await agent.get('/lessons/architecture').expect(200);
  const token = csrfFrom(page.text);
  return {
    agent,
    token,
    runForm: (cellId: string, input: string) =>
      agent.post(`/lessons/architecture/cells/${cellId}/run`).type('form').send({ _csrf: token, input }).expect(303),
    runApi: (cellId: string, input: string) =>
      agent.post(`/api/lessons/architecture/cells/${cellId}/run`).set('X-CSRF-Token', token).send({ input }).expect(200),
    answerForm: (cellId: string, answer: string | string[]) =>
      agent.post(`/lessons/architecture/quizzes/${cellId}/answer`).type('form').send({ _csrf: token, answer }).expect(303),
    answerApi: (cellId: string, answer: unknown) =>
      agent.post(`/api/quizzes/architecture/${cellId}/answers`).set('X-CSRF-Token', token).send({ answer }).expect(200),
  };
}

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

/** The fixture chapter's progress as the home page shows it. */
async function homeProgress(agent: request.Agent) {
  const html = (await agent.get('/').expect(200)).text;
  const item = /<li class="chapter-item">(?:(?!<\/li>)[\s\S])*?href="\/lessons\/architecture"[\s\S]*?<\/li>/.exec(html)?.[0];
  assert.ok(item, 'the home page lists the fixture chapter');
  const quizzes = /(\d+)\/(\d+) quizzes correct/.exec(text(item));
  const sims = /(\d+)\/(\d+) simulations run/.exec(text(item));
  const bar = /<progress max="(\d+)" value="(\d+)"/.exec(item);
  assert.ok(quizzes && sims && bar, `progress figures in the chapter item:\n${item}`);
  return { correct: `${quizzes[1]}/${quizzes[2]}`, simsRun: `${sims[1]}/${sims[2]}`, bar: `${bar[2]}/${bar[1]}` };
}

/** The fixture chapter's row of the progress table, cell by cell, and the missed-question links. */
async function progressPage(agent: request.Agent) {
  const html = (await agent.get('/progress').expect(200)).text;
  const row = /<tr>\s*<th scope="row"><a href="\/lessons\/architecture">[\s\S]*?<\/tr>/.exec(html)?.[0];
  assert.ok(row, 'the progress table has a row for the fixture chapter');
  const [simsRun, answered, correct] = [...row.matchAll(/<td>([\s\S]*?)<\/td>/g)].map((m) => text(m[1]));
  const missedSection = /<section aria-labelledby="missed-title">[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
  const missed = [...missedSection.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]);
  return { simsRun, answered, correct, missed };
}

describe('home page progress', () => {
  it('shows a new learner 0 of 7 quizzes correct and 0 of 2 simulations run for the fixture chapter', async () => {
    const { agent } = await learner();
    assert.deepEqual(await homeProgress(agent), { correct: '0/7', simsRun: '0/2', bar: '0/7' });
  });

  it('counts a run cell and a right answer, but not a wrong one, and shows them only to that learner', async () => {
    const me = await learner();
    await me.runForm('two-pods', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-0\n');
    await me.answerForm('port', '1'); // 6443: right
    await me.answerForm('exit-code', '1'); // 137 is right: wrong
    assert.deepEqual(await homeProgress(me.agent), { correct: '1/7', simsRun: '1/2', bar: '1/7' });

    await me.answerApi('exit-code', '137'); // right after seeing the answer: still not correct (issue 13, point 4)
    await me.answerApi('reason', 'OOMKilled'); // the JSON API counts the same as the form
    await me.runApi('spin', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: calm\n');
    assert.deepEqual(await homeProgress(me.agent), { correct: '2/7', simsRun: '2/2', bar: '2/7' });

    const someoneElse = await learner();
    assert.deepEqual(await homeProgress(someoneElse.agent), { correct: '0/7', simsRun: '0/2', bar: '0/7' });
  });
});

describe('progress page', () => {
  it('counts the cells a learner ran in the "simulations run" column: a cell run twice counts once, form and API runs alike', async () => {
    const me = await learner();
    assert.equal((await progressPage(me.agent)).simsRun, '0/2');
    await me.runForm('two-pods', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: once\n');
    assert.equal((await progressPage(me.agent)).simsRun, '1/2');
    await me.runApi('two-pods', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: twice\n');
    assert.equal((await progressPage(me.agent)).simsRun, '1/2', 'the same cell again is still one cell run');
    await me.runApi('spin', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: calm\n');
    assert.equal((await progressPage(me.agent)).simsRun, '2/2');
  });

  it('shows answered and correct per chapter (the first attempt counts), and lists every question whose first answer was wrong', async () => {
    const me = await learner();
    await me.answerForm('port', '0'); // wrong, then right after seeing the answer: still to review (issue 13, point 4)
    await me.answerForm('port', '1');
    await me.answerForm('exit-code', '1'); // wrong
    await me.answerForm('reason', 'oomkilled'); // right (normalised)
    await me.answerForm('components', ['0', '1']); // right the first time, then wrong: the first attempt counts
    await me.answerForm('components', ['2']);
    const page = await progressPage(me.agent);
    assert.deepEqual(page, {
      simsRun: '0/2',
      answered: '4/7',
      correct: '2/7',
      missed: ['/lessons/architecture#cell-port', '/lessons/architecture#cell-exit-code'],
    });
    const html = (await me.agent.get('/progress').expect(200)).text;
    assert.match(html, /\(2 attempts · answered right after seeing the answer\)/, 'port: seen, not learned');
    assert.match(html, /\(1 attempt\)/, 'exit-code: one attempt, singular');
  });
});

describe('prev/next links on the real lessons', () => {
  let real: Site;
  before(async () => {
    real = await startTestSite({ real: true });
  });
  after(() => real?.close());

  // The curriculum order, read from the content folders (content/NN-slug/en.md), not from the server.
  const expected = readdirSync(join(ROOT, 'content'))
    .filter((d) => /^\d+-/.test(d) && existsSync(join(ROOT, 'content', d, 'en.md')))
    .sort((a, b) => parseInt(a, 10) - parseInt(b, 10))
    .map((d) => d.replace(/^\d+-/, ''));

  /** Follows rel=prev or rel=next from a lesson until there is none, checking every link opens a lesson. */
  async function walk(from: string, rel: 'prev' | 'next') {
    const visited: string[] = [];
    let slug: string | undefined = from;
    while (slug !== undefined) {
      assert.ok(visited.length <= expected.length, `the ${rel} chain loops: ${visited.join(' → ')}`);
      visited.push(slug);
      const res = await request(real.app).get(`/lessons/${slug}`);
      assert.equal(res.status, 200, `/lessons/${slug} (reached by ${rel}) opens a lesson`);
      const anchor = new RegExp(`<a [^>]*\\brel="${rel}"[^>]*>([^<]*)</a>`).exec(res.text);
      const href = anchor && /\bhref="\/lessons\/([^"#?]+)"/.exec(anchor[0]);
      const link = anchor && href ? [anchor[0], href[1], anchor[1]] : undefined;
      slug = link?.[1];
      if (link) {
        const target = await request(real.app).get(`/lessons/${link[1]}`);
        const h1 = /<h1>([^<]*)<\/h1>/.exec(target.text)?.[1] ?? '';
        assert.ok(h1 !== '' && link[2].includes(h1), `the ${rel} link of ${visited.at(-1)} names its target: "${link[2]}" vs <h1>${h1}</h1>`);
      }
    }
    return visited;
  }

  it('follows next from the first lesson to the last in curriculum order, and prev all the way back', async () => {
    assert.ok(expected.length >= 2, `at least two real lessons to chain, found ${expected.join(', ')}`);
    const forward = await walk(expected[0], 'next');
    assert.deepEqual(forward, expected);
    const backward = await walk(expected.at(-1)!, 'prev');
    assert.deepEqual(backward, [...expected].reverse());
  });
});

describe('a request never parses Markdown', () => {
  /** Every import specifier of a TypeScript source: static, dynamic and re-exports. */
  function importsOf(file: string): string[] {
    const source = readFileSync(file, 'utf8');
    return [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]);
  }

  function sourcesUnder(dir: string): string[] {
    return readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return sourcesUnder(path);
      return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
    });
  }

  it('request-time code (server/routes, views, http, notebook.ts) never imports marked or server/content/markdown.ts', () => {
    const files = [
      ...sourcesUnder(join(ROOT, 'server/routes')),
      ...sourcesUnder(join(ROOT, 'server/views')),
      ...sourcesUnder(join(ROOT, 'server/http')),
      join(ROOT, 'server/notebook.ts'),
    ];
    assert.ok(files.length >= 3, 'found the route sources');
    const markdownModule = join(ROOT, 'server/content/markdown.ts');
    const offending = files.flatMap((file) =>
      importsOf(file)
        .filter((spec) => spec === 'marked' || spec.startsWith('marked/') || (spec.startsWith('.') && resolve(dirname(file), spec) === markdownModule))
        .map((spec) => `${relative(ROOT, file)} imports '${spec}'`),
    );
    assert.deepEqual(offending, []);
  });

  it('serves pages, runs cells and grades answers without calling the Markdown lexer or parser', async (t) => {
    // marked's Marked#parse goes through Lexer.lex → new Lexer().lex and Parser.parse → new Parser().parse,
    // so counting calls on the two prototypes sees every parse in this process.
    let calls = 0;
    type Methods = Record<string, (...args: unknown[]) => unknown>;
    const methods: [Methods, string][] = [
      [Lexer.prototype as unknown as Methods, 'lex'],
      [Lexer.prototype as unknown as Methods, 'inlineTokens'],
      [Parser.prototype as unknown as Methods, 'parse'],
      [Parser.prototype as unknown as Methods, 'parseInline'],
    ];
    for (const [proto, name] of methods) {
      const original = proto[name];
      assert.equal(typeof original, 'function', `marked still has ${name}`);
      proto[name] = function (this: unknown, ...args: unknown[]) {
        calls++;
        return original.apply(this, args);
      };
      t.after(() => {
        proto[name] = original;
      });
    }

    new LessonMarkdown().render('## A heading with `code`');
    assert.ok(calls > 0, 'the spy sees the lesson renderer parse');
    calls = 0;

    const me = await learner();
    await me.agent.get('/').expect(200);
    await me.agent.get('/lessons/architecture').expect(200);
    await me.runForm('two-pods', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: "**not bold**"\n');
    await me.runApi('two-pods', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "# not-a-heading"\n');
    await me.answerForm('port', '0');
    await me.answerApi('reason', '**OOMKilled**');
    await me.answerApi('components', [0, 2]);
    await me.agent.get('/lessons/architecture').expect(200);
    await me.agent.get('/zh/lessons/architecture').expect(200);
    await me.agent.get('/progress').expect(200);
    await me.agent.get('/api/lessons').expect(200);
    await me.agent.get('/api/lessons/architecture').expect(200);
    await me.agent.get('/api/progress').expect(200);
    await me.agent.get('/lessons/no-such-lesson').expect(404);
    assert.equal(calls, 0, 'Markdown is rendered once at start-up, never per request');
  });
});

// Loads every lesson once, at start-up (like the Go Tour's initLessons):
// parse, validate, render Markdown, run every default scenario, compute every
// predict key. Any problem stops start-up with `file:line: what is wrong`.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { Engine } from '../../simulations/shared/engine.ts';
import { executeSimulation } from '../sim-runtime/execute.ts';
import { keyFor, PredictKeyError } from '../quiz/grader.ts';
import { QuizSchemaError, readQuizSpec } from '../quiz/quiz-schema.ts';
import { lookupResultPath } from '../quiz/result-path.ts';
import { ContentError } from './content-error.ts';
import { LessonMarkdown } from './markdown.ts';
import { plannedChapter } from './curriculum.ts';
import { splitLesson } from './split-lesson.ts';
import type { Cell, Chapter, ContentIndex, Lang, Lesson, QuizCell, SimCell } from './model.ts';
import { LANGS } from './model.ts';

export interface LoadOptions {
  contentDir: string;
  engines: ReadonlyMap<string, Engine>;
  /** Shown in error messages instead of absolute paths. */
  rootDir?: string;
}

const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function loadContent({ contentDir, engines, rootDir = process.cwd() }: LoadOptions): ContentIndex {
  const chapters: Chapter[] = [];
  const folders = existsSync(contentDir) ? readdirSync(contentDir, { withFileTypes: true }) : [];
  for (const entry of folders) {
    if (!entry.isDirectory()) continue;
    const match = FOLDER.exec(entry.name);
    const folderPath = join(contentDir, entry.name);
    const shown = relative(rootDir, folderPath) || folderPath;
    if (!match) throw new ContentError(shown, 0, 'a chapter folder is named NN-slug (e.g. 06-scheduler)');
    const [, numberText, slug] = match;
    const number = Number(numberText);
    const planned = plannedChapter(slug);
    if (!planned || planned.number !== number) {
      throw new ContentError(shown, 0, `"${entry.name}" is not a chapter of CURRICULUM.md (number and slug must match the plan)`);
    }
    const lessons = new Map<Lang, Lesson>();
    for (const lang of LANGS) {
      const file = join(folderPath, `${lang}.md`);
      if (!existsSync(file)) continue;
      lessons.set(lang, parseLesson({ file, shownFile: relative(rootDir, file) || file, slug, number, lang, engines }));
    }
    if (lessons.size === 0) continue; // a chapter folder being started: no lesson yet
    if (!lessons.has('en')) throw new ContentError(shown, 0, 'every chapter needs en.md');
    const en = lessons.get('en')!;
    for (const [lang, lesson] of lessons) {
      if (lang !== 'en') checkSameCells(en, lesson);
    }
    chapters.push({ slug, number, lessons });
  }
  chapters.sort((a, b) => a.number - b.number);
  return { chapters, bySlug: new Map(chapters.map((c) => [c.slug, c])) };
}

interface ParseArgs {
  file: string;
  shownFile: string;
  slug: string;
  number: number;
  lang: Lang;
  engines: ReadonlyMap<string, Engine>;
}

export function parseLesson({ file, shownFile, slug, number, lang, engines }: ParseArgs): Lesson {
  const text = readFileSync(file, 'utf8');
  const split = splitLesson(text, shownFile);
  const front = readFrontMatter(split.frontMatter, shownFile, split.frontMatterLine);
  if (front.order !== number) {
    throw new ContentError(shownFile, split.frontMatterLine, `order is ${front.order} but the folder says chapter ${number}`);
  }

  const ids = new Set<string>();
  for (const block of split.blocks) {
    if (block.kind === 'prose') continue;
    if (ids.has(block.id)) throw new ContentError(shownFile, block.line, `duplicate cell id "${block.id}"`);
    ids.add(block.id);
  }
  const markdown = new LessonMarkdown([...ids].map((id) => `cell-${id}`));

  const cells: Cell[] = [];
  const sims = new Map<string, SimCell>();
  let prose = 0;
  // Sim cells first, so a quiz may refer to a sim cell anywhere in the lesson.
  for (const block of split.blocks) {
    if (block.kind !== 'sim') continue;
    const engine = engines.get(block.engine);
    if (!engine) {
      throw new ContentError(shownFile, block.line, `unknown simulation engine "${block.engine}" (known: ${[...engines.keys()].join(', ') || 'none'})`);
    }
    let input = block.body;
    if (block.file) {
      if (block.body.trim() !== '') throw new ContentError(shownFile, block.line, 'a sim cell with file= has an empty body');
      if (!/^[a-z0-9][a-z0-9._-]*\.ya?ml$/.test(block.file)) {
        throw new ContentError(shownFile, block.line, `file= names a .yaml file beside the lesson, got "${block.file}"`);
      }
      const scenario = join(file, '..', block.file);
      if (!existsSync(scenario)) throw new ContentError(shownFile, block.line, `scenario file ${block.file} not found beside the lesson`);
      input = readFileSync(scenario, 'utf8');
    }
    if (input.trim() === '') throw new ContentError(shownFile, block.line, 'a sim cell needs a default scenario');
    const outcome = executeSimulation(engine, input);
    if (!outcome.ok) {
      const where = outcome.error.line !== undefined && !block.file ? block.line + outcome.error.line : block.line;
      throw new ContentError(shownFile, where, `the default scenario of "${block.id}" does not run: ${outcome.error.message}`);
    }
    sims.set(block.id, {
      kind: 'sim',
      id: block.id,
      engine: engine.id,
      engineTitle: engine.title,
      input: input.endsWith('\n') ? input : `${input}\n`,
      defaultOutput: { ok: true, result: outcome.result, trace: outcome.trace },
      line: block.line,
    });
  }

  for (const block of split.blocks) {
    if (block.kind === 'prose') {
      cells.push({ kind: 'markdown', id: `text-${++prose}`, html: markdown.render(block.text) });
    } else if (block.kind === 'sim') {
      cells.push(sims.get(block.id)!);
    } else {
      cells.push(readQuiz(block.id, block.body, block.line, block.bodyLine, shownFile, sims, markdown));
    }
  }

  return { slug, number, lang, file: shownFile, ...front, cells, toc: markdown.toc };
}

interface FrontMatter {
  title: string;
  summary: string;
  order: number;
  sources: string[];
  tags: string[];
}

function readFrontMatter(textBlock: string, file: string, line: number): FrontMatter {
  let data: unknown;
  try {
    data = parseYaml(textBlock, { uniqueKeys: true });
  } catch (error) {
    const at = error instanceof YAMLParseError && error.linePos ? line + error.linePos[0].line - 1 : line;
    throw new ContentError(file, at, `front matter is not valid YAML: ${yamlMessage(error)}`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ContentError(file, line, 'front matter must be a mapping');
  const o = data as Record<string, unknown>;
  const allowed = ['title', 'summary', 'order', 'sources', 'tags'];
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new ContentError(file, line, `unknown front matter field "${key}" (allowed: ${allowed.join(', ')})`);
  }
  const need = (cond: boolean, field: string, what: string) => {
    if (!cond) throw new ContentError(file, line, `front matter ${field} ${what}`);
  };
  need(typeof o.title === 'string' && o.title.trim() !== '', 'title', 'is required (a non-empty string)');
  need(typeof o.summary === 'string' && o.summary.trim() !== '', 'summary', 'is required (a non-empty string)');
  need(typeof o.order === 'number' && Number.isInteger(o.order), 'order', 'is required (the chapter number)');
  const list = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s.trim() !== '');
  need(list(o.sources), 'sources', 'is required: the sections of the notes this lesson covers (a list of strings)');
  need(list(o.tags), 'tags', 'is required (a list of strings)');
  return {
    title: o.title as string,
    summary: o.summary as string,
    order: o.order as number,
    sources: o.sources as string[],
    tags: o.tags as string[],
  };
}

function readQuiz(
  id: string,
  body: string,
  line: number,
  bodyLine: number,
  file: string,
  sims: Map<string, SimCell>,
  markdown: LessonMarkdown,
): QuizCell {
  let data: unknown;
  try {
    data = parseYaml(body, { uniqueKeys: true });
  } catch (error) {
    const at = error instanceof YAMLParseError && error.linePos ? bodyLine + error.linePos[0].line - 1 : line;
    throw new ContentError(file, at, `quiz "${id}" is not valid YAML: ${yamlMessage(error)}`);
  }
  let spec;
  try {
    spec = readQuizSpec(id, data);
  } catch (error) {
    if (error instanceof QuizSchemaError) throw new ContentError(file, line, `quiz "${id}": ${error.message}`);
    throw error;
  }
  let computed: unknown;
  if (spec.type === 'predict') {
    const sim = sims.get(spec.sim);
    if (!sim) throw new ContentError(file, line, `quiz "${id}": sim "${spec.sim}" is not a sim cell of this lesson`);
    let lookup;
    try {
      lookup = lookupResultPath(sim.defaultOutput, spec.path);
    } catch (error) {
      throw new ContentError(file, line, `quiz "${id}": ${(error as Error).message}`);
    }
    if (!lookup.found) throw new ContentError(file, line, `quiz "${id}": path ${spec.path} not in the output of "${spec.sim}": ${lookup.reason}`);
    computed = lookup.value;
  }
  let key;
  try {
    key = keyFor(spec, computed);
  } catch (error) {
    if (error instanceof PredictKeyError) throw new ContentError(file, line, `quiz "${id}": ${error.message}`);
    throw error;
  }
  const choices = spec.type === 'single' || spec.type === 'multiple' || spec.type === 'predict' ? (spec.choices ?? []) : [];
  return {
    kind: 'quiz',
    id,
    spec,
    key,
    computed,
    line,
    html: {
      prompt: markdown.renderInline(spec.prompt),
      explain: markdown.render(spec.explain),
      followUpQuestion: markdown.renderInline(spec.followUp.question),
      followUpAnswer: markdown.render(spec.followUp.answer),
      choices: choices.map((c) => ({ text: markdown.renderInline(c.text), explain: markdown.render(c.explain) })),
    },
  };
}

/** A translation must have exactly the cells of the English lesson, in the same order. */
function checkSameCells(en: Lesson, other: Lesson): void {
  const ids = (l: Lesson) => l.cells.filter((c) => c.kind !== 'markdown').map((c) => `${c.kind}:${c.id}`);
  const a = ids(en);
  const b = ids(other);
  if (a.join(',') !== b.join(',')) {
    throw new ContentError(other.file, 1, `cells differ from ${en.file}: expected [${a.join(', ')}], found [${b.join(', ')}]`);
  }
}

function yamlMessage(error: unknown): string {
  return (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

// Loads every lesson once, at start-up (like the Go Tour's initLessons):
// parse, validate, render Markdown, run every default scenario, compute every
// predict key. Any problem stops start-up with `file:line: what is wrong`.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, LineCounter, parse as parseYaml, parseDocument, YAMLParseError } from 'yaml';
import type { Engine } from '../../simulations/shared/engine.ts';
import { keyFor, PredictKeyError } from '../quiz/grader.ts';
import { choicesOf, QuizSchemaError, readQuizSpec } from '../quiz/quiz-schema.ts';
import { lookupResultPath } from '../quiz/result-path.ts';
import { ContentError } from './content-error.ts';
import { scenarioRuns, type ScenarioRuns } from './scenario-runs.ts';
import { LessonMarkdown } from './markdown.ts';
import { plannedChapter } from './curriculum.ts';
import { splitLesson } from './split-lesson.ts';
import type { Cell, ChallengeCell, Chapter, ContentIndex, Lang, Lesson, QuizCell, SimCell } from './model.ts';
import { readChallenge } from './load-challenge.ts';
import { LANGS } from './model.ts';

export interface LoadOptions {
  contentDir: string;
  engines: ReadonlyMap<string, Engine>;
  /** Shown in error messages instead of absolute paths. */
  rootDir?: string;
  /** Runs of the default scenarios (scenario-runs.ts); by default each distinct one runs once per load. */
  runs?: ScenarioRuns;
}

const FOLDER = /^(\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export function loadContent({ contentDir, engines, rootDir = process.cwd(), runs = scenarioRuns() }: LoadOptions): ContentIndex {
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
      lessons.set(lang, parseLesson({ file, shownFile: relative(rootDir, file) || file, slug, number, lang, engines, runs }));
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
  runs.save();
  return { chapters, bySlug: new Map(chapters.map((c) => [c.slug, c])) };
}

interface ParseArgs {
  file: string;
  shownFile: string;
  slug: string;
  number: number;
  lang: Lang;
  engines: ReadonlyMap<string, Engine>;
  /**
   * Runs default scenarios. A chapter's languages share their scenarios byte for byte
   * (checkSameCells), so one run serves both.
   */
  runs?: ScenarioRuns;
}

export function parseLesson({ file, shownFile, slug, number, lang, engines, runs = scenarioRuns() }: ParseArgs): Lesson {
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
    // Where line 1 of the scenario is: the line after the fence, or line 1 of the file= file.
    let scenarioFile = shownFile;
    let scenarioLine = block.line + 1;
    if (block.file) {
      if (block.body.trim() !== '') throw new ContentError(shownFile, block.line, 'a sim cell with file= has an empty body');
      // A plain file name: no folders, so a lesson can only read a scenario beside itself.
      if (!/^[a-z0-9][a-z0-9._-]*\.ya?ml$/.test(block.file)) {
        throw new ContentError(shownFile, block.line, `file= names a .yaml file beside the lesson, got "${block.file}"`);
      }
      const scenario = join(file, '..', block.file);
      if (!existsSync(scenario) || !statSync(scenario).isFile()) {
        throw new ContentError(shownFile, block.line, `scenario file ${block.file} not found beside the lesson`);
      }
      input = readFileSync(scenario, 'utf8');
      scenarioFile = join(shownFile, '..', block.file);
      scenarioLine = 1;
    }
    if (input.trim() === '') throw new ContentError(shownFile, block.line, 'a sim cell needs a default scenario');
    // Start-up, before any request is served: the engine (run and viewModel) runs here on the main
    // thread, once per default scenario. At request time engine code runs only in the worker pool.
    // Engines are deterministic, so the same input gives the same outcome (scenario-runs.ts).
    const outcome = runs.run(engine, input);
    if (!outcome.ok) {
      const { line } = outcome.error;
      const [where, at] = line === undefined ? [shownFile, block.line] : [scenarioFile, scenarioLine + line - 1];
      const cell = where === shownFile ? `"${block.id}"` : `"${block.id}" (${shownFile}:${block.line})`;
      throw new ContentError(where, at, `the default scenario of ${cell} does not run: ${outcome.error.message}`);
    }
    sims.set(block.id, {
      kind: 'sim',
      id: block.id,
      engine: engine.id,
      engineTitle: engine.title,
      input: input.endsWith('\n') ? input : `${input}\n`,
      defaultOutput: { ok: true, result: outcome.result, trace: outcome.trace, ...(outcome.view === undefined ? {} : { view: outcome.view }) },
      engineVersion: engine.version,
      line: block.line,
    });
  }

  for (const block of split.blocks) {
    if (block.kind === 'prose') {
      cells.push({ kind: 'markdown', id: `text-${++prose}`, html: markdown.render(block.text) });
    } else if (block.kind === 'sim') {
      cells.push(sims.get(block.id)!);
    } else if (block.kind === 'challenge') {
      cells.push(readChallenge({ block, file, shownFile, engines, markdown, runs }));
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

/**
 * How a `sources` entry names a section of the notes (../shared/notes/README.md):
 * the note's number, what the section is about, and where it is, as in
 * `"000: the scheduler (lines 59-70)"`. test/content.test.ts checks each one
 * against the notes themselves.
 */
export const SOURCE_ENTRY = /^(\d{3}): \S.*\(lines? \d+(?:-\d+)?(?:, \d+(?:-\d+)?)*\)/;

function readFrontMatter(textBlock: string, file: string, line: number): FrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(textBlock, { uniqueKeys: true, lineCounter });
  const atOffset = (offset: number | undefined) => (offset === undefined ? line : line + lineCounter.linePos(offset).line - 1);
  if (doc.errors.length > 0) {
    const error = doc.errors[0];
    const at = error.linePos ? line + error.linePos[0].line - 1 : line;
    throw new ContentError(file, at, `front matter is not valid YAML: ${yamlMessage(error)}`);
  }
  const data: unknown = doc.toJS();
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new ContentError(file, line, 'front matter must be a mapping');
  const o = data as Record<string, unknown>;
  // The line of a field, or of an item of a list field; a missing field is reported where the front matter starts.
  const lineOf = (...path: (string | number)[]) => atOffset((doc.getIn(path, true) as { range?: [number] } | undefined)?.range?.[0]);
  const keyLine = (key: string) => {
    const pair = isMap(doc.contents) ? doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    return atOffset(isScalar(pair?.key) ? pair.key.range?.[0] : undefined);
  };
  const allowed = ['title', 'summary', 'order', 'sources', 'tags'];
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new ContentError(file, keyLine(key), `unknown front matter field "${key}" (allowed: ${allowed.join(', ')})`);
  }
  const need = (cond: boolean, field: string, what: string) => {
    if (!cond) throw new ContentError(file, field in o ? keyLine(field) : line, `front matter ${field} ${what}`);
  };
  const text = (v: unknown) => typeof v === 'string' && v.trim() !== '';
  need(text(o.title), 'title', 'is required (a non-empty string)');
  need(text(o.summary), 'summary', 'is required (a non-empty string)');
  need('order' in o, 'order', 'is required (the chapter number)');
  need(typeof o.order === 'number' && Number.isInteger(o.order), 'order', `must be an integer (the chapter number), got ${JSON.stringify(o.order)}`);
  for (const field of ['sources', 'tags'] as const) {
    const what = field === 'sources' ? 'the sections of the notes this lesson covers' : 'a list of tags';
    need(field in o, field, `is required: ${what}`);
    const value = o[field];
    need(Array.isArray(value) && value.length > 0, field, `must be a non-empty list: ${what}`);
    (value as unknown[]).forEach((item, i) => {
      if (!text(item)) throw new ContentError(file, lineOf(field, i), `front matter ${field}[${i}] must be a non-empty string`);
    });
  }
  (o.sources as string[]).forEach((source, i) => {
    if (!SOURCE_ENTRY.test(source)) {
      throw new ContentError(
        file,
        lineOf('sources', i),
        `front matter sources[${i}] names a section of the notes as "NNN: what it covers (lines A-B)", got ${JSON.stringify(source)}`,
      );
    }
  });
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
  const choices = choicesOf(spec);
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

/**
 * A translation must have exactly the cells of the English lesson, in the same
 * order, and each must behave the same: the same engine, and quizzes that take
 * and grade answers the same way. Answers are stored as choice indexes, and an
 * imported progress file is re-graded against the English lesson, so a
 * translation may reword a question and its choices but never move the answer.
 */
function checkSameCells(en: Lesson, other: Lesson): void {
  const runnable = (l: Lesson) => l.cells.filter((c): c is SimCell | QuizCell | ChallengeCell => c.kind !== 'markdown');
  const enCells = runnable(en);
  const cells = runnable(other);
  const a = enCells.map((c) => `${c.kind}:${c.id}`);
  const b = cells.map((c) => `${c.kind}:${c.id}`);
  if (a.join(',') !== b.join(',')) {
    throw new ContentError(other.file, 1, `cells differ from ${en.file}: expected [${a.join(', ')}], found [${b.join(', ')}]`);
  }
  cells.forEach((cell, i) => {
    const original = enCells[i];
    const differs = (here: string, there: string): never => {
      throw new ContentError(
        other.file,
        cell.line,
        `${cell.kind} "${cell.id}" ${here}, but in ${en.file}:${original.line} it ${there} (a translation changes the words, not what the cell does)`,
      );
    };
    if (cell.kind === 'sim' && original.kind === 'sim') {
      if (cell.engine !== original.engine) differs(`runs engine "${cell.engine}"`, `runs "${original.engine}"`);
      return;
    }
    if (cell.kind === 'challenge' && original.kind === 'challenge') {
      checkSameChallenge(cell, original, differs);
      return;
    }
    if (cell.kind !== 'quiz' || original.kind !== 'quiz') return;
    const [spec, enSpec] = [cell.spec, original.spec];
    if (spec.type !== enSpec.type) differs(`is a ${spec.type} quiz`, `is a ${enSpec.type} quiz`);
    if (spec.type === 'predict' && enSpec.type === 'predict') {
      if (spec.sim !== enSpec.sim) differs(`predicts cell "${spec.sim}"`, `predicts cell "${enSpec.sim}"`);
      if (spec.path !== enSpec.path) differs(`predicts path ${spec.path}`, `predicts path ${enSpec.path}`);
      if (spec.select !== enSpec.select) differs(`has select: ${spec.select}`, `has select: ${enSpec.select}`);
      if (spec.input !== enSpec.input) differs(`has input: ${spec.input ?? 'none'}`, `has input: ${enSpec.input ?? 'none'}`);
    }
    const choices = choicesOf(spec).length;
    const enChoices = choicesOf(enSpec).length;
    if (choices !== enChoices) differs(`has ${choices} choices`, `has ${enChoices}`);
    const [key, enKey] = [cell.key, original.key];
    if (key.kind === 'choice' && enKey.kind === 'choice' && key.correct.join(',') !== enKey.correct.join(',')) {
      differs(`has correct choices [${key.correct.join(', ')}] (0-based)`, `has [${enKey.correct.join(', ')}]`);
    }
    if (key.kind === 'number' && enKey.kind === 'number' && (key.answer !== enKey.answer || key.tolerance !== enKey.tolerance)) {
      differs(`expects ${key.answer} ± ${key.tolerance}`, `expects ${enKey.answer} ± ${enKey.tolerance}`);
    }
  });
}

/** A translated challenge has the same engine, scenarios, objectives, constraints and number of hints. */
function checkSameChallenge(cell: ChallengeCell, original: ChallengeCell, differs: (here: string, there: string) => never): void {
  if (cell.engine !== original.engine) differs(`runs engine "${cell.engine}"`, `runs "${original.engine}"`);
  if (cell.start !== original.start) differs('starts from another scenario', 'starts from its own');
  if (cell.solution !== original.solution) differs('has another solution scenario', 'has its own');
  const checks = (c: ChallengeCell) => c.spec.objectives.map((o) => o.predicate.source.trim());
  if (checks(cell).join('\n') !== checks(original).join('\n')) differs(`has objectives [${checks(cell).join('; ')}]`, `has [${checks(original).join('; ')}]`);
  const constraints = (c: ChallengeCell) => JSON.stringify(c.spec.constraints);
  if (constraints(cell) !== constraints(original)) differs(`has constraints ${constraints(cell)}`, `has ${constraints(original)}`);
  if (cell.spec.hints.length !== original.spec.hints.length) differs(`has ${cell.spec.hints.length} hints`, `has ${original.spec.hints.length}`);
}

export function yamlMessage(error: unknown): string {
  return (error as Error).message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

// Content is data, tested like code: every lesson in content/ parses, every
// simulation cell's default scenario runs through its real engine (the same
// way twice), every predict key is computed by the engine and matches exactly
// one choice, cell ids are unique, translations have the same cells. The core
// chapters carry the cells their issues require; every lesson's sources name
// real sections of the notes; the chapter plan matches ../shared/CURRICULUM.md.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContent, SOURCE_ENTRY } from '../server/content/load.ts';
import type { ContentIndex } from '../server/content/model.ts';
import { executeSimulation } from '../server/sim-runtime/execute.ts';
import { engines } from '../simulations/registry.ts';
import { CURRICULUM } from '../server/content/curriculum.ts';

const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
const rootDir = fileURLToPath(new URL('../', import.meta.url));
// The shared folder beside the project: the plan and the source notes.
const SHARED = fileURLToPath(new URL('../../shared/', import.meta.url));
const NOTES = join(SHARED, 'notes');
const CURRICULUM_MD = join(SHARED, 'CURRICULUM.md');

let loaded: ContentIndex | undefined;
/** The real content, loaded once (a broken lesson fails the test that asks first, with file:line). */
const content = () => (loaded ??= loadContent({ contentDir, engines, rootDir }));

test('every lesson parses, every default scenario runs and every quiz key is valid', () => {
  // loadContent throws a ContentError naming file:line for the first problem.
  for (const chapter of content().chapters) {
    const planned = CURRICULUM.find((c) => c.slug === chapter.slug);
    assert.ok(planned, `${chapter.slug} is in the curriculum`);
    for (const lesson of chapter.lessons.values()) {
      const sims = lesson.cells.filter((c) => c.kind === 'sim');
      assert.ok(sims.length >= 1, `${lesson.file}: every chapter has at least one simulation cell`);
      for (const cell of lesson.cells) {
        if (cell.kind === 'sim') assert.ok(engines.has(cell.engine), `${lesson.file}: engine ${cell.engine}`);
      }
    }
  }
});

// The core chapters' issues each ask for at least 3 simulation cells, 8 quizzes and 4 predict quizzes.
const CORE = ['pod-lifecycle', 'resources-oom', 'declarative-apply', 'scheduler'];

test('core chapters that exist have at least 3 sim cells, 8 quizzes and 4 predict quizzes', () => {
  for (const slug of CORE) {
    const chapter = content().bySlug.get(slug);
    if (!chapter) continue; // not written yet: the issue for it stays open
    for (const lesson of chapter.lessons.values()) {
      const sims = lesson.cells.filter((c) => c.kind === 'sim').length;
      const quizzes = lesson.cells.filter((c) => c.kind === 'quiz');
      const predicts = quizzes.filter((c) => c.kind === 'quiz' && c.spec.type === 'predict').length;
      assert.ok(sims >= 3, `${lesson.file}: ${sims} sim cells`);
      assert.ok(quizzes.length >= 8, `${lesson.file}: ${quizzes.length} quizzes`);
      assert.ok(predicts >= 4, `${lesson.file}: ${predicts} predict quizzes`);
    }
  }
});

test('every default scenario gives the same result and trace each time it runs (engines are deterministic)', () => {
  let runs = 0;
  for (const chapter of content().chapters) {
    for (const lesson of chapter.lessons.values()) {
      for (const cell of lesson.cells) {
        if (cell.kind !== 'sim') continue;
        const engine = engines.get(cell.engine)!;
        // The loader runs engines in-process through executeSimulation; only its timing field may differ.
        const run = () => {
          const outcome = executeSimulation(engine, cell.input);
          assert.ok(outcome.ok, `${lesson.file}:${cell.line}`);
          const { durationMs: _timing, ...rest } = outcome;
          return rest;
        };
        const [first, second] = [run(), run()];
        const where = `${lesson.file}:${cell.line} (${cell.id})`;
        assert.deepStrictEqual(second, first, `${where}: a second run differs from the first`);
        assert.equal(JSON.stringify(second), JSON.stringify(first), `${where}: same data, but serialised differently`);
        assert.deepStrictEqual(first, cell.defaultOutput, `${where}: a run differs from the output computed at start-up`);
        runs++;
      }
    }
  }
  assert.ok(runs > 0, 'there are default scenarios to run');
});

/** Line counts of the notes, by their number: "000" → 451. */
function noteLineCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of readdirSync(NOTES)) {
    const m = /^(\d{3})_.+\.txt$/.exec(name);
    if (m) counts.set(m[1], readFileSync(join(NOTES, name), 'utf8').split('\n').length);
  }
  return counts;
}

const NO_NOTES = existsSync(join(NOTES, 'README.md')) ? false : `the notes are not at ${NOTES} (they live beside the project, in ../shared/notes)`;

test('every sources entry names a note that exists and lines that are in it', { skip: NO_NOTES }, () => {
  // How a lesson cites the notes (../shared/notes/README.md lists the five files and
  // their sections by line): "NNN: what it covers (lines A-B, C-D)", possibly with
  // more than one parenthesised group, e.g. "... (lines 386-399), ... (line 167)".
  const notes = noteLineCounts();
  assert.ok(notes.size >= 1, 'found the note files');
  const problems: string[] = [];
  for (const chapter of content().chapters) {
    for (const lesson of chapter.lessons.values()) {
      for (const source of lesson.sources) {
        const match = SOURCE_ENTRY.exec(source);
        if (!match) {
          problems.push(`${lesson.file}: "${source}" does not name a note and its lines`);
          continue;
        }
        const lines = notes.get(match[1]);
        if (lines === undefined) {
          problems.push(`${lesson.file}: "${source}": there is no note ${match[1]}_*.txt`);
          continue;
        }
        const text = readFileSync(join(NOTES, readdirSync(NOTES).find((n) => n.startsWith(`${match[1]}_`))!), 'utf8').split('\n');
        for (const group of source.matchAll(/\(lines? ([\d, -]+)\)/g)) {
          for (const range of group[1].split(/,\s*/)) {
            const [from, to = from] = range.split('-').map(Number);
            if (!(from >= 1 && from <= to && to <= lines)) {
              problems.push(`${lesson.file}: "${source}": lines ${range} are not in note ${match[1]} (${lines} lines)`);
            } else if (text.slice(from - 1, to).every((l) => l.trim() === '')) {
              problems.push(`${lesson.file}: "${source}": lines ${range} of note ${match[1]} are blank`);
            }
          }
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});

const NO_CURRICULUM = existsSync(CURRICULUM_MD) ? false : `CURRICULUM.md is not at ${CURRICULUM_MD} (it lives beside the project, in ../shared)`;

interface PlannedRow {
  number: number;
  slug: string;
  chapter: string;
  notes: string[];
}

/** The chapter table of CURRICULUM.md: | # | slug | chapter | sources in notes/ | simulation |. */
function curriculumTable(): PlannedRow[] {
  const rows: PlannedRow[] = [];
  for (const line of readFileSync(CURRICULUM_MD, 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 6 || !/^\d+$/.test(cells[1])) continue;
    rows.push({
      number: Number(cells[1]),
      slug: cells[2],
      chapter: cells[3],
      // "000 Pod phases, restart policy; 001 Pod, static Pod" → ["000", "001"]
      notes: [...cells[4].matchAll(/(?:^|;\s*)(\d{3})\b/g)].map((m) => m[1]),
    });
  }
  return rows;
}

/** The words of a title, for comparing without case, markup, plurals or small words. */
function words(text: string): Set<string> {
  const small = new Set(['the', 'a', 'an', 'and', 'of', 'to', 'from', 'how', 'in']);
  return new Set(
    text
      .toLowerCase()
      .replace(/[*`]/g, '')
      .split(/[^a-z0-9-]+/)
      .filter((w) => w && !small.has(w))
      .map((w) => w.replace(/ies$/, 'y').replace(/s$/, '')),
  );
}

test('the chapter plan (server/content/curriculum.ts) is the table of CURRICULUM.md: numbers, slugs and titles', { skip: NO_CURRICULUM }, () => {
  const table = curriculumTable();
  assert.ok(table.length >= 1, 'found the chapter table');
  assert.deepEqual(
    CURRICULUM.map((c) => `${c.number} ${c.slug}`),
    table.map((r) => `${r.number} ${r.slug}`),
    'the same chapters, numbered the same, in the same order',
  );
  // CURRICULUM.md gives each chapter a name followed by what it covers
  // ("**The scheduler**: filter and score, ..."); every word of our shorter
  // English title must come from that text or the slug.
  for (const planned of CURRICULUM) {
    const row = table.find((r) => r.slug === planned.slug)!;
    const given = new Set([...words(row.chapter), ...words(row.slug)]);
    const missing = [...words(planned.title.en)].filter((w) => !given.has(w));
    assert.deepEqual(missing, [], `"${planned.title.en}" (chapter ${planned.number}) against CURRICULUM.md's "${row.chapter}"`);
    assert.ok(planned.title.zh.trim() !== '', `chapter ${planned.number} has a Chinese title`);
  }
});

test('every written lesson cites each note CURRICULUM.md assigns to its chapter', { skip: NO_CURRICULUM || NO_NOTES }, () => {
  const table = curriculumTable();
  const problems: string[] = [];
  for (const chapter of content().chapters) {
    const row = table.find((r) => r.slug === chapter.slug);
    if (!row) continue; // a chapter outside the plan is refused by the loader
    for (const lesson of chapter.lessons.values()) {
      const cited = new Set(lesson.sources.map((s) => s.slice(0, 3)));
      for (const note of row.notes) if (!cited.has(note)) problems.push(`${lesson.file}: no source from note ${note} (CURRICULUM.md: "${row.chapter.slice(0, 40)}…")`);
    }
  }
  assert.deepEqual(problems, []);
});

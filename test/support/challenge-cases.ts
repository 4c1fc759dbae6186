// The harness every chapter's challenge table uses (test/content/challenges*.test.ts):
// like a level of Learn Git Branching, a challenge's start fails the objectives it
// is about, its solution meets every objective and rule, and the fixes a learner
// tries first fail the objective or rule that should catch them (and other right
// fixes pass). The scenarios run through the real engines; nothing is typed in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../server/content/load.ts';
import type { ChallengeCell, ContentIndex, Lang } from '../../server/content/model.ts';
import { gradeChallenge, type ChallengeReport } from '../../server/challenge/grade.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import { engines } from '../../simulations/registry.ts';

let loaded: ContentIndex | undefined;

/** The real lessons, loaded once per test file. */
export function lessons(): ContentIndex {
  loaded ??= loadContent({
    contentDir: fileURLToPath(new URL('../../content/', import.meta.url)),
    engines,
    rootDir: fileURLToPath(new URL('../../', import.meta.url)),
  });
  return loaded;
}

export function challenge(slug: string, id: string, lang: Lang = 'en'): ChallengeCell {
  const cell = lessons().bySlug.get(slug)!.lessons.get(lang)!.cells.find((c) => c.id === id);
  assert.ok(cell && cell.kind === 'challenge', `${slug}/${id} is a challenge in ${lang}`);
  return cell;
}

/** Runs a scenario of the challenge through its engine (without a view) and grades it. */
export function grade(cell: ChallengeCell, input: string): ChallengeReport {
  const outcome = executeSimulation(engines.get(cell.engine)!, input, { view: false });
  assert.ok(outcome.ok, `runs: ${outcome.ok ? '' : outcome.error.message}`);
  return gradeChallenge(cell.spec, cell.startObjects, input, outcome);
}

/** What a report does not meet: objectives by their check, rules by kind, object and field. */
export function unmet(report: ChallengeReport): string[] {
  return [
    ...report.objectives.filter((o) => !o.met).map((o) => o.check),
    ...report.constraints.filter((c) => !c.met).map((c) => (c.kind === 'field' ? `keep ${c.object} ${c.field}` : c.kind === 'stay' ? `stay ${c.object}` : `added ${c.count}`)),
  ];
}

/** The value an objective found (by its check). */
export function found(report: ChallengeReport, check: string): unknown {
  const objective = report.objectives.find((x) => x.check === check);
  assert.ok(objective, check);
  return objective.value;
}

/** Replaces text in the start scenario (each pair's first occurrence), failing loudly when the text is not there. */
export function edit(start: string, ...pairs: [string, string][]): string {
  let out = start;
  for (const [from, to] of pairs) {
    assert.ok(out.includes(from), `the start scenario contains ${JSON.stringify(from)}`);
    out = out.replace(from, to);
  }
  return out;
}

export interface Fix {
  name: string;
  input: (start: string) => string;
  /** Everything the fix leaves unmet (objectives by check, rules by description); [] for a right fix. */
  fails: string[];
}

export interface ChallengeCase {
  slug: string;
  id: string;
  /** What the start leaves unmet. */
  startFails: string[];
  wrong: [Fix, Fix, ...Fix[]];
  /** Other right fixes than the lesson's solution. */
  alsoRight?: Fix[];
}

/**
 * The table's tests: every challenge of `chapters` is in it (at least `perChapter` each),
 * and each case's start, solution, wrong and other right fixes grade as stated, and its
 * Chinese version has the same scenarios, checks, rules and number of hints, translated.
 */
export function checkChallengeCases(title: string, chapters: string[], cases: ChallengeCase[], perChapter = 2): void {
  describe(title, () => {
    it(`every challenge of ${chapters.join(', ')} is in this table, at least ${perChapter} a chapter`, () => {
      const listed = cases.map((c) => `${c.slug}/${c.id}`).sort();
      const present = chapters.flatMap((slug) =>
        lessons().bySlug.get(slug)!.lessons.get('en')!.cells.filter((c) => c.kind === 'challenge').map((c) => `${slug}/${c.id}`),
      );
      assert.deepEqual(listed, present.sort());
      for (const slug of chapters) assert.ok(present.filter((f) => f.startsWith(`${slug}/`)).length >= perChapter, slug);
    });

    for (const c of cases) {
      describe(`${c.slug}/${c.id}`, () => {
        const cell = challenge(c.slug, c.id);
        it('the broken start fails exactly the objectives it is about, and keeps every rule', () => {
          assert.deepEqual(unmet(grade(cell, cell.start)), c.startFails);
        });
        it('the solution meets every objective and rule', () => {
          const report = grade(cell, cell.solution);
          assert.deepEqual(unmet(report), []);
          assert.equal(report.solved, true);
        });
        for (const fix of c.wrong) {
          it(`wrong fix: ${fix.name}`, () => {
            const report = grade(cell, fix.input(cell.start));
            assert.equal(report.solved, false);
            assert.deepEqual(unmet(report), fix.fails);
          });
        }
        for (const fix of c.alsoRight ?? []) {
          it(`also right: ${fix.name}`, () => {
            const report = grade(cell, fix.input(cell.start));
            assert.deepEqual(unmet(report), []);
            assert.equal(report.solved, true);
          });
        }
        it('the Chinese lesson holds the same challenge (scenarios, checks, rules, number of hints), translated', () => {
          const zh = challenge(c.slug, c.id, 'zh');
          assert.equal(zh.start, cell.start);
          assert.equal(zh.solution, cell.solution);
          assert.deepEqual(zh.spec.objectives.map((o) => o.predicate), cell.spec.objectives.map((o) => o.predicate));
          assert.deepEqual(zh.spec.constraints, cell.spec.constraints);
          assert.equal(zh.spec.hints.length, cell.spec.hints.length);
          assert.notEqual(zh.spec.task, cell.spec.task, 'the task is translated');
        });
      });
    }
  });
}

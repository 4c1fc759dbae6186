// The controllers chapter's troubleshooting challenges, checked like those of
// test/content/challenges.test.ts: the start fails the objectives it is about,
// the solution meets every objective and rule, and plausible wrong fixes
// (what a learner tries first) fail the objective or rule that should catch
// them. Every scenario runs through the controllers engine; nothing is typed in.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../server/content/load.ts';
import { engines } from '../../simulations/registry.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import { gradeChallenge, type ChallengeReport } from '../../server/challenge/grade.ts';
import type { ChallengeCell, Lang } from '../../server/content/model.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const content = loadContent({ contentDir, engines, rootDir });
const SLUG = 'controllers';

function challenge(id: string, lang: Lang = 'en'): ChallengeCell {
  const cell = content.bySlug.get(SLUG)!.lessons.get(lang)!.cells.find((c) => c.id === id);
  assert.ok(cell && cell.kind === 'challenge', `${SLUG}/${id} is a challenge (${lang})`);
  return cell;
}

function grade(cell: ChallengeCell, input: string): ChallengeReport {
  const outcome = executeSimulation(engines.get(cell.engine)!, input, { view: false });
  assert.ok(outcome.ok, `runs: ${outcome.ok ? '' : outcome.error.message}`);
  return gradeChallenge(cell.spec, cell.startObjects, input, outcome);
}

/** What a report does not meet: objectives by their check, rules by kind, object and field. */
function unmet(report: ChallengeReport): string[] {
  return [
    ...report.objectives.filter((o) => !o.met).map((o) => o.check),
    ...report.constraints.filter((c) => !c.met).map((c) => (c.kind === 'field' ? `keep ${c.object} ${c.field}` : c.kind === 'stay' ? `stay ${c.object}` : `added ${c.count}`)),
  ];
}

/** Replaces text in the start scenario, failing loudly when the text is not there. */
function edit(start: string, ...pairs: [string, string][]): string {
  let out = start;
  for (const [from, to] of pairs) {
    assert.ok(out.includes(from), `the start scenario contains ${JSON.stringify(from)}`);
    out = out.replace(from, to);
  }
  return out;
}

interface WrongFix {
  name: string;
  input: (start: string) => string;
  fails: string[];
}

interface Case {
  id: string;
  startFails: string[];
  wrong: [WrongFix, WrongFix, ...WrongFix[]];
}

const TEMPLATE = '    matchLabels: { app: web }\n  template:';
const strategy = (s: string, body: string) => edit(s, [TEMPLATE, `    matchLabels: { app: web }\n  strategy:\n${body}  template:`]);
const SCHEDULE = '  schedule: "*/5 * * * *"\n';
const JOB_SPEC = '    spec:\n      template:';

const CASES: Case[] = [
  {
    id: 'challenge-capacity',
    startFails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4'],
    wrong: [
      {
        name: 'Recreate (every old Pod goes first)',
        input: (s) => strategy(s, '    type: Recreate\n'),
        fails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4'],
      },
      {
        name: 'maxSurge 100% alone (maxUnavailable stays 25%)',
        input: (s) => strategy(s, '    rollingUpdate: { maxSurge: 100% }\n'),
        fails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4'],
      },
      {
        name: 'a fifth replica',
        input: (s) => edit(s, ['  replicas: 4\n', '  replicas: 5\n']),
        fails: ['keep Deployment/web spec.replicas'],
      },
      {
        name: 'pausing the Deployment (nothing is ever released)',
        input: (s) => edit(s, ['  replicas: 4\n', '  replicas: 4\n  paused: true\n']),
        fails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4', 'rolloutStatus[1].ended == error'],
      },
      {
        name: 'rolling back in the script at 2 min',
        input: (s) => edit(s, ['    setImage: { deployment: web, container: web, image: example/web:2.0 }\n', '    setImage: { deployment: web, container: web, image: example/web:2.0 }\n  - at: 2m\n    rolloutUndo: { deployment: web }\n']),
        // The run started at the release then sees the rolled-back Deployment complete: "successfully rolled out".
        fails: ['podExtremes[deployment=web].minReadyAfterFirstAction >= 4', 'rolloutStatus[1].ended == error', 'keep ControllerScenario/release spec'],
      },
    ],
  },
  {
    id: 'challenge-cron-pileup',
    startFails: ['cronJobs[name=export].active <= 1'],
    wrong: [
      {
        name: 'Replace (each new run deletes the one in progress)',
        input: (s) => edit(s, [SCHEDULE, `${SCHEDULE}  concurrencyPolicy: Replace\n`]),
        fails: ['jobs[status=Complete] present'],
      },
      {
        name: "parallelism 1 in the Job template (limits one Job's Pods)",
        input: (s) => edit(s, [JOB_SPEC, '    spec:\n      parallelism: 1\n      template:']),
        fails: ['cronJobs[name=export].active <= 1'],
      },
      {
        name: 'a starting deadline alone',
        input: (s) => edit(s, [SCHEDULE, `${SCHEDULE}  startingDeadlineSeconds: 60\n`]),
        fails: ['cronJobs[name=export].active <= 1'],
      },
      {
        name: 'an active deadline shorter than the period',
        input: (s) => edit(s, [JOB_SPEC, '    spec:\n      activeDeadlineSeconds: 290\n      template:']),
        fails: ['jobs[status=Complete] present'],
      },
      {
        name: 'a 15-minute schedule',
        input: (s) => edit(s, ['"*/5 * * * *"', '"*/15 * * * *"']),
        fails: ['keep CronJob/export spec.schedule'],
      },
    ],
  },
];

describe('controllers troubleshooting challenges: start, solution and wrong fixes, through the engine', () => {
  it('every challenge of the chapter is in this table, at least two', () => {
    const found = content.bySlug.get(SLUG)!.lessons.get('en')!.cells.filter((c) => c.kind === 'challenge').map((c) => c.id);
    assert.deepEqual(CASES.map((c) => c.id).sort(), found.sort());
    assert.ok(found.length >= 2);
  });

  for (const c of CASES) {
    describe(c.id, () => {
      const cell = challenge(c.id);
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
      it('the Chinese lesson holds the same challenge (scenarios, checks, rules, number of hints), translated', () => {
        const zh = challenge(c.id, 'zh');
        assert.equal(zh.start, cell.start);
        assert.equal(zh.solution, cell.solution);
        assert.deepEqual(zh.spec.objectives.map((o) => o.predicate), cell.spec.objectives.map((o) => o.predicate));
        assert.deepEqual(zh.spec.constraints, cell.spec.constraints);
        assert.equal(zh.spec.hints.length, cell.spec.hints.length);
        assert.notEqual(zh.spec.task, cell.spec.task);
      });
    });
  }
});

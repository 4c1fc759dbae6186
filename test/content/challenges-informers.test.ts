// The informers lesson's troubleshooting challenges (content/09-informers),
// checked like those of test/content/challenges.test.ts: the broken start
// fails the objectives it is about, the solution meets every objective and
// rule, and plausible wrong fixes fail the objective or rule that should
// catch them. Every scenario runs through the informers engine; the counts
// the objectives read come from it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../../server/content/load.ts';
import { engines } from '../../simulations/registry.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import { gradeChallenge, type ChallengeReport } from '../../server/challenge/grade.ts';
import type { ChallengeCell } from '../../server/content/model.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const rootDir = fileURLToPath(new URL('../../', import.meta.url));
const content = loadContent({ contentDir, engines, rootDir });

function challenge(id: string, lang: 'en' | 'zh' = 'en'): ChallengeCell {
  const cell = content.bySlug.get('informers')!.lessons.get(lang)!.cells.find((c) => c.id === id);
  assert.ok(cell && cell.kind === 'challenge', `informers/${id} is a challenge in ${lang}`);
  return cell;
}

function grade(cell: ChallengeCell, input: string): ChallengeReport {
  const outcome = executeSimulation(engines.get(cell.engine)!, input, { view: false });
  assert.ok(outcome.ok, `runs: ${outcome.ok ? '' : outcome.error.message}`);
  return gradeChallenge(cell.spec, cell.startObjects, input, outcome);
}

function unmet(report: ChallengeReport): string[] {
  return [
    ...report.objectives.filter((o) => !o.met).map((o) => o.check),
    ...report.constraints.filter((c) => !c.met).map((c) => (c.kind === 'field' ? `keep ${c.object} ${c.field}` : c.kind === 'stay' ? `stay ${c.object}` : `added ${c.count}`)),
  ];
}

/** The value an objective found (by its check). */
function found(report: ChallengeReport, check: string): unknown {
  const o = report.objectives.find((x) => x.check === check);
  assert.ok(o, check);
  return o.value;
}

function edit(start: string, ...pairs: [string, string][]): string {
  let out = start;
  for (const [from, to] of pairs) {
    assert.ok(out.includes(from), `the start scenario contains ${JSON.stringify(from)}`);
    out = out.replace(from, to);
  }
  return out;
}

interface Fix {
  name: string;
  input: (start: string) => string;
  fails: string[];
}

const DRIFT_PERIOD = 'informer.handlers[name=drift].resyncPeriodMs == 60000';
const DRIFT_COUNT = 'informer.handlers[name=drift].notifications >= 4';
const AUDIT_COUNT = 'informer.handlers[name=audit].notifications == 2';
const ORPHAN = 'queue.keys[key=default/orphan].attempts <= 10';
const WEB = 'queue.keys[key=default/web].done == true';

const CASES: Array<{ id: string; startFails: string[]; wrong: Fix[]; alsoRight?: Fix[] }> = [
  {
    id: 'challenge-resync',
    startFails: [DRIFT_PERIOD, DRIFT_COUNT],
    wrong: [
      {
        name: "giving the informer a period only: audit inherits it and logs the resyncs",
        input: (s) => edit(s, ['  resyncPeriodMs: 0\n  handlers:', '  resyncPeriodMs: 60000\n  handlers:']),
        fails: [AUDIT_COUNT],
      },
      {
        name: "shortening drift's own period to 30 s",
        input: (s) => edit(s, ['    resyncPeriodMs: 60000', '    resyncPeriodMs: 30000']),
        fails: [DRIFT_PERIOD, DRIFT_COUNT],
      },
      {
        name: 'registering audit with period 0, the informer still at 0',
        input: (s) => edit(s, ['  - name: audit\n', '  - name: audit\n    resyncPeriodMs: 0\n']),
        fails: [DRIFT_PERIOD, DRIFT_COUNT],
      },
      {
        name: 'giving the informer a period and removing the audit handler',
        input: (s) => edit(s, ['  resyncPeriodMs: 0\n  handlers:', '  resyncPeriodMs: 60000\n  handlers:'], ['  - name: audit\n', '']),
        fails: [AUDIT_COUNT],
      },
      {
        name: 'adding a second ConfigMap for drift to hear about',
        input: (s) => `${s}---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: extra, namespace: default, uid: extra}\n`,
        fails: [DRIFT_PERIOD, DRIFT_COUNT, AUDIT_COUNT, 'added 1'],
      },
    ],
    alsoRight: [
      {
        name: 'a one-day informer period, drift at 60 s lowering the check period before the start',
        input: (s) => edit(s, ['  resyncPeriodMs: 0\n  handlers:', '  resyncPeriodMs: 86400000\n  handlers:']),
        fails: [],
      },
    ],
  },
  {
    id: 'challenge-retry-storm',
    startFails: [ORPHAN],
    wrong: [
      {
        name: 'raising the cap to 100 ms',
        input: (s) => edit(s, ['    maxDelayMs: 5\n', '    maxDelayMs: 100\n']),
        fails: [ORPHAN],
      },
      {
        name: 'a base delay of one second',
        input: (s) => edit(s, ['    baseDelayMs: 5\n    maxDelayMs: 5\n', '    baseDelayMs: 1000\n    maxDelayMs: 1000000\n']),
        fails: [WEB],
      },
      {
        name: 'a 10 qps bucket alone',
        input: (s) => edit(s, ['    type: ItemExponentialFailureRateLimiter\n    baseDelayMs: 5\n    maxDelayMs: 5\n', '    type: BucketRateLimiter\n    qps: 10\n    burst: 100\n']),
        fails: [ORPHAN],
      },
      {
        name: 'one worker instead of two',
        input: (s) => edit(s, ['  workers: 2\n', '  workers: 1\n']),
        fails: [ORPHAN],
      },
      {
        name: "making orphan's reconciles succeed",
        input: (s) => s.replace(/  - \{key: default\/orphan, attempts: \[[^\]]*\]\}\n/, ''),
        fails: ['keep WorkQueueScript/certificates spec.failures'],
      },
    ],
    alsoRight: [
      {
        name: 'deleting the override (the default is DefaultControllerRateLimiter)',
        input: (s) => s.replace(/  # Set last month[^\n]*\n  rateLimiter:\n(    [^\n]*\n)+/, ''),
        fails: [],
      },
    ],
  },
];

describe('informers troubleshooting challenges', () => {
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
      for (const fix of c.alsoRight ?? []) {
        it(`also right: ${fix.name}`, () => {
          const report = grade(cell, fix.input(cell.start));
          assert.deepEqual(unmet(report), []);
          assert.equal(report.solved, true);
        });
      }
      it('zh holds the same challenge (scenarios, checks, rules, number of hints), translated', () => {
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

  it('the numbers the explanations state are what the engine computes', () => {
    const storm = challenge('challenge-retry-storm');
    // "80 times in 2 s (40 a second)"; the default: "9 attempts in 2 s".
    assert.equal(found(grade(storm, storm.start), ORPHAN), 80);
    assert.equal(found(grade(storm, storm.solution), ORPHAN), 9);
    // "a cap of 100 ms still retries orphan about 20 times".
    const capped = found(grade(storm, edit(storm.start, ['    maxDelayMs: 5\n', '    maxDelayMs: 100\n'])), ORPHAN) as number;
    assert.ok(capped >= 18 && capped <= 22, `about 20, got ${capped}`);
    const resync = challenge('challenge-resync');
    // The start: drift's 60 s becomes 0 (determineResyncPeriod with a check period of 0), 2 notifications each.
    const start = grade(resync, resync.start);
    assert.equal(found(start, DRIFT_PERIOD), 0);
    assert.equal(found(start, AUDIT_COUNT), 2);
    // Giving the informer 60 s: audit inherits it, 2 resyncs more (60 s, 120 s).
    assert.equal(found(grade(resync, edit(resync.start, ['  resyncPeriodMs: 0\n  handlers:', '  resyncPeriodMs: 60000\n  handlers:'])), AUDIT_COUNT), 4);
  });
});

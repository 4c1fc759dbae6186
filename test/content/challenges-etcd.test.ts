// The etcd chapter's troubleshooting challenges, checked like those of
// test/content/challenges.test.ts: the start fails the objectives it is about,
// the solution meets every objective and rule, and the fixes a learner tries
// first fail the objective or rule that should catch them. Every scenario runs
// through the real etcd engine; nothing here is typed in.
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
const SLUG = 'etcd';

function challenge(id: string, lang: Lang = 'en'): ChallengeCell {
  const cell = content.bySlug.get(SLUG)!.lessons.get(lang)!.cells.find((c) => c.id === id);
  assert.ok(cell && cell.kind === 'challenge', `${SLUG}/${id} is a challenge`);
  return cell;
}

function run(cell: ChallengeCell, input: string) {
  const outcome = executeSimulation(engines.get(cell.engine)!, input, { view: false });
  assert.ok(outcome.ok, `runs: ${outcome.ok ? '' : outcome.error.message}`);
  return outcome;
}

function grade(cell: ChallengeCell, input: string): ChallengeReport {
  return gradeChallenge(cell.spec, cell.startObjects, input, run(cell, input));
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
    out = out.split(from).join(to);
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

const ZONE_B_CUT = '{ at: 3000, type: partition, groups: [[1, 2], [3, 4]] }';
const ZONE_A_CUT = '{ at: 9000, type: partition, groups: [[3, 4], [1, 2]] }';
const ORDER_1 = 'raft.commits[data=order-1].at < 7000';
const ORDER_2 = 'raft.commits[data=order-2].at < 13000';
const LAST_WATCH = '  - { op: watch, key: /registry/configmaps/, prefix: true, rev: 4 }\n';

const CASES: Case[] = [
  {
    id: 'challenge-zone-outage',
    startFails: [ORDER_1, ORDER_2],
    wrong: [
      {
        name: 'a fifth member placed in neither zone nor partition group (alone in every split: 2 | 2 | 1)',
        input: (s) => edit(s, ['members: 4', 'members: 5']),
        fails: [ORDER_1, ORDER_2],
      },
      {
        name: 'turning CheckQuorum off (the old leader stays, but 2 of 4 commit nothing until the heal)',
        input: (s) => edit(s, ['checkQuorum: true', 'checkQuorum: false']),
        fails: [ORDER_1, ORDER_2],
      },
      {
        name: 'turning PreVote off (elections nobody can win)',
        input: (s) => edit(s, ['preVote: true', 'preVote: false']),
        fails: [ORDER_1, ORDER_2],
      },
      {
        name: 'the fifth member in zone-a (the drill then cuts off three members)',
        input: (s) =>
          edit(
            s,
            ['members: 4', 'members: 5'],
            [ZONE_B_CUT, '{ at: 3000, type: partition, groups: [[1, 2, 5], [3, 4]] }'],
            [ZONE_A_CUT, '{ at: 9000, type: partition, groups: [[3, 4], [1, 2, 5]] }'],
          ),
        fails: ['keep RaftCluster/zone-drill spec.events[at=9000].groups[1]'],
      },
      {
        // Cut off from zone-b, a zone-a of three keeps the majority, so both writes commit; but the drill
        // no longer cuts off the members it names, and a zone-a failure would now take the majority with it.
        name: 'moving member 3 to zone-a (a 3 + 1 layout)',
        input: (s) =>
          edit(
            s,
            [ZONE_B_CUT, '{ at: 3000, type: partition, groups: [[1, 2, 3], [4]] }'],
            [ZONE_A_CUT, '{ at: 9000, type: partition, groups: [[4], [1, 2, 3]] }'],
          ),
        fails: ['keep RaftCluster/zone-drill spec.events[at=3000].groups[1]', 'keep RaftCluster/zone-drill spec.events[at=9000].groups[1]'],
      },
      {
        name: 'healing zone-b early',
        input: (s) => edit(s, ['  - { at: 5000, type: propose, value: order-1 }\n', '  - { at: 4000, type: heal }\n  - { at: 5000, type: propose, value: order-1 }\n']),
        fails: [ORDER_2, 'keep RaftCluster/zone-drill spec.events.length'],
      },
    ],
  },
  {
    id: 'challenge-watch-compacted',
    startFails: ['mvcc.results[-1].canceled absent', 'mvcc.results[-1].events[-1].kv.value == v3', 'mvcc.results[-1].events[0].kv.mod_revision > 7'],
    wrong: [
      {
        name: 'watching from the compact_revision the error reports (replays what the list showed)',
        input: (s) => edit(s, [`  # ...and watches again.\n${LAST_WATCH}`, '  # ...and watches again.\n  - { op: watch, key: /registry/configmaps/, prefix: true, rev: 6 }\n']),
        fails: ['mvcc.results[-1].events[0].kv.mod_revision > 7'],
      },
      {
        name: "watching from the list's own revision (off by one)",
        input: (s) => edit(s, [`  # ...and watches again.\n${LAST_WATCH}`, '  # ...and watches again.\n  - { op: watch, key: /registry/configmaps/, prefix: true, rev: 7 }\n']),
        fails: ['mvcc.results[-1].events[0].kv.mod_revision > 7'],
      },
      {
        name: 'watching from now (misses the write between list and watch)',
        input: (s) => edit(s, [`  # ...and watches again.\n${LAST_WATCH}`, '  # ...and watches again.\n  - { op: watch, key: /registry/configmaps/, prefix: true }\n']),
        fails: ['mvcc.results[-1].events[-1].kv.value == v3', 'mvcc.results[-1].events[0].kv.mod_revision > 7'],
      },
      {
        name: 'removing the compaction (the old revision then works, and replays everything)',
        input: (s) => edit(s, ['  - { op: compact, rev: 6 }\n', '']),
        fails: ['mvcc.results[-1].events[0].kv.mod_revision > 7', 'keep EtcdctlScript/cm-mirror spec.commands.length', 'keep EtcdctlScript/cm-mirror spec.commands[op=compact].rev'],
      },
    ],
  },
];

describe('etcd troubleshooting challenges: start, solution and wrong fixes, through the engine', () => {
  it('every challenge of the etcd chapter is in this table, at least two', () => {
    const found = content.bySlug.get(SLUG)!.lessons.get('en')!.cells.filter((c) => c.kind === 'challenge').map((c) => c.id);
    assert.deepEqual(CASES.map((c) => c.id).sort(), [...found].sort());
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
    });
  }

  it('zone drill: the start loses both writes for want of a leader, and the solution commits each within a few ms', () => {
    const cell = challenge('challenge-zone-outage');
    const start = run(cell, cell.start);
    const causes = (start.result as { timeline: { cause: string }[] }).timeline.map((t) => t.cause);
    assert.ok(causes.includes('propose "order-1" (no leader: dropped)'), causes.join('\n'));
    assert.ok(causes.includes('propose "order-2" (no leader: dropped)'), causes.join('\n'));
    const solved = run(cell, cell.solution).result as { raft: { commits: { data: string; at: number }[] } };
    const first = (data: string) => solved.raft.commits.find((x) => x.data === data)!.at;
    assert.ok(first('order-1') - 5000 < 50, `order-1 at ${first('order-1')}`);
    assert.ok(first('order-2') - 11000 < 50, `order-2 at ${first('order-2')}`);
  });

  it('watch drill: the start cancels the last watch at compact_revision 6, the second list reports revision 7, and the fix delivers only v3', () => {
    const cell = challenge('challenge-watch-compacted');
    type Res = { mvcc: { results: Record<string, unknown>[] } };
    const start = (run(cell, cell.start).result as Res).mvcc.results;
    assert.deepEqual(start.at(-1), { events: [], canceled: true, compact_revision: 6, cancel_reason: 'etcdserver: mvcc: required revision has been compacted' });
    assert.deepEqual((start.at(-3) as { header: { revision: number } }).header, { revision: 7 });
    const fixed = (run(cell, cell.solution).result as Res).mvcc.results.at(-1) as { events: { type: string; kv: { key: string; value: string; mod_revision: number } }[] };
    assert.deepEqual(fixed.events.map((e) => [e.type, e.kv.key, e.kv.value, e.kv.mod_revision]), [['PUT', '/registry/configmaps/default/feature-flags', 'v3', 8]]);
  });

  it('the Chinese lesson holds the same challenges, objectives, rules, hints count and scenarios', () => {
    for (const c of CASES) {
      const en = challenge(c.id);
      const zh = challenge(c.id, 'zh');
      assert.equal(zh.start, en.start);
      assert.equal(zh.solution, en.solution);
      assert.deepEqual(zh.spec.objectives.map((o) => o.predicate), en.spec.objectives.map((o) => o.predicate));
      assert.deepEqual(zh.spec.constraints, en.spec.constraints);
      assert.equal(zh.spec.hints.length, en.spec.hints.length);
      assert.notEqual(zh.spec.task, en.spec.task);
    }
  });
});

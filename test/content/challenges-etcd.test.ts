// The etcd chapter's troubleshooting challenges, checked like those of
// test/content/challenges.test.ts: the start fails the objectives it is about,
// the solution meets every objective and rule, and the fixes a learner tries
// first fail the objective or rule that should catch them. Every scenario runs
// through the real etcd engine; nothing here is typed in.
import { it, describe } from 'node:test';
import assert from 'node:assert/strict';
import { engines } from '../../simulations/registry.ts';
import { executeSimulation } from '../../server/sim-runtime/execute.ts';
import type { ChallengeCell } from '../../server/content/model.ts';
import { challenge, checkChallengeCases, edit, type ChallengeCase } from '../support/challenge-cases.ts';

const SLUG = 'etcd';

function run(cell: ChallengeCell, input: string) {
  const outcome = executeSimulation(engines.get(cell.engine)!, input, { view: false });
  assert.ok(outcome.ok, `runs: ${outcome.ok ? '' : outcome.error.message}`);
  return outcome;
}

const ZONE_B_CUT = '{ at: 3000, type: partition, groups: [[1, 2], [3, 4]] }';
const ZONE_A_CUT = '{ at: 9000, type: partition, groups: [[3, 4], [1, 2]] }';
const ORDER_1 = 'raft.commits[data=order-1].at < 7000';
const ORDER_2 = 'raft.commits[data=order-2].at < 13000';
const LAST_WATCH = '  - { op: watch, key: /registry/configmaps/, prefix: true, rev: 4 }\n';

const CASES: Omit<ChallengeCase, 'slug'>[] = [
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

checkChallengeCases('etcd troubleshooting challenges: start, solution and wrong fixes, through the engine', [SLUG], CASES.map((c) => ({ slug: SLUG, ...c })));

describe('etcd troubleshooting challenges: what the engine shows', () => {
  it('zone drill: the start loses both writes for want of a leader, and the solution commits each within a few ms', () => {
    const cell = challenge(SLUG, 'challenge-zone-outage');
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
    const cell = challenge(SLUG, 'challenge-watch-compacted');
    type Res = { mvcc: { results: Record<string, unknown>[] } };
    const start = (run(cell, cell.start).result as Res).mvcc.results;
    assert.deepEqual(start.at(-1), { events: [], canceled: true, compact_revision: 6, cancel_reason: 'etcdserver: mvcc: required revision has been compacted' });
    assert.deepEqual((start.at(-3) as { header: { revision: number } }).header, { revision: 7 });
    const fixed = (run(cell, cell.solution).result as Res).mvcc.results.at(-1) as { events: { type: string; kv: { key: string; value: string; mod_revision: number } }[] };
    assert.deepEqual(fixed.events.map((e) => [e.type, e.kv.key, e.kv.value, e.kv.mod_revision]), [['PUT', '/registry/configmaps/default/feature-flags', 'v3', 8]]);
  });

});

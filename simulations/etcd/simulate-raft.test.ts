import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LimitExceededError, ValidationError } from '../shared/errors.ts';
import { simulateRaft } from './simulate-raft.ts';
import type { RaftEvent, RaftInput, RaftOutput } from './simulate-raft.ts';

function cluster(over: Partial<RaftInput> & { events?: RaftEvent[] } = {}): RaftInput {
  return { members: 3, seed: 7, heartbeatMs: 100, electionTimeoutMs: [1000, 2000], untilMs: 10_000, events: [], ...over };
}

const leaderOf = (out: RaftOutput) => out.members.find((m) => m.up && m.state === 'StateLeader');
const datas = (log: { data: string }[]) => log.map((e) => e.data);

test('a healthy 3-member cluster elects one leader within the longest election timeout, and a proposal commits on every member', () => {
  const out = simulateRaft(cluster({ events: [{ at: 5000, type: 'propose', value: 'x' }] }));
  assert.equal(out.leaders.length, 1);
  assert.ok(out.leaders[0].at < 2000 + 50, `elected at ${out.leaders[0].at}`);
  assert.equal(out.leaders[0].term, 1);
  for (const m of out.members) {
    assert.deepEqual(datas(m.log), ['', 'x'], `member ${m.id}: the leader's empty entry, then the proposal`);
    assert.equal(m.commitIndex, 2);
  }
  const commitsOfX = out.commits.filter((c) => c.data === 'x');
  assert.equal(commitsOfX.length, 3);
  assert.ok(commitsOfX.every((c) => c.at > 5000 && c.at < 5000 + 100), 'committed within a round trip or a heartbeat');
});

test('contracts/etcd.md example: 5 members split 2|3, the majority elects a leader and commits; the minority stays pre-candidates at term 0', () => {
  const out = simulateRaft({ members: 5, seed: 21, heartbeatMs: 100, electionTimeoutMs: [1000, 2000], preVote: true, checkQuorum: true, untilMs: 10000, events: [{ at: 0, type: 'partition', groups: [[1, 2], [3, 4, 5]] }, { at: 6000, type: 'propose', value: 'a' }] });
  for (const id of [1, 2]) {
    const m = out.members[id - 1];
    assert.deepEqual({ state: m.state, term: m.term, commitIndex: m.commitIndex, log: m.log }, { state: 'StatePreCandidate', term: 0, commitIndex: 0, log: [] });
  }
  const leader = leaderOf(out);
  assert.ok(leader && [3, 4, 5].includes(leader.id));
  for (const id of [3, 4, 5]) {
    const m = out.members[id - 1];
    assert.equal(m.term, 1);
    assert.equal(m.commitIndex, 2);
    assert.deepEqual(m.log, [{ index: 1, term: 1, data: '' }, { index: 2, term: 1, data: 'a' }]);
  }
  assert.deepEqual(out.leaders.map((l) => [l.term, l.id]), [[1, leader.id]]);
});

test('PreVote: a member cut off alone never raises its term, so when it returns the leader keeps its term', () => {
  const events: RaftEvent[] = [{ at: 3000, type: 'partition', groups: [[1, 2], [3]] }, { at: 12_000, type: 'heal' }, { at: 14_000, type: 'propose', value: 'after' }];
  // seed 7 elects a leader among 1 and 2 (checked below), so 3 is the isolated follower
  const out = simulateRaft(cluster({ untilMs: 16_000, preVote: true, events }));
  assert.equal(out.leaders.length, 1, 'no election after the first');
  assert.notEqual(out.leaders[0].id, 3);
  assert.equal(out.members[2].term, 1);
  assert.deepEqual(datas(out.members[2].log), ['', 'after'], 'caught up after the heal');
  assert.equal(out.members[2].commitIndex, 2);
});

test('without PreVote the isolated member campaigns at ever higher terms and deposes the leader when it returns', () => {
  const events: RaftEvent[] = [{ at: 3000, type: 'partition', groups: [[1, 2], [3]] }, { at: 12_000, type: 'heal' }];
  const out = simulateRaft(cluster({ untilMs: 16_000, preVote: false, events }));
  assert.ok(out.leaders.length >= 2, `leaders: ${JSON.stringify(out.leaders.map((l) => [l.term, l.id]))}`);
  assert.ok(out.leaders[out.leaders.length - 1].term > 2, 'the cluster moved to the returning member\'s higher term');
  assert.ok(out.members.every((m) => m.term === out.members[0].term));
});

test('CheckQuorum: a leader cut off into the minority steps down within two election timeouts; without it, it stays leader of a stale term', () => {
  const first = simulateRaft(cluster({ untilMs: 3000 }));
  const oldLeader = first.leaders[0].id;
  const others = [1, 2, 3].filter((id) => id !== oldLeader);
  const events: RaftEvent[] = [{ at: 3000, type: 'partition', groups: [[oldLeader], others] }];
  const withCq = simulateRaft(cluster({ untilMs: 3000 + 2 * 1000 + 100, checkQuorum: true, events }));
  assert.equal(withCq.members[oldLeader - 1].state, 'StateFollower');
  const withoutCq = simulateRaft(cluster({ untilMs: 8000, checkQuorum: false, events }));
  assert.equal(withoutCq.members[oldLeader - 1].state, 'StateLeader');
  assert.ok(withoutCq.members.some((m) => m.id !== oldLeader && m.state === 'StateLeader' && m.term > withoutCq.members[oldLeader - 1].term), 'the majority elected a leader of a newer term meanwhile');
});

test('a crashed leader is replaced; committed entries survive; the old leader restarts as a follower and catches up', () => {
  const events: RaftEvent[] = [
    { at: 3000, type: 'propose', value: 'a' },
    { at: 4000, type: 'crash', member: 'leader' },
    { at: 4001, type: 'propose', value: 'dropped: no leader yet' },
    { at: 8000, type: 'propose', value: 'b' },
    { at: 9000, type: 'restart', member: 0 as never },
  ];
  const probe = simulateRaft(cluster({ untilMs: 4000, events: events.slice(0, 2) }));
  const crashed = probe.members.find((m) => !m.up)!;
  events[4] = { at: 9000, type: 'restart', member: crashed.id };
  const out = simulateRaft(cluster({ untilMs: 12_000, events }));
  assert.equal(out.leaders.length, 2);
  assert.ok(out.leaders[1].term > out.leaders[0].term);
  assert.notEqual(out.leaders[1].id, crashed.id);
  assert.deepEqual(datas(out.leaders[1].log), ['', 'a'], 'the new leader had the committed entry when elected');
  for (const m of out.members) {
    assert.equal(m.up, true);
    assert.deepEqual(datas(m.log), ['', 'a', '', 'b'], `member ${m.id}`);
    assert.equal(m.commitIndex, 4);
  }
  assert.equal(out.members[crashed.id - 1].state, 'StateFollower');
});

test('a member that crashed keeps its persisted term, vote, log and commit while down', () => {
  const out = simulateRaft(cluster({ untilMs: 6000, events: [{ at: 3000, type: 'propose', value: 'a' }, { at: 4000, type: 'crash', member: 2 }] }));
  const m = out.members[1];
  assert.equal(m.up, false);
  assert.equal(m.term, 1);
  assert.equal(m.commitIndex, 2);
  assert.deepEqual(datas(m.log), ['', 'a']);
});

test('with every member down nothing happens, and restarting a member that is up does nothing', () => {
  const out = simulateRaft(cluster({ untilMs: 5000, events: [{ at: 0, type: 'crash', member: 1 }, { at: 0, type: 'crash', member: 2 }, { at: 0, type: 'crash', member: 3 }, { at: 100, type: 'restart', member: 1 }, { at: 200, type: 'restart', member: 1 }] }));
  assert.deepEqual(out.leaders, []);
  assert.equal(out.members[0].up, true);
  assert.equal(out.members[0].state, 'StatePreCandidate', 'alone, member 1 keeps asking for pre-votes');
});

const badInputs: { name: string; input: unknown; error: typeof ValidationError; message: RegExp }[] = [
  { name: 'no members', input: cluster({ members: 0 }), error: ValidationError, message: /^members: must be between 1 and 7, got 0/ },
  { name: 'an event of an unknown type', input: cluster({ events: [{ at: 1, type: 'explode' } as never] }), error: ValidationError, message: /^events\[0\]\.type: must be one of crash, restart, partition, heal, propose, got 'explode'/ },
  { name: 'a crash of a member that does not exist', input: cluster({ events: [{ at: 1, type: 'crash', member: 9 }] }), error: ValidationError, message: /^events\[0\]\.member: must be between 1 and 3, got 9/ },
  { name: 'a member in two partition groups', input: cluster({ events: [{ at: 1, type: 'partition', groups: [[1, 2], [2, 3]] }] }), error: ValidationError, message: /member 2 is in two groups/ },
  { name: 'an election timeout no longer than a heartbeat', input: cluster({ electionTimeoutMs: [100, 200] }), error: ValidationError, message: /^electionTimeoutMs\[0\]: must be longer than heartbeatMs \(100\), got 100/ },
  { name: 'more virtual time than the budget', input: cluster({ untilMs: 100_000_000 }), error: LimitExceededError, message: /^untilMs: must be at most 3600000/ },
];
for (const c of badInputs) {
  test(`bad input is a located ValidationError: ${c.name}`, () => {
    assert.throws(() => simulateRaft(c.input as RaftInput), (e: unknown) => e instanceof c.error && c.message.test((e as Error).message));
  });
}

test('runRaft\'s trace tells each step with the raft.go rule behind it, and never changes the outcome', async () => {
  const { runRaft } = await import('./simulate-raft.ts');
  const input = cluster({ untilMs: 4000, events: [{ at: 3000, type: 'propose', value: 'x' }] });
  const { output, trace } = runRaft(input, { trace: true });
  assert.deepEqual(output, simulateRaft(input));
  const titles = trace.map((s) => s.title);
  assert.ok(titles.some((t) => /became pre-candidate at term 0/.test(t)), titles.join('\n'));
  assert.ok(titles.some((t) => /became leader at term 1/.test(t)));
  assert.ok(trace.every((s) => s.rule.length > 0));
  assert.ok(trace.some((s) => s.rule === 'raft.go stepLeader MsgProp: appendEntry, bcastAppend'));
  for (let i = 1; i < trace.length; i++) assert.ok(trace[i].at >= trace[i - 1].at, 'in time order');
});

// etcd-io/raft's log and vote tables (commit cdfbeed3149e, main after v3.6), transcribed case
// by case through the public functions: log_test.go (TestFindConflict, TestIsUpToDate,
// TestLogMaybeAppend, TestCommitTo), raft_test.go (TestCommit, testRecvMsgVote for
// TestRecvMsgVote and TestRecvMsgPreVote), raft_paper_test.go (TestVoter,
// TestLeaderOnlyCommitsLogFromCurrentTerm), and the examples of contracts/etcd.md.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findConflict, isUpToDate, maybeAppend, maybeCommit, stepVote } from '../../../simulations/index.ts';
import { findConflictByTerm } from '../../../simulations/etcd/raft-log.ts';

type Entry = { index: number; term: number; data?: string };

/** upstream's test helper `index(i).terms(t1, t2, ...)`: entries i, i+1, ... with those terms. */
function index(first: number) {
  return { terms: (...terms: number[]): Entry[] => terms.map((term, i) => ({ index: first + i, term })) };
}

// log_test.go TestFindConflict: previousEnts = index(1).terms(1, 2, 3)
const findConflictCases: { name: string; ents: Entry[]; wconflict: number }[] = [
  { name: 'no conflict, empty ent', ents: [], wconflict: 0 },
  { name: 'no conflict: the whole log again', ents: index(1).terms(1, 2, 3), wconflict: 0 },
  { name: 'no conflict: a suffix from 2', ents: index(2).terms(2, 3), wconflict: 0 },
  { name: 'no conflict: the last entry', ents: index(3).terms(3), wconflict: 0 },
  { name: 'no conflict, but has new entries (from 1)', ents: index(1).terms(1, 2, 3, 4, 4), wconflict: 4 },
  { name: 'no conflict, but has new entries (from 2)', ents: index(2).terms(2, 3, 4, 5), wconflict: 4 },
  { name: 'no conflict, but has new entries (from 3)', ents: index(3).terms(3, 4, 4), wconflict: 4 },
  { name: 'no conflict, but has new entries (only new)', ents: index(4).terms(4, 4), wconflict: 4 },
  { name: 'conflicts with existing entries at 1', ents: index(1).terms(4, 4), wconflict: 1 },
  { name: 'conflicts with existing entries at 2', ents: index(2).terms(1, 4, 4), wconflict: 2 },
  { name: 'conflicts with existing entries at 3', ents: index(3).terms(1, 2, 4, 4), wconflict: 3 },
];
for (const c of findConflictCases) {
  test(`log_test.go TestFindConflict: ${c.name}`, () => {
    assert.equal(findConflict(index(1).terms(1, 2, 3), c.ents), c.wconflict);
  });
}

// log_test.go TestFindConflictByTerm, the cases of a log starting at index 1 (the simulation
// has no snapshots, so the "log with compacted entries" half does not apply).
const byTermLog = index(1).terms(2, 2, 5, 5, 5);
const byTermCases = [
  { name: 'past the end: unknown, so a possible match (ErrUnavailable)', index: 100, term: 2, want: 100, wantTerm: 0 },
  { name: 'term above every entry: the index itself', index: 5, term: 6, want: 5, wantTerm: 5 },
  { name: 'same term: the index itself', index: 5, term: 5, want: 5, wantTerm: 5 },
  { name: 'term between two runs: the last entry of the lower run', index: 5, term: 4, want: 2, wantTerm: 2 },
  { name: 'term of the lower run', index: 5, term: 2, want: 2, wantTerm: 2 },
  { name: 'term below every entry: 0', index: 5, term: 1, want: 0, wantTerm: 0 },
  { name: 'from index 1, same term', index: 1, term: 2, want: 1, wantTerm: 2 },
  { name: 'from index 1, lower term', index: 1, term: 1, want: 0, wantTerm: 0 },
  { name: 'from index 0', index: 0, term: 0, want: 0, wantTerm: 0 },
];
for (const c of byTermCases) {
  test(`log_test.go TestFindConflictByTerm: ${c.name}`, () => {
    assert.deepEqual(findConflictByTerm(byTermLog, c.index, c.term), { index: c.want, term: c.wantTerm });
  });
}

// log_test.go TestIsUpToDate: our log is index(1).terms(1, 2, 3) (last index 3, last term 3)
const upToDateCases = [
  { name: 'greater term, ignore lastIndex (shorter)', lastIndex: 2, term: 4, want: true },
  { name: 'greater term, ignore lastIndex (same)', lastIndex: 3, term: 4, want: true },
  { name: 'greater term, ignore lastIndex (longer)', lastIndex: 4, term: 4, want: true },
  { name: 'smaller term, ignore lastIndex (shorter)', lastIndex: 2, term: 2, want: false },
  { name: 'smaller term, ignore lastIndex (same)', lastIndex: 3, term: 2, want: false },
  { name: 'smaller term, ignore lastIndex (longer)', lastIndex: 4, term: 2, want: false },
  { name: 'equal term, shorter log loses', lastIndex: 2, term: 3, want: false },
  { name: 'equal term, equal log wins', lastIndex: 3, term: 3, want: true },
  { name: 'equal term, larger lastIndex wins', lastIndex: 4, term: 3, want: true },
];
for (const c of upToDateCases) {
  test(`log_test.go TestIsUpToDate: ${c.name}`, () => {
    assert.equal(isUpToDate(3, 3, c.lastIndex, c.term), c.want);
  });
}

// log_test.go TestLogMaybeAppend: previousEnts = index(1).terms(1, 2, 3), committed = 1
const lastindex = 3;
const lastterm = 3;
const commit = 1;
const maybeAppendCases: { name: string; prev: { index: number; term: number }; committed: number; ents: Entry[]; wlasti: number; wappend: boolean; wcommit: number; wpanic?: boolean }[] = [
  { name: 'not match: term is different', prev: { term: lastterm - 1, index: lastindex }, committed: lastindex, ents: index(lastindex + 1).terms(4), wlasti: 0, wappend: false, wcommit: commit },
  { name: 'not match: index out of bound', prev: { term: lastterm, index: lastindex + 1 }, committed: lastindex, ents: index(lastindex + 2).terms(4), wlasti: 0, wappend: false, wcommit: commit },
  { name: 'match with the last existing entry', prev: { term: lastterm, index: lastindex }, committed: lastindex, ents: [], wlasti: lastindex, wappend: true, wcommit: lastindex },
  { name: 'do not increase commit higher than lastnewi', prev: { term: lastterm, index: lastindex }, committed: lastindex + 1, ents: [], wlasti: lastindex, wappend: true, wcommit: lastindex },
  { name: 'commit up to the commit in the message', prev: { term: lastterm, index: lastindex }, committed: lastindex - 1, ents: [], wlasti: lastindex, wappend: true, wcommit: lastindex - 1 },
  { name: 'commit do not decrease', prev: { term: lastterm, index: lastindex }, committed: 0, ents: [], wlasti: lastindex, wappend: true, wcommit: commit },
  { name: 'commit do not decrease (empty prev entry 0/0)', prev: { term: 0, index: 0 }, committed: lastindex, ents: [], wlasti: 0, wappend: true, wcommit: commit },
  { name: 'append one new entry, commit to the message commit', prev: { term: lastterm, index: lastindex }, committed: lastindex, ents: index(lastindex + 1).terms(4), wlasti: lastindex + 1, wappend: true, wcommit: lastindex },
  { name: 'append one new entry and commit it', prev: { term: lastterm, index: lastindex }, committed: lastindex + 1, ents: index(lastindex + 1).terms(4), wlasti: lastindex + 1, wappend: true, wcommit: lastindex + 1 },
  { name: 'append one new entry, do not increase commit higher than lastnewi', prev: { term: lastterm, index: lastindex }, committed: lastindex + 2, ents: index(lastindex + 1).terms(4), wlasti: lastindex + 1, wappend: true, wcommit: lastindex + 1 },
  { name: 'append two new entries and commit both', prev: { term: lastterm, index: lastindex }, committed: lastindex + 2, ents: index(lastindex + 1).terms(4, 4), wlasti: lastindex + 2, wappend: true, wcommit: lastindex + 2 },
  { name: 'match with the entry in the middle (index 2)', prev: { term: lastterm - 1, index: lastindex - 1 }, committed: lastindex, ents: index(lastindex).terms(4), wlasti: lastindex, wappend: true, wcommit: lastindex },
  { name: 'match with the entry in the middle (index 1)', prev: { term: lastterm - 2, index: lastindex - 2 }, committed: lastindex, ents: index(lastindex - 1).terms(4), wlasti: lastindex - 1, wappend: true, wcommit: lastindex - 1 },
  { name: 'conflict with existing committed entry', prev: { term: lastterm - 3, index: lastindex - 3 }, committed: lastindex, ents: index(lastindex - 2).terms(4), wlasti: lastindex - 2, wappend: true, wcommit: lastindex - 2, wpanic: true },
  { name: 'match in the middle, two new entries replace the tail', prev: { term: lastterm - 2, index: lastindex - 2 }, committed: lastindex, ents: index(lastindex - 1).terms(4, 4), wlasti: lastindex, wappend: true, wcommit: lastindex },
];
for (const c of maybeAppendCases) {
  test(`log_test.go TestLogMaybeAppend: ${c.name}`, () => {
    const log = index(1).terms(1, 2, 3);
    const call = () => maybeAppend(log, commit, { index: c.prev.index, logTerm: c.prev.term, commit: c.committed, entries: c.ents });
    if (c.wpanic) {
      assert.throws(call, /conflict with committed entry/);
      return;
    }
    const got = call();
    assert.equal(got.lastNewIndex, c.wlasti);
    assert.equal(got.ok, c.wappend);
    assert.equal(got.committed, c.wcommit);
    if (got.ok && c.ents.length > 0) {
      const last = got.log[got.log.length - 1].index;
      assert.deepEqual(got.log.slice(last - c.ents.length).map((e) => ({ index: e.index, term: e.term })), c.ents);
    }
    assert.deepEqual(log, index(1).terms(1, 2, 3), 'the caller\'s log is never mutated');
  });
}

// log_test.go TestCommitTo, through maybeAppend's commit step (prev = the last entry, no new entries):
// previousEnts index(1).terms(1, 2, 3), committed 2.
const commitToCases = [
  { name: 'commit moves forward to 3', commit: 3, wcommit: 3 },
  { name: 'never decrease', commit: 1, wcommit: 2 },
];
for (const c of commitToCases) {
  test(`log_test.go TestCommitTo: ${c.name}`, () => {
    const got = maybeAppend(index(1).terms(1, 2, 3), 2, { index: 3, logTerm: 3, commit: c.commit, entries: [] });
    assert.equal(got.committed, c.wcommit);
  });
}

// raft_test.go TestCommit: a leader at term smTerm with progress matches; maybeCommit() commits
// only an index a quorum has and whose term is the leader's current term.
const commitCases: { name: string; matches: number[]; logs: Entry[]; smTerm: number; w: number }[] = [
  { name: 'single: own entry of the current term', matches: [1], logs: index(1).terms(1), smTerm: 1, w: 1 },
  { name: 'single: entry of an older term is not committed', matches: [1], logs: index(1).terms(1), smTerm: 2, w: 0 },
  { name: 'single: the current-term entry commits the older one too', matches: [2], logs: index(1).terms(1, 2), smTerm: 2, w: 2 },
  { name: 'single: entry term 2 at term 2', matches: [1], logs: index(1).terms(2), smTerm: 2, w: 1 },
  { name: 'odd: quorum at 1, term 1', matches: [2, 1, 1], logs: index(1).terms(1, 2), smTerm: 1, w: 1 },
  { name: 'odd: quorum at 1 of an older term', matches: [2, 1, 1], logs: index(1).terms(1, 1), smTerm: 2, w: 0 },
  { name: 'odd: quorum at 2 of the current term', matches: [2, 1, 2], logs: index(1).terms(1, 2), smTerm: 2, w: 2 },
  { name: 'odd: quorum at 2 of an older term (Figure 8)', matches: [2, 1, 2], logs: index(1).terms(1, 1), smTerm: 2, w: 0 },
  { name: 'even: quorum at 1, term 1', matches: [2, 1, 1, 1], logs: index(1).terms(1, 2), smTerm: 1, w: 1 },
  { name: 'even: quorum at 1 of an older term', matches: [2, 1, 1, 1], logs: index(1).terms(1, 1), smTerm: 2, w: 0 },
  { name: 'even: two of four at 2 is no quorum', matches: [2, 1, 1, 2], logs: index(1).terms(1, 2), smTerm: 1, w: 1 },
  { name: 'even: two of four at 2, older term', matches: [2, 1, 1, 2], logs: index(1).terms(1, 1), smTerm: 2, w: 0 },
  { name: 'even: three of four at 2, current term', matches: [2, 1, 2, 2], logs: index(1).terms(1, 2), smTerm: 2, w: 2 },
  { name: 'even: three of four at 2, older term', matches: [2, 1, 2, 2], logs: index(1).terms(1, 1), smTerm: 2, w: 0 },
];
for (const c of commitCases) {
  test(`raft_test.go TestCommit: ${c.name}`, () => {
    const matchIndexes = Object.fromEntries(c.matches.map((m, i) => [String(i + 1), m]));
    assert.equal(maybeCommit(c.logs, c.smTerm, matchIndexes, 0), c.w);
  });
}

// raft_paper_test.go TestLeaderOnlyCommitsLogFromCurrentTerm: log 1@1 2@2, the leader
// becomes leader at term 3 (appends its empty entry 3@3) and a proposal 4@3; it has
// acked 4 itself and follower 2 acks `index`.
for (const c of [{ index: 1, wcommit: 0 }, { index: 2, wcommit: 0 }, { index: 3, wcommit: 3 }]) {
  test(`raft_paper_test.go TestLeaderOnlyCommitsLogFromCurrentTerm: follower acks ${c.index}, commit ${c.wcommit}`, () => {
    const log = [...index(1).terms(1, 2), { index: 3, term: 3, data: '' }, { index: 4, term: 3, data: 'x' }];
    assert.equal(maybeCommit(log, 3, { '1': 4, '2': c.index }, 0), c.wcommit);
  });
}

// raft_test.go testRecvMsgVote (TestRecvMsgVote and TestRecvMsgPreVote): the voter's log is
// index(1).terms(2, 2); its term is max(last log term 2, the message's logTerm), as is the
// message's; the message comes from 2.
const recvVoteCases: { state: 'StateFollower' | 'StateLeader' | 'StatePreCandidate' | 'StateCandidate'; index: number; logTerm: number; voteFor: number; wreject: boolean }[] = [
  { state: 'StateFollower', index: 0, logTerm: 0, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 0, logTerm: 1, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 0, logTerm: 2, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 0, logTerm: 3, voteFor: 0, wreject: false },
  { state: 'StateFollower', index: 1, logTerm: 0, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 1, logTerm: 1, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 1, logTerm: 2, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 1, logTerm: 3, voteFor: 0, wreject: false },
  { state: 'StateFollower', index: 2, logTerm: 0, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 2, logTerm: 1, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 2, logTerm: 2, voteFor: 0, wreject: false },
  { state: 'StateFollower', index: 2, logTerm: 3, voteFor: 0, wreject: false },
  { state: 'StateFollower', index: 3, logTerm: 0, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 3, logTerm: 1, voteFor: 0, wreject: true },
  { state: 'StateFollower', index: 3, logTerm: 2, voteFor: 0, wreject: false },
  { state: 'StateFollower', index: 3, logTerm: 3, voteFor: 0, wreject: false },
  { state: 'StateFollower', index: 3, logTerm: 2, voteFor: 2, wreject: false },
  { state: 'StateFollower', index: 3, logTerm: 2, voteFor: 1, wreject: true },
  { state: 'StateLeader', index: 3, logTerm: 3, voteFor: 1, wreject: true },
  { state: 'StatePreCandidate', index: 3, logTerm: 3, voteFor: 1, wreject: true },
  { state: 'StateCandidate', index: 3, logTerm: 3, voteFor: 1, wreject: true },
];
for (const type of ['MsgVote', 'MsgPreVote'] as const) {
  const upstreamTest = type === 'MsgVote' ? 'TestRecvMsgVote' : 'TestRecvMsgPreVote';
  for (const [i, c] of recvVoteCases.entries()) {
    test(`raft_test.go ${upstreamTest} #${i}: ${c.state} that voted ${c.voteFor || 'None'}, candidate last entry ${c.index}@${c.logTerm} → ${c.wreject ? 'reject' : 'grant'}`, () => {
      const term = Math.max(2, c.logTerm);
      const node = { id: 1, state: c.state, term, vote: c.voteFor, lead: 0, log: index(1).terms(2, 2) };
      const resp = stepVote(node, { type, from: 2, to: 1, term, index: c.index, logTerm: c.logTerm });
      assert.deepEqual(resp && { type: resp.type, reject: resp.reject }, { type: type === 'MsgVote' ? 'MsgVoteResp' : 'MsgPreVoteResp', reject: c.wreject });
    });
  }
}

// raft_paper_test.go TestVoter: a fresh follower (term 0) gets a MsgVote at term 3.
const voterCases: { name: string; ents: Entry[]; logterm: number; index: number; wreject: boolean }[] = [
  { name: 'same logterm, same index', ents: index(1).terms(1), logterm: 1, index: 1, wreject: false },
  { name: 'same logterm, candidate longer', ents: index(1).terms(1), logterm: 1, index: 2, wreject: false },
  { name: 'same logterm, candidate shorter', ents: index(1).terms(1, 1), logterm: 1, index: 1, wreject: true },
  { name: 'candidate higher logterm, same length', ents: index(1).terms(1), logterm: 2, index: 1, wreject: false },
  { name: 'candidate higher logterm, longer', ents: index(1).terms(1), logterm: 2, index: 2, wreject: false },
  { name: 'candidate higher logterm, shorter', ents: index(1).terms(1, 1), logterm: 2, index: 1, wreject: false },
  { name: 'voter higher logterm, same length', ents: index(1).terms(2), logterm: 1, index: 1, wreject: true },
  { name: 'voter higher logterm, candidate longer', ents: index(1).terms(2), logterm: 1, index: 2, wreject: true },
  { name: 'voter higher logterm, candidate shorter', ents: index(1).terms(2, 2), logterm: 1, index: 1, wreject: true },
  { name: 'same logterm, voter longer', ents: index(1).terms(1, 1), logterm: 1, index: 1, wreject: true },
];
for (const c of voterCases) {
  test(`raft_paper_test.go TestVoter: ${c.name}`, () => {
    const resp = stepVote({ id: 1, state: 'StateFollower', term: 0, vote: 0, lead: 0, log: c.ents }, { type: 'MsgVote', from: 2, to: 1, term: 3, index: c.index, logTerm: c.logterm });
    assert.deepEqual(resp, { type: 'MsgVoteResp', reject: c.wreject, term: 3 });
  });
}

test('raft.go Step: a MsgVote from a lower term is ignored (no response); a MsgPreVote from a lower term is rejected with our term', () => {
  const node = { id: 1, state: 'StateFollower' as const, term: 5, vote: 0, lead: 0, log: index(1).terms(1) };
  assert.equal(stepVote(node, { type: 'MsgVote', from: 2, to: 1, term: 4, index: 9, logTerm: 4 }), null);
  assert.deepEqual(stepVote(node, { type: 'MsgPreVote', from: 2, to: 1, term: 4, index: 9, logTerm: 4 }), { type: 'MsgPreVoteResp', reject: true, term: 5 });
});

test('raft.go Step: a granted pre-vote answers with the message\'s (future) term, not ours', () => {
  const node = { id: 1, state: 'StateFollower' as const, term: 1, vote: 3, lead: 0, log: index(1).terms(1) };
  assert.deepEqual(stepVote(node, { type: 'MsgPreVote', from: 2, to: 1, term: 2, index: 1, logTerm: 1 }), { type: 'MsgPreVoteResp', reject: false, term: 2 });
});

test('raft.go Step: with CheckQuorum, a follower that heard from its leader within the election timeout ignores a higher-term vote (leader lease)', () => {
  const node = { id: 1, state: 'StateFollower' as const, term: 1, vote: 3, lead: 3, log: index(1).terms(1), checkQuorum: true, electionElapsed: 300, electionTimeout: 1000 };
  assert.equal(stepVote(node, { type: 'MsgVote', from: 2, to: 1, term: 2, index: 5, logTerm: 1 }), null);
  assert.deepEqual(stepVote({ ...node, electionElapsed: 1000 }, { type: 'MsgVote', from: 2, to: 1, term: 2, index: 5, logTerm: 1 }), { type: 'MsgVoteResp', reject: false, term: 2 });
});

// contracts/etcd.md examples
test('contracts/etcd.md examples', () => {
  assert.equal(isUpToDate(3, 3, 2, 4), true);
  assert.equal(findConflict(index(1).terms(1, 2, 3), [{ index: 2, term: 1 }, { index: 3, term: 4 }]), 2);
  const appended = maybeAppend(index(1).terms(1, 2, 3), 1, { index: 3, logTerm: 3, commit: 5, entries: [{ index: 4, term: 4 }] });
  assert.equal(appended.lastNewIndex, 4);
  assert.equal(appended.ok, true);
  assert.equal(appended.committed, 4);
  assert.deepEqual(appended.log.map((e) => [e.index, e.term]), [[1, 1], [2, 2], [3, 3], [4, 4]]);
  assert.equal(maybeCommit(index(1).terms(1, 2), 2, { '1': 2, '2': 1, '3': 1 }, 0), 0);
  assert.deepEqual(
    stepVote({ id: 1, state: 'StateFollower', term: 0, vote: 0, lead: 0, log: [{ index: 1, term: 2 }] }, { type: 'MsgVote', from: 2, to: 1, term: 3, index: 2, logTerm: 1 }),
    { type: 'MsgVoteResp', reject: true, term: 3 },
  );
});

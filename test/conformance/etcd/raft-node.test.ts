// etcd-io/raft's member-level tables (commit cdfbeed3149e, main after v3.6), run on the
// simulation's RaftNode with a fake environment that records what it sends:
// raft_test.go TestHandleMsgApp, TestHandleHeartbeat; raft_paper_test.go
// TestFollowerCheckMsgApp, TestFollowerAppendEntries, TestLeaderElectionInOneRoundRPC.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RaftNode } from '../../../simulations/etcd/raft-node.ts';
import type { LogEntry, Message, NodeEnv } from '../../../simulations/etcd/raft-node.ts';

function index(first: number) {
  return { terms: (...terms: number[]): LogEntry[] => terms.map((term, i) => ({ index: first + i, term, data: '' })) };
}

function harness(voters: number[], persisted: { term: number; log: LogEntry[]; committed?: number }) {
  const sent: Message[] = [];
  const env: NodeEnv = {
    now: () => 0,
    at: () => {}, // timers never fire here: the tables step messages by hand
    send: (m) => sent.push(m),
    random: (lo) => lo,
    onCommit: () => {},
    onLeader: () => {},
  };
  const node = new RaftNode(1, { voters, heartbeatMs: 100, electionMinMs: 1000, electionMaxMs: 2000, preVote: false, checkQuorum: false }, env, { term: persisted.term, vote: 0, log: persisted.log, committed: persisted.committed ?? 0 });
  return { node, sent };
}

function msg(m: Partial<Message> & Pick<Message, 'type'>): Message {
  return { from: 2, to: 1, term: 0, index: 0, logTerm: 0, commit: 0, entries: [], reject: false, rejectHint: 0, ...m };
}

// raft_test.go TestHandleMsgApp: log index(1).terms(1, 2), follower at term 2, handleAppendEntries directly.
const handleMsgAppCases: { name: string; m: Partial<Message>; wIndex: number; wCommit: number; wReject: boolean }[] = [
  { name: 'Ensure 1: previous log mismatch', m: { term: 2, logTerm: 3, index: 2, commit: 3 }, wIndex: 2, wCommit: 0, wReject: true },
  { name: 'Ensure 1: previous log non-exist', m: { term: 2, logTerm: 3, index: 3, commit: 3 }, wIndex: 2, wCommit: 0, wReject: true },
  { name: 'Ensure 2: match at 1, commit 1', m: { term: 2, logTerm: 1, index: 1, commit: 1 }, wIndex: 2, wCommit: 1, wReject: false },
  { name: 'Ensure 2: conflict at 1 replaces the whole log', m: { term: 2, logTerm: 0, index: 0, commit: 1, entries: index(1).terms(2) }, wIndex: 1, wCommit: 1, wReject: false },
  { name: 'Ensure 2: two new entries, commit 3', m: { term: 2, logTerm: 2, index: 2, commit: 3, entries: index(3).terms(2, 2) }, wIndex: 4, wCommit: 3, wReject: false },
  { name: 'Ensure 2: one new entry, commit capped at it', m: { term: 2, logTerm: 2, index: 2, commit: 4, entries: index(3).terms(2) }, wIndex: 3, wCommit: 3, wReject: false },
  { name: 'Ensure 2: same entry again, commit capped at it', m: { term: 2, logTerm: 1, index: 1, commit: 4, entries: index(2).terms(2) }, wIndex: 2, wCommit: 2, wReject: false },
  { name: 'Ensure 3: match entry 1, commit up to last new entry 1', m: { term: 1, logTerm: 1, index: 1, commit: 3 }, wIndex: 2, wCommit: 1, wReject: false },
  { name: 'Ensure 3: match entry 1, commit up to last new entry 2', m: { term: 1, logTerm: 1, index: 1, commit: 3, entries: index(2).terms(2) }, wIndex: 2, wCommit: 2, wReject: false },
  { name: 'Ensure 3: match entry 2, commit up to last new entry 2', m: { term: 2, logTerm: 2, index: 2, commit: 3 }, wIndex: 2, wCommit: 2, wReject: false },
  { name: 'Ensure 3: commit up to log.last()', m: { term: 2, logTerm: 2, index: 2, commit: 4 }, wIndex: 2, wCommit: 2, wReject: false },
];
for (const c of handleMsgAppCases) {
  test(`raft_test.go TestHandleMsgApp: ${c.name}`, () => {
    const { node, sent } = harness([1], { term: 2, log: index(1).terms(1, 2) });
    node.handleAppendEntries(msg({ type: 'MsgApp', ...c.m }));
    assert.equal(node.log.length, c.wIndex);
    assert.equal(node.committed, c.wCommit);
    assert.equal(sent.length, 1);
    assert.equal(sent[0].reject, c.wReject);
  });
}

// raft_test.go TestHandleHeartbeat: log index(1).terms(1, 2, 3), committed 2.
for (const c of [{ name: 'commit moves up to the heartbeat\'s', commit: 3, wCommit: 3 }, { name: 'do not decrease commit', commit: 1, wCommit: 2 }]) {
  test(`raft_test.go TestHandleHeartbeat: ${c.name}`, () => {
    const { node, sent } = harness([1, 2], { term: 2, log: index(1).terms(1, 2, 3), committed: 2 });
    node.handleHeartbeat(msg({ type: 'MsgHeartbeat', term: 2, commit: c.commit }));
    assert.equal(node.committed, c.wCommit);
    assert.deepEqual(sent.map((m) => m.type), ['MsgHeartbeatResp']);
  });
}

// raft_paper_test.go TestFollowerCheckMsgApp: entries 1@1 2@2, committed 1, follower of 2 at term 2.
const checkMsgAppCases = [
  { name: 'match with committed entries (the empty entry 0)', term: 0, index: 0, windex: 1, wreject: false, wrejectHint: 0, wlogterm: 0 },
  { name: 'match with committed entries (entry 1)', term: 1, index: 1, windex: 1, wreject: false, wrejectHint: 0, wlogterm: 0 },
  { name: 'match with uncommitted entries', term: 2, index: 2, windex: 2, wreject: false, wrejectHint: 0, wlogterm: 0 },
  { name: 'unmatch with existing entry', term: 1, index: 2, windex: 2, wreject: true, wrejectHint: 1, wlogterm: 1 },
  { name: 'unexisting entry', term: 3, index: 3, windex: 3, wreject: true, wrejectHint: 2, wlogterm: 2 },
];
for (const c of checkMsgAppCases) {
  test(`raft_paper_test.go TestFollowerCheckMsgApp: ${c.name}`, () => {
    const { node, sent } = harness([1, 2, 3], { term: 2, log: index(1).terms(1, 2), committed: 1 });
    node.step(msg({ type: 'MsgApp', term: 2, logTerm: c.term, index: c.index }));
    assert.equal(sent.length, 1);
    const m = sent[0];
    assert.deepEqual(
      { type: m.type, to: m.to, term: m.term, index: m.index, reject: m.reject, rejectHint: m.rejectHint, logTerm: m.logTerm },
      { type: 'MsgAppResp', to: 2, term: 2, index: c.windex, reject: c.wreject, rejectHint: c.wrejectHint, logTerm: c.wlogterm },
    );
  });
}

// raft_paper_test.go TestFollowerAppendEntries: entries 1@1 2@2, follower of 2 at term 2.
const followerAppendCases = [
  { name: 'append after the last entry', index: 2, term: 2, ents: index(3).terms(3), wents: [1, 2, 3] },
  { name: 'a conflicting entry at 2 replaces the tail', index: 1, term: 1, ents: index(2).terms(3, 4), wents: [1, 3, 4] },
  { name: 'entries already present change nothing', index: 0, term: 0, ents: index(1).terms(1), wents: [1, 2] },
  { name: 'a conflict at 1 replaces the whole log', index: 0, term: 0, ents: index(1).terms(3), wents: [3] },
];
for (const c of followerAppendCases) {
  test(`raft_paper_test.go TestFollowerAppendEntries: ${c.name}`, () => {
    const { node } = harness([1, 2, 3], { term: 2, log: index(1).terms(1, 2) });
    node.step(msg({ type: 'MsgApp', term: 2, logTerm: c.term, index: c.index, entries: c.ents }));
    assert.deepEqual(node.log.map((e) => e.term), c.wents);
  });
}

// raft_paper_test.go TestLeaderElectionInOneRoundRPC: a candidate at term 1 receives these votes.
const oneRoundCases: { size: number; votes: Record<number, boolean>; state: string }[] = [
  { size: 1, votes: {}, state: 'StateLeader' },
  { size: 3, votes: { 2: true, 3: true }, state: 'StateLeader' },
  { size: 3, votes: { 2: true }, state: 'StateLeader' },
  { size: 5, votes: { 2: true, 3: true, 4: true, 5: true }, state: 'StateLeader' },
  { size: 5, votes: { 2: true, 3: true, 4: true }, state: 'StateLeader' },
  { size: 5, votes: { 2: true, 3: true }, state: 'StateLeader' },
  { size: 3, votes: { 2: false, 3: false }, state: 'StateFollower' },
  { size: 5, votes: { 2: false, 3: false, 4: false, 5: false }, state: 'StateFollower' },
  { size: 5, votes: { 2: true, 3: false, 4: false, 5: false }, state: 'StateFollower' },
  { size: 3, votes: {}, state: 'StateCandidate' },
  { size: 5, votes: { 2: true }, state: 'StateCandidate' },
  { size: 5, votes: { 2: false, 3: false }, state: 'StateCandidate' },
  { size: 5, votes: {}, state: 'StateCandidate' },
];
for (const c of oneRoundCases) {
  test(`raft_paper_test.go TestLeaderElectionInOneRoundRPC: ${c.size} members, votes ${JSON.stringify(c.votes)} → ${c.state}`, () => {
    const voters = Array.from({ length: c.size }, (_, i) => i + 1);
    const { node } = harness(voters, { term: 0, log: [] });
    node.hup();
    for (const [id, vote] of Object.entries(c.votes)) node.step(msg({ type: 'MsgVoteResp', from: Number(id), term: node.term, reject: !vote }));
    assert.equal(node.state, c.state);
    assert.equal(node.term, 1);
  });
}

// raft_paper_test.go TestLeaderSyncFollowerLog (the Raft paper's Figure 7): a leader elected at
// term 9 brings any follower log to its own. Node 3 drops everything (nopStepper) but its vote
// is handed to the leader, as upstream does; messages are delivered in order until none is left.
const leaderLog = index(1).terms(1, 1, 1, 4, 4, 5, 5, 6, 6, 6);
const followerLogs = [
  index(1).terms(1, 1, 1, 4, 4, 5, 5, 6, 6),
  index(1).terms(1, 1, 1, 4, 4),
  index(1).terms(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 6),
  index(1).terms(1, 1, 1, 4, 4, 5, 5, 6, 6, 6, 7, 7),
  index(1).terms(1, 1, 1, 4, 4, 4, 4),
  index(1).terms(1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3),
];
for (const [i, followerLog] of followerLogs.entries()) {
  test(`raft_paper_test.go TestLeaderSyncFollowerLog #${i}: follower log ${followerLog.map((e) => e.term).join(',')} ends equal to the leader's`, () => {
    const queue: Message[] = [];
    const config = { voters: [1, 2, 3], heartbeatMs: 100, electionMinMs: 1000, electionMaxMs: 2000, preVote: false, checkQuorum: false };
    const env: NodeEnv = { now: () => 0, at: () => {}, send: (m) => queue.push(m), random: (lo) => lo, onCommit: () => {}, onLeader: () => {} };
    const lead = new RaftNode(1, config, env, { term: 8, vote: 0, log: leaderLog.map((e) => ({ ...e })), committed: leaderLog.length });
    const follower = new RaftNode(2, config, env, { term: 7, vote: 0, log: followerLog.map((e) => ({ ...e })), committed: 0 });
    const nodes = new Map([[1, lead], [2, follower]]);
    const drain = () => {
      for (let m = queue.shift(); m; m = queue.shift()) nodes.get(m.to)?.step(m);
    };
    lead.hup();
    drain();
    lead.step(msg({ type: 'MsgVoteResp', from: 3, to: 1, term: 9 }));
    drain();
    assert.equal(lead.state, 'StateLeader');
    lead.propose('');
    drain();
    assert.deepEqual(follower.log.map((e) => [e.index, e.term]), lead.log.map((e) => [e.index, e.term]));
  });
}

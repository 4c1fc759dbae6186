// Raft's safety properties (the Raft paper, Figure 3), checked on simulateRaft over a few
// hundred seeded random scenarios of crashes, restarts, partitions, heals and proposals:
//   Election safety       at most one leader is elected in a given term;
//   Log matching          if two logs have an entry with the same index and term, the logs
//                         are identical up to and including that index;
//   Leader completeness   an entry committed before a leader's election is in its log;
//   State machine safety  no two members commit different entries at the same index.
// Plus what makes them observable here: a member never commits an index twice, and what it
// committed is still in its log at the end (committed entries are never overwritten).
// Set RAFT_SCENARIOS to run more (the default keeps `npm test` quick).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateRaft } from '../../../simulations/index.ts';
import type { RaftEvent, RaftInput, RaftOutput } from '../../../simulations/index.ts';

const SCENARIOS = Number(process.env.RAFT_SCENARIOS ?? 300);

/** The scenario generator's own PRNG (independent of the engine's). */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

function randomScenario(seed: number): RaftInput {
  const r = rng(seed * 7919 + 1);
  const members = [3, 3, 4, 5, 5][r.int(0, 4)];
  const untilMs = r.int(8_000, 30_000);
  const events: RaftEvent[] = [];
  const count = r.int(5, 40);
  for (let i = 0; i < count; i++) {
    const at = r.int(0, untilMs);
    const kind = r.next();
    if (kind < 0.45) events.push({ at, type: 'propose', value: `v${i}` });
    else if (kind < 0.58) events.push({ at, type: 'crash', member: r.next() < 0.5 ? 'leader' : r.int(1, members) });
    else if (kind < 0.72) events.push({ at, type: 'restart', member: r.int(1, members) });
    else if (kind < 0.86) {
      const ids = Array.from({ length: members }, (_, k) => k + 1).sort(() => r.next() - 0.5);
      const cut = r.int(1, members - 1);
      events.push({ at, type: 'partition', groups: r.next() < 0.2 ? [ids.slice(0, cut)] : [ids.slice(0, cut), ids.slice(cut)] });
    } else events.push({ at, type: 'heal' });
  }
  return {
    members,
    seed,
    heartbeatMs: 100,
    electionTimeoutMs: [1000, 2000],
    preVote: r.next() < 0.8,
    checkQuorum: r.next() < 0.8,
    untilMs,
    events,
  };
}

/** Every violation of the properties above, in words (empty when safe). */
export function safetyViolations(out: RaftOutput): string[] {
  const problems: string[] = [];
  // Election safety
  const byTerm = new Map<number, number>();
  for (const l of out.leaders) {
    const other = byTerm.get(l.term);
    if (other !== undefined && other !== l.id) problems.push(`election safety: term ${l.term} has leaders ${other} and ${l.id}`);
    byTerm.set(l.term, l.id);
  }
  // Log matching, over the final logs and the logs leaders had when elected
  const logs = [...out.members.map((m) => ({ who: `member ${m.id}`, log: m.log })), ...out.leaders.map((l) => ({ who: `leader ${l.id}@${l.term} when elected`, log: l.log }))];
  for (let a = 0; a < logs.length; a++) {
    for (let b = a + 1; b < logs.length; b++) {
      const la = logs[a].log;
      const lb = logs[b].log;
      const n = Math.min(la.length, lb.length);
      let last = -1;
      for (let i = n - 1; i >= 0; i--) if (la[i].term === lb[i].term) { last = i; break; }
      for (let i = 0; i <= last; i++) {
        if (la[i].term !== lb[i].term || (la[i].data ?? '') !== (lb[i].data ?? '')) {
          problems.push(`log matching: ${logs[a].who} and ${logs[b].who} agree at index ${last + 1} but differ at ${i + 1}`);
          break;
        }
      }
    }
  }
  // State machine safety
  const committedAt = new Map<number, { term: number; data: string; id: number }>();
  for (const c of out.commits) {
    const seen = committedAt.get(c.index);
    if (seen && (seen.term !== c.term || seen.data !== c.data)) problems.push(`state machine safety: index ${c.index} committed as ${seen.term}/${seen.data} by ${seen.id} and ${c.term}/${c.data} by ${c.id}`);
    if (!seen) committedAt.set(c.index, c);
  }
  // Leader completeness: what was committed before an election is in the winner's log
  for (const l of out.leaders) {
    for (const c of out.commits) {
      if (c.at >= l.at) continue;
      const e = l.log[c.index - 1];
      if (!e || e.term !== c.term) problems.push(`leader completeness: leader ${l.id} of term ${l.term} (at ${l.at}) lacks index ${c.index} (term ${c.term}) committed at ${c.at}`);
    }
  }
  // Commits move forward, once per index per member, and stay in the member's log
  const lastCommitted = new Map<number, number>();
  for (const c of out.commits) {
    const prev = lastCommitted.get(c.id) ?? 0;
    if (c.index !== prev + 1) problems.push(`member ${c.id} committed index ${c.index} after ${prev}`);
    lastCommitted.set(c.id, c.index);
  }
  for (const m of out.members) {
    if ((lastCommitted.get(m.id) ?? 0) !== m.commitIndex) problems.push(`member ${m.id}: commitIndex ${m.commitIndex} but commits reported up to ${lastCommitted.get(m.id) ?? 0}`);
    for (let i = 1; i <= m.commitIndex; i++) {
      const c = committedAt.get(i);
      if (!c || m.log[i - 1]?.term !== c.term) problems.push(`member ${m.id}: committed index ${i} is no longer in its log`);
    }
  }
  return problems;
}

test(`Raft's safety properties hold over ${SCENARIOS} seeded random scenarios (crash, restart, partition, heal, propose)`, () => {
  let elections = 0;
  let committed = 0;
  for (let seed = 1; seed <= SCENARIOS; seed++) {
    const input = randomScenario(seed);
    const out = simulateRaft(input);
    const problems = safetyViolations(out);
    assert.deepEqual(problems, [], `seed ${seed}: ${JSON.stringify(input)}`);
    elections += out.leaders.length;
    committed += out.commits.length;
  }
  // The scenarios must exercise something: elections and commits happen.
  assert.ok(elections > SCENARIOS, `only ${elections} elections in ${SCENARIOS} scenarios`);
  assert.ok(committed > SCENARIOS * 5, `only ${committed} commits in ${SCENARIOS} scenarios`);
});

test('the safety checker itself finds broken histories (two leaders in a term, a committed entry lost)', () => {
  const base: RaftOutput = {
    members: [
      { id: 1, up: true, state: 'StateLeader', term: 2, vote: 1, commitIndex: 1, log: [{ index: 1, term: 1, data: '' }] },
      { id: 2, up: true, state: 'StateFollower', term: 2, vote: 1, commitIndex: 1, log: [{ index: 1, term: 2, data: 'x' }] },
    ],
    leaders: [
      { term: 1, id: 1, at: 100, log: [] },
      { term: 1, id: 2, at: 200, log: [] },
    ],
    commits: [
      { at: 150, id: 1, index: 1, term: 1, data: '' },
      { at: 160, id: 2, index: 1, term: 2, data: 'x' },
    ],
  };
  const problems = safetyViolations(base);
  assert.ok(problems.some((p) => p.startsWith('election safety')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('state machine safety')), problems.join('\n'));
  assert.ok(problems.some((p) => p.startsWith('leader completeness')), problems.join('\n'));
});

test('simulateRaft is deterministic: the same input gives a deep-equal output', () => {
  for (const seed of [3, 17, 99]) {
    const input = randomScenario(seed);
    assert.deepEqual(simulateRaft(input), simulateRaft(structuredClone(input)));
  }
});

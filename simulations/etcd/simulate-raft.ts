// A Raft cluster on the virtual clock: members (raft-node.ts) as actors, a
// network that delays, partitions and drops, and the scenario's timed events
// (crash, restart, partition, heal, propose).
//
// The network is etcd's rafthttp reduced to what matters for Raft: each pair of
// members talks over an ordered stream (a message never overtakes an earlier one
// on the same link), each message takes a seeded random 1..maxDelay ms, nothing
// is lost except across a partition or to/from a down member, and a crash drops
// what the crashed member had in flight.

import { VirtualClock } from '../apiserver/clock.ts';
import { LimitExceededError, ValidationError, describeValue } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import { Prng } from './prng.ts';
import { RaftNode } from './raft-node.ts';
import type { LogEntry, Message, NodeEnv, PersistedState, RaftConfig } from './raft-node.ts';
import type { RaftState } from './vote.ts';

export type RaftEvent =
  | { at: number; type: 'crash'; member: number | 'leader' }
  | { at: number; type: 'restart'; member: number }
  | { at: number; type: 'partition'; groups: number[][] }
  | { at: number; type: 'heal' }
  | { at: number; type: 'propose'; value: string };

export type RaftInput = {
  members: number;
  seed: number;
  heartbeatMs?: number;
  electionTimeoutMs?: [number, number];
  preVote?: boolean;
  checkQuorum?: boolean;
  untilMs: number;
  events: RaftEvent[];
};

export type RaftOutput = {
  members: { id: number; up: boolean; state: RaftState; term: number; vote?: number; commitIndex: number; log: LogEntry[] }[];
  leaders: { term: number; id: number; at: number; log: LogEntry[] }[];
  commits: { at: number; id: number; index: number; term: number; data: string }[];
};

/** One step of the run, for the picture and the "why" trace: what happened and the rule of raft.go it follows. */
export type RaftTraceStep = { at: number; member: number; title: string; rule: string };

/** The members at one moment (after a scenario event, an election, or at the end), for the timeline. */
export type RaftMoment = {
  at: number;
  cause: string;
  members: { id: number; up: boolean; state: RaftState; term: number; commitIndex: number; lastIndex: number }[];
};

/** The timeline keeps at most this many moments. */
export const MAX_MOMENTS = 300;

// Budgets: a learner's scenario must end, and quickly.
export const MAX_MEMBERS = 7;
export const MAX_UNTIL_MS = 3_600_000;
export const MAX_EVENTS = 100_000;
/** A step is one timer or message (about 1 µs of work): ~2 s at most. The issue's bench (10,000 proposals, 30 s) takes ~130,000. */
export const MAX_CLOCK_STEPS = 2_000_000;

/**
 * Runs a Raft cluster from t = 0 to `untilMs` and reports each member's state
 * at the end, every election won, and every commit. Same input, same output:
 * all randomness (election timeouts, message delays) comes from `seed`.
 *
 * @example
 *   simulateRaft({ members: 3, seed: 1, untilMs: 5000, events: [{ at: 3000, type: 'propose', value: 'x' }] })
 *   // one leader elected at term 1 after ~1-2 s; 'x' committed on all three members shortly after 3000 ms
 */
export function simulateRaft(input: RaftInput): RaftOutput {
  return runRaft(input).output;
}

/** simulateRaft with the step-by-step trace (for the chapter's view). */
export function runRaft(input: RaftInput, options: { trace?: boolean; timeline?: boolean } = {}): { output: RaftOutput; trace: RaftTraceStep[]; timeline: RaftMoment[] } {
  const cfg = readInput(input);
  const clock = new VirtualClock();
  const prng = new Prng(cfg.seed);
  const voters = Array.from({ length: cfg.members }, (_, i) => i + 1);
  const config: RaftConfig = { voters, heartbeatMs: cfg.heartbeatMs, electionMinMs: cfg.electionMinMs, electionMaxMs: cfg.electionMaxMs, preVote: cfg.preVote, checkQuorum: cfg.checkQuorum };
  const maxDelay = Math.max(1, Math.floor(cfg.heartbeatMs / 20));
  const leaders: RaftOutput['leaders'] = [];
  const commits: RaftOutput['commits'] = [];
  const trace: RaftTraceStep[] = [];

  const nodes = new Map<number, RaftNode>();
  /** Bumped at each crash: a message of an earlier incarnation is dropped. */
  const incarnation = new Map<number, number>(voters.map((id) => [id, 0]));
  /** The member's state while down: what it persisted, and the state it was in. */
  const down = new Map<number, { persisted: PersistedState; state: RaftState }>();
  let partition: Map<number, number> | undefined; // member → group; absent member: alone
  const linkFree = new Map<number, number>(); // when the ordered stream from→to is next free

  const canTalk = (a: number, b: number): boolean => {
    if (!partition) return true;
    const ga = partition.get(a);
    return ga !== undefined && ga === partition.get(b);
  };

  const env: NodeEnv = {
    now: () => clock.now(),
    at: (atMs, run) => {
      clock.at(atMs, 'raft timer', run);
    },
    random: (lo, hi) => (hi > lo ? prng.int(lo, hi - 1) : lo),
    send: (m: Message) => {
      if (!canTalk(m.from, m.to) || down.has(m.to)) return;
      const link = m.from * 64 + m.to;
      const deliverAt = Math.max(clock.now() + prng.int(1, maxDelay), linkFree.get(link) ?? 0);
      linkFree.set(link, deliverAt);
      const sentBy = incarnation.get(m.from);
      clock.at(deliverAt, m.type, () => {
        if (incarnation.get(m.from) !== sentBy || down.has(m.from) || down.has(m.to) || !canTalk(m.from, m.to)) return;
        (nodes.get(m.to) as RaftNode).step(m);
      });
    },
    onCommit: (node, from, to) => {
      for (let i = from; i <= to; i++) {
        const e = node.log[i - 1];
        commits.push({ at: clock.now(), id: node.id, index: e.index, term: e.term, data: e.data });
      }
    },
    onLeader: (node) => {
      leaders.push({ term: node.term, id: node.id, at: clock.now(), log: node.log.map((e) => ({ ...e })) });
      // after becomeLeader has appended its empty entry
      if (options.timeline) clock.at(clock.now(), 'timeline', () => moment(`${node.id} elected leader of term ${node.term}`));
    },
    trace: options.trace ? (node, title, rule) => trace.push({ at: clock.now(), member: node.id, title, rule }) : undefined,
  };

  for (const id of voters) nodes.set(id, new RaftNode(id, config, env));

  const currentLeader = (): RaftNode | undefined => {
    let best: RaftNode | undefined;
    for (const id of voters) {
      const n = nodes.get(id) as RaftNode;
      if (!down.has(id) && n.state === 'StateLeader' && (!best || n.term > best.term)) best = n;
    }
    return best;
  };

  const note = (member: number, title: string, rule: string) => {
    if (options.trace) trace.push({ at: clock.now(), member, title, rule });
  };

  const timeline: RaftMoment[] = [];
  const moment = (cause: string): void => {
    if (!options.timeline || timeline.length >= MAX_MOMENTS) return;
    timeline.push({
      at: clock.now(),
      cause,
      members: voters.map((id) => {
        const saved = down.get(id);
        const n = nodes.get(id) as RaftNode;
        return saved
          ? { id, up: false, state: saved.state, term: saved.persisted.term, commitIndex: saved.persisted.committed, lastIndex: saved.persisted.log.length }
          : { id, up: true, state: n.state, term: n.term, commitIndex: n.committed, lastIndex: n.log.length };
      }),
    });
  };
  const describe = (ev: RaftEvent): string => {
    switch (ev.type) {
      case 'crash':
        return `crash ${ev.member}`;
      case 'restart':
        return `restart ${ev.member}`;
      case 'partition':
        return `partition ${ev.groups.map((g) => `{${g.join(',')}}`).join(' | ')}`;
      case 'heal':
        return 'heal';
      case 'propose':
        return `propose ${JSON.stringify(ev.value)}`;
    }
  };

  /** Applies a scenario event; returns what the timeline should add to its description, if anything. */
  const apply = (ev: RaftEvent): string | undefined => {
    switch (ev.type) {
      case 'crash': {
        const id = ev.member === 'leader' ? currentLeader()?.id : ev.member;
        if (id === undefined) return ' (no leader: nothing to do)';
        if (down.has(id)) return ' (already down)';
        const n = nodes.get(id) as RaftNode;
        n.up = false;
        down.set(id, { persisted: { ...n.persisted(), log: n.log.slice() }, state: n.state });
        incarnation.set(id, (incarnation.get(id) as number) + 1);
        note(id, `${id} crashed (term ${n.term}, ${n.state})`, 'scenario: crash; term, vote, log and commit survive on disk (HardState + WAL)');
        return ev.member === 'leader' ? ` (member ${id})` : undefined;
      }
      case 'restart': {
        const saved = down.get(ev.member);
        if (!saved) return ' (already up: nothing to do)';
        down.delete(ev.member);
        nodes.set(ev.member, new RaftNode(ev.member, config, env, saved.persisted));
        note(ev.member, `${ev.member} restarted as a follower at term ${saved.persisted.term}`, 'raft.go newRaft: loadState(HardState), becomeFollower(term, None)');
        return undefined;
      }
      case 'partition': {
        partition = new Map();
        ev.groups.forEach((g, i) => g.forEach((id) => (partition as Map<number, number>).set(id, i)));
        note(0, `network partitioned: ${ev.groups.map((g) => `{${g.join(',')}}`).join(' | ')}`, 'scenario: partition');
        return undefined;
      }
      case 'heal':
        partition = undefined;
        note(0, 'network healed', 'scenario: heal');
        return undefined;
      case 'propose': {
        const leader = currentLeader();
        if (leader) leader.propose(ev.value);
        note(leader?.id ?? 0, leader ? `proposal ${JSON.stringify(ev.value)} appended by leader ${leader.id} at index ${leader.log.length}` : `proposal ${JSON.stringify(ev.value)} dropped: no leader`, leader ? 'raft.go stepLeader MsgProp: appendEntry, bcastAppend' : 'raft.go: ErrProposalDropped');
        return leader ? ` (to leader ${leader.id})` : ' (no leader: dropped)';
      }
    }
  };

  const events = cfg.events.map((ev, i) => ({ ev, i })).sort((a, b) => a.ev.at - b.ev.at || a.i - b.i);
  for (const { ev } of events) {
    if (ev.at > cfg.untilMs) continue;
    clock.at(ev.at, `scenario ${ev.type}`, () => {
      const outcome = apply(ev);
      moment(describe(ev) + (outcome ?? ''));
    });
  }

  const stop = clock.runUntil(cfg.untilMs, { maxSteps: MAX_CLOCK_STEPS, maxVirtualTimeMs: cfg.untilMs });
  if (stop.reason === 'maxSteps') throw new LimitExceededError(`the simulation took more than ${MAX_CLOCK_STEPS} steps before untilMs (${cfg.untilMs} ms): shorten it or propose less`);

  const members = voters.map((id) => {
    const saved = down.get(id);
    const n = nodes.get(id) as RaftNode;
    const p = saved ? saved.persisted : n.persisted();
    return { id, up: !saved, state: saved ? saved.state : n.state, term: p.term, vote: p.vote, commitIndex: p.committed, log: p.log.map((e) => ({ index: e.index, term: e.term, data: e.data })) };
  });
  moment('end');
  return { output: { members, leaders, commits }, trace, timeline };
}

// ---- input --------------------------------------------------------------

interface RaftSettings {
  members: number;
  seed: number;
  heartbeatMs: number;
  electionMinMs: number;
  electionMaxMs: number;
  preVote: boolean;
  checkQuorum: boolean;
  untilMs: number;
  events: RaftEvent[];
}

/** Bad input: a ValidationError with the field's path (a future cell schema points at the YAML line with it). */
function fail(path: FieldPath, message: string): never {
  throw new ValidationError(message, { path });
}

function wholeNumber(value: unknown, path: FieldPath, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) fail(path, `must be a whole number, got ${describeValue(value)}`);
  if (value < min || value > max) {
    if (max === MAX_UNTIL_MS || max === MAX_EVENTS) throw new LimitExceededError(`must be at most ${max}, got ${value}`, { path });
    fail(path, `must be between ${min} and ${max}, got ${value}`);
  }
  return value;
}

function readInput(input: RaftInput): RaftSettings {
  if (input === null || typeof input !== 'object') throw new ValidationError(`a RaftCluster input must be a mapping, got ${describeValue(input)}`);
  const members = wholeNumber(input.members, ['members'], 1, MAX_MEMBERS);
  const seed = wholeNumber(input.seed, ['seed'], -(2 ** 31), 2 ** 32);
  const heartbeatMs = input.heartbeatMs === undefined ? 100 : wholeNumber(input.heartbeatMs, ['heartbeatMs'], 1, 60_000);
  if (input.electionTimeoutMs !== undefined && (!Array.isArray(input.electionTimeoutMs) || input.electionTimeoutMs.length !== 2)) fail(['electionTimeoutMs'], `must be [min, max], got ${describeValue(input.electionTimeoutMs)}`);
  const [electionMinMs, electionMaxMs] = input.electionTimeoutMs ?? [1000, 2000];
  wholeNumber(electionMinMs, ['electionTimeoutMs', 0], 1, 600_000);
  wholeNumber(electionMaxMs, ['electionTimeoutMs', 1], electionMinMs, 600_000);
  // etcd itself refuses an election timeout under 5 heartbeats (embed/config.go: "--election-timeout[..]
  // should be at least as 5 times as --heartbeat-interval[..]"); here only a timeout that is not longer
  // than one heartbeat is refused, so that the lesson can show what a too-short timeout does.
  if (electionMinMs <= heartbeatMs) fail(['electionTimeoutMs', 0], `must be longer than heartbeatMs (${heartbeatMs}), got ${electionMinMs}`);
  for (const [name, v] of [['preVote', input.preVote], ['checkQuorum', input.checkQuorum]] as const) {
    if (v !== undefined && typeof v !== 'boolean') fail([name], `must be true or false, got ${describeValue(v)}`);
  }
  const untilMs = wholeNumber(input.untilMs, ['untilMs'], 0, MAX_UNTIL_MS);
  if (!Array.isArray(input.events)) fail(['events'], `must be a list, got ${describeValue(input.events)}`);
  if (input.events.length > MAX_EVENTS) throw new LimitExceededError(`at most ${MAX_EVENTS}, got ${input.events.length}`, { path: ['events'] });
  const member = (v: unknown, path: FieldPath) => wholeNumber(v, path, 1, members);
  const events = input.events.map((ev, i): RaftEvent => {
    const path = ['events', i];
    if (ev === null || typeof ev !== 'object') fail(path, `must be a mapping, got ${describeValue(ev)}`);
    const at = wholeNumber(ev.at, [...path, 'at'], 0, MAX_UNTIL_MS);
    switch (ev.type) {
      case 'crash':
        return { at, type: 'crash', member: ev.member === 'leader' ? 'leader' : member(ev.member, [...path, 'member']) };
      case 'restart':
        return { at, type: 'restart', member: member(ev.member, [...path, 'member']) };
      case 'partition': {
        if (!Array.isArray(ev.groups) || ev.groups.some((g) => !Array.isArray(g))) fail([...path, 'groups'], 'must be a list of lists of member ids');
        const seen = new Set<number>();
        const groups = ev.groups.map((g, gi) => g.map((id, k) => {
          const m = member(id, [...path, 'groups', gi, k]);
          if (seen.has(m)) fail([...path, 'groups', gi, k], `member ${m} is in two groups`);
          seen.add(m);
          return m;
        }));
        return { at, type: 'partition', groups };
      }
      case 'heal':
        return { at, type: 'heal' };
      case 'propose':
        if (typeof ev.value !== 'string') fail([...path, 'value'], `must be a string, got ${describeValue(ev.value)}`);
        return { at, type: 'propose', value: ev.value };
      default:
        return fail([...path, 'type'], `must be one of crash, restart, partition, heal, propose, got ${describeValue((ev as { type?: unknown }).type)}`);
    }
  });
  return { members, seed, heartbeatMs, electionMinMs, electionMaxMs, preVote: input.preVote ?? true, checkQuorum: input.checkQuorum ?? true, untilMs, events };
}

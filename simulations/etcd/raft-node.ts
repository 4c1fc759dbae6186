// One Raft member, as etcd-io/raft's state machine runs it, on virtual
// milliseconds instead of ticks.
// src: etcd-io/raft raft.go: Step (term checks, leader lease, votes), stepLeader,
//      stepCandidate, stepFollower, campaign (PreVote then Vote), becomeFollower /
//      PreCandidate / Candidate / Leader, reset (new randomized election timeout),
//      tickElection / tickHeartbeat (election timeout, heartbeats, CheckQuorum),
//      handleAppendEntries, handleHeartbeat, sendAppend / sendHeartbeat / bcastAppend,
//      appendEntry (a new leader's empty entry), maybeCommit.
//
// What differs from upstream, on purpose:
// - Time is virtual milliseconds: electionElapsed is "now - electionStart", the
//   randomized timeout is drawn in [min, max) ms instead of [et, 2et) ticks.
// - Storage is synchronous: an entry or a vote is durable the moment it is
//   written, so the leader acks its own entries at once and a candidate counts
//   its own vote at once (upstream does both after the Ready loop persisted them).
// - No snapshots, log compaction, learners, configuration changes, ReadIndex or
//   leader transfer: the members are fixed voters with ids 1..n.

import { RaftInvariantError } from './errors.ts';
import { Progress } from './progress.ts';
import { voteResult } from './quorum.ts';
import type { VoteResult } from './quorum.ts';
import { committedIndex } from './quorum.ts';
import { findConflict, findConflictByTerm, lastIndex, lastTerm, matchTerm, termAt } from './raft-log.ts';
import { NONE, decideVote } from './vote.ts';
import type { RaftState } from './vote.ts';

export interface LogEntry {
  index: number;
  term: number;
  data: string;
}

export type MessageType =
  | 'MsgVote'
  | 'MsgVoteResp'
  | 'MsgPreVote'
  | 'MsgPreVoteResp'
  | 'MsgApp'
  | 'MsgAppResp'
  | 'MsgHeartbeat'
  | 'MsgHeartbeatResp';

export interface Message {
  type: MessageType;
  from: number;
  to: number;
  term: number;
  /** MsgApp: the index entries follow (prevLogIndex); MsgAppResp: the acked or rejected index; votes: the candidate's last index. */
  index: number;
  /** MsgApp: the term at `index`; votes: the candidate's last term; a rejecting MsgAppResp: the hint's term. */
  logTerm: number;
  commit: number;
  entries: LogEntry[];
  reject: boolean;
  rejectHint: number;
}

export interface RaftConfig {
  voters: number[];
  heartbeatMs: number;
  /** The randomized election timeout is drawn from [min, max); CheckQuorum and the leader lease use min. */
  electionMinMs: number;
  electionMaxMs: number;
  preVote: boolean;
  checkQuorum: boolean;
}

/** What a member needs from the cluster: time, timers, the network, randomness, and where to report. */
export interface NodeEnv {
  now(): number;
  at(atMs: number, run: () => void): void;
  send(m: Message): void;
  random(lo: number, hi: number): number;
  onCommit(node: RaftNode, from: number, to: number): void;
  onLeader(node: RaftNode): void;
  trace?(node: RaftNode, title: string, rule: string): void;
}

/** What survives a crash (etcd's HardState and WAL): term, vote, log, commit. */
export interface PersistedState {
  term: number;
  vote: number;
  log: LogEntry[];
  committed: number;
}

function message(type: MessageType, from: number, to: number, term: number, extra: Partial<Message> = {}): Message {
  return { type, from, to, term, index: 0, logTerm: 0, commit: 0, entries: EMPTY, reject: false, rejectHint: 0, ...extra };
}
const EMPTY: LogEntry[] = [];

export class RaftNode {
  state: RaftState = 'StateFollower';
  term: number;
  vote: number;
  lead = NONE;
  readonly log: LogEntry[];
  committed: number;
  up = true;
  /** When electionElapsed was last zeroed (raft.go electionElapsed = now - electionStart). */
  private electionStart = 0;
  private randomizedElectionTimeout = 0;
  /** Bumped by every reset(): a timer loop of an older state stops when it sees a newer token. */
  private timerToken = 0;
  private votes = new Map<number, boolean>();
  private readonly progress = new Map<number, Progress>();

  constructor(
    readonly id: number,
    private readonly config: RaftConfig,
    private readonly env: NodeEnv,
    persisted: PersistedState = { term: 0, vote: NONE, log: [], committed: 0 },
  ) {
    this.term = persisted.term;
    this.vote = persisted.vote;
    this.log = persisted.log;
    this.committed = persisted.committed;
    // raft.go newRaft: every member starts (or restarts) as a follower of its persisted term.
    this.becomeFollower(this.term, NONE);
  }

  persisted(): PersistedState {
    return { term: this.term, vote: this.vote, log: this.log, committed: this.committed };
  }

  private trace(title: string, rule: string): void {
    this.env.trace?.(this, title, rule);
  }

  // ---- state transitions (raft.go become*) --------------------------------

  /** raft.go reset: a new term forgets the vote; no leader; a fresh randomized election timeout. */
  private reset(term: number): void {
    if (this.term !== term) {
      this.term = term;
      this.vote = NONE;
    }
    this.lead = NONE;
    this.electionStart = this.env.now();
    this.randomizedElectionTimeout = this.env.random(this.config.electionMinMs, this.config.electionMaxMs);
    this.votes = new Map();
    this.progress.clear();
    for (const id of this.config.voters) {
      const pr = new Progress(lastIndex(this.log));
      if (id === this.id) pr.match = lastIndex(this.log);
      this.progress.set(id, pr);
    }
    this.timerToken++;
    this.armElectionTimer(this.electionStart + this.randomizedElectionTimeout);
  }

  becomeFollower(term: number, lead: number): void {
    this.reset(term);
    this.lead = lead;
    this.state = 'StateFollower';
    this.trace(`${this.id} became follower at term ${this.term}`, 'raft.go becomeFollower');
  }

  private becomePreCandidate(): void {
    // raft.go: a pre-candidate changes neither its term nor its vote.
    this.votes = new Map();
    this.lead = NONE;
    this.state = 'StatePreCandidate';
    this.trace(`${this.id} became pre-candidate at term ${this.term}`, 'raft.go becomePreCandidate');
  }

  private becomeCandidate(): void {
    this.reset(this.term + 1);
    this.vote = this.id;
    this.state = 'StateCandidate';
    this.trace(`${this.id} became candidate at term ${this.term}`, 'raft.go becomeCandidate');
  }

  private becomeLeader(): void {
    this.reset(this.term);
    this.lead = this.id;
    this.state = 'StateLeader';
    const self = this.progress.get(this.id) as Progress;
    self.becomeReplicate();
    self.recentActive = true;
    this.env.onLeader(this);
    this.trace(`${this.id} became leader at term ${this.term}`, 'raft.go becomeLeader');
    // raft.go becomeLeader: an empty entry of the new term, so that the entries of
    // earlier terms can be committed by committing it (Figure 8).
    this.appendEntry('');
    this.startLeaderLoops();
  }

  // ---- timers (raft.go tickElection / tickHeartbeat) -----------------------

  private armElectionTimer(atMs: number): void {
    const token = this.timerToken;
    this.env.at(atMs, () => this.electionTimerFired(token));
  }

  private electionTimerFired(token: number): void {
    if (!this.up || token !== this.timerToken || this.state === 'StateLeader') return;
    const due = this.electionStart + this.randomizedElectionTimeout;
    if (this.env.now() < due) {
      this.armElectionTimer(due); // heard from the leader since: wait out the rest
      return;
    }
    this.electionStart = this.env.now();
    this.trace(`${this.id}'s election timeout (${this.randomizedElectionTimeout} ms) elapsed at term ${this.term}`, 'raft.go tickElection: pastElectionTimeout → MsgHup');
    this.hup();
    // A pre-candidate keeps its timer (becomePreCandidate does not reset(), so the token is unchanged): re-arm it.
    if (token === this.timerToken) this.armElectionTimer(this.electionStart + this.randomizedElectionTimeout);
  }

  private startLeaderLoops(): void {
    const token = this.timerToken;
    const alive = () => this.up && token === this.timerToken && this.state === 'StateLeader';
    // tickHeartbeat: every electionTimeout, CheckQuorum (before the heartbeat due at the same tick).
    const checkQuorum = () => {
      if (!alive()) return;
      this.electionStart = this.env.now();
      if (this.config.checkQuorum) {
        this.stepCheckQuorum();
        if (!alive()) return;
      }
      this.env.at(this.env.now() + this.config.electionMinMs, checkQuorum);
    };
    const beat = () => {
      if (!alive()) return;
      this.bcastHeartbeat();
      this.env.at(this.env.now() + this.config.heartbeatMs, beat);
    };
    this.env.at(this.env.now() + this.config.electionMinMs, checkQuorum);
    this.env.at(this.env.now() + this.config.heartbeatMs, beat);
  }

  /** raft.go stepLeader MsgCheckQuorum: step down unless a quorum was heard from since the last check. */
  private stepCheckQuorum(): void {
    const active: Record<string, boolean> = {};
    for (const [id, pr] of this.progress) active[id] = pr.recentActive;
    if (voteResult(this.config.voters, active) !== 'VoteWon') {
      this.trace(`${this.id} stepped down to follower since quorum is not active`, 'raft.go stepLeader MsgCheckQuorum (CheckQuorum)');
      this.becomeFollower(this.term, NONE);
      return;
    }
    for (const [id, pr] of this.progress) if (id !== this.id) pr.recentActive = false;
  }

  // ---- elections (raft.go hup, campaign, poll) ------------------------------

  /** raft.go Step(MsgHup): start an election (a pre-vote first with PreVote), unless leader. */
  hup(): void {
    if (this.state === 'StateLeader') return;
    this.campaign(this.config.preVote ? 'pre' : 'election');
  }

  private campaign(kind: 'pre' | 'election'): void {
    let term: number;
    let type: 'MsgPreVote' | 'MsgVote';
    if (kind === 'pre') {
      this.becomePreCandidate();
      type = 'MsgPreVote';
      term = this.term + 1; // PreVote RPCs are sent for the next term before we've incremented r.Term
    } else {
      this.becomeCandidate();
      type = 'MsgVote';
      term = this.term;
    }
    const last = lastIndex(this.log);
    const lastT = lastTerm(this.log);
    for (const id of this.config.voters) {
      if (id === this.id) continue;
      this.env.send(message(type, this.id, id, term, { index: last, logTerm: lastT }));
    }
    // The candidate's own vote, counted once durable (at once here).
    this.onVoteResponse(this.id, true);
  }

  private poll(id: number, granted: boolean): VoteResult {
    this.votes.set(id, granted);
    const votes: Record<string, boolean> = {};
    for (const [voter, v] of this.votes) votes[voter] = v;
    return voteResult(this.config.voters, votes);
  }

  private onVoteResponse(from: number, granted: boolean): void {
    const res = this.poll(from, granted);
    if (res === 'VoteWon') {
      if (this.state === 'StatePreCandidate') {
        this.trace(`${this.id} won the pre-vote at term ${this.term + 1}: campaigns for real`, 'raft.go stepCandidate: VoteWon as pre-candidate → campaign(campaignElection)');
        this.campaign('election');
      } else {
        this.becomeLeader();
        this.bcastAppend();
        this.selfAck();
      }
    } else if (res === 'VoteLost') {
      this.trace(`${this.id} lost the ${this.state === 'StatePreCandidate' ? 'pre-vote' : 'election'} at term ${this.term}`, 'raft.go stepCandidate: VoteLost → becomeFollower');
      this.becomeFollower(this.term, NONE);
    }
  }

  // ---- Step (raft.go Step) ----------------------------------------------------

  step(m: Message): void {
    if (m.term > this.term) {
      if (m.type === 'MsgVote' || m.type === 'MsgPreVote') {
        const inLease = this.config.checkQuorum && this.lead !== NONE && this.env.now() - this.electionStart < this.config.electionMinMs;
        if (inLease) {
          this.trace(`${this.id} ignored ${m.type} from ${m.from} at term ${m.term}: lease is not expired`, 'raft.go Step: CheckQuorum leader lease');
          return;
        }
      }
      if (m.type === 'MsgPreVote' || (m.type === 'MsgPreVoteResp' && !m.reject)) {
        // Never change our term in response to a PreVote (or a granted pre-vote for our future term).
      } else {
        this.trace(`${this.id} [term: ${this.term}] received a ${m.type} message with higher term from ${m.from} [term: ${m.term}]`, 'raft.go Step: a higher term makes us a follower');
        const fromLeader = m.type === 'MsgApp' || m.type === 'MsgHeartbeat';
        this.becomeFollower(m.term, fromLeader ? m.from : NONE);
      }
    } else if (m.term < this.term) {
      if ((this.config.checkQuorum || this.config.preVote) && (m.type === 'MsgHeartbeat' || m.type === 'MsgApp')) {
        // A stale leader: tell it our term so it steps down.
        this.env.send(message('MsgAppResp', this.id, m.from, this.term));
      } else if (m.type === 'MsgPreVote') {
        this.env.send(message('MsgPreVoteResp', this.id, m.from, this.term, { reject: true }));
      }
      return;
    }

    if (m.type === 'MsgVote' || m.type === 'MsgPreVote') {
      const d = decideVote({ id: this.id, state: this.state, term: this.term, vote: this.vote, lead: this.lead, log: this.log }, { type: m.type, from: m.from, to: this.id, term: m.term, index: m.index, logTerm: m.logTerm });
      this.trace(`${this.id} ${d.reason}`, 'raft.go Step MsgVote/MsgPreVote: canVote && isUpToDate');
      if (d.granted) {
        this.electionStart = this.env.now();
        this.vote = m.from;
      }
      if (d.response) this.env.send(message(d.response.type, this.id, m.from, d.response.term, { reject: d.response.reject }));
      return;
    }
    switch (this.state) {
      case 'StateLeader':
        this.stepLeader(m);
        break;
      case 'StateCandidate':
      case 'StatePreCandidate':
        this.stepCandidate(m);
        break;
      case 'StateFollower':
        this.stepFollower(m);
        break;
    }
  }

  private stepCandidate(m: Message): void {
    const myVoteResp = this.state === 'StatePreCandidate' ? 'MsgPreVoteResp' : 'MsgVoteResp';
    switch (m.type) {
      case 'MsgApp':
        this.becomeFollower(m.term, m.from);
        this.handleAppendEntries(m);
        break;
      case 'MsgHeartbeat':
        this.becomeFollower(m.term, m.from);
        this.handleHeartbeat(m);
        break;
      case myVoteResp:
        this.onVoteResponse(m.from, !m.reject);
        break;
    }
  }

  private stepFollower(m: Message): void {
    if (m.type === 'MsgApp' || m.type === 'MsgHeartbeat') {
      this.electionStart = this.env.now();
      this.lead = m.from;
      if (m.type === 'MsgApp') this.handleAppendEntries(m);
      else this.handleHeartbeat(m);
    }
  }

  // ---- the follower's side of replication ----------------------------------

  /** raft.go handleAppendEntries with log.go maybeAppend, in place. */
  handleAppendEntries(m: Message): void {
    if (m.index < this.committed) {
      this.env.send(message('MsgAppResp', this.id, m.from, this.term, { index: this.committed }));
      return;
    }
    if (matchTerm(this.log, m.index, m.logTerm)) {
      const lastNew = m.index + m.entries.length;
      const conflict = findConflict(this.log, m.entries);
      if (conflict !== 0) {
        if (conflict <= this.committed) throw new RaftInvariantError(`entry ${conflict} conflict with committed entry [committed(${this.committed})]`);
        if (conflict <= lastIndex(this.log)) this.trace(`${this.id} found conflict at index ${conflict} [existing term: ${termAt(this.log, conflict)}, conflicting term: ${m.entries[conflict - m.index - 1].term}]: truncates its log`, 'log.go findConflict → truncateAndAppend');
        this.log.length = conflict - 1;
        for (let i = conflict - m.index - 1; i < m.entries.length; i++) this.log.push(m.entries[i]);
      }
      this.commitTo(Math.min(m.commit, lastNew));
      this.env.send(message('MsgAppResp', this.id, m.from, this.term, { index: lastNew }));
      return;
    }
    // Our log does not match at m.index: hint the leader where it may (findConflictByTerm).
    const hint = findConflictByTerm(this.log, Math.min(m.index, lastIndex(this.log)), m.logTerm);
    this.trace(`${this.id} rejected MsgApp [logterm: ${m.logTerm}, index: ${m.index}] from ${m.from}`, 'raft.go handleAppendEntries: log matching check failed');
    this.env.send(message('MsgAppResp', this.id, m.from, this.term, { index: m.index, reject: true, rejectHint: hint.index, logTerm: hint.term }));
  }

  /** raft.go handleHeartbeat: commit up to what the leader says (never down), answer. */
  handleHeartbeat(m: Message): void {
    this.commitTo(m.commit);
    this.env.send(message('MsgHeartbeatResp', this.id, m.from, this.term));
  }

  /** log.go commitTo: forward only, never past the last entry. */
  private commitTo(toCommit: number): void {
    if (this.committed >= toCommit) return;
    if (lastIndex(this.log) < toCommit) throw new RaftInvariantError(`tocommit(${toCommit}) is out of range [lastIndex(${lastIndex(this.log)})]. Was the raft log corrupted, truncated, or lost?`);
    const from = this.committed + 1;
    this.committed = toCommit;
    this.env.onCommit(this, from, toCommit);
  }

  // ---- the leader's side ------------------------------------------------------

  /** A client proposal: false when this member is not the leader (raft.go ErrProposalDropped). */
  propose(data: string): boolean {
    if (this.state !== 'StateLeader') return false;
    // raft.go stepLeader MsgProp: appendEntry, bcastAppend; the self-ack follows once durable.
    this.appendEntry(data);
    this.bcastAppend();
    this.selfAck();
    return true;
  }

  private appendEntry(data: string): void {
    this.log.push({ index: this.log.length + 1, term: this.term, data });
  }

  /** The leader's MsgAppResp to itself once its entries are durable (at once here): it may commit. */
  private selfAck(): void {
    const self = this.progress.get(this.id) as Progress;
    self.maybeUpdate(lastIndex(this.log));
    if (this.maybeCommit()) this.bcastAppend();
  }

  /** raft.go maybeCommit: the quorum's index, if it is of our term (log.go maybeCommit). */
  private maybeCommit(): boolean {
    const match: Record<string, number> = {};
    for (const [id, pr] of this.progress) match[id] = pr.match;
    const index = committedIndex(this.config.voters, match);
    if (index > this.committed && matchTerm(this.log, index, this.term)) {
      this.commitTo(index);
      return true;
    }
    return false;
  }

  private bcastAppend(): void {
    for (const id of this.config.voters) if (id !== this.id) this.sendAppend(id, true);
  }

  private bcastHeartbeat(): void {
    for (const id of this.config.voters) {
      if (id === this.id) continue;
      const pr = this.progress.get(id) as Progress;
      // raft.go sendHeartbeat: never tell a follower to commit past what it is known to have.
      const commit = Math.min(pr.match, this.committed);
      this.env.send(message('MsgHeartbeat', this.id, id, this.term, { commit }));
      pr.sentCommitTo(commit);
    }
  }

  /** raft.go maybeSendAppend: entries from Next (none when throttled), anchored at Next-1. */
  private sendAppend(to: number, sendIfEmpty: boolean): boolean {
    const pr = this.progress.get(to) as Progress;
    if (pr.isPaused()) return false;
    const prevIndex = pr.next - 1;
    const prevTerm = termAt(this.log, prevIndex) as number;
    const entries = pr.state !== 'StateReplicate' || !pr.inflightsFull() ? this.log.slice(prevIndex) : EMPTY;
    if (entries.length === 0 && !sendIfEmpty) return false;
    this.env.send(message('MsgApp', this.id, to, this.term, { index: prevIndex, logTerm: prevTerm, entries, commit: this.committed }));
    pr.sentEntries(entries.length);
    pr.sentCommitTo(this.committed);
    return true;
  }

  private stepLeader(m: Message): void {
    const pr = this.progress.get(m.from);
    if (!pr) return;
    if (m.type === 'MsgAppResp') {
      pr.recentActive = true;
      if (m.reject) {
        let nextProbe = m.rejectHint;
        // Skip the whole divergent term in one probe (see raft.go's long comment).
        if (m.logTerm > 0) nextProbe = findConflictByTerm(this.log, m.rejectHint, m.logTerm).index;
        if (pr.maybeDecrTo(m.index, nextProbe)) {
          if (pr.state === 'StateReplicate') pr.becomeProbe();
          this.sendAppend(m.from, true);
        }
        return;
      }
      if (pr.maybeUpdate(m.index) || (pr.match === m.index && pr.state === 'StateProbe')) {
        if (pr.state === 'StateProbe') pr.becomeReplicate();
        else pr.freeLE(m.index);
        if (this.maybeCommit()) this.bcastAppend();
        else if (pr.canBumpCommit(this.committed)) this.sendAppend(m.from, true);
        while (this.sendAppend(m.from, false)) {
          // keep sending while there is something to send and the window allows
        }
      }
    } else if (m.type === 'MsgHeartbeatResp') {
      pr.recentActive = true;
      pr.msgAppFlowPaused = false;
      if (pr.match < lastIndex(this.log) || pr.state === 'StateProbe') this.sendAppend(m.from, true);
    }
  }
}

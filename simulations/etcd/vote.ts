// How a member answers a (pre-)vote request.
// src: etcd-io/raft raft.go (raft.Step: the term checks, the leader lease under
//      CheckQuorum, and the MsgVote/MsgPreVote case), log.go (isUpToDate).

import { isUpToDate, lastIndex, lastTerm } from './raft-log.ts';
import type { Entry } from './raft-log.ts';

export type RaftState = 'StateFollower' | 'StateCandidate' | 'StatePreCandidate' | 'StateLeader';

/** Raft's "None": no vote cast, no known leader (raft.go: const None uint64 = 0). */
export const NONE = 0;

export interface VoterState {
  id: number;
  state: RaftState;
  term: number;
  /** Whom we voted for in `term`, NONE if nobody. */
  vote: number;
  /** The leader we know of in `term`, NONE if none. */
  lead: number;
  log: readonly Entry[];
  /** Optional: CheckQuorum on (etcd always sets it). Without it there is no leader lease. */
  checkQuorum?: boolean;
  /** Optional, with checkQuorum: time (or ticks) since we last heard from the leader. */
  electionElapsed?: number;
  /** Optional, with checkQuorum: the (minimum) election timeout in the same unit. */
  electionTimeout?: number;
}

export interface VoteRequest {
  type: 'MsgVote' | 'MsgPreVote';
  from: number;
  to: number;
  /** For MsgPreVote the term the candidate would campaign at (its term + 1). */
  term: number;
  /** The candidate's last log index and term. */
  index: number;
  logTerm: number;
}

export interface VoteResponse {
  type: 'MsgVoteResp' | 'MsgPreVoteResp';
  reject: boolean;
  term: number;
}

/** What the voter does: the answer it sends (null when it ignores the request) and its state after. */
export interface VoteDecision {
  response: VoteResponse | null;
  /** The term after the request (a higher-term MsgVote makes us a follower at that term first). */
  term: number;
  vote: number;
  lead: number;
  state: RaftState;
  /** The voter stepped down to follower (term bump) before deciding. */
  becameFollower: boolean;
  /** A real vote was granted: the voter resets its election timer (raft.go electionElapsed = 0). */
  granted: boolean;
  /** Why, in the words of raft.go's log lines, for the trace. */
  reason: string;
}

function respType(type: VoteRequest['type']): VoteResponse['type'] {
  return type === 'MsgVote' ? 'MsgVoteResp' : 'MsgPreVoteResp';
}

/**
 * The whole decision of raft.go Step for a MsgVote/MsgPreVote, with the
 * voter's state after it (the simulation applies that state; stepVote returns
 * only the answer).
 */
export function decideVote(node: VoterState, msg: VoteRequest): VoteDecision {
  let { term, vote, lead, state } = node;
  let becameFollower = false;
  if (msg.term > term) {
    // raft.go: "If a server receives a RequestVote request within the minimum election
    // timeout of hearing from a current leader, it does not update its term or grant its vote."
    const inLease = node.checkQuorum === true && lead !== NONE && (node.electionElapsed ?? 0) < (node.electionTimeout ?? Infinity);
    if (inLease) {
      return { response: null, term, vote, lead, state, becameFollower, granted: false, reason: `ignored ${msg.type} from ${msg.from} at term ${msg.term}: lease is not expired (CheckQuorum)` };
    }
    if (msg.type === 'MsgVote') {
      // becomeFollower(m.Term, None): new term, no vote, no leader.
      term = msg.term;
      vote = NONE;
      lead = NONE;
      state = 'StateFollower';
      becameFollower = true;
    }
    // "Never change our term in response to a PreVote."
  } else if (msg.term < term) {
    if (msg.type === 'MsgPreVote') {
      // raft.go: answer a lower-term pre-vote with a rejection at our term, or a
      // cluster migrating to PreVote could deadlock.
      return { response: { type: 'MsgPreVoteResp', reject: true, term }, term, vote, lead, state, becameFollower, granted: false, reason: `rejected ${msg.type} from ${msg.from}: its term ${msg.term} is lower than ours (${term})` };
    }
    return { response: null, term, vote, lead, state, becameFollower, granted: false, reason: `ignored a ${msg.type} message with lower term from ${msg.from} [term: ${msg.term}]` };
  }

  // We can vote if this is a repeat of a vote we've already cast, or we haven't voted
  // and don't think there's a leader yet in this term, or it is a PreVote for a future term...
  const canVote = vote === msg.from || (vote === NONE && lead === NONE) || (msg.type === 'MsgPreVote' && msg.term > term);
  // ...and we believe the candidate is up to date.
  const upToDate = isUpToDate(lastIndex(node.log), lastTerm(node.log), msg.index, msg.logTerm);
  if (canVote && upToDate) {
    const granted = msg.type === 'MsgVote';
    // The response carries the message's term (for a pre-vote, the candidate's future term).
    return {
      response: { type: respType(msg.type), reject: false, term: msg.term },
      term,
      vote: granted ? msg.from : vote,
      lead,
      state,
      becameFollower,
      granted,
      reason: `cast ${msg.type} for ${msg.from} [logterm: ${msg.logTerm}, index: ${msg.index}] at term ${term}`,
    };
  }
  const why = !canVote ? `already voted for ${vote === NONE ? `nobody but knows leader ${lead}` : vote} at term ${term}` : `candidate's log [logterm: ${msg.logTerm}, index: ${msg.index}] is behind ours [logterm: ${lastTerm(node.log)}, index: ${lastIndex(node.log)}]`;
  return { response: { type: respType(msg.type), reject: true, term }, term, vote, lead, state, becameFollower, granted: false, reason: `rejected ${msg.type} from ${msg.from}: ${why}` };
}

/**
 * raft.go Step for a MsgVote or MsgPreVote: the answer a member sends, or null
 * when it sends none (a MsgVote from a lower term, or any higher-term request
 * inside a leader lease under CheckQuorum).
 *
 * @example
 *   stepVote({ id: 1, state: 'StateFollower', term: 0, vote: 0, lead: 0, log: [{ index: 1, term: 2 }] },
 *            { type: 'MsgVote', from: 2, to: 1, term: 3, index: 2, logTerm: 1 })
 *   // { type: 'MsgVoteResp', reject: true, term: 3 }: term 3 adopted, but the candidate's last term 1 < 2
 */
export function stepVote(node: VoterState, msg: VoteRequest): VoteResponse | null {
  return decideVote(node, msg).response;
}

// The etcd chapter's public functions (contracts/etcd.md); simulations/index.ts
// re-exports them from here. The log functions check their input here (a log
// must run from index 1 without gaps), so the engine's hot paths need not.

import * as raftLog from './raft-log.ts';
import type { Entry } from './raft-log.ts';
import { decideVote } from './vote.ts';
import type { VoteRequest, VoteResponse, VoterState } from './vote.ts';

export { committedIndex, voteResult } from './quorum.ts';
export type { VoteResult } from './quorum.ts';
export type { Entry } from './raft-log.ts';
export type { RaftState, VoteRequest, VoteResponse, VoterState } from './vote.ts';
export { RaftInvariantError } from './errors.ts';

export const isUpToDate = raftLog.isUpToDate;

/** See raft-log.ts findConflict. @example findConflict([{index:1,term:1},{index:2,term:2},{index:3,term:3}], [{index:2,term:1},{index:3,term:4}]) // 2 */
export function findConflict(log: Entry[], entries: Entry[]): number {
  raftLog.assertLog(log);
  return raftLog.findConflict(log, entries);
}

/** See raft-log.ts maybeAppend; throws RaftInvariantError if it would overwrite a committed entry. */
export function maybeAppend(log: Entry[], committed: number, msg: { index: number; logTerm: number; commit: number; entries: Entry[] }): { lastNewIndex: number; ok: boolean; committed: number; log: Entry[] } {
  raftLog.assertLog(log);
  return raftLog.maybeAppend(log, committed, msg);
}

/** See raft-log.ts maybeCommit. @example maybeCommit([{index:1,term:1},{index:2,term:2}], 2, {'1':2,'2':1,'3':1}, 0) // 0 */
export function maybeCommit(log: Entry[], term: number, matchIndexes: Record<string, number>, committed: number): number {
  raftLog.assertLog(log);
  return raftLog.maybeCommit(log, term, matchIndexes, committed);
}

/**
 * raft.go Step for a MsgVote/MsgPreVote: the answer, or null when upstream sends
 * none (a MsgVote from a lower term; a higher-term request inside the leader
 * lease when the node says checkQuorum, electionElapsed and electionTimeout).
 *
 * @example
 *   stepVote({ id: 1, state: 'StateFollower', term: 0, vote: 0, lead: 0, log: [{ index: 1, term: 2 }] },
 *            { type: 'MsgVote', from: 2, to: 1, term: 3, index: 2, logTerm: 1 })
 *   // { type: 'MsgVoteResp', reject: true, term: 3 }
 */
export function stepVote(node: VoterState, msg: VoteRequest): VoteResponse | null {
  raftLog.assertLog(node.log, 'node.log');
  return decideVote(node, msg).response;
}

export { mvcc } from './mvcc.ts';
export type { MvccOp, MvccResult, KeyValue } from './mvcc.ts';

export { simulateRaft } from './simulate-raft.ts';
export type { RaftInput, RaftOutput, RaftEvent } from './simulate-raft.ts';

// Quorum arithmetic, as etcd-io/raft computes it.
// src: etcd-io/raft quorum/majority.go (MajorityConfig.CommittedIndex, VoteResult)
//      quorum/joint.go (JointConfig: both halves must agree)
// A voter with no entry in the map has told us nothing: for commit it counts as
// 0, for votes as "not yet voted". An empty config commits everything
// (Infinity, upstream's math.MaxUint64) and wins every vote, so that a joint
// config with an empty outgoing half behaves like its incoming half.

export type VoteResult = 'VoteWon' | 'VoteLost' | 'VotePending';

/** A majority of n voters: n/2 + 1 (2 of 3, 3 of 4, 3 of 5). */
export function quorumSize(voters: number): number {
  return Math.floor(voters / 2) + 1;
}

function uniqueIds(voters: readonly number[]): number[] {
  return [...new Set(voters)];
}

function majorityCommittedIndex(voters: readonly number[], matchIndexes: Readonly<Record<string, number>>): number {
  const ids = uniqueIds(voters);
  const n = ids.length;
  if (n === 0) return Infinity;
  // majority.go: fill with the acked indexes (missing voters stay 0), sort ascending,
  // and the value n/2+1 from the right is acked by a quorum.
  const acked = ids.map((id) => matchIndexes[String(id)] ?? 0).sort((a, b) => a - b);
  return acked[n - quorumSize(n)];
}

function majorityVoteResult(voters: readonly number[], votes: Readonly<Record<string, boolean>>): VoteResult {
  const ids = uniqueIds(voters);
  if (ids.length === 0) return 'VoteWon';
  let granted = 0;
  let missing = 0;
  for (const id of ids) {
    const v = votes[String(id)];
    if (v === undefined) missing++;
    else if (v) granted++;
  }
  const q = quorumSize(ids.length);
  if (granted >= q) return 'VoteWon';
  if (granted + missing >= q) return 'VotePending';
  return 'VoteLost';
}

/**
 * The highest log index acknowledged by a majority of `voters` (and of
 * `outgoingVoters` too, during a joint configuration change).
 *
 * @example
 *   committedIndex([1, 2, 3], { '1': 12, '2': 5 })             // 5: voters 1 and 2 both have 5
 *   committedIndex([1, 2, 3], { '1': 100, '2': 101, '3': 99 }, []) // 100
 *   committedIndex([], {})                                     // Infinity
 */
export function committedIndex(voters: readonly number[], matchIndexes: Readonly<Record<string, number>>, outgoingVoters?: readonly number[]): number {
  const incoming = majorityCommittedIndex(voters, matchIndexes);
  if (outgoingVoters === undefined) return incoming;
  // joint.go: an index is committed only when committed in both halves.
  return Math.min(incoming, majorityCommittedIndex(outgoingVoters, matchIndexes));
}

/**
 * Whether an election is won, lost or still open, given the votes so far.
 *
 * @example
 *   voteResult([2, 4, 7], { '2': true, '4': false })   // 'VotePending': 7 decides
 *   voteResult([1, 2, 3], { '1': true, '3': true })    // 'VoteWon'
 */
export function voteResult(voters: readonly number[], votes: Readonly<Record<string, boolean>>, outgoingVoters?: readonly number[]): VoteResult {
  const r1 = majorityVoteResult(voters, votes);
  if (outgoingVoters === undefined) return r1;
  const r2 = majorityVoteResult(outgoingVoters, votes);
  // joint.go VoteResult: agreement wins; any loss loses; otherwise pending.
  if (r1 === r2) return r1;
  if (r1 === 'VoteLost' || r2 === 'VoteLost') return 'VoteLost';
  return 'VotePending';
}

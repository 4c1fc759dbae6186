// The Raft log rules: matching, conflicts, appending and committing.
// src: etcd-io/raft log.go (raftLog.findConflict, findConflictByTerm, maybeAppend,
//      commitTo, isUpToDate, matchTerm, maybeCommit) and raft.go (raft.maybeCommit).
//
// A log here is the plain list of entries from index 1, contiguous; index 0 is
// the implicit empty entry of term 0 every log starts after (upstream's dummy
// entry), so a MsgApp anchored at (index 0, term 0) always matches.

import { RaftInvariantError } from './errors.ts';
import { committedIndex } from './quorum.ts';

export type Entry = { index: number; term: number; data?: string };

/** Throws a TypeError unless `log` is contiguous from index 1 (what every function here assumes). */
export function assertLog(log: readonly Entry[], what = 'log'): void {
  if (!Array.isArray(log)) throw new TypeError(`${what} must be a list of entries`);
  for (let i = 0; i < log.length; i++) {
    const e = log[i];
    if (e === null || typeof e !== 'object' || e.index !== i + 1 || !Number.isInteger(e.term) || e.term < 0) {
      throw new TypeError(`${what}[${i}] must be { index: ${i + 1}, term: a whole number ≥ 0 }, got ${JSON.stringify(e)}`);
    }
  }
}

export function lastIndex(log: readonly Entry[]): number {
  return log.length;
}

export function lastTerm(log: readonly Entry[]): number {
  return log.length === 0 ? 0 : log[log.length - 1].term;
}

/** The term of entry `index`, 0 for index 0, undefined past the end (log.go term(): ErrUnavailable). */
export function termAt(log: readonly Entry[], index: number): number | undefined {
  if (index === 0) return 0;
  if (index < 0 || index > log.length) return undefined;
  return log[index - 1].term;
}

/** log.go matchTerm: the log has an entry at `index` with term `term`. */
export function matchTerm(log: readonly Entry[], index: number, term: number): boolean {
  return termAt(log, index) === term;
}

/**
 * log.go isUpToDate, the voting rule of the Raft paper §5.4.1: a candidate's log
 * is at least as up to date as ours when its last term is higher, or equal with
 * a last index at least ours.
 *
 * @example isUpToDate(3, 3, 2, 4) // true: the candidate's last term 4 beats ours (3)
 */
export function isUpToDate(lastIndex: number, lastTerm: number, candidateIndex: number, candidateTerm: number): boolean {
  return candidateTerm > lastTerm || (candidateTerm === lastTerm && candidateIndex >= lastIndex);
}

/**
 * log.go findConflict: the index of the first of `entries` that the log does
 * not have with the same term (a conflict, or simply new), or 0 when the log
 * already holds them all.
 *
 * @example findConflict([{index:1,term:1},{index:2,term:2},{index:3,term:3}], [{index:2,term:1},{index:3,term:4}]) // 2
 */
export function findConflict(log: readonly Entry[], entries: readonly Entry[]): number {
  for (const e of entries) {
    if (!matchTerm(log, e.index, e.term)) return e.index;
  }
  return 0;
}

/**
 * log.go findConflictByTerm: the last (index, term) at or before `index` whose
 * term is ≤ `term`; a rejecting follower sends it as a hint so the leader can
 * skip a whole divergent term in one probe instead of one index per round trip.
 * An index past the end is not known, so it is a possible match: (index, 0).
 */
export function findConflictByTerm(log: readonly Entry[], index: number, term: number): { index: number; term: number } {
  if (index > log.length) return { index, term: 0 };
  for (let i = index; i > 0; i--) {
    const t = log[i - 1].term;
    if (t <= term) return { index: i, term: t };
  }
  return { index: 0, term: 0 };
}

/**
 * log.go raftLog.maybeAppend, what a follower does with a MsgApp (AppendEntries):
 * if its log has the entry the message is anchored at (msg.index, msg.logTerm),
 * it keeps its log up to the first conflict, replaces the rest with the
 * message's entries, and commits up to min(msg.commit, last new index); the
 * commit index never goes down. Otherwise it rejects (ok false) and changes
 * nothing. Overwriting a committed entry throws (upstream panics): a leader
 * that would ask for it has broken Raft's safety.
 *
 * @example
 *   maybeAppend([{index:1,term:1},{index:2,term:2},{index:3,term:3}], 1, { index: 3, logTerm: 3, commit: 5, entries: [{index:4,term:4}] })
 *   // { lastNewIndex: 4, ok: true, committed: 4, log: [1@1, 2@2, 3@3, 4@4] }
 */
export function maybeAppend(
  log: readonly Entry[],
  committed: number,
  msg: { index: number; logTerm: number; commit: number; entries: readonly Entry[] },
): { lastNewIndex: number; ok: boolean; committed: number; log: Entry[] } {
  if (!matchTerm(log, msg.index, msg.logTerm)) return { lastNewIndex: 0, ok: false, committed, log: log.slice() };
  const lastNewIndex = msg.index + msg.entries.length;
  const conflict = findConflict(log, msg.entries);
  let next = log.slice();
  if (conflict !== 0) {
    if (conflict <= committed) throw new RaftInvariantError(`entry ${conflict} conflict with committed entry [committed(${committed})]`);
    const offset = msg.index + 1;
    // log_unstable.go truncateAndAppend: keep [1, conflict), then the new entries from `conflict` on.
    next = next.slice(0, conflict - 1).concat(msg.entries.slice(conflict - offset).map((e) => ({ ...e })));
  }
  return { lastNewIndex, ok: true, committed: commitTo(next, committed, Math.min(msg.commit, lastNewIndex)), log: next };
}

/** log.go commitTo: the commit index only moves forward, and never past the last entry. */
export function commitTo(log: readonly Entry[], committed: number, toCommit: number): number {
  if (committed >= toCommit) return committed;
  if (log.length < toCommit) {
    throw new RaftInvariantError(`tocommit(${toCommit}) is out of range [lastIndex(${log.length})]. Was the raft log corrupted, truncated, or lost?`);
  }
  return toCommit;
}

/**
 * raft.go maybeCommit → log.go maybeCommit: a leader at `term` commits the
 * highest index a majority has acked (quorum.CommittedIndex over the voters in
 * `matchIndexes`), but only if that entry is of its own term: an older term's
 * entry is committed only indirectly, by a current-term entry after it (the
 * Raft paper's Figure 8). Returns the new commit index (never lower).
 *
 * @example maybeCommit([{index:1,term:1},{index:2,term:2}], 2, { '1': 2, '2': 1, '3': 1 }, 0) // 0
 */
export function maybeCommit(log: readonly Entry[], term: number, matchIndexes: Readonly<Record<string, number>>, committed: number): number {
  const voters = Object.keys(matchIndexes).map(Number);
  const index = committedIndex(voters, matchIndexes);
  // log.go maybeCommit: term 0 never matches (a leader campaigned at least at term 1).
  if (term !== 0 && Number.isFinite(index) && index > committed && matchTerm(log, index, term)) return commitTo(log, committed, index);
  return committed;
}

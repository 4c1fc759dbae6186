// What a leader knows of each follower's log.
// src: etcd-io/raft tracker/progress.go (Match, Next, StateProbe/StateReplicate,
//      MsgAppFlowPaused, MaybeUpdate, MaybeDecrTo, SentEntries, CanBumpCommit),
//      tracker/inflights.go (a bounded window of in-flight MsgApps).
// Snapshots are not modelled (the log is never truncated), so StateSnapshot never occurs.

/** etcd's MaxInflightMsgs (etcdserver/raft.go: maxInflightMsgs = 4096 / 8). */
export const MAX_INFLIGHT_MSGS = 512;

export class Progress {
  /** The highest index known to be in the follower's log. */
  match = 0;
  /** The next index to send. */
  next: number;
  /** StateProbe: one MsgApp at a time until the follower answers. StateReplicate: stream optimistically. */
  state: 'StateProbe' | 'StateReplicate' = 'StateProbe';
  msgAppFlowPaused = false;
  /** Heard from since the last CheckQuorum (tracker.Progress.RecentActive). */
  recentActive = false;
  private sentCommit = 0;
  /** The last index of each in-flight MsgApp (inflights.go). */
  private inflights: number[] = [];

  constructor(lastIndex: number) {
    this.next = lastIndex + 1;
  }

  isPaused(): boolean {
    return this.msgAppFlowPaused;
  }

  inflightsFull(): boolean {
    return this.inflights.length >= MAX_INFLIGHT_MSGS;
  }

  becomeProbe(): void {
    this.resetState('StateProbe');
    this.next = this.match + 1;
    this.sentCommit = Math.min(this.sentCommit, this.next - 1);
  }

  becomeReplicate(): void {
    this.resetState('StateReplicate');
    this.next = this.match + 1;
  }

  private resetState(state: Progress['state']): void {
    this.msgAppFlowPaused = false;
    this.state = state;
    this.inflights = [];
  }

  /** An ack up to n: true if it moved Match. */
  maybeUpdate(n: number): boolean {
    if (n <= this.match) return false;
    this.match = n;
    this.next = Math.max(this.next, n + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  /**
   * A rejection of the MsgApp anchored at `rejected`; `matchHint` is where the
   * follower suggests to probe next. False when the rejection is stale.
   */
  maybeDecrTo(rejected: number, matchHint: number): boolean {
    if (this.state === 'StateReplicate') {
      if (rejected <= this.match) return false;
      this.next = this.match + 1;
      return true;
    }
    if (this.next - 1 !== rejected) return false;
    this.next = Math.max(Math.min(rejected, matchHint + 1), this.match + 1);
    this.msgAppFlowPaused = false;
    return true;
  }

  sentEntries(entries: number): void {
    if (this.state === 'StateReplicate') {
      if (entries > 0) {
        this.next += entries;
        this.inflights.push(this.next - 1);
      }
      this.msgAppFlowPaused = this.inflightsFull();
    } else if (entries > 0) {
      this.msgAppFlowPaused = true;
    }
  }

  /** inflights.go FreeLE: acks up to `index` free their slots. */
  freeLE(index: number): void {
    let i = 0;
    while (i < this.inflights.length && this.inflights[i] <= index) i++;
    if (i > 0) this.inflights.splice(0, i);
  }

  sentCommitTo(commit: number): void {
    this.sentCommit = commit;
  }

  canBumpCommit(index: number): boolean {
    return index > this.sentCommit && this.sentCommit < this.next - 1;
  }
}

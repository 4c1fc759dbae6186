// etcd's multi-version key-value store: one revision counter, every version of
// every key kept until compaction, reads at any retained revision.
// src: etcd-io/etcd server/storage/mvcc/kvstore.go (currentRev, compactMainRev,
//      updateCompactRev), kvstore_txn.go (rangeKeys, put, deleteRange, delete),
//      key_index.go (generations, tombstones, compact), watchable_store.go and
//      kvstore_txn.go's change list (events), server/lease/lessor.go (attach,
//      detach, revoke deletes the lease's keys in one txn).
//
// What a revision is: the store starts at revision 1; every write transaction
// that changes something moves it to the next main revision, and each change
// inside the transaction gets a sub-revision (0, 1, ...). A read-only or a
// no-op transaction (a delete that matched nothing) leaves it alone.

export const ERR_COMPACTED = 'etcdserver: mvcc: required revision has been compacted';
export const ERR_FUTURE_REV = 'etcdserver: mvcc: required revision is a future revision';
export const ERR_LEASE_NOT_FOUND = 'etcdserver: requested lease not found';
export const ERR_LEASE_EXISTS = 'etcdserver: lease already exists';
export const ERR_LEASE_TTL_TOO_LARGE = 'etcdserver: too large lease TTL';
export const ERR_EMPTY_KEY = 'etcdserver: key is not provided';
export const ERR_DUPLICATE_KEY = 'etcdserver: duplicate key given in txn request';
export const ERR_TOO_MANY_OPS = 'etcdserver: too many operations in txn request';

/** server/lease/lessor.go MaxLeaseTTL: 9,000,000,000 s. */
export const MAX_LEASE_TTL = 9_000_000_000;
/**
 * etcdserver/server.go: minTTL = (3 * electionTicks / 2) * heartbeat, rounded up
 * to whole seconds: 2 s with etcd's defaults (100 ms heartbeat, 10 ticks).
 * A lease asked for less gets this TTL (lessor.go Grant).
 */
export const MIN_LEASE_TTL = 2;
/** embed/config.go DefaultMaxTxnOps. */
export const MAX_TXN_OPS = 128;

/** An error etcd answers with, worded exactly as etcdctl prints it after "Error: ". */
export class MvccError extends Error {
  override readonly name = 'MvccError';
}

/** mvccpb.KeyValue as etcdctl -w json prints it (key and value decoded; zero fields left out). */
export interface KeyValue {
  key: string;
  value?: string;
  create_revision: number;
  mod_revision: number;
  version: number;
  lease?: number;
}

/** One version of a key: a put, or the tombstone a delete leaves. */
interface KeyRevision {
  main: number;
  sub: number;
  tombstone: boolean;
  value: string;
  createRevision: number;
  version: number;
  lease: number;
  kv?: KeyValue;
}

export interface MvccEvent {
  type: 'PUT' | 'DELETE';
  kv: KeyValue;
  main: number;
  sub: number;
}

/**
 * Key order: etcd compares keys as bytes. For UTF-8 that is code point order,
 * which differs from JavaScript's UTF-16 `<` only between surrogate pairs and
 * U+E000..U+FFFF.
 */
export function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let ca = a.charCodeAt(i);
    let cb = b.charCodeAt(i);
    if (ca === cb) continue;
    if (ca >= 0xd800 && cb >= 0xd800) {
      ca = ca >= 0xe000 ? ca - 0x800 : ca + 0x2000;
      cb = cb >= 0xe000 ? cb - 0x800 : cb + 0x2000;
    }
    return ca - cb;
  }
  return a.length - b.length;
}

/**
 * clientv3 GetPrefixRangeEnd: the first key after every key with this prefix
 * (the last byte incremented, trailing 0xff dropped); "\0" (every key from
 * here on) when there is none. Done on code points, which gives the same set of
 * keys for valid UTF-8.
 */
export function prefixRangeEnd(prefix: string): string {
  const cps = [...prefix];
  while (cps.length > 0) {
    const last = cps[cps.length - 1].codePointAt(0) as number;
    if (last < 0x10ffff) {
      cps[cps.length - 1] = String.fromCodePoint(last === 0xd7ff ? 0xe000 : last + 1);
      return cps.join('');
    }
    cps.pop();
  }
  return '\0';
}

/** A key range as etcd's RangeRequest has it: `end` undefined for one key, '\0' for "every key ≥ key". */
export interface KeyRange {
  key: string;
  end?: string;
}

/**
 * The KeyValue of a version, made once and shared by every answer that shows
 * it (frozen: answers are read-only), so a busy script does not allocate a
 * copy per read.
 */
function toKeyValue(key: string, r: KeyRevision): KeyValue {
  if (r.kv) return r.kv;
  const kv: KeyValue = { key, create_revision: r.createRevision, mod_revision: r.main, version: r.version };
  if (r.value !== '') kv.value = r.value;
  if (r.lease !== 0) kv.lease = r.lease;
  r.kv = Object.freeze(kv);
  return r.kv;
}

interface Lease {
  id: number;
  ttl: number;
  keys: Set<string>;
}

export class MvccStore {
  /** The revision of the last committed change (kvstore.go currentRev; 1 for a fresh store). */
  currentRev = 1;
  /** kvstore.go compactMainRev: -1 until the first compaction. */
  compactMainRev = -1;
  private readonly history = new Map<string, KeyRevision[]>();
  /** Every key with history, in byte order (the in-memory B-tree of index.go). */
  private sortedKeys: string[] = [];
  /** The history of sortedKeys[i], at the same position (saves a map lookup per key in a range). */
  private sortedRevs: KeyRevision[][] = [];
  private readonly leases = new Map<number, Lease>();
  /** Some key has a code unit ≥ U+D800: JavaScript's `<` no longer gives byte order, compareKeys must. */
  private wideKeys = false;
  constructor(private readonly keepHistory = false) {}

  /** The write transaction in progress: its revision and its changes so far. */
  private txnRev = 0;
  private txnChanges = 0;

  // ---- reads -------------------------------------------------------------

  /**
   * kvstore_txn.go rangeKeys: the live keys of the range as of `rev` (0 or less:
   * now). A future revision and a compacted one are errors; `rev` equal to the
   * compaction revision is still readable.
   */
  range(range: KeyRange, opts: { rev?: number; limit?: number; countOnly?: boolean } = {}): { kvs: KeyValue[]; count: number; more: boolean } {
    const cur = this.readRev();
    let rev = opts.rev ?? 0;
    if (rev > cur) throw new MvccError(ERR_FUTURE_REV);
    if (rev <= 0) rev = cur;
    if (rev < this.compactMainRev) throw new MvccError(ERR_COMPACTED);
    const kvs: KeyValue[] = [];
    if (range.end === undefined) {
      // One key: no walk over the key order.
      const revs = this.history.get(range.key);
      const r = revs && versionAt(revs, rev);
      if (r) kvs.push(toKeyValue(range.key, r));
      return { kvs, count: kvs.length, more: false };
    }
    let count = 0;
    const limit = opts.countOnly ? 0 : opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    const [lo, hi] = this.bounds(range);
    for (let i = lo; i < hi; i++) {
      const r = versionAt(this.sortedRevs[i], rev);
      if (!r) continue;
      count++;
      if (kvs.length < limit) kvs.push(toKeyValue(this.sortedKeys[i], r));
    }
    // range.go: count is the total; the list stops at the limit, and `more` says there were others.
    return { kvs, count, more: count > kvs.length };
  }

  /** The revision a read inside the current write transaction sees (kvstore_txn.go: its own changes count). */
  private readRev(): number {
    return this.txnChanges > 0 ? this.txnRev : this.currentRev;
  }

  private forEachKey(range: KeyRange, visit: (key: string, revs: KeyRevision[]) => void): void {
    if (range.end === undefined) {
      const revs = this.history.get(range.key);
      if (revs) visit(range.key, revs);
      return;
    }
    const [lo, hi] = this.bounds(range);
    for (let i = lo; i < hi; i++) {
      visit(this.sortedKeys[i], this.sortedRevs[i]);
    }
  }

  /** The positions in sortedKeys of [key, end) ("\0": to the last key), by two binary searches. */
  private bounds(range: KeyRange): [number, number] {
    const cmp = this.wideKeys || HIGH_CODE_UNIT.test(range.key) || HIGH_CODE_UNIT.test(range.end ?? '') ? compareKeys : compareNative;
    const lo = lowerBound(this.sortedKeys, range.key, cmp);
    if (range.end === '\0') return [lo, this.sortedKeys.length];
    if (cmp(range.key, range.end as string) >= 0) return [lo, lo];
    return [lo, lowerBound(this.sortedKeys, range.end as string, cmp)];
  }


  // ---- writes ------------------------------------------------------------

  /** Opens a write transaction: its changes share the next main revision (kvstore_txn.go storeTxnWrite). */
  beginWrite(): void {
    this.txnRev = this.currentRev + 1;
    this.txnChanges = 0;
  }

  /** Ends it: the revision moves only if something changed (storeTxnWrite.End). */
  endWrite(): void {
    if (this.txnChanges > 0) this.currentRev = this.txnRev;
    this.txnRev = 0;
    this.txnChanges = 0;
  }

  /**
   * kvstore_txn.go put: a new version of the key at this transaction's revision;
   * the key keeps its create revision while alive, its version counts puts since
   * creation; the lease moves from the old one (detach) to the new (attach).
   * Returns the previous live value, for prev_kv.
   */
  put(key: string, value: string, lease: number): KeyValue | undefined {
    let revs = this.history.get(key);
    if (!revs) {
      revs = [];
      this.history.set(key, revs);
      if (HIGH_CODE_UNIT.test(key)) this.wideKeys = true;
      const at = lowerBound(this.sortedKeys, key, this.wideKeys ? compareKeys : compareNative);
      this.sortedKeys.splice(at, 0, key);
      this.sortedRevs.splice(at, 0, revs);
    }
    const prev = versionAt(revs, this.txnRev);
    revs.push({
      main: this.txnRev,
      sub: this.txnChanges++,
      tombstone: false,
      value,
      createRevision: prev ? prev.createRevision : this.txnRev,
      version: prev ? prev.version + 1 : 1,
      lease,
    });
    const oldLease = prev?.lease ?? 0;
    if (oldLease !== lease) {
      if (oldLease !== 0) this.leases.get(oldLease)?.keys.delete(key);
      if (lease !== 0) this.leases.get(lease)?.keys.add(key);
    }
    return prev ? toKeyValue(key, prev) : undefined;
  }

  /** kvstore_txn.go deleteRange: a tombstone for every live key in the range; the deleted versions, for prev_kvs. */
  deleteRange(range: KeyRange): KeyValue[] {
    const rev = this.readRev();
    const victims: [string, KeyRevision][] = [];
    this.forEachKey(range, (key, revs) => {
      const r = versionAt(revs, rev);
      if (r) victims.push([key, r]);
    });
    for (const [key, r] of victims) {
      (this.history.get(key) as KeyRevision[]).push({ main: this.txnRev, sub: this.txnChanges++, tombstone: true, value: '', createRevision: 0, version: 0, lease: 0 });
      if (r.lease !== 0) this.leases.get(r.lease)?.keys.delete(key);
    }
    return victims.map(([key, r]) => toKeyValue(key, r));
  }

  /**
   * kvstore.go updateCompactRev + key_index.go compact: forget every version
   * older than `rev` except each key's latest one at `rev` (unless that is a
   * tombstone: the key is gone from then on). Compacting at or below the last
   * compaction, or past now, is an error.
   */
  compact(rev: number): void {
    if (rev <= this.compactMainRev) throw new MvccError(ERR_COMPACTED);
    if (rev > this.currentRev) throw new MvccError(ERR_FUTURE_REV);
    this.compactMainRev = rev;
    // Nothing observable depends on the old versions being gone (reads below the compaction
    // revision are refused either way): a store that keeps them can still draw each key's history.
    if (this.keepHistory) return;
    const keepKeys: string[] = [];
    const keepRevs: KeyRevision[][] = [];
    for (let k = 0; k < this.sortedKeys.length; k++) {
      const key = this.sortedKeys[k];
      const revs = this.sortedRevs[k];
      let firstKept = revs.length;
      for (let i = revs.length - 1; i >= 0; i--) {
        if (revs[i].main <= rev) {
          firstKept = revs[i].tombstone ? i + 1 : i;
          break;
        }
        firstKept = i;
      }
      if (firstKept > 0) revs.splice(0, firstKept);
      if (revs.length === 0) {
        this.history.delete(key);
      } else {
        keepKeys.push(key);
        keepRevs.push(revs);
      }
    }
    this.sortedKeys = keepKeys;
    this.sortedRevs = keepRevs;
  }

  // ---- watch -------------------------------------------------------------

  /**
   * watchable_store.go: the events of the range from `startRev` on, in revision
   * order (main, then sub). A DELETE event's kv has only the key and its
   * mod_revision (the tombstone's revision).
   */
  events(range: KeyRange, startRev: number): MvccEvent[] {
    const out: MvccEvent[] = [];
    this.forEachKey(range, (key, revs) => {
      for (const r of revs) {
        if (r.main < startRev) continue;
        out.push(r.tombstone ? { type: 'DELETE', kv: { key, create_revision: 0, mod_revision: r.main, version: 0 }, main: r.main, sub: r.sub } : { type: 'PUT', kv: toKeyValue(key, r), main: r.main, sub: r.sub });
      }
    });
    return out.sort((a, b) => a.main - b.main || a.sub - b.sub);
  }

  // ---- leases ------------------------------------------------------------

  hasLease(id: number): boolean {
    return this.leases.has(id);
  }

  /** lessor.go Grant: a TTL below the minimum is raised to it. */
  grantLease(id: number, ttl: number): number {
    if (ttl > MAX_LEASE_TTL) throw new MvccError(ERR_LEASE_TTL_TOO_LARGE);
    if (this.leases.has(id)) throw new MvccError(ERR_LEASE_EXISTS);
    const granted = Math.max(ttl, MIN_LEASE_TTL);
    this.leases.set(id, { id, ttl: granted, keys: new Set() });
    return granted;
  }

  /** lessor.go Revoke: its keys are deleted in one transaction, in key order; then the lease is gone. */
  revokeLease(id: number): void {
    const lease = this.leases.get(id);
    if (!lease) throw new MvccError(ERR_LEASE_NOT_FOUND);
    const keys = [...lease.keys].sort(compareKeys);
    this.beginWrite();
    for (const key of keys) this.deleteRange({ key });
    this.endWrite();
    this.leases.delete(id);
  }
}

/** The live version of a key at `rev`, if any: its latest version at or before `rev`, unless that is a tombstone. */
function versionAt(revs: readonly KeyRevision[], rev: number): KeyRevision | undefined {
  for (let i = revs.length - 1; i >= 0; i--) {
    const r = revs[i];
    if (r.main <= rev) return r.tombstone ? undefined : r;
  }
  return undefined;
}

/** Below U+D800 JavaScript's string order is code point order, hence byte order. */
const HIGH_CODE_UNIT = /[\ud800-\uffff]/;

function compareNative(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(sorted: readonly string[], key: string, cmp: (a: string, b: string) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cmp(sorted[mid], key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

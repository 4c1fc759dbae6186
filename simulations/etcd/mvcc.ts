// A script of etcdctl commands against one fresh etcd, answered as
// `etcdctl -w json` prints them (keys and values base64-decoded).
// src: etcd-io/etcd server/etcdserver/txn/{range,put,delete,txn}.go (what each
//      request does and answers), api/v3rpc/key.go (checkRangeRequest,
//      checkPutRequest, checkTxnRequest, checkIntervals: the request checks
//      before anything runs), server/etcdserver/api/v3rpc/watch.go (a watch
//      from a compacted revision is cancelled with compact_revision),
//      client/v3/op.go (WithPrefix, WithFromKey), etcdctl/ctlv3/command/printer_json.go.
// Rules live in mvcc-store.ts; this file reads the script, runs each command in
// its own transaction and shapes the answer.

import { ValidationError, LimitExceededError, describeValue } from '../shared/errors.ts';
import {
  ERR_COMPACTED,
  ERR_DUPLICATE_KEY,
  ERR_EMPTY_KEY,
  ERR_FUTURE_REV,
  ERR_LEASE_NOT_FOUND,
  ERR_TOO_MANY_OPS,
  MAX_TXN_OPS,
  MvccError,
  MvccStore,
  compareKeys,
  prefixRangeEnd,
} from './mvcc-store.ts';
import type { KeyRange, KeyValue } from './mvcc-store.ts';

export type { KeyValue } from './mvcc-store.ts';

export type PutOp = { op: 'put'; key: string; value: string; lease?: number; prevKv?: boolean };
export type GetOp = { op: 'get'; key: string; rangeEnd?: string; prefix?: boolean; fromKey?: boolean; rev?: number; limit?: number; countOnly?: boolean; keysOnly?: boolean };
export type DelOp = { op: 'del'; key: string; rangeEnd?: string; prefix?: boolean; fromKey?: boolean; prevKv?: boolean };
export type Compare = { key: string; target: 'version' | 'create' | 'mod' | 'value'; result: '=' | '!=' | '>' | '<'; value: number | string };
export type MvccOp =
  | PutOp
  | GetOp
  | DelOp
  | { op: 'txn'; compare: Compare[]; success: (PutOp | GetOp | DelOp)[]; failure: (PutOp | GetOp | DelOp)[] }
  | { op: 'compact'; rev: number }
  | { op: 'watch'; key: string; rangeEnd?: string; prefix?: boolean; rev?: number; prevKv?: boolean }
  | { op: 'leaseGrant'; id: number; ttl: number }
  | { op: 'leaseRevoke'; id: number };

export type Header = { revision: number };
export type PutResult = { header: Header; prev_kv?: KeyValue };
export type GetResult = { header: Header; kvs?: KeyValue[]; count: number; more?: boolean };
export type DelResult = { header: Header; deleted: number; prev_kvs?: KeyValue[] };
export type TxnResponse = { response_put: PutResult } | { response_range: GetResult } | { response_delete_range: DelResult };
export type WatchEvent = { type: 'PUT' | 'DELETE'; kv: KeyValue; prev_kv?: KeyValue };
export type MvccResult =
  | { error: string }
  | PutResult
  | GetResult
  | DelResult
  | { header: Header; succeeded: boolean; responses: TxnResponse[] }
  | { header: Header }
  | { header: Header; ID: number; TTL: number }
  | { events: WatchEvent[]; canceled?: boolean; compact_revision?: number; cancel_reason?: string };

/** Budget: a script longer than this is refused (the bench runs 100,000). */
export const MAX_MVCC_OPS = 1_000_000;

/**
 * Runs etcdctl commands against a fresh etcd (revision 1), one result per
 * command: what `etcdctl -w json` prints, keys and values decoded, or
 * `{ error }` with etcd's message when the command fails (nothing changes then).
 *
 * @example
 *   mvcc([{ op: 'put', key: 'foo', value: 'bar' }, { op: 'get', key: 'foo' }])
 *   // [{ header: { revision: 2 } },
 *   //  { header: { revision: 2 }, kvs: [{ key: 'foo', value: 'bar', create_revision: 2, mod_revision: 2, version: 1 }], count: 1 }]
 */
export function mvcc(ops: MvccOp[]): MvccResult[] {
  return runMvcc(ops).results;
}

/**
 * mvcc() with the store it ran on. With `keepHistory` the store keeps the
 * versions a compaction would drop (answers are the same), so that every key's
 * history can still be drawn.
 */
export function runMvcc(ops: MvccOp[], options: { keepHistory?: boolean } = {}): { results: MvccResult[]; store: MvccStore } {
  if (!Array.isArray(ops)) throw new ValidationError(`mvcc expects a list of operations, got ${describeValue(ops)}`);
  if (ops.length > MAX_MVCC_OPS) throw new LimitExceededError(`at most ${MAX_MVCC_OPS} operations per script, got ${ops.length}`);
  ops.forEach((op, i) => checkOp(op, [i]));
  const store = new MvccStore(options.keepHistory);
  const results = ops.map((op) => {
    try {
      return runOp(store, op);
    } catch (e) {
      if (e instanceof MvccError) return { error: e.message };
      throw e;
    }
  });
  return { results, store };
}

function runOp(store: MvccStore, op: MvccOp): MvccResult {
  switch (op.op) {
    case 'put':
    case 'get':
    case 'del': {
      const refused = checkRequest(store, op);
      if (refused) return { error: refused };
      store.beginWrite();
      const result = runRequest(store, op);
      store.endWrite();
      result.header.revision = store.currentRev;
      return result;
    }
    case 'txn':
      return runTxn(store, op);
    case 'compact':
      store.compact(op.rev);
      return { header: { revision: store.currentRev } };
    case 'watch':
      return watch(store, op);
    case 'leaseGrant': {
      const ttl = store.grantLease(op.id, op.ttl);
      return { header: { revision: store.currentRev }, ID: op.id, TTL: ttl };
    }
    case 'leaseRevoke':
      store.revokeLease(op.id);
      return { header: { revision: store.currentRev } };
  }
}

/** client/v3/op.go: the range a get/del/watch names. */
function keyRange(op: { key: string; rangeEnd?: string; prefix?: boolean; fromKey?: boolean }): KeyRange {
  if (op.prefix) {
    // WithPrefix on an empty key: every key ("\0" to "\0").
    if (op.key === '') return { key: '\0', end: '\0' };
    return { key: op.key, end: prefixRangeEnd(op.key) };
  }
  if (op.fromKey) return { key: op.key === '' ? '\0' : op.key, end: '\0' };
  if (op.rangeEnd !== undefined && op.rangeEnd !== '') return { key: op.key, end: op.rangeEnd };
  return { key: op.key };
}

/**
 * api/v3rpc/key.go and the apply's pre-checks: the error found before anything
 * runs (an empty key, a read at a compacted or future revision, an unknown
 * lease), or undefined. A value, not a throw: scripts hit these often.
 */
function checkRequest(store: MvccStore, op: PutOp | GetOp | DelOp): string | undefined {
  const key = op.op === 'put' || !(op.prefix || op.fromKey) ? op.key : keyRange(op).key;
  if (key === '') return ERR_EMPTY_KEY;
  if (op.op === 'put' && (op.lease ?? 0) !== 0 && !store.hasLease(op.lease as number)) return ERR_LEASE_NOT_FOUND;
  if (op.op === 'get' && op.rev !== undefined && op.rev > 0) {
    // txn.go checkRequestRange
    if (op.rev > store.currentRev) return ERR_FUTURE_REV;
    if (op.rev < store.compactMainRev) return ERR_COMPACTED;
  }
  return undefined;
}

/** One request inside the current write transaction (server/etcdserver/txn: put.go, range.go, delete.go). */
function runRequest(store: MvccStore, op: PutOp | GetOp | DelOp): PutResult | GetResult | DelResult {
  switch (op.op) {
    case 'put': {
      const prev = store.put(op.key, op.value, op.lease ?? 0);
      const result: PutResult = { header: { revision: 0 } };
      if (op.prevKv && prev) result.prev_kv = prev;
      return result;
    }
    case 'get': {
      // range.go asembleRangeResponse: limit cuts the list and sets more; count stays the total.
      const { kvs, count, more } = store.range(keyRange(op), { rev: op.rev, limit: op.limit, countOnly: op.countOnly });
      const result: GetResult = { header: { revision: 0 }, count };
      if (op.countOnly) return result;
      if (kvs.length > 0) result.kvs = op.keysOnly ? kvs.map(({ value: _value, ...rest }) => rest) : kvs;
      if (more) result.more = true;
      return result;
    }
    case 'del': {
      const deleted = store.deleteRange(keyRange(op));
      const result: DelResult = { header: { revision: 0 }, deleted: deleted.length };
      if (op.prevKv && deleted.length > 0) result.prev_kvs = deleted;
      return result;
    }
  }
}

/**
 * txn.go: compares read the store as it is; the chosen branch runs as one write
 * transaction, each request seeing the ones before it, all writes at one new
 * revision. The branch is checked first (api/v3rpc/key.go checkIntervals: no key
 * written twice; the leases and revisions it names) so a failing txn changes nothing.
 */
function runTxn(store: MvccStore, txn: Extract<MvccOp, { op: 'txn' }>): MvccResult {
  const op = { compare: txn.compare ?? [], success: txn.success ?? [], failure: txn.failure ?? [] };
  if (op.compare.length > MAX_TXN_OPS || op.success.length > MAX_TXN_OPS || op.failure.length > MAX_TXN_OPS) throw new MvccError(ERR_TOO_MANY_OPS);
  for (const c of op.compare) if (c.key === '') throw new MvccError(ERR_EMPTY_KEY);
  for (const branch of [op.success, op.failure]) checkIntervals(branch);
  const succeeded = op.compare.every((c) => applyCompare(store, c));
  const branch = succeeded ? op.success : op.failure;
  for (const r of branch) {
    const refused = checkRequest(store, r);
    if (refused) throw new MvccError(refused);
  }
  store.beginWrite();
  const inner = branch.map((r) => runRequest(store, r));
  store.endWrite();
  const revision = store.currentRev;
  const responses = inner.map((res, i): TxnResponse => {
    res.header.revision = revision;
    const kind = branch[i].op;
    return kind === 'put' ? { response_put: res as PutResult } : kind === 'get' ? { response_range: res as GetResult } : { response_delete_range: res as DelResult };
  });
  return { header: { revision }, succeeded, responses };
}

/** api/v3rpc/key.go checkIntervals: a key may be written once per branch, by a put or a delete range. */
function checkIntervals(branch: readonly (PutOp | GetOp | DelOp)[]): void {
  const puts = new Set<string>();
  for (const r of branch) {
    if (r.op !== 'put') continue;
    if (puts.has(r.key)) throw new MvccError(ERR_DUPLICATE_KEY);
    puts.add(r.key);
  }
  for (const r of branch) {
    if (r.op !== 'del') continue;
    const range = keyRange(r);
    for (const key of puts) {
      const inside = range.end === undefined ? key === range.key : compareKeys(key, range.key) >= 0 && (range.end === '\0' || compareKeys(key, range.end) < 0);
      if (inside) throw new MvccError(ERR_DUPLICATE_KEY);
    }
  }
}

/** txn.go applyCompare / compareKV: a missing key compares as all zeros, and never equal on value. */
function applyCompare(store: MvccStore, c: Compare): boolean {
  const { kvs } = store.range({ key: c.key });
  const kv = kvs[0];
  if (!kv && c.target === 'value') return false;
  let cmp: number;
  if (c.target === 'value') {
    cmp = compareKeys(kv?.value ?? '', String(c.value));
  } else {
    const have = kv ? (c.target === 'version' ? kv.version : c.target === 'create' ? kv.create_revision : kv.mod_revision) : 0;
    cmp = have - Number(c.value);
  }
  switch (c.result) {
    case '=':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '>':
      return cmp > 0;
    case '<':
      return cmp < 0;
  }
}

/**
 * A watch from `rev` (0 or absent: from now, so nothing to replay) over the
 * history up to now. watchable_store.go: a start revision below the compaction
 * revision cancels the watch with compact_revision; v3rpc/watch.go fetches
 * prev_kv as a read at mod_revision - 1 (left out when that is compacted).
 */
function watch(store: MvccStore, op: Extract<MvccOp, { op: 'watch' }>): MvccResult {
  const range = keyRange(op);
  if (range.key === '') throw new MvccError(ERR_EMPTY_KEY);
  const start = op.rev && op.rev > 0 ? op.rev : store.currentRev + 1;
  if (start < store.compactMainRev) {
    return { events: [], canceled: true, compact_revision: store.compactMainRev, cancel_reason: ERR_COMPACTED };
  }
  const events = store.events(range, start).map(({ type, kv }): WatchEvent => {
    const event: WatchEvent = { type, kv };
    if (op.prevKv && kv.mod_revision - 1 >= store.compactMainRev) {
      const prev = store.range({ key: kv.key }, { rev: kv.mod_revision - 1 }).kvs[0];
      if (prev) event.prev_kv = prev;
    }
    return event;
  });
  return { events };
}

// ---- input checks -------------------------------------------------------

const OPS = new Set(['put', 'get', 'del', 'txn', 'compact', 'watch', 'leaseGrant', 'leaseRevoke']);
const FIELDS: Record<string, Record<string, 'string' | 'number' | 'boolean' | 'list'>> = {
  put: { key: 'string', value: 'string', lease: 'number', prevKv: 'boolean' },
  get: { key: 'string', rangeEnd: 'string', prefix: 'boolean', fromKey: 'boolean', rev: 'number', limit: 'number', countOnly: 'boolean', keysOnly: 'boolean' },
  del: { key: 'string', rangeEnd: 'string', prefix: 'boolean', fromKey: 'boolean', prevKv: 'boolean' },
  txn: { compare: 'list', success: 'list', failure: 'list' },
  compact: { rev: 'number' },
  watch: { key: 'string', rangeEnd: 'string', prefix: 'boolean', rev: 'number', prevKv: 'boolean' },
  leaseGrant: { id: 'number', ttl: 'number' },
  leaseRevoke: { id: 'number' },
};
const REQUIRED: Record<string, string[]> = { put: ['key', 'value'], get: ['key'], del: ['key'], txn: [], compact: ['rev'], watch: ['key'], leaseGrant: ['id', 'ttl'], leaseRevoke: ['id'] };

/** Bad input: a ValidationError with the path of the field in the script. */
function fail(path: (string | number)[], reason: string): never {
  throw new ValidationError(reason, { path });
}

function checkOp(op: unknown, path: (string | number)[], inTxn = false): void {
  if (op === null || typeof op !== 'object' || Array.isArray(op)) fail(path, `an operation must be a mapping, got ${describeValue(op)}`);
  const o = op as Record<string, unknown>;
  const kind = o.op;
  if (typeof kind !== 'string' || !OPS.has(kind) || (inTxn && !['put', 'get', 'del'].includes(kind))) {
    fail([...path, 'op'], `must be one of ${inTxn ? 'put, get, del' : [...OPS].join(', ')}, got ${describeValue(kind)}`);
  }
  const fields = FIELDS[kind];
  for (const name in o) {
    if (!Object.hasOwn(o, name)) continue;
    const value = o[name];
    if (name === 'op' || value === undefined) continue;
    const want = fields[name];
    if (!want) fail([...path, name], `unknown field for ${kind}`);
    const ok = want === 'list' ? Array.isArray(value) : want === 'number' ? typeof value === 'number' && Number.isSafeInteger(value) : typeof value === want;
    if (!ok) fail([...path, name], `must be ${want === 'number' ? 'a whole number' : want === 'list' ? 'a list' : `a ${want}`}, got ${describeValue(value)}`);
  }
  for (const name of REQUIRED[kind]) if (o[name] === undefined) fail([...path, name], `required for ${kind}`);
  if ((kind === 'leaseGrant' || kind === 'leaseRevoke') && (o.id as number) <= 0) fail([...path, 'id'], `a lease ID must be positive, got ${describeValue(o.id)}`);
  if (kind === 'put' && (o.lease as number | undefined) !== undefined && (o.lease as number) < 0) fail([...path, 'lease'], `a lease ID must be positive, got ${describeValue(o.lease)}`);
  if (kind === 'txn') {
    const compare = (o.compare as unknown[] | undefined) ?? [];
    compare.forEach((c, i) => checkCompare(c, [...path, 'compare', i]));
    for (const b of ['success', 'failure'] as const) ((o[b] as unknown[] | undefined) ?? []).forEach((r, i) => checkOp(r, [...path, b, i], true));
  }
}

function checkCompare(c: unknown, path: (string | number)[]): void {
  if (c === null || typeof c !== 'object' || Array.isArray(c)) fail(path, `a compare must be a mapping, got ${describeValue(c)}`);
  const o = c as Record<string, unknown>;
  if (typeof o.key !== 'string') fail([...path, 'key'], `must be a string, got ${describeValue(o.key)}`);
  if (!['version', 'create', 'mod', 'value'].includes(o.target as string)) fail([...path, 'target'], `must be one of version, create, mod, value, got ${describeValue(o.target)}`);
  if (!['=', '!=', '>', '<'].includes(o.result as string)) fail([...path, 'result'], `must be one of =, !=, >, <, got ${describeValue(o.result)}`);
  const numeric = o.target !== 'value';
  if (numeric ? typeof o.value !== 'number' || !Number.isSafeInteger(o.value) : typeof o.value !== 'string') {
    fail([...path, 'value'], `must be ${numeric ? 'a whole number' : 'a string'} for target ${o.target as string}, got ${describeValue(o.value)}`);
  }
}

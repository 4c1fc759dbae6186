// etcd-io/etcd server/storage/mvcc/kv_test.go (main, after v3.6), transcribed through the
// public mvcc(): testKVRange, testKVRangeRev, testKVRangeBadRev, testKVRangeLimit,
// testKVDeleteRange, testKVDeleteMultipleTimes, TestKVCompactReserveLastValue,
// TestKVCompactBad; plus the example of contracts/etcd.md.
// Upstream's put3TestKVs attaches leases 1, 2, 3 (a FakeLessor); here they are granted first,
// which moves nothing (a lease grant is not a revision).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mvcc } from '../../../simulations/index.ts';
import type { MvccOp } from '../../../simulations/index.ts';

const leases: MvccOp[] = [1, 2, 3].map((id) => ({ op: 'leaseGrant', id, ttl: 60 }));
const put3: MvccOp[] = [
  ...leases,
  { op: 'put', key: 'foo', value: 'bar', lease: 1 },
  { op: 'put', key: 'foo1', value: 'bar1', lease: 2 },
  { op: 'put', key: 'foo2', value: 'bar2', lease: 3 },
];
const kvs = [
  { key: 'foo', value: 'bar', create_revision: 2, mod_revision: 2, version: 1, lease: 1 },
  { key: 'foo1', value: 'bar1', create_revision: 3, mod_revision: 3, version: 1, lease: 2 },
  { key: 'foo2', value: 'bar2', create_revision: 4, mod_revision: 4, version: 1, lease: 3 },
];

function last<T>(xs: T[]): T {
  return xs[xs.length - 1];
}

// testKVRange: header revision 4 after three puts.
const rangeCases: { name: string; get: MvccOp; wkvs: typeof kvs }[] = [
  { name: 'get no keys', get: { op: 'get', key: 'doo', rangeEnd: 'foo' }, wkvs: [] },
  { name: 'get no keys when key == end', get: { op: 'get', key: 'foo', rangeEnd: 'foo' }, wkvs: [] },
  { name: 'get no keys when ranging single key', get: { op: 'get', key: 'doo' }, wkvs: [] },
  { name: 'get all keys', get: { op: 'get', key: 'foo', rangeEnd: 'foo3' }, wkvs: kvs },
  { name: 'get partial keys', get: { op: 'get', key: 'foo', rangeEnd: 'foo1' }, wkvs: kvs.slice(0, 1) },
  { name: 'get single key', get: { op: 'get', key: 'foo' }, wkvs: kvs.slice(0, 1) },
  // upstream ranges "" to "" at the store; through the API that is etcdctl get "" --from-key ("\0" to "\0").
  { name: 'get entire keyspace', get: { op: 'get', key: '', fromKey: true }, wkvs: kvs },
];
for (const c of rangeCases) {
  test(`kv_test.go testKVRange: ${c.name}`, () => {
    const r = last(mvcc([...put3, c.get])) as { header: { revision: number }; kvs?: unknown[]; count: number };
    assert.equal(r.header.revision, 4);
    assert.deepEqual(r.kvs ?? [], c.wkvs);
    assert.equal(r.count, c.wkvs.length);
  });
}

// testKVRangeRev
for (const c of [{ rev: 0, wkvs: kvs }, { rev: 2, wkvs: kvs.slice(0, 1) }, { rev: 3, wkvs: kvs.slice(0, 2) }, { rev: 4, wkvs: kvs }]) {
  test(`kv_test.go testKVRangeRev: range foo..foo3 at rev ${c.rev} answers header revision 4 and ${c.wkvs.length} keys`, () => {
    const r = last(mvcc([...put3, { op: 'get', key: 'foo', rangeEnd: 'foo3', rev: c.rev }])) as { header: { revision: number }; kvs?: unknown[] };
    assert.equal(r.header.revision, 4);
    assert.deepEqual(r.kvs ?? [], c.wkvs);
  });
}

// testKVRangeBadRev: compact 4 first.
const COMPACTED = 'etcdserver: mvcc: required revision has been compacted';
const FUTURE = 'etcdserver: mvcc: required revision is a future revision';
for (const c of [{ rev: 0, werr: undefined }, { rev: 1, werr: COMPACTED }, { rev: 2, werr: COMPACTED }, { rev: 4, werr: undefined }, { rev: 5, werr: FUTURE }, { rev: 100, werr: FUTURE }]) {
  test(`kv_test.go testKVRangeBadRev: after compact 4, a read at rev ${c.rev} → ${c.werr ?? 'ok'}`, () => {
    const r = last(mvcc([...put3, { op: 'compact', rev: 4 }, { op: 'get', key: 'foo', rangeEnd: 'foo3', rev: c.rev }])) as { error?: string };
    assert.equal(r.error, c.werr);
  });
}

// testKVRangeLimit: count is the total, whatever the limit.
for (const c of [{ limit: 0, n: 3 }, { limit: 1, n: 1 }, { limit: 2, n: 2 }, { limit: 3, n: 3 }, { limit: 100, n: 3 }]) {
  test(`kv_test.go testKVRangeLimit: limit ${c.limit} returns ${c.n} keys, count 3${c.n < 3 ? ', more' : ''}`, () => {
    const r = last(mvcc([...put3, { op: 'get', key: 'foo', rangeEnd: 'foo3', limit: c.limit }])) as { kvs?: unknown[]; count: number; more?: boolean; header: { revision: number } };
    assert.deepEqual(r.kvs, kvs.slice(0, c.n));
    assert.equal(r.count, 3);
    assert.equal(r.more ?? false, c.n < 3);
    assert.equal(r.header.revision, 4);
  });
}

// testKVDeleteRange
const deleteCases = [
  { key: 'foo', end: undefined, wrev: 5, wN: 1 },
  { key: 'foo', end: 'foo1', wrev: 5, wN: 1 },
  { key: 'foo', end: 'foo2', wrev: 5, wN: 2 },
  { key: 'foo', end: 'foo3', wrev: 5, wN: 3 },
  { key: 'foo3', end: 'foo8', wrev: 4, wN: 0 },
  { key: 'foo3', end: undefined, wrev: 4, wN: 0 },
];
for (const c of deleteCases) {
  test(`kv_test.go testKVDeleteRange: delete ${c.key}..${c.end ?? '(one key)'} deletes ${c.wN}, revision ${c.wrev}${c.wN === 0 ? ' (nothing deleted: no new revision)' : ''}`, () => {
    const r = last(mvcc([...put3, { op: 'del', key: c.key, rangeEnd: c.end }])) as { deleted: number; header: { revision: number } };
    assert.equal(r.deleted, c.wN);
    assert.equal(r.header.revision, c.wrev);
  });
}

test('kv_test.go testKVDeleteMultipleTimes: the second and later deletes of a key delete nothing and keep revision 3', () => {
  const ops: MvccOp[] = [{ op: 'put', key: 'foo', value: 'bar' }, ...Array.from({ length: 11 }, (): MvccOp => ({ op: 'del', key: 'foo' }))];
  const rs = mvcc(ops).slice(1) as { deleted: number; header: { revision: number } }[];
  assert.deepEqual(rs[0], { header: { revision: 3 }, deleted: 1 });
  for (const r of rs.slice(1)) assert.deepEqual(r, { header: { revision: 3 }, deleted: 0 });
});

// TestKVCompactReserveLastValue: puts at 2 and 3, delete at 4, put at 5; compact 1..4 in turn,
// and read at compact+1 each time.
test('kv_test.go TestKVCompactReserveLastValue: compaction keeps the last version at the compacted revision', () => {
  const base: MvccOp[] = [
    ...leases,
    { op: 'put', key: 'foo', value: 'bar0', lease: 1 },
    { op: 'put', key: 'foo', value: 'bar1', lease: 2 },
    { op: 'del', key: 'foo' },
    { op: 'put', key: 'foo', value: 'bar2', lease: 3 },
  ];
  const want = [
    [{ key: 'foo', value: 'bar0', create_revision: 2, mod_revision: 2, version: 1, lease: 1 }],
    [{ key: 'foo', value: 'bar1', create_revision: 2, mod_revision: 3, version: 2, lease: 2 }],
    [],
    [{ key: 'foo', value: 'bar2', create_revision: 5, mod_revision: 5, version: 1, lease: 3 }],
  ];
  const ops: MvccOp[] = [...base];
  for (const rev of [1, 2, 3, 4]) ops.push({ op: 'compact', rev }, { op: 'get', key: 'foo', rev: rev + 1 });
  const rs = mvcc(ops).slice(base.length);
  for (let i = 0; i < 4; i++) {
    assert.deepEqual(rs[2 * i], { header: { revision: 5 } }, `compact ${i + 1}`);
    assert.deepEqual((rs[2 * i + 1] as { kvs?: unknown[] }).kvs ?? [], want[i], `read at ${i + 2}`);
  }
});

test('kv_test.go TestKVCompactBad: compacting again at the same revision, or past now, fails', () => {
  const rs = mvcc([
    { op: 'put', key: 'foo', value: 'bar0' },
    { op: 'put', key: 'foo', value: 'bar1' },
    { op: 'put', key: 'foo', value: 'bar2' },
    { op: 'compact', rev: 0 },
    { op: 'compact', rev: 1 },
    { op: 'compact', rev: 1 },
    { op: 'compact', rev: 4 },
    { op: 'compact', rev: 5 },
    { op: 'compact', rev: 100 },
  ]).slice(3);
  assert.deepEqual(rs.map((r) => ('error' in r ? r.error : 'ok')), ['ok', 'ok', COMPACTED, 'ok', FUTURE, FUTURE]);
});

test('contracts/etcd.md example: put then get', () => {
  assert.deepEqual(mvcc([{ op: 'put', key: 'foo', value: 'bar' }, { op: 'get', key: 'foo' }]), [
    { header: { revision: 2 } },
    { header: { revision: 2 }, kvs: [{ key: 'foo', value: 'bar', create_revision: 2, mod_revision: 2, version: 1 }], count: 1 },
  ]);
});

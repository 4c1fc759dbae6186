// client-go tools/cache/delta_fifo_test.go (client-go v0.36.3, commit 44a8af2fee834a8fc3523360e029cf7ea7104622),
// transcribed through deltaFIFOScenario. Upstream's testFifoObject{name, val} keyed by name is a Pod
// named `name` with resourceVersion `val` (keyed by MetaNamespaceKeyFunc, which gives the bare name);
// literalListerGetter is `knownObjects`. Tests of goroutine timing (basic, PopShouldUnblockWhenClosed)
// and of the Transformer option (which the contract does not expose) are left out.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deltaFIFOScenario } from '../../../simulations/index.ts';
import type { Delta, DeltaFIFOOp, KubeObject } from '../../../simulations/index.ts';

const obj = (name: string, val: number | string = ''): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, resourceVersion: String(val) } });
const tomb = (key: string, o: KubeObject | null) => ({ kind: 'DeletedFinalStateUnknown' as const, key, obj: o });
const d = (type: Delta['type'], object: Delta['object']): Delta => ({ type, object });
const add = (o: KubeObject): DeltaFIFOOp => ({ op: 'add', object: o });
const update = (o: KubeObject): DeltaFIFOOp => ({ op: 'update', object: o });
const del = (o: KubeObject): DeltaFIFOOp => ({ op: 'delete', object: o });
const replace = (objects: KubeObject[], resourceVersion = '0'): DeltaFIFOOp => ({ op: 'replace', objects, resourceVersion });
const pop: DeltaFIFOOp = { op: 'pop' };
const hasSynced: DeltaFIFOOp = { op: 'hasSynced' };

type PopResult = { deltas: Delta[]; isInInitialList: boolean };
/** The pops of a run, in order. */
function pops(knownObjects: KubeObject[] | undefined, ops: DeltaFIFOOp[], emitDeltaTypeReplaced = false): PopResult[] {
  const { results } = deltaFIFOScenario({ knownObjects, emitDeltaTypeReplaced, ops });
  return results.filter((r, i) => ops[i].op === 'pop') as PopResult[];
}
const popVal = (p: PopResult) => (p.deltas[p.deltas.length - 1].object as KubeObject).metadata.resourceVersion;

describe('delta_fifo_test.go', () => {
  it('TestDeltaFIFO_replaceWithDeleteDeltaIn: a Sync is queued after a queued Delete (issue 83810)', () => {
    const [p] = pops([obj('foo', 1)], [del(obj('foo', 1)), replace([obj('foo', 2)], ''), pop]);
    assert.deepEqual(p.deltas, [d('Deleted', obj('foo', 1)), d('Sync', obj('foo', 2))]);
  });

  const o2 = obj('foo', 2);
  const o3 = obj('foo', 3);
  const onlyInQueue: Array<{ name: string; emit?: boolean; ops: DeltaFIFOOp[]; expected: Delta[] }> = [
    { name: 'Added object should be deleted on Replace', ops: [add(o2), replace([])], expected: [d('Added', o2), d('Deleted', tomb('foo', o2))] },
    {
      name: 'Replaced object should have only a single Delete',
      emit: true,
      ops: [add(o2), replace([o2]), replace([])],
      expected: [d('Added', o2), d('Replaced', o2), d('Deleted', tomb('foo', o2))],
    },
    { name: 'Deleted object should have only a single Delete', ops: [add(o2), del(o2), replace([])], expected: [d('Added', o2), d('Deleted', o2)] },
    {
      name: 'Synced objects should have a single delete',
      ops: [add(o2), replace([o2]), replace([o2]), replace([])],
      expected: [d('Added', o2), d('Sync', o2), d('Sync', o2), d('Deleted', tomb('foo', o2))],
    },
    { name: 'Added objects should have a single delete on multiple Replaces', ops: [add(o2), replace([]), replace([], '1')], expected: [d('Added', o2), d('Deleted', tomb('foo', o2))] },
    {
      name: 'Added and deleted and added object should be deleted',
      ops: [add(o2), del(o2), add(o3), replace([])],
      expected: [d('Added', o2), d('Deleted', o2), d('Added', o3), d('Deleted', tomb('foo', o3))],
    },
  ];
  for (const c of onlyInQueue) {
    for (const known of [[], undefined]) {
      it(`TestDeltaFIFOW_ReplaceMakesDeletionsForObjectsOnlyInQueue: ${c.name} (${known ? 'with' : 'without'} KnownObjects)`, () => {
        const { results } = deltaFIFOScenario({ knownObjects: known, emitDeltaTypeReplaced: c.emit ?? false, ops: [...c.ops, pop, { op: 'listKeys' }] });
        assert.deepEqual((results.at(-2) as PopResult).deltas, c.expected);
        assert.deepEqual(results.at(-1), [], 'no extra deltas');
      });
    }
  }

  it('TestDeltaFIFO_addUpdate: list shows the newest object, listKeys the one key; one pop takes all; then it is gone', () => {
    const { results } = deltaFIFOScenario({
      ops: [add(obj('foo', 10)), update(obj('foo', 12)), del(obj('foo', 15)), { op: 'list' }, { op: 'listKeys' }, pop, pop, { op: 'getByKey', key: 'foo' }],
    });
    assert.deepEqual(results[3], [obj('foo', 15)]);
    assert.deepEqual(results[4], ['foo']);
    assert.equal(popVal(results[5] as PopResult), '15');
    assert.equal(results[6], null, 'no second value');
    assert.equal(results[7], null, 'item did not get removed');
  });

  it('TestDeltaFIFO_enqueueingNoLister: a Delete of an unknown key enqueues nothing', () => {
    const p = pops(undefined, [add(obj('foo', 10)), update(obj('bar', 15)), add(obj('qux', 17)), del(obj('qux', 18)), del(obj('baz', 20)), pop, pop, pop, pop]);
    assert.deepEqual(p.slice(0, 3).map(popVal), ['10', '15', '18']);
    assert.equal(p[3], null, 'queue empty');
  });

  it('TestDeltaFIFO_enqueueingWithLister: a Delete of a key the lister knows is enqueued', () => {
    const p = pops([obj('foo', 5), obj('bar', 6), obj('baz', 7)], [add(obj('foo', 10)), update(obj('bar', 15)), del(obj('baz', 20)), pop, pop, pop, pop]);
    assert.deepEqual(p.slice(0, 3).map(popVal), ['10', '15', '20']);
    assert.equal(p[3], null);
  });

  it('TestDeltaFIFO_addReplace: Add then Replace pops the replaced value once', () => {
    const { results } = deltaFIFOScenario({ ops: [add(obj('foo', 10)), replace([obj('foo', 15)]), pop, pop, { op: 'getByKey', key: 'foo' }] });
    assert.equal(popVal(results[2] as PopResult), '15');
    assert.equal(results[3], null);
    assert.equal(results[4], null);
  });

  it('TestDeltaFIFO_ResyncNonExisting: Resync skips a key with a queued Delete', () => {
    const { results } = deltaFIFOScenario({ knownObjects: [obj('foo', 5)], ops: [del(obj('foo', 10)), { op: 'resync' }, { op: 'getByKey', key: 'foo' }] });
    assert.deepEqual((results[2] as Delta[]).map((x) => x.type), ['Deleted']);
  });

  it('TestDeltaFIFO_Resync: Resync queues a Sync for each known object', () => {
    const { results } = deltaFIFOScenario({ knownObjects: [obj('foo', 5)], ops: [{ op: 'resync' }, { op: 'getByKey', key: 'foo' }] });
    assert.deepEqual((results[1] as Delta[]).map((x) => x.type), ['Sync']);
  });

  it('TestDeltaFIFO_DeleteExistingNonPropagated: a Delete of a queued key is appended', () => {
    const { results } = deltaFIFOScenario({ knownObjects: [], ops: [add(obj('foo', 5)), del(obj('foo', 6)), { op: 'getByKey', key: 'foo' }] });
    assert.deepEqual((results[2] as Delta[]).map((x) => x.type), ['Added', 'Deleted']);
  });

  describe('TestDeltaFIFO_ReplaceMakesDeletions', () => {
    const known = [obj('foo', 5), obj('bar', 6), obj('baz', 7)];
    it('with a pre-existing Delete', () => {
      assert.deepEqual(pops(known, [del(obj('baz', 10)), replace([obj('foo', 5)]), pop, pop, pop]).map((p) => p.deltas), [
        [d('Deleted', obj('baz', 10))],
        [d('Sync', obj('foo', 5))],
        [d('Deleted', tomb('bar', obj('bar', 6)))],
      ]);
    });
    it('starting with an Add instead of a Delete', () => {
      assert.deepEqual(pops(known, [add(obj('baz', 10)), replace([obj('foo', 5)]), pop, pop, pop]).map((p) => p.deltas), [
        [d('Added', obj('baz', 10)), d('Deleted', tomb('baz', obj('baz', 10)))],
        [d('Sync', obj('foo', 5))],
        [d('Deleted', tomb('bar', obj('bar', 6)))],
      ]);
    });
    it('deleting and recreating the object in the queue, then deleting it by a Replace: the tombstone has the queue’s newest object', () => {
      assert.deepEqual(pops(known, [del(obj('bar', 6)), add(obj('bar', 100)), replace([obj('foo', 5)]), pop, pop, pop]).map((p) => p.deltas), [
        [d('Deleted', obj('bar', 6)), d('Added', obj('bar', 100)), d('Deleted', tomb('bar', obj('bar', 100)))],
        [d('Sync', obj('foo', 5))],
        [d('Deleted', tomb('baz', obj('baz', 7)))],
      ]);
    });
    it('syncing it first so the delete uses the latest version', () => {
      assert.deepEqual(pops(known, [replace([obj('bar', 100), obj('foo', 5)]), replace([obj('foo', 5)]), pop, pop, pop]).map((p) => p.deltas), [
        [d('Sync', obj('bar', 100)), d('Deleted', tomb('bar', obj('bar', 100)))],
        [d('Sync', obj('foo', 5)), d('Sync', obj('foo', 5))],
        [d('Deleted', tomb('baz', obj('baz', 7)))],
      ]);
    });
    it('without an explicit KeyListerGetter', () => {
      assert.deepEqual(pops(undefined, [add(obj('baz', 10)), replace([obj('foo', 5)]), pop, pop]).map((p) => p.deltas), [
        [d('Added', obj('baz', 10)), d('Deleted', tomb('baz', obj('baz', 10)))],
        [d('Sync', obj('foo', 5))],
      ]);
    });
  });

  it('TestDeltaFIFO_ReplaceMakesDeletionsReplaced: with EmitDeltaTypeReplaced the listed objects come as Replaced', () => {
    const p = pops([obj('foo', 5), obj('bar', 6), obj('baz', 7)], [del(obj('baz', 10)), replace([obj('foo', 6)]), pop, pop, pop], true);
    assert.deepEqual(p.map((x) => x.deltas), [[d('Deleted', obj('baz', 10))], [d('Replaced', obj('foo', 6))], [d('Deleted', tomb('bar', obj('bar', 6)))]]);
  });

  it('TestDeltaFIFO_ReplaceDeltaType', () => {
    assert.deepEqual(pops([obj('foo', 5)], [replace([obj('foo', 5)]), pop], true).map((x) => x.deltas), [[d('Replaced', obj('foo', 5))]]);
  });

  it('TestDeltaFIFO_UpdateResyncRace: Resync adds nothing for a key with a queued Update', () => {
    assert.deepEqual(pops([obj('foo', 5)], [update(obj('foo', 6)), { op: 'resync' }, pop, pop]).map((x) => x?.deltas ?? null), [[d('Updated', obj('foo', 6))], null]);
  });

  it('TestDeltaFIFO_HasSyncedCorrectOnDeletion: the tombstones of the first Replace count as initial-list items', () => {
    const { results } = deltaFIFOScenario({
      knownObjects: [obj('foo', 5), obj('bar', 6), obj('baz', 7)],
      ops: [replace([obj('foo', 5)]), hasSynced, pop, hasSynced, pop, hasSynced, pop, hasSynced],
    });
    assert.deepEqual(results, [
      null,
      false,
      { deltas: [d('Sync', obj('foo', 5))], isInInitialList: true },
      false,
      { deltas: [d('Deleted', tomb('bar', obj('bar', 6)))], isInInitialList: true },
      false,
      { deltas: [d('Deleted', tomb('baz', obj('baz', 7)))], isInInitialList: true },
      true,
    ]);
  });

  it('TestDeltaFIFO_detectLineJumpers: a key keeps its place in line however often it is added', () => {
    const p = pops(undefined, [
      add(obj('foo', 10)), add(obj('bar', 1)), add(obj('foo', 11)), add(obj('foo', 13)), add(obj('zab', 30)),
      pop, add(obj('foo', 14)), pop, pop, pop,
    ]);
    assert.deepEqual(p.map(popVal), ['13', '1', '30', '14']);
  });

  it('TestDeltaFIFO_KeyOf: a tombstone is keyed by its Key', () => {
    const { results } = deltaFIFOScenario({
      knownObjects: [obj('B', 1)],
      ops: [{ op: 'delete', object: tomb('B', null) as unknown as KubeObject }, { op: 'listKeys' }],
    });
    assert.deepEqual(results[1], ['B']);
  });

  const hasSyncedCases: Array<{ ops: DeltaFIFOOp[]; expected: boolean }> = [
    { ops: [], expected: false },
    { ops: [add(obj('a', 1))], expected: true },
    { ops: [replace([])], expected: true },
    { ops: [replace([obj('a', 1), obj('b', 2)])], expected: false },
    { ops: [replace([obj('a', 1), obj('b', 2)]), pop], expected: false },
    { ops: [replace([obj('a', 1), obj('b', 2)]), pop, pop], expected: true },
    { ops: [replace([obj('a', 1), obj('a', 2)]), pop], expected: true },
  ];
  hasSyncedCases.forEach((c, i) => {
    it(`TestDeltaFIFO_HasSynced case ${i}`, () => {
      assert.equal(deltaFIFOScenario({ ops: [...c.ops, hasSynced] }).results.at(-1), c.expected);
    });
  });

  it('TestDeltaFIFO_PopShouldUnblockWhenClosed: Pop on a closed, empty queue returns ErrFIFOClosed', () => {
    const { results } = deltaFIFOScenario({ knownObjects: [obj('foo', 5)], ops: [pop, { op: 'close' }, pop] });
    assert.deepEqual(results, [null, null, { error: 'DeltaFIFO: manipulating with closed queue' }]);
  });
});

describe('contracts/clientgo.md example', () => {
  it('deltaFIFOScenario: Delete then Replace; the Delete already marked the FIFO populated', () => {
    const foo1 = obj('foo', 1);
    const foo2 = obj('foo', 2);
    assert.deepEqual(deltaFIFOScenario({ knownObjects: [foo1], ops: [del(foo1), replace([foo2], ''), pop] }), {
      results: [null, null, { deltas: [d('Deleted', foo1), d('Sync', foo2)], isInInitialList: false }],
    });
  });
});

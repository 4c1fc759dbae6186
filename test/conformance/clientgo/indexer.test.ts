// client-go tools/cache store_test.go, index_test.go and thread_safe_store_test.go (client-go v0.36.3,
// commit 44a8af2fee834a8fc3523360e029cf7ea7104622), through indexerScenario. Upstream's test objects
// become Pods: testStoreObject{id, val} is a Pod named id with label val=<val> indexed by
// {labelValue: 'val'}; testIndexFunc (labels["foo"]) is {labelValue: 'foo'}; testUsersIndexFunc
// (strings.Split(annotations["users"], ",")) is {annotationValue: 'users', split: ','}; a
// threadSafeMap keyed by the stored string becomes a Pod of that name with annotation v=<string>.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { indexerScenario, processDeltas } from '../../../simulations/index.ts';
import type { IndexerOp, KubeObject } from '../../../simulations/index.ts';

type Meta = KubeObject['metadata'];
const pod = (name: string, meta: Omit<Meta, 'name'> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...meta } });
const names = (objs: unknown) => (objs as KubeObject[]).map((o) => o.metadata.name).sort();

describe('store_test.go', () => {
  const mk = (id: string, val: string) => pod(id, { labels: { val } });
  it('TestCache (doTestStore): add, get, update, delete, list, replace', () => {
    const { results } = indexerScenario({
      ops: [
        { op: 'add', object: mk('foo', 'bar') },
        { op: 'get', object: pod('foo') },
        { op: 'update', object: mk('foo', 'baz') },
        { op: 'get', object: pod('foo') },
        { op: 'delete', object: pod('foo') },
        { op: 'get', object: pod('foo') },
        { op: 'add', object: mk('a', 'b') },
        { op: 'add', object: mk('c', 'd') },
        { op: 'add', object: mk('e', 'e') },
        { op: 'list' },
        { op: 'replace', objects: [mk('foo', 'foo'), mk('bar', 'bar')], resourceVersion: '0' },
        { op: 'list' },
      ],
    });
    assert.equal((results[1] as KubeObject).metadata.labels?.val, 'bar');
    assert.equal((results[3] as KubeObject).metadata.labels?.val, 'baz');
    assert.equal(results[5], null, 'found deleted item??');
    assert.deepEqual((results[9] as KubeObject[]).map((o) => o.metadata.labels?.val).sort(), ['b', 'd', 'e']);
    assert.deepEqual((results[11] as KubeObject[]).map((o) => o.metadata.labels?.val).sort(), ['bar', 'foo']);
  });

  it('TestIndex (doTestIndex): Index finds every object sharing the value', () => {
    const expected: Record<string, string[]> = { b: ['a', 'c'], f: ['e'], h: ['g'] };
    const ops: IndexerOp[] = [mk('a', 'b'), mk('c', 'b'), mk('e', 'f'), mk('g', 'h')].map((object) => ({ op: 'add', object }));
    for (const k of Object.keys(expected)) ops.push({ op: 'index', indexName: 'by_val', object: mk('', k) });
    const { results } = indexerScenario({ indexers: { by_val: { labelValue: 'val' } }, ops });
    Object.values(expected).forEach((want, i) => assert.deepEqual(names(results[4 + i]), want));
  });
});

describe('index_test.go', () => {
  it('TestGetIndexFuncValues: two distinct values over three pods', () => {
    const { results } = indexerScenario({
      indexers: { testmodes: { labelValue: 'foo' } },
      ops: [
        { op: 'add', object: pod('one', { labels: { foo: 'bar' } }) },
        { op: 'add', object: pod('two', { labels: { foo: 'bar' } }) },
        { op: 'add', object: pod('tre', { labels: { foo: 'biz' } }) },
        { op: 'listIndexFuncValues', indexName: 'testmodes' },
      ],
    });
    assert.deepEqual((results[3] as string[]).slice().sort(), ['bar', 'biz']);
  });

  it('TestMultiIndexKeys: an object indexed under several users; delete and update move it', () => {
    const users = (name: string, u: string) => pod(name, { annotations: { users: u } });
    const byUser = (v: string): IndexerOp => ({ op: 'byIndex', indexName: 'byUser', indexedValue: v });
    const { results } = indexerScenario({
      indexers: { byUser: { annotationValue: 'users', split: ',' } },
      ops: [
        { op: 'add', object: users('one', 'ernie,bert') },
        { op: 'add', object: users('two', 'bert,oscar') },
        { op: 'add', object: users('tre', 'ernie,elmo') },
        byUser('ernie'), byUser('bert'), byUser('elmo'), byUser('oscar'), byUser('elmo1'),
        { op: 'delete', object: users('tre', 'ernie,elmo') },
        byUser('ernie'), byUser('elmo'),
        { op: 'update', object: users('two', 'oscar') },
        byUser('bert'),
      ],
    });
    assert.deepEqual(results.slice(3, 8).map(names), [['one', 'tre'], ['one', 'two'], ['tre'], ['two'], []]);
    assert.deepEqual(names(results[9]), ['one']);
    assert.deepEqual(names(results[10]), []);
    assert.deepEqual(names(results[12]), ['one']);
  });
});

describe('thread_safe_store_test.go', () => {
  const v = (key: string, value: string) => pod(key, { annotations: { v: value } });
  const keysOf = (value: string): IndexerOp => ({ op: 'indexKeys', indexName: 'testIndexer', indexedValue: value });

  it('TestThreadSafeStoreDeleteRemovesEmptySetsFromIndex: the last key out removes the indexed value', () => {
    const { results } = indexerScenario({
      indexers: { testIndexer: { annotationValue: 'v' } },
      ops: [{ op: 'add', object: v('testKey', 'testKey') }, keysOf('testKey'), { op: 'delete', object: v('testKey', 'testKey') }, { op: 'listIndexFuncValues', indexName: 'testIndexer' }],
    });
    assert.deepEqual(results[1], ['testKey']);
    assert.deepEqual(results[3], []);
  });

  it('TestThreadSafeStoreAddKeepsNonEmptySetPostDeleteFromIndex', () => {
    const { results } = indexerScenario({
      indexers: { testIndexer: { labelValue: 'absent' } }, // every object indexes to the same value ("")
      ops: [{ op: 'add', object: pod('retain') }, { op: 'add', object: pod('delete') }, { op: 'indexKeys', indexName: 'testIndexer', indexedValue: '' }, { op: 'delete', object: pod('delete') }, { op: 'indexKeys', indexName: 'testIndexer', indexedValue: '' }],
    });
    assert.deepEqual(results[2], ['delete', 'retain']);
    assert.deepEqual(results[4], ['retain']);
  });

  it('TestThreadSafeStoreIndexingFunctionsWithMultipleValues', () => {
    const ops: IndexerOp[] = [];
    const expectations: Array<[number, string, string[]]> = [];
    const check = (...want: Array<[string, string[]]>) => {
      for (const [value, keys] of want) {
        ops.push(keysOf(value));
        expectations.push([ops.length - 1, value, keys]);
      }
    };
    const put = (op: 'add' | 'update', key: string, value: string) => ops.push({ op, object: v(key, value) });
    put('add', 'key1', 'foo');
    put('add', 'key2', 'bar');
    check(['foo', ['key1']], ['bar', ['key2']]);
    put('update', 'key2', 'foo,bar');
    check(['foo', ['key1', 'key2']], ['bar', ['key2']]);
    put('update', 'key1', 'foo,bar');
    check(['foo', ['key1', 'key2']], ['bar', ['key1', 'key2']]);
    put('add', 'key3', 'foo,bar,baz');
    check(['foo', ['key1', 'key2', 'key3']], ['bar', ['key1', 'key2', 'key3']], ['baz', ['key3']]);
    put('update', 'key1', 'foo');
    check(['foo', ['key1', 'key2', 'key3']], ['bar', ['key2', 'key3']], ['baz', ['key3']]);
    put('update', 'key2', 'bar');
    check(['foo', ['key1', 'key3']], ['bar', ['key2', 'key3']], ['baz', ['key3']]);
    ops.push({ op: 'delete', object: v('key1', 'foo') });
    check(['foo', ['key3']], ['bar', ['key2', 'key3']], ['baz', ['key3']]);
    ops.push({ op: 'delete', object: v('key3', 'foo,bar,baz') });
    check(['foo', []], ['bar', ['key2']], ['baz', []]);
    const { results } = indexerScenario({ indexers: { testIndexer: { annotationValue: 'v', split: ',' } }, ops });
    for (const [i, value, keys] of expectations) assert.deepEqual(results[i], keys, `op ${i}: ${value}`);
  });

  it('TestThreadSafeStoreRV: add, same RV, higher RV, delete with a newer RV, replace, delete', () => {
    const rv = (name: string, r: string) => pod(name, { resourceVersion: r });
    const last: IndexerOp = { op: 'lastStoreSyncResourceVersion' };
    const { results } = indexerScenario({
      ops: [
        last,
        { op: 'add', object: rv('key1', '10') }, last,
        { op: 'add', object: rv('key3', '10') }, last,
        { op: 'add', object: rv('key4', '20') }, last,
        { op: 'delete', object: rv('key4', '30') }, last,
        { op: 'add', object: rv('key6', '40') }, last,
        { op: 'replace', objects: [rv('key3', '40'), rv('key2', '30')], resourceVersion: '50' }, last,
        { op: 'delete', object: rv('key3', '60') }, last,
      ],
    });
    assert.deepEqual(results.filter((_, i) => i === 0 || i % 2 === 0), ['', '10', '10', '20', '30', '40', '50', '60']);
  });
});

describe('indexer errors and AddIndexers (thread_safe_store.go)', () => {
  it('an unknown index is an error; AddIndexers indexes stored items and refuses a name already taken', () => {
    const { results } = indexerScenario({
      indexers: { namespace: 'namespace' },
      ops: [
        { op: 'add', object: pod('p1', { namespace: 'a', labels: { app: 'web', tier: 'fe' } }) },
        { op: 'byIndex', indexName: 'app', indexedValue: 'web' },
        { op: 'addIndexers', indexers: { app: { labelValue: 'app' }, labels: { labelKeys: true } } },
        { op: 'indexKeys', indexName: 'app', indexedValue: 'web' },
        { op: 'indexKeys', indexName: 'labels', indexedValue: 'tier' },
        { op: 'addIndexers', indexers: { app: { labelValue: 'x' } } },
      ],
    });
    assert.deepEqual(results[1], { error: 'Index with name app does not exist' });
    assert.equal(results[2], null);
    assert.deepEqual(results[3], ['a/p1']);
    assert.deepEqual(results[4], ['a/p1']);
    assert.deepEqual(results[5], { error: 'indexer conflict: map[app:{}]' });
  });

  it('contracts/clientgo.md example', () => {
    assert.deepEqual(
      indexerScenario({ indexers: { namespace: 'namespace' }, ops: [{ op: 'add', object: pod('p1', { namespace: 'a' }) }, { op: 'indexKeys', indexName: 'namespace', indexedValue: 'a' }] }),
      { results: [null, ['a/p1']] },
    );
  });
});

// controller.go processDeltas; controller_test.go testReplaceEvents ("Create, update, delete", non-atomic):
// the Deltas a Replace queues for each key, processed in turn.
describe('processDeltas (controller.go)', () => {
  const p = (name: string, rv: string, labels?: Record<string, string>) => pod(name, { namespace: 'default', resourceVersion: rv, ...(labels ? { labels } : {}) });
  it('a Sync of a stored object is an update with the same object; an unknown key is an add', () => {
    const a = p('a', '1');
    assert.deepEqual(processDeltas({ store: [a], deltas: [{ type: 'Sync', object: a }], isInInitialList: false }), {
      notifications: [{ type: 'OnUpdate', oldObj: a, newObj: a }],
      store: [a],
    });
    const b = p('b', '2');
    assert.deepEqual(processDeltas({ store: [a], deltas: [{ type: 'Replaced', object: b }], isInInitialList: true }).notifications, [{ type: 'OnAdd', obj: b, isInInitialList: true }]);
  });

  it('testReplaceEvents "Create, update, delete": pod-3 deleted by tombstone, pod-1 and pod-2 updated, pod-4 added', () => {
    const initial = [p('pod-1', '1'), p('pod-2', '2', { ver: '1' }), p('pod-3', '3')];
    const replaced = [p('pod-1', '4'), p('pod-2', '5', { ver: '2' }), p('pod-4', '6')];
    let store = initial;
    const history: Array<{ action: string; key: string; eventRV: string }> = [];
    const perKey: Array<{ type: 'Replaced' | 'Deleted'; object: KubeObject | { kind: 'DeletedFinalStateUnknown'; key: string; obj: KubeObject } }> = [
      { type: 'Deleted', object: { kind: 'DeletedFinalStateUnknown', key: 'default/pod-3', obj: initial[2] } },
      ...replaced.map((object) => ({ type: 'Replaced' as const, object })),
    ];
    for (const delta of perKey) {
      const out = processDeltas({ store, deltas: [delta], isInInitialList: false });
      store = out.store;
      for (const n of out.notifications) {
        if (n.type === 'OnAdd') history.push({ action: 'add', key: `default/${n.obj.metadata.name}`, eventRV: n.obj.metadata.resourceVersion ?? '' });
        if (n.type === 'OnUpdate') history.push({ action: 'update', key: `default/${n.newObj.metadata.name}`, eventRV: n.newObj.metadata.resourceVersion ?? '' });
        if (n.type === 'OnDelete') history.push({ action: 'delete', key: 'key' in n.obj ? n.obj.key : '', eventRV: ('key' in n.obj ? n.obj.obj?.metadata.resourceVersion : '') ?? '' });
      }
    }
    assert.deepEqual(history, [
      { action: 'delete', key: 'default/pod-3', eventRV: '3' },
      { action: 'update', key: 'default/pod-1', eventRV: '4' },
      { action: 'update', key: 'default/pod-2', eventRV: '5' },
      { action: 'add', key: 'default/pod-4', eventRV: '6' },
    ]);
    assert.deepEqual(store.map((o) => o.metadata.name).sort(), ['pod-1', 'pod-2', 'pod-4']);
  });
});

// client-go tools/cache/shared_informer_test.go (client-go v0.36.3, commit 44a8af2fee834a8fc3523360e029cf7ea7104622),
// through sharedInformerScenario. The tests' FakeControllerSource (tools/cache/testing) is the scenario's
// server; testListener's expectations (the set of object names handled by OnAdd/OnUpdate; OnDelete is
// ignored) are checked against the notifications of each step; time.Sleep / clock.Step is `advance`.

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sharedInformerScenario } from '../../../simulations/index.ts';
import type { KubeObject } from '../../../simulations/index.ts';

const pod = (name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, ...extra } });
type Out = ReturnType<typeof sharedInformerScenario>;
/** testListener.receivedItemNames as a set, for one handler during the given ops. */
function handled(out: Out, handler: string, ops: number[]): string[] {
  return [...new Set(out.notifications.filter((n) => n.handler === handler && ops.includes(n.op) && n.type !== 'delete').map((n) => n.key))].sort();
}

describe('shared_informer_test.go', () => {
  it('TestListenerResyncPeriods: listener2 (2s) resyncs at 2s, listener3 (3s) at 3s, listener1 (0) never', () => {
    const out = sharedInformerScenario({
      defaultResyncPeriodMs: 1000,
      objects: [pod('pod1'), pod('pod2')],
      ops: [
        { op: 'addEventHandler', name: 'listener1', resyncPeriodMs: 0 },
        { op: 'addEventHandler', name: 'listener2', resyncPeriodMs: 2000 },
        { op: 'addEventHandler', name: 'listener3', resyncPeriodMs: 3000 },
        { op: 'run' },
        { op: 'advance', ms: 2000 },
        { op: 'advance', ms: 1000 },
      ],
    });
    for (const l of ['listener1', 'listener2', 'listener3']) assert.deepEqual(handled(out, l, [3]), ['pod1', 'pod2'], `${l} initial`);
    assert.deepEqual(handled(out, 'listener2', [4]), ['pod1', 'pod2']);
    assert.deepEqual(handled(out, 'listener1', [4]), []);
    assert.deepEqual(handled(out, 'listener3', [4]), []);
    assert.deepEqual(handled(out, 'listener3', [5]), ['pod1', 'pod2']);
    assert.deepEqual(handled(out, 'listener1', [5]), []);
    assert.deepEqual(handled(out, 'listener2', [5]), []);
  });

  it('TestResyncCheckPeriod: a shorter handler period lowers the check period; longer ones keep theirs', () => {
    const out = sharedInformerScenario({
      defaultResyncPeriodMs: 12 * 3600 * 1000,
      ops: [
        { op: 'addEventHandler', name: 'listener1', resyncPeriodMs: 0 },
        { op: 'resyncPeriods' },
        { op: 'addEventHandler', name: 'listener2', resyncPeriodMs: 60_000 },
        { op: 'resyncPeriods' },
        { op: 'addEventHandler', name: 'listener3', resyncPeriodMs: 55_000 },
        { op: 'resyncPeriods' },
        { op: 'addEventHandler', name: 'listener4', resyncPeriodMs: 5_000 },
        { op: 'resyncPeriods' },
      ],
    });
    assert.deepEqual(out.results.filter((r) => r !== null), [
      { resyncCheckPeriodMs: 12 * 3600 * 1000, handlers: { listener1: 0 } },
      { resyncCheckPeriodMs: 60_000, handlers: { listener1: 0, listener2: 60_000 } },
      { resyncCheckPeriodMs: 55_000, handlers: { listener1: 0, listener2: 60_000, listener3: 55_000 } },
      { resyncCheckPeriodMs: 5_000, handlers: { listener1: 0, listener2: 60_000, listener3: 55_000, listener4: 5_000 } },
    ]);
  });

  it('TestSharedInformerWatchDisruption: changes hidden from the watch arrive by relist; the unchanged pod1 only to the handler due for a resync', () => {
    const out = sharedInformerScenario({
      defaultResyncPeriodMs: 1000,
      objects: [pod('pod1', { uid: 'pod1', resourceVersion: '1' }), pod('pod2', { uid: 'pod2', resourceVersion: '2' })],
      ops: [
        { op: 'addEventHandler', name: 'listenerNoResync', resyncPeriodMs: 0 },
        { op: 'addEventHandler', name: 'listenerResync', resyncPeriodMs: 1000 },
        { op: 'run' },
        { op: 'serverAdd', object: pod('pod3', { uid: 'pod3', resourceVersion: '3' }), dropWatch: true },
        { op: 'serverModify', object: pod('pod2', { uid: 'pod2', resourceVersion: '4' }), dropWatch: true },
        { op: 'advance', ms: 1000 },
        { op: 'resetWatch' },
        { op: 'advance', ms: 1601 },
      ],
    });
    assert.deepEqual(handled(out, 'listenerNoResync', [2]), ['pod1', 'pod2']);
    assert.deepEqual(handled(out, 'listenerResync', [2]), ['pod1', 'pod2']);
    assert.deepEqual(handled(out, 'listenerNoResync', [3, 4]), [], 'nobody saw the dropped changes');
    assert.deepEqual(handled(out, 'listenerNoResync', [5, 6, 7]), ['pod2', 'pod3']);
    assert.deepEqual(handled(out, 'listenerResync', [5, 6, 7]), ['pod1', 'pod2', 'pod3']);
  });

  it('TestAddWhileActive: a handler added to a running informer is told of the cached pod1, then of pod2', () => {
    const out = sharedInformerScenario({
      defaultResyncPeriodMs: 0,
      ops: [
        { op: 'addEventHandler', name: 'originalListener' },
        { op: 'run' },
        { op: 'serverAdd', object: pod('pod1') },
        { op: 'addEventHandler', name: 'listener2' },
        { op: 'serverAdd', object: pod('pod2') },
      ],
    });
    assert.deepEqual(handled(out, 'originalListener', [2]), ['pod1']);
    assert.deepEqual(out.notifications.filter((n) => n.handler === 'listener2').map((n) => [n.op, n.type, n.key, n.isInInitialList]), [
      [3, 'add', 'pod1', true],
      [4, 'add', 'pod2', false],
    ]);
    assert.deepEqual(handled(out, 'originalListener', [2, 3, 4]), ['pod1', 'pod2']);
  });
});

describe('contracts/clientgo.md example', () => {
  it('sharedInformerScenario: the initial add, then a resync update with the same resourceVersion', () => {
    const out = sharedInformerScenario({
      defaultResyncPeriodMs: 1000,
      objects: [pod('pod1')],
      ops: [{ op: 'addEventHandler', name: 'h', resyncPeriodMs: 1000 }, { op: 'run' }, { op: 'advance', ms: 1000 }],
    });
    assert.deepEqual(out.notifications, [
      { handler: 'h', op: 1, type: 'add', key: 'pod1', resourceVersion: '1', isInInitialList: true },
      { handler: 'h', op: 2, type: 'update', key: 'pod1', resourceVersion: '1' },
    ]);
  });
});

// Not an upstream table: the scenario semantics of contracts/clientgo.md (a watch closed within a second with
// no events is a VeryShortWatchError, ListAndWatch returns, the back-off ends within 1601 ms, the relist's
// Replace turns the missing key into a DeletedFinalStateUnknown), checked end to end.
describe('a deletion the watch never carried (contracts/clientgo.md semantics)', () => {
  it('arrives after the relist as a delete of a tombstone carrying the last cached object', () => {
    const out = sharedInformerScenario({
      defaultResyncPeriodMs: 0,
      objects: [pod('a', { namespace: 'default' }), pod('b', { namespace: 'default' })],
      ops: [
        { op: 'addEventHandler', name: 'h' },
        { op: 'run' },
        { op: 'serverDelete', object: pod('b', { namespace: 'default' }), dropWatch: true },
        { op: 'resetWatch' },
        { op: 'advance', ms: 1601 },
      ],
    });
    assert.deepEqual(out.notifications.map((n) => [n.op, n.type, n.key, n.resourceVersion]), [
      [1, 'add', 'default/a', '1'],
      [1, 'add', 'default/b', '2'],
      [4, 'delete', 'default/b', '2'],
    ]);
  });
});

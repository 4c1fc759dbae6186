// get-pods helpers (the cached row is checked against printPod on real timelines in
// pod-lifecycle/get-pods-rows.test.ts); the layouts follow kubectl's tabwriter
// (minwidth 6, padding 3, last column unpadded; watch widths only grow).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatTable, formatWatch, printPod, runeCount, translateTimestampSince } from './get-pods.ts';

test('translateTimestampSince: <unknown> for a zero time, HumanDuration otherwise', () => {
  assert.equal(translateTimestampSince(null, 0), '<unknown>');
  assert.equal(translateTimestampSince('2025-01-01T00:00:00Z', '2025-01-01T00:02:05Z'), '2m5s');
});

test('formatTable pads every column but the last to max(6, widest cell + 3)', () => {
  assert.equal(formatTable([['NAME', 'READY', 'AGE'], ['a', '1/1', '5s']]), 'NAME   READY   AGE\na      1/1     5s');
});

test('formatWatch lays out the header with the initial list, then keeps the widest width seen', () => {
  assert.deepEqual(
    formatWatch(['NAME', 'STATUS', 'AGE'], [['web', 'Pending', '0s']], [['web', 'ContainerCreating', '0s'], ['web', 'Running', '2s']]),
    ['NAME   STATUS    AGE', 'web    Pending   0s', 'web    ContainerCreating   0s', 'web    Running             2s'],
  );
});

test('cell widths count runes as text/tabwriter does: a surrogate pair once, CJK once each', () => {
  assert.equal(runeCount('web-0'), 5);
  assert.equal(runeCount('网页-0'), 4);
  assert.equal(runeCount('🚀x'), 2);
  assert.equal(runeCount('\ud83d'), 1, 'a lone surrogate is one rune (Go reads it as one RuneError)');
  assert.equal(formatTable([['NAME', 'STATUS'], ['🚀', 'Running']]), 'NAME   STATUS\n🚀      Running');
});

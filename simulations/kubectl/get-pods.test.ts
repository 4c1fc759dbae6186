// get-pods helpers: the cached row equals printPod; the layouts follow kubectl's tabwriter
// (minwidth 6, padding 3, last column unpadded; watch widths only grow).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatTable, formatWatch, podRowAt, printPod, runeCount, translateTimestampSince } from './get-pods.ts';
import { simulatePod } from '../pod-lifecycle/simulate.ts';

const fixture = (name: string) => readFileSync(new URL(`../pod-lifecycle/fixtures/${name}`, import.meta.url), 'utf8');

test('podRowAt gives exactly printPod’s row for every written Pod at several later moments', () => {
  for (const name of ['liveness.yaml', 'init-and-sidecar.yaml', 'graceful-delete.yaml']) {
    const { result } = simulatePod(fixture(name));
    for (const snap of result.snapshots) {
      if (!snap.pod) continue;
      for (const later of [0, 7_000, 65_000, 4_000_000]) {
        const now = Date.UTC(2025, 0, 1) + snap.t * 1000 + later;
        assert.deepEqual(podRowAt(snap.pod, now), printPod(snap.pod, now), `${name} at ${snap.t}s + ${later}ms`);
      }
    }
  }
});

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

// kubectl's cached Pod rows against printPod, on the Pods this engine writes
// (a library test that needs real timelines lives with the engine that makes them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { podRowAt, printPod } from '../kubectl/get-pods.ts';
import { simulatePod } from './simulate.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

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


// The Pods and Events the pod-lifecycle simulation writes are real core/v1 objects:
// the real `kubectl describe pod` (kubectl 1.32, through the loopback stub API
// server) prints them exactly as describePod does, at several moments of each
// scenario (Pending, crash looping, initializing, terminating …).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describePod } from '../../../simulations/kubectl/describe-pod.ts';
import { simulatePod } from '../../../simulations/pod-lifecycle/simulate.ts';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../simulations/pod-lifecycle/fixtures/${name}`, import.meta.url), 'utf8');

const scenarios: { file: string; moments: number[] }[] = [
  { file: 'init-and-sidecar.yaml', moments: [0, 3, 10, 60] },
  { file: 'liveness.yaml', moments: [30, 155, 300] },
  { file: 'graceful-delete.yaml', moments: [20] },
  { file: 'image-pull-backoff.yaml', moments: [20] },
  { file: 'job-never.yaml', moments: [9] },
];

for (const s of scenarios) {
  const { result } = simulatePod(fixture(s.file));
  for (const t of s.moments) {
    const snap = [...result.snapshots].reverse().find((x) => x.t <= t);
    test(`[kubectl 1.32 describe pod] ${s.file} at ${t}s is printed exactly as describePod prints it`, async (ctx) => {
      if (!kubectlAvailable()) return ctx.skip(KUBECTL_MISSING);
      assert.ok(snap?.pod, 'a snapshot exists');
      const pod = snap.pod as unknown as Record<string, unknown>;
      const meta = snap.pod.metadata;
      const stub = await startKubectlStub({ objects: [pod, ...(snap.events as unknown as Record<string, unknown>[])] });
      try {
        const run = await stub.runKubectl(['describe', 'pod', meta.name, '-n', meta.namespace ?? 'default']);
        assert.equal(run.code, 0, run.stderr);
        // kubectl measures ages with the real clock: compare at that clock.
        assert.equal(describePod(pod, snap.events as unknown as Record<string, unknown>[], Date.now()), run.stdout);
      } finally {
        await stub.close();
      }
    });
  }
}

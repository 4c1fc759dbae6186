// describePod against the real `kubectl describe pod` (kubectl 1.32), captured live
// through the loopback stub API server (test/support/kubectl-stub.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePod } from '../../../simulations/kubectl/describe-pod.ts';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import { describeCases } from './describe-pod-fixtures.ts';
import { simulateMemory } from '../../../simulations/resources-oom/simulate.ts';
import { fixture, objects } from '../../../simulations/resources-oom/test-helpers.ts';

const now = Date.now();
for (const c of describeCases(now)) {
  test(`[kubectl 1.32 describe pod] ${c.name}`, async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    const meta = c.pod.metadata as { name: string; namespace: string };
    const stub = await startKubectlStub({ objects: [c.pod, ...c.events] });
    try {
      const run = await stub.runKubectl(['describe', 'pod', meta.name, '-n', meta.namespace]);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(describePod(c.pod, c.events, now), run.stdout);
    } finally {
      await stub.close();
    }
  });
}

// The Pods the memory simulation produces (OOMKilled and restarting, Evicted), described by
// real kubectl and by describePod at the same instant.

const simulated = simulateMemory(objects(fixture('leak-and-pressure.yaml'))).result.pods;
for (const p of simulated) {
  test(`[kubectl 1.32 describe pod] the simulated Pod ${p.name} (${p.phase}${p.reason ? `, ${p.reason}` : ''})`, async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    const stub = await startKubectlStub({ objects: [p.object, ...p.events] as Record<string, unknown>[] });
    try {
      const run = await stub.runKubectl(['describe', 'pod', p.name, '-n', p.namespace]);
      assert.equal(run.code, 0, run.stderr);
      // Ages are measured from kubectl's real clock (the simulated times are in 2025): compare at that clock.
      assert.equal(describePod(p.object, p.events, Date.now()), run.stdout);
    } finally {
      await stub.close();
    }
  });
}

// describePod against the real `kubectl describe pod` (kubectl 1.32), captured live
// through the loopback stub API server (test/support/kubectl-stub.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePod } from '../../../simulations/kubectl/describe-pod.ts';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import { describeCases } from './describe-pod-fixtures.ts';

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

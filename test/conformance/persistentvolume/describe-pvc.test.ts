// The claims, Pods and events the storage simulation ends with are real core/v1 objects: the
// real `kubectl describe pvc` (kubectl 1.32, through the loopback stub API server) prints them
// exactly as describePvc does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { simulate } from '../../../simulations/persistentvolume/engine.ts';
import { readInput } from '../../../simulations/persistentvolume/schema.ts';
import { describePvc } from '../../../simulations/persistentvolume/printers.ts';
import { toEventObject } from '../../../simulations/persistentvolume/events.ts';
import { parseManifests } from '../../../simulations/shared/yaml.ts';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../simulations/persistentvolume/fixtures/${name}`, import.meta.url), 'utf8');

for (const file of ['static-and-dynamic.yaml', 'reclaim-and-attach.yaml', 'statefulset-zones.yaml']) {
  const { final } = simulate(readInput(parseManifests(fixture(file)), 24 * 3_600_000), false);
  for (const pvc of final.pvcs) {
    test(`[kubectl 1.32 describe pvc] ${file}: ${pvc.metadata.name} is printed exactly as describePvc prints it`, async (ctx) => {
      if (!kubectlAvailable()) return ctx.skip(KUBECTL_MISSING);
      const mine = final.events.filter((e) => e.kind === 'PersistentVolumeClaim' && e.name === pvc.metadata.name && e.namespace === pvc.metadata.namespace);
      const events = mine.map((e, i) => toEventObject(e, i, pvc.metadata.uid, final.epochMs));
      const stub = await startKubectlStub({ objects: [pvc, ...final.pods, ...events] });
      try {
        const run = await stub.runKubectl(['describe', 'pvc', pvc.metadata.name, '-n', pvc.metadata.namespace]);
        assert.equal(run.code, 0, run.stderr);
        // kubectl measures ages with the real clock: compare at that clock.
        assert.equal(describePvc(pvc, final.pods, mine, Date.now(), final.epochMs), run.stdout);
      } finally {
        await stub.close();
      }
    });
  }
}

// `kubectl get pv,pvc` against the stub: the stub answers plain lists (not server-side Tables), so
// kubectl prints only NAME and AGE; what that checks of getPvPvc is the part kubectl itself
// decides: the "persistentvolume/" and "persistentvolumeclaim/" prefixes of several kinds, the
// order, and the blank line between the kinds' tables. The columns are printers.go's (see printers.ts).
for (const file of ['static-and-dynamic.yaml', 'statefulset-zones.yaml']) {
  test(`[kubectl 1.32 get pv,pvc] ${file}: names, prefixes and the blank line between kinds`, async (ctx) => {
    if (!kubectlAvailable()) return ctx.skip(KUBECTL_MISSING);
    const { result, final } = simulate(readInput(parseManifests(fixture(file)), 24 * 3_600_000), false);
    const stub = await startKubectlStub({ objects: [...final.pvs, ...final.pvcs] });
    try {
      const run = await stub.runKubectl(['get', 'pv,pvc']);
      assert.equal(run.code, 0, run.stderr);
      const firstColumn = (text: string) => text.replace(/\n$/, '').split('\n').map((line) => line.split(/\s+/)[0]);
      assert.deepEqual(firstColumn(result.snapshots.at(-1)!.getPvPvc), firstColumn(run.stdout));
    } finally {
      await stub.close();
    }
  });
}

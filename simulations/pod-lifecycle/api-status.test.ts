// Ground for moving the kubelet's writes onto the API server (simulations/kubelet/README.md,
// "What remains"): every status the kubelet writes in the chapter's scenarios is one
// kube-apiserver's ValidatePodStatusUpdate accepts, on the stored Pod, in order, with the
// deletion going through the registry's graceful delete. The binding is stood in for by a
// Pod created with spec.nodeName (the virtual API server has no pods/binding subresource yet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { freshApiServer } from '../apiserver/scenario.ts';
import { admitObjects } from '../kubectl/create.ts';
import { PodKubelet } from '../kubelet/pod-kubelet.ts';
import type { Pod } from '../kubelet/types.ts';
import { parseManifests } from '../shared/yaml.ts';
import { buildBehaviors } from './behaviors.ts';
import { readInput } from './schema.ts';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

const EVICTED = `apiVersion: v1
kind: Pod
metadata: { name: hog }
spec:
  containers: [{ name: app, image: nginx:1.27 }]
---
apiVersion: kube-notebook.dev/v1alpha1
kind: PodBehavior
metadata: { name: hog }
spec:
  untilSeconds: 120
  evict: { atSeconds: 60, message: "The node was low on resource: memory. " }
`;

const scenarios: [string, string][] = [
  ...readdirSync(FIXTURES).map((f): [string, string] => [f, readFileSync(FIXTURES + f, 'utf8')]),
  ['an evicted Pod', EVICTED],
];

for (const [name, yaml] of scenarios) {
  test(`${name}: every status the kubelet writes passes ValidatePodStatusUpdate, resourceVersions increasing`, () => {
    const input = readInput(parseManifests(yaml));
    const api = freshApiServer();
    const written = structuredClone(input.pod) as Pod & { metadata: Record<string, unknown> };
    for (const k of ['resourceVersion', 'uid', 'creationTimestamp', 'generation']) delete written.metadata[k];
    delete written.status;
    written.spec.nodeName ??= input.behavior.nodeName ?? 'node-a';
    const [stored] = admitObjects(api, [written], 'create');
    const { behaviorOf } = buildBehaviors(input.behavior, '10.244.1.9');
    const kubelet = new PodKubelet(stored as unknown as Pod, { behavior: (c) => behaviorOf(c), qosClass: input.pod.status?.qosClass });
    const b = input.behavior;
    if (b.delete) kubelet.deletePod(b.delete.atSeconds * 1000, { gracePeriodSeconds: b.delete.gracePeriodSeconds });
    if (b.evict) kubelet.evictPod(b.evict.atSeconds * 1000, { message: b.evict.message, gracePeriodSeconds: b.evict.gracePeriodSeconds });
    kubelet.advanceTo((b.untilSeconds ?? 600) * 1000);
    const ref = { apiVersion: 'v1', kind: 'Pod', namespace: input.pod.metadata.namespace, name: input.pod.metadata.name };
    let last = Number((stored.metadata as { resourceVersion: string }).resourceVersion);
    let statuses = 0;
    for (const w of kubelet.writes) {
      if (w.cause === 'created' || w.cause === 'scheduled') continue;
      if (w.cause === 'deletion' || w.cause === 'deleted') {
        const grace = w.cause === 'deleted' ? 0 : w.pod.metadata.deletionGracePeriodSeconds;
        const r = api.delete(ref, { gracePeriodSeconds: grace });
        assert.ok(r.code < 400, `${w.cause} at ${w.atMs} ms: ${r.message}`);
        if (w.cause === 'deleted') assert.equal(api.peek(ref), undefined, 'gone once every container stopped');
        continue;
      }
      const current = api.peek(ref);
      assert.ok(current, `the Pod exists at ${w.atMs} ms`);
      const r = api.updateStatus({ ...current, status: w.pod.status });
      assert.ok(r.code < 400, `${w.cause} at ${w.atMs} ms: ${r.message}`);
      const rv = Number((r.object?.metadata as { resourceVersion: string }).resourceVersion);
      assert.ok(rv > last, `resourceVersion ${rv} after ${last}`);
      last = rv;
      statuses++;
    }
    assert.ok(statuses > 0);
  });
}

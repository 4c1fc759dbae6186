// Properties of kubectl apply that hold for any configuration (fast-check):
//   1. applying the same file twice: the second apply sends nothing ("unchanged"),
//      even when others added fields to the live object in between;
//   2. fields removed from the file (and so present in last-applied) are deleted from live;
//   3. fields only the live object has (nobody's file manages them) survive any apply.
// The objects are valid ones (label keys and values as ValidateLabels wants them, a
// Deployment with its selector), since the API server refuses anything else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { kubectlApply } from '../../../simulations/declarative-apply/public-api.ts';
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';

const key = fc.stringMatching(/^[a-z]([a-z0-9-]{0,7}[a-z0-9])?$/);
const value = fc.stringMatching(/^([A-Za-z0-9]([-A-Za-z0-9_.]{0,10}[A-Za-z0-9])?)?$/);
const labels = fc.dictionary(key, value, { maxKeys: 4 });
const container = fc.record({
  name: key,
  image: fc.constantFrom('nginx:1.26', 'nginx:1.27', 'busybox', 'redis:7'),
  env: fc.array(fc.record({ name: key, value }), { maxLength: 3 }),
});

interface Config {
  labels: Record<string, string>;
  data: Record<string, string>;
  replicas: number | undefined;
  containers: { name: string; image: string; env: { name: string; value: string }[] }[];
}

const config = fc.record({
  labels,
  data: fc.dictionary(key, value, { maxKeys: 4 }),
  replicas: fc.option(fc.nat(9), { nil: undefined }),
  containers: fc.uniqueArray(container, { selector: (c) => c.name, minLength: 1, maxLength: 3 }).map((cs) =>
    cs.map((c) => ({ ...c, env: c.env.filter((e, i, all) => all.findIndex((x) => x.name === e.name) === i) })),
  ),
});

const configMap = (c: Config) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', labels: c.labels }, data: c.data });
const deployment = (c: Config) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: c.labels },
  spec: {
    ...(c.replicas === undefined ? {} : { replicas: c.replicas }),
    selector: { matchLabels: { app: 'web' } },
    template: { metadata: { labels: { app: 'web' } }, spec: { containers: c.containers } },
  },
});

const apply = (live: JsonObject | null, obj: object) => kubectlApply({ live, config: JSON.stringify(obj) });

test('applying the same file twice sends nothing the second time, whatever others added in between', () => {
  fc.assert(
    fc.property(config, labels, (c, foreign) => {
      for (const build of [configMap, deployment]) {
        const first = apply(null, build(c));
        const live = JSON.parse(JSON.stringify(first.result)) as JsonObject;
        // Someone else labels the object (keys not in the file).
        const meta = live.metadata as JsonObject;
        meta.labels = { ...Object.fromEntries(Object.entries(foreign).map(([k, v]) => [`x-${k}`, v])), ...(meta.labels as JsonObject) };
        const second = apply(live, build(c));
        assert.equal(second.outcome, 'unchanged');
        assert.equal(second.patch, null);
      }
    }),
    { numRuns: 150, seed: 11 },
  );
});

test('fields removed from the file are deleted from live', () => {
  fc.assert(
    fc.property(config, fc.nat(), (c, pick) => {
      const first = apply(null, deployment(c));
      const labelKeys = Object.keys(c.labels);
      const dropLabel = labelKeys.length ? labelKeys[pick % labelKeys.length] : undefined;
      const dropContainer = c.containers.length > 1 ? c.containers[pick % c.containers.length].name : undefined;
      const next: Config = {
        ...c,
        labels: Object.fromEntries(Object.entries(c.labels).filter(([k]) => k !== dropLabel)),
        containers: c.containers.filter((x) => x.name !== dropContainer),
        replicas: undefined,
      };
      const second = apply(first.result, deployment(next));
      const after = second.result;
      const afterLabels = ((after.metadata as JsonObject).labels ?? {}) as JsonObject;
      if (dropLabel) assert.ok(!(dropLabel in afterLabels), `label ${dropLabel} deleted`);
      const names = (((after.spec as JsonObject).template as JsonObject).spec as JsonObject).containers as JsonObject[];
      if (dropContainer) assert.ok(!names.some((x) => x.name === dropContainer), `container ${dropContainer} deleted`);
      // replicas: kubectl sends null, then the API server's default (1) comes back.
      if (c.replicas !== undefined) assert.equal((after.spec as JsonObject).replicas, 1, 'replicas reset to the default');
    }),
    { numRuns: 150, seed: 12 },
  );
});

test('fields only the live object has survive any apply', () => {
  fc.assert(
    fc.property(config, config, labels, fc.nat(9), (c1, c2, foreign, replicas) => {
      const first = apply(null, deployment({ ...c1, replicas: undefined }));
      const live = JSON.parse(JSON.stringify(first.result)) as JsonObject;
      const extra = Object.fromEntries(Object.entries(foreign).map(([k, v]) => [`live-only-${k}`, v]));
      const meta = live.metadata as JsonObject;
      meta.labels = { ...(meta.labels as JsonObject), ...extra };
      (live.spec as JsonObject).replicas = replicas; // an HPA's doing
      const sidecar = { name: 'zz-sidecar', image: 'istio/proxyv2:1.22' };
      (((live.spec as JsonObject).template as JsonObject).spec as JsonObject).containers = [
        ...((((live.spec as JsonObject).template as JsonObject).spec as JsonObject).containers as JsonObject[]),
        sidecar,
      ];
      const second = apply(live, deployment({ ...c2, replicas: undefined, containers: c2.containers.filter((x) => x.name !== 'zz-sidecar') }));
      const after = second.result;
      const afterLabels = (after.metadata as JsonObject).labels as JsonObject;
      for (const [k, v] of Object.entries(extra)) assert.equal(afterLabels[k], v, `label ${k} kept`);
      assert.equal((after.spec as JsonObject).replicas, replicas, 'replicas kept');
      const containers = (((after.spec as JsonObject).template as JsonObject).spec as JsonObject).containers as JsonObject[];
      const kept = containers.find((x) => x.name === 'zz-sidecar');
      // The API server defaulted it when it was stored (imagePullPolicy, terminationMessagePath, ...).
      assert.deepEqual(kept && { name: kept.name, image: kept.image }, sidecar, 'sidecar kept');
    }),
    { numRuns: 150, seed: 13 },
  );
});

// Patch application against real kubectl 1.32: `kubectl patch --local` runs the
// same apimachinery code the API server runs (StrategicMergePatch), so every
// directive here is checked against it directly. Skipped without kubectl.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUBECTL_MISSING, KUBECTL_PATH, kubectlAvailable } from '../../support/kubectl-stub.ts';
import { strategicMergePatch } from '../../../simulations/apimachinery/strategic-merge-patch/index.ts';
import { schemaFor } from '../../../simulations/kubectl/apply/scheme.ts';
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';

const pod = (spec: JsonObject, metadata: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec });
const deployment = (spec: JsonObject): JsonObject => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec });
const c = (name: string, extra: JsonObject = {}): JsonObject => ({ name, image: 'busybox', ...extra });

const cases: { name: string; live: JsonObject; patch: JsonObject }[] = [
  {
    name: '$patch: delete removes every element with the key (duplicates included)',
    live: pod({ containers: [c('a', { env: [{ name: 'X', value: '1' }, { name: 'X', value: '2' }, { name: 'Y', value: '3' }] })] }),
    patch: { spec: { containers: [{ name: 'a', env: [{ name: 'X', $patch: 'delete' }] }] } },
  },
  {
    name: '$setElementOrder with a deleted and an added container keeps the server-only one in place',
    live: pod({ containers: [c('c1'), c('c2'), c('c4')] }),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'c2' }, { name: 'c3' }], containers: [c('c3'), { name: 'c1', $patch: 'delete' }] } },
  },
  {
    name: '$patch: replace on a list replaces it with the other elements',
    live: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [{ $patch: 'replace' }, c('z')] } },
  },
  {
    name: '$patch: replace on a map replaces the whole map',
    live: pod({ containers: [c('a')], nodeSelector: { disk: 'ssd', zone: 'a' } }),
    patch: { spec: { nodeSelector: { $patch: 'replace', zone: 'b' } } },
  },
  {
    name: '$patch: delete on a map empties it',
    live: pod({ containers: [c('a')] }, { labels: { a: '1', b: '2' } }),
    patch: { metadata: { labels: { $patch: 'delete' } } },
  },
  {
    name: '$deleteFromPrimitiveList and additions on finalizers',
    live: pod({ containers: [c('a')] }, { finalizers: ['x/a', 'x/b', 'x/c'] }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['x/b'], finalizers: ['x/d'], '$setElementOrder/finalizers': ['x/a', 'x/d'] } },
  },
  {
    name: '$retainKeys on a Deployment strategy clears rollingUpdate',
    live: deployment({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } }, template: { spec: { containers: [c('a')] } } }),
    patch: { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
  },
  {
    name: '$retainKeys in a volume (merge,retainKeys list) switches its source',
    live: pod({ containers: [c('a')], volumes: [{ name: 'conf', configMap: { name: 'cm' } }, { name: 'data', emptyDir: {} }] }),
    patch: { spec: { volumes: [{ name: 'conf', $retainKeys: ['name', 'secret'], secret: { secretName: 's' } }] } },
  },
  {
    name: 'null deletes; nulls inside a new value are dropped',
    live: pod({ containers: [c('a')] }, { labels: { a: '1', b: '2' } }),
    patch: { metadata: { labels: { a: null }, annotations: { x: 'y', gone: null } } },
  },
  {
    name: 'a new container carrying a nested delete directive',
    live: pod({ containers: [c('a')] }),
    patch: { spec: { containers: [{ name: 'b', image: 'nginx', env: [{ name: 'X', $patch: 'delete' }] }] } },
  },
  {
    name: 'Service ports merge by port alone: deleting port 53 drops TCP and UDP',
    live: { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 53, protocol: 'UDP', name: 'u' }, { port: 53, protocol: 'TCP', name: 't' }, { port: 80, name: 'h' }] } },
    patch: { spec: { ports: [{ port: 53, $patch: 'delete' }] } },
  },
];

describe('strategic merge patch application against kubectl patch --local (kubectl 1.32)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kpatch-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  for (const tc of cases) {
    test(tc.name, (t) => {
      if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
      const file = join(dir, 'obj.json');
      writeFileSync(file, JSON.stringify(tc.live));
      const run = spawnSync(KUBECTL_PATH, ['patch', '--local', '-f', file, '--type', 'strategic', '-p', JSON.stringify(tc.patch), '-o', 'json'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: dir, KUBECONFIG: join(dir, 'none') },
      });
      assert.equal(run.status, 0, run.stderr);
      const ours = strategicMergePatch(tc.live, tc.patch, schemaFor(String(tc.live.apiVersion), String(tc.live.kind))!);
      assert.deepEqual(ours, JSON.parse(run.stdout));
    });
  }
});

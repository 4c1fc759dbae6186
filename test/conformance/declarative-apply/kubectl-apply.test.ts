// Client-side apply against real kubectl 1.32 talking to the loopback stub API
// server: for every scenario in scenarios.ts we compare, byte for byte,
//   - the request kubectl sends (PATCH body, or POST body on create) and its content type,
//   - what kubectl prints (created/configured/unchanged lines, the missing-annotation warning),
//   - the object after the patch, with the server side played by `kubectl patch --local`
//     (the same apimachinery code the API server runs),
//   - `kubectl diff` output, with only the random temp dir names and file times normalised.
// Skipped with a message when kubectl is absent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KUBECTL_MISSING, KUBECTL_PATH, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import type { PatchContext, StubResource } from '../../support/kubectl-stub.ts';
import { parseManifests } from '../../../simulations/shared/yaml.ts';
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';
import { clientSideApply } from '../../../simulations/declarative-apply/kubectl/client-side-apply.ts';
import { kubectlDiff, LIVE_DIR, MERGED_DIR } from '../../../simulations/declarative-apply/kubectl/diff.ts';
import { scenarios } from './scenarios.ts';

const WIDGET: StubResource = { group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets', namespaced: true };
const scratch = mkdtempSync(join(tmpdir(), 'kubectl-patch-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/** The API server's side of a PATCH, played by `kubectl patch --local` (same apimachinery code). */
function serverPatch(current: JsonObject, body: string, contentType: string): JsonObject {
  const file = join(scratch, 'current.json');
  writeFileSync(file, JSON.stringify(current));
  const type = contentType.includes('strategic') ? 'strategic' : 'merge';
  const run = spawnSync(KUBECTL_PATH, ['patch', '--local', '-f', file, '--type', type, '-p', body, '-o', 'json'], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: scratch, KUBECONFIG: join(scratch, 'none') },
  });
  if (run.status !== 0) throw new Error(`kubectl patch --local failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as JsonObject;
}

const onPatch = ({ request, current, body }: PatchContext) =>
  current ? serverPatch(current as JsonObject, typeof body === 'string' ? body : JSON.stringify(body), request.contentType) : { status: 404, body: {} };

const normaliseDiff = (text: string) =>
  text
    .replace(/\/tmp\/LIVE-\d+/g, LIVE_DIR)
    .replace(/\/tmp\/MERGED-\d+/g, MERGED_DIR)
    .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [+-]\d{4}/g, '\tTIME');

const one = (yaml: string) => parseManifests(yaml)[0].object as JsonObject;

function withoutManagedFields(obj: JsonObject): JsonObject {
  const copy = structuredClone(obj);
  delete (copy.metadata as JsonObject).managedFields;
  return copy;
}

describe('client-side kubectl apply against kubectl 1.32 (stub API server)', () => {
  for (const scenario of scenarios) {
    test(scenario.name, async (t) => {
      if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
      const stub = await startKubectlStub({ resources: [WIDGET], objects: scenario.seed ? [scenario.seed] : [], onPatch });
      try {
        const config = one(scenario.second);
        const ref = [String(config.apiVersion), String(config.kind), String((config.metadata as JsonObject).name), 'default'] as const;
        if (scenario.first) {
          writeFileSync(join(stub.dir, 'first.yaml'), scenario.first);
          const created = await stub.runKubectl(['apply', '-f', 'first.yaml', '--validate=false']);
          assert.equal(created.code, 0, created.stderr);
        }
        const live = (stub.get(...ref) as JsonObject | undefined) ?? null;
        if (live && scenario.drift) {
          scenario.drift(live);
          stub.seed(live);
        }

        const ours = clientSideApply(config, live, { namespace: 'default', overwrite: true, fileName: 'second.yaml', now: '2025-01-01T00:00:00Z' });

        // kubectl diff first (it must see the live object before the apply).
        writeFileSync(join(stub.dir, 'second.yaml'), scenario.second);
        const realDiff = await stub.runKubectl(['diff', '-f', 'second.yaml']);
        const ourDiff = kubectlDiff([{ file: ours.diffFile, kind: ours.kind, live, merged: ours.diffMerged }]);
        assert.equal(normaliseDiff(ourDiff.text), normaliseDiff(realDiff.stdout), 'kubectl diff output');
        assert.equal(ourDiff.exitCode, realDiff.code, 'kubectl diff exit status');

        stub.requests.length = 0;
        const real = await stub.runKubectl(['apply', '-f', 'second.yaml', '--validate=false']);
        assert.equal(real.code, 0, real.stderr);
        assert.equal(`${ours.message}\n`, real.stdout, 'printed outcome');
        assert.equal(ours.warnings.map((w) => `${w}\n`).join(''), real.stderr, 'warnings');
        const sent = stub.requests.filter((r) => r.method === 'PATCH' || r.method === 'POST');
        if (ours.request === null) {
          assert.equal(sent.length, 0, 'kubectl sent nothing');
        } else {
          assert.equal(sent.length, 1);
          assert.equal(ours.request.method, sent[0].method);
          assert.equal(ours.request.path, sent[0].path);
          assert.equal(ours.request.contentType, sent[0].contentType);
          assert.equal(ours.request.body, sent[0].body, 'request body, byte for byte');
        }
        // The stub keeps no managedFields (apply.md §9): the managedFields we record are checked in server-side-apply.test.ts.
        assert.deepEqual(withoutManagedFields(ours.after), stub.get(...ref), 'object after the apply');
      } finally {
        await stub.close();
      }
    });
  }
});

test('kubectl apply --overwrite=false: the conflict error, text for text', async (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const live = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { tier: 'web', other: 'x' } },
    spec: { replicas: 5, template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
  };
  const file = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    note: "a & b <c>"\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n';
  const stub = await startKubectlStub({ objects: [live] });
  try {
    writeFileSync(join(stub.dir, 'web.yaml'), file);
    const real = await stub.runKubectl(['apply', '-f', 'web.yaml', '--overwrite=false', '--validate=false']);
    const ours = clientSideApply(one(file), live as JsonObject, { namespace: 'default', overwrite: false, fileName: 'web.yaml', now: '2025-01-01T00:00:00Z' });
    assert.equal(real.code, 1);
    assert.equal(ours.outcome, 'failed');
    assert.equal(`${ours.warnings.join('\n')}\n${ours.error}`, real.stderr);
  } finally {
    await stub.close();
  }
});

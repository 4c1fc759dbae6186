// Client-side apply against real kubectl 1.32. For every scenario in
// scenarios.ts the live object goes into our API server (defaulted, as a
// cluster stores it) and the same object into the loopback stub; real kubectl
// talks to the stub, whose PATCH answers come from a twin of our API server,
// and our kubectl talks to our API server. Compared:
//   - the request kubectl sends (PATCH body, or POST body on create) and its content type, byte for byte;
//   - what kubectl prints (created/configured/unchanged lines, warnings, errors);
//   - `kubectl diff` output (over our server's dry-run answers on both sides), with
//     only the random temp dir names and file times normalised;
//   - the object after the patch: our API server's merge against `kubectl patch
//     --local` (the apimachinery code kube-apiserver runs) of the same patch
//     into the same object, defaulted.
// Skipped with a message when kubectl is absent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import type { PatchContext, StubResource } from '../../support/kubectl-stub.ts';
import { parseManifests } from '../../../simulations/shared/yaml.ts';
import type { JsonObject } from '../../../simulations/apimachinery/go-values.ts';
import { freshApiServer } from '../../../simulations/apiserver/scenario.ts';
import type { ApiServer } from '../../../simulations/apiserver/api-server.ts';
import { clientSideApply, threeWayPatch } from '../../../simulations/kubectl/apply/client-side-apply.ts';
import { kubectlDiff, kubectlDiffRun, LIVE_DIR, MERGED_DIR } from '../../../simulations/kubectl/apply/diff.ts';
import { printErrors } from '../../../simulations/kubectl/apply/errors.ts';
import { getModifiedConfiguration, lastAppliedText } from '../../../simulations/kubectl/apply/last-applied.ts';
import { goJsonMarshal } from '../../../simulations/apimachinery/go-json.ts';
import { answerWith, asStored, kubectlPatchLocal } from './support.ts';
import { scenarios } from './scenarios.ts';

const WIDGET: StubResource = { group: 'example.com', version: 'v1', kind: 'Widget', plural: 'widgets', namespaced: true };

const normaliseDiff = (text: string) =>
  text
    .replace(/\/tmp\/LIVE-\d+/g, LIVE_DIR)
    .replace(/\/tmp\/MERGED-\d+/g, MERGED_DIR)
    .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [+-]\d{4}/g, '\tTIME');

const one = (yaml: string) => parseManifests(yaml)[0].object as JsonObject;

/** Our API server holding `live` as a cluster would (or nothing), and a twin holding the same. */
function servers(live: JsonObject | null): { api: ApiServer; twin: ApiServer; stored: JsonObject | null } {
  const api = freshApiServer();
  const twin = freshApiServer();
  if (!live) return { api, twin, stored: null };
  const seeded = api.seed(live);
  assert.equal(seeded.code, 201, `the live object is a valid one: ${seeded.message}`);
  assert.equal(twin.seed(live).code, 201);
  return { api, twin, stored: seeded.object as JsonObject };
}

describe('client-side kubectl apply against kubectl 1.32 (stub API server answered by our API server)', () => {
  for (const scenario of scenarios) {
    test(scenario.name, async (t) => {
      if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
      const config = one(scenario.second);
      const ref = [String(config.apiVersion), String(config.kind), String((config.metadata as JsonObject).name), 'default'] as const;
      const custom = config.apiVersion === 'example.com/v1';
      // The live object: real kubectl's first apply (its annotation exactly kubectl's), drifted.
      let live: JsonObject | null = scenario.seed ?? null;
      if (scenario.first) {
        const first = await startKubectlStub({ resources: [WIDGET] });
        try {
          writeFileSync(join(first.dir, 'first.yaml'), scenario.first);
          const created = await first.runKubectl(['apply', '-f', 'first.yaml', '--validate=false']);
          assert.equal(created.code, 0, created.stderr);
          live = (first.get(...ref) as JsonObject | undefined) ?? null;
        } finally {
          await first.close();
        }
      }
      if (live && scenario.drift) scenario.drift(live);
      if (custom) return checkCustomResource(config, live!, scenario.second);

      const { api, twin, stored } = servers(live);
      const stub = await startKubectlStub({ resources: [WIDGET], objects: stored ? [stored] : [], onPatch: answerWith(twin) });
      try {
        const options = { namespace: 'default', overwrite: true, fileName: 'second.yaml' };
        const ourDiff = kubectlDiffRun(api, [config], { mode: 'client-side', namespace: 'default', fieldManager: 'kubectl-client-side-apply', force: false, fileName: 'second.yaml' });
        const ours = clientSideApply(api, config, options);

        writeFileSync(join(stub.dir, 'second.yaml'), scenario.second);
        const realDiff = await stub.runKubectl(['diff', '-f', 'second.yaml']);
        if (stored) {
          assert.equal(normaliseDiff(ourDiff.text), normaliseDiff(realDiff.stdout), 'kubectl diff output');
          assert.equal(ourDiff.status, realDiff.code, 'kubectl diff exit status');
        } else {
          // A new object: the stub echoes a dry-run POST where our API server answers with the
          // defaulted object, so only kubectl's rendering of the same two sides is compared here.
          const echoed = kubectlDiff([{ file: ourDiff.objects[0].file, kind: String(config.kind), live: null, merged: JSON.parse(stub.requestsTo('POST')[0].body) as JsonObject }]);
          assert.equal(normaliseDiff(echoed.text), normaliseDiff(realDiff.stdout), 'kubectl diff rendering');
          assert.equal((ourDiff.objects[0].merged?.metadata as JsonObject).uid !== undefined, true, 'our dry run answers as the API server does');
        }

        stub.requests.length = 0;
        const real = await stub.runKubectl(['apply', '-f', 'second.yaml', '--validate=false']);
        assert.equal(ours.warnings.map((w) => `${w}\n`).join('') + printErrors(ours.error ? [ours.error] : []), real.stderr, 'stderr');
        assert.equal(ours.error ? '' : `${ours.message}\n`, real.stdout, 'printed outcome');
        assert.equal(real.code, ours.error ? 1 : 0);
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
        // The merge: our API server's against upstream's, on the object as stored.
        if (ours.outcome === 'configured') {
          const expected = asStored(kubectlPatchLocal(stored!, ours.request!.body, ours.request!.contentType));
          assert.deepEqual(asStored(ours.after), expected, 'object after the apply');
        }
      } finally {
        await stub.close();
      }
    });
  }
});

/**
 * A custom resource: the simulated API server serves no CRDs, so our kubectl
 * reports what kubectl reports for a kind the server does not have; the JSON
 * merge patch kubectl computes for kinds outside its scheme is checked on its own.
 */
async function checkCustomResource(config: JsonObject, live: JsonObject, second: string): Promise<void> {
  const ours = clientSideApply(freshApiServer(), config, { namespace: 'default', overwrite: true, fileName: 'second.yaml' });
  assert.equal(ours.outcome, 'failed');
  assert.equal(
    ours.error?.alone,
    'error: resource mapping not found for name: "w" namespace: "" from "second.yaml": no matches for kind "Widget" in version "example.com/v1"\nensure CRDs are installed first\n',
  );
  const onPatch = ({ current, body, request }: PatchContext) => (current ? kubectlPatchLocal(current as JsonObject, JSON.stringify(body), request.contentType) : { status: 404, body: {} });
  const stub = await startKubectlStub({ resources: [WIDGET], objects: [live], onPatch });
  try {
    writeFileSync(join(stub.dir, 'second.yaml'), second);
    const real = await stub.runKubectl(['apply', '-f', 'second.yaml', '--validate=false']);
    assert.equal(real.code, 0, real.stderr);
    const [sent] = stub.requestsTo('PATCH');
    assert.equal(sent.contentType, 'application/merge-patch+json');
    const text = lastAppliedText(live);
    const patch = threeWayPatch(text ? (JSON.parse(text) as JsonObject) : null, getModifiedConfiguration(config.metadata && (config.metadata as JsonObject).namespace ? config : { ...config, metadata: { ...(config.metadata as JsonObject), namespace: 'default' } }, true).modified, live, undefined, true);
    assert.equal(goJsonMarshal(patch), sent.body, 'the three-way JSON merge patch, byte for byte');
  } finally {
    await stub.close();
  }
}

test('kubectl apply --overwrite=false: the conflict error, text for text', async (t) => {
  if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
  const live = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default', labels: { tier: 'web', other: 'x' } },
    spec: { replicas: 5, selector: { matchLabels: { tier: 'web' } }, template: { metadata: { labels: { tier: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.26' }] } } },
  };
  const file = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  annotations:\n    note: "a & b <c>"\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: nginx\n        image: nginx:1.27\n';
  const { api, stored } = servers(live as JsonObject);
  const stub = await startKubectlStub({ objects: [stored!] });
  try {
    writeFileSync(join(stub.dir, 'web.yaml'), file);
    const real = await stub.runKubectl(['apply', '-f', 'web.yaml', '--overwrite=false', '--validate=false']);
    const ours = clientSideApply(api, one(file), { namespace: 'default', overwrite: false, fileName: 'web.yaml' });
    assert.equal(real.code, 1);
    assert.equal(ours.outcome, 'failed');
    assert.equal(`${ours.warnings.join('\n')}\n${ours.error?.alone}`, real.stderr);
  } finally {
    await stub.close();
  }
});

// kubectlApply, the public function (simulations/index.ts), against real
// kubectl 1.32 and the loopback stub API server, whose PATCH answers come from
// a twin of our API server holding the same objects (support.ts answerWith):
//   - its result's shape, with newLastApplied, patch, result and diff equal to
//     what kubectl writes, sends, leaves and prints;
//   - a file of several documents, one of them a `kind: List`: kubectl's lines
//     in file order, its POST bodies, and its diff of the same two sides;
//   - the explanation's added and deleted entries, checked against the fields
//     kubectl's apply really added and removed.
// Skipped with a message when kubectl is absent.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { kubectlApply } from '../../../simulations/index.ts';
import { KUBECTL_MISSING, kubectlAvailable, startKubectlStub } from '../../support/kubectl-stub.ts';
import type { KubectlStub, PatchContext, StubReply } from '../../support/kubectl-stub.ts';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/go-values.ts';
import { LIVE_DIR, MERGED_DIR, kubectlDiff } from '../../../simulations/kubectl/apply/diff.ts';
import { freshApiServer } from '../../../simulations/apiserver/scenario.ts';
import type { ApiServer } from '../../../simulations/apiserver/api-server.ts';
import { answerWith } from './support.ts';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Until a twin is set, PATCHes are not expected (the first apply only creates). */
let twin: ApiServer | undefined;
const onPatch = (ctx: PatchContext): JsonObject | StubReply => (twin ? answerWith(twin)(ctx) : { status: 500, body: {} });

/** The object as our API server stores it when the engine seeds it (the same fresh server, the same uid), in the stub and a twin. */
function storeEverywhere(stub: KubectlStub, live: JsonObject): JsonObject {
  twin = freshApiServer();
  const seeded = twin.seed(live);
  if (seeded.code !== 201) throw new Error(seeded.message);
  stub.seed(seeded.object as JsonObject);
  return seeded.object as JsonObject;
}

const normaliseDiff = (text: string) =>
  text
    .replace(/\/tmp\/LIVE-\d+/g, LIVE_DIR)
    .replace(/\/tmp\/MERGED-\d+/g, MERGED_DIR)
    .replace(/\t\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ [+-]\d{4}/g, '\tTIME');

async function withStub(run: (stub: KubectlStub) => Promise<void>): Promise<void> {
  twin = undefined;
  const stub = await startKubectlStub({ onPatch });
  try {
    await run(stub);
  } finally {
    await stub.close();
  }
}

async function kubectl(stub: KubectlStub, args: string[], file: string, text: string) {
  writeFileSync(join(stub.dir, file), text);
  return stub.runKubectl([...args, '-f', file, ...(args[0] === 'apply' ? ['--validate=false'] : [])]);
}

const deployment = (image: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: ${image}
`;

describe('kubectlApply from simulations/index.ts', () => {
  test('its result: outcome, patch, result, newLastApplied, diff and explanation, plus message, stderr, deletedFields and objects, equal to what kubectl does', async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    await withStub(async (stub) => {
      assert.equal((await kubectl(stub, ['apply'], 'first.yaml', deployment('nginx:1.26'))).code, 0);
      const live = stub.get('apps/v1', 'Deployment', 'web', 'default') as JsonObject;
      storeEverywhere(stub, live);
      const config = deployment('nginx:1.27');
      const ours = kubectlApply({ live, config });

      assert.deepEqual(Object.keys(ours).sort(), ['deletedFields', 'diff', 'explanation', 'message', 'newLastApplied', 'objects', 'outcome', 'patch', 'result', 'stderr']);
      const realDiff = await kubectl(stub, ['diff'], 'second.yaml', config);
      stub.requests.length = 0;
      const real = await kubectl(stub, ['apply'], 'second.yaml', config);
      assert.equal(real.code, 0, real.stderr);
      const [sent] = stub.requestsTo('PATCH');
      const sentPatch = JSON.parse(sent.body) as { metadata: { annotations: Record<string, string> } };

      assert.equal(ours.outcome, 'configured');
      assert.equal(`${ours.message}\n`, real.stdout);
      assert.equal(ours.stderr, real.stderr);
      assert.deepEqual(ours.patch, JSON.parse(sent.body), 'patch: the body kubectl sends');
      assert.equal(ours.newLastApplied, sentPatch.metadata.annotations[LAST_APPLIED], 'newLastApplied: the annotation kubectl writes');
      assert.deepEqual(ours.result, stub.get('apps/v1', 'Deployment', 'web', 'default'), 'result: the object after the apply');
      assert.equal(normaliseDiff(ours.diff), normaliseDiff(realDiff.stdout), 'diff: what kubectl diff prints');
      assert.deepEqual(ours.deletedFields, []);
      assert.deepEqual(
        ours.explanation.filter((e) => e.action !== 'kept').map((e) => [e.action, e.path]),
        [
          ['changed', `metadata.annotations[${JSON.stringify(LAST_APPLIED)}]`],
          // The API server gave the stored Deployment generation 1, and bumps it for the spec change.
          ['changed', 'metadata.generation'],
          ['changed', 'spec.template.spec.containers[name=nginx].image'],
        ],
      );
      assert.equal(ours.objects.length, 1);
      assert.equal(ours.objects[0].patchBody, sent.body, 'objects[0].patchBody: byte for byte');
    });
  });

  test('a file with a ConfigMap, a Secret and a List holding a Service: three lines in file order, the same POSTs, the same diff', async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    const config = `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  LOG_LEVEL: info
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
type: Opaque
stringData:
  password: s3cret
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: web
  spec:
    selector:
      app: web
    ports:
    - port: 80
      targetPort: 8080
`;
    await withStub(async (stub) => {
      const ours = kubectlApply({ live: null, config });
      const realDiff = await kubectl(stub, ['diff'], 'all.yaml', config);
      const realDryRuns = stub.requestsTo('POST');
      const diffFiles = ['v1.ConfigMap.default.settings', 'v1.Secret.default.creds', 'v1.Service.default.web'];
      stub.requests.length = 0;
      const real = await kubectl(stub, ['apply'], 'all.yaml', config);
      assert.equal(real.code, 0, real.stderr);
      assert.equal(real.stdout, 'configmap/settings created\nsecret/creds created\nservice/web created\n', 'kubectl itself');
      assert.equal(ours.objects.map((o) => `${o.message}\n`).join(''), real.stdout);
      assert.equal(ours.message, 'configmap/settings created', 'message: the first object');
      assert.deepEqual(ours.objects.map((o) => o.outcome), ['created', 'created', 'created']);
      const posts = stub.requestsTo('POST');
      assert.deepEqual(
        posts.map((p) => [p.path, p.body]),
        ours.objects.map((o) => [o.request!.path, o.request!.body]),
        'the POST bodies, byte for byte, in file order',
      );
      // The stub echoes a dry-run POST where our API server answers with the defaulted object: kubectl's
      // rendering of the same two sides is what is compared.
      const echoed = kubectlDiff(ours.objects.map((o, i) => ({ file: diffFiles[i], kind: o.kind, live: null, merged: JSON.parse(realDryRuns[i].body) as JsonObject })));
      assert.equal(normaliseDiff(echoed.text), normaliseDiff(realDiff.stdout), 'kubectl diff over the three objects');
      assert.equal(realDiff.code, 1);
      assert.equal(ours.objects.length, 3);
    });
  });

  test("the explanation: a label and a data key added, a label that last-applied had deleted, as kubectl's apply really did", async (t) => {
    if (!kubectlAvailable()) return t.skip(KUBECTL_MISSING);
    const first = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app: web\n    tier: frontend\ndata:\n  a: "1"\n';
    const second = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  labels:\n    app: web\n    team: payments\ndata:\n  a: "1"\n  b: "2"\n';
    await withStub(async (stub) => {
      assert.equal((await kubectl(stub, ['apply'], 'first.yaml', first)).code, 0);
      const live = storeEverywhere(stub, stub.get('v1', 'ConfigMap', 'settings', 'default') as JsonObject);
      const ours = kubectlApply({ live, config: second });
      assert.equal((await kubectl(stub, ['apply'], 'second.yaml', second)).code, 0);
      const after = stub.get('v1', 'ConfigMap', 'settings', 'default') as JsonObject;

      // What kubectl's apply added and removed, leaf by leaf (the annotation aside).
      const before = leaves(live);
      const now = leaves(after);
      const added = [...now.keys()].filter((p) => !before.has(p)).sort();
      const deleted = [...before.keys()].filter((p) => !now.has(p)).sort();
      assert.deepEqual(added, ['data.b', 'metadata.labels.team']);
      assert.deepEqual(deleted, ['metadata.labels.tier']);

      const byAction = (action: string) => ours.explanation.filter((e) => e.action === action && !e.path.includes(LAST_APPLIED));
      assert.deepEqual(byAction('added').map((e) => e.path).sort(), added);
      assert.deepEqual(byAction('deleted').map((e) => e.path).sort(), deleted);
      assert.deepEqual(ours.deletedFields, deleted);
      const tier = byAction('deleted')[0];
      assert.equal(tier.reason, 'In the last-applied configuration but gone from your file: kubectl deletes it.');
      assert.equal(tier.before, JSON.stringify(before.get('metadata.labels.tier')));
      assert.equal(tier.after, undefined);
      for (const e of byAction('added')) {
        assert.equal(e.reason, 'New in your file, so it is added.');
        assert.equal(e.before, undefined);
        assert.equal(e.after, JSON.stringify(now.get(e.path)));
      }
    });
  });
});

/** Dotted paths of every scalar in an object (maps only), without the last-applied annotation. */
function leaves(obj: JsonObject, prefix = '', out = new Map<string, JsonValue>()): Map<string, JsonValue> {
  for (const [k, v] of Object.entries(obj)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (k === LAST_APPLIED) continue;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) leaves(v as JsonObject, path, out);
    else out.set(path, v);
  }
  return out;
}

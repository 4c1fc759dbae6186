// The registered storage engine: what it prints for its fixtures, how it refuses bad input, and
// its determinism. Expected values come from upstream's rules named beside each assertion
// (index.go findByClaim, pv_controller.go's event messages, the pvc-protection controller,
// stateful_set_utils.go claim names), not from running the engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';
import { buildView } from './view-model.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const run = (yaml: string) => engine.run(parseManifests(yaml), ctx);

test('index.go findByClaim: a 3Gi ReadWriteOnce claim searches the RWO-only group first and takes the 100Gi disk, never looking at the 5Gi RWO+RWX volume', () => {
  const r = run(fixture('access-mode-groups.yaml')).result;
  const b = r.bindings[0];
  assert.equal(b.volume, 'disk-100g');
  assert.deepEqual(b.searched, ['RWO']);
  assert.deepEqual(b.candidates.map((c) => [c.volume, c.reason]), [['disk-100g', 'chosen'], ['disk-2g', 'tooSmall'], ['nfs-5g', 'laterAccessModeGroup']]);
  // printers.go: the claim's CAPACITY is the volume's, not the request.
  assert.match(r.snapshots.at(-1)!.getPvPvc, /persistentvolumeclaim\/data\s+Bound\s+disk-100g\s+100Gi\s+RWO\s+manual\s+<unset>/);
});

test('static and dynamic: the "" claim binds the smallest fitting PV; the default class (WaitForFirstConsumer) waits for the Pod, then the provisioner creates pvc-<uid> on its node', () => {
  const r = run(fixture('static-and-dynamic.yaml')).result;
  const data = r.claims.find((c) => c.name === 'data')!;
  assert.equal(data.storageClass, 'standard'); // DefaultStorageClass admission
  assert.equal(data.selectedNode, r.pods[0].node);
  assert.match(data.volume, /^pvc-[0-9a-f-]{36}$/);
  const reasons = data.events.map((e) => e.reason);
  assert.deepEqual(reasons, ['WaitForFirstConsumer', 'WaitForPodScheduled', 'ExternalProvisioning', 'Provisioning', 'ProvisioningSucceeded']);
  assert.equal(data.events[0].message, 'waiting for first consumer to be created before binding');
  assert.equal(data.events[1].message, 'waiting for pod app to be scheduled');
  assert.equal(data.events[4].message, `Successfully provisioned volume ${data.volume}`);
  // Before the Pod exists (20s) nothing is provisioned.
  assert.equal(r.snapshots[0].claims.find((c) => c.name === 'data')!.phase, 'Pending');
  assert.equal(r.claims.find((c) => c.name === 'static-claim')!.volume, 'pv-small');
  assert.equal(r.pods[0].status, 'Running');
  const describe = r.describe.find((d) => d.claim === 'default/data')!.text;
  assert.match(describe, /^Name:          data\nNamespace:     default\nStorageClass:  standard\nStatus:        Bound\n/);
  assert.match(describe, /Finalizers:    \[kubernetes\.io\/pvc-protection\]/);
  assert.match(describe, /Used By:       app\n/);
});

test('reclaim: Retain leaves the PV Released; Delete on a hostPath PV with no deleter is Failed; a claim in use stays Terminating; RWO on two nodes is a Multi-Attach error', () => {
  const r = run(fixture('reclaim-and-attach.yaml')).result;
  const pv = (n: string) => r.volumes.find((v) => v.name === n)!;
  assert.equal(pv('keep-me').phase, 'Released');
  assert.equal(pv('keep-me').claim, 'default/a');
  assert.equal(pv('local-delete').phase, 'Failed');
  const dynamic = r.volumes.find((v) => v.provisionedBy === 'ebs.csi.aws.com')!;
  assert.equal(dynamic.phase, 'Deleted'); // the provisioner deletes it once its claim is gone
  const c = r.claims.find((x) => x.name === 'c')!;
  // kubectl delete pvc c at 40s; Pods w1 (deleted at 50s) and w2 (deleted at 70s) keep it until 70s.
  assert.equal(c.deletedAt, 70);
  assert.equal(r.snapshots.find((s) => s.at === 50)!.claims.find((x) => x.name === 'c')!.phase, 'Terminating');
  const attach = r.events.find((e) => e.reason === 'FailedAttachVolume')!;
  assert.equal(attach.object, 'pod/w2');
  assert.equal(attach.message, `Multi-Attach error for volume "${dynamic.name}" Volume is already used by pod(s) w1`);
  const d = r.claims.find((x) => x.name === 'd')!;
  assert.equal(d.events[0].message, 'no volume plugin matched name: kubernetes.io/no-provisioner');
  const e = r.claims.find((x) => x.name === 'e')!;
  assert.equal(e.events[0].message, 'no persistent volumes available for this claim and no storage class is set');
  assert.equal(r.actions[0].output, 'persistentvolumeclaim "a" deleted');
  assert.ok(r.events.some((ev) => ev.reason === 'VolumeFailedDelete' && ev.message === 'error getting deleter volume plugin for volume "local-delete": no deletable volume plugin matched'));
});

test('StatefulSet: claims data-db-0..2 before their Pods; scale-down keeps the claims; a Pod whose zonal volume is in zone-a cannot move to zone-b', () => {
  const r = run(fixture('statefulset-zones.yaml')).result;
  assert.deepEqual(r.claims.map((c) => [c.name, c.phase]), [['data-db-0', 'Bound'], ['data-db-1', 'Bound'], ['data-db-2', 'Bound']]);
  assert.deepEqual(r.pods.filter((p) => p.status !== 'Deleted').map((p) => p.name), ['db-0']);
  const z0 = r.volumes.find((v) => v.claim === 'default/data-db-0')!.zone;
  assert.equal(z0, 'zone-a');
  const db0 = r.pods.find((p) => p.name === 'db-0')!;
  assert.equal(db0.node, null);
  const failed = r.events.filter((e) => e.reason === 'FailedScheduling' && e.object === 'pod/db-0').at(-1)!;
  assert.equal(failed.message, '0/2 nodes are available: 1 node(s) had volume node affinity conflict, 1 node(s) were unschedulable. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
  // OrderedReady: scaling back to 2 at 120s does nothing while db-0 is not Ready.
  assert.ok(!r.pods.some((p) => p.name === 'db-1' && p.status !== 'Deleted'));
  assert.ok(r.events.some((e) => e.message === 'create Claim data-db-0 Pod db-0 in StatefulSet db success'));
});

test('the same input gives byte-identical output, and the view model is built from it', () => {
  const a = JSON.stringify(run(fixture('statefulset-zones.yaml')));
  const b = JSON.stringify(run(fixture('statefulset-zones.yaml')));
  assert.equal(a, b);
  const v = buildView(run(fixture('access-mode-groups.yaml')));
  assert.equal(v.bindings[0].candidates[2].reason.en.startsWith('in an access-mode group with more modes'), true);
});

test('bad input is a located ValidationError', () => {
  const bad = [
    ['apiVersion: v1\nkind: ConfigMap\nmetadata: { name: x }\n', /nothing here acts on v1 ConfigMap/],
    ['apiVersion: kube-notebook.dev/v1alpha1\nkind: StorageScenario\nspec:\n  until: 5x\n', /unknown unit/],
    ['apiVersion: kube-notebook.dev/v1alpha1\nkind: StorageScenario\nspec:\n  actions:\n  - at: 1s\n    delete: { kind: Secret, name: a }\n', /Unsupported value: 'Secret'/],
    ['apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: { name: a }\nspec:\n  accessModes: [ReadWriteOnce]\n  resources: { requests: { storage: 12Qi } }\n', /quantit/],
  ] as const;
  for (const [yaml, message] of bad) {
    assert.throws(() => run(yaml), (e: unknown) => e instanceof ValidationError && message.test(e.message), yaml);
  }
});

test('generic ephemeral volume: claim "<pod>-<volume>" owned by the Pod, provisioned, and gone with the Pod (and its Delete-policy PV after it)', () => {
  const r = run(fixture('ephemeral.yaml')).result;
  const claim = r.claims.find((c) => c.name === 'job-tmp')!;
  assert.equal(claim.deletedAt, 30);
  const pv = r.volumes.find((v) => v.name === claim.volume)!;
  assert.equal(pv.phase, 'Deleted');
  assert.ok(r.snapshots[0].getPvPvc.includes('persistentvolumeclaim/job-tmp   Bound'));
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import { ValidationError } from '../shared/errors.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { engine } from './engine.ts';
import { getEngine } from '../registry.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true });

test('registered as containers', () => assert.equal(getEngine('containers'), engine));

test('three QoS classes: the cgroup tree and its files', () => {
  const { result } = run(fixture('qos-three.yaml'));
  const byPath = new Map(result.cgroups.map((n) => [n.path, n]));
  const kubepods = byPath.get('kubepods.slice')!;
  // 3500m → shares 3584 → 1 + (3582 × 9999) / 262142 = 137; Σ requests of G (512Mi) + B (128Mi) = 671088640
  assert.deepEqual(kubepods.files, { 'cpu.weight': '137', 'memory.max': String(7 * 1024 ** 3), 'memory.min': '671088640' });
  const guaranteed = result.cgroups.find((n) => n.kind === 'pod' && n.pod === 'default/guaranteed')!;
  assert.match(guaranteed.path, /^kubepods\.slice\/kubepods-pod[0-9a-f_]+\.slice$/);
  // limits 500m/512Mi defaulted into requests by the API server: shares 512 → weight 20; quota 50000
  assert.deepEqual(guaranteed.files, { 'cpu.weight': '20', 'cpu.max': '50000 100000', 'memory.max': '536870912', 'memory.min': '536870912' });
  const gContainer = result.cgroups.find((n) => n.kind === 'container' && n.pod === 'default/guaranteed')!;
  // the runtime's conversion: 512 shares → ceil(10^((81 + 1125)/612 − 7/34)) = 59
  assert.equal(gContainer.files['cpu.weight'], '59');
  assert.equal(gContainer.writer, 'runtime');
  const burstable = result.cgroups.find((n) => n.kind === 'pod' && n.pod === 'default/burstable')!;
  assert.match(burstable.path, /^kubepods\.slice\/kubepods-burstable\.slice\/kubepods-burstable-pod/);
  // no memory limit → no memory.max; cpu limit 1 → 100000; request 100m → 102 shares → weight 4; memory.low from 128Mi
  assert.deepEqual(burstable.files, { 'cpu.weight': '4', 'cpu.max': '100000 100000', 'memory.low': '134217728' });
  assert.deepEqual(byPath.get('kubepods.slice/kubepods-burstable.slice')!.files, { 'cpu.weight': '4', 'memory.low': '134217728' });
  assert.deepEqual(byPath.get('kubepods.slice/kubepods-besteffort.slice')!.files, { 'cpu.weight': '1' });
  const be = result.cgroups.find((n) => n.kind === 'pod' && n.pod === 'default/besteffort')!;
  assert.deepEqual(be.files, { 'cpu.weight': '1' });
  const beContainer = result.cgroups.find((n) => n.kind === 'container' && n.pod === 'default/besteffort')!;
  // cpuCFSQuota on, no limit: quota 0 → "max 100000"; shares 2 → weight 1
  assert.deepEqual(beContainer.files, { 'cpu.weight': '1', 'cpu.max': 'max 100000' });
});

test('image layers: the merged view, whiteouts and copy-up', () => {
  const out = run(fixture('layers.yaml'));
  const img = out.result.images[0];
  assert.deepEqual(img.image.map((e) => `${e.path}@${e.fromLayer}`), ['bin@0', 'bin/my-app-binary@0', 'bin/my-app-tools@1', 'etc@0', 'etc/my-app.d@1', 'etc/my-app.d/default.cfg@1']);
  assert.deepEqual(img.ops.map((o) => o.effect), ['copy-up', 'whiteout', 'mkdir', 'create']);
  assert.equal(img.merged.find((e) => e.path === 'etc/my-app.d/default.cfg')!.content, 'defaults\nlog: debug');
  assert.deepEqual(img.upper.map((u) => `${u.path}:${u.type}`), ['bin:dir', 'bin/my-app-binary:whiteout', 'etc:dir', 'etc/my-app.d:dir', 'etc/my-app.d/default.cfg:file', 'tmp:dir', 'tmp/cache:file']);
  const view = engine.viewModel!(out);
  const row = view.images[0].rows.find((r) => r.path === '/etc/my-app-config')!;
  assert.deepEqual([row.cells, row.from], [['added', 'whiteout'], 'hidden']);
});

test('bad input is a located ValidationError', () => {
  const bad = [
    'apiVersion: kube-notebook.dev/v1alpha1\nkind: ImageLayers\nmetadata: {name: x}\nspec:\n  layers:\n  - entries:\n    - {path: "a/.wh.."}\n',
    'apiVersion: kube-notebook.dev/v1alpha1\nkind: KubeletCgroups\nmetadata: {name: k}\nspec: {cpuCFSQuotaPeriod: 2s}\n',
    'apiVersion: kube-notebook.dev/v1alpha1\nkind: KubeletCgroups\nmetadata: {name: k}\nspec: {memoryReservationPolicy: Hard}\n',
    'apiVersion: kube-notebook.dev/v1alpha1\nkind: Mystery\nmetadata: {name: k}\n',
    'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n  - name: a\n    image: x\n    resources: {limits: {cpu: 12Qi}}\n',
  ];
  for (const yaml of bad) assert.throws(() => run(yaml), ValidationError, yaml);
});

test('a sidecar counts in the burstable slice and gets its own container scope', () => {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  initContainers:
  - {name: proxy, image: envoy, restartPolicy: Always, resources: {requests: {cpu: 200m}}}
  containers:
  - {name: app, image: nginx, resources: {requests: {cpu: 100m}}}
`;
  const { result } = run(yaml);
  // PodRequests: 100m + 200m sidecar = 300m → shares 307 → kubelet weight 1 + (305 × 9999) / 262142 = 12
  const slice = result.cgroups.find((n) => n.path === 'kubepods.slice/kubepods-burstable.slice')!;
  assert.equal(slice.files['cpu.weight'], '12');
  assert.deepEqual(result.cgroups.filter((n) => n.kind === 'container').map((n) => n.container), ['proxy', 'app']);
  const pod = result.cgroups.find((n) => n.kind === 'pod')!;
  assert.equal(pod.files['cpu.weight'], '12');
});

test('ContainerLoad: throttling against cpu.max, OOM kill against memory.max', () => {
  const { result } = run(fixture('qos-three.yaml'));
  const [busy, calm] = result.loads;
  // guaranteed/app: cpu.max "50000 100000" = 500m; 2 CPUs wanted → every one of the 100 periods in 10 s throttled;
  // 600Mi > memory.max 512Mi → OOMKilled
  assert.deepEqual(busy.cpu, { demandMilli: 2000, limitMilli: 500, nrPeriods: 100, nrThrottled: 100, usageUsec: 5_000_000, throttled: true });
  assert.deepEqual([busy.memory.oomKilled, busy.memory.reason, busy.memory.exitCode], [true, 'OOMKilled', 137]);
  // burstable/app: limit 1 CPU, 800m wanted → never throttled; no memory limit → no memory.max, no OOM kill in its cgroup
  assert.deepEqual([calm.cpu.throttled, calm.cpu.nrPeriods, calm.memory.maxBytes, calm.memory.oomKilled], [false, 100, null, false]);
  assert.throws(() => run('apiVersion: kube-notebook.dev/v1alpha1\nkind: ContainerLoad\nmetadata: {name: x}\nspec: {pod: nope, container: app}\n'), ValidationError);
});

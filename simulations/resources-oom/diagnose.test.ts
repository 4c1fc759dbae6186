import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../shared/errors.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { attachPosition, parseManifests } from '../shared/yaml.ts';
import { diagnosePod } from './diagnose.ts';
import { engine as diagnoseEngine } from './diagnose-engine.ts';
import { describeCases } from '../../test/conformance/resources-oom/describe-pod-fixtures.ts';

const now = Date.UTC(2025, 0, 1, 12, 0, 0);
const cases = Object.fromEntries(describeCases(now).map((c) => [c.pod.metadata && (c.pod.metadata as { name: string }).name, c]));

test('an OOMKilled last state is diagnosed as OOMKilled on that container, with the limit, the exit code and the limit-related fixes', () => {
  const d = diagnosePod(cases.leaky.pod, cases.leaky.events);
  assert.equal(d.kind, 'OOMKilled');
  assert.equal(d.container, 'app');
  assert.equal(d.qosClass, 'Burstable');
  assert.match(d.summary, /limit of 256Mi/);
  assert.deepEqual(d.fixes.map((f) => f.id), ['raise-limit', 'fix-leak', 'read-logs', 'vpa', 'guaranteed']);
  assert.ok(d.steps.includes('kubectl logs leaky -n default -c app --previous'));
});

test('an evicted Pod is diagnosed as Evicted with the numbers from the kubelet message, not as an OOM kill', () => {
  const d = diagnosePod(cases['batch-7d9c8f-lq2vx'].pod, cases['batch-7d9c8f-lq2vx'].events);
  assert.equal(d.kind, 'Evicted');
  assert.deepEqual(d.eviction, { threshold: '100Mi', available: '91244Ki', containers: [{ name: 'batch', usage: '1843Mi', request: '256Mi' }] });
  assert.equal(d.fixes[0].id, 'set-requests');
});

test('a Pending Pod with PodScheduled=False is Unschedulable; a healthy one is Healthy', () => {
  assert.equal(diagnosePod(cases.big.pod).kind, 'Unschedulable');
  assert.equal(diagnosePod(cases['web-0'].pod).kind, 'Healthy');
});

test('the describe view of a diagnosis is computed at the latest timestamp found in the input, so it is deterministic', () => {
  const a = diagnosePod(cases.leaky.pod, cases.leaky.events);
  const b = diagnosePod(cases.leaky.pod, cases.leaky.events);
  assert.equal(a.describe, b.describe);
  assert.match(a.describe, /^Name:         leaky\n/);
});

// ---- Bad input: the pasted objects go into the virtual API server as a cluster holds them (seeded); its refusal is kube-apiserver's ----


const PASTED = `apiVersion: v1
kind: Pod
metadata:
  name: web
  ownerReferences: web-rs
spec:
  containers:
  - name: app
    image: nginx:1.27
status:
  phase: Running
`;

const badPastes: { name: string; yaml: string; message: string; line?: number }[] = [
  {
    name: 'ownerReferences that are not a list are refused at their line (this used to crash describe)',
    yaml: PASTED,
    message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ObjectMeta.metadata.ownerReferences of type []v1.OwnerReference',
    line: 5,
  },
  {
    name: 'a restart count that is not a number',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec: { containers: [ { name: app, image: nginx } ] }\nstatus:\n  containerStatuses:\n  - name: app\n    restartCount: many\n',
    message: 'Pod in version "v1" cannot be handled as a Pod: json: cannot unmarshal string into Go struct field ContainerStatus.status.containerStatuses.restartCount of type int32',
    line: 8,
  },
  {
    name: 'an Event whose lastTimestamp is not a time',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec: { containers: [ { name: app, image: nginx } ] }\nstatus: { phase: Running }\n---\napiVersion: v1\nkind: Event\nmetadata: { name: e }\nreason: OOMKilling\nlastTimestamp: yesterday\n',
    message: 'Event in version "v1" cannot be handled as a Event: parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    line: 11,
  },
  {
    name: '`status: null` is no status at all',
    yaml: 'apiVersion: v1\nkind: Pod\nmetadata: { name: web }\nspec: { containers: [ { name: app, image: nginx } ] }\nstatus: null\n',
    message: 'status: Required value: the Pod needs its status; paste the output of `kubectl get pod <name> -o yaml`',
    line: 5,
  },
  {
    name: 'an object of another API version',
    yaml: 'apiVersion: v2\nkind: Pod\nmetadata: { name: web }\nstatus: {}\n',
    message: 'kind: Unsupported value: "v2 Pod": supported kinds: v1 Pod, v1 Event (and Lists of them)',
  },
];

for (const c of badPastes) {
  test(`diagnose bad input: ${c.name}`, () => {
    assert.throws(() => diagnoseEngine.run(parseManifests(c.yaml), { budget: DEFAULT_BUDGET, detail: true }), (err: unknown) => {
      assert.ok(err instanceof ValidationError, String(err));
      assert.equal(err.message, c.message);
      if (c.line) assert.equal(attachPosition(err).position?.line, c.line);
      return true;
    });
  });
}

test('diagnose: nulls are Go zero values, so a Pod with nulls where Go has values is still diagnosed', () => {
  const d = diagnosePod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: null, ownerReferences: null }, spec: { containers: [{ name: 'app', image: 'nginx', resources: null }] }, status: { phase: 'Running', containerStatuses: [null] } });
  assert.equal(d.kind, 'Healthy');
  assert.equal(d.namespace, 'default');
  assert.deepEqual(d.containers.map((c) => c.name), ['app']);
  assert.match(d.describe, /^Name:         web\n/);
});

test('diagnose: a null container is an empty Container, which no API server stores: refused as kube-apiserver refuses it', () => {
  assert.throws(() => diagnosePod({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [null, { name: 'app', image: 'nginx' }] }, status: { phase: 'Running' } }), {
    name: 'ValidationError',
    message: 'Pod "web" is invalid: [spec.containers[0].name: Required value, spec.containers[0].image: Required value]',
  });
});

test('diagnose: called directly with something that is not a Pod, it refuses instead of crashing', () => {
  assert.throws(() => diagnosePod(42), { name: 'ValidationError', message: 'json: cannot unmarshal number into Go value of type v1.Pod' });
  assert.throws(() => diagnosePod({ metadata: { name: 'a' } }, 'events'), { name: 'ValidationError', message: 'must be a list of core/v1 Events' });
});

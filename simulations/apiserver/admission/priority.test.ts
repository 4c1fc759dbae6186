// The Priority admission plugin in an API server whose chain is kube-apiserver's [NamespaceLifecycle, Priority].
// Expected values follow plugin/pkg/admission/priority/admission.go (admitPod, validatePriorityClass,
// getDefaultPriority) and pkg/apis/scheduling (the system classes' values).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../apimachinery/json.ts';
import { ApiServer } from '../api-server.ts';
import { Admission } from './chain.ts';
import { namespaceLifecycle } from './namespace-lifecycle.ts';
import { admitPodPriority, priority, priorityClassLister } from './priority.ts';

/** The classes are seeded (stored as existing, no admission): two globalDefault classes can only get in that way, by a race. */
function cluster(classes: JsonObject[] = []): ApiServer {
  const api = new ApiServer({ admission: new Admission([namespaceLifecycle, priority]) });
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  for (const pc of classes) assert.equal(api.seed(pc).code, 201);
  return api;
}
const pc = (name: string, value: number, extra: JsonObject = {}): JsonObject => ({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name }, value, ...extra });
const pod = (spec: JsonObject = {}): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });
const specOf = (api: ApiServer, p: JsonObject) => {
  const r = api.create(p);
  assert.equal(r.code, 201, r.message);
  const spec = (r.object as JsonObject).spec as JsonObject;
  return [spec.priorityClassName, spec.priority, spec.preemptionPolicy];
};

const admitted: { name: string; classes: JsonObject[]; spec: JsonObject; want: unknown[] }[] = [
  { name: 'a Pod with no class and no default class gets priority 0 and PreemptLowerPriority', classes: [], spec: {}, want: [undefined, 0, 'PreemptLowerPriority'] },
  { name: 'a Pod with no class gets the globalDefault class, its name written into the Pod', classes: [pc('default-pc', 100, { globalDefault: true })], spec: {}, want: ['default-pc', 100, 'PreemptLowerPriority'] },
  {
    name: 'of two globalDefault classes (a race), the one with the lowest value is the default',
    classes: [pc('first', 1000, { globalDefault: true }), pc('second', 10, { globalDefault: true })],
    spec: {},
    want: ['second', 10, 'PreemptLowerPriority'],
  },
  { name: 'a named class gives its value and preemptionPolicy', classes: [pc('batch', 50, { preemptionPolicy: 'Never' })], spec: { priorityClassName: 'batch' }, want: ['batch', 50, 'Never'] },
  { name: 'system-cluster-critical is known without being stored (SystemCriticalPriority)', classes: [], spec: { priorityClassName: 'system-cluster-critical' }, want: ['system-cluster-critical', 2000000000, 'PreemptLowerPriority'] },
  { name: 'system-node-critical is 1000 above it', classes: [], spec: { priorityClassName: 'system-node-critical' }, want: ['system-node-critical', 2000001000, 'PreemptLowerPriority'] },
  { name: 'a priority equal to the computed one may be given', classes: [pc('high', 1000)], spec: { priorityClassName: 'high', priority: 1000 }, want: ['high', 1000, 'PreemptLowerPriority'] },
];
for (const c of admitted) {
  test(`Priority admits: ${c.name}`, () => assert.deepEqual(specOf(cluster(c.classes), pod(c.spec)), c.want));
}

const refused: { name: string; classes: JsonObject[]; spec: JsonObject; message: string }[] = [
  { name: 'a class that does not exist', classes: [], spec: { priorityClassName: 'foo' }, message: 'pods "p" is forbidden: no PriorityClass with name foo was found' },
  {
    name: 'a priority other than the class value',
    classes: [pc('high', 1000)],
    spec: { priorityClassName: 'high', priority: 5 },
    message: 'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 1000 from the given PriorityClass name',
  },
  {
    name: 'a priority on a Pod without class (computed 0)',
    classes: [],
    spec: { priority: 5 },
    message: 'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
  },
  {
    name: 'a preemptionPolicy other than the class one',
    classes: [pc('batch', 50, { preemptionPolicy: 'Never' })],
    spec: { priorityClassName: 'batch', preemptionPolicy: 'PreemptLowerPriority' },
    message: 'pods "p" is forbidden: the string value of PreemptionPolicy (PreemptLowerPriority) must not be provided in pod spec; priority admission controller computed Never from the given PriorityClass name',
  },
];
for (const c of refused) {
  test(`Priority refuses (403 Forbidden): ${c.name}`, () => {
    const r = cluster(c.classes).create(pod(c.spec));
    assert.deepEqual([r.code, r.reason, r.message], [403, 'Forbidden', c.message]);
  });
}

test('Priority: an update that leaves spec.priority out keeps the one written at creation', () => {
  const api = cluster([pc('high', 1000)]);
  const created = api.create(pod({ priorityClassName: 'high' })).object as JsonObject;
  const body = structuredClone(created) as JsonObject;
  delete (body.spec as JsonObject).priority;
  delete (body.spec as JsonObject).preemptionPolicy;
  (body.metadata as JsonObject).labels = { app: 'web' };
  const r = api.update(body);
  assert.equal(r.code, 200, r.message);
  const spec = (r.object as JsonObject).spec as JsonObject;
  assert.deepEqual([spec.priority, spec.preemptionPolicy], [1000, 'PreemptLowerPriority']);
});

test('Priority refuses a second globalDefault PriorityClass; the default one may be updated', () => {
  const api = cluster([pc('a', 10, { globalDefault: true })]);
  const r = api.create(pc('b', 20, { globalDefault: true }));
  assert.deepEqual([r.code, r.message], [403, 'priorityclasses.scheduling.k8s.io "b" is forbidden: PriorityClass a is already marked as default. Only one default can exist']);
  const a = structuredClone(api.get({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', name: 'a' }).object) as JsonObject;
  a.description = 'still the default';
  assert.equal(api.update(a).code, 200);
});

test('admitPodPriority works on a lister snapshot: the engine seeds Pods without admission and asks the plugin what it would have written', () => {
  const api = cluster([pc('high', 1000)]);
  const lister = priorityClassLister(api, { snapshot: true });
  const p = pod({ priorityClassName: 'high' });
  assert.equal(admitPodPriority(p, 'p', lister), undefined);
  assert.deepEqual([(p.spec as JsonObject).priority, (p.spec as JsonObject).preemptionPolicy], [1000, 'PreemptLowerPriority']);
  assert.equal(admitPodPriority(pod({ priorityClassName: 'gold' }), 'p', lister)?.message, 'pods "p" is forbidden: no PriorityClass with name gold was found');
});

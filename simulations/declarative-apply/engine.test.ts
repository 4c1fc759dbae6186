// The engine end to end: scenarios in, facts a quiz can ask about out, and
// bad input refused with the object and field path.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifests, attachPosition } from '../shared/yaml.ts';
import { ValidationError } from '../shared/errors.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { engine } from './engine.ts';
import type { JsonObject } from '../apimachinery/go-values.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const run = (text: string) => engine.run(parseManifests(text), ctx);

const scenario = (extra = '') => `apiVersion: kube-notebook.dev/v1alpha1
kind: ApplyScenario
${extra}`;

const liveDeployment = (annotations: string, extra = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  annotations:
    kube-notebook.dev/live: "true"
${annotations}spec:
  replicas: 5
  selector:
    matchLabels:
      app: web
${extra}  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: nginx:1.26
      - name: log
        image: busybox:1.36
`;

const file = (body = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
${body}  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: app
        image: nginx:1.27
`;

const lastApplied = (json: string) => `    kubectl.kubernetes.io/last-applied-configuration: '${json}'\n`;

describe('results a quiz can read', () => {
  test('a new object is created: no patch, the annotation written, a POST', () => {
    const { result } = run(file());
    assert.equal(result.outcome, 'created');
    assert.equal(result.patch, null);
    assert.equal(result.message, 'deployment.apps/web created');
    assert.match(result.newLastApplied!, /^\{"apiVersion":"apps\/v1".*\}\n$/);
    assert.equal(result.objects[0].request?.method, 'POST');
  });

  test('replicas owned by nobody (not in file, not in last-applied) survive; the image changes', () => {
    const la = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.26","name":"app"}]}}}}';
    const { result } = run(`${liveDeployment(lastApplied(la))}---\n${file()}`);
    assert.equal(result.outcome, 'configured');
    assert.equal((result.live.spec as JsonObject).replicas, 5);
    assert.ok(result.keptFields.includes('spec.replicas'));
    // The API server gave the stored Deployment generation 1 and bumps it for the spec change.
    assert.deepEqual(result.changedFields, ['metadata.generation', 'spec.template.spec.containers[name=app].image']);
  });

  test('replicas in last-applied and gone from the file: kubectl sends null, the API server defaults it to 1', () => {
    const la = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":3,"template":{"spec":{"containers":[{"image":"nginx:1.26","name":"app"}]}}}}';
    const { result, trace } = run(`${liveDeployment(lastApplied(la))}---\n${file()}`);
    assert.equal((result.patch!.spec as JsonObject).replicas, null);
    assert.equal((result.live.spec as JsonObject).replicas, 1);
    const entry = result.explanation.find((e) => e.path === 'spec.replicas')!;
    assert.equal(entry.action, 'changed');
    assert.match(entry.reason, /default back: 1/);
    assert.ok(trace.some((t) => t.title === 'the API server defaults spec.replicas to 1'));
  });

  test('without a last-applied annotation kubectl warns and deletes nothing', () => {
    const { result } = run(`${liveDeployment('')}---\n${file()}`);
    assert.match(result.stderr, /^Warning: resource deployments\/web is missing the kubectl.kubernetes.io\/last-applied-configuration annotation/);
    assert.deepEqual(result.deletedFields, []);
  });

  test('applying what is already there: unchanged, no request, empty diff', () => {
    const { result: first } = run(file());
    const after = first.live;
    const liveText = JSON.stringify({ ...after, metadata: { ...(after.metadata as JsonObject), annotations: { ...((after.metadata as JsonObject).annotations as JsonObject), 'kube-notebook.dev/live': 'true' } } });
    const { result } = run(`${liveText}\n---\n${file()}`);
    assert.equal(result.outcome, 'unchanged');
    assert.equal(result.objects[0].request, null);
    assert.equal(result.diff, '');
  });

  test('patch mode: $setElementOrder and $patch: delete through kubectl patch', () => {
    const live = liveDeployment('');
    const { result } = run(`${scenario(`mode: patch
patch:
  spec:
    template:
      spec:
        containers:
        - name: app
          $patch: delete
`)}---\n${live}`);
    assert.equal(result.outcome, 'patched');
    const containers = ((((result.live.spec as JsonObject).template as JsonObject).spec as JsonObject).containers as JsonObject[]).map((c) => c.name);
    assert.deepEqual(containers, ['log']);
  });

  test('keys named __proto__ and constructor are plain data all the way through', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: odd
  labels:
    __proto__: x
    constructor: "yes"
data:
  __proto__: "1"
  prototype: "2"
`;
    const { result } = run(text);
    const data = result.live.data as JsonObject;
    assert.ok(Object.prototype.hasOwnProperty.call(data, '__proto__'));
    assert.equal(data.__proto__ as unknown, '1');
    assert.equal(Object.getPrototypeOf(data), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.match(result.newLastApplied!, /"__proto__":"1"/);
  });
});

describe('bad input → ValidationError with the field path', () => {
  const cases: [string, string, string | RegExp][] = [
    ['a document without metadata.name', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n', 'metadata.name'],
    ['a document without metadata', 'apiVersion: v1\nkind: ConfigMap\n', 'metadata'],
    ['an unknown $patch value', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: a\n    $patch: frobnicate\n', '$patch'],
    ['a merge-list item without its merge key', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: nginx\n', 'spec.containers[0].name'],
    ['an unknown scenario field', `${scenario('colour: blue\n')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n`, 'colour'],
    ['an unknown mode', `${scenario('mode: sideways\n')}---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n`, 'mode'],
    ['a label that is not a string', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n    n: 1\n', 'n'],
    [
      'a live last-applied annotation that is not JSON',
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    kube-notebook.dev/live: "true"\n    kubectl.kubernetes.io/last-applied-configuration: "{oops"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n',
      'kubectl.kubernetes.io/last-applied-configuration',
    ],
  ];
  for (const [name, text, path] of cases) {
    test(name, () => {
      assert.throws(
        () => run(text),
        (e: unknown) => e instanceof ValidationError && (typeof path === 'string' ? e.message.includes(path) : path.test(e.message)),
      );
    });
  }

  test('a last-applied annotation over 256 KiB (the API server limit), with the line of the annotations', () => {
    const big = 'x'.repeat(140 * 1024);
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    note: ${big}\n`;
    try {
      run(text);
      assert.fail('expected a ValidationError');
    } catch (e) {
      assert.ok(e instanceof ValidationError);
      assert.match(e.message, /metadata\.annotations: Too long: must have at most 262144 bytes/);
      assert.equal(attachPosition(e).position?.line, 5);
    }
  });
});

describe('view model', () => {
  test('three columns with marks, the patch, the explanation and the coloured diff', () => {
    const la = '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"replicas":3,"template":{"spec":{"containers":[{"image":"nginx:1.26","name":"app"}]}}}}';
    const output = run(`${liveDeployment(lastApplied(la))}---\n${file()}`);
    const view = engine.viewModel!(output);
    const [obj] = view.objects;
    assert.deepEqual(obj.columns.map((c) => c.title), ['last-applied', 'live (before)', 'your file']);
    assert.ok(obj.columns[1].lines.some((l) => l.cls === 'da-changed' && l.text.includes('replicas: 5')));
    assert.ok(obj.columns[2].lines.some((l) => l.cls === 'da-changed' && l.text.includes('nginx:1.27')));
    assert.ok(obj.patchJson!.includes('"replicas": null'));
    assert.ok(view.diff.some((d) => d.cls === 'da-diff-add' && d.text.includes('nginx:1.27')));
    assert.ok(obj.explanation.some((e) => e.action === 'changed' && e.path === 'spec.replicas'));
  });
});

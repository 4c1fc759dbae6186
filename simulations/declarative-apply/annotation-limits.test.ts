// The last-applied-configuration annotation is JSON inside a YAML string, out
// of the YAML reader's sight: it gets the same 64-level nesting limit, and a
// bad one is a 400 pointing at the annotation's line, never a crash.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { attachPosition, parseManifests } from '../shared/yaml.ts';
import { ValidationError, formatFieldPath } from '../shared/errors.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { engine } from './engine.ts';
import { LAST_APPLIED } from '../kubectl/apply/last-applied.ts';

const ctx = { budget: DEFAULT_BUDGET, detail: true };
const run = (text: string) => engine.run(parseManifests(text), ctx);
const ANNOTATION_PATH = formatFieldPath(['metadata', 'annotations', LAST_APPLIED]);

/** `levels` nested objects: {"a":{"a":...1...}}. */
const nested = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

/** A live ConfigMap whose annotation (on line 8) holds `json`, then the file applying it again. */
const liveThenFile = (json: string) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: default
  annotations:
    kube-notebook.dev/live: "true"
    ${LAST_APPLIED}: '${json}'
data:
  a: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  b: "2"
`;

/** Server-side apply of a file that carries its own annotation (line 10), applied twice. */
const serverSideTwice = (json: string) => `apiVersion: kube-notebook.dev/v1alpha1
kind: ApplyScenario
mode: server-side
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  annotations:
    ${LAST_APPLIED}: '${json}'
data:
  a: "1"
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
data:
  b: "2"
`;

/** Runs and returns the located ValidationError it throws. */
function refusal(text: string): ValidationError {
  try {
    run(text);
  } catch (error) {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    return attachPosition(error);
  }
  assert.fail('expected the input to be refused');
}

describe('the nesting limit inside the annotation', () => {
  const cases = [
    { name: 'a live object’s annotation 12,000 levels deep', input: liveThenFile(nested(12_000)), line: 8, document: 1 },
    { name: 'a live object’s annotation 65 levels deep (one past the limit)', input: liveThenFile(nested(65)), line: 8, document: 1 },
    { name: 'your file’s annotation 12,000 levels deep (server-side apply keeps it on live)', input: serverSideTwice(nested(12_000)), line: 10, document: 2 },
  ];
  for (const c of cases) {
    test(`${c.name} is a 400 limit error at the annotation's line and field path`, () => {
      const error = refusal(c.input);
      assert.equal(error.code, 'limit');
      assert.equal(error.message, `${ANNOTATION_PATH}: nesting is deeper than 64 levels in the JSON of the annotation`);
      assert.deepEqual(error.toJSON(), {
        message: error.message,
        line: c.line,
        column: 5,
        path: ANNOTATION_PATH,
        document: c.document,
      });
    });
  }

  test('64 levels, the limit itself, are read and applied', () => {
    const { result } = run(liveThenFile(nested(64)));
    assert.equal(result.outcome, 'configured');
    // The annotation was read: it had `a`, the file does not, so kubectl's patch deletes it.
    assert.equal(result.patch?.a, null);
  });

  test('brackets inside the annotation’s strings are text, not nesting', () => {
    const json = `{"apiVersion":"v1","data":{"a":"${'['.repeat(200)}"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"settings","namespace":"default"}}`;
    const { result } = run(liveThenFile(json));
    assert.equal(result.outcome, 'configured');
  });
});

describe('an annotation that is not JSON', () => {
  test('on a live object it is a 400 at the annotation’s line, with the whole field path', () => {
    const error = refusal(liveThenFile('{"apiVersion": oops'));
    assert.match(error.message, /^metadata\.annotations\["kubectl\.kubernetes\.io\/last-applied-configuration"\]: invalid JSON document: /);
    assert.equal(error.position?.line, 8);
    assert.equal(error.toJSON().path, ANNOTATION_PATH);
  });

  test('in your file under server-side apply it is kept, as the API server keeps it, and read back as no last-applied (no crash)', () => {
    const { result } = run(serverSideTwice('not json'));
    assert.equal(result.mode, 'server-side');
    assert.equal(result.objects.length, 2);
    assert.equal(result.objects[1].outcome, 'serverside-applied');
    assert.equal(result.objects[1].lastApplied, null);
  });
});

// The YAML reader reads manifests as kubectl does (sigs.k8s.io/yaml on go-yaml
// v2, YAML 1.1) and remembers positions for error messages.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { flattenLists, locateField, parseManifests, parseYamlDocuments } from './yaml.ts';

const value = (text: string) => parseYamlDocuments(text)[0].value;

describe('YAML 1.1 scalars, as go-yaml v2 resolves them for kubectl', () => {
  const cases: [string, unknown][] = [
    ['yes', true], ['Yes', true], ['on', true], ['ON', true], ['y', true], ['true', true],
    ['no', false], ['off', false], ['n', false], ['N', false], ['false', false],
    ['012', 10], ['0x1F', 31], ['1e3', 1000], ['1.5', 1.5], ['-7', -7],
    ['~', null], ['null', null], ['', null],
    ['2024-01-01', '2024-01-01'], ['"012"', '012'], ["'yes'", 'yes'], ['500m', '500m'], ['1Gi', '1Gi'],
    // go-yaml: strconv.ParseFloat(".") fails, so these stay strings (managedFields uses the key ".")
    ['.', '.'], ['._', '._'],
  ];
  for (const [text, expected] of cases) {
    it(`reads \`v: ${text}\` as ${JSON.stringify(expected)}`, () => {
      assert.deepEqual(value(`v: ${text}\n`), { v: expected });
    });
  }

  it('turns keys into strings the way the YAML-to-JSON conversion does', () => {
    assert.deepEqual(value('1: a\ntrue: b\nnull: c\n'), { 1: 'a', true: 'b', null: 'c' });
    assert.deepEqual(value('on: push\n'), { true: 'push' });
    assert.deepEqual(value('.: {}\n'), { '.': {} });
  });

  it('treats `true` and `on` as the same key, so both in one mapping is a duplicate', () => {
    assert.throws(() => value('true: a\non: b\n'), /duplicate key/);
  });

  it('applies merge keys, with explicit keys winning', () => {
    assert.deepEqual(value('base: &b {a: 1, b: 2}\nx:\n  <<: *b\n  b: 3\n'), { base: { a: 1, b: 2 }, x: { a: 1, b: 3 } });
  });
});

describe('documents', () => {
  it('splits on ---, skips empty documents and counts positions', () => {
    const manifests = parseManifests('---\napiVersion: v1\nkind: Pod\n---\n---\n# only a comment\n---\napiVersion: v1\nkind: Node\n');
    assert.deepEqual(manifests.map((m) => [m.document, m.line, m.object.kind]), [[1, 2, 'Pod'], [2, 8, 'Node']]);
  });

  it('keeps __proto__, constructor and prototype as plain own data', () => {
    const [m] = parseManifests('apiVersion: v1\nkind: Pod\n__proto__: {x: 1}\nconstructor: {prototype: {y: 2}}\n');
    assert.equal(Object.getPrototypeOf(m.object), Object.prototype);
    assert.deepEqual(Object.keys(m.object), ['apiVersion', 'kind', '__proto__', 'constructor']);
    assert.deepEqual((m.object as Record<string, unknown>)['__proto__'], { x: 1 });
    assert.equal(({} as Record<string, unknown>).x, undefined);
  });

  it('finds the line of a field, or of the deepest part of it that exists', () => {
    const [m] = parseManifests('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: nginx\n');
    assert.deepEqual(locateField(m.object, ['spec', 'containers', 0, 'image'])?.position, { line: 6, column: 5 });
    assert.deepEqual(locateField(m.object, ['spec', 'containers', 0, 'resources', 'limits'])?.position, { line: 5, column: 5 });
  });

  it('expands a List into its items, as kubectl apply -f does', () => {
    const manifests = flattenLists(parseManifests('apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n- apiVersion: v1\n  kind: Service\n'));
    assert.deepEqual(manifests.map((m) => [m.object.kind, m.line]), [['Pod', 4], ['Service', 6]]);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { engine } from './engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';

const fixture = readFileSync(new URL('./fixtures/widgets.yaml', import.meta.url), 'utf8');
const run = (yaml: string) => engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true });
const withValidate = (v: string) => fixture.replace('validate: warn', `validate: ${v}`);

describe('extending engine', () => {
  it('creates the CRD, prunes and defaults a Widget, refuses an invalid one with the 422 kubectl prints', () => {
    const { result, trace } = run(fixture);
    assert.equal(result.crds[0].printed, 'customresourcedefinition.apiextensions.k8s.io/widgets.example.com created');
    const [w, bad] = result.objects;
    assert.equal(w.printed, 'Warning: unknown field "spec.colour"\nwidget.example.com/w created');
    assert.deepEqual(w.pruned, ['spec.colour']);
    assert.deepEqual((w.stored as any).spec, { image: 'nginx', replicas: 1, size: 'small' });
    assert.deepEqual(w.defaulted.sort(), ['spec.replicas', 'spec.size']);
    assert.equal(bad.outcome, 'invalid');
    assert.equal(
      bad.printed,
      'The Widget "bad" is invalid: \n* spec.replicas: Invalid value: 0: spec.replicas in body should be greater than or equal to 1\n* spec.size: Unsupported value: "huge": supported values: "small", "large"',
    );
    assert.deepEqual(result.tables[0].columns, ['NAME', 'REPLICAS', 'SIZE']);
    assert.deepEqual(result.tables[0].rows, [['w', '1', 'small']]);
    assert.ok(trace.some((t) => t.source?.includes('pruning/algorithm.go')));
  });
  it('with --validate=strict (kubectl default) an unknown field is a 400 and nothing is stored', () => {
    const { result } = run(withValidate('strict'));
    assert.equal(result.objects[0].outcome, 'bad-request');
    assert.equal(
      result.objects[0].printed,
      'Error from server (BadRequest): error when creating "STDIN": Widget in version "v1" cannot be handled as a Widget: strict decoding error: unknown field "spec.colour"',
    );
  });
  it('with --validate=false the field is pruned silently', () => {
    const { result } = run(withValidate('false'));
    assert.equal(result.objects[0].printed, 'widget.example.com/w created');
  });
  it('a non-structural schema refuses the CRD and serves nothing', () => {
    const yaml = fixture.replace('                port:\n                  x-kubernetes-int-or-string: true', '                tags:\n                  type: array');
    const { result } = run(yaml);
    assert.equal(result.crds[0].accepted, false);
    assert.match(result.crds[0].printed, /spec\.versions\[0\]\.schema\.openAPIV3Schema\.properties\[spec\]\.properties\[tags\]\.items: Required value: must be specified/);
    assert.equal(result.objects[0].outcome, 'no-match');
  });
  it('bad input is a located ValidationError', () => {
    assert.throws(() => run('apiVersion: kube-notebook.dev/v1alpha1\nkind: KubectlApply\nspec:\n  validate: maybe\n'), ValidationError);
    assert.throws(() => run('apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\n'), ValidationError);
  });
  it('the view model renders kubectl output and tables', () => {
    const out = run(fixture);
    const view = engine.viewModel!(out);
    assert.equal(view.validate, 'warn');
    assert.match(view.tables[0].text, /^NAME\s+REPLICAS\s+SIZE\nw\s+1\s+small$/);
  });
});

describe('extending view: the request path strip', () => {
  it('shows where each object stopped', () => {
    const view = engine.viewModel!(run(fixture));
    assert.deepEqual(view.objects[0].stages.map((s) => s.name), ['decode', 'default', 'prune', 'validate', 'store']);
    assert.deepEqual(view.objects[1].stages.map((s) => `${s.name}:${s.cls}`).at(-1), 'validate:ext-stage-fail');
    const strict = engine.viewModel!(run(withValidate('strict')));
    assert.equal(strict.objects[0].stages.at(-1)!.note, '1 unknown: 400 (strict)');
  });
});

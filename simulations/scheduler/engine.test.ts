import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { attachPosition, parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8');
const ctx = { budget: DEFAULT_BUDGET, detail: true };

test('the engine reads multi-document YAML and returns quiz-friendly results', () => {
  const out = engine.run(parseManifests(fixture('pending-on-cpu.yaml')), ctx);
  const web0 = out.result.pods.find((p) => p.name === 'web-0')!;
  const web1 = out.result.pods.find((p) => p.name === 'web-1')!;
  assert.equal(web0.node, 'node-a');
  assert.equal(web1.node, null);
  assert.equal(web1.nodes['node-b'].filter?.plugin, 'TaintToleration');
  assert.ok(out.trace.some((s) => s.source?.includes('pkg/scheduler')));
});

test('a manifest the API server refuses is a ValidationError in its words, whose path leads back to the line in the YAML', () => {
  const yaml = ['apiVersion: v1', 'kind: Pod', 'metadata: {name: p}', 'spec:', '  containers:', '  - name: a', '    image: x', '    resources:', '      requests: {memory: 12Qi}'].join('\n');
  const manifests = parseManifests(yaml);
  try {
    engine.run(manifests, ctx);
    assert.fail('expected a ValidationError');
  } catch (e) {
    assert.ok(e instanceof ValidationError);
    attachPosition(e);
    assert.equal(e.position?.line, 9);
    assert.equal(e.message, `Pod in version "v1" cannot be handled as a Pod: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`);
  }
});

test('an unsupported kind is rejected; ConfigMaps are ignored with a warning', () => {
  const bad = parseManifests('apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\n');
  assert.throws(() => engine.run(bad, ctx), /Unsupported value: "Job"/);
  const cm = parseManifests('apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
  assert.match(engine.run(cm, ctx).trace.map((s) => s.title).join('\n'), /Ignored ConfigMap/);
});

test('the result partial renders without inline styles or scripts (CSP) and shows the matrix, scores and events', () => {
  const out = engine.run(parseManifests(fixture('pending-on-cpu.yaml')), ctx);
  const hbs = Handlebars.create();
  const source = readFileSync(fileURLToPath(new URL('./views/result.hbs', import.meta.url)), 'utf8');
  const html = hbs.compile(source, { strict: false })({ output: out, view: engine.viewModel!(out), cell: { id: 'x', engine: 'scheduler' } });
  assert.doesNotMatch(html, /style=/);
  assert.doesNotMatch(html, /<script/);
  assert.match(html, /node\(s\) had untolerated taint \{dedicated: gpu\}/);
  assert.match(html, /Successfully assigned default\/web-0 to node-a/);
  assert.match(html, /<svg class="sch-card" viewBox="0 0 200 150" width="200" height="150" role="img" aria-label="Node node-a: cpu 1500m \/ 2000m; memory 1Gi \/ 4Gi">/);
  assert.match(html, /class="chosen"/);
});

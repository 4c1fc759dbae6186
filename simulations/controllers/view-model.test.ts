// The controllers view model: the step chart is drawn from the numbers (and
// tells lines apart without colour), and the page gets every kubectl block
// as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';
import { buildView, stepChart } from './view-model.ts';

test('a step chart holds each value until the next point and runs to the end; lines differ by dash pattern and label', () => {
  const chart = stepChart([
    { label: 'rev 1', points: [{ at: 0, value: 4 }, { at: 30, value: 3 }] },
    { label: 'rev 2', points: [{ at: 30, value: 2 }] },
  ], 60, { en: 'replicas', zh: '副本数' });
  const [a, b] = chart.lines;
  // x from 36 to 490 over 60 s; y from 172 (0) to 10 (4).
  assert.equal(a.points, '36,10 263,10 263,50.5 490,50.5');
  assert.equal(b.points, '263,91 490,91');
  assert.notEqual(a.dash, b.dash);
  assert.deepEqual([a.label, b.label], ['rev 1', 'rev 2']);
  assert.ok(Math.abs(a.labelY - b.labelY) >= 12, 'labels do not overlap');
  assert.deepEqual(chart.yTicks.map((t) => t.label), ['0', '1', '2', '3', '4']);
});

test('labels of lines that end at the same value are moved apart', () => {
  const chart = stepChart([
    { label: 'a', points: [{ at: 0, value: 0 }] },
    { label: 'b', points: [{ at: 0, value: 0 }] },
  ], 10, { en: 'x', zh: 'x' });
  assert.ok(Math.abs(chart.lines[0].labelY - chart.lines[1].labelY) >= 12);
});

test('the view of the stuck rollout: the commands, the rollout status runs, the timeline table and the kubectl get blocks', () => {
  const yaml = readFileSync(new URL('./fixtures/stuck-rollout.yaml', import.meta.url), 'utf8');
  const out = engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true });
  const view = buildView(out);
  assert.deepEqual(view.actions.map((a) => a.command), ['kubectl set image deployment/web web=nginx:1.28-typo', 'kubectl rollout undo deployment/web']);
  assert.equal(view.timelines.length, 1);
  assert.equal(view.timelines[0].chart.lines.length, 2);
  // Ordered by revision: the typo image is revision 2, the rolled-back template revision 3.
  assert.match(view.timelines[0].table.header[1], /^web-\w+ \(rev 2, nginx:1\.28-typo\)$/);
  assert.match(view.timelines[0].table.header[2], /^web-\w+ \(rev 3, nginx:1\.27\)$/);
  assert.ok(view.snapshots.at(-1)!.blocks.some((b) => b.command === 'kubectl get deployments' && b.text.startsWith('NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    4/4')));
  assert.deepEqual(view.rolloutStatus[0].ended, { en: 'done', zh: '已完成' });
  assert.deepEqual(view.snapshots[0].label, { en: 'at 30s, just before kubectl set image', zh: '30s 时，kubectl set image 之前' });
  assert.equal(view.truncated, null);
});

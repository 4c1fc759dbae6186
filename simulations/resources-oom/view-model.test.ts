import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateMemory } from './simulate.ts';
import { buildView } from './view-model.ts';
import { fixture, objects } from './test-helpers.ts';

test('the view has one chart per container with its limit line and a marker per OOM kill, and the node chart shades MemoryPressure', () => {
  const output = simulateMemory(objects(fixture('leak-and-pressure.yaml')));
  const view = buildView(output);
  const app = view.charts.find((c) => c.title === 'leaky / app')!;
  assert.equal(app.kills.length, output.result.containers.find((c) => c.name === 'app')!.oomKills.length);
  assert.equal(app.limit?.label, 'limit 256Mi');
  assert.equal(app.request?.label, 'request 128Mi');
  // every point lies inside the 600 × 140 viewBox
  for (const pair of app.points.split(' ')) {
    const [x, y] = pair.split(',').map(Number);
    assert.ok(x >= 0 && x <= view.width && y >= 0 && y <= view.height, pair);
  }
  assert.equal(view.node.pressure.length, 1);
  assert.equal(view.ranking?.pod, 'cache');
  assert.match(view.getPods, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\n/);
  // The evicted Pod's container exited on SIGTERM with 0 (the library's default behaviour), and the
  // printer prefers a container's reason over the Pod's "Evicted".
  assert.match(view.getPods, /\ncache\s+0\/1\s+Completed\s+0\s+20m/);
});

test('a container killed at once draws its climb to the limit, and its peak is the limit, not 0 (issue 13, point 6)', async () => {
  const { readFileSync } = await import('node:fs');
  // The lesson's three-qos cell with the burstable container's level raised to 600Mi, over its 512Mi limit.
  const lesson = readFileSync(new URL('../../content/04-resources-oom/en.md', import.meta.url), 'utf8');
  const cell = /```sim resources-oom id=three-qos\n([\s\S]*?)```/.exec(lesson)![1];
  const raised = cell.replace('{ pod: burstable, container: app, usage: { pattern: steady, level: 300Mi } }', '{ pod: burstable, container: app, usage: { pattern: steady, level: 600Mi } }');
  assert.notEqual(raised, cell);
  const view = buildView(simulateMemory(objects(raised)));
  const burstable = view.charts.find((c) => c.title === 'burstable / app')!;
  assert.equal(burstable.peak, '512Mi');
  assert.ok(burstable.kills.length > 0);
  const heights = new Set(burstable.points.split(' ').map((p) => p.split(',')[1]));
  assert.ok(heights.size > 1, `the line is not flat: ${burstable.points.slice(0, 80)}`);
  assert.ok(heights.has(String(burstable.limit!.y)), 'a point reaches the limit line');
});

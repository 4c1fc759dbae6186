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

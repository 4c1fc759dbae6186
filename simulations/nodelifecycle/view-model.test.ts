// The view model: one lane per node, Ready bands that cover the run, markers at the taint times.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseManifests } from '../shared/yaml.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { engine } from './engine.ts';
import { buildView } from './view-model.ts';

describe('nodes view model', () => {
  const yaml = readFileSync(new URL('./fixtures/partition.yaml', import.meta.url), 'utf8');
  const { result } = engine.run(parseManifests(yaml), { budget: DEFAULT_BUDGET, detail: true });
  const view = buildView(result);
  it('draws one lane per node, each band starting where the previous ends', () => {
    assert.deepEqual(view.timeline.rows.map((r) => r.name), ['worker-1', 'worker-2', 'worker-3']);
    const w2 = view.timeline.rows[1];
    assert.deepEqual(w2.segments.map((s) => s.cls), ['nl-ready', 'nl-unknown']);
    assert.equal(w2.segments[0].x + w2.segments[0].w, w2.segments[1].x);
    assert.equal(w2.segments[1].x + w2.segments[1].w, view.timeline.width - 10);
  });
  it('marks the NoSchedule (S) and NoExecute (E) taints and the deletions (×) on the lost node only', () => {
    const labels = (i: number) => view.timeline.rows[i].markers.map((m) => m.label).sort();
    assert.deepEqual(labels(0), []);
    assert.deepEqual(labels(1), ['E', 'S', '×', '×']);
    assert.match(view.timeline.rows[1].markers.find((m) => m.label === 'E')!.title.en, /^80s: taint node.kubernetes.io\/unreachable:NoExecute$/);
  });
  it('has the heartbeats of the lost node stop at 20 s', () => {
    const xs = view.timeline.rows[1].heartbeats.map((h) => h.x);
    assert.equal(xs.length, 3);
  });
});

// The storage partial's view model: every candidate's reason has words in both languages, and
// the timeline's lanes stay inside the SVG.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { parseManifests } from '../shared/yaml.ts';
import { engine } from './engine.ts';
import { buildView, REASON_TEXT } from './view-model.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

test('every reason the matcher can give has an English and a Chinese text', () => {
  for (const [reason, text] of Object.entries(REASON_TEXT)) {
    assert.ok(text.en.length > 0 && text.zh.length > 0, reason);
    assert.match(text.zh, /[\u4e00-\u9fff]/, reason);
  }
});

test('the view of the StatefulSet fixture: bindings, snapshots and timeline lanes inside the SVG', () => {
  const out = engine.run(parseManifests(fixture('statefulset-zones.yaml')), { budget: DEFAULT_BUDGET, detail: false });
  const v = buildView(out);
  assert.equal(v.bindings.length, 3);
  assert.ok(v.snapshots.at(-1)!.end);
  for (const lane of v.timeline.lanes) {
    assert.ok(lane.y + 14 <= v.timeline.height, lane.label);
    for (const s of lane.segments) assert.ok(s.x >= 0 && s.x + s.width <= v.timeline.width + 1, `${lane.label} ${s.phase}`);
  }
  assert.ok(v.timeline.rows.some((r) => r.object === 'Pod default/db-0' && r.changes.includes('Pending')));
});

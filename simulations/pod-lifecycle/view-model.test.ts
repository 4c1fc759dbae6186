// The view model: coordinates inside the SVG, one lane per container, slider items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { simulatePod } from './simulate.ts';
import { buildView, describeAt, WIDTH } from './view-model.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

for (const name of ['init-and-sidecar.yaml', 'liveness.yaml', 'graceful-delete.yaml', 'image-pull-backoff.yaml', 'job-never.yaml']) {
  test(`the view of ${name} stays inside the SVG and has a lane per container`, () => {
    const out = simulatePod(fixture(name));
    const view = buildView(out);
    assert.equal(view.lanes.length, out.result.containers.length);
    for (const band of [...view.bands, ...view.lanes, ...view.readiness]) {
      for (const s of band.segments) {
        assert.ok(Number.isFinite(s.x) && Number.isFinite(s.width), 'finite');
        assert.ok(s.x >= view.left - 0.1 && s.x + s.width <= view.plotRight + 0.1, `segment ${s.x}+${s.width} inside`);
      }
    }
    for (const m of view.restarts) assert.ok(m.x >= view.left && m.x <= WIDTH);
    assert.ok(view.slider.length > 0);
    assert.ok(view.watch.startsWith('NAME'));
  });
}

test('the slider shows kubectl get for each moment, and kubectl describe on demand', () => {
  const output = simulatePod(fixture('liveness.yaml'));
  const view = buildView(output);
  const item = view.slider.find((s) => s.getPods.includes('CrashLoopBackOff'));
  assert.ok(item?.describeKey, 'a moment in CrashLoopBackOff');
  const detail = describeAt(output, item.describeKey);
  assert.match(detail?.title ?? '', new RegExp(`^kubectl describe pod hang at t = ${item.label}$`));
  assert.match(detail?.text ?? '', /Reason:\s+CrashLoopBackOff/);
  assert.match(detail?.text ?? '', /Liveness probe failed/);
  for (const bad of ['describe-9999', 'describe--1', 'describe-', 'get-0', '__proto__']) assert.equal(describeAt(output, bad), undefined, bad);
});

test('a deleted Pod has no describe at the moments after its deletion', () => {
  const output = simulatePod(fixture('graceful-delete.yaml'));
  const view = buildView(output);
  for (const item of view.slider) {
    assert.equal(item.describeKey === null, item.deleted);
    if (item.describeKey) assert.ok(describeAt(output, item.describeKey)?.text.startsWith('Name:'));
  }
});

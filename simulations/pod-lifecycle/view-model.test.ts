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

// Issue 13, point 7: the lesson's crash-loop cell (10 minutes, observeAtSeconds [45], restarts
// at 7, 22, 47, 92, 177, 342 s) as the learner meets it.
const crashLoop = () => {
  const lesson = readFileSync(new URL('../../content/03-pod-lifecycle/en.md', import.meta.url), 'utf8');
  return /```sim pod-lifecycle id=crash-loop\n([\s\S]*?)```/.exec(lesson)![1];
};

test('the moment a question asks about is on the slider (between two writes), marked, and where the slider starts', () => {
  const output = simulatePod(crashLoop());
  assert.deepEqual(output.result.observeAtSeconds, [45]);
  const view = buildView(output);
  const at45 = view.slider.findIndex((s) => s.t === 45);
  assert.ok(at45 > 0, 'a snapshot at 45 s, though no status write happens then');
  assert.equal(view.slider[at45].asked, true);
  assert.equal(view.sliderStart, at45);
  assert.match(view.slider[at45].getPods, /crash\s+0\/1\s+CrashLoopBackOff/);
  assert.deepEqual(view.asked.map((a) => a.label), ['45s']);
  assert.equal(view.asked[0].x, view.slider[at45].x);
  // Every slider moment knows where it is on the chart, in order.
  for (let i = 1; i < view.slider.length; i++) assert.ok(view.slider[i].x >= view.slider[i - 1].x);
});

test('a long crash loop gets a logarithmic time axis: the first restarts take a readable share of the width', () => {
  const view = buildView(simulatePod(crashLoop()));
  assert.equal(view.axis, 'log');
  const width = view.plotRight - view.left;
  // Restarts at 7, 22 and 47 s of a 600 s run: a linear axis puts all three in the first 8% of the width.
  const third = view.restarts[2];
  assert.ok((third.x - view.left) / width > 0.35, `the 3rd restart at ${third.x} is past a third of the width`);
  assert.deepEqual(view.ticks.map((t) => t.label).slice(0, 4), ['0s', '5s', '10s', '20s']);
  assert.equal(view.ticks[view.ticks.length - 1].label, '10m');
  // A short run keeps the linear axis.
  assert.equal(buildView(simulatePod(fixture('liveness.yaml'))).axis, 'linear');
});

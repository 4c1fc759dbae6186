import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schedule } from './public-api.ts';
import { testNode, testPod } from './test-helpers.ts';
import { buildView, eventRows } from './view-model.ts';

function view(nodes = [testNode({ name: 'a', cpu: '1' }), testNode({ name: 'b', taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }), testNode({ name: 'c' })], pods = [testPod({ name: 'p', cpu: '500m' })]) {
  const result = schedule({ nodes, pods });
  return { result, view: buildView({ result, trace: [] }) };
}

test('matrix: plugins before the rejecting one pass, the rejecting one shows its reason, later ones did not run', () => {
  const { view: v } = view();
  const pod = v.pods[0];
  const cols = pod.filterColumns;
  const row = pod.matrix.find((r) => r.node === 'b')!;
  const taintIdx = cols.indexOf('TaintToleration');
  assert.equal(row.cells[cols.indexOf('NodeUnschedulable')].cls, 'pass');
  assert.equal(row.cells[taintIdx].cls, 'fail-hard');
  assert.match(row.cells[taintIdx].title, /untolerated taint \{k: v\}/);
  assert.equal(row.cells[cols.indexOf('NodeResourcesFit')].cls, 'na');
  assert.equal(row.cells[cols.indexOf('NodeAffinity')].cls, 'skip');
  assert.ok(cols.includes('Volume plugins'));
  assert.ok(!cols.includes('VolumeBinding'));
});

test('score table: one row per feasible node, the chosen one marked, bars proportional to normalized scores', () => {
  const { result, view: v } = view();
  const pod = v.pods[0];
  assert.deepEqual(pod.scores.map((r) => r.node).sort(), ['a', 'c']);
  const chosen = pod.scores.find((r) => r.cls === 'chosen')!;
  assert.equal(chosen.node, result.pods[0].node);
  for (const r of pod.scores) for (const c of r.cells) assert.equal(c.bar, Math.round((c.normalized / 100) * 80));
});

test('events: LAST SEEN counts from the end of the run, like kubectl get events', () => {
  const rows = eventRows([
    { type: 'Warning', reason: 'FailedScheduling', object: 'pod/a', namespace: 'default', message: 'm', source: 'default-scheduler', count: 2, at: 0 },
    { type: 'Normal', reason: 'Scheduled', object: 'pod/a', namespace: 'default', message: 'm', source: 'default-scheduler', count: 1, at: 1000 },
  ]);
  assert.deepEqual(rows.map((r) => [r.lastSeen, r.count]), [['2s', '×2'], ['1s', '']]);
});

test('cluster picture: a box per node with request bars; over-committed nodes get the "over" class', () => {
  const { view: v } = view([testNode({ name: 'a', cpu: '1' })], [testPod({ name: 'x', node: 'a', cpu: '2' })]);
  const box = v.picture.nodes[0];
  assert.equal(box.cpu.cls, 'over');
  assert.equal(box.cpu.fill, box.cpu.width);
  assert.equal(box.pods[0].label, 'x');
});

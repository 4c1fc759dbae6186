// Scheduling profiles through schedule(): the profile a Pod's spec.schedulerName names decides its plugins,
// their args and weights, its sampling and its events' "From".
// src: pkg/scheduler/scheduler.go (frameworkForPod), pkg/scheduler/profile/profile.go (newProfile),
//      pkg/scheduler/schedule_one.go (numFeasibleNodesToFind: the profile's percentageOfNodesToScore when set,
//      else the global one; 0 means adaptive: 50% − 1% per 125 nodes, at least 5%, at least 100 nodes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../shared/yaml.ts';
import { schedule } from './public-api.ts';
import { testNode, testPod } from './test-helpers.ts';

const cfg = (extra: JsonObject): JsonObject => ({ apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', ...extra });
const byName = (r: ReturnType<typeof schedule>, name: string) => r.pods.find((p) => p.name === name)!;
const nodesNamed = (n: number) => Array.from({ length: n }, (_, i) => testNode({ name: `n${String(i).padStart(3, '0')}` }));

test('a Pod naming the second profile is scheduled with that profile: MostAllocated packs it where the default profile spreads', () => {
  const config = cfg({
    profiles: [
      { schedulerName: 'default-scheduler' },
      {
        schedulerName: 'bin-packer',
        plugins: { score: { disabled: [{ name: 'NodeResourcesBalancedAllocation' }] } },
        pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'MostAllocated' } } }],
      },
    ],
  });
  const nodes = [testNode({ name: 'empty', cpu: '4', memory: '8Gi' }), testNode({ name: 'busy', cpu: '4', memory: '8Gi' })];
  const pods = [
    testPod({ name: 'running', node: 'busy', cpu: '2' }),
    testPod({ name: 'spread', cpu: '500m' }),
    testPod({ name: 'packed', cpu: '500m', extra: { schedulerName: 'bin-packer' } }),
  ];
  const r = schedule({ nodes, pods, config });
  assert.equal(byName(r, 'spread').node, 'empty');
  assert.equal(byName(r, 'packed').node, 'busy');
  // The second profile's own plugin set: BalancedAllocation is disabled there, not in the default profile.
  assert.ok(byName(r, 'spread').scorePlugins!.some((p) => p.name === 'NodeResourcesBalancedAllocation'));
  assert.ok(!byName(r, 'packed').scorePlugins!.some((p) => p.name === 'NodeResourcesBalancedAllocation'));
  // MostAllocated: busy (2.5 of 4 cpu) outscores empty (1 of 4 cpu after "spread" landed there).
  assert.ok(byName(r, 'packed').nodes.busy.scores!.NodeResourcesFit.raw > byName(r, 'packed').nodes.empty.scores!.NodeResourcesFit.raw);
});

test("each profile's events report as its schedulerName (kubectl's From column)", () => {
  const config = cfg({ profiles: [{ schedulerName: 'default-scheduler' }, { schedulerName: 'bin-packer' }] });
  const r = schedule({
    nodes: [testNode({ name: 'n', cpu: '1' })],
    pods: [testPod({ name: 'a' }), testPod({ name: 'b', cpu: '2', extra: { schedulerName: 'bin-packer' } })],
    config,
  });
  const from = Object.fromEntries(r.events.map((e) => [`${e.reason} ${e.object}`, e.source]));
  assert.deepEqual(from, { 'Scheduled pod/a': 'default-scheduler', 'FailedScheduling pod/b': 'bin-packer' });
});

test('a victim\'s Preempted event comes from the preemptor\'s profile', () => {
  const config = cfg({ profiles: [{ schedulerName: 'default-scheduler' }, { schedulerName: 'urgent-scheduler' }] });
  const r = schedule({
    nodes: [testNode({ name: 'n', cpu: '1' })],
    pods: [testPod({ name: 'batch', node: 'n', cpu: '800m' }), testPod({ name: 'urgent', cpu: '800m', priority: 1000, extra: { schedulerName: 'urgent-scheduler' } })],
    config,
  });
  assert.equal(byName(r, 'urgent').node, 'n');
  assert.deepEqual(
    r.events.map((e) => [e.reason, e.object, e.source]),
    [
      ['Preempted', 'pod/batch', 'urgent-scheduler'],
      ['FailedScheduling', 'pod/urgent', 'urgent-scheduler'],
      ['Scheduled', 'pod/urgent', 'urgent-scheduler'],
    ],
  );
});

test('a profile that disables SchedulingGates schedules a gated Pod; the default profile holds it back', () => {
  const config = cfg({ profiles: [{ schedulerName: 'default-scheduler' }, { schedulerName: 'ungated', plugins: { preEnqueue: { disabled: [{ name: 'SchedulingGates' }] } } }] });
  const gates = { schedulingGates: [{ name: 'example.com/wait' }] };
  const r = schedule({
    nodes: [testNode({ name: 'n' })],
    pods: [testPod({ name: 'held', extra: gates }), testPod({ name: 'let-through', extra: { ...gates, schedulerName: 'ungated' } })],
    config,
  });
  assert.equal(byName(r, 'held').outcome, 'SchedulingGated');
  assert.equal(byName(r, 'let-through').node, 'n');
});

test("a profile's percentageOfNodesToScore overrides the global one; a profile's explicit 0 means adaptive", () => {
  const config = cfg({
    percentageOfNodesToScore: 100,
    profiles: [
      { schedulerName: 'default-scheduler' },
      { schedulerName: 'half', percentageOfNodesToScore: 50 },
      { schedulerName: 'adaptive', percentageOfNodesToScore: 0 },
    ],
  });
  const pods = [testPod({ name: 'global' }), testPod({ name: 'half', extra: { schedulerName: 'half' } }), testPod({ name: 'adaptive', extra: { schedulerName: 'adaptive' } })];
  const r = schedule({ nodes: nodesNamed(300), pods, config });
  // 300 nodes: global 100% → 300; the profile's 50% → 150; the profile's 0 → adaptive 50 − 300/125 = 48% → 144.
  assert.deepEqual(
    r.pods.map((p) => [p.name, p.nodesToFind, p.evaluatedNodes]),
    [
      ['global', 300, 300],
      ['half', 150, 150],
      ['adaptive', 144, 144],
    ],
  );
});

test('adaptive sampling with no configuration: 300 nodes → look for 144 feasible, score only those, start the next Pod after them', () => {
  const r = schedule({ nodes: nodesNamed(300), pods: [testPod({ name: 'a' }), testPod({ name: 'b' })] });
  const a = byName(r, 'a');
  const b = byName(r, 'b');
  assert.equal(a.nodesToFind, 144);
  assert.equal(a.evaluatedNodes, 144);
  assert.equal(a.feasibleNodes, 144);
  const evaluated = Object.entries(a.nodes).filter(([, d]) => d.evaluated);
  assert.equal(evaluated.length, 144);
  assert.equal(evaluated[0][0], 'n000');
  assert.equal(evaluated[143][0], 'n143');
  assert.equal(Object.values(a.nodes).filter((d) => d.total !== undefined).length, 144);
  assert.equal(a.nodes.n144.evaluated, false);
  // The round-robin start index: the next Pod begins where the last one stopped (nextStartNodeIndex).
  assert.equal(b.startIndex, 144);
  assert.equal(b.nodes.n144.evaluated, true);
  assert.equal(b.nodes.n000.evaluated, false);
});

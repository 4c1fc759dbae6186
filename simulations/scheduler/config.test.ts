import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/yaml.ts';
import { readSchedulerConfig } from './config.ts';

const cfg = (profile: JsonObject, extra: JsonObject = {}): JsonObject => ({ apiVersion: 'kubescheduler.config.k8s.io/v1', kind: 'KubeSchedulerConfiguration', profiles: [profile], ...extra });

test('the default profile: filters in upstream order and the score weights of default_plugins.go', () => {
  const p = readSchedulerConfig(null).profiles[0];
  assert.deepEqual(p.points.filter.map((x) => x.name), [
    'NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit',
    'VolumeRestrictions', 'EBSLimits', 'GCEPDLimits', 'NodeVolumeLimits', 'AzureDiskLimits', 'VolumeBinding', 'VolumeZone',
    'PodTopologySpread', 'InterPodAffinity',
  ]);
  assert.deepEqual(p.points.score.map((x) => `${x.name}:${x.weight}`), [
    'TaintToleration:3', 'NodeAffinity:2', 'NodeResourcesFit:1', 'PodTopologySpread:2', 'InterPodAffinity:2', 'NodeResourcesBalancedAllocation:1', 'ImageLocality:1',
  ]);
  assert.deepEqual(p.points.postFilter.map((x) => x.name), ['DefaultPreemption']);
});

test('re-enabling a default score plugin with a new weight keeps it and changes only its weight', () => {
  const p = readSchedulerConfig(cfg({ plugins: { score: { enabled: [{ name: 'NodeResourcesFit', weight: 5 }] } } })).profiles[0];
  assert.equal(p.points.score.find((x) => x.name === 'NodeResourcesFit')?.weight, 5);
  assert.equal(p.points.score.length, 7);
});

test('disabling "*" at score leaves only the plugins enabled there', () => {
  const p = readSchedulerConfig(cfg({ plugins: { score: { disabled: [{ name: '*' }], enabled: [{ name: 'ImageLocality' }] } } })).profiles[0];
  assert.deepEqual(p.points.score.map((x) => `${x.name}:${x.weight}`), ['ImageLocality:1']);
  assert.equal(p.points.filter.length, 15);
});

test('disabling a plugin at multiPoint removes it from every extension point', () => {
  const p = readSchedulerConfig(cfg({ plugins: { multiPoint: { disabled: [{ name: 'TaintToleration' }] } } })).profiles[0];
  assert.equal(p.points.filter.some((x) => x.name === 'TaintToleration'), false);
  assert.equal(p.points.score.some((x) => x.name === 'TaintToleration'), false);
});

const errors = [
  { name: 'an unknown plugin name', config: cfg({ plugins: { filter: { enabled: [{ name: 'NodeFoo' }] } } }), path: 'profiles[0].plugins.filter.enabled[0].name', message: /plugin "NodeFoo" does not exist/ },
  { name: 'a plugin enabled at a point it does not implement', config: cfg({ plugins: { score: { enabled: [{ name: 'NodePorts' }] } } }), path: 'profiles[0].plugins.score.enabled[0].name', message: /does not extend score plugin/ },
  { name: 'a resource weight above 100', config: cfg({ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'MostAllocated', resources: [{ name: 'cpu', weight: 101 }] } } }] }), path: 'profiles[0].pluginConfig[0].args.scoringStrategy.resources[0].weight', message: /not in valid range \[1, 100\]/ },
  { name: 'an unknown scoring strategy', config: cfg({ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'Random' } } }] }), path: 'profiles[0].pluginConfig[0].args.scoringStrategy.type', message: /Unsupported value: "Random"/ },
  { name: 'percentageOfNodesToScore above 100', config: cfg({}, { percentageOfNodesToScore: 101 }), path: 'percentageOfNodesToScore', message: /not in valid range \[0-100\]/ },
  { name: 'System defaulting with default constraints', config: cfg({ pluginConfig: [{ name: 'PodTopologySpread', args: { defaultingType: 'System', defaultConstraints: [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'ScheduleAnyway' }] } }] }), path: 'profiles[0].pluginConfig[0].args.defaultingType', message: /defaultConstraints must be empty/ },
];
for (const c of errors) {
  test(`a KubeSchedulerConfiguration with ${c.name} is a ValidationError at ${c.path}`, () => {
    assert.throws(
      () => readSchedulerConfig(c.config),
      (e: unknown) => e instanceof ValidationError && e.message.startsWith(`${c.path}: `) && c.message.test(e.message),
    );
  });
}

test('a resource weight of 0 becomes 1 (v1 defaulting)', () => {
  const p = readSchedulerConfig(cfg({ pluginConfig: [{ name: 'NodeResourcesFit', args: { scoringStrategy: { type: 'LeastAllocated', resources: [{ name: 'cpu', weight: 0 }] } } }] })).profiles[0];
  assert.deepEqual(p.args.NodeResourcesFit.scoringStrategy.resources, [{ name: 'cpu', weight: 1 }]);
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clusterOf, podInfo, testNode, testPod } from '../test-helpers.ts';
import { nodeAffinity } from './node-affinity.ts';
import type { JsonObject } from '../../shared/yaml.ts';

const plugin = nodeAffinity();
const required = (...terms: JsonObject[]): JsonObject => ({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } });
const nameIn = (...values: string[]) => ({ matchFields: [{ key: 'metadata.name', operator: 'In', values }] });

test('PreFilter turns metadata.name In [...] in every term into the union of the per-term node sets', () => {
  // The API server allows one value per matchFields requirement; the scheduler's logic takes any number.
  const cluster = clusterOf([testNode({ name: 'a' })]);
  const out = plugin.preFilter!({}, podInfo(testPod({ affinity: required(nameIn('a', 'b'), nameIn('c')) }), 0), cluster);
  assert.deepEqual([...(out?.nodeNames ?? [])].sort(), ['a', 'b', 'c']);
});

test('PreFilter returns no node set when one term has no metadata.name field (terms are ORed)', () => {
  const cluster = clusterOf([testNode({ name: 'a' })]);
  const out = plugin.preFilter!({}, podInfo(testPod({ affinity: required(nameIn('a'), { matchExpressions: [{ key: 'zone', operator: 'Exists' }] }) })), cluster);
  assert.equal(out, null);
});

test('PreFilter skips a Pod with neither nodeSelector nor required node affinity', () => {
  const cluster = clusterOf([testNode({ name: 'a' })]);
  assert.equal(plugin.preFilter!({}, podInfo(testPod()), cluster)?.status?.code, 'Skip');
  assert.equal(plugin.preFilter!({}, podInfo(testPod({ nodeSelector: { disk: 'ssd' } })), cluster), null);
});

test('Gt compares integers: a label that is not an integer never matches', () => {
  const cluster = clusterOf([testNode({ name: 'a', labels: { gen: 'v5' } }), testNode({ name: 'b', labels: { gen: '5' } })]);
  const pod = podInfo(testPod({ affinity: required({ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['4'] }] }) }));
  assert.equal(plugin.filter!({}, pod, cluster.byName.get('a')!, cluster)?.code, 'UnschedulableAndUnresolvable');
  assert.equal(plugin.filter!({}, pod, cluster.byName.get('b')!, cluster), null);
});

test('PreScore skips a Pod without preferred node affinity; Score sums the weights of matching terms', () => {
  const cluster = clusterOf([testNode({ name: 'a', labels: { zone: 'z1', disk: 'ssd' } })]);
  assert.equal(plugin.preScore!({}, podInfo(testPod()), cluster.nodes, cluster)?.code, 'Skip');
  const pod = podInfo(
    testPod({
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 30, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1'] }] } },
            { weight: 20, preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] } },
            { weight: 50, preference: { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] } },
          ],
        },
      },
    }),
  );
  assert.equal(plugin.preScore!({}, pod, cluster.nodes, cluster), null);
  assert.equal(plugin.score!({}, pod, cluster.nodes[0], cluster), 50);
});

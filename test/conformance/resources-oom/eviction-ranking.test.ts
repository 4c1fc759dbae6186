// Transcribed from upstream: pkg/kubelet/eviction/helpers_test.go
//   TestOrderedByExceedsRequestMemory, TestOrderedByPriority, TestOrderedByMemory,
//   TestOrderedByPriorityMemory (newPod / newContainer / newResourceList /
//   newPodMemoryStats builders; lowPriority = -1, defaultPriority = 0, highPriority = 1).
// The upstream tests start from a given input order and sort with orderedBy(...);
// we feed the same input order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exceedMemoryRequests, memory, orderedBy, priority, rankMemoryPressure } from '../../../simulations/kubelet/eviction.ts';
import type { MemoryStatsEntry } from '../../../simulations/kubelet/eviction.ts';
import type { PodLike } from '../../../simulations/apiserver/pod-qos.ts';

const HELPERS_TEST = 'pkg/kubelet/eviction/helpers_test.go';
const lowPriority = -1;
const defaultPriority = 0;
const highPriority = 1;

/** newResourceList(cpu, memory, disk) */
function rl(cpu: string, mem: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (cpu) out.cpu = cpu;
  if (mem) out.memory = mem;
  return out;
}
/** newPod(name, priority, containers) with one container of the same name */
function newPod(name: string, prio: number, requests: Record<string, string>, limits: Record<string, string>): PodLike & { metadata: { name: string } } {
  return { metadata: { name }, spec: { priority: prio, containers: [{ name, resources: { requests, limits } }] } };
}
const names = (entries: MemoryStatsEntry[]) => entries.map((e) => (e.pod.metadata as { name: string }).name);

test(`[${HELPERS_TEST} TestOrderedByExceedsRequestMemory] a Pod above its request sorts before one below`, () => {
  const below = newPod('below-requests', -1, rl('', '200Mi'), rl('', ''));
  const exceeds = newPod('exceeds-requests', 1, rl('', '100Mi'), rl('', ''));
  const sorted = orderedBy(exceedMemoryRequests)([
    { pod: below, memoryWorkingSet: '199Mi' },
    { pod: exceeds, memoryWorkingSet: '101Mi' },
  ]);
  assert.deepEqual(names(sorted), ['exceeds-requests', 'below-requests']);
});

test(`[${HELPERS_TEST} TestOrderedByPriority] lower priority sorts first`, () => {
  const low = newPod('low-priority', -134, rl('', ''), rl('', ''));
  const medium = newPod('medium-priority', 1, rl('100m', '100Mi'), rl('200m', '200Mi'));
  const high = newPod('high-priority', 12534, rl('200m', '200Mi'), rl('200m', '200Mi'));
  const sorted = orderedBy(priority)([{ pod: high }, { pod: medium }, { pod: low }]);
  assert.deepEqual(names(sorted), ['low-priority', 'medium-priority', 'high-priority']);
});

test(`[${HELPERS_TEST} TestOrderedByMemory] the greediest consumer relative to its request sorts first`, () => {
  const pods = [
    { pod: newPod('best-effort-high', defaultPriority, rl('', ''), rl('', '')), memoryWorkingSet: '500Mi' },
    { pod: newPod('best-effort-low', defaultPriority, rl('', ''), rl('', '')), memoryWorkingSet: '300Mi' },
    { pod: newPod('burstable-high', defaultPriority, rl('', '100Mi'), rl('', '1Gi')), memoryWorkingSet: '800Mi' },
    { pod: newPod('burstable-low', defaultPriority, rl('', '100Mi'), rl('', '1Gi')), memoryWorkingSet: '300Mi' },
    { pod: newPod('guaranteed-high', defaultPriority, rl('', '1Gi'), rl('', '1Gi')), memoryWorkingSet: '800Mi' },
    { pod: newPod('guaranteed-low', defaultPriority, rl('', '1Gi'), rl('', '1Gi')), memoryWorkingSet: '200Mi' },
  ];
  assert.deepEqual(names(orderedBy(memory)(pods)), ['burstable-high', 'best-effort-high', 'best-effort-low', 'burstable-low', 'guaranteed-high', 'guaranteed-low']);
});

test(`[${HELPERS_TEST} TestOrderedByPriorityMemory] exceeds-requests, then priority, then usage above request`, () => {
  const pod1 = { pod: newPod('above-requests-low-priority-high-usage', lowPriority, rl('', ''), rl('', '')), memoryWorkingSet: '500Mi' };
  const pod2 = { pod: newPod('above-requests-low-priority-low-usage', lowPriority, rl('', ''), rl('', '')), memoryWorkingSet: '50Mi' };
  const pod3 = { pod: newPod('above-requests-high-priority-high-usage', highPriority, rl('', '100Mi'), rl('', '')), memoryWorkingSet: '600Mi' };
  const pod4 = { pod: newPod('above-requests-high-priority-low-usage', highPriority, rl('', '100Mi'), rl('', '')), memoryWorkingSet: '150Mi' };
  const pod5 = { pod: newPod('below-requests-low-priority-high-usage', lowPriority, rl('', '1Gi'), rl('', '')), memoryWorkingSet: '800Mi' };
  const pod6 = { pod: newPod('below-requests-low-priority-low-usage', lowPriority, rl('', '1Gi'), rl('', '')), memoryWorkingSet: '200Mi' };
  const pod7 = { pod: newPod('below-requests-high-priority-high-usage', highPriority, rl('', '1Gi'), rl('', '')), memoryWorkingSet: '800Mi' };
  const pod8 = { pod: newPod('below-requests-high-priority-low-usage', highPriority, rl('', '1Gi'), rl('', '')), memoryWorkingSet: '200Mi' };
  const input = [pod8, pod7, pod6, pod5, pod4, pod3, pod2, pod1];
  const expected = [pod1, pod2, pod3, pod4, pod5, pod6, pod7, pod8];
  assert.deepEqual(names(rankMemoryPressure(input)), names(expected));
  // rankMemoryPressure is exactly orderedBy(exceedMemoryRequests, priority, memory).
  assert.deepEqual(names(orderedBy(exceedMemoryRequests, priority, memory)(input)), names(expected));
});

test(`[${HELPERS_TEST} exceedMemoryRequests/memory] a Pod with no stats sorts first ("prioritize evicting the pod for which no stats were found")`, () => {
  const withStats = { pod: newPod('with-stats', defaultPriority, rl('', ''), rl('', '')), memoryWorkingSet: '1Gi' };
  const noStats = { pod: newPod('no-stats', defaultPriority, rl('', '1Gi'), rl('', '1Gi')) };
  assert.deepEqual(names(rankMemoryPressure([withStats, noStats])), ['no-stats', 'with-stats']);
});

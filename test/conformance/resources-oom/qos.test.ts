// Transcribed from upstream: pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS
// (every case with the PodLevelResources gate off; the five gated cases are left out
// because 1.33 ships that gate off and our engine does not model spec.resources).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computePodQOS, getPodQOS } from '../../../simulations/apiserver/pod-qos.ts';
import type { PodLike } from '../../../simulations/apiserver/pod-qos.ts';

const UPSTREAM = 'pkg/apis/core/v1/helper/qos/qos_test.go TestComputePodQOS';

/** getResourceList(cpu, memory): empty strings leave the resource out. */
function rl(cpu: string, memory: string, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...extra };
  if (cpu !== '') out.cpu = cpu;
  if (memory !== '') out.memory = memory;
  return out;
}
const container = (name: string, requests: Record<string, string>, limits: Record<string, string>) => ({ name, resources: { requests, limits } });
const pod = (name: string, containers: ReturnType<typeof container>[], initContainers: ReturnType<typeof container>[] = []): PodLike => ({
  metadata: { name },
  spec: { containers, initContainers },
});

const cases: { upstream: string; name: string; pod: PodLike; expected: string }[] = [
  { upstream: UPSTREAM, name: 'guaranteed', pod: pod('guaranteed', [container('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))]), expected: 'Guaranteed' },
  {
    upstream: UPSTREAM, name: 'guaranteed-guaranteed',
    pod: pod('guaranteed-guaranteed', [container('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi')), container('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))]),
    expected: 'Guaranteed',
  },
  { upstream: UPSTREAM, name: 'best-effort-best-effort', pod: pod('best-effort-best-effort', [container('best-effort', rl('', ''), rl('', '')), container('best-effort', rl('', ''), rl('', ''))]), expected: 'BestEffort' },
  { upstream: UPSTREAM, name: 'best-effort', pod: pod('best-effort', [container('best-effort', rl('', ''), rl('', ''))]), expected: 'BestEffort' },
  { upstream: UPSTREAM, name: 'best-effort-burstable', pod: pod('best-effort-burstable', [container('best-effort', rl('', ''), rl('', '')), container('burstable', rl('1', ''), rl('2', ''))]), expected: 'Burstable' },
  {
    upstream: UPSTREAM, name: 'best-effort-guaranteed',
    pod: pod('best-effort-guaranteed', [container('best-effort', rl('', ''), rl('', '')), container('guaranteed', rl('10m', '100Mi'), rl('10m', '100Mi'))]),
    expected: 'Burstable',
  },
  { upstream: UPSTREAM, name: 'burstable-cpu-guaranteed-memory', pod: pod('burstable-cpu-guaranteed-memory', [container('burstable', rl('', '100Mi'), rl('', '100Mi'))]), expected: 'Burstable' },
  { upstream: UPSTREAM, name: 'burstable-no-limits', pod: pod('burstable-no-limits', [container('burstable', rl('100m', '100Mi'), rl('', ''))]), expected: 'Burstable' },
  {
    upstream: UPSTREAM, name: 'burstable-guaranteed',
    pod: pod('burstable-guaranteed', [container('burstable', rl('1', '100Mi'), rl('2', '100Mi')), container('guaranteed', rl('100m', '100Mi'), rl('100m', '100Mi'))]),
    expected: 'Burstable',
  },
  {
    upstream: UPSTREAM, name: 'burstable-unbounded-but-requests-match-limits',
    pod: pod('burstable-unbounded-but-requests-match-limits', [container('burstable', rl('100m', '100Mi'), rl('200m', '200Mi')), container('burstable-unbounded', rl('100m', '100Mi'), rl('', ''))]),
    expected: 'Burstable',
  },
  { upstream: UPSTREAM, name: 'burstable-1', pod: pod('burstable-1', [container('burstable', rl('10m', '100Mi'), rl('100m', '200Mi'))]), expected: 'Burstable' },
  { upstream: UPSTREAM, name: 'burstable-2', pod: pod('burstable-2', [container('burstable', rl('0', '0'), rl('100m', '200Mi'))]), expected: 'Burstable' },
  {
    upstream: UPSTREAM, name: 'best-effort-hugepages',
    pod: pod('best-effort-hugepages', [container('best-effort', rl('0', '0', { 'hugepages-2Mi': '1Gi' }), rl('0', '0', { 'hugepages-2Mi': '1Gi' }))]),
    expected: 'BestEffort',
  },
  {
    upstream: UPSTREAM, name: 'init-container',
    pod: pod('init-container', [container('best-effort', rl('', ''), rl('', ''))], [container('burstable', rl('10m', '100Mi'), rl('100m', '200Mi'))]),
    expected: 'Burstable',
  },
];

for (const c of cases) {
  test(`[${c.upstream}] ${c.name} is ${c.expected}`, () => {
    assert.equal(computePodQOS(c.pod), c.expected);
    assert.equal(getPodQOS(c.pod), c.expected);
  });
}

test('[pkg/apis/core/v1/helper/qos/qos.go GetPodQOS] a persisted status.qosClass wins over the computed class', () => {
  const p: PodLike = { spec: { containers: [{ name: 'a' }] }, status: { qosClass: 'Guaranteed' } };
  assert.equal(getPodQOS(p), 'Guaranteed');
  assert.equal(computePodQOS(p), 'BestEffort');
});

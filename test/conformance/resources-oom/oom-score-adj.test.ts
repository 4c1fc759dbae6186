// Transcribed from upstream: pkg/kubelet/qos/policy_test.go TestGetContainerOOMScoreAdjust
// (every case with podLevelResourcesFeatureEnabled false). Upstream asserts a
// [low, high] range per container; so do we.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getContainerOOMScoreAdjust } from '../../../simulations/kubelet/oom-score-adj.ts';
import type { PodLike } from '../../../simulations/apiserver/pod-qos.ts';

const UPSTREAM = 'pkg/kubelet/qos/policy_test.go TestGetContainerOOMScoreAdjust';
const standardMemoryAmount = 8_000_000_000;

const c = (name: string, requests: Record<string, string> = {}, limits: Record<string, string> = {}, restartPolicy?: string) => ({
  name, ...(restartPolicy ? { restartPolicy } : {}), resources: { requests, limits },
});
const sampleDefaultMemRequest = String(standardMemoryAmount / 8);
const sampleDefaultMemLimit = String(1000 + standardMemoryAmount / 8);
const sampleContainer = c('main-1', { memory: sampleDefaultMemRequest }, { memory: sampleDefaultMemLimit });
const sampleInitContainer = c('init-container', { memory: sampleDefaultMemRequest }, { memory: sampleDefaultMemLimit });
const sampleSidecarContainer = c('sidecar-container', { memory: sampleDefaultMemRequest }, { memory: sampleDefaultMemLimit }, 'Always');
const sampleSmallSidecarContainer = c('sidecar-small-container', { memory: String(standardMemoryAmount / 20) }, { memory: sampleDefaultMemLimit }, 'Always');
const sampleBigSidecarContainer = c('sidecar-big-container', { memory: String(standardMemoryAmount / 2) }, { memory: sampleDefaultMemLimit }, 'Always');

type Range = [number, number];
const cases: { upstream: string; name: string; pod: PodLike; memoryCapacity: number; expected: Record<string, Range> }[] = [
  { upstream: UPSTREAM, name: 'cpu-limit', pod: { spec: { containers: [c('cpu-limit', {}, { cpu: '10' })] } }, memoryCapacity: 4_000_000_000, expected: { 'cpu-limit': [999, 999] } },
  {
    upstream: UPSTREAM, name: 'memory-limit-cpu-request',
    pod: { spec: { containers: [c('memory-limit-cpu-request', { cpu: '0' }, { memory: '10G' })] } }, memoryCapacity: 8_000_000_000,
    expected: { 'memory-limit-cpu-request': [999, 999] },
  },
  { upstream: UPSTREAM, name: 'zero-memory-limit', pod: { spec: { containers: [c('zero-memory-limit', {}, { memory: '0' })] } }, memoryCapacity: 7_230_457_451, expected: { 'zero-memory-limit': [1000, 1000] } },
  { upstream: UPSTREAM, name: 'no-request-limit', pod: { spec: { containers: [c('no-request-limit')] } }, memoryCapacity: 4_000_000_000, expected: { 'no-request-limit': [1000, 1000] } },
  {
    upstream: UPSTREAM, name: 'equal-request-limit-cpu-memory',
    pod: { spec: { containers: [c('equal-request-limit-cpu-memory', { memory: '10G', cpu: '5m' }, { cpu: '5m', memory: '10G' })] } }, memoryCapacity: 123_456_789,
    expected: { 'equal-request-limit-cpu-memory': [-997, -997] },
  },
  {
    upstream: UPSTREAM, name: 'cpu-unlimited-memory-limited-with-requests',
    pod: { spec: { containers: [c('cpu-unlimited-memory-limited-with-requests', { memory: String(standardMemoryAmount / 2), cpu: '5m' }, { memory: '10G' })] } },
    memoryCapacity: standardMemoryAmount, expected: { 'cpu-unlimited-memory-limited-with-requests': [495, 505] },
  },
  {
    upstream: UPSTREAM, name: 'request-no-limit',
    pod: { spec: { containers: [c('request-no-limit', { memory: String(standardMemoryAmount - 1), cpu: '5m' })] } }, memoryCapacity: standardMemoryAmount,
    expected: { 'request-no-limit': [3, 3] },
  },
  {
    upstream: UPSTREAM, name: 'cluster-critical',
    pod: { spec: { priorityClassName: 'system-cluster-critical', priority: 2_000_000_000, containers: [c('cluster-critical')] } }, memoryCapacity: 4_000_000_000,
    expected: { 'cluster-critical': [1000, 1000] },
  },
  {
    upstream: UPSTREAM, name: 'node-critical',
    pod: { spec: { priorityClassName: 'system-node-critical', priority: 2_000_001_000, containers: [c('node-critical')] } }, memoryCapacity: 4_000_000_000,
    expected: { 'node-critical': [-997, -997] },
  },
  {
    upstream: UPSTREAM, name: 'burstable-unique-container-pod',
    pod: { spec: { containers: [c('burstable-unique-container', { memory: sampleDefaultMemRequest }, { memory: sampleDefaultMemLimit })] } }, memoryCapacity: standardMemoryAmount,
    expected: { 'burstable-unique-container': [875, 880] },
  },
  {
    upstream: UPSTREAM, name: 'burstable-mixed-unique-main-container-pod',
    pod: { spec: { initContainers: [sampleInitContainer], containers: [sampleContainer] } }, memoryCapacity: standardMemoryAmount,
    expected: { 'init-container': [875, 880], 'main-1': [875, 880] },
  },
  {
    upstream: UPSTREAM, name: 'burstable-mixed-multi-container-small-sidecar-pod',
    pod: { spec: { initContainers: [sampleInitContainer, sampleSmallSidecarContainer], containers: [sampleContainer] } }, memoryCapacity: standardMemoryAmount,
    expected: { 'init-container': [875, 880], 'sidecar-small-container': [875, 875], 'main-1': [875, 875] },
  },
  {
    upstream: UPSTREAM, name: 'burstable-mixed-multi-container-sample-request-pod',
    pod: { spec: { initContainers: [sampleInitContainer, sampleSidecarContainer], containers: [sampleContainer] } }, memoryCapacity: standardMemoryAmount,
    expected: { 'init-container': [875, 880], 'sidecar-container': [875, 875], 'main-1': [875, 875] },
  },
  {
    upstream: UPSTREAM, name: 'burstable-mixed-multi-container-big-sidecar-container-pod',
    pod: { spec: { initContainers: [sampleInitContainer, sampleBigSidecarContainer], containers: [sampleContainer] } }, memoryCapacity: standardMemoryAmount,
    expected: { 'init-container': [875, 880], 'sidecar-big-container': [500, 500], 'main-1': [875, 875] },
  },
];

for (const tc of cases) {
  test(`[${tc.upstream}] ${tc.name}`, () => {
    for (const [container, [low, high]] of Object.entries(tc.expected)) {
      const got = getContainerOOMScoreAdjust(tc.pod, container, tc.memoryCapacity);
      assert.ok(got >= low && got <= high, `oom_score_adj ${container} should be between ${low} and ${high}, but was ${got}`);
    }
  });
}

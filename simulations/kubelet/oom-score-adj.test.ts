import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getContainerOOMScoreAdjust, isNodeCriticalPod } from './oom-score-adj.ts';

test('a Burstable score of exactly 1000 (tiny request) becomes 999, so BestEffort still dies first', () => {
  const pod = { spec: { containers: [{ name: 'a', resources: { requests: { memory: '1' } } }] } };
  assert.equal(getContainerOOMScoreAdjust(pod, 'a', 8_000_000_000), 999);
});

test('system-node-critical needs the critical priority too; the class name alone is not enough', () => {
  assert.equal(isNodeCriticalPod({ spec: { priorityClassName: 'system-node-critical' } }), false);
  assert.equal(isNodeCriticalPod({ spec: { priorityClassName: 'system-node-critical', priority: 2_000_001_000 } }), true);
});

test('asking for a container that is not in the Pod is a programming error', () => {
  assert.throws(() => getContainerOOMScoreAdjust({ spec: { containers: [] } }, 'x', 1), RangeError);
});

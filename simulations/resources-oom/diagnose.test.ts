import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnosePod } from './diagnose.ts';
import { describeCases } from '../../test/conformance/resources-oom/describe-pod-fixtures.ts';

const now = Date.UTC(2025, 0, 1, 12, 0, 0);
const cases = Object.fromEntries(describeCases(now).map((c) => [c.pod.metadata && (c.pod.metadata as { name: string }).name, c]));

test('an OOMKilled last state is diagnosed as OOMKilled on that container, with the limit, the exit code and the limit-related fixes', () => {
  const d = diagnosePod(cases.leaky.pod, cases.leaky.events);
  assert.equal(d.kind, 'OOMKilled');
  assert.equal(d.container, 'app');
  assert.equal(d.qosClass, 'Burstable');
  assert.match(d.summary, /limit of 256Mi/);
  assert.deepEqual(d.fixes.map((f) => f.id), ['raise-limit', 'fix-leak', 'read-logs', 'vpa', 'guaranteed']);
  assert.ok(d.steps.includes('kubectl logs leaky -n default -c app --previous'));
});

test('an evicted Pod is diagnosed as Evicted with the numbers from the kubelet message, not as an OOM kill', () => {
  const d = diagnosePod(cases['batch-7d9c8f-lq2vx'].pod, cases['batch-7d9c8f-lq2vx'].events);
  assert.equal(d.kind, 'Evicted');
  assert.deepEqual(d.eviction, { threshold: '100Mi', available: '91244Ki', containers: [{ name: 'batch', usage: '1843Mi', request: '256Mi' }] });
  assert.equal(d.fixes[0].id, 'set-requests');
});

test('a Pending Pod with PodScheduled=False is Unschedulable; a healthy one is Healthy', () => {
  assert.equal(diagnosePod(cases.big.pod).kind, 'Unschedulable');
  assert.equal(diagnosePod(cases['web-0'].pod).kind, 'Healthy');
});

test('the describe view of a diagnosis is computed at the latest timestamp found in the input, so it is deterministic', () => {
  const a = diagnosePod(cases.leaky.pod, cases.leaky.events);
  const b = diagnosePod(cases.leaky.pod, cases.leaky.events);
  assert.equal(a.describe, b.describe);
  assert.match(a.describe, /^Name:         leaky\n/);
});

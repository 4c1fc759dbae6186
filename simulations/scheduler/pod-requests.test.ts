import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../shared/errors.ts';
import type { JsonObject } from '../shared/yaml.ts';
import { podRequests } from './pod-requests.ts';

const pod = (containers: JsonObject[], initContainers: JsonObject[] = []): JsonObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers, initContainers } });

test('non-zero defaults: a container missing a cpu or memory request counts 100m / 200Mi; an explicit 0 stays 0', () => {
  // pkg/scheduler/util/pod_resources.go: DefaultMilliCPURequest = 100, DefaultMemoryRequest = 200 * 1024 * 1024
  assert.deepEqual(podRequests(pod([{ name: 'a' }]), { nonZero: true }), { cpu: 100, memory: 209715200 });
  assert.deepEqual(podRequests(pod([{ name: 'a', resources: { requests: { cpu: '0' } } }]), { nonZero: true }), { cpu: 0, memory: 209715200 });
  assert.deepEqual(podRequests(pod([{ name: 'a' }])), {});
});

test('limits without requests default the requests (API server defaulting)', () => {
  assert.deepEqual(podRequests(pod([{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' } } }])), { cpu: 1000, memory: 1073741824 });
});

test('cpu is summed exactly and rounded up to millicores once (Quantity.MilliValue)', () => {
  assert.deepEqual(podRequests(pod([{ name: 'a', resources: { requests: { cpu: '0.5m' } } }, { name: 'b', resources: { requests: { cpu: '0.5m' } } }])), { cpu: 1 });
});

test('an invalid quantity or a request above its limit is a ValidationError naming the field', () => {
  assert.throws(() => podRequests(pod([{ name: 'a', resources: { requests: { memory: '12Qi' } } }])), (e: unknown) => e instanceof ValidationError && e.message.startsWith("spec.containers[0].resources.requests.memory: '12Qi' is not a valid quantity"));
  assert.throws(() => podRequests(pod([{ name: 'a', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }])), /must be less than or equal to cpu limit of 1/);
});

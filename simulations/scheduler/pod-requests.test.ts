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

test('limits without requests default the requests (API server defaulting, SetDefaults_Pod)', () => {
  assert.deepEqual(podRequests(pod([{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' } } }])), { cpu: 1000, memory: 1073741824 });
});

test('a quantity finer than milli scale is rounded up by the API server\'s defaulting (SetDefaults_ResourceList: RoundUp(-3))', () => {
  // Two containers of 0.5m are stored as 1m each: the Pod requests 2m.
  assert.deepEqual(podRequests(pod([{ name: 'a', resources: { requests: { cpu: '0.5m' } } }, { name: 'b', resources: { requests: { cpu: '0.5m' } } }])), { cpu: 2 });
});

test('the sum is exact and rounded up once (Quantity.Value): two containers of half a byte request one byte', () => {
  // "0.5" bytes is 500m, already at milli scale: defaulting leaves it, the sum is 1000m = 1 byte.
  assert.deepEqual(podRequests(pod([{ name: 'a', resources: { requests: { memory: '0.5' } } }, { name: 'b', resources: { requests: { memory: '0.5' } } }])), { memory: 1 });
});

test('a quantity that does not parse is a ValidationError naming the field; a request above its limit is counted (refusing it is the API server\'s job)', () => {
  assert.throws(() => podRequests(pod([{ name: 'a', resources: { requests: { memory: '12Qi' } } }])), (e: unknown) => e instanceof ValidationError && e.message.startsWith("spec.containers[0].resources.requests.memory: '12Qi' is not a valid quantity"));
  assert.deepEqual(podRequests(pod([{ name: 'a', resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }])), { cpu: 2000 });
});

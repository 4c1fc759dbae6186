// Upstream: staging/src/k8s.io/component-helpers/resource/helpers_test.go TestPodRequestsAndLimits,
// TestPodRequestsAndLimitsWithoutOverhead, TestPodResourceRequests (requests only; the in-place resize
// cases read container statuses, which the scheduler simulation does not model).
// Quantities are compared in scheduler units: cpu in millicores, memory in bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { podRequests } from '../../../simulations/scheduler/public-api.ts';
import type { JsonObject } from '../../../simulations/shared/yaml.ts';

const FILE = 'staging/src/k8s.io/component-helpers/resource/helpers_test.go';
const c = (name: string, requests?: Record<string, string>, limits?: Record<string, string>, restartPolicy?: string): JsonObject => ({
  name,
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
  ...(restartPolicy ? { restartPolicy } : {}),
});
const podOf = (containers: JsonObject[], initContainers: JsonObject[] = [], overhead?: Record<string, string>): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'foo' },
  spec: { containers, initContainers, ...(overhead ? { overhead } : {}) },
});
const GiB = 1024 * 1024 * 1024;

/** getPod("foo", podResources{...}) of helpers_test.go: one container, optional overhead. */
const getPod = (r: { cpuRequest?: string; memoryRequest?: string; cpuLimit?: string; memoryLimit?: string; cpuOverhead?: string; memoryOverhead?: string }) => {
  const requests: Record<string, string> = {};
  const limits: Record<string, string> = {};
  if (r.cpuRequest) requests.cpu = r.cpuRequest;
  if (r.memoryRequest) requests.memory = r.memoryRequest;
  if (r.cpuLimit) limits.cpu = r.cpuLimit;
  if (r.memoryLimit) limits.memory = r.memoryLimit;
  const overhead: Record<string, string> = {};
  if (r.cpuOverhead) overhead.cpu = r.cpuOverhead;
  if (r.memoryOverhead) overhead.memory = r.memoryOverhead;
  // The API server defaults requests to limits; helpers_test.go builds Pods without that defaulting,
  // so limit-only cases are listed with the request the API server would have set.
  return podOf([c('foo', requests, limits)], [], Object.keys(overhead).length ? overhead : undefined);
};

const andLimits = [
  { name: 'just-overhead', pod: getPod({ cpuOverhead: '5', memoryOverhead: '5' }), want: { cpu: 5000, memory: 5 } },
  { name: 'req-and-overhead', pod: getPod({ cpuRequest: '1', memoryRequest: '10', cpuOverhead: '5', memoryOverhead: '5' }), want: { cpu: 6000, memory: 15 } },
  { name: 'all-req-lim-and-overhead', pod: getPod({ cpuRequest: '1', cpuLimit: '2', memoryRequest: '10', memoryLimit: '12', cpuOverhead: '5', memoryOverhead: '5' }), want: { cpu: 6000, memory: 15 } },
  { name: 'req-some-lim-and-overhead', pod: getPod({ cpuRequest: '1', cpuLimit: '2', memoryRequest: '10', cpuOverhead: '5', memoryOverhead: '5' }), want: { cpu: 6000, memory: 15 } },
];
for (const t of andLimits) test(`${FILE} TestPodRequestsAndLimits: ${t.name}`, () => assert.deepEqual(podRequests(t.pod), t.want));

const withoutOverhead = [
  { name: 'two container no overhead - should just be sum of containers', pod: podOf([c('foobar', { cpu: '1', memory: '5' }, { cpu: '2', memory: '10' }), c('foobar2', { cpu: '4', memory: '12' }, { cpu: '8', memory: '24' })]), want: { cpu: 5000, memory: 17 } },
  { name: "two container with overhead - shouldn't consider overhead", pod: podOf([c('foobar', { cpu: '1', memory: '5' }, { cpu: '2', memory: '10' }), c('foobar2', { cpu: '4', memory: '12' }, { cpu: '8', memory: '24' })], [], { cpu: '3', memory: '8' }), want: { cpu: 5000, memory: 17 } },
  {
    name: 'two container with overhead, massive init - should just be the largest init',
    pod: podOf(
      [c('foobar', { cpu: '1', memory: '5' }, { cpu: '2', memory: '10' }), c('foobar2', { cpu: '4', memory: '12' }, { cpu: '8', memory: '24' })],
      [c('small-init', { cpu: '1', memory: '5' }, { cpu: '1', memory: '5' }), c('big-init', { cpu: '40', memory: '120' }, { cpu: '80', memory: '240' })],
      { cpu: '3', memory: '8' },
    ),
    want: { cpu: 40000, memory: 120 },
  },
];
for (const t of withoutOverhead) test(`${FILE} TestPodRequestsAndLimitsWithoutOverhead: ${t.name}`, () => assert.deepEqual(podRequests(t.pod, { excludeOverhead: true }), t.want));

const always = 'Always';
const resourceRequests = [
  { name: 'nil options, larger init container', pod: podOf([c('c', { cpu: '1' })], [c('i', { cpu: '4' })]), want: { cpu: 4000 } },
  { name: 'nil options, larger containers', pod: podOf([c('c1', { cpu: '2' }), c('c2', { cpu: '3' })], [c('i', { cpu: '2' })]), want: { cpu: 5000 } },
  { name: 'pod overhead excluded', pod: podOf([c('c1', { cpu: '2' }), c('c2', { cpu: '3' })], [c('i', { cpu: '2' })], { cpu: '1' }), opts: { excludeOverhead: true }, want: { cpu: 5000 } },
  { name: 'pod overhead included', pod: podOf([c('c1', { cpu: '2' }), c('c2', { cpu: '3' })], [c('i', { cpu: '2' }, { cpu: '2' })], { cpu: '1', memory: '1Gi' }), want: { cpu: 6000, memory: GiB } },
  { name: 'restartable init container', pod: podOf([c('container-1', { cpu: '1' })], [c('restartable-init-1', { cpu: '1' }, undefined, always)]), want: { cpu: 2000 } },
  {
    name: 'multiple restartable init containers',
    pod: podOf([c('container-1', { cpu: '1' })], [c('init-1', { cpu: '5' }), c('restartable-init-1', { cpu: '1' }, undefined, always), c('restartable-init-2', { cpu: '2' }, undefined, always), c('restartable-init-3', { cpu: '3' }, undefined, always)]),
    want: { cpu: 7000 },
  },
  {
    name: 'multiple restartable and regular init containers',
    pod: podOf([c('container-1', { cpu: '1' })], [c('init-1', { cpu: '5' }), c('restartable-init-1', { cpu: '1' }, undefined, always), c('restartable-init-2', { cpu: '2' }, undefined, always), c('init-2', { cpu: '5' }), c('restartable-init-3', { cpu: '3' }, undefined, always)]),
    want: { cpu: 8000 },
  },
  { name: 'restartable-init, init and regular', pod: podOf([c('container-1', { cpu: '100' })], [c('restartable-init-1', { cpu: '10' }, undefined, always), c('init-1', { cpu: '200' })]), want: { cpu: 210000 } },
];
for (const t of resourceRequests) test(`${FILE} TestPodResourceRequests: ${t.name}`, () => assert.deepEqual(podRequests(t.pod, t.opts), t.want));

// The kubelet's own defaulting (withProbeDefaults, defaultPullPolicy) is a safety net for
// callers that hand it a Pod the API server never saw; it must give the values the API
// server's SetObjectDefaults_Pod gives, on any input, so that a defaulted and an undefaulted
// Pod behave the same.
// src: pkg/apis/core/v1/defaults.go (SetDefaults_Probe, SetDefaults_Container)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { defaultObject } from '../apiserver/defaults/index.ts';
import { defaultPullPolicy } from './images.ts';
import { withProbeDefaults } from './probes.ts';
import type { Probe } from './types.ts';

function apiDefaulted(container: Record<string, unknown>): Record<string, unknown> {
  const pod = defaultObject({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [container] } }) as {
    spec: { containers: Record<string, unknown>[] };
  };
  return pod.spec.containers[0];
}

const IMAGES = [
  'nginx', 'nginx:latest', 'nginx:1.27', 'library/nginx', 'docker.io/library/nginx:1.27', 'registry.example:5000/team/app',
  'registry.example:5000/team/app:v2', 'localhost:5000/app', 'nginx@sha256:' + 'a'.repeat(64), 'nginx:1.27@sha256:' + 'b'.repeat(64),
  'nginx:latest@sha256:' + 'c'.repeat(64), 'ghcr.io/org/tool:Latest', 'busybox:1.36',
];

test('defaultPullPolicy gives the imagePullPolicy the API server defaults, for every form of image name', () => {
  for (const image of IMAGES) assert.equal(defaultPullPolicy(image), apiDefaulted({ name: 'c', image }).imagePullPolicy, image);
});

test('defaultPullPolicy agrees with the API server on arbitrary image strings', () => {
  const part = fc.stringMatching(/^[a-z0-9]{1,6}$/);
  const image = fc.tuple(
    fc.option(fc.constantFrom('docker.io/', 'registry.example:5000/', 'localhost/'), { nil: undefined }),
    part,
    fc.option(fc.oneof(part, fc.constant('latest')), { nil: undefined }),
    fc.option(fc.constant('@sha256:' + 'd'.repeat(64)), { nil: undefined }),
  ).map(([host, name, tag, digest]) => `${host ?? ''}${name}${tag !== undefined ? `:${tag}` : ''}${digest ?? ''}`);
  fc.assert(fc.property(image, (img) => defaultPullPolicy(img) === apiDefaulted({ name: 'c', image: img }).imagePullPolicy), { numRuns: 300 });
});

test('withProbeDefaults gives the probe values SetDefaults_Probe gives, for absent, zero, negative and set fields', () => {
  const value = fc.option(fc.integer({ min: -3, max: 400 }), { nil: undefined });
  fc.assert(
    fc.property(value, value, value, value, value, (initialDelaySeconds, timeoutSeconds, periodSeconds, successThreshold, failureThreshold) => {
      const probe: Probe = { exec: { command: ['true'] } };
      const fields = { initialDelaySeconds, timeoutSeconds, periodSeconds, successThreshold, failureThreshold };
      for (const [k, v] of Object.entries(fields)) if (v !== undefined) (probe as Record<string, unknown>)[k] = v;
      const api = apiDefaulted({ name: 'c', image: 'busybox:1.36', livenessProbe: probe }).livenessProbe as Record<string, number | undefined>;
      const ours = withProbeDefaults(probe);
      for (const k of Object.keys(fields) as (keyof typeof fields)[]) assert.equal(ours[k], api[k] ?? 0, k);
    }),
    { numRuns: 300 },
  );
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { computePodQOS } from './pod-qos.ts';

const c = (requests: Record<string, string>, limits: Record<string, string>) => ({ name: 'c', resources: { requests, limits } });

const cases = [
  { name: 'zero quantities do not count: a Pod with only "0" requests is BestEffort', pod: { spec: { containers: [c({ memory: '0', cpu: '0' }, {})] } }, want: 'BestEffort' },
  { name: 'equal values in different units still compare equal (1Gi = 1024Mi)', pod: { spec: { containers: [c({ cpu: '1', memory: '1Gi' }, { cpu: '1000m', memory: '1024Mi' })] } }, want: 'Guaranteed' },
  { name: 'extended resources are ignored for QoS', pod: { spec: { containers: [c({ 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '1' })] } }, want: 'BestEffort' },
];
for (const k of cases) test(k.name, () => assert.equal(computePodQOS(k.pod), k.want));

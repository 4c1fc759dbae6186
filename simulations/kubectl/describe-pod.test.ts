import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describePod, describeProbe, formatRFC1123Z } from './describe-pod.ts';

test('times print as RFC1123Z in UTC, and an absent time as Go’s zero time', () => {
  assert.equal(formatRFC1123Z('2025-01-01T00:00:01Z'), 'Wed, 01 Jan 2025 00:00:01 +0000');
  assert.equal(formatRFC1123Z(undefined), 'Mon, 01 Jan 0001 00:00:00 +0000');
});

test('probes print like DescribeProbe', () => {
  assert.equal(
    describeProbe({ httpGet: { path: '/healthz', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 5, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }),
    'http-get http://:8080/healthz delay=5s timeout=1s period=10s #success=1 #failure=3',
  );
});

test('a line with a single cell ends a tabwriter column block (Go text/tabwriter), so blocks align separately', () => {
  const out = describePod({ metadata: { name: 'a', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } }, [], 0);
  // "Name:" block is aligned to "Annotations:" (the widest key before "Containers:").
  assert.match(out, /^Name:         a\nNamespace:    default\nNode:         <none>\n/);
  assert.match(out, /\nContainers:\n  c:\n    Image:        busybox\n/);
  assert.ok(out.endsWith('Events:           <none>\n'));
});

test('a resourceFieldRef names requests.<resource> or limits.<resource>: "requests.constructor" is an error kubectl prints as "", never a prototype property', () => {
  const pod = {
    metadata: { name: 'a', namespace: 'default' },
    spec: { containers: [{ name: 'c', image: 'busybox', env: [
      { name: 'ODD', valueFrom: { resourceFieldRef: { resource: 'requests.constructor' } } },
      { name: 'MEM', valueFrom: { resourceFieldRef: { resource: 'requests.memory', divisor: '0' } } },
    ], resources: { requests: { memory: '64Mi' } } }] },
  };
  const out = describePod(pod, [], 0);
  assert.match(out, /\n {6}ODD: +\(requests\.constructor\)\n/);
  // ExtractContainerResourceValue: a zero divisor means 1 → bytes.
  assert.match(out, /\n {6}MEM: +67108864 \(requests\.memory\)\n/);
});

test('absent string fields print as Go’s zero value "" (never "undefined")', () => {
  const out = describePod({ metadata: { name: 'a' }, spec: { containers: [{ env: [{ value: 'x' }], volumeMounts: [{ readOnly: true }] }] }, status: { podIPs: [{}] } }, [], 0);
  assert.ok(!out.includes('undefined'), out);
});

// Upstream: pkg/apis/core/v1/defaults_test.go (stored versions of v1.29–v1.31):
// TestSetDefaultService, TestSetDefaultServiceSessionAffinityConfig,
// TestSetDefaultServiceLoadbalancerIPMode, TestSetDefaultServiceTargetPort,
// TestSetDefaultServicePort, TestSetDefaultServiceExternalTraffic,
// TestSetDefaultServiceInternalTrafficPolicy, TestSetDefaultEndpointsProtocol,
// TestSetDefaultSecret, TestSetDefaultPersistentVolume,
// TestSetDefaultPersistentVolumeClaim, TestSetDefaultNamespace,
// TestSetDefaultNamespaceLabels, TestSetDefaultNodeStatusAllocatable,
// TestSetDefaultLimitRangeItem.
// Not transcribed: TestSetDefaultServiceLoadbalancerIPMode's "LoadbalancerIPMode
// disabled" row (the gate is GA and gone in v1.36).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { Quantity } from '../../../simulations/apimachinery/quantity.ts';
import { at, defaulted, service } from './defaults-builders.ts';

const FILE = 'pkg/apis/core/v1/defaults_test.go';

test(`${FILE} TestSetDefaultService`, () => {
  const out = defaulted(service({}));
  assert.equal(at(out, ['spec', 'sessionAffinity']), 'None');
  assert.equal(at(out, ['spec', 'sessionAffinityConfig']), undefined);
  assert.equal(at(out, ['spec', 'type']), 'ClusterIP');
});

for (const [name, config] of [
  ['SessionAffinityConfig is empty', undefined],
  ['ClientIP is empty', { clientIP: null }],
  ['TimeoutSeconds is empty', { clientIP: { timeoutSeconds: null } }],
] as const) {
  test(`${FILE} TestSetDefaultServiceSessionAffinityConfig ${name}`, () => {
    const spec: JsonObject = { sessionAffinity: 'ClientIP', ...(config ? { sessionAffinityConfig: config } : {}) };
    // v1.DefaultClientIPServiceAffinitySeconds
    assert.equal(at(defaulted(service(spec)), ['spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds']), 10800);
  });
}

const ipModeCases: { name: string; ingress: JsonObject; want: string }[] = [
  { name: 'Set IP but bot set IPMode with LoadbalancerIPMode enabled', ingress: { ip: '1.2.3.4' }, want: 'VIP' },
  { name: 'Both IP and IPMode are set with LoadbalancerIPMode enabled', ingress: { ip: '1.2.3.4', ipMode: 'Proxy' }, want: 'Proxy' },
];
for (const c of ipModeCases) {
  test(`${FILE} TestSetDefaultServiceLoadbalancerIPMode ${c.name}`, () => {
    const out = defaulted(service({ type: 'LoadBalancer' }, { loadBalancer: { ingress: [c.ingress] } }));
    assert.equal(at(out, ['status', 'loadBalancer', 'ingress', 0, 'ipMode']), c.want);
  });
}

test(`${FILE} TestSetDefaultServiceTargetPort`, () => {
  assert.equal(at(defaulted(service({ ports: [{ port: 1234 }] })), ['spec', 'ports', 0, 'targetPort']), 1234);
  assert.equal(at(defaulted(service({ ports: [{ port: 1234, targetPort: 5678 }] })), ['spec', 'ports', 0, 'targetPort']), 5678);
});

test(`${FILE} TestSetDefaultServicePort: unchanged if set`, () => {
  const out = defaulted(service({ ports: [{ protocol: 'UDP', port: 9376, targetPort: 'p' }, { protocol: 'UDP', port: 8675, targetPort: 309 }] }));
  assert.deepEqual(at(out, ['spec', 'ports']), [
    { protocol: 'UDP', port: 9376, targetPort: 'p' },
    { protocol: 'UDP', port: 8675, targetPort: 309 },
  ]);
});

test(`${FILE} TestSetDefaultServicePort: defaulted`, () => {
  const out = defaulted(service({ ports: [{ protocol: '', port: 9376, targetPort: '' }, { protocol: '', port: 8675, targetPort: 0 }] }));
  assert.deepEqual(at(out, ['spec', 'ports']), [
    { protocol: 'TCP', port: 9376, targetPort: 9376 },
    { protocol: 'TCP', port: 8675, targetPort: 8675 },
  ]);
});

const externalTrafficCases: { spec: JsonObject; want?: string }[] = [
  { spec: {}, want: undefined },
  { spec: { type: 'NodePort' }, want: 'Cluster' },
  { spec: { type: 'LoadBalancer' }, want: 'Cluster' },
  { spec: { type: 'ClusterIP', externalIPs: ['1.2.3.4'] }, want: 'Cluster' },
  { spec: { type: 'ClusterIP' }, want: undefined },
  { spec: { type: 'ExternalName' }, want: undefined },
];
for (const c of externalTrafficCases) {
  test(`${FILE} TestSetDefaultServiceExternalTraffic ${JSON.stringify(c.spec)} → ${c.want ?? 'empty'}`, () => {
    assert.equal(at(defaulted(service(c.spec)), ['spec', 'externalTrafficPolicy']), c.want);
  });
}

const internalTrafficCases: { name: string; spec: JsonObject; want?: string }[] = [
  { name: 'must set default internalTrafficPolicy', spec: {}, want: 'Cluster' },
  { name: "must not set default internalTrafficPolicy when it's cluster", spec: { internalTrafficPolicy: 'Cluster' }, want: 'Cluster' },
  { name: 'must not set default internalTrafficPolicy when type is ExternalName', spec: { type: 'ExternalName' }, want: undefined },
  { name: "must not set default internalTrafficPolicy when it's local", spec: { internalTrafficPolicy: 'Local' }, want: 'Local' },
];
for (const c of internalTrafficCases) {
  test(`${FILE} TestSetDefaultServiceInternalTrafficPolicy ${c.name}`, () => {
    assert.equal(at(defaulted(service(c.spec)), ['spec', 'internalTrafficPolicy']), c.want);
  });
}

test(`${FILE} TestSetDefaultEndpointsProtocol`, () => {
  const out = defaulted({ apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'e' }, subsets: [{ ports: [{}, { protocol: 'UDP' }, {}] }] });
  assert.deepEqual(at(out, ['subsets', 0, 'ports']), [{ protocol: 'TCP' }, { protocol: 'UDP' }, { protocol: 'TCP' }]);
});

test(`${FILE} TestSetDefaultSecret`, () => {
  assert.equal(defaulted({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } }).type, 'Opaque');
});

for (const [name, mode, want] of [
  ['volume mode nil', undefined, 'Filesystem'],
  ['volume mode filesystem', 'Filesystem', 'Filesystem'],
  ['volume mode block', 'Block', 'Block'],
] as const) {
  test(`${FILE} TestSetDefaultPersistentVolume ${name}`, () => {
    const out = defaulted({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv' }, spec: mode ? { volumeMode: mode } : {} });
    assert.equal(at(out, ['status', 'phase']), 'Pending');
    assert.equal(at(out, ['spec', 'persistentVolumeReclaimPolicy']), 'Retain');
    assert.equal(at(out, ['spec', 'volumeMode']), want);
  });
  test(`${FILE} TestSetDefaultPersistentVolumeClaim ${name}`, () => {
    const out = defaulted({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c' }, spec: mode ? { volumeMode: mode } : {} });
    assert.equal(at(out, ['status', 'phase']), 'Pending');
    assert.equal(at(out, ['spec', 'volumeMode']), want);
  });
}

test(`${FILE} TestSetDefaultNamespace`, () => {
  assert.equal(at(defaulted({ apiVersion: 'v1', kind: 'Namespace', metadata: {} }), ['status', 'phase']), 'Active');
});

test(`${FILE} TestSetDefaultNamespaceLabels`, () => {
  const theNs = 'default-ns-labels-are-great';
  const out = defaulted({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: theNs } });
  assert.equal(at(out, ['metadata', 'labels', 'kubernetes.io/metadata.name']), theNs);
});

const capacity = { cpu: '1000m', memory: '10G' };
const allocatable = { cpu: '500m', memory: '5G' };
for (const [i, c] of [
  { capacity, allocatable, want: allocatable }, // Everything set, no defaulting.
  { capacity: undefined, allocatable, want: allocatable }, // Allocatable set, no defaulting.
  { capacity, allocatable: undefined, want: capacity }, // Capacity set, allocatable defaults to capacity.
  { capacity: undefined, allocatable: undefined, want: undefined }, // Nothing set.
].entries()) {
  test(`${FILE} TestSetDefaultNodeStatusAllocatable [${i}]`, () => {
    const status: JsonObject = {};
    if (c.capacity) status.capacity = { ...c.capacity };
    if (c.allocatable) status.allocatable = { ...c.allocatable };
    const got = at(defaulted({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' }, status }), ['status', 'allocatable']) as JsonObject | undefined;
    if (c.want === undefined) return assert.equal(got, undefined);
    // resourceListsEqual: same keys, Cmp == 0.
    assert.deepEqual(Object.keys(got ?? {}).sort(), Object.keys(c.want).sort());
    for (const [k, v] of Object.entries(c.want)) assert.equal(Quantity.parse(got?.[k] as string).cmp(Quantity.parse(v)), 0);
  });
}

test(`${FILE} TestSetDefaultLimitRangeItem`, () => {
  const out = defaulted({
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'test-defaults' },
    spec: { limits: [{ type: 'Container', max: { cpu: '100m' }, min: { memory: '100Mi' }, default: {}, defaultRequest: {} }] },
  });
  // the default cpu is the max; the default request is the limit; a min is the default request when no limit is given
  assert.equal(at(out, ['spec', 'limits', 0, 'default', 'cpu']), '100m');
  assert.equal(at(out, ['spec', 'limits', 0, 'defaultRequest', 'cpu']), '100m');
  assert.equal(at(out, ['spec', 'limits', 0, 'defaultRequest', 'memory']), '100Mi');
});

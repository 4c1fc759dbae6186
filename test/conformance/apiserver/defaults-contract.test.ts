// The public contract of simulations/apiserver/defaults/: defaultObject as the
// brief states it (the Service example is pkg/apis/core/v1/defaults_test.go
// TestSetDefaultServiceTargetPort's object, with everything else
// SetDefaults_Service fills in), a defaulter for every served kind, and the
// robustness every reader of learner input needs: no throw on oddly typed
// input, no change to the caller's object, and defaults that do not move when
// applied again (the API server defaults a stored object on every read).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/json.ts';
import { DEFAULTERS, defaultObject } from '../../../simulations/apiserver/defaults/index.ts';
import { KINDS, apiVersionOf, kindKey } from '../../../simulations/apiserver/kinds.ts';

test('defaultObject: the Service contract example', () => {
  const input = { apiVersion: 'v1', kind: 'Service', metadata: {}, spec: { ports: [{ port: 1234 }] } };
  assert.deepEqual(defaultObject(input), {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {},
    spec: { type: 'ClusterIP', sessionAffinity: 'None', internalTrafficPolicy: 'Cluster', ports: [{ port: 1234, protocol: 'TCP', targetPort: 1234 }] },
  });
  assert.deepEqual(input, { apiVersion: 'v1', kind: 'Service', metadata: {}, spec: { ports: [{ port: 1234 }] } });
});

test('DEFAULTERS: every kind in kinds.ts has a defaulter, and nothing else does', () => {
  const keys = KINDS.map((k) => kindKey(apiVersionOf(k), k.kind)).sort();
  assert.deepEqual(Object.keys(DEFAULTERS).sort(), keys);
});

test('defaultObject: an unknown kind comes back as an unchanged copy', () => {
  const input = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec: { containers: [{}] } };
  const out = defaultObject(input);
  assert.notEqual(out, input);
  assert.deepEqual(out, input);
});

test('defaultObject: __proto__ keys stay plain data', () => {
  const input = JSON.parse('{"apiVersion":"v1","kind":"Pod","metadata":{},"spec":{"containers":[{"resources":{"limits":{"__proto__":"1"}}}]}}');
  const out = defaultObject(input) as JsonObject;
  const requests = (((out.spec as JsonObject).containers as JsonObject[])[0].resources as JsonObject).requests as JsonObject;
  assert.ok(Object.prototype.hasOwnProperty.call(requests, '__proto__'));
  assert.equal(Object.getPrototypeOf(requests), Object.prototype);
});

// Arbitrary objects built from the field names the defaulters walk, so that
// the generated input reaches deep into them, with values of every JSON type.
const FIELDS = [
  'spec', 'status', 'metadata', 'labels', 'template', 'jobTemplate', 'containers', 'initContainers', 'ephemeralContainers',
  'resources', 'limits', 'requests', 'cpu', 'memory', 'hugepages-2Mi', 'ports', 'port', 'targetPort', 'protocol', 'hostNetwork',
  'containerPort', 'hostPort', 'volumes', 'emptyDir', 'image', 'reference', 'secret', 'projected', 'sources', 'ephemeral',
  'volumeClaimTemplate', 'volumeClaimTemplates', 'livenessProbe', 'httpGet', 'grpc', 'lifecycle', 'postStart', 'env', 'valueFrom',
  'fieldRef', 'fileKeyRef', 'type', 'strategy', 'updateStrategy', 'rollingUpdate', 'behavior', 'scaleUp', 'scaleDown', 'policies',
  'metrics', 'subsets', 'ingress', 'egress', 'policyTypes', 'subjects', 'roleRef', 'kind', 'name', 'names', 'conversion', 'webhook',
  'clientConfig', 'service', 'versions', 'storage', 'capacity', 'allocatable', 'sessionAffinity', 'sessionAffinityConfig', 'clientIP',
  'loadBalancer', 'restartPolicy', 'podFailurePolicy', 'rules', 'onPodConditions', 'default', 'defaultRequest', 'max', 'min', 'hard',
  'containerStatuses', 'allocatedResources', 'overhead', 'parameters', 'externalIPs', '__proto__',
];
const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer({ min: -5, max: 5 }), fc.constantFrom('', '1n', '100m', '2Gi', 'nginx', 'Always', 'RollingUpdate', 'ClientIP', 'LoadBalancer', 'Container', 'User', 'x'));
const { value } = fc.letrec<{ value: JsonValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...FIELDS), tie('value'), { maxKeys: 5 }),
  ),
}));

for (const info of KINDS) {
  const key = kindKey(apiVersionOf(info), info.kind);
  test(`${key}: never throws, never changes its input, and defaulting twice changes nothing more`, () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 6 }), (body) => {
        const input = { ...body, apiVersion: apiVersionOf(info), kind: info.kind } as JsonObject;
        const before = JSON.stringify(input);
        const once = defaultObject(input);
        assert.equal(JSON.stringify(input), before);
        assert.deepEqual(defaultObject(once), once);
      }),
      { numRuns: 300 },
    );
  });
}

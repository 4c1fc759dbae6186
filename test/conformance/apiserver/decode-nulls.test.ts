// A JSON null, decoded into a Go struct and encoded again, as the API server stores it.
// src: encoding/json Unmarshal ("The JSON null value unmarshals into an interface, map, pointer, or slice by
//      setting that Go value to nil ... unmarshaling a JSON null into any other Go type has no effect on the
//      value"), Marshal (omitempty: "false, 0, a nil pointer, a nil interface value, and any empty array, slice,
//      map, or string"; a struct is never empty), resource.Quantity MarshalJSON (zero: "0"),
//      intstr.IntOrString MarshalJSON (zero: 0), metav1.Time MarshalJSON (zero: null), omitzero (Go 1.24:
//      ObjectMeta.creationTimestamp is `json:"creationTimestamp,omitempty,omitzero"` in k8s.io/apimachinery v0.36).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { settleNulls } from '../../../simulations/apiserver/decode/nulls.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';

const settled = (obj: JsonObject): JsonObject => {
  const copy = structuredClone(obj);
  settleNulls(copy);
  return copy;
};

const cases: [string, JsonObject, JsonObject][] = [
  [
    'a null map (labels, omitempty) and a null slice (ports, omitempty) are left out',
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: null }, spec: { containers: [{ name: 'a', ports: null }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a' }] } },
  ],
  [
    'a null value in a ResourceList is the zero Quantity "0"',
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', resources: { limits: { cpu: null } } }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'a', resources: { limits: { cpu: '0' } } }] } },
  ],
  [
    'a null list item of a struct type is the zero struct',
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [null] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{}] } },
  ],
  [
    'a null IntOrString (a struct: omitempty does not drop it) is 0',
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: null }] } },
    { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80, targetPort: 0 }] } },
  ],
  [
    'creationTimestamp: null is left out (v0.36 tags it omitzero); a null string with omitempty is left out',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', creationTimestamp: null, generateName: null } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } },
  ],
  [
    'a null Time without omitzero stays null (the zero Time marshals as null, and omitempty never drops a struct)',
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] } },
    { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, status: { conditions: [{ type: 'Ready', status: 'True', lastProbeTime: null }] } },
  ],
  [
    'a null pointer (replicas) is left out; a null struct (template) is the empty struct',
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { replicas: null, template: null } },
    { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: {} } },
  ],
  [
    'a null string in a map[string]string is ""',
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: null } },
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '' } },
  ],
];

for (const [name, input, expected] of cases) {
  test(`encoding/json round trip: ${name}`, () => {
    assert.deepEqual(settled(input), expected);
  });
}

test('objects of kinds the API server does not serve are left as they are', () => {
  const widget = { apiVersion: 'example.com/v1', kind: 'Widget', spec: { a: null } };
  assert.deepEqual(settled(widget), widget);
});

// Upstream: pkg/apis/core/validation/validation_test.go: TestValidateEndpointsCreate,
// TestValidateEndpointsUpdate.
//
// TestValidateEndpointsCreate's error cases assert the first error's type
// (and its origin, which this port does not model); the `errors` below name
// every error's type and field as ValidateEndpointsCreate produces them
// (traced through validation.go), so the first is upstream's.
// TestValidateEndpointsUpdate asserts the number of errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/core/validation/validation_test.go';
interface Want {
  type: ErrorType;
  field: string;
}
const I = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const R = (field: string): Want => ({ type: 'FieldValueRequired', field });
const NS = (field: string): Want => ({ type: 'FieldValueNotSupported', field });
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const ep = validationFor('v1/Endpoints');

const endpoints = (metadata: JsonObject, subsets?: JsonObject[]): JsonObject => ({ apiVersion: 'v1', kind: 'Endpoints', metadata, ...(subsets ? { subsets } : {}) });
const meta = { name: 'mysvc', namespace: 'namespace' };
const one = (address: JsonObject, ports?: JsonObject[]): JsonObject[] => [{ addresses: [address], ...(ports ? { ports } : {}) }];

test(`${FILE} TestValidateEndpointsCreate`, async (t) => {
  assert.ok(ep);
  const success: Record<string, JsonObject> = {
    'simple endpoint': endpoints(meta, [
      {
        addresses: [{ ip: '10.10.1.1' }, { ip: '10.10.2.2' }],
        ports: [
          { name: 'a', port: 8675, protocol: 'TCP' },
          { name: 'b', port: 309, protocol: 'TCP' },
        ],
      },
      {
        addresses: [{ ip: '10.10.3.3' }],
        ports: [
          { name: 'a', port: 93, protocol: 'TCP' },
          { name: 'b', port: 76, protocol: 'TCP' },
        ],
      },
    ]),
    'empty subsets': endpoints(meta),
    'no name required for singleton port': endpoints(meta, one({ ip: '10.10.1.1' }, [{ port: 8675, protocol: 'TCP' }])),
    'valid appProtocol': endpoints(meta, one({ ip: '10.10.1.1' }, [{ port: 8675, protocol: 'TCP', appProtocol: 'HTTP' }])),
    'empty ports': endpoints(meta, one({ ip: '10.10.3.3' })),
  };
  for (const [name, e] of Object.entries(success)) {
    await t.test(name, () => assert.deepEqual(pick(ep.create(e)), [], show(ep.create(e))));
  }
  const a93 = [{ name: 'a', port: 93, protocol: 'TCP' }];
  const p93 = [{ name: 'p', port: 93, protocol: 'TCP' }];
  const errorCases: Record<string, { object: JsonObject; errors: Want[] }> = {
    'missing namespace': { object: endpoints({ name: 'mysvc' }), errors: [R('metadata.namespace')] },
    'missing name': { object: endpoints({ namespace: 'namespace' }), errors: [R('metadata.name')] },
    'invalid namespace': { object: endpoints({ name: 'mysvc', namespace: 'no@#invalid.;chars"allowed' }), errors: [I('metadata.namespace')] },
    'invalid name': { object: endpoints({ name: '-_Invliad^&Characters', namespace: 'namespace' }), errors: [I('metadata.name')] },
    'empty addresses': { object: endpoints(meta, [{ ports: a93 }]), errors: [R('subsets[0]')] },
    // Not an IP at all: IsValidIP, then ValidateNonSpecialIP, both refuse it.
    'invalid IP': {
      object: endpoints(meta, one({ ip: '[2001:0db8:85a3:0042:1000:8a2e:0370:7334]' }, a93)),
      errors: [I('subsets[0].addresses[0].ip'), I('subsets[0].addresses[0].ip')],
    },
    'Multiple ports, one without name': {
      object: endpoints(meta, one({ ip: '10.10.1.1' }, [{ port: 8675, protocol: 'TCP' }, { name: 'b', port: 309, protocol: 'TCP' }])),
      errors: [R('subsets[0].ports[0].name')],
    },
    'Invalid port number': { object: endpoints(meta, one({ ip: '10.10.1.1' }, [{ name: 'a', port: 66000, protocol: 'TCP' }])), errors: [I('subsets[0].ports[0].port')] },
    'Invalid protocol': { object: endpoints(meta, one({ ip: '10.10.1.1' }, [{ name: 'a', port: 93, protocol: 'Protocol' }])), errors: [NS('subsets[0].ports[0].protocol')] },
    'Address missing IP': { object: endpoints(meta, one({}, a93)), errors: [I('subsets[0].addresses[0].ip'), I('subsets[0].addresses[0].ip')] },
    'Port missing number': { object: endpoints(meta, one({ ip: '10.10.1.1' }, [{ name: 'a', protocol: 'TCP' }])), errors: [I('subsets[0].ports[0].port')] },
    'Port missing protocol': { object: endpoints(meta, one({ ip: '10.10.1.1' }, [{ name: 'a', port: 93 }])), errors: [R('subsets[0].ports[0].protocol')] },
    'Address is loopback': { object: endpoints(meta, one({ ip: '127.0.0.1' }, p93)), errors: [I('subsets[0].addresses[0].ip')] },
    'Address is link-local': { object: endpoints(meta, one({ ip: '169.254.169.254' }, p93)), errors: [I('subsets[0].addresses[0].ip')] },
    'Address is link-local multicast': { object: endpoints(meta, one({ ip: '224.0.0.1' }, p93)), errors: [I('subsets[0].addresses[0].ip')] },
    'Invalid AppProtocol': {
      object: endpoints(meta, one({ ip: '10.10.1.1' }, [{ name: 'p', port: 93, protocol: 'TCP', appProtocol: 'lots-of[invalid]-{chars}' }])),
      errors: [I('subsets[0].ports[0].appProtocol')],
    },
  };
  for (const [name, c] of Object.entries(errorCases)) {
    await t.test(name, () => {
      const errs = ep.create(c.object);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateEndpointsUpdate`, async (t) => {
  const base = (ports: JsonObject[]): JsonObject =>
    endpoints({ name: 'mysvc', namespace: 'namespace', resourceVersion: '1234' }, [{ addresses: [{ ip: '10.1.2.3' }], ports }]);
  const cases: Record<string, { old: JsonObject; next: JsonObject; errors: Want[] }> = {
    'update to valid app protocol': {
      old: base([{ name: 'a', port: 8675, protocol: 'TCP' }]),
      next: base([{ name: 'a', port: 8675, protocol: 'TCP', appProtocol: 'https' }]),
      errors: [],
    },
    'update to invalid app protocol': {
      old: base([{ name: 'a', port: 8675, protocol: 'TCP' }]),
      next: base([{ name: 'a', port: 8675, protocol: 'TCP', appProtocol: '~https' }]),
      errors: [I('subsets[0].ports[0].appProtocol')],
    },
  };
  for (const [name, c] of Object.entries(cases)) {
    await t.test(name, () => {
      const errs = ep?.update?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

// TestEndpointAddressNodeNameUpdateRestrictions, TestEndpointAddressNodeNameInvalidDNSSubdomain,
// TestEndpointAddressNodeNameCanBeAnIPAddress: newNodeNameEndpoint(nodeName).
const newNodeNameEndpoint = (nodeName: string): JsonObject =>
  endpoints({ name: 'foo', namespace: 'default', resourceVersion: '1' }, [
    { notReadyAddresses: [], ports: [{ name: 'https', port: 443, protocol: 'TCP' }], addresses: [{ ip: '8.8.8.8', hostname: 'zookeeper1', nodeName }] },
  ]);

test(`${FILE} TestEndpointAddressNodeNameUpdateRestrictions`, () => {
  const oldEndpoint = newNodeNameEndpoint('kubernetes-node-setup-by-backend');
  const updated = newNodeNameEndpoint('kubernetes-changed-nodename');
  const errs = [...(ep?.create(updated) ?? []), ...(ep?.update?.(updated, oldEndpoint) ?? [])];
  assert.deepEqual(pick(errs), [], show(errs));
});

test(`${FILE} TestEndpointAddressNodeNameInvalidDNSSubdomain`, () => {
  const errs = ep?.create(newNodeNameEndpoint('illegal*.nodename')) ?? [];
  assert.deepEqual(pick(errs), [I('subsets[0].addresses[0].nodeName')], show(errs));
});

test(`${FILE} TestEndpointAddressNodeNameCanBeAnIPAddress`, () => {
  const errs = ep?.create(newNodeNameEndpoint('10.10.1.1')) ?? [];
  assert.deepEqual(pick(errs), [], show(errs));
});

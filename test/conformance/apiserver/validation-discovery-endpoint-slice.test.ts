// Upstream: pkg/apis/discovery/validation/validation_test.go (newest stored version):
// TestValidateEndpointSlice, TestValidateEndpointSliceCreate, TestValidateEndpointSliceUpdate.
//
// The Go slices are internal discovery objects; here they are
// discovery.k8s.io/v1 JSON. Upstream asserts the number of errors; the
// `errors` below keep that number and name each error's type and field as
// ValidateEndpointSlice produces them (traced through validation.go).
// generatePorts / generateEndpoints / generateIPAddresses / generateTopology
// are upstream's helpers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { DISCOVERY_VALIDATION } from '../../../simulations/apiserver/validation/discovery/index.ts';

const FILE = 'pkg/apis/discovery/validation/validation_test.go';
interface Want {
  type: ErrorType;
  field: string;
}
const I = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const R = (field: string): Want => ({ type: 'FieldValueRequired', field });
const NS = (field: string): Want => ({ type: 'FieldValueNotSupported', field });
const D = (field: string): Want => ({ type: 'FieldValueDuplicate', field });
const TM = (field: string): Want => ({ type: 'FieldValueTooMany', field });
const IE = (field: string): Want => ({ type: 'InternalError', field });
const show = (errs: ErrorList): string => errs.slice(0, 8).map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const eps = DISCOVERY_VALIDATION['discovery.k8s.io/v1/EndpointSlice'];

const generatePorts = (n: number): JsonObject[] => Array.from({ length: n }, (_, i) => ({ name: `http-${i}`, protocol: 'TCP' }));
const generateIPAddresses = (n: number): string[] => Array.from({ length: n }, (_, i) => `10.1.2.${i % 255}`);
const generateEndpoints = (n: number): JsonObject[] => Array.from({ length: n }, (_, i) => ({ addresses: [`10.1.2.${i % 255}`] }));
const generateTopology = (n: number): Record<string, string> => Object.fromEntries(Array.from({ length: n }, (_, i) => [`topology-${i}`, 'example']));

const standardMeta = { name: 'hello', namespace: 'world' };
const slice = (addressType: string | undefined, ports?: JsonObject[], endpoints?: JsonObject[], metadata: JsonObject = standardMeta): JsonObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata,
  ...(addressType === undefined ? {} : { addressType }),
  ...(ports ? { ports } : {}),
  ...(endpoints ? { endpoints } : {}),
});
const http = [{ name: 'http', protocol: 'TCP' }];
const one = (extra: JsonObject = {}): JsonObject[] => [{ addresses: generateIPAddresses(1), ...extra }];
const addr = (i: number) => `endpoints[0].addresses[${i}]`;

const cases: Record<string, { object: JsonObject; errors: Want[] }> = {
  'good-slice': { object: slice('IPv4', http, one({ hostname: 'valid-123' })), errors: [] },
  'good-ipv6': { object: slice('IPv6', http, [{ addresses: ['a00:100::4'], hostname: 'valid-123' }]), errors: [] },
  'good-fqdns': {
    object: slice('FQDN', http, [{ addresses: ['foo.example.com', 'example.com', 'example.com.', 'hyphens-are-good.example.com'], hostname: 'valid-123' }]),
    errors: [],
  },
  'all-protocols': {
    object: slice('IPv4', [{ name: 'tcp', protocol: 'TCP' }, { name: 'udp', protocol: 'UDP' }, { name: 'sctp', protocol: 'SCTP' }], one({ hostname: 'valid-123' })),
    errors: [],
  },
  'app-protocols': {
    object: slice(
      'IPv4',
      [
        { name: 'one', protocol: 'TCP', appProtocol: 'HTTP' },
        { name: 'two', protocol: 'TCP', appProtocol: 'https' },
        { name: 'three', protocol: 'TCP', appProtocol: 'my-protocol' },
        { name: 'four', protocol: 'TCP', appProtocol: 'example.com/custom-protocol' },
      ],
      one({ hostname: 'valid-123' }),
    ),
    errors: [],
  },
  'empty-port-name': { object: slice('IPv4', [{ name: '', protocol: 'TCP' }, { name: 'http', protocol: 'TCP' }], one()), errors: [] },
  'long-port-name': { object: slice('IPv4', [{ name: 'a'.repeat(63), protocol: 'TCP' }], one()), errors: [] },
  'empty-ports-and-endpoints': { object: slice('IPv4', [], []), errors: [] },
  'max-endpoints': { object: slice('IPv4', generatePorts(1), generateEndpoints(1000)), errors: [] },
  'max-ports': { object: slice('IPv4', generatePorts(20000)), errors: [] },
  'max-addresses': { object: slice('IPv4', http, [{ addresses: generateIPAddresses(100) }]), errors: [] },
  'max-topology-keys': { object: slice('IPv4', http, one({ deprecatedTopology: generateTopology(16) })), errors: [] },
  'valid-hints': { object: slice('IPv4', http, one({ hints: { forZones: [{ name: 'zone-a' }] } })), errors: [] },
  // expected failures
  'duplicate-port-name': { object: slice('IPv4', [{ name: '', protocol: 'TCP' }, { name: '', protocol: 'TCP' }], []), errors: [D('ports[1].name')] },
  'bad-port-name-caps': { object: slice('IPv4', [{ name: 'aCapital', protocol: 'TCP' }], []), errors: [I('ports[0].name')] },
  'bad-port-name-chars': { object: slice('IPv4', [{ name: 'almost_valid', protocol: 'TCP' }], []), errors: [I('ports[0].name')] },
  'bad-port-name-length': { object: slice('IPv4', [{ name: 'a'.repeat(64), protocol: 'TCP' }], []), errors: [I('ports[0].name')] },
  'invalid-port-protocol': { object: slice('IPv4', [{ name: 'http', protocol: 'foo' }]), errors: [NS('ports[0].protocol')] },
  'too-many-ports': { object: slice('IPv4', generatePorts(20001)), errors: [TM('ports')] },
  'too-many-endpoints': { object: slice('IPv4', generatePorts(1), generateEndpoints(1001)), errors: [TM('endpoints')] },
  'no-endpoint-addresses': { object: slice('IPv4', http, [{ addresses: [] }]), errors: [R('endpoints[0].addresses')] },
  'too-many-addresses': { object: slice('IPv4', http, [{ addresses: generateIPAddresses(101) }]), errors: [TM('endpoints[0].addresses')] },
  'bad-topology-key': { object: slice('IPv4', http, one({ deprecatedTopology: { '--INVALID': 'example' } })), errors: [I('endpoints[0].deprecatedTopology')] },
  'too-many-topology-keys': { object: slice('IPv4', http, one({ deprecatedTopology: generateTopology(17) })), errors: [TM('endpoints[0].deprecatedTopology')] },
  'bad-hostname': { object: slice('IPv4', http, one({ hostname: '--INVALID' })), errors: [I('endpoints[0].hostname')] },
  'bad-meta': { object: slice('IPv4', http, one({ hostname: 'valid-123' }), { name: '*&^', namespace: 'foo' }), errors: [I('metadata.name')] },
  'bad-ip': { object: slice('IPv4', http, [{ addresses: ['123.456.789.012'], hostname: 'valid-123' }]), errors: [I(addr(0))] },
  'bad-ipv4': { object: slice('IPv4', http, [{ addresses: ['123.456.789.012', '2001:4860:4860::8888'], hostname: 'valid-123' }]), errors: [I(addr(0)), I(addr(1))] },
  'bad-ipv6': { object: slice('IPv6', http, [{ addresses: ['123.456.789.012', '2001:4860:4860:defg'], hostname: 'valid-123' }]), errors: [I(addr(0)), I(addr(1))] },
  'bad-fqdns': {
    object: slice('FQDN', http, [{ addresses: ['foo.*', 'FOO.example.com', 'underscores_are_bad.example.com', '*.example.com'], hostname: 'valid-123' }]),
    errors: [I(addr(0)), I(addr(1)), I(addr(2)), I(addr(3))],
  },
  'bad-app-protocol': { object: slice('IPv4', [{ name: 'http', protocol: 'TCP', appProtocol: '--' }], one({ hostname: 'valid-123' })), errors: [I('ports[0].appProtocol')] },
  'invalid-hints': { object: slice('IPv4', http, one({ hints: { forZones: [{ name: 'inv@lid' }] } })), errors: [I('endpoints[0].hints.forZones[0].name')] },
  'overlapping-hints': {
    object: slice('IPv4', http, one({ hints: { forZones: [{ name: 'zone-a' }, { name: 'zone-b' }, { name: 'zone-a' }] } })),
    errors: [D('endpoints[0].hints.forZones[2].name')],
  },
  'too-many-hints': {
    object: slice('IPv4', http, one({ hints: { forZones: 'abcdefghi'.split('').map((c) => ({ name: `zone-${c}` })) } })),
    errors: [TM('endpoints[0].hints.forZones')],
  },
  'empty-everything': { object: slice(undefined, undefined, undefined, {}), errors: [R('metadata.name'), R('metadata.namespace'), R('addressType')] },
  'zone-key-topology': {
    object: slice('IPv4', http, one({ deprecatedTopology: { 'topology.kubernetes.io/zone': 'zone1' } })),
    errors: [IE('endpoints[0].deprecatedTopology[topology.kubernetes.io/zone]')],
  },
  'special-ipv4': { object: slice('IPv4', http, [{ addresses: ['127.0.0.1'], hostname: 'valid-123' }]), errors: [I(addr(0))] },
  'special-ipv6': { object: slice('IPv6', http, [{ addresses: ['fe80::9656:d028:8652:66b6'], hostname: 'valid-123' }]), errors: [I(addr(0))] },
};

test(`${FILE} TestValidateEndpointSlice`, async (t) => {
  for (const [name, c] of Object.entries(cases)) {
    await t.test(name, () => {
      const errs = eps.create(c.object);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateEndpointSliceCreate`, async (t) => {
  const createCases: Record<string, { object: JsonObject; errors: Want[] }> = {
    'good-slice': { object: slice('IPv4', http, one({ hostname: 'valid-123' })), errors: [] },
    'good-slice-node-name': { object: slice('IPv4', http, one({ hostname: 'valid-123', nodeName: 'valid-node-name' })), errors: [] },
    'bad-node-name': { object: slice('IPv4', http, one({ hostname: 'valid-123', nodeName: 'INvalid-node-name' })), errors: [I('endpoints[0].nodeName')] },
    'deprecated-address-type': { object: slice('IP', http, one()), errors: [NS('addressType')] },
    'bad-address-type': { object: slice('other', http, one()), errors: [NS('addressType')] },
  };
  for (const [name, c] of Object.entries(createCases)) {
    await t.test(name, () => {
      const errs = eps.create(c.object);
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

test(`${FILE} TestValidateEndpointSliceUpdate`, async (t) => {
  const meta = { name: 'es1', namespace: 'test' };
  const updateCases: Record<string, { old: JsonObject; next: JsonObject; errors: Want[] }> = {
    'valid and identical slices': { old: slice('IPv6', undefined, undefined, meta), next: slice('IPv6', undefined, undefined, meta), errors: [] },
    'invalid node name set': {
      old: slice('IPv4', undefined, [{ addresses: ['10.1.2.3'] }], meta),
      next: slice('IPv4', undefined, [{ addresses: ['10.1.2.3'], nodeName: 'INVALID foo' }], meta),
      errors: [I('endpoints[0].nodeName')],
    },
    'deprecated address type': { old: slice('IP', undefined, undefined, meta), next: slice('IP', undefined, undefined, meta), errors: [NS('addressType')] },
    'valid and identical slices with different address types': {
      old: slice('other', undefined, undefined, meta),
      next: slice('IPv4', undefined, undefined, meta),
      errors: [I('addressType')],
    },
    'invalid slices with valid address types': {
      old: slice('IPv4', undefined, undefined, meta),
      next: slice('IPv4', [{ name: '', protocol: 'invalid' }], undefined, meta),
      errors: [NS('ports[0].protocol')],
    },
  };
  for (const [name, c] of Object.entries(updateCases)) {
    await t.test(name, () => {
      const errs = eps.update?.(c.next, c.old) ?? [];
      assert.deepEqual(pick(errs), c.errors, show(errs));
    });
  }
});

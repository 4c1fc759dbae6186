// Upstream: pkg/apis/networking/validation/validation_test.go (a stored version):
// TestValidateNetworkPolicy, TestValidateNetworkPolicyUpdate, TestValidateIngress,
// TestValidateIngressRuleValue, TestValidateIngressCreate; and (newest stored version)
// TestValidateIngressClass, TestValidateIngressClassUpdate, TestValidateIngressTLS,
// TestValidateEmptyIngressTLS, TestValidateIngressStatusUpdate.
// networking.k8s.io/v1 JSON for upstream's internal objects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';
import { validateIngress, validateIngressRuleValue, validateIngressStatusUpdate } from '../../../simulations/apiserver/validation/networking/ingress.ts';
import { validateIngressClass, validateIngressClassUpdate } from '../../../simulations/apiserver/validation/networking/ingress-class.ts';
import { validateNetworkPolicy, validateNetworkPolicyUpdate } from '../../../simulations/apiserver/validation/networking/network-policy.ts';

const FILE = 'pkg/apis/networking/validation/validation_test.go';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';

// ---------------------------------------------------------------------------
// NetworkPolicy

type NP = { metadata: JsonObject; spec: JsonObject & { ingress?: JsonObject[]; egress?: JsonObject[] } };
type Tweak = (np: NP) => void;
/** makeNetworkPolicyCustom. */
function np(...tweaks: Tweak[]): JsonObject {
  const p: NP = { metadata: { name: 'foo', namespace: 'bar' }, spec: { podSelector: { matchLabels: { a: 'b' } } } };
  for (const t of tweaks) t(p);
  return p as unknown as JsonObject;
}
/** makePort: port 0, "" and "0" leave the port unset; endPort 0 leaves endPort unset. */
function port(protocol: string | null, p: number | string, endPort: number): JsonObject {
  const r: JsonObject = {};
  if (protocol !== null) r.protocol = protocol;
  if (p !== 0 && p !== '' && p !== '0') r.port = p;
  if (endPort !== 0) r.endPort = endPort;
  return r;
}
const ingressEmpty: Tweak = (n) => void (n.spec.ingress = [{}]);
const ingressFromEmpty: Tweak = (n) => {
  if (!n.spec.ingress) ingressEmpty(n);
  n.spec.ingress![0].from = [{}];
};
const ingressFromIfEmpty: Tweak = (n) => {
  if (!n.spec.ingress) ingressEmpty(n);
  if (!n.spec.ingress![0].from) ingressFromEmpty(n);
};
const from0 = (n: NP): JsonObject => (n.spec.ingress![0].from as JsonObject[])[0];
const ingressEmptyPorts: Tweak = (n) => void (n.spec.ingress = [{ ports: [{}] }]);
const ingressPorts = (...ports: JsonObject[]): Tweak => (n) => {
  if (!n.spec.ingress) ingressEmpty(n);
  n.spec.ingress![0].ports = ports;
};
const ingressFromPodSelector = (k: string, v: string): Tweak => (n) => {
  ingressFromIfEmpty(n);
  from0(n).podSelector = { matchLabels: { [k]: v } };
};
const ingressFromNamespaceSelector: Tweak = (n) => {
  ingressFromIfEmpty(n);
  from0(n).namespaceSelector = { matchLabels: { c: 'd' } };
};
const ingressFromIPBlockIPV4: Tweak = (n) => {
  ingressFromIfEmpty(n);
  from0(n).ipBlock = { cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] };
};
const ingressFromIPBlockIPV6: Tweak = (n) => {
  ingressFromIfEmpty(n);
  from0(n).ipBlock = { cidr: 'fd00:192:168::/48', except: ['fd00:192:168:3::/64', 'fd00:192:168:4::/64'] };
};
const egressEmpty: Tweak = (n) => void (n.spec.egress = [{}]);
const egressToEmpty: Tweak = (n) => {
  if (!n.spec.egress) egressEmpty(n);
  n.spec.egress![0].to = [{}];
};
const egressToIfEmpty: Tweak = (n) => {
  if (!n.spec.egress) egressEmpty(n);
  if (!n.spec.egress![0].to) egressToEmpty(n);
};
const to0 = (n: NP): JsonObject => (n.spec.egress![0].to as JsonObject[])[0];
const egressToNamespaceSelector: Tweak = (n) => {
  egressToIfEmpty(n);
  to0(n).namespaceSelector = { matchLabels: { c: 'd' } };
};
const egressToPodSelector: Tweak = (n) => {
  egressToIfEmpty(n);
  to0(n).podSelector = { matchLabels: { c: 'd' } };
};
const egressToIPBlockIPV4: Tweak = (n) => {
  egressToIfEmpty(n);
  to0(n).ipBlock = { cidr: '192.168.0.0/16', except: ['192.168.3.0/24', '192.168.4.0/24'] };
};
const egressToIPBlockIPV6: Tweak = (n) => {
  egressToIfEmpty(n);
  to0(n).ipBlock = { cidr: 'fd00:192:168::/48', except: ['fd00:192:168:3::/64', 'fd00:192:168:4::/64'] };
};
const egressPorts = (...ports: JsonObject[]): Tweak => (n) => {
  if (!n.spec.egress) egressEmpty(n);
  n.spec.egress![0].ports = ports;
};
const policyTypesEgress: Tweak = (n) => void (n.spec.policyTypes = ['Egress']);
const policyTypesIngressEgress: Tweak = (n) => void (n.spec.policyTypes = ['Ingress', 'Egress']);
const invalidSelector = { 'NoUppercaseOrSpecialCharsLike=Equals': 'b' };

test(`${FILE} TestValidateNetworkPolicy`, () => {
  const successes = [
    np(ingressEmpty),
    np(ingressFromEmpty, ingressEmptyPorts),
    np(ingressPorts(port(null, 80, 0), port('TCP', 0, 0), port('TCP', 443, 0), port('UDP', 'dns', 0), port('SCTP', 7777, 0))),
    np(ingressFromPodSelector('c', 'd')),
    np(ingressFromNamespaceSelector),
    np(ingressFromPodSelector('e', 'f'), ingressFromNamespaceSelector),
    np(egressToNamespaceSelector, ingressFromIPBlockIPV4),
    np(ingressFromIPBlockIPV4),
    np(egressToIPBlockIPV4, policyTypesEgress),
    np(egressToIPBlockIPV4, policyTypesIngressEgress),
    np(egressPorts(port(null, 80, 0), port('TCP', 0, 0), port('TCP', 443, 0), port('UDP', 'dns', 0), port('SCTP', 7777, 0))),
    np(egressToNamespaceSelector, ingressFromIPBlockIPV6),
    np(ingressFromIPBlockIPV6),
    np(egressToIPBlockIPV6, policyTypesEgress),
    np(egressToIPBlockIPV6, policyTypesIngressEgress),
    np(egressPorts(port(null, 32000, 32768), port('UDP', 'dns', 0))),
    np(egressToNamespaceSelector, egressPorts(port(null, 30000, 32768), port(null, 32000, 32768)), ingressFromPodSelector('e', 'f'), ingressPorts(port('TCP', 32768, 32768))),
  ];
  successes.forEach((p, k) => {
    const errs = validateNetworkPolicy(p, { allowInvalidLabelValueInSelector: true });
    assert.equal(errs.length, 0, `success case ${k}: ${show(errs)}`);
  });
  const setFromIPBlock = (ipBlock: JsonObject): Tweak => (n) => void (from0(n).ipBlock = ipBlock);
  const errors: [string, JsonObject][] = [
    ['namespaceSelector and ipBlock', np(ingressFromNamespaceSelector, ingressFromIPBlockIPV4)],
    ['podSelector and ipBlock', np(egressToPodSelector, egressToIPBlockIPV4)],
    ['missing from and to type', np(ingressFromEmpty, egressToEmpty)],
    ['invalid spec.podSelector', np(ingressFromNamespaceSelector, (n) => void (n.spec = { podSelector: { matchLabels: invalidSelector } }))],
    ['invalid ingress.ports.protocol', np(ingressPorts(port('ICMP', 80, 0)))],
    ['invalid ingress.ports.port (int)', np(ingressPorts(port('TCP', 123456789, 0)))],
    ['invalid ingress.ports.port (str)', np(ingressPorts(port('TCP', '!@#$', 0)))],
    ['invalid ingress.from.podSelector', np(ingressFromEmpty, (n) => void (from0(n).podSelector = { matchLabels: invalidSelector }))],
    ['invalid egress.to.podSelector', np(egressToEmpty, (n) => void (to0(n).podSelector = { matchLabels: invalidSelector }))],
    ['invalid egress.ports.protocol', np(egressPorts(port('ICMP', 80, 0)))],
    ['invalid egress.ports.port (int)', np(egressPorts(port('TCP', 123456789, 0)))],
    ['invalid egress.ports.port (str)', np(egressPorts(port('TCP', '!@#$', 0)))],
    ['invalid ingress.from.namespaceSelector', np(ingressFromEmpty, (n) => void (from0(n).namespaceSelector = { matchLabels: invalidSelector }))],
    ['missing cidr field', np(ingressFromIPBlockIPV4, (n) => void ((from0(n).ipBlock as JsonObject).cidr = ''))],
    ['invalid cidr format', np(ingressFromIPBlockIPV4, (n) => void ((from0(n).ipBlock as JsonObject).cidr = '192.168.5.6'))],
    ['invalid ipv6 cidr format', np(ingressFromIPBlockIPV6, (n) => void ((from0(n).ipBlock as JsonObject).cidr = 'fd00:192:168::'))],
    ['except field is an empty string', np(ingressFromIPBlockIPV4, (n) => void ((from0(n).ipBlock as JsonObject).except = ['']))],
    ['except field is an space string', np(ingressFromIPBlockIPV4, (n) => void ((from0(n).ipBlock as JsonObject).except = [' ']))],
    ['except field is an invalid ip', np(ingressFromIPBlockIPV4, (n) => void ((from0(n).ipBlock as JsonObject).except = ['300.300.300.300']))],
    ['except IP is outside of CIDR range', np(ingressFromEmpty, setFromIPBlock({ cidr: '192.168.8.0/24', except: ['192.168.9.1/32'] }))],
    ['except IP is not strictly within CIDR range', np(ingressFromEmpty, setFromIPBlock({ cidr: '192.168.0.0/24', except: ['192.168.0.0/24'] }))],
    ['except IPv6 is outside of CIDR range', np(ingressFromEmpty, setFromIPBlock({ cidr: 'fd00:192:168:1::/64', except: ['fd00:192:168:2::/64'] }))],
    ['invalid policyTypes', np(egressToIPBlockIPV4, (n) => void (n.spec.policyTypes = ['foo', 'bar']))],
    ['too many policyTypes', np(egressToIPBlockIPV4, (n) => void (n.spec.policyTypes = ['foo', 'bar', 'baz']))],
    ['multiple ports defined, one port range is invalid', np(egressToNamespaceSelector, egressPorts(port('UDP', 35000, 32768), port(null, 32000, 32768)))],
    ['endPort defined with named/string port', np(egressToNamespaceSelector, egressPorts(port('UDP', 'dns', 32768), port(null, 32000, 32768)))],
    ['endPort defined without port defined', np(egressToNamespaceSelector, egressPorts(port('TCP', 0, 32768)))],
    ['port is greater than endPort', np(egressToNamespaceSelector, egressPorts(port('SCTP', 35000, 32768)))],
    ['multiple invalid port ranges defined', np(egressToNamespaceSelector, egressPorts(port('UDP', 35000, 32768), port('TCP', 0, 32768), port('TCP', 'https', 32768)))],
    ['invalid endport range defined', np(egressToNamespaceSelector, egressPorts(port('TCP', 30000, 65537)))],
  ];
  for (const [name, p] of errors) assert.ok(validateNetworkPolicy(p, { allowInvalidLabelValueInSelector: true }).length > 0, `expected failure for test: ${name}`);
  // Through the table (strategy options: strict label values).
  assert.equal(validationFor('networking.k8s.io/v1/NetworkPolicy')!.create(np(ingressFromPodSelector('c', 'd'))).length, 0);
});

test(`${FILE} TestValidateNetworkPolicyUpdate`, () => {
  const p = (name: string, podSelector: JsonObject): JsonObject => ({ metadata: { name, namespace: 'bar', resourceVersion: '1' }, spec: { podSelector, ingress: [] } });
  const successes: [string, JsonObject, JsonObject][] = [
    ['no change', p('foo', { matchLabels: { a: 'b' } }), p('foo', { matchLabels: { a: 'b' } })],
    ['change spec', p('foo', {}), p('foo', { matchLabels: { a: 'b' } })],
  ];
  for (const [name, old, update] of successes) {
    const errs = validateNetworkPolicyUpdate(update, old, { allowInvalidLabelValueInSelector: false });
    assert.equal(errs.length, 0, `${name}: ${show(errs)}`);
  }
  assert.ok(validateNetworkPolicyUpdate(p('baz', {}), p('foo', {}), { allowInvalidLabelValueInSelector: false }).length > 0, 'change name: expected failure');
});

// ---------------------------------------------------------------------------
// Ingress

const serviceBackend = { name: 'defaultbackend', port: { number: 80 } };
const defaultBackend = { service: serviceBackend };
const resourceBackend = { apiGroup: 'example.com', kind: 'foo', name: 'bar' };
type Ing = { metadata: JsonObject; spec: { defaultBackend?: JsonObject; rules: { host: string; http: { paths: JsonObject[] } }[]; tls?: JsonObject[]; ingressClassName?: string } };

test(`${FILE} TestValidateIngress`, () => {
  const base = (): Ing => ({
    metadata: { name: 'foo', namespace: 'default' },
    spec: { defaultBackend: structuredClone(defaultBackend), rules: [{ host: 'foo.bar.com', http: { paths: [{ path: '/foo', pathType: 'ImplementationSpecific', backend: structuredClone(defaultBackend) }] } }] },
  });
  const bothBackends = { service: serviceBackend, resource: resourceBackend };
  const cases: [string, (i: Ing) => void, string[]][] = [
    ['empty path (implementation specific)', (i) => void (i.spec.rules[0].http.paths[0].path = ''), []],
    ['valid path', (i) => void (i.spec.rules[0].http.paths[0].path = '/valid'), []],
    ['backend with no service', (i) => void ((i.spec.defaultBackend!.service as JsonObject).name = ''), ['spec.defaultBackend.service.name']],
    ['invalid path type', (i) => void (i.spec.rules[0].http.paths[0].pathType = 'foo'), ['spec.rules[0].http.paths[0].pathType']],
    [
      'empty path (prefix)',
      (i) => {
        i.spec.rules[0].http.paths[0].path = '';
        i.spec.rules[0].http.paths[0].pathType = 'Prefix';
      },
      ['spec.rules[0].http.paths[0].path'],
    ],
    ['no paths', (i) => void (i.spec.rules[0].http.paths = []), ['spec.rules[0].http.paths']],
    ['invalid host (foobar:80)', (i) => void (i.spec.rules[0].host = 'foobar:80'), ['spec.rules[0].host']],
    ['invalid host (127.0.0.1)', (i) => void (i.spec.rules[0].host = '127.0.0.1'), ['spec.rules[0].host']],
    ['valid wildcard host', (i) => void (i.spec.rules[0].host = '*.bar.com'), []],
    ['invalid wildcard host (foo.*.bar.com)', (i) => void (i.spec.rules[0].host = 'foo.*.bar.com'), ['spec.rules[0].host']],
    ['invalid wildcard host (*)', (i) => void (i.spec.rules[0].host = '*'), ['spec.rules[0].host']],
    ['path resource backend and service name are not allowed together', (i) => void (i.spec.rules[0].http.paths = [{ path: '/foo', pathType: 'ImplementationSpecific', backend: bothBackends }]), ['spec.rules[0].http.paths[0].backend']],
    ['path resource backend and service port are not allowed together', (i) => void (i.spec.rules[0].http.paths = [{ path: '/foo', pathType: 'ImplementationSpecific', backend: bothBackends }]), ['spec.rules[0].http.paths[0].backend']],
    ['spec.backend resource and service name are not allowed together', (i) => void (i.spec.defaultBackend = bothBackends), ['spec.defaultBackend']],
    ['spec.backend resource and service port are not allowed together', (i) => void (i.spec.defaultBackend = bothBackends), ['spec.defaultBackend']],
  ];
  for (const [name, tweak, fields] of cases) {
    const ing = base();
    tweak(ing);
    const errs = validateIngress(ing as unknown as JsonObject, {});
    assert.deepEqual(
      errs.map((e) => e.field),
      fields,
      `${name}\n${show(errs)}`,
    );
  }
});

test(`${FILE} TestValidateIngressRuleValue`, () => {
  const f = 'testing.http.paths[0].path';
  const cases: [string, string, string, string[]][] = [
    ['implementation specific: no leading slash', 'ImplementationSpecific', 'foo', [`${f}: Invalid value: "foo": must be an absolute path`]],
    ['implementation specific: leading slash', 'ImplementationSpecific', '/foo', []],
    ['implementation specific: many slashes', 'ImplementationSpecific', '/foo/bar/foo', []],
    ['implementation specific: repeating slashes', 'ImplementationSpecific', '/foo//bar/foo', []],
    ['prefix: no leading slash', 'Prefix', 'foo', [`${f}: Invalid value: "foo": must be an absolute path`]],
    ['prefix: leading slash', 'Prefix', '/foo', []],
    ['prefix: many slashes', 'Prefix', '/foo/bar/foo', []],
    ['prefix: repeating slashes', 'Prefix', '/foo//bar/foo', [`${f}: Invalid value: "/foo//bar/foo": must not contain '//'`]],
    ['exact: no leading slash', 'Exact', 'foo', [`${f}: Invalid value: "foo": must be an absolute path`]],
    ['exact: leading slash', 'Exact', '/foo', []],
    ['exact: many slashes', 'Exact', '/foo/bar/foo', []],
    ['exact: repeating slashes', 'Exact', '/foo//bar/foo', [`${f}: Invalid value: "/foo//bar/foo": must not contain '//'`]],
    ['prefix: with /./', 'Prefix', '/foo/./foo', [`${f}: Invalid value: "/foo/./foo": must not contain '/./'`]],
    ['exact: with /../', 'Exact', '/foo/../foo', [`${f}: Invalid value: "/foo/../foo": must not contain '/../'`]],
    ['prefix: with %2f', 'Prefix', '/foo/%2f/foo', [`${f}: Invalid value: "/foo/%2f/foo": must not contain '%2f'`]],
    ['exact: with %2F', 'Exact', '/foo/%2F/foo', [`${f}: Invalid value: "/foo/%2F/foo": must not contain '%2F'`]],
  ];
  for (const [name, pathType, path, want] of cases) {
    const rule = { http: { paths: [{ path, pathType, backend: { service: serviceBackend } }] } };
    assert.deepEqual(validateIngressRuleValue(rule, Path.of('testing')).map(errorString), want, name);
  }
});

test(`${FILE} TestValidateIngressCreate`, () => {
  const base = (): Ing => ({ metadata: { name: 'test123', namespace: 'test123', resourceVersion: '1234' }, spec: { defaultBackend: structuredClone(defaultBackend), rules: [] } });
  const rule = (path: string, pathType: string, backend: JsonObject, host = 'foo.bar.com') => [{ host, http: { paths: [{ path, pathType, backend }] } }];
  const cases: [string, (i: Ing) => void, string[]][] = [
    ['class field set', (i) => void (i.spec.ingressClassName = 'bar'), []],
    ['class annotation set', (i) => void (i.metadata.annotations = { 'kubernetes.io/ingress.class': 'foo' }), []],
    [
      'class field and annotation set with same value',
      (i) => {
        i.spec.ingressClassName = 'foo';
        i.metadata.annotations = { 'kubernetes.io/ingress.class': 'foo' };
      },
      [],
    ],
    [
      'class field and annotation set with different value',
      (i) => {
        i.spec.ingressClassName = 'bar';
        i.metadata.annotations = { 'kubernetes.io/ingress.class': 'foo' };
      },
      ['annotations.kubernetes.io/ingress.class: Invalid value: "foo": must match `ingressClassName` when both are specified'],
    ],
    ['valid regex path', (i) => void (i.spec.rules = rule('/([a-z0-9]*)', 'ImplementationSpecific', defaultBackend)), []],
    ['invalid regex path allowed (v1)', (i) => void (i.spec.rules = rule('/([a-z0-9]*)[', 'ImplementationSpecific', defaultBackend)), []],
    ['Spec.Backend.Resource field allowed on create', (i) => void (i.spec.defaultBackend = { resource: resourceBackend }), []],
    ['Paths.Backend.Resource field allowed on create', (i) => void (i.spec.rules = rule('/([a-z0-9]*)', 'ImplementationSpecific', { resource: resourceBackend })), []],
    ['valid secret', (i) => void (i.spec.tls = [{ secretName: 'valid' }]), []],
    [
      'invalid secret',
      (i) => void (i.spec.tls = [{ secretName: 'invalid name' }]),
      [
        `spec.tls[0].secretName: Invalid value: "invalid name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    ],
    [
      'valid rules with wildcard host',
      (i) => {
        i.spec.tls = [{ hosts: ['*.bar.com'] }];
        i.spec.rules = rule('/foo', 'Exact', defaultBackend, '*.foo.com');
      },
      [],
    ],
    [
      'invalid rules with wildcard host',
      (i) => {
        i.spec.tls = [{ hosts: ['*.bar.com'] }];
        i.spec.rules = rule('foo', 'Exact', defaultBackend, '*.foo.com');
      },
      ['spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path'],
    ],
  ];
  for (const [name, tweak, want] of cases) {
    const ing = base();
    tweak(ing);
    const errs = validationFor('networking.k8s.io/v1/Ingress')!.create(ing as unknown as JsonObject);
    assert.deepEqual(errs.map(errorString), want, name);
  }
});

// ---------------------------------------------------------------------------
// IngressClass (upstream compares each error's text; TooLong's text changed
// across apimachinery versions, so that case compares type and field).

/** makeValidIngressClass. */
const ingressClass = (name: string, controller: string, extra: { parameters?: JsonObject; resourceVersion?: string } = {}): JsonObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name, ...(extra.resourceVersion ? { resourceVersion: extra.resourceVersion } : {}) },
  spec: { controller, ...(extra.parameters ? { parameters: extra.parameters } : {}) },
});
/** makeIngressClassParams (nil pointers left out). */
const params = (apiGroup: string | null, kind: string, name: string, scope: string | null, namespace: string | null): JsonObject => ({
  ...(apiGroup !== null ? { apiGroup } : {}),
  kind,
  name,
  ...(scope !== null ? { scope } : {}),
  ...(namespace !== null ? { namespace } : {}),
});

test(`${FILE} TestValidateIngressClass`, () => {
  const DNS1123_SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
  const DNS1123_LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
  const cases: [string, JsonObject, string[]][] = [
    ['valid name, valid controller', ingressClass('test123', 'foo.co/bar'), []],
    ['invalid name, valid controller', ingressClass('test*123', 'foo.co/bar'), [`metadata.name: Invalid value: "test*123": ${DNS1123_SUBDOMAIN}`]],
    ['valid name, empty controller', ingressClass('test123', ''), ['spec.controller: Required value']],
    ['valid name, controller max length', ingressClass('test123', 'foo.co/' + 'a'.repeat(243)), []],
    ['valid name, valid controller, valid params', ingressClass('test123', 'foo.co/bar', { parameters: params('example.com', 'foo', 'bar', 'Cluster', null) }), []],
    ['valid name, valid controller, invalid params (no kind)', ingressClass('test123', 'foo.co/bar', { parameters: params('example.com', '', 'bar', 'Cluster', null) }), ['spec.parameters.kind: Required value: kind is required']],
    ['valid name, valid controller, invalid params (no name)', ingressClass('test123', 'foo.co/bar', { parameters: params('example.com', 'foo', '', 'Cluster', null) }), ['spec.parameters.name: Required value: name is required']],
    ['valid name, valid controller, invalid params (bad kind)', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo/', 'bar', 'Cluster', null) }), [`spec.parameters.kind: Invalid value: "foo/": may not contain '/'`]],
    ['valid name, valid controller, invalid params (bad scope)', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo', 'bar', 'bad-scope', null) }), ['spec.parameters.scope: Unsupported value: "bad-scope": supported values: "Cluster", "Namespace"']],
    ['valid name, valid controller, valid Namespace scope', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo', 'bar', 'Namespace', 'foo-ns') }), []],
    ['valid name, valid controller, valid scope, invalid namespace', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo', 'bar', 'Namespace', 'foo_ns') }), [`spec.parameters.namespace: Invalid value: "foo_ns": ${DNS1123_LABEL}`]],
    ['valid name, valid controller, valid Cluster scope', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo', 'bar', 'Cluster', null) }), []],
    ['valid name, valid controller, invalid scope', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo', 'bar', null, 'foo_ns') }), ['spec.parameters.scope: Required value']],
    ['namespace not set when scope is Namespace', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo', 'bar', 'Namespace', null) }), ["spec.parameters.namespace: Required value: `parameters.scope` is set to 'Namespace'"]],
    ['namespace is forbidden when scope is Cluster', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo', 'bar', 'Cluster', 'foo-ns') }), ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"]],
    ['empty namespace is forbidden when scope is Cluster', ingressClass('test123', 'foo.co/bar', { parameters: params(null, 'foo', 'bar', 'Cluster', '') }), ["spec.parameters.namespace: Forbidden: `parameters.scope` is set to 'Cluster'"]],
  ];
  for (const [name, obj, want] of cases) {
    const errs = validateIngressClass(obj);
    assert.deepEqual(errs.map(errorString), want, name);
  }
  const tooLong = validateIngressClass(ingressClass('test123', 'foo.co/' + 'a'.repeat(244)));
  assert.deepEqual(tooLong.map((e) => [e.type, e.field]), [['FieldValueTooLong', 'spec.controller']], 'valid name, controller too long: ' + show(tooLong));
});

test(`${FILE} TestValidateIngressClassUpdate`, () => {
  const nameChange = validateIngressClassUpdate(ingressClass('test123', 'foo.co/bar', { resourceVersion: '2' }), ingressClass('test123', 'foo.co/different'));
  assert.deepEqual(nameChange.map(errorString), ['spec.controller: Invalid value: "foo.co/bar": field is immutable'], 'name change');
  const paramsChange = validateIngressClassUpdate(
    ingressClass('test123', 'foo.co/bar', { resourceVersion: '2', parameters: params('v1', 'ConfigMap', 'foo', 'Namespace', 'bar') }),
    ingressClass('test123', 'foo.co/bar'),
  );
  assert.deepEqual(paramsChange, [], 'parameters change: ' + show(paramsChange));
});

/** TestValidateIngressTLS / TestValidateEmptyIngressTLS / TestValidateIngressStatusUpdate newValid. */
const tlsIngress = (host: string, tls: JsonObject[] | undefined, port = 80, withDefault = true, path: string | undefined = '/foo'): JsonObject => {
  const backend = { service: { name: 'defaultbackend', port: { number: port } } };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: 'foo', namespace: 'default' },
    spec: {
      ...(withDefault ? { defaultBackend: backend } : {}),
      rules: [{ host, http: { paths: [{ ...(path !== undefined ? { path } : {}), pathType: 'ImplementationSpecific', backend }] } }],
      ...(tls ? { tls } : {}),
    },
  };
};

test(`${FILE} TestValidateIngressTLS`, () => {
  const bad = validateIngress(tlsIngress('*.foo.bar.com', [{ hosts: ['foo.*.bar.com'] }]), {});
  assert.ok(bad.length > 0, 'expected failure');
  assert.equal(bad[0].field, 'spec.tls[0].hosts[0]', show(bad));
  assert.ok(errorString(bad[0]).includes(' Invalid value'), show(bad));
  const good = validateIngress(tlsIngress('*.bar.com', [{ hosts: ['*.bar.com'] }]), {});
  assert.deepEqual(good, [], show(good));
});

test(`${FILE} TestValidateEmptyIngressTLS`, () => {
  for (const tls of [[{}], [{ hosts: [] }]]) {
    const errs = validateIngress(tlsIngress('foo.bar.com', tls, 443, false, undefined), {});
    assert.deepEqual(errs, [], show(errs));
  }
});

test(`${FILE} TestValidateIngressStatusUpdate`, () => {
  const withStatus = (lb: JsonObject): JsonObject => {
    const ing = tlsIngress('foo.bar.com', undefined);
    (ing.metadata as JsonObject).resourceVersion = '9';
    // Upstream's newValid here has no pathType; the status update validates no spec, so the shared helper serves.
    ing.status = { loadBalancer: { ingress: [lb] } };
    return ing;
  };
  const oldValue = withStatus({ ip: '127.0.0.1', hostname: 'foo.bar.com' });
  assert.deepEqual(validateIngressStatusUpdate(withStatus({ ip: '127.0.0.2', hostname: 'foo.com' }), oldValue), []);
  const cases: [string, JsonObject][] = [
    ['status.loadBalancer.ingress[0].ip: Invalid value', withStatus({ ip: 'abcd', hostname: 'foo.com' })],
    ['status.loadBalancer.ingress[0].hostname: Invalid value', withStatus({ ip: '127.0.0.1', hostname: '127.0.0.1' })],
  ];
  for (const [k, obj] of cases) {
    const errs = validateIngressStatusUpdate(obj, oldValue);
    assert.ok(errs.length > 0, `expected failure for ${k}`);
    const [field, text] = k.split(':');
    assert.equal(errs[0].field, field, show(errs));
    assert.ok(errorString(errs[0]).includes(text), show(errs));
  }
});

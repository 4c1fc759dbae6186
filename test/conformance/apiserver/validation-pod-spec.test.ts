// ValidatePodSpec and the spec-level helpers, from upstream's tables.
// src: pkg/apis/core/validation/validation_test.go TestValidatePodSpec, TestValidatePodDNSConfig,
// TestValidatePodReadinessGates
//
// Upstream's failure cases only check that validation fails; the (type, field)
// pairs asserted here are the ones ValidatePodSpec's source produces for them.
// Go's internal PodSecurityContext holds hostNetwork, hostPID, hostIPC and
// shareProcessNamespace, which v1 JSON keeps on the spec.
import { test } from 'node:test';
import { Path } from '../../../simulations/apimachinery/field-path.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validatePodDNSConfig } from '../../../simulations/apiserver/validation/core/dns.ts';
import { validatePodSpec } from '../../../simulations/apiserver/validation/core/pod.ts';
import { assertErrors, makeContainer, makePodSpec, UPSTREAM, ZERO_OPTS, type ExpectedError } from './validation-pod-fixtures.ts';

const T = `${UPSTREAM} TestValidatePodSpec`;
const OPTS = { ...ZERO_OPTS, resourceIsPod: true };
const MAX_INT32 = 2147483647;

const successCases: Record<string, JsonObject> = {
  'populate basic fields, leave defaults for most': makePodSpec(),
  'populate all fields': makePodSpec({
    initContainers: [makeContainer('ictr')],
    volumes: [{ name: 'vol', emptyDir: {} }],
    nodeSelector: { key: 'value' },
    nodeName: 'foobar',
    activeDeadlineSeconds: MAX_INT32,
    serviceAccountName: 'acct',
    serviceAccount: 'acct',
  }),
  'populate HostNetwork': makePodSpec({ containers: [makeContainer('ctr', { ports: [{ hostPort: 8080, containerPort: 8080, protocol: 'TCP' }] })], hostNetwork: true }),
  'populate RunAsUser SupplementalGroups FSGroup with minID 0': makePodSpec({ securityContext: { supplementalGroups: [0], runAsUser: 0, fsGroup: 0 } }),
  'populate RunAsUser SupplementalGroups FSGroup with maxID 2147483647': makePodSpec({ securityContext: { supplementalGroups: [MAX_INT32], runAsUser: MAX_INT32, fsGroup: MAX_INT32 } }),
  'populate HostIPC': makePodSpec({ hostIPC: true }),
  'populate HostPID': makePodSpec({ hostPID: true }),
  'populate Affinity': makePodSpec({
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            {
              matchExpressions: [{ key: 'key2', operator: 'In', values: ['value1', 'value2'] }],
              matchFields: [{ key: 'metadata.name', operator: 'In', values: ['host1'] }],
            },
          ],
        },
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 10, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } }],
      },
    },
  }),
  'populate HostAliases': makePodSpec({ hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1', 'host2'] }] }),
  'populate HostAliases with `foo.bar` hostnames': makePodSpec({ hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1.foo', 'host2.bar'] }] }),
  'populate HostAliases with HostNetwork': makePodSpec({ hostAliases: [{ ip: '12.34.56.78', hostnames: ['host1.foo', 'host2.bar'] }], hostNetwork: true }),
  'populate PriorityClassName': makePodSpec({ priorityClassName: 'valid-name' }),
  'populate ShareProcessNamespace': makePodSpec({ shareProcessNamespace: true }),
  'populate RuntimeClassName': makePodSpec({ runtimeClassName: 'valid-sandbox' }),
  'populate Overhead': makePodSpec({ overhead: {} }),
  'populate FSGroupChangePolicy': makePodSpec({ securityContext: { fsGroupChangePolicy: 'Always' } }),
  'resources resize policy for containers': makePodSpec({ containers: [makeContainer('ctr', { resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }] })] }),
};
for (const [name, spec] of Object.entries(successCases)) {
  test(`${T}: ${name}`, () => assertErrors(validatePodSpec(spec, undefined, Path.of('field'), OPTS), [], name));
}

const I = 'FieldValueInvalid' as const;
const R = 'FieldValueRequired' as const;
const NS = 'FieldValueNotSupported' as const;
const failureCases: Record<string, { spec: JsonObject; errors: ExpectedError[] }> = {
  'bad volume': { spec: makePodSpec({ volumes: [{}] }), errors: [{ type: R, field: 'field.volumes[0]', detail: 'must specify a volume type' }, { type: R, field: 'field.volumes[0].name' }] },
  'no containers': { spec: makePodSpec({ containers: [] }), errors: [{ type: R, field: 'field.containers' }] },
  'bad container': {
    spec: makePodSpec({ containers: [{}] }),
    errors: ['name', 'image', 'terminationMessagePolicy', 'imagePullPolicy'].map((f) => ({ type: R, field: `field.containers[0].${f}` })),
  },
  'bad init container': {
    spec: makePodSpec({ initContainers: [{}] }),
    errors: ['name', 'image', 'terminationMessagePolicy', 'imagePullPolicy'].map((f) => ({ type: R, field: `field.initContainers[0].${f}` })),
  },
  'bad DNS policy': { spec: makePodSpec({ dnsPolicy: 'invalid' }), errors: [{ type: NS, field: 'field.dnsPolicy' }] },
  'bad service account name': { spec: makePodSpec({ serviceAccountName: 'invalidName', serviceAccount: 'invalidName' }), errors: [{ type: I, field: 'field.serviceAccountName' }] },
  'bad restart policy': { spec: makePodSpec({ restartPolicy: 'UnknowPolicy' }), errors: [{ type: NS, field: 'field.restartPolicy' }] },
  'with hostNetwork hostPort unspecified': {
    spec: makePodSpec({ containers: [makeContainer('ctr', { ports: [{ hostPort: 0, containerPort: 2600, protocol: 'TCP' }] })], hostNetwork: true }),
    errors: [{ type: I, field: 'field.containers[0].ports[0].hostPort', detail: 'must match `containerPort` when `hostNetwork` is true' }],
  },
  'with hostNetwork hostPort not equal to containerPort': {
    spec: makePodSpec({ containers: [makeContainer('ctr', { ports: [{ hostPort: 8080, containerPort: 2600, protocol: 'TCP' }] })], hostNetwork: true }),
    errors: [{ type: I, field: 'field.containers[0].ports[0].hostPort' }],
  },
  'with hostAliases with invalid IP': { spec: makePodSpec({ hostNetwork: false, hostAliases: [{ ip: '999.999.999.999', hostnames: ['host1', 'host2'] }] }), errors: [{ type: I, field: 'field.hostAliases[0].ip' }] },
  'with hostAliases with invalid hostname': { spec: makePodSpec({ hostNetwork: false, hostAliases: [{ ip: '12.34.56.78', hostnames: ['@#$^#@#$'] }] }), errors: [{ type: I, field: 'field.hostAliases[0].hostnames[0]' }] },
  'bad supplementalGroups large than math.MaxInt32': { spec: makePodSpec({ securityContext: { supplementalGroups: [MAX_INT32 + 1, 1234] } }), errors: [{ type: I, field: 'field.securityContext.supplementalGroups[0]' }] },
  'bad supplementalGroups less than 0': { spec: makePodSpec({ securityContext: { supplementalGroups: [-1, 1234] } }), errors: [{ type: I, field: 'field.securityContext.supplementalGroups[0]' }] },
  'bad runAsUser large than math.MaxInt32': { spec: makePodSpec({ securityContext: { runAsUser: MAX_INT32 + 1 } }), errors: [{ type: I, field: 'field.securityContext.runAsUser' }] },
  'bad runAsUser less than 0': { spec: makePodSpec({ securityContext: { runAsUser: -1 } }), errors: [{ type: I, field: 'field.securityContext.runAsUser' }] },
  'bad fsGroup large than math.MaxInt32': { spec: makePodSpec({ securityContext: { fsGroup: MAX_INT32 + 1 } }), errors: [{ type: I, field: 'field.securityContext.fsGroup' }] },
  'bad fsGroup less than 0': { spec: makePodSpec({ securityContext: { fsGroup: -1 } }), errors: [{ type: I, field: 'field.securityContext.fsGroup' }] },
  'bad-active-deadline-seconds': { spec: makePodSpec({ activeDeadlineSeconds: 0 }), errors: [{ type: I, field: 'field.activeDeadlineSeconds', detail: 'must be between 1 and 2147483647, inclusive' }] },
  'active-deadline-seconds-too-large': { spec: makePodSpec({ activeDeadlineSeconds: MAX_INT32 + 1 }), errors: [{ type: I, field: 'field.activeDeadlineSeconds' }] },
  'bad nodeName': { spec: makePodSpec({ nodeName: 'node name' }), errors: [{ type: I, field: 'field.nodeName' }] },
  'bad PriorityClassName': { spec: makePodSpec({ priorityClassName: 'InvalidName' }), errors: [{ type: I, field: 'field.priorityClassName' }] },
  'ShareProcessNamespace and HostPID both set': {
    spec: makePodSpec({ hostPID: true, shareProcessNamespace: true }),
    errors: [{ type: I, field: 'field.securityContext.shareProcessNamespace', detail: 'ShareProcessNamespace and HostPID cannot both be enabled' }],
  },
  'bad RuntimeClassName': { spec: makePodSpec({ runtimeClassName: 'invalid/sandbox' }), errors: [{ type: I, field: 'field.runtimeClassName' }] },
  'bad empty fsGroupchangepolicy': { spec: makePodSpec({ securityContext: { fsGroupChangePolicy: '' } }), errors: [{ type: NS, field: 'field.securityContext.fsGroupChangePolicy' }] },
  'bad invalid fsgroupchangepolicy': { spec: makePodSpec({ securityContext: { fsGroupChangePolicy: 'invalid' } }), errors: [{ type: NS, field: 'field.securityContext.fsGroupChangePolicy' }] },
};
for (const [name, c] of Object.entries(failureCases)) {
  test(`${T}: ${name}`, () => assertErrors(validatePodSpec(c.spec, undefined, Path.of('field'), OPTS), c.errors, name));
}

const T_DNS = `${UPSTREAM} TestValidatePodDNSConfig`;
const a = (n: number) => 'a'.repeat(n);
const dnsCases: { desc: string; config: JsonObject; policy?: string; errors: ExpectedError[] }[] = [
  { desc: 'valid: empty DNSConfig', config: {}, errors: [] },
  { desc: 'valid: 1 option', config: { options: [{ name: 'ndots', value: '2' }] }, errors: [] },
  { desc: 'valid: 1 nameserver', config: { nameservers: ['127.0.0.1'] }, errors: [] },
  { desc: 'valid: DNSNone with 1 nameserver', config: { nameservers: ['127.0.0.1'] }, policy: 'None', errors: [] },
  { desc: 'valid: 1 search path', config: { searches: ['custom'] }, errors: [] },
  { desc: 'valid: 1 search path with trailing period', config: { searches: ['custom.'] }, errors: [] },
  {
    desc: 'valid: 3 nameservers and 6 search paths(legacy)',
    config: { nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8'], searches: ['custom', 'mydomain.com', 'local', 'cluster.local', 'svc.cluster.local', 'default.svc.cluster.local.'] },
    errors: [],
  },
  {
    desc: 'valid: 3 nameservers and 32 search paths',
    config: {
      nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8'],
      searches: ['custom', 'mydomain.com', 'local', 'cluster.local', 'svc.cluster.local', 'default.svc.cluster.local.', ...Array.from({ length: 26 }, (_, i) => String(i + 7))],
    },
    errors: [],
  },
  { desc: 'valid: 256 characters in search path list(legacy)', config: { searches: [a(1), a(50), a(50), a(50), a(50), a(50)] }, errors: [] },
  { desc: 'valid: 2048 characters in search path list', config: { searches: [a(64), ...Array.from({ length: 31 }, () => a(63))] }, errors: [] },
  { desc: 'valid: ipv6 nameserver', config: { nameservers: ['FE80::0202:B3FF:FE1E:8329'] }, errors: [] },
  {
    desc: 'invalid: 4 nameservers',
    config: { nameservers: ['127.0.0.1', '10.0.0.10', '8.8.8.8', '1.2.3.4'] },
    errors: [{ type: I, field: 'dnsConfig.nameservers', detail: 'must not have more than 3 nameservers' }],
  },
  { desc: 'valid: 7 search paths', config: { searches: ['custom', 'mydomain.com', 'local', 'cluster.local', 'svc.cluster.local', 'default.svc.cluster.local', 'exceeded'] }, errors: [] },
  {
    desc: 'invalid: 33 search paths',
    config: { searches: ['custom', 'mydomain.com', 'local', 'cluster.local', 'svc.cluster.local', 'default.svc.cluster.local.', ...Array.from({ length: 27 }, (_, i) => String(i + 7))] },
    errors: [{ type: I, field: 'dnsConfig.searches', detail: 'must not have more than 32 search paths' }],
  },
  { desc: 'valid: 257 characters in search path list', config: { searches: [a(2), a(50), a(50), a(50), a(50), a(50)] }, errors: [] },
  {
    desc: 'invalid: 2049 characters in search path list',
    config: { searches: [a(65), ...Array.from({ length: 31 }, () => a(63))] },
    errors: [{ type: I, field: 'dnsConfig.searches', detail: 'must not have more than 2048 characters (including spaces) in the search list' }],
  },
  { desc: 'invalid search path', config: { searches: ['custom?'] }, errors: [{ type: I, field: 'dnsConfig.searches[0]' }] },
  { desc: 'invalid nameserver', config: { nameservers: ['invalid'] }, errors: [{ type: I, field: 'dnsConfig.nameservers[0]' }] },
  { desc: 'invalid empty option name', config: { options: [{ value: '2' }] }, errors: [{ type: R, field: 'dnsConfig.options[0]', detail: 'must not be empty' }] },
  {
    desc: 'invalid: DNSNone with 0 nameserver',
    config: { searches: ['custom'] },
    policy: 'None',
    errors: [{ type: R, field: 'dnsConfig.nameservers', detail: 'must provide at least one DNS nameserver when `dnsPolicy` is None' }],
  },
];
for (const c of dnsCases) {
  test(`${T_DNS}: ${c.desc}`, () => assertErrors(validatePodDNSConfig(c.config, c.policy ?? 'ClusterFirst', Path.of('dnsConfig'), ZERO_OPTS), c.errors, c.desc));
}

test(`${UPSTREAM} TestValidatePodReadinessGates`, () => {
  const spec = (gates: JsonObject[]) => makePodSpec({ readinessGates: gates });
  for (const gates of [[], [{ conditionType: 'example.com/condition' }], [{ conditionType: 'example.com/condition1' }, { conditionType: 'example.com/condition2' }]]) {
    assertErrors(validatePodSpec(spec(gates), undefined, Path.of('field'), OPTS), [], JSON.stringify(gates));
  }
  assertErrors(
    validatePodSpec(spec([{ conditionType: 'invalid/condition/type' }]), undefined, Path.of('field'), OPTS),
    [{ type: I, field: 'field.readinessGates[0].conditionType' }],
    'invalid condition type',
  );
});

// Upstream: pkg/apis/networking/v1/defaults_test.go TestSetDefaultNetworkPolicy;
// pkg/apis/scheduling/v1/defaults_test.go TestSetDefaultPreemptionPolicy;
// pkg/apis/storage/v1/defaults_test.go TestSetDefaultVolumeBindingMode;
// pkg/apis/discovery/v1/defaults_test.go TestSetDefaultEndpointPort.
// Not transcribed: the CSIDriver cases of storage/v1 (CSIDriver is not served here).
// rbac/v1, apiextensions/v1 and policy/v1 have no defaults_test.go: their cases
// follow the source they name (rbac/v1 and apiextensions/v1 defaults.go;
// policy/v1 has no defaults.go at all).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { at, defaulted } from './defaults-builders.ts';

const NET = 'pkg/apis/networking/v1/defaults_test.go TestSetDefaultNetworkPolicy';
const netpol = (spec: JsonObject): JsonObject => ({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'n' }, spec });
const podSelector = { matchLabels: { a: 'b' } };
const ingressRules = [{ from: [{ podSelector: { matchLabels: { c: 'd' } }, namespaceSelector: { matchLabels: { c: 'd' } } }] }];
const egressRules = [{ to: [{ namespaceSelector: { matchLabels: { c: 'd' } } }] }];
const egressOnly = [{ to: [{ namespaceSelector: { matchLabels: { Egress: 'only' } } }] }];

const netpolCases: { name: string; spec: JsonObject; want: string[] }[] = [
  { name: 'Empty NetworkPolicy should be set to PolicyTypes Ingress', spec: { podSelector }, want: ['Ingress'] },
  { name: 'Empty Ingress NetworkPolicy should be set to PolicyTypes Ingress', spec: { podSelector, ingress: [] }, want: ['Ingress'] },
  { name: 'Defined Ingress and Egress should be set to Ingress,Egress', spec: { podSelector, ingress: ingressRules, egress: egressRules }, want: ['Ingress', 'Egress'] },
  { name: 'Egress only with unset PolicyTypes should be set to Ingress, Egress', spec: { podSelector, egress: egressRules }, want: ['Ingress', 'Egress'] },
  { name: 'Egress only with PolicyTypes set to Egress should be set to only Egress', spec: { podSelector, egress: egressOnly, policyTypes: ['Egress'] }, want: ['Egress'] },
];
for (const c of netpolCases) {
  test(`${NET} ${c.name}`, () => {
    assert.deepEqual(defaulted(netpol(structuredClone(c.spec))).spec, { ...structuredClone(c.spec), policyTypes: c.want });
  });
}

test('pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicyPort: ingress and egress ports default to TCP', () => {
  const out = defaulted(netpol({ podSelector: {}, ingress: [{ ports: [{ port: 80 }, { protocol: 'UDP', port: 53 }] }], egress: [{ ports: [{ port: 443 }] }] }));
  assert.deepEqual(at(out, ['spec', 'ingress', 0, 'ports']), [{ port: 80, protocol: 'TCP' }, { protocol: 'UDP', port: 53 }]);
  assert.deepEqual(at(out, ['spec', 'egress', 0, 'ports']), [{ port: 443, protocol: 'TCP' }]);
});

test('pkg/apis/networking/v1/defaults.go SetDefaults_IngressClass: parameters without a scope are Cluster-scoped', () => {
  const ic = (spec: JsonObject) => defaulted({ apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'i' }, spec });
  assert.equal(at(ic({ controller: 'x/y', parameters: { kind: 'K', name: 'n' } }), ['spec', 'parameters', 'scope']), 'Cluster');
  assert.deepEqual(ic({ controller: 'x/y' }).spec, { controller: 'x/y' });
});

test('pkg/apis/scheduling/v1/defaults_test.go TestSetDefaultPreemptionPolicy', () => {
  const out = defaulted({ apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: { name: 'pc' }, value: 1000 });
  assert.equal(out.preemptionPolicy, 'PreemptLowerPriority');
});

test('pkg/apis/storage/v1/defaults_test.go TestSetDefaultVolumeBindingMode', () => {
  const out = defaulted({ apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'sc' }, provisioner: 'x' });
  assert.equal(out.volumeBindingMode, 'Immediate');
  // pkg/apis/storage/v1/defaults.go SetDefaults_StorageClass (source)
  assert.equal(out.reclaimPolicy, 'Delete');
});

const slice = (ports: JsonObject[]): JsonObject => ({ apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', metadata: { name: 'e' }, addressType: 'IPv4', endpoints: [], ports });
for (const c of [
  { name: 'should set appropriate defaults', ports: [{ port: 80 }], want: [{ port: 80, name: '', protocol: 'TCP' }] },
  { name: 'should not overwrite values with defaults when set', ports: [{ name: 'foo', protocol: 'UDP' }], want: [{ name: 'foo', protocol: 'UDP' }] },
]) {
  test(`pkg/apis/discovery/v1/defaults_test.go TestSetDefaultEndpointPort ${c.name}`, () => {
    assert.deepEqual(defaulted(slice(c.ports)).ports, c.want);
  });
}

const RBAC = 'pkg/apis/rbac/v1/defaults.go';
for (const kind of ['RoleBinding', 'ClusterRoleBinding']) {
  test(`${RBAC} SetDefaults_${kind} and SetDefaults_Subject`, () => {
    const out = defaulted({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind,
      metadata: { name: 'b' },
      roleRef: { kind: 'ClusterRole', name: 'view' },
      subjects: [
        { kind: 'User', name: 'jane' },
        { kind: 'Group', name: 'devs' },
        { kind: 'ServiceAccount', name: 'default', namespace: 'default' },
        { kind: 'User', name: 'bob', apiGroup: 'example.com' },
      ],
    });
    assert.deepEqual(out.roleRef, { kind: 'ClusterRole', name: 'view', apiGroup: 'rbac.authorization.k8s.io' });
    assert.deepEqual(out.subjects, [
      { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'Group', name: 'devs', apiGroup: 'rbac.authorization.k8s.io' },
      // apiGroup "" is what SetDefaults_Subject gives a ServiceAccount; Go omits it when printing.
      { kind: 'ServiceAccount', name: 'default', namespace: 'default' },
      { kind: 'User', name: 'bob', apiGroup: 'example.com' },
    ]);
  });
}

const CRD = 'staging/src/k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1/defaults.go';
test(`${CRD} SetDefaults_CustomResourceDefinition: names, conversion None, storedVersions`, () => {
  const out = defaulted({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      scope: 'Namespaced',
      names: { plural: 'widgets', kind: 'Widget' },
      versions: [{ name: 'v1alpha1', served: true, storage: false }, { name: 'v1', served: true, storage: true }],
    },
  });
  assert.deepEqual(at(out, ['spec', 'names']), { plural: 'widgets', kind: 'Widget', singular: 'widget', listKind: 'WidgetList' });
  assert.deepEqual(at(out, ['spec', 'conversion']), { strategy: 'None' });
  assert.deepEqual(at(out, ['status', 'storedVersions']), ['v1']);
});

test(`${CRD} SetDefaults_ServiceReference: a conversion webhook service's port is 443`, () => {
  const out = defaulted({
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      names: { plural: 'widgets', kind: 'Widget', singular: 'gadget', listKind: 'Gadgets' },
      conversion: { strategy: 'Webhook', webhook: { conversionReviewVersions: ['v1'], clientConfig: { service: { namespace: 'ns', name: 'conv' } } } },
    },
  });
  assert.equal(at(out, ['spec', 'conversion', 'webhook', 'clientConfig', 'service', 'port']), 443);
  assert.deepEqual(at(out, ['spec', 'names']), { plural: 'widgets', kind: 'Widget', singular: 'gadget', listKind: 'Gadgets' });
});

test('policy/v1 has no defaults.go: a PodDisruptionBudget comes back as written', () => {
  const pdb = { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: { minAvailable: 1, selector: { matchLabels: { a: 'b' } } } };
  assert.deepEqual(defaulted(structuredClone(pdb)), pdb);
});

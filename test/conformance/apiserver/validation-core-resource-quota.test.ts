// Upstream: pkg/apis/core/validation/validation_test.go: TestValidateResourceQuota.
//
// Upstream asserts success, or failure with every error's detail containing
// errDetail (or a failure naming errField). The `errors` below also name each
// error's type and field as ValidateResourceQuota produces them (traced
// through validation.go; ResourceList keys in sorted order). errDetail is
// checked where it is a literal or one of validation.go's constants
// (isNegativeErrorMsg, isNotIntegerErrorMsg, isInvalidQuotaResource).
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
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const rq = validationFor('v1/ResourceQuota');

const spec = {
  hard: {
    cpu: '100',
    memory: '10000',
    'requests.cpu': '100',
    'requests.memory': '10000',
    'limits.cpu': '100',
    'limits.memory': '10000',
    pods: '10',
    services: '0',
    replicationcontrollers: '10',
    resourcequotas: '10',
    configmaps: '10',
    secrets: '10',
    // Unknown and not enforced unless DRA is enabled, but not invalid.
    'count/resourceclaims.resource.k8s.io': '1',
    'gold.deviceclass.resource.k8s.io/devices': '1',
  },
};
const terminatingSpec = { hard: { cpu: '100', 'limits.cpu': '200' }, scopes: ['Terminating'] };
const nonTerminatingSpec = { hard: { cpu: '100' }, scopes: ['NotTerminating'] };
const bestEffortSpec = { hard: { pods: '100' }, scopes: ['BestEffort'] };
const nonBestEffortSpec = { hard: { cpu: '100' }, scopes: ['NotBestEffort'] };
const crossNamespaceAffinitySpec = { hard: { cpu: '100', 'limits.cpu': '200' }, scopes: ['CrossNamespacePodAffinity'] };
const scopeSelectorSpec = { scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In', values: ['cluster-services'] }] } };
const invalidQuotaResourceSpec = { hard: { storage: '10' } };
const negativeSpec = {
  hard: { cpu: '-100', memory: '-10000', pods: '-10', services: '-10', replicationcontrollers: '-10', resourcequotas: '-10', configmaps: '-10', secrets: '-10' },
};
const fractionalComputeSpec = { hard: { cpu: '100m' } };
const fractionalPodSpec = { hard: { pods: '.1', services: '.5', replicationcontrollers: '1.25', resourcequotas: '2.5' } };
const invalidTerminatingScopePairsSpec = { hard: { cpu: '100' }, scopes: ['Terminating', 'NotTerminating'] };
const invalidBestEffortScopePairsSpec = { hard: { pods: '100' }, scopes: ['BestEffort', 'NotBestEffort'] };
const invalidCrossNamespaceAffinitySpec = {
  scopeSelector: { matchExpressions: [{ scopeName: 'CrossNamespacePodAffinity', operator: 'In', values: ['cluster-services'] }] },
};
const invalidScopeNameSpec = { hard: { cpu: '100' }, scopes: ['foo'] };

const quota = (name: string, namespace: string, s: JsonObject): JsonObject => ({ apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name, namespace }, spec: s });
const hard = (k: string) => `spec.hard[${k}]`;

const cases: { name: string; object: JsonObject; detail?: string; errors: Want[] }[] = [
  { name: 'no-scope', object: quota('abc', 'foo', spec), errors: [] },
  { name: 'fractional-compute-spec', object: quota('abc', 'foo', fractionalComputeSpec), errors: [] },
  { name: 'terminating-spec', object: quota('abc', 'foo', terminatingSpec), errors: [] },
  { name: 'non-terminating-spec', object: quota('abc', 'foo', nonTerminatingSpec), errors: [] },
  { name: 'best-effort-spec', object: quota('abc', 'foo', bestEffortSpec), errors: [] },
  { name: 'cross-namespace-affinity-spec', object: quota('abc', 'foo', crossNamespaceAffinitySpec), errors: [] },
  { name: 'scope-selector-spec', object: quota('abc', 'foo', scopeSelectorSpec), errors: [] },
  { name: 'non-best-effort-spec', object: quota('abc', 'foo', nonBestEffortSpec), errors: [] },
  { name: 'zero-length Name', object: quota('', 'foo', spec), detail: 'name or generateName is required', errors: [R('metadata.name')] },
  { name: 'zero-length Namespace', object: quota('abc', '', spec), errors: [R('metadata.namespace')] },
  { name: 'invalid Name', object: quota('^Invalid', 'foo', spec), errors: [I('metadata.name')] },
  { name: 'invalid Namespace', object: quota('abc', '^Invalid', spec), errors: [I('metadata.namespace')] },
  {
    name: 'negative-limits',
    object: quota('abc', 'foo', negativeSpec),
    detail: 'must be greater than or equal to 0',
    errors: ['configmaps', 'cpu', 'memory', 'pods', 'replicationcontrollers', 'resourcequotas', 'secrets', 'services'].map((k) => I(hard(k))),
  },
  {
    name: 'fractional-api-resource',
    object: quota('abc', 'foo', fractionalPodSpec),
    detail: 'must be an integer',
    errors: ['pods', 'replicationcontrollers', 'resourcequotas', 'services'].map((k) => I(hard(k))),
  },
  { name: 'invalid-quota-resource', object: quota('abc', 'foo', invalidQuotaResourceSpec), detail: 'must be a standard resource for quota', errors: [I(hard('storage'))] },
  { name: 'invalid-quota-terminating-pair', object: quota('abc', 'foo', invalidTerminatingScopePairsSpec), detail: 'conflicting scopes', errors: [I('spec.scopes')] },
  { name: 'invalid-quota-besteffort-pair', object: quota('abc', 'foo', invalidBestEffortScopePairsSpec), detail: 'conflicting scopes', errors: [I('spec.scopes')] },
  { name: 'invalid-quota-scope-name', object: quota('abc', 'foo', invalidScopeNameSpec), detail: 'unsupported scope', errors: [I('spec.scopes')] },
  {
    name: 'invalid-cross-namespace-affinity',
    object: quota('abc', 'foo', invalidCrossNamespaceAffinitySpec),
    detail:
      "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
    errors: [I('spec.scopeSelector.matchExpressions.operator')],
  },
];

test(`${FILE} TestValidateResourceQuota`, async (t) => {
  assert.ok(rq);
  for (const c of cases) {
    await t.test(c.name, () => {
      const errs = rq.create(c.object);
      assert.deepEqual(pick(errs), c.errors, show(errs));
      if (c.detail !== undefined) for (const e of errs) assert.ok(e.detail.includes(c.detail), `${errorString(e)} lacks ${c.detail}`);
    });
  }
});

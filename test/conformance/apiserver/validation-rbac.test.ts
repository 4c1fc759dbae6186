// Upstream: pkg/apis/rbac/validation/validation_test.go (stored version):
// TestValidateClusterRoleBinding, TestValidateRoleBinding,
// TestValidateRoleBindingUpdate and the single-case TestValidateRole* functions.
// As upstream checks them: every error of a failing case has the case's type and field.
// rbac/v1 JSON for upstream's internal objects (rbac.GroupName is "rbac.authorization.k8s.io").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString } from '../../../simulations/apimachinery/field-errors.ts';
import type { ErrorList } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validateClusterRoleBinding, validateRoleBinding, validateRoleBindingUpdate } from '../../../simulations/apiserver/validation/rbac/role-binding.ts';
import { validateClusterRole, validateRole } from '../../../simulations/apiserver/validation/rbac/role.ts';

const FILE = 'pkg/apis/rbac/validation/validation_test.go';
const G = 'rbac.authorization.k8s.io';
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';

interface ErrorCase { upstream: string; name: string; object: JsonObject; errors: { type: string; field: string }[] }

/** Upstream's loop: at least one error, and every error has the case's type and field. */
function assertAllErrors(errs: ErrorList, c: ErrorCase): void {
  assert.ok(errs.length > 0, `${c.name}: expected failure`);
  for (const e of errs) {
    assert.equal(e.type, c.errors[0].type, `${c.name}: ${show(errs)}`);
    assert.equal(e.field, c.errors[0].field, `${c.name}: ${show(errs)}`);
  }
}

const crb = (metadata: JsonObject, roleRef: JsonObject, subjects?: JsonObject[]): JsonObject => ({
  apiVersion: `${G}/v1`, kind: 'ClusterRoleBinding', metadata, roleRef, ...(subjects ? { subjects } : {}),
});
const rb = (metadata: JsonObject, roleRef: JsonObject, subjects?: JsonObject[]): JsonObject => ({
  apiVersion: `${G}/v1`, kind: 'RoleBinding', metadata, roleRef, ...(subjects ? { subjects } : {}),
});

test(`${FILE} TestValidateClusterRoleBinding`, () => {
  const ok = crb({ name: 'master' }, { apiGroup: G, kind: 'ClusterRole', name: 'valid' }, [
    { name: 'validsaname', apiGroup: '', namespace: 'foo', kind: 'ServiceAccount' },
    { name: 'valid@username', apiGroup: G, kind: 'User' },
    { name: 'valid@groupname', apiGroup: G, kind: 'Group' },
  ]);
  assert.deepEqual(validateClusterRoleBinding(ok), [], show(validateClusterRoleBinding(ok)));
  const up = 'TestValidateClusterRoleBinding';
  const cases: ErrorCase[] = [
    { upstream: up, name: 'bad group', object: crb({ name: 'default' }, { apiGroup: 'rbac.GroupName', kind: 'ClusterRole', name: 'valid' }), errors: [{ type: 'FieldValueNotSupported', field: 'roleRef.apiGroup' }] },
    { upstream: up, name: 'bad kind', object: crb({ name: 'default' }, { apiGroup: G, kind: 'Type', name: 'valid' }), errors: [{ type: 'FieldValueNotSupported', field: 'roleRef.kind' }] },
    { upstream: up, name: 'reference role', object: crb({ name: 'default' }, { apiGroup: G, kind: 'Role', name: 'valid' }), errors: [{ type: 'FieldValueNotSupported', field: 'roleRef.kind' }] },
    { upstream: up, name: 'zero-length name', object: crb({}, { apiGroup: G, kind: 'ClusterRole', name: 'valid' }), errors: [{ type: 'FieldValueRequired', field: 'metadata.name' }] },
    { upstream: up, name: 'bad role', object: crb({ name: 'default' }, { apiGroup: G, kind: 'ClusterRole' }), errors: [{ type: 'FieldValueRequired', field: 'roleRef.name' }] },
    { upstream: up, name: 'bad subject kind', object: crb({ name: 'master' }, { apiGroup: G, kind: 'ClusterRole', name: 'valid' }, [{ name: 'subject' }]), errors: [{ type: 'FieldValueNotSupported', field: 'subjects[0].kind' }] },
    { upstream: up, name: 'bad subject name', object: crb({ name: 'master' }, { apiGroup: G, kind: 'ClusterRole', name: 'valid' }, [{ namespace: 'foo', name: 'subject:bad', kind: 'ServiceAccount' }]), errors: [{ type: 'FieldValueInvalid', field: 'subjects[0].name' }] },
    { upstream: up, name: 'missing SA namespace', object: crb({ name: 'master' }, { apiGroup: G, kind: 'ClusterRole', name: 'valid' }, [{ name: 'good', kind: 'ServiceAccount' }]), errors: [{ type: 'FieldValueRequired', field: 'subjects[0].namespace' }] },
    { upstream: up, name: 'missing subject name', object: crb({ name: 'master' }, { apiGroup: G, kind: 'ClusterRole', name: 'valid' }, [{ namespace: 'foo', kind: 'ServiceAccount' }]), errors: [{ type: 'FieldValueRequired', field: 'subjects[0].name' }] },
  ];
  for (const c of cases) assertAllErrors(validateClusterRoleBinding(c.object), c);
});

test(`${FILE} TestValidateRoleBinding`, () => {
  const ns = 'default';
  const ok = rb({ namespace: ns, name: 'master' }, { apiGroup: G, kind: 'Role', name: 'valid' }, [
    { name: 'validsaname', apiGroup: '', kind: 'ServiceAccount' },
    { name: 'valid@username', apiGroup: G, kind: 'User' },
    { name: 'valid@groupname', apiGroup: G, kind: 'Group' },
  ]);
  assert.deepEqual(validateRoleBinding(ok), [], show(validateRoleBinding(ok)));
  const up = 'TestValidateRoleBinding';
  const cases: ErrorCase[] = [
    { upstream: up, name: 'bad group', object: rb({ namespace: ns, name: 'default' }, { apiGroup: 'rbac.GroupName', kind: 'ClusterRole', name: 'valid' }), errors: [{ type: 'FieldValueNotSupported', field: 'roleRef.apiGroup' }] },
    { upstream: up, name: 'bad kind', object: rb({ namespace: ns, name: 'default' }, { apiGroup: G, kind: 'Type', name: 'valid' }), errors: [{ type: 'FieldValueNotSupported', field: 'roleRef.kind' }] },
    { upstream: up, name: 'zero-length namespace', object: rb({ name: 'default' }, { apiGroup: G, kind: 'Role', name: 'valid' }), errors: [{ type: 'FieldValueRequired', field: 'metadata.namespace' }] },
    { upstream: up, name: 'zero-length name', object: rb({ namespace: ns }, { apiGroup: G, kind: 'Role', name: 'valid' }), errors: [{ type: 'FieldValueRequired', field: 'metadata.name' }] },
    { upstream: up, name: 'bad role', object: rb({ namespace: ns, name: 'default' }, { apiGroup: G, kind: 'Role' }), errors: [{ type: 'FieldValueRequired', field: 'roleRef.name' }] },
    { upstream: up, name: 'bad subject kind', object: rb({ namespace: ns, name: 'master' }, { apiGroup: G, kind: 'Role', name: 'valid' }, [{ name: 'subject' }]), errors: [{ type: 'FieldValueNotSupported', field: 'subjects[0].kind' }] },
    { upstream: up, name: 'bad subject name', object: rb({ namespace: ns, name: 'master' }, { apiGroup: G, kind: 'Role', name: 'valid' }, [{ name: 'subject:bad', kind: 'ServiceAccount' }]), errors: [{ type: 'FieldValueInvalid', field: 'subjects[0].name' }] },
    { upstream: up, name: 'missing subject name', object: rb({ namespace: ns, name: 'master' }, { apiGroup: G, kind: 'Role', name: 'valid' }, [{ kind: 'ServiceAccount' }]), errors: [{ type: 'FieldValueRequired', field: 'subjects[0].name' }] },
  ];
  for (const c of cases) assertAllErrors(validateRoleBinding(c.object), c);
});

test(`${FILE} TestValidateRoleBindingUpdate`, () => {
  const meta = { namespace: 'default', name: 'master', resourceVersion: '1' };
  const old = rb(meta, { apiGroup: G, kind: 'Role', name: 'valid' });
  const same = rb(meta, { apiGroup: G, kind: 'Role', name: 'valid' });
  assert.deepEqual(validateRoleBindingUpdate(same, old), [], show(validateRoleBindingUpdate(same, old)));
  const c: ErrorCase = { upstream: 'TestValidateRoleBindingUpdate', name: 'changedRef', object: rb(meta, { apiGroup: G, kind: 'Role', name: 'changed' }), errors: [{ type: 'FieldValueInvalid', field: 'roleRef' }] };
  assertAllErrors(validateRoleBindingUpdate(c.object, old), c);
});

// The ValidateRoleTest / ValidateClusterRoleTest one-case functions (ValidateClusterRole
// runs with ClusterRoleValidationOptions{false}).
test(`${FILE} TestValidateRole* and TestValidateRoleValidRoleNoNamespace, TestValidateRoleNonResourceURL*`, () => {
  const role = (metadata: JsonObject, rules?: JsonObject[]): JsonObject => ({ apiVersion: `${G}/v1`, kind: 'Role', metadata, ...(rules ? { rules } : {}) });
  const clusterRole = (metadata: JsonObject, rules?: JsonObject[]): JsonObject => ({ apiVersion: `${G}/v1`, kind: 'ClusterRole', metadata, ...(rules ? { rules } : {}) });
  const cases: { upstream: string; cluster: boolean; object: JsonObject; errors: { type: string; field: string }[] }[] = [
    { upstream: 'TestValidateRoleZeroLengthNamespace', cluster: false, object: role({ name: 'default' }), errors: [{ type: 'FieldValueRequired', field: 'metadata.namespace' }] },
    { upstream: 'TestValidateRoleZeroLengthName', cluster: false, object: role({ namespace: 'default' }), errors: [{ type: 'FieldValueRequired', field: 'metadata.name' }] },
    { upstream: 'TestValidateRoleValidRole', cluster: false, object: role({ namespace: 'default', name: 'default' }), errors: [] },
    { upstream: 'TestValidateRoleValidRoleNoNamespace', cluster: true, object: clusterRole({ name: 'default' }), errors: [] },
    { upstream: 'TestValidateRoleNonResourceURL', cluster: true, object: clusterRole({ name: 'default' }, [{ verbs: ['get'], nonResourceURLs: ['/*'] }]), errors: [] },
    { upstream: 'TestValidateRoleNamespacedNonResourceURL', cluster: false, object: role({ namespace: 'default', name: 'default' }, [{ verbs: ['get'], nonResourceURLs: ['/*'] }]), errors: [{ type: 'FieldValueInvalid', field: 'rules[0].nonResourceURLs' }] },
    { upstream: 'TestValidateRoleNonResourceURLNoVerbs', cluster: true, object: clusterRole({ name: 'default' }, [{ verbs: [], nonResourceURLs: ['/*'] }]), errors: [{ type: 'FieldValueRequired', field: 'rules[0].verbs' }] },
    { upstream: 'TestValidateRoleMixedNonResourceAndResource', cluster: false, object: role({ name: 'default', namespace: 'default' }, [{ verbs: ['get'], nonResourceURLs: ['/*'], apiGroups: ['v1'], resources: ['pods'] }]), errors: [{ type: 'FieldValueInvalid', field: 'rules[0].nonResourceURLs' }] },
    { upstream: 'TestValidateRoleValidResource', cluster: false, object: role({ name: 'default', namespace: 'default' }, [{ verbs: ['get'], apiGroups: ['v1'], resources: ['pods'] }]), errors: [] },
    { upstream: 'TestValidateRoleNoAPIGroup', cluster: false, object: role({ name: 'default', namespace: 'default' }, [{ verbs: ['get'], resources: ['pods'] }]), errors: [{ type: 'FieldValueRequired', field: 'rules[0].apiGroups' }] },
    { upstream: 'TestValidateRoleNoResources', cluster: false, object: role({ name: 'default', namespace: 'default' }, [{ verbs: ['get'], apiGroups: ['v1'] }]), errors: [{ type: 'FieldValueRequired', field: 'rules[0].resources' }] },
  ];
  for (const c of cases) {
    const errs = c.cluster ? validateClusterRole(c.object, { allowInvalidLabelValueInSelector: false }) : validateRole(c.object);
    if (c.errors.length === 0) assert.deepEqual(errs, [], `${c.upstream}: ${show(errs)}`);
    else assertAllErrors(errs, { upstream: c.upstream, name: c.upstream, object: c.object, errors: c.errors });
  }
});

// rbac.authorization.k8s.io/v1 defaulting: RoleBinding, ClusterRoleBinding.
// src: pkg/apis/rbac/v1/defaults.go (SetDefaults_RoleBinding,
//      SetDefaults_ClusterRoleBinding, SetDefaults_Subject) and zz_generated.defaults.go.
// Role and ClusterRole have none.

import type { JsonObject } from '../../apimachinery/json.ts';
import { defaultString, isNil, struct, structs } from './fields.ts';

// pkg/apis/rbac/v1 GroupName.
const RBAC_GROUP = 'rbac.authorization.k8s.io';

/**
 * SetDefaults_Subject: a User or Group subject's apiGroup defaults to
 * rbac.authorization.k8s.io; a ServiceAccount's to "" (which changes nothing).
 */
export function setDefaultsSubject(subject: JsonObject): void {
  if (!isNil(subject.apiGroup) && subject.apiGroup !== '') return;
  if (subject.kind === 'User' || subject.kind === 'Group') defaultString(subject, 'apiGroup', RBAC_GROUP);
}

/** SetObjectDefaults_RoleBinding and SetObjectDefaults_ClusterRoleBinding: roleRef.apiGroup, then each subject. */
export function setObjectDefaultsBinding(binding: JsonObject): void {
  const roleRef = struct(binding, 'roleRef');
  if (roleRef) defaultString(roleRef, 'apiGroup', RBAC_GROUP);
  for (const subject of structs(binding.subjects)) setDefaultsSubject(subject);
}

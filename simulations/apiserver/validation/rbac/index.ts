// The rbac.authorization.k8s.io/v1 kinds' validation, as their registry strategies call it.
// src: pkg/registry/rbac/{role,clusterrole,rolebinding,clusterrolebinding}/strategy.go

import type { ValidationTable } from '../types.ts';
import { clusterRoleStrategyValidate, clusterRoleStrategyValidateUpdate, validateRole, validateRoleUpdate } from './role.ts';
import { validateClusterRoleBinding, validateClusterRoleBindingUpdate, validateRoleBinding, validateRoleBindingUpdate } from './role-binding.ts';

export const RBAC_VALIDATION: ValidationTable = {
  'rbac.authorization.k8s.io/v1/Role': { create: validateRole, update: validateRoleUpdate },
  'rbac.authorization.k8s.io/v1/ClusterRole': { create: clusterRoleStrategyValidate, update: clusterRoleStrategyValidateUpdate },
  'rbac.authorization.k8s.io/v1/RoleBinding': { create: validateRoleBinding, update: validateRoleBindingUpdate },
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding': { create: validateClusterRoleBinding, update: validateClusterRoleBindingUpdate },
};

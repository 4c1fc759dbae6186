// RoleBinding and ClusterRoleBinding validation.
// src: pkg/apis/rbac/validation/validation.go (ValidateRoleBinding,
//      ValidateRoleBindingUpdate, ValidateClusterRoleBinding,
//      ValidateClusterRoleBindingUpdate, ValidateRoleBindingSubject)

import { invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { nameIsDNSSubdomain, validateObjectMeta, validateObjectMetaUpdate } from '../apps/shared-helpers.ts';
import { validateRBACName } from './role.ts';

const GROUP_NAME = 'rbac.authorization.k8s.io';

/** The roleRef checks both bindings share; the kinds it may name differ. */
function validateRoleRef(roleRef: JsonObject, kinds: string[]): ErrorList {
  const errs: ErrorList = [];
  const apiGroup = asString(roleRef.apiGroup);
  // One API group for now; other groups could reuse the binding machinery some day.
  if (apiGroup !== GROUP_NAME) errs.push(notSupported(Path.of('roleRef', 'apiGroup'), apiGroup, [GROUP_NAME]));
  const kind = asString(roleRef.kind);
  if (!kinds.includes(kind)) errs.push(notSupported(Path.of('roleRef', 'kind'), kind, kinds));
  const name = asString(roleRef.name);
  if (name.length === 0) errs.push(required(Path.of('roleRef', 'name'), ''));
  else for (const m of validateRBACName(name, false)) errs.push(invalid(Path.of('roleRef', 'name'), name, m));
  return errs;
}

/** ValidateRoleBindingSubject. */
export function validateRoleBindingSubject(subject: JsonObject, isNamespaced: boolean, path: Path): ErrorList {
  const errs: ErrorList = [];
  const name = asString(subject.name);
  const apiGroup = asString(subject.apiGroup);
  if (name.length === 0) errs.push(required(path.child('name'), ''));
  switch (asString(subject.kind)) {
    case 'ServiceAccount':
      if (name.length > 0) for (const m of nameIsDNSSubdomain(name, false)) errs.push(invalid(path.child('name'), name, m));
      if (apiGroup.length > 0) errs.push(notSupported(path.child('apiGroup'), apiGroup, ['']));
      if (!isNamespaced && asString(subject.namespace).length === 0) errs.push(required(path.child('namespace'), ''));
      break;
    case 'User':
    case 'Group':
      if (apiGroup !== GROUP_NAME) errs.push(notSupported(path.child('apiGroup'), apiGroup, [GROUP_NAME]));
      break;
    default:
      errs.push(notSupported(path.child('kind'), asString(subject.kind), ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

/** ValidateRoleBinding. */
export function validateRoleBinding(rb: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(rb.metadata), true, validateRBACName, Path.of('metadata'));
  errs.push(...validateRoleRef(asObject(rb.roleRef) ?? {}, ['Role', 'ClusterRole']));
  asList(rb.subjects).forEach((s, i) => errs.push(...validateRoleBindingSubject(asObject(s) ?? {}, true, Path.of('subjects').index(i))));
  return errs;
}

/** roleRef compared field by field, as Go compares the struct. */
function roleRefChanged(a: JsonObject, b: JsonObject): boolean {
  const ra = asObject(a.roleRef) ?? {};
  const rb = asObject(b.roleRef) ?? {};
  return ['apiGroup', 'kind', 'name'].some((f) => asString(ra[f]) !== asString(rb[f]));
}

/** ValidateRoleBindingUpdate: roleRef is immutable. */
export function validateRoleBindingUpdate(rb: JsonObject, old: JsonObject): ErrorList {
  const errs = validateRoleBinding(rb);
  errs.push(...validateObjectMetaUpdate(asObject(rb.metadata), asObject(old.metadata), Path.of('metadata')));
  if (roleRefChanged(rb, old)) errs.push(invalid(Path.of('roleRef'), asObject(rb.roleRef) ?? {}, 'cannot change roleRef'));
  return errs;
}

/** ValidateClusterRoleBinding: a ClusterRole, and ServiceAccount subjects need a namespace. */
export function validateClusterRoleBinding(crb: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(crb.metadata), false, validateRBACName, Path.of('metadata'));
  errs.push(...validateRoleRef(asObject(crb.roleRef) ?? {}, ['ClusterRole']));
  asList(crb.subjects).forEach((s, i) => errs.push(...validateRoleBindingSubject(asObject(s) ?? {}, false, Path.of('subjects').index(i))));
  return errs;
}

/** ValidateClusterRoleBindingUpdate: roleRef is immutable. */
export function validateClusterRoleBindingUpdate(crb: JsonObject, old: JsonObject): ErrorList {
  const errs = validateClusterRoleBinding(crb);
  errs.push(...validateObjectMetaUpdate(asObject(crb.metadata), asObject(old.metadata), Path.of('metadata')));
  if (roleRefChanged(crb, old)) errs.push(invalid(Path.of('roleRef'), asObject(crb.roleRef) ?? {}, 'cannot change roleRef'));
  return errs;
}

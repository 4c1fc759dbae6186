// Defensive readers: the public functions are called with anything (fuzzed JSON,
// hand-written objects), and Go reads a wrong JSON type as the zero value.

import { asList, asObject, asString, asStringMap } from '../apimachinery/json.ts';
import type { AccessAttributes, ClusterRole, PolicyRule, RbacObjects, Role, RoleBinding, Subject } from './types.ts';

const strings = (v: unknown): string[] => asList(v).map(asString);

export function readRule(v: unknown): PolicyRule {
  const o = asObject(v) ?? {};
  return {
    verbs: strings(o.verbs),
    apiGroups: strings(o.apiGroups),
    resources: strings(o.resources),
    resourceNames: strings(o.resourceNames),
    nonResourceURLs: strings(o.nonResourceURLs),
  };
}

function readMeta(v: unknown): { name: string; namespace: string; labels: Record<string, string> } {
  const o = asObject(v) ?? {};
  return { name: asString(o.name), namespace: asString(o.namespace), labels: asStringMap(o.labels) };
}

export function readRole(v: unknown): Role {
  const o = asObject(v) ?? {};
  return { metadata: readMeta(o.metadata), rules: asList(o.rules).map(readRule) };
}

export function readClusterRole(v: unknown): ClusterRole {
  const o = asObject(v) ?? {};
  const agg = asObject(o.aggregationRule);
  return {
    metadata: readMeta(o.metadata),
    rules: asList(o.rules).map(readRule),
    aggregationRule: agg ? { clusterRoleSelectors: asList(agg.clusterRoleSelectors) } : null,
  };
}

export function readSubject(v: unknown): Subject {
  const o = asObject(v) ?? {};
  return { kind: asString(o.kind), apiGroup: asString(o.apiGroup), name: asString(o.name), namespace: asString(o.namespace) };
}

export function readBinding(v: unknown): RoleBinding {
  const o = asObject(v) ?? {};
  const ref = asObject(o.roleRef) ?? {};
  return {
    metadata: readMeta(o.metadata),
    subjects: asList(o.subjects).map(readSubject),
    roleRef: { apiGroup: asString(ref.apiGroup), kind: asString(ref.kind), name: asString(ref.name) },
  };
}

export function readRbac(v: unknown): RbacObjects {
  const o = asObject(v) ?? {};
  return {
    roles: asList(o.roles).map(readRole),
    clusterRoles: asList(o.clusterRoles).map(readClusterRole),
    roleBindings: asList(o.roleBindings).map(readBinding),
    clusterRoleBindings: asList(o.clusterRoleBindings).map(readBinding),
  };
}

export function readAttributes(v: unknown): AccessAttributes {
  const o = asObject(v) ?? {};
  return {
    user: asString(o.user),
    groups: strings(o.groups),
    verb: asString(o.verb),
    resourceRequest: o.resourceRequest === true,
    apiGroup: asString(o.apiGroup),
    resource: asString(o.resource),
    subresource: asString(o.subresource),
    namespace: asString(o.namespace),
    name: asString(o.name),
    path: asString(o.path),
  };
}

// Which rules apply to a user in a namespace, and from which binding.
// Upstream: pkg/registry/rbac/validation/rule.go (DefaultRuleResolver.VisitRulesFor,
// GetRoleReferenceRules, appliesTo, appliesToUser, describeSubject and the two
// binding describers), with the role getters of plugin/pkg/auth/authorizer/rbac/rbac.go
// (informer listers: a missing role is a NotFound error).
//
// Order: every ClusterRoleBinding first, then, when the request has a namespace,
// the RoleBindings of that namespace; within a binding, the role's rules in order.
// kube-apiserver lists bindings from an informer cache whose order is not defined;
// here they are visited in the order given, as upstream's StaticRoles test resolver does.
// Nothing is indexed by subject (upstream scans every binding too).

import { asList, asObject, asString } from '../apimachinery/json.ts';
import { goQuote } from '../apimachinery/go-strconv.ts';
import { readRule } from './read-rbac.ts';
import type { PolicyRule, Subject } from './types.ts';

const isObject = (v: unknown): boolean => v !== null && typeof v === 'object' && !Array.isArray(v);

export interface UserInfo {
  name: string;
  groups: readonly string[];
}

/** Where a rule came from: the binding, the subject in it that matched, and the role. */
export interface RuleSource {
  bindingKind: 'ClusterRoleBinding' | 'RoleBinding';
  bindingName: string;
  bindingNamespace: string;
  roleKind: string;
  roleName: string;
  subject: Subject;
  subjectIndex: number;
  /** clusterRoleBindingDescriber.String / roleBindingDescriber.String */
  description: string;
}

/** `rule` is the rule as stored (read it with rule-allows.ts, or readRule for a copy). */
export type RuleVisitor = (source: RuleSource | null, rule: PolicyRule | null, ruleIndex: number, err: string | null) => boolean;

export interface RbacLists {
  roles: readonly unknown[];
  clusterRoles: readonly unknown[];
  roleBindings: readonly unknown[];
  clusterRoleBindings: readonly unknown[];
}

const RBAC_GROUP = 'rbac.authorization.k8s.io';

/** The stored metadata, read without copying (the hot path of every request). */
function rawMeta(o: unknown): { name?: unknown; namespace?: unknown } | undefined {
  const m = (o as { metadata?: unknown } | null)?.metadata;
  return m !== null && typeof m === 'object' ? (m as { name?: unknown; namespace?: unknown }) : undefined;
}

function meta(o: unknown): { name: string; namespace: string } {
  const m = asObject(asObject(o)?.metadata) ?? {};
  return { name: asString(m.name), namespace: asString(m.namespace) };
}

/** rule.go describeSubject: a ServiceAccount is shown as name/namespace (the binding's namespace when unset). */
export function describeSubject(s: Subject, bindingNamespace: string): string {
  if (s.kind === 'ServiceAccount') {
    const ns = s.namespace && s.namespace.length > 0 ? s.namespace : bindingNamespace;
    return `${s.kind} ${goQuote(`${s.name}/${ns}`)}`;
  }
  return `${s.kind} ${goQuote(s.name)}`;
}

/** k8s.io/apiserver serviceaccount.MatchesUsername: `system:serviceaccount:<ns>:<name>`. */
export function serviceAccountMatchesUsername(namespace: string, name: string, username: string): boolean {
  return username === `system:serviceaccount:${namespace}:${name}`;
}

/** rule.go appliesToUser. Groups are used exactly as given: nothing adds system:authenticated for you. */
export function appliesToUser(user: UserInfo, subject: Subject, namespace: string): boolean {
  switch (subject.kind) {
    case 'User':
      return user.name === subject.name;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount': {
      const saNamespace = subject.namespace && subject.namespace.length > 0 ? subject.namespace : namespace;
      if (saNamespace.length === 0) return false;
      return serviceAccountMatchesUsername(saNamespace, subject.name, user.name);
    }
    default:
      return false;
  }
}

function subjectAt(v: unknown): Subject {
  const o = asObject(v) ?? {};
  return { kind: asString(o.kind), apiGroup: asString(o.apiGroup), name: asString(o.name), namespace: asString(o.namespace) };
}

/** rule.go appliesTo: the index of the first subject that applies, or -1. Reads the stored subjects without copying them. */
export function appliesTo(user: UserInfo, subjects: readonly unknown[], namespace: string): number {
  for (let i = 0; i < subjects.length; i++) {
    const s = subjects[i] as Record<string, unknown> | null;
    if (s === null || typeof s !== 'object') continue;
    const kind = s.kind;
    const name = typeof s.name === 'string' ? s.name : '';
    if (kind === 'User') { if (user.name === name) return i; }
    else if (kind === 'Group') { if (user.groups.includes(name)) return i; }
    else if (kind === 'ServiceAccount') {
      const saNamespace = typeof s.namespace === 'string' && s.namespace.length > 0 ? s.namespace : namespace;
      if (saNamespace.length > 0 && serviceAccountMatchesUsername(saNamespace, name, user.name)) return i;
    }
  }
  return -1;
}

/**
 * GetRoleReferenceRules. The error texts are the informer listers' NotFound
 * errors (`role.rbac.authorization.k8s.io "x" not found`), which is what a real
 * kube-apiserver reports, and rule.go's own for an unknown kind.
 */
export function getRoleReferenceRules(lists: RbacLists, roleRef: { kind: string; name: string }, bindingNamespace: string): { rules: PolicyRule[] | null; err: string | null } {
  switch (roleRef.kind) {
    case 'Role': {
      for (const r of lists.roles) {
        const m = rawMeta(r);
        if (m && m.name === roleRef.name && m.namespace === bindingNamespace) return { rules: asList(asObject(r)?.rules) as unknown as PolicyRule[], err: null };
      }
      return { rules: null, err: `role.${RBAC_GROUP} ${goQuote(roleRef.name)} not found` };
    }
    case 'ClusterRole': {
      for (const r of lists.clusterRoles) {
        if (rawMeta(r)?.name === roleRef.name) return { rules: asList(asObject(r)?.rules) as unknown as PolicyRule[], err: null };
      }
      return { rules: null, err: `clusterrole.${RBAC_GROUP} ${goQuote(roleRef.name)} not found` };
    }
    default:
      return { rules: null, err: `unsupported role reference kind: ${goQuote(roleRef.kind)}` };
  }
}

function roleRefOf(binding: unknown): { kind: string; name: string } {
  const ref = asObject(asObject(binding)?.roleRef) ?? {};
  return { kind: asString(ref.kind), name: asString(ref.name) };
}

/** DefaultRuleResolver.VisitRulesFor; the visitor returns false to stop. */
export function visitRulesFor(lists: RbacLists, user: UserInfo, namespace: string, visitor: RuleVisitor): void {
  for (const crb of lists.clusterRoleBindings) {
    const subjects = asList(asObject(crb)?.subjects);
    const idx = appliesTo(user, subjects, '');
    if (idx < 0) continue;
    const ref = roleRefOf(crb);
    const { rules, err } = getRoleReferenceRules(lists, ref, '');
    if (err !== null || rules === null) {
      if (!visitor(null, null, -1, err)) return;
      continue;
    }
    const m = meta(crb);
    const subject = subjectAt(subjects[idx]);
    const source: RuleSource = {
      bindingKind: 'ClusterRoleBinding', bindingName: m.name, bindingNamespace: '', roleKind: ref.kind, roleName: ref.name, subject, subjectIndex: idx,
      description: `ClusterRoleBinding ${goQuote(m.name)} of ${ref.kind} ${goQuote(ref.name)} to ${describeSubject(subject, '')}`,
    };
    for (let i = 0; i < rules.length; i++) if (isObject(rules[i]) && !visitor(source, rules[i], i, null)) return;
  }
  if (namespace.length === 0) return;
  for (const rb of lists.roleBindings) {
    if (rawMeta(rb)?.namespace !== namespace) continue; // ListRoleBindings(namespace)
    const m = meta(rb);
    const subjects = asList(asObject(rb)?.subjects);
    const idx = appliesTo(user, subjects, namespace);
    if (idx < 0) continue;
    const ref = roleRefOf(rb);
    const { rules, err } = getRoleReferenceRules(lists, ref, namespace);
    if (err !== null || rules === null) {
      if (!visitor(null, null, -1, err)) return;
      continue;
    }
    const subject = subjectAt(subjects[idx]);
    const source: RuleSource = {
      bindingKind: 'RoleBinding', bindingName: m.name, bindingNamespace: m.namespace, roleKind: ref.kind, roleName: ref.name, subject, subjectIndex: idx,
      description: `RoleBinding ${goQuote(`${m.name}/${m.namespace}`)} of ${ref.kind} ${goQuote(ref.name)} to ${describeSubject(subject, m.namespace)}`,
    };
    for (let i = 0; i < rules.length; i++) if (isObject(rules[i]) && !visitor(source, rules[i], i, null)) return;
  }
}

/** DefaultRuleResolver.RulesFor: every rule that applies, and the aggregated errors. */
export function rulesFor(lists: RbacLists, user: UserInfo, namespace: string): { rules: { source: RuleSource; rule: PolicyRule }[]; errors: string[] } {
  const rules: { source: RuleSource; rule: PolicyRule }[] = [];
  const errors: string[] = [];
  visitRulesFor(lists, user, namespace, (source, rule, _i, err) => {
    if (source && rule) rules.push({ source, rule: readRule(rule) });
    if (err !== null) errors.push(err);
    return true;
  });
  return { rules, errors };
}

/**
 * utilerrors.NewAggregate(errs).Error(): one error is its own message; several
 * are de-duplicated by message and wrapped in brackets.
 */
export function aggregateErrors(errs: readonly string[]): string {
  if (errs.length === 0) return '';
  if (errs.length === 1) return errs[0];
  const seen: string[] = [];
  for (const e of errs) if (!seen.includes(e)) seen.push(e);
  if (seen.length === 1) return seen[0];
  return `[${seen.join(', ')}]`;
}

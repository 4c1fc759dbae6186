// kube-apiserver's RBAC authorizer.
// Upstream: plugin/pkg/auth/authorizer/rbac/rbac.go (RBACAuthorizer.Authorize and
// authorizingVisitor): visit the rules that apply to the user, stop at the first
// one that allows; on allow the reason is "RBAC: allowed by <source>". Otherwise the
// decision is NoOpinion (a denial when RBAC is the last authorizer) with reason ""
// or, when some bindings could not be resolved, "RBAC: <aggregated errors>".

import { asList, asObject } from '../apimachinery/json.ts';
import { readAttributes, readRule } from './read-rbac.ts';
import { ruleAllows } from './rule-allows.ts';
import { aggregateErrors, visitRulesFor } from './rule-resolver.ts';
import type { RbacLists, RuleSource } from './rule-resolver.ts';
import type { AccessAttributes, AuthorizeResult, PolicyRule } from './types.ts';

/** The decision with where it came from, for the engine's "why" trace. */
export interface AuthorizeDecision extends AuthorizeResult {
  /** The binding and rule that allowed the request (null when denied). */
  allowedBy: { source: RuleSource; rule: PolicyRule; ruleIndex: number } | null;
  /** Rules visited before the decision (the authorizer stops at the first allow). */
  rulesVisited: number;
  /** Resolution errors met on the way (a binding whose role is missing). */
  errors: string[];
}

function listsOf(rbac: unknown): RbacLists {
  const o = asObject(rbac) ?? {};
  return { roles: asList(o.roles), clusterRoles: asList(o.clusterRoles), roleBindings: asList(o.roleBindings), clusterRoleBindings: asList(o.clusterRoleBindings) };
}

export function authorizeWithSource(rbac: unknown, rawAttrs: unknown): AuthorizeDecision {
  const attrs: AccessAttributes = readAttributes(rawAttrs);
  const lists = listsOf(rbac);
  let allowedBy: AuthorizeDecision['allowedBy'] = null;
  let rulesVisited = 0;
  const errors: string[] = [];
  visitRulesFor(lists, { name: attrs.user, groups: attrs.groups }, attrs.namespace, (source, rule, ruleIndex, err) => {
    if (rule !== null) rulesVisited++;
    if (source !== null && rule !== null && ruleAllows(attrs, rule)) {
      allowedBy = { source, rule: readRule(rule), ruleIndex };
      return false;
    }
    if (err !== null) errors.push(err);
    return true;
  });
  const found = allowedBy as AuthorizeDecision['allowedBy'];
  if (found !== null) return { allowed: true, reason: `RBAC: allowed by ${found.source.description}`, allowedBy: found, rulesVisited, errors };
  return { allowed: false, reason: errors.length > 0 ? `RBAC: ${aggregateErrors(errors)}` : '', allowedBy: null, rulesVisited, errors };
}

/**
 * Can this user (with exactly these groups) do this? As the RBAC authorizer answers.
 *
 * @example
 *   authorize(
 *     { roles: [], roleBindings: [], clusterRoles: [{ metadata: { name: 'view' }, rules: [{ verbs: ['get'], apiGroups: [''], resources: ['pods'] }] }],
 *       clusterRoleBindings: [{ metadata: { name: 'v' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'view' },
 *                               subjects: [{ kind: 'User', name: 'jane' }] }] },
 *     { user: 'jane', groups: [], verb: 'get', resourceRequest: true, apiGroup: '', resource: 'pods', subresource: '', namespace: 'default', name: '', path: '' })
 *   // → { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "v" of ClusterRole "view" to User "jane"' }
 */
export function authorize(rbac: unknown, attrs: unknown): AuthorizeResult {
  const d = authorizeWithSource(rbac, attrs);
  return { allowed: d.allowed, reason: d.reason };
}

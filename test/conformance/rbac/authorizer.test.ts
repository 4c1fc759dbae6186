// Upstream's own tables for the RBAC authorizer, transcribed as data (v1.36):
// - plugin/pkg/auth/authorizer/rbac/rbac_test.go TestAuthorizer and TestRuleMatches
// - pkg/registry/rbac/validation/rule_test.go TestAppliesTo and TestDefaultRuleResolver
// The reason strings follow rule.go's describers (clusterRoleBindingDescriber,
// roleBindingDescriber, describeSubject) and rbac.go's authorizingVisitor, worked by hand below.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { authorize } from '../../../simulations/rbac/public-api.ts';
import { ruleAllows } from '../../../simulations/rbac/rule-allows.ts';
import { rulesFor } from '../../../simulations/rbac/rule-resolver.ts';
import type { AccessAttributes, PolicyRule, RoleBinding, ClusterRole, Role } from '../../../simulations/rbac/types.ts';

const RBAC = 'rbac.authorization.k8s.io';
// rbac_test.go newRule: strings.Split on "," (so "" gives [""]).
const newRule = (verbs: string, apiGroups: string, resources: string, urls: string): PolicyRule => ({
  verbs: verbs.split(','), apiGroups: apiGroups.split(','), resources: resources.split(','), nonResourceURLs: urls.split(','),
});
const newClusterRole = (name: string, ...rules: PolicyRule[]): ClusterRole => ({ metadata: { name }, rules });
const subjects = (list: string[]) => list.map((s) => {
  const i = s.indexOf(':');
  const kind = s.slice(0, i);
  return { kind, name: s.slice(i + 1), apiGroup: kind === 'ServiceAccount' ? '' : RBAC };
});
const newClusterRoleBinding = (roleName: string, ...subs: string[]): RoleBinding => ({ metadata: {}, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: roleName }, subjects: subjects(subs) });
const newRoleBinding = (namespace: string, roleName: string, kind: 'Role' | 'ClusterRole', ...subs: string[]): RoleBinding => ({ metadata: { namespace }, roleRef: { apiGroup: RBAC, kind, name: roleName }, subjects: subjects(subs) });

const base: AccessAttributes = { user: '', groups: [], verb: '', resourceRequest: true, apiGroup: '', resource: '', subresource: '', namespace: '', name: '', path: '' };
// rbac_test.go defaultAttributes{user, groups, verb, resource, subresource, namespace, apiGroup}; groups split on ","
const da = (user: string, groups: string, verb: string, resource: string, subresource: string, namespace: string, apiGroup: string): AccessAttributes =>
  ({ ...base, user, groups: groups.split(','), verb, resource, subresource, namespace, apiGroup });
const nonResource = (user: string, groups: string[], verb: string, path: string): AccessAttributes => ({ ...base, resourceRequest: false, user, groups, verb, path });

interface AuthorizerCase { roles?: Role[]; roleBindings?: RoleBinding[]; clusterRoles?: ClusterRole[]; clusterRoleBindings?: RoleBinding[]; shouldPass: AccessAttributes[]; shouldFail: AccessAttributes[] }
const upstream = 'plugin/pkg/auth/authorizer/rbac/rbac_test.go TestAuthorizer';
const authorizerCases: AuthorizerCase[] = [
  {
    clusterRoles: [newClusterRole('admin', newRule('*', '*', '*', '*'))],
    roleBindings: [newRoleBinding('ns1', 'admin', 'ClusterRole', 'User:admin', 'Group:admins')],
    shouldPass: [
      da('admin', '', 'get', 'Pods', '', 'ns1', ''),
      da('admin', '', 'watch', 'Pods', '', 'ns1', ''),
      da('admin', 'group1', 'watch', 'Foobar', '', 'ns1', ''),
      da('joe', 'admins', 'watch', 'Foobar', '', 'ns1', ''),
      da('joe', 'group1,admins', 'watch', 'Foobar', '', 'ns1', ''),
    ],
    shouldFail: [
      da('admin', '', 'GET', 'Pods', '', 'ns2', ''),
      da('admin', '', 'GET', 'Nodes', '', '', ''),
      da('admin', 'admins', 'GET', 'Pods', '', 'ns2', ''),
      da('admin', 'admins', 'GET', 'Nodes', '', '', ''),
    ],
  },
  {
    // Non-resource-url tests
    clusterRoles: [
      newClusterRole('non-resource-url-getter', newRule('get', '', '', '/apis')),
      newClusterRole('non-resource-url', newRule('*', '', '', '/apis')),
      newClusterRole('non-resource-url-prefix', newRule('get', '', '', '/apis/*')),
    ],
    clusterRoleBindings: [
      newClusterRoleBinding('non-resource-url-getter', 'User:foo', 'Group:bar'),
      newClusterRoleBinding('non-resource-url', 'User:admin', 'Group:admin'),
      newClusterRoleBinding('non-resource-url-prefix', 'User:prefixed', 'Group:prefixed'),
    ],
    shouldPass: [
      nonResource('foo', [], 'get', '/apis'),
      nonResource('', ['bar'], 'get', '/apis'),
      nonResource('admin', [], 'get', '/apis'),
      nonResource('', ['admin'], 'get', '/apis'),
      nonResource('admin', [], 'watch', '/apis'),
      nonResource('', ['admin'], 'watch', '/apis'),
      nonResource('prefixed', [], 'get', '/apis/v1'),
      nonResource('', ['prefixed'], 'get', '/apis/v1'),
      nonResource('prefixed', [], 'get', '/apis/v1/foobar'),
      nonResource('', ['prefixed'], 'get', '/apis/v1/foorbar'),
    ],
    shouldFail: [
      nonResource('foo', [], 'watch', '/apis'),
      nonResource('', ['bar'], 'watch', '/apis'),
      nonResource('foo', [], 'get', '/api/v1'),
      nonResource('', ['bar'], 'get', '/api/v1'),
      nonResource('admin', [], 'get', '/api/v1'),
      nonResource('', ['admin'], 'get', '/api/v1'),
      nonResource('prefixed', [], 'get', '/api/v1'),
      nonResource('', ['prefixed'], 'get', '/api/v1'),
    ],
  },
  {
    // test subresource resolution
    clusterRoles: [newClusterRole('admin', newRule('*', '*', 'pods', '*'))],
    roleBindings: [newRoleBinding('ns1', 'admin', 'ClusterRole', 'User:admin', 'Group:admins')],
    shouldPass: [da('admin', '', 'get', 'pods', '', 'ns1', '')],
    shouldFail: [da('admin', '', 'get', 'pods', 'status', 'ns1', '')],
  },
  {
    // test subresource resolution
    clusterRoles: [newClusterRole('admin', newRule('*', '*', 'pods/status', '*'), newRule('*', '*', '*/scale', '*'))],
    roleBindings: [newRoleBinding('ns1', 'admin', 'ClusterRole', 'User:admin', 'Group:admins')],
    shouldPass: [
      da('admin', '', 'get', 'pods', 'status', 'ns1', ''),
      da('admin', '', 'get', 'pods', 'scale', 'ns1', ''),
      da('admin', '', 'get', 'deployments', 'scale', 'ns1', ''),
      da('admin', '', 'get', 'anything', 'scale', 'ns1', ''),
    ],
    shouldFail: [da('admin', '', 'get', 'pods', '', 'ns1', '')],
  },
];

describe(upstream, () => {
  authorizerCases.forEach((tc, i) => {
    const rbac = { roles: tc.roles ?? [], roleBindings: tc.roleBindings ?? [], clusterRoles: tc.clusterRoles ?? [], clusterRoleBindings: tc.clusterRoleBindings ?? [] };
    it(`case ${i}: every shouldPass request is allowed and every shouldFail request is not`, () => {
      for (const a of tc.shouldPass) assert.equal(authorize(rbac, a).allowed, true, `incorrectly restricted ${JSON.stringify(a)}`);
      for (const a of tc.shouldFail) assert.equal(authorize(rbac, a).allowed, false, `incorrectly passed ${JSON.stringify(a)}`);
    });
  });
});

// TestRuleMatches: builders rbacv1helpers.NewRule(verbs).Groups().Resources().URLs()
const rr = (verb: string, group: string, resource: string, subresource = ''): AccessAttributes => ({ ...base, resourceRequest: true, verb, apiGroup: group, resource, subresource });
const nr = (verb: string, url: string): AccessAttributes => ({ ...base, resourceRequest: false, verb, path: url });
const ruleMatchCases: { name: string; rule: PolicyRule; requests: [AccessAttributes, boolean][] }[] = [
  {
    name: 'star verb, exact match other', rule: { verbs: ['*'], apiGroups: ['group1'], resources: ['resource1'] },
    requests: [
      [rr('verb1', 'group1', 'resource1'), true], [rr('verb1', 'group2', 'resource1'), false], [rr('verb1', 'group1', 'resource2'), false], [rr('verb1', 'group2', 'resource2'), false],
      [rr('verb2', 'group1', 'resource1'), true], [rr('verb2', 'group2', 'resource1'), false], [rr('verb2', 'group1', 'resource2'), false], [rr('verb2', 'group2', 'resource2'), false],
    ],
  },
  {
    name: 'star group, exact match other', rule: { verbs: ['verb1'], apiGroups: ['*'], resources: ['resource1'] },
    requests: [
      [rr('verb1', 'group1', 'resource1'), true], [rr('verb1', 'group2', 'resource1'), true], [rr('verb1', 'group1', 'resource2'), false], [rr('verb1', 'group2', 'resource2'), false],
      [rr('verb2', 'group1', 'resource1'), false], [rr('verb2', 'group2', 'resource1'), false], [rr('verb2', 'group1', 'resource2'), false], [rr('verb2', 'group2', 'resource2'), false],
    ],
  },
  {
    name: 'star resource, exact match other', rule: { verbs: ['verb1'], apiGroups: ['group1'], resources: ['*'] },
    requests: [
      [rr('verb1', 'group1', 'resource1'), true], [rr('verb1', 'group2', 'resource1'), false], [rr('verb1', 'group1', 'resource2'), true], [rr('verb1', 'group2', 'resource2'), false],
      [rr('verb2', 'group1', 'resource1'), false], [rr('verb2', 'group2', 'resource1'), false], [rr('verb2', 'group1', 'resource2'), false], [rr('verb2', 'group2', 'resource2'), false],
    ],
  },
  {
    name: 'tuple expansion', rule: { verbs: ['verb1', 'verb2'], apiGroups: ['group1', 'group2'], resources: ['resource1', 'resource2'] },
    requests: [
      [rr('verb1', 'group1', 'resource1'), true], [rr('verb1', 'group2', 'resource1'), true], [rr('verb1', 'group1', 'resource2'), true], [rr('verb1', 'group2', 'resource2'), true],
      [rr('verb2', 'group1', 'resource1'), true], [rr('verb2', 'group2', 'resource1'), true], [rr('verb2', 'group1', 'resource2'), true], [rr('verb2', 'group2', 'resource2'), true],
    ],
  },
  {
    name: 'subresource expansion', rule: { verbs: ['*'], apiGroups: ['*'], resources: ['resource1/subresource1'] },
    requests: [
      [rr('verb1', 'group1', 'resource1', 'subresource1'), true], [rr('verb1', 'group2', 'resource1', 'subresource2'), false],
      [rr('verb1', 'group1', 'resource2', 'subresource1'), false], [rr('verb1', 'group2', 'resource2', 'subresource1'), false],
      [rr('verb2', 'group1', 'resource1', 'subresource1'), true], [rr('verb2', 'group2', 'resource1', 'subresource2'), false],
      [rr('verb2', 'group1', 'resource2', 'subresource1'), false], [rr('verb2', 'group2', 'resource2', 'subresource1'), false],
    ],
  },
  {
    name: 'star nonresource, exact match other', rule: { verbs: ['verb1'], nonResourceURLs: ['*'] },
    requests: [
      [nr('verb1', '/foo'), true], [nr('verb1', '/foo/bar'), true], [nr('verb1', '/foo/baz'), true], [nr('verb1', '/foo/bar/one'), true], [nr('verb1', '/foo/baz/one'), true],
      [nr('verb2', '/foo'), false], [nr('verb2', '/foo/bar'), false], [nr('verb2', '/foo/baz'), false], [nr('verb2', '/foo/bar/one'), false], [nr('verb2', '/foo/baz/one'), false],
    ],
  },
  {
    name: 'star nonresource subpath', rule: { verbs: ['verb1'], nonResourceURLs: ['/foo/*'] },
    requests: [
      [nr('verb1', '/foo'), false], [nr('verb1', '/foo/bar'), true], [nr('verb1', '/foo/baz'), true], [nr('verb1', '/foo/bar/one'), true], [nr('verb1', '/foo/baz/one'), true],
      [nr('verb1', '/notfoo'), false], [nr('verb1', '/notfoo/bar'), false], [nr('verb1', '/notfoo/baz'), false], [nr('verb1', '/notfoo/bar/one'), false], [nr('verb1', '/notfoo/baz/one'), false],
    ],
  },
  {
    name: 'star verb, exact nonresource', rule: { verbs: ['*'], nonResourceURLs: ['/foo', '/foo/bar/one'] },
    requests: [
      [nr('verb1', '/foo'), true], [nr('verb1', '/foo/bar'), false], [nr('verb1', '/foo/baz'), false], [nr('verb1', '/foo/bar/one'), true], [nr('verb1', '/foo/baz/one'), false],
      [nr('verb2', '/foo'), true], [nr('verb2', '/foo/bar'), false], [nr('verb2', '/foo/baz'), false], [nr('verb2', '/foo/bar/one'), true], [nr('verb2', '/foo/baz/one'), false],
    ],
  },
];

describe('plugin/pkg/auth/authorizer/rbac/rbac_test.go TestRuleMatches', () => {
  for (const tc of ruleMatchCases) {
    it(tc.name, () => {
      for (const [req, expected] of tc.requests) assert.equal(ruleAllows(req, tc.rule), expected, `${tc.name}: ${JSON.stringify(req)}`);
    });
  }
});

// TestAppliesTo, through the authorizer: the subjects are bound to a ClusterRole that allows everything,
// with a RoleBinding in the case's namespace (or a ClusterRoleBinding when it has none).
const appliesToCases: { testCase: string; subjects: { kind: string; name: string; namespace?: string }[]; user: string; groups?: string[]; namespace?: string; appliesTo: boolean }[] = [
  { testCase: 'single subject that matches username', subjects: [{ kind: 'User', name: 'foobar' }], user: 'foobar', appliesTo: true },
  { testCase: 'multiple subjects, one that matches username', subjects: [{ kind: 'User', name: 'barfoo' }, { kind: 'User', name: 'foobar' }], user: 'foobar', appliesTo: true },
  { testCase: 'multiple subjects, none that match username', subjects: [{ kind: 'User', name: 'barfoo' }, { kind: 'User', name: 'foobar' }], user: 'zimzam', appliesTo: false },
  { testCase: 'multiple subjects, one that match group', subjects: [{ kind: 'User', name: 'barfoo' }, { kind: 'Group', name: 'foobar' }], user: 'zimzam', groups: ['foobar'], appliesTo: true },
  { testCase: 'multiple subjects, one that match group, should ignore namespace', subjects: [{ kind: 'User', name: 'barfoo' }, { kind: 'Group', name: 'foobar' }], user: 'zimzam', groups: ['foobar'], namespace: 'namespace1', appliesTo: true },
  { testCase: 'multiple subjects with a service account that matches', subjects: [{ kind: 'User', name: 'barfoo' }, { kind: 'Group', name: 'foobar' }, { kind: 'ServiceAccount', namespace: 'kube-system', name: 'default' }], user: 'system:serviceaccount:kube-system:default', namespace: 'default', appliesTo: true },
  { testCase: "* user subject name doesn't match all users", subjects: [{ kind: 'User', name: '*' }], user: 'foobar', namespace: 'default', appliesTo: false },
  { testCase: 'binding to all authenticated and unauthenticated subjects matches authenticated user', subjects: [{ kind: 'Group', name: 'system:authenticated' }, { kind: 'Group', name: 'system:unauthenticated' }], user: 'foobar', groups: ['system:authenticated'], namespace: 'default', appliesTo: true },
  { testCase: 'binding to all authenticated and unauthenticated subjects matches anonymous user', subjects: [{ kind: 'Group', name: 'system:authenticated' }, { kind: 'Group', name: 'system:unauthenticated' }], user: 'system:anonymous', groups: ['system:unauthenticated'], namespace: 'default', appliesTo: true },
];

describe('pkg/registry/rbac/validation/rule_test.go TestAppliesTo', () => {
  for (const tc of appliesToCases) {
    it(tc.testCase, () => {
      const ns = tc.namespace ?? '';
      const binding: RoleBinding = { metadata: { name: 'b', namespace: ns || undefined }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'all' }, subjects: tc.subjects };
      const rbac = {
        roles: [], clusterRoles: [newClusterRole('all', { verbs: ['*'], apiGroups: ['*'], resources: ['*'] })],
        roleBindings: ns ? [binding] : [], clusterRoleBindings: ns ? [] : [binding],
      };
      const got = authorize(rbac, { ...base, user: tc.user, groups: tc.groups ?? [], verb: 'get', resource: 'pods', namespace: ns });
      assert.equal(got.allowed, tc.appliesTo);
    });
  }
});

describe('pkg/registry/rbac/validation/rule_test.go TestDefaultRuleResolver', () => {
  const ruleReadPods: PolicyRule = { verbs: ['GET', 'WATCH'], apiGroups: ['v1'], resources: ['pods'] };
  const ruleReadServices: PolicyRule = { verbs: ['GET', 'WATCH'], apiGroups: ['v1'], resources: ['services'] };
  const ruleWriteNodes: PolicyRule = { verbs: ['PUT', 'CREATE', 'UPDATE'], apiGroups: ['v1'], resources: ['nodes'] };
  const ruleAdmin: PolicyRule = { verbs: ['*'], apiGroups: ['*'], resources: ['*'] };
  const staticRoles1 = {
    roles: [{ metadata: { namespace: 'namespace1', name: 'readthings' }, rules: [ruleReadPods, ruleReadServices] }],
    clusterRoles: [{ metadata: { name: 'cluster-admin' }, rules: [ruleAdmin] }, { metadata: { name: 'write-nodes' }, rules: [ruleWriteNodes] }],
    roleBindings: [{ metadata: { namespace: 'namespace1' }, subjects: [{ kind: 'User', name: 'foobar' }, { kind: 'Group', name: 'group1' }], roleRef: { apiGroup: RBAC, kind: 'Role', name: 'readthings' } }],
    clusterRoleBindings: [{ metadata: {}, subjects: [{ kind: 'User', name: 'admin' }, { kind: 'Group', name: 'admin' }], roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'cluster-admin' } }],
  };
  const cases: { user: { name: string; groups: string[] }; namespace: string; effectiveRules: PolicyRule[] }[] = [
    { user: { name: 'foobar', groups: [] }, namespace: 'namespace1', effectiveRules: [ruleReadPods, ruleReadServices] },
    { user: { name: 'foobar', groups: [] }, namespace: 'namespace2', effectiveRules: [] },
    // Same as above but without a namespace. Only cluster rules should apply.
    { user: { name: 'foobar', groups: ['admin'] }, namespace: '', effectiveRules: [ruleAdmin] },
    { user: { name: '', groups: [] }, namespace: '', effectiveRules: [] },
  ];
  const norm = (r: PolicyRule) => JSON.stringify([r.verbs, r.apiGroups ?? [], r.resources ?? [], r.resourceNames ?? [], r.nonResourceURLs ?? []]);
  cases.forEach((tc, i) => {
    it(`case ${i}: the rules that apply to ${tc.user.name || 'an empty user'} in ${tc.namespace || 'no namespace'}`, () => {
      const { rules, errors } = rulesFor(staticRoles1, tc.user, tc.namespace);
      assert.deepEqual(errors, []);
      assert.deepEqual(rules.map((r) => norm(r.rule)).sort(), tc.effectiveRules.map(norm).sort());
    });
  });
});

// The reason strings. rbac.go: fmt.Sprintf("RBAC: allowed by %s", source.String()); rule.go:
//   ClusterRoleBinding %q of %s %q to %s           (describeSubject(subject, ""))
//   RoleBinding %q of %s %q to %s                  (binding name + "/" + namespace; describeSubject(subject, namespace))
//   describeSubject: ServiceAccount → %s %q of name+"/"+namespace; others → %s %q of name
// A plain denial's reason is ""; a binding whose role is missing adds the lister's NotFound error,
// and several are joined by utilerrors.NewAggregate as "[a, b]".
describe('rbac.go and rule.go: the reason strings', () => {
  const view: ClusterRole = { metadata: { name: 'view' }, rules: [{ verbs: ['get', 'list'], apiGroups: [''], resources: ['pods'] }] };
  it('a ClusterRoleBinding to a user', () => {
    const rbac = { roles: [], roleBindings: [], clusterRoles: [view], clusterRoleBindings: [{ metadata: { name: 'x' }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'z' }] }] };
    assert.deepEqual(authorize(rbac, { ...base, user: 'z', verb: 'get', resource: 'pods', namespace: 'default' }), { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "x" of ClusterRole "view" to User "z"' });
  });
  it('a RoleBinding to a ServiceAccount with no namespace names the binding\'s namespace', () => {
    const rbac = { roles: [], clusterRoles: [view], clusterRoleBindings: [], roleBindings: [{ metadata: { name: 'read', namespace: 'team' }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'ServiceAccount', name: 'ci' }] }] };
    assert.deepEqual(authorize(rbac, { ...base, user: 'system:serviceaccount:team:ci', verb: 'list', resource: 'pods', namespace: 'team' }), { allowed: true, reason: 'RBAC: allowed by RoleBinding "read/team" of ClusterRole "view" to ServiceAccount "ci/team"' });
  });
  it('a plain denial has an empty reason', () => {
    assert.deepEqual(authorize({ roles: [], roleBindings: [], clusterRoles: [view], clusterRoleBindings: [] }, { ...base, user: 'z', verb: 'get', resource: 'pods', namespace: 'default' }), { allowed: false, reason: '' });
  });
  it('a binding to a missing role is a resolution error, and two are aggregated', () => {
    const one = { roles: [], clusterRoles: [], clusterRoleBindings: [], roleBindings: [{ metadata: { name: 'rb', namespace: 'default' }, roleRef: { apiGroup: RBAC, kind: 'Role', name: 'gone' }, subjects: [{ kind: 'User', name: 'z' }] }] };
    assert.deepEqual(authorize(one, { ...base, user: 'z', verb: 'get', resource: 'pods', namespace: 'default' }), { allowed: false, reason: 'RBAC: role.rbac.authorization.k8s.io "gone" not found' });
    const two = { ...one, clusterRoleBindings: [{ metadata: { name: 'c' }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'also-gone' }, subjects: [{ kind: 'Group', name: 'devs' }] }] };
    assert.deepEqual(authorize(two, { ...base, user: 'z', groups: ['devs'], verb: 'get', resource: 'pods', namespace: 'default' }), {
      allowed: false, reason: 'RBAC: [clusterrole.rbac.authorization.k8s.io "also-gone" not found, role.rbac.authorization.k8s.io "gone" not found]',
    });
  });
  it('an allow wins over resolution errors met before it', () => {
    const rbac = {
      roles: [], roleBindings: [], clusterRoles: [view],
      clusterRoleBindings: [
        { metadata: { name: 'broken' }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'gone' }, subjects: [{ kind: 'User', name: 'z' }] },
        { metadata: { name: 'ok' }, roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' }, subjects: [{ kind: 'User', name: 'z' }] },
      ],
    };
    assert.deepEqual(authorize(rbac, { ...base, user: 'z', verb: 'get', resource: 'pods', namespace: 'default' }), { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "ok" of ClusterRole "view" to User "z"' });
  });
});

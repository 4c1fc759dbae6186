// The part of kube-apiserver's bootstrap RBAC policy every user meets, created at start-up
// by the rbac/bootstrap-roles post-start hook.
// Upstream: plugin/pkg/auth/authorizer/rbac/bootstrappolicy/policy.go (ClusterRoles,
// ClusterRoleBindings): cluster-admin to system:masters; system:basic-user (the self
// reviews kubectl auth can-i creates), system:discovery and system:public-info-viewer to
// every authenticated user. Without system:basic-user, `kubectl auth can-i` itself is refused.

import type { JsonObject } from '../apimachinery/json.ts';

const RBAC = 'rbac.authorization.k8s.io';
const meta = (name: string) => ({ name, labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' }, annotations: { 'rbac.authorization.kubernetes.io/autoupdate': 'true' } });
const role = (name: string, rules: JsonObject[]): JsonObject => ({ apiVersion: `${RBAC}/v1`, kind: 'ClusterRole', metadata: meta(name), rules });
const binding = (name: string, groups: string[]): JsonObject => ({
  apiVersion: `${RBAC}/v1`, kind: 'ClusterRoleBinding', metadata: meta(name),
  roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name },
  subjects: groups.map((g) => ({ apiGroup: RBAC, kind: 'Group', name: g })),
});

export const BOOTSTRAP_POLICY: readonly JsonObject[] = [
  role('cluster-admin', [
    { verbs: ['*'], apiGroups: ['*'], resources: ['*'] },
    { verbs: ['*'], nonResourceURLs: ['*'] },
  ]),
  role('system:basic-user', [
    { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'] },
    { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
  ]),
  role('system:discovery', [
    { verbs: ['get'], nonResourceURLs: ['/livez', '/readyz', '/healthz', '/version', '/version/', '/openapi', '/openapi/*', '/api', '/api/*', '/apis', '/apis/*'] },
  ]),
  role('system:public-info-viewer', [
    { verbs: ['get'], nonResourceURLs: ['/livez', '/readyz', '/healthz', '/version', '/version/'] },
  ]),
  binding('cluster-admin', ['system:masters']),
  binding('system:basic-user', ['system:authenticated']),
  binding('system:discovery', ['system:authenticated']),
  binding('system:public-info-viewer', ['system:authenticated', 'system:unauthenticated']),
];

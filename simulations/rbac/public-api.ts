// The config-security chapter's RBAC functions (contracts/security.md), re-exported by simulations/index.ts.
export { authorize } from './authorizer.ts';
export { syncClusterRole } from './aggregation.ts';
export type { PolicyRule, Role, ClusterRole, RoleBinding, ClusterRoleBinding, Subject, RoleRef, AccessAttributes, AuthorizeResult } from './types.ts';
export type { SyncClusterRoleResult } from './aggregation.ts';

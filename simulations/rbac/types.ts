// RBAC objects as the authorizer reads them (k8s.io/api rbac/v1 types.go), and the
// request attributes it decides on (k8s.io/apiserver authorizer.AttributesRecord).
// Inputs come from YAML or from direct calls to the public functions, so every
// reader in this folder goes through read-rbac.ts, which treats a wrong JSON type
// as Go's zero value (absent), never as a crash.

export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

export interface Subject {
  kind: string;
  apiGroup?: string;
  name: string;
  namespace?: string;
}

export interface RoleRef {
  apiGroup: string;
  kind: string;
  name: string;
}

export interface ObjectMetaLite {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
}

export interface AggregationRule {
  clusterRoleSelectors?: unknown[];
}

export interface Role {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMetaLite;
  rules?: PolicyRule[] | null;
}

export interface ClusterRole extends Role {
  aggregationRule?: AggregationRule | null;
}

export interface RoleBinding {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMetaLite;
  subjects?: Subject[] | null;
  roleRef: RoleRef;
}

export type ClusterRoleBinding = RoleBinding;

export interface RbacObjects {
  roles: Role[];
  clusterRoles: ClusterRole[];
  roleBindings: RoleBinding[];
  clusterRoleBindings: ClusterRoleBinding[];
}

/** authorizer.AttributesRecord, as the contract names it. */
export interface AccessAttributes {
  user: string;
  groups: string[];
  verb: string;
  resourceRequest: boolean;
  apiGroup: string;
  resource: string;
  subresource: string;
  namespace: string;
  name: string;
  path: string;
}

export interface AuthorizeResult {
  allowed: boolean;
  /** The reason string kube-apiserver's RBAC authorizer returns: `RBAC: allowed by ...`, "" or `RBAC: <resolution errors>`. */
  reason: string;
}

// The built-in kinds this virtual kube-apiserver serves: group, version,
// resource (the plural in URLs and in error messages), scope, and whether the
// kind has a status subresource. Everything else about a kind (its schema,
// defaults, validation, strategy) is looked up by the key `apiVersion/Kind`.
// src: the RESTStorage of each group in pkg/registry/<group>/rest/storage_*.go,
//      and `kubectl api-resources` on a v1.36 cluster (resource names, scope).

export interface KindInfo {
  /** "" for the core group. */
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Lower-case plural: "deployments". */
  readonly resource: string;
  readonly namespaced: boolean;
  /** Has a /status subresource: writes to the main resource ignore status changes. */
  readonly hasStatus: boolean;
  /** `kubectl get` short names. */
  readonly shortNames: readonly string[];
  /**
   * Where etcd keeps it: `/registry/<etcdPrefix>/<namespace>/<name>`. Mostly the
   * resource, with upstream's historical exceptions (nodes under `minions`,
   * Services under `services/specs`, Endpoints under `services/endpoints`).
   */
  readonly etcdPrefix: string;
}

/** "apps/v1" or "v1". */
export function apiVersionOf(info: KindInfo): string {
  return info.group === '' ? info.version : `${info.group}/${info.version}`;
}

/** schema.GroupResource.String(): "deployments.apps", "pods". */
export function qualifiedResource(info: KindInfo): string {
  return info.group === '' ? info.resource : `${info.resource}.${info.group}`;
}

/** schema.GroupKind.String(): "Deployment.apps", "Pod". */
export function qualifiedKind(info: KindInfo): string {
  return info.group === '' ? info.kind : `${info.kind}.${info.group}`;
}

/** The lookup key of a kind: "apps/v1/Deployment", "v1/Pod". */
export function kindKey(apiVersion: string, kind: string): string {
  return `${apiVersion}/${kind}`;
}

// The etcd prefixes that differ from the resource name.
// src: pkg/registry/core/{node,service,endpoint}/storage/storage.go (DefaultQualifiedResource + StoreOptions),
//      pkg/kubeapiserver/default_storage_factory_builder.go (cohabitating resources),
//      staging/src/k8s.io/apiextensions-apiserver/pkg/registry/customresourcedefinition/etcd.go
const ETCD_PREFIX: Record<string, string> = {
  nodes: 'minions',
  services: 'services/specs',
  endpoints: 'services/endpoints',
  ingresses: 'ingress',
  customresourcedefinitions: 'apiextensions.k8s.io/customresourcedefinitions',
};

const k = (group: string, version: string, kind: string, resource: string, namespaced: boolean, hasStatus: boolean, shortNames: string[] = []): KindInfo => ({
  group,
  version,
  kind,
  resource,
  namespaced,
  hasStatus,
  shortNames,
  etcdPrefix: ETCD_PREFIX[resource] ?? resource,
});

/** Every built-in kind, in `kubectl api-resources` order (core first, then by group). */
export const KINDS: readonly KindInfo[] = [
  k('', 'v1', 'ConfigMap', 'configmaps', true, false, ['cm']),
  k('', 'v1', 'Endpoints', 'endpoints', true, false, ['ep']),
  k('', 'v1', 'Event', 'events', true, false, ['ev']),
  k('', 'v1', 'LimitRange', 'limitranges', true, false, ['limits']),
  k('', 'v1', 'Namespace', 'namespaces', false, true, ['ns']),
  k('', 'v1', 'Node', 'nodes', false, true, ['no']),
  k('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, true, ['pvc']),
  k('', 'v1', 'PersistentVolume', 'persistentvolumes', false, true, ['pv']),
  k('', 'v1', 'Pod', 'pods', true, true, ['po']),
  k('', 'v1', 'ResourceQuota', 'resourcequotas', true, true, ['quota']),
  k('', 'v1', 'Secret', 'secrets', true, false),
  k('', 'v1', 'ServiceAccount', 'serviceaccounts', true, false, ['sa']),
  k('', 'v1', 'Service', 'services', true, true, ['svc']),
  k('apiextensions.k8s.io', 'v1', 'CustomResourceDefinition', 'customresourcedefinitions', false, true, ['crd', 'crds']),
  k('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true, false),
  k('apps', 'v1', 'DaemonSet', 'daemonsets', true, true, ['ds']),
  k('apps', 'v1', 'Deployment', 'deployments', true, true, ['deploy']),
  k('apps', 'v1', 'ReplicaSet', 'replicasets', true, true, ['rs']),
  k('apps', 'v1', 'StatefulSet', 'statefulsets', true, true, ['sts']),
  k('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, true, ['hpa']),
  k('batch', 'v1', 'CronJob', 'cronjobs', true, true, ['cj']),
  k('batch', 'v1', 'Job', 'jobs', true, true),
  k('coordination.k8s.io', 'v1', 'Lease', 'leases', true, false),
  k('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true, false),
  k('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false, false),
  k('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, true, ['ing']),
  k('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, false, ['netpol']),
  k('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, true, ['pdb']),
  k('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false, false),
  k('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false, false),
  k('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true, false),
  k('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true, false),
  k('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, false, ['pc']),
  k('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, false, ['sc']),
];

// By apiVersion, then kind: a lookup joins no strings (every write looks its kind up several
// times, and a string made for the lookup is flattened and hashed each time).
const BY_VERSION = new Map<string, Map<string, KindInfo>>();
for (const info of KINDS) {
  const apiVersion = apiVersionOf(info);
  let kinds = BY_VERSION.get(apiVersion);
  if (!kinds) BY_VERSION.set(apiVersion, (kinds = new Map()));
  kinds.set(info.kind, info);
}
const KEY_OF = new Map<KindInfo, string>(KINDS.map((info) => [info, kindKey(apiVersionOf(info), info.kind)]));

/** The kind served at `apiVersion` with this `kind`, or undefined. */
export function lookupKind(apiVersion: string, kind: string): KindInfo | undefined {
  return BY_VERSION.get(apiVersion)?.get(kind);
}

/** kindKey of a kind's own apiVersion and kind ("apps/v1/Deployment"), made once per built-in kind. */
export function kindKeyOf(info: KindInfo): string {
  return KEY_OF.get(info) ?? kindKey(apiVersionOf(info), info.kind);
}

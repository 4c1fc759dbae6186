// How kubectl names a kind: its REST resource (for URLs and warnings), its
// scope, and the "kind.group/name" form printed after apply
// (staging/src/k8s.io/cli-runtime/pkg/printers/name.go) and used for diff file
// names (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go, Object.Name()).

export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  /** REST resource, e.g. "deployments". */
  resource: string;
  namespaced: boolean;
}

const CLUSTER_SCOPED = new Set([
  'Node', 'Namespace', 'PersistentVolume', 'ClusterRole', 'ClusterRoleBinding', 'PriorityClass', 'StorageClass',
  'IngressClass', 'CustomResourceDefinition', 'APIService', 'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration', 'CSIDriver', 'CSINode', 'RuntimeClass', 'VolumeAttachment',
]);

const IRREGULAR: Record<string, string> = {
  Endpoints: 'endpoints',
  NetworkPolicy: 'networkpolicies',
  Ingress: 'ingresses',
  IngressClass: 'ingressclasses',
  PriorityClass: 'priorityclasses',
  StorageClass: 'storageclasses',
};

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * The resource for a kind: known plurals, else the RESTMapper's guess
 * (staging/src/k8s.io/apimachinery/pkg/api/meta/restmapper.go, UnsafeGuessKindToResource).
 *
 * @example resourceFor('apps/v1', 'Deployment') // { resource: 'deployments', group: 'apps', namespaced: true, ... }
 */
export function resourceFor(apiVersion: string, kind: string): ResourceInfo {
  const { group, version } = splitApiVersion(apiVersion);
  let resource = IRREGULAR[kind];
  if (!resource) {
    const singular = kind.toLowerCase();
    if (singular.endsWith('s')) resource = `${singular}es`;
    else if (singular.endsWith('y')) resource = `${singular.slice(0, -1)}ies`;
    else resource = `${singular}s`;
  }
  return { group, version, kind, resource, namespaced: !CLUSTER_SCOPED.has(kind) };
}

/** "deployment.apps/web", "configmap/cfg": what `kubectl apply` prints before created/configured/unchanged. */
export function printName(info: ResourceInfo, name: string): string {
  const groupKind = info.group ? `${info.kind}.${info.group}` : info.kind;
  return `${groupKind.toLowerCase()}/${name}`;
}

/** "deployments/web": Info.ObjectName(), used in the missing-annotation warning. */
export function objectName(info: ResourceInfo, name: string): string {
  return `${info.resource}/${name}`;
}

/** The object's URL path on the API server. */
export function apiPath(info: ResourceInfo, namespace: string | undefined, name?: string): string {
  const base = info.group ? `/apis/${info.group}/${info.version}` : `/api/${info.version}`;
  const ns = info.namespaced && namespace ? `/namespaces/${namespace}` : '';
  return `${base}${ns}/${info.resource}${name === undefined ? '' : `/${name}`}`;
}

/**
 * "apps.v1.Deployment.default.web": the file name kubectl diff writes
 * (InfoObject.Name(): [group.]version.kind.namespace.name; cluster-scoped
 * objects keep the empty namespace, "v1.Node..node-a").
 */
export function diffFileName(info: ResourceInfo, namespace: string | undefined, name: string): string {
  const group = info.group ? `${info.group}.` : '';
  return `${group}${info.version}.${info.kind}.${namespace ?? ''}.${name}`;
}

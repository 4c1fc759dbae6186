// How kubectl names a kind: its REST resource (for URLs and warnings, from the
// API server's discovery), its scope, and the "kind.group/name" form printed after apply
// (staging/src/k8s.io/cli-runtime/pkg/printers/name.go) and used for diff file
// names (staging/src/k8s.io/kubectl/pkg/cmd/diff/diff.go, Object.Name()).

import { lookupKind } from '../../apiserver/kinds.ts';

export interface ResourceInfo {
  group: string;
  version: string;
  kind: string;
  /** REST resource, e.g. "deployments". */
  resource: string;
  namespaced: boolean;
}

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/**
 * The REST mapping kubectl finds through the API server's discovery, or
 * undefined when the server does not serve the kind (kubectl: "no matches for kind").
 *
 * @example restMapping('apps/v1', 'Deployment') // { group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments', namespaced: true }
 */
export function restMapping(apiVersion: string, kind: string): ResourceInfo | undefined {
  const info = lookupKind(apiVersion, kind);
  return info && { group: info.group, version: info.version, kind: info.kind, resource: info.resource, namespaced: info.namespaced };
}

/**
 * The resource for a kind: its REST mapping, else the RESTMapper's guess
 * (staging/src/k8s.io/apimachinery/pkg/api/meta/restmapper.go, UnsafeGuessKindToResource),
 * namespaced, for naming a kind the server does not serve.
 *
 * @example resourceFor('example.com/v1', 'Widget') // { group: 'example.com', version: 'v1', kind: 'Widget', resource: 'widgets', namespaced: true }
 */
export function resourceFor(apiVersion: string, kind: string): ResourceInfo {
  const mapping = restMapping(apiVersion, kind);
  if (mapping) return mapping;
  const { group, version } = splitApiVersion(apiVersion);
  const singular = kind.toLowerCase();
  const resource = singular.endsWith('s') ? `${singular}es` : singular.endsWith('y') ? `${singular.slice(0, -1)}ies` : `${singular}s`;
  return { group, version, kind, resource, namespaced: true };
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

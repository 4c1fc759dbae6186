// The patch metadata kubectl compiles in (staging/src/k8s.io/kubectl/pkg/cmd/apply/patcher.go,
// patchSimple): with no OpenAPI served, kubectl reads the struct tags of the Go
// types in its scheme (k8s.io/kubectl/pkg/scheme, the k8s.io/api groups) and
// sends a strategic merge patch; a kind outside its scheme gets a JSON merge
// patch. Those Go types are the API server's own (k8s.io/api), so the tables
// come from apiserver/patch-meta.ts. apiextensions.k8s.io is not in kubectl's
// scheme: a CustomResourceDefinition is patched with a JSON merge patch, as is
// any custom resource.

import type { PatchSchema } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';
import { KINDS, apiVersionOf } from '../../apiserver/kinds.ts';
import { patchSchemaFor } from '../../apiserver/patch-meta.ts';

/** API groups the API server serves that kubectl's scheme does not register. */
const NOT_IN_KUBECTL_SCHEME = new Set(['apiextensions.k8s.io']);

/**
 * The patch metadata kubectl has for a kind, or undefined when kubectl would
 * not know the kind (a CRD, a custom resource): those get a JSON merge patch.
 *
 * @example schemaFor('apps/v1', 'Deployment')?.types.DeploymentSpec.strategy.patchStrategy // "retainKeys"
 */
export function schemaFor(apiVersion: string, kind: string): PatchSchema | undefined {
  const slash = apiVersion.indexOf('/');
  if (slash >= 0 && NOT_IN_KUBECTL_SCHEME.has(apiVersion.slice(0, slash))) return undefined;
  return patchSchemaFor(apiVersion, kind);
}

/** Every apiVersion/kind pair kubectl has patch metadata for (for tests and docs). */
export function builtinKinds(): { apiVersion: string; kind: string }[] {
  return KINDS.filter((info) => !NOT_IN_KUBECTL_SCHEME.has(info.group)).map((info) => ({ apiVersion: apiVersionOf(info), kind: info.kind }));
}

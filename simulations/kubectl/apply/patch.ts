// `kubectl patch <kind>/<name> --type strategic|merge -p <patch>` against the
// API server: GET the object, PATCH it with ?fieldManager=kubectl-patch, and
// print "patched", or "patched (no change)" when the server's answer is the
// object it had (staging/src/k8s.io/kubectl/pkg/cmd/patch/patch.go:
// didPatch := !reflect.DeepEqual(info.Object, patchedObj)).

import { deepEqual } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goJsonMarshal } from '../../apimachinery/go-json.ts';
import type { ObjectRef } from '../../apiserver/api-server.ts';
import type { ApiClient, HttpRequest, HttpResponse } from './client.ts';
import { responseOf } from './client.ts';
import type { KubectlError } from './errors.ts';
import { serverError } from './errors.ts';
import { apiPath, printName, resourceFor } from './resources.ts';

/** patch.go: the field manager of `kubectl patch`. */
export const PATCH_MANAGER = 'kubectl-patch';

export interface KubectlPatch {
  printName: string;
  /** "deployment.apps/web patched" or "... patched (no change)"; "" when it failed. */
  message: string;
  error: KubectlError | null;
  request: HttpRequest;
  response: HttpResponse;
  before: JsonObject | null;
  after: JsonObject | null;
}

/**
 * @example kubectlPatch(api, { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'default', name: 'web' }, { spec: { replicas: 2 } }, 'strategic').message
 *   // 'deployment.apps/web patched'
 */
export function kubectlPatch(client: ApiClient, ref: ObjectRef, patch: JsonObject, type: 'strategic' | 'merge'): KubectlPatch {
  const info = resourceFor(ref.apiVersion, ref.kind);
  const name = printName(info, ref.name);
  const contentType = type === 'strategic' ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json';
  const request: HttpRequest = { method: 'PATCH', path: apiPath(info, ref.namespace, ref.name), query: `fieldManager=${PATCH_MANAGER}`, contentType, body: goJsonMarshal(patch) };
  const got = client.get(ref);
  if (got.code >= 400) return { printName: name, message: '', error: serverError(got), request, response: responseOf(got), before: null, after: null };
  const before = got.object as JsonObject;
  const patched = client.patch(ref, patch, { type: contentType, fieldManager: PATCH_MANAGER });
  if (patched.code >= 400) return { printName: name, message: '', error: serverError(patched), request, response: responseOf(patched), before, after: null };
  const after = patched.object as JsonObject;
  return { printName: name, message: `${name} ${deepEqual(before, after) ? 'patched (no change)' : 'patched'}`, error: null, request, response: responseOf(patched), before, after };
}

// A cell's manifests into the simulated cluster, the way they would get into
// a real one: every built-in object goes through the API server (decoding,
// defaults, validation), so every chapter reads the same objects and refuses
// the same mistakes with the same words. A refusal becomes the learner's
// error, worded as kube-apiserver words it (what `kubectl` prints after
// "Error from server"), pointing at the offending field's line.

import type { JsonObject } from '../apimachinery/json.ts';
import { asObject, asString } from '../apimachinery/json.ts';
import type { ApiServer } from '../apiserver/api-server.ts';
import { lookupKind } from '../apiserver/kinds.ts';
import type { ApiResult } from '../apiserver/result.ts';
import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';

/** How an object gets into the cluster. */
export type Admittance =
  /** As `kubectl create -f`: a new object (status dropped, admission runs, the namespace must exist). */
  | 'create'
  /** As an object that already exists (status, uid and creationTimestamp kept): a scenario's starting state. */
  | 'seed';

/**
 * Puts each built-in object into the cluster, in order; objects of other
 * kinds (kube-notebook.dev/v1alpha1, KubeSchedulerConfiguration) are left to
 * the engine. With `seed`, namespaces the objects name are created first when
 * missing: a scenario describes a cluster in which they exist. Returns the
 * stored objects, in the order given. Throws the learner's ValidationError on
 * the first refusal.
 *
 * @example
 *   const api = freshApiServer();
 *   const [pod] = admitObjects(api, [podFromYaml], 'seed');
 *   pod.spec.restartPolicy  // 'Always' (defaulted)
 */
export function admitObjects(api: ApiServer, objects: readonly object[], mode: Admittance): Readonly<JsonObject>[] {
  const stored: Readonly<JsonObject>[] = [];
  if (mode === 'seed') ensureNamespaces(api, objects);
  for (const object of objects) {
    if (!isBuiltIn(object)) continue;
    const result = mode === 'seed' ? api.seed(object) : api.create(object);
    if (result.code >= 400 || !result.object) throw refusal(result, object);
    stored.push(result.object as Readonly<JsonObject>); // a create or seed answers with the stored object
  }
  return stored;
}

/** Whether the API server serves this object's kind. */
export function isBuiltIn(object: object): boolean {
  const o = asObject(object);
  return lookupKind(asString(o?.apiVersion), asString(o?.kind)) !== undefined;
}

function ensureNamespaces(api: ApiServer, objects: readonly object[]): void {
  // Made only when a Namespace is among the objects (a scenario's Pods are seeded one by one).
  let declared: Set<string> | undefined;
  for (const object of objects) {
    const o = asObject(object);
    if (asString(o?.apiVersion) === 'v1' && asString(o?.kind) === 'Namespace') (declared ??= new Set<string>()).add(asString(asObject(o?.metadata)?.name));
  }
  for (const object of objects) {
    const o = asObject(object);
    const info = lookupKind(asString(o?.apiVersion), asString(o?.kind));
    if (!info?.namespaced) continue;
    const namespace = asString(asObject(o?.metadata)?.namespace) || 'default';
    if (declared?.has(namespace) || api.peek({ apiVersion: 'v1', kind: 'Namespace', name: namespace })) continue;
    // A name that is not a valid namespace name is left for the object's own validation to report.
    if (api.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } }).code < 400) (declared ??= new Set<string>()).add(namespace);
  }
}

/**
 * The API server's refusal as the learner's error: its Status message, at the
 * first offending field (a decode problem, the first field error of an
 * Invalid, the name of an object that exists, the namespace that does not).
 */
export function refusal(result: ApiResult, object: object): ValidationError {
  const message = result.message || `the server refused the object (${result.code})`;
  return new ValidationError(message, { object, path: wherePointed(result), message, code: 'api' });
}

function wherePointed(result: ApiResult): FieldPath {
  if (result.problems && result.problems.length > 0) return result.problems[0].path;
  if (result.fieldErrors && result.fieldErrors.length > 0) return result.fieldErrors[0].path;
  if (result.reason === 'NotFound' && /^namespaces "/.test(result.message ?? '')) return ['metadata', 'namespace'];
  if (result.reason === 'Forbidden' && /in namespace .* because it is being terminated/.test(result.message ?? '')) return ['metadata', 'namespace'];
  return ['metadata', 'name'];
}

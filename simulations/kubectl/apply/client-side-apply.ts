// Client-side `kubectl apply` of one object, as
// staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (applyOneObject) and
// patcher.go (Patcher.patchSimple) do it, against the API server:
//
//   modified = the file + its own last-applied annotation (GetModifiedConfiguration)
//   GET → 404               → POST the file (nulls pruned), print "created"
//   GET → the live object   → original = live's annotation (warning if absent)
//                             patch = three-way(original, modified, live)
//                             patch == {} → no request, "unchanged"
//                             else PATCH (strategic merge for kinds in kubectl's
//                             scheme, JSON merge otherwise), "configured"
//
// Every request carries ?fieldManager=kubectl-client-side-apply, so the API
// server records the write in managedFields; what the object becomes (the
// merge, defaults, generation, resourceVersion) is the server's answer.

import { isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goJsonEncode, goJsonMarshal } from '../../apimachinery/go-json.ts';
import { ConflictError, createThreeWayJsonMergePatch, createThreeWayMergePatch } from '../../apimachinery/strategic-merge-patch/index.ts';
import type { PatchSchema } from '../../apimachinery/strategic-merge-patch/index.ts';
import type { ObjectRef } from '../../apiserver/api-server.ts';
import type { ApiClient, HttpRequest, HttpResponse } from './client.ts';
import { responseOf } from './client.ts';
import type { KubectlError } from './errors.ts';
import { plainError, serverError, sourcePrefix } from './errors.ts';
import { getModifiedConfiguration, lastAppliedText, pruneNulls } from './last-applied.ts';
import { apiPath, diffFileName, objectName, printName, resourceFor, restMapping } from './resources.ts';
import type { ResourceInfo } from './resources.ts';
import { schemaFor } from './scheme.ts';

export type ApplyOutcome = 'created' | 'configured' | 'unchanged' | 'serverside-applied' | 'failed';

/** One object through `kubectl apply`: what kubectl sent, what it printed, and the object before and after. */
export interface ObjectApply {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | null;
  /** "deployment.apps/web" */
  printName: string;
  outcome: ApplyOutcome;
  /** The stdout line, e.g. "deployment.apps/web configured" ("" when the apply failed). */
  message: string;
  warnings: string[];
  /** What kubectl prints for this object's error, when the apply failed. */
  error: KubectlError | null;
  patchType: 'strategic' | 'merge' | 'apply' | null;
  /** The patch body as data; null when nothing is sent (created, unchanged). */
  patch: JsonObject | null;
  /** The request that changed the object (POST for created, PATCH for configured/server-side), or null. */
  request: HttpRequest | null;
  /** The server's answer to it. */
  response: HttpResponse | null;
  /** The live object kubectl found (null: it did not exist). */
  before: JsonObject | null;
  /** The object as the server left it (the live object again when nothing was written). */
  after: JsonObject;
  /** The last-applied configuration found on live, parsed. */
  lastApplied: JsonObject | null;
  /** The annotation value kubectl writes now (null for server-side apply). */
  newLastApplied: string | null;
  /** What the file asks for, as kubectl compares it. */
  modified: JsonObject;
  /** kubectl diff's file name for the object: "apps.v1.Deployment.default.web". */
  diffFile: string;
}

export interface ClientSideOptions {
  /** The kubeconfig context's namespace. */
  namespace: string;
  /** --overwrite (default true). */
  overwrite: boolean;
  /** The file name kubectl reports in errors. */
  fileName: string;
}

/** apply.go: the field manager of client-side apply's requests. */
export const CLIENT_SIDE_APPLY_MANAGER = 'kubectl-client-side-apply';

const QUERY = `fieldManager=${CLIENT_SIDE_APPLY_MANAGER}&fieldValidation=Strict`;

/**
 * Sets metadata.namespace for namespaced kinds, as kubectl's resource builder
 * does. A shallow copy: the object and its metadata are new, what is below is
 * shared with `config` (kubectl only reads it).
 */
export function withNamespace(config: JsonObject, info: ResourceInfo, namespace: string): JsonObject {
  const metadata: JsonObject = isMap(config.metadata) ? { ...config.metadata } : {};
  const local: JsonObject = { ...config };
  set(local, 'metadata', metadata);
  if (info.namespaced && (typeof metadata.namespace !== 'string' || metadata.namespace === '')) set(metadata, 'namespace', namespace);
  return local;
}

/** The object reference of a config (namespace filled in). */
export function refOf(local: JsonObject, info: ResourceInfo): ObjectRef {
  const metadata = local.metadata as JsonObject;
  return {
    apiVersion: String(local.apiVersion),
    kind: String(local.kind),
    name: String(metadata.name),
    ...(info.namespaced ? { namespace: String(metadata.namespace) } : {}),
  };
}

/**
 * The builder's error for a kind the server does not serve (apply.go GetObjects,
 * resource mapping): no request is sent for the object.
 */
export function mappingError(config: JsonObject, fileName: string): KubectlError {
  const meta = isMap(config.metadata) ? config.metadata : {};
  const q = (v: unknown) => JSON.stringify(typeof v === 'string' ? v : '');
  return plainError(
    `resource mapping not found for name: ${q(meta.name)} namespace: ${q(meta.namespace)} from ${q(fileName)}: no matches for kind ${q(config.kind)} in version ${q(config.apiVersion)}\nensure CRDs are installed first`,
  );
}

/** What every outcome shares: the object's names, what the file asks for. */
export function baseOf(config: JsonObject, options: { namespace: string }) {
  const apiVersion = String(config.apiVersion);
  const kind = String(config.kind);
  const info = resourceFor(apiVersion, kind);
  const local = withNamespace(config, info, options.namespace);
  const metadata = local.metadata as JsonObject;
  const name = String(metadata.name);
  const namespace = info.namespaced ? String(metadata.namespace) : null;
  return { apiVersion, kind, info, local, name, namespace, printName: printName(info, name), diffFile: diffFileName(info, namespace ?? undefined, name) };
}

/**
 * One object through `kubectl apply` (client side), against `client`.
 *
 * @example
 *   clientSideApply(api, config, { namespace: 'default', overwrite: true, fileName: 'web.yaml' })
 *   // → { outcome: 'configured', message: 'deployment.apps/web configured', patch: {...}, after: the server's answer, ... }
 */
export function clientSideApply(client: ApiClient, config: JsonObject, options: ClientSideOptions): ObjectApply {
  const b = baseOf(config, options);
  const { modified, annotation } = getModifiedConfiguration(b.local, true);
  const base = {
    apiVersion: b.apiVersion,
    kind: b.kind,
    name: b.name,
    namespace: b.namespace,
    printName: b.printName,
    modified,
    diffFile: b.diffFile,
    newLastApplied: annotation,
  };
  const failed = (error: KubectlError, rest: Partial<ObjectApply> = {}): ObjectApply => ({
    ...base,
    outcome: 'failed',
    message: '',
    warnings: [],
    error,
    patchType: null,
    patch: null,
    request: null,
    response: null,
    before: null,
    after: b.local,
    lastApplied: null,
    ...rest,
  });
  if (!restMapping(b.apiVersion, b.kind)) return failed(mappingError(config, options.fileName));
  const ref = refOf(b.local, b.info);

  const got = client.get(ref);
  if (got.code >= 400 && got.code !== 404) {
    return failed(serverError(got, sourcePrefix(`retrieving current configuration of:\n${infoString(b.info, b.name, b.namespace)}\nfrom server for:`, options.fileName)));
  }
  if (got.code === 404) {
    // CreateApplyAnnotation, then POST with nulls pruned (the annotation keeps them).
    const body = pruneNulls(modified);
    const request: HttpRequest = { method: 'POST', path: apiPath(b.info, b.namespace ?? undefined), query: QUERY, contentType: 'application/json', body: goJsonEncode(body) };
    const created = client.create(body, { fieldManager: CLIENT_SIDE_APPLY_MANAGER });
    if (created.code >= 400) return failed(serverError(created, sourcePrefix('creating', options.fileName)), { request, response: responseOf(created) });
    return {
      ...base,
      outcome: 'created',
      message: `${b.printName} created`,
      warnings: [],
      error: null,
      patchType: null,
      patch: null,
      request,
      response: responseOf(created),
      before: null,
      after: created.object as JsonObject,
      lastApplied: null,
    };
  }

  const live = got.object as JsonObject;
  const warnings: string[] = [];
  const originalText = lastAppliedText(live);
  if (originalText === undefined) {
    warnings.push(
      `Warning: resource ${objectName(b.info, b.name)} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  }
  const original = originalText ? (JSON.parse(originalText) as JsonObject) : null;
  const schema = schemaFor(b.apiVersion, b.kind);
  const patchType = schema ? 'strategic' : 'merge';
  let patch: JsonObject;
  try {
    patch = threeWayPatch(original, modified, live, schema, options.overwrite);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return failed(plainError(conflictText(b.info, b.name, b.namespace, options.fileName, originalText ?? '', modified, live, error)), {
      warnings,
      patchType,
      before: live,
      after: live,
      lastApplied: original,
    });
  }
  if (Object.keys(patch).length === 0) {
    return { ...base, outcome: 'unchanged', message: `${b.printName} unchanged`, warnings, error: null, patchType, patch: null, request: null, response: null, before: live, after: live, lastApplied: original };
  }
  const body = goJsonMarshal(patch);
  const contentType = schema ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json';
  const request: HttpRequest = { method: 'PATCH', path: apiPath(b.info, b.namespace ?? undefined, b.name), query: QUERY, contentType, body };
  const patched = client.patch(ref, patch, { type: contentType, fieldManager: CLIENT_SIDE_APPLY_MANAGER });
  if (patched.code >= 400) {
    // patcher.go AddSourceToErr("patching", ...), then apply.go AddSourceToErr("applying patch:\n...\nto:\n...\nfor:", ...).
    const prefix = sourcePrefix(`applying patch:\n${body}\nto:\n${infoString(b.info, b.name, b.namespace)}\nfor:`, options.fileName) + sourcePrefix('patching', options.fileName);
    return failed(serverError(patched, prefix), { warnings, patchType, patch, request, response: responseOf(patched), before: live, after: live, lastApplied: original });
  }
  return {
    ...base,
    outcome: 'configured',
    message: `${b.printName} configured`,
    warnings,
    error: null,
    patchType,
    patch,
    request,
    response: responseOf(patched),
    before: live,
    after: patched.object as JsonObject,
    lastApplied: original,
  };
}

/**
 * patcher.go patchSimple's patch: strategic (three-way over the kind's
 * patch metadata) or, for kinds outside kubectl's scheme, a three-way JSON merge patch.
 */
export function threeWayPatch(original: JsonObject | null, modified: JsonObject, current: JsonObject, schema: PatchSchema | undefined, overwrite: boolean): JsonObject {
  return schema ? createThreeWayMergePatch(original, modified, current, schema, { overwrite }) : createThreeWayJsonMergePatch(original, modified, current);
}

/** resource.Info.String(): the mapping, then name and namespace. */
export function infoString(info: ResourceInfo, name: string, namespace: string | null): string {
  const gv = `${info.group}/${info.version}`;
  return `Resource: "${gv}, Resource=${info.resource}", GroupVersionKind: "${gv}, Kind=${info.kind}"\nName: "${name}", Namespace: "${namespace ?? ''}"`;
}

/** What `kubectl apply --overwrite=false` prints when the patch conflicts (apply.go + patcher.go wrapping). */
function conflictText(
  info: ResourceInfo,
  name: string,
  namespace: string | null,
  fileName: string,
  originalText: string,
  modified: JsonObject,
  live: JsonObject,
  error: ConflictError,
): string {
  return (
    `error when applying patch:\n\nto:\n${infoString(info, name, namespace)}\n` +
    `for: ${JSON.stringify(fileName)}: error when patching ${JSON.stringify(fileName)}: creating patch with:\n` +
    `original:\n${originalText}\nmodified:\n${goJsonEncode(modified)}\ncurrent:\n${goJsonEncode(live)}\nfor:: ${error.message}`
  );
}

// Client-side `kubectl apply` of one object, as
// staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (applyOneObject) and
// patcher.go (Patcher.patchSimple) do it:
//
//   modified = the file + its own last-applied annotation (GetModifiedConfiguration)
//   live missing            → POST the file (nulls pruned), print "created"
//   live found              → original = live's annotation (warning if absent)
//                             patch = three-way(original, modified, live)
//                             patch == {} → no request, "unchanged"
//                             else PATCH (strategic merge, or JSON merge for CRDs), "configured"
//
// The "server" side then applies the patch like the API server would
// (strategicpatch.StrategicMergePatch / RFC 7386) and bumps metadata.generation
// when the spec changed (the registry strategies' PrepareForUpdate).

import { clone, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goJsonEncode, goJsonMarshal } from '../../apimachinery/go-json.ts';
import { SchemaNode } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';
import { schemaFor } from '../../kubectl/apply/scheme.ts';
import { ConflictError, createThreeWayMergePatch, strategicMergePatch } from '../../apimachinery/strategic-merge-patch/index.ts';
import { applyJsonMergePatch, createThreeWayJsonMergePatch } from '../../apimachinery/strategic-merge-patch/json-merge-patch.ts';
import { explainApply } from '../explain/explain.ts';
import type { FieldChange } from '../explain/explain.ts';
import { getModifiedConfiguration, lastAppliedText, pruneNulls } from './last-applied.ts';
import { apiPath, diffFileName, objectName, printName, resourceFor } from './resources.ts';
import type { ResourceInfo } from './resources.ts';
import { bumpGeneration } from './server-effects.ts';
import { recordUpdate } from '../server-side/apply.ts';
import { withoutManagedFields } from '../../apiserver/field-manager/managed-fields.ts';

export interface HttpRequest {
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  query: string;
  contentType: string;
  body: string;
}

export type ApplyOutcome = 'created' | 'configured' | 'unchanged' | 'serverside-applied' | 'failed';

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
  /** kubectl's error text when the apply failed (stderr). */
  error: string | null;
  patchType: 'strategic' | 'merge' | 'apply' | null;
  /** The patch body as data; null when nothing is sent (created, unchanged). */
  patch: JsonObject | null;
  /** The request kubectl sends (POST for created, PATCH for configured/server-side). */
  request: HttpRequest | null;
  before: JsonObject | null;
  after: JsonObject;
  /** The last-applied configuration found on live, parsed. */
  lastApplied: JsonObject | null;
  /** The annotation value kubectl writes now (null for server-side apply without one). */
  newLastApplied: string | null;
  /** What the file asks for, as kubectl compares it. */
  modified: JsonObject;
  explanation: FieldChange[];
  /** Input for kubectl diff: the server's dry-run answer. */
  diffMerged: JsonObject | null;
  diffFile: string;
}

export interface ClientSideOptions {
  /** The kubeconfig context's namespace. */
  namespace: string;
  /** --overwrite (default true). */
  overwrite: boolean;
  /** The file name kubectl reports in errors. */
  fileName: string;
  /** managedFields timestamps (the virtual clock). */
  now: string;
}

const FIELD_MANAGER = 'kubectl-client-side-apply';

/**
 * What the API server records for client-side apply's POST or PATCH (an
 * Update by kubectl-client-side-apply); `before` null for a create.
 */
export function recordClientSideApply(before: JsonObject | null, after: JsonObject, apiVersion: string, now: string, node: SchemaNode): JsonObject {
  return recordUpdate(before, after, { manager: FIELD_MANAGER, operation: 'Update', apiVersion, time: now }, node);
}

/** Sets metadata.namespace for namespaced kinds, as kubectl's resource builder does. */
export function withNamespace(config: JsonObject, info: ResourceInfo, namespace: string): JsonObject {
  const local = clone(config);
  const metadata = isMap(local.metadata) ? local.metadata : {};
  set(local, 'metadata', metadata);
  if (info.namespaced && (typeof metadata.namespace !== 'string' || metadata.namespace === '')) set(metadata, 'namespace', namespace);
  return local;
}

/**
 * One object through `kubectl apply` (client side).
 *
 * @example
 *   clientSideApply(config, live, { namespace: 'default', overwrite: true, fileName: 'web.yaml' })
 *   // → { outcome: 'configured', message: 'deployment.apps/web configured', patch: {...}, after: {...}, ... }
 */
export function clientSideApply(config: JsonObject, live: JsonObject | null, options: ClientSideOptions): ObjectApply {
  const apiVersion = String(config.apiVersion);
  const kind = String(config.kind);
  const info = resourceFor(apiVersion, kind);
  const local = withNamespace(config, info, options.namespace);
  const metadata = local.metadata as JsonObject;
  const name = String(metadata.name);
  const namespace = info.namespaced ? String(metadata.namespace) : null;
  const schema = schemaFor(apiVersion, kind);
  const node = schema ? SchemaNode.root(schema) : SchemaNode.open();
  const { modified, annotation } = getModifiedConfiguration(local, true);
  const base = {
    apiVersion,
    kind,
    name,
    namespace,
    printName: printName(info, name),
    modified,
    diffFile: diffFileName(info, namespace ?? undefined, name),
    newLastApplied: annotation,
  };
  const query = `fieldManager=${FIELD_MANAGER}&fieldValidation=Strict`;

  if (!live) {
    // CreateApplyAnnotation, then POST with nulls pruned (the annotation keeps them).
    // The API server records the create as an Update by kubectl-client-side-apply.
    const body = pruneNulls(modified);
    const created = recordClientSideApply(null, body, apiVersion, options.now, node);
    return {
      ...base,
      outcome: 'created',
      message: `${base.printName} created`,
      warnings: [],
      error: null,
      patchType: null,
      patch: null,
      request: { method: 'POST', path: apiPath(info, namespace ?? undefined), query, contentType: 'application/json', body: goJsonEncode(body) },
      before: null,
      after: created,
      lastApplied: null,
      explanation: explainApply({ before: null, after: body, modified, lastApplied: null, schema: node, mode: 'client-side' }),
      // kubectl diff dry-run-creates the file itself: no annotation, nulls kept.
      diffMerged: local,
    };
  }

  const warnings: string[] = [];
  const originalText = lastAppliedText(live);
  if (originalText === undefined) {
    warnings.push(
      `Warning: resource ${objectName(info, name)} is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.`,
    );
  }
  const original = originalText ? (JSON.parse(originalText) as JsonObject) : null;

  const threeWay = (mod: JsonObject, overwrite: boolean): JsonObject =>
    schema
      ? createThreeWayMergePatch(original, mod, live, schema, { overwrite })
      : createThreeWayJsonMergePatch(original, mod, live);
  const applyPatch = (patch: JsonObject): JsonObject =>
    bumpGeneration(kind, live, schema ? strategicMergePatch(live, patch, schema) : (applyJsonMergePatch(live, patch) as JsonObject));

  // kubectl diff: the same patch without updating the annotation, applied with dryRun=All.
  const diffPatch = threeWay(getModifiedConfiguration(local, false).modified, true);
  const diffMerged = Object.keys(diffPatch).length === 0 ? live : applyPatch(diffPatch);

  let patch: JsonObject;
  try {
    patch = threeWay(modified, options.overwrite);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return {
      ...base,
      outcome: 'failed',
      message: '',
      warnings,
      error: conflictText(info, name, namespace, options.fileName, originalText ?? '', modified, live, error),
      patchType: schema ? 'strategic' : 'merge',
      patch: null,
      request: null,
      before: live,
      after: live,
      lastApplied: original,
      explanation: [],
      diffMerged,
    };
  }
  const patchType = schema ? 'strategic' : 'merge';
  if (Object.keys(patch).length === 0) {
    return {
      ...base,
      outcome: 'unchanged',
      message: `${base.printName} unchanged`,
      warnings,
      error: null,
      patchType,
      patch: null,
      request: null,
      before: live,
      after: live,
      lastApplied: original,
      explanation: explainApply({ before: live, after: live, modified, lastApplied: original, schema: node, mode: 'client-side' }),
      diffMerged,
    };
  }
  // The PATCH is an Update for the field manager: kubectl-client-side-apply takes what it changed.
  const after = recordClientSideApply(live, applyPatch(patch), apiVersion, options.now, node);
  return {
    ...base,
    outcome: 'configured',
    message: `${base.printName} configured`,
    warnings,
    error: null,
    patchType,
    patch,
    request: {
      method: 'PATCH',
      path: apiPath(info, namespace ?? undefined, name),
      query,
      contentType: schema ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json',
      body: goJsonMarshal(patch),
    },
    before: live,
    after,
    lastApplied: original,
    // managedFields is the server's bookkeeping, not a field anyone's file sets.
    explanation: explainApply({ before: withoutManagedFields(live), after: withoutManagedFields(after), modified, lastApplied: original, schema: node, mode: 'client-side' }),
    diffMerged,
  };
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
  const gv = `${info.group}/${info.version}`;
  return (
    `error: error when applying patch:\n\nto:\n` +
    `Resource: "${gv}, Resource=${info.resource}", GroupVersionKind: "${gv}, Kind=${info.kind}"\n` +
    `Name: "${name}", Namespace: "${namespace ?? ''}"\n` +
    `for: ${JSON.stringify(fileName)}: error when patching ${JSON.stringify(fileName)}: creating patch with:\n` +
    `original:\n${originalText}\nmodified:\n${goJsonEncode(modified)}\ncurrent:\n${goJsonEncode(live)}\nfor:: ${error.message}`
  );
}

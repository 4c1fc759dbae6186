// Strategic merge patch and JSON merge patch, as k8s.io/apimachinery has them
// (pkg/util/strategicpatch/patch.go: CreateTwoWayMergePatch,
// CreateThreeWayMergePatch, StrategicMergePatch; pkg/util/jsonmergepatch and
// evanphx/json-patch for kinds without patch metadata). Like apimachinery,
// this package knows no API types: the patch metadata comes in through the
// LookupPatchMeta interface (patch-meta.ts), and the API server supplies it.
// Inputs are never modified; every function works on copies.

import { clone, isMap } from '../go-values.ts';
import type { JsonObject, JsonValue } from '../go-values.ts';
import { goYamlMarshal } from '../go-yaml.ts';
import { SchemaNode } from './patch-meta.ts';
import type { LookupPatchMeta, PatchSchema } from './patch-meta.ts';
import { diffMaps } from './diff.ts';
import { mergeMap } from './merge.ts';
import { mergingMapsHaveConflicts } from './conflicts.ts';
import { ConflictError, SmpError, errBadArgKind, sentinelError } from './errors.ts';

export { ConflictError, SmpError };
export { SENTINELS, sentinelError } from './errors.ts';
export type { Sentinel } from './errors.ts';
export { SchemaNode, validateSchema } from './patch-meta.ts';
export type { FieldMeta, LookupPatchMeta, PatchMeta, PatchSchema, PatchStrategy } from './patch-meta.ts';
export { applyJsonMergePatch, createMergePatch, createThreeWayJsonMergePatch } from './json-merge-patch.ts';

/** The patch metadata as a struct table (PatchMetaFromStruct reads it) or any LookupPatchMeta. */
export type SchemaLike = PatchSchema | LookupPatchMeta;

/** NewPatchMetaFromStruct refuses a nil data struct (there is no patch metadata to read). */
function node(schema: SchemaLike | null | undefined): LookupPatchMeta {
  if (schema === null || schema === undefined) throw errBadArgKind('struct', 'nil');
  return isPatchSchema(schema) ? SchemaNode.root(schema) : schema;
}

function isPatchSchema(schema: SchemaLike): schema is PatchSchema {
  return typeof (schema as LookupPatchMeta).lookupStruct !== 'function';
}

/** handleUnmarshal: nil reads as {}, anything that is not a JSON object is mergepatch.ErrBadJSONDoc. */
function asMap(value: JsonValue | null | undefined): JsonObject {
  return clone(asReadOnlyMap(value));
}

/** The same, without a copy, for a document the patch code only reads (diffMaps never writes into its `original`). */
function asReadOnlyMap(value: JsonValue | null | undefined): JsonObject {
  if (value === null || value === undefined) return {};
  if (!isMap(value)) throw sentinelError('ErrBadJSONDoc');
  return value;
}

/**
 * StrategicMergePatch: applies `patch` to `original` the way the API server
 * does for `Content-Type: application/strategic-merge-patch+json`.
 *
 * @example
 *   strategicMergePatch(
 *     { spec: { containers: [{ name: 'app', image: 'nginx:1.26' }, { name: 'log', image: 'busybox' }] } },
 *     { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } },
 *     schemaFor('v1', 'Pod')!)
 *   // → both containers kept, app's image is nginx:1.27 (containers merge by name)
 */
export function strategicMergePatch(original: JsonValue | null, patch: JsonValue | null, schema: SchemaLike): JsonObject {
  const root = node(schema);
  return mergeMap(asMap(original), asMap(patch), root, {
    mergeParallelList: true,
    ignoreUnmatchedNulls: true,
  });
}

/**
 * CreateTwoWayMergePatch: the patch that turns `original` into `modified`.
 *
 * @example
 *   createTwoWayMergePatch({ metadata: { labels: { a: '1', b: '2' } } },
 *                          { metadata: { labels: { a: '1' } } }, schemaFor('v1', 'Pod')!)
 *   // → { metadata: { labels: { b: null } } }
 */
export function createTwoWayMergePatch(original: JsonValue | null, modified: JsonValue | null, schema: SchemaLike): JsonObject {
  const root = node(schema);
  return diffMaps(asMap(original), asMap(modified), root, { setElementOrder: true });
}

export interface ThreeWayOptions {
  /** kubectl apply's --overwrite (default true): when false, conflicting live changes throw ConflictError. */
  overwrite?: boolean;
}

/**
 * CreateThreeWayMergePatch: what `kubectl apply` sends. Additions and changes
 * are computed against the live object (`current`), deletions only against
 * the last-applied configuration (`original`):
 *
 *   delta     = diffMaps(current,  modified, ignore deletions)
 *   deletions = diffMaps(original, modified, ignore changes and additions)
 *   patch     = mergeMap(deletions, delta)
 *
 * Throws ConflictError when `overwrite` is false and the patch changes a field
 * that was also changed between `original` and `current`.
 *
 * @example
 *   createThreeWayMergePatch(
 *     { spec: { replicas: 3 } },              // last applied
 *     { spec: {} },                            // new file: replicas removed
 *     { spec: { replicas: 5 } },               // live (an HPA scaled it)
 *     schemaFor('apps/v1', 'Deployment')!)
 *   // → { spec: { replicas: null } }
 */
export function createThreeWayMergePatch(
  original: JsonValue | null,
  modified: JsonValue | null,
  current: JsonValue | null,
  schema: SchemaLike,
  options: ThreeWayOptions = {},
): JsonObject {
  const root = node(schema);
  // Only `modified` is copied: its values end up in the patch, which mergeMap then changes.
  const originalMap = asReadOnlyMap(original);
  const modifiedMap = asMap(modified);
  const currentMap = asReadOnlyMap(current);
  const deltaMap = diffMaps(currentMap, modifiedMap, root, { ignoreDeletions: true, setElementOrder: true });
  const deletionsMap = diffMaps(originalMap, modifiedMap, root, { setElementOrder: true, ignoreChangesAndAdditions: true });
  const patchMap = mergeMap(deletionsMap, deltaMap, root, { mergeParallelList: false, ignoreUnmatchedNulls: false });
  if (options.overwrite === false) {
    const changedMap = diffMaps(originalMap, currentMap, root, {});
    if (mergingMapsHaveConflicts(patchMap, changedMap, root)) {
      throw new ConflictError(patchMap, changedMap, goYamlMarshal(patchMap), goYamlMarshal(changedMap));
    }
  }
  return patchMap;
}

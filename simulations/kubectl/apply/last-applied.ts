// The last-applied-configuration annotation, exactly as kubectl writes it
// (staging/src/k8s.io/kubectl/pkg/util/apply.go: GetModifiedConfiguration,
// GetOriginalConfiguration, CreateApplyAnnotation).
//
// GetModifiedConfiguration removes any old annotation, encodes the object
// (json.NewEncoder: keys sorted, HTML-safe, trailing newline), stores that
// text as the annotation and encodes again. Because SetAnnotations is called
// with an empty (non-nil) map, the annotation always holds
// `"metadata":{"annotations":{},...}` when the file had no other annotations.

import { clone, compareGoStrings, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/go-values.ts';
import { goJsonEncode } from '../../apimachinery/go-json.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The API server's limit on all annotations of one object (apimachinery/pkg/api/validation/objectmeta.go, TotalAnnotationSizeLimitB). */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

export interface ModifiedConfiguration {
  /** The object kubectl compares against: the file, plus the annotation when `annotate`. */
  modified: JsonObject;
  /** The annotation value (the file encoded without its own annotation). */
  annotation: string;
}

/**
 * GetModifiedConfiguration(obj, annotate).
 *
 * @example
 *   getModifiedConfiguration({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } }, true).annotation
 *   // '{"apiVersion":"v1","kind":"ConfigMap","metadata":{"annotations":{},"name":"c"}}\n'
 */
export function getModifiedConfiguration(obj: JsonObject, annotate: boolean): ModifiedConfiguration {
  const copy = clone(obj);
  const metadata = isMap(copy.metadata) ? copy.metadata : {};
  set(copy, 'metadata', metadata);
  const annotations: JsonObject = isMap(metadata.annotations) ? clone(metadata.annotations) : {};
  delete annotations[LAST_APPLIED];
  set(metadata, 'annotations', annotations);
  const annotation = goJsonEncode(copy);
  if (annotate) set(annotations, LAST_APPLIED, annotation);
  // kubectl encodes the object again and decodes it: the same data, its keys sorted as json.Marshal sorts them.
  return { modified: sortedCopy(copy) as JsonObject, annotation };
}

/** A deep copy with every object's keys in encoding/json's order (what a marshal and unmarshal round trip gives). */
function sortedCopy(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (!isMap(value)) return value;
  const out: JsonObject = {};
  for (const key of Object.keys(value).sort(compareGoStrings)) set(out, key, sortedCopy(value[key]));
  return out;
}

/** GetOriginalConfiguration: the live object's annotation text, or undefined. */
export function lastAppliedText(live: JsonObject): string | undefined {
  const metadata = isMap(live.metadata) ? live.metadata : undefined;
  const annotations = metadata && isMap(metadata.annotations) ? metadata.annotations : undefined;
  const value = annotations && Object.prototype.hasOwnProperty.call(annotations, LAST_APPLIED) ? annotations[LAST_APPLIED] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** Total size of an object's annotations as the API server counts it (keys plus values, in bytes). */
export function annotationBytes(obj: JsonObject): number {
  const metadata = isMap(obj.metadata) ? obj.metadata : undefined;
  const annotations = metadata && isMap(metadata.annotations) ? metadata.annotations : {};
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) total += Buffer.byteLength(k) + Buffer.byteLength(String(v ?? ''));
  return total;
}

/** pruneNullsFromMap: kubectl 1.32 drops nulls from the body it POSTs on create (the annotation keeps them). */
export function pruneNulls(obj: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const key of Object.keys(obj)) {
    const v = obj[key];
    if (v === null) continue;
    if (isMap(v)) set(out, key, pruneNulls(v));
    else if (Array.isArray(v)) set(out, key, v.map((item) => (isMap(item) ? pruneNulls(item) : item)));
    else set(out, key, v);
  }
  return out;
}

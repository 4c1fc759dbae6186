// Pruning: fields a structural schema does not specify are dropped before an
// object is stored, and kube-apiserver names each one in a warning.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning/algorithm.go
//      (PruneWithOptions, prune, skipPrune, recordPrunedKey)

import { compareGoStrings } from '../apimachinery/go-values.ts';
import { isPlainObject, itemsOf, type JSONSchemaProps } from './schema-types.ts';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/** The path walked so far, as segments ("a", ".b", "[0]"), joined only when a field is recorded. */
interface Walk {
  segments: string[];
  pruned: string[];
}

function record(w: Walk, key: string): void {
  w.pruned.push(w.segments.length === 0 ? key : `${w.segments.join('')}.${key}`);
}

function push(w: Walk, key: string): void {
  w.segments.push(w.segments.length === 0 ? key : `.${key}`);
}

function embedded(s: JSONSchemaProps): boolean {
  return s['x-kubernetes-embedded-resource'] === true;
}

/** s.Properties[k] (own keys only), or undefined. */
function prop(s: JSONSchemaProps, k: string): JSONSchemaProps | undefined {
  const props = s.properties;
  if (props === undefined || props === null || typeof props !== 'object' || !Object.prototype.hasOwnProperty.call(props, k)) return undefined;
  const p = (props as Record<string, unknown>)[k];
  return isPlainObject(p) ? (p as JSONSchemaProps) : {};
}

/**
 * s.AdditionalProperties: undefined when absent; null for a boolean (no
 * schema: `false` keeps every key and prunes its value as schema-less).
 */
function additional(s: JSONSchemaProps): JSONSchemaProps | null | undefined {
  const a = s.additionalProperties;
  if (a === undefined || a === null) return undefined;
  if (typeof a === 'boolean') return null;
  return isPlainObject(a) ? (a as JSONSchemaProps) : undefined;
}

/**
 * Prune removes the fields of obj that s does not specify (in place) and returns
 * the pruned paths, sorted as upstream sorts them. apiVersion, kind and metadata
 * are kept where x-kubernetes-embedded-resource says an object is a resource,
 * and at the root when isResourceRoot.
 */
export function prune(obj: unknown, schema: JSONSchemaProps | null, isResourceRoot: boolean): string[] {
  let s = schema;
  if (isResourceRoot && !(s && embedded(s))) s = { ...(s ?? {}), 'x-kubernetes-embedded-resource': true };
  const w: Walk = { segments: [], pruned: [] };
  pruneValue(obj, s, w);
  return w.pruned.sort(compareGoStrings);
}

function pruneValue(x: unknown, s: JSONSchemaProps | null, w: Walk): void {
  if (typeof x !== 'object' || x === null) return; // scalars: nothing to prune
  if (s && s['x-kubernetes-preserve-unknown-fields'] === true) {
    skipPrune(x, s, w);
    return;
  }
  if (Array.isArray(x)) {
    const items = s ? itemsOf(s) : null;
    for (let i = 0; i < x.length; i++) {
      const v = x[i];
      if (typeof v !== 'object' || v === null) continue;
      w.segments.push(`[${i}]`);
      pruneValue(v, items, w);
      w.segments.pop();
    }
    return;
  }
  const o = x as Record<string, unknown>;
  const isEmbedded = s !== null && embedded(s);
  const add = s ? additional(s) : undefined;
  for (const k of Object.keys(o)) {
    if (isEmbedded && META_FIELDS.has(k)) continue;
    const p = s ? prop(s, k) : undefined;
    const next = p ?? (add !== undefined ? add : undefined);
    if (next !== undefined) {
      const v = o[k];
      if (typeof v !== 'object' || v === null) continue;
      push(w, k);
      pruneValue(v, next, w);
      w.segments.pop();
    } else {
      // Root-level apiVersion, kind and metadata go silently: the decoder sets them.
      if (!META_FIELDS.has(k) || w.segments.length > 0) record(w, k);
      delete o[k];
    }
  }
}

function skipPrune(x: unknown, s: JSONSchemaProps | null, w: Walk): void {
  if (!s || typeof x !== 'object' || x === null) return;
  if (Array.isArray(x)) {
    const items = itemsOf(s);
    for (let i = 0; i < x.length; i++) {
      w.segments.push(`[${i}]`);
      skipPrune(x[i], items, w);
      w.segments.pop();
    }
    return;
  }
  const o = x as Record<string, unknown>;
  const isEmbedded = embedded(s);
  const add = additional(s);
  for (const k of Object.keys(o)) {
    if (isEmbedded && META_FIELDS.has(k)) continue;
    const next = prop(s, k) ?? add;
    if (next === undefined) continue;
    push(w, k);
    pruneValue(o[k], next, w);
    w.segments.pop();
  }
}

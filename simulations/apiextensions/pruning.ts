// Pruning: fields a structural schema does not specify are dropped before an
// object is stored, and kube-apiserver names each one in a warning.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/pruning/algorithm.go
//      (PruneWithOptions, prune, skipPrune, recordPrunedKey)

import { compareGoStrings } from '../apimachinery/go-values.ts';
import { additionalPropertiesOf, isPlainObject, itemsOf, propertyOf, type JSONSchemaProps } from './schema-types.ts';

const META_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

interface Walk {
  parent: string;
  pruned: string[];
}

function childPath(parent: string, key: string): string {
  return parent.length > 0 ? `${parent}.${key}` : key;
}

function embedded(s: JSONSchemaProps | null | undefined): boolean {
  return !!s && s['x-kubernetes-embedded-resource'] === true;
}

/**
 * Prune removes the fields of obj that s does not specify (in place) and returns
 * the pruned paths, sorted as upstream sorts them. apiVersion, kind and metadata
 * are kept where x-kubernetes-embedded-resource says an object is a resource,
 * and at the root when isResourceRoot.
 */
export function prune(obj: unknown, schema: JSONSchemaProps | null, isResourceRoot: boolean): string[] {
  let s = schema;
  if (isResourceRoot) {
    s = { ...(s ?? {}), 'x-kubernetes-embedded-resource': true };
  }
  const w: Walk = { parent: '', pruned: [] };
  pruneValue(obj, s, w);
  return w.pruned.sort(compareGoStrings);
}

function pruneValue(x: unknown, s: JSONSchemaProps | null, w: Walk): void {
  if (s && s['x-kubernetes-preserve-unknown-fields'] === true) {
    skipPrune(x, s, w);
    return;
  }
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      if (s && embedded(s) && META_FIELDS.has(k)) continue;
      const prop = s ? propertyOf(s, k) : undefined;
      const additional = s ? additionalPropertiesOf(s) : undefined;
      if (prop) {
        descend(w, childPath(w.parent, k), () => pruneValue(x[k], prop, w));
      } else if (additional) {
        descend(w, childPath(w.parent, k), () => pruneValue(x[k], additional.schema, w));
      } else {
        // Root-level apiVersion, kind and metadata go silently: the decoder sets them.
        if (!META_FIELDS.has(k) || w.parent.length > 0) w.pruned.push(childPath(w.parent, k));
        delete x[k];
      }
    }
  } else if (Array.isArray(x)) {
    const items = s ? itemsOf(s) : null;
    x.forEach((v, i) => descend(w, `${w.parent}[${i}]`, () => pruneValue(v, items, w)));
  }
}

function skipPrune(x: unknown, s: JSONSchemaProps | null, w: Walk): void {
  if (!s) return;
  if (isPlainObject(x)) {
    for (const k of Object.keys(x)) {
      if (embedded(s) && META_FIELDS.has(k)) continue;
      const prop = propertyOf(s, k);
      const additional = additionalPropertiesOf(s);
      if (prop) descend(w, childPath(w.parent, k), () => pruneValue(x[k], prop, w));
      else if (additional) descend(w, childPath(w.parent, k), () => pruneValue(x[k], additional.schema, w));
    }
  } else if (Array.isArray(x)) {
    const items = itemsOf(s);
    x.forEach((v, i) => descend(w, `${w.parent}[${i}]`, () => skipPrune(v, items, w)));
  }
}

function descend(w: Walk, path: string, f: () => void): void {
  const saved = w.parent;
  w.parent = path;
  f();
  w.parent = saved;
}

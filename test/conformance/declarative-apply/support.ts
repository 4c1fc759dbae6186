// Helpers for the transcribed strategicpatch tables: loading them, and
// upstream's test-only sortMergeListsByName (patch.go), which the YAML tables
// apply to every document before comparing.
import { readFileSync } from 'node:fs';
import { parseYamlDocuments } from '../../../simulations/shared/yaml.ts';
import { deduplicateScalars, goFmtV, goSortByString, isMap, sortScalars } from '../../../simulations/apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/go-values.ts';
import { SchemaNode } from '../../../simulations/apimachinery/strategic-merge-patch/patch-meta.ts';
import { extractRetainKeysPatchStrategy } from '../../../simulations/apimachinery/strategic-merge-patch/directives.ts';
import { sliceElementType } from '../../../simulations/apimachinery/strategic-merge-patch/order.ts';

export interface TableCase {
  description: string;
  original?: JsonObject;
  twoWay?: JsonObject;
  modified?: JsonObject;
  current?: JsonObject;
  threeWay?: JsonObject;
  result?: JsonObject;
  twoWayResult?: JsonObject;
  expectedError?: string;
}

export interface Table {
  upstream: string;
  raw?: boolean;
  testCases: TableCase[];
}

export function loadTable(name: string): Table {
  const text = readFileSync(new URL(`./tables/${name}`, import.meta.url), 'utf8');
  return parseYamlDocuments(text, { maxDocuments: 1, maxDepth: 64, maxAliases: 0, maxNodes: 1_000_000 })[0].value as unknown as Table;
}

export function loadYaml<T>(name: string): T {
  const text = readFileSync(new URL(`./tables/${name}`, import.meta.url), 'utf8');
  return parseYamlDocuments(text, { maxDocuments: 1, maxDepth: 64, maxAliases: 0, maxNodes: 1_000_000 })[0].value as unknown as T;
}

/** sortMergeListsByName (patch.go, test helper). */
export function sortMergeListsByName(value: JsonObject | undefined, schema: SchemaNode): JsonObject | undefined {
  if (value === undefined) return undefined;
  return sortMap(value, schema);
}

function sortMap(s: JsonObject, schema: SchemaNode): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(s)) {
    let v = s[k];
    if (k === '$retainKeys' || k.startsWith('$deleteFromPrimitiveList')) {
      v = sortScalars([...(v as JsonValue[])]);
    } else if (k.startsWith('$setElementOrder') || k === '$patch') {
      // kept as is
    } else if (isMap(v)) {
      v = sortMap(v, schema.lookupStruct(k)[0]);
    } else if (Array.isArray(v)) {
      const [sub, meta] = schema.lookupSlice(k);
      if (extractRetainKeysPatchStrategy(meta.strategies)[1] === 'merge') v = sortArray(v, sub, meta.mergeKey);
    }
    out[k] = v;
  }
  return out;
}

function sortArray(s: JsonValue[], schema: SchemaNode, mergeKey: string): JsonValue[] {
  if (s.length === 0) return s;
  if (sliceElementType(s) !== 'map') return sortScalars(deduplicateScalars([...s]));
  const items = s.map((e) => sortMap(e as JsonObject, schema));
  return goSortByString(items, (item) => goFmtV((item as JsonObject)[mergeKey] ?? null));
}

// Small builders for the defaulting tables: objects of each kind, the
// defaulted copy, and reads by JSON path.

import type { JsonObject, JsonValue } from '../../../simulations/apimachinery/json.ts';
import { defaultObject } from '../../../simulations/apiserver/defaults/index.ts';

export type JsonPath = readonly (string | number)[];

/** defaultObject, typed for the tables. */
export function defaulted(obj: JsonObject): JsonObject {
  return defaultObject(obj) as JsonObject;
}

/** The value at a JSON path, or undefined. */
export function at(obj: JsonValue | undefined, path: JsonPath): JsonValue | undefined {
  let cur: JsonValue | undefined = obj;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, JsonValue>)[seg];
  }
  return cur;
}

/**
 * An object holding the parents of `path`, each empty (a number segment makes
 * a one-element list): what upstream's detectDefaults builds when it fills in
 * every struct on the way to a field.
 */
export function skeleton(path: JsonPath): JsonObject {
  const root: JsonObject = {};
  let cur: JsonObject | JsonValue[] = root;
  for (let i = 0; i < path.length - 1; i++) {
    const next: JsonObject | JsonValue[] = typeof path[i + 1] === 'number' ? [] : {};
    (cur as Record<string | number, JsonValue>)[path[i]] = next;
    cur = next;
  }
  return root;
}

export const pod = (spec: JsonObject, metadata: JsonObject = { name: 'p', namespace: 'default' }): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata,
  spec,
});

export const service = (spec: JsonObject, status?: JsonObject): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 's', namespace: 'default' },
  spec,
  ...(status ? { status } : {}),
});

/** A Deployment around a pod template: how a PodTemplateSpec is defaulted here (ReplicationController is not served). */
export const deploymentWithTemplate = (template: JsonObject): JsonObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'd', namespace: 'default' },
  spec: { template },
});

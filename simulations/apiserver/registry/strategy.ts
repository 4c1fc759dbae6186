// A kind's REST strategy: what the registry does to an object before it
// validates and stores it. The generic store (store.go) calls these; each
// kind's strategy.go decides them.
// src: staging/src/k8s.io/apiserver/pkg/registry/rest/{create,update,delete}.go (the interfaces),
//      pkg/registry/<group>/<kind>/strategy.go (each kind's choices).

import type { JsonObject } from '../../apimachinery/json.ts';
import { deepCopy } from '../../apimachinery/deep-copy.ts';

export interface Strategy {
  /** PrepareForCreate: clear what users may not set (status), set generation. Mutates `obj`. */
  prepareForCreate(obj: JsonObject): void;
  /** PrepareForUpdate on the main resource: keep the old status, bump generation on spec changes. */
  prepareForUpdate(obj: JsonObject, old: Readonly<JsonObject>): void;
  /** PrepareForUpdate on the /status subresource: keep the old spec (and what else the kind protects). */
  prepareForStatusUpdate(obj: JsonObject, old: Readonly<JsonObject>): void;
  /** AllowCreateOnUpdate: a PUT of an object that does not exist creates it. */
  readonly allowCreateOnUpdate: boolean;
  /** AllowUnconditionalUpdate: a PUT without metadata.resourceVersion overwrites. */
  readonly allowUnconditionalUpdate: boolean;
  /**
   * CheckGracefulDelete: for kinds deleted gracefully (Pods), the grace period
   * this delete gets, or undefined for kinds deleted at once.
   */
  gracePeriodSeconds?(obj: Readonly<JsonObject>, requested: number | undefined): number;
}

/** A deep equality of JSON values (apiequality.Semantic.DeepEqual for the decoded forms we hold). */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const key of ka) {
    if (!Object.prototype.hasOwnProperty.call(b, key)) return false;
    if (!jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function meta(obj: JsonObject): JsonObject {
  const m = obj.metadata;
  if (m !== null && typeof m === 'object' && !Array.isArray(m)) return m;
  const fresh: JsonObject = {};
  obj.metadata = fresh;
  return fresh;
}

function oldGeneration(old: Readonly<JsonObject>): number {
  const m = old.metadata as JsonObject | undefined;
  return typeof m?.generation === 'number' ? m.generation : 0;
}

function setStatus(obj: JsonObject, status: JsonObject | undefined): void {
  if (status === undefined) delete obj.status;
  else obj.status = status;
}

interface StrategyOptions {
  /** The status a new object starts with: {} for most kinds with status, undefined for kinds without. */
  initialStatus?: (obj: JsonObject) => JsonObject | undefined;
  /** Sets metadata.generation = 1 on create and bumps it when `spec` changes. */
  generation?: boolean;
  /** The fields a change of which bumps the generation (default: spec). */
  generationFields?: readonly string[];
  allowCreateOnUpdate?: boolean;
  allowUnconditionalUpdate?: boolean;
  /** Kinds without status keep whatever the create sends (Node keeps its status on create). */
  keepStatusOnCreate?: boolean;
  /**
   * Metadata fields a status write may not change (kept from the stored object).
   * Kinds whose status strategy calls ResetObjectMetaForStatus keep
   * RESET_FOR_STATUS; Pods keep only ownerReferences; Deployments their labels.
   */
  statusKeepsMetadata?: readonly string[];
  extraCreate?: (obj: JsonObject) => void;
  extraUpdate?: (obj: JsonObject, old: Readonly<JsonObject>) => void;
  gracePeriodSeconds?: Strategy['gracePeriodSeconds'];
}

/**
 * The strategy most kinds share, parameterised as their strategy.go files
 * differ: status reset on create, status kept on main-resource updates, spec
 * kept on status updates, generation set to 1 and bumped when the spec changes.
 */
export function makeStrategy(hasStatus: boolean, options: StrategyOptions = {}): Strategy {
  const generationFields = options.generationFields ?? ['spec'];
  return {
    allowCreateOnUpdate: options.allowCreateOnUpdate ?? false,
    allowUnconditionalUpdate: options.allowUnconditionalUpdate ?? true,
    prepareForCreate(obj) {
      if (hasStatus && !options.keepStatusOnCreate) setStatus(obj, options.initialStatus ? options.initialStatus(obj) : undefined);
      if (options.generation) meta(obj).generation = 1;
      options.extraCreate?.(obj);
    },
    prepareForUpdate(obj, old) {
      if (hasStatus) setStatus(obj, old.status === undefined ? undefined : deepCopy(old.status as JsonObject));
      if (options.generation) {
        const changed = generationFields.some((f) => !jsonEqual(obj[f], old[f]));
        meta(obj).generation = oldGeneration(old) + (changed ? 1 : 0);
      }
      options.extraUpdate?.(obj, old);
    },
    prepareForStatusUpdate(obj, old) {
      // ResetObjectMetaForStatus and the status strategies: only status (and some metadata) may change.
      for (const key of Object.keys(obj)) {
        if (key === 'status' || key === 'metadata' || key === 'apiVersion' || key === 'kind') continue;
        delete obj[key];
      }
      for (const key of Object.keys(old)) {
        if (key === 'status' || key === 'metadata' || key === 'apiVersion' || key === 'kind') continue;
        obj[key] = deepCopy(old[key]);
      }
      keepMetadata(meta(obj), old.metadata as Readonly<JsonObject> | undefined, options.statusKeepsMetadata ?? []);
    },
    ...(options.gracePeriodSeconds ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}),
  };
}

/**
 * What metav1.ResetObjectMetaForStatus keeps from the stored object: a status
 * write may not change deletion, generation, labels, annotations, finalizers
 * or ownerReferences.
 * src: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go
 */
export const RESET_FOR_STATUS: readonly string[] = ['deletionTimestamp', 'generation', 'selfLink', 'labels', 'annotations', 'finalizers', 'ownerReferences'];

function keepMetadata(m: JsonObject, old: Readonly<JsonObject> | undefined, keep: readonly string[]): void {
  for (const key of keep) {
    const v = old?.[key];
    if (v === undefined) delete m[key];
    else m[key] = deepCopy(v);
  }
}

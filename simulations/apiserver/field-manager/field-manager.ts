// The API server's field manager: metadata.managedFields on every write that
// names a field manager (an Update by that manager for a create, an update or
// a patch), and server-side apply (an Apply: the applied configuration merged
// into the live object, conflicts with other managers' fields, --force).
//
// Upstream wraps one manager in another; the same layers, in the same order:
//   FieldManager.Update / Apply   decode managedFields (of the request, else of the live object), encode them back
//   versionCheck                  an apply must name the kind's apiVersion and kind
//   lastAppliedUpdater            apply by "kubectl": keep an existing last-applied annotation in step
//   lastAppliedManager            apply by "kubectl": forgive conflicts on fields still as the annotation has them
//   skipNonApplied                an update of an object nobody manages is not tracked; an apply first
//                                 records what is there as "before-first-apply"
//   capManagers                   at most 10 Update entries: the oldest merge into "ancient-changes"
//   buildManagerInfo              the manager's identifier: name, operation, apiVersion (updates), subresource
//   managedFieldsUpdater          the operation's time; an Update merges into the manager's earlier entry
//   stripMeta                     apiVersion, kind and server-set metadata are nobody's
//   structured merge              sigs.k8s.io/structured-merge-diff merge/update.go Updater.Update / Apply
// src: staging/src/k8s.io/apimachinery/pkg/util/managedfields/internal/*.go;
//      sigs.k8s.io/structured-merge-diff/v6 merge/update.go

import { clone, deepEqual, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/go-values.ts';
import { goJsonEncode } from '../../apimachinery/go-json.ts';
import { FieldSet } from './field-set.ts';
import type { Path } from './field-set.ts';
import { decodeManagedFieldsForServer, encodeManagedFields, managerIdentifier } from './managed-fields.ts';
import type { Conflict, ManagerEntry } from './managed-fields.ts';
import { compare, mergeObjects, removeItems, toFieldSet, validateTyped, zeroValue } from './typed.ts';
import type { Comparison } from './typed.ts';
import { rootType } from './schema.ts';
import type { TypeRef } from './schema.ts';
import type { KindInfo } from '../kinds.ts';
import { apiVersionOf } from '../kinds.ts';

/** internal.LastAppliedConfigAnnotation */
export const LAST_APPLIED_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';

/** DefaultMaxUpdateManagers */
const MAX_UPDATE_MANAGERS = 10;

/** The resource the field manager works for. */
export interface FieldManagerScope {
  /** The kind's group/version: what an Update entry records. */
  readonly apiVersion: string;
  readonly kind: string;
  /** The kind's schema (schema.ts rootType). */
  readonly root: TypeRef;
  /**
   * Paths no write to this resource owns (the strategy's GetResetFields, the
   * Updater's IgnoreFilter): `status` for the main resource of a kind with a
   * status subresource, `spec` for its /status.
   */
  readonly ignored: readonly Path[];
  readonly subresource?: string;
  /** The operation's time (the virtual clock). */
  readonly now: string;
}

type Managers = Map<string, ManagerEntry>;

/**
 * The field manager's scope for a kind's main resource or its /status: the
 * strategy's reset fields are what the other part of the object owns.
 */
export function fieldManagerScope(info: KindInfo, subresource: 'main' | 'status', now: string): FieldManagerScope {
  const apiVersion = apiVersionOf(info);
  const root = rootType(apiVersion, info.kind);
  if (root === undefined) throw new Error(`field-manager: no schema for ${apiVersion} ${info.kind}`);
  const field = (name: string): Path => [{ t: 'f', name }];
  const ignored = info.hasStatus ? [field(subresource === 'status' ? 'spec' : 'status')] : [];
  return { apiVersion, kind: info.kind, root, ignored, ...(subresource === 'status' ? { subresource: 'status' } : {}), now };
}

/** stripMetaManager's stripSet. */
const STRIP: readonly Path[] = [
  ['apiVersion'], ['kind'], ['metadata'], ['metadata', 'name'], ['metadata', 'namespace'], ['metadata', 'creationTimestamp'],
  ['metadata', 'selfLink'], ['metadata', 'uid'], ['metadata', 'clusterName'], ['metadata', 'generation'],
  ['metadata', 'managedFields'], ['metadata', 'resourceVersion'],
].map((names) => names.map((name) => ({ t: 'f' as const, name })));

function stripMeta(fields: FieldSet): FieldSet {
  let out = fields;
  for (const path of STRIP) if (out.has(path)) out = out.difference(single(path));
  return out;
}

function single(path: Path): FieldSet {
  const s = new FieldSet();
  s.insert(path);
  return s;
}

/** fieldpath.NewExcludeSetFilter: drops every path at or below an ignored one. */
function filterIgnored(fields: FieldSet, ignored: readonly Path[]): FieldSet {
  if (ignored.length === 0) return fields;
  const out = new FieldSet();
  fields.iterate((p) => {
    if (!ignored.some((prefix) => prefix.length <= p.length && prefix.every((e, i) => e.t === 'f' && p[i].t === 'f' && (p[i] as { name: string }).name === e.name))) out.insert(p);
  });
  return out;
}

function filterComparison(cmp: Comparison, ignored: readonly Path[]): Comparison {
  return { added: filterIgnored(cmp.added, ignored), modified: filterIgnored(cmp.modified, ignored), removed: filterIgnored(cmp.removed, ignored) };
}

function withoutManaged(obj: Readonly<JsonObject>): JsonObject {
  const copy = clone(obj as JsonObject);
  if (isMap(copy.metadata)) delete copy.metadata.managedFields;
  return copy;
}

function metaOf(obj: JsonObject): JsonObject {
  if (!isMap(obj.metadata)) set(obj, 'metadata', {});
  return obj.metadata as JsonObject;
}

function hasUid(obj: Readonly<JsonObject> | undefined): boolean {
  const uid = obj && isMap(obj.metadata) ? obj.metadata.uid : undefined;
  return typeof uid === 'string' && uid !== '';
}

/** isResetManagedFields: `[]` or `[{}]` asks for the managedFields to be cleared. */
function isReset(value: JsonValue | undefined): boolean {
  if (!Array.isArray(value)) return false;
  if (value.length === 0) return true;
  return value.length === 1 && isMap(value[0]) && Object.keys(value[0]).length === 0;
}

function decodeOrEmpty(value: JsonValue | undefined): Managers {
  const decoded = decodeManagedFieldsForServer(value);
  return typeof decoded === 'string' ? new Map() : decoded;
}

function copyManagers(m: Managers): Managers {
  return new Map([...m].map(([k, e]) => [k, { ...e }]));
}

/**
 * Updater.update: other managers lose the fields this write changed (an Update
 * always forces) or removed. With `force` false, the fields of other managers
 * it changed are returned as conflicts instead.
 */
function updateOthers(managers: Managers, self: string, cmp: Comparison, force: boolean, scope: FieldManagerScope): Conflict[] {
  const changed = cmp.modified.union(cmp.added);
  const conflicts: Conflict[] = [];
  for (const [id, m] of [...managers]) {
    if (id === self) continue;
    // Entries of another API version: upstream converts the objects to it; a version this server does not serve is dropped (IsMissingVersionError).
    if (m.apiVersion !== scope.apiVersion) {
      managers.delete(id);
      continue;
    }
    const conflict = m.fields.intersection(changed);
    if (!conflict.isEmpty()) conflict.iterate((path) => conflicts.push({ manager: m, path }));
  }
  if (!force && conflicts.length > 0) return conflicts;
  for (const [id, m] of [...managers]) {
    if (id === self) continue;
    const fields = m.fields.difference(changed).difference(cmp.removed);
    if (fields.isEmpty()) managers.delete(id);
    else managers.set(id, { ...m, fields });
  }
  return [];
}

/**
 * The structured Update of one write: who owns what afterwards. `self` is the
 * manager's identifier; its new fields are merged into its earlier entry and
 * stamped with the time (managedFieldsUpdater), or nothing is recorded when
 * the write changed none of its fields.
 */
function structuredUpdate(managers: Managers, liveTyped: JsonObject, newTyped: JsonObject, entry: Omit<ManagerEntry, 'fields'>, scope: FieldManagerScope): void {
  const self = managerIdentifier(entry);
  const cmp = filterComparison(compare(liveTyped, newTyped, scope.root), scope.ignored);
  const previous = managers.get(self);
  // The operation runs as "current-operation": the manager's own earlier entry is one of the others.
  const op = '\u0000current-operation';
  updateOthers(managers, op, cmp, true, scope);
  const taken = stripMeta(filterIgnored(cmp.modified.union(cmp.added), scope.ignored));
  if (taken.isEmpty()) return;
  const kept = managers.get(self);
  const fields = kept ? taken.union(kept.fields) : taken;
  managers.set(self, { ...(previous ?? entry), ...entry, time: scope.now, fields });
}

/** capUpdateManagers: more than 10 Update entries → the oldest are merged into an "ancient-changes" entry per version. */
function capUpdateManagers(managers: Managers): void {
  const updaters = [...managers].filter(([, m]) => m.operation === 'Update').map(([id]) => id);
  if (updaters.length <= MAX_UPDATE_MANAGERS) return;
  const seconds = (id: string) => Math.floor(Date.parse(managers.get(id)?.time ?? '') / 1000) || 0;
  updaters.sort((a, b) => seconds(a) - seconds(b) || (a < b ? -1 : a > b ? 1 : 0));
  const firstByVersion = new Map<string, string>();
  let length = updaters.length;
  for (let i = 0; i < updaters.length && length > MAX_UPDATE_MANAGERS; i++) {
    const id = updaters[i];
    const m = managers.get(id) as ManagerEntry;
    const bucket: Omit<ManagerEntry, 'fields'> = { manager: 'ancient-changes', operation: 'Update', apiVersion: m.apiVersion };
    const bucketId = managerIdentifier(bucket);
    const first = firstByVersion.get(m.apiVersion);
    if (first === undefined) {
      firstByVersion.set(m.apiVersion, id);
      continue;
    }
    if (!managers.has(bucketId)) {
      const f = managers.get(first) as ManagerEntry;
      managers.delete(first);
      managers.set(bucketId, { ...bucket, time: f.time, fields: f.fields });
    }
    const b = managers.get(bucketId) as ManagerEntry;
    managers.set(bucketId, { ...b, fields: m.fields.union(b.fields), time: m.time });
    managers.delete(id);
    length--;
  }
}

/**
 * FieldManager.UpdateNoErrors for a create (`live` undefined), an update or a
 * patch by `manager`: sets `obj.metadata.managedFields`. An object whose
 * managedFields are empty is only tracked from its creation on.
 *
 * @example
 *   updateManagedFields(undefined, created, 'kubectl-client-side-apply', scope)
 *   // created.metadata.managedFields: [{ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time, fieldsType: 'FieldsV1', fieldsV1: { 'f:spec': ... } }]
 */
export function updateManagedFields(live: Readonly<JsonObject> | undefined, obj: JsonObject, manager: string, scope: FieldManagerScope): void {
  const meta = metaOf(obj);
  const liveMeta = live && isMap(live.metadata) ? live.metadata : undefined;
  // decodeLiveOrNew: a subresource write never sets managedFields; `[]` clears them; otherwise the
  // request's own entries, or the live object's when the request has none (or bad ones).
  let managers: Managers;
  if (scope.subresource) managers = decodeOrEmpty(liveMeta?.managedFields);
  else if (isReset(meta.managedFields)) managers = new Map();
  else {
    const given = decodeManagedFieldsForServer(meta.managedFields);
    managers = typeof given === 'string' || given.size === 0 ? decodeOrEmpty(liveMeta?.managedFields) : given;
  }
  delete meta.managedFields;
  // skipNonAppliedManager: nothing tracked yet and not a create → nothing is recorded.
  if (managers.size === 0 && hasUid(live)) return;
  const liveTyped = live ? withoutManaged(live) : zeroValue(scope.root.ref as string);
  const entry: Omit<ManagerEntry, 'fields'> = {
    manager: manager || 'unknown',
    operation: 'Update',
    apiVersion: scope.apiVersion,
    ...(scope.subresource ? { subresource: scope.subresource } : {}),
  };
  structuredUpdate(managers, liveTyped, withoutManaged(obj), entry, scope);
  capUpdateManagers(managers);
  if (managers.size > 0) set(meta, 'managedFields', encodeManagedFields([...managers.values()]));
}

/** What an apply comes to: the object to store, the conflicts (409), or a refusal (status code and message). */
export type ApplyOutcome =
  | { readonly object: JsonObject; readonly changed: boolean }
  | { readonly conflicts: Conflict[] }
  | { readonly error: { readonly code: 400 | 500; readonly message: string } };

/**
 * FieldManager.Apply: `config` (the applied object) merged into `live` (the
 * Go zero value when the object does not exist yet) by `manager`, who then
 * owns exactly the config's fields; fields it applied before and no longer
 * does are removed unless someone else owns them; changing another manager's
 * field is a conflict unless `force`. The result carries its managedFields and
 * is not defaulted yet.
 *
 * @example
 *   applyManagedFields(live, { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' }, spec: { replicas: 3 } }, 'kubectl', false, scope)
 *   // { conflicts: [{ manager: kube-controller-manager (scale), path: .spec.replicas }] } when an HPA owns replicas
 */
export function applyManagedFields(live: Readonly<JsonObject> | undefined, config: JsonObject, manager: string, force: boolean, scope: FieldManagerScope): ApplyOutcome {
  const liveMeta = live && isMap(live.metadata) ? live.metadata : undefined;
  const decoded = decodeManagedFieldsForServer(liveMeta?.managedFields);
  if (typeof decoded === 'string') return { error: { code: 500, message: `failed to decode managed fields: ${decoded}` } };
  // versionCheckManager
  if (config.apiVersion !== scope.apiVersion || config.kind !== scope.kind) {
    return { error: { code: 400, message: `invalid object type: ${gvkString(config)}` } };
  }
  let outcome = applyOnce(live, config, manager, force, decoded, scope);
  // lastAppliedManager: "kubectl" is forgiven conflicts on fields still as its client-side apply left them.
  if ('conflicts' in outcome && manager === 'kubectl' && live) {
    const allowed = allowedConflictsFromLastApplied(live, scope);
    if (allowed) {
      const remaining = outcome.conflicts.filter((c) => !allowed.has(c.path));
      outcome = remaining.length === 0 ? applyOnce(live, config, manager, true, decoded, scope) : { conflicts: remaining };
    }
  }
  if (!('object' in outcome)) return outcome;
  // lastAppliedUpdater: "kubectl" keeps an existing annotation in step with what it applied.
  const annotations = isMap(metaOf(outcome.object).annotations) ? (metaOf(outcome.object).annotations as JsonObject) : undefined;
  if (manager === 'kubectl' && typeof annotations?.[LAST_APPLIED_ANNOTATION] === 'string' && annotations[LAST_APPLIED_ANNOTATION] !== '') {
    const value = buildLastApplied(config);
    const before = annotations[LAST_APPLIED_ANNOTATION];
    set(annotations, LAST_APPLIED_ANNOTATION, value);
    // SetLastApplied: an annotation that would break the size limit is dropped instead.
    if (annotationBytes(annotations) > TOTAL_ANNOTATION_SIZE_LIMIT) delete annotations[LAST_APPLIED_ANNOTATION];
    if (annotations[LAST_APPLIED_ANNOTATION] !== before) return { object: outcome.object, changed: true };
  }
  return outcome;
}

/** ValidateAnnotationsSize: TotalAnnotationSizeLimitB. */
const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

function annotationBytes(annotations: JsonObject): number {
  let total = 0;
  for (const [k, v] of Object.entries(annotations)) total += Buffer.byteLength(k) + Buffer.byteLength(typeof v === 'string' ? v : '');
  return total;
}

/** buildLastApplied: the applied object without the annotation, as unstructured JSON (keys sorted, a trailing newline). */
function buildLastApplied(config: JsonObject): string {
  const copy = clone(config);
  const meta = isMap(copy.metadata) ? copy.metadata : undefined;
  if (meta && isMap(meta.annotations)) {
    delete meta.annotations[LAST_APPLIED_ANNOTATION];
    if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
  }
  return goJsonEncode(copy);
}

/** schema.GroupVersionKind.String(): "apps/v1, Kind=Deployment", "/v1, Kind=Pod". */
function gvkString(obj: JsonObject): string {
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  return `${apiVersion.includes('/') ? apiVersion : `/${apiVersion}`}, Kind=${kind}`;
}

/** objectGVKNN: "default/web; apps/v1, Kind=Deployment". */
function gvknn(obj: JsonObject): string {
  const meta = isMap(obj.metadata) ? obj.metadata : {};
  return `${typeof meta.namespace === 'string' ? meta.namespace : ''}/${typeof meta.name === 'string' ? meta.name : ''}; ${gvkString(obj)}`;
}

/** skipNonApplied, buildManagerInfo, managedFieldsUpdater, stripMeta and the structured Apply, once. */
function applyOnce(live: Readonly<JsonObject> | undefined, config: JsonObject, manager: string, force: boolean, decoded: Managers, scope: FieldManagerScope): ApplyOutcome {
  const managers = copyManagers(decoded);
  const liveTyped = live ? withoutManaged(live) : zeroValue(scope.root.ref as string);
  // skipNonAppliedManager: an object no one manages yet: what it has belongs to "before-first-apply".
  if (managers.size === 0) {
    structuredUpdate(managers, zeroValue(scope.root.ref as string), liveTyped, { manager: 'before-first-apply', operation: 'Update', apiVersion: scope.apiVersion }, scope);
  }
  // structuredMergeManager.Apply
  const configMeta = isMap(config.metadata) ? config.metadata : undefined;
  if (configMeta?.managedFields !== undefined && configMeta.managedFields !== null) {
    return { error: { code: 400, message: 'metadata.managedFields must be nil' } };
  }
  const invalid = validateTyped(config, scope.root);
  if (invalid) return { error: { code: 500, message: `failed to create typed patch object (${gvknn(config)}): ${invalid}` } };
  const entry: Omit<ManagerEntry, 'fields'> = { manager, operation: 'Apply', apiVersion: scope.apiVersion, ...(scope.subresource ? { subresource: scope.subresource } : {}) };
  const self = managerIdentifier(entry);
  const lastSet = managers.get(self)?.fields;
  let merged = mergeObjects(liveTyped, config, scope.root);
  const set_ = filterIgnored(toFieldSet(config, scope.root), scope.ignored);
  managers.set(self, { ...entry, time: managers.get(self)?.time, fields: set_ });
  if (lastSet && !lastSet.isEmpty()) merged = prune(merged, managers, self, lastSet, config, scope);
  const cmp = filterComparison(compare(liveTyped, merged, scope.root), scope.ignored);
  const conflicts = updateOthers(managers, self, cmp, force, scope);
  if (conflicts.length > 0) return { conflicts: sortConflicts(conflicts) };
  // stripMetaManager: the applier's set without apiVersion, kind and server-set metadata.
  const mine = managers.get(self) as ManagerEntry;
  const stripped = stripMeta(mine.fields);
  if (stripped.isEmpty()) managers.delete(self);
  else managers.set(self, { ...mine, fields: stripped });
  const changed = !deepEqual(liveTyped, merged);
  // managedFieldsUpdater: a change stamps the applier's time; no change leaves the live object as it was.
  if (changed && managers.has(self)) managers.set(self, { ...(managers.get(self) as ManagerEntry), time: scope.now });
  const object = changed ? merged : clone(liveTyped);
  const meta = metaOf(object);
  delete meta.managedFields;
  if (managers.size > 0) set(meta, 'managedFields', encodeManagedFields([...managers.values()]));
  return { object, changed };
}

/**
 * Updater.prune with addBackOwnedItems and addBackDanglingItems: a field this
 * manager applied last time and not now is removed, unless someone (the new
 * configuration included) still owns it or something below it.
 */
function prune(merged: JsonObject, managers: Managers, self: string, lastSet: FieldSet, config: JsonObject, scope: FieldManagerScope): JsonObject {
  let owned = new FieldSet();
  for (const [id, m] of managers) if (id !== self) owned = owned.union(m.fields);
  const kept = filterIgnored(toFieldSet(config, scope.root), scope.ignored).union(owned);
  const drop = new FieldSet();
  lastSet.difference(kept).iterate((path) => {
    if (!kept.hasPrefix(path)) drop.insert(path);
  });
  return drop.isEmpty() ? merged : removeItems(merged, drop, scope.root);
}

/** ConflictsFromManagers, in a stable order: by manager identifier, then each manager's paths in Set order. */
function sortConflicts(conflicts: Conflict[]): Conflict[] {
  const ids = conflicts.map((c) => managerIdentifier(c.manager));
  return conflicts.map((c, i) => ({ c, id: ids[i], i })).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i)).map((x) => x.c);
}

/**
 * lastAppliedManager.allowedConflictsFromLastApplied: the last-applied
 * annotation's fields whose live value is still the annotation's; undefined
 * when there is no annotation or it cannot be read as this kind.
 */
function allowedConflictsFromLastApplied(live: Readonly<JsonObject>, scope: FieldManagerScope): FieldSet | undefined {
  const annotations = isMap(live.metadata) && isMap(live.metadata.annotations) ? live.metadata.annotations : undefined;
  const text = annotations?.[LAST_APPLIED_ANNOTATION];
  if (typeof text !== 'string' || text === '') return undefined;
  let lastApplied: JsonValue;
  try {
    lastApplied = JSON.parse(text) as JsonValue;
  } catch {
    return undefined; // "failed to decode last applied obj"
  }
  if (!isMap(lastApplied) || lastApplied.apiVersion !== scope.apiVersion) return undefined;
  if (validateTyped(lastApplied, scope.root)) return undefined; // "failed to convert last applied to typed"
  const liveTyped = withoutManaged(live);
  const cmp = compare(lastApplied, liveTyped, scope.root);
  return toFieldSet(lastApplied, scope.root).difference(cmp.modified).difference(cmp.added).difference(cmp.removed);
}

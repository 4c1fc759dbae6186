// Server-side apply of one object: `kubectl apply --server-side` sends the
// whole file (application/apply-patch+yaml, ?fieldManager=kubectl&force=false)
// and the API server merges it, tracking who owns which field
// (sigs.k8s.io/structured-merge-diff/v4 merge/update.go Updater.Apply and
// update; staging/src/k8s.io/apimachinery/pkg/util/managedfields/internal/
// lastappliedmanager.go, lastappliedupdater.go, stripmeta.go).
//
//   merged   = live ⊕ config (config fields win; list-maps merged by key)
//   pruned   = fields this manager applied last time, dropped now, owned by nobody else → removed
//   conflict = a field whose value changes and that another manager owns → 409, unless --force-conflicts
//   owners   = the applier now owns exactly its file's fields; with force, others lose the contested ones
//
// Simplified (and said so in the lesson): defaults are not re-applied after a
// removal, status is ignored, conversion between API versions is not
// modelled, and the list-map keys' defaults are limited to `protocol: TCP`.

import { clone, deepEqual, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject } from '../../apimachinery/go-values.ts';
import { goJsonEncode } from '../../apimachinery/go-json.ts';
import { SchemaNode } from '../../apimachinery/strategic-merge-patch/patch-meta.ts';
import { schemaFor } from '../../kubectl/apply/scheme.ts';
import { explainApply } from '../explain/explain.ts';
import { LAST_APPLIED, lastAppliedText } from '../kubectl/last-applied.ts';
import { apiPath, diffFileName, printName, resourceFor } from '../kubectl/resources.ts';
import { withNamespace } from '../kubectl/client-side-apply.ts';
import type { ObjectApply } from '../kubectl/client-side-apply.ts';
import { bumpGeneration } from '../kubectl/server-effects.ts';
import { FieldSet, pathString } from '../../apiserver/field-manager/field-set.ts';
import { compare, mergeObjects, removeItems, toFieldSet, zeroValue } from './typed.ts';
import { KUBECTL_CONFLICT_HELP, conflictMessage, decodeManagedFields, encodeManagedFields, withoutManagedFields } from '../../apiserver/field-manager/managed-fields.ts';
import type { Conflict, ManagerEntry } from '../../apiserver/field-manager/managed-fields.ts';
import { jsonNestingDepth } from '../../shared/json-nesting.ts';
import { DEFAULT_YAML_LIMITS } from '../../shared/yaml.ts';

export interface ServerSideOptions {
  namespace: string;
  /** --field-manager (default "kubectl"). */
  fieldManager: string;
  /** --force-conflicts */
  force: boolean;
  /** managedFields timestamps (the virtual clock). */
  now: string;
}

export interface ServerSideApply extends ObjectApply {
  conflicts: { manager: string; path: string }[];
  managers: ManagerEntry[];
}

/** Fields the field manager never tracks (stripmeta.go) plus status, which apply to the main resource ignores. */
const STRIPPED: string[][] = [
  ['apiVersion'], ['kind'], ['status'],
  ['metadata', 'name'], ['metadata', 'namespace'], ['metadata', 'uid'], ['metadata', 'resourceVersion'],
  ['metadata', 'generation'], ['metadata', 'creationTimestamp'], ['metadata', 'managedFields'],
  ['metadata', 'selfLink'], ['metadata', 'deletionTimestamp'], ['metadata', 'deletionGracePeriodSeconds'],
];

function strip(fields: FieldSet): FieldSet {
  const out = fields.copy();
  for (const path of STRIPPED) {
    let node: FieldSet | undefined = out;
    for (let i = 0; i < path.length - 1 && node; i++) node = node.descend({ t: 'f', name: path[i] });
    if (!node) continue;
    const last = `f:${path[path.length - 1]}`;
    node.members.delete(last);
    node.children.delete(last);
  }
  return out;
}

/**
 * The API server's answer to one server-side apply request (the first PATCH
 * of `kubectl apply --server-side`). The requests kubectl sends afterwards to
 * move client-side apply's fields over are in kubectl/server-side-apply.ts.
 *
 * @example
 *   serverSideApply(config, live, { namespace: 'default', fieldManager: 'kubectl', force: false, now: '2025-01-01T00:00:00Z' })
 *   // → { outcome: 'failed', error: 'error: Apply failed with 1 conflict: conflict with "kube-controller-manager" ...' }
 */
export function serverSideApply(config: JsonObject, live: JsonObject | null, options: ServerSideOptions): ServerSideApply {
  const apiVersion = String(config.apiVersion);
  const kind = String(config.kind);
  const info = resourceFor(apiVersion, kind);
  const local = withNamespace(config, info, options.namespace);
  const name = String((local.metadata as JsonObject).name);
  const namespace = info.namespaced ? String((local.metadata as JsonObject).namespace) : null;
  const schema = schemaFor(apiVersion, kind);
  const node = schema ? SchemaNode.root(schema) : SchemaNode.open();
  const manager = options.fieldManager;
  const applied = clone(local);
  delete applied.status;
  const request = {
    method: 'PATCH' as const,
    path: apiPath(info, namespace ?? undefined, name),
    query: `fieldManager=${encodeURIComponent(manager)}&fieldValidation=Strict&force=${options.force}`,
    contentType: 'application/apply-patch+yaml',
    body: goJsonEncode(local),
  };
  const base = {
    apiVersion,
    kind,
    name,
    namespace,
    printName: printName(info, name),
    patchType: 'apply' as const,
    patch: local,
    request,
    modified: local,
    diffFile: diffFileName(info, namespace ?? undefined, name),
    warnings: [] as string[],
  };
  const configSet = strip(toFieldSet(applied, node));

  const liveBody = live ? clone(live) : null;
  if (liveBody && isMap(liveBody.metadata)) delete liveBody.metadata.managedFields;
  let managers: ManagerEntry[];
  try {
    managers = live && isMap(live.metadata) ? decodeManagedFields(live.metadata.managedFields) : [];
  } catch (error) {
    throw Object.assign(error as Error, { managedFieldsError: true });
  }
  if (liveBody && managers.length === 0) {
    // An object with no managed fields: what is there belongs to "before-first-apply".
    managers = [{ manager: 'before-first-apply', operation: 'Update', apiVersion: String(liveBody.apiVersion), fields: strip(toFieldSet(liveBody, node)) }];
  }

  const previous = managers.find((m) => m.manager === manager && m.operation === 'Apply' && !m.subresource);
  const others = managers.filter((m) => m !== previous);
  let merged = liveBody ? mergeObjects(liveBody, applied, node) : clone(applied);
  if (previous) {
    let ownedByOthers = new FieldSet();
    for (const m of others) ownedByOthers = ownedByOthers.union(m.fields);
    // Updater.prune + addBackOwnedItems: a field this manager no longer applies goes,
    // unless someone (this file included) still owns it or something below it.
    const kept = configSet.union(ownedByOthers);
    const drop = new FieldSet();
    previous.fields.difference(kept).iterate((path) => {
      if (!kept.hasPrefix(path)) drop.insert(path);
    });
    merged = removeItems(merged, drop, node);
  }

  // update(): who loses what, and conflicts.
  const cmp = liveBody ? compare(liveBody, merged, node) : { added: new FieldSet(), modified: new FieldSet(), removed: new FieldSet() };
  const changed = cmp.modified.union(cmp.added);
  let conflicts: Conflict[] = [];
  for (const m of others) {
    m.fields.intersection(changed).iterate((path) => conflicts.push({ manager: m, path }));
  }
  // lastappliedmanager.go: for "kubectl", fields still as client-side apply left them are fair game.
  if (conflicts.length > 0 && manager === 'kubectl' && live) {
    const allowed = allowedFromLastApplied(live, liveBody!, node);
    if (allowed) conflicts = conflicts.filter((c) => !allowed.has(c.path));
  }
  const explainLastApplied = lastAppliedText(live ?? {});
  if (conflicts.length > 0 && !options.force) {
    const message = conflictMessage(conflicts);
    return {
      ...base,
      outcome: 'failed',
      message: '',
      error: `error: ${message}\n${KUBECTL_CONFLICT_HELP}`,
      before: live,
      after: live ?? applied,
      lastApplied: parseLastApplied(explainLastApplied),
      newLastApplied: null,
      explanation: [],
      diffMerged: null,
      conflicts: conflicts.map((c) => ({ manager: c.manager.manager, path: pathStringOf(c) })),
      managers,
    };
  }

  // Others lose what this apply changed (forced or forgiven conflicts) and what it removed;
  // fields set to the value they already had stay shared.
  // (Moving kubectl-client-side-apply's fields to "kubectl" is kubectl's own
  // follow-up request, not the server's: kubectl/server-side-apply.ts.)
  const next: ManagerEntry[] = others
    .map((m) => ({ ...m, fields: m.fields.difference(changed).difference(cmp.removed) }))
    .filter((m) => !m.fields.isEmpty());
  next.push({ manager, operation: 'Apply', apiVersion, time: options.now, fields: configSet });

  let after = clone(merged);
  // lastappliedupdater.go: "kubectl" keeps an existing last-applied annotation in step.
  if (manager === 'kubectl' && explainLastApplied !== undefined && isMap(after.metadata) && isMap(after.metadata.annotations)) {
    const forAnnotation = clone(applied);
    const meta = forAnnotation.metadata as JsonObject;
    if (isMap(meta.annotations)) {
      delete meta.annotations[LAST_APPLIED];
      if (Object.keys(meta.annotations).length === 0) delete meta.annotations;
    }
    set(after.metadata.annotations, LAST_APPLIED, goJsonEncode(forAnnotation));
  }
  if (live) after = bumpGeneration(kind, liveBody!, after);
  if (!isMap(after.metadata)) set(after, 'metadata', {});
  set(after.metadata as JsonObject, 'managedFields', encodeManagedFields(next));

  const lastApplied = parseLastApplied(explainLastApplied);
  return {
    ...base,
    outcome: 'serverside-applied',
    message: `${base.printName} serverside-applied`,
    error: null,
    before: live,
    after,
    lastApplied,
    newLastApplied: null,
    explanation: explainApply({ before: liveBody, after: withoutManagedFields(after), modified: applied, lastApplied: null, schema: node, mode: 'server-side' }),
    diffMerged: after,
    conflicts: conflicts.map((c) => ({ manager: c.manager.manager, path: pathStringOf(c) })),
    managers: next,
  };
}

function pathStringOf(c: Conflict): string {
  return pathString(c.path);
}

/**
 * The live object's last-applied annotation as an object, or null when it has
 * none or it does not decode. The API server never validates the annotation:
 * server-side apply keeps whatever a file put there, and lastappliedmanager.go
 * gives up quietly ("failed to decode last applied config") when it cannot read
 * it. Too deep a nesting counts as not decodable (schema.ts refuses it in the
 * input; this guards what the recursive field-set code walks).
 */
function parseLastApplied(text: string | undefined): JsonObject | null {
  if (!text || jsonNestingDepth(text) > DEFAULT_YAML_LIMITS.maxDepth) return null;
  try {
    const value: unknown = JSON.parse(text);
    return isMap(value as JsonObject) ? (value as JsonObject) : null;
  } catch {
    return null;
  }
}

/** lastappliedmanager.go allowedConflictsFromLastApplied: last-applied fields whose live value still matches. */
function allowedFromLastApplied(live: JsonObject, liveBody: JsonObject, node: SchemaNode): FieldSet | undefined {
  const lastApplied = parseLastApplied(lastAppliedText(live));
  if (!lastApplied) return undefined;
  const lastSet = toFieldSet(lastApplied, node);
  const cmp = compare(lastApplied, liveBody, node);
  return lastSet.difference(cmp.modified);
}

/**
 * An Update operation (a controller, `kubectl scale`, client-side apply's POST
 * or PATCH): the manager takes the fields it changed; others lose them
 * (Updater.Update, managedfieldsupdater.go).
 *
 * `before` null is a create: the API server compares the new object with the
 * kind's zero value (endpoints/handlers/create.go) and records the creator as
 * owner of everything it set; skipnonapplied.go tracks creates with
 * probability 1 (DefaultTrackOnCreateProbability). An update of an object
 * that has no managedFields at all is not tracked (skipNonAppliedManager).
 *
 * @example
 *   recordUpdate(null, created, { manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time }, node)
 *   // → created, with metadata.managedFields [{ manager: 'kubectl-client-side-apply', operation: 'Update', fieldsV1: { 'f:metadata': ..., 'f:spec': ... } }]
 */
export function recordUpdate(
  before: JsonObject | null,
  after: JsonObject,
  entry: Omit<ManagerEntry, 'fields'>,
  node: SchemaNode,
): JsonObject {
  if (before !== null && !hasManagedFields(before)) return after;
  const managers = before ? decodeManagedFields((before.metadata as JsonObject).managedFields) : [];
  const b = before ? clone(before) : zeroValue(node);
  if (isMap(b.metadata)) delete b.metadata.managedFields;
  const a = clone(after);
  if (isMap(a.metadata)) delete a.metadata.managedFields;
  const cmp = compare(b, a, node);
  const changed = strip(cmp.modified.union(cmp.added));
  const removed = strip(cmp.removed);
  const same = (m: ManagerEntry) => m.manager === entry.manager && m.operation === entry.operation && (m.subresource ?? '') === (entry.subresource ?? '');
  const existing = managers.find(same);
  const next = managers
    .filter((m) => !same(m))
    .map((m) => ({ ...m, fields: m.fields.difference(changed).difference(removed) }))
    .filter((m) => !m.fields.isEmpty());
  const fields = (existing?.fields ?? new FieldSet()).union(changed).difference(removed);
  if (!fields.isEmpty()) next.push({ ...entry, fields });
  if (deepEqual(b, a)) return after;
  const out = clone(after);
  set(out.metadata as JsonObject, 'managedFields', encodeManagedFields(next));
  return out;
}

function hasManagedFields(obj: JsonObject): boolean {
  return isMap(obj.metadata) && Array.isArray(obj.metadata.managedFields) && obj.metadata.managedFields.length > 0;
}

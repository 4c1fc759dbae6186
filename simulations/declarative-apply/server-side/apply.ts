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

import { clone, deepEqual, isMap, set } from '../go/values.ts';
import type { JsonObject } from '../go/values.ts';
import { goJsonEncode } from '../go/json.ts';
import { SchemaNode } from '../patch-meta/schema.ts';
import { schemaFor } from '../patch-meta/builtin.ts';
import { explainApply } from '../explain/explain.ts';
import { LAST_APPLIED, lastAppliedText } from '../kubectl/last-applied.ts';
import { apiPath, diffFileName, printName, resourceFor } from '../kubectl/resources.ts';
import { withNamespace } from '../kubectl/client-side-apply.ts';
import type { ObjectApply } from '../kubectl/client-side-apply.ts';
import { bumpGeneration } from '../kubectl/server-effects.ts';
import { FieldSet, pathString } from './field-set.ts';
import { compare, mergeObjects, removeItems, toFieldSet } from './typed.ts';
import { KUBECTL_CONFLICT_HELP, conflictMessage, decodeManagedFields, encodeManagedFields } from './managed-fields.ts';
import type { Conflict, ManagerEntry } from './managed-fields.ts';

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
 * One object through `kubectl apply --server-side`.
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
    const drop = previous.fields.difference(configSet.union(ownedByOthers));
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
      lastApplied: explainLastApplied ? (JSON.parse(explainLastApplied) as JsonObject) : null,
      newLastApplied: null,
      explanation: [],
      diffMerged: null,
      conflicts: conflicts.map((c) => ({ manager: c.manager.manager, path: pathStringOf(c) })),
      managers,
    };
  }

  // Others lose what this apply changed (forced or forgiven conflicts) and what it removed;
  // fields set to the value they already had stay shared.
  let next: ManagerEntry[] = others
    .map((m) => ({ ...m, fields: m.fields.difference(changed).difference(cmp.removed) }))
    .filter((m) => !m.fields.isEmpty());
  const mine: ManagerEntry = { manager, operation: 'Apply', apiVersion, time: options.now, fields: configSet };
  // kubectl's migrateToSSAIfNecessary: client-side apply's ownership moves to the "kubectl" applier.
  if (manager === 'kubectl') {
    const csa = next.filter((m) => m.manager === 'kubectl-client-side-apply');
    for (const m of csa) mine.fields = mine.fields.union(m.fields);
    next = next.filter((m) => m.manager !== 'kubectl-client-side-apply');
  }
  next.push(mine);

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

  const lastApplied = explainLastApplied ? (JSON.parse(explainLastApplied) as JsonObject) : null;
  return {
    ...base,
    outcome: 'serverside-applied',
    message: `${base.printName} serverside-applied`,
    error: null,
    before: live,
    after,
    lastApplied,
    newLastApplied: null,
    explanation: explainApply({ before: liveBody, after: withoutManaged(after), modified: applied, lastApplied: null, schema: node, mode: 'server-side' }),
    diffMerged: after,
    conflicts: conflicts.map((c) => ({ manager: c.manager.manager, path: pathStringOf(c) })),
    managers: next,
  };
}

function pathStringOf(c: Conflict): string {
  return pathString(c.path);
}

function withoutManaged(obj: JsonObject): JsonObject {
  const copy = clone(obj);
  if (isMap(copy.metadata)) delete copy.metadata.managedFields;
  return copy;
}

/** lastappliedmanager.go allowedConflictsFromLastApplied: last-applied fields whose live value still matches. */
function allowedFromLastApplied(live: JsonObject, liveBody: JsonObject, node: SchemaNode): FieldSet | undefined {
  const text = lastAppliedText(live);
  if (!text) return undefined;
  let lastApplied: JsonObject;
  try {
    lastApplied = JSON.parse(text) as JsonObject;
  } catch {
    return undefined;
  }
  const lastSet = toFieldSet(lastApplied, node);
  const cmp = compare(lastApplied, liveBody, node);
  return lastSet.difference(cmp.modified);
}

/**
 * An Update operation (a controller, `kubectl scale`, client-side apply's PATCH):
 * the manager takes the fields it changed; others lose them (Updater.Update).
 */
export function recordUpdate(
  before: JsonObject,
  after: JsonObject,
  entry: Omit<ManagerEntry, 'fields'>,
  node: SchemaNode,
): JsonObject {
  if (!isMap(before.metadata) || !Array.isArray(before.metadata.managedFields)) return after;
  const managers = decodeManagedFields(before.metadata.managedFields);
  const b = clone(before);
  delete (b.metadata as JsonObject).managedFields;
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

// The garbage collector, as kube-controller-manager runs it: it follows
// ownerReferences. An object whose owners are all gone is deleted (its own
// finalizers decide how); an owner deleted with `orphan` has the references
// to it removed from its dependents, then loses the finalizer; an owner
// deleted with `foregroundDeletion` waits until every dependent that blocks
// it (blockOwnerDeletion) is gone, its dependents being deleted first.
// src: pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem, classifyReferences,
//      processDeletingDependentsItem, orphanDependents)
//
// Here it runs as a loop to a fixed point over the whole store (the real one
// reacts to watch events through its dependency graph); the outcome is the
// same: the same deletions, reference removals and finalizer removals.

import type { JsonObject } from '../apimachinery/json.ts';
import { asBool, asList, asObject, asString } from '../apimachinery/json.ts';
import type { ApiServer, ObjectRef, PropagationPolicy } from './api-server.ts';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from './api-server.ts';
import { lookupKind } from './kinds.ts';

interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  blockOwnerDeletion: boolean;
}

interface Item {
  ref: ObjectRef;
  object: Readonly<JsonObject>;
  uid: string;
  owners: OwnerReference[];
  deleting: boolean;
  finalizers: string[];
}

/** One step the collector took, for traces. */
export interface GcAction {
  action: 'delete' | 'remove-owner-references' | 'remove-finalizer';
  subject: string;
  detail: string;
}

/**
 * Runs the garbage collector until a full pass changes nothing (at most
 * `maxPasses`). Returns what it did, in order.
 */
export function collectGarbage(api: ApiServer, maxPasses = 1000): GcAction[] {
  const actions: GcAction[] = [];
  for (let pass = 0; pass < maxPasses; pass++) {
    if (!gcPass(api, actions)) break;
  }
  return actions;
}

function gcPass(api: ApiServer, actions: GcAction[]): boolean {
  const items = snapshot(api);
  const byUid = new Map(items.map((item) => [item.uid, item]));
  const dependentsOf = new Map<string, Item[]>();
  for (const item of items) {
    for (const owner of item.owners) {
      const list = dependentsOf.get(owner.uid) ?? [];
      list.push(item);
      dependentsOf.set(owner.uid, list);
    }
  }

  // Owners deleted with orphan: free their dependents, then drop the finalizer.
  for (const owner of items) {
    if (!owner.deleting || !owner.finalizers.includes(FINALIZER_ORPHAN)) continue;
    for (const dep of dependentsOf.get(owner.uid) ?? []) removeOwnerReferences(api, dep, [owner.uid], actions);
    removeFinalizer(api, owner, FINALIZER_ORPHAN, actions);
    return true;
  }

  // Owners deleted in the foreground: once no blocking dependent is left, drop the finalizer.
  for (const owner of items) {
    if (!owner.deleting || !owner.finalizers.includes(FINALIZER_FOREGROUND)) continue;
    const blocking = (dependentsOf.get(owner.uid) ?? []).filter((dep) => dep.owners.some((o) => o.uid === owner.uid && o.blockOwnerDeletion));
    if (blocking.length === 0) {
      removeFinalizer(api, owner, FINALIZER_FOREGROUND, actions);
      return true;
    }
  }

  // Every dependent: attemptToDeleteItem.
  for (const item of items) {
    if (item.owners.length === 0) continue;
    if (item.deleting) continue; // already being deleted (and not waiting on dependents of its own: handled above)
    const solid: string[] = [];
    const dangling: string[] = [];
    const waiting: string[] = [];
    let undecidable = false;
    for (const ref of item.owners) {
      const owner = findOwner(api, byUid, item, ref);
      if (owner === 'error') {
        // classifyReferences stops at the first error (an owner kind the server does not serve, or a
        // namespaced owner named by a cluster-scoped object): the collector leaves the item alone.
        undecidable = true;
        break;
      } else if (!owner) {
        dangling.push(ref.uid);
      } else if (owner.deleting && owner.finalizers.includes(FINALIZER_FOREGROUND)) {
        waiting.push(ref.uid);
      } else {
        solid.push(ref.uid);
      }
    }
    if (undecidable) continue;
    if (solid.length > 0) {
      if (dangling.length === 0 && waiting.length === 0) continue;
      removeOwnerReferences(api, item, [...dangling, ...waiting], actions);
      return true;
    }
    let policy: PropagationPolicy;
    if (waiting.length > 0 && (dependentsOf.get(item.uid) ?? []).length > 0) policy = 'Foreground';
    else if (item.finalizers.includes(FINALIZER_ORPHAN)) policy = 'Orphan';
    else if (item.finalizers.includes(FINALIZER_FOREGROUND)) policy = 'Foreground';
    else policy = 'Background';
    api.delete(item.ref, { propagationPolicy: policy, preconditions: { uid: item.uid } });
    actions.push({ action: 'delete', subject: describe(item), detail: `no owner left (${[...dangling, ...waiting].join(', ')}); propagationPolicy ${policy}` });
    return true;
  }
  return false;
}

function snapshot(api: ApiServer): Item[] {
  return api.storage.list('/registry/').map((object) => {
    const meta = asObject(object.metadata);
    const ref: ObjectRef = { apiVersion: asString(object.apiVersion), kind: asString(object.kind), name: asString(meta?.name) };
    const namespace = asString(meta?.namespace);
    if (namespace !== '') ref.namespace = namespace;
    return {
      ref,
      object,
      uid: asString(meta?.uid),
      owners: asList(meta?.ownerReferences).map((o) => {
        const r = asObject(o);
        return { apiVersion: asString(r?.apiVersion), kind: asString(r?.kind), name: asString(r?.name), uid: asString(r?.uid), blockOwnerDeletion: asBool(r?.blockOwnerDeletion) };
      }),
      deleting: meta?.deletionTimestamp !== undefined,
      finalizers: asList(meta?.finalizers).filter((f): f is string => typeof f === 'string'),
    };
  });
}

/**
 * isDangling: the owner named by the reference, looked up by name in the
 * dependent's namespace, with the same UID; 'error' where upstream's lookup
 * fails (no REST mapping for the kind; namespacedOwnerOfClusterScopedObjectErr).
 */
function findOwner(api: ApiServer, byUid: Map<string, Item>, dependent: Item, ref: OwnerReference): Item | undefined | 'error' {
  const info = lookupKind(ref.apiVersion, ref.kind);
  if (!info) return 'error';
  if (info.namespaced && dependent.ref.namespace === undefined) return 'error';
  const object = api.peek({ apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, namespace: info.namespaced ? dependent.ref.namespace : undefined });
  if (!object) return undefined;
  if (asString(asObject(object.metadata)?.uid) !== ref.uid) return undefined; // a new object with the old name
  return byUid.get(ref.uid);
}

function removeOwnerReferences(api: ApiServer, item: Item, uids: string[], actions: GcAction[]): void {
  const kept = asList(asObject(item.object.metadata)?.ownerReferences).filter((o) => !uids.includes(asString(asObject(o)?.uid)));
  api.patch(item.ref, { metadata: { ownerReferences: kept.length > 0 ? kept : null, uid: item.uid } });
  actions.push({ action: 'remove-owner-references', subject: describe(item), detail: uids.join(', ') });
}

function removeFinalizer(api: ApiServer, item: Item, finalizer: string, actions: GcAction[]): void {
  const kept = item.finalizers.filter((f) => f !== finalizer);
  api.patch(item.ref, { metadata: { finalizers: kept.length > 0 ? kept : null, uid: item.uid } });
  actions.push({ action: 'remove-finalizer', subject: describe(item), detail: finalizer });
}

function describe(item: Item): string {
  return `${item.ref.kind} ${item.ref.namespace ? `${item.ref.namespace}/` : ''}${item.ref.name}`;
}

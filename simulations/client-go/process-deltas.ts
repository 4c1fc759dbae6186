// How an informer turns one popped key's Deltas into handler calls.
// client-go tools/cache/controller.go processDeltas: oldest first; an
// Added/Updated/Sync/Replaced delta is an OnUpdate if the client state already
// has the key (a resync is an update whose old and new objects are the same),
// else an OnAdd; a Deleted delta removes the key and calls OnDelete with
// whatever the delta carries, a DeletedFinalStateUnknown tombstone included.

import type { Delta, DeletedFinalStateUnknown, KubeObject } from './types.ts';
import type { Indexer } from './indexer.ts';

export type Notification =
  | { type: 'OnAdd'; obj: KubeObject; isInInitialList: boolean }
  | { type: 'OnUpdate'; oldObj: KubeObject; newObj: KubeObject }
  | { type: 'OnDelete'; obj: KubeObject | DeletedFinalStateUnknown };

export interface Handler {
  onAdd(obj: KubeObject, isInInitialList: boolean): void;
  onUpdate(oldObj: KubeObject, newObj: KubeObject): void;
  onDelete(obj: KubeObject | DeletedFinalStateUnknown): void;
}

/** controller.go processDeltas over a client state keyed by DeletionHandlingMetaNamespaceKeyFunc. */
export function applyDeltas(handler: Handler, clientState: Indexer, deltas: Delta[], isInInitialList: boolean): void {
  for (const d of deltas) {
    const obj = d.object;
    switch (d.type) {
      case 'Sync':
      case 'Replaced':
      case 'Added':
      case 'Updated': {
        // A Sync/Replaced/Added/Updated delta always carries an object, never a tombstone.
        const o = obj as KubeObject;
        const old = clientState.get(o);
        if (old !== undefined) {
          clientState.update(o);
          handler.onUpdate(old, o);
        } else {
          clientState.add(o);
          handler.onAdd(o, isInInitialList);
        }
        break;
      }
      case 'Deleted':
        clientState.delete(obj);
        handler.onDelete(obj);
        break;
    }
  }
}

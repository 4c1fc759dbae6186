// The shapes client-go's tools/cache works with, as plain data (contracts/clientgo.md).
// Keys follow tools/cache/store.go MetaNamespaceKeyFunc and controller.go
// DeletionHandlingMetaNamespaceKeyFunc.

export type KubeObject = {
  apiVersion: string;
  kind: string;
  metadata: {
    name?: string;
    namespace?: string;
    resourceVersion?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: object;
  status?: object;
  data?: object;
};

/** delta_fifo.go DeletedFinalStateUnknown: a deletion seen only through a relist; Obj may be stale. */
export type DeletedFinalStateUnknown = { kind: 'DeletedFinalStateUnknown'; key: string; obj: KubeObject | null };

/** delta_fifo.go DeltaType (the ones a DeltaFIFO emits). */
export type DeltaType = 'Added' | 'Updated' | 'Deleted' | 'Replaced' | 'Sync';
export type Delta = { type: DeltaType; object: KubeObject | DeletedFinalStateUnknown };

export function isTombstone(obj: unknown): obj is DeletedFinalStateUnknown {
  return typeof obj === 'object' && obj !== null && (obj as { kind?: unknown }).kind === 'DeletedFinalStateUnknown' && !('apiVersion' in obj);
}

/** store.go MetaNamespaceKeyFunc via ObjectName.String(): "namespace/name", or "name" without a namespace. */
export function metaNamespaceKey(obj: KubeObject): string {
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name ?? '';
  return ns.length > 0 ? `${ns}/${name}` : name;
}

/** controller.go DeletionHandlingMetaNamespaceKeyFunc: a tombstone is keyed by its Key. */
export function deletionHandlingKey(obj: KubeObject | DeletedFinalStateUnknown): string {
  return isTombstone(obj) ? obj.key : metaNamespaceKey(obj);
}

/** delta_fifo.go DeltaFIFO.KeyOf: tombstones by Key, objects by MetaNamespaceKeyFunc. */
export const keyOf = deletionHandlingKey;

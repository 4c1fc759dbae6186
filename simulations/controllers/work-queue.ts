// A controller's work queue on the virtual clock: a key added several times
// before it is processed is synced once (client-go workqueue deduplication),
// and a sync can ask to be run again later (AddAfter).
// src: staging/src/k8s.io/client-go/util/workqueue/queue.go, delaying_queue.go.

import type { ActorContext } from '../apiserver/cluster.ts';

export class WorkQueue {
  private readonly dirty = new Set<string>();

  constructor(
    private readonly ctx: ActorContext,
    private readonly sync: (key: string) => void,
  ) {}

  /** Queue.Add: processed as the next clock task at this instant, once however often it was added. */
  add(key: string): void {
    if (this.dirty.has(key)) return;
    this.dirty.add(key);
    this.ctx.after(0, `sync ${key}`, () => {
      this.dirty.delete(key);
      this.sync(key);
    });
  }

  /** DelayingQueue.AddAfter. */
  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.add(key);
    this.ctx.after(delayMs, `requeue ${key}`, () => this.add(key));
  }
}

/** "namespace/name" → [namespace, name] (cache.SplitMetaNamespaceKey). */
export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return i < 0 ? ['', key] : [key.slice(0, i), key.slice(i + 1)];
}

/** metav1.GetControllerOf: the ownerReference with controller: true. */
export function controllerOf(object: { metadata?: unknown }): { apiVersion?: string; kind?: string; name?: string; uid?: string } | undefined {
  const refs = (object.metadata as { ownerReferences?: { controller?: boolean; apiVersion?: string; kind?: string; name?: string; uid?: string }[] } | undefined)?.ownerReferences ?? [];
  return refs.find((r) => r.controller === true);
}

/** metav1.NewControllerRef. */
export function newControllerRef(owner: { metadata?: { name?: string; uid?: string } }, apiVersion: string, kind: string) {
  return { apiVersion, kind, name: owner.metadata?.name ?? '', uid: owner.metadata?.uid ?? '', controller: true, blockOwnerDeletion: true };
}

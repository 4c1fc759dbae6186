// The API server under a shared informer in the scenarios: client-go
// tools/cache/testing/fake_controller_source.go FakeControllerSource. Every
// change takes the next resourceVersion; a list returns every current object
// at the latest RV (ignoring the RV asked for); a watch from an older RV
// replays the recorded changes, or answers 410 Expired once they are gone.

import type { Status } from './api-errors.ts';
import type { KubeObject } from './types.ts';

export type SourceEvent = { type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: KubeObject };

export interface SourceWatcher {
  deliver(e: SourceEvent): void;
  /** The broadcaster shut down (ResetWatch): the result channel closes. */
  close(): void;
}

// DeepCopyObject: the simulation never mutates an object below metadata, so a copy of the
// object and its metadata is as good as a deep copy here (and cheap for the benchmarks).
const clone = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata } });
const cloneEvent = (e: SourceEvent): SourceEvent => ({ type: e.type, object: clone(e.object) });

export class FakeControllerSource {
  /** Items keyed by namespace, name and uid (nnu), in insertion order. */
  private readonly items = new Map<string, KubeObject>();
  private changes: SourceEvent[] = [];
  private lastRV = 0;
  private watchers = new Set<SourceWatcher>();

  latestResourceVersion(): number {
    return this.lastRV;
  }

  /** Change: the next RV is written into the object; broadcast unless the watch is dropped. */
  change(type: SourceEvent['type'], obj: KubeObject, broadcast: boolean): KubeObject {
    this.lastRV += 1;
    const o = clone(obj);
    o.metadata.resourceVersion = String(this.lastRV);
    const e: SourceEvent = { type, object: o };
    this.changes.push(e);
    const key = `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}/${o.metadata.uid ?? ''}`;
    if (type === 'DELETED') this.items.delete(key);
    else this.items.set(key, o);
    // watch.Broadcaster.Action hands the same event to every watcher (only the replay is deep-copied)
    if (broadcast && this.watchers.size > 0) {
      if (this.watchers.size === 1) for (const w of this.watchers) w.deliver(e);
      else for (const w of [...this.watchers]) w.deliver(e);
    }
    return o;
  }

  /** ResetWatch: every open watch is closed and the change history forgotten. */
  resetWatch(): void {
    const open = [...this.watchers];
    this.watchers = new Set();
    this.changes = [];
    for (const w of open) w.close();
  }

  /** Not in the upstream fake: a dropped connection closes the open watches, the history stays. */
  closeWatches(): void {
    const open = [...this.watchers];
    this.watchers = new Set();
    for (const w of open) w.close();
  }

  /** Not in the upstream fake: etcd compaction, as the history a watch could replay is forgotten. */
  compact(): void {
    this.changes = [];
  }

  list(): { items: KubeObject[]; resourceVersion: string } {
    return { items: [...this.items.values()].map(clone), resourceVersion: String(this.lastRV) };
  }

  /** Watch: the events to replay first, or an error; the watcher then receives broadcasts until closed. */
  watch(resourceVersion: string, watcher: SourceWatcher): { replay: SourceEvent[] } | { error: Status } {
    if (!/^-?\d+$/.test(resourceVersion)) return { error: { message: `strconv.Atoi: parsing ${JSON.stringify(resourceVersion)}: invalid syntax` } };
    const rc = Number(resourceVersion);
    let replay: SourceEvent[] = [];
    if (rc < this.lastRV) {
      if (this.changes.length === 0) return { error: { code: 410, reason: 'Expired', message: `too old resource version: ${rc} (${this.lastRV})` } };
      const oldestRC = Number(this.changes[0].object.metadata.resourceVersion);
      if (rc < oldestRC) return { error: { code: 410, reason: 'Expired', message: `too old resource version: ${rc} (${oldestRC})` } };
      replay = this.changes.slice(rc - oldestRC + 1).map(cloneEvent);
    } else if (rc > this.lastRV) {
      return { error: { message: 'resource version in the future not supported by this fake' } };
    }
    this.watchers.add(watcher);
    return { replay };
  }

  /**
   * Not in the upstream fake: a WatchList request (sendInitialEvents, NotOlderThan), answered as
   * kube-apiserver's watch cache answers it: the current objects, then the latest RV; the watcher then
   * receives broadcasts.
   */
  watchInitial(watcher: SourceWatcher): { items: KubeObject[]; resourceVersion: string } {
    this.watchers.add(watcher);
    return this.list();
  }

  stopWatch(watcher: SourceWatcher): void {
    this.watchers.delete(watcher);
  }
}

// A SharedIndexInformer on a virtual clock against a FakeControllerSource.
// client-go tools/cache/shared_informer.go (AddEventHandlerWithOptions,
// OnAdd/OnUpdate/OnDelete, sharedProcessor.distribute/shouldResync,
// processorListener resync), controller.go (processDeltas,
// processReplacedAllInfo), the_real_fifo.go (the FIFO of 1.36: RealFIFO with
// AtomicFIFO; processed as soon as it is written here, so handlers are called
// inside the op that caused them) and reflector.go (ListAndWatch, watch,
// startResync, the back-off of RunWithContext).
//
// The source does not support WatchList, so the reflector lists, then watches.

import type { Status } from './api-errors.ts';
import { isExpiredError, isTooLargeResourceVersionError, isWatchErrorRetriable } from './api-errors.ts';
import type { SourceEvent, SourceWatcher } from './fake-controller-source.ts';
import { FakeControllerSource } from './fake-controller-source.ts';
import { Indexer } from './indexer.ts';
import type { DeletedFinalStateUnknown, KubeObject } from './types.ts';
import { deletionHandlingKey, isTombstone, metaNamespaceKey } from './types.ts';

export type InformerNotification = {
  handler: string;
  op: number;
  type: 'add' | 'update' | 'delete';
  key: string;
  resourceVersion: string;
  isInInitialList?: boolean;
};

/** shared_informer.go minimumResyncPeriod */
const MINIMUM_RESYNC_PERIOD_MS = 1000;
/** reflector.go defaultBackoffInit / Max / Reset / Factor; Jitter 1.0 (the delay is d..2d: the simulation takes 2d). */
const BACKOFF_INIT_MS = 800;
const BACKOFF_MAX_MS = 30_000;
const BACKOFF_RESET_MS = 2 * 60_000;
const BACKOFF_STEPS = Math.ceil(BACKOFF_MAX_MS / BACKOFF_INIT_MS);

interface Listener {
  name: string;
  requestedResyncPeriod: number;
  resyncPeriod: number;
  nextResync: number;
  /** sharedProcessor.listeners[listener]: whether the last resync check found it due. */
  syncing: boolean;
}

/** shared_informer.go determineResyncPeriod */
function determineResyncPeriod(desired: number, check: number): number {
  if (desired === 0) return desired;
  if (check === 0) return 0;
  return desired < check ? check : desired;
}

/** wait.Backoff{800ms, ×2, cap 30s, jitter 1.0}.DelayWithReset(clock, 2m), as the reflector's delayHandler. */
class BackoffManager {
  private duration = BACKOFF_INIT_MS;
  private steps = BACKOFF_STEPS;
  constructor(private lastStart: number) {}
  step(now: number): number {
    if (now - this.lastStart > BACKOFF_RESET_MS) {
      this.duration = BACKOFF_INIT_MS;
      this.steps = BACKOFF_STEPS;
      this.lastStart = now;
    }
    // wait.delay: the current duration (jittered), then the next one grows by the factor up to the cap
    const current = this.duration;
    if (this.steps >= 1) {
      this.steps--;
      let next = current * 2;
      if (next > BACKOFF_MAX_MS) {
        next = BACKOFF_MAX_MS;
        this.steps = 0;
      }
      this.duration = next;
    }
    return current * 2; // Jitter(d, 1.0) = d + rand·d, rand taken at its upper bound
  }
}

type WatchState = { start: number; events: number; propagateRVFromStart: boolean; besidesAdded: boolean };

/** A request the reflector made and how the server answered (for the cell's lane picture). */
export type InformerRequest = { at: number; seq: number; verb: 'list' | 'watch'; resourceVersion: string; resourceVersionMatch?: string; limit?: number; allowWatchBookmarks?: boolean; sendInitialEvents?: boolean; timeoutSeconds?: number; answer: string };
/** An item the FIFO queued (RealFIFO with AtomicFIFO: a relist is one ReplacedAll, a resync one SyncAll). */
export type FifoItem = { at: number; seq: number; type: 'Added' | 'Updated' | 'Deleted' | 'ReplacedAll' | 'SyncAll'; key?: string; resourceVersion: string; count?: number };

type Timer = { at: number; kind: 'resync' | 'backoff' | 'rewatch' | 'watchlist'; seq: number };

export class SharedInformerSim {
  readonly source = new FakeControllerSource();
  readonly indexer: Indexer;
  readonly notifications: InformerNotification[] = [];
  /** The virtual time of each notification (same index), for the cell's lanes. */
  readonly notificationTimes: number[] = [];
  /** One counter across requests, FIFO items and notifications: the order things happened within an instant. */
  readonly notificationSeqs: number[] = [];
  private logSeq = 0;
  nextSeq(): number {
    return this.logSeq++;
  }
  private readonly listeners: Listener[] = [];
  resyncCheckPeriod: number;
  private readonly defaultEventHandlerResyncPeriod: number;
  private started = false;
  now = 0;
  private currentOp = -1;
  // reflector state
  private lastSyncResourceVersion = '';
  private isLastSyncResourceVersionUnavailable = false;
  private readonly backoff: BackoffManager;
  private timers: Timer[] = [];
  private seq = 0;
  private retryWatchAt = 0;
  private watcher: (SourceWatcher & WatchState) | null = null;
  // RealFIFO (AtomicFIFO): synced once the first Replace has been popped
  private fifoSynced = false;
  /** What the reflector asked and what the FIFO queued, when `record` is on. */
  readonly requests: InformerRequest[] = [];
  readonly fifo: FifoItem[] = [];
  private readonly faults: Array<{ verb: 'list' | 'watch'; status: Status }> = [];
  record = false;
  /**
   * WatchListClient (on by default since 1.35): ListAndWatch starts with one watch that sends the
   * initial state as ADDED events and a bookmark. The contract's sharedInformerScenario keeps it off,
   * as upstream's FakeControllerSource does not support it; the cell turns it on.
   */
  useWatchList = false;

  constructor(defaultResyncPeriodMs: number, indexers: ConstructorParameters<typeof Indexer>[0] = {}) {
    this.indexer = new Indexer(indexers);
    this.resyncCheckPeriod = defaultResyncPeriodMs;
    this.defaultEventHandlerResyncPeriod = defaultResyncPeriodMs;
    this.backoff = new BackoffManager(0);
  }

  setOp(i: number): void {
    this.currentOp = i;
  }

  /** AddEventHandler / AddEventHandlerWithResyncPeriod. */
  addEventHandler(name: string, resyncPeriodMs?: number): void {
    let resyncPeriod = resyncPeriodMs ?? this.defaultEventHandlerResyncPeriod;
    if (resyncPeriod > 0) {
      if (resyncPeriod < MINIMUM_RESYNC_PERIOD_MS) resyncPeriod = MINIMUM_RESYNC_PERIOD_MS;
      if (resyncPeriod < this.resyncCheckPeriod) {
        if (this.started) resyncPeriod = this.resyncCheckPeriod;
        else {
          this.resyncCheckPeriod = resyncPeriod;
          for (const l of this.listeners) l.resyncPeriod = determineResyncPeriod(l.requestedResyncPeriod, resyncPeriod);
        }
      }
    }
    const effective = determineResyncPeriod(resyncPeriod, this.resyncCheckPeriod);
    const listener: Listener = { name, requestedResyncPeriod: resyncPeriod, resyncPeriod: effective, nextResync: this.now + effective, syncing: false };
    this.listeners.push(listener);
    if (this.started) {
      // A handler added to a running informer is told of every cached object as an initial add.
      for (const item of this.indexer.list()) this.notify(listener, 'add', item, true);
    }
  }

  resyncPeriods(): { resyncCheckPeriodMs: number; handlers: Record<string, number> } {
    const handlers: Record<string, number> = {};
    for (const l of this.listeners) handlers[l.name] = l.resyncPeriod;
    return { resyncCheckPeriodMs: this.resyncCheckPeriod, handlers };
  }

  /** Run: the first ListAndWatch starts now (a second Run is ignored, as upstream warns and returns). */
  run(): void {
    if (this.started) return;
    this.started = true;
    this.listAndWatch();
  }

  /** How many timers have fired (the scenario bounds it). */
  timersFired = 0;

  advance(ms: number, maxTimers = Infinity): void {
    const target = this.now + ms;
    for (;;) {
      if (this.timersFired > maxTimers) return;
      let next: Timer | null = null;
      for (const t of this.timers) if (t.at <= target && (next === null || t.at < next.at || (t.at === next.at && t.seq < next.seq))) next = t;
      if (next === null) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.now = next.at;
      this.timersFired++;
      if (next.kind === 'resync') this.fireResync();
      else if (next.kind === 'rewatch') this.startWatch();
      else if (next.kind === 'watchlist') this.watchList();
      else this.listAndWatch();
    }
    this.now = target;
  }

  serverChange(type: SourceEvent['type'], object: KubeObject, dropWatch: boolean): KubeObject {
    return this.source.change(type, object, !dropWatch);
  }

  /** Close every open watch but keep the change history (a dropped connection): the reflector watches again from its RV. */
  dropWatches(): void {
    this.source.closeWatches();
  }

  /** Compaction: the source forgets its change history (later watches from older RVs get 410), open watches go on. */
  compact(): void {
    this.source.compact();
  }

  get lastSyncRV(): string {
    return this.lastSyncResourceVersion;
  }

  resetWatch(): void {
    this.source.resetWatch();
  }

  /** The next request of that verb is answered with this Status instead (a 429 or a 410, say). */
  injectFault(verb: 'list' | 'watch', status: Status): void {
    this.faults.push({ verb, status });
  }

  private takeFault(verb: 'list' | 'watch'): Status | undefined {
    const i = this.faults.findIndex((f) => f.verb === verb);
    return i < 0 ? undefined : this.faults.splice(i, 1)[0].status;
  }

  private logRequest(r: Omit<InformerRequest, 'at' | 'seq'>): void {
    if (this.record) this.requests.push({ at: this.now, seq: this.nextSeq(), ...r });
  }

  private logFifo(item: Omit<FifoItem, 'at' | 'seq'>): void {
    if (this.record) this.fifo.push({ at: this.now, seq: this.nextSeq(), ...item });
  }

  // ---- the reflector ----

  private relistResourceVersion(): string {
    if (this.isLastSyncResourceVersionUnavailable) return '';
    return this.lastSyncResourceVersion === '' ? '0' : this.lastSyncResourceVersion;
  }

  /** One ListAndWatch: WatchList, or list, Replace, arm the resync timer, watch. */
  private listAndWatch(): void {
    if (this.useWatchList) {
      this.watchList();
      return;
    }
    this.listThenWatch();
  }

  private rewatchResourceVersion(): string {
    return this.isLastSyncResourceVersionUnavailable ? '' : this.lastSyncResourceVersion;
  }

  /**
   * reflector.go watchList against a server that supports it: a 429 backs off and asks again, a 410
   * forgets the RV and asks again at once, any other error falls back to list + watch. The server
   * (kube-apiserver's watch cache, NotOlderThan) answers with every current object as ADDED and the
   * initial-events-end bookmark at its latest RV; the store is replaced at the bookmark and the same
   * stream goes on as the watch.
   */
  private watchList(): void {
    for (;;) {
      const rv = this.rewatchResourceVersion();
      const base = { verb: 'watch' as const, resourceVersion: rv, resourceVersionMatch: 'NotOlderThan', allowWatchBookmarks: true, sendInitialEvents: true, timeoutSeconds: 300 };
      const fault = this.takeFault('watch');
      if (fault) {
        this.logRequest({ ...base, answer: `${fault.code ?? ''} ${fault.reason ?? ''}`.trim() || fault.message });
        if (isWatchErrorRetriable(fault)) {
          this.addTimer(this.now + this.backoff.step(this.now), 'watchlist');
          return;
        }
        if (isExpiredError(fault) || isTooLargeResourceVersionError(fault)) {
          this.isLastSyncResourceVersionUnavailable = true;
          continue;
        }
        this.listThenWatch(); // "Falling back to regular list"
        return;
      }
      const w = this.newWatchState(true);
      const { items, resourceVersion } = this.source.watchInitial(w);
      this.logRequest({ ...base, answer: `${items.length} initial events, bookmark at RV ${resourceVersion}` });
      // handleListWatch into a temporary store; the bookmark ends the initial list
      this.isLastSyncResourceVersionUnavailable = false;
      this.replace(items, resourceVersion);
      this.lastSyncResourceVersion = resourceVersion;
      this.watcher = w; // reflector.go watch() goes on with this stream, counting its events afresh
      if (this.resyncCheckPeriod > 0) this.addTimer(this.now + this.resyncCheckPeriod, 'resync');
      return;
    }
  }

  private newWatchState(propagateRVFromStart: boolean): SourceWatcher & WatchState {
    const w: SourceWatcher & WatchState = {
      start: this.now,
      events: 0,
      propagateRVFromStart,
      besidesAdded: false,
      deliver: (e: SourceEvent) => this.handleEvent(w, e),
      close: () => this.watchClosed(w),
    };
    return w;
  }

  private listThenWatch(): void {
    // reflector.go list: page size 500 unless a consistent read from a set RV (0: one request); the fake never paginates
    const list = (): { items: KubeObject[]; resourceVersion: string } | { error: Status } => {
      const rv = this.relistResourceVersion();
      const limit = rv !== '' && rv !== '0' ? 0 : 500;
      const fault = this.takeFault('list');
      if (fault) {
        this.logRequest({ verb: 'list', resourceVersion: rv, limit, answer: `${fault.code ?? ''} ${fault.reason ?? ''}`.trim() });
        return { error: fault };
      }
      const res = this.source.list();
      this.logRequest({ verb: 'list', resourceVersion: rv, limit, answer: `${res.items.length} items at RV ${res.resourceVersion}` });
      return res;
    };
    let res = list();
    if ('error' in res && (isExpiredError(res.error) || isTooLargeResourceVersionError(res.error))) {
      this.isLastSyncResourceVersionUnavailable = true;
      res = list();
    }
    if ('error' in res) {
      this.listAndWatchEnded(res.error);
      return;
    }
    const { items, resourceVersion } = res;
    this.isLastSyncResourceVersionUnavailable = false;
    this.replace(items, resourceVersion);
    this.lastSyncResourceVersion = resourceVersion;
    if (this.resyncCheckPeriod > 0) this.addTimer(this.now + this.resyncCheckPeriod, 'resync');
    this.startWatch();
  }

  private startWatch(): void {
    const rv = this.lastSyncResourceVersion;
    const w = this.newWatchState(!(rv === '' || rv === '0'));
    const timeoutSeconds = 300; // reflector.go: 5 to 10 minutes; the simulation takes the minimum
    const fault = this.takeFault('watch');
    const res = fault ? { error: fault } : this.source.watch(rv, w);
    this.logRequest({ verb: 'watch', resourceVersion: rv, allowWatchBookmarks: true, timeoutSeconds, answer: 'error' in res ? `${res.error.code ?? ''} ${res.error.reason ?? ''}`.trim() || res.error.message : `watching (${res.replay.length} replayed)` });
    if ('error' in res) {
      if (isWatchErrorRetriable(res.error)) {
        // "Watch failed - backing off": the same ListAndWatch watches again after the back-off
        this.retryWatchAt = this.now + this.backoff.step(this.now);
        this.addTimer(this.retryWatchAt, 'rewatch');
        return;
      }
      this.listAndWatchEnded(res.error);
      return;
    }
    this.watcher = w;
    for (const e of res.replay) {
      if (this.watcher !== w) break;
      this.handleEvent(w, e);
    }
  }

  /** handleAnyWatch for one event: into the FIFO (processed at once), then lastSyncResourceVersion. */
  private handleEvent(w: WatchState, e: SourceEvent): void {
    const obj = e.object;
    if (this.record) this.logFifo({ type: e.type === 'ADDED' ? 'Added' : e.type === 'MODIFIED' ? 'Updated' : 'Deleted', key: metaNamespaceKey(obj), resourceVersion: obj.metadata.resourceVersion ?? '' });
    if (e.type === 'ADDED') this.processObject(obj);
    else if (e.type === 'MODIFIED') this.processObject(obj);
    else this.processDelete(obj);
    // a MODIFIED or DELETED event sets eventReceivedBesidesAdded for the rest of the stream
    if (e.type !== 'ADDED') w.besidesAdded = true;
    if (w.propagateRVFromStart || w.besidesAdded) this.lastSyncResourceVersion = obj.metadata.resourceVersion ?? '';
    w.events++;
  }

  /** The result channel closed (ResetWatch): a watch under a second with no events is a VeryShortWatchError; otherwise watch again. */
  private watchClosed(w: WatchState): void {
    if (this.watcher !== w) return;
    this.watcher = null;
    if (this.now - w.start < 1000 && w.events === 0) {
      this.listAndWatchEnded(null);
      return;
    }
    this.startWatch();
  }

  /** ListAndWatch returned (with err logged by the watch error handler): stop the resync timer, back off, list again. */
  private listAndWatchEnded(err: Status | null): void {
    // The error (e.g. the 410 of a watch from a forgotten RV) is only logged by the watch error handler;
    // a failed watch request does not mark the RV unavailable, so the relist asks for lastSyncResourceVersion.
    void err;
    if (this.watcher) this.source.stopWatch(this.watcher);
    this.watcher = null;
    this.timers = this.timers.filter((t) => t.kind !== 'resync' && t.kind !== 'rewatch' && t.kind !== 'watchlist');
    this.addTimer(this.now + this.backoff.step(this.now), 'backoff');
  }

  /** startResync: on each tick, if the processor says some listener is due, Resync (AtomicFIFO: one SyncAll). */
  private fireResync(): void {
    if (this.shouldResync()) {
      this.logFifo({ type: 'SyncAll', resourceVersion: this.indexer.lastStoreSyncResourceVersion(), count: this.indexer.size() });
      // processDeltas SyncAll: every cached object as an update to itself
      for (const obj of this.indexer.list()) this.onUpdate(obj, obj);
    }
    this.addTimer(this.now + this.resyncCheckPeriod, 'resync');
  }

  private addTimer(at: number, kind: Timer['kind']): void {
    this.timers.push({ at, kind, seq: this.seq++ });
  }

  // ---- the FIFO's consumer: processDeltas / processReplacedAllInfo on the informer's indexer ----

  private processObject(obj: KubeObject): void {
    const key = metaNamespaceKey(obj);
    const old = this.indexer.getByKey(key);
    this.indexer.storeKeyed(key, obj, old);
    if (old !== undefined) this.onUpdate(old, obj);
    else this.onAdd(obj, !this.fifoSynced);
  }

  private processDelete(obj: KubeObject | DeletedFinalStateUnknown): void {
    this.indexer.delete(obj);
    this.onDelete(obj);
  }

  /** processReplacedAllInfo: tombstones for cached keys the list lacks, the cache replaced, deletions first, then updates/adds in list order. */
  private replace(items: KubeObject[], resourceVersion: string): void {
    this.logFifo({ type: 'ReplacedAll', resourceVersion, count: items.length });
    const isInInitialList = !this.fifoSynced;
    const newKeys = new Set(items.map(deletionHandlingKey));
    const deletions: DeletedFinalStateUnknown[] = [];
    for (const k of this.indexer.listKeys()) {
      if (!newKeys.has(k)) deletions.push({ kind: 'DeletedFinalStateUnknown', key: k, obj: this.indexer.getByKey(k) ?? null });
    }
    const replacements = items.map((obj) => ({ oldObj: this.indexer.get(obj), newObj: obj }));
    this.indexer.replace(items, resourceVersion);
    this.fifoSynced = true; // the Replace was the first item: popping it synced the FIFO
    for (const d of deletions) this.onDelete(d);
    for (const r of replacements) {
      if (r.oldObj !== undefined) this.onUpdate(r.oldObj, r.newObj);
      else this.onAdd(r.newObj, isInInitialList);
    }
  }

  // ---- sharedIndexInformer as the handler, sharedProcessor.distribute ----

  private onAdd(obj: KubeObject, isInInitialList: boolean): void {
    for (const l of this.listeners) this.notify(l, 'add', obj, isInInitialList);
  }

  /** An update whose old and new objects have the same resourceVersion is a sync: only listeners due for a resync get it. */
  private onUpdate(oldObj: KubeObject, newObj: KubeObject): void {
    const isSync = (oldObj.metadata.resourceVersion ?? '') === (newObj.metadata.resourceVersion ?? '');
    for (const l of this.listeners) if (!isSync || l.syncing) this.notify(l, 'update', newObj);
  }

  private onDelete(obj: KubeObject | DeletedFinalStateUnknown): void {
    for (const l of this.listeners) this.notify(l, 'delete', obj);
  }

  /** sharedProcessor.shouldResync: marks each listener due or not, and moves the due ones' next resync on. */
  private shouldResync(): boolean {
    let needed = false;
    for (const l of this.listeners) {
      const due = l.resyncPeriod !== 0 && this.now >= l.nextResync;
      l.syncing = due;
      if (due) {
        needed = true;
        l.nextResync = this.now + l.resyncPeriod;
      }
    }
    return needed;
  }

  /** Every notification is counted; it is kept in `notifications` unless `collect` is off (benchmarks). */
  notificationCount = 0;
  collect = true;

  private notify(l: Listener, type: InformerNotification['type'], obj: KubeObject | DeletedFinalStateUnknown, isInInitialList?: boolean): void {
    this.notificationCount++;
    if (!this.collect) return;
    const key = isTombstone(obj) ? obj.key : metaNamespaceKey(obj);
    const rv = isTombstone(obj) ? (obj.obj?.metadata.resourceVersion ?? '') : (obj.metadata.resourceVersion ?? '');
    const n: InformerNotification = { handler: l.name, op: this.currentOp, type, key, resourceVersion: rv };
    if (type === 'add') n.isInInitialList = isInInitialList ?? false;
    this.notifications.push(n);
    this.notificationTimes.push(this.now);
    this.notificationSeqs.push(this.nextSeq());
  }
}

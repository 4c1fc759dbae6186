// The Reflector: List then Watch (or one WatchList stream), keeping a Store in
// step with the API server. client-go tools/cache/reflector.go
// (ListAndWatchWithContext, list, watchList, watch, handleAnyWatch,
// relistResourceVersion, rewatchResourceVersion) and tools/pager/pager.go.
// One ListAndWatch per call of `listAndWatch`; the server is a script of
// responses (contracts/clientgo.md reflectorScenario).

import type { Status } from './api-errors.ts';
import { isExpiredError, isInternalError, isResourceExpired, isTooLargeResourceVersionError, isTooManyRequests, isWatchErrorRetriable } from './api-errors.ts';
import { Indexer } from './indexer.ts';
import type { KubeObject } from './types.ts';

export type WatchEvent = {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: KubeObject | ({ apiVersion: 'v1'; kind: 'Status'; status: 'Failure' } & Status);
};

export type ServerResponse =
  | { list: { resourceVersion: string; continue?: string; items: KubeObject[] } }
  | { watch: { events: WatchEvent[]; then?: 'stop' | 'close' } }
  | { error: Status };

export type ListOptions = {
  resourceVersion: string;
  resourceVersionMatch?: string;
  limit?: number;
  continue?: string;
  allowWatchBookmarks?: boolean;
  sendInitialEvents?: boolean;
  timeoutSeconds?: number;
};

/** The API server a reflector talks to: answers one list or watch request. Throws Cancelled when the context ends instead. */
export interface ListerWatcher {
  list(opts: ListOptions): { list: { resourceVersion: string; continue?: string; items: KubeObject[] } } | { error: Status };
  watch(opts: ListOptions): WatchStream | { error: Status };
}

/** A watch stream: its events, then how it ends ('stop' = the context is cancelled; 'close' = the server closes it). */
export interface WatchStream {
  events: WatchEvent[];
  then: 'stop' | 'close';
  /** Called as each event is delivered (lets a live server feed events in time order). */
  onEvent?: (index: number) => void;
}

/** The context was cancelled: ListAndWatch returns nil. */
export class Cancelled extends Error {}

// reflector.go defaultMinWatchTimeout; tools/pager defaultPageSize; metav1.InitialEventsAnnotationKey.
const DEFAULT_MIN_WATCH_TIMEOUT_SECONDS = 5 * 60;
const DEFAULT_PAGE_SIZE = 500;
const INITIAL_EVENTS_ANNOTATION = 'k8s.io/initial-events-end';

/** errorStopRequested: the context ended while watching. */
const STOP = Symbol('stop requested');
type WatchOutcome = { error: Status | typeof STOP | 'VeryShortWatch' | null; bookmarkReceived: boolean };

export interface ReflectorOptions {
  useWatchList: boolean;
  expectedType?: { apiVersion: string; kind: string };
  watchListPageSize?: number;
  minWatchTimeoutSeconds?: number;
  lastSyncResourceVersion?: string;
  /** The store the reflector fills (a DeltaFIFO for an informer, an Indexer here by default). */
  store?: ReflectorStore;
  /** Called when a watch is about to start, after a list (or a WatchList's initial events), and when it ends. */
  onWatching?: (watching: boolean) => void;
}

/** reflector.go ReflectorStore: what a reflector writes to. */
export interface ReflectorStore {
  add(obj: KubeObject): void;
  update(obj: KubeObject): void;
  delete(obj: KubeObject): void;
  replace(list: KubeObject[], resourceVersion: string): void;
  bookmark?(rv: string): void;
}

export class Reflector {
  readonly store: ReflectorStore;
  lastSyncResourceVersion: string;
  private isLastSyncResourceVersionUnavailable = false;
  private paginatedResult = false;
  private readonly expected: { apiVersion: string; kind: string };
  readonly typeDescription: string;
  private readonly timeoutSeconds: number;

  constructor(private readonly lw: ListerWatcher, private readonly opts: ReflectorOptions) {
    this.store = opts.store ?? new Indexer();
    this.lastSyncResourceVersion = opts.lastSyncResourceVersion ?? '';
    this.expected = opts.expectedType ?? { apiVersion: 'v1', kind: 'Pod' };
    // getTypeDescriptionFromObject: reflect.TypeOf(&v1.Pod{}).String() -> "*v1.Pod" (the Go package is the version)
    this.typeDescription = `*${this.expected.apiVersion.split('/').pop()}.${this.expected.kind}`;
    // NewReflectorWithOptions: MinWatchTimeout only raises the 5 minute default; the timeout is
    // min + rand*(max-min) with max = 2*min. The simulation takes rand = 0: the minimum.
    const min = opts.minWatchTimeoutSeconds ?? 0;
    this.timeoutSeconds = min > DEFAULT_MIN_WATCH_TIMEOUT_SECONDS ? Math.trunc(min) : DEFAULT_MIN_WATCH_TIMEOUT_SECONDS;
  }

  /** relistResourceVersion: "" after an expired/too-large RV, "0" (any cached state) before the first sync. */
  relistResourceVersion(): string {
    if (this.isLastSyncResourceVersionUnavailable) return '';
    return this.lastSyncResourceVersion === '' ? '0' : this.lastSyncResourceVersion;
  }

  rewatchResourceVersion(): string {
    return this.isLastSyncResourceVersionUnavailable ? '' : this.lastSyncResourceVersion;
  }

  /** ListAndWatchWithContext: the error it returns (a message) or null. */
  listAndWatch(): string | null {
    try {
      return this.listAndWatchInner();
    } catch (e) {
      if (e instanceof Cancelled) return null;
      throw e;
    } finally {
      this.opts.onWatching?.(false);
    }
  }

  private listAndWatchInner(): string | null {
    let w: WatchStream | null = null;
    let fallbackToList = !this.opts.useWatchList;
    let resumeAt = 0;
    if (this.opts.useWatchList) {
      const res = this.watchList();
      if (res === null) return null;
      if ('error' in res) {
        // "Data couldn't be fetched in watchlist mode. Falling back to regular list."
        fallbackToList = true;
      } else {
        w = res.stream;
        resumeAt = res.next;
      }
    }
    if (fallbackToList) {
      const err = this.list();
      if (err !== null) return err;
    }
    this.opts.onWatching?.(true);
    return this.watch(w, resumeAt);
  }

  /** reflector.go list, through a pager (tools/pager ListPager.list with FullListIfExpired). */
  private list(): string | null {
    const options: ListOptions = { resourceVersion: this.relistResourceVersion() };
    let pageSize = DEFAULT_PAGE_SIZE;
    if (this.opts.watchListPageSize) pageSize = this.opts.watchListPageSize;
    else if (this.paginatedResult) {
      // the server paginated a list from the watch cache before: keep the default page size
    } else if (options.resourceVersion !== '' && options.resourceVersion !== '0') pageSize = 0; // a consistent read from etcd: one request
    let result = this.pagerList({ ...options }, pageSize);
    if ('error' in result && (isExpiredError(result.error) || isTooLargeResourceVersionError(result.error))) {
      this.isLastSyncResourceVersionUnavailable = true;
      result = this.pagerList({ resourceVersion: this.relistResourceVersion() }, pageSize);
    }
    if ('error' in result) return `failed to list ${this.typeDescription}: ${result.error.message}`;
    if (options.resourceVersion === '0' && result.paginated) this.paginatedResult = true;
    this.isLastSyncResourceVersionUnavailable = false;
    this.store.replace(result.items, result.resourceVersion);
    this.lastSyncResourceVersion = result.resourceVersion;
    return null;
  }

  private pagerList(options: ListOptions, pageSize: number): { items: KubeObject[]; resourceVersion: string; paginated: boolean } | { error: Status } {
    if (!options.limit) options.limit = pageSize;
    const requestedResourceVersion = options.resourceVersion;
    const requestedResourceVersionMatch = options.resourceVersionMatch;
    let items: KubeObject[] | null = null;
    let resourceVersion = '';
    let paginated = false;
    for (;;) {
      const res = this.lw.list({ ...options });
      if ('error' in res) {
        if (!isResourceExpired(res.error) || !options.continue) return res;
        // the list expired between pages: one full list at the requested resourceVersion
        const full = this.lw.list({ resourceVersion: requestedResourceVersion, ...(requestedResourceVersionMatch ? { resourceVersionMatch: requestedResourceVersionMatch } : {}), limit: 0 });
        if ('error' in full) return full;
        return { items: full.list.items, resourceVersion: full.list.resourceVersion, paginated };
      }
      const page = res.list;
      if (!page.continue && items === null) return { items: page.items, resourceVersion: page.resourceVersion, paginated };
      if (items === null) {
        items = [];
        resourceVersion = page.resourceVersion;
      }
      items.push(...page.items);
      if (!page.continue) return { items, resourceVersion, paginated };
      options.continue = page.continue;
      // "specifying resource version is not allowed when using continue"
      options.resourceVersion = '';
      delete options.resourceVersionMatch;
      paginated = true;
    }
  }

  /** reflector.go watchList: a watch with sendInitialEvents until the initial-events-end bookmark. null = stopped. */
  private watchList(): { stream: WatchStream; next: number } | { error: Status | 'VeryShortWatch' } | null {
    for (;;) {
      const lastKnownRV = this.rewatchResourceVersion();
      const temporaryStore = new Indexer();
      let resourceVersion = '';
      const w = this.lw.watch({
        resourceVersion: lastKnownRV,
        allowWatchBookmarks: true,
        sendInitialEvents: true,
        resourceVersionMatch: 'NotOlderThan',
        timeoutSeconds: this.timeoutSeconds,
      });
      if ('error' in w) {
        if (this.watchListRetriable(w.error)) continue;
        return { error: w.error };
      }
      const outcome = this.handleAnyWatch(w, 0, temporaryStore, true, (rv, besidesAdded) => {
        if (besidesAdded) resourceVersion = rv;
      });
      if (outcome.error === STOP) return null;
      if (outcome.error !== null) {
        if (outcome.error !== 'VeryShortWatch' && this.watchListRetriable(outcome.error)) continue;
        return { error: outcome.error };
      }
      if (outcome.bookmarkReceived) {
        this.isLastSyncResourceVersionUnavailable = false;
        this.store.replace(temporaryStore.list(), resourceVersion);
        this.lastSyncResourceVersion = resourceVersion;
        return { stream: w, next: outcome.next };
      }
    }
  }

  /** watchList's isErrorRetriableWithSideEffectsFn: back off on a 429, forget the RV on an expired or too large one. */
  private watchListRetriable(err: Status): boolean {
    if (isWatchErrorRetriable(err)) return true; // after a back-off, in virtual time
    if (isExpiredError(err) || isTooLargeResourceVersionError(err)) {
      this.isLastSyncResourceVersionUnavailable = true;
      return true;
    }
    return false;
  }

  /** reflector.go watch: watch from lastSyncResourceVersion, again and again while streams end cleanly. */
  private watch(first: WatchStream | null, resumeAt: number): string | null {
    let w = first;
    let from = resumeAt;
    for (;;) {
      let propagateRVFromStart = true;
      if (w === null) {
        const options: ListOptions = { resourceVersion: this.lastSyncResourceVersion, allowWatchBookmarks: true, timeoutSeconds: this.timeoutSeconds };
        if (options.resourceVersion === '' || options.resourceVersion === '0') propagateRVFromStart = false;
        const res = this.lw.watch(options);
        if ('error' in res) {
          if (isWatchErrorRetriable(res.error)) continue; // "Watch failed - backing off"
          return res.error.message;
        }
        w = res;
        from = 0;
      }
      const outcome = this.handleAnyWatch(w, from, this.store, false, (rv, besidesAdded) => {
        if (propagateRVFromStart || besidesAdded) this.lastSyncResourceVersion = rv;
      });
      w = null;
      const err = outcome.error;
      if (err === null) continue;
      if (err === STOP || err === 'VeryShortWatch') return null; // a very short watch: "watch ended with error", logged
      if (isExpiredError(err)) return null; // "Watch closed": the next ListAndWatch relists
      if (isTooManyRequests(err)) continue; // "Watch returned 429 - backing off"
      if (isInternalError(err)) return null; // MaxInternalErrorRetryDuration is 0 by default: no retry
      return null; // "Warning: watch ended with error"
    }
  }

  /** reflector.go handleAnyWatch. */
  private handleAnyWatch(
    w: WatchStream,
    from: number,
    store: ReflectorStore,
    exitOnWatchListBookmarkReceived: boolean,
    setLastSyncResourceVersion: (rv: string, besidesAdded: boolean) => void,
  ): WatchOutcome & { next: number } {
    let bookmarkReceived = false;
    let besidesAdded = false;
    let eventCount = 0;
    for (let i = from; i < w.events.length; i++) {
      w.onEvent?.(i);
      const event = w.events[i];
      if (event.type === 'ERROR') return { error: event.object as unknown as Status, bookmarkReceived, next: i + 1 };
      const obj = event.object as KubeObject;
      // "Unexpected watch event object type": ignored
      if (obj.apiVersion !== this.expected.apiVersion || obj.kind !== this.expected.kind) continue;
      const rv = obj.metadata?.resourceVersion ?? '';
      switch (event.type) {
        case 'ADDED':
          store.add(obj);
          break;
        case 'MODIFIED':
          besidesAdded = true;
          store.update(obj);
          break;
        case 'DELETED':
          besidesAdded = true;
          store.delete(obj);
          break;
        case 'BOOKMARK':
          besidesAdded = true;
          if (obj.metadata?.annotations?.[INITIAL_EVENTS_ANNOTATION] === 'true') bookmarkReceived = true;
          store.bookmark?.(rv);
          break;
      }
      setLastSyncResourceVersion(rv, besidesAdded);
      eventCount++;
      if (exitOnWatchListBookmarkReceived && bookmarkReceived) return { error: null, bookmarkReceived, next: i + 1 };
    }
    if (w.then === 'stop') return { error: STOP, bookmarkReceived, next: w.events.length };
    // The stream closed; with no events at all it took no time: a VeryShortWatchError.
    if (eventCount === 0) return { error: 'VeryShortWatch', bookmarkReceived, next: w.events.length };
    return { error: null, bookmarkReceived, next: w.events.length };
  }
}

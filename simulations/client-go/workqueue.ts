// The work queue a controller's workers take keys from, on a virtual clock.
// client-go util/workqueue: queue.go (Typed: dirty / processing / queue),
// delaying_queue.go (AddAfter and its waiting heap) and rate_limiting_queue.go
// (AddRateLimited = AddAfter(item, rateLimiter.When(item))).
//
// The guarantees a controller relies on, all from queue.go:
// - an item added several times before a worker takes it is queued once (dirty);
// - an item added while a worker processes it is not handed to a second worker:
//   it goes back into the queue when the first calls Done;
// - Get hands items out in the order they were first queued.

import type { Clock, RateLimiter } from './rate-limiters.ts';

/** queue.go Typed[T] with the default FIFO Queue (Touch is a no-op there). */
export class Queue {
  private items: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  shuttingDown = false;
  drain = false;

  /** Add; says what became of the item (for timelines): queued, already waiting (deduplicated), held back behind a worker, or dropped at shutdown. */
  add(item: string): 'queued' | 'deduplicated' | 'behind-worker' | 'shutdown' {
    if (this.shuttingDown) return 'shutdown';
    if (this.dirty.has(item)) return 'deduplicated'; // already queued, or queued again behind a worker (Touch is a no-op)
    this.dirty.add(item);
    if (this.processing.has(item)) return 'behind-worker'; // Done will queue it
    this.push(item);
    return 'queued';
  }

  len(): number {
    return this.items.length - this.head;
  }

  /** Get without blocking: null when Go's Get would wait (empty, not shutting down). */
  get(): { item: string | null; shutdown: boolean } | null {
    if (this.len() === 0) return this.shuttingDown ? { item: null, shutdown: true } : null;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    this.processing.add(item);
    this.dirty.delete(item);
    return { item, shutdown: false };
  }

  done(item: string): void {
    this.processing.delete(item);
    if (this.dirty.has(item)) this.push(item);
  }

  shutDown(): void {
    this.drain = false;
    this.shuttingDown = true;
  }

  /** ShutDownWithDrain; Go then blocks until processing is empty, which a scenario cannot wait for. */
  shutDownWithDrain(): void {
    this.drain = true;
    this.shuttingDown = true;
  }

  isProcessing(item: string): boolean {
    return this.processing.has(item);
  }

  processingCount(): number {
    return this.processing.size;
  }

  private push(item: string): void {
    this.items.push(item);
  }
}

interface WaitFor {
  data: string;
  readyAt: number;
  index: number;
}

/**
 * delaying_queue.go delayingType's waitForPriorityQueue, a container/heap
 * ordered by readyAt, with waitingEntryByData so that an item waits at most
 * once, at the earlier of its ready times (insert). The heap is Go's own
 * algorithm (up/down/Fix), so equal ready times come out as they do in Go.
 */
class WaitingHeap {
  readonly entries: WaitFor[] = [];
  readonly byData = new Map<string, WaitFor>();

  get size(): number {
    return this.entries.length;
  }
  peek(): WaitFor {
    return this.entries[0];
  }
  insert(data: string, readyAt: number): void {
    const existing = this.byData.get(data);
    if (existing) {
      if (existing.readyAt > readyAt) {
        existing.readyAt = readyAt;
        this.fix(existing.index);
      }
      return;
    }
    const entry: WaitFor = { data, readyAt, index: this.entries.length };
    this.entries.push(entry);
    this.up(this.entries.length - 1);
    this.byData.set(data, entry);
  }
  pop(): WaitFor {
    const n = this.entries.length - 1;
    this.swap(0, n);
    this.down(0, n);
    const entry = this.entries.pop() as WaitFor;
    entry.index = -1;
    this.byData.delete(entry.data);
    return entry;
  }
  private less(i: number, j: number): boolean {
    return this.entries[i].readyAt < this.entries[j].readyAt;
  }
  private swap(i: number, j: number): void {
    const a = this.entries[i];
    const b = this.entries[j];
    this.entries[i] = b;
    this.entries[j] = a;
    b.index = i;
    a.index = j;
  }
  private up(j: number): void {
    while (j > 0) {
      const i = (j - 1) >> 1;
      if (!this.less(j, i)) break;
      this.swap(i, j);
      j = i;
    }
  }
  private down(i0: number, n: number): boolean {
    let i = i0;
    for (;;) {
      const j1 = 2 * i + 1;
      if (j1 >= n) break;
      let j = j1;
      const j2 = j1 + 1;
      if (j2 < n && this.less(j2, j1)) j = j2;
      if (!this.less(j, i)) break;
      this.swap(i, j);
      i = j;
    }
    return i > i0;
  }
  private fix(i: number): void {
    if (!this.down(i, this.entries.length)) this.up(i);
  }
}

/** A rate-limiting, delaying work queue on a virtual clock (times in ns). */
export class RateLimitingQueue {
  readonly queue = new Queue();
  private readonly waiting = new WaitingHeap();
  private nowNs = 0;
  readonly clock: Clock = { now: () => this.nowNs };
  private rateLimiter: RateLimiter | null = null;

  /** The limiter reads this queue's clock, so it is given after construction. */
  setRateLimiter(limiter: RateLimiter): void {
    this.rateLimiter = limiter;
  }

  now(): number {
    return this.nowNs;
  }

  add(item: string): void {
    this.queue.add(item);
  }

  /** delayingType.AddAfter: ignored once shutting down; no delay adds at once. */
  addAfter(item: string, delayNs: number): void {
    if (this.queue.shuttingDown) return;
    if (delayNs <= 0) {
      this.queue.add(item);
      return;
    }
    this.waiting.insert(item, this.nowNs + delayNs);
  }

  /** rateLimitingType.AddRateLimited; returns the delay the limiter chose (it counts the failure even when shutting down). */
  addRateLimited(item: string): number {
    const delay = this.limiter().when(item);
    this.addAfter(item, delay);
    return delay;
  }

  forget(item: string): void {
    this.limiter().forget(item);
  }

  numRequeues(item: string): number {
    return this.limiter().numRequeues(item);
  }

  /** The fake clock steps: the waiting loop adds every entry whose readyAt has come, earliest first. */
  advance(ns: number): void {
    this.advanceTo(this.nowNs + ns);
  }

  /** Called with each delayed item as the waiting loop adds it, and what became of it. */
  onDelayedAdd: ((item: string, outcome: ReturnType<Queue['add']>) => void) | null = null;

  advanceTo(t: number): void {
    if (t > this.nowNs) this.nowNs = t;
    // waitingLoop returns once the queue shuts down; its entries are never added.
    if (this.queue.shuttingDown) return;
    while (this.waiting.size > 0 && this.waiting.peek().readyAt <= this.nowNs) {
      const item = this.waiting.pop().data;
      const outcome = this.queue.add(item);
      this.onDelayedAdd?.(item, outcome);
    }
  }

  /** When the next waiting item becomes ready, or null. */
  nextReadyAt(): number | null {
    return this.waiting.size > 0 && !this.queue.shuttingDown ? this.waiting.peek().readyAt : null;
  }

  waitingCount(): number {
    return this.waiting.size;
  }

  /** delayingType.ShutDown: the inner queue's, and the waiting loop stops. */
  shutDown(): void {
    this.queue.shutDown();
  }

  /** ShutDownWithDrain is not overridden by delayingType: the inner queue's (the waiting loop then sees ShuttingDown and returns). */
  shutDownWithDrain(): void {
    this.queue.shutDownWithDrain();
  }

  private limiter(): RateLimiter {
    if (!this.rateLimiter) throw new Error('RateLimitingQueue: no rate limiter');
    return this.rateLimiter;
  }
}

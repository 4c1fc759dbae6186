// Events as the kubelet's recorder writes them, with client-go's aggregation.
//
// src: k8s.io/client-go/tools/record/event.go (event names "<pod>.<hex UnixNano>",
// source {component, host}) and events_cache.go (EventCorrelator: an event
// identical in source, involved object, type, reason and message to one already
// written bumps that event's count and lastTimestamp instead of creating a new one).
// The API server keeps an event for --event-ttl = 1h after its last write, so
// old events disappear from `kubectl describe`.
//
// Not modelled: the EventAggregator's "(combined from similar events): ..." for more
// than 10 events of the same reason with different messages in 10 minutes, and the
// spam filter's token bucket (25 burst, one per 5 minutes per object).

import { rfc3339 } from '../apimachinery/time.ts';
import type { Event } from './types.ts';

export const EVENT_TTL_MS = 60 * 60 * 1000;

export interface EventSubject {
  name: string;
  namespace: string;
  uid: string;
}

/** One event as the simulation tracks it: every occurrence time, so it can be shown as of any moment. */
export interface TrackedEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  fieldPath?: string;
  /** 'kubelet' or 'default-scheduler'. */
  component: string;
  occurrences: number[];
  name: string;
}

/**
 * Records events for one Pod on virtual time.
 *
 * @example
 *   const rec = new EventRecorder({ name: 'web', namespace: 'default', uid: 'u1' }, 'node-a');
 *   rec.record(0, 'Normal', 'Pulling', 'Pulling image "nginx:1.27"', 'spec.containers{web}');
 *   rec.eventsAt(60_000) // → [core/v1 Event with count 1]
 */
export class EventRecorder {
  /**
   * Kubelet events by message, then matched on the other fields: one short key
   * instead of a long joined one built and hashed on every repeat (a crash loop
   * repeats the same few events thousands of times).
   */
  private readonly byMessage = new Map<string, TrackedEvent[]>();
  readonly all: TrackedEvent[] = [];
  private seq = 0;

  /**
   * `epochMs`: Unix milliseconds of virtual time 0. Occurrence times passed to
   * `record` are virtual (relative to it); the Events carry absolute timestamps.
   */
  constructor(
    readonly subject: EventSubject,
    readonly nodeName: string,
    readonly epochMs = 0,
  ) {}

  /** A kubelet event; aggregated with an identical earlier one. Returns the tracked event. */
  record(atMs: number, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): TrackedEvent {
    return this.add(atMs, type, reason, message, fieldPath, 'kubelet');
  }

  /** The scheduler's Scheduled event (written through events.k8s.io: eventTime, no count). */
  scheduled(atMs: number): TrackedEvent {
    const message = `Successfully assigned ${this.subject.namespace}/${this.subject.name} to ${this.nodeName}`;
    return this.add(atMs, 'Normal', 'Scheduled', message, undefined, 'default-scheduler');
  }

  /** Another occurrence of an event already tracked (a repeated sync replays its events this way). */
  repeat(tracked: TrackedEvent, atMs: number): void {
    this.seq++;
    tracked.occurrences.push(atMs);
  }

  /** Total occurrences recorded (the engine's event cap counts these). */
  get occurrenceCount(): number {
    return this.seq;
  }

  private add(
    atMs: number,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    fieldPath: string | undefined,
    component: string,
  ): TrackedEvent {
    this.seq++;
    const sameMessage = component === 'kubelet' ? this.byMessage.get(message) : undefined;
    const existing = sameMessage?.find((e) => e.reason === reason && e.type === type && e.fieldPath === fieldPath);
    if (existing) {
      existing.occurrences.push(atMs);
      return existing;
    }
    // record.makeEvent: fmt.Sprintf("%v.%x", ref.Name, t.UnixNano()); a sequence number keeps names unique.
    const nanos = BigInt(Math.round(this.epochMs + atMs)) * 1_000_000n + BigInt(this.seq);
    const tracked: TrackedEvent = {
      type,
      reason,
      message,
      fieldPath,
      component,
      occurrences: [atMs],
      name: `${this.subject.name}.${nanos.toString(16)}`,
    };
    if (component === 'kubelet') {
      if (sameMessage) sameMessage.push(tracked);
      else this.byMessage.set(message, [tracked]);
    }
    this.all.push(tracked);
    return tracked;
  }

  /**
   * The core/v1 Events that exist at `atMs`: occurrences up to then, minus those
   * whose last write is more than the 1 h TTL ago. Sorted by first occurrence.
   */
  eventsAt(atMs: number): Event[] {
    const out: Event[] = [];
    for (const e of this.all) {
      const seen = countUpTo(e.occurrences, atMs);
      if (seen === 0) continue;
      const last = e.occurrences[seen - 1];
      if (atMs - last > EVENT_TTL_MS) continue;
      out.push(this.toEvent(e, seen));
    }
    return out;
  }

  /** The API object for a tracked event after its first `seen` occurrences. */
  toEvent(e: TrackedEvent, seen = e.occurrences.length): Event {
    const first = this.epochMs + e.occurrences[0];
    const last = this.epochMs + e.occurrences[seen - 1];
    const involvedObject: Event['involvedObject'] = {
      apiVersion: 'v1',
      kind: 'Pod',
      name: this.subject.name,
      namespace: this.subject.namespace,
      uid: this.subject.uid,
    };
    if (e.fieldPath) involvedObject.fieldPath = e.fieldPath;
    if (e.component === 'default-scheduler') {
      return {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name: e.name, namespace: this.subject.namespace, creationTimestamp: rfc3339(first) },
        involvedObject,
        reason: e.reason,
        message: e.message,
        type: e.type,
        firstTimestamp: null,
        lastTimestamp: null,
        eventTime: microTime(first),
        action: 'Binding',
        source: {},
        reportingComponent: 'default-scheduler',
        reportingInstance: 'default-scheduler',
      };
    }
    return {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: e.name, namespace: this.subject.namespace, creationTimestamp: rfc3339(first) },
      involvedObject,
      reason: e.reason,
      message: e.message,
      type: e.type,
      count: seen,
      firstTimestamp: rfc3339(first),
      lastTimestamp: rfc3339(last),
      eventTime: null,
      source: { component: 'kubelet', host: this.nodeName },
      reportingComponent: 'kubelet',
      reportingInstance: this.nodeName,
    };
  }
}

/** metav1.MicroTime's JSON form: RFC 3339 with six fractional digits. */
function microTime(ms: number): string {
  const iso = new Date(Math.floor(ms)).toISOString(); // 2025-01-01T00:00:00.123Z
  return `${iso.slice(0, 23)}000Z`;
}

/** How many sorted occurrence times are ≤ atMs (binary search: long crash loops have thousands). */
function countUpTo(times: readonly number[], atMs: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid] <= atMs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

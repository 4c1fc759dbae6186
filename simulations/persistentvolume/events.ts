// The event recorder the actors share, aggregated as client-go's EventCorrelator does
// (same object, type, reason, message and source: one Event with count, firstTimestamp and
// lastTimestamp). src: staging/src/k8s.io/client-go/tools/record/events_cache.go
// (EventAggregator / eventLogger), as `kubectl describe` then shows "9s (x3 over 15s)".

export interface RecordedEvent {
  /** "PersistentVolumeClaim", "Pod", "PersistentVolume", "StatefulSet". */
  kind: string;
  namespace: string;
  name: string;
  /** The involved object's uid: `kubectl describe` shows only the events of this very object, not of an earlier one of the same name. */
  uid?: string;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  /** The reporting component, as the From column prints it. */
  source: string;
  count: number;
  /** Virtual ms since t = 0. */
  firstMs: number;
  lastMs: number;
}

export class EventRecorder {
  readonly events: RecordedEvent[] = [];
  private readonly index = new Map<string, RecordedEvent>();
  dropped = 0;

  constructor(private readonly max: number, private readonly now: () => number) {}

  record(e: Omit<RecordedEvent, 'count' | 'firstMs' | 'lastMs'>): void {
    const key = [e.kind, e.namespace, e.name, e.uid ?? '', e.type, e.reason, e.message, e.source].join('\u0000');
    const at = this.now();
    const known = this.index.get(key);
    if (known) {
      known.count++;
      known.lastMs = at;
      return;
    }
    if (this.events.length >= this.max) {
      this.dropped++;
      return;
    }
    const ev: RecordedEvent = { ...e, count: 1, firstMs: at, lastMs: at };
    this.events.push(ev);
    this.index.set(key, ev);
  }

  /** The events of one object (of this uid when given). */
  of(kind: string, namespace: string, name: string, uid?: string): RecordedEvent[] {
    return this.events.filter((e) => e.kind === kind && e.namespace === namespace && e.name === name && (uid === undefined || e.uid === undefined || e.uid === uid));
  }
}

export type RecordEvent = EventRecorder['record'];

/** A recorded event as the core/v1 Event the recorder writes (what `kubectl describe` reads). */
export function toEventObject(e: RecordedEvent, index: number, involvedUid: string, epochMs: number): Record<string, unknown> {
  const ts = (ms: number) => new Date(epochMs + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${e.name}.${index}`, namespace: e.namespace || 'default' },
    involvedObject: { apiVersion: 'v1', kind: e.kind, name: e.name, namespace: e.namespace, uid: involvedUid },
    reason: e.reason,
    message: e.message,
    type: e.type,
    count: e.count,
    firstTimestamp: ts(e.firstMs),
    lastTimestamp: ts(e.lastMs),
    source: { component: e.source },
  };
}

// The taint eviction controller (formerly the NoExecute taint manager): Pods on
// a node with NoExecute taints they do not tolerate are deleted, at once or
// after the smallest tolerationSeconds of the tolerations that matched.
// src: pkg/controller/tainteviction/taint_eviction.go (getNoExecuteTaints,
// getMinTolerationTime, processPodOnNode, handlePodUpdate, handleNodeUpdate)
// and timed_workers.go (a timer per Pod, fired at its trigger time),
// pkg/apis/core/v1/helper/helpers.go GetMatchingTolerations.

import { asList, asObject, asString } from '../apimachinery/json.ts';
import { toleratesTaint } from '../shared/taints.ts';

export interface Taint { key: string; value: string; effect: string }
export interface Toleration { key: string; operator: string; value: string; effect: string; tolerationSeconds?: number | null }

export function readTaints(node: unknown): Taint[] {
  return asList(asObject(asObject(node)?.spec)?.taints).map((t) => {
    const o = asObject(t) ?? {};
    return { key: asString(o.key), value: asString(o.value), effect: asString(o.effect) };
  });
}

export function readTolerations(pod: unknown): Toleration[] {
  return asList(asObject(asObject(pod)?.spec)?.tolerations).map((t) => {
    const o = asObject(t) ?? {};
    return { key: asString(o.key), operator: asString(o.operator), value: asString(o.value), effect: asString(o.effect),
      tolerationSeconds: typeof o.tolerationSeconds === 'number' ? o.tolerationSeconds : null };
  });
}

/** getNoExecuteTaints: only NoExecute taints evict. */
export function noExecuteTaints(taints: readonly Taint[]): Taint[] {
  return taints.filter((t) => t.effect === 'NoExecute');
}

/**
 * getMinTolerationTime, in seconds: 0 without tolerations, -1 when none of them
 * has tolerationSeconds (tolerate forever), 0 as soon as one is <= 0, else the smallest.
 *
 * @example
 *   getMinTolerationTime([{ tolerationSeconds: 1 }, { tolerationSeconds: 2 }]) // 1
 *   getMinTolerationTime([{ tolerationSeconds: null }])                        // -1
 */
export function getMinTolerationTime(tolerations: readonly unknown[]): number {
  const list = Array.isArray(tolerations) ? tolerations : [];
  if (list.length === 0) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const t of list) {
    const s = asObject(t)?.tolerationSeconds;
    if (typeof s !== 'number') continue;
    if (s <= 0) return 0;
    if (s < min) min = s;
  }
  return min === Number.POSITIVE_INFINITY ? -1 : min;
}

/** v1helper.GetMatchingTolerations: every taint tolerated, and the first toleration that tolerated each. */
export function getMatchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[]): { allTolerated: boolean; used: Toleration[] } {
  if (taints.length === 0) return { allTolerated: true, used: [] };
  if (tolerations.length === 0) return { allTolerated: false, used: [] };
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((tol) => toleratesTaint(tol, taint));
    if (!t) return { allTolerated: false, used: [] };
    used.push(t);
  }
  return { allTolerated: true, used };
}

export interface TaintEvictionEvent {
  at: number; // ms
  pod: string;
  reason: 'TaintManagerEviction';
  message: string;
  /** Why, for the trace. */
  detail: string;
}

interface Work { createdAt: number; fireAt: number }

/**
 * One taint eviction controller on a virtual clock (milliseconds). The caller
 * tells it about node and Pod changes and asks which timers are due; it never
 * deletes anything itself.
 */
export class TaintEvictionController {
  readonly taintedNodes = new Map<string, Taint[]>();
  readonly work = new Map<string, Work>();
  readonly events: TaintEvictionEvent[] = [];

  private cancel(key: string, nowMs: number): void {
    if (this.work.delete(key)) {
      this.events.push({ at: nowMs, pod: key, reason: 'TaintManagerEviction', message: `Cancelling deletion of Pod ${key}`, detail: 'scheduled deletion cancelled' });
    }
  }

  /** processPodOnNode */
  processPodOnNode(key: string, tolerations: readonly Toleration[], taints: readonly Taint[], nowMs: number): string {
    if (taints.length === 0) this.cancel(key, nowMs);
    const { allTolerated, used } = getMatchingTolerations(taints, tolerations);
    if (!allTolerated) {
      this.cancel(key, nowMs);
      this.work.set(key, { createdAt: nowMs, fireAt: nowMs });
      return 'a NoExecute taint is not tolerated: delete now';
    }
    const min = getMinTolerationTime(used);
    if (min < 0) {
      this.cancel(key, nowMs);
      return 'tolerated forever (no tolerationSeconds): no deletion';
    }
    let startTime = nowMs;
    const triggerTime = nowMs + min * 1000;
    const scheduled = this.work.get(key);
    if (scheduled) {
      startTime = scheduled.createdAt;
      // An eviction already scheduled earlier keeps its time: lengthening a toleration does not help.
      if (startTime + min * 1000 < triggerTime) return `deletion already scheduled at ${scheduled.fireAt / 1000} s`;
      this.cancel(key, nowMs);
    }
    this.work.set(key, { createdAt: startTime, fireAt: triggerTime });
    return `tolerated for ${min} s: delete at ${triggerTime / 1000} s`;
  }

  /** handleNodeUpdate (nodeName's node, or null when deleted), over the Pods bound to it. */
  nodeUpdated(nodeName: string, node: unknown | null, podsOnNode: readonly unknown[], nowMs: number): string[] {
    const notes: string[] = [];
    if (node === null) { this.taintedNodes.delete(nodeName); return notes; }
    const taints = noExecuteTaints(readTaints(node));
    if (taints.length === 0) this.taintedNodes.delete(nodeName);
    else this.taintedNodes.set(nodeName, taints);
    if (podsOnNode.length === 0) return notes;
    for (const pod of podsOnNode) {
      const key = podKeyOf(pod);
      if (taints.length === 0) { this.cancel(key, nowMs); continue; }
      notes.push(`${key}: ${this.processPodOnNode(key, readTolerations(pod), taints, nowMs)}`);
    }
    return notes;
  }

  /** handlePodUpdate (null when the Pod is gone). */
  podUpdated(key: string, pod: unknown | null, nowMs: number): string | undefined {
    if (pod === null) { this.cancel(key, nowMs); return undefined; }
    const nodeName = asString(asObject(asObject(pod)?.spec)?.nodeName);
    if (nodeName === '') return undefined;
    const taints = this.taintedNodes.get(nodeName);
    if (!taints) return undefined;
    return `${key}: ${this.processPodOnNode(key, readTolerations(pod), taints, nowMs)}`;
  }

  /** The next timer, or undefined. */
  nextFireAt(): number | undefined {
    let next: number | undefined;
    for (const w of this.work.values()) if (next === undefined || w.fireAt < next) next = w.fireAt;
    return next;
  }

  /** Timers due at nowMs, in trigger order; they are removed (their deletion is the caller's). */
  takeDue(nowMs: number): string[] {
    const due = [...this.work.entries()].filter(([, w]) => w.fireAt <= nowMs).sort((a, b) => a[1].fireAt - b[1].fireAt).map(([k]) => k);
    for (const k of due) {
      this.work.delete(k);
      this.events.push({ at: nowMs, pod: k, reason: 'TaintManagerEviction', message: `Marking for deletion Pod ${k}`, detail: 'NoExecute taint not tolerated (any more)' });
    }
    return due;
  }
}

export function podKeyOf(pod: unknown): string {
  const meta = asObject(asObject(pod)?.metadata);
  return `${asString(meta?.namespace) || 'default'}/${asString(meta?.name)}`;
}

export interface TimelineEvent { at: number; node?: unknown; pod?: unknown }

/**
 * Drive one taint eviction controller through node and Pod events (times in
 * seconds from the start). Events apply in time order (array order at equal
 * times); a timer due at an event's time fires after that time's events.
 *
 * @example
 *   taintEvictionTimeline({ events: [{ at: 0, pod: pod1 }, { at: 0, pod: pod2Tolerating1s }, { at: 0, node: node1Tainted }], until: 1.5 })
 *   // { deleted: [{ pod: 'default/pod1', at: 0 }, { pod: 'default/pod2', at: 1 }], pending: [] }
 */
export function taintEvictionTimeline(scenario: { events: TimelineEvent[]; until: number }): { deleted: { pod: string; at: number }[]; pending: { pod: string; at: number }[] } {
  const s = asObject(scenario) ?? {};
  const untilMs = Math.round((typeof s.until === 'number' ? s.until : 0) * 1000);
  const events = asList(s.events).map((e, i) => ({ e: asObject(e) ?? {}, i }))
    .map(({ e, i }) => ({ at: Math.round((typeof e.at === 'number' ? e.at : 0) * 1000), node: e.node, pod: e.pod, i }))
    .sort((a, b) => a.at - b.at || a.i - b.i);
  const tc = new TaintEvictionController();
  const pods = new Map<string, unknown>();
  const deleted: { pod: string; at: number }[] = [];

  const fire = (upTo: number, inclusive: boolean) => {
    for (;;) {
      const next = tc.nextFireAt();
      if (next === undefined || (inclusive ? next > upTo : next >= upTo)) return;
      for (const key of tc.takeDue(next)) {
        if (pods.has(key)) { pods.delete(key); deleted.push({ pod: key, at: next / 1000 }); }
      }
    }
  };
  const podsOn = (nodeName: string) => [...pods.values()].filter((p) => asString(asObject(asObject(p)?.spec)?.nodeName) === nodeName);

  for (const ev of events) {
    if (ev.at > untilMs) break;
    fire(ev.at, false);
    if (ev.pod !== undefined && ev.pod !== null) {
      const key = podKeyOf(ev.pod);
      pods.set(key, ev.pod);
      tc.podUpdated(key, ev.pod, ev.at);
    }
    if (ev.node !== undefined && ev.node !== null) {
      const name = asString(asObject(asObject(ev.node)?.metadata)?.name);
      tc.nodeUpdated(name, ev.node, podsOn(name), ev.at);
    }
    fire(ev.at, true);
  }
  fire(untilMs, true);
  const pending = [...tc.work.entries()].map(([pod, w]) => ({ pod, at: w.fireAt / 1000 })).sort((a, b) => a.at - b.at);
  return { deleted, pending };
}

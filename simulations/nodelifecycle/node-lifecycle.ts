// The node lifecycle controller: it watches the kubelets' heartbeats (the Node's
// Ready condition and its Lease in kube-node-lease), marks a silent node Unknown
// after the grace period, taints it (NoSchedule at once, NoExecute through a
// rate-limited per-zone queue), marks its Pods NotReady, and slows or stops
// tainting when a whole zone (or the whole cluster) looks down.
// src: pkg/controller/nodelifecycle/node_lifecycle_controller.go (monitorNodeHealth,
// tryUpdateNodeHealth, processTaintBaseEviction, markNodeForTainting,
// markNodeAsReachable, doNoScheduleTaintingPass, doNoExecuteTaintingPass,
// handleDisruption, ComputeZoneState, setLimiterInZone, ReducedQPSFunc),
// scheduler/rate_limited_queue.go (RateLimitedTimedQueue, SwapLimiter),
// pkg/controller/util/node/controller_utils.go (MarkPodsNotReady, RecordNodeStatusChange),
// pkg/controller/controller_utils.go (SwapNodeControllerTaint), component-helpers nodetopology GetZoneKey.

import { asList, asObject, asString } from '../apimachinery/json.ts';
import { rfc3339, toMs } from '../apimachinery/time.ts';

export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const LEASE_NAMESPACE = 'kube-node-lease';
const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';

/** nodeConditionToTaintKeyStatusMap */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

export interface NodeCondition {
  type: string; status: string; reason?: string; message?: string;
  lastHeartbeatTime?: string; lastTransitionTime?: string;
}
export interface NodeTaint { key: string; value?: string; effect: string; timeAdded?: string }

export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

export interface NodeLifecycleOptions {
  nodeMonitorGracePeriod?: number; // s, 50 since v1.32
  nodeStartupGracePeriod?: number; // s, 60
  largeClusterThreshold?: number; // 50
  unhealthyZoneThreshold?: number; // 0.55
  evictionLimiterQPS?: number; // 0.1
  secondaryEvictionLimiterQPS?: number; // 0.01
}

export interface ControllerAction {
  at: number; // ms
  node: string;
  kind: 'status' | 'taint-add' | 'taint-remove' | 'pod-not-ready' | 'event' | 'zone';
  title: string;
  source: string;
  detail?: string;
}

/** nodetopology.GetZoneKey: "region:\x00:zone", or "" without either label. */
export function zoneKeyOf(node: unknown): string {
  const labels = asObject(asObject(asObject(node)?.metadata)?.labels) ?? {};
  const region = asString(labels['topology.kubernetes.io/region']) || asString(labels['failure-domain.beta.kubernetes.io/region']);
  const zone = asString(labels['topology.kubernetes.io/zone']) || asString(labels['failure-domain.beta.kubernetes.io/zone']);
  if (region === '' && zone === '') return '';
  return `${region}:\x00:${zone}`;
}

/** A token bucket on the virtual clock (flowcontrol.NewTokenBucketRateLimiter, burst 1); qps 0 never accepts. */
class TokenBucket {
  private tokens: number;
  constructor(readonly qps: number, private last: number, readonly burst = 1) { this.tokens = qps > 0 ? burst : 0; }
  tryAccept(now: number): boolean {
    if (this.qps <= 0) return false;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = Math.max(this.last, now);
    if (this.tokens >= 1) { this.tokens -= 1; return true; }
    return false;
  }
}

/** RateLimitedTimedQueue: a set of node names ordered by processAt, drained through a limiter. */
class RateLimitedTimedQueue {
  items: { value: string; processAt: number; seq: number }[] = [];
  private seq = 0;
  constructor(public limiter: TokenBucket) {}
  add(value: string, now: number): boolean {
    if (this.items.some((i) => i.value === value)) return false;
    this.items.push({ value, processAt: now, seq: this.seq++ });
    return true;
  }
  remove(value: string): boolean {
    const before = this.items.length;
    this.items = this.items.filter((i) => i.value !== value);
    return this.items.length !== before;
  }
  swapLimiter(qps: number, now: number): void {
    if (this.limiter.qps === qps) return;
    const next = new TokenBucket(qps, now);
    // "If we're currently waiting on limiter, we drain the new one"
    if (qps > 0 && !this.limiter.tryAccept(now)) next.tryAccept(now);
    this.limiter = next;
  }
  /** Try: process the queue head while the limiter lets it. Each processed node costs 1 ms of the pass (its API call), so a high QPS drains several in one pass. */
  try(start: number, fn: (value: string) => { ok: boolean; waitMs: number }): void {
    let now = start;
    for (;; now += 1) {
      this.items.sort((a, b) => a.processAt - b.processAt || a.seq - b.seq);
      const head = this.items[0];
      if (!head) return;
      if (!this.limiter.tryAccept(now)) return;
      if (now < head.processAt) return;
      const r = fn(head.value);
      if (!r.ok) { head.processAt = now + r.waitMs + 1e-6; continue; }
      this.items.shift();
    }
  }
}

interface NodeHealth {
  status: unknown;
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  leaseRenewTime?: number;
}

const readyOf = (status: unknown): NodeCondition | undefined =>
  asList(asObject(status)?.conditions).map((c) => asObject(c) as unknown as NodeCondition).find((c) => c && c.type === 'Ready');

const sameInstant = (a?: string, b?: string) => (toMs(a ?? null) ?? NaN) === (toMs(b ?? null) ?? NaN) || (a === undefined && b === undefined);

export interface PodStore { all(): unknown[]; setReadyFalse(key: string): void }

/**
 * One node lifecycle controller. `pass(now, nodes, leases, pods)` runs
 * monitorNodeHealth, then the NoSchedule tainting pass for every node, then the
 * NoExecute tainting pass, mutating the node objects (status, spec.taints) and
 * Pods (Ready=False) it is given, as its API writes would.
 */
export class NodeLifecycleController {
  readonly gracePeriodMs: number;
  readonly startupGraceMs: number;
  readonly largeClusterThreshold: number;
  readonly unhealthyZoneThreshold: number;
  readonly qps: number;
  readonly secondaryQps: number;
  readonly knownNodes = new Set<string>();
  readonly health = new Map<string, NodeHealth>();
  readonly zoneStates = new Map<string, ZoneState>();
  readonly tainters = new Map<string, RateLimitedTimedQueue>();
  readonly statusUpdates = new Map<string, number>();
  readonly lastWrittenStatus = new Map<string, unknown>();
  readonly podsMarkedNotReady = new Map<string, string[]>();
  readonly actions: ControllerAction[] = [];

  constructor(options: NodeLifecycleOptions = {}) {
    const o = asObject(options) ?? {};
    const n = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) ? v : d);
    this.gracePeriodMs = n(o.nodeMonitorGracePeriod, 50) * 1000;
    this.startupGraceMs = n(o.nodeStartupGracePeriod, 60) * 1000;
    this.largeClusterThreshold = n(o.largeClusterThreshold, 50);
    this.unhealthyZoneThreshold = n(o.unhealthyZoneThreshold, 0.55);
    this.qps = n(o.evictionLimiterQPS, 0.1);
    this.secondaryQps = n(o.secondaryEvictionLimiterQPS, 0.01);
  }

  private act(at: number, node: string, kind: ControllerAction['kind'], title: string, source: string, detail?: string) {
    this.actions.push({ at, node, kind, title, source, ...(detail ? { detail } : {}) });
  }

  private taintsOf(node: Record<string, unknown>): NodeTaint[] {
    return asList(asObject(node.spec)?.taints).map((t) => ({ ...(asObject(t) as unknown as NodeTaint) }));
  }

  private setTaints(node: Record<string, unknown>, taints: NodeTaint[]) {
    const spec = { ...(asObject(node.spec) ?? {}) } as Record<string, unknown>;
    if (taints.length > 0) spec.taints = taints; else delete spec.taints;
    node.spec = spec;
  }

  /** SwapNodeControllerTaint: add (with timeAdded) and remove taints matched by key and effect. */
  private swapTaints(node: Record<string, unknown>, add: NodeTaint[], remove: NodeTaint[], now: number, why: string): boolean {
    const name = asString(asObject(node.metadata)?.name);
    let taints = this.taintsOf(node);
    const match = (a: NodeTaint, b: NodeTaint) => a.key === b.key && a.effect === b.effect;
    for (const t of add) {
      if (taints.some((x) => match(x, t))) continue;
      taints.push({ key: t.key, effect: t.effect, timeAdded: rfc3339(now) });
      this.act(now, name, 'taint-add', `taint ${t.key}:${t.effect} added to node ${name}`, 'pkg/controller/controller_utils.go SwapNodeControllerTaint', why);
    }
    for (const t of remove) {
      if (!taints.some((x) => match(x, t))) continue;
      taints = taints.filter((x) => !match(x, t));
      this.act(now, name, 'taint-remove', `taint ${t.key}:${t.effect} removed from node ${name}`, 'pkg/controller/controller_utils.go SwapNodeControllerTaint', why);
    }
    this.setTaints(node, taints);
    return true;
  }

  private tainter(zone: string, now: number): RateLimitedTimedQueue {
    let q = this.tainters.get(zone);
    if (!q) { q = new RateLimitedTimedQueue(new TokenBucket(this.qps, now)); this.tainters.set(zone, q); }
    return q;
  }

  private markNodeAsReachable(node: Record<string, unknown>, now: number, why: string): boolean {
    this.swapTaints(node, [], [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' }, { key: TAINT_NOT_READY, effect: 'NoExecute' }], now, why);
    return this.tainter(zoneKeyOf(node), now).remove(asString(asObject(node.metadata)?.name));
  }

  /** tryUpdateNodeHealth: returns the ready condition observed and the one now current. */
  private tryUpdateNodeHealth(node: Record<string, unknown>, lease: unknown, now: number): { observed: NodeCondition; current: NodeCondition | undefined } {
    const name = asString(asObject(node.metadata)?.name);
    const created = asString(asObject(node.metadata)?.creationTimestamp);
    const createdMs = toMs(created) ?? now;
    let health = this.health.get(name);
    let gracePeriod: number;
    let observed: NodeCondition;
    const currentReady = readyOf(node.status);
    if (!currentReady) {
      // Never posted: a fake Unknown condition dated at creation, and the startup grace period.
      observed = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: created, lastTransitionTime: created };
      gracePeriod = this.startupGraceMs;
      if (health) health.status = node.status;
      else health = { status: node.status, probeTimestamp: createdMs, readyTransitionTimestamp: createdMs };
    } else {
      observed = { ...currentReady };
      gracePeriod = this.gracePeriodMs;
    }
    const saved = health ? readyOf(health.status) : undefined;
    const savedLease = health?.leaseRenewTime;
    if (!health) {
      health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
    } else if (!saved && currentReady) {
      health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
    } else if (saved && !currentReady) {
      health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
    } else if (saved && currentReady && !sameInstant(saved.lastHeartbeatTime, currentReady.lastHeartbeatTime)) {
      const transition = !sameInstant(saved.lastTransitionTime, currentReady.lastTransitionTime) ? now : health.readyTransitionTimestamp;
      health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: transition, leaseRenewTime: savedLease };
    }
    // Always update the probe time when the Lease was renewed.
    const renew = toMs(asString(asObject(asObject(lease)?.spec)?.renewTime) || null);
    if (renew !== null && (savedLease === undefined || savedLease < renew)) {
      health.leaseRenewTime = renew;
      health.probeTimestamp = now;
    }
    let current = readyOf(node.status);
    if (now > health.probeTimestamp + gracePeriod) {
      const status = { ...(asObject(node.status) ?? {}) } as Record<string, unknown>;
      const conditions = asList(status.conditions).map((c) => ({ ...(asObject(c) as unknown as NodeCondition) }));
      for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
        const c = conditions.find((x) => x.type === type);
        if (!c) {
          conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: created, lastTransitionTime: rfc3339(now) });
        } else if (c.status !== 'Unknown') {
          c.status = 'Unknown';
          c.reason = 'NodeStatusUnknown';
          c.message = 'Kubelet stopped posting node status.';
          c.lastTransitionTime = rfc3339(now);
        }
      }
      status.conditions = conditions;
      const after = conditions.find((x) => x.type === 'Ready');
      const changed = !(after && after.status === observed.status && after.reason === observed.reason && after.message === observed.message
        && sameInstant(after.lastHeartbeatTime, observed.lastHeartbeatTime) && sameInstant(after.lastTransitionTime, observed.lastTransitionTime));
      if (changed) {
        node.status = status;
        this.statusUpdates.set(name, (this.statusUpdates.get(name) ?? 0) + 1);
        this.lastWrittenStatus.set(name, JSON.parse(JSON.stringify(status)));
        const silence = (now - health.probeTimestamp) / 1000;
        this.act(now, name, 'status', `node ${name}: Ready=Unknown (${after?.reason})`, 'pkg/controller/nodelifecycle/node_lifecycle_controller.go tryUpdateNodeHealth',
          `no status update or Lease renewal for ${silence} s > grace period ${gracePeriod / 1000} s`);
        health = { status: node.status, probeTimestamp: health.probeTimestamp, readyTransitionTimestamp: now, leaseRenewTime: renew ?? health.leaseRenewTime };
        current = after;
      }
    }
    this.health.set(name, health);
    return { observed, current };
  }

  /** ComputeZoneState */
  computeZoneState(conds: (NodeCondition | undefined)[]): { unhealthy: number; state: ZoneState } {
    let ready = 0, notReady = 0;
    for (const c of conds) { if (c && c.status === 'True') ready++; else notReady++; }
    if (ready === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' };
    if (notReady > 2 && notReady / (notReady + ready) >= this.unhealthyZoneThreshold) return { unhealthy: notReady, state: 'PartialDisruption' };
    return { unhealthy: notReady, state: 'Normal' };
  }

  private setLimiterInZone(zone: string, size: number, state: ZoneState, now: number) {
    const q = this.tainter(zone, now);
    if (state === 'Normal') q.swapLimiter(this.qps, now);
    // ReducedQPSFunc: a small cluster stops, a large one slows down.
    else if (state === 'PartialDisruption') q.swapLimiter(size > this.largeClusterThreshold ? this.secondaryQps : 0, now);
    // HealthyQPSFunc: a fully disrupted zone is tainted at the normal rate.
    else if (state === 'FullDisruption') q.swapLimiter(this.qps, now);
  }

  private handleDisruption(zoneConds: Map<string, (NodeCondition | undefined)[]>, nodes: Record<string, unknown>[], now: number) {
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [k, v] of zoneConds) {
      const { state } = this.computeZoneState(v);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(k, state);
      if (!this.zoneStates.has(k)) this.zoneStates.set(k, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [k, v] of [...this.zoneStates]) {
      if (!zoneConds.has(k)) { this.zoneStates.delete(k); continue; }
      if (v !== 'FullDisruption') { allWasFullyDisrupted = false; break; }
    }
    const src = 'pkg/controller/nodelifecycle/node_lifecycle_controller.go handleDisruption';
    if (!allAreFullyDisrupted || !allWasFullyDisrupted) {
      if (allAreFullyDisrupted) {
        this.act(now, '', 'zone', 'all Nodes are not-Ready: entering master disruption mode (no NoExecute taints, taints removed)', src,
          'when every zone looks down the problem is more likely the control plane\'s own network than every node');
        for (const node of nodes) this.markNodeAsReachable(node, now, 'master disruption mode');
        for (const k of this.zoneStates.keys()) this.tainter(k, now).swapLimiter(0, now);
        for (const k of this.zoneStates.keys()) this.zoneStates.set(k, 'FullDisruption');
        return;
      }
      if (allWasFullyDisrupted) {
        this.act(now, '', 'zone', 'some Nodes are Ready: exiting master disruption mode', src);
        for (const node of nodes) {
          const h = this.health.get(asString(asObject(node.metadata)?.name));
          if (h) { h.probeTimestamp = now; h.readyTransitionTimestamp = now; }
        }
        for (const k of this.zoneStates.keys()) {
          this.setLimiterInZone(k, zoneConds.get(k)?.length ?? 0, newStates.get(k) ?? 'Normal', now);
          this.zoneStates.set(k, newStates.get(k) ?? 'Normal');
        }
        return;
      }
      for (const [k, v] of [...this.zoneStates]) {
        const ns = newStates.get(k) ?? 'Normal';
        if (v === ns) continue;
        if (v !== 'Initial' || ns !== 'Normal') this.act(now, '', 'zone', `zone ${JSON.stringify(k.replace('\x00', ''))} is now in state ${ns}`, src);
        this.setLimiterInZone(k, zoneConds.get(k)?.length ?? 0, ns, now);
        this.zoneStates.set(k, ns);
      }
    }
  }

  /** One pass at `now` (ms) over the cluster's nodes (mutated), leases by node name, and a Pod store. */
  pass(now: number, nodes: Record<string, unknown>[], leases: Map<string, unknown>, pods: PodStore): void {
    const src = 'pkg/controller/nodelifecycle/node_lifecycle_controller.go';
    // classifyNodes: new nodes get a tainter for their zone and are marked reachable; deleted ones are forgotten.
    const names = new Set(nodes.map((n) => asString(asObject(n.metadata)?.name)));
    for (const node of nodes) {
      const name = asString(asObject(node.metadata)?.name);
      if (this.knownNodes.has(name)) continue;
      this.knownNodes.add(name);
      this.act(now, name, 'event', `Normal RegisteredNode: Registered Node ${name} in Controller`, `${src} monitorNodeHealth`);
      this.tainter(zoneKeyOf(node), now);
      this.markNodeAsReachable(node, now, 'a newly observed node starts reachable');
    }
    for (const name of [...this.knownNodes]) {
      if (names.has(name)) continue;
      this.knownNodes.delete(name);
      this.health.delete(name);
      this.act(now, name, 'event', `Normal RemovingNode: Removing Node ${name} from Controller`, `${src} monitorNodeHealth`);
    }

    const zoneConds = new Map<string, (NodeCondition | undefined)[]>();
    for (const node of nodes) {
      const name = asString(asObject(node.metadata)?.name);
      const { observed, current } = this.tryUpdateNodeHealth(node, leases.get(name), now);
      const labels = asObject(asObject(node.metadata)?.labels) ?? {};
      if (!Object.prototype.hasOwnProperty.call(labels, EXCLUDE_DISRUPTION_LABEL)) {
        const z = zoneKeyOf(node);
        zoneConds.set(z, [...(zoneConds.get(z) ?? []), current]);
      }
      if (!current) continue;
      // processTaintBaseEviction reads the condition observed BEFORE this pass's update.
      const taints = this.taintsOf(node);
      const has = (key: string) => taints.some((t) => t.key === key && t.effect === 'NoExecute');
      const why = `Ready was ${observed.status} at the start of the pass`;
      if (observed.status === 'False') {
        if (has(TAINT_UNREACHABLE)) this.swapTaints(node, [{ key: TAINT_NOT_READY, effect: 'NoExecute' }], [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' }], now, why);
        else this.markNodeForTainting(node, 'False', now);
      } else if (observed.status === 'Unknown') {
        if (has(TAINT_NOT_READY)) this.swapTaints(node, [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' }], [{ key: TAINT_NOT_READY, effect: 'NoExecute' }], now, why);
        else this.markNodeForTainting(node, 'Unknown', now);
      } else if (observed.status === 'True') {
        this.markNodeAsReachable(node, now, 'Ready=True: the node is healthy again');
      }
      if (current.status !== 'True' && observed.status === 'True') {
        this.act(now, name, 'event', `Normal NodeNotReady: Node ${name} status is now: NodeNotReady`, 'pkg/controller/util/node/controller_utils.go RecordNodeStatusChange');
        // MarkPodsNotReady: every Pod bound to the node whose Ready condition is not already False.
        for (const pod of pods.all()) {
          const spec = asObject(asObject(pod)?.spec);
          if (asString(spec?.nodeName) !== name) continue;
          const ready = asList(asObject(asObject(pod)?.status)?.conditions).map((c) => asObject(c)).find((c) => asString(c?.type) === 'Ready');
          if (!ready || asString(ready.status) === 'False') continue;
          const meta = asObject(asObject(pod)?.metadata);
          const key = `${asString(meta?.namespace) || 'default'}/${asString(meta?.name)}`;
          pods.setReadyFalse(key);
          this.podsMarkedNotReady.set(name, [...(this.podsMarkedNotReady.get(name) ?? []), key]);
          this.act(now, name, 'pod-not-ready', `Pod ${key}: Ready=False (Warning NodeNotReady: Node is not ready)`, 'pkg/controller/util/node/controller_utils.go MarkPodsNotReady');
        }
      }
    }
    this.handleDisruption(zoneConds, nodes, now);

    // doNoScheduleTaintingPass for every node (the node update queue's worker).
    for (const node of nodes) this.doNoScheduleTaintingPass(node, now);
    // doNoExecuteTaintingPass
    const byName = new Map(nodes.map((n) => [asString(asObject(n.metadata)?.name), n]));
    for (const q of this.tainters.values()) {
      q.try(now, (value) => {
        const node = byName.get(value);
        if (!node) return { ok: true, waitMs: 0 };
        const ready = readyOf(node.status);
        if (!ready) return { ok: false, waitMs: 50 };
        if (ready.status === 'False') this.swapTaints(node, [{ key: TAINT_NOT_READY, effect: 'NoExecute' }], [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' }], now, 'Ready=False: NoExecute taint from the zone\'s rate-limited queue');
        else if (ready.status === 'Unknown') this.swapTaints(node, [{ key: TAINT_UNREACHABLE, effect: 'NoExecute' }], [{ key: TAINT_NOT_READY, effect: 'NoExecute' }], now, 'Ready=Unknown: NoExecute taint from the zone\'s rate-limited queue');
        return { ok: true, waitMs: 0 };
      });
    }
  }

  private markNodeForTainting(node: Record<string, unknown>, status: 'False' | 'Unknown', now: number): boolean {
    const name = asString(asObject(node.metadata)?.name);
    const q = this.tainter(zoneKeyOf(node), now);
    const taints = this.taintsOf(node);
    const key = status === 'False' ? TAINT_NOT_READY : TAINT_UNREACHABLE;
    if (!taints.some((t) => t.key === key && t.effect === 'NoExecute')) q.remove(name);
    return q.add(name, now);
  }

  /** doNoScheduleTaintingPass: NoSchedule taints follow the node's conditions and spec.unschedulable. */
  doNoScheduleTaintingPass(node: Record<string, unknown>, now: number): void {
    const want: NodeTaint[] = [];
    for (const c of asList(asObject(node.status)?.conditions)) {
      const o = asObject(c) ?? {};
      const key = CONDITION_TAINTS[asString(o.type)]?.[asString(o.status)];
      if (key) want.push({ key, effect: 'NoSchedule' });
    }
    if (asObject(node.spec)?.unschedulable === true) want.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
    const have = this.taintsOf(node).filter((t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
    const match = (a: NodeTaint, b: NodeTaint) => a.key === b.key && a.effect === b.effect;
    const add = want.filter((t) => !have.some((h) => match(h, t)));
    const del = have.filter((h) => !want.some((t) => match(h, t)));
    if (add.length === 0 && del.length === 0) return;
    this.swapTaints(node, add, del, now, 'NoSchedule taints follow the node\'s conditions (doNoScheduleTaintingPass)');
  }
}

/**
 * monitorNodeHealth over a sequence of passes, one controller instance:
 * each pass runs monitorNodeHealth, then the NoSchedule and NoExecute tainting passes.
 *
 * @example
 *   monitorNodeHealth([{ now: '2015-01-01T12:00:00Z', nodes: [node0CreatedIn2012WithoutStatus], pods: [pod0] }])
 *   // nodes.node0: statusUpdates 1, Ready/MemoryPressure/DiskPressure/PIDPressure Unknown (NodeStatusNeverUpdated),
 *   //   taints [node.kubernetes.io/unreachable:NoSchedule], podsMarkedNotReady []
 */
export function monitorNodeHealth(passes: readonly unknown[], options: NodeLifecycleOptions = {}) {
  const nc = new NodeLifecycleController(options);
  const stored = new Map<string, Record<string, unknown>>();
  const leases = new Map<string, unknown>();
  const pods = new Map<string, Record<string, unknown>>();
  const podStore: PodStore = {
    all: () => [...pods.values()],
    setReadyFalse(key) {
      const pod = pods.get(key);
      if (!pod) return;
      const status = { ...(asObject(pod.status) ?? {}) } as Record<string, unknown>;
      status.conditions = asList(status.conditions).map((c) => (asString(asObject(c)?.type) === 'Ready' ? { ...(asObject(c) ?? {}), status: 'False' } : c));
      pods.set(key, { ...pod, status });
    },
  };
  for (const p of Array.isArray(passes) ? passes : []) {
    const pass = asObject(p) ?? {};
    const now = toMs(asString(pass.now) || null) ?? 0;
    for (const l of asList(pass.leases)) {
      const meta = asObject(asObject(l)?.metadata);
      leases.set(asString(meta?.name), l);
    }
    for (const pod of asList(pass.pods)) {
      const meta = asObject(asObject(pod)?.metadata);
      pods.set(`${asString(meta?.namespace) || 'default'}/${asString(meta?.name)}`, JSON.parse(JSON.stringify(pod)));
    }
    const current: Record<string, unknown>[] = [];
    for (const n of asList(pass.nodes)) {
      const given = JSON.parse(JSON.stringify(asObject(n) ?? {})) as Record<string, unknown>;
      const name = asString(asObject(given.metadata)?.name);
      const prev = stored.get(name);
      if (prev) {
        if (given.status === undefined) given.status = prev.status;
        const spec = { ...(asObject(given.spec) ?? {}) } as Record<string, unknown>;
        if (spec.taints === undefined && asObject(prev.spec)?.taints !== undefined) spec.taints = asObject(prev.spec)?.taints;
        given.spec = spec;
      }
      stored.set(name, given);
      current.push(given);
    }
    for (const name of [...stored.keys()]) if (!current.some((n) => asString(asObject(n.metadata)?.name) === name)) stored.delete(name);
    nc.pass(now, current, leases, podStore);
  }
  const nodes: Record<string, { statusUpdates: number; status?: unknown; taints: NodeTaint[]; podsMarkedNotReady: string[] }> = {};
  for (const [name, node] of stored) {
    nodes[name] = {
      statusUpdates: nc.statusUpdates.get(name) ?? 0,
      ...(nc.lastWrittenStatus.has(name) ? { status: nc.lastWrittenStatus.get(name) } : {}),
      taints: asList(asObject(node.spec)?.taints) as unknown as NodeTaint[],
      podsMarkedNotReady: nc.podsMarkedNotReady.get(name) ?? [],
    };
  }
  const result = { nodes, zoneStates: Object.fromEntries(nc.zoneStates) };
  Object.defineProperty(result, 'actions', { value: nc.actions, enumerable: false });
  return result as typeof result & { readonly actions: typeof nc.actions };
}

// The actors of the nodes simulation, on the shared API server and clock:
// kubelets (Lease heartbeats, node status, running and finishing Pods), a
// stand-in scheduler, the node lifecycle controller, the taint eviction
// controller and the disruption controller. Each names its upstream source.

import type { JsonObject } from '../apimachinery/json.ts';
import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { Actor, ActorContext } from '../apiserver/cluster.ts';
import { findMatchingUntoleratedTaint } from '../shared/taints.ts';
import { disruptionStatus, DELETION_TIMEOUT_MS } from './disruption/disruption.ts';
import { NodeLifecycleController, LEASE_NAMESPACE } from './node-lifecycle.ts';
import type { PodStore } from './node-lifecycle.ts';
import { TaintEvictionController, podKeyOf, readTaints, readTolerations } from './taint-eviction.ts';
import type { FaultType } from './schema.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const KUBELET_VERSION = 'v1.36.0';
/** kubelet: the Lease is renewed every leaseDurationSeconds (40) × 0.25 = 10 s. src: pkg/kubelet/nodelease, component-helpers/apimachinery/lease/controller.go */
export const LEASE_RENEW_MS = 10_000;
/** kube-controller-manager --node-monitor-period default 5s. */
export const NODE_MONITOR_PERIOD_MS = 5_000;
/** How long a healthy kubelet takes to start a Pod's containers, and to stop them after SIGTERM (simplified). */
export const POD_START_MS = 2_000;
export const POD_STOP_MS = 2_000;

export interface SimEvent { atMs: number; type: 'Normal' | 'Warning'; reason: string; object: string; message: string; source: string }

/** What the scenario says happens to the machines: a fault window per node. */
export interface FaultPlan { node: string; atMs: number; type: FaultType; recoverAtMs?: number }

export function faultAt(plan: readonly FaultPlan[], node: string, t: number): FaultPlan | undefined {
  return plan.find((f) => f.node === node && f.atMs <= t && (f.recoverAtMs === undefined || t < f.recoverAtMs));
}

const podsOn = (ctx: ActorContext, node: string) => (asList(ctx.api.list('v1', 'Pod').items) as Obj[]).filter((p) => p.spec?.nodeName === node);

/**
 * The kubelet of one node, reduced to what the control plane sees: it posts
 * the node's status when it starts or recovers, renews its Lease every 10 s,
 * starts bound Pods (Running, Ready) and finishes deleted ones. During a fault
 * it does nothing the API server can see.
 * src: pkg/kubelet/kubelet_node_status.go (setNodeStatus, tryUpdateNodeStatus),
 * pkg/kubelet/nodestatus/setters.go (ReadyCondition, "kubelet is posting ready status"),
 * pkg/kubelet/nodelease (renew every 10 s).
 */
export function kubelet(nodeName: string, plan: readonly FaultPlan[], onEvent: (e: SimEvent) => void): Actor {
  const SRC = 'pkg/kubelet/kubelet_node_status.go';
  return {
    name: `kubelet/${nodeName}`,
    start(ctx) {
      const down = () => faultAt(plan, nodeName, ctx.clock.now()) !== undefined;
      const postReady = (why: string) => {
        const node = ctx.api.peek({ apiVersion: 'v1', kind: 'Node', name: nodeName }) as Obj | undefined;
        if (!node) return;
        const now = ctx.clock.nowTimestamp();
        const old = (asList(node.status?.conditions) as Obj[]);
        const cond = (type: string, status: string, reason: string, message: string) => {
          const prev = old.find((c) => c.type === type);
          return { type, status, lastHeartbeatTime: now, lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : now, reason, message };
        };
        const status = {
          ...(node.status ?? {}),
          conditions: [
            cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
            cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
            cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
            cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
          ],
          nodeInfo: { ...(node.status?.nodeInfo ?? {}), kubeletVersion: KUBELET_VERSION },
        };
        ctx.api.updateStatus({ ...node, status });
        if (!old.some((c) => c.type === 'Ready' && c.status === 'True')) {
          onEvent({ atMs: ctx.clock.now(), type: 'Normal', reason: 'NodeReady', object: `node/${nodeName}`, message: `Node ${nodeName} status is now: NodeReady`, source: SRC });
        }
        ctx.trace({ title: `kubelet on ${nodeName} posts node status: Ready=True`, detail: why, source: 'pkg/kubelet/nodestatus/setters.go ReadyCondition', subject: `Node ${nodeName}` });
      };
      const renew = () => {
        // metav1.MicroTime: RFC 3339 with microseconds.
        const iso = new Date(ctx.clock.epochMs + ctx.clock.now()).toISOString();
        const now = `${iso.slice(0, 23)}000Z`;
        const existing = ctx.api.peek({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', namespace: LEASE_NAMESPACE, name: nodeName }) as Obj | undefined;
        if (existing) ctx.api.update({ ...existing, spec: { ...existing.spec, renewTime: now } });
        else ctx.api.create({ apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: nodeName, namespace: LEASE_NAMESPACE },
          spec: { holderIdentity: nodeName, leaseDurationSeconds: 40, renewTime: now } });
      };
      const syncPods = () => {
        for (const pod of podsOn(ctx, nodeName)) {
          const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
          if (pod.metadata.deletionTimestamp) {
            ctx.after(POD_STOP_MS, `stop ${key}`, () => {
              if (down()) return;
              const cur = ctx.api.peek({ apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name }) as Obj | undefined;
              if (!cur || cur.metadata.uid !== pod.metadata.uid) return;
              ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name }, { gracePeriodSeconds: 0 });
              ctx.trace({ title: `kubelet on ${nodeName} stopped ${key} and removed it (grace period over)`, source: 'pkg/kubelet/status/status_manager.go', subject: `Pod ${key}` });
            });
          } else if (pod.status?.phase !== 'Running') {
            ctx.after(POD_START_MS, `start ${key}`, () => {
              if (down()) return;
              const cur = ctx.api.peek({ apiVersion: 'v1', kind: 'Pod', namespace: pod.metadata.namespace, name: pod.metadata.name }) as Obj | undefined;
              if (!cur || cur.metadata.uid !== pod.metadata.uid || cur.metadata.deletionTimestamp || cur.status?.phase === 'Running') return;
              const now = ctx.clock.nowTimestamp();
              const n = nodeIndex(nodeName);
              const ip = `10.244.${n}.${10 + (hash(key) % 200)}`;
              ctx.api.updateStatus({ ...cur, status: { ...(cur.status ?? {}), phase: 'Running', podIP: ip, podIPs: [{ ip }], hostIP: `10.0.0.${10 + n}`, startTime: now,
                conditions: [{ type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: now }, { type: 'Initialized', status: 'True', lastTransitionTime: now },
                  { type: 'Ready', status: 'True', lastTransitionTime: now }, { type: 'ContainersReady', status: 'True', lastTransitionTime: now },
                  { type: 'PodScheduled', status: 'True', lastTransitionTime: now }],
                containerStatuses: asList(cur.spec?.containers).map((c) => ({ name: asString(asObject(c)?.name), image: asString(asObject(c)?.image), ready: true, started: true, restartCount: 0, state: { running: { startedAt: now } } })) } });
            });
          }
        }
      };
      const tick = () => {
        if (!down()) renew();
        ctx.after(LEASE_RENEW_MS, 'renew lease', tick);
      };
      postReady('the kubelet registered the node and posts its status');
      tick();
      ctx.watch('v1', 'Pod', (e) => {
        if (e.type === 'DELETED' || (e.object as Obj).spec?.nodeName !== nodeName || down()) return;
        syncPods();
      });
      for (const f of plan.filter((p) => p.node === nodeName)) {
        ctx.after(Math.max(0, f.atMs - ctx.clock.now()), `${f.type} on ${nodeName}`, () => {
          ctx.trace({ title: `${nodeName}: ${f.type}`, level: 'warning', subject: `Node ${nodeName}`,
            detail: f.type === 'PowerOff' ? 'the machine is off: no kubelet, no containers' : f.type === 'KubeletStopped' ? 'the kubelet stopped: no heartbeats, but the containers keep running' : 'the node cannot reach the API server: no heartbeats, the containers keep running' });
        });
        if (f.recoverAtMs !== undefined) {
          ctx.after(Math.max(0, f.recoverAtMs - ctx.clock.now()), `recover ${nodeName}`, () => {
            ctx.trace({ title: `${nodeName} is back`, subject: `Node ${nodeName}`, detail: 'heartbeats resume' });
            renew();
            postReady('the kubelet reaches the API server again');
            syncPods();
          });
        }
      }
    },
  };
}

function hash(s: string): number { let h = 0; for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0; return h; }
const nodeIndexes = new Map<string, number>();
function nodeIndex(name: string): number { if (!nodeIndexes.has(name)) nodeIndexes.set(name, (hash(name) % 200) + 1); return nodeIndexes.get(name)!; }

/**
 * A stand-in for kube-scheduler: a Pod without a node goes to the node that is
 * schedulable, whose NoSchedule/NoExecute taints it tolerates, with the fewest
 * Pods (chapter 6 has the real filter and score plugins).
 */
export function standInScheduler(onEvent: (e: SimEvent) => void): Actor {
  return {
    name: 'default-scheduler',
    start(ctx) {
      const tryBind = () => {
        const pods = asList(ctx.api.list('v1', 'Pod').items) as Obj[];
        const nodes = asList(ctx.api.list('v1', 'Node').items) as Obj[];
        const load = new Map<string, number>();
        for (const p of pods) if (p.spec?.nodeName && !p.metadata.deletionTimestamp) load.set(p.spec.nodeName, (load.get(p.spec.nodeName) ?? 0) + 1);
        for (const pod of pods) {
          if (pod.spec?.nodeName || pod.metadata.deletionTimestamp) continue;
          const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
          const tolerations = readTolerations(pod);
          const reasons = new Map<string, number>();
          const fit = nodes.filter((n) => {
            if (n.spec?.unschedulable) { reasons.set('node(s) were unschedulable', (reasons.get('node(s) were unschedulable') ?? 0) + 1); return false; }
            const t = findMatchingUntoleratedTaint(readTaints(n), tolerations, (x) => x.effect === 'NoSchedule' || x.effect === 'NoExecute');
            if (t) { const r = `node(s) had untolerated taint {${t.key}: ${t.value}}`; reasons.set(r, (reasons.get(r) ?? 0) + 1); return false; }
            return true;
          });
          if (fit.length === 0) {
            const msg = `0/${nodes.length} nodes are available: ${[...reasons].sort().map(([r, c]) => `${c} ${r}`).join(', ')}.`;
            const last = lastFailed.get(key);
            if (last !== msg) {
              lastFailed.set(key, msg);
              onEvent({ atMs: ctx.clock.now(), type: 'Warning', reason: 'FailedScheduling', object: `pod/${pod.metadata.name}`, message: msg, source: 'pkg/scheduler/schedule_one.go (stand-in)' });
            }
            continue;
          }
          const count = (n: Obj) => load.get(n.metadata.name) ?? 0;
          const target = [...fit].sort((a, b) => count(a) - count(b) || (a.metadata.name < b.metadata.name ? -1 : 1))[0];
          const r = ctx.api.bind({ namespace: pod.metadata.namespace, name: pod.metadata.name }, { name: target.metadata.name });
          if (r.code < 300) {
            lastFailed.delete(key);
            load.set(target.metadata.name, count(target) + 1);
            onEvent({ atMs: ctx.clock.now(), type: 'Normal', reason: 'Scheduled', object: `pod/${pod.metadata.name}`, message: `Successfully assigned ${key} to ${target.metadata.name}`, source: 'pkg/scheduler/schedule_one.go (stand-in)' });
          }
        }
      };
      const lastFailed = new Map<string, string>();
      let queued = false;
      const kick = () => { if (queued) return; queued = true; ctx.after(0, 'schedule', () => { queued = false; tryBind(); }); };
      ctx.watch('v1', 'Pod', (e) => { if (e.type !== 'DELETED') kick(); });
      ctx.watch('v1', 'Node', () => kick());
    },
  };
}

/** The node lifecycle controller every --node-monitor-period (5 s). */
export function nodeLifecycleActor(nc: NodeLifecycleController, onEvent: (e: SimEvent) => void): Actor {
  return {
    name: 'node-lifecycle-controller',
    start(ctx) {
      let seen = 0;
      const pass = () => {
        const nodes = (asList(ctx.api.list('v1', 'Node').items) as Obj[]).map((n) => JSON.parse(JSON.stringify(n)) as Obj);
        const before = new Map(nodes.map((n) => [n.metadata.name as string, JSON.stringify({ status: n.status, taints: n.spec?.taints ?? [] })]));
        const leases = new Map<string, unknown>((asList(ctx.api.list('coordination.k8s.io/v1', 'Lease', LEASE_NAMESPACE).items) as Obj[]).map((l) => [l.metadata.name as string, l]));
        const notReady: string[] = [];
        const store: PodStore = { all: () => asList(ctx.api.list('v1', 'Pod').items), setReadyFalse: (key) => notReady.push(key) };
        nc.pass(ctx.clock.now(), nodes, leases, store);
        for (const node of nodes) {
          const name = node.metadata.name as string;
          const old = JSON.parse(before.get(name)!);
          if (JSON.stringify(node.status) !== JSON.stringify(old.status)) ctx.api.updateStatus(node);
          if (JSON.stringify(node.spec?.taints ?? []) !== JSON.stringify(old.taints)) {
            const cur = ctx.api.peek({ apiVersion: 'v1', kind: 'Node', name }) as Obj | undefined;
            if (cur) ctx.api.update({ ...cur, spec: { ...cur.spec, taints: node.spec?.taints } });
          }
        }
        for (const key of notReady) {
          const [namespace, name] = key.split('/');
          const pod = ctx.api.peek({ apiVersion: 'v1', kind: 'Pod', namespace, name }) as Obj | undefined;
          if (!pod) continue;
          const conditions = (asList(pod.status?.conditions) as Obj[]).map((c) => (c.type === 'Ready' ? { ...c, status: 'False', lastTransitionTime: ctx.clock.nowTimestamp() } : c));
          ctx.api.updateStatus({ ...pod, status: { ...pod.status, conditions } });
          onEvent({ atMs: ctx.clock.now(), type: 'Warning', reason: 'NodeNotReady', object: `pod/${name}`, message: 'Node is not ready', source: 'pkg/controller/util/node/controller_utils.go MarkPodsNotReady' });
        }
        for (const a of nc.actions.slice(seen)) {
          if (a.kind === 'event') {
            const m = /^(Normal|Warning) (\w+): (.*)$/.exec(a.title);
            if (m) onEvent({ atMs: a.at, type: m[1] as 'Normal', reason: m[2], object: `node/${a.node}`, message: m[3], source: a.source });
          }
          if (a.kind !== 'pod-not-ready') ctx.trace({ title: a.title, detail: a.detail, source: a.source, subject: a.node ? `Node ${a.node}` : undefined, level: a.kind === 'status' || a.kind === 'taint-add' ? 'decision' : 'info' });
        }
        seen = nc.actions.length;
        ctx.after(NODE_MONITOR_PERIOD_MS, 'monitorNodeHealth', pass);
      };
      ctx.after(0, 'monitorNodeHealth', pass);
    },
  };
}

/** The taint eviction controller: node and Pod events in, Pod deletions out (on timers). */
export function taintEvictionActor(onEvent: (e: SimEvent) => void, onDelete: (key: string, atMs: number) => void): Actor {
  const SRC = 'pkg/controller/tainteviction/taint_eviction.go';
  return {
    name: 'taint-eviction-controller',
    start(ctx) {
      const tc = new TaintEvictionController();
      let scheduledFor: number | undefined;
      let seenEvents = 0;
      const flushEvents = () => {
        for (const e of tc.events.slice(seenEvents)) {
          const name = e.pod.split('/')[1];
          onEvent({ atMs: e.at, type: 'Normal', reason: e.reason, object: `pod/${name}`, message: e.message, source: SRC });
        }
        seenEvents = tc.events.length;
      };
      const fire = () => {
        scheduledFor = undefined;
        for (const key of tc.takeDue(ctx.clock.now())) {
          const [namespace, name] = key.split('/');
          const pod = ctx.api.peek({ apiVersion: 'v1', kind: 'Pod', namespace, name }) as Obj | undefined;
          if (!pod || pod.metadata.deletionTimestamp) continue;
          // The DisruptionTarget condition first, then the delete (taint_eviction.go addConditionAndDeletePod).
          const now = ctx.clock.nowTimestamp();
          ctx.api.updateStatus({ ...pod, status: { ...pod.status, conditions: [...(asList(pod.status?.conditions) as Obj[]).filter((c) => c.type !== 'DisruptionTarget'),
            { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint', lastTransitionTime: now }] } });
          ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name });
          onDelete(key, ctx.clock.now());
          ctx.trace({ title: `taint eviction deletes Pod ${key}`, source: `${SRC} (timed worker)`, subject: `Pod ${key}`, level: 'decision',
            detail: 'its tolerationSeconds for the node\'s NoExecute taint ran out (or it had no toleration)' });
        }
        flushEvents();
        arm();
      };
      const arm = () => {
        const next = tc.nextFireAt();
        if (next === undefined || (scheduledFor !== undefined && scheduledFor <= next)) return;
        scheduledFor = next;
        ctx.after(Math.max(0, next - ctx.clock.now()), 'taint eviction timer', fire);
      };
      ctx.watch('v1', 'Node', (e) => {
        const name = asString(asObject(e.object.metadata)?.name);
        const pods = podsOn(ctx, name).filter((p) => !p.metadata.deletionTimestamp);
        const notes = tc.nodeUpdated(name, e.type === 'DELETED' ? null : e.object, pods, ctx.clock.now());
        for (const n of notes) ctx.trace({ title: n, source: `${SRC} processPodOnNode`, subject: `Node ${name}` });
        flushEvents();
        arm();
      });
      ctx.watch('v1', 'Pod', (e) => {
        const obj = e.object as Obj;
        const key = podKeyOf(obj);
        const note = tc.podUpdated(key, e.type === 'DELETED' || obj.metadata.deletionTimestamp ? null : obj, ctx.clock.now());
        if (note) ctx.trace({ title: note, source: `${SRC} processPodOnNode`, subject: `Pod ${key}` });
        flushEvents();
        arm();
      });
    },
  };
}

/** The disruption controller: every PDB's status, recomputed when Pods or PDBs change. */
export function disruptionActor(): Actor {
  return {
    name: 'disruption-controller',
    start(ctx) {
      let queued = false;
      const sync = () => {
        queued = false;
        const pods = asList(ctx.api.list('v1', 'Pod').items);
        const controllers = [...asList(ctx.api.list('apps/v1', 'ReplicaSet').items), ...asList(ctx.api.list('apps/v1', 'Deployment').items), ...asList(ctx.api.list('apps/v1', 'StatefulSet').items)];
        for (const pdb of asList(ctx.api.list('policy/v1', 'PodDisruptionBudget').items) as Obj[]) {
          const s = disruptionStatus(pdb, pods, controllers, ctx.clock.nowTimestamp());
          const status: JsonObject = { observedGeneration: s.observedGeneration, disruptionsAllowed: s.disruptionsAllowed, currentHealthy: s.currentHealthy,
            desiredHealthy: s.desiredHealthy, expectedPods: s.expectedPods, ...(Object.keys(s.disruptedPods).length ? { disruptedPods: s.disruptedPods } : {}),
            conditions: s.conditions as unknown as JsonObject[] };
          const old = pdb.status ?? {};
          const same = ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods', 'observedGeneration'].every((k) => old[k] === status[k])
            && JSON.stringify(old.disruptedPods ?? {}) === JSON.stringify(status.disruptedPods ?? {});
          if (same) continue;
          ctx.api.updateStatus({ ...pdb, status });
          ctx.trace({ title: `PDB ${pdb.metadata.namespace}/${pdb.metadata.name}: ${s.currentHealthy} healthy, ${s.desiredHealthy} desired → disruptionsAllowed ${s.disruptionsAllowed}`,
            source: 'pkg/controller/disruption/disruption.go updatePdbStatus', subject: `PodDisruptionBudget ${pdb.metadata.name}` });
          if (Object.keys(s.disruptedPods).length) ctx.after(DELETION_TIMEOUT_MS, 'recheck disruptedPods', kick);
        }
      };
      const kick = () => { if (queued) return; queued = true; ctx.after(0, 'sync PDBs', sync); };
      ctx.watch('v1', 'Pod', kick);
      ctx.watch('policy/v1', 'PodDisruptionBudget', kick);
    },
  };
}

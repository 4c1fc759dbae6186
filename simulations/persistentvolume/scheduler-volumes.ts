// Stand-ins for the parts of kube-scheduler and the node that storage depends on.
//
// 1. default-scheduler, reduced to the filters that matter here and the VolumeBinding plugin:
//    NodeUnschedulable, NodeAffinity (spec.nodeSelector only), then VolumeBinding: a missing or
//    terminating claim, an unbound Immediate claim, a bound volume whose node affinity excludes
//    the node, and for WaitForFirstConsumer claims a matching volume on this node
//    (FindMatchingVolume with the node) or a provisioner whose allowedTopologies admit the node.
//    The first feasible node with the fewest Pods is chosen (no scoring plugins), then PreBind
//    writes the volume choice (PV claimRef, or the claim's selected-node annotation) and the Pod
//    is bound once every claim is Bound.
//    src: pkg/scheduler/framework/plugins/volumebinding/volume_binding.go (PreFilter, Filter,
//         PreBind), binder.go (FindPodVolumes, checkBoundClaims, findMatchingVolumes,
//         checkVolumeProvisions, BindPodVolumes), pkg/scheduler/framework/types.go (FitError).
//    The shared scheduler (simulations/scheduler/) does not model volumes (its VolumeBinding is a
//    pass-through): this is the minimal honest rule the chapter needs, not the whole scheduler.
// 2. kubelet and attach/detach controller: a Pod bound to a node attaches its CSI volumes; a
//    volume without ReadWriteMany or ReadOnlyMany that is in use on another node fails with
//    "Multi-Attach error" (what ReadWriteOnce really means: one node). Running one second later.
//    src: pkg/controller/volume/attachdetach/reconciler/reconciler.go (reportMultiAttachError),
//         pkg/volume/util/util.go (IsMultiAttachAllowed).

import type { Actor } from '../apiserver/cluster.ts';
import { collectGarbage } from '../apiserver/garbage-collector.ts';
import type { RecordEvent } from './events.ts';
import { checkNodeAffinity, claimClass, findMatchingVolume, isDelayBindingMode, isVolumeBoundToClaim, matchVolume } from './matching.ts';
import type { MatchOutcome } from './matching.ts';
import { ANN_BOUND_BY_CONTROLLER, ANN_SELECTED_NODE, claimReference } from './pv-controller.ts';
import { claimNamesOf } from './protection.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const meta = (o: Obj | undefined): Obj => (o?.metadata ?? {}) as Obj;
const SRC_VB = 'pkg/scheduler/framework/plugins/volumebinding/volume_binding.go';

// volumebinding/binder.go error reasons.
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
const ERR_UNSCHEDULABLE = 'node(s) were unschedulable';
const ERR_NODE_SELECTOR = "node(s) didn't match Pod's node affinity/selector";

/** FitError.Error() when every node fails with UnschedulableAndUnresolvable (preemption cannot help). */
export function fitErrorMessage(numNodes: number, reasons: Map<string, number> | string): string {
  const head = typeof reasons === 'string' ? reasons : [...reasons.entries()].map(([r, n]) => `${n} ${r}`).sort().join(', ');
  return `0/${numNodes} nodes are available: ${head}. preemption: 0/${numNodes} nodes are available: ${numNodes} Preemption is not helpful for scheduling.`;
}

/** topology selector terms (StorageClass.allowedTopologies): ORed terms, ANDed expressions, In only. */
function matchTopology(terms: Obj[] | undefined, labels: Record<string, string>): boolean {
  if (!terms || terms.length === 0) return true;
  return terms.some((t) => ((t.matchLabelExpressions ?? []) as Obj[]).every((e) => ((e.values ?? []) as string[]).includes(labels[e.key] ?? '\u0000')));
}

interface Plan {
  node: string;
  bindVolumes: { claim: Obj; volume: Obj }[];
  provision: Obj[];
}

export interface SchedulerDecision {
  atMs: number;
  claim: string;
  node: string;
  outcome: MatchOutcome;
}

export function volumeScheduler(record: RecordEvent, onDecision?: (d: SchedulerDecision) => void): Actor {
  return {
    name: 'default-scheduler',
    start(ctx) {
      const api = ctx.api;
      const waiting = new Map<string, Plan>();
      const lastMessage = new Map<string, string>();
      let queued = false;
      const podKey = (p: Obj) => `${meta(p).namespace}/${meta(p).name}`;
      const getClaim = (ns: string, name: string) => api.peek({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: ns, name }) as Obj | undefined;

      const bindPod = (pod: Obj, node: string) => {
        const r = api.bind({ namespace: meta(pod).namespace, name: String(meta(pod).name) }, { name: node });
        if (r.code >= 300) return;
        waiting.delete(podKey(pod));
        record({ kind: 'Pod', namespace: String(meta(pod).namespace), name: String(meta(pod).name), uid: String(meta(pod).uid ?? ''), type: 'Normal', reason: 'Scheduled', message: `Successfully assigned ${podKey(pod)} to ${node}`, source: 'default-scheduler' });
        ctx.trace({ title: `Pod ${podKey(pod)} bound to ${node}`, subject: `Pod ${podKey(pod)}`, source: 'pkg/scheduler/schedule_one.go bind', level: 'decision' });
      };

      const fail = (pod: Obj, message: string) => {
        const key = podKey(pod);
        record({ kind: 'Pod', namespace: String(meta(pod).namespace), name: String(meta(pod).name), uid: String(meta(pod).uid ?? ''), type: 'Warning', reason: 'FailedScheduling', message, source: 'default-scheduler' });
        if (lastMessage.get(key) === message) return;
        lastMessage.set(key, message);
        ctx.trace({ title: `Pod ${key} unschedulable: ${message}`, subject: `Pod ${key}`, source: `${SRC_VB} Filter`, level: 'warning' });
        const clone = structuredClone(pod);
        clone.status = { ...(clone.status ?? {}), phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: ctx.clock.nowTimestamp() }] };
        api.updateStatus(clone);
      };

      const attempt = (pod: Obj) => {
        const key = podKey(pod);
        if (pod.spec?.nodeName || meta(pod).deletionTimestamp) return;
        const ns = String(meta(pod).namespace);
        const plan = waiting.get(key);
        if (plan) {
          // PreBind: wait until every claim is Bound (the PV controller or the provisioner finishes it).
          const names = claimNamesOf(pod);
          if (names.every((n) => getClaim(ns, n)?.status?.phase === 'Bound')) bindPod(pod, plan.node);
          return;
        }
        const nodes = ((api.list('v1', 'Node').items ?? []) as Obj[]).slice().sort((a, b) => String(meta(a).name).localeCompare(String(meta(b).name)));
        const n = nodes.length;
        if (n === 0) return;
        const claims: Obj[] = [];
        for (const name of claimNamesOf(pod)) {
          const c = getClaim(ns, name);
          if (!c) return fail(pod, fitErrorMessage(n, `persistentvolumeclaim "${name}" not found`));
          if (meta(c).deletionTimestamp) return fail(pod, fitErrorMessage(n, `persistentvolumeclaim "${name}" is being deleted`));
          claims.push(c);
        }
        const classes = (api.list('storage.k8s.io/v1', 'StorageClass').items ?? []) as Obj[];
        const bound = claims.filter((c) => c.spec?.volumeName);
        const unbound = claims.filter((c) => !c.spec?.volumeName);
        const delayed: Obj[] = [];
        for (const c of unbound) {
          let delay = false;
          try { delay = isDelayBindingMode(c, classes); } catch { delay = false; }
          if (!delay) return fail(pod, fitErrorMessage(n, ERR_UNBOUND_IMMEDIATE));
          delayed.push(c);
        }
        const volumes = (api.list('v1', 'PersistentVolume').items ?? []) as Obj[];
        const pods = (api.list('v1', 'Pod').items ?? []) as Obj[];
        const reasons = new Map<string, number>();
        const feasible: Plan[] = [];
        const add = (r: string) => reasons.set(r, (reasons.get(r) ?? 0) + 1);
        for (const node of nodes) {
          const name = String(meta(node).name);
          const labels = (meta(node).labels ?? {}) as Record<string, string>;
          if (node.spec?.unschedulable) { add(ERR_UNSCHEDULABLE); continue; }
          const sel = (pod.spec?.nodeSelector ?? {}) as Record<string, string>;
          if (Object.entries(sel).some(([k, v]) => labels[k] !== v)) { add(ERR_NODE_SELECTOR); continue; }
          const nodeReasons = new Set<string>();
          for (const c of bound) {
            const pv = volumes.find((v) => meta(v).name === c.spec.volumeName);
            if (!pv) { nodeReasons.add(ERR_REASON_PV_NOT_EXIST); continue; }
            if (checkNodeAffinity(pv, labels, name) !== null) nodeReasons.add(ERR_REASON_NODE_CONFLICT);
          }
          const planHere: Plan = { node: name, bindVolumes: [], provision: [] };
          const chosen: string[] = [];
          for (const c of delayed) {
            let m: Obj | null = null;
            try {
              m = findMatchingVolume(c, volumes.filter((v) => meta(v).name !== undefined), { node, excludedVolumes: chosen, delayBinding: true }) as Obj | null;
            } catch { m = null; }
            if (m) {
              chosen.push(String(meta(m).name));
              if (!isVolumeBoundToClaim(m, c) || !m.spec?.claimRef?.uid) planHere.bindVolumes.push({ claim: c, volume: m });
              continue;
            }
            const sc = classes.find((k) => meta(k).name === claimClass(c));
            const provisioner = String(sc?.provisioner ?? '');
            if (!sc || provisioner === '' || provisioner.startsWith('kubernetes.io/') || !matchTopology(sc.allowedTopologies, labels)) { nodeReasons.add(ERR_REASON_BIND_CONFLICT); continue; }
            planHere.provision.push(c);
          }
          if (nodeReasons.size > 0) { for (const r of nodeReasons) add(r); continue; }
          feasible.push(planHere);
        }
        if (feasible.length === 0) return fail(pod, fitErrorMessage(n, reasons));
        const podsOn = (node: string) => pods.filter((p) => p.spec?.nodeName === node && !meta(p).deletionTimestamp).length;
        feasible.sort((a, b) => podsOn(a.node) - podsOn(b.node) || a.node.localeCompare(b.node));
        const choice = feasible[0];
        lastMessage.delete(key);
        const chosenNode = nodes.find((x) => meta(x).name === choice.node);
        for (const c of delayed) {
          try {
            onDecision?.({ atMs: ctx.clock.now(), claim: `${ns}/${meta(c).name}`, node: choice.node, outcome: matchVolume(c, volumes, { node: chosenNode, delayBinding: true }) });
          } catch { /* a bad selector was reported by the PV controller */ }
        }
        // PreBind (BindPodVolumes): the volume choices are written; the PV controller and the provisioner finish them.
        for (const { claim, volume } of choice.bindVolumes) {
          const clone = structuredClone(volume);
          clone.spec.claimRef = claimReference(claim);
          (clone.metadata.annotations ??= {})[ANN_BOUND_BY_CONTROLLER] = 'yes';
          api.update(clone);
          ctx.trace({ title: `VolumeBinding: ${ns}/${meta(claim).name} (WaitForFirstConsumer) gets ${meta(volume).name}, a matching volume whose node affinity admits ${choice.node}`, subject: `Pod ${key}`, source: 'pkg/scheduler/framework/plugins/volumebinding/binder.go BindPodVolumes', level: 'decision' });
        }
        for (const claim of choice.provision) {
          const fresh = getClaim(ns, String(meta(claim).name));
          if (!fresh) continue;
          const clone = structuredClone(fresh);
          (clone.metadata.annotations ??= {})[ANN_SELECTED_NODE] = choice.node;
          api.update(clone);
          ctx.trace({ title: `VolumeBinding: no volume fits ${ns}/${meta(claim).name} on ${choice.node}; annotated volume.kubernetes.io/selected-node=${choice.node} so the provisioner creates one where the Pod runs`, subject: `Pod ${key}`, source: 'pkg/scheduler/framework/plugins/volumebinding/binder.go BindPodVolumes', level: 'decision' });
        }
        if (choice.bindVolumes.length === 0 && choice.provision.length === 0 && claims.every((c) => c.status?.phase === 'Bound')) {
          bindPod(pod, choice.node);
          return;
        }
        waiting.set(key, choice);
        ctx.trace({ title: `Pod ${key}: ${choice.node} chosen (${feasible.length} of ${n} nodes feasible); PreBind waits until its claims are Bound`, subject: `Pod ${key}`, source: `${SRC_VB} PreBind`, level: 'info' });
      };

      const attemptAll = () => {
        if (queued) return;
        queued = true;
        ctx.after(0, 'schedule pending Pods', () => {
          queued = false;
          const pending = ((api.list('v1', 'Pod').items ?? []) as Obj[]).filter((p) => !p.spec?.nodeName && !meta(p).deletionTimestamp);
          pending.sort((a, b) => String(meta(a).creationTimestamp ?? '').localeCompare(String(meta(b).creationTimestamp ?? '')) || podKey(a).localeCompare(podKey(b)));
          for (const p of pending) attempt(api.peek({ apiVersion: 'v1', kind: 'Pod', namespace: meta(p).namespace, name: meta(p).name }) as Obj);
        });
      };
      // A new Pod is queued; the scheduler's own status writes do not requeue it (as upstream's queueing hints).
      ctx.watch('v1', 'Pod', (e) => { if (e.type === 'ADDED' && !(e.object as Obj).spec?.nodeName) attemptAll(); if (e.type === 'DELETED') waiting.delete(podKey(e.object as Obj)); });
      ctx.watch('v1', 'PersistentVolumeClaim', () => attemptAll());
      ctx.watch('v1', 'PersistentVolume', () => attemptAll());
      ctx.watch('v1', 'Node', () => attemptAll());
      ctx.watch('storage.k8s.io/v1', 'StorageClass', () => attemptAll());
    },
  };
}

/** IsMultiAttachAllowed: a PV without access modes, or with ReadWriteMany or ReadOnlyMany. */
export function isMultiAttachAllowed(pv: Obj): boolean {
  const modes = (pv.spec?.accessModes ?? []) as string[];
  return modes.length === 0 || modes.includes('ReadWriteMany') || modes.includes('ReadOnlyMany');
}

function runningStatus(pod: Obj, at: string): Obj {
  const containers = ((pod.spec?.containers ?? []) as Obj[]).map((c) => ({ name: String(c.name ?? ''), image: String(c.image ?? '') }));
  return {
    phase: 'Running',
    startTime: at,
    conditions: [
      { type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: at },
      { type: 'Initialized', status: 'True', lastTransitionTime: at },
      { type: 'Ready', status: 'True', lastTransitionTime: at },
      { type: 'ContainersReady', status: 'True', lastTransitionTime: at },
      { type: 'PodScheduled', status: 'True', lastTransitionTime: at },
    ],
    containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, imageID: '', ready: true, restartCount: 0, started: true, state: { running: { startedAt: at } } })),
  };
}

function creatingStatus(pod: Obj, at: string): Obj {
  const containers = ((pod.spec?.containers ?? []) as Obj[]).map((c) => ({ name: String(c.name ?? ''), image: String(c.image ?? '') }));
  return {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: at }],
    containerStatuses: containers.map((c) => ({ name: c.name, image: c.image, imageID: '', ready: false, restartCount: 0, started: false, state: { waiting: { reason: 'ContainerCreating' } } })),
  };
}

export const POD_STARTUP_MS = 1000;

export function kubelets(record: RecordEvent): Actor {
  return {
    name: 'kubelet',
    start(ctx) {
      const api = ctx.api;
      const starting = new Set<string>();
      const attached = new Map<string, string>(); // PV name → node
      const podKey = (p: Obj) => `${meta(p).namespace}/${meta(p).name}`;
      const terminal = (p: Obj) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
      const volumesOf = (pod: Obj): Obj[] => claimNamesOf(pod)
        .map((c) => api.peek({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', namespace: meta(pod).namespace, name: c }) as Obj | undefined)
        .map((c) => (c?.spec?.volumeName ? (api.peek({ apiVersion: 'v1', kind: 'PersistentVolume', name: c.spec.volumeName }) as Obj | undefined) : undefined))
        .filter((v): v is Obj => v !== undefined);

      // Detach volumes no Pod on their node uses any more.
      const detachUnused = () => {
        // A Pod uses its volumes from the moment its kubelet starts it until it is gone.
        const pods = ((api.list('v1', 'Pod').items ?? []) as Obj[]).filter((p) => p.spec?.nodeName && !terminal(p) && (p.status?.phase === 'Running' || starting.has(podKey(p))));
        for (const [pv, node] of [...attached.entries()]) {
          const inUse = pods.some((p) => p.spec.nodeName === node && volumesOf(p).some((v) => meta(v).name === pv));
          if (!inUse) attached.delete(pv);
        }
      };

      const tryStart = (pod: Obj) => {
        const key = podKey(pod);
        if (!pod.spec?.nodeName || meta(pod).deletionTimestamp || pod.status?.phase === 'Running' || terminal(pod) || starting.has(key)) return;
        const node = String(pod.spec.nodeName);
        detachUnused();
        for (const pv of volumesOf(pod)) {
          if (!pv.spec?.csi || isMultiAttachAllowed(pv)) continue;
          const elsewhere = attached.get(String(meta(pv).name));
          if (elsewhere && elsewhere !== node) {
            const users = ((api.list('v1', 'Pod').items ?? []) as Obj[]).filter((p) => p.spec?.nodeName === elsewhere && !terminal(p) && volumesOf(p).some((v) => meta(v).name === meta(pv).name));
            const sameNs = users.filter((p) => meta(p).namespace === meta(pod).namespace).map((p) => String(meta(p).name));
            const detail = sameNs.length > 0 ? `Volume is already used by pod(s) ${sameNs.join(', ')}` : "Volume is already exclusively attached to one node and can't be attached to another";
            record({ kind: 'Pod', namespace: String(meta(pod).namespace), name: String(meta(pod).name), uid: String(meta(pod).uid ?? ''), type: 'Warning', reason: 'FailedAttachVolume', message: `Multi-Attach error for volume "${meta(pv).name}" ${detail}`, source: 'attachdetach-controller' });
            if (pod.status?.containerStatuses?.[0]?.state?.waiting?.reason !== 'ContainerCreating') {
              api.updateStatus({ ...structuredClone(pod), status: { ...(pod.status ?? {}), ...creatingStatus(pod, ctx.clock.nowTimestamp()) } });
              ctx.trace({ title: `Pod ${key} on ${node}: volume ${meta(pv).name} (${(pv.spec?.accessModes ?? []).join(',')}) is attached to ${elsewhere}; without ReadWriteMany or ReadOnlyMany it attaches to one node at a time: Multi-Attach error, ContainerCreating`, subject: `Pod ${key}`, source: 'pkg/controller/volume/attachdetach/reconciler/reconciler.go reportMultiAttachError', level: 'warning' });
            }
            return;
          }
        }
        starting.add(key);
        for (const pv of volumesOf(pod)) {
          if (!pv.spec?.csi) continue;
          if (attached.get(String(meta(pv).name)) !== node) {
            attached.set(String(meta(pv).name), node);
            record({ kind: 'Pod', namespace: String(meta(pod).namespace), name: String(meta(pod).name), uid: String(meta(pod).uid ?? ''), type: 'Normal', reason: 'SuccessfulAttachVolume', message: `AttachVolume.Attach succeeded for volume "${meta(pv).name}"`, source: 'attachdetach-controller' });
          }
        }
        ctx.after(POD_STARTUP_MS, `start ${key}`, () => {
          starting.delete(key);
          const now = api.peek({ apiVersion: 'v1', kind: 'Pod', namespace: meta(pod).namespace, name: meta(pod).name }) as Obj | undefined;
          if (!now || meta(now).deletionTimestamp || meta(now).uid !== meta(pod).uid) return;
          const r = api.updateStatus({ ...structuredClone(now), status: { ...(now.status ?? {}), ...runningStatus(now, ctx.clock.nowTimestamp()) } });
          if (r.code >= 300) ctx.trace({ title: `status of Pod ${key} refused: ${r.message}`, subject: `Pod ${key}`, level: 'warning' });
        });
      };

      const retryAll = () => {
        for (const p of (api.list('v1', 'Pod').items ?? []) as Obj[]) tryStart(p);
      };

      ctx.watch('v1', 'Pod', (e) => {
        const pod = e.object as Obj;
        if (e.type === 'DELETED') {
          // Dependents (generic ephemeral claims, claims a StatefulSet handed to the Pod) go with it.
          for (const a of collectGarbage(api)) ctx.trace({ title: `${a.action} ${a.subject}: ${a.detail}`, source: 'pkg/controller/garbagecollector/garbagecollector.go attemptToDeleteItem', subject: a.subject });
          ctx.after(0, 'retry attaches', retryAll);
          return;
        }
        if (meta(pod).deletionTimestamp) {
          // The kubelet stops the containers and confirms the deletion.
          // A watch event can arrive after the Pod was replaced by one of the same name: the uid precondition keeps the new one.
          api.delete({ apiVersion: 'v1', kind: 'Pod', namespace: meta(pod).namespace, name: meta(pod).name }, { gracePeriodSeconds: 0, preconditions: { uid: meta(pod).uid } });
          return;
        }
        tryStart(pod);
      });
    },
  };
}

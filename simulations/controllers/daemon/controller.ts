// The DaemonSet controller as an actor: one daemon Pod on every node that
// should run it (nodeShouldRunDaemonPod), none elsewhere; each Pod carries a
// required node affinity on its node's name, so the default scheduler places
// it there; status counts desired, scheduled, misscheduled, ready, available
// and updated Pods.
// src: pkg/controller/daemon/daemon_controller.go (syncDaemonSet, manage,
// podsShouldBeOnNode, syncNodes, updateDaemonSetStatus),
// pkg/controller/daemon/util/daemonset_util.go (ReplaceDaemonSetPodNodeNameNodeAffinity,
// AddOrUpdateDaemonPodTolerations, GetTargetNodeName).
// Rolling update: pkg/controller/daemon/update.go (rollingUpdate without surge,
// findUpdatedPodsOnNode, updatedDesiredNodeCounts).
// Simplified: nodes are visited by name where Go ranges over a map; a Pod is "updated" by
// its controller-revision-hash only (no templateGeneration label); no back-off
// for failed daemon Pods; no ControllerRevision objects.

import type { Actor, ActorContext } from '../../apiserver/cluster.ts';
import { objectKey } from '../../apiserver/cluster.ts';
import { toMs } from '../../apimachinery/time.ts';
import { getScaledValueFromIntOrPercent } from '../../apimachinery/intstr.ts';
import type { IntOrString } from '../../apimachinery/intstr.ts';
import { isPodAvailable } from '../replicaset/controller.ts';
import { computeHash } from '../deployment/hash.ts';
import { controllerOf, newControllerRef, splitKey, WorkQueue } from '../work-queue.ts';
import { daemonPodTolerations, nodeShouldRunDaemonPod } from './should-run.ts';
import type { DaemonSet, Node } from './should-run.ts';

const SOURCE = 'pkg/controller/daemon/daemon_controller.go';
/** The label daemon Pods carry with their template's hash. */
export const ControllerRevisionHashLabel = 'controller-revision-hash';

interface Pod {
  metadata?: { name?: string; namespace?: string; uid?: string; labels?: Record<string, string>; creationTimestamp?: string; deletionTimestamp?: string };
  spec?: { nodeName?: string; affinity?: { nodeAffinity?: { requiredDuringSchedulingIgnoredDuringExecution?: { nodeSelectorTerms?: { matchFields?: { key?: string; values?: string[] }[] }[] } } } };
  status?: { phase?: string; conditions?: { type?: string; status?: string; lastTransitionTime?: string }[] };
}

/** GetTargetNodeName: spec.nodeName, or the node named by the daemon Pod's metadata.name affinity. */
export function targetNodeName(p: Pod): string {
  if (p.spec?.nodeName) return p.spec.nodeName;
  for (const term of p.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    for (const f of term.matchFields ?? []) if (f.key === 'metadata.name' && f.values?.length === 1) return f.values[0];
  }
  return '';
}

const ready = (p: Pod) => (p.status?.conditions ?? []).find((c) => c.type === 'Ready' && c.status === 'True');

export function daemonSetController(options: { name?: string } = {}): Actor {
  return {
    name: options.name ?? 'daemonset-controller',
    start(ctx: ActorContext) {
      const queue = new WorkQueue(ctx, (key) => syncDaemonSet(ctx, queue, key));
      const all = () => {
        for (const ds of ctx.api.list('apps/v1', 'DaemonSet').items ?? []) queue.add(objectKey(ds));
      };
      ctx.watch('apps/v1', 'DaemonSet', (e) => {
        if (e.type !== 'DELETED') queue.add(objectKey(e.object));
      });
      // A node added, relabelled or tainted can change where every DaemonSet should run.
      ctx.watch('v1', 'Node', all);
      ctx.watch('v1', 'Pod', (e) => {
        const owner = controllerOf(e.object);
        if (owner?.kind === 'DaemonSet') queue.add(`${(e.object.metadata as { namespace?: string }).namespace ?? ''}/${owner.name}`);
      });
    },
  };
}

function syncDaemonSet(ctx: ActorContext, queue: WorkQueue, key: string): void {
  const [namespace, name] = splitKey(key);
  const ds = ctx.api.peek({ apiVersion: 'apps/v1', kind: 'DaemonSet', namespace, name }) as (DaemonSet & { metadata?: { uid?: string; generation?: number; deletionTimestamp?: string }; spec?: { minReadySeconds?: number }; status?: Record<string, unknown> }) | undefined;
  if (!ds) return;
  const nodes = (ctx.api.list('v1', 'Node').items ?? []) as Node[];
  const pods = ((ctx.api.list('v1', 'Pod', namespace).items ?? []) as Pod[]).filter((p) => controllerOf(p)?.uid === ds.metadata?.uid);
  const byNode = new Map<string, Pod[]>();
  for (const p of pods) {
    const node = targetNodeName(p);
    byNode.set(node, [...(byNode.get(node) ?? []), p]);
  }
  const hash = computeHash(ds.spec?.template);
  if (!ds.metadata?.deletionTimestamp) {
    let writes = 0; // creations and deletions of the manage loop in this sync
    for (const node of nodes) {
      const nodeName = node.metadata?.name ?? '';
      const { shouldRun, shouldContinueRunning, reason } = nodeShouldRunDaemonPod(node, ds);
      const onNode = (byNode.get(nodeName) ?? []).filter((p) => !p.metadata?.deletionTimestamp);
      if (shouldRun && onNode.length === 0) {
        createDaemonPod(ctx, ds, nodeName, hash);
        writes++;
        ctx.trace({ title: `created a daemon Pod for node ${nodeName}`, source: SOURCE, subject: `DaemonSet ${key}` });
      } else if (shouldContinueRunning) {
        // Failed or succeeded daemon Pods are deleted (and replaced next sync).
        const finished = onNode.filter((p) => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded');
        const running = onNode.filter((p) => !finished.includes(p)).sort((a, b) => (toMs(a.metadata?.creationTimestamp ?? null) ?? 0) - (toMs(b.metadata?.creationTimestamp ?? null) ?? 0));
        const toDelete = [...finished];
        if (!allowsSurge(ds)) {
          toDelete.push(...running.slice(1)); // without surge: the oldest running Pod stays, the rest go
        } else if (running.length === 0 && shouldRun) {
          createDaemonPod(ctx, ds, nodeName, hash); // surging: at least one non-deleted Pod on the node
          writes++;
        } else if (running.length > 1) {
          // "we allow 2 pods if and only if the oldest pod matching the current hash state is not ready AND
          // the oldest pod that doesn't match the current hash state is ready"
          let oldestNew: Pod | undefined;
          let oldestOld: Pod | undefined;
          for (const p of running) {
            if (p.metadata?.labels?.[ControllerRevisionHashLabel] === hash) {
              if (!oldestNew) oldestNew = p;
              else toDelete.push(p);
            } else if (!oldestOld) oldestOld = p;
            else toDelete.push(p);
          }
          const now = ctx.clock.epochMs + ctx.clock.now();
          if (oldestNew && oldestOld && (!ready(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now))) toDelete.push(oldestOld);
        }
        for (const p of toDelete) {
          ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' });
          writes++;
        }
      } else if (onNode.length > 0) {
        for (const p of onNode) ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' });
        writes += onNode.length;
        ctx.trace({ title: `deleted the daemon Pod on node ${nodeName}: ${reason}`, source: SOURCE, subject: `DaemonSet ${key}` });
      }
    }
    const strategy = (ds.spec as { updateStrategy?: { type?: string; rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString } } } | undefined)?.updateStrategy;
    // Upstream rolls only once the manage loop's expectations are met: here, when it wrote nothing
    // this sync (the Pod events of its writes bring the next sync).
    if (writes === 0 && (strategy?.type ?? 'RollingUpdate') === 'RollingUpdate') rollingUpdate(ctx, queue, key, ds, nodes, byNode, hash, strategy?.rollingUpdate ?? {});
  }
  updateStatus(ctx, queue, key, ds, nodes, byNode, hash);
}

/**
 * findUpdatedPodsOnNode: the node's one new and one old Pod (not being
 * deleted), or ok=false when it has two of either (the manage loop prunes those first).
 */
function findUpdatedPodsOnNode(pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const p of pods) {
    if (p.metadata?.deletionTimestamp) continue;
    if (p.metadata?.labels?.[ControllerRevisionHashLabel] === hash) {
      if (newPod) return { ok: false };
      newPod = p;
    } else {
      if (oldPod) return { ok: false };
      oldPod = p;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** util.AllowsSurge: SurgeCount(ds, 1) > 0, so any non-zero maxSurge ("1%" too) allows surging. */
function allowsSurge(ds: DaemonSet): boolean {
  const strategy = (ds.spec as { updateStrategy?: { type?: string; rollingUpdate?: { maxSurge?: IntOrString } } } | undefined)?.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') return false;
  try {
    return getScaledValueFromIntOrPercent(strategy?.rollingUpdate?.maxSurge ?? 0, 1, true) > 0;
  } catch {
    return false;
  }
}

/**
 * rollingUpdate with surge: a new Pod next to each old one, at most maxSurge
 * at a time (an unavailable old Pod may always get one), and the old Pod goes
 * once the new one is available. Old Pods on nodes the DaemonSet no longer
 * fits go only while enough others are available.
 */
function surgingUpdate(ctx: ActorContext, key: string, ds: DaemonSet & { spec?: { minReadySeconds?: number } }, nodes: Node[], nodeToPods: Map<string, Pod[]>, hash: string, maxSurge: number, desired: number, now: number): void {
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  const nodeByName = new Map(nodes.map((n) => [n.metadata?.name ?? '', n]));
  const shouldRun = (nodeName: string) => {
    const node = nodeByName.get(nodeName);
    return node !== undefined && nodeShouldRunDaemonPod(node, ds).shouldRun;
  };
  const oldPodsToDelete: Pod[] = [];
  const shouldNotRunPodsToDelete: Pod[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const nodeName of [...nodeToPods.keys()].sort()) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(nodeToPods.get(nodeName) ?? [], hash);
    if (!ok) {
      numSurge++; // let the manage loop clean up this node, and treat it as a surge node
      continue;
    }
    if (oldPod ? isPodAvailable(oldPod, minReadySeconds, now) : newPod && isPodAvailable(newPod, minReadySeconds, now)) numAvailable++;
    if (!oldPod) continue; // nothing to do: the manage loop handles the node
    if (!newPod) {
      if (!isPodAvailable(oldPod, minReadySeconds, now)) {
        if (!shouldRun(nodeName)) oldPodsToDelete.push(oldPod);
        else allowedNewNodes.push(nodeName); // out of date and not available: a new Pod at once
      } else if (!shouldRun(nodeName)) {
        shouldNotRunPodsToDelete.push(oldPod);
      } else if (numSurge < maxSurge) {
        candidateNewNodes.push(nodeName);
      }
    } else if (!isPodAvailable(newPod, minReadySeconds, now)) {
      numSurge++; // surged here already, waiting for the new Pod to become available
    } else {
      oldPodsToDelete.push(oldPod); // the new Pod is available: the old one goes
    }
  }
  // "With maxSurge, the application owner expects 100% availability."
  const deletable = Math.min(numAvailable - desired, shouldNotRunPodsToDelete.length);
  if (deletable > 0) oldPodsToDelete.push(...shouldNotRunPodsToDelete.slice(0, deletable));
  const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNewNodes.length);
  const newNodesToCreate = [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)];
  const namespace = ds.metadata?.namespace ?? '';
  for (const p of oldPodsToDelete) ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' });
  for (const nodeName of newNodesToCreate) createDaemonPod(ctx, ds, nodeName, hash);
  if (oldPodsToDelete.length + newNodesToCreate.length > 0) {
    ctx.trace({ title: `rolling update (surge): new Pods on ${newNodesToCreate.join(', ') || 'no node'}; deleted ${oldPodsToDelete.map((p) => p.metadata?.name).join(', ') || 'none'} (maxSurge ${maxSurge}, ${numSurge} surging)`, source: 'pkg/controller/daemon/update.go', subject: `DaemonSet ${key}` });
  }
}

/**
 * rollingUpdate without surge: delete just enough old Pods to stay within
 * maxUnavailable (an unavailable old Pod may always go), and let the manage
 * loop of the next sync create the new Pod on each freed node.
 */
function rollingUpdate(ctx: ActorContext, queue: WorkQueue, key: string, ds: DaemonSet & { spec?: { minReadySeconds?: number } }, nodes: Node[], byNode: Map<string, Pod[]>, hash: string, rolling: { maxUnavailable?: IntOrString; maxSurge?: IntOrString }): void {
  // updatedDesiredNodeCounts: every node that should run the DaemonSet is in the map, with or without Pods.
  const nodeToPods = new Map(byNode);
  nodeToPods.delete('');
  let desired = 0;
  for (const node of nodes) {
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
    desired++;
    if (!nodeToPods.has(node.metadata?.name ?? '')) nodeToPods.set(node.metadata?.name ?? '', []);
  }
  let maxUnavailable = getScaledValueFromIntOrPercent(rolling.maxUnavailable ?? 1, desired, true);
  const maxSurge = getScaledValueFromIntOrPercent(rolling.maxSurge ?? 0, desired, true);
  // "if the daemonset returned with an impossible configuration, obey the default of unavailable=1"
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const now = ctx.clock.epochMs + ctx.clock.now();
  const minReadySeconds = ds.spec?.minReadySeconds ?? 0;
  if (maxSurge > 0) {
    surgingUpdate(ctx, key, ds, nodes, nodeToPods, hash, maxSurge, desired, now);
    if (minReadySeconds > 0) queue.addAfter(key, minReadySeconds * 1000);
    return;
  }
  let numUnavailable = 0;
  const allowedReplacementPods: Pod[] = [];
  const candidatePodsToDelete: Pod[] = [];
  for (const nodeName of [...nodeToPods.keys()].sort()) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(nodeToPods.get(nodeName) ?? [], hash);
    if (!ok) {
      numUnavailable++; // let the manage loop clean up this node, and treat it as an unavailable node
      continue;
    }
    if ((!oldPod && !newPod) || (oldPod && newPod)) {
      numUnavailable++; // the manage loop creates or deletes the right Pod; unavailable meanwhile
    } else if (newPod) {
      if (!isPodAvailable(newPod, minReadySeconds, now)) numUnavailable++;
    } else if (oldPod && !isPodAvailable(oldPod, minReadySeconds, now)) {
      allowedReplacementPods.push(oldPod); // out of date and not available: replacing it costs nothing
      numUnavailable++;
    } else if (oldPod && numUnavailable < maxUnavailable) {
      candidatePodsToDelete.push(oldPod);
    }
  }
  const remainingUnavailable = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidatePodsToDelete.length);
  const oldPodsToDelete = [...allowedReplacementPods, ...candidatePodsToDelete.slice(0, remainingUnavailable)];
  const namespace = ds.metadata?.namespace ?? '';
  for (const p of oldPodsToDelete) ctx.api.delete({ apiVersion: 'v1', kind: 'Pod', namespace, name: p.metadata?.name ?? '' });
  if (oldPodsToDelete.length > 0) {
    ctx.trace({ title: `rolling update: deleted ${oldPodsToDelete.map((p) => p.metadata?.name).join(', ')} (maxUnavailable ${maxUnavailable}, ${numUnavailable} unavailable)`, detail: 'the manage loop creates the new Pod on each freed node', source: 'pkg/controller/daemon/update.go', subject: `DaemonSet ${key}` });
  }
  // A new Pod becoming available only after minReadySeconds frees the next slot: look again then.
  if (minReadySeconds > 0) queue.addAfter(key, minReadySeconds * 1000);
}

/** The Pod the controller creates: the template, its node in a required affinity on metadata.name, the default tolerations. */
function createDaemonPod(ctx: ActorContext, ds: DaemonSet & { metadata?: { uid?: string } }, nodeName: string, hash: string): void {
  const template = JSON.parse(JSON.stringify(ds.spec?.template ?? {})) as { metadata?: { labels?: Record<string, string> }; spec?: Record<string, unknown> & { affinity?: Record<string, unknown> } };
  const spec = template.spec ?? {};
  const affinity = (spec.affinity ?? {}) as { nodeAffinity?: Record<string, unknown> };
  spec.affinity = { ...affinity, nodeAffinity: { ...(affinity.nodeAffinity ?? {}), requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } };
  spec.tolerations = daemonPodTolerations(spec as never).map((t) => ({ key: t.key, operator: t.operator, ...(t.value ? { value: t.value } : {}), ...(t.effect ? { effect: t.effect } : {}) }));
  ctx.api.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { generateName: `${ds.metadata?.name}-`, namespace: ds.metadata?.namespace, labels: { ...(template.metadata?.labels ?? {}), [ControllerRevisionHashLabel]: hash }, ownerReferences: [newControllerRef(ds as { metadata?: { name?: string; uid?: string } }, 'apps/v1', 'DaemonSet')] },
    spec,
  });
}

/** updateDaemonSetStatus: over the nodes that should run it, the oldest daemon Pod on each. */
function updateStatus(ctx: ActorContext, queue: WorkQueue, key: string, ds: DaemonSet & { metadata?: { generation?: number }; spec?: { minReadySeconds?: number }; status?: Record<string, unknown> }, nodes: Node[], byNode: Map<string, Pod[]>, hash: string): void {
  const now = ctx.clock.epochMs + ctx.clock.now();
  const minReady = (ds.spec?.minReadySeconds ?? 0) * 1000;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let numberReady = 0;
  let available = 0;
  let updated = 0;
  for (const node of nodes) {
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    const onNode = (byNode.get(node.metadata?.name ?? '') ?? []).filter((p) => !p.metadata?.deletionTimestamp);
    const scheduled = onNode.length > 0;
    if (!shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = [...onNode].sort((a, b) => (toMs(a.metadata?.creationTimestamp ?? null) ?? 0) - (toMs(b.metadata?.creationTimestamp ?? null) ?? 0))[0];
    const r = ready(pod);
    if (r) {
      numberReady++;
      if (minReady === 0 || (toMs(r.lastTransitionTime ?? null) ?? now) + minReady < now) available++;
      else queue.addAfter(key, minReady);
    }
    if (pod.metadata?.labels?.[ControllerRevisionHashLabel] === hash) updated++;
  }
  const status = { ...(ds.status ?? {}), currentNumberScheduled: current, numberMisscheduled: misscheduled, desiredNumberScheduled: desired, numberReady, observedGeneration: ds.metadata?.generation ?? 0, updatedNumberScheduled: updated, numberAvailable: available, numberUnavailable: desired - available };
  if (JSON.stringify(status) !== JSON.stringify(ds.status ?? {})) ctx.api.updateStatus({ ...ds, status });
}

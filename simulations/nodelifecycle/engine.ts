// The nodes engine (chapter 16): the learner's Nodes, Pods, workloads and
// PodDisruptionBudgets on one simulated cluster, with kubelets that heartbeat
// through Leases, the node lifecycle controller, the taint eviction
// controller, the ReplicaSet and Deployment controllers, the disruption
// controller and `kubectl drain`, all on the virtual clock. Answered with
// kubectl get nodes / get pods -o wide at chosen moments, node conditions and
// taints, events, drain output as kubectl prints it, a timeline picture and a
// "why" trace naming the upstream rule at each step.

import { seconds } from '../apimachinery/time.ts';
import { asList, asObject, asString } from '../apimachinery/json.ts';
import { Admission } from '../apiserver/admission/chain.ts';
import { defaultTolerationSeconds } from '../apiserver/admission/default-toleration-seconds.ts';
import { limitRanger } from '../apiserver/admission/limit-ranger.ts';
import { namespaceLifecycle } from '../apiserver/admission/namespace-lifecycle.ts';
import { priority } from '../apiserver/admission/priority.ts';
import { resourceQuota } from '../apiserver/admission/resource-quota.ts';
import { Cluster } from '../apiserver/cluster.ts';
import { freshApiServer } from '../apiserver/scenario.ts';
import { standInWorkloads } from './stand-in-workloads.ts';
import { admitObjects } from '../kubectl/create.ts';
import { formatTable, podColumns, podRowAt, podRowCells, translateTimestampSince } from '../kubectl/get-pods.ts';
import type { Engine, TraceStep } from '../shared/engine.ts';
import { budgetHitOf } from '../shared/engine.ts';
import { ValidationError } from '../shared/errors.ts';
import { disruptionActor, kubelet, kubectlDrainWithAttribution, nodeLifecycleActor, standInScheduler, taintEvictionActor } from './actors-index.ts';
import type { FaultPlan, SimEvent } from './actors.ts';
import type { DrainRecord } from './drain-actor.ts';
import { NodeLifecycleController, TAINT_NOT_READY, TAINT_UNREACHABLE } from './node-lifecycle.ts';
import { readInput } from './schema.ts';
import { buildView } from './view-model.ts';
import type { NodesView } from './view-model.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const MAX_CLOCK_STEPS = 400_000;
export const MAX_WRITES = 20_000;
export const MAX_TRACE_STEPS = 1_500;
export const MAX_EVENTS_KEPT = 600;

export interface Table { command: string; text: string }
export interface Snapshot { at: number; label: string; nodes: Table; pods: Table; pdbs?: Table }
export interface EventRow { at: number; type: 'Normal' | 'Warning'; reason: string; object: string; message: string }
export interface NodeFacts {
  name: string;
  /** kubectl's STATUS column at the end. */
  status: string;
  /** Ready condition changes the API server stored: seconds, status, reason. */
  ready: { at: number; status: string; reason: string }[];
  /** When the Ready condition first became Unknown / False (seconds), if it did. */
  unknownAt?: number;
  notReadyAt?: number;
  /** Last Lease renewal seen (seconds). */
  lastHeartbeatAt?: number;
  heartbeats: number[];
  taints: { at: number; key: string; effect: string; change: 'added' | 'removed' }[];
  noScheduleTaintAt?: number;
  noExecuteTaintAt?: number;
  finalTaints: string[];
  conditions: { type: string; status: string; reason: string; message: string }[];
  fault?: { type: string; at: number; recoverAt?: number; containersRunning: boolean };
}
export interface PodFacts {
  name: string;
  namespace: string;
  node: string;
  owner: string;
  createdAt: number;
  /** When a deletion was asked for (deletionTimestamp), and by whom. */
  deletionRequestedAt?: number;
  deletedBy?: string;
  /** When the object left the API server. */
  goneAt?: number;
  /** Still in the API server at the end with a deletionTimestamp: "Terminating" forever on an unreachable node. */
  stuckTerminating: boolean;
  tolerations: string[];
}
export interface NodesResult {
  until: number;
  gracePeriod: number;
  snapshots: Snapshot[];
  nodes: NodeFacts[];
  pods: PodFacts[];
  events: EventRow[];
  drains: { node: string; at: number; command: string; output: string; lines: { at: number; stream: string; text: string }[]; drainedAt: number | null; failed?: string; evictedOrder: string[];
    refusals: number; attempts: { at: number; pod: string; code: number; pdb?: string }[]; filter?: DrainRecord['filter'] }[];
  /** Pods deleted by taint eviction, in order. */
  taintEvictions: { pod: string; at: number }[];
  truncated?: { reason: string; limit: number; at: number };
}

const SOURCE_ENGINE = 'simulations/nodelifecycle/engine.ts';

function nodeStatusColumn(node: Obj): string {
  // printers.go printNode: Ready → "Ready", any other Ready status → "NotReady", none → "Unknown"; + SchedulingDisabled.
  const ready = (asList(node.status?.conditions) as Obj[]).find((c) => c.type === 'Ready');
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}
function nodeRoles(node: Obj): string {
  const roles = Object.keys(node.metadata?.labels ?? {}).filter((k) => k.startsWith('node-role.kubernetes.io/')).map((k) => k.slice('node-role.kubernetes.io/'.length)).filter((r) => r !== '').sort();
  return roles.length ? roles.join(',') : '<none>';
}

export function runNodes(manifests: Parameters<Engine['run']>[0], budget: { maxSteps: number; maxVirtualTimeMs: number; maxEvents: number }): { result: NodesResult; trace: TraceStep[] } {
  const input = readInput(manifests);
  const api = freshApiServer({ admission: new Admission([namespaceLifecycle, limitRanger, priority, defaultTolerationSeconds(), resourceQuota]) });
  // kube-apiserver creates kube-node-lease at start-up (the kubelets' Leases live there).
  api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kube-node-lease' } });
  const cluster = new Cluster({ api });
  // Nodes first, as they exist; the rest as kubectl create would send them (admission adds the default tolerations).
  const builtins = input.objects;
  const nodeObjs = builtins.filter((o) => (o as Obj).kind === 'Node');
  const stored = admitObjects(api, nodeObjs.map((n) => ({ ...(n as Obj), status: undefined })), 'seed');
  const nodeNames = stored.map((n) => asString(asObject(n.metadata)?.name));
  for (const f of input.faults) if (!nodeNames.includes(f.node)) throw new ValidationError(`Not found: nodes "${f.node}" not found`, { object: f.object, path: ['spec', 'node'] });
  const rest = builtins.filter((o) => (o as Obj).kind !== 'Node');
  const order = ['Namespace', 'PodDisruptionBudget', 'DaemonSet', 'StatefulSet', 'Deployment', 'ReplicaSet', 'Pod'];
  admitObjects(api, [...rest].sort((a, b) => order.indexOf((a as Obj).kind) - order.indexOf((b as Obj).kind)), 'create');

  const events: EventRow[] = [];
  const onEvent = (e: SimEvent) => { if (events.length < MAX_EVENTS_KEPT) events.push({ at: seconds(e.atMs), type: e.type, reason: e.reason, object: e.object, message: e.message }); };
  const plan: FaultPlan[] = input.faults.map((f) => ({ node: f.node, atMs: f.atMs, type: f.type, recoverAtMs: f.recoverAtMs }));
  const nc = new NodeLifecycleController({ nodeMonitorGracePeriod: input.gracePeriodMs / 1000 });
  const taintEvictions: { pod: string; at: number }[] = [];

  // Observers: what the API server stores over time, for the facts and the picture.
  const facts = new Map<string, NodeFacts>();
  for (const name of nodeNames) facts.set(name, { name, status: '', ready: [], heartbeats: [], taints: [], finalTaints: [], conditions: [] });
  const podFacts = new Map<string, PodFacts>();
  const deletedBy = new Map<string, string>();
  cluster.add({
    name: 'observer',
    start(ctx) {
      ctx.watch('coordination.k8s.io/v1', 'Lease', (e) => {
        const f = facts.get(asString(asObject(e.object.metadata)?.name));
        if (f && e.type !== 'DELETED') { f.lastHeartbeatAt = seconds(ctx.clock.now()); if (f.heartbeats.length < 400) f.heartbeats.push(seconds(ctx.clock.now())); }
      });
      const lastTaints = new Map<string, string[]>();
      ctx.watch('v1', 'Node', (e) => {
        const n = e.object as Obj;
        const f = facts.get(n.metadata.name);
        if (!f || e.type === 'DELETED') return;
        const ready = (asList(n.status?.conditions) as Obj[]).find((c) => c.type === 'Ready');
        const last = f.ready[f.ready.length - 1];
        if (ready && (!last || last.status !== ready.status || last.reason !== asString(ready.reason))) {
          f.ready.push({ at: seconds(ctx.clock.now()), status: ready.status, reason: asString(ready.reason) });
          if (ready.status === 'Unknown' && f.unknownAt === undefined) f.unknownAt = seconds(ctx.clock.now());
          if (ready.status === 'False' && f.notReadyAt === undefined) f.notReadyAt = seconds(ctx.clock.now());
        }
        const now = (asList(n.spec?.taints) as Obj[]).map((t) => `${t.key}:${t.effect}`);
        const before = lastTaints.get(n.metadata.name) ?? [];
        for (const t of now) if (!before.includes(t)) {
          const [key, effect] = [t.slice(0, t.lastIndexOf(':')), t.slice(t.lastIndexOf(':') + 1)];
          f.taints.push({ at: seconds(ctx.clock.now()), key, effect, change: 'added' });
          if ((key === TAINT_UNREACHABLE || key === TAINT_NOT_READY) && effect === 'NoSchedule' && f.noScheduleTaintAt === undefined) f.noScheduleTaintAt = seconds(ctx.clock.now());
          if ((key === TAINT_UNREACHABLE || key === TAINT_NOT_READY) && effect === 'NoExecute' && f.noExecuteTaintAt === undefined) f.noExecuteTaintAt = seconds(ctx.clock.now());
        }
        for (const t of before) if (!now.includes(t)) {
          const [key, effect] = [t.slice(0, t.lastIndexOf(':')), t.slice(t.lastIndexOf(':') + 1)];
          f.taints.push({ at: seconds(ctx.clock.now()), key, effect, change: 'removed' });
        }
        lastTaints.set(n.metadata.name, now);
      });
      ctx.watch('v1', 'Pod', (e) => {
        const p = e.object as Obj;
        const key = `${p.metadata.namespace}/${p.metadata.name}`;
        const owner = (asList(p.metadata.ownerReferences) as Obj[]).find((r) => r.controller === true);
        let pf = podFacts.get(key);
        if (!pf || (e.type === 'ADDED' && pf.goneAt !== undefined)) {
          pf = { name: p.metadata.name, namespace: p.metadata.namespace, node: '', owner: owner ? `${owner.kind}/${owner.name}` : '<none>', createdAt: seconds(ctx.clock.now()), stuckTerminating: false,
            tolerations: (asList(p.spec?.tolerations) as Obj[]).map((t) => `${t.key || '*'}:${t.effect || '*'}${typeof t.tolerationSeconds === 'number' ? ` for ${t.tolerationSeconds}s` : ''}`) };
          podFacts.set(key, pf);
        }
        if (p.spec?.nodeName) pf.node = p.spec.nodeName;
        if (p.metadata.deletionTimestamp && pf.deletionRequestedAt === undefined) { pf.deletionRequestedAt = seconds(ctx.clock.now()); pf.deletedBy = deletedBy.get(key) ?? 'a client'; }
        if (e.type === 'DELETED') { pf.goneAt = seconds(ctx.clock.now()); if (pf.deletionRequestedAt === undefined) pf.deletionRequestedAt = pf.goneAt; }
      });
    },
  });
  for (const name of nodeNames) cluster.add(kubelet(name, plan, onEvent));
  cluster.add(standInScheduler(onEvent));
  cluster.add(standInWorkloads(onEvent));
  cluster.add(nodeLifecycleActor(nc, onEvent));
  cluster.add(taintEvictionActor(onEvent, (key, atMs) => { deletedBy.set(key, 'taint eviction'); taintEvictions.push({ pod: key, at: seconds(atMs) }); }));
  cluster.add(disruptionActor());
  const drains: DrainRecord[] = input.drains.map((d) => ({ node: d.node, atMs: d.atMs, lines: [], attempts: [], evictedOrder: [] }));
  input.drains.forEach((d, i) => cluster.add(kubectlDrainWithAttribution(d, drains[i], (key) => deletedBy.set(key, 'eviction (kubectl drain)'))));

  // Snapshots at the asked moments (and the end).
  const snapshots: Snapshot[] = [];
  const snapshot = (atMs: number, label: string) => {
    const nodes = asList(api.list('v1', 'Node').items) as Obj[];
    const nodeLines = [['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], ...nodes.map((n) => [n.metadata.name, nodeStatusColumn(n), nodeRoles(n), translateTimestampSince(n.metadata.creationTimestamp, api.clock.epochMs + atMs), asString(n.status?.nodeInfo?.kubeletVersion) || '<none>'])];
    const pods = asList(api.list('v1', 'Pod').items) as Obj[];
    const podLines = [['NAMESPACE', ...podColumns(true)], ...pods.map((p) => [p.metadata.namespace, ...podRowCells(podRowAt(p, api.clock.epochMs + atMs, { wide: true }), true)])];
    const pdbs = asList(api.list('policy/v1', 'PodDisruptionBudget').items) as Obj[];
    const pdbLines = [['NAMESPACE', 'NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'], ...pdbs.map((p) => [p.metadata.namespace, p.metadata.name,
      p.spec?.minAvailable === undefined ? 'N/A' : String(p.spec.minAvailable), p.spec?.maxUnavailable === undefined ? 'N/A' : String(p.spec.maxUnavailable),
      String(p.status?.disruptionsAllowed ?? 0), translateTimestampSince(p.metadata.creationTimestamp, api.clock.epochMs + atMs)])];
    snapshots.push({ at: seconds(atMs), label,
      nodes: { command: 'kubectl get nodes', text: formatTable(nodeLines) },
      pods: { command: 'kubectl get pods -A -o wide', text: pods.length ? formatTable(podLines) : 'No resources found' },
      ...(pdbs.length ? { pdbs: { command: 'kubectl get pdb -A', text: formatTable(pdbLines) } } : {}) });
  };
  const maxTime = Math.min(input.untilMs, budget.maxVirtualTimeMs);
  for (const at of input.snapshots) if (at < maxTime) cluster.clock.after(at, 'snapshot', () => snapshot(at, `at ${seconds(at)}s`));

  const stop = cluster.runUntil(maxTime, { maxSteps: Math.min(budget.maxSteps, MAX_CLOCK_STEPS), maxVirtualTimeMs: maxTime, maxEvents: Math.min(budget.maxEvents * 10, MAX_WRITES) });
  const endMs = Math.min(cluster.clock.now(), maxTime);
  const truncated = stop.reason === 'quiet' || stop.reason === 'until' ? (input.untilMs > maxTime ? { reason: 'maxVirtualTime', limit: budget.maxVirtualTimeMs, at: seconds(maxTime) } : undefined)
    : { reason: stop.reason, limit: (stop as { limit: number }).limit, at: seconds(endMs) };
  snapshot(truncated ? endMs : maxTime, truncated ? `at ${seconds(endMs)}s (stopped by a budget)` : `at ${seconds(maxTime)}s (end)`);

  // Final facts.
  for (const n of asList(api.list('v1', 'Node').items) as Obj[]) {
    const f = facts.get(n.metadata.name);
    if (!f) continue;
    f.status = nodeStatusColumn(n);
    f.finalTaints = (asList(n.spec?.taints) as Obj[]).map((t) => `${t.key}:${t.effect}`);
    f.conditions = (asList(n.status?.conditions) as Obj[]).map((c) => ({ type: c.type, status: c.status, reason: asString(c.reason), message: asString(c.message) }));
    const fault = input.faults.find((x) => x.node === n.metadata.name);
    if (fault) f.fault = { type: fault.type, at: seconds(fault.atMs), ...(fault.recoverAtMs !== undefined ? { recoverAt: seconds(fault.recoverAtMs) } : {}), containersRunning: fault.type !== 'PowerOff' };
  }
  const alive = new Set((asList(api.list('v1', 'Pod').items) as Obj[]).filter((p) => p.metadata.deletionTimestamp).map((p) => `${p.metadata.namespace}/${p.metadata.name}`));
  for (const [key, pf] of podFacts) pf.stuckTerminating = alive.has(key) && pf.goneAt === undefined;

  const trace: TraceStep[] = cluster.trace.slice(0, MAX_TRACE_STEPS).map((s) => ({ title: s.title, at: seconds(s.atMs), ...(s.detail ? { detail: s.detail } : {}), ...(s.source ? { source: s.source } : {}), ...(s.subject ? { subject: s.subject } : {}), ...(s.level ? { level: s.level } : {}) }));
  if (cluster.trace.length > MAX_TRACE_STEPS) trace.push({ title: `… ${cluster.trace.length - MAX_TRACE_STEPS} more steps not shown`, source: SOURCE_ENGINE });
  if (truncated) trace.push({ title: `stopped at ${truncated.at}s: the ${truncated.reason} budget (${truncated.limit}) was reached`, level: 'warning', source: SOURCE_ENGINE });

  const result: NodesResult = {
    until: seconds(maxTime),
    gracePeriod: input.gracePeriodMs / 1000,
    snapshots,
    nodes: [...facts.values()],
    pods: [...podFacts.values()],
    events,
    drains: drains.map((d, i) => ({
      node: d.node, at: seconds(d.atMs),
      command: ['kubectl drain', d.node, input.drains[i].ignoreDaemonSets ? '--ignore-daemonsets' : '', input.drains[i].deleteEmptyDirData ? '--delete-emptydir-data' : '', input.drains[i].force ? '--force' : '',
        input.drains[i].timeoutMs !== undefined ? `--timeout=${input.drains[i].timeoutMs / 1000}s` : ''].filter(Boolean).join(' '),
      output: d.lines.map((l) => l.text).join('\n'),
      lines: d.lines.map((l) => ({ at: seconds(l.atMs), stream: l.stream, text: l.text })),
      drainedAt: d.drainedAtMs !== undefined ? seconds(d.drainedAtMs) : null,
      ...(d.failed !== undefined ? { failed: d.failed } : {}),
      evictedOrder: d.evictedOrder,
      refusals: d.attempts.filter((a) => a.code === 429).length,
      attempts: d.attempts.map((a) => ({ at: seconds(a.atMs), pod: a.pod, code: a.code, ...(a.pdb ? { pdb: a.pdb } : {}) })),
      ...(d.filter ? { filter: d.filter } : {}),
    })),
    taintEvictions,
    ...(truncated ? { truncated } : {}),
  };
  return { result, trace };
}

export const engine: Engine<NodesResult, NodesView> = {
  id: 'nodes',
  version: '1',
  title: 'Nodes: heartbeats, NotReady, taint-based eviction and kubectl drain',
  summary: 'Kubelets that heartbeat through Leases, the node lifecycle and taint eviction controllers, PodDisruptionBudgets and kubectl drain on one virtual clock.',
  view: 'nodelifecycle/result',
  run(manifests, ctx) {
    const { result, trace } = runNodes(manifests, ctx.budget);
    return { result, trace, ...(result.truncated ? { budgetHit: budgetHitOf(result.truncated) } : {}) };
  },
  viewModel(output) {
    return buildView(output.result);
  },
};

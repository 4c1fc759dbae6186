// The storage engine (chapter 14): the learner's PersistentVolumes, claims, StorageClasses,
// Pods and StatefulSets on one simulated cluster, with kube-controller-manager's PV controller,
// the protection controllers, a StatefulSet stand-in and the ephemeral volume controller, the
// CSI drivers' external-provisioner, and stand-ins for the scheduler's VolumeBinding and the
// kubelets, over virtual time. Answered with `kubectl get pv,pvc` at each moment, `kubectl
// describe pvc` with its events, which volume each claim bound to and why every other candidate
// did not fit, a timeline of phases and a "why" trace naming the upstream rule.

import { Cluster } from '../apiserver/cluster.ts';
import type { ClusterTraceStep } from '../apiserver/cluster.ts';
import { refusal } from '../kubectl/create.ts';
import type { Engine, TraceStep } from '../shared/engine.ts';
import { budgetHitOf } from '../shared/engine.ts';
import { flattenLists } from '../shared/yaml.ts';
import { csiProvisioner, ZONE_LABEL } from './csi-provisioner.ts';
import type { ProvisionerSpec } from './csi-provisioner.ts';
import { EventRecorder, toEventObject } from './events.ts';
import { describePod } from '../kubectl/describe-pod.ts';
import type { RecordedEvent } from './events.ts';
import type { Rejection } from './matching.ts';
import { claimHasClass, defaultClass, pvController, ANN_BOUND_BY_CONTROLLER, ANN_DYNAMICALLY_PROVISIONED, ANN_SELECTED_NODE } from './pv-controller.ts';
import type { BindDecision } from './pv-controller.ts';
import { describePvc, getPods, getPvPvc } from './printers.ts';
import { pvcProtectionController, pvProtectionController } from './protection.ts';
import { kubelets, volumeScheduler } from './scheduler-volumes.ts';
import type { SchedulerDecision } from './scheduler-volumes.ts';
import { readInput, withoutCreateAt, DEFAULT_PROVISIONING_MS } from './schema.ts';
import type { StorageInput, Action } from './schema.ts';
import { ephemeralVolumeController, statefulSetController } from './statefulset.ts';
import { buildView } from './view-model.ts';
import type { StorageView } from './view-model.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export const MAX_CLOCK_STEPS = 200_000;
export const MAX_WRITES = 3_000;
export const MAX_EVENTS_KEPT = 400;
export const MAX_TRACE_STEPS = 1_500;

const DEFAULT_NODES = [
  { name: 'node-a', zone: 'zone-a' },
  { name: 'node-b', zone: 'zone-b' },
];

export interface Snapshot {
  at: number;
  label: string;
  moment: 'requested' | 'action' | 'end' | 'budget';
  /** `kubectl get pv,pvc` as printed (claims of the default namespace). */
  getPvPvc: string;
  /** `kubectl get pods -o wide` (NAME READY STATUS RESTARTS AGE NODE). */
  getPods: string;
  /** The same for namespaces other than default, one command each. */
  blocks: { command: string; text: string }[];
  claims: { name: string; namespace: string; phase: string; volume: string }[];
  volumes: { name: string; phase: string; claim: string }[];
}

export interface ClaimState {
  name: string;
  namespace: string;
  /** STATUS as kubectl prints it (Pending, Bound, Lost, Terminating), or "Deleted". */
  phase: string;
  volume: string;
  capacity: string;
  accessModes: string;
  storageClass: string;
  finalizers: string[];
  selectedNode: string | null;
  /** Seconds when it became Bound, null if it never did. */
  boundAt: number | null;
  deletedAt: number | null;
  events: { type: string; reason: string; message: string; count: number; source: string }[];
}

export interface VolumeState {
  name: string;
  /** Available, Bound, Released, Failed, Terminating, or "Deleted". */
  phase: string;
  claim: string;
  capacity: string;
  accessModes: string;
  reclaimPolicy: string;
  storageClass: string;
  provisionedBy: string | null;
  zone: string | null;
  createdAt: number;
  deletedAt: number | null;
}

export interface PodState {
  name: string;
  namespace: string;
  node: string | null;
  status: string;
  ready: string;
  scheduledAt: number | null;
  deletedAt: number | null;
}

export interface Candidate {
  volume: string;
  reason: Rejection['reason'] | 'chosen' | 'wrongAccessModes';
}

export interface Binding {
  claim: string;
  volume: string | null;
  /** How the claim got its volume: the PV controller's match, a pre-bound pair, the scheduler's choice (WaitForFirstConsumer), a provisioned volume; null if unbound. */
  how: 'matched' | 'prebound' | 'scheduler' | 'provisioned' | null;
  /** Who decided last, and on which node for the scheduler. */
  decidedBy: 'persistentvolume-controller' | 'default-scheduler' | null;
  node: string | null;
  at: number | null;
  candidates: Candidate[];
  /** The access-mode groups the PV controller searched, fewest modes first. */
  searched: string[];
}

export interface StorageResult {
  untilSeconds: number;
  stoppedAtSeconds: number;
  truncated?: { reason: string; limit: number; at: number };
  nodes: { name: string; zone: string | null; unschedulable: boolean }[];
  claims: ClaimState[];
  volumes: VolumeState[];
  pods: PodState[];
  bindings: Binding[];
  snapshots: Snapshot[];
  describe: { claim: string; text: string }[];
  /** `kubectl describe pod` for the Pods that exist at the end (the shared kubectl describer). */
  describePods: { pod: string; text: string }[];
  events: { at: number; lastAt: number; count: number; type: string; reason: string; object: string; message: string; source: string }[];
  eventsDropped: number;
  actions: { at: number; command: string; output: string; error: boolean }[];
  timeline: { object: string; kind: 'PersistentVolumeClaim' | 'PersistentVolume' | 'Pod'; points: { at: number; phase: string }[] }[];
}

const seconds = (ms: number) => Math.round(ms) / 1000;
const meta = (o: Obj | undefined): Obj => (o?.metadata ?? {}) as Obj;
const SHORT: Record<string, string> = { PersistentVolumeClaim: 'persistentvolumeclaim', PersistentVolume: 'persistentvolume', Pod: 'pod', StatefulSet: 'statefulset.apps', StorageClass: 'storageclass.storage.k8s.io' };
const PLURAL: Record<string, string> = { PersistentVolumeClaim: 'persistentvolumeclaims', PersistentVolume: 'persistentvolumes', Pod: 'pods', StatefulSet: 'statefulsets.apps', StorageClass: 'storageclasses.storage.k8s.io' };
const API_VERSION: Record<string, string> = { PersistentVolumeClaim: 'v1', PersistentVolume: 'v1', Pod: 'v1', StatefulSet: 'apps/v1', StorageClass: 'storage.k8s.io/v1' };
const CLUSTER_SCOPED = new Set(['PersistentVolume', 'StorageClass', 'Node']);

/** DefaultStorageClass admission: a claim that names no class gets the default one at create. src: plugin/pkg/admission/storage/storageclass/setdefault/admission.go */
function admitDefaultClass(api: Cluster['api'], object: Obj): { object: Obj; assigned?: string } {
  if (object.kind !== 'PersistentVolumeClaim' || claimHasClass(object)) return { object };
  const sc = defaultClass((api.list('storage.k8s.io/v1', 'StorageClass').items ?? []) as Obj[]);
  if (!sc) return { object };
  const clone = structuredClone(object);
  clone.spec = { ...(clone.spec ?? {}), storageClassName: meta(sc).name };
  return { object: clone, assigned: String(meta(sc).name) };
}

function runAction(cluster: Cluster, a: Action): { command: string; output: string; error: boolean } {
  const api = cluster.api;
  if (a.kind === 'delete') {
    const t = a.target;
    const ns = CLUSTER_SCOPED.has(t.kind) ? undefined : t.namespace;
    const command = `kubectl delete ${SHORT[t.kind].split('.')[0]} ${t.name}${ns && ns !== 'default' ? ` -n ${ns}` : ''} --wait=false`;
    const r = api.delete({ apiVersion: API_VERSION[t.kind], kind: t.kind, namespace: ns, name: t.name });
    if (r.code >= 300) return { command, output: r.code === 404 ? `Error from server (NotFound): ${PLURAL[t.kind]} "${t.name}" not found` : `Error from server: ${r.message}`, error: true };
    return { command, output: `${SHORT[t.kind]} "${t.name}" deleted`, error: false };
  }
  if (a.kind === 'scale') {
    const command = `kubectl scale statefulset ${a.statefulSet} --replicas=${a.replicas}${a.namespace !== 'default' ? ` -n ${a.namespace}` : ''}`;
    const sts = api.peek({ apiVersion: 'apps/v1', kind: 'StatefulSet', namespace: a.namespace, name: a.statefulSet }) as Obj | undefined;
    if (!sts) return { command, output: `Error from server (NotFound): statefulsets.apps "${a.statefulSet}" not found`, error: true };
    const clone = structuredClone(sts);
    clone.spec.replicas = a.replicas;
    const r = api.update(clone);
    if (r.code >= 300) return { command, output: `Error from server: ${r.message}`, error: true };
    return { command, output: `statefulset.apps/${a.statefulSet} scaled`, error: false };
  }
  if (a.kind === 'cordon') {
    const command = `kubectl cordon ${a.node}`;
    const node = api.peek({ apiVersion: 'v1', kind: 'Node', name: a.node }) as Obj | undefined;
    if (!node) return { command, output: `Error from server (NotFound): nodes "${a.node}" not found`, error: true };
    if (node.spec?.unschedulable) return { command, output: `node/${a.node} already cordoned`, error: false };
    const clone = structuredClone(node);
    clone.spec = { ...(clone.spec ?? {}), unschedulable: true };
    api.update(clone);
    return { command, output: `node/${a.node} cordoned`, error: false };
  }
  const command = `kubectl patch pv ${a.persistentVolume} --type=json -p='[{"op":"remove","path":"/spec/claimRef"}]'`;
  const pv = api.peek({ apiVersion: 'v1', kind: 'PersistentVolume', name: a.persistentVolume }) as Obj | undefined;
  if (!pv) return { command, output: `Error from server (NotFound): persistentvolumes "${a.persistentVolume}" not found`, error: true };
  if (!pv.spec?.claimRef) return { command, output: 'The request is invalid: the server rejected our request due to an error in our request', error: true };
  const clone = structuredClone(pv);
  delete clone.spec.claimRef;
  const r = api.update(clone);
  if (r.code >= 300) return { command, output: `Error from server: ${r.message}`, error: true };
  return { command, output: `persistentvolume/${a.persistentVolume} patched`, error: false };
}

/** The objects and events at the end of a run (for the kubectl oracle tests). */
export interface FinalState {
  epochMs: number;
  endMs: number;
  pvcs: Obj[];
  pvs: Obj[];
  pods: Obj[];
  events: RecordedEvent[];
}

export function simulate(input: StorageInput, detail: boolean): { result: StorageResult; trace: TraceStep[]; final: FinalState } {
  const cluster = new Cluster();
  const api = cluster.api;
  const epochMs = cluster.clock.epochMs;
  const recorder = new EventRecorder(MAX_EVENTS_KEPT, () => cluster.clock.now());
  const record = recorder.record.bind(recorder);

  // Nodes first (they exist before anything is scheduled), then namespaces.
  const nodeObjects = input.objects.filter((o) => (o.object as Obj).kind === 'Node');
  if (nodeObjects.length) {
    for (const { object } of nodeObjects) {
      const r = api.seed(object);
      if (r.code >= 400) throw refusal(r, object);
    }
  } else {
    for (const n of DEFAULT_NODES) api.seed({ apiVersion: 'v1', kind: 'Node', metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, [ZONE_LABEL]: n.zone } }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    cluster.trace.push({ atMs: 0, actor: 'scenario', title: `no Node in the cell: two Ready nodes were added, node-a (zone ${DEFAULT_NODES[0].zone}) and node-b (zone ${DEFAULT_NODES[1].zone})`, source: 'kube-notebook' });
  }

  // Observers of phases (read-only, as `kubectl get -w` would).
  const timelines = new Map<string, { object: string; kind: StorageResult['timeline'][number]['kind']; points: { at: number; phase: string }[] }>();
  const boundAt = new Map<string, number>();
  const deletedAt = new Map<string, number>();
  const createdAt = new Map<string, number>();
  const scheduledAt = new Map<string, number>();
  const lastSeen = new Map<string, Obj>();
  const note = (kind: StorageResult['timeline'][number]['kind'], key: string, phase: string) => {
    const id = `${kind}/${key}`;
    const line = timelines.get(id) ?? { object: key, kind, points: [] };
    timelines.set(id, line);
    const at = seconds(cluster.clock.now());
    const last = line.points.at(-1);
    if (last?.phase === phase) return;
    if (last && last.at === at) line.points[line.points.length - 1] = { at, phase };
    else line.points.push({ at, phase });
  };
  cluster.add({
    name: 'observer',
    start(ctx) {
      ctx.watch('v1', 'PersistentVolumeClaim', (e) => {
        const c = e.object as Obj;
        const key = `${meta(c).namespace}/${meta(c).name}`;
        lastSeen.set(`pvc/${key}`, c);
        if (e.type === 'DELETED') { deletedAt.set(`pvc/${key}`, seconds(ctx.clock.now())); note('PersistentVolumeClaim', key, 'Deleted'); return; }
        const phase = meta(c).deletionTimestamp ? 'Terminating' : String(c.status?.phase ?? 'Pending');
        if (phase === 'Bound' && !boundAt.has(key)) boundAt.set(key, seconds(ctx.clock.now()));
        note('PersistentVolumeClaim', key, phase);
      });
      ctx.watch('v1', 'PersistentVolume', (e) => {
        const v = e.object as Obj;
        const key = String(meta(v).name);
        lastSeen.set(`pv/${key}`, v);
        if (!createdAt.has(key)) createdAt.set(key, seconds(ctx.clock.now()));
        if (e.type === 'DELETED') { deletedAt.set(`pv/${key}`, seconds(ctx.clock.now())); note('PersistentVolume', key, 'Deleted'); return; }
        note('PersistentVolume', key, meta(v).deletionTimestamp ? 'Terminating' : String(v.status?.phase ?? 'Pending'));
      });
      ctx.watch('v1', 'Pod', (e) => {
        const p = e.object as Obj;
        const key = `${meta(p).namespace}/${meta(p).name}`;
        lastSeen.set(`pod/${key}`, p);
        if (e.type === 'DELETED') { deletedAt.set(`pod/${key}`, seconds(ctx.clock.now())); note('Pod', key, 'Deleted'); return; }
        if (p.spec?.nodeName && !scheduledAt.has(key)) scheduledAt.set(key, seconds(ctx.clock.now()));
        const waiting = p.status?.containerStatuses?.[0]?.state?.waiting?.reason;
        note('Pod', key, meta(p).deletionTimestamp ? 'Terminating' : waiting ? String(waiting) : String(p.status?.phase ?? 'Pending'));
      });
    },
  });

  const decisions = new Map<string, { by: 'persistentvolume-controller' | 'default-scheduler'; d: BindDecision | SchedulerDecision }>();
  cluster.add(pvController({ record, onDecision: (d) => {
    // Keep the decision that bound the claim (or the latest while it is unbound), not later resyncs of a bound claim.
    // The scheduler's decision (made on the Pod's node, over every volume) is kept over the PV controller's later binding of what it chose.
    const prev = decisions.get(d.claim);
    if (prev && prev.by === 'default-scheduler') return;
    if (prev && prev.d.outcome.volume) return;
    decisions.set(d.claim, { by: 'persistentvolume-controller', d });
  } }));
  cluster.add(pvProtectionController());
  cluster.add(pvcProtectionController());

  // The external provisioners: those the scenario lists, and one for every other CSI provisioner a class names.
  const specs = new Map<string, ProvisionerSpec>(input.provisioners.map((p) => [p.name, p]));
  for (const { object } of input.objects) {
    const o = object as Obj;
    const p = o.kind === 'StorageClass' && typeof o.provisioner === 'string' ? o.provisioner : '';
    if (p && !p.startsWith('kubernetes.io/') && !specs.has(p)) specs.set(p, { name: p, provisioningMs: DEFAULT_PROVISIONING_MS, zonal: false, running: true });
  }
  for (const spec of specs.values()) {
    cluster.add(csiProvisioner(spec, record));
    if (!spec.running) cluster.trace.push({ atMs: 0, actor: 'scenario', title: `no controller plugin runs for provisioner ${spec.name}: claims of its classes wait for it forever`, source: 'kube-notebook', level: 'warning' });
  }
  cluster.add(statefulSetController(record));
  cluster.add(ephemeralVolumeController(record));
  cluster.add(volumeScheduler(record, (d) => decisions.set(d.claim, { by: 'default-scheduler', d })));
  cluster.add(kubelets(record));

  // The built-in objects, as `kubectl create -f` sends them, in document order.
  const create = (object: object, throwOnRefusal: boolean): string | null => {
    const o = withoutCreateAt(object) as Obj;
    const { object: admitted, assigned } = admitDefaultClass(api, o);
    const r = api.create(admitted);
    if (r.code >= 400) {
      if (throwOnRefusal) throw refusal(r, object);
      return r.message ?? 'refused';
    }
    if (assigned) cluster.trace.push({ atMs: cluster.clock.now(), actor: 'kube-apiserver', title: `PersistentVolumeClaim ${o.metadata?.namespace ?? 'default'}/${o.metadata?.name} names no storageClassName: the DefaultStorageClass admission plugin set it to the default class ${assigned}`, source: 'plugin/pkg/admission/storage/storageclass/setdefault/admission.go', level: 'decision' });
    return null;
  };
  for (const { object } of input.objects) {
    const o = object as Obj;
    if (o.kind === 'Namespace') create(object, true);
  }
  const actions: StorageResult['actions'] = [];
  for (const { object, atMs } of input.objects) {
    const o = object as Obj;
    if (o.kind === 'Node' || o.kind === 'Namespace') continue;
    if (atMs === 0) { create(object, true); continue; }
    // Refuse bad objects now, with their line, rather than at their moment.
    const dry = api.create(withoutCreateAt(object), { dryRun: true });
    if (dry.code === 400 || dry.code === 422) throw refusal(dry, object);
    cluster.clock.at(atMs, 'kubectl create', () => {
      const kind = String(o.kind);
      const err = create(object, false);
      const command = `kubectl create -f ${kind.toLowerCase()}-${o.metadata?.name}.yaml`;
      actions.push({ at: seconds(atMs), command, output: err ? `Error from server: ${err}` : `${SHORT[kind] ?? kind.toLowerCase()}/${o.metadata?.name} created`, error: err !== null });
      cluster.trace.push({ atMs, actor: 'kubectl', title: `${command} → ${err ?? 'created'}`, source: 'staging/src/k8s.io/kubectl/pkg/cmd/create', level: err ? 'warning' : 'decision' });
    });
  }

  // Snapshots and actions on the clock (a snapshot at an action's time is taken just before it).
  const snapshots: Snapshot[] = [];
  const take = (atMs: number, label: string, moment: Snapshot['moment']) => {
    const nowMs = epochMs + atMs;
    const pvs = (api.list('v1', 'PersistentVolume').items ?? []) as Obj[];
    const pvcs = (api.list('v1', 'PersistentVolumeClaim').items ?? []) as Obj[];
    const pods = (api.list('v1', 'Pod').items ?? []) as Obj[];
    // kubectl's default namespace first; other namespaces' claims and Pods in their own commands.
    const inNs = (ns: string) => (o: Obj) => (meta(o).namespace ?? 'default') === ns;
    const others = [...new Set([...pvcs, ...pods].map((o) => String(meta(o).namespace ?? 'default')))].filter((ns) => ns !== 'default').sort();
    const blocks: Snapshot['blocks'] = [];
    for (const ns of others) {
      const c = pvcs.filter(inNs(ns));
      const p = pods.filter(inNs(ns));
      if (c.length) blocks.push({ command: `kubectl get pvc -n ${ns}`, text: getPvPvc([], c, nowMs) });
      if (p.length) blocks.push({ command: `kubectl get pods -n ${ns} -o wide`, text: getPods(p, nowMs) });
    }
    snapshots.push({
      at: seconds(atMs),
      label,
      moment,
      getPvPvc: getPvPvc(pvs, pvcs.filter(inNs('default')), nowMs),
      getPods: getPods(pods.filter(inNs('default')), nowMs),
      blocks,
      claims: pvcs.map((c) => ({ name: String(meta(c).name), namespace: String(meta(c).namespace), phase: meta(c).deletionTimestamp ? 'Terminating' : String(c.status?.phase ?? ''), volume: String(c.spec?.volumeName ?? '') })),
      volumes: pvs.map((v) => ({ name: String(meta(v).name), phase: meta(v).deletionTimestamp ? 'Terminating' : String(v.status?.phase ?? ''), claim: v.spec?.claimRef ? `${v.spec.claimRef.namespace}/${v.spec.claimRef.name}` : '' })),
    });
  };
  for (const s of input.snapshots) cluster.clock.at(s, 'snapshot', () => take(s, `at ${seconds(s)}s`, 'requested'));
  for (const a of [...input.actions].sort((x, y) => x.atMs - y.atMs)) {
    cluster.clock.at(a.atMs, 'kubectl', () => {
      take(a.atMs, `at ${seconds(a.atMs)}s, before ${a.kind}`, 'action');
      const out = runAction(cluster, a);
      actions.push({ at: seconds(a.atMs), ...out });
      cluster.trace.push({ atMs: a.atMs, actor: 'kubectl', title: `${out.command} → ${out.output}`, source: 'staging/src/k8s.io/kubectl/pkg/cmd', level: out.error ? 'warning' : 'decision' });
    });
  }

  const stop = cluster.runUntil(input.untilMs, { maxSteps: MAX_CLOCK_STEPS, maxVirtualTimeMs: input.untilMs, maxEvents: MAX_WRITES });
  const endMs = cluster.clock.now();
  const truncated = stop.reason === 'quiet' || stop.reason === 'until' ? undefined : { reason: stop.reason, limit: (stop as { limit: number }).limit, at: seconds(endMs) };
  if (truncated) cluster.trace.push({ atMs: endMs, actor: 'engine', title: `stopped at ${seconds(endMs)}s: the ${truncated.reason} budget (${truncated.limit}) was reached`, level: 'warning' });
  const finalMs = truncated ? endMs : input.untilMs;
  take(finalMs, truncated ? `at ${seconds(finalMs)}s (stopped by a budget)` : `at ${seconds(finalMs)}s (end)`, truncated ? 'budget' : 'end');
  const nowMs = epochMs + finalMs;

  const pvs = (api.list('v1', 'PersistentVolume').items ?? []) as Obj[];
  const pvcs = (api.list('v1', 'PersistentVolumeClaim').items ?? []) as Obj[];
  const pods = (api.list('v1', 'Pod').items ?? []) as Obj[];
  const eventsOf = (kind: string, ns: string, name: string) => recorder.of(kind, ns, name);
  const byKey = (a: { namespace?: string; name: string }, b: { namespace?: string; name: string }) => `${a.namespace ?? ''}/${a.name}`.localeCompare(`${b.namespace ?? ''}/${b.name}`);

  // Claims and volumes that existed at some point, including deleted ones (their last state).
  const claims: ClaimState[] = [];
  for (const [k, last] of lastSeen) {
    if (!k.startsWith('pvc/')) continue;
    const key = k.slice(4);
    const live = pvcs.find((c) => `${meta(c).namespace}/${meta(c).name}` === key);
    const c = live ?? last;
    const [namespace, name] = key.split('/');
    const cells = { volume: String(c.spec?.volumeName ?? ''), capacity: c.spec?.volumeName ? String(c.status?.capacity?.storage ?? '') : '' };
    claims.push({
      name,
      namespace,
      phase: live ? (meta(live).deletionTimestamp ? 'Terminating' : String(live.status?.phase ?? '')) : 'Deleted',
      volume: cells.volume,
      capacity: cells.capacity,
      accessModes: c.spec?.volumeName ? ((c.status?.accessModes ?? []) as string[]).join(',') : '',
      storageClass: String(c.spec?.storageClassName ?? ''),
      finalizers: (meta(c).finalizers ?? []) as string[],
      selectedNode: meta(c).annotations?.[ANN_SELECTED_NODE] ?? null,
      boundAt: boundAt.get(key) ?? null,
      deletedAt: deletedAt.get(k) ?? null,
      events: eventsOf('PersistentVolumeClaim', namespace, name).map((e) => ({ type: e.type, reason: e.reason, message: e.message, count: e.count, source: e.source })),
    });
  }
  claims.sort(byKey);
  const volumes: VolumeState[] = [];
  for (const [k, last] of lastSeen) {
    if (!k.startsWith('pv/')) continue;
    const name = k.slice(3);
    const live = pvs.find((v) => meta(v).name === name);
    const v = live ?? last;
    const zoneExpr = ((v.spec?.nodeAffinity?.required?.nodeSelectorTerms?.[0]?.matchExpressions ?? []) as Obj[]).find((e) => e.key === ZONE_LABEL);
    volumes.push({
      name,
      phase: live ? (meta(live).deletionTimestamp ? 'Terminating' : String(live.status?.phase ?? '')) : 'Deleted',
      claim: v.spec?.claimRef ? `${v.spec.claimRef.namespace}/${v.spec.claimRef.name}` : '',
      capacity: String(v.spec?.capacity?.storage ?? ''),
      accessModes: ((v.spec?.accessModes ?? []) as string[]).join(','),
      reclaimPolicy: String(v.spec?.persistentVolumeReclaimPolicy ?? ''),
      storageClass: String(v.spec?.storageClassName ?? ''),
      provisionedBy: meta(v).annotations?.[ANN_DYNAMICALLY_PROVISIONED] ?? null,
      zone: zoneExpr?.values?.[0] ?? null,
      createdAt: createdAt.get(name) ?? 0,
      deletedAt: deletedAt.get(k) ?? null,
    });
  }
  volumes.sort((a, b) => a.name.localeCompare(b.name));
  const podStates: PodState[] = [];
  for (const [k, last] of lastSeen) {
    if (!k.startsWith('pod/')) continue;
    const key = k.slice(4);
    const live = pods.find((p) => `${meta(p).namespace}/${meta(p).name}` === key);
    const [namespace, name] = key.split('/');
    const p = live ?? last;
    const waiting = p.status?.containerStatuses?.[0]?.state?.waiting?.reason;
    const ready = ((p.status?.containerStatuses ?? []) as Obj[]).filter((s) => s.ready).length;
    podStates.push({
      name,
      namespace,
      node: p.spec?.nodeName ? String(p.spec.nodeName) : null,
      status: !live ? 'Deleted' : meta(live).deletionTimestamp ? 'Terminating' : waiting ? String(waiting) : String(p.status?.phase ?? 'Pending'),
      ready: `${ready}/${((p.spec?.containers ?? []) as Obj[]).length}`,
      scheduledAt: scheduledAt.get(key) ?? null,
      deletedAt: deletedAt.get(k) ?? null,
    });
  }
  podStates.sort(byKey);

  // The binding picture: each claim's volume and why the other candidates did not fit.
  const bindings: Binding[] = claims.map((c) => {
    const key = `${c.namespace}/${c.name}`;
    const dec = decisions.get(key);
    const vol = c.volume || null;
    const pv = vol ? (pvs.find((v) => meta(v).name === vol) ?? lastSeen.get(`pv/${vol}`)) : undefined;
    let how: Binding['how'] = null;
    if (vol) {
      if (meta(pv).annotations?.[ANN_DYNAMICALLY_PROVISIONED]) how = 'provisioned';
      else if (pv && !meta(pv).annotations?.[ANN_BOUND_BY_CONTROLLER]) how = 'prebound';
      else if (dec?.by === 'default-scheduler') how = 'scheduler';
      else how = 'matched';
    }
    const candidates: Candidate[] = [];
    if (dec) {
      const out = dec.d.outcome;
      const seen = new Set<string>();
      for (const r of out.rejections) {
        if (seen.has(r.volume) || r.volume === vol) continue;
        seen.add(r.volume);
        candidates.push({ volume: r.volume, reason: r.reason });
      }
      if ('wrongAccessModes' in out) for (const v of out.wrongAccessModes) if (!seen.has(v) && v !== vol) { seen.add(v); candidates.push({ volume: v, reason: 'wrongAccessModes' }); }
      if (vol) candidates.unshift({ volume: vol, reason: 'chosen' });
    } else if (vol) candidates.push({ volume: vol, reason: 'chosen' });
    return {
      claim: key,
      volume: vol,
      how,
      decidedBy: dec?.by ?? null,
      node: dec && 'node' in dec.d ? dec.d.node : null,
      at: dec ? seconds(dec.d.atMs) : null,
      candidates,
      searched: dec && 'searched' in dec.d.outcome ? (dec.d.outcome as { searched: string[] }).searched : [],
    };
  });

  const describe = pvcs.slice().sort((a, b) => `${meta(a).namespace}/${meta(a).name}`.localeCompare(`${meta(b).namespace}/${meta(b).name}`))
    .map((c) => ({ claim: `${meta(c).namespace}/${meta(c).name}`, text: describePvc(c, pods, recorder.of('PersistentVolumeClaim', String(meta(c).namespace), String(meta(c).name), String(meta(c).uid)), nowMs, epochMs) }));

  const describePods = pods.slice().sort((a, b) => `${meta(a).namespace}/${meta(a).name}`.localeCompare(`${meta(b).namespace}/${meta(b).name}`)).map((p) => ({
    pod: `${meta(p).namespace}/${meta(p).name}`,
    text: describePod(p, recorder.of('Pod', String(meta(p).namespace), String(meta(p).name), String(meta(p).uid)).map((e, i) => toEventObject(e, i, String(meta(p).uid), epochMs)), nowMs),
  }));
  const objectLabel = (e: RecordedEvent) => `${SHORT[e.kind]?.split('.')[0] ?? e.kind.toLowerCase()}/${e.name}`;
  const result: StorageResult = {
    untilSeconds: seconds(input.untilMs),
    stoppedAtSeconds: seconds(finalMs),
    ...(truncated ? { truncated } : {}),
    nodes: ((api.list('v1', 'Node').items ?? []) as Obj[]).map((n) => ({ name: String(meta(n).name), zone: meta(n).labels?.[ZONE_LABEL] ?? null, unschedulable: n.spec?.unschedulable === true })),
    claims,
    volumes,
    pods: podStates,
    bindings,
    snapshots: snapshots.sort((a, b) => a.at - b.at),
    describe,
    describePods,
    events: recorder.events.map((e) => ({ at: seconds(e.firstMs), lastAt: seconds(e.lastMs), count: e.count, type: e.type, reason: e.reason, object: objectLabel(e), message: e.message, source: e.source })),
    eventsDropped: recorder.dropped,
    actions: actions.sort((a, b) => a.at - b.at),
    timeline: [...timelines.values()],
  };
  const steps = cluster.trace;
  const kept = detail ? steps : steps.filter((s) => s.level === 'decision' || s.level === 'warning');
  const trace: TraceStep[] = kept.slice(0, MAX_TRACE_STEPS).map((s: ClusterTraceStep) => ({ title: s.title, at: s.atMs, subject: s.subject ?? s.actor, source: s.source, level: s.level ?? 'info', ...(s.detail ? { detail: s.detail } : {}) }));
  if (kept.length > MAX_TRACE_STEPS) trace.push({ title: `… ${kept.length - MAX_TRACE_STEPS} more steps not shown`, level: 'warning' });
  return { result, trace, final: { epochMs, endMs: finalMs, pvcs, pvs, pods, events: recorder.events } };
}

export const engine: Engine<StorageResult, StorageView> = {
  id: 'storage',
  version: '1',
  title: 'PersistentVolumes, claims and StorageClasses',
  summary: 'The PV controller, a CSI external-provisioner, the protection finalizers, StatefulSet volumeClaimTemplates and the scheduler’s volume binding on a virtual clock, answered with kubectl get pv,pvc, kubectl describe pvc and why each claim got the volume it did.',
  view: 'persistentvolume/result',
  run(manifests, ctx) {
    const input = readInput(flattenLists(manifests), ctx.budget.maxVirtualTimeMs);
    const { result, trace } = simulate(input, ctx.detail);
    return { result, trace, ...(result.truncated ? { budgetHit: budgetHitOf(result.truncated) } : {}) };
  },
  viewModel: buildView,
};

// The controllers engine (chapter 7): the learner's workloads on one simulated
// cluster, with kube-controller-manager's Deployment, ReplicaSet, Job, CronJob,
// DaemonSet and HorizontalPodAutoscaler controllers as actors, a stand-in for
// the scheduler and kubelets (stand-in-nodes.ts), and a script of kubectl
// commands over virtual time. Answered with what an engineer would see:
// kubectl get tables at chosen moments, kubectl rollout status / history,
// events, Deployment conditions, the HPA's syncs, each Deployment's
// ReplicaSets over time, and a "why" trace naming the upstream rule.

import { equalIgnoreHash } from './deployment/hash.ts';
import { Cluster } from '../apiserver/cluster.ts';
import type { ClusterTraceStep } from '../apiserver/cluster.ts';
import { rfc3339, toMs } from '../apimachinery/time.ts';
import { admitObjects } from '../kubectl/create.ts';
import { podRowAt, podColumns, podRowCells } from '../kubectl/get-pods.ts';
import { rolloutStatus, RolloutStatusError } from '../kubectl/rollout-status.ts';
import type { Engine, TraceStep } from '../shared/engine.ts';
import { budgetHitOf } from '../shared/engine.ts';
import { flattenLists } from '../shared/yaml.ts';
import { cronJobController } from './cronjob/controller.ts';
import { daemonSetController } from './daemon/controller.ts';
import { deploymentController } from './deployment/controller.ts';
import type { ControllerEvent } from './deployment/scaler.ts';
import { resolveFenceposts } from './deployment/util.ts';
import { jobController } from './job/controller.ts';
import { hpaController } from './podautoscaler/controller.ts';
import type { PodMetrics } from './podautoscaler/metrics.ts';
import type { HpaSyncResult } from './podautoscaler/sync.ts';
import { replicaSetController } from './replicaset/controller.ts';
import { runAction } from './kubectl-actions.ts';
import * as printers from './printers.ts';
import { readInput } from './schema.ts';
import type { ControllersInput, LoadProfileInput } from './schema.ts';
import { standInNodes } from './stand-in-nodes.ts';
import { garbageCollector } from './garbage-collector.ts';
import { controllerOf } from './work-queue.ts';
import { buildView } from './view-model.ts';
import type { ControllersView } from './view-model.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Caps on what a run may produce (clock tasks, API writes, lines kept). */
export const MAX_CLOCK_STEPS = 400_000;
export const MAX_WRITES = 2_500;
export const MAX_TRACE_STEPS = 2_000;
export const MAX_EVENTS_KEPT = 600;
export const MAX_STATUS_LINES = 300;

export interface EventRow {
  /** Virtual seconds since t = 0. */
  at: number;
  type: 'Normal' | 'Warning';
  reason: string;
  /** As kubectl get events prints OBJECT: "deployment/web", "pod/web-5d…". */
  object: string;
  message: string;
}

export interface Table {
  columns: string[];
  rows: string[][];
}

export interface Snapshot {
  at: number;
  label: string;
  /** Why this moment: just before a kubectl action, asked for by the scenario, the end, or where a budget stopped the run. */
  moment: { kind: 'action'; action: string } | { kind: 'requested' } | { kind: 'end' } | { kind: 'budget' };
  /** `kubectl get deploy,rs,pods,jobs,cronjobs,ds,hpa` at that moment, one table per kind that has objects. */
  tables: { kind: string; command: string; table: Table; text: string }[];
}

export interface DeploymentState {
  name: string;
  replicas: number;
  ready: string;
  upToDate: number;
  available: number;
  unavailable: number;
  revision: number;
  paused: boolean;
  strategy: string;
  /** resolveFenceposts: [maxSurge rounded up, maxUnavailable rounded down], as numbers of Pods. */
  maxSurge: number;
  maxUnavailable: number;
  conditions: { type: string; status: string; reason: string; message: string }[];
  /** Reason of the Progressing condition (NewReplicaSetAvailable, ReplicaSetUpdated, ProgressDeadlineExceeded …). */
  progressing: string | null;
  available_condition: string | null;
  images: string[];
}

export interface ReplicaSetState {
  name: string;
  deployment: string | null;
  revision: number | null;
  image: string;
  desired: number;
  current: number;
  ready: number;
  available: number;
}

export interface PodState {
  name: string;
  owner: string | null;
  ready: string;
  status: string;
  phase: string;
  node: string | null;
  image: string;
}

export interface JobState {
  name: string;
  status: string;
  completions: string;
  active: number;
  succeeded: number;
  failed: number;
  /** Pods the Job created in all. */
  podsCreated: number;
  conditions: { type: string; status: string; reason: string; message: string }[];
}

export interface HpaSync {
  at: number;
  currentReplicas: number;
  desiredReplicas: number;
  /** CPU utilization the sync computed (% of request), when it could. */
  utilization: number | null;
  /** The replica calculator's proposal before min/max, stabilization and rate limits. */
  proposed: number | null;
  rescale: boolean;
  event: string | null;
  conditions: { type: string; status: string; reason: string }[];
}

export interface RolloutStatusRun {
  object: string;
  command: string;
  startedAt: number;
  lines: { at: number; text: string }[];
  /** How it ended: "done", "error" (progress deadline …) or "running" (still waiting when the run ended). */
  ended: 'done' | 'error' | 'running';
}

export interface ControllersResult {
  untilSeconds: number;
  stoppedAtSeconds: number;
  truncated?: { reason: string; limit: number; at: number };
  nodes: string[];
  deployments: DeploymentState[];
  replicaSets: ReplicaSetState[];
  pods: PodState[];
  jobs: JobState[];
  daemonSets: { name: string; desired: number; current: number; ready: number; upToDate: number; available: number; nodes: string[] }[];
  cronJobs: { name: string; active: number; lastSchedule: string | null; jobs: { name: string; createdAt: number }[] }[];
  hpas: { name: string; target: string; minReplicas: number; maxReplicas: number; currentReplicas: number; desiredReplicas: number; syncs: HpaSync[]; scaleEvents: { at: number; from: number; to: number }[] }[];
  snapshots: Snapshot[];
  events: EventRow[];
  eventsDropped: number;
  actions: { at: number; command: string; output: string; error: boolean }[];
  rolloutStatus: RolloutStatusRun[];
  rolloutHistory: { deployment: string; text: string; revisions: { revision: number; changeCause: string; image: string }[]; revisionList: number[] }[];
  /** Each Deployment's ReplicaSets over time: spec.replicas and ready Pods after every change. */
  timelines: { deployment: string; replicaSets: { name: string; revision: number | null; image: string; points: { at: number; replicas: number; ready: number }[] }[] }[];
  /** The most Pods of one Deployment that existed (not terminating) at once, and the fewest ready after its rollout began. */
  podExtremes: { deployment: string; maxPods: number; minReadyAfterFirstAction: number | null }[];
}

const DEFAULT_NODES = ['node-a', 'node-b', 'node-c'];
const toMsOr0 = (v: unknown) => toMs(typeof v === 'string' ? v : null) ?? 0;

const seconds = (ms: number) => Math.round(ms) / 1000;
const isReady = (p: Obj) => ((p.status?.conditions ?? []) as Obj[]).some((c) => c.type === 'Ready' && c.status === 'True');

function kindLower(kind: string): string {
  return kind.toLowerCase();
}

/** A stable, readable label for an ownerReference: "replicaset/web-5d4f8". */
function ownerLabel(o: Obj): string | null {
  const ref = controllerOf(o);
  return ref ? `${kindLower(ref.kind ?? '')}/${ref.name}` : null;
}

function imagesOf(template: Obj | undefined): string[] {
  return ((template?.spec?.containers ?? []) as Obj[]).map((c) => String(c.image ?? ''));
}

function revisionOf(o: Obj): number | null {
  const v = o.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  return typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : null;
}

/** What metrics-server would report for these Pods now, from the LoadProfiles. */
function metricsFrom(loads: readonly LoadProfileInput[], epochMs: number) {
  return (pods: readonly Obj[], nowMs: number): PodMetrics[] => {
    const t = nowMs - epochMs;
    const running = pods.filter((p) => p.status?.phase === 'Running' && !p.metadata?.deletionTimestamp);
    const out: PodMetrics[] = [];
    for (const load of loads) {
      const step = [...load.steps].reverse().find((s) => s.atMs <= t);
      if (!step) continue;
      const mine = running.filter((p) => (p.metadata?.namespace ?? 'default') === load.namespace && load.matches((p.metadata?.labels ?? {}) as Record<string, string>));
      if (mine.length === 0) continue;
      const perPod = step.cpuPerPodMilli ?? Math.floor((step.totalCpuMilli ?? 0) / mine.length);
      for (const p of mine) {
        const containers = ((p.spec?.containers ?? []) as Obj[]).map((c, i) => ({ name: String(c.name ?? ''), usage: { cpu: `${i === 0 ? perPod : 0}m`, memory: '0' } }));
        out.push({ metadata: { name: p.metadata?.name, namespace: p.metadata?.namespace }, timestamp: rfc3339(nowMs), window: '1m0s', containers } as unknown as PodMetrics);
      }
    }
    return out;
  };
}

interface Recorder {
  events: EventRow[];
  dropped: number;
  add(e: Omit<EventRow, 'at'>): void;
}

/**
 * The "why" of one ScalingReplicaSet event, from the state the sync started
 * with (the API server's state now, with this ReplicaSet's size put back).
 * The rule's arithmetic is recomputed and shown only when it gives the size
 * the controller chose; otherwise the step just names the rule.
 */
function explainScaling(cluster: Cluster, e: ControllerEvent): { title: string; source: string } | undefined {
  const m = /^Scaled (up|down) replica set (\S+) from (\d+) to (\d+)$/.exec(e.message);
  const dm = /^Deployment (.*)\/(.*)$/.exec(e.involvedObject);
  if (!m || !dm) return undefined;
  const [, dir, rsName, fromS, toS] = m;
  const from = Number(fromS);
  const to = Number(toS);
  const [, namespace, name] = dm;
  const d = cluster.api.peek({ apiVersion: 'apps/v1', kind: 'Deployment', namespace, name }) as Obj | undefined;
  if (!d) return undefined;
  const rss = ((cluster.api.list('apps/v1', 'ReplicaSet', namespace).items ?? []) as Obj[]).filter((rs) => controllerOf(rs)?.uid === d.metadata?.uid);
  const replicasOf = (rs: Obj) => (rs.metadata?.name === rsName ? from : Number(rs.spec?.replicas ?? 0));
  const replicas = Number(d.spec?.replicas ?? 1);
  if (d.spec?.strategy?.type === 'Recreate') {
    return { title: `Recreate: ${dir === 'down' ? `old ReplicaSet ${rsName} to 0 before any new Pod starts` : `new ReplicaSet ${rsName} to ${to} once no old Pod is left`}`, source: 'pkg/controller/deployment/recreate.go rolloutRecreate' };
  }
  const ru = d.spec?.strategy?.rollingUpdate ?? {};
  let surge: number;
  let unavailable: number;
  try {
    [surge, unavailable] = resolveFenceposts(ru.maxSurge ?? '25%', ru.maxUnavailable ?? '25%', replicas);
  } catch {
    return undefined;
  }
  const rs = rss.find((r) => r.metadata?.name === rsName);
  const isNew = rs ? equalIgnoreHash(rs.spec?.template, d.spec?.template) : false;
  const allPods = rss.reduce((n, r) => n + replicasOf(r), 0);
  const fence = `maxSurge ${JSON.stringify(ru.maxSurge ?? '25%')} → ${surge}, maxUnavailable ${JSON.stringify(ru.maxUnavailable ?? '25%')} → ${unavailable} (surge rounds up, unavailable down)`;
  if (isNew && dir === 'up') {
    const maxTotal = replicas + surge;
    const scaleUp = Math.min(maxTotal - allPods, replicas - from);
    if (from + scaleUp === to) {
      return { title: `reconcileNewReplicaSet: ${fence}; at most ${replicas} + ${surge} = ${maxTotal} Pods, ${allPods} wanted now, so the new ReplicaSet ${rsName} may grow by min(${maxTotal} − ${allPods}, ${replicas} − ${from}) = ${scaleUp}: ${from} → ${to}`, source: 'pkg/controller/deployment/rolling.go reconcileNewReplicaSet (deployment_util.go NewRSNewReplicas)' };
    }
  }
  if (!isNew && dir === 'down' && rs) {
    const newRS = rss.find((r) => equalIgnoreHash(r.spec?.template, d.spec?.template));
    const minAvailable = replicas - unavailable;
    const newUnavailable = newRS ? Number(newRS.spec?.replicas ?? 0) - Number(newRS.status?.availableReplicas ?? 0) : 0;
    const maxScaledDown = allPods - minAvailable - newUnavailable;
    const rsAvailable = Number(rs.status?.availableReplicas ?? 0);
    const unhealthy = from - rsAvailable;
    if (unhealthy > 0 && from - Math.min(maxScaledDown, unhealthy) === to) {
      return { title: `reconcileOldReplicaSets → cleanupUnhealthyReplicas: ${fence}; minAvailable ${replicas} − ${unavailable} = ${minAvailable}; up to ${allPods} − ${minAvailable} − ${newUnavailable} (new Pods not yet available) = ${maxScaledDown} old Pods may go, and ${rsName} has ${unhealthy} that are not available, so those go first (costs no availability): ${from} → ${to}`, source: 'pkg/controller/deployment/rolling.go cleanupUnhealthyReplicas' };
    }
    const availableAll = rss.reduce((n, r) => n + Number(r.status?.availableReplicas ?? 0), 0);
    const canGo = availableAll - minAvailable;
    if (maxScaledDown > 0 && from - Math.min(from, canGo) === to) {
      return { title: `reconcileOldReplicaSets → scaleDownOldReplicaSetsForRollingUpdate: ${fence}; minAvailable ${replicas} − ${unavailable} = ${minAvailable}; ${availableAll} Pods available, so ${canGo} old Pod(s) may go: ${rsName} ${from} → ${to}`, source: 'pkg/controller/deployment/rolling.go scaleDownOldReplicaSetsForRollingUpdate' };
    }
  }
  if (isNew && dir === 'down' && to === replicas) {
    return { title: `reconcileNewReplicaSet: the new ReplicaSet ${rsName} wants more than spec.replicas ${replicas}: scaled down to it`, source: 'pkg/controller/deployment/rolling.go reconcileNewReplicaSet' };
  }
  return { title: `scale: spec.replicas is now ${replicas} (or the Deployment is paused): the ReplicaSets are resized in proportion to their share, within ${replicas} + maxSurge ${surge}: ${rsName} ${from} → ${to}`, source: 'pkg/controller/deployment/sync.go scale (proportional scaling)' };
}

function tableOf(kind: string, columns: string[], rows: string[][], command: string) {
  return { kind, command, table: { columns, rows }, text: printersFormat([columns, ...rows]) };
}

function printersFormat(lines: string[][]): string {
  // kubectl get: printers.GetNewTabWriter (minwidth 6, padding 3).
  const widths: number[] = [];
  for (const cells of lines) cells.forEach((c, i) => { if (i < cells.length - 1) widths[i] = Math.max(widths[i] ?? 0, Math.max(6, c.length + 3)); });
  return lines.map((cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('')).join('\n');
}

const byName = (a: Obj, b: Obj) => (String(a.metadata?.name) < String(b.metadata?.name) ? -1 : String(a.metadata?.name) > String(b.metadata?.name) ? 1 : 0);

function snapshot(cluster: Cluster, atMs: number, label: string, moment: Snapshot['moment'], hpaUtil: Map<string, number | undefined>): Snapshot {
  const nowMs = cluster.clock.epochMs + atMs;
  const list = (apiVersion: string, kind: string) => ((cluster.api.list(apiVersion, kind).items ?? []) as Obj[]).slice().sort(byName);
  const tables: Snapshot['tables'] = [];
  const deploys = list('apps/v1', 'Deployment');
  if (deploys.length) tables.push(tableOf('Deployment', printers.DEPLOYMENT_COLUMNS, deploys.map((d) => printers.deploymentCells(d, nowMs)), 'kubectl get deployments'));
  const rss = list('apps/v1', 'ReplicaSet');
  if (rss.length) tables.push(tableOf('ReplicaSet', printers.REPLICASET_COLUMNS, rss.map((r) => printers.replicaSetCells(r, nowMs)), 'kubectl get replicasets'));
  const ds = list('apps/v1', 'DaemonSet');
  if (ds.length) tables.push(tableOf('DaemonSet', printers.DAEMONSET_COLUMNS, ds.map((r) => printers.daemonSetCells(r, nowMs)), 'kubectl get daemonsets'));
  const cjs = list('batch/v1', 'CronJob');
  if (cjs.length) tables.push(tableOf('CronJob', printers.CRONJOB_COLUMNS, cjs.map((r) => printers.cronJobCells(r, nowMs)), 'kubectl get cronjobs'));
  const jobs = list('batch/v1', 'Job');
  if (jobs.length) tables.push(tableOf('Job', printers.JOB_COLUMNS, jobs.map((r) => printers.jobCells(r, nowMs)), 'kubectl get jobs'));
  const hpas = list('autoscaling/v2', 'HorizontalPodAutoscaler');
  if (hpas.length) tables.push(tableOf('HorizontalPodAutoscaler', printers.HPA_COLUMNS, hpas.map((h) => printers.hpaCells(h, nowMs, { cpu: hpaUtil.get(`${h.metadata?.namespace}/${h.metadata?.name}`) })), 'kubectl get hpa'));
  const pods = list('v1', 'Pod');
  if (pods.length) tables.push(tableOf('Pod', podColumns(true).slice(0, 5).concat('NODE'), pods.map((p) => { const row = podRowAt(p, nowMs); return [...podRowCells(row), p.spec?.nodeName || '<none>']; }), 'kubectl get pods -o wide (IP, NOMINATED NODE and READINESS GATES columns left out)'));
  return { at: seconds(atMs), label, moment, tables };
}

function simulate(input: ControllersInput, detail: boolean): { result: ControllersResult; trace: TraceStep[] } {
  const cluster = new Cluster();
  const nodeObjects = input.objects.filter((o) => (o as Obj).kind === 'Node');
  const others = input.objects.filter((o) => (o as Obj).kind !== 'Node');
  if (nodeObjects.length) admitObjects(cluster.api, nodeObjects, 'seed');
  else {
    for (const name of DEFAULT_NODES) cluster.api.seed({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name } }, status: { conditions: [{ type: 'Ready', status: 'True' }] } });
    cluster.trace.push({ atMs: 0, actor: 'scenario', title: `no Node in the cell: three Ready nodes (${DEFAULT_NODES.join(', ')}) were added`, source: 'kube-notebook' });
  }

  const recorder: Recorder = {
    events: [],
    dropped: 0,
    add(e) {
      if (this.events.length >= MAX_EVENTS_KEPT) this.dropped++;
      else this.events.push({ at: seconds(cluster.clock.now()), ...e });
    },
  };
  const hpaSyncs = new Map<string, HpaSync[]>();
  const hpaUtil = new Map<string, number | undefined>();
  const objLabel = (subject: string) => {
    const m = /^(\w+) (?:[^/]*\/)?(.*)$/.exec(subject);
    return m ? `${kindLower(m[1])}/${m[2]}` : subject;
  };

  // Observers: they only read (as an informer-backed event recorder and `kubectl get -w` would).
  const timelines = new Map<string, Map<string, { name: string; revision: number | null; image: string; points: { at: number; replicas: number; ready: number }[] }>>();
  const extremes = new Map<string, { maxPods: number; minReady: number | null }>();
  const firstActionMs = input.actions.length ? Math.min(...input.actions.map((a) => a.atMs)) : Infinity;
  const seenDeleting = new Set<string>();
  const jobFinished = new Set<string>();
  const jobPods = new Map<string, number>();
  cluster.add({
    name: 'observer',
    start(ctx) {
      ctx.watch('apps/v1', 'ReplicaSet', (e) => {
        const rs = e.object as Obj;
        const owner = controllerOf(rs);
        if (owner?.kind !== 'Deployment') return;
        const key = `${rs.metadata?.namespace}/${owner.name}`;
        const byRs = timelines.get(key) ?? new Map();
        timelines.set(key, byRs);
        const name = String(rs.metadata?.name);
        const line = byRs.get(name) ?? { name, revision: null, image: imagesOf(rs.spec?.template).join(','), points: [] };
        byRs.set(name, line);
        line.revision = revisionOf(rs);
        const replicas = e.type === 'DELETED' ? 0 : Number(rs.spec?.replicas ?? 0);
        const ready = e.type === 'DELETED' ? 0 : Number(rs.status?.readyReplicas ?? 0);
        const at = seconds(ctx.clock.now());
        const last = line.points.at(-1);
        if (!last || last.replicas !== replicas || last.ready !== ready) {
          if (last && last.at === at) line.points[line.points.length - 1] = { at, replicas, ready };
          else line.points.push({ at, replicas, ready });
        }
      });
      ctx.watch('v1', 'Pod', (e) => {
        const p = e.object as Obj;
        const key = `${p.metadata?.namespace}/${p.metadata?.name}`;
        const owner = controllerOf(p);
        if (e.type === 'ADDED' && owner) {
          recorder.add({ type: 'Normal', reason: 'SuccessfulCreate', object: `${kindLower(owner.kind ?? '')}/${owner.name}`, message: `Created pod: ${p.metadata?.name}` });
          if (owner.kind === 'Job') jobPods.set(`${p.metadata?.namespace}/${owner.name}`, (jobPods.get(`${p.metadata?.namespace}/${owner.name}`) ?? 0) + 1);
        }
        if (e.type !== 'DELETED' && p.metadata?.deletionTimestamp && owner && !seenDeleting.has(key)) {
          seenDeleting.add(key);
          // controller_utils.go DeletePod records SuccessfulDelete on the owner that deleted it; the
          // garbage collector, deleting Pods whose owner is gone, records nothing.
          const ownerObj = cluster.api.peek({ apiVersion: owner.apiVersion ?? '', kind: owner.kind ?? '', namespace: p.metadata?.namespace, name: owner.name ?? '' }) as Obj | undefined;
          if (ownerObj && ownerObj.metadata?.uid === owner.uid && !ownerObj.metadata?.deletionTimestamp) {
            recorder.add({ type: 'Normal', reason: 'SuccessfulDelete', object: `${kindLower(owner.kind ?? '')}/${owner.name}`, message: `Deleted pod: ${p.metadata?.name}` });
          }
        }
        // Per Deployment: how many Pods exist and how many are ready (through the ReplicaSet owner's name prefix).
        const rsOwner = owner?.kind === 'ReplicaSet' ? cluster.api.peek({ apiVersion: 'apps/v1', kind: 'ReplicaSet', namespace: p.metadata?.namespace, name: owner.name ?? '' }) as Obj | undefined : undefined;
        const dOwner = rsOwner ? controllerOf(rsOwner) : undefined;
        if (dOwner?.kind === 'Deployment') {
          const dKey = `${p.metadata?.namespace}/${dOwner.name}`;
          const rsNames = new Set(((cluster.api.list('apps/v1', 'ReplicaSet', p.metadata?.namespace).items ?? []) as Obj[]).filter((r) => controllerOf(r)?.uid === dOwner.uid).map((r) => r.metadata?.name));
          const live = ((cluster.api.list('v1', 'Pod', p.metadata?.namespace).items ?? []) as Obj[]).filter((q) => rsNames.has(controllerOf(q)?.name) && !q.metadata?.deletionTimestamp);
          const x = extremes.get(dKey) ?? { maxPods: 0, minReady: null };
          x.maxPods = Math.max(x.maxPods, live.length);
          if (ctx.clock.now() >= firstActionMs) {
            const ready = live.filter(isReady).length;
            x.minReady = x.minReady === null ? ready : Math.min(x.minReady, ready);
          }
          extremes.set(dKey, x);
        }
      });
      ctx.watch('batch/v1', 'Job', (e) => {
        const j = e.object as Obj;
        const key = `${j.metadata?.namespace}/${j.metadata?.name}`;
        if (e.type === 'DELETED' || jobFinished.has(key)) return;
        const done = ((j.status?.conditions ?? []) as Obj[]).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
        if (!done) return;
        jobFinished.add(key);
        // job_controller.go enactJobFinished: Normal "Completed" "Job completed", or Warning with the failure reason and message.
        if (done.type === 'Complete') recorder.add({ type: 'Normal', reason: 'Completed', object: `job/${j.metadata?.name}`, message: 'Job completed' });
        else recorder.add({ type: 'Warning', reason: String(done.reason ?? 'Failed'), object: `job/${j.metadata?.name}`, message: String(done.message ?? '') });
      });
    },
  });

  // The controllers of kube-controller-manager, and the stand-in scheduler and kubelets.
  cluster.add(deploymentController({
    onEvent: (e) => {
      recorder.add({ type: e.type, reason: e.reason, object: objLabel(e.involvedObject), message: e.message });
      const why = explainScaling(cluster, e);
      if (why) cluster.trace.push({ atMs: cluster.clock.now(), actor: 'deployment-controller', title: why.title, source: why.source, subject: e.involvedObject, level: 'decision' });
    },
  }));
  cluster.add(replicaSetController());
  cluster.add(jobController());
  cluster.add(cronJobController({ onEvent: (e) => recorder.add({ type: e.type, reason: e.reason, object: e.subject ? objLabel(e.subject) : 'cronjob', message: e.message }) }));
  cluster.add(daemonSetController());
  cluster.add(garbageCollector());
  cluster.add(hpaController({
    metrics: metricsFrom(input.loads, cluster.clock.epochMs) as never,
    onSync: (key: string, r: HpaSyncResult, atMs: number) => {
      const cpu = r.metrics.find((m) => m.utilization !== undefined);
      hpaUtil.set(key, cpu?.utilization);
      const list = hpaSyncs.get(key) ?? [];
      hpaSyncs.set(key, list);
      list.push({ at: seconds(atMs - cluster.clock.epochMs), currentReplicas: r.currentReplicas, desiredReplicas: r.desiredReplicas, utilization: cpu?.utilization ?? null, proposed: r.metrics.find((m) => m.replicas !== undefined)?.replicas ?? null, rescale: r.rescale, event: r.event ?? null, conditions: r.conditions.map((c) => ({ type: c.type, status: c.status, reason: c.reason })) });
      const name = key.split('/')[1];
      if (r.event && r.eventReason) recorder.add({ type: r.eventReason === 'SuccessfulRescale' ? 'Normal' : 'Warning', reason: r.eventReason, object: `horizontalpodautoscaler/${name}`, message: r.event });
      cluster.trace.push({ atMs: atMs - cluster.clock.epochMs, actor: 'horizontal-pod-autoscaler', title: `HPA ${name}: ${r.metrics.map((m) => m.error ?? `${m.metric} ${m.utilization ?? m.averageValue}${m.utilization !== undefined ? '%' : ''} → ${m.replicas} replicas`).join('; ')}; desired ${r.desiredReplicas} (current ${r.currentReplicas})${r.conditions.length ? `; ${r.conditions.map((c) => `${c.type}=${c.status} ${c.reason}`).join(', ')}` : ''}`, source: 'pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler, replica_calculator.go GetResourceReplicas', subject: `HorizontalPodAutoscaler ${key}`, level: r.rescale ? 'decision' : 'info' });
    },
  }));
  cluster.add(standInNodes({ startupMs: input.podStartupMs, behaviors: input.behaviors, onEvent: (e) => recorder.add({ type: e.type, reason: e.reason, object: e.object, message: e.message }) }));

  // kubectl rollout status: one run from the start for each Deployment and DaemonSet, and one after each command on a Deployment.
  const statusRuns: (RolloutStatusRun & { ref: Obj; revision: number })[] = [];
  const startStatus = (ref: { apiVersion: string; kind: string; namespace: string; name: string }, label: string) => {
    const run = { object: `${kindLower(ref.kind)}/${ref.name}`, command: `kubectl rollout status ${kindLower(ref.kind)}/${ref.name}`, startedAt: seconds(cluster.clock.now()), lines: [] as { at: number; text: string }[], ended: 'running' as RolloutStatusRun['ended'], ref, revision: 0, label };
    statusRuns.push(run);
    const look = () => {
      if (run.ended !== 'running') return;
      const o = cluster.api.peek(ref) as Obj | undefined;
      if (!o) return;
      if (run.lines.length >= MAX_STATUS_LINES) return;
      try {
        const s = rolloutStatus(o as never, run.revision);
        run.lines.push({ at: seconds(cluster.clock.now()), text: s.message.replace(/\n$/, '') });
        if (s.done) run.ended = 'done';
      } catch (err) {
        if (!(err instanceof RolloutStatusError)) throw err;
        run.lines.push({ at: seconds(cluster.clock.now()), text: `error: ${err.message}` });
        run.ended = 'error';
      }
    };
    look();
    return look;
  };
  const lookers = new Map<string, (() => void)[]>();
  cluster.add({
    name: 'kubectl-rollout-status',
    start(ctx) {
      for (const [apiVersion, kind] of [['apps/v1', 'Deployment'], ['apps/v1', 'DaemonSet']]) {
        ctx.watch(apiVersion, kind, (e) => {
          const o = e.object as Obj;
          const key = `${kind}/${o.metadata?.namespace}/${o.metadata?.name}`;
          if (e.type === 'ADDED' && !lookers.has(key)) {
            lookers.set(key, [startStatus({ apiVersion, kind, namespace: String(o.metadata?.namespace), name: String(o.metadata?.name) }, 'created')]);
            return;
          }
          if (e.type === 'MODIFIED') for (const look of lookers.get(key) ?? []) look();
        });
      }
    },
  });

  // The scenario's built-in objects, as `kubectl create -f` would send them.
  admitObjects(cluster.api, others, 'create');

  // Snapshots and the kubectl script on the clock (a snapshot at an action's time is taken just before it).
  const snapshots: Snapshot[] = [];
  const actions: ControllersResult['actions'] = [];
  for (const s of input.snapshots) cluster.clock.at(s.atMs, 'snapshot', () => snapshots.push(snapshot(cluster, s.atMs, `at ${seconds(s.atMs)}s`, { kind: 'requested' }, hpaUtil)));
  for (const a of [...input.actions].sort((x, y) => x.atMs - y.atMs)) {
    cluster.clock.at(a.atMs, 'kubectl', () => {
      snapshots.push(snapshot(cluster, a.atMs, `at ${seconds(a.atMs)}s, before ${a.kind}`, { kind: 'action', action: a.kind }, hpaUtil));
      const out = runAction(cluster.api, a);
      actions.push({ at: seconds(a.atMs), ...out });
      cluster.trace.push({ atMs: a.atMs, actor: 'kubectl', title: `${out.command} → ${out.output}`, source: 'staging/src/k8s.io/kubectl/pkg/cmd', level: out.error ? 'warning' : 'decision' });
      if (!out.error && a.kind !== 'pause') {
        const key = `Deployment/${a.namespace}/${a.deployment}`;
        const list = lookers.get(key) ?? [];
        list.push(startStatus({ apiVersion: 'apps/v1', kind: 'Deployment', namespace: a.namespace, name: a.deployment }, a.kind));
        lookers.set(key, list);
      }
    });
  }

  const stop = cluster.runUntil(input.untilMs, { maxSteps: MAX_CLOCK_STEPS, maxVirtualTimeMs: input.untilMs, maxEvents: MAX_WRITES });
  const endMs = cluster.clock.now();
  const truncated = stop.reason === 'quiet' || stop.reason === 'until' ? undefined : { reason: stop.reason, limit: (stop as { limit: number }).limit, at: seconds(endMs) };
  if (truncated) cluster.trace.push({ atMs: endMs, actor: 'engine', title: `stopped at ${seconds(endMs)}s: the ${truncated.reason} budget (${truncated.limit}) was reached`, level: 'warning' });
  const finalAt = truncated ? endMs : input.untilMs;
  snapshots.push(snapshot(cluster, finalAt, truncated ? `at ${seconds(finalAt)}s (stopped by a budget)` : `at ${seconds(finalAt)}s (end)`, truncated ? { kind: 'budget' } : { kind: 'end' }, hpaUtil));

  const list = (apiVersion: string, kind: string) => ((cluster.api.list(apiVersion, kind).items ?? []) as Obj[]).slice().sort(byName);
  const rsList = list('apps/v1', 'ReplicaSet');
  const deployments: DeploymentState[] = list('apps/v1', 'Deployment').map((d) => {
    const ru = d.spec?.strategy?.rollingUpdate ?? {};
    let fence: [number, number] = [0, 0];
    try {
      if (d.spec?.strategy?.type !== 'Recreate') fence = resolveFenceposts(ru.maxSurge ?? '25%', ru.maxUnavailable ?? '25%', Number(d.spec?.replicas ?? 1));
    } catch { /* refused by validation already */ }
    const conditions = ((d.status?.conditions ?? []) as Obj[]).map((c) => ({ type: String(c.type), status: String(c.status), reason: String(c.reason ?? ''), message: String(c.message ?? '') }));
    return {
      name: String(d.metadata?.name),
      replicas: Number(d.spec?.replicas ?? 0),
      ready: `${Number(d.status?.readyReplicas ?? 0)}/${Number(d.spec?.replicas ?? 0)}`,
      upToDate: Number(d.status?.updatedReplicas ?? 0),
      available: Number(d.status?.availableReplicas ?? 0),
      unavailable: Number(d.status?.unavailableReplicas ?? 0),
      revision: revisionOf(d) ?? 0,
      paused: d.spec?.paused === true,
      strategy: String(d.spec?.strategy?.type ?? 'RollingUpdate'),
      maxSurge: fence[0],
      maxUnavailable: fence[1],
      conditions,
      progressing: conditions.find((c) => c.type === 'Progressing')?.reason ?? null,
      available_condition: conditions.find((c) => c.type === 'Available')?.status ?? null,
      images: imagesOf(d.spec?.template),
    };
  });
  const replicaSets: ReplicaSetState[] = rsList.map((rs) => {
    const owner = controllerOf(rs);
    return { name: String(rs.metadata?.name), deployment: owner?.kind === 'Deployment' ? String(owner.name) : null, revision: revisionOf(rs), image: imagesOf(rs.spec?.template).join(','), desired: Number(rs.spec?.replicas ?? 0), current: Number(rs.status?.replicas ?? 0), ready: Number(rs.status?.readyReplicas ?? 0), available: Number(rs.status?.availableReplicas ?? 0) };
  });
  const endNow = cluster.clock.epochMs + finalAt;
  const pods: PodState[] = list('v1', 'Pod').map((p) => {
    const row = podRowAt(p, endNow);
    return { name: String(p.metadata?.name), owner: ownerLabel(p), ready: row.ready, status: row.status, phase: String(p.status?.phase ?? 'Pending'), node: p.spec?.nodeName ? String(p.spec.nodeName) : null, image: imagesOf(p).join(',') };
  });
  const jobs: JobState[] = list('batch/v1', 'Job').map((j) => ({
    name: String(j.metadata?.name),
    status: printers.jobStatus(j),
    completions: printers.jobCells(j, endNow)[2],
    active: Number(j.status?.active ?? 0),
    succeeded: Number(j.status?.succeeded ?? 0),
    failed: Number(j.status?.failed ?? 0),
    podsCreated: jobPods.get(`${j.metadata?.namespace}/${j.metadata?.name}`) ?? 0,
    conditions: ((j.status?.conditions ?? []) as Obj[]).map((c) => ({ type: String(c.type), status: String(c.status), reason: String(c.reason ?? ''), message: String(c.message ?? '') })),
  }));
  const allPods = list('v1', 'Pod');
  const daemonSets = list('apps/v1', 'DaemonSet').map((ds) => {
    const s = ds.status ?? {};
    return { name: String(ds.metadata?.name), desired: Number(s.desiredNumberScheduled ?? 0), current: Number(s.currentNumberScheduled ?? 0), ready: Number(s.numberReady ?? 0), upToDate: Number(s.updatedNumberScheduled ?? 0), available: Number(s.numberAvailable ?? 0), nodes: allPods.filter((p) => controllerOf(p)?.uid === ds.metadata?.uid && p.spec?.nodeName).map((p) => String(p.spec.nodeName)).sort() };
  });
  const allJobs = list('batch/v1', 'Job');
  const cronJobs = list('batch/v1', 'CronJob').map((cj) => ({ name: String(cj.metadata?.name), active: (cj.status?.active ?? []).length, lastSchedule: cj.status?.lastScheduleTime ? String(cj.status.lastScheduleTime) : null, jobs: allJobs.filter((j) => controllerOf(j)?.uid === cj.metadata?.uid).map((j) => ({ name: String(j.metadata?.name), createdAt: seconds(toMsOr0(j.metadata?.creationTimestamp) - cluster.clock.epochMs) })).sort((a, b) => a.createdAt - b.createdAt) }));
  const hpas = list('autoscaling/v2', 'HorizontalPodAutoscaler').map((h) => {
    const key = `${h.metadata?.namespace}/${h.metadata?.name}`;
    return { name: String(h.metadata?.name), target: `${h.spec?.scaleTargetRef?.kind}/${h.spec?.scaleTargetRef?.name}`, minReplicas: Number(h.spec?.minReplicas ?? 1), maxReplicas: Number(h.spec?.maxReplicas ?? 0), currentReplicas: Number(h.status?.currentReplicas ?? 0), desiredReplicas: Number(h.status?.desiredReplicas ?? 0), syncs: hpaSyncs.get(key) ?? [], scaleEvents: (hpaSyncs.get(key) ?? []).filter((s) => s.rescale).map((s) => ({ at: s.at, from: s.currentReplicas, to: s.desiredReplicas })) };
  });
  const rolloutHistory = list('apps/v1', 'Deployment').map((d) => {
    const h = printers.rolloutHistory(String(d.metadata?.name), rsList.filter((rs) => controllerOf(rs)?.uid === d.metadata?.uid));
    return { deployment: String(d.metadata?.name), ...h, revisionList: h.revisions.map((r) => r.revision) };
  });
  const timelineList = [...timelines.entries()].map(([key, byRs]) => ({ deployment: key.split('/')[1], replicaSets: [...byRs.values()].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0)) }));

  const result: ControllersResult = {
    untilSeconds: seconds(input.untilMs),
    stoppedAtSeconds: seconds(finalAt),
    ...(truncated ? { truncated } : {}),
    nodes: list('v1', 'Node').map((n) => String(n.metadata?.name)),
    deployments,
    replicaSets,
    pods,
    jobs,
    daemonSets,
    cronJobs,
    hpas,
    snapshots: snapshots.sort((a, b) => a.at - b.at),
    events: recorder.events,
    eventsDropped: recorder.dropped,
    actions,
    rolloutStatus: statusRuns.map(({ object, command, startedAt, lines, ended }) => ({ object, command, startedAt, lines, ended })),
    rolloutHistory,
    timelines: timelineList,
    podExtremes: [...extremes.entries()].map(([key, x]) => ({ deployment: key.split('/')[1], maxPods: x.maxPods, minReadyAfterFirstAction: x.minReady })),
  };
  const steps = cluster.trace;
  const trace: TraceStep[] = (detail ? steps : steps.filter((s) => s.level === 'decision' || s.level === 'warning')).slice(0, MAX_TRACE_STEPS).map((s: ClusterTraceStep) => ({ title: s.title, at: s.atMs, subject: s.subject ?? s.actor, source: s.source, level: s.level ?? 'info', ...(s.detail ? { detail: s.detail } : {}) }));
  if (steps.length > MAX_TRACE_STEPS) trace.push({ title: `… ${steps.length - MAX_TRACE_STEPS} more steps not shown`, level: 'warning' });
  return { result, trace };
}

export const engine: Engine<ControllersResult, ControllersView> = {
  id: 'controllers',
  version: '1',
  title: 'Workload controllers',
  summary: 'Deployments, ReplicaSets, Jobs, CronJobs, DaemonSets and HPAs reconciled by kube-controller-manager’s controllers on a virtual clock, with a kubectl script (set image, rollout undo, scale, pause), answered with kubectl get, rollout status and history, events and a ReplicaSet timeline.',
  view: 'controllers/result',
  run(manifests, ctx) {
    const input = readInput(flattenLists(manifests), ctx.budget.maxVirtualTimeMs);
    const { result, trace } = simulate(input, ctx.detail);
    return { result, trace, ...(result.truncated ? { budgetHit: budgetHitOf(result.truncated) } : {}) };
  },
  viewModel: buildView,
};


// The pod-lifecycle simulation: one Pod, the kubelet library on a virtual clock,
// and the result a learner reads (timeline, restarts, events, `kubectl get -w`).

import type { RunBudget, TraceStep } from '../shared/engine.ts';
import { DEFAULT_BUDGET } from '../shared/engine.ts';
import { LimitExceededError } from '../shared/errors.ts';
import { parseManifests } from '../shared/yaml.ts';
import { podRowAt, podColumns, podRowCells, formatWatch } from '../kubectl/get-pods.ts';
import type { PodRow } from '../kubectl/get-pods.ts';
import { PodKubelet, defaultPodIP } from '../kubelet/pod-kubelet.ts';
import type { StatusWrite } from '../kubelet/pod-kubelet.ts';
import { getPodQOS } from '../apiserver/pod-qos.ts';
import type { PodLike } from '../apiserver/pod-qos.ts';
import type { ContainerStatus, Pod, PodCondition } from '../kubelet/types.ts';
import { DEFAULT_UNTIL_SECONDS, MAX_SECONDS } from './behavior-schema.ts';
import { buildBehaviors } from './behaviors.ts';
import { readInput } from './schema.ts';
import type { PodLifecycleInput } from './schema.ts';
import type {
  ConditionChange,
  ContainerResult,
  ContainerView,
  EventView,
  PodLifecycleResult,
  RestartView,
  Snapshot,
  TimelineEntry,
} from './result.ts';

export interface SimulatePodOptions {
  budget?: RunBudget;
  /** How many moments the time slider gets full objects for. Default 120. */
  maxSnapshots?: number;
}

export interface PodLifecycleOutput {
  result: PodLifecycleResult;
  trace: TraceStep[];
}

const s = (ms: number) => Math.round(ms) / 1000;

/** Grid steps for statusAt, smallest first: the first that gives at most 60 samples is used. */
const GRID_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];

function addContainerViews(out: ContainerView[], statuses: ContainerStatus[] | undefined, kindOf: (name: string) => ContainerView['kind']): void {
  for (const cs of statuses ?? []) {
    const st = cs.state ?? {};
    const state: ContainerView['state'] = st.running ? 'running' : st.terminated ? 'terminated' : st.waiting ? 'waiting' : 'none';
    out.push({
      name: cs.name,
      kind: kindOf(cs.name),
      state,
      reason: st.waiting?.reason ?? st.terminated?.reason ?? null,
      exitCode: st.terminated ? st.terminated.exitCode : null,
      restartCount: cs.restartCount,
      ready: cs.ready,
      started: cs.started === true,
    });
  }
}

const regularKind = (): ContainerView['kind'] => 'regular';

function containerViews(pod: Pod): ContainerView[] {
  const out: ContainerView[] = [];
  const sidecars = new Set((pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  addContainerViews(out, pod.status?.initContainerStatuses, (n) => (sidecars.has(n) ? 'sidecar' : 'init'));
  addContainerViews(out, pod.status?.containerStatuses, regularKind);
  return out;
}

/** What a snapshot takes from a Pod object whatever the moment (computed once per written object). */
const staticParts = new WeakMap<Pod, { conditions: Record<string, string>; containers: ContainerView[] }>();

function snapshotOf(pod: Pod | undefined, atMs: number, epochMs: number, deleted: boolean, row?: PodRow): Snapshot {
  if (!pod || deleted) {
    return {
      t: s(atMs), exists: false, phase: null, ready: null, status: null, restarts: null, restartCount: 0, age: null,
      containers: [], conditions: {}, terminating: false,
    };
  }
  row ??= podRowAt(pod, epochMs + atMs);
  let fixed = staticParts.get(pod);
  if (!fixed) {
    const conditions: Record<string, string> = {};
    for (const c of pod.status?.conditions ?? []) conditions[c.type] = c.status;
    fixed = { conditions, containers: containerViews(pod) };
    staticParts.set(pod, fixed);
  }
  const { conditions } = fixed;
  return {
    t: s(atMs),
    exists: true,
    phase: pod.status?.phase ?? null,
    ready: row.ready,
    status: row.status,
    restarts: row.restarts,
    restartCount: row.restartCount,
    age: row.age,
    containers: fixed.containers,
    conditions,
    terminating: !!pod.metadata.deletionTimestamp,
  };
}

function resolveInput(input: string | PodLifecycleInput): PodLifecycleInput {
  return typeof input === 'string' ? readInput(parseManifests(input)) : input;
}

/**
 * Simulates one Pod's life.
 *
 * @example
 *   const { result } = simulatePod(`
 *   apiVersion: v1
 *   kind: Pod
 *   metadata: { name: crash }
 *   spec:
 *     containers: [{ name: app, image: busybox:1.36, command: ["sh", "-c", "sleep 5; exit 1"] }]
 *   `);
 *   result.restarts.map((r) => r.at) // [7, 22, 47, 92, 177, 342]: sandbox 1 s, pull 1 s, runs of 5 s, 0, 10, 20, 40, 80, 160 s of back-off
 */
export function simulatePod(input: string | PodLifecycleInput, options: SimulatePodOptions = {}): PodLifecycleOutput {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const { pod, behavior, workload, warnings } = resolveInput(input);

  const scheduled: number[] = [
    ...behavior.observeAtSeconds,
    ...(behavior.delete ? [behavior.delete.atSeconds] : []),
    ...(behavior.evict ? [behavior.evict.atSeconds] : []),
    ...behavior.containers.flatMap((c) => c.kills.map((k) => k.atSeconds)),
  ];
  const latestScripted = scheduled.length > 0 ? Math.max(...scheduled) : 0;
  let untilSeconds = behavior.untilSeconds ?? Math.min(MAX_SECONDS, Math.max(DEFAULT_UNTIL_SECONDS, latestScripted + 120));
  const maxSeconds = Math.min(MAX_SECONDS, budget.maxVirtualTimeMs / 1000);
  if (untilSeconds > maxSeconds) {
    throw new LimitExceededError(`Invalid value: ${untilSeconds}: must be less than or equal to ${maxSeconds} seconds of virtual time`, {
      object: behavior.source,
      path: ['spec', 'untilSeconds'],
    });
  }
  untilSeconds = Math.max(untilSeconds, 1);
  const untilMs = untilSeconds * 1000;

  // PrepareForCreate computed it when the API server stored the Pod.
  const qosClass = pod.status?.qosClass ?? getPodQOS(pod as unknown as PodLike);
  const ip = behavior.podIP ?? defaultPodIP(pod.metadata.name);
  const { behaviorOf, notes } = buildBehaviors(behavior, ip);
  const kubelet = new PodKubelet(pod, {
    nodeName: behavior.nodeName,
    podIP: ip,
    qosClass,
    scheduleAfterMs: Math.round((behavior.scheduleAfterSeconds ?? 0) * 1000),
    sandboxMs: Math.round((behavior.sandboxSeconds ?? 1) * 1000),
    behavior: (c) => behaviorOf(c),
  });
  for (const c of behavior.containers) {
    for (const k of c.kills) kubelet.killContainer(c.name, Math.round(k.atSeconds * 1000), { exitCode: k.exitCode, reason: k.reason, message: k.message });
  }
  if (behavior.delete) kubelet.deletePod(Math.round(behavior.delete.atSeconds * 1000), { gracePeriodSeconds: behavior.delete.gracePeriodSeconds });
  if (behavior.evict) {
    kubelet.evictPod(Math.round(behavior.evict.atSeconds * 1000), {
      message: behavior.evict.message,
      gracePeriodSeconds: behavior.evict.gracePeriodSeconds,
    });
  }

  // Run the clock in chunks so the budgets are checked as it goes.
  let truncated: PodLifecycleResult['truncated'] = null;
  let actions = 0;
  // An action is one kubelet event handled (a sync, a probe, an exit ...).
  for (;;) {
    const next = kubelet.nextActionAt();
    if (next === undefined || next > untilMs || kubelet.finished) break;
    if (actions >= budget.maxSteps) {
      truncated = { reason: 'maxSteps', limit: budget.maxSteps, at: s(kubelet.now) };
      break;
    }
    actions += kubelet.advanceTo(untilMs, Math.min(2000, budget.maxSteps - actions));
    const volume = kubelet.writes.length + kubelet.recorder.all.length;
    if (volume > budget.maxEvents) {
      truncated = { reason: 'maxEvents', limit: budget.maxEvents, at: s(kubelet.now) };
      break;
    }
  }
  if (!truncated && !kubelet.finished) kubelet.advanceTo(untilMs);
  const finishAt = kubelet.deletedAtMs ?? kubelet.terminalAtMs;
  const endMs = truncated ? kubelet.now : kubelet.finished && finishAt !== undefined ? Math.min(finishAt, untilMs) : untilMs;

  const epoch = kubelet.epochMs;
  const deletedAtMs = kubelet.deletedAtMs;
  const isDeleted = (ms: number) => deletedAtMs !== undefined && ms > deletedAtMs;
  const writes: StatusWrite[] = kubelet.writes.filter((w) => w.atMs <= endMs);

  // Timeline and watch lines: one entry per write.
  const timeline: TimelineEntry[] = [];
  const rows: { t: number; cells: string[] }[] = [];
  for (const w of writes) {
    const row = podRowAt(w.pod, epoch + w.atMs);
    const entry = snapshotOf(w.pod, w.atMs, epoch, false, row) as TimelineEntry;
    entry.cause = w.cause;
    timeline.push(entry);
    rows.push({ t: s(w.atMs), cells: podRowCells(row) });
  }
  const columns = podColumns(false);
  // `kubectl apply … && kubectl get pods -w`: the first write is the initial list, the rest are watch events.
  const lines = formatWatch(columns, rows.slice(0, 1).map((r) => r.cells), rows.slice(1).map((r) => r.cells));

  // Phases and condition changes.
  const phases: { t: number; phase: string }[] = [];
  const conditions: ConditionChange[] = [];
  const lastCondition = new Map<string, PodCondition>();
  for (const w of writes) {
    const phase = w.pod.status?.phase ?? 'Pending';
    if (phases.length === 0 || phases[phases.length - 1].phase !== phase) phases.push({ t: s(w.atMs), phase });
    for (const c of w.pod.status?.conditions ?? []) {
      const last = lastCondition.get(c.type);
      if (last && last.status === c.status && (last.reason ?? '') === (c.reason ?? '') && (last.message ?? '') === (c.message ?? '')) continue;
      lastCondition.set(c.type, c);
      conditions.push({ t: s(w.atMs), type: c.type, status: c.status, reason: c.reason ?? null, message: c.message ?? null });
    }
  }

  // Snapshots on a grid plus the moments the scenario asked for.
  const span = s(endMs);
  const step = GRID_STEPS.find((g) => span / g <= 60) ?? 3600;
  const times = new Set<number>();
  for (let t = 0; t <= span; t += step) times.add(t);
  for (const t of behavior.observeAtSeconds) if (t <= span) times.add(t);
  times.add(span);
  const statusAt = [...times].sort((a, b) => a - b).map((t) => snapshotOf(kubelet.podAt(t * 1000), t * 1000, epoch, isDeleted(t * 1000)));

  // Containers, runs, restarts.
  const finalPod = deletedAtMs !== undefined && deletedAtMs <= endMs ? undefined : kubelet.podAt(endMs);
  const final = snapshotOf(finalPod ?? kubelet.podAt(endMs), endMs, epoch, false);
  const containers: ContainerResult[] = kubelet.records.map((rec) => {
    const view = final.containers.find((c) => c.name === rec.container.name) ?? {
      name: rec.container.name, kind: rec.kind, state: 'none' as const, reason: null, exitCode: null, restartCount: 0, ready: false, started: false,
    };
    const runs = rec.instances
      .filter((i) => i.startedAtMs <= endMs)
      .map((i) => ({
        attempt: i.attempt,
        startedAt: s(i.startedAtMs),
        finishedAt: i.finishedAtMs !== undefined && i.finishedAtMs <= endMs ? s(i.finishedAtMs) : null,
        exitCode: i.finishedAtMs !== undefined && i.finishedAtMs <= endMs ? (i.exitCode ?? null) : null,
        reason: i.finishedAtMs !== undefined && i.finishedAtMs <= endMs ? (i.reason ?? (i.exitCode === 0 ? 'Completed' : 'Error')) : null,
        endedBy: i.finishedAtMs !== undefined && i.finishedAtMs <= endMs ? (i.endedBy ?? null) : null,
      }));
    return { name: rec.container.name, kind: rec.kind, image: rec.container.image ?? '', restartCount: view.restartCount, runs, final: view };
  });
  const restartList: Omit<RestartView, 'n'>[] = [];
  for (const rec of kubelet.records) {
    rec.instances.forEach((inst, i) => {
      if (i === 0 || inst.startedAtMs > endMs) return;
      const prev = rec.instances[i - 1];
      restartList.push({
        container: rec.container.name,
        at: s(inst.startedAtMs),
        delay: s(inst.startedAtMs - (prev.finishedAtMs ?? inst.startedAtMs)),
        previousExitCode: prev.exitCode ?? null,
        previousReason: prev.reason ?? (prev.exitCode === 0 ? 'Completed' : 'Error'),
      });
    });
  }
  restartList.sort((a, b) => a.at - b.at);
  const restarts: RestartView[] = restartList.map((r, i) => ({ n: i + 1, ...r }));

  // Events, as of the end.
  const events: EventView[] = kubelet.recorder.all
    .map((e) => {
      const seen = e.occurrences.filter((t) => t <= endMs);
      return { e, seen };
    })
    .filter(({ seen }) => seen.length > 0)
    .map(({ e, seen }) => ({
      type: e.type,
      reason: e.reason,
      message: e.message,
      object: e.fieldPath ?? 'pod',
      from: e.component,
      count: seen.length,
      firstSeen: s(seen[0]),
      lastSeen: s(seen[seen.length - 1]),
      expired: endMs - seen[seen.length - 1] > 60 * 60 * 1000,
    }));

  // Full objects for the slider: every write time when few, a spread when many.
  const maxSnapshots = options.maxSnapshots ?? 120;
  const writeTimes = [...new Set(writes.map((w) => w.atMs))];
  let chosen = writeTimes;
  if (writeTimes.length > maxSnapshots) {
    chosen = [];
    for (let i = 0; i < maxSnapshots; i++) chosen.push(writeTimes[Math.floor((i * (writeTimes.length - 1)) / (maxSnapshots - 1))]);
    chosen = [...new Set(chosen)];
  }
  // The moments the scenario asks about (observeAtSeconds) are on the slider too, even between two
  // writes: a quiz about 45 s must not have the slider jump from 37 s to 47 s (issue 13, point 7).
  const observeAtSeconds = behavior.observeAtSeconds.filter((t) => t * 1000 <= endMs);
  chosen = [...new Set([...chosen, ...observeAtSeconds.map((t) => t * 1000)])].sort((a, b) => a - b);
  const snapshots = chosen.map((ms) => ({
    t: s(ms),
    pod: isDeleted(ms) ? null : (kubelet.podAt(ms) ?? null),
    events: kubelet.eventsAt(ms),
  }));

  const endReason: PodLifecycleResult['end']['reason'] = truncated
    ? 'limit'
    : deletedAtMs !== undefined && deletedAtMs <= endMs
      ? 'deleted'
      : kubelet.terminalAtMs !== undefined && kubelet.terminalAtMs <= endMs
        ? 'terminal'
        : 'until';

  const trace: TraceStep[] = [
    ...warnings.map((w) => ({ title: w, at: 0, level: 'warning' as const })),
    ...notes.map((n) => ({ title: n.text, at: 0, subject: n.container, source: 'simulations/pod-lifecycle/command.ts' })),
    ...kubelet.trace.filter((t) => (t.at ?? 0) <= endMs),
  ];
  if (truncated) {
    trace.push({
      title: `Stopped at ${truncated.at}s: the simulation reached its limit of ${truncated.limit} ${truncated.reason === 'maxEvents' ? 'status writes and events' : 'steps'}`,
      at: endMs,
      level: 'warning',
    });
  }
  trace.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));

  const result: PodLifecycleResult = {
    pod: {
      name: pod.metadata.name,
      namespace: pod.metadata.namespace ?? 'default',
      node: kubelet.nodeName,
      ip: kubelet.podIP,
      restartPolicy: pod.spec.restartPolicy ?? 'Always',
      terminationGracePeriodSeconds: pod.spec.terminationGracePeriodSeconds ?? 30,
      qosClass,
      workload: workload ?? null,
    },
    until: s(endMs),
    containers,
    restarts,
    phases,
    firstReadyAt: conditions.find((c) => c.type === 'Ready' && c.status === 'True')?.t ?? null,
    timeline,
    statusAt,
    conditions,
    events,
    watch: { columns, rows, lines },
    final: deletedAtMs !== undefined && deletedAtMs <= endMs ? { ...snapshotOf(undefined, endMs, epoch, true) } : final,
    deletedAt: deletedAtMs !== undefined && deletedAtMs <= endMs ? s(deletedAtMs) : null,
    terminalAt: kubelet.terminalAtMs !== undefined && kubelet.terminalAtMs <= endMs ? s(kubelet.terminalAtMs) : null,
    end: { t: s(endMs), reason: endReason },
    truncated,
    warnings,
    snapshots,
    observeAtSeconds: [...new Set(observeAtSeconds)].sort((a, b) => a - b),
  };
  return { result, trace };
}

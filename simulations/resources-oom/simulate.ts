// The memory simulation on a virtual clock: each container's working set against
// its limit (the kernel's cgroup OOM killer), the node's available memory against
// the kubelet's eviction thresholds (MemoryPressure, taint, one eviction per
// 10 s monitoring interval), and the kernel's node-level OOM killer when Pods
// outgrow the memory left for them before the kubelet acts.
//
// The objects come from the virtual API server (schema.ts): each Pod as it was
// stored after admission. Each admitted Pod is run by the kubelet library's
// PodKubelet (simulations/kubelet/): starts, restarts with the CrashLoopBackOff
// back-off, status, conditions, events and eviction are its job. This file only
// models memory: it tells the kubelet when the kernel killed a container
// (killContainer) and, through the kubelet's EvictionManager, when a Pod is
// evicted (evictPod). One clock, the API server's, runs them all: the kubelets'
// tasks, the memory model (every second) and the eviction manager (every 10 s).
// QoS, oom_score_adj and the eviction manager live in
// simulations/kubelet/{oom-score-adj,eviction}.ts and simulations/apiserver/pod-qos.ts.

import { formatBinarySI } from '../apimachinery/quantity.ts';
import type { TraceStep } from '../shared/engine.ts';
import type { KubeObject } from '../shared/yaml.ts';
import { PodKubelet } from '../kubelet/pod-kubelet.ts';
import { defaultBehavior } from '../kubelet/behavior.ts';
import type { ContainerBehavior } from '../kubelet/behavior.ts';
import type { ContainerRecord } from '../kubelet/runtime.ts';
import { latestInstance } from '../kubelet/runtime.ts';
import { DEFAULT_EPOCH_MS, rfc3339 } from '../apimachinery/time.ts';
import type { Event, Pod } from '../kubelet/types.ts';
import { computePodQOS } from '../apiserver/pod-qos.ts';
import type { QOSClass } from '../apiserver/pod-qos.ts';
import { getContainerOOMScoreAdjust } from '../kubelet/oom-score-adj.ts';
import { EVICTION_MONITORING_PERIOD_MS, EvictionManager, MEMORY_PRESSURE, formatThreshold, podRequestBytes } from '../kubelet/eviction.ts';
import type { PodMemoryStats } from '../kubelet/eviction.ts';
import { describePod } from '../kubectl/describe-pod.ts';
import { printPod } from '../kubectl/get-pods.ts';
import { ValidationError } from '../shared/errors.ts';
import { readResourcesInput } from './schema.ts';
import type { PodEntry, ResourcesInput } from './schema.ts';
import { fitReasons } from './node-fit.ts';
import { deepCopy } from '../apimachinery/deep-copy.ts';
import type { JsonValue } from '../apimachinery/json.ts';
import { LIMIT_RANGER_ANNOTATION } from '../apiserver/admission/limit-ranger.ts';
import { demandAt, describeBehaviour } from './usage.ts';
import type { UsageBehaviour } from './usage.ts';
import { goDuration } from '../apimachinery/duration.ts';
import { LIMITS } from './limits.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const STEP_MS = 1000;
const MAX_SAMPLES = 600;

export interface ContainerResult {
  pod: string;
  name: string;
  kind: 'regular' | 'sidecar' | 'init';
  requestBytes: number;
  limitBytes: number | null;
  request: string;
  limit: string;
  behaviour: string;
  oomScoreAdj: number;
  restarts: number;
  /** Exit code of the last termination (137 after an OOM kill), null if it never stopped. */
  exitCode: number | null;
  /** Reason of the last termination: OOMKilled, Error, Completed. */
  reason: string | null;
  /** Times (s) the kernel killed it. */
  oomKills: { at: number; scope: 'container' | 'node' }[];
  /** State at the end: Running, Waiting (CrashLoopBackOff), Terminated. */
  state: string;
  stateReason: string | null;
  peakBytes: number;
  samples: number[];
}

export interface PodResult {
  name: string;
  namespace: string;
  qosClass: QOSClass;
  priority: number;
  requestBytes: number;
  admitted: boolean;
  admissionMessage: string | null;
  scheduled: boolean;
  schedulingMessage: string | null;
  phase: string;
  reason: string | null;
  message: string | null;
  evictedAt: number | null;
  restarts: number;
  containers: ContainerResult[];
  describe: string | null;
  /** The `kubectl get pods` row at the end (NAME READY STATUS RESTARTS AGE), from the API server's printer. */
  getPods: { ready: string; status: string; restarts: string; age: string } | null;
  object: Obj;
  events: Event[];
}

export interface EvictionRecord {
  at: number;
  pod: string;
  message: string;
  threshold: string;
  gracePeriodSeconds: number;
  ranking: { pod: string; qosClass: string; priority: number; usage: string; request: string; exceedsRequest: boolean; usageMinusRequest: string }[];
}

export interface MemoryResult {
  start: string;
  durationSeconds: number;
  stepSeconds: number;
  node: {
    name: string;
    capacity: string;
    allocatable: string;
    capacityBytes: number;
    allocatableBytes: number;
    podsLimitBytes: number;
    systemUsage: string;
    thresholds: { signal: string; value: string; bytes: number; gracePeriodSeconds: number; kind: 'hard' | 'soft' }[];
    memoryPressure: { at: number; status: 'True' | 'False' }[];
    taint: { at: number; action: 'added' | 'removed'; taint: string }[];
    minAvailableBytes: number;
    minAvailable: string;
    availableSamples: number[];
    events: { at: number; type: string; reason: string; message: string }[];
  };
  sampleTimes: number[];
  pods: PodResult[];
  containers: ContainerResult[];
  evictions: EvictionRecord[];
  evictionOrder: string[];
  oomKills: { at: number; pod: string; container: string; scope: 'container' | 'node'; oomScoreAdj: number }[];
  /** The process the kernel's OOM killer would pick at the moment of highest node usage; oomScore as /proc/<pid>/oom_score shows it (Linux ≥ 5.9). */
  oomKillerWouldPick: { at: number; pod: string; container: string; oomScoreAdj: number; oomScore: number } | null;
  admission: { pod: string; admitted: boolean; message: string | null; limitRanger: string | null }[];
  /** Set when the run stopped early at `at` seconds because an outcome budget was used up (LIMITS.oomKills). */
  truncated?: { reason: string; limit: number; at: number };
}

/** One container as the memory model tracks it; the kubelet library runs its lifecycle. */
interface CState {
  name: string;
  kind: 'regular' | 'sidecar' | 'init';
  behaviour: UsageBehaviour;
  requestBytes: number;
  limitBytes: number | null;
  oomScoreAdj: number;
  /** The kubelet's runtime record of the container (all its instances). */
  record: ContainerRecord | undefined;
  /** The instance id and start time the working set belongs to. */
  instanceId: string | null;
  /** The instance the kernel killed, until the kubelet sees its exit. */
  killedInstance: string | null;
  startedAt: number;
  workingSet: number;
  oomKills: { at: number; scope: 'container' | 'node' }[];
  peak: number;
  /** The most it used since the last chart sample, the moment of a kill included. */
  sinceSample: number;
  samples: number[];
}

interface PState {
  pod: Obj;
  name: string;
  namespace: string;
  qos: QOSClass;
  priority: number;
  requestBytes: number;
  scheduled: boolean;
  schedulingMessage: string | null;
  containers: CState[];
  /** The kubelet for this Pod (simulations/kubelet/pod-kubelet.ts); null while Pending. */
  kubelet: PodKubelet | null;
  evicting: { at: number; message: string } | null;
  index: number;
}

/**
 * Runs the memory simulation over Kubernetes objects (Node, Pods, optional
 * KubeletConfiguration, LimitRange, ResourceQuota, MemoryScenario).
 *
 * @example
 *   const { result } = simulateMemory([node, pod, scenario]);
 *   result.containers.find((c) => c.name === 'app')?.exitCode // 137 after an OOM kill
 */
export function simulateMemory(objects: readonly KubeObject[] | readonly unknown[], options: { maxVirtualTimeMs?: number; epochMs?: number } = {}): { result: MemoryResult; trace: TraceStep[] } {
  if (!Array.isArray(objects)) throw new ValidationError('Required value: a list of Kubernetes objects (a Node, Pods, …)', { path: [] });
  const epochMs = options.epochMs ?? DEFAULT_EPOCH_MS;
  const input = readResourcesInput(objects, options.maxVirtualTimeMs, { epochMs });
  return runSimulation(input, epochMs);
}

// Init containers finish at once; everything else runs until the kernel or the kubelet stops it.
function behaviourFor(_container: unknown, kind: 'init' | 'sidecar' | 'regular'): ContainerBehavior {
  const base = defaultBehavior();
  return kind === 'init' ? { ...base, run: () => ({ exitAfterMs: 0, exitCode: 0 }) } : base;
}

function buildPods(input: ResourcesInput, trace: TraceStep[], admissionOut: MemoryResult['admission'], epoch: number): PState[] {
  const usageByContainer = new Map(input.usage.map((u) => [`${u.namespace}/${u.pod}/${u.container}`, u.behaviour]));
  const bound: Obj[] = [];
  const states: PState[] = [];
  input.pods.forEach((entry, index) => {
    const annotation = entry.stored ? (entry.stored.metadata as Obj | undefined)?.annotations?.[LIMIT_RANGER_ANNOTATION] : undefined;
    admissionOut.push({ pod: entry.name, admitted: entry.stored !== undefined, message: entry.refusal ?? null, limitRanger: annotation ?? null });
    for (const n of entry.notes) trace.push({ title: n.title, subject: `pod/${entry.name}`, source: n.source, at: 0 });
    if (!entry.stored) {
      trace.push({ title: `The API server refused Pod ${entry.name}: ${entry.refusal}`, subject: `pod/${entry.name}`, source: 'plugin/pkg/admission', level: 'warning', at: 0 });
      return;
    }
    // The kubelet gets the Pod as the API server stored it (defaulted, admitted), as its own copy.
    const pod = deepCopy(entry.stored as JsonValue) as Obj;
    const name = entry.name;
    const qos = computePodQOS(pod);
    const reasons = fitReasons(pod, input.node, bound);
    const scheduled = reasons.length === 0;
    let schedulingMessage: string | null = null;
    if (scheduled) {
      bound.push(pod);
    } else {
      const hasLower = bound.some((p) => (p.spec.priority ?? 0) < (pod.spec.priority ?? 0));
      const suffix = hasLower
        ? `preemption: 0/1 nodes are available: 1 ${reasons.join(', 1 ')}.`
        : 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
      schedulingMessage = `0/1 nodes are available: ${reasons.map((r) => `1 ${r}`).join(', ')}. ${suffix}`;
      trace.push({ title: `Pod ${name} stays Pending: ${schedulingMessage}`, detail: 'The scheduler sums the *requests* of the Pods already on the node against its allocatable memory; usage does not matter here.', subject: `pod/${name}`, source: 'pkg/scheduler/framework/plugins/noderesources/fit.go', level: 'warning', at: 0 });
    }
    const behaviourOf = (cName: string, requestBytes: number): UsageBehaviour =>
      usageByContainer.get(`${entry.namespace}/${name}/${cName}`) ?? { pattern: 'steady', level: requestBytes };
    const containers: CState[] = [];
    const add = (c: Obj, kind: CState['kind']) => {
      const requestBytes = c.resources?.requests?.memory === undefined ? 0 : podRequestBytes({ spec: { containers: [c] } });
      const limitRaw = c.resources?.limits?.memory;
      const limitBytes = limitRaw === undefined ? null : podRequestBytes({ spec: { containers: [{ resources: { requests: { memory: limitRaw } } }] } });
      containers.push({
        name: c.name, kind, behaviour: behaviourOf(c.name, requestBytes), requestBytes, limitBytes,
        oomScoreAdj: getContainerOOMScoreAdjust(pod, c.name, input.node.capacityBytes),
        record: undefined, instanceId: null, killedInstance: null, startedAt: 0, workingSet: 0, oomKills: [], peak: 0, sinceSample: 0, samples: [],
      });
    };
    for (const c of pod.spec.initContainers ?? []) add(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init');
    for (const c of pod.spec.containers) add(c, 'regular');
    const podIP = `10.244.0.${(index % 250) + 2}`;
    // The kubelet runs on the cluster's clock (the API server's), as the memory model and the eviction manager do.
    const kubelet = scheduled
      ? new PodKubelet(pod as Pod, { nodeName: input.node.name, hostIP: '10.0.0.10', podIP, clock: input.api.clock, qosClass: qos, behavior: behaviourFor })
      : null;
    for (const c of containers) c.record = kubelet?.record(c.name);
    states.push({
      pod, name, namespace: entry.namespace, qos, priority: pod.spec.priority ?? 0, requestBytes: podRequestBytes(pod), scheduled, schedulingMessage,
      containers, kubelet, evicting: null, index,
    });
  });
  return states;
}

/** A refused Pod as written, its containers that are objects only (admission may refuse before validation). */
function refusedPod(entry: PodEntry): Obj {
  const spec = (entry.raw.spec ?? {}) as Obj;
  const objects = (list: unknown) => (Array.isArray(list) ? list.filter((c) => c !== null && typeof c === 'object' && !Array.isArray(c)) : []);
  return { metadata: entry.raw.metadata, spec: { ...spec, containers: objects(spec.containers), initContainers: objects(spec.initContainers) } };
}

/**
 * Reads whether the container runs now (its kubelet's runtime record, as the
 * kubelet left it: every kubelet task due by now has run) and its demand.
 */
function observe(c: CState, t: number): void {
  const latest = c.record ? latestInstance(c.record) : undefined;
  if (latest?.id !== c.killedInstance) c.killedInstance = null;
  if (!latest || latest.state !== 'running' || latest.id === c.killedInstance) {
    c.instanceId = null;
    c.workingSet = 0;
    return;
  }
  c.instanceId = latest.id;
  c.startedAt = latest.startedAtMs;
  c.workingSet = pages(demandAt(c.behaviour, t - latest.startedAtMs));
}

/** Memory is charged in 4 KiB pages, which is why real eviction messages read "225800Ki". */
function pages(bytes: number): number {
  return Math.floor(bytes / 4096) * 4096;
}

/**
 * Adapter: the kubelet library's EventRecorder stamps events with virtual
 * milliseconds (1970-based) while its Pod timestamps add epochMs. Shift event
 * times that fall before the epoch so that describe's ages line up; harmless once
 * the library stamps absolute times.
 */
function eventsAtEpoch(events: Event[], epoch: number): Event[] {
  const shift = (v: string | null | undefined): string | null | undefined => {
    if (!v) return v;
    const ms = Date.parse(v);
    if (Number.isNaN(ms) || ms >= epoch) return v;
    return v.includes('.') ? new Date(ms + epoch).toISOString().replace('Z', '000Z') : rfc3339(ms + epoch);
  };
  return events.map((e) => ({
    ...e,
    metadata: { ...e.metadata, creationTimestamp: shift(e.metadata.creationTimestamp) ?? undefined },
    firstTimestamp: shift(e.firstTimestamp) ?? null,
    lastTimestamp: shift(e.lastTimestamp) ?? null,
    ...(e.eventTime ? { eventTime: shift(e.eventTime) ?? null } : {}),
  }));
}

function runSimulation(input: ResourcesInput, epoch: number): { result: MemoryResult; trace: TraceStep[] } {
  const trace: TraceStep[] = [];
  const admission: MemoryResult['admission'] = [];
  const pods = buildPods(input, trace, admission, epoch);
  const node = input.node;
  const capacity = node.capacityBytes;
  const podsLimit = capacity - node.systemReservedBytes - node.kubeReservedBytes;
  const duration = input.durationMs;
  const sampleEvery = Math.max(STEP_MS, Math.ceil(duration / MAX_SAMPLES / STEP_MS) * STEP_MS);
  const sampleTimes: number[] = [];
  const availableSamples: number[] = [];
  const evictions: EvictionRecord[] = [];
  const oomKills: MemoryResult['oomKills'] = [];
  const nodeEvents: MemoryResult['node']['events'] = [];
  const pressureHistory: MemoryResult['node']['memoryPressure'] = [{ at: 0, status: 'False' }];
  const taintHistory: MemoryResult['node']['taint'] = [];
  const clock = input.api.clock;
  // oom_badness over the whole node: totalpages, and what one unit of oom_score_adj is worth in pages.
  const nodePages = Math.floor(capacity / 4096);
  const nodeAdjUnit = Math.trunc(nodePages / 1000);
  const evictionManager = new EvictionManager<Obj>(input.eviction, capacity);
  const byPod = new Map<Obj, PState>();
  let minAvailable = Number.POSITIVE_INFINITY;
  let peakUsage = -1;
  let wouldPick: MemoryResult['oomKillerWouldPick'] = null;
  let truncated: MemoryResult['truncated'];
  const sec = (ms: number) => ms / 1000;
  const live = pods.filter((p) => p.kubelet);
  for (const p of live) byPod.set(p.pod, p);
  /** The summary API's view of a Pod: its working set, and its regular containers' for the eviction message. */
  const statsOf = (p: PState): PodMemoryStats<Obj> => ({
    pod: p.pod,
    memoryWorkingSet: p.containers.reduce((sum, c) => sum + c.workingSet, 0),
    containers: p.containers.filter((c) => c.kind === 'regular').map((c) => ({ name: c.name, workingSet: c.workingSet })),
    gracePeriodSeconds: p.pod.spec.terminationGracePeriodSeconds ?? 30,
  });

  /** OOM kills of this tick, told to the kubelets once the tick's eviction check is queued (the kernel kills first; the kubelet sees the exits after). */
  const pendingKills: { p: PState; c: CState }[] = [];
  const kill = (p: PState, c: CState, t: number, scope: 'container' | 'node') => {
    pendingKills.push({ p, c });
    c.oomKills.push({ at: sec(t), scope });
    // What it used when killed: a memcg OOM kill happens when the cgroup's charge reaches memory.max
    // (the limit), so cgroup v2's memory.peak reads the limit; the node's OOM killer takes what it used.
    const used = scope === 'container' && c.limitBytes !== null ? c.limitBytes : c.workingSet;
    if (used > c.peak) c.peak = used;
    if (used > c.sinceSample) c.sinceSample = used;
    oomKills.push({ at: sec(t), pod: p.name, container: c.name, scope, oomScoreAdj: c.oomScoreAdj });
    c.workingSet = 0;
    // The kubelet sees the exit when it handles the kill; until then this instance no longer counts.
    c.killedInstance = c.instanceId;
    c.instanceId = null;
  };

  /**
   * The memory model, a task on the cluster's clock every second: each running
   * container's demand against its limit (the memory cgroup's OOM killer), the
   * node's memory (the kernel's OOM killer), the samples; every 10 s it queues
   * the kubelet's eviction manager. It runs after everything else due at its
   * instant (the kubelets' starts, exits and restarts).
   */
  const memoryTick = (t: number): void => {
    const next = clock.nextAt();
    if (next !== undefined && next <= t) {
      clock.at(t, 'memory', nextTick);
      return;
    }
    // 1. Each running container's demand against its own limit: the memory cgroup's OOM killer. The same
    //    pass sums the Pods' usage and finds what the kernel's OOM killer would pick now (pickOomVictim's rule).
    let podsUsage = 0;
    let bestP: PState | null = null;
    let bestC: CState | null = null;
    let bestPoints = 0;
    for (const p of live) {
      for (const c of p.containers) {
        observe(c, t);
        if (c.instanceId !== null && c.limitBytes !== null && c.workingSet > c.limitBytes) {
          trace.push({
            at: t, subject: `pod/${p.name}/${c.name}`, level: 'decision',
            title: `The kernel OOM-kills ${p.name}/${c.name}: it needs ${formatBinarySI(c.workingSet)}, over its limit of ${formatBinarySI(c.limitBytes)} (OOMKilled, exit code 137)`,
            detail: 'The limit is the memory cgroup\'s memory.max. The kernel kills inside the cgroup; the kubelet only sees the exit, records reason OOMKilled and restarts the container per restartPolicy.',
            source: 'kernel memcg OOM; containerd pkg/cri/server/helpers.go oomExitReason',
          });
          kill(p, c, t, 'container');
        } else {
          if (c.workingSet > c.peak) c.peak = c.workingSet;
          if (c.workingSet > c.sinceSample) c.sinceSample = c.workingSet;
        }
        podsUsage += c.workingSet;
        if (c.instanceId !== null && c.oomScoreAdj !== -1000) {
          const points = Math.floor(c.workingSet / 4096) + c.oomScoreAdj * nodeAdjUnit;
          if (bestC === null || points > bestPoints) {
            bestP = p;
            bestC = c;
            bestPoints = points;
          }
        }
      }
    }

    // 2. The node's own memory: kernel OOM when Pods outgrow their cgroup (capacity − reserved) or the node runs out.
    let nodeKills = false;
    for (let guard = 0; guard < 1000 && (podsUsage > podsLimit || podsUsage + input.systemUsageBytes > capacity); guard++) {
      const total = podsUsage > podsLimit ? podsLimit : capacity;
      const victim = pickOomVictim(live, total);
      if (!victim) break;
      podsUsage -= victim.c.workingSet;
      trace.push({
        at: t, subject: `pod/${victim.p.name}/${victim.c.name}`, level: 'warning',
        title: `Memory ran out before the kubelet could evict: the kernel OOM killer picks ${victim.p.name}/${victim.c.name} (oom_score_adj ${victim.c.oomScoreAdj}, the highest oom_score)`,
        source: 'kernel mm/oom_kill.c oom_badness; pkg/kubelet/qos/policy.go',
      });
      kill(victim.p, victim.c, t, 'node');
      nodeKills = true;
    }
    const nodeUsage = podsUsage + input.systemUsageBytes;
    const available = capacity - nodeUsage;
    if (available < minAvailable) minAvailable = available;
    if (nodeUsage > peakUsage) {
      peakUsage = nodeUsage;
      const v = nodeKills ? pickOomVictim(live, capacity) : bestP && bestC && nodePages > 0 ? { p: bestP, c: bestC, score: oomScore(bestPoints, nodePages) } : null;
      wouldPick = v ? { at: sec(t), pod: v.p.name, container: v.c.name, oomScoreAdj: v.c.oomScoreAdj, oomScore: v.score } : null;
    }

    // 3. The eviction manager, every 10 s: a task of its own right after this one, before the kubelets see this tick's kills.
    if (t % EVICTION_MONITORING_PERIOD_MS === 0) clock.at(t, 'kubelet: eviction manager', () => evictionSync(t, available));
    for (const k of pendingKills) k.p.kubelet!.killContainer(k.c.name, t, { exitCode: 137, reason: 'OOMKilled' });
    pendingKills.length = 0;

    // 4. Samples for the charts.
    const last = oomKills.length >= LIMITS.oomKills;
    if (t % sampleEvery === 0 || last) {
      sampleTimes.push(sec(t));
      availableSamples.push(available);
      // Each sample is the most the container used since the previous one, so a kill between two
      // samples (or at one) shows as the height it reached, not as the 0 it dropped to (issue 13, point 6).
      for (const p of pods) {
        for (const c of p.containers) {
          c.samples.push(c.sinceSample);
          c.sinceSample = c.workingSet;
        }
      }
    }
    // Each kill costs the kubelet a restart cycle: past the budget the run stops here and says so.
    if (last) {
      truncated = { reason: 'maxOomKills', limit: LIMITS.oomKills, at: sec(t) };
      clock.at(t, 'stop', () => trace.push({
        at: t, subject: `node/${node.name}`, level: 'warning',
        title: `The simulation stops at ${goDuration(t)}: ${LIMITS.oomKills} OOM kills is as many as one run computes`,
        source: 'simulations/resources-oom/limits.ts',
      }));
      return;
    }
    if (t + STEP_MS <= duration) clock.at(t + STEP_MS, 'memory', nextTick);
  };

  /** The tick due now: the clock's time (a tick runs at the time it was scheduled for). */
  const nextTick = (): void => memoryTick(clock.now());

  /** The kubelet's eviction manager (simulations/kubelet/eviction.ts EvictionManager, eviction_manager.go synchronize). */
  const evictionSync = (t: number, available: number): void => {
    {
      // Active Pods: admitted to the node and not terminal; a Pod already being evicted is skipped.
      const candidates = () => live.filter((p) => !p.evicting && !isTerminal(p)).map(statsOf);
      const sync = evictionManager.synchronize(t, available, candidates);
      if (sync.memoryPressureChanged) {
        const pressure = sync.memoryPressure;
        pressureHistory.push({ at: sec(t), status: pressure ? 'True' : 'False' });
        taintHistory.push({ at: sec(t), action: pressure ? 'added' : 'removed', taint: `${MEMORY_PRESSURE.taint.key}:${MEMORY_PRESSURE.taint.effect}` });
        const reason = pressure ? 'NodeHasInsufficientMemory' : 'NodeHasSufficientMemory';
        nodeEvents.push({ at: sec(t), type: 'Normal', reason, message: `Node ${node.name} status is now: ${reason}` });
        trace.push({
          at: t, subject: `node/${node.name}`, level: 'decision',
          title: pressure
            ? `MemoryPressure=True (${MEMORY_PRESSURE.trueReason}): memory.available ${formatBinarySI(Math.max(0, available))} is below a threshold; the node gets the taint ${MEMORY_PRESSURE.taint.key}:NoSchedule`
            : `MemoryPressure=False after ${goDuration(input.eviction.pressureTransitionPeriodMs)} without pressure; the taint is removed`,
          source: 'pkg/kubelet/eviction/eviction_manager.go synchronize; pkg/controller/nodelifecycle',
        });
      }
      if (sync.reclaiming) nodeEvents.push({ at: sec(t), type: 'Warning', reason: 'EvictionThresholdMet', message: 'Attempting to reclaim memory' });
      const decision = sync.evicted;
      if (decision) {
        const p = byPod.get(decision.entry.pod)!;
        const { message, gracePeriodSeconds: grace, threshold: th, thresholdQuantity: quantity } = decision;
        const hard = th.gracePeriodMs === 0;
        p.evicting = { at: t, message };
        p.kubelet!.evictPod(t, { message, gracePeriodSeconds: grace });
        evictions.push({
          at: sec(t), pod: p.name, message, threshold: `${th.signal}<${quantity}${hard ? '' : ` (soft, grace ${goDuration(th.gracePeriodMs)})`}`, gracePeriodSeconds: grace,
          ranking: decision.ranked.map((e) => {
            const ps = byPod.get(e.pod)!;
            const usage = e.memoryWorkingSet as number;
            return {
              pod: ps.name, qosClass: ps.qos, priority: ps.priority, usage: formatBinarySI(usage), request: formatBinarySI(ps.requestBytes),
              exceedsRequest: usage > ps.requestBytes, usageMinusRequest: (usage - ps.requestBytes < 0 ? '-' : '') + formatBinarySI(Math.abs(usage - ps.requestBytes)),
            };
          }),
        });
        trace.push({
          at: t, subject: `pod/${p.name}`, level: 'decision',
          title: `The kubelet evicts ${p.name} (${p.qos}): first in rankMemoryPressure order (usage above request first, then lower priority, then larger usage − request)`,
          detail: message,
          source: 'pkg/kubelet/eviction/helpers.go rankMemoryPressure, evictionMessage',
        });
      } else if (sync.onlyCriticalLeft) {
        trace.push({ at: t, subject: `node/${node.name}`, level: 'warning', title: 'Memory pressure, but every remaining Pod is critical: the kubelet evicts nothing', source: 'pkg/kubelet/eviction/eviction_manager.go evictPod' });
      }
    }

  };

  // One clock for the API server, the kubelets, the memory model and the eviction manager; a run
  // cut short by the OOM-kill budget stops after the tasks of the instant it stopped at.
  clock.at(0, 'memory', nextTick);
  const stopped = () => (truncated && (clock.nextAt() ?? Infinity) > truncated.at * 1000 ? { reason: truncated.reason, limit: truncated.limit } : undefined);
  clock.runUntil(duration - (duration % STEP_MS), { maxSteps: Infinity, maxVirtualTimeMs: Infinity, check: stopped });
  const end = truncated ? truncated.at * 1000 : duration - (duration % STEP_MS);
  for (const p of live) for (const step of p.kubelet!.trace) trace.push({ ...step, subject: step.subject ?? `pod/${p.name}` });
  trace.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
  const evictionOrder = evictions.map((e) => e.pod);
  const podResults: PodResult[] = pods.map((p) => podResult(p, end, epoch));
  for (const entry of input.pods) {
    if (entry.stored) continue;
    const pod = refusedPod(entry);
    podResults.push({
      name: entry.name, namespace: entry.namespace, qosClass: computePodQOS(pod), priority: typeof pod.spec.priority === 'number' ? pod.spec.priority : 0,
      requestBytes: podRequestBytes(pod), admitted: false, admissionMessage: entry.refusal ?? null, scheduled: false, schedulingMessage: null,
      phase: 'Rejected', reason: 'Forbidden', message: entry.refusal ?? null, evictedAt: null, restarts: 0, containers: [], describe: null, getPods: null, object: entry.raw, events: [],
    });
  }
  const result: MemoryResult = {
    start: rfc3339(epoch),
    durationSeconds: sec(duration),
    stepSeconds: sec(STEP_MS),
    node: {
      name: node.name,
      capacity: formatBinarySI(capacity),
      allocatable: formatBinarySI(node.allocatableBytes),
      capacityBytes: capacity,
      allocatableBytes: node.allocatableBytes,
      podsLimitBytes: podsLimit,
      systemUsage: formatBinarySI(input.systemUsageBytes),
      thresholds: input.eviction.thresholds.map((th) => ({
        signal: th.signal, value: formatThreshold(th.value, capacity), bytes: 'quantity' in th.value ? th.value.quantity.value() : Math.trunc(capacity * th.value.percentage),
        gracePeriodSeconds: sec(th.gracePeriodMs), kind: th.gracePeriodMs === 0 ? 'hard' : 'soft',
      })),
      memoryPressure: pressureHistory,
      taint: taintHistory,
      minAvailableBytes: minAvailable,
      minAvailable: formatBinarySI(Math.max(0, minAvailable)),
      availableSamples,
      events: nodeEvents,
    },
    sampleTimes,
    pods: podResults,
    containers: podResults.flatMap((p) => p.containers),
    evictions,
    evictionOrder,
    oomKills,
    oomKillerWouldPick: wouldPick,
    admission,
    ...(truncated ? { truncated } : {}),
  };
  return { result, trace };
}

function isTerminal(p: PState): boolean {
  const phase = p.kubelet?.currentPod().status?.phase;
  return phase === 'Failed' || phase === 'Succeeded';
}

/**
 * The kernel's choice, in 4 KiB pages as mm/oom_kill.c oom_badness counts:
 * points = rss pages + oom_score_adj × (totalpages / 1000) (integer division); the
 * highest loses. `score` is what /proc/<pid>/oom_score shows (fs/proc/base.c
 * proc_oom_score, Linux ≥ 5.9): (1000 + points × 1000 / totalpages) × 2 / 3, in [0, 2000].
 *
 * @example a BestEffort process using 500Mi of a 4Gi node: (1000 + 1176000 × 1000 / 1048576) × 2 / 3 = 1414
 */
function pickOomVictim(pods: PState[], totalBytes: number): { p: PState; c: CState; score: number } | null {
  const totalPages = Math.floor(totalBytes / 4096);
  if (totalPages <= 0) return null;
  let best: { p: PState; c: CState; points: number } | null = null;
  for (const p of pods) {
    for (const c of p.containers) {
      // oom_score_adj -1000 means "never kill" (OOM_SCORE_ADJ_MIN).
      if (c.instanceId === null || c.oomScoreAdj === -1000) continue;
      const points = Math.floor(c.workingSet / 4096) + c.oomScoreAdj * Math.trunc(totalPages / 1000);
      if (!best || points > best.points) best = { p, c, points };
    }
  }
  if (!best) return null;
  return { p: best.p, c: best.c, score: oomScore(best.points, totalPages) };
}

/** /proc/<pid>/oom_score of a process with `points` (oom_badness) out of `totalPages`; C long division truncates toward zero. */
function oomScore(points: number, totalPages: number): number {
  return Math.max(0, Math.trunc(((1000 + Math.trunc((points * 1000) / totalPages)) * 2) / 3));
}

function podResult(p: PState, end: number, epoch: number): PodResult {
  let object: Obj;
  let events: Event[];
  if (p.kubelet) {
    object = p.kubelet.currentPod() as Obj;
    events = eventsAtEpoch(p.kubelet.eventsAt(end), epoch);
  } else {
    object = JSON.parse(JSON.stringify(p.pod)) as Obj;
    object.metadata.creationTimestamp = rfc3339(epoch);
    object.status = {
      phase: 'Pending', qosClass: p.qos,
      conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(epoch), reason: 'Unschedulable', message: p.schedulingMessage }],
    };
    events = [{
      apiVersion: 'v1', kind: 'Event', metadata: { name: `${p.name}.failedscheduling`, namespace: p.namespace },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: p.name, namespace: p.namespace, uid: p.pod.metadata.uid },
      reason: 'FailedScheduling', message: p.schedulingMessage ?? '', type: 'Warning', firstTimestamp: null, lastTimestamp: null,
      eventTime: new Date(epoch).toISOString().replace('Z', '000Z'), source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler',
    }];
  }
  const status: Obj = object.status ?? {};
  const statuses: Obj[] = [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])];
  const containers: ContainerResult[] = p.containers.map((c) => {
    const st = statuses.find((s) => s.name === c.name);
    const instances = p.kubelet?.record(c.name)?.instances ?? [];
    const last = [...instances].reverse().find((i) => i.state === 'exited');
    const stateName = !st ? 'Waiting' : st.state?.running ? 'Running' : st.state?.terminated ? 'Terminated' : 'Waiting';
    return {
      pod: p.name, name: c.name, kind: c.kind, requestBytes: c.requestBytes, limitBytes: c.limitBytes,
      request: formatBinarySI(c.requestBytes), limit: c.limitBytes === null ? 'none' : formatBinarySI(c.limitBytes),
      behaviour: describeBehaviour(c.behaviour, formatBinarySI, goDuration),
      oomScoreAdj: c.oomScoreAdj,
      restarts: st?.restartCount ?? 0,
      exitCode: last?.exitCode ?? null,
      reason: last?.reason ?? null,
      oomKills: c.oomKills,
      state: stateName,
      stateReason: !p.scheduled ? 'Pending' : (st?.state?.waiting?.reason ?? st?.state?.terminated?.reason ?? null),
      peakBytes: c.peak, samples: c.samples,
    };
  });
  return {
    name: p.name, namespace: p.namespace, qosClass: p.qos, priority: p.priority, requestBytes: p.requestBytes,
    admitted: true, admissionMessage: null, scheduled: p.scheduled, schedulingMessage: p.schedulingMessage,
    phase: status.phase ?? 'Pending', reason: status.reason ?? null, message: status.message ?? null,
    evictedAt: p.evicting ? p.evicting.at / 1000 : null,
    restarts: containers.reduce((s, c) => s + c.restarts, 0),
    containers, describe: describePod(object, events, epoch + end), getPods: getPodsRow(object, epoch + end), object, events,
  };
}

function getPodsRow(pod: Obj, now: number): PodResult['getPods'] {
  const row = printPod(pod, now);
  return { ready: row.ready, status: row.status, restarts: row.restarts, age: row.age };
}

// The memory simulation on a virtual clock: each container's working set against
// its limit (the kernel's cgroup OOM killer), the node's available memory against
// the kubelet's eviction thresholds (MemoryPressure, taint, one eviction per
// 10 s monitoring interval), and the kernel's node-level OOM killer when Pods
// outgrow the memory left for them before the kubelet acts.
//
// Restart decisions reuse the kubelet library: Backoff (client-go flowcontrol
// with the kubelet's 10 s / 300 s), getPhase, the Pod conditions and the event
// recorder (simulations/kubelet/). QoS, oom_score_adj and eviction ranking live in
// simulations/kubelet/{qos,oom-score-adj,eviction}.ts.

import { formatBinarySI } from '../shared/quantity.ts';
import type { TraceStep } from '../shared/engine.ts';
import type { KubeObject } from '../shared/yaml.ts';
import { Backoff, CONTAINER_BACKOFF } from '../kubelet/backoff.ts';
import { EventRecorder } from '../kubelet/events.ts';
import { getPhase } from '../kubelet/pod-phase.ts';
import { kubeletConditions, stampConditions } from '../kubelet/conditions.ts';
import type { ConditionValue } from '../kubelet/conditions.ts';
import { DEFAULT_EPOCH_MS, rfc3339 } from '../kubelet/time.ts';
import type { ContainerStatus, Event, Pod, PodCondition } from '../kubelet/types.ts';
import { computePodQOS } from '../kubelet/qos.ts';
import type { QOSClass } from '../kubelet/qos.ts';
import { getContainerOOMScoreAdjust, isCriticalPod } from '../kubelet/oom-score-adj.ts';
import {
  EVICTED_REASON, EVICTION_MONITORING_PERIOD_MS, IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS, MEMORY_PRESSURE,
  evictionMessage, formatThreshold, podRequestBytes, rankMemoryPressure, thresholdMet,
} from '../kubelet/eviction.ts';
import type { MemoryStatsEntry, Threshold } from '../kubelet/eviction.ts';
import { describePod } from '../kubectl/describe-pod.ts';
import { printPod } from '../kubectl/get-pods.ts';
import { readResourcesInput } from './schema.ts';
import type { ResourcesInput } from './schema.ts';
import { admitPod, fitReasons, initialQuotaState } from './admission.ts';
import { demandAt, describeBehaviour } from './usage.ts';
import type { UsageBehaviour } from './usage.ts';
import { goDuration } from '../shared/duration.ts';

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
  /** The process the kernel's OOM killer would pick at the moment of highest node usage. */
  oomKillerWouldPick: { at: number; pod: string; container: string; oomScoreAdj: number; oomScore: number } | null;
  admission: { pod: string; admitted: boolean; message: string | null; limitRanger: string | null }[];
  truncated?: { reason: string; limit: number };
}

interface CState {
  name: string;
  kind: 'regular' | 'sidecar' | 'init';
  image: string;
  behaviour: UsageBehaviour;
  requestBytes: number;
  limitBytes: number | null;
  oomScoreAdj: number;
  running: boolean;
  done: boolean;
  startedAt: number;
  workingSet: number;
  restarts: number;
  exitedAt: number;
  last: { exitCode: number; reason: string; startedAt: number; finishedAt: number } | null;
  waiting: string | null;
  oomKills: { at: number; scope: 'container' | 'node' }[];
  peak: number;
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
  recorder: EventRecorder;
  backoff: Backoff;
  evicting: { at: number; killAt: number; message: string } | null;
  terminal: boolean;
  conditions: PodCondition[];
  otherConditions: ConditionValue[];
  extraEvents: Event[];
  index: number;
  /** Wall-clock origin of the virtual clock (events carry absolute times). */
  epoch: number;
}

const restartAllowed = (policy: string, exitCode: number) => policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);

/**
 * Runs the memory simulation over Kubernetes objects (Node, Pods, optional
 * KubeletConfiguration, LimitRange, ResourceQuota, MemoryScenario).
 *
 * @example
 *   const { result } = simulateMemory([node, pod, scenario]);
 *   result.containers.find((c) => c.name === 'app')?.exitCode // 137 after an OOM kill
 */
export function simulateMemory(objects: readonly KubeObject[], options: { maxVirtualTimeMs?: number; epochMs?: number } = {}): { result: MemoryResult; trace: TraceStep[] } {
  const input = readResourcesInput(objects, options.maxVirtualTimeMs);
  return runSimulation(input, options.epochMs ?? DEFAULT_EPOCH_MS);
}

function buildPods(input: ResourcesInput, trace: TraceStep[], admissionOut: MemoryResult['admission'], epoch: number): PState[] {
  const quotas = initialQuotaState(input.quotas);
  const bound: Obj[] = [];
  const states: PState[] = [];
  input.pods.forEach((raw, index) => {
    const outcome = admitPod(raw, input.limitRanges, quotas);
    admissionOut.push({ pod: raw.metadata.name, admitted: outcome.admitted, message: outcome.message ?? null, limitRanger: outcome.limitRangerAnnotation ?? null });
    for (const n of outcome.notes) trace.push({ title: n.title, subject: `pod/${raw.metadata.name}`, source: n.source, at: 0 });
    if (!outcome.admitted) {
      trace.push({ title: `The API server refused Pod ${raw.metadata.name}: ${outcome.message}`, subject: `pod/${raw.metadata.name}`, source: 'plugin/pkg/admission', level: 'warning', at: 0 });
      return;
    }
    const pod = outcome.pod;
    const name = pod.metadata.name;
    pod.metadata.uid ??= `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
    pod.metadata.creationTimestamp ??= rfc3339(DEFAULT_EPOCH_MS);
    const qos = computePodQOS(pod);
    pod.status = { qosClass: qos };
    const reasons = fitReasons(pod, input.node, bound);
    const scheduled = reasons.length === 0;
    let schedulingMessage: string | null = null;
    if (scheduled) {
      pod.spec.nodeName = input.node.name;
      bound.push(pod);
    } else {
      const hasLower = bound.some((p) => (p.spec.priority ?? 0) < (pod.spec.priority ?? 0));
      const suffix = hasLower
        ? `preemption: 0/1 nodes are available: 1 ${reasons.join(', 1 ')}.`
        : 'preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
      schedulingMessage = `0/1 nodes are available: ${reasons.map((r) => `1 ${r}`).join(', ')}. ${suffix}`;
      trace.push({ title: `Pod ${name} stays Pending: ${schedulingMessage}`, detail: 'The scheduler sums the *requests* of the Pods already on the node against its allocatable memory; usage does not matter here.', subject: `pod/${name}`, source: 'pkg/scheduler/framework/plugins/noderesources/fit.go', level: 'warning', at: 0 });
    }
    const policyBehaviour = (cName: string, requestBytes: number): UsageBehaviour =>
      input.usage.find((u) => u.pod === name && u.namespace === pod.metadata.namespace && u.container === cName)?.behaviour ?? { pattern: 'steady', level: requestBytes };
    const containers: CState[] = [];
    const add = (c: Obj, kind: CState['kind']) => {
      const requestBytes = c.resources?.requests?.memory === undefined ? 0 : podRequestBytes({ spec: { containers: [c] } });
      const limitRaw = c.resources?.limits?.memory;
      const limitBytes = limitRaw === undefined ? null : podRequestBytes({ spec: { containers: [{ resources: { requests: { memory: limitRaw } } }] } });
      containers.push({
        name: c.name, kind, image: c.image ?? '', behaviour: policyBehaviour(c.name, requestBytes), requestBytes, limitBytes,
        oomScoreAdj: getContainerOOMScoreAdjust(pod, c.name, input.node.capacityBytes),
        running: false, done: kind === 'init', startedAt: 0, workingSet: 0, restarts: 0, exitedAt: 0,
        last: kind === 'init' ? { exitCode: 0, reason: 'Completed', startedAt: 0, finishedAt: 0 } : null,
        waiting: null, oomKills: [], peak: 0, samples: [],
      });
    };
    for (const c of pod.spec.initContainers ?? []) add(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init');
    for (const c of pod.spec.containers) add(c, 'regular');
    const recorder = new EventRecorder({ name, namespace: pod.metadata.namespace, uid: pod.metadata.uid }, input.node.name);
    states.push({
      pod, name, namespace: pod.metadata.namespace, qos, priority: pod.spec.priority ?? 0, requestBytes: podRequestBytes(pod), scheduled, schedulingMessage,
      containers, recorder, backoff: new Backoff(CONTAINER_BACKOFF.initialMs, CONTAINER_BACKOFF.maxMs), evicting: null, terminal: false,
      conditions: [], otherConditions: [], extraEvents: [], index, epoch,
    });
  });
  return states;
}

function startContainer(p: PState, c: CState, t: number): void {
  c.running = true;
  c.startedAt = t;
  c.waiting = null;
  const field = `spec.${c.kind === 'regular' ? 'containers' : 'initContainers'}{${c.name}}`;
  p.recorder.record(p.epoch + t, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`, field);
  p.recorder.record(p.epoch + t, 'Normal', 'Created', `Created container: ${c.name}`, field);
  p.recorder.record(p.epoch + t, 'Normal', 'Started', `Started container ${c.name}`, field);
}

function stopContainer(c: CState, t: number, exitCode: number, reason: string): void {
  c.running = false;
  c.last = { exitCode, reason, startedAt: c.startedAt, finishedAt: t };
  c.exitedAt = t;
  c.workingSet = 0;
}

function containerStatus(p: PState, c: CState, epoch: number): ContainerStatus {
  const at = (ms: number) => rfc3339(epoch + ms);
  const id = (n: number) => `containerd://${p.name}-${c.name}-${n}`;
  const terminated = c.last ? { exitCode: c.last.exitCode, reason: c.last.reason, startedAt: at(c.last.startedAt), finishedAt: at(c.last.finishedAt), containerID: id(c.restarts - (c.running ? 1 : 0)) } : undefined;
  let state: ContainerStatus['state'];
  let lastState: ContainerStatus['lastState'] = {};
  if (c.running) {
    state = { running: { startedAt: at(c.startedAt) } };
    if (terminated) lastState = { terminated };
  } else if (c.waiting) {
    state = { waiting: { reason: c.waiting } };
    if (terminated) lastState = { terminated };
  } else if (terminated) {
    state = { terminated };
  } else {
    state = { waiting: { reason: 'ContainerCreating' } };
  }
  return {
    name: c.name, state, lastState, ready: c.running || (c.kind === 'init' && c.done), restartCount: c.restarts,
    image: c.image, imageID: '', containerID: c.running || c.last ? id(c.restarts) : undefined, started: c.running,
  };
}

/** The Pod object as the API would show it at virtual time `t`. */
function podObject(p: PState, input: ResourcesInput, t: number, epoch: number): Obj {
  const pod = JSON.parse(JSON.stringify(p.pod)) as Obj;
  if (!p.scheduled) {
    pod.status = {
      phase: 'Pending', qosClass: p.qos,
      conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: rfc3339(epoch), reason: 'Unschedulable', message: p.schedulingMessage }],
    };
    return pod;
  }
  const init = p.containers.filter((c) => c.kind !== 'regular').map((c) => containerStatus(p, c, epoch));
  const regular = p.containers.filter((c) => c.kind === 'regular').map((c) => containerStatus(p, c, epoch));
  const podIP = `10.244.0.${(p.index % 250) + 2}`;
  const status: Obj = { hostIP: '10.0.0.10', hostIPs: [{ ip: '10.0.0.10' }], podIP, podIPs: [{ ip: podIP }], startTime: rfc3339(epoch), qosClass: p.qos, containerStatuses: regular };
  if (init.length > 0) status.initContainerStatuses = init;
  pod.status = status;
  let phase = getPhase(pod as Pod);
  if (p.terminal && p.evicting) {
    phase = 'Failed';
    status.reason = EVICTED_REASON;
    status.message = p.evicting.message;
  }
  status.phase = phase;
  const next = kubeletConditions(pod as Pod, [...init, ...regular], phase, !p.terminal, p.otherConditions);
  p.conditions = stampConditions(next, p.conditions.length ? p.conditions : undefined, rfc3339(epoch + t));
  status.conditions = p.conditions;
  void input;
  return pod;
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
  const firstObserved = new Map<Threshold, number>();
  let lastPressureObserved: number | null = null;
  let pressure = false;
  let minAvailable = Number.POSITIVE_INFINITY;
  let peakUsage = -1;
  let wouldPick: MemoryResult['oomKillerWouldPick'] = null;
  const sec = (ms: number) => ms / 1000;
  const active = () => pods.filter((p) => p.scheduled && !p.terminal);

  for (const p of pods) {
    if (!p.scheduled) continue;
    p.recorder.scheduled(p.epoch);
    for (const c of p.containers) if (c.kind !== 'init') startContainer(p, c, 0);
  }

  for (let t = 0; t <= duration; t += STEP_MS) {
    // 1. Each container's demand against its own limit: the memory cgroup's OOM killer.
    for (const p of pods) {
      if (!p.scheduled || p.terminal) continue;
      const policy = p.pod.spec.restartPolicy;
      for (const c of p.containers) {
        if (c.running) {
          const demand = demandAt(c.behaviour, t - c.startedAt);
          if (c.limitBytes !== null && demand > c.limitBytes) {
            stopContainer(c, t, 137, 'OOMKilled');
            c.oomKills.push({ at: sec(t), scope: 'container' });
            oomKills.push({ at: sec(t), pod: p.name, container: c.name, scope: 'container', oomScoreAdj: c.oomScoreAdj });
            trace.push({
              at: t, subject: `pod/${p.name}/${c.name}`, level: 'decision',
              title: `The kernel OOM-kills ${p.name}/${c.name}: it needs ${formatBinarySI(demand)}, over its limit of ${formatBinarySI(c.limitBytes)} (OOMKilled, exit code 137)`,
              detail: 'The limit is the memory cgroup\'s memory.max. The kernel kills inside the cgroup; the kubelet only sees the exit and records reason OOMKilled.',
              source: 'kernel memcg OOM; containerd pkg/cri/server/helpers.go oomExitReason',
            });
          } else {
            c.workingSet = demand;
            if (demand > c.peak) c.peak = demand;
          }
        }
        if (!c.running && !c.done && c.last) {
          // 2. The kubelet's restart decision with the CrashLoopBackOff back-off.
          if (!restartAllowed(policy, c.last.exitCode)) {
            c.done = true;
            continue;
          }
          const key = `${p.name}_${p.namespace}/${c.name}`;
          if (p.backoff.isInBackOffSince(key, c.exitedAt, t)) {
            if (c.waiting !== 'CrashLoopBackOff') {
              c.waiting = 'CrashLoopBackOff';
              p.recorder.record(p.epoch + t, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${p.name}_${p.namespace}(${p.pod.metadata.uid})`, `spec.containers{${c.name}}`);
            }
          } else {
            p.backoff.next(key, c.exitedAt, t);
            c.restarts++;
            startContainer(p, c, t);
            c.workingSet = demandAt(c.behaviour, 0);
            trace.push({ at: t, subject: `pod/${p.name}/${c.name}`, title: `The kubelet restarts ${p.name}/${c.name} (restart ${c.restarts}; next back-off ${goDuration(p.backoff.get(key))})`, source: 'pkg/kubelet/kuberuntime/kuberuntime_manager.go doBackOff' });
          }
        }
      }
    }

    // 3. The node's own memory: kernel OOM when Pods outgrow their cgroup (capacity − reserved) or the node runs out.
    let podsUsage = 0;
    for (const p of pods) for (const c of p.containers) if (c.running) podsUsage += c.workingSet;
    for (let guard = 0; guard < 1000 && (podsUsage > podsLimit || podsUsage + input.systemUsageBytes > capacity); guard++) {
      const total = podsUsage > podsLimit ? podsLimit : capacity;
      const victim = pickOomVictim(pods, total);
      if (!victim) break;
      const { p, c } = victim;
      podsUsage -= c.workingSet;
      stopContainer(c, t, 137, 'OOMKilled');
      c.oomKills.push({ at: sec(t), scope: 'node' });
      oomKills.push({ at: sec(t), pod: p.name, container: c.name, scope: 'node', oomScoreAdj: c.oomScoreAdj });
      trace.push({
        at: t, subject: `pod/${p.name}/${c.name}`, level: 'warning',
        title: `Memory ran out before the kubelet could evict: the kernel OOM killer picks ${p.name}/${c.name} (oom_score_adj ${c.oomScoreAdj}, the highest oom_score)`,
        source: 'kernel mm/oom_kill.c oom_badness; pkg/kubelet/qos/policy.go',
      });
    }
    const nodeUsage = podsUsage + input.systemUsageBytes;
    const available = capacity - nodeUsage;
    if (available < minAvailable) minAvailable = available;
    if (nodeUsage > peakUsage) {
      peakUsage = nodeUsage;
      const v = pickOomVictim(pods, capacity);
      wouldPick = v ? { at: sec(t), pod: v.p.name, container: v.c.name, oomScoreAdj: v.c.oomScoreAdj, oomScore: v.score } : null;
    }

    // 4. The eviction manager, every 10 s.
    if (t % EVICTION_MONITORING_PERIOD_MS === 0) {
      const met = input.eviction.thresholds.filter((th) => thresholdMet(th.value, available, capacity));
      for (const th of [...firstObserved.keys()]) if (!met.includes(th)) firstObserved.delete(th);
      for (const th of met) if (!firstObserved.has(th)) firstObserved.set(th, t);
      if (met.length > 0) lastPressureObserved = t;
      const nowPressure = lastPressureObserved !== null && t - lastPressureObserved < input.eviction.pressureTransitionPeriodMs;
      if (nowPressure !== pressure) {
        pressure = nowPressure;
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
      const graceMet = met.filter((th) => t - (firstObserved.get(th) ?? t) >= th.gracePeriodMs);
      if (graceMet.length > 0) {
        const th = graceMet[0];
        nodeEvents.push({ at: sec(t), type: 'Warning', reason: 'EvictionThresholdMet', message: 'Attempting to reclaim memory' });
        const candidates = active().filter((p) => !p.evicting);
        const entries: MemoryStatsEntry<Obj>[] = candidates.map((p) => ({
          pod: p.pod,
          memoryWorkingSet: p.containers.reduce((s, c) => s + (c.running ? c.workingSet : 0), 0),
          containers: p.containers.filter((c) => c.kind === 'regular').map((c) => ({ name: c.name, workingSet: c.running ? c.workingSet : 0 })),
        }));
        const ranked = rankMemoryPressure(entries);
        const victimEntry = ranked.find((e) => !isCriticalPod(e.pod));
        if (victimEntry) {
          const p = candidates.find((x) => x.pod === victimEntry.pod)!;
          const quantity = formatThreshold(th.value, capacity);
          const { message } = evictionMessage(p.pod, victimEntry.containers, { quantity, availableBytes: Math.max(0, available) });
          const hard = th.gracePeriodMs === 0;
          const podGrace = p.pod.spec.terminationGracePeriodSeconds ?? 30;
          const maxGrace = input.eviction.maxPodGracePeriodSeconds;
          const grace = hard ? IMMEDIATE_EVICTION_GRACE_PERIOD_SECONDS : maxGrace > 0 ? Math.min(maxGrace, podGrace) : podGrace;
          p.evicting = { at: t, killAt: t + grace * 1000, message };
          p.otherConditions = [{ type: 'DisruptionTarget', status: 'True', reason: 'TerminationByKubelet', message }];
          p.recorder.record(p.epoch + t, 'Warning', 'Evicted', message);
          for (const c of p.containers) if (c.running) p.recorder.record(p.epoch + t, 'Normal', 'Killing', `Stopping container ${c.name}`, `spec.containers{${c.name}}`);
          evictions.push({
            at: sec(t), pod: p.name, message, threshold: `${th.signal}<${quantity}${hard ? '' : ` (soft, grace ${goDuration(th.gracePeriodMs)})`}`, gracePeriodSeconds: grace,
            ranking: ranked.map((e) => {
              const ps = candidates.find((x) => x.pod === e.pod)!;
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
        } else if (candidates.length > 0) {
          trace.push({ at: t, subject: `node/${node.name}`, level: 'warning', title: 'Memory pressure, but every remaining Pod is critical: the kubelet evicts nothing', source: 'pkg/kubelet/eviction/eviction_manager.go evictPod' });
        }
      }
    }

    // 5. Evictions whose grace period ran out: the containers are stopped, the Pod is Failed.
    for (const p of pods) {
      if (p.evicting && !p.terminal && t >= p.evicting.killAt) {
        for (const c of p.containers) if (c.running) stopContainer(c, t, 137, 'Error');
        for (const c of p.containers) { c.done = true; c.waiting = null; }
        p.terminal = true;
      }
    }

    // 6. Samples for the charts.
    if (t % sampleEvery === 0) {
      sampleTimes.push(sec(t));
      availableSamples.push(available);
      for (const p of pods) for (const c of p.containers) c.samples.push(c.running ? c.workingSet : 0);
    }
  }

  const end = duration - (duration % STEP_MS);
  const evictionOrder = evictions.map((e) => e.pod);
  const podResults: PodResult[] = pods.map((p) => podResult(p, input, end, epoch));
  for (const raw of input.pods) {
    if (!pods.some((p) => p.name === raw.metadata.name)) {
      const a = admission.find((x) => x.pod === raw.metadata.name)!;
      podResults.push({
        name: raw.metadata.name, namespace: raw.metadata.namespace ?? 'default', qosClass: computePodQOS(raw), priority: raw.spec.priority ?? 0,
        requestBytes: podRequestBytes(raw), admitted: false, admissionMessage: a.message, scheduled: false, schedulingMessage: null,
        phase: 'Rejected', reason: 'Forbidden', message: a.message, evictedAt: null, restarts: 0, containers: [], describe: null, getPods: null, object: raw, events: [],
      });
    }
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
  };
  return { result, trace };
}

/** The kernel's oom_badness: usage plus oom_score_adj scaled to the memory in play; the highest loses. */
function pickOomVictim(pods: PState[], totalBytes: number): { p: PState; c: CState; score: number } | null {
  let best: { p: PState; c: CState; score: number; points: number } | null = null;
  for (const p of pods) {
    for (const c of p.containers) {
      // oom_score_adj -1000 means "never kill" (OOM_SCORE_ADJ_MIN).
      if (!c.running || c.oomScoreAdj === -1000) continue;
      const points = c.workingSet + (c.oomScoreAdj * totalBytes) / 1000;
      if (!best || points > best.points) {
        const score = Math.max(0, Math.min(2000, Math.round((points * 1000) / totalBytes)));
        best = { p, c, score, points };
      }
    }
  }
  return best && { p: best.p, c: best.c, score: best.score };
}

function podResult(p: PState, input: ResourcesInput, end: number, epoch: number): PodResult {
  const object = podObject(p, input, end, epoch);
  const events: Event[] = [...p.recorder.eventsAt(epoch + end), ...p.extraEvents];
  if (!p.scheduled) {
    events.push({
      apiVersion: 'v1', kind: 'Event', metadata: { name: `${p.name}.failedscheduling`, namespace: p.namespace },
      involvedObject: { apiVersion: 'v1', kind: 'Pod', name: p.name, namespace: p.namespace, uid: p.pod.metadata.uid },
      reason: 'FailedScheduling', message: p.schedulingMessage ?? '', type: 'Warning', firstTimestamp: null, lastTimestamp: null,
      eventTime: new Date(epoch).toISOString().replace('Z', '000Z'), source: {}, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler',
    });
  }
  const containers: ContainerResult[] = p.containers.map((c) => ({
    pod: p.name, name: c.name, kind: c.kind, requestBytes: c.requestBytes, limitBytes: c.limitBytes,
    request: formatBinarySI(c.requestBytes), limit: c.limitBytes === null ? 'none' : formatBinarySI(c.limitBytes),
    behaviour: describeBehaviour(c.behaviour, formatBinarySI, goDuration),
    oomScoreAdj: c.oomScoreAdj, restarts: c.restarts,
    exitCode: c.last && c.kind !== 'init' ? c.last.exitCode : c.kind === 'init' ? 0 : null,
    reason: c.last ? c.last.reason : null,
    oomKills: c.oomKills,
    state: !p.scheduled ? 'Waiting' : c.running ? 'Running' : c.waiting ? 'Waiting' : c.last ? 'Terminated' : 'Waiting',
    stateReason: !p.scheduled ? 'Pending' : c.running ? null : c.waiting ?? c.last?.reason ?? null,
    peakBytes: c.peak, samples: c.samples,
  }));
  const status = object.status ?? {};
  return {
    name: p.name, namespace: p.namespace, qosClass: p.qos, priority: p.priority, requestBytes: p.requestBytes,
    admitted: true, admissionMessage: null, scheduled: p.scheduled, schedulingMessage: p.schedulingMessage,
    phase: status.phase ?? 'Pending', reason: status.reason ?? null, message: status.message ?? null,
    evictedAt: p.evicting ? p.evicting.at / 1000 : null,
    restarts: p.containers.reduce((s, c) => s + c.restarts, 0),
    containers, describe: describePod(object, events, epoch + end), getPods: getPodsRow(object, epoch + end), object, events,
  };
}

function getPodsRow(pod: Obj, now: number): PodResult['getPods'] {
  const row = printPod(pod, now);
  return { ready: row.ready, status: row.status, restarts: row.restarts, age: row.age };
}

// Builds the Pod's API status from the runtime, as generateAPIPodStatus does.
// src: pkg/kubelet/kubelet_pods.go (generateAPIPodStatus, convertToAPIContainerStatuses),
// pkg/kubelet/prober/prober_manager.go (UpdatePodStatus: started and ready),
// pkg/kubelet/status/generate.go (conditions).

import { kubeletConditions, stampConditions } from './conditions.ts';
import type { ConditionValue } from './conditions.ts';
import { fakeImageId } from './ids.ts';
import { ContainerCreating, PodInitializing } from './names.ts';
import { getPhaseFromStatuses } from './pod-phase.ts';
import type { ProbeResult, ProbeType } from './probes.ts';
import { shouldContainerBeRestarted } from './restart.ts';
import { latestInstance, runtimeExitReason } from './runtime.ts';
import type { ContainerRecord, Instance } from './runtime.ts';
import { rfc3339 } from '../apimachinery/time.ts';
import type { ContainerState, ContainerStatus, Pod, PodPhase, PodStatus } from './types.ts';

/** A probe worker's result for one container instance, or undefined if it has none for it yet. */
export function probeResultFor(rec: ContainerRecord, type: ProbeType, instanceId: string): ProbeResult | undefined {
  const w = rec.workers[type];
  if (!w || w.containerId !== instanceId) return undefined;
  return w.result;
}

/** UpdatePodStatus's `started`: running, and the startup probe succeeded (or there is none). */
export function isStarted(rec: ContainerRecord, latest: Instance | undefined): boolean {
  if (!latest || latest.state !== 'running') return false;
  const result = probeResultFor(rec, 'startup', latest.id);
  if (result !== undefined) return result === 'Success';
  return !rec.workers.startup;
}

/** UpdatePodStatus's `ready` for sidecars and regular containers. */
export function isReady(rec: ContainerRecord, latest: Instance | undefined): boolean {
  if (!latest || latest.state !== 'running') return false;
  if (!isStarted(rec, latest)) return false;
  const result = probeResultFor(rec, 'readiness', latest.id);
  if (result !== undefined) return result === 'Success';
  return !rec.workers.readiness;
}

function terminatedState(i: Instance, epochMs: number): ContainerState {
  const exitCode = i.exitCode ?? 0;
  const t: NonNullable<ContainerState['terminated']> = {
    exitCode,
    reason: runtimeExitReason(exitCode, i.reason),
    startedAt: rfc3339(epochMs + i.startedAtMs),
    finishedAt: rfc3339(epochMs + (i.finishedAtMs ?? i.startedAtMs)),
    containerID: i.id,
  };
  if (i.message) t.message = i.message;
  return { terminated: t };
}

function instanceState(i: Instance, epochMs: number): ContainerState {
  return i.state === 'running' ? { running: { startedAt: rfc3339(epochMs + i.startedAtMs) } } : terminatedState(i, epochMs);
}

/**
 * One container's API status: the newest instance in `state`, the one before in
 * `lastState`, the default Waiting reason before the first instance, and the
 * cached start error (CrashLoopBackOff, ErrImagePull …) as Waiting when the
 * container is due to be started again.
 */
export function containerStatus(pod: Pod, rec: ContainerRecord, hasInitContainers: boolean, epochMs = 0): ContainerStatus {
  const latest = latestInstance(rec);
  const prev = rec.instances.length > 1 ? rec.instances[rec.instances.length - 2] : undefined;
  const image = rec.container.image ?? '';
  let state: ContainerState = latest
    ? instanceState(latest, epochMs)
    : { waiting: { reason: hasInitContainers ? PodInitializing : ContainerCreating } };
  let lastState: ContainerState = prev ? terminatedState(prev, epochMs) : {};

  const succeededInit = rec.kind === 'init' && latest?.state === 'exited' && latest.exitCode === 0;
  if (!succeededInit && rec.startError && shouldContainerBeRestarted(pod, latest)) {
    if (state.terminated) lastState = state;
    state = { waiting: { reason: rec.startError.reason, message: rec.startError.message } };
  }

  const status: ContainerStatus = {
    name: rec.container.name,
    state,
    lastState,
    ready: false,
    restartCount: latest?.attempt ?? 0,
    image,
    imageID: latest ? fakeImageId(image) : '',
  };
  if (latest) status.containerID = latest.id;
  status.started = isStarted(rec, latest);
  if (rec.kind === 'init') {
    status.ready = latest?.state === 'exited' && latest.exitCode === 0;
  } else {
    status.ready = isReady(rec, latest);
  }
  return status;
}

export interface StatusContext {
  pod: Pod;
  records: readonly ContainerRecord[];
  /** Virtual time 0 as Unix milliseconds: instance times are relative to it. */
  epochMs: number;
  /** Now, as Unix milliseconds. */
  nowMs: number;
  /** The status written last (conditions keep their transition times; terminal phases stick). */
  old: PodStatus | undefined;
  podIsTerminal: boolean;
  /** v1.33 podHasInitialized: a regular container exists in the current sandbox. */
  podHasInitialized: boolean;
  sandboxReady: boolean;
  podIP?: string;
  hostIP?: string;
  startTimeMs?: number;
  qosClass?: string;
  /** An eviction (or other kubelet-imposed) terminal outcome: phase Failed with this reason and message. */
  forcedFailure?: { reason: string; message: string };
  /** Conditions not owned by the kubelet (DisruptionTarget …), kept first. */
  otherConditions?: ConditionValue[];
}

/**
 * generateAPIPodStatus: container statuses, phase (with the terminal-phase and
 * reason-preserving rules), conditions with transition times, IPs and start time.
 */
export function generatePodStatus(ctx: StatusContext): PodStatus {
  const { pod, records, old } = ctx;
  const hasInit = (pod.spec.initContainers ?? []).length > 0;
  const initStatuses: ContainerStatus[] = [];
  const statuses: ContainerStatus[] = [];
  for (const rec of records) {
    const s = containerStatus(pod, rec, hasInit, ctx.epochMs);
    if (rec.kind === 'regular') statuses.push(s);
    else initStatuses.push(s);
  }
  const all = [...statuses, ...initStatuses];
  let phase: PodPhase = getPhaseFromStatuses(pod, all, ctx.podIsTerminal, ctx.podHasInitialized);
  // Pods are never allowed to leave a terminal phase.
  if (phase !== 'Failed' && phase !== 'Succeeded' && (old?.phase === 'Failed' || old?.phase === 'Succeeded')) {
    phase = old.phase;
  }
  let reason: string | undefined;
  let message: string | undefined;
  if (old && phase === old.phase) {
    reason = old.reason;
    message = old.message;
  }
  if (ctx.forcedFailure) {
    phase = 'Failed';
    reason = ctx.forcedFailure.reason;
    message = ctx.forcedFailure.message;
  }

  const now = rfc3339(ctx.nowMs);
  const conditionValues = kubeletConditions(pod, [...initStatuses, ...statuses], phase, ctx.sandboxReady, ctx.otherConditions ?? []);
  const status: PodStatus = { phase };
  status.conditions = stampConditions(conditionValues, old?.conditions, now);
  if (message) status.message = message;
  if (reason) status.reason = reason;
  if (ctx.hostIP) {
    status.hostIP = ctx.hostIP;
    status.hostIPs = [{ ip: ctx.hostIP }];
  }
  if (ctx.podIP) {
    status.podIP = ctx.podIP;
    status.podIPs = [{ ip: ctx.podIP }];
  }
  if (ctx.startTimeMs !== undefined) status.startTime = rfc3339(ctx.startTimeMs);
  if (initStatuses.length > 0) status.initContainerStatuses = initStatuses;
  status.containerStatuses = statuses;
  if (ctx.qosClass) status.qosClass = ctx.qosClass;
  return status;
}

// Pod conditions the kubelet owns.
// src: pkg/kubelet/status/generate.go (Generate*Condition) and
// pkg/kubelet/status/status_manager.go (updateLastTransitionTime).

import { getContainerStatus, isRestartableInitContainer } from './containers.ts';
import {
  ContainersNotInitialized,
  ContainersNotReady,
  ContainersReady,
  PodCompleted,
  PodFailedReason,
  PodInitialized,
  PodReady,
  PodReadyToStartContainers,
  PodScheduled,
  ReadinessGatesNotReady,
  UnknownContainerStatuses,
} from './names.ts';
import { hasAnyRegularContainerStarted } from './pod-phase.ts';
import type { ConditionStatus, ContainerStatus, Pod, PodCondition, PodPhase } from './types.ts';

/** A condition before the status manager stamps its transition time. */
export interface ConditionValue {
  type: string;
  status: ConditionStatus;
  reason?: string;
  message?: string;
}

/** Go's fmt %s of a []string: "[a b c]". */
function goList(names: string[]): string {
  return `[${names.join(' ')}]`;
}

/**
 * GenerateContainersReadyCondition: True when every sidecar and regular container is ready.
 *
 * @example containersReadyCondition(pod, statuses, 'Running')
 *   // { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady',
 *   //   message: 'containers with unready status: [app]' }
 */
export function containersReadyCondition(pod: Pod, statuses: readonly ContainerStatus[] | null, phase: PodPhase): ConditionValue {
  if (statuses === null) return { type: ContainersReady, status: 'False', reason: UnknownContainerStatuses };
  const unknown: string[] = [];
  const unready: string[] = [];
  for (const c of pod.spec.initContainers ?? []) {
    if (!isRestartableInitContainer(c)) continue;
    const s = getContainerStatus(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  for (const c of pod.spec.containers) {
    const s = getContainerStatus(statuses, c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }

  if (phase === 'Succeeded' && unknown.length === 0) return { type: ContainersReady, status: 'False', reason: PodCompleted };
  if (phase === 'Failed') return { type: ContainersReady, status: 'False', reason: PodFailedReason };

  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length > 0) messages.push(`containers with unready status: ${goList(unready)}`);
  if (messages.length > 0) {
    return { type: ContainersReady, status: 'False', reason: ContainersNotReady, message: messages.join(', ') };
  }
  return { type: ContainersReady, status: 'True' };
}

/**
 * GeneratePodReadyCondition: ContainersReady, then the readiness gates.
 * `conditions` are the pod's other conditions (readiness gates are looked up there).
 */
export function podReadyCondition(
  pod: Pod,
  conditions: readonly { type: string; status: string }[],
  statuses: readonly ContainerStatus[] | null,
  phase: PodPhase,
): ConditionValue {
  const containers = containersReadyCondition(pod, statuses, phase);
  if (containers.status !== 'True') {
    return { type: PodReady, status: containers.status, reason: containers.reason, message: containers.message };
  }
  const messages: string[] = [];
  for (const gate of pod.spec.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (!c) messages.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') {
      messages.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
    }
  }
  if (messages.length > 0) {
    return { type: PodReady, status: 'False', reason: ReadinessGatesNotReady, message: messages.join(', ') };
  }
  return { type: PodReady, status: 'True' };
}

/**
 * GeneratePodInitializedCondition: every regular init container ready (exited 0) and every
 * sidecar started; or any regular container has started already.
 */
export function podInitializedCondition(pod: Pod, statuses: readonly ContainerStatus[] | null, phase: PodPhase): ConditionValue {
  const inits = pod.spec.initContainers ?? [];
  if (statuses === null && inits.length > 0) {
    return { type: PodInitialized, status: 'False', reason: UnknownContainerStatuses };
  }
  const list = statuses ?? [];
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of inits) {
    const s = getContainerStatus(list, c.name);
    if (!s) {
      unknown.push(c.name);
      continue;
    }
    const initialized = isRestartableInitContainer(c) ? s.started === true : s.ready;
    if (!initialized) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) {
    return { type: PodInitialized, status: 'True', reason: PodCompleted };
  }
  if (hasAnyRegularContainerStarted(pod.spec, list)) return { type: PodInitialized, status: 'True' };
  const messages: string[] = [];
  if (unknown.length > 0) messages.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length > 0) messages.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (messages.length > 0) {
    return { type: PodInitialized, status: 'False', reason: ContainersNotInitialized, message: messages.join(', ') };
  }
  return { type: PodInitialized, status: 'True' };
}

/** GeneratePodReadyToStartContainersCondition: True once the sandbox exists with its network. */
export function podReadyToStartContainersCondition(sandboxReady: boolean): ConditionValue {
  return { type: PodReadyToStartContainers, status: sandboxReady ? 'True' : 'False' };
}

/**
 * The kubelet-owned conditions in the order generateAPIPodStatus appends them:
 * PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled.
 * `otherConditions` (DisruptionTarget, readiness-gate conditions) come first, untouched.
 */
export function kubeletConditions(
  pod: Pod,
  statuses: readonly ContainerStatus[] | null,
  phase: PodPhase,
  sandboxReady: boolean,
  otherConditions: readonly ConditionValue[] = [],
): ConditionValue[] {
  return [
    ...otherConditions,
    podReadyToStartContainersCondition(sandboxReady),
    podInitializedCondition(pod, statuses, phase),
    podReadyCondition(pod, otherConditions, statuses, phase),
    containersReadyCondition(pod, statuses, phase),
    { type: PodScheduled, status: 'True' },
  ];
}

/**
 * status_manager.go updateLastTransitionTime: a condition keeps its old transition
 * time while its status is unchanged, and gets `now` when it changes.
 *
 * @example stampConditions([{ type: 'Ready', status: 'True' }], oldConditions, '2025-01-01T00:00:05Z')
 */
export function stampConditions(
  next: readonly ConditionValue[],
  old: readonly PodCondition[] | undefined,
  now: string,
): PodCondition[] {
  return next.map((c) => {
    let prev: PodCondition | undefined;
    for (const o of old ?? []) {
      if (o.type === c.type) {
        prev = o;
        break;
      }
    }
    const lastTransitionTime = prev && prev.status === c.status ? prev.lastTransitionTime : now;
    const out: PodCondition = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime };
    if (c.reason) out.reason = c.reason;
    if (c.message) out.message = c.message;
    return out;
  });
}

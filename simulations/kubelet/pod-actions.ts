// What the kubelet does next for a Pod, from the runtime's state.
// src: pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions and
// kuberuntime_container.go computeInitContainerActions (the SidecarContainers path,
// which also covers Pods without sidecars).

import { probeResultFor } from './generate-status.ts';
import { shouldContainerBeRestarted } from './restart.ts';
import { latestInstance } from './runtime.ts';
import type { ContainerRecord } from './runtime.ts';
import type { Pod } from './types.ts';

export type KillReason = 'liveness' | 'startup' | '';

export interface ContainerToKill {
  name: string;
  /** The Killing event message. */
  message: string;
  reason: KillReason;
}

export interface PodActions {
  createSandbox: boolean;
  /** Stop everything and the sandbox: nothing is left to run. */
  killPod: boolean;
  /** Indexes into spec.initContainers, in start order. */
  initContainersToStart: number[];
  /** Indexes into spec.containers. */
  containersToStart: number[];
  containersToKill: ContainerToKill[];
  /** Initialization is complete (regular containers may run). */
  initialized: boolean;
  /** Why, for the trace: one sentence per decision. */
  notes: string[];
}

function isInitContainerFailed(rec: ContainerRecord): boolean {
  const latest = latestInstance(rec);
  return latest?.state === 'exited' && latest.exitCode !== 0;
}

/**
 * computePodActions over the runtime records.
 *
 * @example
 *   computePodActions(pod, records, true).containersToStart // [0] when the only container exited and policy is Always
 */
export function computePodActions(pod: Pod, records: readonly ContainerRecord[], sandboxReady: boolean): PodActions {
  const actions: PodActions = {
    createSandbox: !sandboxReady,
    killPod: false,
    initContainersToStart: [],
    containersToStart: [],
    containersToKill: [],
    initialized: false,
    notes: [],
  };
  const inits = records.filter((r) => r.kind !== 'regular');
  const regular = records.filter((r) => r.kind === 'regular');
  const policy = pod.spec.restartPolicy ?? 'Always';

  if (actions.createSandbox) {
    // A new sandbox starts from the initial state: the first init container, or all containers.
    if (inits.length > 0) {
      actions.initContainersToStart = [0];
    } else {
      for (const r of regular) {
        const latest = latestInstance(r);
        if (policy === 'OnFailure' && latest?.state === 'exited' && latest.exitCode === 0) continue;
        actions.containersToStart.push(r.index);
      }
    }
    actions.notes.push('no sandbox yet: create it (the pause container holds the Pod network namespace), then start containers');
    return actions;
  }

  actions.initialized = computeInitContainerActions(pod, inits, regular, actions);
  if (actions.killPod || !actions.initialized) return actions;

  let keepCount = 0;
  for (const r of regular) {
    const latest = latestInstance(r);
    if (!latest || latest.state !== 'running') {
      if (shouldContainerBeRestarted(pod, latest)) {
        actions.containersToStart.push(r.index);
        actions.notes.push(
          latest
            ? `${r.container.name} exited with code ${latest.exitCode}; restartPolicy ${policy} restarts it`
            : `${r.container.name} has not been started: start it`,
        );
      } else if (latest) {
        actions.notes.push(
          `${r.container.name} exited with code ${latest.exitCode}; restartPolicy ${policy} does not restart it`,
        );
      }
      continue;
    }
    const restart = policy !== 'Never';
    let message: string;
    let reason: KillReason;
    if (probeResultFor(r, 'liveness', latest.id) === 'Failure') {
      message = `Container ${r.container.name} failed liveness probe`;
      reason = 'liveness';
    } else if (probeResultFor(r, 'startup', latest.id) === 'Failure') {
      message = `Container ${r.container.name} failed startup probe`;
      reason = 'startup';
    } else {
      keepCount++;
      continue;
    }
    if (restart) {
      message = `${message}, will be restarted`;
      actions.containersToStart.push(r.index);
    }
    actions.containersToKill.push({ name: r.container.name, message, reason });
  }
  if (keepCount === 0 && actions.containersToStart.length === 0) {
    actions.killPod = true;
    // Sidecars must not keep a finished Pod alive.
    actions.initContainersToStart = [];
    actions.notes.push('no container is left running or due to start: stop the Pod (sidecars and sandbox)');
  }
  return actions;
}

/** computeInitContainerActions; returns whether the Pod has been initialized. */
function computeInitContainerActions(
  pod: Pod,
  inits: readonly ContainerRecord[],
  regular: readonly ContainerRecord[],
  actions: PodActions,
): boolean {
  if (inits.length === 0) return true;
  let podHasInitialized = regular.some((r) => latestInstance(r)?.state === 'running');
  let isPreviouslyInitialized = podHasInitialized;
  const restartOnFailure = (pod.spec.restartPolicy ?? 'Always') !== 'Never';
  const toStart: number[] = [];
  const last = inits.length - 1;

  for (let i = last; i >= 0; i--) {
    const rec = inits[i];
    const sidecar = rec.kind === 'sidecar';
    const latest = latestInstance(rec);
    const name = rec.container.name;
    if (!latest) {
      if (isPreviouslyInitialized && sidecar) toStart.push(i);
      continue;
    }
    if (isPreviouslyInitialized && !sidecar) continue;

    if (latest.state === 'running') {
      if (sidecar) {
        let waitForIt = false;
        if (rec.container.startupProbe) {
          const startup = probeResultFor(rec, 'startup', latest.id);
          if (startup === undefined) waitForIt = true;
          else if (startup !== 'Success') {
            if (startup === 'Failure') {
              actions.containersToKill.push({ name, message: `Init container ${name} failed startup probe`, reason: 'startup' });
              toStart.push(i);
            }
            waitForIt = true;
          }
        }
        if (!waitForIt) {
          if (i === last) podHasInitialized = true;
          else if (!isPreviouslyInitialized) {
            toStart.push(i + 1);
            actions.notes.push(`sidecar ${name} has started: start the next init container`);
          }
          if (rec.container.livenessProbe) {
            const liveness = probeResultFor(rec, 'liveness', latest.id);
            if (liveness === 'Failure') {
              actions.containersToKill.push({ name, message: `Init container ${name} failed liveness probe`, reason: 'liveness' });
              toStart.push(i);
            }
          }
        }
      }
    } else if (sidecar) {
      toStart.push(i);
      actions.notes.push(`sidecar ${name} exited: restart it (sidecars always restart)`);
    } else if (isInitContainerFailed(rec)) {
      if (!restartOnFailure) {
        actions.killPod = true;
        actions.initContainersToStart = [];
        actions.notes.push(`init container ${name} failed and restartPolicy is Never: the Pod fails`);
        return false;
      }
      toStart.push(i);
      actions.notes.push(`init container ${name} failed (exit ${latest.exitCode}): restart it`);
    } else {
      if (i === last) podHasInitialized = true;
      else {
        toStart.push(i + 1);
        actions.notes.push(`init container ${name} completed: start the next one`);
      }
    }
    if (!isPreviouslyInitialized) isPreviouslyInitialized = true;
  }
  if (!isPreviouslyInitialized) toStart.push(0);
  actions.initContainersToStart = toStart.reverse();
  return podHasInitialized;
}

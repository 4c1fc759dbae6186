// The container runtime as the kubelet sees it: one record per container of the
// Pod, with every instance (attempt) it created, newest last. This is the
// simulation's stand-in for kubecontainer.PodStatus (what the CRI reports).

import type { ContainerBehavior } from './behavior.ts';
import type { ContainerKind } from './containers.ts';
import type { ProbeType, ProbeWorker } from './probes.ts';
import type { Container } from './types.ts';

export interface Instance {
  /** "containerd://<hex>" */
  id: string;
  name: string;
  /** The restart count label of this instance: 0 for the first, then 1, 2 … */
  attempt: number;
  startedAtMs: number;
  state: 'running' | 'exited';
  finishedAtMs?: number;
  exitCode?: number;
  reason?: string;
  message?: string;
  /** Why it ended, for the trace and results: 'exit' (by itself), 'killed' (kubelet stop), 'injected' (e.g. OOM). */
  endedBy?: 'exit' | 'killed' | 'injected';
  /** When the process would exit by itself (from its behaviour), if it would. */
  plannedExit?: { atMs: number; exitCode: number; reason?: string; message?: string };
}

export interface ContainerRecord {
  container: Container;
  kind: ContainerKind;
  /** Index in spec.initContainers or spec.containers. */
  index: number;
  instances: Instance[];
  /** kubelet reasonCache: the last start error (CrashLoopBackOff, ErrImagePull …) with its message. */
  startError?: { reason: string; message: string };
  workers: Partial<Record<ProbeType, ProbeWorker>>;
  behavior: ContainerBehavior;
  /** Pull attempts made so far (the behaviour's first N fail). */
  pullAttempts: number;
}

export function latestInstance(rec: ContainerRecord): Instance | undefined {
  return rec.instances[rec.instances.length - 1];
}

/** The newest exited instance (doBackOff reads its FinishedAt). */
export function latestExited(rec: ContainerRecord): Instance | undefined {
  for (let i = rec.instances.length - 1; i >= 0; i--) if (rec.instances[i].state === 'exited') return rec.instances[i];
  return undefined;
}

/** containerd's reason for an exit: Completed for 0, Error otherwise (pkg/cri/server/helpers.go). */
export function runtimeExitReason(exitCode: number, reason?: string): string {
  if (reason) return reason;
  return exitCode === 0 ? 'Completed' : 'Error';
}

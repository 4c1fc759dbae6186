// How long stopping a container takes, and how it ends.
// src: pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer,
// setTerminationGracePeriod, executePreStopHook, terminationOrdering
// (termination_ordering.go): Killing event, then preStop (bounded by the grace
// period, its duration subtracted), then sidecars wait for their turn, then the
// grace period is floored at minimumGracePeriodInSeconds = 2 and the runtime sends
// SIGTERM and, when the grace period runs out, SIGKILL (exit code 137).

import type { SigtermBehavior } from './behavior.ts';
import type { KillReason } from './pod-actions.ts';
import { EXIT_SIGKILL } from './names.ts';
import type { Container, Pod } from './types.ts';

export const MINIMUM_GRACE_PERIOD_SECONDS = 2;
/** The API default of spec.terminationGracePeriodSeconds. */
export const DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS = 30;

/**
 * setTerminationGracePeriod: deletionGracePeriodSeconds wins; a probe-triggered kill
 * uses the probe's terminationGracePeriodSeconds when set; else the Pod's.
 */
export function terminationGracePeriodSeconds(pod: Pod, container: Container, reason: KillReason): number {
  if (pod.metadata.deletionGracePeriodSeconds !== undefined) return pod.metadata.deletionGracePeriodSeconds;
  const podGrace = pod.spec.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_PERIOD_SECONDS;
  if (reason === 'startup' && container.startupProbe?.terminationGracePeriodSeconds !== undefined) {
    return container.startupProbe.terminationGracePeriodSeconds;
  }
  if (reason === 'liveness' && container.livenessProbe?.terminationGracePeriodSeconds !== undefined) {
    return container.livenessProbe.terminationGracePeriodSeconds;
  }
  return podGrace;
}

export interface StopPlanInput {
  nowMs: number;
  graceSeconds: number;
  /** A preStop hook is declared, and how long it runs. */
  preStopMs?: number;
  /** For sidecars: when every container it must outlive has exited. */
  turnAtMs?: number;
  sigterm: SigtermBehavior;
  /** The process's own planned exit, if it would end by itself first. */
  naturalExit?: { atMs: number; exitCode: number; reason?: string; message?: string };
}

export interface StopPlan {
  preStopEndMs?: number;
  /** When SIGTERM is sent. */
  sigtermAtMs: number;
  /** The grace period StopContainer is given (after preStop and the floor of 2 s). */
  timeoutSeconds: number;
  exitAtMs: number;
  exitCode: number;
  reason?: string;
  message?: string;
  /** The runtime had to SIGKILL after the timeout. */
  sigkill: boolean;
  /** The process ended by itself before the kubelet's signal got to it. */
  exitedByItself: boolean;
}

/**
 * The timeline of one killContainer call.
 *
 * @example
 *   planStop({ nowMs: 0, graceSeconds: 30, preStopMs: 5_000, sigterm: { ignore: true } })
 *   // preStop until 5 s, SIGTERM at 5 s with 25 s left, SIGKILL at 30 s → exit 137
 */
export function planStop(input: StopPlanInput): StopPlan {
  let grace = input.graceSeconds;
  let t = input.nowMs;
  let preStopEndMs: number | undefined;
  if (input.preStopMs !== undefined && grace > 0) {
    const ran = Math.min(input.preStopMs, grace * 1000);
    t += ran;
    preStopEndMs = t;
    grace -= Math.trunc(ran / 1000);
  }
  if (input.turnAtMs !== undefined && grace > 0 && input.turnAtMs > t) {
    grace -= Math.trunc((input.turnAtMs - t) / 1000);
    t = input.turnAtMs;
  }
  if (grace < MINIMUM_GRACE_PERIOD_SECONDS) grace = MINIMUM_GRACE_PERIOD_SECONDS;
  const timeoutMs = grace * 1000;
  let exitAtMs: number;
  let exitCode: number;
  let sigkill = false;
  const s = input.sigterm;
  if (!s.ignore && s.exitAfterMs <= timeoutMs) {
    exitAtMs = t + s.exitAfterMs;
    exitCode = s.exitCode;
  } else {
    exitAtMs = t + timeoutMs;
    exitCode = EXIT_SIGKILL;
    sigkill = true;
  }
  const natural = input.naturalExit;
  if (natural && natural.atMs <= exitAtMs) {
    return {
      preStopEndMs,
      sigtermAtMs: t,
      timeoutSeconds: grace,
      exitAtMs: natural.atMs,
      exitCode: natural.exitCode,
      reason: natural.reason,
      message: natural.message,
      sigkill: false,
      exitedByItself: true,
    };
  }
  return { preStopEndMs, sigtermAtMs: t, timeoutSeconds: grace, exitAtMs, exitCode, sigkill, exitedByItself: false };
}

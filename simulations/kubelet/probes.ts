// Probes: API defaults and the kubelet's probe worker on virtual time.
// src: pkg/apis/core/v1/defaults.go SetDefaults_Probe; pkg/kubelet/prober/worker.go
// (newWorker, doProbe); pkg/kubelet/prober/prober.go (event messages).

import type { Probe } from './types.ts';

export type ProbeType = 'liveness' | 'readiness' | 'startup';
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** A probe with every default applied. */
export interface DefaultedProbe extends Probe {
  initialDelaySeconds: number;
  timeoutSeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

/**
 * SetDefaults_Probe: timeoutSeconds 1, periodSeconds 10, successThreshold 1, failureThreshold 3;
 * initialDelaySeconds stays 0.
 *
 * @example withProbeDefaults({ httpGet: { path: '/', port: 80 } }).periodSeconds // 10
 */
export function withProbeDefaults(probe: Probe): DefaultedProbe {
  return {
    ...probe,
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    timeoutSeconds: probe.timeoutSeconds || 1,
    periodSeconds: probe.periodSeconds || 10,
    successThreshold: probe.successThreshold || 1,
    failureThreshold: probe.failureThreshold || 3,
  };
}

/** "Liveness", "Readiness", "Startup": probeType.String() in events. */
export function probeTypeName(type: ProbeType): string {
  return type === 'liveness' ? 'Liveness' : type === 'readiness' ? 'Readiness' : 'Startup';
}

/** The initial result a worker sets for a new container (worker.go newWorker). */
export function initialProbeResult(type: ProbeType): ProbeResult {
  return type === 'readiness' ? 'Failure' : type === 'liveness' ? 'Success' : 'Unknown';
}

/** What the container answers when probed at some moment (from the scenario's behaviour). */
export interface ProbeAnswer {
  result: 'success' | 'failure';
  /** The probe's output as the kubelet reports it in the Unhealthy event. */
  output: string;
}

/** What the worker sees of its container at a tick. */
export interface ProbeTarget {
  /** The current container instance's ID; undefined before the first container is created. */
  containerId?: string;
  running: boolean;
  terminated: boolean;
  startedAtMs?: number;
  /** ContainerStatus.started as last written. */
  started: boolean;
  /** The pod has a deletionTimestamp. */
  deleting: boolean;
  /** The pod's phase as last written (the worker exits on terminal phases). */
  podTerminal: boolean;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
}

export interface ProbeTickOutcome {
  /** The probe was actually executed against the container. */
  probed: boolean;
  /** An Unhealthy event to record (probe failed). */
  unhealthy?: string;
  /** The result the results manager now holds, when it changed. */
  changed?: ProbeResult;
  /**
   * Why it changed: `initial` (a new container gets the probe type's initial value),
   * `threshold` (failureThreshold/successThreshold consecutive results), `not-running`
   * (a stopped container fails), `deleting` (liveness and startup succeed on deletion).
   */
  changedBy?: 'initial' | 'threshold' | 'not-running' | 'deleting';
  /** The worker stops for good. */
  stop: boolean;
}

/**
 * One probe worker (one per container and probe type), as worker.go runs it:
 * it probes once when created and then every periodSeconds; skips until the
 * container exists, during initialDelaySeconds, and (liveness, readiness) until
 * the container has started; counts consecutive results against the thresholds;
 * and after a liveness failure or any final startup result holds until a new
 * container instance appears.
 *
 * @example
 *   const w = new ProbeWorker('readiness', withProbeDefaults({ httpGet: { port: 80 } }), 0);
 *   w.tick(0, target, () => ({ result: 'success', output: '' })); // → { changed: 'Success', ... }
 */
export class ProbeWorker {
  containerId: string | undefined;
  result: ProbeResult | undefined;
  private onHold = false;
  private lastResult: 'success' | 'failure' | undefined;
  /** Bumped when the scheduled tick is replaced (the kubelet skips ticks that cannot change anything). */
  tickToken = 0;
  private resultRun = 0;
  stopped = false;
  /** The next tick, on a grid that starts when the worker was created (the pod's first sync). */
  nextTickMs: number;

  constructor(
    readonly type: ProbeType,
    readonly spec: DefaultedProbe,
    readonly createdAtMs: number,
  ) {
    this.nextTickMs = createdAtMs;
  }

  get periodMs(): number {
    return this.spec.periodSeconds * 1000;
  }

  /**
   * Nothing a tick could do would change anything while the container keeps answering
   * the same: the worker is on hold, or the result is Success and the container answered success.
   */
  get steady(): boolean {
    return this.onHold || (this.result === 'Success' && this.lastResult === 'success');
  }

  get holding(): boolean {
    return this.onHold;
  }

  /** The first tick of this worker's grid (createdAt + k × period) strictly after `ms`. */
  tickAfter(ms: number): number {
    const k = Math.floor((ms - this.createdAtMs) / this.periodMs) + 1;
    return this.createdAtMs + Math.max(k, 0) * this.periodMs;
  }

  /** Runs doProbe at `nowMs` and advances to the next tick. */
  tick(nowMs: number, target: ProbeTarget, answer: () => ProbeAnswer): ProbeTickOutcome {
    this.nextTickMs = nowMs + this.periodMs;
    const outcome = this.doProbe(nowMs, target, answer);
    if (outcome.stop) this.stopped = true;
    return outcome;
  }

  private set(result: ProbeResult): ProbeResult | undefined {
    if (this.result === result) return undefined;
    this.result = result;
    return result;
  }

  private doProbe(nowMs: number, t: ProbeTarget, answer: () => ProbeAnswer): ProbeTickOutcome {
    if (t.podTerminal) return { probed: false, stop: true };
    if (!t.containerId) return { probed: false, stop: false };
    let changed: ProbeResult | undefined;
    let changedBy: ProbeTickOutcome['changedBy'];
    if (this.containerId !== t.containerId) {
      this.containerId = t.containerId;
      this.result = undefined;
      changed = this.set(initialProbeResult(this.type));
      changedBy = 'initial';
      this.onHold = false;
    }
    if (this.onHold) return { probed: false, changed, changedBy, stop: false };
    if (!t.running) {
      const failed = this.set('Failure');
      if (failed) {
        changed = failed;
        changedBy = 'not-running';
      }
      return { probed: false, changed, changedBy, stop: !(!t.terminated || t.restartPolicy !== 'Never') };
    }
    if (t.deleting && (this.type === 'liveness' || this.type === 'startup')) {
      const succeeded = this.set('Success');
      if (succeeded) {
        changed = succeeded;
        changedBy = 'deleting';
      }
      return { probed: false, changed, changedBy, stop: true };
    }
    if (t.startedAtMs !== undefined && Math.trunc((nowMs - t.startedAtMs) / 1000) < this.spec.initialDelaySeconds) {
      return { probed: false, changed, changedBy, stop: false };
    }
    if (t.started) {
      if (this.type === 'startup') return { probed: false, changed, changedBy, stop: false };
    } else if (this.type !== 'startup') {
      return { probed: false, changed, changedBy, stop: false };
    }

    const a = answer();
    const unhealthy = a.result === 'failure' ? `${probeTypeName(this.type)} probe failed: ${a.output}` : undefined;
    if (this.lastResult === a.result) this.resultRun++;
    else {
      this.lastResult = a.result;
      this.resultRun = 1;
    }
    if (
      (a.result === 'failure' && this.resultRun < this.spec.failureThreshold) ||
      (a.result === 'success' && this.resultRun < this.spec.successThreshold)
    ) {
      return { probed: true, unhealthy, changed, changedBy, stop: false };
    }
    const settled = this.set(a.result === 'success' ? 'Success' : 'Failure');
    if (settled) {
      changed = settled;
      changedBy = 'threshold';
    }
    if ((this.type === 'liveness' && a.result === 'failure') || this.type === 'startup') {
      this.onHold = true;
      this.resultRun = 0;
    }
    return { probed: true, unhealthy, changed, changedBy, stop: false };
  }
}

// Turns the PodBehavior document and the manifest's commands into the kubelet
// library's ContainerBehavior for each container.

import type { ContainerBehavior, SigtermBehavior } from '../kubelet/behavior.ts';
import type { ProbeAnswer, ProbeType } from '../kubelet/probes.ts';
import type { Container, LifecycleHandler, Probe } from '../kubelet/types.ts';
import type { ContainerBehaviorSpec, PodBehaviorSpec, ProbePhase } from './behavior-schema.ts';
import { readCommand } from './command.ts';

/** Image size reported when the scenario does not say (a stand-in figure). */
export const DEFAULT_IMAGE_SIZE_BYTES = 10_485_760;
/** How long a pull takes when the scenario does not say. */
export const DEFAULT_PULL_SECONDS = 1;

export interface BehaviorNote {
  container: string;
  text: string;
}

/** The probe's output when the container fails it and the scenario gives no text. */
export function defaultProbeOutput(probe: Probe | undefined, container: Container, podIP: string): string {
  if (!probe) return '';
  if (probe.httpGet) return 'HTTP probe failed with statuscode: 500';
  if (probe.tcpSocket) {
    const port = resolvePort(probe.tcpSocket.port, container);
    return `dial tcp ${podIP}:${port}: connect: connection refused`;
  }
  if (probe.grpc) return `timeout: failed to connect service ":${probe.grpc.port}" within ${probe.timeoutSeconds || 1}s`;
  return '';
}

function resolvePort(port: number | string, container: Container): number | string {
  if (typeof port === 'number') return port;
  const named = (container.ports ?? []).find((p) => p.name === port);
  return named ? named.containerPort : port;
}

function phaseAt(phases: readonly ProbePhase[], seconds: number): ProbePhase | undefined {
  let found: ProbePhase | undefined;
  for (const p of phases) {
    if (p.fromSeconds <= seconds) found = p;
    else break;
  }
  return found;
}

/** How long a preStop hook takes, read from the hook where it says so (sleep N). */
export function preStopSecondsFromSpec(hook: LifecycleHandler | undefined): number | undefined {
  if (!hook) return undefined;
  if (hook.sleep) return hook.sleep.seconds;
  const cmd = hook.exec?.command;
  if (cmd) {
    const read = readCommand(cmd, undefined);
    if (read?.exitAfterSeconds !== undefined) return read.exitAfterSeconds;
  }
  return undefined;
}

/**
 * Builds each container's behaviour: the PodBehavior entry wins, then the
 * container's command, then "the image's program runs until stopped".
 */
export function buildBehaviors(
  spec: PodBehaviorSpec,
  podIP: string,
): { behaviorOf: (container: Container) => ContainerBehavior; notes: BehaviorNote[] } {
  const notes: BehaviorNote[] = [];
  const byName = new Map<string, ContainerBehaviorSpec>(spec.containers.map((c) => [c.name, c]));
  const behaviorOf = (container: Container): ContainerBehavior => {
    const b = byName.get(container.name);
    const read = readCommand(container.command, container.args);
    if (b?.runs) {
      notes.push({ container: container.name, text: `${container.name}: runs as the PodBehavior document says` });
    } else if (read) {
      notes.push({ container: container.name, text: `${container.name}: read from its command: ${read.reading}` });
    } else if (container.command || container.args) {
      notes.push({
        container: container.name,
        text: `${container.name}: its command is not a simple sleep/exit script, so it is assumed to run until stopped (describe it in a PodBehavior document)`,
      });
    } else {
      notes.push({ container: container.name, text: `${container.name}: no command and no behaviour given: the image's program runs until stopped` });
    }
    const runs = b?.runs;
    const sigterm: SigtermBehavior = b?.sigterm
      ? b.sigterm.ignore
        ? { ignore: true }
        : { exitAfterMs: Math.round(b.sigterm.exitAfterSeconds * 1000), exitCode: b.sigterm.exitCode }
      : read?.ignoresSigterm
        ? { ignore: true }
        : { exitAfterMs: 0, exitCode: 0 };
    const preStopSeconds = b?.preStop?.seconds ?? preStopSecondsFromSpec(container.lifecycle?.preStop) ?? 0;
    const probes: Record<ProbeType, { phases?: ProbePhase[]; spec?: Probe }> = {
      liveness: { phases: b?.liveness, spec: container.livenessProbe },
      readiness: { phases: b?.readiness, spec: container.readinessProbe },
      startup: { phases: b?.startup, spec: container.startupProbe },
    };
    const clock = b?.probeClock ?? 'container';
    return {
      run: (attempt) => {
        if (runs) {
          const r = runs[Math.min(attempt, runs.length - 1)];
          return {
            exitAfterMs: r.exitAfterSeconds === undefined ? undefined : Math.round(r.exitAfterSeconds * 1000),
            exitCode: r.exitCode,
            reason: r.reason,
            message: r.message,
          };
        }
        if (read) {
          return { exitAfterMs: read.exitAfterSeconds === undefined ? undefined : Math.round(read.exitAfterSeconds * 1000), exitCode: read.exitCode };
        }
        return { exitCode: 0 };
      },
      probe: (type, atMs, sinceStartMs): ProbeAnswer => {
        const p = probes[type];
        const phase = p.phases ? phaseAt(p.phases, (clock === 'pod' ? atMs : sinceStartMs) / 1000) : undefined;
        if (!phase || phase.result === 'success') return { result: 'success', output: '' };
        return { result: 'failure', output: phase.output ?? defaultProbeOutput(p.spec, container, podIP) };
      },
      probeChangesAt: (type, atMs, sinceStartMs) => {
        const phases = probes[type].phases;
        if (!phases) return Number.POSITIVE_INFINITY;
        const position = clock === 'pod' ? atMs : sinceStartMs;
        const boundary = phases.find((p) => p.fromSeconds * 1000 > position);
        if (!boundary) return Number.POSITIVE_INFINITY;
        return atMs + (boundary.fromSeconds * 1000 - position);
      },
      image: {
        present: b?.image?.present ?? false,
        pullMs: Math.round((b?.image?.pullSeconds ?? DEFAULT_PULL_SECONDS) * 1000),
        sizeBytes: b?.image?.sizeBytes ?? DEFAULT_IMAGE_SIZE_BYTES,
        failures: b?.image?.failedPulls ?? 0,
        error: b?.image?.error ?? '',
      },
      preStopMs: Math.round(preStopSeconds * 1000),
      preStopFails: b?.preStop?.fails ?? false,
      sigterm,
    };
  };
  return { behaviorOf, notes };
}

// What a container *does*: the kubelet cannot know (there is no real process), so
// whoever drives the simulation says it. The pod-lifecycle engine builds these from
// a PodBehavior document or from the container's command; the resources-oom engine
// builds them from memory curves. All times are virtual milliseconds.

import type { ProbeAnswer, ProbeType } from './probes.ts';

/** How one run of a container ends. */
export interface RunOutcome {
  /** Milliseconds after the start at which the process exits by itself; undefined = runs until stopped. */
  exitAfterMs?: number;
  exitCode: number;
  /** Terminated reason; defaults to what containerd reports: Completed (0) or Error (≠ 0). */
  reason?: string;
  message?: string;
}

/** How the process reacts to SIGTERM when the kubelet stops it. */
export type SigtermBehavior =
  | { ignore: true }
  | { ignore?: false; exitAfterMs: number; exitCode: number };

export interface ImageBehavior {
  /** The image is already in the node's image store. */
  present: boolean;
  /** How long a pull takes. */
  pullMs: number;
  /** Image size reported in the Pulled event. */
  sizeBytes: number;
  /** The first `failures` pull attempts fail with `error` (Infinity: every pull fails). */
  failures: number;
  /** The CRI error text of a failed pull. */
  error: string;
}

export interface ContainerBehavior {
  /** Called each time a new instance starts; `attempt` is its restartCount (0 for the first). */
  run(attempt: number, startedAtMs: number): RunOutcome;
  /** The container's answer to a probe at `atMs`, `sinceStartMs` after this instance started. */
  probe(type: ProbeType, atMs: number, sinceStartMs: number, attempt: number): ProbeAnswer;
  /**
   * Optional: the first time after `atMs` at which `probe` may answer differently
   * (Infinity: never). Lets the kubelet skip probe ticks that cannot change anything.
   */
  probeChangesAt?(type: ProbeType, atMs: number, sinceStartMs: number, attempt: number): number;
  image: ImageBehavior;
  /** Duration of the preStop hook when one is declared in the spec (ignored otherwise). */
  preStopMs: number;
  /** The preStop hook fails (FailedPreStopHook event). */
  preStopFails: boolean;
  sigterm: SigtermBehavior;
}

/** A process that runs until it is stopped, exits cleanly on SIGTERM, and answers every probe. */
export function defaultBehavior(): ContainerBehavior {
  return {
    run: () => ({ exitCode: 0 }),
    probe: () => ({ result: 'success', output: '' }),
    probeChangesAt: () => Number.POSITIVE_INFINITY,
    image: { present: true, pullMs: 0, sizeBytes: 0, failures: 0, error: '' },
    preStopMs: 0,
    preStopFails: false,
    sigterm: { exitAfterMs: 0, exitCode: 0 },
  };
}

// The shape of a pod-lifecycle result: plain JSON, quiz-friendly. Times are in
// seconds since the Pod was created (t = 0), so a predict quiz can read
// `restarts[3].at` or `statusAt[t=45].status` directly.

import type { Event, Pod } from '../kubelet/types.ts';

export interface ContainerView {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  /** waiting | running | terminated (the API's state), or "none" before the kubelet reported it. */
  state: 'waiting' | 'running' | 'terminated' | 'none';
  reason: string | null;
  exitCode: number | null;
  restartCount: number;
  ready: boolean;
  started: boolean;
}

export interface Snapshot {
  t: number;
  /** False once the Pod object is gone from the API. */
  exists: boolean;
  phase: string | null;
  /** The `kubectl get pods` cells. */
  ready: string | null;
  status: string | null;
  restarts: string | null;
  restartCount: number;
  age: string | null;
  containers: ContainerView[];
  /** Condition type → "True" | "False". */
  conditions: Record<string, string>;
  terminating: boolean;
}

export interface TimelineEntry extends Snapshot {
  /** What wrote this version of the Pod: created, scheduled, sync, deletion, evicted, terminated, deleted. */
  cause: string;
}

export interface RunView {
  attempt: number;
  startedAt: number;
  finishedAt: number | null;
  exitCode: number | null;
  reason: string | null;
  /** exit: it ended by itself; killed: the kubelet stopped it; injected: killed from outside (OOM). */
  endedBy: string | null;
}

export interface ContainerResult {
  name: string;
  kind: 'init' | 'sidecar' | 'regular';
  image: string;
  /** Number of restarts (the final restartCount). */
  restartCount: number;
  runs: RunView[];
  /** The final state, as in `final` snapshots. */
  final: ContainerView;
}

export interface RestartView {
  /** 1-based, across the whole Pod in time order. */
  n: number;
  container: string;
  /** When the new instance started. */
  at: number;
  /** How long after the previous instance finished (the back-off actually waited). */
  delay: number;
  previousExitCode: number | null;
  previousReason: string | null;
}

export interface EventView {
  type: string;
  reason: string;
  message: string;
  /** "pod" or the container field path, e.g. spec.containers{app}. */
  object: string;
  from: string;
  count: number;
  firstSeen: number;
  lastSeen: number;
  /** Gone from the API by the end (more than 1 h since its last write). */
  expired: boolean;
}

export interface ConditionChange {
  t: number;
  type: string;
  status: string;
  reason: string | null;
  message: string | null;
}

export interface PodLifecycleResult {
  pod: {
    name: string;
    namespace: string;
    node: string;
    ip: string;
    restartPolicy: string;
    terminationGracePeriodSeconds: number;
    qosClass: string;
    workload: { kind: string; name: string } | null;
  };
  /** Simulated span, seconds. */
  until: number;
  containers: ContainerResult[];
  restarts: RestartView[];
  phases: { t: number; phase: string }[];
  /** When the Ready condition first became True (s), or null if it never did. */
  firstReadyAt: number | null;
  timeline: TimelineEntry[];
  /** Snapshots on a regular grid, at `observeAtSeconds`, and at the end. */
  statusAt: Snapshot[];
  conditions: ConditionChange[];
  events: EventView[];
  /** `kubectl get pods -w`: one row per watch event, `lines` laid out as kubectl prints them. */
  watch: { columns: string[]; rows: { t: number; cells: string[] }[]; lines: string[] };
  final: Snapshot;
  /** Deleted at (s), if it was. */
  deletedAt: number | null;
  /** When the Pod reached Succeeded or Failed, if it did. */
  terminalAt: number | null;
  end: { t: number; reason: 'deleted' | 'terminal' | 'until' | 'limit' };
  truncated: { reason: 'maxEvents' | 'maxSteps'; limit: number; at: number } | null;
  warnings: string[];
  /** Full objects for the view's time slider (a subset of moments when there are many). */
  snapshots: { t: number; pod: Pod | null; events: Event[] }[];
  /** The moments the scenario asked about (`observeAtSeconds` within the run), marked on the timeline. */
  observeAtSeconds: number[];
}

// The result of a scheduling run: plain JSON, what the views render and the quizzes read.

import type { Code } from './status.ts';

/** The status of the first Filter plugin that rejected a node (FitError's per-node status). */
export interface FilterDetail {
  readonly plugin: string;
  readonly code: Code;
  readonly reasons: readonly string[];
}

export interface ScoreDetail {
  /** What Score returned. */
  readonly raw: number;
  /** After NormalizeScore (0..100). */
  readonly normalized: number;
  /** normalized × the plugin's weight. */
  readonly weighted: number;
}

export interface NodeDetail {
  /** False when the node was never filtered (sampling stopped early, or a PreFilterResult left it out). */
  readonly evaluated: boolean;
  /** Null when the node passed every Filter (or was not evaluated). */
  readonly filter: FilterDetail | null;
  readonly scores?: Readonly<Record<string, ScoreDetail>>;
  readonly total?: number;
}

/** NotAttempted: the run stopped at its step budget before this Pod's turn. */
export type PodOutcome = 'Scheduled' | 'Unschedulable' | 'SchedulingGated' | 'NotThisScheduler' | 'Deleting' | 'Preempted' | 'NotAttempted';

export interface PodResult {
  readonly name: string;
  readonly namespace: string;
  /** The node it was bound to, or null while Pending. */
  node: string | null;
  /** The last FailedScheduling message, or null. */
  message: string | null;
  outcome: PodOutcome;
  readonly priority: number;
  /** Scheduling attempts (a Pod retried after other Pods were bound counts each try). */
  attempts: number;
  /** Set by preemption: the node the Pod will take once its victims are gone. */
  nominatedNode: string | null;
  /** Per-node detail of the last attempt (empty with trace: false). */
  nodes: Record<string, NodeDetail>;
  /** Filter plugins in the order they ran, PreFilter-skipped ones included (for the matrix). */
  filterPlugins?: string[];
  /** Plugins whose PreFilter returned Skip. */
  skippedFilters?: string[];
  /** A PreFilter rejection, when one ended the attempt. */
  preFilterRejection?: FilterDetail;
  /** Score plugins with their weights, and those PreScore skipped. */
  scorePlugins?: { name: string; weight: number }[];
  skippedScores?: string[];
  /** Every node that shared the best total (the simulator picks the first of them in node-list order). */
  tied?: string[];
  /** How many feasible nodes the scheduler looked for (numFeasibleNodesToFind). */
  nodesToFind?: number;
  /** The round-robin index filtering started from. */
  startIndex?: number;
  evaluatedNodes?: number;
  feasibleNodes?: number;
  /** Victims this Pod preempted. */
  victims?: string[];
}

export interface ScheduleEvent {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  /** kubectl's OBJECT column: `pod/web-0`. */
  readonly object: string;
  readonly namespace: string;
  readonly message: string;
  readonly source: string;
  count: number;
  /** Virtual milliseconds since the start of the run (each retry round is one second later). */
  at: number;
}

export interface NodeSummary {
  readonly name: string;
  readonly pods: string[];
  readonly cpu: { requested: number; allocatable: number };
  readonly memory: { requested: number; allocatable: number };
  readonly podCount: number;
  readonly maxPods: number;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly string[];
  readonly unschedulable: boolean;
}

export interface ScheduleResult {
  pods: PodResult[];
  events: ScheduleEvent[];
  nodes: NodeSummary[];
  /** Running Pods deleted by preemption. */
  preempted: { name: string; namespace: string; node: string; by: string }[];
  summary: { scheduled: number; pending: number; nodes: number; rounds: number };
  truncated?: { reason: string; limit: number };
}

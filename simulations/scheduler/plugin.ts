// The plugin contract the framework runner drives, modelled on the extension points of
// pkg/scheduler/framework/interface.go: PreFilter, Filter, PreScore, Score, NormalizeScore.
// Success is `null` (no allocation on the hot path); anything else is a Status.

import type { Cluster } from './cluster.ts';
import type { NodeColumns, NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { Status } from './status.ts';

/** Per-Pod scratch space shared between a plugin's extension points (framework.CycleState). */
export type CycleState = Record<string, unknown>;

export interface PreFilterOutcome {
  /** Null for Success; SKIP, or a rejection. */
  readonly status: Status | null;
  /** PreFilterResult.NodeNames: only these nodes need filtering (undefined = all). */
  readonly nodeNames?: ReadonlySet<string>;
}

export interface Plugin {
  readonly name: string;
  preFilter?(state: CycleState, pod: PodInfo, cluster: Cluster): PreFilterOutcome | null;
  filter?(state: CycleState, pod: PodInfo, node: NodeInfo, cluster: Cluster): Status | null;
  /** Runs once with the feasible nodes; return SKIP to leave this Pod unscored by the plugin. */
  preScore?(state: CycleState, pod: PodInfo, feasible: readonly NodeInfo[], cluster: Cluster): Status | null;
  score?(state: CycleState, pod: PodInfo, node: NodeInfo, cluster: Cluster): number;
  /**
   * Optional batch form of Score: fills `out[i]` for `feasible[i]`; same results, one call per Pod.
   * `rows`, when given, holds each feasible node's row in `cluster.columns` (rows[i] for feasible[i]).
   */
  scoreAll?(state: CycleState, pod: PodInfo, feasible: readonly NodeInfo[], cluster: Cluster, out: Scores, rows?: Int32Array | null): void;
  /**
   * Optional shortcut, not an extension point: true when `fitsRow` answers Filter exactly for
   * this Pod. `fitsRow` true means Success; false means "run Filter for the reason".
   */
  rowFilter?(pod: PodInfo): boolean;
  fitsRow?(pod: PodInfo, columns: NodeColumns, row: number): boolean;
  /** Rewrites `scores` (aligned with `feasible`) in place. */
  normalizeScore?(state: CycleState, pod: PodInfo, scores: Scores, feasible: readonly NodeInfo[]): void;
  /**
   * Optional shortcut, not an extension point: true when Filter would return Success on every
   * node for this Pod (e.g. no node has a taint). The runner then leaves the plugin out of the
   * per-node loop; the outcome is identical, only faster.
   */
  passesEveryNode?(pod: PodInfo, cluster: Cluster): boolean;
  /**
   * Optional shortcut, not an extension point: after PreScore, the raw score every feasible
   * node would get when it is the same for all of them (or null). Saves one call per node.
   */
  uniformScore?(state: CycleState, pod: PodInfo, feasible: readonly NodeInfo[], cluster: Cluster): number | null;
}

/** Scores aligned with the feasible nodes: a plain array or a reused typed-array view. */
export type Scores = { length: number; [index: number]: number };

// Runs one profile's extension points for one Pod, the way frameworkImpl does.
// src: pkg/scheduler/framework/runtime/framework.go (RunPreFilterPlugins, RunFilterPlugins,
//      RunPreScorePlugins, RunScorePlugins).

import type { Cluster } from './cluster.ts';
import { MAX_NODE_SCORE } from './names.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';
import type { CycleState, Plugin } from './plugin.ts';
import type { Profile } from './profile.ts';
import type { Status } from './status.ts';
import { newStatus, withPlugin } from './status.ts';

export interface PreFilterRun {
  /** Null on success; else the rejecting status (with its plugin). */
  readonly status: Status | null;
  /** Plugins whose PreFilter returned Skip: their Filter is not run for this Pod. */
  readonly skipped: ReadonlySet<string>;
  /** Intersection of PreFilterResults, or null for all nodes. */
  readonly nodeNames: ReadonlySet<string> | null;
  /** Plugins that narrowed the node set. */
  readonly pluginsWithNodes: readonly string[];
}

/** RunPreFilterPlugins: Skip is remembered, UnschedulableAndUnresolvable stops at once, Unschedulable is returned after all ran. */
export function runPreFilter(profile: Profile, state: CycleState, pod: PodInfo, cluster: Cluster): PreFilterRun {
  const skipped = new Set<string>();
  let result: Set<string> | null = null;
  const pluginsWithNodes: string[] = [];
  let returnStatus: Status | null = null;
  for (const pl of profile.preFilter) {
    const out = pl.preFilter!(state, pod, cluster);
    const s = out?.status ?? null;
    if (s && s.code === 'Skip') {
      skipped.add(pl.name);
      continue;
    }
    if (s) {
      const named = withPlugin(s, pl.name);
      if (s.code === 'Unschedulable') {
        returnStatus = named;
        continue;
      }
      return { status: named, skipped, nodeNames: null, pluginsWithNodes };
    }
    if (out?.nodeNames) {
      pluginsWithNodes.push(pl.name);
      const names: ReadonlySet<string> = out.nodeNames;
      const prev: Set<string> | null = result;
      result = prev === null ? new Set<string>(names) : new Set<string>([...prev].filter((n: string) => names.has(n)));
      if (result.size === 0) {
        const sorted = [...pluginsWithNodes].sort();
        const msg =
          sorted.length === 1
            ? `node(s) didn't satisfy plugin ${sorted[0]}`
            : `node(s) didn't satisfy plugin(s) [${sorted.join(' ')}] simultaneously`;
        return { status: newStatus('UnschedulableAndUnresolvable', msg), skipped, nodeNames: result, pluginsWithNodes };
      }
    }
  }
  return { status: returnStatus, skipped, nodeNames: result, pluginsWithNodes };
}

/**
 * The Filter plugins that run for this Pod: the profile's, minus those skipped at PreFilter,
 * and (with `shortcut`) minus those that would pass every node anyway.
 */
export function activeFilters(profile: Profile, skipped: ReadonlySet<string>, pod?: PodInfo, cluster?: Cluster): Plugin[] {
  return profile.filter.filter((p) => !skipped.has(p.name) && !(pod && cluster && p.passesEveryNode?.(pod, cluster)));
}

/** RunFilterPlugins: the first non-success status wins (short-circuit per node). */
export function runFilters(filters: readonly Plugin[], state: CycleState, pod: PodInfo, node: NodeInfo, cluster: Cluster): Status | null {
  for (let i = 0; i < filters.length; i++) {
    const s = filters[i].filter!(state, pod, node, cluster);
    if (s !== null) return s.plugin === filters[i].name ? s : withPlugin(s, filters[i].name);
  }
  return null;
}

export interface PluginScores {
  readonly plugin: string;
  readonly weight: number;
  readonly raw: ArrayLike<number>;
  readonly normalized: ArrayLike<number>;
}

export interface ScoreRun {
  /** Null, or an Error status (a plugin failed, or returned a score outside 0..100). */
  readonly error: Status | null;
  readonly skipped: readonly string[];
  readonly plugins: readonly PluginScores[];
  /**
   * Weighted totals, aligned with the feasible nodes (a reused buffer: read before the next run).
   * Without detail, a plugin that gives every node the same score is left out of them (it
   * cannot change the ranking): add `offset` for the real totals.
   */
  readonly totals: Float64Array;
  readonly offset: number;
}

const ONE_SCORE = new Float64Array(1);

/** Buffers reused across Pods so scoring allocates nothing per node. */
export class ScoreBuffers {
  private totalsBuf = new Float64Array(16);
  private scoresBuf = new Float64Array(16);

  take(n: number): { totals: Float64Array; scores: Float64Array } {
    if (this.totalsBuf.length < n) {
      this.totalsBuf = new Float64Array(n * 2);
      this.scoresBuf = new Float64Array(n * 2);
    }
    const totals = this.totalsBuf.subarray(0, n);
    totals.fill(0);
    return { totals, scores: this.scoresBuf.subarray(0, n) };
  }
}

const defaultBuffers = new ScoreBuffers();

/**
 * RunPreScorePlugins + RunScorePlugins: raw scores, NormalizeScore, the 0..100 check, × weight.
 * With `keepDetail` false, only totals are kept (no per-plugin arrays retained).
 */
export function runScore(
  profile: Profile,
  state: CycleState,
  pod: PodInfo,
  feasible: readonly NodeInfo[],
  cluster: Cluster,
  keepDetail: boolean,
  buffers: ScoreBuffers = defaultBuffers,
  rows: Int32Array | null = null,
): ScoreRun {
  const skipped = new Set<string>();
  const n = feasible.length;
  const { totals, scores } = buffers.take(n);
  for (const pl of profile.preScore) {
    const s = pl.preScore!(state, pod, feasible, cluster);
    if (s === null) continue;
    if (s.code === 'Skip') skipped.add(pl.name);
    else return { error: withPlugin(s, pl.name), skipped: [...skipped], plugins: [], totals, offset: 0 };
  }
  const plugins: PluginScores[] = [];
  let offset = 0;
  for (const { plugin, weight } of profile.score) {
    if (skipped.has(plugin.name)) continue;
    const uniform = plugin.uniformScore ? plugin.uniformScore(state, pod, feasible, cluster) : null;
    if (uniform !== null && !keepDetail) {
      // Every node gets the same score: normalize one copy and carry it aside.
      ONE_SCORE[0] = uniform;
      plugin.normalizeScore?.(state, pod, ONE_SCORE, feasible.slice(0, 1));
      const s = ONE_SCORE[0];
      if (s > MAX_NODE_SCORE || s < 0) {
        const error = newStatus('Error', `plugin "${plugin.name}" returns an invalid score ${s}, it should in the range of [0, 100] after normalizing`);
        return { error, skipped: [...skipped], plugins, totals, offset };
      }
      offset += s * weight;
      continue;
    }
    if (uniform !== null) scores.fill(uniform);
    else if (plugin.scoreAll) plugin.scoreAll(state, pod, feasible, cluster, scores, rows);
    else for (let i = 0; i < n; i++) scores[i] = plugin.score!(state, pod, feasible[i], cluster);
    const raw = keepDetail ? scores.slice() : null;
    plugin.normalizeScore?.(state, pod, scores, feasible);
    for (let i = 0; i < n; i++) {
      const s = scores[i];
      if (s > MAX_NODE_SCORE || s < 0) {
        const error = newStatus('Error', `plugin "${plugin.name}" returns an invalid score ${s}, it should in the range of [0, 100] after normalizing`);
        return { error, skipped: [...skipped], plugins, totals, offset };
      }
      totals[i] += s * weight;
    }
    if (keepDetail) plugins.push({ plugin: plugin.name, weight, raw: raw!, normalized: scores.slice() });
  }
  return { error: null, skipped: [...skipped], plugins, totals, offset };
}

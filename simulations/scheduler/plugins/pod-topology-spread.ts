// src: pkg/scheduler/framework/plugins/podtopologyspread/{common.go,filtering.go,scoring.go,plugin.go} (v1.33)
// Filter (DoNotSchedule constraints): for the node's topology value,
//   skew = matching Pods there + (Pod matches itself ? 1 : 0) − global minimum
// must not exceed maxSkew; the minimum is 0 while fewer than minDomains domains exist.
// Score (ScheduleAnyway constraints, or the system defaults when the Pod has none):
// fewer matching Pods in the node's domains scores higher.

import type { Cluster } from '../cluster.ts';
import { defaultSelector } from '../default-selector.ts';
import { Selector } from '../../apimachinery/labels.ts';
import type { Labels } from '../../apimachinery/labels.ts';
import { Labels as WellKnown, PluginNames, Reasons } from '../names.ts';
import type { NodeInfo } from '../node-info.ts';
import type { PodInfo, SpreadConstraint } from '../pod-info.ts';
import type { Plugin } from '../plugin.ts';
import { SKIP, constantStatus } from '../status.ts';
import { findUntoleratedTaint } from '../taints.ts';
import { matchesRequiredNodeAffinity } from './node-affinity.ts';

const MISSING_LABEL = constantStatus('UnschedulableAndUnresolvable', Reasons.spreadMissingLabel);
const SKEW = constantStatus('Unschedulable', Reasons.spreadConstraints);

/** A constraint with its selector resolved (topologySpreadConstraint in common.go). */
export interface Constraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly selector: Selector;
  readonly minDomains: number;
  readonly nodeAffinityPolicy: 'Honor' | 'Ignore';
  readonly nodeTaintsPolicy: 'Honor' | 'Ignore';
}

export interface DefaultConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
}

export interface PodTopologySpreadArgs {
  defaultConstraints?: readonly DefaultConstraint[];
  defaultingType?: 'System' | 'List';
}

/** pkg/scheduler/apis/config/v1 defaults: systemDefaultConstraints. */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly DefaultConstraint[] = [
  { topologyKey: WellKnown.hostname, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 3 },
  { topologyKey: WellKnown.zone, whenUnsatisfiable: 'ScheduleAnyway', maxSkew: 5 },
];

/** filterTopologySpreadConstraints: keep one action's constraints, merging matchLabelKeys into the selector. */
function filterConstraints(list: readonly SpreadConstraint[], labels: Labels, action: string): Constraint[] {
  const out: Constraint[] = [];
  for (const c of list) {
    if (c.whenUnsatisfiable !== action) continue;
    let selector = c.selector;
    if (c.matchLabelKeys.length > 0) {
      const set: Record<string, string> = {};
      for (const k of c.matchLabelKeys) if (labels[k] !== undefined) set[k] = labels[k];
      if (Object.keys(set).length > 0) {
        // mergeLabelSetWithSelector: a nil selector has no requirements to carry over.
        const base = Selector.fromSet(set);
        selector = selector.requirements ? base.add(selector.requirements) : base;
      }
    }
    out.push({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector,
      minDomains: c.minDomains ?? 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy,
      nodeTaintsPolicy: c.nodeTaintsPolicy,
    });
  }
  return out;
}

function buildDefaultConstraints(pod: PodInfo, cluster: Cluster, defaults: readonly DefaultConstraint[], action: string): Constraint[] {
  const wanted = defaults.filter((d) => d.whenUnsatisfiable === action);
  if (wanted.length === 0) return [];
  const selector = defaultSelector(pod, cluster);
  if (selector.isEmpty) return [];
  return wanted.map((d) => ({
    maxSkew: d.maxSkew,
    topologyKey: d.topologyKey,
    selector,
    minDomains: 1,
    nodeAffinityPolicy: 'Honor' as const,
    nodeTaintsPolicy: 'Ignore' as const,
  }));
}

function matchNodeInclusionPolicies(c: Constraint, pod: PodInfo, node: NodeInfo): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !matchesRequiredNodeAffinity(pod, node)) return false;
  if (c.nodeTaintsPolicy === 'Honor' && findUntoleratedTaint(node.noScheduleTaints, pod.tolerations)) return false;
  return true;
}

function hasAllKeys(labels: Labels, constraints: readonly Constraint[]): boolean {
  for (const c of constraints) if (labels[c.topologyKey] === undefined) return false;
  return true;
}

/** countPodsMatchSelector: same namespace, not terminating, matching the selector. */
export function countMatching(pods: readonly PodInfo[], selector: Selector, namespace: string): number {
  if (selector.isNothing) return 0;
  let n = 0;
  for (const p of pods) if (!p.deleting && p.namespace === namespace && selector.matches(p.labels)) n++;
  return n;
}

export interface SpreadFilterState {
  readonly constraints: readonly Constraint[];
  /** Per constraint: topology value → matching Pods (domains with none exist as 0). */
  readonly counts: readonly Map<string, number>[];
}

const FILTER_KEY = 'PreFilterPodTopologySpread';
const SCORE_KEY = 'PreScorePodTopologySpread';

/** calPreFilterState: counts matching Pods per domain over every eligible node. */
export function spreadFilterState(pod: PodInfo, cluster: Cluster, constraints: readonly Constraint[]): SpreadFilterState {
  const counts = constraints.map(() => new Map<string, number>());
  for (const node of cluster.nodes) {
    if (!hasAllKeys(node.labels, constraints)) continue;
    for (let i = 0; i < constraints.length; i++) {
      const c = constraints[i];
      if (!matchNodeInclusionPolicies(c, pod, node)) continue;
      const value = node.labels[c.topologyKey];
      counts[i].set(value, (counts[i].get(value) ?? 0) + countMatching(node.pods, c.selector, pod.namespace));
    }
  }
  return { constraints, counts };
}

interface SpreadScoreState {
  readonly constraints: readonly Constraint[];
  readonly ignored: ReadonlySet<string>;
  /** Per constraint (non-hostname keys): topology value → matching Pods over all nodes. */
  readonly counts: readonly Map<string, number>[];
  readonly weights: readonly number[];
}

export function podTopologySpread(args: PodTopologySpreadArgs = {}): Plugin {
  const defaultingType = args.defaultingType ?? 'System';
  const defaults = defaultingType === 'System' ? SYSTEM_DEFAULT_CONSTRAINTS : (args.defaultConstraints ?? []);
  const systemDefaulted = defaultingType === 'System';
  const constraintsFor = (pod: PodInfo, cluster: Cluster, action: string): Constraint[] =>
    pod.spreadConstraints.length > 0
      ? filterConstraints(pod.spreadConstraints, pod.labels, action)
      : buildDefaultConstraints(pod, cluster, defaults, action);

  return {
    name: PluginNames.PodTopologySpread,
    preFilter(state, pod, cluster) {
      const constraints = constraintsFor(pod, cluster, 'DoNotSchedule');
      if (constraints.length === 0) return { status: SKIP };
      state[FILTER_KEY] = spreadFilterState(pod, cluster, constraints);
      return null;
    },
    filter(state, pod, node) {
      const s = state[FILTER_KEY] as SpreadFilterState | undefined;
      if (!s || s.constraints.length === 0) return null;
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i];
        const value = node.labels[c.topologyKey];
        if (value === undefined) return MISSING_LABEL;
        const domains = s.counts[i];
        let min = 2147483647; // criticalPaths start at MaxInt32
        for (const n of domains.values()) if (n < min) min = n;
        if (domains.size < c.minDomains) min = 0;
        const self = c.selector.matches(pod.labels) ? 1 : 0;
        const skew = (domains.get(value) ?? 0) + self - min;
        if (skew > c.maxSkew) return SKEW;
      }
      return null;
    },
    preScore(state, pod, feasible, cluster) {
      if (feasible.length === 0 || cluster.nodes.length === 0) return null;
      const constraints = constraintsFor(pod, cluster, 'ScheduleAnyway');
      if (constraints.length === 0) return SKIP;
      const requireAll = pod.spreadConstraints.length > 0 || !systemDefaulted;
      const ignored = new Set<string>();
      const counts = constraints.map(() => new Map<string, number>());
      const topoSize = constraints.map(() => 0);
      for (const node of feasible) {
        if (requireAll && !hasAllKeys(node.labels, constraints)) {
          ignored.add(node.name);
          continue;
        }
        for (let i = 0; i < constraints.length; i++) {
          const c = constraints[i];
          if (c.topologyKey === WellKnown.hostname) continue;
          const value = node.labels[c.topologyKey] ?? '';
          if (!counts[i].has(value)) {
            counts[i].set(value, 0);
            topoSize[i]++;
          }
        }
      }
      // Per-node (hostname) counts are done in Score; only the other keys walk the cluster.
      // The domain lookup comes before the inclusion policies here (upstream: after); both are pure.
      const domainIdx: number[] = [];
      for (let i = 0; i < constraints.length; i++) if (constraints[i].topologyKey !== WellKnown.hostname && counts[i].size > 0) domainIdx.push(i);
      if (domainIdx.length > 0) {
        for (const node of cluster.nodes) {
          if (node.pods.length === 0) continue; // adds nothing
          if (requireAll && !hasAllKeys(node.labels, constraints)) continue;
          for (const i of domainIdx) {
            const c = constraints[i];
            const value = node.labels[c.topologyKey] ?? '';
            const current = counts[i].get(value);
            if (current === undefined) continue;
            if (!matchNodeInclusionPolicies(c, pod, node)) continue;
            counts[i].set(value, current + countMatching(node.pods, c.selector, pod.namespace));
          }
        }
      }
      const weights = constraints.map((c, i) =>
        Math.log((c.topologyKey === WellKnown.hostname ? feasible.length - ignored.size : topoSize[i]) + 2),
      );
      state[SCORE_KEY] = { constraints, ignored, counts, weights } satisfies SpreadScoreState;
      return null;
    },
    score(state, pod, node) {
      const s = state[SCORE_KEY] as SpreadScoreState | undefined;
      if (!s || s.ignored.has(node.name)) return 0;
      let score = 0;
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i];
        const value = node.labels[c.topologyKey];
        if (value === undefined) continue;
        const count = c.topologyKey === WellKnown.hostname ? countMatching(node.pods, c.selector, pod.namespace) : (s.counts[i].get(value) ?? 0);
        score += count * s.weights[i] + (c.maxSkew - 1);
      }
      return Math.round(score);
    },
    normalizeScore(state, _pod, scores, feasible) {
      const s = state[SCORE_KEY] as SpreadScoreState | undefined;
      if (!s) return;
      let min = Number.MAX_SAFE_INTEGER;
      let max = 0;
      for (let i = 0; i < scores.length; i++) {
        if (s.ignored.has(feasible[i].name)) continue;
        if (scores[i] < min) min = scores[i];
        if (scores[i] > max) max = scores[i];
      }
      for (let i = 0; i < scores.length; i++) {
        if (s.ignored.has(feasible[i].name)) scores[i] = 0;
        else if (max === 0) scores[i] = 100;
        else scores[i] = Math.trunc((100 * (max + min - scores[i])) / max);
      }
    },
  };
}

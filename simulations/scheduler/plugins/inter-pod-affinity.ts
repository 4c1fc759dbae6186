// src: pkg/scheduler/framework/plugins/interpodaffinity/{filtering.go,scoring.go,plugin.go} (v1.33),
//      pkg/scheduler/framework/types.go (AffinityTerm.Matches)
// Filter, in order: the Pod's required affinity (UnschedulableAndUnresolvable), its required
// anti-affinity, then existing Pods' required anti-affinity against it (both Unschedulable).
// Score: preferred terms both ways, plus existing Pods' required affinity (hardPodAffinityWeight),
// summed per topology domain and min-max normalized.

import type { Cluster } from '../cluster.ts';
import { Selector } from '../../apimachinery/labels.ts';
import type { Labels } from '../../apimachinery/labels.ts';
import { PluginNames, Reasons } from '../names.ts';
import type { NodeInfo } from '../node-info.ts';
import type { AffinityTerm, PodInfo, WeightedAffinityTerm } from '../pod-info.ts';
import type { Plugin } from '../plugin.ts';
import { SKIP, constantStatus, newStatus } from '../status.ts';

const AFFINITY = constantStatus('UnschedulableAndUnresolvable', Reasons.podAffinity);
const ANTI_AFFINITY = constantStatus('Unschedulable', Reasons.podAntiAffinity);
const EXISTING_ANTI = constantStatus('Unschedulable', Reasons.existingAntiAffinity);
const EMPTY_LABELS: Labels = Object.freeze({});

export interface InterPodAffinityArgs {
  hardPodAffinityWeight?: number;
  ignorePreferredTermsOfExistingPods?: boolean;
}

/** AffinityTerm.Matches: the Pod's namespace is listed or its labels match the namespaceSelector, and its labels match. */
export function termMatches(term: AffinityTerm, pod: PodInfo, nsLabels: Labels | null): boolean {
  if (term.namespaces.has(pod.namespace) || term.namespaceSelector.matches(nsLabels ?? EMPTY_LABELS)) {
    return term.selector.matches(pod.labels);
  }
  return false;
}

/** mergeAffinityTermNamespacesIfNotEmpty: an incoming Pod's namespaceSelector becomes a namespace list. */
function mergeNamespaces<T extends AffinityTerm>(term: T, cluster: Cluster): T {
  if (term.namespaceSelector.isEmpty || term.namespaceSelector.isNothing) return term;
  const namespaces = new Set(term.namespaces);
  for (const [ns, labels] of cluster.namespaceLabels) if (term.namespaceSelector.matches(labels)) namespaces.add(ns);
  return { ...term, namespaces, namespaceSelector: NOTHING_SELECTOR };
}

const NOTHING_SELECTOR = Selector.NOTHING;

/** topologyKey → value → matching Pods (topologyToMatchedTermCount), nested to avoid building pair keys per node. */
class Counts {
  readonly byKey = new Map<string, Map<string, number>>();
  /** Number of (key, value) pairs with a non-zero count. */
  size = 0;

  add(node: NodeInfo, topologyKey: string, value: number): void {
    const v = node.labels[topologyKey];
    if (v === undefined) return;
    let byValue = this.byKey.get(topologyKey);
    if (!byValue) this.byKey.set(topologyKey, (byValue = new Map()));
    const before = byValue.get(v) ?? 0;
    const n = before + value;
    if (n === 0) {
      if (byValue.delete(v)) this.size--;
      if (byValue.size === 0) this.byKey.delete(topologyKey);
    } else {
      if (before === 0) this.size++;
      byValue.set(v, n);
    }
  }

  get(topologyKey: string, value: string): number {
    return this.byKey.get(topologyKey)?.get(value) ?? 0;
  }

  /** Any of the node's (key, value) labels has a count (upstream walks the node's labels; same answer). */
  anyOnNode(node: NodeInfo): boolean {
    for (const [key, byValue] of this.byKey) {
      const v = node.labels[key];
      if (v !== undefined && (byValue.get(v) ?? 0) > 0) return true;
    }
    return false;
  }
}

interface FilterState {
  readonly affinityTerms: readonly AffinityTerm[];
  readonly antiAffinityTerms: readonly AffinityTerm[];
  readonly affinityCounts: Counts;
  readonly antiAffinityCounts: Counts;
  readonly existingAntiAffinityCounts: Counts;
  readonly podMatchesOwnTerms: boolean;
}

function podMatchesAllTerms(terms: readonly AffinityTerm[], pod: PodInfo): boolean {
  if (terms.length === 0) return false;
  for (const t of terms) if (!termMatches(t, pod, null)) return false;
  return true;
}

const FILTER_KEY = 'PreFilterInterPodAffinity';
const SCORE_KEY = 'PreScoreInterPodAffinity';

/** PreFilter's counts over the whole cluster. Exported for the preemption dry run. */
export function interPodAffinityFilterState(pod: PodInfo, cluster: Cluster): FilterState {
  const nsLabels = cluster.namespaceLabels.get(pod.namespace) ?? null;
  const affinityTerms = pod.requiredAffinityTerms.map((t) => mergeNamespaces(t, cluster));
  const antiAffinityTerms = pod.requiredAntiAffinityTerms.map((t) => mergeNamespaces(t, cluster));
  const existingAntiAffinityCounts = new Counts();
  if (cluster.podsWithRequiredAntiAffinity > 0) {
    for (const node of cluster.nodes) {
      for (const existing of node.podsWithRequiredAntiAffinity) {
        for (const term of existing.requiredAntiAffinityTerms) {
          if (node.labels[term.topologyKey] !== undefined && termMatches(term, pod, nsLabels)) existingAntiAffinityCounts.add(node, term.topologyKey, 1);
        }
      }
    }
  }
  const affinityCounts = new Counts();
  const antiAffinityCounts = new Counts();
  if (affinityTerms.length > 0 || antiAffinityTerms.length > 0) {
    for (const node of cluster.nodes) {
      for (const existing of node.pods) {
        if (podMatchesAllTerms(affinityTerms, existing)) for (const t of affinityTerms) affinityCounts.add(node, t.topologyKey, 1);
        for (const t of antiAffinityTerms) if (termMatches(t, existing, null)) antiAffinityCounts.add(node, t.topologyKey, 1);
      }
    }
  }
  return {
    affinityTerms,
    antiAffinityTerms,
    affinityCounts,
    antiAffinityCounts,
    existingAntiAffinityCounts,
    podMatchesOwnTerms: podMatchesAllTerms(affinityTerms, pod),
  };
}

function satisfiesAffinity(s: FilterState, node: NodeInfo): boolean {
  let podsExist = true;
  for (const term of s.affinityTerms) {
    const v = node.labels[term.topologyKey];
    if (v === undefined) return false; // all topology labels must exist on the node
    if (s.affinityCounts.get(term.topologyKey, v) <= 0) podsExist = false;
  }
  if (podsExist) return true;
  // The first Pod of a group with affinity to itself: allowed when nothing matches anywhere yet.
  return s.affinityCounts.size === 0 && s.podMatchesOwnTerms;
}

function satisfiesAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  if (s.antiAffinityCounts.size === 0) return true;
  for (const term of s.antiAffinityTerms) {
    const v = node.labels[term.topologyKey];
    if (v !== undefined && s.antiAffinityCounts.get(term.topologyKey, v) > 0) return false;
  }
  return true;
}

function satisfiesExistingAntiAffinity(s: FilterState, node: NodeInfo): boolean {
  if (s.existingAntiAffinityCounts.size === 0) return true;
  return !s.existingAntiAffinityCounts.anyOnNode(node);
}

/** topologyKey → value → score (scoreMap in scoring.go). */
type ScoreMap = Map<string, Map<string, number>>;

function processTerm(m: ScoreMap, term: AffinityTerm, weight: number, pod: PodInfo, nsLabels: Labels | null, node: NodeInfo, multiplier: number): void {
  if (!termMatches(term, pod, nsLabels)) return;
  const v = node.labels[term.topologyKey];
  if (v === undefined) return;
  let byValue = m.get(term.topologyKey);
  if (!byValue) m.set(term.topologyKey, (byValue = new Map()));
  byValue.set(v, (byValue.get(v) ?? 0) + weight * multiplier);
}

function processTerms(m: ScoreMap, terms: readonly WeightedAffinityTerm[], pod: PodInfo, nsLabels: Labels | null, node: NodeInfo, multiplier: number): void {
  for (const t of terms) processTerm(m, t, t.weight, pod, nsLabels, node, multiplier);
}

export function interPodAffinity(args: InterPodAffinityArgs = {}): Plugin {
  const hardWeight = args.hardPodAffinityWeight ?? 1;
  const ignoreExistingPreferred = args.ignorePreferredTermsOfExistingPods ?? false;
  return {
    name: PluginNames.InterPodAffinity,
    preFilter(state, pod, cluster) {
      if (pod.affinityParseError) return { status: newStatus('UnschedulableAndUnresolvable', `parsing pod: ${pod.affinityParseError}`) };
      if (pod.requiredAffinityTerms.length === 0 && pod.requiredAntiAffinityTerms.length === 0 && cluster.podsWithRequiredAntiAffinity === 0) {
        return { status: SKIP };
      }
      const s = interPodAffinityFilterState(pod, cluster);
      if (s.existingAntiAffinityCounts.size === 0 && s.affinityTerms.length === 0 && s.antiAffinityTerms.length === 0) return { status: SKIP };
      state[FILTER_KEY] = s;
      return null;
    },
    filter(state, _pod, node) {
      const s = state[FILTER_KEY] as FilterState | undefined;
      if (!s) return null;
      if (!satisfiesAffinity(s, node)) return AFFINITY;
      if (!satisfiesAntiAffinity(s, node)) return ANTI_AFFINITY;
      if (!satisfiesExistingAntiAffinity(s, node)) return EXISTING_ANTI;
      return null;
    },
    preScore(state, pod, feasible, cluster) {
      if (feasible.length === 0) return null;
      if (pod.affinityParseError) return newStatus('Error', pod.affinityParseError);
      const hasConstraints = pod.preferredAffinityTerms.length > 0 || pod.preferredAntiAffinityTerms.length > 0;
      if (ignoreExistingPreferred && !hasConstraints) return SKIP;
      if (!hasConstraints && cluster.podsWithAffinity === 0) return SKIP;
      const nsLabels = cluster.namespaceLabels.get(pod.namespace) ?? null;
      const preferredAffinity = pod.preferredAffinityTerms.map((t) => mergeNamespaces(t, cluster));
      const preferredAnti = pod.preferredAntiAffinityTerms.map((t) => mergeNamespaces(t, cluster));
      const topologyScore: ScoreMap = new Map();
      for (const node of cluster.nodes) {
        if (!hasConstraints && node.podsWithAffinity === 0) continue;
        for (const existing of node.pods) {
          if (!hasConstraints && !existing.hasAffinity) continue;
          if (Object.keys(node.labels).length === 0) continue;
          processTerms(topologyScore, preferredAffinity, existing, null, node, 1);
          processTerms(topologyScore, preferredAnti, existing, null, node, -1);
          if (hardWeight > 0) for (const t of existing.requiredAffinityTerms) processTerm(topologyScore, t, hardWeight, pod, nsLabels, node, 1);
          if (!ignoreExistingPreferred) {
            processTerms(topologyScore, existing.preferredAffinityTerms, pod, nsLabels, node, 1);
            processTerms(topologyScore, existing.preferredAntiAffinityTerms, pod, nsLabels, node, -1);
          }
        }
      }
      if (topologyScore.size === 0) return SKIP;
      state[SCORE_KEY] = topologyScore;
      return null;
    },
    score(state, _pod, node) {
      const m = state[SCORE_KEY] as ScoreMap | undefined;
      if (!m) return 0;
      let score = 0;
      for (const [key, byValue] of m) {
        const v = node.labels[key];
        if (v !== undefined) score += byValue.get(v) ?? 0;
      }
      return score;
    },
    normalizeScore(state, _pod, scores) {
      const m = state[SCORE_KEY] as ScoreMap | undefined;
      if (!m || m.size === 0) return;
      let min = Infinity;
      let max = -Infinity;
      for (let i = 0; i < scores.length; i++) {
        if (scores[i] > max) max = scores[i];
        if (scores[i] < min) min = scores[i];
      }
      const diff = max - min;
      for (let i = 0; i < scores.length; i++) scores[i] = diff > 0 ? Math.trunc(100 * ((scores[i] - min) / diff)) : 0;
    },
  };
}

// src: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go,
//      staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
// Filter: the node must match spec.nodeSelector AND the required node affinity terms (ORed);
// a scheduler-level addedAffinity is checked first. PreFilter skips Pods with neither, and
// turns `matchFields: metadata.name In [...]` in every term into a PreFilterResult.
// Score: sum of weights of matching preferred terms, normalized to 0..100.

import type { NodeSelector } from '../../apimachinery/node-selector.ts';
import { PluginNames, Reasons } from '../names.ts';
import type { NodeInfo } from '../node-info.ts';
import { MAX_NODE_SCORE, defaultNormalizeScore } from '../normalize-score.ts';
import type { PodInfo, PreferredNodeTerm } from '../pod-info.ts';
import type { Plugin } from '../plugin.ts';
import { SKIP, constantStatus } from '../status.ts';
import { isObject } from '../read-helpers.ts';

const POD_MISMATCH = constantStatus('UnschedulableAndUnresolvable', Reasons.nodeAffinityPod);
const ENFORCED_MISMATCH = constantStatus('UnschedulableAndUnresolvable', Reasons.nodeAffinityEnforced);
const CONFLICT = constantStatus('UnschedulableAndUnresolvable', Reasons.nodeAffinityConflict);

export interface NodeAffinityArgs {
  /** addedAffinity.requiredDuringSchedulingIgnoredDuringExecution */
  addedRequired?: NodeSelector;
  /** addedAffinity.preferredDuringSchedulingIgnoredDuringExecution */
  addedPreferred?: readonly PreferredNodeTerm[];
}

/** nodeaffinity.GetRequiredNodeAffinity(pod).Match(node): nodeSelector and required terms. */
export function matchesRequiredNodeAffinity(pod: PodInfo, node: NodeInfo): boolean {
  if (pod.nodeSelector !== null) {
    for (const key in pod.nodeSelector) if (node.labels[key] !== pod.nodeSelector[key]) return false;
  }
  return pod.requiredNodeAffinity === null || pod.requiredNodeAffinity.matches(node.name, node.labels);
}

/** PreferredSchedulingTerms.Score: the sum of the weights of the terms the node matches. */
export function preferredScore(terms: readonly PreferredNodeTerm[] | null | undefined, node: NodeInfo): number {
  if (!terms) return 0;
  let count = 0;
  for (const t of terms) if (t.term.matches(node.name, node.labels)) count += t.weight;
  return count;
}

function nodeNamesFromTerms(pod: PodInfo): Set<string> | null | 'all' {
  // Mirrors PreFilter: every term must carry metadata.name In [...]; otherwise all nodes are eligible.
  let names: Set<string> | null = null;
  for (const term of pod.requiredNodeAffinityTerms ?? []) {
    let termNames: Set<string> | null = null;
    const fields = Array.isArray(term.matchFields) ? term.matchFields : [];
    for (const f of fields) {
      if (!isObject(f) || f.key !== 'metadata.name' || f.operator !== 'In') continue;
      const values = new Set((Array.isArray(f.values) ? f.values : []).map(String));
      const prev: Set<string> | null = termNames;
      termNames = prev === null ? values : new Set<string>([...prev].filter((n: string) => values.has(n)));
    }
    if (termNames === null) return 'all';
    const acc: Set<string> | null = names;
    names = acc === null ? termNames : new Set<string>([...acc, ...termNames]);
  }
  return names;
}

export function nodeAffinity(args: NodeAffinityArgs = {}): Plugin {
  return {
    name: PluginNames.NodeAffinity,
    preFilter(_state, pod) {
      if (pod.requiredNodeAffinity === null && !args.addedRequired && pod.nodeSelector === null) return { status: SKIP };
      if (pod.requiredNodeAffinity === null || (pod.requiredNodeAffinityTerms ?? []).length === 0) return null;
      const names = nodeNamesFromTerms(pod);
      if (names === 'all' || names === null) return null;
      if (names.size === 0) return { status: CONFLICT };
      return { status: null, nodeNames: names };
    },
    filter(_state, pod, node) {
      if (args.addedRequired && !args.addedRequired.matches(node.name, node.labels)) return ENFORCED_MISMATCH;
      return matchesRequiredNodeAffinity(pod, node) ? null : POD_MISMATCH;
    },
    preScore(_state, pod) {
      return pod.preferredNodeAffinity === null && !args.addedPreferred ? SKIP : null;
    },
    score(_state, pod, node) {
      return preferredScore(args.addedPreferred, node) + preferredScore(pod.preferredNodeAffinity, node);
    },
    normalizeScore(_state, _pod, scores) {
      defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
    },
  };
}


// Node selectors: terms ORed, requirements within a term ANDed, matchFields on
// metadata.name only.
// src: staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go

import { requirementMatches } from './labels.ts';
import type { Labels, Requirement } from './labels.ts';

/** A node selector term after parsing: label requirements and `metadata.name` field requirements. */
export interface CompiledNodeSelectorTerm {
  readonly labels: readonly Requirement[];
  /** matchFields: only metadata.name In/NotIn with one value each. */
  readonly fields: readonly { key: string; operator: 'In' | 'NotIn'; value: string }[];
  /** Set when the term failed to parse: it then matches no node (nodeaffinity.go nodeSelectorTerm.match). */
  readonly invalid: boolean;
}

/** Terms ORed; an empty list matches nothing. src: component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go */
export class NodeSelector {
  constructor(readonly terms: readonly CompiledNodeSelectorTerm[]) {}

  matches(nodeName: string, labels: Labels): boolean {
    for (const term of this.terms) if (termMatches(term, nodeName, labels)) return true;
    return false;
  }
}

export function termMatches(term: CompiledNodeSelectorTerm, nodeName: string, labels: Labels): boolean {
  if (term.invalid) return false;
  for (const r of term.labels) if (!requirementMatches(r, labels)) return false;
  // extractNodeFields only sets metadata.name for a named node; an unnamed node skips the field check.
  if (nodeName !== '') {
    for (const f of term.fields) {
      const actual = f.key === 'metadata.name' ? nodeName : '';
      if (f.operator === 'In' ? actual !== f.value : actual === f.value) return false;
    }
  }
  return true;
}

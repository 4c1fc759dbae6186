// The ClusterRole aggregation controller's sync of one ClusterRole.
// Upstream: pkg/controller/clusterroleaggregation/clusterroleaggregation_controller.go
// syncClusterRole: for a ClusterRole with an aggregationRule, for each selector in
// order, list the ClusterRoles it selects sorted by name (skipping itself), and
// append each of their rules not already present (semantic deep equality). If the
// result equals the current rules (nil and empty alike), nothing is written;
// otherwise it is applied with field manager "clusterrole-aggregation-controller".

import { asList, asObject, asString, asStringMap } from '../apimachinery/json.ts';
import { compareGoStrings } from '../apimachinery/go-values.ts';
import { labelSelectorAsSelector } from '../apimachinery/label-selector.ts';
import { readRule } from './read-rbac.ts';
import type { PolicyRule } from './types.ts';

export interface SyncClusterRoleResult {
  updated: boolean;
  rules: PolicyRule[];
}

/** What the controller did and why, for the trace. */
export interface SyncClusterRoleDetail extends SyncClusterRoleResult {
  /** Why nothing was done, when nothing was ("not found", "no aggregationRule", "selector error: ..."). */
  skipped: string | null;
  /** Per selector, the ClusterRoles it selected (sorted by name). */
  selected: string[][];
  /** For each resulting rule, the ClusterRole it came from first. */
  ruleSources: string[];
}

// equality.Semantic.DeepEqual over PolicyRule: nil and empty slices are equal.
function sameStrings(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  const x = a ?? [];
  const y = b ?? [];
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

export function rulesEqual(a: PolicyRule, b: PolicyRule): boolean {
  return (
    sameStrings(a.verbs, b.verbs) &&
    sameStrings(a.apiGroups, b.apiGroups) &&
    sameStrings(a.resources, b.resources) &&
    sameStrings(a.resourceNames, b.resourceNames) &&
    sameStrings(a.nonResourceURLs, b.nonResourceURLs)
  );
}

function compact(rule: PolicyRule): PolicyRule {
  // The apply configuration carries only the fields that are set (omitempty).
  const out: PolicyRule = { verbs: [...(rule.verbs ?? [])] };
  if (rule.apiGroups && rule.apiGroups.length) out.apiGroups = [...rule.apiGroups];
  if (rule.resources && rule.resources.length) out.resources = [...rule.resources];
  if (rule.resourceNames && rule.resourceNames.length) out.resourceNames = [...rule.resourceNames];
  if (rule.nonResourceURLs && rule.nonResourceURLs.length) out.nonResourceURLs = [...rule.nonResourceURLs];
  return out;
}

export function syncClusterRoleDetail(clusterRoles: unknown, name: string): SyncClusterRoleDetail {
  const all = asList(clusterRoles).map((v) => asObject(v) ?? {});
  const nameOf = (o: Record<string, unknown>) => asString(asObject(o.metadata)?.name);
  const shared = all.find((o) => nameOf(o) === name);
  const current = shared ? asList(shared.rules).map(readRule).map(compact) : [];
  const none = (skipped: string): SyncClusterRoleDetail => ({ updated: false, rules: current, skipped, selected: [], ruleSources: [] });
  if (!shared) return none('not found');
  const agg = asObject(shared.aggregationRule);
  if (!agg) return none('no aggregationRule');

  const newRules: PolicyRule[] = [];
  const ruleSources: string[] = [];
  const selected: string[][] = [];
  for (const raw of asList(agg.clusterRoleSelectors)) {
    const selector = labelSelectorAsSelector(raw);
    // LabelSelectorAsSelector's error stops the sync (the controller returns it and retries).
    if (selector.error !== null) return none(`selector error: ${selector.error}`);
    const matched = all
      .filter((o) => selector.matches(asStringMap(asObject(o.metadata)?.labels)))
      .sort((a, b) => compareGoStrings(nameOf(a), nameOf(b))); // sort.Sort(byName(clusterRoles))
    selected.push(matched.map(nameOf));
    for (const role of matched) {
      if (nameOf(role) === nameOf(shared)) continue;
      for (const r of asList(role.rules).map(readRule).map(compact)) {
        if (!newRules.some((existing) => rulesEqual(existing, r))) {
          newRules.push(r);
          ruleSources.push(nameOf(role));
        }
      }
    }
  }
  const unchanged = newRules.length === current.length && newRules.every((r, i) => rulesEqual(r, current[i]));
  if (unchanged) return { updated: false, rules: current, skipped: null, selected, ruleSources };
  return { updated: true, rules: newRules, skipped: null, selected, ruleSources };
}

/**
 * One pass of the aggregation controller over the ClusterRole `name`.
 *
 * @example
 *   syncClusterRole([
 *     { metadata: { name: 'hammer', labels: { foo: 'bar' } }, rules: [{ verbs: ['hammer'], resources: ['nails'] }] },
 *     { metadata: { name: 'combined' }, aggregationRule: { clusterRoleSelectors: [{ matchLabels: { foo: 'bar' } }] } },
 *   ], 'combined')
 *   // → { updated: true, rules: [{ verbs: ['hammer'], resources: ['nails'] }] }
 */
export function syncClusterRole(clusterRoles: unknown, name: string): SyncClusterRoleResult {
  const d = syncClusterRoleDetail(clusterRoles, typeof name === 'string' ? name : '');
  return { updated: d.updated, rules: d.rules };
}

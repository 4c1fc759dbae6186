// Whether one PolicyRule covers one request.
// Upstream: plugin/pkg/auth/authorizer/rbac/rbac.go RuleAllows, and
// pkg/apis/rbac/v1/evaluation_helpers.go VerbMatches, APIGroupMatches,
// ResourceMatches, ResourceNameMatches, NonResourceURLMatches.

import type { AccessAttributes, PolicyRule } from './types.ts';

// rbacv1.VerbAll, APIGroupAll, ResourceAll, NonResourceAll
const ALL = '*';
const EMPTY: readonly unknown[] = [];
/** A rule's list as stored (the rule may come straight from YAML): anything but an array reads as empty. */
const list = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : EMPTY);

export function verbMatches(rule: PolicyRule, requestedVerb: string): boolean {
  for (const v of list(rule.verbs)) if (v === ALL || v === requestedVerb) return true;
  return false;
}

export function apiGroupMatches(rule: PolicyRule, requestedGroup: string): boolean {
  for (const g of list(rule.apiGroups)) if (g === ALL || g === requestedGroup) return true;
  return false;
}

/**
 * `*` matches everything, an exact `resource/subresource` matches, and `*\/sub`
 * matches any resource's `sub` subresource. A plain `pods` rule does NOT cover
 * `pods/log` or `pods/status`: the combined string must match.
 */
export function resourceMatches(rule: PolicyRule, combinedRequestedResource: string, requestedSubresource: string): boolean {
  for (const r of list(rule.resources)) {
    if (r === ALL) return true;
    if (r === combinedRequestedResource) return true;
    if (requestedSubresource.length === 0 || typeof r !== 'string') continue;
    if (r.length === requestedSubresource.length + 2 && r.startsWith('*/') && r.endsWith(requestedSubresource)) return true;
  }
  return false;
}

/** No resourceNames: any name (including none, e.g. list). Otherwise the request's name must be listed. */
export function resourceNameMatches(rule: PolicyRule, requestedName: string): boolean {
  const names = list(rule.resourceNames);
  if (names.length === 0) return true;
  return names.includes(requestedName);
}

/** `*`, an exact path, or a prefix when the rule's URL ends in `*` (`/apis/*` matches `/apis/v1` but not `/apis`). */
export function nonResourceURLMatches(rule: PolicyRule, requestedURL: string): boolean {
  for (const u of list(rule.nonResourceURLs)) {
    if (u === ALL) return true;
    if (u === requestedURL) return true;
    if (typeof u !== 'string') continue;
    // strings.TrimRight(ruleURL, "*") strips every trailing '*'
    if (u.endsWith('*') && requestedURL.startsWith(u.replace(/\*+$/, ''))) return true;
  }
  return false;
}

/** rbac.go RuleAllows. */
export function ruleAllows(attrs: AccessAttributes, rule: PolicyRule): boolean {
  if (attrs.resourceRequest) {
    const combined = attrs.subresource.length > 0 ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
    return (
      verbMatches(rule, attrs.verb) &&
      apiGroupMatches(rule, attrs.apiGroup) &&
      resourceMatches(rule, combined, attrs.subresource) &&
      resourceNameMatches(rule, attrs.name)
    );
  }
  return verbMatches(rule, attrs.verb) && nonResourceURLMatches(rule, attrs.path);
}

/** Which of the four (or two) matchers failed, for the "why" trace. */
export function ruleMismatch(attrs: AccessAttributes, rule: PolicyRule): string[] {
  const failed: string[] = [];
  if (!verbMatches(rule, attrs.verb)) failed.push('verb');
  if (attrs.resourceRequest) {
    const combined = attrs.subresource.length > 0 ? `${attrs.resource}/${attrs.subresource}` : attrs.resource;
    if (!apiGroupMatches(rule, attrs.apiGroup)) failed.push('apiGroup');
    if (!resourceMatches(rule, combined, attrs.subresource)) failed.push('resource');
    if (!resourceNameMatches(rule, attrs.name)) failed.push('resourceName');
  } else if (!nonResourceURLMatches(rule, attrs.path)) failed.push('nonResourceURL');
  return failed;
}

// Shared helpers of the Pod Security checks.
// Upstream: staging/src/k8s.io/pod-security-admission/policy/helpers.go (joinQuote,
// pluralize, relaxPolicyForUserNamespacePod) and visitor.go (visitContainers), v0.36.

import { asList, asObject, asString } from '../apimachinery/json.ts';
import type { JsonObject } from '../apimachinery/json.ts';

/** A check reads the Pod's metadata and spec as plain JSON, treating wrong types as absent. */
export type Obj = JsonObject;

export const obj = (v: unknown): Obj | undefined => asObject(v);
export const str = asString;
export const list = (v: unknown): Obj[] => asList(v).map((x) => asObject(x) ?? {});
/** A *bool that is set to true. */
export const isTrue = (v: unknown): boolean => v === true;
/** A *bool that is set to false. */
export const isFalse = (v: unknown): boolean => v === false;

/** `"a", "b"` (strings.Join with `", "` between double quotes); "" for none. */
export function joinQuote(items: readonly string[]): string {
  if (items.length === 0) return '';
  return `"${items.join('", "')}"`;
}

export function pluralize(singular: string, plural: string, count: number): string {
  return count === 1 ? singular : plural;
}

/** sets.NewString(...).List(): unique and sorted by byte order. */
export function sortedSet(items: Iterable<string>): string[] {
  return [...new Set(items)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** visitContainers: init containers, then containers, then ephemeral containers. */
export function containersOf(spec: Obj): Obj[] {
  return [...list(spec.initContainers), ...list(spec.containers), ...list(spec.ephemeralContainers)];
}

/** relaxPolicyForUserNamespacePod: spec.hostUsers is set to false. */
export function relaxPolicyForUserNamespacePod(spec: Obj): boolean {
  return spec.hostUsers === false;
}

/** podSpec.OS != nil && podSpec.OS.Name == "windows" */
export function isWindowsPod(spec: Obj): boolean {
  return str(obj(spec.os)?.name) === 'windows';
}

export const securityContext = (c: Obj): Obj | undefined => obj(c.securityContext);

// Which checks run for a level and version, in which order.
// Upstream: staging/src/k8s.io/pod-security-admission/policy/registry.go (populate,
// inflateVersions, EvaluatePod) and api/helpers.go (ParseLevel, ParseVersion).
// - privileged runs nothing;
// - a version newer than the newest check revision (and "latest") evaluates as that newest one;
// - each check uses its last revision whose MinimumVersion is <= the version;
// - restricted = the restricted checks plus the baseline checks they do not override;
// - order: baseline check IDs sorted, then restricted check IDs sorted.

import { compareGoStrings } from '../apimachinery/go-values.ts';
import { CHECKS } from './checks.ts';
import type { Check, CheckResult, VersionedCheck } from './checks.ts';
import type { Obj } from './helpers.ts';

export type Level = 'privileged' | 'baseline' | 'restricted';
export const LEVELS: readonly Level[] = ['privileged', 'baseline', 'restricted'];

/** api.Version: "latest" or v1.<minor>. */
export type PolicyVersion = { latest: true } | { latest: false; minor: number };

/** The newest MinimumVersion of any check revision (registry.go populate: r.maxVersion). */
export const MAX_MINOR = Math.max(...CHECKS.map((c) => c.versions[c.versions.length - 1].minimumVersion));

/** api.ParseLevel; the error text is upstream's. */
export function parseLevel(level: string): { level: Level; error: string | null } {
  if ((LEVELS as readonly string[]).includes(level)) return { level: level as Level, error: null };
  return { level: 'restricted', error: 'must be one of privileged, baseline, restricted' };
}

const VERSION_RE = /^v1\.([0-9]|[1-9][0-9]*)$/;
/** api.ParseVersion: "latest" or "v1.x"; anything else is an error (and evaluates as latest). */
export function parseVersion(version: string): { version: PolicyVersion; error: string | null } {
  if (version === 'latest') return { version: { latest: true }, error: null };
  const m = VERSION_RE.exec(version);
  if (!m || !Number.isSafeInteger(Number(m[1]))) return { version: { latest: true }, error: 'must be "latest" or "v1.x"' };
  return { version: { latest: false, minor: Number(m[1]) }, error: null };
}

export function versionString(v: PolicyVersion): string {
  return v.latest ? 'latest' : `v1.${v.minor}`;
}

/** The minor version whose checks run: versions past the newest check revision use it. */
export function effectiveMinor(v: PolicyVersion): number {
  return v.latest || v.minor > MAX_MINOR ? MAX_MINOR : v.minor;
}

function revisionAt(check: Check, minor: number): VersionedCheck | undefined {
  let found: VersionedCheck | undefined;
  for (const r of check.versions) if (r.minimumVersion <= minor) found = r;
  return found;
}

export interface PlannedCheck {
  id: string;
  level: 'baseline' | 'restricted';
  revision: VersionedCheck;
  source: string;
}

const ORDERED: readonly Check[] = [
  ...CHECKS.filter((c) => c.level === 'baseline').sort((a, b) => compareGoStrings(a.id, b.id)),
  ...CHECKS.filter((c) => c.level === 'restricted').sort((a, b) => compareGoStrings(a.id, b.id)),
];

const planCache = new Map<string, PlannedCheck[]>();
/** The checks, in evaluation order, for a level at a minor version. */
export function checksFor(level: Level, minor: number): PlannedCheck[] {
  if (level === 'privileged') return [];
  const key = `${level}:${minor}`;
  const cached = planCache.get(key);
  if (cached) return cached;
  const overridden = new Set<string>();
  if (level === 'restricted') {
    for (const c of CHECKS) if (c.level === 'restricted') for (const o of revisionAt(c, minor)?.overrideCheckIDs ?? []) overridden.add(o);
  }
  const plan: PlannedCheck[] = [];
  for (const c of ORDERED) {
    if (c.level === 'restricted' && level !== 'restricted') continue;
    if (c.level === 'baseline' && overridden.has(c.id)) continue;
    const revision = revisionAt(c, minor);
    if (revision) plan.push({ id: c.id, level: c.level, revision, source: c.source });
  }
  planCache.set(key, plan);
  return plan;
}

export interface EvaluatedCheck extends PlannedCheck {
  result: CheckResult;
}

/** checkRegistry.EvaluatePod: every check's result, in order. */
export function evaluatePod(level: Level, version: PolicyVersion, meta: Obj, spec: Obj): EvaluatedCheck[] {
  return checksFor(level, effectiveMinor(version)).map((p) => ({ ...p, result: p.revision.checkPod(meta, spec) }));
}

// checkPodSecurity: a Pod, a PodTemplateSpec or a workload against one level and version.
// Upstream: policy.AggregateCheckResults (checks.go) over registry.go EvaluatePod,
// with the Pod spec taken as admission.go's DefaultPodSpecExtractor takes it.

import { ValidationError } from '../shared/errors.ts';
import { obj } from './helpers.ts';
import type { Obj } from './helpers.ts';
import { evaluatePod, parseLevel, parseVersion } from './registry.ts';
import type { EvaluatedCheck, Level, PolicyVersion } from './registry.ts';

export interface Violation {
  /** Upstream's check ID: privileged, capabilities_restricted, ... */
  check: string;
  /** ForbiddenReason ("unknown forbidden reason" when a check gave none). */
  reason: string;
  /** ForbiddenDetail, possibly "". */
  detail: string;
}

export interface PodSecurityResult {
  allowed: boolean;
  violations: Violation[];
}

/**
 * The metadata and spec that PodSecurity checks: a Pod's own, a template's, or a
 * workload's spec.template (a CronJob's spec.jobTemplate.spec.template).
 */
export function extractPodSpec(input: unknown): { meta: Obj; spec: Obj } {
  const o = obj(input) ?? {};
  const spec = obj(o.spec) ?? {};
  const jobTemplate = obj(obj(spec.jobTemplate)?.spec);
  const template = obj(spec.template) ?? obj(jobTemplate?.template);
  if (template) return { meta: obj(template.metadata) ?? {}, spec: withDefaultVolumes(obj(template.spec) ?? {}) };
  return { meta: obj(o.metadata) ?? {}, spec: withDefaultVolumes(spec) };
}

/**
 * PodSecurity is a validating admission plugin: it sees the object after defaulting.
 * The one default its checks can tell apart: pkg/apis/core/v1/defaults.go SetDefaults_Volume
 * gives a volume with no source an emptyDir (upstream's fixtures rely on it).
 */
function withDefaultVolumes(spec: Obj): Obj {
  if (!Array.isArray(spec.volumes)) return spec;
  const volumes = spec.volumes.map((v) => {
    const vol = obj(v);
    if (!vol) return v;
    const hasSource = Object.keys(vol).some((k) => k !== 'name' && obj(vol[k]) !== undefined);
    return hasSource ? vol : { ...vol, emptyDir: {} };
  });
  return { ...spec, volumes };
}

/** AggregateCheckResults: the failed checks, reasons never empty. */
export function violationsOf(results: readonly EvaluatedCheck[]): Violation[] {
  return results
    .filter((r) => !r.result.allowed)
    .map((r) => ({ check: r.id, reason: r.result.forbiddenReason || 'unknown forbidden reason', detail: r.result.forbiddenDetail ?? '' }));
}

/** AggregateCheckResult.ForbiddenDetail: "reason (detail), reason (detail)", as kube-apiserver prints it after the policy. */
export function forbiddenDetail(violations: readonly Violation[]): string {
  return violations.map((v) => (v.detail ? `${v.reason} (${v.detail})` : v.reason)).join(', ');
}

export function parseLevelAndVersion(level: unknown, version: unknown): { level: Level; version: PolicyVersion } {
  const l = parseLevel(typeof level === 'string' ? level : '');
  if (l.error) throw new ValidationError(`level ${JSON.stringify(level)}: ${l.error}`);
  const v = parseVersion(typeof version === 'string' ? version : '');
  if (v.error) throw new ValidationError(`version ${JSON.stringify(version)}: ${v.error}`);
  return { level: l.level, version: v.version };
}

/**
 * Is this Pod (or template, or workload) allowed at a Pod Security level and version?
 *
 * @example
 *   checkPodSecurity('baseline', 'latest', { spec: { containers: [{ name: 'a', securityContext: { privileged: true } }] } })
 *   // → { allowed: false, violations: [{ check: 'privileged', reason: 'privileged',
 *   //      detail: 'container "a" must not set securityContext.privileged=true' }] }
 */
export function checkPodSecurity(level: Level, version: 'latest' | `v1.${number}`, obj: unknown): PodSecurityResult {
  const lv = parseLevelAndVersion(level, version);
  const { meta, spec } = extractPodSpec(obj);
  const violations = violationsOf(evaluatePod(lv.level, lv.version, meta, spec));
  return { allowed: violations.length === 0, violations };
}

// The PodSecurity admission decision for one request, worded as kube-apiserver words it.
// Upstream: staging/src/k8s.io/pod-security-admission/admission/admission.go (ValidatePod,
// ValidatePodController, EvaluatePod), api/helpers.go PolicyToEvaluate, api/constants.go
// (the labels and audit annotation keys), admission/response.go (forbiddenResponse).
// Defaults are kube-apiserver's (PodSecurityConfiguration defaults: privileged:latest for
// enforce, audit and warn; no exemptions).

import { goQuote } from '../apimachinery/go-strconv.ts';
import { forbiddenDetail, violationsOf } from './check-pod-security.ts';
import type { Violation } from './check-pod-security.ts';
import type { Obj } from './helpers.ts';
import { evaluatePod, parseLevel, parseVersion, versionString } from './registry.ts';
import type { Level, PolicyVersion } from './registry.ts';

export const LABEL_PREFIX = 'pod-security.kubernetes.io/';
export const MODES = ['enforce', 'audit', 'warn'] as const;
export type Mode = (typeof MODES)[number];

export interface LevelVersion {
  level: Level;
  version: PolicyVersion;
}
export interface Policy {
  enforce: LevelVersion;
  audit: LevelVersion;
  warn: LevelVersion;
}

export const lvString = (lv: LevelVersion) => `${lv.level}:${versionString(lv.version)}`;

/** PolicyToEvaluate: the policy from a Namespace's labels, and the field errors of bad labels. */
export function policyToEvaluate(labels: Record<string, string>): { policy: Policy; errors: { label: string; value: string; message: string }[] } {
  const latest: PolicyVersion = { latest: true };
  const p: Policy = { enforce: { level: 'privileged', version: latest }, audit: { level: 'privileged', version: latest }, warn: { level: 'privileged', version: latest } };
  const errors: { label: string; value: string; message: string }[] = [];
  const has = (k: string) => Object.prototype.hasOwnProperty.call(labels, k);
  let hasEnforceLevel = false;
  let hasWarnLevel = false;
  let hasWarnVersion = false;
  for (const mode of MODES) {
    const levelKey = `${LABEL_PREFIX}${mode}`;
    const versionKey = `${LABEL_PREFIX}${mode}-version`;
    if (has(levelKey)) {
      const r = parseLevel(labels[levelKey]);
      // enforce fails closed (restricted); audit and warn fail open (privileged)
      p[mode] = { ...p[mode], level: r.error && mode !== 'enforce' ? 'privileged' : r.level };
      if (r.error) errors.push({ label: levelKey, value: labels[levelKey], message: r.error });
      else if (mode === 'enforce') hasEnforceLevel = true;
      if (mode === 'warn') hasWarnLevel = true;
    }
    if (has(versionKey)) {
      const r = parseVersion(labels[versionKey]);
      p[mode] = { ...p[mode], version: r.version };
      if (r.error) errors.push({ label: versionKey, value: labels[versionKey], message: r.error });
      if (mode === 'warn') hasWarnVersion = true;
    }
  }
  // Default warn to the enforce level when explicitly set to a more restrictive level.
  const rank = (l: Level) => (l === 'privileged' ? 0 : l === 'baseline' ? 1 : 2);
  if (!hasWarnLevel && hasEnforceLevel && rank(p.enforce.level) > rank(p.warn.level)) {
    p.warn = { level: p.enforce.level, version: hasWarnVersion ? p.warn.version : p.enforce.version };
  }
  return { policy: p, errors };
}

export interface AdmissionOutcome {
  allowed: boolean;
  /** The Forbidden message (apierrors.NewForbidden) when denied. */
  message: string;
  warnings: string[];
  auditAnnotations: Record<string, string>;
  /** Per mode, the level:version evaluated and its violations. */
  evaluations: { mode: Mode; policy: string; violations: Violation[] }[];
}

/**
 * EvaluatePod for a create: `enforce` true for Pods (ValidatePod), false for workloads
 * (ValidatePodController: never denied, only warned and audited).
 */
export function evaluateRequest(policy: Policy, policyErrors: string | null, meta: Obj, spec: Obj, resource: string, name: string, enforce: boolean): AdmissionOutcome {
  const auditAnnotations: Record<string, string> = {};
  if (policyErrors) auditAnnotations.error = `Failed to parse policy: ${policyErrors}`;
  const evaluations: AdmissionOutcome['evaluations'] = [];
  const cache = new Map<string, Violation[]>();
  const evaluate = (lv: LevelVersion) => {
    // privileged at any version is the same evaluation (no checks)
    const key = lv.level === 'privileged' ? 'privileged' : lvString(lv);
    let v = cache.get(key);
    if (!v) cache.set(key, (v = violationsOf(evaluatePod(lv.level, lv.version, meta, spec))));
    return v;
  };
  let allowed = true;
  let message = '';
  if (enforce) {
    auditAnnotations['pod-security.kubernetes.io/enforce-policy'] = lvString(policy.enforce);
    const v = evaluate(policy.enforce);
    evaluations.push({ mode: 'enforce', policy: lvString(policy.enforce), violations: v });
    if (v.length) {
      allowed = false;
      const err = `violates PodSecurity ${goQuote(lvString(policy.enforce))}: ${forbiddenDetail(v)}`;
      message = name ? `${resource} ${goQuote(name)} is forbidden: ${err}` : `${resource} is forbidden: ${err}`;
    }
  }
  const audit = evaluate(policy.audit);
  evaluations.push({ mode: 'audit', policy: lvString(policy.audit), violations: audit });
  if (audit.length) auditAnnotations['pod-security.kubernetes.io/audit-violations'] = `would violate PodSecurity ${goQuote(lvString(policy.audit))}: ${forbiddenDetail(audit)}`;
  const warnings: string[] = [];
  // avoid adding warnings to a request we're already going to reject with an error
  const warn = evaluate(policy.warn);
  evaluations.push({ mode: 'warn', policy: lvString(policy.warn), violations: warn });
  if (allowed && warn.length) warnings.push(`would violate PodSecurity ${goQuote(lvString(policy.warn))}: ${forbiddenDetail(warn)}`);
  return { allowed, message, warnings, auditAnnotations, evaluations };
}

// Liveness, readiness and startup probes, and lifecycle hooks.
// src: pkg/apis/core/validation/validation.go (validateLivenessProbe,
// validateReadinessProbe, validateStartupProbe, validateProbe, validateLifecycle)

import { invalid, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asObject, asOptionalInt, type JsonObject } from '../../../apimachinery/json.ts';
import { LIFECYCLE_HANDLERS, PROBE_HANDLERS, validateHandler } from './handlers.ts';
import { validateNonnegativeField } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';

/** validateProbe: one handler, non-negative timings, a positive terminationGracePeriodSeconds if set. */
export function validateProbe(probe: JsonObject | undefined, gracePeriod: number | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  if (!probe) return [];
  const errs = validateHandler(probe, PROBE_HANDLERS, gracePeriod, fldPath, opts);
  for (const field of ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold']) {
    errs.push(...validateNonnegativeField(asInt(probe[field]), fldPath.child(field)));
  }
  const tgps = asOptionalInt(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined && tgps <= 0) errs.push(invalid(fldPath.child('terminationGracePeriodSeconds'), tgps, 'must be greater than 0'));
  return errs;
}

/**
 * validateLivenessProbe: successThreshold must be 1 (a restart cannot wait for
 * several successes). The field is read as given: undefaulted, 0 is not 1.
 */
export function validateLivenessProbe(probe: JsonObject | undefined, gracePeriod: number | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  if (!probe) return [];
  const errs = validateProbe(probe, gracePeriod, fldPath, opts);
  const st = asInt(probe.successThreshold);
  if (st !== 1) errs.push(invalid(fldPath.child('successThreshold'), st, 'must be 1'));
  return errs;
}

/** validateReadinessProbe: no terminationGracePeriodSeconds (readiness never kills). */
export function validateReadinessProbe(probe: JsonObject | undefined, gracePeriod: number | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  if (!probe) return [];
  const errs = validateProbe(probe, gracePeriod, fldPath, opts);
  const tgps = asOptionalInt(probe.terminationGracePeriodSeconds);
  if (tgps !== undefined) errs.push(invalid(fldPath.child('terminationGracePeriodSeconds'), tgps, 'must not be set for readinessProbes'));
  return errs;
}

/** validateStartupProbe: successThreshold must be 1. */
export function validateStartupProbe(probe: JsonObject | undefined, gracePeriod: number | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  if (!probe) return [];
  const errs = validateProbe(probe, gracePeriod, fldPath, opts);
  const st = asInt(probe.successThreshold);
  if (st !== 1) errs.push(invalid(fldPath.child('successThreshold'), st, 'must be 1'));
  return errs;
}

/** validateLifecycle: postStart and preStop hooks. */
export function validateLifecycle(lifecycle: JsonObject, gracePeriod: number | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const h = asObject(lifecycle[hook]);
    if (h) errs.push(...validateHandler(h, LIFECYCLE_HANDLERS, gracePeriod, fldPath.child(hook), opts));
  }
  return errs;
}

/** The container's three probes, in upstream's order. */
export function validateContainerProbes(ctr: JsonObject, gracePeriod: number | undefined, path: Path, opts: PodValidationOptions): ErrorList {
  return [
    ...validateLivenessProbe(asObject(ctr.livenessProbe), gracePeriod, path.child('livenessProbe'), opts),
    ...validateReadinessProbe(asObject(ctr.readinessProbe), gracePeriod, path.child('readinessProbe'), opts),
    ...validateStartupProbe(asObject(ctr.startupProbe), gracePeriod, path.child('startupProbe'), opts),
  ];
}

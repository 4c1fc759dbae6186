// Annotations with a meaning for Pods: the mirror-pod marker, the legacy
// tolerations annotation, pod-deletion-cost, and the deprecated seccomp and
// AppArmor annotations (which must agree with the fields when both are set).
// src: pkg/apis/core/validation/validation.go (ValidatePodSpecificAnnotations,
// ValidateTolerationsInPodAnnotations, ValidatePodSpecificAnnotationUpdates,
// ValidateSeccompProfile, ValidateSeccompPodAnnotations, ValidateAppArmorPodAnnotations,
// ValidateAppArmorProfileFormat, validateSeccompAnnotationsAndFields,
// validateSeccompAnnotationsAndFieldsMatch, validateAppArmorAnnotationsAndFieldsMatchOnCreate)

import { forbidden, invalid, type ErrorList, type FieldErr } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asObject, asOptionalString, asString, asStringMap, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { validateLocalDescendingPath } from './local-paths.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import { deletionCostIsValid } from './resource-names.ts';
import { validateTolerations } from './tolerations.ts';
import { visitContainersWithPath } from './visit-containers.ts';

export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
const TOLERATIONS_ANNOTATION = 'scheduler.alpha.kubernetes.io/tolerations';
const DELETION_COST_ANNOTATION = 'controller.kubernetes.io/pod-deletion-cost';
const SECCOMP_POD_ANNOTATION = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER_PREFIX = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';

function has(m: Record<string, string>, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(m, k);
}

/** ValidateTolerationsInPodAnnotations: the annotation holds a JSON list of tolerations. */
function validateTolerationsInPodAnnotations(annotations: Record<string, string>, fldPath: Path): ErrorList {
  let parsed: unknown;
  try {
    parsed = JSON.parse(annotations[TOLERATIONS_ANNOTATION]);
  } catch (e) {
    return [invalid(fldPath, TOLERATIONS_ANNOTATION, (e as Error).message)];
  }
  if (parsed !== null && !Array.isArray(parsed)) return [invalid(fldPath, TOLERATIONS_ANNOTATION, 'json: cannot unmarshal into Go value of type []core.Toleration')];
  const list = (parsed ?? []) as JsonValue[];
  return list.length > 0 ? validateTolerations(list, fldPath.child(TOLERATIONS_ANNOTATION)) : [];
}

/** ValidateSeccompProfile: a deprecated seccomp annotation value. */
function validateSeccompProfile(p: string, fldPath: Path): ErrorList {
  if (p === 'runtime/default' || p === 'docker/default' || p === 'unconfined') return [];
  if (p.startsWith('localhost/')) return validateLocalDescendingPath(p.slice('localhost/'.length), fldPath);
  return [invalid(fldPath, p, 'must be a valid seccomp profile')];
}

/** ValidateSeccompPodAnnotations (upstream ranges the map; we go in key order). */
function validateSeccompPodAnnotations(annotations: Record<string, string>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (has(annotations, SECCOMP_POD_ANNOTATION)) errs.push(...validateSeccompProfile(annotations[SECCOMP_POD_ANNOTATION], fldPath.child(SECCOMP_POD_ANNOTATION)));
  for (const k of Object.keys(annotations).sort()) {
    if (k.startsWith(SECCOMP_CONTAINER_PREFIX)) errs.push(...validateSeccompProfile(annotations[k], fldPath.child(k)));
  }
  return errs;
}

function podSpecHasContainer(spec: JsonObject, name: string): boolean {
  let found = false;
  visitContainersWithPath(spec, Path.of('spec'), (c) => {
    if (asString(c.name) === name) {
      found = true;
      return false;
    }
    return true;
  });
  return found;
}

/** ValidateAppArmorPodAnnotations: the container exists and the profile has a known form. */
function validateAppArmorPodAnnotations(annotations: Record<string, string>, spec: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  for (const k of Object.keys(annotations).sort()) {
    if (!k.startsWith(APPARMOR_CONTAINER_PREFIX)) continue;
    const containerName = k.slice(APPARMOR_CONTAINER_PREFIX.length);
    if (!podSpecHasContainer(spec, containerName)) errs.push(invalid(fldPath.key(k), containerName, 'container not found'));
    const p = annotations[k];
    if (!(p === '' || p === 'runtime/default' || p === 'unconfined' || p.startsWith('localhost/'))) {
      errs.push(invalid(fldPath.key(k), p, `invalid AppArmor profile name: ${JSON.stringify(p)}`));
    }
  }
  return errs;
}

/** ValidatePodSpecificAnnotations */
export function validatePodSpecificAnnotations(annotations: Record<string, string>, spec: JsonObject, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  if (has(annotations, MIRROR_POD_ANNOTATION) && asString(spec.nodeName).length === 0) {
    errs.push(invalid(fldPath.key(MIRROR_POD_ANNOTATION), annotations[MIRROR_POD_ANNOTATION], 'must set spec.nodeName if mirror pod annotation is set'));
  }
  if ((annotations[TOLERATIONS_ANNOTATION] ?? '') !== '') errs.push(...validateTolerationsInPodAnnotations(annotations, fldPath));
  if (!opts.allowInvalidPodDeletionCost && !deletionCostIsValid(annotations)) {
    errs.push(invalid(fldPath.key(DELETION_COST_ANNOTATION), annotations[DELETION_COST_ANNOTATION] ?? '', 'must be a 32bit integer'));
  }
  errs.push(...validateSeccompPodAnnotations(annotations, fldPath));
  errs.push(...validateAppArmorPodAnnotations(annotations, spec, fldPath));
  return errs;
}

/** ValidatePodSpecificAnnotationUpdates: AppArmor and mirror annotations are fixed at creation. */
export function validatePodSpecificAnnotationUpdates(newPod: JsonObject, oldPod: JsonObject, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const newA = asStringMap(asObject(newPod.metadata)?.annotations);
  const oldA = asStringMap(asObject(oldPod.metadata)?.annotations);
  for (const k of Object.keys(oldA).sort()) {
    if (has(newA, k) && newA[k] === oldA[k]) continue;
    if (k.startsWith(APPARMOR_CONTAINER_PREFIX)) errs.push(forbidden(fldPath.key(k), 'may not remove or update AppArmor annotations'));
    if (k === MIRROR_POD_ANNOTATION) errs.push(forbidden(fldPath.key(k), 'may not remove or update mirror pod annotation'));
  }
  for (const k of Object.keys(newA).sort()) {
    if (has(oldA, k)) continue;
    if (k.startsWith(APPARMOR_CONTAINER_PREFIX)) errs.push(forbidden(fldPath.key(k), 'may not add AppArmor annotations'));
    if (k === MIRROR_POD_ANNOTATION) errs.push(forbidden(fldPath.key(k), 'may not add mirror pod annotation'));
  }
  errs.push(...validatePodSpecificAnnotations(newA, asObject(newPod.spec) ?? {}, fldPath, opts));
  return errs;
}

function seccompMatch(annotation: string, field: JsonObject, fldPath: Path): FieldErr | undefined {
  const type = asString(field.type);
  const mismatch = forbidden(fldPath.child('type'), 'seccomp type in annotation and field must match');
  switch (type) {
    case 'Unconfined':
      return annotation !== 'unconfined' ? mismatch : undefined;
    case 'RuntimeDefault':
      return annotation !== 'runtime/default' && annotation !== 'docker/default' ? mismatch : undefined;
    case 'Localhost':
      if (!annotation.startsWith('localhost/')) return mismatch;
      if (asOptionalString(field.localhostProfile) !== annotation.slice('localhost/'.length)) {
        return forbidden(fldPath.child('localhostProfile'), 'seccomp profile in annotation and field must match');
      }
      return undefined;
    default:
      return undefined;
  }
}

/** validateSeccompAnnotationsAndFields: where both are set, they match. */
export function validateSeccompAnnotationsAndFields(meta: JsonObject | undefined, spec: JsonObject, specPath: Path): ErrorList {
  const errs: ErrorList = [];
  const annotations = asStringMap(meta?.annotations);
  const podProfile = asObject(asObject(spec.securityContext)?.seccompProfile);
  if (podProfile && has(annotations, SECCOMP_POD_ANNOTATION)) {
    const e = seccompMatch(annotations[SECCOMP_POD_ANNOTATION], podProfile, specPath.child('securityContext', 'seccompProfile'));
    if (e) errs.push(e);
  }
  visitContainersWithPath(spec, specPath, (c, cPath) => {
    const profile = asObject(asObject(c.securityContext)?.seccompProfile);
    const key = SECCOMP_CONTAINER_PREFIX + asString(c.name);
    if (profile && has(annotations, key)) {
      const e = seccompMatch(annotations[key], profile, cPath.child('securityContext', 'seccompProfile'));
      if (e) errs.push(e);
    }
  });
  return errs;
}

/** validateAppArmorAnnotationsAndFieldsMatchOnCreate (not for Windows Pods). */
export function validateAppArmorAnnotationsAndFieldsMatchOnCreate(meta: JsonObject | undefined, spec: JsonObject, specPath: Path): ErrorList {
  if (asString(asObject(spec.os)?.name) === 'windows') return [];
  const errs: ErrorList = [];
  const annotations = asStringMap(meta?.annotations);
  const podProfile = asObject(asObject(spec.securityContext)?.appArmorProfile);
  visitContainersWithPath(spec, specPath, (c, cPath) => {
    const profile = asObject(asObject(c.securityContext)?.appArmorProfile) ?? podProfile;
    if (!profile) return;
    const key = APPARMOR_CONTAINER_PREFIX + asString(c.name);
    if (!has(annotations, key)) return;
    const annotation = annotations[key];
    const p = cPath.child('securityContext', 'appArmorProfile');
    const mismatch = forbidden(p.child('type'), 'apparmor type in annotation and field must match');
    switch (asString(profile.type)) {
      case 'Unconfined':
        if (annotation !== 'unconfined') errs.push(mismatch);
        break;
      case 'RuntimeDefault':
        if (annotation !== 'runtime/default') errs.push(mismatch);
        break;
      case 'Localhost':
        if (!annotation.startsWith('localhost/')) errs.push(mismatch);
        else if (asOptionalString(profile.localhostProfile) !== annotation.slice('localhost/'.length)) {
          errs.push(forbidden(p.child('localhostProfile'), 'apparmor profile in annotation and field must match'));
        }
        break;
    }
  });
  return errs;
}

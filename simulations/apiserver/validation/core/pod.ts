// Pod validation as kube-apiserver runs it: ValidatePodCreate on create,
// ValidatePodUpdate on update, ValidatePodStatusUpdate on the status
// subresource, and ValidatePodTemplateSpec for every workload's template.
// The object is the v1 JSON as given (not defaulted): a missing field is Go's
// zero value, so an undefaulted Pod gets upstream's Required errors for
// restartPolicy, dnsPolicy, terminationGracePeriodSeconds, imagePullPolicy...
// src: pkg/apis/core/validation/validation.go (ValidatePodCreate, validatePodMetadataAndSpec,
// ValidatePodTemplateSpec), pkg/registry/core/pod/strategy.go (Validate: ResourceIsPod)

import { forbidden, type ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, asStringMap, type JsonObject } from '../../../apimachinery/json.ts';
import { validateAppArmorAnnotationsAndFieldsMatchOnCreate, validatePodSpecificAnnotations, validateSeccompAnnotationsAndFields } from './pod-annotations.ts';
import { podOptions, validatePodMetadataAndSpec } from './pod-metadata-and-spec.ts';
import { validatePodSpec } from './pod-spec.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';
import { validateAnnotations, validateLabels } from './pending-apimachinery.ts';

export { validatePodSpec } from './pod-spec.ts';
export { defaultPodValidationOptions, type PodValidationOptions } from './pod-validation-options.ts';
export { validatePodUpdate } from './pod-update.ts';
export { validatePodStatusUpdate } from './pod-status.ts';
export { podOptions, validatePodMetadataAndSpec, validatePodName } from './pod-metadata-and-spec.ts';

/**
 * ValidatePodCreate, with the options podStrategy.Validate passes.
 *
 * @example errorString(validatePodCreate({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web', namespace: 'default' },
 *   spec: { ...defaulted, restartPolicy: 'Sometimes' } })[0])
 *   // 'spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'
 */
export function validatePodCreate(pod: JsonObject, opts: PodValidationOptions = podOptions()): ErrorList {
  const errs = validatePodMetadataAndSpec(pod, opts);
  const specPath = Path.of('spec');
  const spec = asObject(pod.spec) ?? {};
  // Ephemeral containers come only through the ephemeralcontainers subresource.
  if (asList(spec.ephemeralContainers).length > 0) errs.push(forbidden(specPath.child('ephemeralContainers'), 'cannot be set on create'));
  if (asString(spec.nodeName) !== '' && asList(spec.schedulingGates).length !== 0) {
    errs.push(forbidden(specPath.child('nodeName'), 'cannot be set until all schedulingGates have been cleared'));
  }
  errs.push(...validateSeccompAnnotationsAndFields(asObject(pod.metadata), spec, specPath));
  errs.push(...validateAppArmorAnnotationsAndFieldsMatchOnCreate(asObject(pod.metadata), spec, specPath));
  return errs;
}

/**
 * ValidatePodTemplateSpec: a workload's Pod template (labels, annotations,
 * spec; no ephemeral containers). Workloads call it with
 * defaultPodValidationOptions() (ResourceIsPod false).
 */
export function validatePodTemplateSpec(template: JsonObject | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const t = template ?? {};
  const meta = asObject(t.metadata);
  const spec = asObject(t.spec) ?? {};
  // Upstream reports labels and annotations at <template>.labels and
  // <template>.annotations (Go embeds ObjectMeta), not under metadata.
  const annotations = asStringMap(meta?.annotations);
  const errs = validateLabels(asStringMap(meta?.labels), fldPath.child('labels'));
  errs.push(...validateAnnotations(annotations, fldPath.child('annotations')));
  errs.push(...validatePodSpecificAnnotations(annotations, spec, fldPath.child('annotations'), opts));
  errs.push(...validatePodSpec(spec, undefined, fldPath.child('spec'), opts));
  errs.push(...validateSeccompAnnotationsAndFields(meta, spec, fldPath.child('spec')));
  errs.push(...validateAppArmorAnnotationsAndFieldsMatchOnCreate(meta, spec, fldPath.child('spec')));
  if (asList(spec.ephemeralContainers).length > 0) errs.push(forbidden(fldPath.child('spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  return errs;
}

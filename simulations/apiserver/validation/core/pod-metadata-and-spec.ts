// What a Pod (not a template) is checked for on create and update alike:
// metadata, Pod annotations, the spec, and the Pod-only extras.
// src: pkg/apis/core/validation/validation.go (validatePodMetadataAndSpec, ValidatePodName),
// pkg/registry/core/pod/strategy.go (Validate: GetValidationOptionsFromPodSpecAndMeta, ResourceIsPod)

import { forbidden, type ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, asStringMap, type JsonObject } from '../../../apimachinery/json.ts';
import { validateContainersOnlyForPod } from './containers.ts';
import { validateCoreObjectMeta } from './object-meta.ts';
import { validatePodSpecificAnnotations } from './pod-annotations.ts';
import { validatePodSpec } from './pod-spec.ts';
import { defaultPodValidationOptions, type PodValidationOptions } from './pod-validation-options.ts';
import { nameIsDNSSubdomain } from './pending-apimachinery.ts';

/** ValidatePodName: a DNS subdomain. */
export const validatePodName = nameIsDNSSubdomain;

/**
 * validatePodMetadataAndSpec: metadata, annotations, spec, and the checks
 * only a Pod (not a template) gets.
 */
export function validatePodMetadataAndSpec(pod: JsonObject, opts: PodValidationOptions): ErrorList {
  const metaPath = Path.of('metadata');
  const specPath = Path.of('spec');
  const meta = asObject(pod.metadata);
  const spec = asObject(pod.spec) ?? {};
  const errs = validateCoreObjectMeta(meta, true, validatePodName, metaPath);
  errs.push(...validatePodSpecificAnnotations(asStringMap(meta?.annotations), spec, metaPath.child('annotations'), opts));
  errs.push(...validatePodSpec(spec, meta ?? {}, specPath, opts));
  // A token needs a service account to be issued for.
  if (asString(spec.serviceAccountName) === '') {
    asList(spec.volumes).forEach((v, vi) => {
      const projected = asObject(asObject(v)?.projected);
      if (!projected) return;
      asList(projected.sources).forEach((s, si) => {
        if (asObject(asObject(s)?.serviceAccountToken)) {
          const p = specPath.child('volumes').index(vi).child('projected', 'sources').index(si).child('serviceAccountToken');
          errs.push(forbidden(p, 'must not be specified when serviceAccountName is not set'));
        }
      });
    });
  }
  errs.push(...validateContainersOnlyForPod(asList(spec.containers), specPath.child('containers')));
  errs.push(...validateContainersOnlyForPod(asList(spec.initContainers), specPath.child('initContainers')));
  return errs;
}

/** The options the Pod strategy validates a Pod with (ResourceIsPod). */
export function podOptions(): PodValidationOptions {
  return defaultPodValidationOptions({ resourceIsPod: true });
}


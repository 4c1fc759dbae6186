// StatefulSet validation.
// src: pkg/apis/apps/validation/validation.go (ValidateStatefulSetName,
//      ValidatePodTemplateSpecForStatefulSet, ValidatePersistentVolumeClaimRetentionPolicy,
//      ValidateStatefulSetSpec, validateRollingUpdateStatefulSet, ValidateStatefulSet,
//      ValidateStatefulSetUpdate, ValidateStatefulSetStatus, ValidateStatefulSetStatusUpdate)
//      pkg/registry/apps/statefulset/strategy.go (options from the Pod template)
//
// The Pod spec of a StatefulSet's template is not validated here (upstream has
// a TODO: volumes from volumeClaimTemplates would fail the Pod's volume checks);
// only its labels and annotations are. spec.serviceName and
// spec.volumeClaimTemplates have no create-time checks upstream.

import { goMap } from '../../../apimachinery/field-errors.ts';
import { forbidden, invalid, notSupported, required } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asObject, asOptionalInt, asString, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import type { Selector } from '../../../apimachinery/labels.ts';
import { collisionCountErrors } from './deployment.ts';
import { getIntOrPercentValue, isNotMoreThan100Percent, readIntOrString, validatePositiveIntOrPercent } from './int-or-percent.ts';
import {
  podTemplateValidationOptions,
  labelSelectorAsSelector,
  nameIsDNSLabel,
  semanticEqual,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePodSpecificAnnotations,
} from './shared-helpers.ts';
import type { PodValidationOptions } from './shared-helpers.ts';

/**
 * ValidateStatefulSetName: a DNS label, since each Pod's name and hostname is
 * the StatefulSet's name plus "-<ordinal>".
 */
export const validateStatefulSetName = nameIsDNSLabel;

/** ValidatePodTemplateSpecForStatefulSet: selector match, template labels and annotations only. */
export function validatePodTemplateSpecForStatefulSet(template: JsonObject | undefined, selector: Selector, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const meta = asObject(template?.metadata);
  const labels = asStringMap(meta?.labels);
  if (!selector.isEmpty && !selector.matches(labels)) {
    errs.push(invalid(path.child('metadata', 'labels'), asObject(meta?.labels) ? goMap(labels) : null, '`selector` does not match template `labels`'));
  }
  errs.push(...validateLabels(meta?.labels, path.child('labels')));
  errs.push(...validateAnnotations(meta?.annotations, path.child('annotations')));
  errs.push(...validatePodSpecificAnnotations(meta?.annotations, asObject(template?.spec), path.child('annotations'), opts));
  return errs;
}

/** ValidatePersistentVolumeClaimRetentionPolicyType. */
function validateRetentionPolicyType(policy: string, path: Path): ErrorList {
  return policy === 'Retain' || policy === 'Delete' ? [] : [notSupported(path, policy, ['Retain', 'Delete'])];
}

/** ValidatePersistentVolumeClaimRetentionPolicy. */
export function validatePersistentVolumeClaimRetentionPolicy(policy: JsonObject | undefined, path: Path): ErrorList {
  if (!policy) return [];
  return [
    ...validateRetentionPolicyType(asString(policy.whenDeleted), path.child('whenDeleted')),
    ...validateRetentionPolicyType(asString(policy.whenScaled), path.child('whenScaled')),
  ];
}

/** validateRollingUpdateStatefulSet: partition ≥ 0; maxUnavailable a non-zero int or percent ≤ 100%. */
function validateRollingUpdateStatefulSet(rollingUpdate: JsonObject, path: Path): ErrorList {
  const errs: ErrorList = [];
  errs.push(...validateNonnegativeField(asInt(rollingUpdate.partition), path.child('partition')));
  const maxUnavailable = readIntOrString(rollingUpdate.maxUnavailable);
  if (maxUnavailable !== undefined) {
    const p = path.child('maxUnavailable');
    errs.push(...validatePositiveIntOrPercent(maxUnavailable, p));
    if (getIntOrPercentValue(maxUnavailable) === 0) errs.push(invalid(p, maxUnavailable, 'cannot be 0'));
    errs.push(...isNotMoreThan100Percent(maxUnavailable, p));
  }
  return errs;
}

/** ValidateStatefulSetSpec. */
export function validateStatefulSetSpec(spec: JsonObject, path: Path, opts: PodValidationOptions): ErrorList {
  const errs: ErrorList = [];
  const policy = asString(spec.podManagementPolicy);
  if (policy === '') errs.push(required(path.child('podManagementPolicy'), ''));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') errs.push(invalid(path.child('podManagementPolicy'), policy, "must be 'OrderedReady' or 'Parallel'"));

  const updateStrategy = asObject(spec.updateStrategy) ?? {};
  const rollingUpdate = asObject(updateStrategy.rollingUpdate);
  switch (asString(updateStrategy.type)) {
    case '':
      errs.push(required(path.child('updateStrategy'), ''));
      break;
    case 'OnDelete':
      if (rollingUpdate) errs.push(invalid(path.child('updateStrategy').child('rollingUpdate'), rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate':
      if (rollingUpdate) errs.push(...validateRollingUpdateStatefulSet(rollingUpdate, path.child('updateStrategy', 'rollingUpdate')));
      break;
    default:
      errs.push(invalid(path.child('updateStrategy'), updateStrategy, "must be 'RollingUpdate' or 'OnDelete'"));
  }

  errs.push(...validatePersistentVolumeClaimRetentionPolicy(asObject(spec.persistentVolumeClaimRetentionPolicy), path.child('persistentVolumeClaimRetentionPolicy')));
  errs.push(...validateNonnegativeField(asInt(spec.replicas), path.child('replicas')));
  errs.push(...validateNonnegativeField(asInt(spec.minReadySeconds), path.child('minReadySeconds')));
  const ordinals = asObject(spec.ordinals);
  // Upstream's path is the single segment "ordinals.start".
  if (ordinals) errs.push(...validateNonnegativeField(asInt(ordinals.start), path.child('ordinals.start')));

  const selector = asObject(spec.selector);
  if (!selector) {
    errs.push(required(path.child('selector'), ''));
  } else {
    errs.push(...validateLabelSelector(selector, { allowInvalidLabelValueInSelector: false }, path.child('selector')));
    if (Object.keys(asStringMap(selector.matchLabels)).length + (Array.isArray(selector.matchExpressions) ? selector.matchExpressions.length : 0) === 0) {
      errs.push(invalid(path.child('selector'), selector, 'empty selector is invalid for statefulset'));
    }
  }
  const parsed = labelSelectorAsSelector(selector);
  if (parsed.error !== null) errs.push(invalid(path.child('selector'), selector ?? null, ''));
  else errs.push(...validatePodTemplateSpecForStatefulSet(asObject(spec.template), parsed.selector, path.child('template'), opts));

  const podSpec = asObject(asObject(spec.template)?.spec);
  const restartPolicy = asString(podSpec?.restartPolicy);
  if (restartPolicy !== 'Always') errs.push(notSupported(path.child('template', 'spec', 'restartPolicy'), restartPolicy, ['Always']));
  if (podSpec?.activeDeadlineSeconds != null) errs.push(forbidden(path.child('template', 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in StatefulSet is not Supported'));
  return errs;
}

/** ValidateStatefulSet, with the options the strategy's Validate passes. */
export function validateStatefulSet(ss: JsonObject): ErrorList {
  const spec = asObject(ss.spec) ?? {};
  const opts = podTemplateValidationOptions(asObject(spec.template), undefined);
  const errs = validateObjectMeta(asObject(ss.metadata), true, validateStatefulSetName, Path.of('metadata'));
  errs.push(...validateStatefulSetSpec(spec, Path.of('spec'), opts));
  return errs;
}

/** The spec fields an update may change; everything else is frozen. */
const MUTABLE_SPEC_FIELDS = ['replicas', 'template', 'updateStrategy', 'minReadySeconds', 'ordinals', 'persistentVolumeClaimRetentionPolicy'];

/**
 * ValidateStatefulSetUpdate: metadata, the new spec (its name is not
 * re-validated: names once allowed as DNS subdomains must stay deletable), and
 * no spec change outside the mutable fields.
 */
export function validateStatefulSetUpdate(ss: JsonObject, old: JsonObject): ErrorList {
  const spec = asObject(ss.spec) ?? {};
  const oldSpec = asObject(old.spec) ?? {};
  const opts = podTemplateValidationOptions(asObject(spec.template), asObject(oldSpec.template));
  const errs = validateObjectMetaUpdate(asObject(ss.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateStatefulSetSpec(spec, Path.of('spec'), opts));
  const frozen: JsonObject = { ...spec };
  for (const f of MUTABLE_SPEC_FIELDS) {
    if (f in oldSpec) frozen[f] = oldSpec[f];
    else delete frozen[f];
  }
  if (!semanticEqual(frozen, oldSpec)) {
    errs.push(forbidden(Path.of('spec'), "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden"));
  }
  return errs;
}

/** ValidateStatefulSetStatus. */
export function validateStatefulSetStatus(status: JsonObject, path: Path): ErrorList {
  const replicas = asInt(status.replicas);
  const ready = asInt(status.readyReplicas);
  const current = asInt(status.currentReplicas);
  const updated = asInt(status.updatedReplicas);
  const available = asInt(status.availableReplicas);
  const errs: ErrorList = [];
  errs.push(...validateNonnegativeField(replicas, path.child('replicas')));
  errs.push(...validateNonnegativeField(ready, path.child('readyReplicas')));
  errs.push(...validateNonnegativeField(current, path.child('currentReplicas')));
  errs.push(...validateNonnegativeField(updated, path.child('updatedReplicas')));
  errs.push(...validateNonnegativeField(available, path.child('availableReplicas')));
  const observedGeneration = asOptionalInt(status.observedGeneration);
  if (observedGeneration !== undefined) errs.push(...validateNonnegativeField(observedGeneration, path.child('observedGeneration')));
  const collisionCount = asOptionalInt(status.collisionCount);
  if (collisionCount !== undefined) errs.push(...validateNonnegativeField(collisionCount, path.child('collisionCount')));
  const msg = 'cannot be greater than status.replicas';
  if (ready > replicas) errs.push(invalid(path.child('readyReplicas'), ready, msg));
  if (current > replicas) errs.push(invalid(path.child('currentReplicas'), current, msg));
  if (updated > replicas) errs.push(invalid(path.child('updatedReplicas'), updated, msg));
  if (available > replicas) errs.push(invalid(path.child('availableReplicas'), available, msg));
  if (available > ready) errs.push(invalid(path.child('availableReplicas'), available, 'cannot be greater than status.readyReplicas'));
  return errs;
}

/** ValidateStatefulSetStatusUpdate: status first, then metadata, as upstream orders them. */
export function validateStatefulSetStatusUpdate(ss: JsonObject, old: JsonObject): ErrorList {
  const status = asObject(ss.status) ?? {};
  const errs = validateStatefulSetStatus(status, Path.of('status'));
  errs.push(...validateObjectMetaUpdate(asObject(ss.metadata), asObject(old.metadata), Path.of('metadata')));
  errs.push(...collisionCountErrors(status, asObject(old.status), Path.of('status')));
  return errs;
}

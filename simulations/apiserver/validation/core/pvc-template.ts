// The PersistentVolumeClaim template of a generic ephemeral volume, and the
// claim spec it shares with PersistentVolumeClaim validation.
// src: pkg/apis/core/validation/validation.go (validateEphemeralVolumeSource,
// ValidatePersistentVolumeClaimTemplate, ValidateTemplateObjectMeta,
// ValidatePersistentVolumeClaimSpec, validateDataSource, validateDataSourceRef,
// ValidationOptionsForPersistentVolumeClaimTemplate)

import { forbidden, invalid, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asOptionalString, asString, asStringMap, type JsonObject } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import {
  isDNS1123Subdomain,
  nameIsDNSSubdomain,
  validateAnnotations,
  validateLabelSelector,
  validateLabels,
  validateNamespaceName,
} from './pending-apimachinery.ts';
import { validatePositiveQuantityValue, validateResourceQuantityValue } from './resources.ts';

/** PersistentVolumeClaimSpecValidationOptions */
export interface PersistentVolumeClaimSpecValidationOptions {
  allowInvalidLabelValueInSelector: boolean;
  allowInvalidAPIGroupInDataSourceOrRef: boolean;
  /** VolumeAttributesClass: GA (locked on) in v1.36. */
  enableVolumeAttributesClass: boolean;
}

const SUPPORTED_ACCESS_MODES = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
const SUPPORTED_VOLUME_MODES = ['Block', 'Filesystem'];

// ObjectMeta's fields in Go struct order with validateFieldAllowList's
// lower-cased names ("UID" becomes "uID").
const OBJECT_META_FIELDS: [string, string][] = [
  ['name', 'name'],
  ['generateName', 'generateName'],
  ['namespace', 'namespace'],
  ['selfLink', 'selfLink'],
  ['uid', 'uID'],
  ['resourceVersion', 'resourceVersion'],
  ['generation', 'generation'],
  ['creationTimestamp', 'creationTimestamp'],
  ['deletionTimestamp', 'deletionTimestamp'],
  ['deletionGracePeriodSeconds', 'deletionGracePeriodSeconds'],
  ['ownerReferences', 'ownerReferences'],
  ['finalizers', 'finalizers'],
  ['managedFields', 'managedFields'],
];

/** A JSON value that is not Go's zero value for its field. */
function isSet(v: unknown): boolean {
  if (v === undefined || v === null || v === '' || v === 0 || v === false) return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** ValidateTemplateObjectMeta: only labels and annotations may be set. */
export function validateTemplateObjectMeta(meta: JsonObject | undefined, fldPath: Path): ErrorList {
  const m = meta ?? {};
  const errs = validateAnnotations(asStringMap(m.annotations), fldPath.child('annotations'));
  errs.push(...validateLabels(asStringMap(m.labels), fldPath.child('labels')));
  for (const [key, lcName] of OBJECT_META_FIELDS) if (isSet(m[key])) errs.push(forbidden(fldPath.child(lcName), 'cannot be set'));
  return errs;
}

function validateDataSource(ds: JsonObject, fldPath: Path, allowInvalidAPIGroup: boolean, isRef: boolean): ErrorList {
  const errs: ErrorList = [];
  const kind = asString(ds.kind);
  if (asString(ds.name).length === 0) errs.push(required(fldPath.child('name'), ''));
  if (kind.length === 0) errs.push(required(fldPath.child('kind'), ''));
  const apiGroup = asString(ds.apiGroup);
  if (apiGroup.length === 0 && kind !== 'PersistentVolumeClaim') errs.push(invalid(fldPath, kind, "must be 'PersistentVolumeClaim' when referencing the default apiGroup"));
  if (apiGroup.length > 0 && !allowInvalidAPIGroup) for (const m of isDNS1123Subdomain(apiGroup)) errs.push(invalid(fldPath.child('apiGroup'), apiGroup, m));
  if (isRef) {
    const ns = asString(ds.namespace);
    if (ns.length > 0) for (const m of validateNamespaceName(ns, false)) errs.push(invalid(fldPath.child('namespace'), ns, m));
  }
  return errs;
}

/** ValidatePersistentVolumeClaimSpec */
export function validatePersistentVolumeClaimSpec(spec: JsonObject | undefined, fldPath: Path, opts: PersistentVolumeClaimSpecValidationOptions): ErrorList {
  const s = spec ?? {};
  const errs: ErrorList = [];
  const modes = asList(s.accessModes).map(asString);
  if (modes.length === 0) errs.push(required(fldPath.child('accessModes'), 'at least 1 access mode is required'));
  const selector = asObject(s.selector);
  if (selector) {
    errs.push(...validateLabelSelector(selector, { allowInvalidLabelValueInSelector: opts.allowInvalidLabelValueInSelector }, fldPath.child('selector')));
  }
  let foundRWOP = false;
  let foundOther = false;
  for (const mode of modes) {
    const supported = SUPPORTED_ACCESS_MODES.includes(mode);
    if (!supported) errs.push(notSupported(fldPath.child('accessModes'), mode, SUPPORTED_ACCESS_MODES));
    if (mode === 'ReadWriteOncePod') foundRWOP = true;
    else if (supported) foundOther = true;
  }
  if (foundRWOP && foundOther) errs.push(forbidden(fldPath.child('accessModes'), 'may not use ReadWriteOncePod with other access modes'));

  const storagePath = fldPath.child('resources').key('storage');
  const requests = asObject(asObject(s.resources)?.requests);
  const storage = requests && Object.prototype.hasOwnProperty.call(requests, 'storage') ? Quantity.tryParse(requests.storage) : undefined;
  if (!storage) {
    errs.push(required(storagePath, ''));
  } else {
    const positive = validatePositiveQuantityValue(storage, storagePath);
    errs.push(...(positive.length > 0 ? positive : validateResourceQuantityValue('storage', storage, storagePath)));
  }

  const storageClassName = asOptionalString(s.storageClassName);
  if (storageClassName) for (const m of nameIsDNSSubdomain(storageClassName, false)) errs.push(invalid(fldPath.child('storageClassName'), storageClassName, m));
  const volumeMode = asOptionalString(s.volumeMode);
  if (volumeMode !== undefined && !SUPPORTED_VOLUME_MODES.includes(volumeMode)) errs.push(notSupported(fldPath.child('volumeMode'), volumeMode, SUPPORTED_VOLUME_MODES));

  const dataSource = asObject(s.dataSource);
  const dataSourceRef = asObject(s.dataSourceRef);
  if (dataSource) errs.push(...validateDataSource(dataSource, fldPath.child('dataSource'), opts.allowInvalidAPIGroupInDataSourceOrRef, false));
  if (dataSourceRef) errs.push(...validateDataSource(dataSourceRef, fldPath.child('dataSourceRef'), opts.allowInvalidAPIGroupInDataSourceOrRef, true));
  if (dataSourceRef && asString(dataSourceRef.namespace).length > 0) {
    if (dataSource) errs.push(invalid(fldPath, fldPath.child('dataSource').toString(), 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (dataSource && dataSourceRef) {
    const same =
      asOptionalString(dataSource.apiGroup) === asOptionalString(dataSourceRef.apiGroup) &&
      asString(dataSource.kind) === asString(dataSourceRef.kind) &&
      asString(dataSource.name) === asString(dataSourceRef.name);
    if (!same) errs.push(invalid(fldPath, fldPath.child('dataSource').toString(), 'must match dataSourceRef'));
  }
  const vac = asOptionalString(s.volumeAttributesClassName);
  if (vac && opts.enableVolumeAttributesClass) for (const m of nameIsDNSSubdomain(vac, false)) errs.push(invalid(fldPath.child('volumeAttributesClassName'), vac, m));
  return errs;
}

/** ValidatePersistentVolumeClaimTemplate */
export function validatePersistentVolumeClaimTemplate(template: JsonObject, fldPath: Path, opts: PersistentVolumeClaimSpecValidationOptions): ErrorList {
  const errs = validateTemplateObjectMeta(asObject(template.metadata), fldPath.child('metadata'));
  errs.push(...validatePersistentVolumeClaimSpec(asObject(template.spec), fldPath.child('spec'), opts));
  return errs;
}

/** validateEphemeralVolumeSource */
export function validateEphemeralVolumeSource(ephemeral: JsonObject, fldPath: Path): ErrorList {
  const template = asObject(ephemeral.volumeClaimTemplate);
  if (!template) return [required(fldPath.child('volumeClaimTemplate'), '')];
  // ValidationOptionsForPersistentVolumeClaimTemplate(template, nil) under v1.36 gates.
  const opts = { allowInvalidLabelValueInSelector: false, allowInvalidAPIGroupInDataSourceOrRef: false, enableVolumeAttributesClass: true };
  return validatePersistentVolumeClaimTemplate(template, fldPath.child('volumeClaimTemplate'), opts);
}

// Namespace validation: a DNS label name, finalizers, and the phase rules of
// the status and finalize subresources.
// src: pkg/apis/core/validation/validation.go (ValidateNamespace,
//      ValidateNamespaceUpdate, ValidateNamespaceStatusUpdate, ValidateNamespaceFinalizeUpdate)

import { type ErrorList, invalid } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, type JsonObject } from '../../../apimachinery/json.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate, validateFinalizerName } from './object-meta.ts';
import { validateNamespaceName } from './apimachinery-checks.ts';

/** ValidateNamespace. */
export function validateNamespace(obj: JsonObject): ErrorList {
  const errs = validateCoreObjectMeta(asObject(obj.metadata), false, validateNamespaceName, Path.of('metadata'));
  const spec = asObject(obj.spec) ?? {};
  // Upstream reports spec.finalizers without the index.
  for (const f of asList(spec.finalizers)) errs.push(...validateFinalizerName(asString(f), Path.of('spec', 'finalizers')));
  return errs;
}

/** ValidateNamespaceUpdate: only metadata (the strategy keeps spec and status). */
export function validateNamespaceUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  return validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
}

/** ValidateNamespaceStatusUpdate: Active until deletion starts, Terminating after. */
export function validateNamespaceStatusUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMetaUpdate(meta, asObject(old.metadata), Path.of('metadata'));
  const phase = asString(asObject(obj.status)?.phase);
  // Upstream spells the path status.Phase.
  const phasePath = Path.of('status', 'Phase');
  const deletionTimestamp = meta?.deletionTimestamp;
  if (deletionTimestamp === undefined || deletionTimestamp === null) {
    if (phase !== 'Active') errs.push(invalid(phasePath, phase, "may only be 'Active' if `deletionTimestamp` is empty"));
  } else if (phase !== 'Terminating') {
    errs.push(invalid(phasePath, phase, "may only be 'Terminating' if `deletionTimestamp` is not empty"));
  }
  return errs;
}

/** ValidateNamespaceFinalizeUpdate: the finalize subresource. */
export function validateNamespaceFinalizeUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
  const spec = asObject(obj.spec) ?? {};
  asList(spec.finalizers).forEach((f, i) => errs.push(...validateFinalizerName(asString(f), Path.of('spec', 'finalizers').index(i))));
  return errs;
}

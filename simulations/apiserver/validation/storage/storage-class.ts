// StorageClass validation.
// src: pkg/apis/storage/validation/validation.go (ValidateStorageClass,
//      ValidateStorageClassUpdate, validateProvisioner, validateParameters,
//      validateReclaimPolicy, validateVolumeBindingMode, validateAllowedTopologies)
//      pkg/apis/core/validation/validation.go (ValidateClassName,
//      ValidateTopologySelectorTerm, validateTopologySelectorLabelRequirement)
//
// reclaimPolicy is read through a pointer upstream; defaulting always sets it,
// so a nil one (as given, without defaults) would crash the Go code. Here it
// reads as "" (no error), the only outcome a request could observe sanely.

import { duplicate, forbidden, invalid, notSupported, required, tooLong } from '../../../apimachinery/field-errors.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asOptionalString, asString, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject } from '../../../apimachinery/json.ts';
import { byteLength, nameIsDNSSubdomain, semanticEqual, validateImmutablePointer, validateLabelName, validateObjectMeta, validateObjectMetaUpdate, validateQualifiedName } from '../apps/shared-helpers.ts';

const MAX_PROVISIONER_PARAMETER_SIZE = 256 * (1 << 10);
const MAX_PROVISIONER_PARAMETER_LEN = 512;
// sets.List: sorted.
const RECLAIM_POLICIES = ['Delete', 'Retain'];
const VOLUME_BINDING_MODES = ['Immediate', 'WaitForFirstConsumer'];

/** ValidateStorageClass (cluster-scoped; the name is a DNS subdomain: ValidateClassName). */
export function validateStorageClass(sc: JsonObject): ErrorList {
  const errs = validateObjectMeta(asObject(sc.metadata), false, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateProvisioner(asString(sc.provisioner), Path.of('provisioner')));
  errs.push(...validateParameters(asObject(sc.parameters), true, Path.of('parameters')));
  errs.push(...validateReclaimPolicy(asOptionalString(sc.reclaimPolicy) ?? '', Path.of('reclaimPolicy')));
  errs.push(...validateVolumeBindingMode(asOptionalString(sc.volumeBindingMode), Path.of('volumeBindingMode')));
  errs.push(...validateAllowedTopologies(asList(sc.allowedTopologies).map((t) => asObject(t) ?? {}), Path.of('allowedTopologies')));
  return errs;
}

/** ValidateStorageClassUpdate: parameters, provisioner, reclaimPolicy and volumeBindingMode are frozen. */
export function validateStorageClassUpdate(sc: JsonObject, old: JsonObject): ErrorList {
  const errs = validateObjectMetaUpdate(asObject(sc.metadata), asObject(old.metadata), Path.of('metadata'));
  if (!semanticEqual(sc.parameters, old.parameters)) errs.push(forbidden(Path.of('parameters'), 'updates to parameters are forbidden.'));
  if (asString(sc.provisioner) !== asString(old.provisioner)) errs.push(forbidden(Path.of('provisioner'), 'updates to provisioner are forbidden.'));
  if (asString(sc.reclaimPolicy) !== asString(old.reclaimPolicy)) errs.push(forbidden(Path.of('reclaimPolicy'), 'updates to reclaimPolicy are forbidden.'));
  errs.push(...validateImmutablePointer(sc.volumeBindingMode, old.volumeBindingMode, Path.of('volumeBindingMode')));
  return errs;
}

/** validateProvisioner: required, a qualified name once lower-cased. */
function validateProvisioner(provisioner: string, path: Path): ErrorList {
  if (provisioner.length === 0) return [required(path, provisioner)];
  return validateQualifiedName(provisioner.toLowerCase(), path);
}

/** validateParameters: at most 512 keys, none empty, 256 KiB in all. */
function validateParameters(params: JsonObject | undefined, allowEmpty: boolean, path: Path): ErrorList {
  const set = asStringMap(params);
  const keys = Object.keys(set);
  if (keys.length > MAX_PROVISIONER_PARAMETER_LEN) return [tooLong(path, MAX_PROVISIONER_PARAMETER_LEN)];
  const errs: ErrorList = [];
  let total = 0;
  for (const k of keys) {
    if (k.length < 1) errs.push(invalid(path, k, 'field can not be empty.'));
    total += byteLength(k) + byteLength(set[k]);
  }
  if (total > MAX_PROVISIONER_PARAMETER_SIZE) errs.push(tooLong(path, MAX_PROVISIONER_PARAMETER_SIZE));
  if (!allowEmpty && keys.length === 0) errs.push(required(path, 'must contain at least one key/value pair'));
  return errs;
}

/** validateReclaimPolicy: empty, Delete or Retain (Recycle is a PersistentVolume-only policy). */
function validateReclaimPolicy(policy: string, path: Path): ErrorList {
  if (policy.length === 0 || RECLAIM_POLICIES.includes(policy)) return [];
  return [notSupported(path, policy, RECLAIM_POLICIES)];
}

/** validateVolumeBindingMode: required. */
function validateVolumeBindingMode(mode: string | undefined, path: Path): ErrorList {
  if (mode === undefined) return [required(path, '')];
  return VOLUME_BINDING_MODES.includes(mode) ? [] : [notSupported(path, mode, VOLUME_BINDING_MODES)];
}

/**
 * validateAllowedTopologies. Upstream's list of seen terms starts with one
 * nil map per term and Semantic.DeepEqual holds an empty map equal to nil,
 * so a term without expressions is always reported as a duplicate.
 */
function validateAllowedTopologies(terms: JsonObject[], path: Path): ErrorList {
  if (terms.length === 0) return [];
  const errs: ErrorList = [];
  const seen: Map<string, Set<string>>[] = terms.map(() => new Map());
  terms.forEach((term, i) => {
    const { exprMap, errs: termErrs } = validateTopologySelectorTerm(term, path.index(i));
    errs.push(...termErrs);
    for (const t of seen) {
      if (sameExprMap(exprMap, t)) errs.push(duplicate(path.index(i).child('matchLabelExpressions'), ''));
    }
    seen.push(exprMap);
  });
  return errs;
}

function sameExprMap(a: Map<string, Set<string>>, b: Map<string, Set<string>>): boolean {
  if (a.size !== b.size) return false;
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.size !== v.size || [...v].some((x) => !w.has(x))) return false;
  }
  return true;
}

/** ValidateTopologySelectorTerm: each requirement's values (non-empty, no duplicates), keys unique. */
function validateTopologySelectorTerm(term: JsonObject, path: Path): { exprMap: Map<string, Set<string>>; errs: ErrorList } {
  const errs: ErrorList = [];
  const exprMap = new Map<string, Set<string>>();
  const exprPath = path.child('matchLabelExpressions');
  asList(term.matchLabelExpressions).forEach((raw, i) => {
    const req = asObject(raw) ?? {};
    const p = exprPath.index(i);
    const values = asList(req.values).map(asString);
    const valueSet = new Set<string>();
    if (values.length === 0) errs.push(required(p.child('values'), ''));
    values.forEach((v, j) => {
      if (valueSet.has(v)) errs.push(duplicate(p.child('values').index(j), v));
      valueSet.add(v);
    });
    const key = asString(req.key);
    errs.push(...validateLabelName(key, p.child('key')));
    if (exprMap.has(key)) errs.push(duplicate(p.child('key'), key));
    exprMap.set(key, valueSet);
  });
  return { exprMap, errs };
}

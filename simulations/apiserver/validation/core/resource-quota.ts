// ResourceQuota validation: resource names and quantities in spec.hard and
// status, scopes and the scope selector, and scopes fixed after creation.
// src: pkg/apis/core/validation/validation.go (ValidateResourceQuota,
//      ValidateResourceQuotaSpec, ValidateResourceQuotaStatus,
//      validateResourceQuotaScopes, validateScopedResourceSelectorRequirement,
//      ValidateResourceQuotaResourceName, ValidateResourceQuotaUpdate,
//      ValidateResourceQuotaStatusUpdate)

import { type ErrorList, invalid, required } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { isResourceQuotaScopeValidForResource, isStandardQuotaResourceName, isStandardResourceQuotaScope } from './core-helper.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './object-meta.ts';
import {
  FIELD_IMMUTABLE_ERROR_MSG,
  nameIsDNSSubdomain,
  quantityAt,
  sortedKeys,
  validateResourceName,
  validateResourceQuantityValue,
} from './apimachinery-checks.ts';

const INVALID_QUOTA_RESOURCE = 'must be a standard resource for quota';
const CONFLICTING_PAIRS: [string, string][] = [
  ['BestEffort', 'NotBestEffort'],
  ['Terminating', 'NotTerminating'],
];

/** ValidateResourceQuotaResourceName. */
export function validateResourceQuotaResourceName(value: string, fldPath: Path): ErrorList {
  const errs = validateResourceName(value, fldPath);
  if (!value.includes('/') && !isStandardQuotaResourceName(value)) errs.push(invalid(fldPath, value, INVALID_QUOTA_RESOURCE));
  return errs;
}

// A ResourceList of names and quantities (spec.hard, status.hard, status.used).
function validateQuotaList(list: JsonValue | undefined, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const o = asObject(list) ?? {};
  for (const k of sortedKeys(o)) {
    const resPath = fldPath.key(k);
    errs.push(...validateResourceQuotaResourceName(k, resPath));
    const q = quantityAt(o[k]);
    if (q) errs.push(...validateResourceQuantityValue(k, q, resPath));
  }
  return errs;
}

/** validateResourceQuotaScopes. */
function validateResourceQuotaScopes(spec: JsonObject, fld: Path): ErrorList {
  const errs: ErrorList = [];
  const scopes = asList(spec.scopes).map(asString);
  if (scopes.length === 0) return errs;
  const hard = sortedKeys(asObject(spec.hard) ?? {});
  const fldPath = fld.child('scopes');
  for (const scope of scopes) {
    if (!isStandardResourceQuotaScope(scope)) errs.push(invalid(fldPath, scopes, 'unsupported scope'));
    for (const k of hard) {
      if (isStandardQuotaResourceName(k) && !isResourceQuotaScopeValidForResource(scope, k)) {
        errs.push(invalid(fldPath, scopes, 'unsupported scope applied to resource'));
      }
    }
  }
  for (const [a, b] of CONFLICTING_PAIRS) {
    if (scopes.includes(a) && scopes.includes(b)) errs.push(invalid(fldPath, scopes, 'conflicting scopes'));
  }
  return errs;
}

const EXISTS_ONLY_SCOPES = ['BestEffort', 'NotBestEffort', 'Terminating', 'NotTerminating', 'CrossNamespacePodAffinity'];

/** validateScopeSelector / validateScopedResourceSelectorRequirement. Paths carry no index, as upstream's. */
function validateScopeSelector(spec: JsonObject, fld: Path): ErrorList {
  const selector = asObject(spec.scopeSelector);
  if (!selector) return [];
  const errs: ErrorList = [];
  const hard = sortedKeys(asObject(spec.hard) ?? {});
  const fldPath = fld.child('scopeSelector').child('matchExpressions');
  const scopeNames = new Set<string>();
  for (const e of asList(selector.matchExpressions)) {
    const req = asObject(e) ?? {};
    const scopeName = asString(req.scopeName);
    const operator = asString(req.operator);
    const values = asList(req.values).map(asString);
    if (!isStandardResourceQuotaScope(scopeName)) errs.push(invalid(fldPath.child('scopeName'), scopeName, 'unsupported scope'));
    for (const k of hard) {
      if (isStandardQuotaResourceName(k) && !isResourceQuotaScopeValidForResource(scopeName, k)) {
        errs.push(invalid(fldPath, selector, 'unsupported scope applied to resource'));
      }
    }
    if (EXISTS_ONLY_SCOPES.includes(scopeName) && operator !== 'Exists') {
      errs.push(
        invalid(
          fldPath.child('operator'),
          operator,
          'must be \'Exists\' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity',
        ),
      );
    }
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0) errs.push(required(fldPath.child('values'), "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"));
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length !== 0) errs.push(invalid(fldPath.child('values'), values, "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"));
    } else {
      errs.push(invalid(fldPath.child('operator'), operator, 'not a valid selector operator'));
    }
    scopeNames.add(scopeName);
  }
  for (const [a, b] of CONFLICTING_PAIRS) {
    // Upstream passes spec.scopes as the bad value here.
    if (scopeNames.has(a) && scopeNames.has(b)) errs.push(invalid(fldPath, asList(spec.scopes).map(asString), 'conflicting scopes'));
  }
  return errs;
}

/** ValidateResourceQuotaSpec. */
function validateResourceQuotaSpec(spec: JsonObject, fld: Path): ErrorList {
  const errs = validateQuotaList(spec.hard, fld.child('hard'));
  errs.push(...validateResourceQuotaScopes(spec, fld));
  errs.push(...validateScopeSelector(spec, fld));
  return errs;
}

/** ValidateResourceQuotaStatus. */
function validateResourceQuotaStatus(status: JsonObject, fld: Path): ErrorList {
  return [...validateQuotaList(status.hard, fld.child('hard')), ...validateQuotaList(status.used, fld.child('used'))];
}

/** ValidateResourceQuota. */
export function validateResourceQuota(obj: JsonObject): ErrorList {
  const errs = validateCoreObjectMeta(asObject(obj.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
  errs.push(...validateResourceQuotaSpec(asObject(obj.spec) ?? {}, Path.of('spec')));
  errs.push(...validateResourceQuotaStatus(asObject(obj.status) ?? {}, Path.of('status')));
  return errs;
}

/** ValidateResourceQuotaUpdate: scopes may not change. */
export function validateResourceQuotaUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
  const spec = asObject(obj.spec) ?? {};
  errs.push(...validateResourceQuotaSpec(spec, Path.of('spec')));
  const newScopes = new Set(asList(spec.scopes).map(asString));
  const oldScopes = new Set(asList(asObject(old.spec)?.scopes).map(asString));
  if (newScopes.size !== oldScopes.size || [...newScopes].some((s) => !oldScopes.has(s))) {
    errs.push(invalid(Path.of('spec', 'scopes'), asList(spec.scopes).map(asString), FIELD_IMMUTABLE_ERROR_MSG));
  }
  return errs;
}

/** ValidateResourceQuotaStatusUpdate. */
export function validateResourceQuotaStatusUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMetaUpdate(meta, asObject(old.metadata), Path.of('metadata'));
  if (asString(meta?.resourceVersion).length === 0) errs.push(required(Path.of('resourceVersion')));
  errs.push(...validateResourceQuotaStatus(asObject(obj.status) ?? {}, Path.of('status')));
  return errs;
}

// Validation of the meta/v1 types every object and request carries: labels,
// label selectors, managedFields, conditions, and the create/update/patch/
// delete options of a request.
// src: staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go
//
// Inputs are v1 JSON read with json.ts (a missing field is Go's zero value, a
// missing pointer is nil). Go ranges over maps in random order; keys are taken
// in sorted (byte) order here so the error list is stable.

import { duplicate, forbidden, invalid, notSupported, required, tooLong } from './field-errors.ts';
import type { ErrorList } from './field-errors.ts';
import { Path } from './field-path.ts';
import { compareGoStrings } from './go-values.ts';
import { asInt, asList, asObject, asOptionalBool, asString, asStringMap } from './json.ts';
import { regexError, utf8Length } from './validate-content.ts';
import { isQualifiedName, isValidLabelValue } from './validation.ts';

/** LabelSelectorValidationOptions. */
export interface LabelSelectorValidationOptions {
  /** Allow invalid label values in matchExpressions (only for updates of objects that already hold them). */
  readonly allowInvalidLabelValueInSelector?: boolean;
  /** Let an unknown operator pass (SubjectAccessReview-style broader checks). */
  readonly allowUnknownOperatorInRequirement?: boolean;
}

function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

function sortedKeys(o: Readonly<Record<string, unknown>>): string[] {
  return Object.keys(o).sort(compareGoStrings);
}

/**
 * LabelSelectorHasInvalidLabelValue: whether a matchExpressions value is an
 * invalid label value (an update then sets AllowInvalidLabelValueInSelector).
 */
export function labelSelectorHasInvalidLabelValue(ps: unknown): boolean {
  const sel = asObject(ps);
  if (sel === undefined) return false;
  for (const e of asList(sel.matchExpressions)) {
    for (const v of asList(asObject(e)?.values)) if (isValidLabelValue(asString(v)).length > 0) return true;
  }
  return false;
}

/** ValidateLabelSelector: matchLabels as labels, each matchExpressions entry as a requirement. Absent is valid. */
export function validateLabelSelector(ps: unknown, opts: LabelSelectorValidationOptions, fldPath: Path): ErrorList {
  const sel = asObject(ps);
  if (sel === undefined) return [];
  const errs = validateLabels(asStringMap(sel.matchLabels), fldPath.child('matchLabels'));
  asList(sel.matchExpressions).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, opts, fldPath.child('matchExpressions').index(i)));
  });
  return errs;
}

/** ValidateLabelSelectorRequirement: operator and values agree, key is a label key, values are label values. */
export function validateLabelSelectorRequirement(sr: unknown, opts: LabelSelectorValidationOptions, fldPath: Path): ErrorList {
  const req = asObject(sr) ?? {};
  const errs: ErrorList = [];
  const operator = asString(req.operator);
  const values = asList(req.values).map(asString);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(fldPath.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(fldPath.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement) errs.push(invalid(fldPath.child('operator'), operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(asString(req.key), fldPath.child('key')));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((value, i) => {
      for (const msg of isValidLabelValue(value)) errs.push(invalid(fldPath.child('values').index(i), value, msg));
    });
  }
  return errs;
}

/** ValidateLabelName: one error per problem with the key. */
export function validateLabelName(labelName: string, fldPath: Path): ErrorList {
  return isQualifiedName(labelName).map((msg) => invalid(fldPath, labelName, msg));
}

/** ValidateLabels: every key a label key, every value a label value, all reported at `fldPath`. */
export function validateLabels(labels: Readonly<Record<string, string>>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  for (const k of sortedKeys(labels)) {
    errs.push(...validateLabelName(k, fldPath));
    for (const msg of isValidLabelValue(labels[k])) errs.push(invalid(fldPath, labels[k], msg));
  }
  return errs;
}

/** FieldSelectorValidationOptions. */
export interface FieldSelectorValidationOptions {
  readonly allowUnknownOperatorInRequirement?: boolean;
}

/** ValidateFieldSelectorRequirement: a key, and values that agree with the operator. */
export function validateFieldSelectorRequirement(requirement: unknown, opts: FieldSelectorValidationOptions, fldPath: Path): ErrorList {
  const req = asObject(requirement) ?? {};
  const errs: ErrorList = [];
  if (asString(req.key).length === 0) errs.push(required(fldPath.child('key'), 'must be specified'));
  const operator = asString(req.operator);
  const values = asList(req.values);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) errs.push(required(fldPath.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) errs.push(forbidden(fldPath.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      if (!opts.allowUnknownOperatorInRequirement) errs.push(invalid(fldPath.child('operator'), operator, 'not a valid selector operator'));
  }
  return errs;
}

const PROPAGATION_POLICIES = ['Foreground', 'Background', 'Orphan'];

/**
 * ValidateDeleteOptions over a v1 DeleteOptions: orphanDependents and
 * propagationPolicy exclusive, a known policy, dryRun, and
 * ignoreStoreReadErrorWithClusterBreakingPotential alone.
 */
export function validateDeleteOptions(options: unknown): ErrorList {
  const o = asObject(options) ?? {};
  const errs: ErrorList = [];
  const policy = o.propagationPolicy;
  if (present(o.orphanDependents) && present(policy)) {
    errs.push(invalid(Path.of('propagationPolicy'), asString(policy), 'orphanDependents and deletionPropagation cannot be both set'));
  }
  if (present(policy) && !PROPAGATION_POLICIES.includes(asString(policy))) {
    errs.push(notSupported(Path.of('propagationPolicy'), asString(policy), [...PROPAGATION_POLICIES, 'nil']));
  }
  errs.push(...validateDryRun(Path.of('dryRun'), asList(o.dryRun).map(asString)));
  errs.push(...validateIgnoreStoreReadError(Path.of('ignoreStoreReadErrorWithClusterBreakingPotential'), o));
  return errs;
}

/** ValidateCreateOptions: fieldManager, dryRun, fieldValidation. */
export function validateCreateOptions(options: unknown): ErrorList {
  return validateWriteOptions(asObject(options) ?? {});
}

/** ValidateUpdateOptions: fieldManager, dryRun, fieldValidation. */
export function validateUpdateOptions(options: unknown): ErrorList {
  return validateWriteOptions(asObject(options) ?? {});
}

function validateWriteOptions(o: Record<string, unknown>): ErrorList {
  return [
    ...validateFieldManager(asString(o.fieldManager), Path.of('fieldManager')),
    ...validateDryRun(Path.of('dryRun'), asList(o.dryRun).map(asString)),
    ...validateFieldValidation(Path.of('fieldValidation'), asString(o.fieldValidation)),
  ];
}

/** types.PatchType values (pkg/types/patch.go). */
export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  applyYAML: 'application/apply-patch+yaml',
  applyCBOR: 'application/apply-patch+cbor',
} as const;

/**
 * ValidatePatchOptions: an apply patch needs a fieldManager (kubectl sends
 * "kubectl"; controllers must set one); force is only for apply.
 */
export function validatePatchOptions(options: unknown, patchType: string): ErrorList {
  const o = asObject(options) ?? {};
  const errs: ErrorList = [];
  if (patchType === PATCH_TYPES.applyYAML || patchType === PATCH_TYPES.applyCBOR) {
    if (asString(o.fieldManager) === '') errs.push(required(Path.of('fieldManager'), 'is required for apply patch'));
  } else if (present(o.force)) {
    errs.push(forbidden(Path.of('force'), 'may not be specified for non-apply patch'));
  }
  errs.push(...validateWriteOptions(o));
  return errs;
}

/** FieldManagerMaxLength. */
export const FIELD_MANAGER_MAX_LENGTH = 128;

// unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
function isPrint(ch: string): boolean {
  return ch === ' ' || PRINTABLE.test(ch);
}

// fmt's %#U: "U+0041 'A'", just "U+000A" when not printable.
function formatRuneU(cp: number, ch: string): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return isPrint(ch) ? `${hex} '${ch}'` : hex;
}

/** ValidateFieldManager: at most 128 bytes, every character printable (position in bytes). */
export function validateFieldManager(fieldManager: string, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (utf8Length(fieldManager) > FIELD_MANAGER_MAX_LENGTH) errs.push(tooLong(fldPath, FIELD_MANAGER_MAX_LENGTH));
  let pos = 0;
  for (const raw of fieldManager) {
    let cp = raw.codePointAt(0) as number;
    let ch = raw;
    // A lone surrogate is U+FFFD once decoded as Go decodes JSON.
    if (cp >= 0xd800 && cp <= 0xdfff) {
      cp = 0xfffd;
      ch = '\ufffd';
    }
    if (!isPrint(ch)) errs.push(invalid(fldPath, fieldManager, `invalid character ${formatRuneU(cp, ch)} (at position ${pos})`));
    pos += utf8Length(ch);
  }
  return errs;
}

/** ValidateDryRun: only "All". */
export function validateDryRun(fldPath: Path, dryRun: readonly string[]): ErrorList {
  return dryRun.every((v) => v === 'All') ? [] : [notSupported(fldPath, [...dryRun], ['All'])];
}

// sets.NewString("", Ignore, Warn, Strict).List(): sorted.
const FIELD_VALIDATION_VALUES = ['', 'Ignore', 'Strict', 'Warn'];

/** ValidateFieldValidation: "", Ignore, Warn or Strict. */
export function validateFieldValidation(fldPath: Path, fieldValidation: string): ErrorList {
  return FIELD_VALIDATION_VALUES.includes(fieldValidation) ? [] : [notSupported(fldPath, fieldValidation, FIELD_VALIDATION_VALUES)];
}

/** ValidateTableOptions: includeObject is Metadata, Object, None or empty. */
export function validateTableOptions(options: unknown): ErrorList {
  const includeObject = asString(asObject(options)?.includeObject);
  if (['Metadata', 'None', 'Object', ''].includes(includeObject)) return [];
  return [invalid(Path.of('includeObject'), includeObject, "must be 'Metadata', 'Object', 'None', or empty")];
}

/** MaxSubresourceNameLength. */
export const MAX_SUBRESOURCE_NAME_LENGTH = 256;

/** ValidateManagedFields: operation Apply or Update, fieldsType FieldsV1, a valid manager, a short subresource. */
export function validateManagedFields(fieldsList: unknown, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  asList(fieldsList).forEach((item, i) => {
    const fields = asObject(item) ?? {};
    const p = fldPath.index(i);
    const operation = asString(fields.operation);
    if (operation !== 'Apply' && operation !== 'Update') errs.push(invalid(p.child('operation'), operation, 'must be `Apply` or `Update`'));
    const fieldsType = asString(fields.fieldsType);
    if (fieldsType.length > 0 && fieldsType !== 'FieldsV1') errs.push(invalid(p.child('fieldsType'), fieldsType, 'must be `FieldsV1`'));
    errs.push(...validateFieldManager(asString(fields.manager), p.child('manager')));
    if (utf8Length(asString(fields.subresource)) > MAX_SUBRESOURCE_NAME_LENGTH) errs.push(tooLong(p.child('subresource'), MAX_SUBRESOURCE_NAME_LENGTH));
  });
  return errs;
}

/** ValidateConditions: no two conditions of one type, each condition valid. */
export function validateConditions(conditions: unknown, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const seen = new Set<string>();
  asList(conditions).forEach((item, i) => {
    const type = asString(asObject(item)?.type);
    if (seen.has(type)) errs.push(duplicate(fldPath.index(i).child('type'), type));
    else seen.add(type);
    errs.push(...validateCondition(item, fldPath.index(i)));
  });
  return errs;
}

// sets.NewString(True, False, Unknown).List(): sorted.
const CONDITION_STATUSES = ['False', 'True', 'Unknown'];
const MAX_REASON_LEN = 1 * 1024;
const MAX_MESSAGE_LEN = 32 * 1024;
const CONDITION_REASON_FMT = '[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?';
const CONDITION_REASON_RE = new RegExp(`^${CONDITION_REASON_FMT}$`);
const ZERO_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

// metav1.Time.IsZero(): absent, null, or 0001-01-01T00:00:00Z.
function isZeroTime(v: unknown): boolean {
  if (!present(v)) return true;
  if (typeof v !== 'string') return false;
  return v === '' || Date.parse(v) === ZERO_TIME_MS;
}

/** ValidateCondition: type a label key, a known status, observedGeneration >= 0, a transition time, a reason. */
export function validateCondition(condition: unknown, fldPath: Path): ErrorList {
  const c = asObject(condition) ?? {};
  const errs: ErrorList = [];
  errs.push(...validateLabelName(asString(c.type), fldPath.child('type')));
  const status = asString(c.status);
  if (!CONDITION_STATUSES.includes(status)) errs.push(notSupported(fldPath.child('status'), status, CONDITION_STATUSES));
  const observedGeneration = asInt(c.observedGeneration);
  if (observedGeneration < 0) errs.push(invalid(fldPath.child('observedGeneration'), observedGeneration, 'must be greater than or equal to zero'));
  if (isZeroTime(c.lastTransitionTime)) errs.push(required(fldPath.child('lastTransitionTime'), ''));
  const reason = asString(c.reason);
  if (reason.length === 0) {
    errs.push(required(fldPath.child('reason'), ''));
  } else {
    if (!CONDITION_REASON_RE.test(reason)) {
      errs.push(
        invalid(
          fldPath.child('reason'),
          reason,
          regexError(
            "a condition reason must start with alphabetic character, optionally followed by a string of alphanumeric characters or '_,:', and must end with an alphanumeric character or '_'",
            CONDITION_REASON_FMT,
            'my_name',
            'MY_NAME',
            'MyName',
            'ReasonA,ReasonB',
            'ReasonA:ReasonB',
          ),
        ),
      );
    }
    if (utf8Length(reason) > MAX_REASON_LEN) errs.push(tooLong(fldPath.child('reason'), MAX_REASON_LEN));
  }
  if (utf8Length(asString(c.message)) > MAX_MESSAGE_LEN) errs.push(tooLong(fldPath.child('message'), MAX_MESSAGE_LEN));
  return errs;
}

/**
 * ValidateIgnoreStoreReadError: with ignoreStoreReadErrorWithClusterBreakingPotential
 * true, no dryRun, propagationPolicy, orphanDependents, gracePeriodSeconds or preconditions.
 */
export function validateIgnoreStoreReadError(fldPath: Path, options: unknown): ErrorList {
  const o = asObject(options) ?? {};
  if (!(asOptionalBool(o.ignoreStoreReadErrorWithClusterBreakingPotential) ?? false)) return [];
  const errs: ErrorList = [];
  if (asList(o.dryRun).length > 0) errs.push(invalid(fldPath, true, 'cannot be set together with .dryRun'));
  if (present(o.propagationPolicy)) errs.push(invalid(fldPath, true, 'cannot be set together with .propagationPolicy'));
  if (present(o.orphanDependents)) errs.push(invalid(fldPath, true, 'cannot be set together with .orphanDependents'));
  if (present(o.gracePeriodSeconds)) errs.push(invalid(fldPath, true, 'cannot be set together with .gracePeriodSeconds'));
  if (present(o.preconditions)) errs.push(invalid(fldPath, true, 'cannot be set together with .preconditions'));
  return errs;
}

/** UninitializedStatusUpdateErrorMsg. */
export const UNINITIALIZED_STATUS_UPDATE_ERROR_MSG = 'must not update status when the object is uninitialized';

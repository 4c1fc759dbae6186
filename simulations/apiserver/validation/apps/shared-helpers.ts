// The helpers every non-core group's validation imports: the shared
// apimachinery ports (simulations/apimachinery/validation.ts,
// validate-content.ts, object-meta-validation.ts, meta-v1-validation.ts) and
// the Pod's validation (../core/pod.ts), re-exported, plus thin adapters from
// JSON fields to them (labels and annotations of any JSON value, Go zero-value
// equality for immutable fields, label selectors as labels.Selector). It lives
// with apps, the first group that needed it; the other groups import it from here.
// The ports follow apimachinery v0.36 (k8s.io/apimachinery/pkg/util/validation,
// pkg/api/validate/content, pkg/api/validation, pkg/apis/meta/v1/validation).

import { invalid, required } from '../../../apimachinery/field-errors.ts';
import { isDNS1123Label, isQualifiedName, isValidLabelValue } from '../../../apimachinery/validation.ts';
import { validateAnnotations as sharedValidateAnnotations } from '../../../apimachinery/object-meta-validation.ts';
import { validateLabels as sharedValidateLabels } from '../../../apimachinery/meta-v1-validation.ts';
import type { ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, asStringMap } from '../../../apimachinery/json.ts';
import type { JsonObject, JsonValue } from '../../../apimachinery/json.ts';
import { compareGoStrings } from '../../../apimachinery/go-values.ts';
import { Selector } from '../../../apimachinery/labels.ts';
import { defaultPodValidationOptions, type PodValidationOptions } from '../core/pod.ts';
import { validatePodSpecificAnnotations as corePodSpecificAnnotations } from '../core/pod-annotations.ts';
import type { Operator, Requirement } from '../../../apimachinery/labels.ts';

// k8s.io/apimachinery/pkg/util/validation and validate/content: the shared
// ports (simulations/apimachinery/validation.ts, validate-content.ts).
export {
  inclusiveRangeError,
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isDomainPrefixedPath,
  isQualifiedName,
  isValidCIDRForLegacyField,
  isValidIPForLegacyField,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
  maxLenError,
  regexError,
} from '../../../apimachinery/validation.ts';
export { isPathSegmentName as isValidPathSegmentName, utf8Length as byteLength } from '../../../apimachinery/validate-content.ts';

// ---------------------------------------------------------------------------
// k8s.io/apimachinery/pkg/api/validation and meta/v1/validation: the shared
// ports (object-meta-validation.ts, meta-v1-validation.ts).
export {
  nameIsDNS1035Label,
  nameIsDNSLabel,
  nameIsDNSSubdomain,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
  validatePathSegmentName,
} from '../../../apimachinery/object-meta-validation.ts';
export type { ValidateNameFunc } from '../../../apimachinery/object-meta-validation.ts';
export { labelSelectorHasInvalidLabelValue, validateLabelName, validateLabelSelector } from '../../../apimachinery/meta-v1-validation.ts';
export type { LabelSelectorValidationOptions } from '../../../apimachinery/meta-v1-validation.ts';

/** Go ranges over maps at random; keys in Go's string order keep results stable. */
function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort(compareGoStrings);
}

/** ValidateLabels over a JSON field (anything but a string map reads as empty). */
export function validateLabels(labels: unknown, path: Path): ErrorList {
  return sharedValidateLabels(asStringMap(labels), path);
}

/** ValidateAnnotations over a JSON field. */
export function validateAnnotations(annotations: unknown, path: Path): ErrorList {
  return sharedValidateAnnotations(asStringMap(annotations), path);
}

/** ValidateQualifiedName (core validation). */
export function validateQualifiedName(value: string, path: Path): ErrorList {
  return isQualifiedName(value).map((m) => invalid(path, value, m));
}

/** ValidateDNS1123Label (core validation). */
export function validateDNS1123Label(value: string, path: Path): ErrorList {
  return isDNS1123Label(value).map((m) => invalid(path, value, m));
}

/** ValidateHasLabel (core validation): the label must be present with this value. */
export function validateHasLabel(meta: JsonObject | undefined, path: Path, key: string, expected: string): ErrorList {
  const labels = asStringMap(meta?.labels);
  const actual = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
  if (actual === undefined) return [required(path.child('labels').key(key), `must be '${expected}'`)];
  if (actual !== expected) return [invalid(path.child('labels').key(key), actual, `must be '${expected}'`)];
  return [];
}

/**
 * apiequality.Semantic.DeepEqual over v1 JSON, with Go's zero values: a
 * missing or null field equals "", 0, false, [] and {} (a Go struct or slice
 * holds no difference between "absent" and "zero"). Pointer fields where nil
 * differs from a pointer to zero are compared by the callers that care.
 */
export function semanticEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const isZero = (v: JsonValue | undefined): boolean =>
    v === undefined || v === null || v === '' || v === 0 || v === false || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => isZero(v[k])));
  if (isZero(a) && isZero(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  const oa = asObject(a);
  const ob = asObject(b);
  if (oa && ob) {
    const keys = new Set([...Object.keys(oa), ...Object.keys(ob)]);
    for (const k of keys) if (!semanticEqual(oa[k], ob[k])) return false;
    return true;
  }
  return a === b;
}

/** FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE = 'field is immutable';

/** ValidateImmutableField. */
export function validateImmutableField(newVal: JsonValue | undefined, oldVal: JsonValue | undefined, path: Path): ErrorList {
  return semanticEqual(newVal, oldVal) ? [] : [invalid(path, newVal ?? null, FIELD_IMMUTABLE)];
}

/** ValidateImmutableField for pointer fields: nil and a pointer to a zero value differ. */
export function validateImmutablePointer(newVal: JsonValue | undefined, oldVal: JsonValue | undefined, path: Path): ErrorList {
  const nilNew = newVal === undefined || newVal === null;
  const nilOld = oldVal === undefined || oldVal === null;
  if (nilNew !== nilOld) return [invalid(path, newVal ?? null, FIELD_IMMUTABLE)];
  return validateImmutableField(newVal, oldVal, path);
}

// ---------------------------------------------------------------------------
// k8s.io/apimachinery/pkg/apis/meta/v1: label selectors.

/**
 * metav1.LabelSelectorAsSelector: nil matches nothing, {} everything; an
 * invalid key, value or operator is an error.
 */
export function labelSelectorAsSelector(ps: JsonObject | undefined): { selector: Selector; error: string | null } {
  if (!ps) return { selector: Selector.NOTHING, error: null };
  const matchLabels = asStringMap(ps.matchLabels);
  const exprs = asList(ps.matchExpressions);
  if (Object.keys(matchLabels).length + exprs.length === 0) return { selector: Selector.EVERYTHING, error: null };
  const reqs: Requirement[] = [];
  for (const k of sortedKeys(matchLabels)) {
    const e = newRequirementError(k, [matchLabels[k]]);
    if (e) return { selector: Selector.NOTHING, error: e };
    reqs.push({ key: k, operator: 'In', values: [matchLabels[k]] });
  }
  for (const raw of exprs) {
    const expr = asObject(raw) ?? {};
    const op = asString(expr.operator);
    if (op !== 'In' && op !== 'NotIn' && op !== 'Exists' && op !== 'DoesNotExist') {
      return { selector: Selector.NOTHING, error: `"${op}" is not a valid label selector operator` };
    }
    const values = asList(expr.values).map(asString);
    const key = asString(expr.key);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) return { selector: Selector.NOTHING, error: "for 'in', 'notin' operators, values set can't be empty" };
    } else if (values.length > 0) {
      return { selector: Selector.NOTHING, error: 'values set must be empty for exists and does not exist' };
    }
    const e = newRequirementError(key, values);
    if (e) return { selector: Selector.NOTHING, error: e };
    reqs.push({ key, operator: op as Operator, values });
  }
  return { selector: Selector.of(reqs), error: null };
}

function newRequirementError(key: string, values: string[]): string | null {
  const keyErrs = isQualifiedName(key);
  if (keyErrs.length > 0) return keyErrs.join('; ');
  for (const v of values) {
    const ve = isValidLabelValue(v);
    if (ve.length > 0) return ve.join('; ');
  }
  return null;
}

// ---------------------------------------------------------------------------
// pkg/apis/core/validation: the Pod template, from the Pod's validation
// (core/pod.ts).
export { validatePodTemplateSpec, type PodValidationOptions } from '../core/pod.ts';

/**
 * pod.GetValidationOptionsFromPodTemplate(new, old) (pkg/api/pod/util.go):
 * the options a workload's strategy validates its template with. The
 * relaxations for fields an old template already used are not modelled, so an
 * update is held to the create-time options (as for Pods themselves).
 */
export function podTemplateValidationOptions(_template?: JsonObject, _oldTemplate?: JsonObject): PodValidationOptions {
  return defaultPodValidationOptions();
}

/** ValidatePodSpecificAnnotations over JSON fields (anything but a string map reads as empty). */
export function validatePodSpecificAnnotations(annotations: unknown, spec: JsonObject | undefined, path: Path, opts: PodValidationOptions): ErrorList {
  return corePodSpecificAnnotations(asStringMap(annotations), spec ?? {}, path, opts);
}

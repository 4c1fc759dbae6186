// TODO(shared): temporary local versions of helpers other engineers are
// writing in simulations/apimachinery/ (validation.ts, object-meta-validation.ts,
// meta-v1-validation.ts). The core kinds import them from here only, so the
// switch to the shared modules is one file; delete this once they land.
// src: staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go,
//      pkg/api/validate/content/{dns,kube,errors}.go,
//      pkg/api/validation/{generic,objectmeta}.go, pkg/apis/meta/v1/validation/validation.go

import { type ErrorList, forbidden, invalid, required, tooLong } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { deepEqual } from '../../../apimachinery/go-values.ts';
import { asList, asObject, asOptionalInt, asString, asStringMap, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import { canonicalCIDR, canonicalIP, parseCIDRSloppy, parseIPSloppy, strictCIDRError, strictIPError } from './ip-address.ts';
import {
  isExtendedResourceName,
  isIntegerResourceName,
  isNativeResource,
  isStandardContainerResourceName,
  isStandardResourceName,
} from './core-helper.ts';

/** Go's len(s): UTF-8 bytes. */
export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Go's sort.Strings on map keys: upstream ranges over maps in random order; sorted keeps output stable. */
export function sortedKeys(o: Record<string, unknown>): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

// ---- util/validation messages ----

function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}
function contentMaxLenError(length: number): string {
  return `must be no more than ${length} bytes`;
}
function regexError(msg: string, fmt: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${fmt}')`;
  return `${msg} (e.g. ${examples.map((e) => `'${e}', `).join('or ')}regex used for validation is '${fmt}')`;
}
/** validation.InclusiveRangeError. */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_RE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_RE = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1035_LABEL_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";

/** validation.IsDNS1123Label. */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1123_LABEL_RE.test(value)) {
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

/** validation.IsDNS1123Subdomain ("characters"); content.IsDNS1123Subdomain says "bytes". */
export function isDNS1123Subdomain(value: string, unit: 'characters' | 'bytes' = 'characters'): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(unit === 'bytes' ? contentMaxLenError(253) : maxLenError(253));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

/** validation.IsDNS1035Label. */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(maxLenError(63));
  if (!DNS1035_LABEL_RE.test(value)) errs.push(regexError(DNS1035_LABEL_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY_RE = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_KEY_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";

/** validation.IsQualifiedName (content.IsLabelKey). */
export function isQualifiedName(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  if (parts.length === 1) {
    name = parts[0];
  } else if (parts.length === 2) {
    const prefix = parts[0];
    name = parts[1];
    if (prefix.length === 0) errs.push('prefix part must be non-empty');
    else for (const m of isDNS1123Subdomain(prefix, 'bytes')) errs.push(`prefix part ${m}`);
  } else {
    return [
      `a valid label key ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
    ];
  }
  if (name.length === 0) errs.push('name part must be non-empty');
  else if (byteLength(name) > 63) errs.push(`name part ${contentMaxLenError(63)}`);
  if (!LABEL_KEY_RE.test(name)) errs.push(`name part ${regexError(LABEL_KEY_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

/** validation.IsValidLabelValue (content.IsLabelValue). */
export function isValidLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 63) errs.push(contentMaxLenError(63));
  if (!/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)) {
    errs.push(
      regexError(
        "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
        `(${LABEL_KEY_FMT})?`,
        'MyValue',
        'my_value',
        '12345',
      ),
    );
  }
  return errs;
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/** validation.IsConfigMapKey. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (byteLength(value) > 253) errs.push(maxLenError(253));
  if (!/^[-._a-zA-Z0-9]+$/.test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", '[-._a-zA-Z0-9]+', 'key.name', 'KEY_NAME', 'key-name'));
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

/** validation.IsValidPortNum. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** validation.IsValidPortName (IANA_SVC_NAME). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (byteLength(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** validation.IsValidIP: strict parsing, then canonical form. */
export function isValidIP(fldPath: Path, value: string): ErrorList {
  const ip = parseIPSloppy(value);
  if (!ip) return [invalid(fldPath, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
  const strict = strictIPError(value);
  if (strict) return [invalid(fldPath, value, strict)];
  const canonical = canonicalIP(ip);
  return value !== canonical ? [invalid(fldPath, value, `must be in canonical form ("${canonical}")`)] : [];
}

/** validation.IsValidCIDR: strict parsing, then canonical form. */
export function isValidCIDR(fldPath: Path, value: string): ErrorList {
  const net = parseCIDRSloppy(value);
  if (!net) return [invalid(fldPath, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
  const strict = strictCIDRError(value);
  if (strict) return [invalid(fldPath, value, strict)];
  const canonical = canonicalCIDR(net);
  return value !== canonical ? [invalid(fldPath, value, `must be in canonical form ("${canonical}")`)] : [];
}

// ---- pkg/api/validation/generic.go ----

export type NameFn = (name: string, prefix: boolean) => string[];

// maskTrailingDash: upstream replaces the last *two* characters with "a".
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -2)}a` : name;
}

/** apimachineryvalidation.NameIsDNSSubdomain. */
export const nameIsDNSSubdomain: NameFn = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);
/** apimachineryvalidation.NameIsDNSLabel. */
export const nameIsDNSLabel: NameFn = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);
/** apimachineryvalidation.NameIsDNS1035Label. */
export const nameIsDNS1035Label: NameFn = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);
/** apimachineryvalidation.ValidateNamespaceName. */
export const validateNamespaceName: NameFn = nameIsDNSLabel;

export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

/** apimachineryvalidation.ValidateNonnegativeField. */
export function validateNonnegativeField(value: number, fldPath: Path): ErrorList {
  return value < 0 ? [invalid(fldPath, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** apimachineryvalidation.ValidateImmutableField (apiequality.Semantic.DeepEqual on the JSON values). */
export function validateImmutableField(newVal: JsonValue | undefined, oldVal: JsonValue | undefined, fldPath: Path): ErrorList {
  return deepEqual(oldVal ?? null, newVal ?? null) ? [] : [invalid(fldPath, (newVal ?? null) as JsonValue, FIELD_IMMUTABLE_ERROR_MSG)];
}

// ---- pkg/apis/meta/v1/validation ----

/** unversionedvalidation.ValidateLabelName. */
export function validateLabelName(labelName: string, fldPath: Path): ErrorList {
  return isQualifiedName(labelName).map((m) => invalid(fldPath, labelName, m));
}

/** unversionedvalidation.ValidateLabels. */
export function validateLabels(labels: Record<string, string>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  for (const k of sortedKeys(labels)) {
    errs.push(...validateLabelName(k, fldPath));
    for (const m of isValidLabelValue(labels[k])) errs.push(invalid(fldPath, labels[k], m));
  }
  return errs;
}

/** unversionedvalidation.ValidateLabelSelector (opts.AllowInvalidLabelValueInSelector as given). */
export function validateLabelSelector(ps: JsonObject | undefined, allowInvalidLabelValueInSelector: boolean, fldPath: Path): ErrorList {
  if (!ps) return [];
  const errs = validateLabels(asStringMap(ps.matchLabels), fldPath.child('matchLabels'));
  asList(ps.matchExpressions).forEach((e, i) => {
    const sr = asObject(e) ?? {};
    const p = fldPath.child('matchExpressions').index(i);
    const op = asString(sr.operator);
    const values = asList(sr.values).map(asString);
    if (op === 'In' || op === 'NotIn') {
      if (values.length === 0) errs.push(required(p.child('values'), "must be specified when `operator` is 'In' or 'NotIn'"));
    } else if (op === 'Exists' || op === 'DoesNotExist') {
      if (values.length > 0) errs.push(forbidden(p.child('values'), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
    } else {
      errs.push(invalid(p.child('operator'), op, 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(asString(sr.key), p.child('key')));
    if (!allowInvalidLabelValueInSelector) {
      values.forEach((v, vi) => {
        for (const m of isValidLabelValue(v)) errs.push(invalid(p.child('values').index(vi), v, m));
      });
    }
  });
  return errs;
}

// ---- pkg/api/validation/objectmeta.go ----

const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

/** apimachineryvalidation.ValidateAnnotations. */
export function validateAnnotations(annotations: Record<string, string>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  let total = 0;
  for (const k of sortedKeys(annotations)) {
    for (const m of isQualifiedName(k.toLowerCase())) errs.push(invalid(fldPath, k, m));
    total += byteLength(k) + byteLength(annotations[k]);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(fldPath, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/** apimachineryvalidation.ValidateFinalizerName. */
export function validateFinalizerNameGeneric(value: string, fldPath: Path): ErrorList {
  return isQualifiedName(value).map((m) => invalid(fldPath, value, m));
}

function validateOwnerReferences(refs: JsonValue[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  let firstControllerName = '';
  for (const r of refs) {
    const ref = asObject(r) ?? {};
    const apiVersion = asString(ref.apiVersion);
    const kind = asString(ref.kind);
    // schema.FromAPIVersionAndKind: a malformed group/version leaves only the kind.
    const parts = apiVersion.split('/');
    let group = '';
    let version = '';
    if (apiVersion === '') version = '';
    else if (parts.length === 1) version = parts[0];
    else if (parts.length === 2) [group, version] = parts;
    if (version.length === 0) errs.push(invalid(fldPath.child('apiVersion'), apiVersion, 'version must not be empty'));
    if (kind.length === 0) errs.push(invalid(fldPath.child('kind'), kind, 'must not be empty'));
    if (asString(ref.name).length === 0) errs.push(invalid(fldPath.child('name'), asString(ref.name), 'must not be empty'));
    if (asString(ref.uid).length === 0) errs.push(invalid(fldPath.child('uid'), asString(ref.uid), 'must not be empty'));
    if (group === '' && version === 'v1' && kind === 'Event') {
      errs.push(invalid(fldPath, ref, '/v1, Kind=Event is disallowed from being an owner'));
    }
    if (ref.controller === true) {
      const cur = `${kind}/${asString(ref.name)}`;
      if (firstControllerName !== '') {
        errs.push(
          invalid(
            fldPath,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstControllerName} and ${cur}`,
          ),
        );
      } else {
        firstControllerName = cur;
      }
    }
  }
  return errs;
}

function validateFinalizers(finalizers: string[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  for (const f of finalizers) errs.push(...validateFinalizerNameGeneric(f, fldPath));
  if (finalizers.includes('foregroundDeletion') && finalizers.includes('orphan')) {
    errs.push(invalid(fldPath, finalizers, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  return errs;
}

function validateManagedFields(list: JsonValue[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  list.forEach((e, i) => {
    const f = asObject(e) ?? {};
    const p = fldPath.index(i);
    const op = asString(f.operation);
    if (op !== 'Apply' && op !== 'Update') errs.push(invalid(p.child('operation'), op, 'must be `Apply` or `Update`'));
    const ft = asString(f.fieldsType);
    if (ft.length > 0 && ft !== 'FieldsV1') errs.push(invalid(p.child('fieldsType'), ft, 'must be `FieldsV1`'));
    if (byteLength(asString(f.manager)) > 128) errs.push(tooLong(p.child('manager'), 128));
    if (byteLength(asString(f.subresource)) > 256) errs.push(tooLong(p.child('subresource'), 256));
  });
  return errs;
}

function commonMeta(meta: JsonObject, requiresNamespace: boolean, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const ns = asString(meta.namespace);
  if (requiresNamespace) {
    if (ns.length === 0) errs.push(required(fldPath.child('namespace')));
    else for (const m of validateNamespaceName(ns, false)) errs.push(invalid(fldPath.child('namespace'), ns, m));
  } else if (ns.length !== 0) {
    errs.push(forbidden(fldPath.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(asOptionalInt(meta.generation) ?? 0, fldPath.child('generation')));
  errs.push(...validateLabels(asStringMap(meta.labels), fldPath.child('labels')));
  errs.push(...validateAnnotations(asStringMap(meta.annotations), fldPath.child('annotations')));
  errs.push(...validateOwnerReferences(asList(meta.ownerReferences), fldPath.child('ownerReferences')));
  errs.push(...validateFinalizers(asList(meta.finalizers).map(asString), fldPath.child('finalizers')));
  errs.push(...validateManagedFields(asList(meta.managedFields), fldPath.child('managedFields')));
  return errs;
}

/** apimachineryvalidation.ValidateObjectMeta (ValidateObjectMetaAccessor). */
export function validateObjectMeta(meta: JsonObject | undefined, requiresNamespace: boolean, nameFn: NameFn, fldPath: Path): ErrorList {
  const m = meta ?? {};
  const errs: ErrorList = [];
  const generateName = asString(m.generateName);
  if (generateName.length !== 0) {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(fldPath.child('generateName'), generateName, msg));
  }
  const name = asString(m.name);
  if (name.length === 0) errs.push(required(fldPath.child('name'), 'name or generateName is required'));
  else for (const msg of nameFn(name, false)) errs.push(invalid(fldPath.child('name'), name, msg));
  errs.push(...commonMeta(m, requiresNamespace, fldPath));
  return errs;
}

/** apimachineryvalidation.ValidateObjectMetaUpdate (ValidateObjectMetaAccessorUpdate). */
export function validateObjectMetaUpdate(newMeta: JsonObject | undefined, oldMeta: JsonObject | undefined, fldPath: Path): ErrorList {
  const n = newMeta ?? {};
  const o = oldMeta ?? {};
  const errs: ErrorList = [];
  if (o.deletionTimestamp !== undefined && o.deletionTimestamp !== null) {
    const oldF = new Set(asList(o.finalizers).map(asString));
    const extra = [...new Set(asList(n.finalizers).map(asString))].filter((f) => !oldF.has(f)).sort();
    if (extra.length !== 0) {
      errs.push(
        forbidden(
          fldPath.child('finalizers'),
          `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((e) => JSON.stringify(e)).join(', ')}}`,
        ),
      );
    }
  }
  if (asString(n.resourceVersion).length === 0) errs.push(invalid(fldPath.child('resourceVersion'), asString(n.resourceVersion), 'must be specified for an update'));
  const ng = asOptionalInt(n.generation) ?? 0;
  if (ng < (asOptionalInt(o.generation) ?? 0)) errs.push(invalid(fldPath.child('generation'), ng, 'must not be decremented'));
  errs.push(...validateImmutableField(asString(n.name), asString(o.name), fldPath.child('name')));
  errs.push(...validateImmutableField(asString(n.namespace), asString(o.namespace), fldPath.child('namespace')));
  errs.push(...validateImmutableField(asString(n.uid), asString(o.uid), fldPath.child('uid')));
  errs.push(...validateImmutableField(n.creationTimestamp ?? null, o.creationTimestamp ?? null, fldPath.child('creationTimestamp')));
  errs.push(...validateImmutableField(n.deletionTimestamp ?? null, o.deletionTimestamp ?? null, fldPath.child('deletionTimestamp')));
  errs.push(...validateImmutableField(n.deletionGracePeriodSeconds ?? null, o.deletionGracePeriodSeconds ?? null, fldPath.child('deletionGracePeriodSeconds')));
  errs.push(...validateLabels(asStringMap(n.labels), fldPath.child('labels')));
  errs.push(...validateAnnotations(asStringMap(n.annotations), fldPath.child('annotations')));
  errs.push(...validateOwnerReferences(asList(n.ownerReferences), fldPath.child('ownerReferences')));
  errs.push(...validateManagedFields(asList(n.managedFields), fldPath.child('managedFields')));
  return errs;
}

// ---- TODO(shared): pkg/apis/core/validation resource helpers, from ./resources.ts once it lands ----

/** A quantity field: undefined when absent or unparsable (the decoder refuses those with a 400 before validation). */
export function quantityAt(v: unknown): Quantity | undefined {
  return Quantity.tryParse(v);
}

/** ValidateNonnegativeQuantity. */
export function validateNonnegativeQuantity(value: Quantity, fldPath: Path): ErrorList {
  return value.sign() < 0 ? [invalid(fldPath, value.toString(), IS_NEGATIVE_ERROR_MSG)] : [];
}

/** ValidatePositiveQuantityValue. */
export function validatePositiveQuantityValue(value: Quantity, fldPath: Path): ErrorList {
  return value.sign() <= 0 ? [invalid(fldPath, value.toString(), 'must be greater than zero')] : [];
}

/** ValidateResourceQuantityValue. */
export function validateResourceQuantityValue(resource: string, value: Quantity, fldPath: Path): ErrorList {
  const errs = validateNonnegativeQuantity(value, fldPath);
  if (isIntegerResourceName(resource) && value.milliValue() % 1000 !== 0) errs.push(invalid(fldPath, value.toString(), 'must be an integer'));
  return errs;
}

/** validateBasicResource. */
export function validateBasicResource(quantity: Quantity, fldPath: Path): ErrorList {
  return quantity.value() < 0 ? [invalid(fldPath, quantity.value(), 'must be a valid resource quantity')] : [];
}

/** validateResourceName. */
export function validateResourceName(value: string, fldPath: Path): ErrorList {
  const errs = isQualifiedName(value).map((m) => invalid(fldPath, value, m));
  if (errs.length !== 0) return errs;
  if (!value.includes('/') && !isStandardResourceName(value)) {
    errs.push(invalid(fldPath, value, 'must be a standard resource type or fully qualified'));
  }
  return errs;
}

/** validateContainerResourceName. */
export function validateContainerResourceName(value: string, fldPath: Path): ErrorList {
  const errs = validateResourceName(value, fldPath);
  if (!value.includes('/')) {
    if (!isStandardContainerResourceName(value)) errs.push(invalid(fldPath, value, 'must be a standard resource for containers'));
  } else if (!isNativeResource(value) && !isExtendedResourceName(value)) {
    errs.push(invalid(fldPath, value, "doesn't follow extended resource name standard"));
  }
  return errs;
}

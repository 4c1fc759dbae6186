// ObjectMeta validation every kind shares: on create, a name (or
// generateName) that the kind's name rule accepts, a namespace exactly when
// the kind is namespaced, labels, annotations (256 KiB in all), owner
// references, finalizers and managedFields; on update, the fields that never
// change (name, namespace, uid, creationTimestamp, deletion fields).
// src: staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go, generic.go,
//      staging/src/k8s.io/apimachinery/pkg/api/validation/path/name.go
//
// Inputs are the v1 JSON `metadata` object, read with json.ts. Go ranges over
// maps in random order; keys are taken sorted here.

import { forbidden, internalError, invalid, required, tooLong } from './field-errors.ts';
import type { BadValue, ErrorList } from './field-errors.ts';
import type { Path } from './field-path.ts';
import { goQuote } from './go-strconv.ts';
import { compareGoStrings, deepEqual } from './go-values.ts';
import type { JsonValue } from './go-values.ts';
import { asInt, asList, asObject, asOptionalBool, asOptionalInt, asString, asStringMap } from './json.ts';
import { validateLabels, validateManagedFields } from './meta-v1-validation.ts';
import { rfc3339 } from './time.ts';
import { isPathSegmentName, isPathSegmentPrefix, utf8Length } from './validate-content.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from './validation.ts';

/** FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';
/** TotalAnnotationSizeLimitB: 256 KiB of keys and values together. */
export const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);
/** IsNegativeErrorMsg. */
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';
/** metav1.FinalizerOrphanDependents. */
export const FINALIZER_ORPHAN_DEPENDENTS = 'orphan';
/** metav1.FinalizerDeleteDependents. */
export const FINALIZER_DELETE_DEPENDENTS = 'foregroundDeletion';

// --- generic.go ---

/**
 * ValidateNameFunc: the problems with a name; `prefix` is true for a
 * generateName, which gets a suffix appended.
 */
export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

/** ValidateNameFuncWithErrors: a name check that builds its own field errors. */
export type ValidateNameFuncWithErrors = (fldPath: Path, name: string) => ErrorList;

/**
 * maskTrailingDash (generic.go): for a generateName ending in '-', replaces
 * the last character with 'a' so the prefix validates as a name. Upstream
 * slices off two characters, so "b-" becomes "a"; that is kept.
 */
export function maskTrailingDash(name: string): string {
  if (name.length > 1 && name.endsWith('-')) return `${name.slice(0, name.length - 2)}a`;
  return name;
}

/** NameIsDNSSubdomain: most kinds (ConfigMap, Deployment, ...). */
export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) => isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

/** NameIsDNSLabel: e.g. Namespace, and the namespace of every object. */
export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) => isDNS1123Label(prefix ? maskTrailingDash(name) : name);

/** NameIsDNS1035Label: e.g. Service. */
export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) => isDNS1035Label(prefix ? maskTrailingDash(name) : name);

/** ValidateNamespaceName: NameIsDNSLabel. */
export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;

/** ValidateServiceAccountName: NameIsDNSSubdomain. */
export const validateServiceAccountName: ValidateNameFunc = nameIsDNSSubdomain;

/** path.ValidatePathSegmentName: names only safe in a URL path (e.g. RBAC roles). */
export const validatePathSegmentName: ValidateNameFunc = (name, prefix) => (prefix ? isPathSegmentPrefix(name) : isPathSegmentName(name));

/** ValidateNonnegativeField. */
export function validateNonnegativeField(value: number, fldPath: Path): ErrorList {
  return value < 0 ? [invalid(fldPath, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

// --- objectmeta.go ---

/** ValidateAnnotationsSize: the error text when keys and values exceed 256 KiB (bytes), else null. */
export function validateAnnotationsSize(annotations: Readonly<Record<string, string>>): string | null {
  let total = 0;
  for (const k of Object.keys(annotations)) total += utf8Length(k) + utf8Length(annotations[k]);
  return total > TOTAL_ANNOTATION_SIZE_LIMIT_B ? `annotations size ${total} is larger than limit ${TOTAL_ANNOTATION_SIZE_LIMIT_B}` : null;
}

/** ValidateAnnotations: keys are label keys once lower-cased; 256 KiB in all. */
export function validateAnnotations(annotations: Readonly<Record<string, string>>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  for (const k of Object.keys(annotations).sort(compareGoStrings)) {
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(invalid(fldPath, k, msg));
  }
  if (validateAnnotationsSize(annotations) !== null) errs.push(tooLong(fldPath, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

// metav1.OwnerReference as json.Marshal writes it (struct field order, nil pointers left out).
function ownerReferenceValue(ref: Record<string, unknown>): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {
    apiVersion: asString(ref.apiVersion),
    kind: asString(ref.kind),
    name: asString(ref.name),
    uid: asString(ref.uid),
  };
  const controller = asOptionalBool(ref.controller);
  if (controller !== undefined) out.controller = controller;
  const blockOwnerDeletion = asOptionalBool(ref.blockOwnerDeletion);
  if (blockOwnerDeletion !== undefined) out.blockOwnerDeletion = blockOwnerDeletion;
  return out;
}

/** schema.ParseGroupVersion / FromAPIVersionAndKind: a malformed apiVersion leaves group and version empty. */
function groupVersionOf(apiVersion: string): { group: string; version: string } {
  if (apiVersion === '' || apiVersion === '/') return { group: '', version: '' };
  const parts = apiVersion.split('/');
  if (parts.length === 1) return { group: '', version: apiVersion };
  if (parts.length === 2) return { group: parts[0], version: parts[1] };
  return { group: '', version: '' };
}

// BannedOwners: an Event may not own anything.
const BANNED_OWNERS = new Set(['/v1, Kind=Event']);

function validateOwnerReference(ref: Record<string, unknown>, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const apiVersion = asString(ref.apiVersion);
  const kind = asString(ref.kind);
  const { group, version } = groupVersionOf(apiVersion);
  if (version.length === 0) errs.push(invalid(fldPath.child('apiVersion'), apiVersion, 'version must not be empty'));
  if (kind.length === 0) errs.push(invalid(fldPath.child('kind'), kind, 'must not be empty'));
  if (asString(ref.name).length === 0) errs.push(invalid(fldPath.child('name'), asString(ref.name), 'must not be empty'));
  if (asString(ref.uid).length === 0) errs.push(invalid(fldPath.child('uid'), asString(ref.uid), 'must not be empty'));
  // GroupVersionKind.String(): "group/version, Kind=kind".
  const gvk = `${group}/${version}, Kind=${kind}`;
  if (BANNED_OWNERS.has(gvk)) errs.push(invalid(fldPath, ownerReferenceValue(ref), `${gvk} is disallowed from being an owner`));
  return errs;
}

/** ValidateOwnerReferences: each reference complete and allowed; at most one controller. */
export function validateOwnerReferences(ownerReferences: unknown, fldPath: Path): ErrorList {
  const refs = asList(ownerReferences).map((r) => asObject(r) ?? {});
  const errs: ErrorList = [];
  let firstControllerName = '';
  for (const ref of refs) {
    errs.push(...validateOwnerReference(ref, fldPath));
    if (asOptionalBool(ref.controller) === true) {
      const curControllerName = `${asString(ref.kind)}/${asString(ref.name)}`;
      if (firstControllerName !== '') {
        errs.push(
          invalid(
            fldPath,
            refs.map(ownerReferenceValue),
            `Only one reference can have Controller set to true. Found "true" in references for ${firstControllerName} and ${curControllerName}`,
          ),
        );
      } else {
        firstControllerName = curControllerName;
      }
    }
  }
  return errs;
}

/** ValidateFinalizerName: a label key. */
export function validateFinalizerName(stringValue: string, fldPath: Path): ErrorList {
  return isQualifiedName(stringValue).map((msg) => invalid(fldPath, stringValue, msg));
}

/** ValidateFinalizers: each a valid name; "orphan" and "foregroundDeletion" not both. */
export function validateFinalizers(finalizers: readonly string[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  for (const f of finalizers) errs.push(...validateFinalizerName(f, fldPath));
  if (finalizers.includes(FINALIZER_DELETE_DEPENDENTS) && finalizers.includes(FINALIZER_ORPHAN_DEPENDENTS)) {
    errs.push(invalid(fldPath, [...finalizers], `finalizer ${FINALIZER_ORPHAN_DEPENDENTS} and ${FINALIZER_DELETE_DEPENDENTS} cannot be both set`));
  }
  return errs;
}

// fmt's %#v of a []string: []string{"a", "b"}.
function goSharpVStrings(list: readonly string[]): string {
  return `[]string{${list.map((s) => goQuote(s)).join(', ')}}`;
}

/** ValidateNoNewFinalizers: while an object is being deleted, no finalizer may be added. */
export function validateNoNewFinalizers(newFinalizers: readonly string[], oldFinalizers: readonly string[], fldPath: Path): ErrorList {
  const old = new Set(oldFinalizers);
  const extra = [...new Set(newFinalizers)].filter((f) => !old.has(f)).sort(compareGoStrings);
  if (extra.length === 0) return [];
  return [forbidden(fldPath, `no new finalizers can be added if the object is being deleted, found new finalizers ${goSharpVStrings(extra)}`)];
}

/**
 * ValidateImmutableField: `newVal` must equal `oldVal` (JSON deep equality;
 * pass timestamps through `timeValue` so equal instants compare equal).
 */
export function validateImmutableField(newVal: BadValue, oldVal: BadValue, fldPath: Path): ErrorList {
  return deepEqual(newVal as JsonValue, oldVal as JsonValue) ? [] : [invalid(fldPath, newVal, FIELD_IMMUTABLE_ERROR_MSG)];
}

const ZERO_TIME_MS = Date.parse('0001-01-01T00:00:00Z');

/**
 * A metav1.Time field as Semantic.DeepEqual compares it and json.Marshal
 * prints it: null when zero or absent, else RFC 3339 UTC in whole seconds.
 * A string that does not parse is kept as written (the decoder refuses it).
 */
export function timeValue(v: unknown): string | null {
  if (v === undefined || v === null || v === '') return null;
  if (typeof v !== 'string') return null;
  const ms = Date.parse(v);
  if (Number.isNaN(ms)) return v;
  return ms === ZERO_TIME_MS ? null : rfc3339(ms);
}

function commonChecks(meta: Record<string, unknown>, isNamespaced: boolean, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  const namespace = asString(meta.namespace);
  if (isNamespaced) {
    if (namespace.length === 0) errs.push(required(fldPath.child('namespace'), ''));
    else for (const msg of validateNamespaceName(namespace, false)) errs.push(invalid(fldPath.child('namespace'), namespace, msg));
  } else if (namespace.length !== 0) {
    errs.push(forbidden(fldPath.child('namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(asInt(meta.generation), fldPath.child('generation')));
  errs.push(...validateLabels(asStringMap(meta.labels), fldPath.child('labels')));
  errs.push(...validateAnnotations(asStringMap(meta.annotations), fldPath.child('annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, fldPath.child('ownerReferences')));
  errs.push(...validateFinalizers(asList(meta.finalizers).map(asString), fldPath.child('finalizers')));
  errs.push(...validateManagedFields(meta.managedFields, fldPath.child('managedFields')));
  return errs;
}

/**
 * ValidateObjectMeta / ValidateObjectMetaAccessor on create (after name
 * generation): generateName and name by `nameFn`, name required, then the
 * namespace rule and the common checks.
 */
export function validateObjectMeta(meta: unknown, requiresNamespace: boolean, nameFn: ValidateNameFunc, fldPath: Path): ErrorList {
  const m = asObject(meta) ?? {};
  const errs: ErrorList = [];
  const generateName = asString(m.generateName);
  if (generateName.length !== 0) {
    for (const msg of nameFn(generateName, true)) errs.push(invalid(fldPath.child('generateName'), generateName, msg));
  }
  // A generated name that fails while its generateName passes is a generation bug; upstream still reports it.
  const name = asString(m.name);
  if (name.length === 0) errs.push(required(fldPath.child('name'), 'name or generateName is required'));
  else for (const msg of nameFn(name, false)) errs.push(invalid(fldPath.child('name'), name, msg));
  return [...errs, ...commonChecks(m, requiresNamespace, fldPath)];
}

/** ValidateObjectMetaAccessor: the same checks as validateObjectMeta (the JSON needs no accessor). */
export const validateObjectMetaAccessor = validateObjectMeta;

/**
 * ValidateObjectMetaWithOpts / ValidateObjectMetaAccessorWithOpts: as
 * validateObjectMeta, but generateName is not checked itself (only the name
 * generated from it), and the name check builds its own errors.
 */
export function validateObjectMetaWithOpts(meta: unknown, isNamespaced: boolean, nameFn: ValidateNameFuncWithErrors, fldPath: Path): ErrorList {
  const m = asObject(meta) ?? {};
  const errs: ErrorList = [];
  const generateName = asString(m.generateName);
  const name = asString(m.name);
  if (generateName.length !== 0 && name.length === 0) {
    errs.push(internalError(fldPath.child('name'), `generateName was specified (${goQuote(generateName)}), but no name was generated`));
  }
  if (name.length === 0) errs.push(required(fldPath.child('name'), 'name or generateName is required'));
  else errs.push(...nameFn(fldPath.child('name'), name));
  return [...errs, ...commonChecks(m, isNamespaced, fldPath)];
}

/**
 * ValidateObjectMetaUpdate / ValidateObjectMetaAccessorUpdate: no new
 * finalizers while deleting, resourceVersion given, generation not lowered,
 * identity and deletion fields unchanged, then labels, annotations, owner
 * references and managedFields of the new object (finalizer names are not
 * re-checked, as upstream).
 */
export function validateObjectMetaUpdate(newMeta: unknown, oldMeta: unknown, fldPath: Path): ErrorList {
  const n = asObject(newMeta) ?? {};
  const o = asObject(oldMeta) ?? {};
  const errs: ErrorList = [];
  if (o.deletionTimestamp !== undefined && o.deletionTimestamp !== null) {
    errs.push(...validateNoNewFinalizers(asList(n.finalizers).map(asString), asList(o.finalizers).map(asString), fldPath.child('finalizers')));
  }
  const resourceVersion = asString(n.resourceVersion);
  if (resourceVersion.length === 0) errs.push(invalid(fldPath.child('resourceVersion'), resourceVersion, 'must be specified for an update'));
  const generation = asInt(n.generation);
  if (generation < asInt(o.generation)) errs.push(invalid(fldPath.child('generation'), generation, 'must not be decremented'));
  errs.push(...validateImmutableField(asString(n.name), asString(o.name), fldPath.child('name')));
  errs.push(...validateImmutableField(asString(n.namespace), asString(o.namespace), fldPath.child('namespace')));
  errs.push(...validateImmutableField(asString(n.uid), asString(o.uid), fldPath.child('uid')));
  errs.push(...validateImmutableField(timeValue(n.creationTimestamp), timeValue(o.creationTimestamp), fldPath.child('creationTimestamp')));
  errs.push(...validateImmutableField(timeValue(n.deletionTimestamp), timeValue(o.deletionTimestamp), fldPath.child('deletionTimestamp')));
  errs.push(
    ...validateImmutableField(
      asOptionalInt(n.deletionGracePeriodSeconds) ?? null,
      asOptionalInt(o.deletionGracePeriodSeconds) ?? null,
      fldPath.child('deletionGracePeriodSeconds'),
    ),
  );
  errs.push(...validateLabels(asStringMap(n.labels), fldPath.child('labels')));
  errs.push(...validateAnnotations(asStringMap(n.annotations), fldPath.child('annotations')));
  errs.push(...validateOwnerReferences(n.ownerReferences, fldPath.child('ownerReferences')));
  errs.push(...validateManagedFields(n.managedFields, fldPath.child('managedFields')));
  return errs;
}

/** ValidateObjectMetaAccessorUpdate: the same checks as validateObjectMetaUpdate. */
export const validateObjectMetaAccessorUpdate = validateObjectMetaUpdate;

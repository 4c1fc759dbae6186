// Structural schemas: the rules kube-apiserver applies to a CRD's
// openAPIV3Schema before it serves the CRD (apiextensions.k8s.io/v1 requires them).
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/validation.go
//      (ValidateStructural, validateStructuralInvariants, validateStructuralMetadataInvariants,
//       validateExtensions, validateValueValidation, validateNestedValueValidation)
//      staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/structural.go (Generic, Extensions, ValueValidation)

import { Path } from '../apimachinery/field-path.ts';
import { errorString, forbidden, invalid, required, type FieldErr } from '../apimachinery/field-errors.ts';
import { compareGoStrings } from '../apimachinery/go-values.ts';
import { isPlainObject, type JSONSchemaProps } from './schema-types.ts';

type Level = 'root' | 'item' | 'field';

/** Parses "a.b[c].d[0]" (field.Path's printed form) back into a Path. */
export function parsePath(s: string): Path {
  let p = Path.ROOT;
  const re = /([^.[\]]+)|\[([^\]]*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    if (m[1] !== undefined) p = p.child(m[1]);
    else if (/^\d+$/.test(m[2])) p = p.index(Number(m[2]));
    else p = p.key(m[2]);
  }
  return p;
}

const asSchema = (v: unknown): JSONSchemaProps | undefined => (isPlainObject(v) ? (v as JSONSchemaProps) : undefined);

function props(s: JSONSchemaProps): [string, JSONSchemaProps][] {
  if (!isPlainObject(s.properties)) return [];
  return Object.keys(s.properties)
    .sort(compareGoStrings)
    .map((k) => [k, asSchema((s.properties as Record<string, unknown>)[k]) ?? {}]);
}

const typeOf = (s: JSONSchemaProps | undefined): string => (s && typeof s.type === 'string' ? s.type : '');

/** ValidateStructural: every violation, sorted by message as upstream sorts them. */
export function validateStructural(schema: JSONSchemaProps, fldPath: string): FieldErr[] {
  const errs = invariants(schema, 'root', parsePath(fldPath));
  const keyed = errs.map((e) => ({ e, k: errorString(e) }));
  keyed.sort((a, b) => compareGoStrings(a.k, b.k));
  return keyed.map((x) => x.e);
}

function invariants(s: JSONSchemaProps, lvl: Level, path: Path): FieldErr[] {
  const errs: FieldErr[] = [];
  const type = typeOf(s);
  const items = asSchema(s.items);
  if (type === 'array' && !items) errs.push(required(path.child('items'), 'must be specified'));
  if (items) errs.push(...invariants(items, 'item', path.child('items')));
  for (const [k, v] of props(s)) errs.push(...invariants(v, 'field', path.child('properties').key(k)));

  const hasAdditional = s.additionalProperties !== undefined && s.additionalProperties !== null;
  if (hasAdditional) {
    if (lvl === 'root') errs.push(forbidden(path.child('additionalProperties'), 'must not be used at the root'));
    const add = asSchema(s.additionalProperties);
    if (add) errs.push(...invariants(add, 'field', path.child('additionalProperties')));
  }

  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const preserve = s['x-kubernetes-preserve-unknown-fields'] === true;
  const embedded = s['x-kubernetes-embedded-resource'] === true;
  // validateExtensions
  if (intOrString && preserve) errs.push(invalid(path.child('x-kubernetes-preserve-unknown-fields'), true, 'must be false if x-kubernetes-int-or-string is true'));
  if (intOrString && embedded) errs.push(invalid(path.child('x-kubernetes-embedded-resource'), true, 'must be false if x-kubernetes-int-or-string is true'));

  errs.push(...valueValidation(s, isIntOrStringAnyOf(s.anyOf), isIntOrStringAllOf(s), lvl, path));

  const checkMetadata = lvl === 'root' || embedded;
  if (embedded && type !== 'object') {
    if (type.length === 0) errs.push(required(path.child('type'), 'must be object if x-kubernetes-embedded-resource is true'));
    else errs.push(invalid(path.child('type'), type, 'must be object if x-kubernetes-embedded-resource is true'));
  } else if (type.length === 0 && !intOrString && !preserve) {
    const detail = { root: 'must not be empty at the root', item: 'must not be empty for specified array items', field: 'must not be empty for specified object fields' }[lvl];
    errs.push(required(path.child('type'), detail));
  }
  if (embedded && hasAdditional) errs.push(forbidden(path.child('additionalProperties'), 'must not be used if x-kubernetes-embedded-resource is set'));
  if (lvl === 'root' && type.length > 0 && type !== 'object') errs.push(invalid(path.child('type'), type, 'must be object at the root'));

  const own = (k: string): JSONSchemaProps | undefined =>
    isPlainObject(s.properties) && Object.prototype.hasOwnProperty.call(s.properties, k) ? asSchema((s.properties as Record<string, unknown>)[k]) ?? {} : undefined;
  const kind = own('kind');
  if (kind && checkMetadata && typeOf(kind) !== 'string') errs.push(invalid(path.child('properties').key('kind').child('type'), typeOf(kind), 'must be string'));
  const apiVersion = own('apiVersion');
  if (apiVersion && checkMetadata && typeOf(apiVersion) !== 'string') errs.push(invalid(path.child('properties').key('apiVersion').child('type'), typeOf(apiVersion), 'must be string'));
  const metadata = own('metadata');
  if (metadata) errs.push(...metadataInvariants(metadata, checkMetadata, lvl, path.child('properties').key('metadata')));

  if (embedded && !preserve && props(s).length === 0) {
    errs.push(required(path.child('properties'), 'must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields'));
  }
  return errs;
}

/** The keys a root metadata schema may hold besides name/generateName restrictions (Structural's fields that are zeroed before the comparison). */
const METADATA_IGNORED = new Set(['type', 'default', 'properties', 'example', 'id', '$schema']);

function metadataInvariants(s: JSONSchemaProps, checkMetadata: boolean, lvl: Level, path: Path): FieldErr[] {
  const errs: FieldErr[] = [];
  if (checkMetadata && typeOf(s) !== 'object') errs.push(invalid(path.child('type'), typeOf(s), 'must be object'));
  if (lvl === 'root') {
    const names = props(s).map(([k]) => k);
    const onlyNames = names.every((k) => k === 'name' || k === 'generateName');
    // Anything else than type, default and properties restricting name/generateName is "implicitly specified" metadata.
    const others = Object.keys(s).filter((k) => !METADATA_IGNORED.has(k) && s[k] !== undefined && s[k] !== null && s[k] !== false);
    if (!onlyNames || others.length > 0) {
      errs.push(forbidden(path, 'must not specify anything other than name and generateName, but metadata is implicitly specified'));
    }
  }
  return errs;
}

function isIntOrStringPair(list: unknown): boolean {
  if (!Array.isArray(list) || list.length !== 2) return false;
  const [a, b] = list.map(asSchema);
  const only = (x: JSONSchemaProps | undefined, t: string): boolean => !!x && Object.keys(x).length === 1 && x.type === t;
  return only(a, 'integer') && only(b, 'string');
}
function isIntOrStringAnyOf(anyOf: unknown): boolean {
  return isIntOrStringPair(anyOf);
}
function isIntOrStringAllOf(s: JSONSchemaProps): boolean {
  return Array.isArray(s.allOf) && s.allOf.length >= 1 && isIntOrStringPair(asSchema(s.allOf[0])?.anyOf);
}

function valueValidation(v: JSONSchemaProps, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean, lvl: Level, path: Path): FieldErr[] {
  const errs: FieldErr[] = [];
  if (!skipAnyOf && Array.isArray(v.anyOf)) v.anyOf.forEach((x, i) => errs.push(...nested(asSchema(x) ?? {}, false, lvl, path.child('anyOf').index(i))));
  if (Array.isArray(v.allOf)) v.allOf.forEach((x, i) => errs.push(...nested(asSchema(x) ?? {}, skipFirstAllOfAnyOf && i === 0, lvl, path.child('allOf').index(i))));
  if (Array.isArray(v.oneOf)) v.oneOf.forEach((x, i) => errs.push(...nested(asSchema(x) ?? {}, false, lvl, path.child('oneOf').index(i))));
  const not = asSchema(v.not);
  if (not) errs.push(...nested(not, false, lvl, path.child('not')));
  // regexp.Compile (Go RE2); a JavaScript RegExp accepts a superset, so this catches only what neither accepts.
  if (typeof v.pattern === 'string' && v.pattern.length > 0) {
    try {
      new RegExp(v.pattern, 'u');
    } catch (e) {
      errs.push(invalid(path.child('pattern'), v.pattern, `must be a valid regular expression, but isn't: ${(e as Error).message}`));
    }
  }
  return errs;
}

function nested(v: JSONSchemaProps, skipAnyOf: boolean, lvl: Level, path: Path): FieldErr[] {
  const errs: FieldErr[] = [];
  errs.push(...valueValidation(v, skipAnyOf, false, lvl, path));
  const items = asSchema(v.items);
  if (items) errs.push(...nested(items, false, lvl, path.child('items')));
  for (const [k, fld] of props(v)) errs.push(...nested(fld, false, 'field', path.child('properties').key(k)));
  if (typeof v.type === 'string' && v.type.length > 0) errs.push(forbidden(path.child('type'), 'must be empty to be structural'));
  if (v.additionalProperties !== undefined && v.additionalProperties !== null) errs.push(forbidden(path.child('additionalProperties'), 'must be undefined to be structural'));
  if (v.default !== undefined && v.default !== null) errs.push(forbidden(path.child('default'), 'must be undefined to be structural'));
  if (typeof v.title === 'string' && v.title.length > 0) errs.push(forbidden(path.child('title'), 'must be empty to be structural'));
  if (typeof v.description === 'string' && v.description.length > 0) errs.push(forbidden(path.child('description'), 'must be empty to be structural'));
  if (v.nullable === true) errs.push(forbidden(path.child('nullable'), 'must be false to be structural'));
  if (v.externalDocs !== undefined && v.externalDocs !== null) errs.push(forbidden(path.child('externalDocs'), 'must be undefined to be structural'));
  if (v['x-kubernetes-preserve-unknown-fields'] === true) errs.push(forbidden(path.child('x-kubernetes-preserve-unknown-fields'), 'must be false to be structural'));
  if (v['x-kubernetes-embedded-resource'] === true) errs.push(forbidden(path.child('x-kubernetes-embedded-resource'), 'must be false to be structural'));
  if (v['x-kubernetes-int-or-string'] === true) errs.push(forbidden(path.child('x-kubernetes-int-or-string'), 'must be false to be structural'));
  if (Array.isArray(v['x-kubernetes-list-map-keys']) && (v['x-kubernetes-list-map-keys'] as unknown[]).length > 0) errs.push(forbidden(path.child('x-kubernetes-list-map-keys'), 'must be empty to be structural'));
  if (v['x-kubernetes-list-type'] !== undefined && v['x-kubernetes-list-type'] !== null) errs.push(forbidden(path.child('x-kubernetes-list-type'), 'must be undefined to be structural'));
  if (v['x-kubernetes-map-type'] !== undefined && v['x-kubernetes-map-type'] !== null) errs.push(forbidden(path.child('x-kubernetes-map-type'), 'must be undefined to be structural'));
  if (Array.isArray(v['x-kubernetes-validations']) && (v['x-kubernetes-validations'] as unknown[]).length > 0) errs.push(forbidden(path.child('x-kubernetes-validations'), 'must be empty to be structural'));
  if (isPlainObject(v.properties) && Object.prototype.hasOwnProperty.call(v.properties, 'metadata')) {
    errs.push(forbidden(path.child('properties').key('metadata'), 'must not be specified in a nested context'));
  }
  return errs;
}

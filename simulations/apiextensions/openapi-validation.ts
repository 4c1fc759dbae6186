// OpenAPI v3 validation of a custom object against its CRD version's schema,
// with kube-openapi's messages and the conversion to field errors that
// kube-apiserver returns in a 422.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/validation/validation.go (ValidateCustomResource)
//      k8s.io/kube-openapi/pkg/validation/validate (type, string, number, slice, object, common validators)
//      k8s.io/kube-openapi/pkg/validation/errors/schema.go (message formats)

import { Path } from '../apimachinery/field-path.ts';
import { invalid, notSupported, required, tooLong, tooMany, type FieldErr } from '../apimachinery/field-errors.ts';
import { goJsonMarshal } from '../apimachinery/go-json.ts';
import type { JsonValue } from '../apimachinery/json.ts';
import { compileGoRegexp } from './go-regexp.ts';
import { isPlainObject, propertyOf, additionalPropertiesOf, itemsOf, type JSONSchemaProps } from './schema-types.ts';

/** The openapi data type of a JSON value, as kube-openapi names it in "must be of type" errors. */
export function openAPIType(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return 'object';
}

/** `name in body` for a path: go-openapi's "%s in %s" with the path as its name. */
function where(name: string): string {
  return `${name} in body`;
}

function fieldPath(name: string): Path {
  return name.length === 0 ? Path.ROOT : Path.of(name);
}

/** A bad value as Go's %v or json.Marshal prints it. */
function badValue(v: unknown): string | number | boolean | null | object {
  if (v === undefined) return '';
  return v as string | number | boolean | null | object;
}

function matchesType(type: string, v: unknown): boolean {
  const t = openAPIType(v);
  if (type === 'number') return t === 'number' || t === 'integer';
  return t === type;
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return goJsonMarshal(a as JsonValue) === goJsonMarshal(b as JsonValue);
}

/** utf8.RuneCountInString for a JavaScript string (a surrogate pair is one rune). */
function runeCount(v: string): number {
  let n = v.length;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}

/**
 * Validates obj against schema; returns the field errors kube-apiserver would
 * return for a create (no errors for a valid object).
 */
export function validateAgainstSchema(schema: JSONSchemaProps, obj: unknown): FieldErr[] {
  const errs: FieldErr[] = [];
  validateNode(schema, obj, '', errs);
  return errs;
}

/** The go-openapi path name of a child: parent.key, parent[i], or the key at the root. */
function childName(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent.length > 0 ? `${parent}.${key}` : key;
}

function validateChild(s: JSONSchemaProps, v: unknown, parent: string, key: string | number, errs: FieldErr[]): void {
  // Scalars with nothing to check against cost no path string; a path is built only where it may be needed.
  validateNode(s, v, childName(parent, key), errs);
}

function validateNode(s: JSONSchemaProps, v: unknown, name: string, errs: FieldErr[]): void {
  // typeValidator: null is allowed only where nullable (or where no type is said).
  const intOrString = s['x-kubernetes-int-or-string'] === true;
  const type = typeof s.type === 'string' ? s.type : '';
  if (v === null) {
    if (s.nullable === true || (type === '' && !intOrString)) return;
    const typeText = intOrString ? 'integer,string' : type;
    errs.push(invalid(fieldPath(name), 'null', `${where(name)} must be of type ${typeText}: "null"`));
    return;
  }
  if (intOrString && type === '') {
    const t = openAPIType(v);
    if (t !== 'integer' && t !== 'string') {
      errs.push(invalid(fieldPath(name), t, `${where(name)} must be of type integer,string: ${JSON.stringify(t)}`));
    }
  } else if (type !== '' && !matchesType(type, v)) {
    const t = openAPIType(v);
    errs.push(invalid(fieldPath(name), t, `${where(name)} must be of type ${type}: ${JSON.stringify(t)}`));
  }
  validateSchemaProps(s, v, name, errs);

  if (typeof v === 'string') validateString(s, v, name, errs);
  if (typeof v === 'number') validateNumber(s, v, name, errs);
  if (Array.isArray(v)) validateSlice(s, v, name, errs);
  if (Array.isArray(s.enum) && s.enum.length > 0 && !s.enum.some((e) => jsonEqual(e, v))) {
    const values = s.enum.map((e) => (typeof e === 'string' ? e : goJsonMarshal(e as JsonValue)));
    errs.push(notSupported(fieldPath(name), badValue(v), values));
  }
  if (isPlainObject(v)) validateObject(s, v, name, errs);
}

function validateString(s: JSONSchemaProps, v: string, name: string, errs: FieldErr[]): void {
  const length = runeCount(v);
  if (typeof s.maxLength === 'number' && length > s.maxLength) errs.push(tooLong(fieldPath(name), s.maxLength));
  if (typeof s.minLength === 'number' && length < s.minLength) errs.push(invalid(fieldPath(name), v, `${where(name)} should be at least ${s.minLength} chars long`));
  if (typeof s.pattern === 'string' && s.pattern.length > 0) {
    const { re, error } = compileGoRegexp(s.pattern);
    if (error) errs.push(invalid(fieldPath(name), v, `${where(name)} should match '${s.pattern}, but pattern is invalid: ${error}'`));
    else if (re && !re.test(v)) errs.push(invalid(fieldPath(name), v, `${where(name)} should match '${s.pattern}'`));
  }
}

function validateNumber(s: JSONSchemaProps, v: number, name: string, errs: FieldErr[]): void {
  if (typeof s.multipleOf === 'number' && s.multipleOf > 0) {
    const q = v / s.multipleOf;
    if (Math.abs(q - Math.round(q)) > 1e-9) errs.push(invalid(fieldPath(name), v, `${where(name)} should be a multiple of ${s.multipleOf}`));
  }
  if (typeof s.maximum === 'number') {
    if (s.exclusiveMaximum === true ? v >= s.maximum : v > s.maximum) {
      errs.push(invalid(fieldPath(name), v, `${where(name)} should be less than ${s.exclusiveMaximum === true ? '' : 'or equal to '}${s.maximum}`));
    }
  }
  if (typeof s.minimum === 'number') {
    if (s.exclusiveMinimum === true ? v <= s.minimum : v < s.minimum) {
      errs.push(invalid(fieldPath(name), v, `${where(name)} should be greater than ${s.exclusiveMinimum === true ? '' : 'or equal to '}${s.minimum}`));
    }
  }
}

function validateSlice(s: JSONSchemaProps, v: unknown[], name: string, errs: FieldErr[]): void {
  if (typeof s.minItems === 'number' && v.length < s.minItems) errs.push(invalid(fieldPath(name), v, `${where(name)} should have at least ${s.minItems} items`));
  if (typeof s.maxItems === 'number' && v.length > s.maxItems) errs.push(tooMany(fieldPath(name), v.length, s.maxItems));
  if (s.uniqueItems === true) {
    const seen = new Set<string>();
    for (const item of v) {
      const key = goJsonMarshal(item as JsonValue);
      if (seen.has(key)) {
        errs.push(invalid(fieldPath(name), v, `${where(name)} shouldn't contain duplicates`));
        break;
      }
      seen.add(key);
    }
  }
  const items = itemsOf(s);
  if (items) for (let i = 0; i < v.length; i++) validateChild(items, v[i], name, i, errs);
}

function validateObject(s: JSONSchemaProps, v: Record<string, unknown>, name: string, errs: FieldErr[]): void {
  const n = typeof s.maxProperties === 'number' || typeof s.minProperties === 'number' ? Object.keys(v).length : 0;
  if (typeof s.maxProperties === 'number' && n > s.maxProperties) errs.push(tooMany(fieldPath(name), n, s.maxProperties));
  if (typeof s.minProperties === 'number' && n < s.minProperties) errs.push(invalid(fieldPath(name), v, `${where(name)} should have at least ${s.minProperties} properties`));
  if (Array.isArray(s.required)) {
    for (const k of s.required) {
      if (typeof k === 'string' && !Object.prototype.hasOwnProperty.call(v, k)) errs.push(required(fieldPath(childName(name, k)), ''));
    }
  }
  const additional = additionalPropertiesOf(s);
  const props = isPlainObject(s.properties) ? (s.properties as Record<string, unknown>) : undefined;
  for (const k in v) {
    if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
    const p = props !== undefined && Object.prototype.hasOwnProperty.call(props, k) ? props[k] : undefined;
    const prop = p === undefined ? undefined : isPlainObject(p) ? (p as JSONSchemaProps) : {};
    if (prop) validateChild(prop, v[k], name, k, errs);
    else if (additional?.schema) validateChild(additional.schema, v[k], name, k, errs);
  }
}

/**
 * schemaPropsValidator: allOf, anyOf, oneOf and not. Their own failures are
 * not field errors (go-openapi's CompositeError), so kube-apiserver reports
 * them at the nil path as `<nil>: Invalid value: "": ...`.
 */
function validateSchemaProps(s: JSONSchemaProps, v: unknown, name: string, errs: FieldErr[]): void {
  if (s.anyOf === undefined && s.oneOf === undefined && s.allOf === undefined && s.not === undefined) return;
  const subs = (list: unknown): JSONSchemaProps[] => (Array.isArray(list) ? list.filter(isPlainObject).map((x) => x as JSONSchemaProps) : []);
  const anyOf = subs(s.anyOf);
  if (anyOf.length > 0) {
    let best: FieldErr[] | null = null;
    let valid = false;
    for (const sub of anyOf) {
      const r: FieldErr[] = [];
      validateNode(sub, v, name, r);
      if (r.length === 0) {
        valid = true;
        break;
      }
      if (best === null) best = r;
    }
    if (!valid) {
      errs.push(composite(`${JSON.stringify(name)} must validate at least one schema (anyOf)`));
      if (best) errs.push(...best);
    }
  }
  const oneOf = subs(s.oneOf);
  if (oneOf.length > 0) {
    let validCount = 0;
    let best: FieldErr[] | null = null;
    for (const sub of oneOf) {
      const r: FieldErr[] = [];
      validateNode(sub, v, name, r);
      if (r.length === 0) validCount++;
      else if (best === null) best = r;
    }
    if (validCount !== 1) {
      const more = validCount === 0 ? 'Found none valid' : `Found ${validCount} valid alternatives`;
      errs.push(composite(`${JSON.stringify(name)} must validate one and only one schema (oneOf). ${more}`));
      if (validCount === 0 && best) errs.push(...best);
    }
  }
  const allOf = subs(s.allOf);
  if (allOf.length > 0) {
    let validated = 0;
    const all: FieldErr[] = [];
    for (const sub of allOf) {
      const r: FieldErr[] = [];
      validateNode(sub, v, name, r);
      if (r.length === 0) validated++;
      all.push(...r);
    }
    if (validated !== allOf.length) {
      errs.push(composite(`${JSON.stringify(name)} must validate all the schemas (allOf)${validated === 0 ? '. None validated' : ''}`));
    }
    errs.push(...all);
  }
  if (isPlainObject(s.not)) {
    const r: FieldErr[] = [];
    validateNode(s.not as JSONSchemaProps, v, name, r);
    if (r.length === 0) errs.push(composite(`${JSON.stringify(name)} must not validate the schema (not)`));
  }
}

/** field.Invalid(nil, "", err.Error()): a path-less error prints its path as <nil>. */
function composite(message: string): FieldErr {
  return { ...invalid(Path.ROOT, '', message), field: '<nil>', path: [] };
}

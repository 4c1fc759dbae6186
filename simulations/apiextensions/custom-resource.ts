// Creating a custom object as kube-apiserver's CRD handler does: find the
// served version, default, prune (unknown fields, unknown metadata fields, also
// inside embedded resources), then validate (ObjectMeta, the OpenAPI schema,
// embedded resources) and answer 201 or 422.
// src: staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/customresource_handler.go
//      (crdConversionRESTOptionsGetter / unstructuredDefaulter / schemaCoercingConverter order: default, then prune)
//      staging/src/k8s.io/apiextensions-apiserver/pkg/registry/customresource/validator.go (Validate)
//      staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/objectmeta/coerce.go (unknown metadata fields dropped)
//      staging/src/k8s.io/apiextensions-apiserver/pkg/apiserver/schema/objectmeta/validation.go (embedded apiVersion/kind)

import { deepCopy } from '../apimachinery/deep-copy.ts';
import { Path } from '../apimachinery/field-path.ts';
import { required, type FieldErr } from '../apimachinery/field-errors.ts';
import { newInvalid, StatusError } from '../apimachinery/api-errors.ts';
import type { JsonValue } from '../apimachinery/json.ts';
import { nameIsDNSSubdomain, validateObjectMeta } from '../apimachinery/object-meta-validation.ts';
import { applyDefaults, pruneNonNullableNullsWithoutDefaults } from './defaulting.ts';
import { prune } from './pruning.ts';
import { validateAgainstSchema } from './openapi-validation.ts';
import { isPlainObject, propertyOf, additionalPropertiesOf, itemsOf, type JSONSchemaProps } from './schema-types.ts';

/** ObjectMeta's JSON fields: anything else under metadata is dropped on decode. */
const OBJECT_META_FIELDS = new Set([
  'name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp',
  'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields',
]);

export interface CrdVersionInfo {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
  served: boolean;
  schema: JSONSchemaProps | null;
}

/** The CRD's version that serves apiVersion/kind, or a reason why none does. */
export function findVersion(crd: unknown, apiVersion: string, kind: string): CrdVersionInfo | { error: string } {
  const spec = isPlainObject(crd) && isPlainObject(crd.spec) ? crd.spec : {};
  const group = typeof spec.group === 'string' ? spec.group : '';
  const names = isPlainObject(spec.names) ? spec.names : {};
  const crdKind = typeof names.kind === 'string' ? names.kind : '';
  const plural = typeof names.plural === 'string' ? names.plural : '';
  const versions = Array.isArray(spec.versions) ? spec.versions : [];
  const slash = apiVersion.indexOf('/');
  const [g, v] = slash < 0 ? ['', apiVersion] : [apiVersion.slice(0, slash), apiVersion.slice(slash + 1)];
  const notFound = { error: `no matches for kind ${JSON.stringify(kind)} in version ${JSON.stringify(apiVersion)}` };
  if (g !== group || kind !== crdKind) return notFound;
  for (const ver of versions) {
    if (!isPlainObject(ver) || ver.name !== v) continue;
    if (ver.served !== true) return notFound;
    const schemaHolder = isPlainObject(ver.schema) ? ver.schema : undefined;
    const schema = schemaHolder && isPlainObject(schemaHolder.openAPIV3Schema) ? (schemaHolder.openAPIV3Schema as JSONSchemaProps) : null;
    return { group, version: v, kind, plural, namespaced: spec.scope !== 'Cluster', served: true, schema };
  }
  return notFound;
}

/** objectmeta.Coerce's effect on unknown fields: metadata keeps only ObjectMeta's fields. */
function coerceMetadata(obj: Record<string, unknown>, pruned: string[], at: string): void {
  if (!isPlainObject(obj.metadata)) return;
  for (const k of Object.keys(obj.metadata)) {
    if (!OBJECT_META_FIELDS.has(k)) {
      delete obj.metadata[k];
      pruned.push(at.length > 0 ? `${at}.metadata.${k}` : `metadata.${k}`);
    }
  }
}

/** Walks the object along the schema and calls f at every embedded resource (x-kubernetes-embedded-resource). */
function forEachEmbedded(x: unknown, s: JSONSchemaProps | null, at: string, path: Path, f: (o: Record<string, unknown>, at: string, path: Path) => void): void {
  if (!s) return;
  if (isPlainObject(x)) {
    if (s['x-kubernetes-embedded-resource'] === true && at.length > 0) f(x, at, path);
    for (const k of Object.keys(x)) {
      const prop = propertyOf(s, k) ?? additionalPropertiesOf(s)?.schema ?? null;
      if (prop) forEachEmbedded(x[k], prop, at.length > 0 ? `${at}.${k}` : k, path.child(k), f);
    }
  } else if (Array.isArray(x)) {
    const items = itemsOf(s);
    x.forEach((v, i) => forEachEmbedded(v, items, `${at}[${i}]`, path.index(i), f));
  }
}

export interface Admitted {
  object: Record<string, unknown>;
  pruned: string[];
  defaulted: boolean;
  errors: FieldErr[];
}

/** Decode (default + prune) and validate one custom object; no storage. */
export function admitCustomObject(info: CrdVersionInfo, input: Record<string, unknown>): Admitted {
  const obj = deepCopy(input as unknown as JsonValue) as unknown as Record<string, unknown>;
  const before = JSON.stringify(obj);
  pruneNonNullableNullsWithoutDefaults(obj, info.schema);
  applyDefaults(obj, info.schema);
  const defaulted = JSON.stringify(obj) !== before;
  const pruned = prune(obj, info.schema, true);
  coerceMetadata(obj, pruned, '');
  forEachEmbedded(obj, info.schema, '', Path.ROOT, (o, at) => coerceMetadata(o, pruned, at));
  pruned.sort();

  // The request's namespace (kubectl sends "default" when the object names none); a cluster-scoped object has none.
  if (!isPlainObject(obj.metadata)) obj.metadata = {};
  const meta = obj.metadata as Record<string, unknown>;
  if (info.namespaced && (typeof meta.namespace !== 'string' || meta.namespace === '')) meta.namespace = 'default';
  if (!info.namespaced) delete meta.namespace;

  const errors: FieldErr[] = [];
  // customResourceValidator.Validate: ObjectMeta, then the schema.
  errors.push(...validateObjectMeta(obj.metadata, info.namespaced, nameIsDNSSubdomain, Path.of('metadata')));
  if (info.schema) errors.push(...validateAgainstSchema(info.schema, obj));
  // objectmeta.Validate: an embedded resource names its apiVersion and kind.
  forEachEmbedded(obj, info.schema, '', Path.ROOT, (o, _at, path) => {
    if (typeof o.apiVersion !== 'string' || o.apiVersion.length === 0) errors.push(required(path.child('apiVersion'), 'must not be empty'));
    if (typeof o.kind !== 'string' || o.kind.length === 0) errors.push(required(path.child('kind'), 'must not be empty'));
  });
  return { object: obj, pruned, defaulted, errors };
}

/** The 422 kube-apiserver answers for a custom object that fails validation. */
export function invalidError(info: CrdVersionInfo, name: string, errors: FieldErr[]): StatusError {
  return newInvalid({ group: info.group, kind: info.kind }, name, errors);
}

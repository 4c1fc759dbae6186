// The patch metadata of every served kind, read from the decode schemas
// (decode/schema-<group>-<version>.ts), which carry k8s.io/api v0.36's struct
// tags (`patchStrategy`, `patchMergeKey`) and markers (`+listType`,
// `+listMapKey`, `+mapType`, `+structType`). apimachinery's strategic merge
// patch takes its metadata through the LookupPatchMeta interface; upstream's
// PatchMetaFromStruct reads the tags from the Go struct by reflection
// (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/meta.go), and this
// module does the same from the transcribed structs: it writes each kind's
// reachable structs as a struct table (PatchSchema), once per kind.
//
// How a Go type becomes a table type, as reflection sees it:
//   - embedded structs (`json:",inline"`) have their fields promoted, as
//     encoding/json's typeFields does (TypeMeta's apiVersion and kind, a
//     Volume's VolumeSource, a Probe's ProbeHandler);
//   - named non-struct types are their underlying type (`RestartPolicy` is a
//     string, `ResourceList` a map of Quantity);
//   - types with their own JSON methods keep their name (Quantity,
//     IntOrString, Time, MicroTime, Duration), or are structs without JSON
//     fields (RawExtension, FieldsV1, apiextensions JSON): a lookup inside one
//     fails as it does upstream;
//   - the struct is strict: a JSON key the Go struct does not have is
//     "unable to find api field", as the forked encoding/json lookup says.

import { SchemaNode } from '../apimachinery/strategic-merge-patch/patch-meta.ts';
import type { FieldMeta, LookupPatchMeta, PatchSchema, PatchStrategy } from '../apimachinery/strategic-merge-patch/patch-meta.ts';
import { PACKAGES } from './decode/schemas.ts';
import { KIND_STRUCTS } from './decode/schemas.ts';
import { structSpec } from './decode/go-types.ts';
import { kindKey } from './kinds.ts';

/** Types with their own UnmarshalJSON, by qualified name: the table type they become. */
const OPAQUE: Readonly<Record<string, string>> = {
  'resource.Quantity': 'Quantity',
  'intstr.IntOrString': 'IntOrString',
  'meta.Time': 'Time',
  'meta.MicroTime': 'MicroTime',
  'meta.Duration': 'Duration',
  'types.UID': 'string',
};

/** Structs whose JSON is their own (`json:"-"` fields only): no field can be looked up inside them. */
const FIELDLESS: Readonly<Record<string, string>> = {
  'meta.FieldsV1': 'FieldsV1',
  'runtime.RawExtension': 'RawExtension',
  'apiextensions.JSON': 'JSON',
  'apiextensions.JSONSchemaPropsOrBool': 'JSONSchemaPropsOrBool',
  'apiextensions.JSONSchemaPropsOrArray': 'JSONSchemaPropsOrArray',
  'apiextensions.JSONSchemaPropsOrStringArray': 'JSONSchemaPropsOrStringArray',
};

const GO_BUILTINS = new Set(['string', 'bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64', 'byte', 'interface{}']);

/** A kind's structs written as a table: what reflection over its Go type would find. */
class TableBuilder {
  readonly types: Record<string, Record<string, FieldMeta>> = {};
  readonly atomicStructs: string[] = [];
  /** Table name → qualified Go name, so two structs of one name in different packages are caught. */
  private readonly owners = new Map<string, string>();

  /** The table type of Go expression `expr` written in package `pkg`. */
  typeOf(pkg: string, expr: string): string {
    if (expr.startsWith('*')) return `*${this.typeOf(pkg, expr.slice(1))}`;
    if (expr === '[]byte' || expr === '[]uint8') return '[]byte';
    if (expr.startsWith('[]')) return `[]${this.typeOf(pkg, expr.slice(2))}`;
    if (expr.startsWith('map[')) return `map[string]${this.typeOf(pkg, expr.slice(expr.indexOf(']') + 1))}`;
    if (GO_BUILTINS.has(expr)) return expr;
    const dot = expr.indexOf('.');
    const owner = dot < 0 ? pkg : expr.slice(0, dot);
    const name = dot < 0 ? expr : expr.slice(dot + 1);
    const ref = `${owner}.${name}`;
    if (Object.hasOwn(OPAQUE, ref)) return OPAQUE[ref];
    if (Object.hasOwn(FIELDLESS, ref)) return this.claim(FIELDLESS[ref], ref, () => ({}));
    const p = PACKAGES[owner];
    if (p !== undefined && Object.hasOwn(p.named, name)) return this.typeOf(owner, p.named[name]);
    if (p !== undefined && Object.hasOwn(p.structs, name)) return this.claim(name, ref, () => this.fieldsOf(ref));
    throw new Error(`patch-meta: unknown Go type ${expr} in package ${pkg}`);
  }

  /** Emits struct `ref` under `name` once (fields built lazily, so recursive types terminate). */
  private claim(name: string, ref: string, build: () => Record<string, FieldMeta>): string {
    const owner = this.owners.get(name);
    if (owner === undefined) {
      this.owners.set(name, ref);
      this.types[name] = {};
      Object.assign(this.types[name], build());
      if (structSpec(ref)?.structType === 'atomic') this.atomicStructs.push(name);
    } else if (owner !== ref) {
      throw new Error(`patch-meta: ${owner} and ${ref} would share the table name ${name}`);
    }
    return name;
  }

  /** The JSON fields of a struct, embedded structs' fields promoted. */
  private fieldsOf(ref: string): Record<string, FieldMeta> {
    const spec = structSpec(ref);
    if (spec === undefined) throw new Error(`patch-meta: no struct ${ref}`);
    const pkg = ref.slice(0, ref.indexOf('.'));
    const out: Record<string, FieldMeta> = {};
    for (const f of spec.fields) {
      if (f.embedded) {
        const embedded = f.goType.replace(/^\*/, '');
        const dot = embedded.indexOf('.');
        const embeddedRef = dot < 0 ? `${pkg}.${embedded}` : embedded;
        // encoding/json: a promoted field never hides one declared on the outer struct.
        for (const [json, meta] of Object.entries(this.fieldsOf(embeddedRef))) if (!Object.hasOwn(out, json)) out[json] = meta;
        continue;
      }
      const meta: FieldMeta = { type: this.typeOf(pkg, f.goType) };
      if (f.patchStrategy !== undefined) meta.patchStrategy = f.patchStrategy as PatchStrategy;
      if (f.patchMergeKey !== undefined) meta.patchMergeKey = f.patchMergeKey;
      if (f.listType !== undefined) meta.listType = f.listType as FieldMeta['listType'];
      if (f.listMapKeys !== undefined) meta.listMapKeys = [...f.listMapKeys];
      if (f.mapType !== undefined) meta.mapType = f.mapType as FieldMeta['mapType'];
      if (!f.omitempty) meta.omitEmpty = false;
      out[f.json] = meta;
    }
    return out;
  }
}

const schemas = new Map<string, PatchSchema | null>();

/**
 * The patch metadata of a served kind as a struct table, or undefined for a
 * kind the API server does not serve. One table per kind, built on first use.
 *
 * @example patchSchemaFor('apps/v1', 'Deployment')?.types.DeploymentSpec.strategy
 *   // { type: 'DeploymentStrategy', patchStrategy: 'retainKeys' }
 */
export function patchSchemaFor(apiVersion: string, kind: string): PatchSchema | undefined {
  const key = kindKey(apiVersion, kind);
  let schema = schemas.get(key);
  if (schema === undefined) {
    const ref = Object.hasOwn(KIND_STRUCTS, key) ? KIND_STRUCTS[key] : undefined;
    if (ref === undefined) {
      schema = null;
    } else {
      const builder = new TableBuilder();
      const root = builder.typeOf(ref.slice(0, ref.indexOf('.')), ref);
      schema = { root, types: builder.types, strict: true, atomicStructs: builder.atomicStructs };
    }
    schemas.set(key, schema);
  }
  return schema ?? undefined;
}

/**
 * The LookupPatchMeta of a served kind (what the strategic merge patch code
 * reads), or undefined.
 *
 * @example lookupPatchMeta('v1', 'Pod')!.lookupStruct('spec')[0].lookupSlice('containers')[1].mergeKey // 'name'
 */
export function lookupPatchMeta(apiVersion: string, kind: string): LookupPatchMeta | undefined {
  const schema = patchSchemaFor(apiVersion, kind);
  return schema ? SchemaNode.root(schema) : undefined;
}

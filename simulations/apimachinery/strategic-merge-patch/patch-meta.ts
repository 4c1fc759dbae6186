// Patch metadata: where the strategic merge patch code finds a field's
// `patchStrategy` and `patchMergeKey` (staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/meta.go:
// the LookupPatchMeta interface, and PatchMetaFromStruct, which reads them from
// Go struct tags through third_party/forked/golang/json/fields.go,
// LookupPatchMetadataForStruct).
//
// The patch code only ever sees the LookupPatchMeta interface. This file also
// holds its struct-table implementation, SchemaNode over a PatchSchema: Go
// structs written down as data,
//
//   { root: 'Deployment', types: { Deployment: { spec: { type: 'DeploymentSpec' } },
//     DeploymentSpec: { strategy: { type: 'DeploymentStrategy', patchStrategy: 'retainKeys' } }, ... } }
//
// which is what PatchMetaFromStruct reads by reflection. The API server builds
// these tables from its decode schemas (apiserver/patch-meta.ts); upstream's
// tests write theirs by hand (the MergeItem struct of patch_test.go).
//
// A schema is "open" unless `strict`: a field that is not listed behaves like
// an untagged Go field (maps merge key by key, lists are replaced). Upstream
// fails instead with "unable to find api field" for a JSON key the Go struct
// does not have; `strict: true` does that.

import { SmpError } from './errors.ts';

export type PatchStrategy = 'merge' | 'replace' | 'retainKeys' | 'merge,retainKeys';

export interface FieldMeta {
  /** Go type: 'string', 'int32', '[]Container', '*PodTemplateSpec', 'map[string]string', 'RawExtension', ... */
  type: string;
  patchStrategy?: PatchStrategy;
  patchMergeKey?: string;
  /** Server-side apply: `+listType` (default: 'map' when patchStrategy is merge with a key, else 'atomic'). */
  listType?: 'atomic' | 'set' | 'map';
  /** Server-side apply: `+listMapKey` markers (default: [patchMergeKey]). */
  listMapKeys?: string[];
  /** Server-side apply: `+mapType=atomic` on a map field. */
  mapType?: 'atomic' | 'granular';
  /** false for a field whose json tag lacks `omitempty` (its zero value serialises as null). */
  omitEmpty?: false;
}

export interface PatchSchema {
  /** The type of the top-level object. */
  root: string;
  types: Record<string, Record<string, FieldMeta>>;
  /** Unknown JSON fields are errors, as with a Go struct (the upstream test struct). */
  strict?: boolean;
  /** Types marked `+structType=atomic` (server-side apply treats them as one value). */
  atomicStructs?: string[];
}

/** The patch metadata of one field, as upstream's PatchMeta (patchStrategies, patchMergeKey). */
export interface PatchMeta {
  strategies: string[];
  mergeKey: string;
  /** The field's whole entry, when the metadata comes from a struct table. */
  field?: FieldMeta;
}

/**
 * strategicpatch.LookupPatchMeta: the patch metadata at one position of an
 * object. Every function of the patch code takes one; a lookup throws an
 * SmpError where upstream's returns an error.
 */
export interface LookupPatchMeta {
  /** LookupPatchMetadataForStruct: the metadata below map or struct field `key`, and the field's tags. */
  lookupStruct(key: string): [LookupPatchMeta, PatchMeta];
  /** LookupPatchMetadataForSlice: the metadata of the elements of list field `key`, and the field's tags. */
  lookupSlice(key: string): [LookupPatchMeta, PatchMeta];
  /** Name(): the reflect kind of the type here ("struct", "map", "string", ...), for error messages. */
  name(): string;
}

const NO_META: PatchMeta = { strategies: [], mergeKey: '' };

const SCALARS = new Set([
  'string', 'bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'float32', 'float64', 'byte',
  'Quantity', 'IntOrString', 'Time', 'MicroTime', 'Duration',
]);

type Kind = 'struct' | 'map' | 'slice' | 'ptr' | 'scalar' | 'open' | 'interface';

/** Lower-cased field names per struct, for the case-insensitive fallback (built once per struct). */
const foldedFields = new WeakMap<Record<string, FieldMeta>, Map<string, string>>();

function folded(fields: Record<string, FieldMeta>): Map<string, string> {
  let m = foldedFields.get(fields);
  if (!m) {
    m = new Map();
    for (const name of Object.keys(fields)) if (!m.has(name.toLowerCase())) m.set(name.toLowerCase(), name);
    foldedFields.set(fields, m);
  }
  return m;
}

/** One node per (schema, type): lookups are cached on it. */
const nodes = new WeakMap<PatchSchema, Map<string, SchemaNode>>();

/**
 * A position in a schema: "the type of the value at this point of the object".
 * The struct-table implementation of LookupPatchMeta (PatchMetaFromStruct).
 *
 * @example
 *   const node = SchemaNode.root(patchSchemaFor('apps/v1', 'Deployment')!);
 *   const [containers, meta] = node.lookupStruct('spec')[0].lookupStruct('template')[0]
 *     .lookupStruct('spec')[0].lookupSlice('containers');
 *   meta.mergeKey // "name"
 */
export class SchemaNode implements LookupPatchMeta {
  private cachedKind: Kind | undefined;
  private readonly structCache = new Map<string, [SchemaNode, PatchMeta] | SmpError>();
  private readonly sliceCache = new Map<string, [SchemaNode, PatchMeta] | SmpError>();

  private constructor(
    readonly schema: PatchSchema | null,
    /** The Go type expression, '' for open. */
    readonly type: string,
  ) {}

  static root(schema: PatchSchema): SchemaNode {
    return SchemaNode.of(schema, schema.root);
  }

  private static of(schema: PatchSchema | null, type: string): SchemaNode {
    if (!schema || type === '') return SchemaNode.openNode;
    let byType = nodes.get(schema);
    if (!byType) {
      byType = new Map();
      nodes.set(schema, byType);
    }
    let node = byType.get(type);
    if (!node) {
      node = new SchemaNode(schema, type);
      byType.set(type, node);
    }
    return node;
  }

  /** A schema that knows nothing: every map merges, every list is replaced. */
  private static readonly openNode = new SchemaNode(null, '');

  static open(): SchemaNode {
    return SchemaNode.openNode;
  }

  get kind(): Kind {
    this.cachedKind ??= kindOf(this.schema, this.type);
    return this.cachedKind;
  }

  /** reflect Kind().String() of the type, as upstream's Name(). */
  name(): string {
    const kind = this.kind;
    if (kind === 'scalar') return this.type === 'Quantity' || this.type === 'IntOrString' || this.type === 'Time' ? 'struct' : this.type;
    if (kind === 'open') return 'struct';
    return kind;
  }

  isOpen(): boolean {
    return this.kind === 'open';
  }

  /** Go type name of a struct ("MergeItem"), for error messages. */
  typeName(): string {
    return this.type.replace(/^\*/, '');
  }

  fieldsOf(): Record<string, FieldMeta> | undefined {
    const t = this.type.replace(/^\*/, '');
    return this.schema?.types[t];
  }

  isAtomicStruct(): boolean {
    return !!this.schema?.atomicStructs?.includes(this.type.replace(/^\*/, ''));
  }

  /** LookupPatchMetadataForStruct: the type of field `key` and its patch tags. */
  lookupStruct(key: string): [SchemaNode, PatchMeta] {
    if (this.kind === 'open') return [this, NO_META];
    let cached = this.structCache.get(key);
    if (cached === undefined) {
      try {
        cached = this.lookupStructUncached(key);
      } catch (error) {
        if (!(error instanceof SmpError)) throw error;
        cached = error;
      }
      this.structCache.set(key, cached);
    }
    if (cached instanceof SmpError) throw cached;
    return cached;
  }

  private lookupStructUncached(key: string): [SchemaNode, PatchMeta] {
    let t = this.type;
    if (t.startsWith('*')) t = t.slice(1);
    const kind = kindOf(this.schema, t);
    if (kind === 'map') return [SchemaNode.of(this.schema, mapElem(t)), NO_META];
    if (kind === 'interface') return [SchemaNode.of(this.schema, 'interface{}'), NO_META];
    if (kind !== 'struct') {
      throw new SmpError(`merging an object in json but data type is not map or struct, instead is: ${kindName(this.schema, t)}`);
    }
    const fields = this.schema!.types[t];
    let field = Object.prototype.hasOwnProperty.call(fields, key) ? fields[key] : undefined;
    if (!field) {
      // encoding/json (and the forked lookup) fall back to a case-insensitive match.
      const match = folded(fields).get(key.toLowerCase());
      if (match !== undefined) field = fields[match];
    }
    if (!field) {
      if (!this.schema!.strict) return [SchemaNode.open(), NO_META];
      throw new SmpError(`unable to find api field in struct ${t} for the json field ${JSON.stringify(key)}`);
    }
    return [
      SchemaNode.of(this.schema, field.type),
      { strategies: (field.patchStrategy ?? '').split(','), mergeKey: field.patchMergeKey ?? '', field },
    ];
  }

  /** LookupPatchMetadataForSlice: the element type of list field `key` and its patch tags. */
  lookupSlice(key: string): [SchemaNode, PatchMeta] {
    let cached = this.sliceCache.get(key);
    if (cached === undefined) {
      try {
        cached = this.lookupSliceUncached(key);
      } catch (error) {
        if (!(error instanceof SmpError)) throw error;
        cached = error;
      }
      this.sliceCache.set(key, cached);
    }
    if (cached instanceof SmpError) throw cached;
    return cached;
  }

  private lookupSliceUncached(key: string): [SchemaNode, PatchMeta] {
    const [sub, meta] = this.lookupStruct(key);
    if (sub.kind === 'open' || sub.kind === 'interface') return [sub, meta];
    let t = sub.type;
    if (t.startsWith('[]')) {
      const elem = t.slice(2);
      if (elem.startsWith('[]')) throw new SmpError('unexpected slice of slice');
      return [SchemaNode.of(this.schema, elem), meta];
    }
    if (t.startsWith('*')) {
      t = t.slice(1);
      if (t.startsWith('[]')) t = t.slice(2);
      return [SchemaNode.of(this.schema, t), meta];
    }
    throw new SmpError(`expected slice or array type, but got: ${this.name()}`);
  }
}

function mapElem(t: string): string {
  // map[string]X
  return t.slice(t.indexOf(']') + 1);
}

function kindOf(schema: PatchSchema | null, type: string): Kind {
  if (!schema || type === '') return 'open';
  if (type.startsWith('[]')) return 'slice';
  if (type.startsWith('*')) return 'ptr';
  if (type.startsWith('map[')) return 'map';
  if (type === 'interface{}') return 'interface';
  if (SCALARS.has(type)) return 'scalar';
  if (Object.prototype.hasOwnProperty.call(schema.types, type)) return 'struct';
  throw new Error(`patch schema: unknown type ${type}`);
}

function kindName(schema: PatchSchema | null, type: string): string {
  const kind = kindOf(schema, type);
  if (kind === 'scalar') return type === 'Quantity' || type === 'IntOrString' || type === 'Time' ? 'struct' : type;
  return kind;
}

/**
 * Checks that a schema is well formed (used by the schema tests): every type it
 * mentions exists, the root is a struct, and every tag sits on a field of the
 * shape Go allows it on (patchMergeKey only with a merge strategy, list
 * markers only on lists, mapType only on maps), as
 * staging/src/k8s.io/apimachinery/pkg/util/strategicpatch/meta.go reads them.
 *
 * @example validateSchema({ root: 'T', types: { T: { items: { type: '[]Item', patchStrategy: 'merge' } }, Item: {} } })
 *   // → ['T.items: merge strategy on a list of objects needs a patchMergeKey']
 */
export function validateSchema(schema: PatchSchema): string[] {
  const problems: string[] = [];
  const check = (type: string, where: string) => {
    let t = type;
    while (t.startsWith('[]') || t.startsWith('*') || t.startsWith('map[')) t = t.startsWith('[]') ? t.slice(2) : t.startsWith('*') ? t.slice(1) : mapElem(t);
    if (t === '' || t === 'interface{}' || SCALARS.has(t) || Object.prototype.hasOwnProperty.call(schema.types, t)) return;
    problems.push(`${where}: unknown type ${type}`);
  };
  check(schema.root, 'root');
  if (!Object.prototype.hasOwnProperty.call(schema.types, schema.root)) problems.push(`root: ${schema.root} is not a struct of the schema`);
  for (const name of schema.atomicStructs ?? []) {
    if (!Object.prototype.hasOwnProperty.call(schema.types, name)) problems.push(`atomicStructs: unknown type ${name}`);
  }
  const strategies = new Set<string>(['merge', 'replace', 'retainKeys', 'merge,retainKeys']);
  for (const [typeName, fields] of Object.entries(schema.types)) {
    for (const [field, meta] of Object.entries(fields)) {
      const where = `${typeName}.${field}`;
      check(meta.type, where);
      const isList = meta.type.replace(/^\*/, '').startsWith('[]');
      const isMapType = meta.type.startsWith('map[');
      if (meta.patchStrategy !== undefined && !strategies.has(meta.patchStrategy)) problems.push(`${where}: unknown patchStrategy ${meta.patchStrategy}`);
      if (meta.patchStrategy?.includes('merge') && meta.patchMergeKey === undefined && !/^\[\](string|int|int32|int64)$/.test(meta.type)) {
        problems.push(`${where}: merge strategy on a list of objects needs a patchMergeKey`);
      }
      if (meta.patchMergeKey !== undefined && !meta.patchStrategy?.includes('merge')) problems.push(`${where}: patchMergeKey without a merge strategy`);
      if ((meta.listType !== undefined || meta.listMapKeys !== undefined) && !isList) problems.push(`${where}: list markers on a field that is not a list (${meta.type})`);
      if (meta.listType === 'map' && !(meta.listMapKeys?.length || meta.patchMergeKey)) problems.push(`${where}: listType=map needs listMapKey markers`);
      if (meta.listMapKeys !== undefined && meta.listType !== undefined && meta.listType !== 'map') problems.push(`${where}: listMapKey markers on a listType=${meta.listType} list`);
      if (meta.mapType !== undefined && !isMapType) problems.push(`${where}: mapType on a field that is not a map (${meta.type})`);
    }
  }
  return problems;
}

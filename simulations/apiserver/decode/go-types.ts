// The Go types of the schema tables, resolved to what encoding/json needs to
// decode into them: the reflect kind, the type's name as reflect.Type.String()
// prints it in an UnmarshalTypeError (`v1.PodSpec`, `[]v1.Container`,
// `map[string]string`, `v1.RestartPolicy`, `[]uint8`), and for structs the
// fields by JSON name with embedded structs' fields promoted, as
// encoding/json's typeFields does.
// src: Go src/encoding/json/encode.go (typeFields, dominantField), src/reflect/type.go (String)

import { OPAQUE_PACKAGES, PACKAGES } from './schemas.ts';
import { parseFieldSpec } from './schema-types.ts';
import type { FieldSpec, GoPackage, StructSpec } from './schema-types.ts';

/**
 * Types with their own UnmarshalJSON: decode.ts mirrors each method.
 * src: apimachinery pkg/api/resource/quantity.go, pkg/util/intstr/intstr.go,
 *      pkg/apis/meta/v1/{time,micro_time,duration,helpers}.go, pkg/runtime/extension.go,
 *      apiextensions-apiserver pkg/apis/apiextensions/v1/marshal.go
 */
export type CustomKind = 'quantity' | 'intstr' | 'time' | 'microtime' | 'duration' | 'raw' | 'schemaOrBool' | 'schemaOrArray' | 'schemaOrStringArray';

const CUSTOM: Readonly<Record<string, CustomKind>> = {
  'resource.Quantity': 'quantity',
  'intstr.IntOrString': 'intstr',
  'meta.Time': 'time',
  'meta.MicroTime': 'microtime',
  // no built-in kind of kinds.ts has a metav1.Duration; decoded for the kinds to come
  'meta.Duration': 'duration',
  'meta.FieldsV1': 'raw',
  'runtime.RawExtension': 'raw',
  'apiextensions.JSON': 'raw',
  'apiextensions.JSONSchemaPropsOrBool': 'schemaOrBool',
  'apiextensions.JSONSchemaPropsOrArray': 'schemaOrArray',
  'apiextensions.JSONSchemaPropsOrStringArray': 'schemaOrStringArray',
};

interface Base {
  /** reflect.Type.String() of the type (a pointer's element: encoding/json reports the type it decodes into). */
  readonly go: string;
  /** Declared as a pointer: JSON null sets it to nil without calling UnmarshalJSON. */
  readonly ptr: boolean;
}
export type TypeNode =
  | (Base & { readonly k: 'string' | 'bool' | 'float' | 'any' })
  | (Base & { readonly k: 'int' | 'uint'; readonly bits: number })
  | (Base & { readonly k: 'bytes' })
  | (Base & { readonly k: 'slice' | 'map'; readonly elem: TypeNode })
  | (Base & { readonly k: 'struct'; readonly ref: string })
  | (Base & { readonly k: 'custom'; readonly custom: CustomKind });

const BUILTIN: Readonly<Record<string, TypeNode>> = {
  string: { k: 'string', go: 'string', ptr: false },
  bool: { k: 'bool', go: 'bool', ptr: false },
  float64: { k: 'float', go: 'float64', ptr: false },
  float32: { k: 'float', go: 'float32', ptr: false },
  int: { k: 'int', go: 'int', bits: 64, ptr: false },
  int8: { k: 'int', go: 'int8', bits: 8, ptr: false },
  int16: { k: 'int', go: 'int16', bits: 16, ptr: false },
  int32: { k: 'int', go: 'int32', bits: 32, ptr: false },
  int64: { k: 'int', go: 'int64', bits: 64, ptr: false },
  uint: { k: 'uint', go: 'uint', bits: 64, ptr: false },
  uint8: { k: 'uint', go: 'uint8', bits: 8, ptr: false },
  byte: { k: 'uint', go: 'uint8', bits: 8, ptr: false },
  uint16: { k: 'uint', go: 'uint16', bits: 16, ptr: false },
  uint32: { k: 'uint', go: 'uint32', bits: 32, ptr: false },
  uint64: { k: 'uint', go: 'uint64', bits: 64, ptr: false },
  'interface{}': { k: 'any', go: 'interface {}', ptr: false },
};

/** The element of a []byte: encoding/json decodes a JSON array into it number by number. */
export const UINT8: TypeNode = BUILTIN.uint8;

/** A struct field as encoding/json finds it by JSON name. */
export interface StructField {
  readonly type: TypeNode;
  /**
   * The Go names of the embedded structs the field is promoted through, outermost
   * first (`["ProbeHandler"]` for a Probe's `httpGet`). Since Go 1.24 an
   * UnmarshalTypeError's Field names them (golang/go#68941), and sigs.k8s.io/json
   * carries that decoder since its Go 1.24 sync (kubernetes-sigs/json#25, the
   * version k8s.io/apimachinery v0.36 requires).
   */
  readonly via: readonly string[];
}

export interface StructInfo {
  readonly ref: string;
  /** reflect.Type.Name(): what an UnmarshalTypeError names as the struct. */
  readonly name: string;
  readonly go: string;
  readonly fields: ReadonlyMap<string, StructField>;
}

/**
 * A set of Go packages, resolved lazily. `GO_TYPES` holds the transcribed
 * k8s.io/api packages; a test can build one over its own structs.
 */
export class GoTypes {
  private readonly specs = new Map<string, StructSpec>();
  private readonly nodes = new Map<string, TypeNode>();
  private readonly infos = new Map<string, StructInfo>();

  constructor(readonly packages: Readonly<Record<string, GoPackage>>) {}

  /**
   * The struct `ref` (`core.PodSpec`) as upstream declares it: its fields in
   * order with their tags and markers; undefined if no table has it.
   */
  structSpec(ref: string): StructSpec | undefined {
    const cached = this.specs.get(ref);
    if (cached) return cached;
    const dot = ref.indexOf('.');
    const pkg = this.packages[ref.slice(0, dot)];
    const name = ref.slice(dot + 1);
    const specs = pkg !== undefined && Object.hasOwn(pkg.structs, name) ? pkg.structs[name] : undefined;
    if (specs === undefined) return undefined;
    let structType: string | undefined;
    const fields: FieldSpec[] = [];
    for (const s of specs) {
      if (s.startsWith('+st:')) structType = s.slice(4);
      else fields.push(parseFieldSpec(s));
    }
    const spec: StructSpec = { ref, name, structType, fields };
    this.specs.set(ref, spec);
    return spec;
  }

  /**
   * Resolves a Go type expression of package `pkg` (as written in the tables).
   *
   * @example GO_TYPES.typeNode('core', '*ResourceRequirements') // { k: 'struct', ref: 'core.ResourceRequirements', go: 'v1.ResourceRequirements', ptr: true }
   * @example GO_TYPES.typeNode('core', 'ResourceList')          // { k: 'map', go: 'v1.ResourceList', elem: { k: 'custom', custom: 'quantity', ... } }
   */
  typeNode(pkg: string, expr: string): TypeNode {
    const key = `${pkg} ${expr}`;
    let node = this.nodes.get(key);
    if (node === undefined) {
      node = this.resolve(pkg, expr);
      this.nodes.set(key, node);
    }
    return node;
  }

  /** The struct `ref` with its fields by exact JSON name (kube-apiserver's decoder is case-sensitive). */
  structInfo(ref: string): StructInfo {
    let info = this.infos.get(ref);
    if (info === undefined) {
      info = this.compile(ref);
      this.infos.set(ref, info);
    }
    return info;
  }

  private resolve(pkg: string, expr: string): TypeNode {
    if (expr.startsWith('*')) return { ...this.typeNode(pkg, expr.slice(1)), ptr: true };
    if (expr === '[]byte' || expr === '[]uint8') return { k: 'bytes', go: '[]uint8', ptr: false };
    if (expr.startsWith('[]')) {
      const elem = this.typeNode(pkg, expr.slice(2));
      return { k: 'slice', go: `[]${this.goString(pkg, expr.slice(2))}`, elem, ptr: false };
    }
    if (expr.startsWith('map[')) {
      const close = expr.indexOf(']');
      const key = expr.slice(4, close);
      const value = expr.slice(close + 1);
      return { k: 'map', go: `map[${this.goString(pkg, key)}]${this.goString(pkg, value)}`, elem: this.typeNode(pkg, value), ptr: false };
    }
    const builtin = BUILTIN[expr];
    if (builtin !== undefined) return builtin;
    const dot = expr.indexOf('.');
    const owner = dot < 0 ? pkg : expr.slice(0, dot);
    const name = dot < 0 ? expr : expr.slice(dot + 1);
    const ref = `${owner}.${name}`;
    const go = `${this.packageName(owner)}.${name}`;
    const custom = CUSTOM[ref];
    if (custom !== undefined) return { k: 'custom', custom, go, ptr: false };
    if (ref === 'types.UID') return { k: 'string', go, ptr: false };
    const p = this.packages[owner];
    if (p !== undefined && Object.hasOwn(p.structs, name)) return { k: 'struct', ref, go, ptr: false };
    if (p !== undefined && Object.hasOwn(p.named, name)) return { ...this.typeNode(owner, p.named[name]), go };
    throw new Error(`schema: unknown Go type ${expr} in package ${pkg}`);
  }

  private packageName(id: string): string {
    const name = this.packages[id]?.name ?? OPAQUE_PACKAGES[id];
    if (name === undefined) throw new Error(`schema: unknown package ${id}`);
    return name;
  }

  /** reflect.Type.String() of an expression, pointers included (`[]*v1.Foo`). */
  private goString(pkg: string, expr: string): string {
    if (expr.startsWith('*')) return `*${this.goString(pkg, expr.slice(1))}`;
    return this.typeNode(pkg, expr).go;
  }

  private compile(ref: string): StructInfo {
    const spec = this.structSpec(ref);
    if (spec === undefined) throw new Error(`schema: no struct ${ref}`);
    const candidates: Candidate[] = [];
    this.collect(ref, 0, [], candidates, new Set());
    // encoding/json dominantField: the shallowest field of a name wins; two at
    // the same depth hide each other (none of the k8s.io/api types has such a clash).
    const byName = new Map<string, Candidate[]>();
    for (const c of candidates) {
      const list = byName.get(c.json);
      if (list) list.push(c);
      else byName.set(c.json, [c]);
    }
    const fields = new Map<string, StructField>();
    for (const [json, list] of byName) {
      const depth = Math.min(...list.map((c) => c.depth));
      const top = list.filter((c) => c.depth === depth);
      if (top.length === 1) fields.set(json, top[0].field);
    }
    const pkg = ref.slice(0, ref.indexOf('.'));
    return { ref, name: spec.name, go: `${this.packageName(pkg)}.${spec.name}`, fields };
  }

  private collect(ref: string, depth: number, via: string[], out: Candidate[], seen: Set<string>): void {
    if (seen.has(ref)) return;
    seen.add(ref);
    const spec = this.structSpec(ref);
    if (spec === undefined) throw new Error(`schema: no struct ${ref}`);
    const pkg = ref.slice(0, ref.indexOf('.'));
    for (const f of spec.fields) {
      const type = this.typeNode(pkg, f.goType);
      if (f.embedded) {
        if (type.k !== 'struct') throw new Error(`schema: embedded ${f.goType} in ${ref} is not a struct`);
        this.collect(type.ref, depth + 1, [...via, type.ref.slice(type.ref.indexOf('.') + 1)], out, seen);
      } else {
        out.push({ json: f.json, depth, field: { type, via } });
      }
    }
  }
}

interface Candidate {
  readonly json: string;
  readonly depth: number;
  readonly field: StructField;
}

/** The transcribed k8s.io/api, k8s.io/apimachinery and apiextensions packages. */
export const GO_TYPES = new GoTypes(PACKAGES);

/**
 * A struct of the transcribed packages as upstream declares it, for code that
 * reads tags and markers (strategic merge patch, server-side apply).
 *
 * @example structSpec('core.Container')?.fields.find((f) => f.json === 'env')
 *   // { json: 'env', goType: '[]EnvVar', patchStrategy: 'merge', patchMergeKey: 'name', listType: 'map', listMapKeys: ['name'], ... }
 */
export function structSpec(ref: string): StructSpec | undefined {
  return GO_TYPES.structSpec(ref);
}

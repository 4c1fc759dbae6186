// The shape of the schema tables (schema-<group>-<version>.ts): the Go structs of
// k8s.io/api, transcribed field by field so that the decoder, and later the
// strategic-merge and server-side-apply code, read what the Go code reads.
//
// A struct is a list of field specs in upstream's order, one short string each
// (a table of a few hundred structs is loaded by every simulation worker, so
// the strings stay compact and are parsed only when a struct is first used):
//
//   "<json> <goType> [flag...]"
//
//   json     the JSON name from the `json:"..."` tag (the Go name when untagged);
//            `...` for an embedded struct whose fields are promoted (`json:",inline"`).
//   goType   the Go type expression as written upstream, with package qualifiers
//            renamed to the ids of PACKAGES (schemas.ts): `*int32`, `[]Container`,
//            `map[string]string`, `ResourceList`, `meta.Time`, `*meta.LabelSelector`,
//            `resource.Quantity`, `intstr.IntOrString`, `runtime.RawExtension`, `[]byte`.
//   flags    o             omitempty
//            z             omitzero
//            ps:<strategy> the patchStrategy tag: merge, retainKeys, merge,retainKeys
//            pk:<key>      the patchMergeKey tag
//            lt:<type>     the +listType marker: atomic, set, map
//            lk:<k1,k2>    the +listMapKey markers, in order
//            mt:<type>     the +mapType marker: atomic, granular
//            st:<type>     the +structType marker on the field
//
// A struct's own markers come first, prefixed with `+`: `+st:atomic` is a
// `+structType=atomic` on the type. Named non-struct types (`type RestartPolicy
// string`, `type ResourceList map[ResourceName]resource.Quantity`) are in `named`,
// so an error can name the Go type as reflect prints it (`v1.RestartPolicy`).

/** One Go package's transcribed types. */
export interface GoPackage {
  /** The qualifier other packages write: `core` in `core.PodSpec`. */
  readonly id: string;
  /** The Go import path. */
  readonly path: string;
  /** The package name reflect prints: `v1` in `v1.PodSpec`. */
  readonly name: string;
  readonly structs: Readonly<Record<string, readonly string[]>>;
  readonly named: Readonly<Record<string, string>>;
}

/** A field spec, parsed. */
export interface FieldSpec {
  /** The JSON name; '' for an embedded struct whose fields are promoted. */
  readonly json: string;
  /** The Go type expression, qualified as in the tables. */
  readonly goType: string;
  readonly embedded: boolean;
  readonly omitempty: boolean;
  readonly omitzero: boolean;
  readonly patchStrategy?: string;
  readonly patchMergeKey?: string;
  readonly listType?: string;
  readonly listMapKeys?: readonly string[];
  readonly mapType?: string;
  readonly structType?: string;
}

/** A struct's specs, parsed: its own markers and its fields in upstream's order. */
export interface StructSpec {
  /** `core.PodSpec` */
  readonly ref: string;
  /** The Go name: `PodSpec`. */
  readonly name: string;
  readonly structType?: string;
  readonly fields: readonly FieldSpec[];
}

/**
 * Parses one field spec string.
 *
 * @example parseFieldSpec('ports []ContainerPort o ps:merge pk:containerPort lt:map lk:containerPort,protocol')
 *   // { json: 'ports', goType: '[]ContainerPort', omitempty: true, patchStrategy: 'merge', patchMergeKey: 'containerPort',
 *   //   listType: 'map', listMapKeys: ['containerPort', 'protocol'], ... }
 */
export function parseFieldSpec(spec: string): FieldSpec {
  const [json, goType, ...flags] = spec.split(' ');
  const field: {
    -readonly [K in keyof FieldSpec]: FieldSpec[K];
  } = { json: json === '...' ? '' : json, goType, embedded: json === '...', omitempty: false, omitzero: false };
  for (const flag of flags) {
    if (flag === 'o') field.omitempty = true;
    else if (flag === 'z') field.omitzero = true;
    else {
      const value = flag.slice(3);
      switch (flag.slice(0, 3)) {
        case 'ps:':
          field.patchStrategy = value;
          break;
        case 'pk:':
          field.patchMergeKey = value;
          break;
        case 'lt:':
          field.listType = value;
          break;
        case 'lk:':
          field.listMapKeys = value.split(',');
          break;
        case 'mt:':
          field.mapType = value;
          break;
        case 'st:':
          field.structType = value;
          break;
        default:
          throw new Error(`schema: unknown flag ${flag} in "${spec}"`);
      }
    }
  }
  return field;
}

// Paths into an object.
//
// Two forms, because two readers need them:
// - `Path` is field.Path: the string kube-apiserver prints in field errors
//   (`spec.containers[0].image`, map keys bare in brackets:
//   `metadata.labels[app.kubernetes.io/name]`).
// - `FieldPath` is the same path as segments (names and keys as strings,
//   indexes as numbers), which the runtime follows through the learner's YAML
//   to find the line of an error.
// src: staging/src/k8s.io/apimachinery/pkg/util/validation/field/path.go

/** A path into a Kubernetes object, e.g. ["spec", "containers", 0, "image"]. */
export type FieldPath = readonly (string | number)[];

/**
 * Renders segments for a learner's error message: `spec.containers[0].image`,
 * and keys that are not identifiers quoted (`metadata.labels["app.kubernetes.io/name"]`)
 * so a key with dots is not read as a deeper path. Field errors from the API
 * server use `Path.toString()` instead, which is upstream's exact form.
 */
export function formatFieldPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(part)) out += out === '' ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** What one step of a path is: a field name, a list index or a map key. */
const NAME = 0;
const INDEX = 1;
const KEY = 2;
/** How many children a Path keeps by name, and up to which index (field names are a fixed set; indexes of long lists are not kept). */
const MAX_SHARED_CHILDREN = 64;
/** And how many in all, for the life of the process (a validator that names children after data cannot grow it without bound). */
const MAX_SHARED = 50_000;
let shared = 0;

/**
 * field.Path: immutable, each call returns a longer path. Validators build a
 * path for every field they look at, most of them never printed: a Path keeps
 * the children it has handed out (names, keys, small indexes) and hands out the
 * same ones again (immutable, so sharing changes nothing), which spares the
 * API server ~100 allocations per Pod it validates. Past 64 children of one
 * path, or 50,000 in all, children are made fresh, so the cache stays small.
 *
 * @example
 *   const p = Path.of('spec').child('containers').index(0).child('image');
 *   p.toString()   // "spec.containers[0].image"
 *   p.segments()   // ["spec", "containers", 0, "image"]
 *   Path.of('metadata', 'labels').key('app.kubernetes.io/name').toString()
 *   // "metadata.labels[app.kubernetes.io/name]"
 */
export class Path {
  /** Children handed out, by name (a field name) or by index; made on the first child. */
  private names: Map<string, Path> | undefined;
  private keys: Map<string, Path> | undefined;
  private indexes: Path[] | undefined;

  private constructor(
    private readonly parent: Path | null,
    private readonly kind: typeof NAME | typeof INDEX | typeof KEY,
    private readonly value: string | number,
  ) {}

  /** The empty path (field.NewPath with no names is not possible upstream; this is the root for whole-object errors). */
  static readonly ROOT = new Path(null, NAME, '');

  /** field.NewPath(name, more...). */
  static of(name: string, ...more: string[]): Path {
    return Path.ROOT.child(name, ...more);
  }

  /** Builds a Path from segments: numbers are indexes, strings names. */
  static fromSegments(segments: FieldPath): Path {
    let p = Path.ROOT;
    for (const s of segments) p = typeof s === 'number' ? p.index(s) : p.child(s);
    return p;
  }

  child(name: string, ...more: string[]): Path {
    let p: Path = this.name(name);
    for (let i = 0; i < more.length; i++) p = p.name(more[i]);
    return p;
  }

  private name(name: string): Path {
    let names = this.names;
    if (names === undefined) names = this.names = new Map();
    const known = names.get(name);
    if (known !== undefined) return known;
    const p = new Path(this, NAME, name);
    if (names.size < MAX_SHARED_CHILDREN && shared < MAX_SHARED) {
      names.set(name, p);
      shared++;
    }
    return p;
  }

  index(i: number): Path {
    const known = this.indexes?.[i];
    if (known !== undefined) return known;
    const p = new Path(this, INDEX, i);
    if (i < MAX_SHARED_CHILDREN && i >= 0 && Number.isInteger(i) && shared < MAX_SHARED) {
      (this.indexes ??= [])[i] = p;
      shared++;
    }
    return p;
  }

  key(k: string): Path {
    let keys = this.keys;
    if (keys === undefined) keys = this.keys = new Map();
    const known = keys.get(k);
    if (known !== undefined) return known;
    const p = new Path(this, KEY, k);
    if (keys.size < MAX_SHARED_CHILDREN && shared < MAX_SHARED) {
      keys.set(k, p);
      shared++;
    }
    return p;
  }

  /** Upstream's form: names joined by dots, indexes and keys in brackets. */
  toString(): string {
    const steps = this.steps();
    let out = '';
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      // path.go String(): a name after a dot; an index or key, or an empty name, in brackets.
      if (s.kind === NAME && s.value !== '') out += (i > 0 ? '.' : '') + s.value;
      else out += `[${s.value}]`;
    }
    return out;
  }

  /** The same path as segments, for finding the line in the learner's YAML. */
  segments(): (string | number)[] {
    return this.steps().map((s) => s.value);
  }

  private steps(): Path[] {
    const out: Path[] = [];
    for (let p: Path | null = this; p !== null && p.parent !== null; p = p.parent) out.push(p);
    return out.reverse();
  }
}

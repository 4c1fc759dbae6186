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

type Step = { readonly name: string } | { readonly index: number } | { readonly key: string };

/**
 * field.Path: immutable, each call returns a longer path.
 *
 * @example
 *   const p = Path.of('spec').child('containers').index(0).child('image');
 *   p.toString()   // "spec.containers[0].image"
 *   p.segments()   // ["spec", "containers", 0, "image"]
 *   Path.of('metadata', 'labels').key('app.kubernetes.io/name').toString()
 *   // "metadata.labels[app.kubernetes.io/name]"
 */
export class Path {
  private constructor(
    private readonly parent: Path | null,
    private readonly step: Step | null,
  ) {}

  /** The empty path (field.NewPath with no names is not possible upstream; this is the root for whole-object errors). */
  static readonly ROOT = new Path(null, null);

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
    let p: Path = new Path(this, { name });
    for (const m of more) p = new Path(p, { name: m });
    return p;
  }

  index(i: number): Path {
    return new Path(this, { index: i });
  }

  key(k: string): Path {
    return new Path(this, { key: k });
  }

  /** Upstream's form: names joined by dots, indexes and keys in brackets. */
  toString(): string {
    const steps = this.steps();
    let out = '';
    for (let i = 0; i < steps.length; i++) {
      const s = steps[i];
      // An empty name is an empty subscript upstream: field.NewPath("") prints "[]"
      // (e.g. `[]: Too long` for a ConfigMap over its size limit).
      if ('name' in s) out += s.name.length > 0 ? (i > 0 ? '.' : '') + s.name : '[]';
      else if ('index' in s) out += `[${s.index}]`;
      else out += `[${s.key}]`;
    }
    return out;
  }

  /** The same path as segments, for finding the line in the learner's YAML. */
  segments(): (string | number)[] {
    return this.steps().map((s) => ('name' in s ? s.name : 'index' in s ? s.index : s.key));
  }

  private steps(): Step[] {
    const out: Step[] = [];
    for (let p: Path | null = this; p !== null && p.step !== null; p = p.parent) out.push(p.step);
    return out.reverse();
  }
}

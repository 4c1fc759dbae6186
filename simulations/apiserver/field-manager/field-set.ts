// Field sets as server-side apply keeps them
// (sigs.k8s.io/structured-merge-diff/v4 fieldpath: element.go, set.go,
// serialize.go). A set is a tree of path elements: a field name
// (`f:replicas`), a list-map key (`k:{"name":"nginx"}`), a set value
// (`v:"example.com/a"`) or an index (`i:0`); each element is a member (the
// field itself is owned) and/or has children. In `metadata.managedFields`
// this is the `fieldsV1` object, with "." marking an element that is both.

import { compareGoStrings, goKind, isMap, set } from '../../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/go-values.ts';
import { goJsonMarshal } from '../../apimachinery/go-json.ts';

export type PathElement =
  | { t: 'f'; name: string }
  | { t: 'k'; fields: [string, JsonValue][] }
  | { t: 'v'; value: JsonValue }
  | { t: 'i'; index: number };

/** The fieldsV1 key of an element: "f:name", 'k:{"name":"nginx"}', 'v:"x"', "i:0". */
export function elementKey(pe: PathElement): string {
  switch (pe.t) {
    case 'f':
      return `f:${pe.name}`;
    case 'k': {
      const obj: JsonObject = {};
      for (const [k, v] of pe.fields) set(obj, k, v);
      return `k:${goJsonMarshal(obj)}`;
    }
    case 'v':
      return `v:${goJsonMarshal(pe.value)}`;
    case 'i':
      return `i:${pe.index}`;
  }
}

/** Parses a fieldsV1 key back into an element. */
export function parseElementKey(key: string): PathElement {
  const kind = key.slice(0, 2);
  const rest = key.slice(2);
  switch (kind) {
    case 'f:':
      return { t: 'f', name: rest };
    case 'k:': {
      const obj = JSON.parse(rest) as JsonObject;
      return { t: 'k', fields: Object.keys(obj).sort(compareGoStrings).map((k) => [k, obj[k]] as [string, JsonValue]) };
    }
    case 'v:':
      return { t: 'v', value: JSON.parse(rest) as JsonValue };
    case 'i:':
      return { t: 'i', index: Number(rest) };
    default:
      throw new Error(`invalid fieldsV1 key ${JSON.stringify(key)}`);
  }
}

/** fieldpath.PathElement.String(): ".name", '[name="nginx"]', '[="x"]', "[0]". */
export function elementString(pe: PathElement): string {
  switch (pe.t) {
    case 'f':
      return `.${pe.name}`;
    case 'k':
      return `[${pe.fields.map(([k, v]) => `${k}=${valueString(v)}`).join(',')}]`;
    case 'v':
      return `[=${valueString(pe.value)}]`;
    case 'i':
      return `[${pe.index}]`;
  }
}

function valueString(v: JsonValue): string {
  return goKind(v) === 'string' ? JSON.stringify(v) : goJsonMarshal(v);
}

/** fieldpath.PathElement.Compare: field names, then keys, then values, then indexes. */
export function compareElements(a: PathElement, b: PathElement): number {
  const rank = { f: 0, k: 1, v: 2, i: 3 };
  if (a.t !== b.t) return rank[a.t] - rank[b.t];
  if (a.t === 'f' && b.t === 'f') return compareGoStrings(a.name, b.name);
  if (a.t === 'i' && b.t === 'i') return a.index - b.index;
  return compareGoStrings(elementKey(a), elementKey(b));
}

export type Path = PathElement[];

export function pathString(path: Path): string {
  return path.map(elementString).join('');
}

/** A set of field paths (fieldpath.Set). */
export class FieldSet {
  readonly members = new Map<string, PathElement>();
  readonly children = new Map<string, { pe: PathElement; set: FieldSet }>();

  isEmpty(): boolean {
    return this.members.size === 0 && [...this.children.values()].every((c) => c.set.isEmpty());
  }

  insert(path: Path): void {
    if (path.length === 0) return;
    const [head, ...rest] = path;
    const key = elementKey(head);
    if (rest.length === 0) {
      this.members.set(key, head);
      return;
    }
    this.child(head).insert(rest);
  }

  child(pe: PathElement): FieldSet {
    const key = elementKey(pe);
    let entry = this.children.get(key);
    if (!entry) {
      entry = { pe, set: new FieldSet() };
      this.children.set(key, entry);
    }
    return entry.set;
  }

  descend(pe: PathElement): FieldSet | undefined {
    return this.children.get(elementKey(pe))?.set;
  }

  has(path: Path): boolean {
    if (path.length === 0) return false;
    const [head, ...rest] = path;
    const key = elementKey(head);
    if (rest.length === 0) return this.members.has(key);
    return this.children.get(key)?.set.has(rest) ?? false;
  }

  union(other: FieldSet): FieldSet {
    const out = this.copy();
    other.iterate((p) => out.insert(p));
    return out;
  }

  difference(other: FieldSet): FieldSet {
    const out = new FieldSet();
    this.iterate((p) => {
      if (!other.has(p)) out.insert(p);
    });
    return out;
  }

  intersection(other: FieldSet): FieldSet {
    const out = new FieldSet();
    this.iterate((p) => {
      if (other.has(p)) out.insert(p);
    });
    return out;
  }

  copy(): FieldSet {
    const out = new FieldSet();
    this.iterate((p) => out.insert(p));
    return out;
  }

  /** Set.Iterate: at each level the members (sorted), then each child (sorted). */
  iterate(f: (path: Path) => void, prefix: Path = []): void {
    for (const pe of [...this.members.values()].sort(compareElements)) f([...prefix, pe]);
    for (const { pe, set: child } of [...this.children.values()].sort((a, b) => compareElements(a.pe, b.pe))) {
      child.iterate(f, [...prefix, pe]);
    }
  }

  paths(): Path[] {
    const out: Path[] = [];
    this.iterate((p) => out.push(p));
    return out;
  }

  /**
   * The fieldsV1 form: { "f:spec": { "f:replicas": {} }, "k:{...}": { ".": {}, ... } },
   * keys in the order serialize.go emitContentsV1 writes them: "." first, then
   * the elements in PathElement order (field names, keys, values, indexes).
   */
  toFieldsV1(): JsonObject {
    const out: JsonObject = {};
    const elements = new Map<string, PathElement>();
    for (const [key, pe] of this.members) elements.set(key, pe);
    for (const [key, { pe }] of this.children) elements.set(key, pe);
    for (const [key, pe] of [...elements].sort((a, b) => compareElements(a[1], b[1]))) {
      const child = this.children.get(key)?.set;
      if (child && !child.isEmpty()) {
        const inner: JsonObject = {};
        if (this.members.has(key)) set(inner, '.', {});
        for (const [k, v] of Object.entries(child.toFieldsV1())) set(inner, k, v);
        set(out, elementKey(pe), inner);
      } else if (this.members.has(key)) {
        set(out, key, {});
      }
    }
    return out;
  }

  /** Whether the set holds `path` itself or anything below it. */
  hasPrefix(path: Path): boolean {
    if (path.length === 0) return !this.isEmpty();
    const [head, ...rest] = path;
    const key = elementKey(head);
    if (rest.length === 0 && this.members.has(key)) return true;
    const child = this.children.get(key)?.set;
    return child !== undefined && child.hasPrefix(rest);
  }

  static fromFieldsV1(value: JsonValue | undefined): FieldSet {
    const out = new FieldSet();
    if (!isMap(value ?? null)) return out;
    const walk = (obj: JsonObject, prefix: Path) => {
      for (const key of Object.keys(obj)) {
        if (key === '.') {
          continue;
        }
        const pe = parseElementKey(key);
        const v = obj[key];
        const inner = isMap(v) ? v : {};
        const childKeys = Object.keys(inner);
        if (childKeys.length === 0 || childKeys.includes('.')) out.insert([...prefix, pe]);
        walk(inner, [...prefix, pe]);
      }
    };
    walk(value as JsonObject, []);
    return out;
  }
}

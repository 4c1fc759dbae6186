// Field paths inside objects, with list elements addressed the way the patch
// addresses them: by merge key (`containers[name=nginx]`), by value for sets
// (`finalizers["example.com/x"]`), by index for atomic lists (`args[0]`).

import { deepEqual, goEquals, has, isMap } from '../../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../../apimachinery/go-values.ts';

export type Segment =
  | { kind: 'field'; name: string }
  | { kind: 'key'; mergeKey: string; value: JsonValue }
  | { kind: 'member'; value: JsonValue }
  | { kind: 'index'; index: number };

export const field = (name: string): Segment => ({ kind: 'field', name });

/**
 * Renders a path for people: `spec.template.spec.containers[name=nginx].image`,
 * `metadata.labels["app.kubernetes.io/name"]`.
 *
 * @example formatPath([field('metadata'), field('labels'), field('tier')]) // "metadata.labels.tier"
 */
export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    switch (s.kind) {
      case 'field':
        out += /^[A-Za-z_$][\w$-]*$/.test(s.name) ? (out ? `.${s.name}` : s.name) : `[${JSON.stringify(s.name)}]`;
        break;
      case 'key':
        out += `[${s.mergeKey}=${typeof s.value === 'string' && /^[\w.\-/:]+$/.test(s.value) ? s.value : JSON.stringify(s.value)}]`;
        break;
      case 'member':
        out += `[${JSON.stringify(s.value)}]`;
        break;
      case 'index':
        out += `[${s.index}]`;
        break;
    }
  }
  return out;
}

/** The value at `segments`, or undefined when any step is missing. */
export function lookup(root: JsonValue | undefined, segments: readonly Segment[]): JsonValue | undefined {
  let current: JsonValue | undefined = root;
  for (const s of segments) {
    if (current === undefined || current === null) return undefined;
    switch (s.kind) {
      case 'field':
        if (!isMap(current) || !has(current, s.name)) return undefined;
        current = current[s.name];
        break;
      case 'key': {
        if (!Array.isArray(current)) return undefined;
        const found: JsonValue | undefined = current.find((item) => isMap(item) && has(item, s.mergeKey) && goEquals(item[s.mergeKey], s.value));
        current = found;
        break;
      }
      case 'member':
        if (!Array.isArray(current)) return undefined;
        current = current.some((item) => deepEqual(item, s.value)) ? s.value : undefined;
        break;
      case 'index':
        if (!Array.isArray(current) || s.index >= current.length) return undefined;
        current = current[s.index];
        break;
    }
  }
  return current;
}

/** Whether `segments` exists in `root` (an explicit null counts as present). */
export function present(root: JsonValue | undefined, segments: readonly Segment[]): boolean {
  if (segments.length === 0) return root !== undefined;
  const parent = lookup(root, segments.slice(0, -1));
  const last = segments[segments.length - 1];
  if (last.kind === 'field') return isMap(parent ?? null) && has(parent as JsonObject, last.name);
  return lookup(root, segments) !== undefined;
}

/** A short one-line rendering of a value for explanations. */
export function brief(value: JsonValue | undefined, max = 60): string {
  if (value === undefined) return '(absent)';
  const text = typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

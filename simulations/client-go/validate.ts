// Input checks for the public scenario functions: bad input is a located
// ValidationError (answered 400), never a crash deep inside the simulation.

import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { DeletedFinalStateUnknown, KubeObject } from './types.ts';
import { isTombstone } from './types.ts';

export const MAX_OPS = 1_000_000;

export function fail(path: FieldPath, reason: string): never {
  throw new ValidationError(reason, { path });
}

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

export function record(v: unknown, path: FieldPath): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, `expected a mapping, got ${describe(v)}`);
  return v as Record<string, unknown>;
}

export function list(v: unknown, path: FieldPath, max = MAX_OPS): unknown[] {
  if (!Array.isArray(v)) fail(path, `expected a list, got ${describe(v)}`);
  if (v.length > max) fail(path, `at most ${max} entries, got ${v.length}`);
  return v;
}

export function str(v: unknown, path: FieldPath): string {
  if (typeof v !== 'string') fail(path, `expected a string, got ${describe(v)}`);
  return v;
}

export function num(v: unknown, path: FieldPath, opts: { min?: number; integer?: boolean; max?: number } = {}): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, `expected a number, got ${describe(v)}`);
  if (opts.integer && !Number.isInteger(v)) fail(path, `expected a whole number, got ${v}`);
  if (opts.min !== undefined && v < opts.min) fail(path, `must be at least ${opts.min}, got ${v}`);
  if (opts.max !== undefined && v > opts.max) fail(path, `must be at most ${opts.max}, got ${v}`);
  return v;
}

export function bool(v: unknown, path: FieldPath): boolean {
  if (typeof v !== 'boolean') fail(path, `expected true or false, got ${describe(v)}`);
  return v;
}

export function oneOf<T extends string>(v: unknown, path: FieldPath, allowed: readonly T[]): T {
  if (typeof v !== 'string' || !allowed.includes(v as T)) fail(path, `Unsupported value: ${JSON.stringify(v)}: supported values: ${allowed.map((a) => `"${a}"`).join(', ')}`);
  return v as T;
}

const STRING_MAP = ['labels', 'annotations'] as const;

/** A Kubernetes object: apiVersion, kind, metadata with a name; string-valued labels and annotations. */
export function kubeObject(v: unknown, path: FieldPath): KubeObject {
  const o = record(v, path);
  str(o.apiVersion, [...path, 'apiVersion']);
  str(o.kind, [...path, 'kind']);
  const meta = record(o.metadata, [...path, 'metadata']);
  for (const f of ['name', 'namespace', 'resourceVersion', 'uid'] as const) if (meta[f] !== undefined) str(meta[f], [...path, 'metadata', f]);
  for (const f of STRING_MAP) {
    if (meta[f] === undefined) continue;
    const m = record(meta[f], [...path, 'metadata', f]);
    for (const [k, val] of Object.entries(m)) str(val, [...path, 'metadata', f, k]);
  }
  return o as unknown as KubeObject;
}

export function objectOrTombstone(v: unknown, path: FieldPath): KubeObject | DeletedFinalStateUnknown {
  if (isTombstone(v)) {
    str(v.key, [...path, 'key']);
    if (v.obj !== null) kubeObject(v.obj, [...path, 'obj']);
    return v;
  }
  return kubeObject(v, path);
}

// What a learner may change in a challenge, checked by diffing their parsed
// objects against the start's (never the text: reordering keys, comments and
// quoting change nothing). Three rules:
//
//   keep:               objects that must stay (same kind, namespace, name),
//     - object: Pod/web        and, per object, fields that must keep the
//       fields: [spec.containers[name=app].resources.limits.memory]
//                               value they have in the start (absent stays absent)
//   maxAddedObjects: 0  how many objects the learner may add
//
// Field paths use the result-path syntax (`spec.containers[name=app].image`),
// read from the object itself.

import { flattenLists, parseManifests, DEFAULT_YAML_LIMITS, type KubeObject } from '../../simulations/shared/yaml.ts';
import { lookupResultPath, parseResultPath } from '../quiz/result-path.ts';
import { valuesEqual } from '../quiz/grader.ts';

export interface ObjectRef {
  kind: string;
  namespace: string;
  name: string;
  /** Which object of that kind, namespace and name: 1 for the first, 2 for a second (the declarative-apply engine's live object and file). */
  occurrence: number;
  /** As written: `Pod/web` or `Pod/team-a/web`. */
  source: string;
}

export interface KeepRule {
  object: ObjectRef;
  fields: string[];
}

export interface ConstraintSpec {
  keep: KeepRule[];
  /** Undefined: any number of objects may be added. */
  maxAddedObjects?: number;
}

export type ConstraintOutcome =
  | { kind: 'stay'; object: string; met: boolean }
  | { kind: 'field'; object: string; field: string; met: boolean; expected: unknown; value: unknown; found: boolean }
  | { kind: 'added'; limit: number; met: boolean; count: number; added: string[] };

export class ConstraintSyntaxError extends Error {}

const REF = /^([A-Za-z][A-Za-z0-9]*)\/(?:([a-z0-9][a-z0-9.-]*)\/)?([a-z0-9][a-z0-9.-]*)(?:#([1-9]\d?))?$/;

/** `Pod/web` (namespace default), `Pod/team-a/web`, or `Deployment/web#2` for the second object of that name. */
export function parseObjectRef(source: string): ObjectRef {
  const m = typeof source === 'string' ? REF.exec(source.trim()) : null;
  if (!m) throw new ConstraintSyntaxError(`"${String(source)}" names an object as Kind/name, Kind/namespace/name, or Kind/name#2 for a second one`);
  return { kind: m[1], namespace: m[2] ?? 'default', name: m[3], occurrence: m[4] ? Number(m[4]) : 1, source: source.trim() };
}

export function checkFieldPath(path: string): void {
  try {
    const { root } = parseResultPath(path);
    if (root !== 'result') throw new Error(`a field path reads the object, not "${root}"`);
  } catch (error) {
    throw new ConstraintSyntaxError((error as Error).message);
  }
}

function keyOf(kind: unknown, namespace: unknown, name: unknown): string {
  return `${String(kind)}/${typeof namespace === 'string' && namespace !== '' ? namespace : 'default'}/${String(name)}`;
}

function objectKey(object: KubeObject): string {
  const meta = (object.metadata ?? {}) as Record<string, unknown>;
  return keyOf(object.kind, meta?.namespace, meta?.name);
}

/**
 * The objects of a scenario by kind/namespace/name (a `kind: List` counts its
 * items); a second object with the same key is `key#2`, a third `key#3`.
 */
export function objectsOf(input: string): Map<string, KubeObject> {
  const out = new Map<string, KubeObject>();
  const seen = new Map<string, number>();
  for (const m of flattenLists(parseManifests(input, DEFAULT_YAML_LIMITS))) {
    const key = objectKey(m.object);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    out.set(n === 1 ? key : `${key}#${n}`, m.object);
  }
  return out;
}

function readField(object: KubeObject | undefined, field: string): { found: boolean; value: unknown } {
  if (!object) return { found: false, value: undefined };
  const lookup = lookupResultPath({ result: object, trace: [] }, field);
  return lookup.found ? { found: true, value: lookup.value } : { found: false, value: undefined };
}

/**
 * Checks the learner's objects against the start's. Both are already parsed
 * (objectsOf); the start's are checked at start-up to hold every kept object.
 */
export function checkConstraints(spec: ConstraintSpec, start: Map<string, KubeObject>, learner: Map<string, KubeObject>): ConstraintOutcome[] {
  const out: ConstraintOutcome[] = [];
  for (const rule of spec.keep) {
    const key = refKey(rule.object);
    const mine = learner.get(key);
    out.push({ kind: 'stay', object: rule.object.source, met: mine !== undefined });
    for (const field of rule.fields) {
      const before = readField(start.get(key), field);
      const now = readField(mine, field);
      const met = mine !== undefined && before.found === now.found && (!before.found || valuesEqual(before.value, now.value));
      out.push({ kind: 'field', object: rule.object.source, field, met, expected: before.value, value: now.value, found: now.found });
    }
  }
  if (spec.maxAddedObjects !== undefined) {
    const added = [...learner.keys()].filter((k) => !start.has(k));
    out.push({
      kind: 'added',
      limit: spec.maxAddedObjects,
      met: added.length <= spec.maxAddedObjects,
      count: added.length,
      // Names for the report, a few at most (a hostile edit may add a hundred).
      added: added.slice(0, 5).map((k) => {
        const [kind, ns, name] = k.split('/');
        return ns === 'default' ? `${kind}/${name}` : `${kind}/${ns}/${name}`;
      }),
    });
  }
  return out;
}

export function refKey(ref: ObjectRef): string {
  const key = keyOf(ref.kind, ref.namespace, ref.name);
  return ref.occurrence === 1 ? key : `${key}#${ref.occurrence}`;
}

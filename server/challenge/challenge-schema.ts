// The challenge cell's body (docs/CONTENT.md, "Troubleshooting challenge"),
// validated strictly like a quiz: unknown or missing fields are errors.
//
//   title: The report Pod never finishes          (inline Markdown)
//   task: |                                       (Markdown: symptoms, never the cause)
//   start: |                                      (the broken scenario; or file= on the info string)
//   objectives:
//     - check: final.phase == Succeeded           (a predicate, predicate.ts)
//       text: The Pod ends Succeeded              (inline Markdown)
//   constraints:                                  (optional; constraints.ts)
//     keep:
//       - object: Pod/report
//         fields: [spec.restartPolicy]
//     maxAddedObjects: 0
//   hints: [ "...", "..." ]                       (1 to 3, Markdown, revealed one at a time)
//   solution:
//     scenario: |                                 (or file: name.yaml beside the lesson)
//     explain: |                                  (Markdown)

import { parsePredicate, PredicateSyntaxError, type Predicate } from './predicate.ts';
import { checkFieldPath, ConstraintSyntaxError, parseObjectRef, type ConstraintSpec } from './constraints.ts';

export interface Objective {
  predicate: Predicate;
  /** Inline Markdown, in the lesson's language. */
  text: string;
}

export interface ChallengeSpec {
  id: string;
  title: string;
  task: string;
  /** The start scenario when written in the body (else the info string's file=). */
  start?: string;
  objectives: Objective[];
  constraints: ConstraintSpec;
  hints: string[];
  solution: { scenario?: string; file?: string; explain: string };
}

export class ChallengeSchemaError extends Error {
  constructor(
    readonly field: string,
    reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

function only(o: Obj, allowed: string[], where: string): void {
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new ChallengeSchemaError(where ? `${where}.${key}` : key, `unknown field (allowed: ${allowed.join(', ')})`);
  }
}

function text(o: Obj, field: string, where = field): string {
  const v = o[field];
  if (typeof v !== 'string' || v.trim() === '') throw new ChallengeSchemaError(where, 'is required (a non-empty string)');
  return v;
}

export const MAX_HINTS = 3;

export function readChallengeSpec(id: string, body: unknown): ChallengeSpec {
  if (!isObj(body)) throw new ChallengeSchemaError('', 'a challenge body is a YAML mapping');
  only(body, ['title', 'task', 'start', 'objectives', 'constraints', 'hints', 'solution'], '');
  const title = text(body, 'title');
  const task = text(body, 'task');
  const start = body.start === undefined ? undefined : text(body, 'start');

  if (!Array.isArray(body.objectives) || body.objectives.length === 0) throw new ChallengeSchemaError('objectives', 'must be a non-empty list');
  const objectives = body.objectives.map((o: unknown, i: number): Objective => {
    const where = `objectives[${i}]`;
    if (!isObj(o)) throw new ChallengeSchemaError(where, 'must be a mapping with check and text');
    only(o, ['check', 'text'], where);
    const check = text(o, 'check', `${where}.check`);
    try {
      return { predicate: parsePredicate(check), text: text(o, 'text', `${where}.text`) };
    } catch (error) {
      if (error instanceof PredicateSyntaxError) throw new ChallengeSchemaError(`${where}.check`, error.message);
      throw error;
    }
  });

  const constraints: ConstraintSpec = { keep: [] };
  if (body.constraints !== undefined) {
    const c = body.constraints;
    if (!isObj(c)) throw new ChallengeSchemaError('constraints', 'must be a mapping (keep, maxAddedObjects)');
    only(c, ['keep', 'maxAddedObjects'], 'constraints');
    if (c.keep !== undefined) {
      if (!Array.isArray(c.keep)) throw new ChallengeSchemaError('constraints.keep', 'must be a list');
      constraints.keep = c.keep.map((k: unknown, i: number) => {
        const where = `constraints.keep[${i}]`;
        if (!isObj(k)) throw new ChallengeSchemaError(where, 'must be a mapping with object and optional fields');
        only(k, ['object', 'fields'], where);
        try {
          const object = parseObjectRef(text(k, 'object', `${where}.object`));
          const fields = k.fields === undefined ? [] : k.fields;
          if (!Array.isArray(fields) || fields.some((f) => typeof f !== 'string' || f.trim() === '')) {
            throw new ChallengeSchemaError(`${where}.fields`, 'must be a list of field paths');
          }
          for (const f of fields as string[]) checkFieldPath(f);
          return { object, fields: fields as string[] };
        } catch (error) {
          if (error instanceof ConstraintSyntaxError) throw new ChallengeSchemaError(where, error.message);
          throw error;
        }
      });
    }
    if (c.maxAddedObjects !== undefined) {
      if (!Number.isInteger(c.maxAddedObjects) || (c.maxAddedObjects as number) < 0) {
        throw new ChallengeSchemaError('constraints.maxAddedObjects', 'must be an integer ≥ 0');
      }
      constraints.maxAddedObjects = c.maxAddedObjects as number;
    }
  }

  if (!Array.isArray(body.hints) || body.hints.length === 0 || body.hints.length > MAX_HINTS) {
    throw new ChallengeSchemaError('hints', `must be a list of 1 to ${MAX_HINTS} hints`);
  }
  const hints = body.hints.map((h: unknown, i: number) => {
    if (typeof h !== 'string' || h.trim() === '') throw new ChallengeSchemaError(`hints[${i}]`, 'must be a non-empty string');
    return h;
  });

  const s = body.solution;
  if (!isObj(s)) throw new ChallengeSchemaError('solution', 'is required: { scenario or file, explain }');
  only(s, ['scenario', 'file', 'explain'], 'solution');
  const solution: ChallengeSpec['solution'] = { explain: text(s, 'explain', 'solution.explain') };
  if ((s.scenario === undefined) === (s.file === undefined)) throw new ChallengeSchemaError('solution', 'needs exactly one of scenario and file');
  if (s.scenario !== undefined) solution.scenario = text(s, 'scenario', 'solution.scenario');
  else solution.file = text(s, 'file', 'solution.file');

  return { id, title, task, ...(start === undefined ? {} : { start }), objectives, constraints, hints, solution };
}

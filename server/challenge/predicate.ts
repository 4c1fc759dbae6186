// An objective of a troubleshooting challenge: a predicate over the engine's
// result, written with the result paths predict quizzes use
// (server/quiz/result-path.ts) and a comparison:
//
//   pods[name=web-5].node != null
//   containers[name=app].restartCount == 0
//   final.containers[name=app].restartCount <= 1 at 600s
//   patch.spec.replicas absent
//   keptFields contains spec.replicas
//
// Operators: == != < <= > >= (the last four on numbers only), `contains` /
// `excludes` (a list holds, or does not hold, an element equal to the value),
// and `absent` / `present`. The value is a YAML scalar (`null`, `true`, `3`, `Running`,
// `"a b"`) or a flow list (`[a, b]`, compared as a set like predict keys).
// `at <N>s` reads the moment N seconds in of a time-indexed result: the path
// is looked up in `statusAt[t=N]` (the pod-lifecycle engine's snapshots: the
// grid plus the behaviour's `observeAtSeconds`), and a run that has no
// snapshot at N does not meet the objective.

import { parse as parseYaml } from 'yaml';
import { lookupResultPath, parseResultPath } from '../quiz/result-path.ts';
import { valuesEqual } from '../quiz/grader.ts';

export type Comparison = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'contains' | 'excludes';

export interface Predicate {
  /** As written in the lesson. */
  source: string;
  path: string;
  op: Comparison | 'absent' | 'present';
  /** The value compared with (for the comparison operators). */
  value?: unknown;
  /** Seconds into the run, for `at <N>s`. */
  at?: number;
}

/** What one objective found in one run. */
export interface PredicateOutcome {
  met: boolean;
  /** Whether the path led to a value. */
  found: boolean;
  /** The value found (when found). */
  value?: unknown;
  /** Why the path led nowhere (when not found). */
  reason?: string;
}

export class PredicateSyntaxError extends Error {}

const AT = /\s+at\s+(\d+(?:\.\d+)?)s$/;
const COMPARE = /^(.+?)\s+(==|!=|<=|>=|<|>|contains|excludes)\s+(.+)$/;
const PRESENCE = /^(.+?)\s+(absent|present)$/;

/**
 * Reads an objective.
 *
 * @example
 *   parsePredicate('pods[name=web-5].node != null')
 *   // → { source, path: 'pods[name=web-5].node', op: '!=', value: null }
 */
export function parsePredicate(source: string): Predicate {
  if (typeof source !== 'string' || source.trim() === '') throw new PredicateSyntaxError('an objective is "<path> <op> <value>" or "<path> absent|present"');
  let text = source.trim();
  let at: number | undefined;
  const atMatch = AT.exec(text);
  if (atMatch) {
    at = Number(atMatch[1]);
    text = text.slice(0, atMatch.index);
  }
  let predicate: Predicate;
  const presence = PRESENCE.exec(text);
  const compare = presence ? null : COMPARE.exec(text);
  if (presence) {
    predicate = { source, path: presence[1].trim(), op: presence[2] as 'absent' | 'present' };
  } else if (compare) {
    const op = compare[2] as Comparison;
    let value: unknown;
    try {
      value = parseYaml(compare[3].trim());
    } catch (error) {
      throw new PredicateSyntaxError(`cannot read the value "${compare[3].trim()}": ${(error as Error).message.split('\n')[0]}`);
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      throw new PredicateSyntaxError(`the value "${compare[3].trim()}" is a mapping; compare a scalar or a list`);
    }
    if ((op === '<' || op === '<=' || op === '>' || op === '>=') && typeof value !== 'number') {
      throw new PredicateSyntaxError(`${op} compares numbers, got ${JSON.stringify(value)}`);
    }
    predicate = { source, path: compare[1].trim(), op, value };
  } else {
    throw new PredicateSyntaxError(`cannot read the objective "${source}": write "<path> <op> <value>" (op: == != < <= > >= contains excludes) or "<path> absent|present", optionally ending "at <N>s"`);
  }
  try {
    const { root } = parseResultPath(predicate.path);
    if (at !== undefined && root !== 'result') throw new PredicateSyntaxError('"at <N>s" reads the result, not the trace');
  } catch (error) {
    if (error instanceof PredicateSyntaxError) throw error;
    throw new PredicateSyntaxError((error as Error).message);
  }
  return at === undefined ? predicate : { ...predicate, at };
}

/** The path an objective really reads: `statusAt[t=N].<path>` for `at Ns`. */
export function effectivePath(p: Predicate): string {
  if (p.at === undefined) return p.path;
  const rest = p.path.replace(/^result(?=$|[.[])/, '');
  return `statusAt[t=${p.at}]${rest === '' || rest.startsWith('[') || rest.startsWith('.') ? rest : `.${rest}`}`;
}

/** Checks an objective against a run's `{ result, trace }`. Never throws for any result. */
export function evaluatePredicate(p: Predicate, output: { result: unknown; trace: unknown }): PredicateOutcome {
  let lookup;
  try {
    lookup = lookupResultPath(output, effectivePath(p));
  } catch (error) {
    return { met: false, found: false, reason: (error as Error).message };
  }
  if (!lookup.found) {
    const reason = p.at !== undefined && /no element of result\.statusAt has t=/.test(lookup.reason) ? `the result has no moment at ${p.at}s` : lookup.reason;
    return { met: p.op === 'absent', found: false, reason };
  }
  const value = lookup.value;
  switch (p.op) {
    case 'absent':
      return { met: value === undefined, found: true, value };
    case 'present':
      return { met: value !== undefined, found: true, value };
    case '==':
      return { met: valuesEqual(value, p.value), found: true, value };
    case '!=':
      return { met: !valuesEqual(value, p.value), found: true, value };
    case 'contains':
    case 'excludes': {
      if (!Array.isArray(value)) return { met: false, found: true, value, reason: 'not a list' };
      const has = value.some((item) => valuesEqual(item, p.value));
      return { met: p.op === 'contains' ? has : !has, found: true, value };
    }
    default: {
      if (typeof value !== 'number' || !Number.isFinite(value)) return { met: false, found: true, value, reason: 'not a number' };
      const n = p.value as number;
      const met = p.op === '<' ? value < n : p.op === '<=' ? value <= n : p.op === '>' ? value > n : value >= n;
      return { met, found: true, value };
    }
  }
}

// Label keys, values, requirements and selectors, as apimachinery validates,
// matches and prints them. The string syntax (`app=web,tier in (a,b),!x`) and
// metav1.LabelSelector are read in label-selector.ts.
// src: staging/src/k8s.io/apimachinery/pkg/labels/selector.go (NewRequirement, Requirement.Matches,
//      Requirement.String, internalSelector.Add/String/RequiresExactMatch, SelectorFromSet),
//      staging/src/k8s.io/apimachinery/pkg/api/validate/content/kube.go (IsLabelKey, IsLabelValue).

import { invalid, notSupported } from './field-errors.ts';
import type { ErrorList, FieldErr } from './field-errors.ts';
import { Path } from './field-path.ts';
import { isLabelKey, isLabelValue } from './validate-content.ts';
import { compareGoStrings } from './go-values.ts';

export type Labels = Readonly<Record<string, string>>;

/** IsQualifiedName (content.IsLabelKey): the first problem, or null when `key` is a valid label key. */
export function qualifiedNameError(key: string): string | null {
  const errs = isLabelKey(key);
  return errs.length > 0 ? errs[0] : null;
}

/** IsValidLabelValue (content.IsLabelValue): the first problem, or null. */
export function labelValueError(value: string): string | null {
  const errs = isLabelValue(value);
  return errs.length > 0 ? errs[0] : null;
}

/**
 * selection.Operator, named as the API names them. LabelSelector and
 * NodeSelector operators, plus the three only the string syntax and
 * matchLabels produce: Equals (`=`, and every matchLabels entry),
 * DoubleEquals (`==`), NotEquals (`!=`).
 */
export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt' | 'Equals' | 'DoubleEquals' | 'NotEquals';

export const LABEL_SELECTOR_OPERATORS: readonly Operator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
export const NODE_SELECTOR_OPERATORS: readonly Operator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

/** selection.Operator's own strings, in upstream's validRequirementOperators order (binary, then unary). */
export const SELECTION_OPERATOR_TEXT: Readonly<Record<Operator, string>> = {
  In: 'in',
  NotIn: 'notin',
  Equals: '=',
  DoubleEquals: '==',
  NotEquals: '!=',
  Gt: 'gt',
  Lt: 'lt',
  Exists: 'exists',
  DoesNotExist: '!',
};

/** One requirement: `key op values`. Values are kept as given (Parse gives them sorted and unique). */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** strconv.ParseInt(s, 10, 64): the value, or null when Go returns an error (syntax or range). */
export function parseInt64(s: string): bigint | null {
  if (!/^[+-]?[0-9]+$/.test(s)) return null;
  const n = BigInt(s);
  return n < INT64_MIN || n > INT64_MAX ? null : n;
}

/**
 * labels.NewRequirement: the requirement and its problems, at `path` (nil
 * upstream by default, so fields print as `key`, `values`, `values[0][key]`).
 * `values` null is Go's nil slice, which a bad-value message prints as `null`.
 */
export function newRequirement(
  key: string,
  operator: Operator,
  values: readonly string[] | null,
  path: Path = Path.ROOT,
): { requirement: Requirement; errors: ErrorList } {
  const errors: FieldErr[] = [];
  const keyErrs = isLabelKey(key);
  if (keyErrs.length !== 0) errors.push(invalid(path.child('key'), key, keyErrs.join('; ')));
  const vals = values ?? [];
  const valuePath = path.child('values');
  // A nil slice marshals as null, an empty one as [].
  const badValues = values === null ? null : [...values];
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (vals.length === 0) errors.push(invalid(valuePath, badValues, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case 'Equals':
    case 'DoubleEquals':
    case 'NotEquals':
      if (vals.length !== 1) errors.push(invalid(valuePath, badValues, 'exact-match compatibility requires one single value'));
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (vals.length !== 0) errors.push(invalid(valuePath, badValues, 'values set must be empty for exists and does not exist'));
      break;
    case 'Gt':
    case 'Lt':
      if (vals.length !== 1) errors.push(invalid(valuePath, badValues, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === null) errors.push(invalid(valuePath.index(i), v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
    default:
      errors.push(notSupported(path.child('operator'), operator as string, Object.values(SELECTION_OPERATOR_TEXT)));
  }
  vals.forEach((v, i) => {
    const valueErrs = isLabelValue(v);
    if (valueErrs.length !== 0) errors.push(invalid(valuePath.index(i).key(key), v, valueErrs.join('; ')));
  });
  return { requirement: { key, operator, values: vals }, errors };
}

/** labels.NewRequirement's checks: the first problem's detail, or null. */
export function requirementError(key: string, operator: Operator, values: readonly string[]): string | null {
  const { errors } = newRequirement(key, operator, values);
  return errors.length > 0 ? errors[0].detail : null;
}

/** Requirement.Matches (selector.go). An unknown operator matches nothing. */
export function requirementMatches(r: Requirement, labels: Labels): boolean {
  // Only string values are labels: a key like "constructor" must not find Object.prototype's.
  const raw: unknown = labels[r.key];
  const value = typeof raw === 'string' ? raw : undefined;
  switch (r.operator) {
    case 'In':
    case 'Equals':
    case 'DoubleEquals':
      return value !== undefined && r.values.includes(value);
    case 'NotIn':
    case 'NotEquals':
      return value === undefined || !r.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined) return false;
      const left = parseInt64(value);
      if (left === null || r.values.length !== 1) return false;
      const right = parseInt64(r.values[0]);
      if (right === null) return false;
      return r.operator === 'Gt' ? left > right : left < right;
    }
    default:
      return false;
  }
}

/** sort.Strings on a copy, only when not already sorted (selector.go safeSort). */
export function safeSort(values: readonly string[]): readonly string[] {
  let sorted = true;
  for (let i = 1; i < values.length && sorted; i++) if (compareGoStrings(values[i - 1], values[i]) > 0) sorted = false;
  return sorted ? values : [...values].sort(compareGoStrings);
}

/**
 * Requirement.String (selector.go): `!k`, `k`, `k=v`, `k==v`, `k!=v`,
 * `k in (a,b)`, `k notin (a)`, `k>1`, `k<1`; several values sorted.
 */
export function requirementString(r: Requirement): string {
  let out = r.operator === 'DoesNotExist' ? `!${r.key}` : r.key;
  switch (r.operator) {
    case 'Equals':
      out += '=';
      break;
    case 'DoubleEquals':
      out += '==';
      break;
    case 'NotEquals':
      out += '!=';
      break;
    case 'In':
      out += ' in ';
      break;
    case 'NotIn':
      out += ' notin ';
      break;
    case 'Gt':
      out += '>';
      break;
    case 'Lt':
      out += '<';
      break;
    case 'Exists':
    case 'DoesNotExist':
      return out;
  }
  const values = r.values.length === 1 ? r.values[0] : safeSort(r.values).join(',');
  return r.operator === 'In' || r.operator === 'NotIn' ? `${out}(${values})` : out + values;
}

/** Sorts requirements by key as selector.go's ByKey does (stable: Go's insertion sort for small inputs). */
export function sortByKey(requirements: Requirement[]): Requirement[] {
  return requirements.sort((a, b) => compareGoStrings(a.key, b.key));
}

/**
 * A compiled selector. `nothing` matches no object (labels.Nothing(): a nil
 * LabelSelector, or one that failed to parse); an empty requirement list
 * matches everything (labels.Everything()).
 */
export class Selector {
  static readonly NOTHING = new Selector(null);
  static readonly EVERYTHING = new Selector([]);

  private constructor(
    readonly requirements: readonly Requirement[] | null,
    /** Why the selector could not be parsed, when it could not (it then matches nothing). */
    readonly error: string | null = null,
  ) {}

  /** A selector that failed to parse (Parse or LabelSelectorAsSelector returned an error). */
  static invalid(error: string): Selector {
    return new Selector(null, error);
  }

  /** internalSelector(requirements): kept in the order given. */
  static of(requirements: readonly Requirement[]): Selector {
    return requirements.length === 0 ? Selector.EVERYTHING : new Selector(requirements);
  }

  /** labels.SelectorFromSet: `key=value` (Equals) for each entry, sorted by key. */
  static fromSet(set: Labels): Selector {
    return Selector.of(
      Object.keys(set)
        .sort(compareGoStrings)
        .map((key) => ({ key, operator: 'Equals' as const, values: [set[key]] })),
    );
  }

  get isNothing(): boolean {
    return this.requirements === null;
  }

  /** Selector.Empty(): true for the everything-selector (no requirements). */
  get isEmpty(): boolean {
    return this.requirements !== null && this.requirements.length === 0;
  }

  matches(labels: Labels): boolean {
    const reqs = this.requirements;
    if (reqs === null) return false;
    for (let i = 0; i < reqs.length; i++) if (!requirementMatches(reqs[i], labels)) return false;
    return true;
  }

  /** Selector.Add: a new selector with more requirements, sorted by key (nothing stays nothing). */
  add(extra: readonly Requirement[]): Selector {
    if (this.requirements === null) return this;
    return Selector.of(sortByKey([...this.requirements, ...extra]));
  }

  /**
   * Selector.RequiresExactMatch: the value the first requirement on `label`
   * demands, when it is `=`, `==` or `in` with one value.
   */
  requiresExactMatch(label: string): string | undefined {
    for (const r of this.requirements ?? []) {
      if (r.key !== label) continue;
      if ((r.operator === 'Equals' || r.operator === 'DoubleEquals' || r.operator === 'In') && r.values.length === 1) return r.values[0];
      return undefined;
    }
    return undefined;
  }

  /** Selector.String(): requirements joined by ","; "" for nothing and for everything. */
  toString(): string {
    if (this.requirements === null) return '';
    return this.requirements.map(requirementString).join(',');
  }
}

// Label keys, values and selectors, as apimachinery validates and matches them.
// src: staging/src/k8s.io/apimachinery/pkg/labels/selector.go (NewRequirement, Requirement.Matches),
//      staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector),
//      staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go (IsQualifiedName, IsValidLabelValue).

export type Labels = Readonly<Record<string, string>>;

const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** IsQualifiedName: returns the problem, or null when `key` is a valid label key. */
export function qualifiedNameError(key: string): string | null {
  const parts = key.split('/');
  let name = key;
  if (parts.length === 2) {
    const [prefix, rest] = parts;
    if (prefix.length === 0) return 'prefix part must be non-empty';
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) {
      return "prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    }
    name = rest;
  } else if (parts.length > 2) {
    return "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')";
  }
  if (name.length === 0) return 'name part must be non-empty';
  if (name.length > 63) return 'name part must be no more than 63 characters';
  if (!QUALIFIED_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
  }
  return null;
}

/** IsValidLabelValue: returns the problem, or null. */
export function labelValueError(value: string): string | null {
  if (value.length > 63) return 'must be no more than 63 characters';
  if (!LABEL_VALUE.test(value)) {
    return "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
  }
  return null;
}

export type Operator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export const LABEL_SELECTOR_OPERATORS: readonly Operator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];
export const NODE_SELECTOR_OPERATORS: readonly Operator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

/** One parsed requirement: `key op values`. */
export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

const INT64 = /^[+-]?\d+$/;

/** labels.NewRequirement's checks; returns the error text or null. */
export function requirementError(key: string, operator: Operator, values: readonly string[]): string | null {
  const keyError = qualifiedNameError(key);
  if (keyError) return keyError;
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) return "for 'in', 'notin' operators, values set can't be empty";
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length !== 0) return 'values set must be empty for exists and does not exist';
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) return "for 'Gt', 'Lt' operators, exactly one value is required";
      if (!INT64.test(values[0])) return "for 'Gt', 'Lt' operators, the value must be an integer";
      break;
  }
  for (const v of values) {
    const e = labelValueError(v);
    if (e) return e;
  }
  return null;
}

/** Requirement.Matches (selector.go). */
export function requirementMatches(r: Requirement, labels: Labels): boolean {
  const value = labels[r.key];
  switch (r.operator) {
    case 'In':
      return value !== undefined && r.values.includes(value);
    case 'NotIn':
      return value === undefined || !r.values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined || !INT64.test(value)) return false;
      // strconv.ParseInt on both sides; BigInt keeps int64 exactness.
      const left = BigInt(value);
      const right = BigInt(r.values[0]);
      return r.operator === 'Gt' ? left > right : left < right;
    }
  }
}

/**
 * A compiled selector. `nothing` matches no object (a nil LabelSelector or a
 * selector that failed to parse); an empty requirement list matches everything.
 */
export class Selector {
  static readonly NOTHING = new Selector(null);
  static readonly EVERYTHING = new Selector([]);

  private constructor(
    readonly requirements: readonly Requirement[] | null,
    /** Why the selector could not be parsed, when it could not (it then matches nothing). */
    readonly error: string | null = null,
  ) {}

  /** A selector that failed to parse (LabelSelectorAsSelector returned an error). */
  static invalid(error: string): Selector {
    return new Selector(null, error);
  }

  static of(requirements: readonly Requirement[]): Selector {
    return requirements.length === 0 ? Selector.EVERYTHING : new Selector(requirements);
  }

  /** labels.SelectorFromSet: every key=value must match. */
  static fromSet(set: Labels): Selector {
    return Selector.of(Object.keys(set).sort().map((key) => ({ key, operator: 'In' as const, values: [set[key]] })));
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

  /** Selector.Add: a new selector with more requirements (nothing stays nothing). */
  add(extra: readonly Requirement[]): Selector {
    if (this.requirements === null) return this;
    return Selector.of([...this.requirements, ...extra]);
  }

  /** The selector as kubectl would print it, e.g. `app=web,tier notin (db)`. */
  toString(): string {
    if (this.requirements === null) return '<none>';
    if (this.requirements.length === 0) return '<everything>';
    return this.requirements
      .map((r) => {
        switch (r.operator) {
          case 'In':
            return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
          case 'NotIn':
            return `${r.key} notin (${r.values.join(',')})`;
          case 'Exists':
            return r.key;
          case 'DoesNotExist':
            return `!${r.key}`;
          case 'Gt':
            return `${r.key}>${r.values[0]}`;
          case 'Lt':
            return `${r.key}<${r.values[0]}`;
        }
      })
      .join(',');
  }
}

// Reads LabelSelectors and NodeSelectors from manifests, compiling them the way the scheduler does:
// a selector or term that does not parse matches nothing and keeps the parse error (InterPodAffinity
// reports it). Objects the engine reads were validated by the API server, so that only happens to
// objects given straight to the plugin-level functions.
// Strict mode, for node selectors only, is the scheduler's own configuration check
// (KubeSchedulerConfiguration NodeAffinityArgs.addedAffinity, which no API server validates):
// there a bad requirement is a ValidationError (pkg/scheduler/apis/config/validation ValidateNodeAffinityArgs).

import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';
import type { JsonObject, JsonValue } from '../shared/yaml.ts';
import {
  LABEL_SELECTOR_OPERATORS,
  NODE_SELECTOR_OPERATORS,
  Selector,
  labelValueError,
  qualifiedNameError,
  requirementError,
} from '../apimachinery/labels.ts';
import type { Operator, Requirement } from '../apimachinery/labels.ts';
import { NodeSelector } from '../apimachinery/node-selector.ts';
import type { CompiledNodeSelectorTerm } from '../apimachinery/node-selector.ts';
import { isObject, listAt, objectAt, stringAt, unsupported } from './read-helpers.ts';

export interface ReadMode {
  /** Refuse a bad node selector requirement (the scheduler configuration); false compiles it to match nothing. */
  strict: boolean;
}

function readValues(raw: JsonValue | undefined, root: object, path: FieldPath): string[] {
  return listAt(raw, root, path).map((v, i) => stringAt(v, root, [...path, i]) ?? '');
}

/**
 * metav1.LabelSelectorAsSelector: a missing selector matches nothing, `{}` matches everything, and
 * one that does not convert matches nothing and carries the error.
 *
 * @example
 *   readLabelSelector({ matchLabels: { app: 'web' } }, pod, ['spec', 'affinity', ...]).toString() // 'app=web'
 */
export function readLabelSelector(raw: JsonValue | undefined, root: object, path: FieldPath): Selector {
  if (raw === undefined || raw === null) return Selector.NOTHING;
  const sel = objectAt(raw, root, path) as JsonObject;
  const requirements: Requirement[] = [];
  const matchLabels = objectAt(sel.matchLabels, root, [...path, 'matchLabels']);
  let error: string | null = null;
  if (matchLabels) {
    for (const key of Object.keys(matchLabels).sort()) {
      const value = stringAt(matchLabels[key], root, [...path, 'matchLabels', key]) ?? '';
      if (qualifiedNameError(key) ?? labelValueError(value)) error ??= requirementFieldErrors(key, 'In', [value]);
      requirements.push({ key, operator: 'Equals', values: [value] });
    }
  }
  listAt(sel.matchExpressions, root, [...path, 'matchExpressions']).forEach((item, i) => {
    const p = [...path, 'matchExpressions', i];
    if (!isObject(item)) throw new ValidationError('Invalid value: must be a mapping', { object: root, path: p });
    const key = stringAt(item.key, root, [...p, 'key']) ?? '';
    const operator = item.operator;
    const values = readValues(item.values, root, [...p, 'values']);
    if (typeof operator !== 'string' || !(LABEL_SELECTOR_OPERATORS as readonly string[]).includes(operator)) {
      // LabelSelectorAsSelector: `%q is not a valid label selector operator`.
      error ??= `${JSON.stringify(String(operator ?? ''))} is not a valid label selector operator`;
      return;
    }
    if (requirementError(key, operator as Operator, values)) error ??= requirementFieldErrors(key, operator as Operator, values);
    requirements.push({ key, operator: operator as Operator, values });
  });
  if (error) return Selector.invalid(error);
  return Selector.of(requirements);
}

/** Go's %#v of a []string, as field.Invalid prints a bad values list. */
function goStringSlice(values: readonly string[]): string {
  return values.length === 0 ? '[]string(nil)' : `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;
}

/**
 * labels.NewRequirement's error as apimachinery prints it (field.ErrorList.ToAggregate): the key at
 * `key`, a wrong number of values at `values`, each bad value at `values[i][<key>]`; one error is
 * printed alone, several as `[a, b]`. This is the text InterPodAffinity puts after "parsing pod: ".
 * src: staging/src/k8s.io/apimachinery/pkg/labels/selector.go (NewRequirement, validateLabelValue)
 */
function requirementFieldErrors(key: string, op: Operator, values: readonly string[]): string {
  const errs: string[] = [];
  const keyError = qualifiedNameError(key);
  if (keyError) errs.push(`key: Invalid value: ${JSON.stringify(key)}: ${keyError}`);
  if ((op === 'In' || op === 'NotIn') && values.length === 0) {
    errs.push(`values: Invalid value: ${goStringSlice(values)}: for 'in', 'notin' operators, values set can't be empty`);
  }
  if ((op === 'Exists' || op === 'DoesNotExist') && values.length !== 0) {
    errs.push(`values: Invalid value: ${goStringSlice(values)}: values set must be empty for exists and does not exist`);
  }
  values.forEach((v, i) => {
    const e = labelValueError(v);
    if (e) errs.push(`values[${i}][${key}]: Invalid value: ${JSON.stringify(v)}: ${e}`);
  });
  return errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`;
}

function strictRequirementCheck(key: string, op: Operator, values: string[], root: object, p: FieldPath): void {
  const keyError = qualifiedNameError(key);
  if (keyError) throw new ValidationError(`Invalid value: "${key}": ${keyError}`, { object: root, path: [...p, 'key'] });
  switch (op) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) throw new ValidationError("Required value: must be specified when `operator` is 'In' or 'NotIn'", { object: root, path: [...p, 'values'] });
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) throw new ValidationError("Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'", { object: root, path: [...p, 'values'] });
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) throw new ValidationError("Required value: must be specified single value when `operator` is 'Lt' or 'Gt'", { object: root, path: [...p, 'values'] });
      break;
  }
}

/** Reads one NodeSelectorTerm (matchExpressions over labels, matchFields over metadata.name). */
export function readNodeSelectorTerm(raw: JsonValue | undefined, root: object, path: FieldPath, mode: ReadMode): CompiledNodeSelectorTerm | null {
  const term = objectAt(raw, root, path);
  const exprs = listAt(term?.matchExpressions, root, [...path, 'matchExpressions']);
  const fields = listAt(term?.matchFields, root, [...path, 'matchFields']);
  // nodeaffinity.go: "nil or empty term selects no objects"
  if (exprs.length === 0 && fields.length === 0) return null;
  let invalid = false;
  const labels: Requirement[] = [];
  exprs.forEach((item, i) => {
    const p = [...path, 'matchExpressions', i];
    if (!isObject(item)) throw new ValidationError('Invalid value: must be a mapping', { object: root, path: p });
    const key = stringAt(item.key, root, [...p, 'key']) ?? '';
    const operator = item.operator;
    if (typeof operator !== 'string' || !(NODE_SELECTOR_OPERATORS as readonly string[]).includes(operator)) {
      if (mode.strict) throw unsupported(operator ?? '', NODE_SELECTOR_OPERATORS, root, [...p, 'operator']);
      // nodeSelectorRequirementsAsSelector: `%q is not a valid node selector operator`: the term matches nothing.
      invalid = true;
      return;
    }
    const values = readValues(item.values, root, [...p, 'values']);
    if (mode.strict) strictRequirementCheck(key, operator as Operator, values, root, p);
    if (requirementError(key, operator as Operator, values)) invalid = true;
    labels.push({ key, operator: operator as Operator, values });
  });
  const fieldReqs: { key: string; operator: 'In' | 'NotIn'; value: string }[] = [];
  fields.forEach((item, i) => {
    const p = [...path, 'matchFields', i];
    if (!isObject(item)) throw new ValidationError('Invalid value: must be a mapping', { object: root, path: p });
    const key = stringAt(item.key, root, [...p, 'key']) ?? '';
    const operator = item.operator;
    if (typeof operator !== 'string' || !(NODE_SELECTOR_OPERATORS as readonly string[]).includes(operator)) {
      if (mode.strict) throw unsupported(operator ?? '', NODE_SELECTOR_OPERATORS, root, [...p, 'operator']);
      invalid = true;
      return;
    }
    const values = readValues(item.values, root, [...p, 'values']);
    if (mode.strict) {
      if (key !== 'metadata.name') throw unsupported(key, ['metadata.name'], root, [...p, 'key']);
      if (operator !== 'In' && operator !== 'NotIn') throw unsupported(operator, ['In', 'NotIn'], root, [...p, 'operator']);
      if (values.length !== 1) throw new ValidationError("Required value: must be only one value when `operator` is 'In' or 'NotIn' for node field selector", { object: root, path: [...p, 'values'] });
    }
    if ((operator !== 'In' && operator !== 'NotIn') || values.length !== 1) {
      invalid = true;
      return;
    }
    fieldReqs.push({ key, operator, value: values[0] });
  });
  return { labels, fields: fieldReqs, invalid };
}

/** Reads a NodeSelector (`nodeSelectorTerms`, ORed). */
export function readNodeSelector(raw: JsonValue | undefined, root: object, path: FieldPath, mode: ReadMode): NodeSelector {
  const sel = objectAt(raw, root, path);
  const terms: CompiledNodeSelectorTerm[] = [];
  listAt(sel?.nodeSelectorTerms, root, [...path, 'nodeSelectorTerms']).forEach((t, i) => {
    const term = readNodeSelectorTerm(t, root, [...path, 'nodeSelectorTerms', i], mode);
    if (term) terms.push(term);
  });
  if (mode.strict && sel && listAt(sel.nodeSelectorTerms, root, [...path, 'nodeSelectorTerms']).length === 0) {
    throw new ValidationError('Required value: must have at least one node selector term', { object: root, path: [...path, 'nodeSelectorTerms'] });
  }
  return new NodeSelector(terms);
}

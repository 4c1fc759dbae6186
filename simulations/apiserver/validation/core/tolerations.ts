// Tolerations: a key, an operator (Equal or Exists), a value that fits a
// label value, an effect, and tolerationSeconds only with NoExecute.
// src: pkg/apis/core/validation/validation.go (ValidateTolerations, validateTaintEffect,
// validateOnlyAddedTolerations)

import { forbidden, invalid, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asObject, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { semanticEqual } from './semantic-equal.ts';
import { isValidLabelValue, validateLabelName } from './pending-apimachinery.ts';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect (Node taints pass allowEmpty=false). */
export function validateTaintEffect(effect: string, allowEmpty: boolean, fldPath: Path): ErrorList {
  if (!allowEmpty && effect.length === 0) return [required(fldPath, '')];
  return TAINT_EFFECTS.includes(effect) ? [] : [notSupported(fldPath, effect, TAINT_EFFECTS)];
}

/**
 * ValidateTolerations (TaintTolerationComparisonOperators, alpha in v1.35, is
 * off: only Equal and Exists).
 *
 * @example validateTolerations([{ operator: 'Equal', value: 'bar' }], path)
 *   // [spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, ...]
 */
export function validateTolerations(tolerations: JsonValue[], fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  tolerations.forEach((t, i) => {
    const tol = asObject(t) ?? {};
    const idxPath = fldPath.index(i);
    const key = asString(tol.key);
    const operator = asString(tol.operator);
    const value = asString(tol.value);
    const effect = asString(tol.effect);
    if (key.length > 0) errs.push(...validateLabelName(key, idxPath.child('key')));
    // An empty key with Exists matches every taint.
    if (key.length === 0 && operator !== 'Exists') {
      errs.push(invalid(idxPath.child('operator'), operator, 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (tol.tolerationSeconds !== undefined && tol.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(invalid(idxPath.child('effect'), effect, "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    switch (operator) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(value);
        if (msgs.length !== 0) errs.push(invalid(idxPath.child('operator'), value, msgs.join(';')));
        break;
      }
      case 'Exists':
        if (value.length > 0) errs.push(invalid(idxPath.child('operator'), value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(idxPath.child('operator'), operator, ['Equal', 'Exists']));
    }
    if (effect.length > 0) errs.push(...validateTaintEffect(effect, true, idxPath.child('effect')));
  });
  return errs;
}

/** validateOnlyAddedTolerations: existing tolerations stay (only tolerationSeconds may change). */
export function validateOnlyAddedTolerations(newTolerations: JsonValue[], oldTolerations: JsonValue[], fldPath: Path): ErrorList {
  for (const old of oldTolerations) {
    const found = newTolerations.some((n) => {
      const clone: JsonObject = { ...(asObject(old) ?? {}) };
      const nt = asObject(n) ?? {};
      if (nt.tolerationSeconds === undefined) delete clone.tolerationSeconds;
      else clone.tolerationSeconds = nt.tolerationSeconds;
      return semanticEqual(clone, nt);
    });
    if (!found) return [forbidden(fldPath, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(newTolerations, fldPath);
}

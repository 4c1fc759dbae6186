// LimitRange validation: limit types, resource names per type, and that
// min <= defaultRequest <= default <= max, with a sane maxLimitRequestRatio.
// src: pkg/apis/core/validation/validation.go (ValidateLimitRange,
//      validateLimitRangeTypeName, validateLimitRangeResourceName)

import { duplicate, type ErrorList, forbidden, invalid, required } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asList, asObject, asString, type JsonObject } from '../../../apimachinery/json.ts';
import { Quantity } from '../../../apimachinery/quantity.ts';
import { isOvercommitAllowed, isStandardLimitRangeType } from './core-helper.ts';
import { validateCoreObjectMeta } from './object-meta.ts';
import { isQualifiedName, nameIsDNSSubdomain, quantityAt, sortedKeys, validateContainerResourceName, validateResourceName } from './apimachinery-checks.ts';

/** resource.MaxMilliValue: above it, MilliValue would overflow int64. */
const MAX_MILLI_VALUE = 9223372036854775;

/** validateLimitRangeTypeName. */
function validateLimitRangeTypeName(value: string, fldPath: Path): ErrorList {
  const errs = isQualifiedName(value).map((m) => invalid(fldPath, value, m));
  if (errs.length !== 0) return errs;
  if (!value.includes('/') && !isStandardLimitRangeType(value)) errs.push(invalid(fldPath, value, 'must be a standard limit type or fully qualified'));
  return errs;
}

/** validateLimitRangeResourceName: Pod and Container limits take container resources; others (PVC) any resource. */
function validateLimitRangeResourceName(limitType: string, value: string, fldPath: Path): ErrorList {
  return limitType === 'Pod' || limitType === 'Container' ? validateContainerResourceName(value, fldPath) : validateResourceName(value, fldPath);
}

/** Go's %f: six decimals, ±Inf spelled as Go spells it. */
function goFormatF(v: number): string {
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  if (Number.isNaN(v)) return 'NaN';
  return v.toFixed(6);
}

/** ValidateLimitRange. */
export function validateLimitRange(obj: JsonObject): ErrorList {
  const errs = validateCoreObjectMeta(asObject(obj.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
  const limitTypes = new Set<string>();
  const fldPath = Path.of('spec', 'limits');
  asList(asObject(obj.spec)?.limits).forEach((l, i) => {
    const limit = asObject(l) ?? {};
    const idxPath = fldPath.index(i);
    const type = asString(limit.type);
    errs.push(...validateLimitRangeTypeName(type, idxPath.child('type')));
    if (limitTypes.has(type)) errs.push(duplicate(idxPath.child('type'), type));
    limitTypes.add(type);

    const keys = new Set<string>();
    const read = (field: string, into: Map<string, Quantity>): void => {
      const list = asObject(limit[field]) ?? {};
      for (const k of sortedKeys(list)) {
        errs.push(...validateLimitRangeResourceName(type, k, idxPath.child(field).key(k)));
        keys.add(k);
        const q = quantityAt(list[k]);
        if (q) into.set(k, q);
      }
    };
    const max = new Map<string, Quantity>();
    const min = new Map<string, Quantity>();
    const defaults = new Map<string, Quantity>();
    const defaultRequests = new Map<string, Quantity>();
    const ratios = new Map<string, Quantity>();
    read('max', max);
    read('min', min);
    if (type === 'Pod') {
      if (Object.keys(asObject(limit.default) ?? {}).length > 0) errs.push(forbidden(idxPath.child('default'), "may not be specified when `type` is 'Pod'"));
      if (Object.keys(asObject(limit.defaultRequest) ?? {}).length > 0) {
        errs.push(forbidden(idxPath.child('defaultRequest'), "may not be specified when `type` is 'Pod'"));
      }
    } else {
      read('default', defaults);
      read('defaultRequest', defaultRequests);
    }
    if (type === 'PersistentVolumeClaim') {
      const hasMin = Object.hasOwn(asObject(limit.min) ?? {}, 'storage');
      const hasMax = Object.hasOwn(asObject(limit.max) ?? {}, 'storage');
      if (!hasMin && !hasMax) errs.push(required(idxPath.child('limits'), 'either minimum or maximum storage value is required, but neither was provided'));
    }
    read('maxLimitRequestRatio', ratios);

    for (const k of [...keys].sort()) {
      const minQ = min.get(k);
      const maxQ = max.get(k);
      const defQ = defaults.get(k);
      const defReqQ = defaultRequests.get(k);
      const ratio = ratios.get(k);
      if (minQ && maxQ && minQ.cmp(maxQ) > 0) {
        errs.push(invalid(idxPath.child('min').key(k), minQ.toString(), `min value ${minQ} is greater than max value ${maxQ}`));
      }
      if (defReqQ && minQ && minQ.cmp(defReqQ) > 0) {
        errs.push(invalid(idxPath.child('defaultRequest').key(k), defReqQ.toString(), `min value ${minQ} is greater than default request value ${defReqQ}`));
      }
      if (defReqQ && maxQ && defReqQ.cmp(maxQ) > 0) {
        errs.push(invalid(idxPath.child('defaultRequest').key(k), defReqQ.toString(), `default request value ${defReqQ} is greater than max value ${maxQ}`));
      }
      if (defReqQ && defQ && defReqQ.cmp(defQ) > 0) {
        errs.push(invalid(idxPath.child('defaultRequest').key(k), defReqQ.toString(), `default request value ${defReqQ} is greater than default limit value ${defQ}`));
      }
      if (defQ && minQ && minQ.cmp(defQ) > 0) {
        errs.push(invalid(idxPath.child('default').key(k), minQ.toString(), `min value ${minQ} is greater than default value ${defQ}`));
      }
      if (defQ && maxQ && defQ.cmp(maxQ) > 0) {
        errs.push(invalid(idxPath.child('default').key(k), maxQ.toString(), `default value ${defQ} is greater than max value ${maxQ}`));
      }
      if (ratio && ratio.cmp(Quantity.fromInteger(1)) < 0) {
        errs.push(invalid(idxPath.child('maxLimitRequestRatio').key(k), ratio.toString(), `ratio ${ratio} is less than 1`));
      }
      if (ratio && minQ && maxQ) {
        let ratioValue = ratio.value();
        let minValue = minQ.value();
        let maxValue = maxQ.value();
        if (ratio.value() < MAX_MILLI_VALUE && minValue < MAX_MILLI_VALUE && maxValue < MAX_MILLI_VALUE) {
          ratioValue = ratio.milliValue() / 1000;
          minValue = minQ.milliValue();
          maxValue = maxQ.milliValue();
        }
        const limitRatio = maxValue / minValue;
        if (ratioValue > limitRatio) {
          errs.push(invalid(idxPath.child('maxLimitRequestRatio').key(k), ratio.toString(), `ratio ${ratio} is greater than max/min = ${goFormatF(limitRatio)}`));
        }
      }
      // Resources that cannot be overcommitted (extended resources, hugepages) need default == defaultRequest.
      if (!isOvercommitAllowed(k) && defQ && defReqQ && defQ.cmp(defReqQ) !== 0) {
        errs.push(invalid(idxPath.child('defaultRequest').key(k), defReqQ.toString(), `default value ${defQ} must equal to defaultRequest value ${defReqQ} in ${k}`));
      }
    }
  });
  return errs;
}

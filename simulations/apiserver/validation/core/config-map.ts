// ConfigMap validation: key names, a key in both data and binaryData, the
// 1 MiB total, and immutable ConfigMaps.
// src: pkg/apis/core/validation/validation.go (ValidateConfigMap, ValidateConfigMapUpdate)

import { type ErrorList, forbidden, invalid, tooLong } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { deepEqual } from '../../../apimachinery/go-values.ts';
import { asObject, asOptionalBool, type JsonObject } from '../../../apimachinery/json.ts';
import { byteMapsEqual, readByteMap } from './byte-maps.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './object-meta.ts';
import { byteLength, isConfigMapKey, nameIsDNSSubdomain, sortedKeys } from './apimachinery-checks.ts';

/** core.MaxSecretSize: 1 MiB, the limit for a Secret's and a ConfigMap's data. */
export const MAX_SECRET_SIZE = 1 * 1024 * 1024;

/** ValidateConfigMap. */
export function validateConfigMap(obj: JsonObject): ErrorList {
  const errs = validateCoreObjectMeta(asObject(obj.metadata), true, nameIsDNSSubdomain, Path.of('metadata'));
  const data = asObject(obj.data) ?? {};
  const binaryData = readByteMap(obj.binaryData);
  let totalSize = 0;
  for (const key of sortedKeys(data)) {
    const keyPath = Path.of('data').key(key);
    for (const m of isConfigMapKey(key)) errs.push(invalid(keyPath, key, m));
    if (binaryData?.has(key)) errs.push(invalid(keyPath, key, 'duplicate of key present in binaryData'));
    const value = data[key];
    totalSize += typeof value === 'string' ? byteLength(value) : 0;
  }
  for (const [key, value] of binaryData ?? []) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(Path.of('binaryData').key(key), key, m));
    totalSize += value.length;
  }
  // field.NewPath(""): about the whole object; Go prints this path as "[]".
  if (totalSize > MAX_SECRET_SIZE) errs.push(tooLong(Path.of(''), MAX_SECRET_SIZE));
  return errs;
}

/** ValidateConfigMapUpdate: an immutable ConfigMap keeps its data, binaryData and immutable flag. */
export function validateConfigMapUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
  if (asOptionalBool(old.immutable) === true) {
    if (asOptionalBool(obj.immutable) !== true) errs.push(forbidden(Path.of('immutable'), 'field is immutable when `immutable` is set'));
    // reflect.DeepEqual: an absent map and an empty one differ.
    if (!deepEqual(asObject(obj.data) ?? null, asObject(old.data) ?? null)) {
      errs.push(forbidden(Path.of('data'), 'field is immutable when `immutable` is set'));
    }
    if (!byteMapsEqual(readByteMap(obj.binaryData), readByteMap(old.binaryData))) {
      errs.push(forbidden(Path.of('binaryData'), 'field is immutable when `immutable` is set'));
    }
  }
  errs.push(...validateConfigMap(obj));
  return errs;
}

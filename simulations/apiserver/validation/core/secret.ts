// Secret validation: key names, the 1 MiB total, the keys each built-in type
// requires, and immutable Secrets.
// src: pkg/apis/core/validation/validation.go (ValidateSecret, ValidateSecretUpdate),
//      pkg/apis/core/types.go (SecretType* and their keys)

import { type ErrorList, forbidden, invalid, required, tooLong } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asObject, asOptionalBool, asString, asStringMap, type JsonObject } from '../../../apimachinery/json.ts';
import { byteMapsEqual, readByteMap } from './byte-maps.ts';
import { MAX_SECRET_SIZE } from './config-map.ts';
import { goUnmarshalMapError } from '../../../apimachinery/go-json-errors.ts';
import { validateCoreObjectMeta, validateCoreObjectMetaUpdate } from './object-meta.ts';
import { isConfigMapKey, nameIsDNSSubdomain, sortedKeys, validateImmutableField } from './apimachinery-checks.ts';

const SERVICE_ACCOUNT_NAME_KEY = 'kubernetes.io/service-account.name';
const DOCKER_CONFIG_KEY = '.dockercfg';
const DOCKER_CONFIG_JSON_KEY = '.dockerconfigjson';

/**
 * The Secret's data as validation sees it: v1's stringData is merged into
 * data (stringData wins) when the object is converted, before validation.
 */
function secretData(obj: JsonObject): Map<string, Uint8Array> | undefined {
  let data = readByteMap(obj.data);
  const stringData = asStringMap(obj.stringData);
  const keys = sortedKeys(stringData);
  if (keys.length > 0) {
    data = new Map(data ?? []);
    for (const k of keys) data.set(k, new TextEncoder().encode(stringData[k]));
    data = new Map([...data.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return data;
}

/** ValidateSecret. */
export function validateSecret(obj: JsonObject): ErrorList {
  const meta = asObject(obj.metadata);
  const errs = validateCoreObjectMeta(meta, true, nameIsDNSSubdomain, Path.of('metadata'));
  const dataPath = Path.of('data');
  const data = secretData(obj);
  let totalSize = 0;
  for (const [key, value] of data ?? []) {
    for (const m of isConfigMapKey(key)) errs.push(invalid(dataPath.key(key), key, m));
    totalSize += value.length;
  }
  if (totalSize > MAX_SECRET_SIZE) errs.push(tooLong(dataPath, MAX_SECRET_SIZE));

  switch (asString(obj.type)) {
    case 'kubernetes.io/service-account-token':
      // Only the name annotation is required: the token controller fills in the uid annotation and data.token.
      if (!asStringMap(meta?.annotations)[SERVICE_ACCOUNT_NAME_KEY]) {
        errs.push(required(Path.of('metadata', 'annotations').key(SERVICE_ACCOUNT_NAME_KEY)));
      }
      break;
    case 'kubernetes.io/dockercfg':
      errs.push(...requireJSON(data, DOCKER_CONFIG_KEY, dataPath));
      break;
    case 'kubernetes.io/dockerconfigjson':
      errs.push(...requireJSON(data, DOCKER_CONFIG_JSON_KEY, dataPath));
      break;
    case 'kubernetes.io/basic-auth':
      // Either may be empty, but one of the keys must be there.
      if (!data?.has('username') && !data?.has('password')) {
        errs.push(required(dataPath.key('username')), required(dataPath.key('password')));
      }
      break;
    case 'kubernetes.io/ssh-auth':
      if ((data?.get('ssh-privatekey')?.length ?? 0) === 0) errs.push(required(dataPath.key('ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      if (!data?.has('tls.crt')) errs.push(required(dataPath.key('tls.crt')));
      if (!data?.has('tls.key')) errs.push(required(dataPath.key('tls.key')));
      break;
    default:
      // Opaque, "" and any other type: no required keys.
      break;
  }
  return errs;
}

// A docker config key must exist and hold a JSON object.
function requireJSON(data: Map<string, Uint8Array> | undefined, key: string, dataPath: Path): ErrorList {
  const bytes = data?.get(key);
  if (!bytes) return [required(dataPath.key(key))];
  const err = goUnmarshalMapError(new TextDecoder().decode(bytes));
  return err === null ? [] : [invalid(dataPath.key(key), '<secret contents redacted>', err)];
}

/** ValidateSecretUpdate: the type never changes; an immutable Secret keeps its data. */
export function validateSecretUpdate(obj: JsonObject, old: JsonObject): ErrorList {
  const errs = validateCoreObjectMetaUpdate(asObject(obj.metadata), asObject(old.metadata), Path.of('metadata'));
  errs.push(...validateImmutableField(asString(obj.type), asString(old.type), Path.of('type')));
  if (asOptionalBool(old.immutable) === true) {
    if (asOptionalBool(obj.immutable) !== true) errs.push(forbidden(Path.of('immutable'), 'field is immutable when `immutable` is set'));
    // stringData was merged into data already, so only data is compared.
    if (!byteMapsEqual(secretData(obj), secretData(old))) errs.push(forbidden(Path.of('data'), 'field is immutable when `immutable` is set'));
  }
  errs.push(...validateSecret(obj));
  return errs;
}

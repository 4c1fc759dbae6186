// Errors of the strategic merge patch code, with upstream's messages
// (staging/src/k8s.io/apimachinery/pkg/util/mergepatch/errors.go and the
// fmt.Errorf calls in strategicpatch/patch.go).

import { goFmtV } from '../go-values.ts';
import type { JsonObject, JsonValue } from '../go-values.ts';

/**
 * The error variables of mergepatch/errors.go. kube-apiserver compares a patch
 * error with them by identity (handlers/patch.go interpretStrategicMergePatchError):
 * a sentinel returned as is is a 400 or a 422, anything else a 500.
 */
export const SENTINELS = {
  ErrBadJSONDoc: 'invalid JSON document',
  ErrNoListOfLists: 'lists of lists are not supported',
  ErrBadPatchFormatForPrimitiveList: 'invalid patch format of primitive list',
  ErrBadPatchFormatForRetainKeys: 'invalid patch format of retainKeys',
  ErrBadPatchFormatForSetElementOrderList: 'invalid patch format of setElementOrder list',
  ErrPatchContentNotMatchRetainKeys: "patch content doesn't match retainKeys list",
  ErrUnsupportedStrategicMergePatchFormat: 'strategic merge patch format is not supported',
} as const;

export type Sentinel = keyof typeof SENTINELS;

/**
 * Any error the patch code returns; `message` is upstream's text. `sentinel`
 * names the mergepatch error variable when upstream returns one unwrapped.
 */
export class SmpError extends Error {
  override readonly name: string = 'SmpError';
  constructor(
    message: string,
    readonly sentinel?: Sentinel,
  ) {
    super(message);
  }
}

/** One of mergepatch's error variables, as upstream returns it. */
export function sentinelError(sentinel: Sentinel): SmpError {
  return new SmpError(SENTINELS[sentinel], sentinel);
}

export const ErrBadJSONDoc = SENTINELS.ErrBadJSONDoc;
export const ErrNoListOfLists = SENTINELS.ErrNoListOfLists;
export const ErrBadPatchFormatForPrimitiveList = SENTINELS.ErrBadPatchFormatForPrimitiveList;
export const ErrBadPatchFormatForRetainKeys = SENTINELS.ErrBadPatchFormatForRetainKeys;
export const ErrBadPatchFormatForSetElementOrderList = SENTINELS.ErrBadPatchFormatForSetElementOrderList;

/** mergepatch.ErrNoMergeKey */
export function errNoMergeKey(m: JsonObject, key: string): SmpError {
  return new SmpError(`map: ${goFmtV(m)} does not contain declared merge key: ${key}`);
}

/** mergepatch.ErrBadPatchType */
export function errBadPatchType(t: JsonValue | undefined, m: JsonObject): SmpError {
  return new SmpError(`unknown patch type: ${typeof t === 'string' ? t : `%!s(${goTypeName(t)}=${goFmtV(t)})`} in map: ${goFmtV(m)}`);
}

/** mergepatch.ErrBadArgType(expected, actual): "expected a <type>, but received a <type>". */
export function errBadArgType(expected: 'map' | 'slice', actual: JsonValue | undefined): SmpError {
  const name = (k: string) => (k === 'map' ? 'map[string]interface {}' : '[]interface {}');
  return new SmpError(`expected a ${name(expected)}, but received a ${goTypeName(actual)}`);
}

/**
 * mergepatch.ErrBadArgKind(expected, actual): "expected a <kind>, but received a <kind>",
 * what NewPatchMetaFromStruct returns for a nil or non-struct data struct.
 */
export function errBadArgKind(expected: string, actual: string): SmpError {
  return new SmpError(`expected a ${expected}, but received a ${actual}`);
}

export function goTypeName(value: JsonValue | undefined): string {
  if (value === null || value === undefined) return '%!s(<nil>)';
  if (Array.isArray(value)) return '[]interface {}';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int64' : 'float64';
    default:
      return 'map[string]interface {}';
  }
}

/**
 * mergepatch.ErrConflict: the three-way patch changes a field that was also
 * changed, differently, between the last-applied configuration and the live
 * object. Only raised when `overwrite` is false (`kubectl apply --overwrite=false`).
 */
export class ConflictError extends SmpError {
  override readonly name = 'ConflictError';
  constructor(
    readonly patch: JsonObject,
    readonly changed: JsonObject,
    patchYaml: string,
    changedYaml: string,
  ) {
    super(`patch:\n${patchYaml}\nconflicts with changes made from original to current:\n${changedYaml}\n`);
  }
}

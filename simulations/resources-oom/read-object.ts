// A core/v1 object handed to a public function (getPodQOS, describePod, ...),
// read the way Go reads it: the API server's decoder checks every field's JSON
// type, and nulls become what Go's decode and encode leave (a list item or map
// value its element's zero), so the kubelet and kubectl helpers behind never
// meet a null where Go has a value. Objects of a cell go through the API
// server itself (admitObjects), which does the same.

import { deepCopy } from '../apimachinery/deep-copy.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import { unmarshal } from '../apiserver/decode/decode.ts';
import { settleNullsAs } from '../apiserver/decode/nulls.ts';
import { ValidationError } from '../shared/errors.ts';
import type { FieldPath } from '../shared/errors.ts';

/** How encoding/json names a JSON value's kind. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

/**
 * Reads `value` as a core/v1 `kind`: its types checked by the API server's
 * decoder (not strict: a field it does not know is left alone), nulls read as
 * Go's decode and encode leave them (apiserver/decode/nulls.ts). Throws
 * ValidationError at the first offending field. Returns a copy.
 *
 * @example readCoreObject({ spec: { containers: [null] } }, 'Pod').spec.containers // [{}]
 */
export function readCoreObject(value: unknown, kind: 'Pod' | 'Event', at: { object?: object; path?: FieldPath } = {}): JsonObject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ValidationError(`json: cannot unmarshal ${jsonKind(value)} into Go value of type v1.${kind}`, { object: at.object, path: at.path ?? [] });
  }
  const { error } = unmarshal(value, 'core', kind, { strict: false });
  if (error) throw new ValidationError(error.message, { object: value, path: error.path });
  const copy = deepCopy(value as JsonObject);
  settleNullsAs(copy, `core.${kind}`);
  return copy;
}

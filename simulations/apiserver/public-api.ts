// The API server's public functions (issue "One simulated cluster under every
// chapter"): outside checks call these through simulations/index.ts.

import { asObject, asString } from '../apimachinery/json.ts';
import { kindKey } from './kinds.ts';
import { validationFor } from './validation/index.ts';

export { apiServerScenario } from './scenario.ts';
export type { Op, Result } from './scenario.ts';
export type { WatchEvent } from './result.ts';

/** A validation problem as upstream's field.Error: type ("FieldValueInvalid"), field path, detail. */
export type FieldError = { type: string; field: string; detail?: string };

/**
 * Create-time validation of an object as given (no defaulting: a missing
 * field is validated as Go's zero value), as kube-apiserver's Validate<Kind>
 * does it. Empty when valid.
 *
 * @example
 *   validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'Bad_Name', namespace: 'default' } })
 *   // [{ type: 'FieldValueInvalid', field: 'metadata.name', detail: 'a lowercase RFC 1123 subdomain must consist of ...' }]
 */
export function validateObject(obj: object): FieldError[] {
  const o = asObject(obj);
  const apiVersion = asString(o?.apiVersion);
  const kind = asString(o?.kind);
  const validation = validationFor(kindKey(apiVersion, kind));
  if (!o || !validation) throw new TypeError(`validateObject: no validation for apiVersion ${JSON.stringify(apiVersion)}, kind ${JSON.stringify(kind)}`);
  return validation.create(o).map((e) => (e.detail === '' ? { type: e.type, field: e.field } : { type: e.type, field: e.field, detail: e.detail }));
}

export { defaultObject } from './defaults/index.ts';

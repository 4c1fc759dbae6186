// What kube-apiserver's PATCH handler does before the patched object joins the
// update path: check the Content-Type and the PatchOptions, apply the patch to
// the stored object by its type, decode the result strictly (a failure is a
// 422 on "patch", not a 400: the body was a patch, not an object), and check
// that the patch kept the object's name and namespace.
// src: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go
//      (PatchResource, jsonPatcher.applyPatchToCurrentObject, applyJSPatch,
//       smpPatcher, strategicPatchObject, applyPatchToObject,
//       interpretStrategicMergePatchError, patcher.applyPatch, checkName,
//       applyPatcher)

import { applyJsonMergePatch } from '../apimachinery/strategic-merge-patch/json-merge-patch.ts';
import { newApplyConflict, newGenericServerResponse } from '../apimachinery/api-errors.ts';
import type { StatusCause } from '../apimachinery/api-errors.ts';
import { invalid } from '../apimachinery/field-errors.ts';
import { Path } from '../apimachinery/field-path.ts';
import { goJsonMarshal } from '../apimachinery/go-json.ts';
import { goFmtV } from '../apimachinery/go-values.ts';
import type { JsonObject, JsonValue } from '../apimachinery/json.ts';
import { asObject, asString } from '../apimachinery/json.ts';
import { PATCH_TYPES, validatePatchOptions } from '../apimachinery/meta-v1-validation.ts';
import { SmpError, strategicMergePatch } from '../apimachinery/strategic-merge-patch/index.ts';
import { JsonPatchError, applyJsonPatch } from '../apimachinery/strategic-merge-patch/json-patch.ts';
import { decodeObject } from './decode/decode.ts';
import { applyManagedFields } from './field-manager/field-manager.ts';
import type { FieldManagerScope } from './field-manager/field-manager.ts';
import { pathString } from './field-manager/field-set.ts';
import { conflictMessage, printManager } from './field-manager/managed-fields.ts';
import type { KindInfo } from './kinds.ts';
import { apiVersionOf } from './kinds.ts';
import { lookupPatchMeta } from './patch-meta.ts';
import type { ApiResult } from './result.ts';
import { failure, statusErrors } from './result.ts';

/** The Content-Types a PATCH of a built-in resource accepts (types.PatchType). */
export type PatchType = 'application/json-patch+json' | 'application/merge-patch+json' | 'application/strategic-merge-patch+json' | 'application/apply-patch+yaml';

/** In the order the installer lists them (endpoints/installer.go, supportedTypes): the 415 message names them so. */
export const ACCEPTED_PATCH_TYPES: readonly PatchType[] = [PATCH_TYPES.json, PATCH_TYPES.merge, PATCH_TYPES.strategic, PATCH_TYPES.applyYAML];

/** metav1.PatchOptions, and the request's Content-Type. */
export interface PatchRequest {
  /** The Content-Type; application/merge-patch+json when absent. */
  type?: PatchType;
  /** ?force=true: an apply takes the fields other managers own. Only for apply patches. */
  force?: boolean;
  fieldManager?: string;
  dryRun?: boolean;
}

/**
 * The checks PatchResource makes before anything is read: a supported
 * Content-Type (415), and ValidatePatchOptions (422 on PatchOptions: an apply
 * needs a fieldManager, only an apply may force).
 */
export function checkPatchRequest(request: PatchRequest): ApiResult | undefined {
  const type = request.type ?? PATCH_TYPES.merge;
  if (!ACCEPTED_PATCH_TYPES.includes(type)) {
    // negotiation.NewUnsupportedMediaTypeError
    return failure({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: `the body of the request was in an unknown format - accepted media types include: ${ACCEPTED_PATCH_TYPES.join(', ')}`,
      reason: 'UnsupportedMediaType',
      code: 415,
    });
  }
  const options = {
    ...(request.fieldManager !== undefined ? { fieldManager: request.fieldManager } : {}),
    ...(request.force !== undefined ? { force: request.force } : {}),
    ...(request.dryRun ? { dryRun: ['All'] } : {}),
  };
  const errs = validatePatchOptions(options, type);
  if (errs.length > 0) return statusErrors.invalid('meta.k8s.io', 'PatchOptions', '', errs);
  return undefined;
}

/**
 * The stored object with a merge, strategic merge or JSON patch applied, and
 * decoded strictly as upstream's patchers decode it; or the refusal.
 *
 * @example
 *   patchObject(deploymentInfo, live, { spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } } } }, 'application/strategic-merge-patch+json')
 *   // { object: live with app's image changed, the other containers kept }
 */
export function patchObject(info: KindInfo, existing: Readonly<JsonObject>, body: unknown, type: Exclude<PatchType, 'application/apply-patch+yaml'>): PatchedObject | ApiResult {
  let patched: JsonValue;
  let badValue: () => string;
  switch (type) {
    case PATCH_TYPES.merge:
      if (body === null || typeof body !== 'object' || Array.isArray(body)) {
        return statusErrors.badRequest('the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml');
      }
      patched = applyJsonMergePatch(existing as JsonObject, body as JsonObject);
      badValue = () => goJsonMarshal(patched);
      break;
    case PATCH_TYPES.json:
      try {
        patched = applyJsonPatch(existing as JsonObject, body);
      } catch (e) {
        if (!(e instanceof JsonPatchError)) throw e;
        // DecodePatch fails: 400; Apply fails: a 422 worded by NewGenericServerResponse, the library's error as its cause.
        return e.decode ? statusErrors.badRequest(e.message) : failure(newGenericServerResponse(422, '', '', '', e.message, 0, false).status);
      }
      badValue = () => goJsonMarshal(patched);
      break;
    case PATCH_TYPES.strategic: {
      // kjson.UnmarshalStrict(patchBytes, &patchMap): JSON null leaves the map empty.
      if (Array.isArray(body) || (body !== null && typeof body !== 'object')) {
        return statusErrors.badRequest(`json: cannot unmarshal ${Array.isArray(body) ? 'array' : typeof body === 'boolean' ? 'bool' : typeof body} into Go value of type map[string]interface {}`);
      }
      const patchMap = (body ?? {}) as JsonObject;
      const meta = lookupPatchMeta(apiVersionOf(info), info.kind);
      if (!meta) return statusErrors.badRequest('strategic merge patch format is not supported');
      try {
        patched = strategicMergePatch(existing as JsonObject, patchMap, meta);
      } catch (e) {
        if (!(e instanceof SmpError)) throw e;
        return interpretStrategicMergePatchError(e);
      }
      // applyPatchToObject words a decode failure with the patch itself: fmt.Sprintf("%+v", patchMap).
      badValue = () => goFmtV(patchMap);
      break;
    }
  }
  return { object: patched as JsonObject, badValue };
}

/** A patched object, and how the 422 would print the patch if the object does not decode. */
export interface PatchedObject {
  readonly object: JsonObject;
  readonly badValue: () => string;
}

/**
 * The patched object does not decode: field.Invalid("patch", ...) in a 422
 * with no kind or name, where a create or update would get a 400. (A type
 * error is worded by our JSON decoder; upstream's unstructured converter words
 * an SMP's its own way.) The update path decodes the object first thing, so
 * its 400 is turned into the patch's 422 here rather than decoding twice.
 */
export function asPatchDecodeFailure(result: ApiResult, patched: PatchedObject): ApiResult {
  if (result.code !== 400 || !result.problems) return result;
  return patchDecodeError(patched) ?? result;
}

/** The 422 of a patched object that does not decode, or undefined when it decodes. */
export function patchDecodeError(patched: PatchedObject): ApiResult | undefined {
  const decoded = decodeObject(patched.object);
  if (decoded.ok) return undefined;
  return { ...statusErrors.invalid('', '', '', [invalid(Path.of('patch'), patched.badValue(), decoded.cause)]), problems: decoded.problems };
}

/**
 * interpretStrategicMergePatchError: four of mergepatch's error variables are
 * the client's fault (400), two are a 422, anything else is a plain error (500).
 */
export function interpretStrategicMergePatchError(e: SmpError): ApiResult {
  switch (e.sentinel) {
    case 'ErrBadJSONDoc':
    case 'ErrBadPatchFormatForPrimitiveList':
    case 'ErrBadPatchFormatForRetainKeys':
    case 'ErrBadPatchFormatForSetElementOrderList':
    case 'ErrUnsupportedStrategicMergePatchFormat':
      return statusErrors.badRequest(e.message);
    case 'ErrNoListOfLists':
    case 'ErrPatchContentNotMatchRetainKeys':
      return failure(newGenericServerResponse(422, '', '', '', e.message, 0, false).status);
    default:
      return statusErrors.internal(e.message);
  }
}

/**
 * patcher.applyPatch's last checks: the object's namespace must be the
 * request's (an empty one takes it: EnsureObjectNamespaceMatchesRequestNamespace)
 * and its name the URL's (checkName). Sets the namespace on `obj`.
 */
export function checkPatchedIdentity(info: KindInfo, requestNamespace: string, requestName: string, obj: JsonObject): ApiResult | undefined {
  const meta = asObject(obj.metadata) ?? {};
  obj.metadata = meta;
  const expected = info.namespaced ? requestNamespace : '';
  const namespace = asString(meta.namespace);
  if (namespace !== expected) {
    if (namespace === '') meta.namespace = expected;
    else if (expected === '') delete meta.namespace;
    else return statusErrors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  const name = asString(meta.name);
  if (name !== requestName) return statusErrors.badRequest(`the name of the object (${name}) does not match the name on the URL (${requestName})`);
  return undefined;
}

/**
 * applyPatcher.applyPatchToCurrentObject (or createNewObject when nothing is
 * stored): the applied object merged by the field manager, or the refusal:
 * 409 with one cause per conflicting field, 400 for a body that is not an
 * object, the wrong kind or managedFields in it, 500 for a field the schema
 * does not declare (upstream's "failed to create typed patch object").
 */
export function applyObject(info: KindInfo, existing: Readonly<JsonObject> | undefined, body: unknown, manager: string, force: boolean, scope: FieldManagerScope): { object: JsonObject } | ApiResult {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    const kind = body === null ? 'null' : Array.isArray(body) ? 'array' : typeof body === 'boolean' ? 'bool' : typeof body;
    // yaml.Unmarshal into the unstructured object's map
    return statusErrors.badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`);
  }
  const outcome = applyManagedFields(existing, body as JsonObject, manager, force, scope);
  if ('conflicts' in outcome) {
    const causes: StatusCause[] = outcome.conflicts.map((c) => ({ reason: 'FieldManagerConflict', message: `conflict with ${printManager(c.manager)}`, field: pathString(c.path) }));
    return failure(newApplyConflict(causes, conflictMessage(outcome.conflicts)).status);
  }
  if ('error' in outcome) return outcome.error.code === 400 ? statusErrors.badRequest(outcome.error.message) : statusErrors.internal(outcome.error.message);
  // patcher.applyPatch: an applied uid that no stored object has.
  const uid = asString(asObject(outcome.object.metadata)?.uid);
  if (uid !== '' && existing === undefined) {
    return statusErrors.conflict(info.group, info.resource, asString(asObject(outcome.object.metadata)?.name), `uid mismatch: the provided object specified uid ${uid}, and no existing object was found`);
  }
  return { object: outcome.object };
}

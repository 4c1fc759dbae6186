// The API server's errors: a metav1.Status with code, reason, message and
// details, as kube-apiserver returns it (`configmaps "foo" not found`, 404
// NotFound) and as clients test for it (IsNotFound, IsConflict, ...).
// src: staging/src/k8s.io/apimachinery/pkg/api/errors/errors.go,
//      staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/types.go (Status, StatusDetails, StatusCause),
//      staging/src/k8s.io/apimachinery/pkg/runtime/schema/group_version.go (GroupResource/GroupKind String, Parse*)
//
// A group-qualified resource or kind is given either as upstream prints it,
// "deployments.apps" / "Deployment.apps" ("configmaps" / "ConfigMap" for the
// core group; split at the first '.', as schema.ParseGroupResource does), or
// as {group, resource} / {group, kind}.

import { aggregateMessage, errorBody } from './field-errors.ts';
import type { ErrorList } from './field-errors.ts';
import { goQuote } from './go-strconv.ts';
import { goFmtV } from './go-values.ts';
import type { JsonValue } from './go-values.ts';

/** metav1.StatusReason values. */
export type StatusReason =
  | ''
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Invalid'
  | 'ServerTimeout'
  | 'StoreReadError'
  | 'Timeout'
  | 'TooManyRequests'
  | 'BadRequest'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'RequestEntityTooLarge'
  | 'UnsupportedMediaType'
  | 'InternalError'
  | 'Expired'
  | 'ServiceUnavailable';

/** metav1.StatusCause as JSON: its Type is written "reason". Empty fields are left out (omitempty). */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** metav1.StatusDetails as JSON, in Go's field order, empty fields left out. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** metav1.Status as kube-apiserver writes it. */
export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status?: 'Success' | 'Failure';
  message?: string;
  reason?: StatusReason;
  details?: StatusDetails;
  code?: number;
}

// Every reason upstream knows; an unknown reason falls back to the HTTP code in the Is* checks.
const KNOWN_REASONS: ReadonlySet<string> = new Set([
  'Unauthorized',
  'Forbidden',
  'NotFound',
  'AlreadyExists',
  'Conflict',
  'Gone',
  'Invalid',
  'ServerTimeout',
  'StoreReadError',
  'Timeout',
  'TooManyRequests',
  'BadRequest',
  'MethodNotAllowed',
  'NotAcceptable',
  'RequestEntityTooLarge',
  'UnsupportedMediaType',
  'InternalError',
  'Expired',
  'ServiceUnavailable',
]);

/** StatusError: an error carrying the Status the API server answers with; `message` is Status.message. */
export class StatusError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? '');
    this.name = 'StatusError';
  }

  get code(): number {
    return this.status.code ?? 0;
  }

  get reason(): StatusReason {
    return this.status.reason ?? '';
  }

  /** The Status object, for a response body. */
  toJSON(): Status {
    return this.status;
  }
}

/** schema.GroupResource: a string "resource.group" or its parts. */
export type GroupResource = string | { readonly group: string; readonly resource: string };
/** schema.GroupKind: a string "Kind.group" or its parts. */
export type GroupKind = string | { readonly group: string; readonly kind: string };

// schema.ParseGroupResource / ParseGroupKind: split at the first '.'.
function splitQualified(s: string): [name: string, group: string] {
  const i = s.indexOf('.');
  return i < 0 ? [s, ''] : [s.slice(0, i), s.slice(i + 1)];
}

function groupResource(gr: GroupResource): { group: string; resource: string } {
  if (typeof gr !== 'string') return gr;
  const [resource, group] = splitQualified(gr);
  return { group, resource };
}

function groupKind(gk: GroupKind): { group: string; kind: string } {
  if (typeof gk !== 'string') return gk;
  const [kind, group] = splitQualified(gk);
  return { group, kind };
}

// GroupResource.String / GroupKind.String: "name.group", or "name" for the core group.
function qualified(name: string, group: string): string {
  return group.length === 0 ? name : `${name}.${group}`;
}

function errText(err: string | Error): string {
  return typeof err === 'string' ? err : err.message;
}

// Builds the Status with the JSON's omitempty rules applied to details.
function make(code: number, reason: StatusReason, message: string, details?: StatusDetails): StatusError {
  const status: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details !== undefined) {
    const d: StatusDetails = {};
    if (details.name) d.name = details.name;
    if (details.group) d.group = details.group;
    if (details.kind) d.kind = details.kind;
    if (details.uid) d.uid = details.uid;
    if (details.causes && details.causes.length > 0) d.causes = details.causes;
    if (details.retryAfterSeconds) d.retryAfterSeconds = details.retryAfterSeconds;
    status.details = d;
  }
  status.code = code;
  return new StatusError(status);
}

/** NewNotFound: 404 NotFound, `configmaps "foo" not found`. */
export function newNotFound(qualifiedResource: GroupResource, name: string): StatusError {
  const { group, resource } = groupResource(qualifiedResource);
  return make(404, 'NotFound', `${qualified(resource, group)} ${goQuote(name)} not found`, { group, kind: resource, name });
}

/** NewAlreadyExists: 409 AlreadyExists, `configmaps "foo" already exists`. */
export function newAlreadyExists(qualifiedResource: GroupResource, name: string): StatusError {
  const { group, resource } = groupResource(qualifiedResource);
  return make(409, 'AlreadyExists', `${qualified(resource, group)} ${goQuote(name)} already exists`, { group, kind: resource, name });
}

/** NewGenerateNameConflict: 409 AlreadyExists when no unique name could be generated; asks the client to retry. */
export function newGenerateNameConflict(qualifiedResource: GroupResource, name: string, retryAfterSeconds: number): StatusError {
  const { group, resource } = groupResource(qualifiedResource);
  return make(
    409,
    'AlreadyExists',
    `${qualified(resource, group)} ${goQuote(name)} already exists, the server was not able to generate a unique name for the object`,
    { group, kind: resource, name, retryAfterSeconds },
  );
}

/** NewUnauthorized: 401, "not authorized" when no reason is given. */
export function newUnauthorized(reason: string): StatusError {
  return make(401, 'Unauthorized', reason.length === 0 ? 'not authorized' : reason);
}

/** NewForbidden: 403, `pods "x" is forbidden: <err>` (no name: `pods is forbidden: ...`; no resource: `forbidden: ...`). */
export function newForbidden(qualifiedResource: GroupResource, name: string, err: string | Error): StatusError {
  const { group, resource } = groupResource(qualifiedResource);
  const text = errText(err);
  let message: string;
  if (group.length === 0 && resource.length === 0) message = `forbidden: ${text}`;
  else if (name === '') message = `${qualified(resource, group)} is forbidden: ${text}`;
  else message = `${qualified(resource, group)} ${goQuote(name)} is forbidden: ${text}`;
  return make(403, 'Forbidden', message, { group, kind: resource, name });
}

/** NewConflict: 409 Conflict, `Operation cannot be fulfilled on deployments.apps "web": <err>`. */
export function newConflict(qualifiedResource: GroupResource, name: string, err: string | Error): StatusError {
  const { group, resource } = groupResource(qualifiedResource);
  return make(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(resource, group)} ${goQuote(name)}: ${errText(err)}`, {
    group,
    kind: resource,
    name,
  });
}

/** NewApplyConflict: 409 Conflict carrying one cause per conflicting field. */
export function newApplyConflict(causes: StatusCause[], message: string): StatusError {
  return make(409, 'Conflict', message, { causes });
}

/** NewGone: 410 Gone (deprecated upstream for NewResourceExpired). */
export function newGone(message: string): StatusError {
  return make(410, 'Gone', message);
}

/** NewResourceExpired: 410 Expired, e.g. a watch from a compacted resourceVersion. */
export function newResourceExpired(message: string): StatusError {
  return make(410, 'Expired', message);
}

/**
 * NewInvalid: 422 Invalid, `Deployment.apps "web" is invalid: <errors>`
 * (one error as is, several as `[a, b]`), one cause per field error.
 */
export function newInvalid(qualifiedKind: GroupKind, name: string, errs: ErrorList): StatusError {
  const { group, kind } = groupKind(qualifiedKind);
  const causes: StatusCause[] = errs.map((e) => {
    const cause: StatusCause = { reason: e.type };
    const message = errorBody(e);
    if (message) cause.message = message;
    if (e.field) cause.field = e.field;
    return cause;
  });
  const head = `${qualified(kind, group)} ${goQuote(name)} is invalid`;
  const message = errs.length === 0 ? head : `${head}: ${aggregateMessage(errs)}`;
  return make(422, 'Invalid', message, { group, kind, name, causes });
}

/** NewBadRequest: 400 BadRequest. */
export function newBadRequest(reason: string): StatusError {
  return make(400, 'BadRequest', reason);
}

/** NewTooManyRequests: 429, with a retry delay. */
export function newTooManyRequests(message: string, retryAfterSeconds: number): StatusError {
  return make(429, 'TooManyRequests', message, { retryAfterSeconds });
}

/** NewServiceUnavailable: 503. */
export function newServiceUnavailable(reason: string): StatusError {
  return make(503, 'ServiceUnavailable', reason);
}

/** NewMethodNotSupported: 405, `delete is not supported on resources of kind "foos"`. */
export function newMethodNotSupported(qualifiedResource: GroupResource, action: string): StatusError {
  const { group, resource } = groupResource(qualifiedResource);
  return make(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${goQuote(qualified(resource, group))}`, {
    group,
    kind: resource,
  });
}

/** NewServerTimeout: 500 ServerTimeout, a transient failure the client should retry (details.name is the operation). */
export function newServerTimeout(qualifiedResource: GroupResource, operation: string, retryAfterSeconds: number): StatusError {
  const { group, resource } = groupResource(qualifiedResource);
  return make(
    500,
    'ServerTimeout',
    `The ${operation} operation against ${qualified(resource, group)} could not be completed at this time, please try again.`,
    { group, kind: resource, name: operation, retryAfterSeconds },
  );
}

/** NewServerTimeoutForKind: NewServerTimeout with the kind standing in for the resource. */
export function newServerTimeoutForKind(qualifiedKind: GroupKind, operation: string, retryAfterSeconds: number): StatusError {
  const { group, kind } = groupKind(qualifiedKind);
  return newServerTimeout({ group, resource: kind }, operation, retryAfterSeconds);
}

/** NewInternalError: 500, `Internal error occurred: <err>`, the error as the one cause. */
export function newInternalError(err: string | Error): StatusError {
  const text = errText(err);
  return make(500, 'InternalError', `Internal error occurred: ${text}`, { causes: [text ? { message: text } : {}] });
}

/** NewTimeoutError: 504 Timeout, `Timeout: <message>`; the operation may still complete. */
export function newTimeoutError(message: string, retryAfterSeconds: number): StatusError {
  return make(504, 'Timeout', `Timeout: ${message}`, { retryAfterSeconds });
}

/** NewTooManyRequestsError: 429, `Too many requests: <message>`. */
export function newTooManyRequestsError(message: string): StatusError {
  return make(429, 'TooManyRequests', `Too many requests: ${message}`);
}

/** NewRequestEntityTooLargeError: 413, `Request entity too large: <message>`. */
export function newRequestEntityTooLargeError(message: string): StatusError {
  return make(413, 'RequestEntityTooLarge', `Request entity too large: ${message}`);
}

/**
 * NewGenericServerResponse: how a client words a response that carried no
 * Status (reason and message from the HTTP code).
 */
export function newGenericServerResponse(
  code: number,
  verb: string,
  qualifiedResource: GroupResource,
  name: string,
  serverMessage: string,
  retryAfterSeconds: number,
  isUnexpectedResponse: boolean,
): StatusError {
  const { group, resource } = groupResource(qualifiedResource);
  let reason: StatusReason = '';
  let message = `the server responded with the status code ${code} but did not return more information`;
  switch (code) {
    case 409:
      reason = verb === 'POST' ? 'AlreadyExists' : 'Conflict';
      message = 'the server reported a conflict';
      break;
    case 404:
      reason = 'NotFound';
      message = 'the server could not find the requested resource';
      break;
    case 400:
      reason = 'BadRequest';
      message = 'the server rejected our request for an unknown reason';
      break;
    case 401:
      reason = 'Unauthorized';
      message = 'the server has asked for the client to provide credentials';
      break;
    case 403:
      reason = 'Forbidden';
      message = serverMessage;
      break;
    case 406:
      reason = 'NotAcceptable';
      message = serverMessage.length === 0 || serverMessage === 'unknown' ? 'the server was unable to respond with a content type that the client supports' : serverMessage;
      break;
    case 415:
      reason = 'UnsupportedMediaType';
      message = serverMessage;
      break;
    case 405:
      reason = 'MethodNotAllowed';
      message = 'the server does not allow this method on the requested resource';
      break;
    case 422:
      reason = 'Invalid';
      message = 'the server rejected our request due to an error in our request';
      break;
    case 503:
      reason = 'ServiceUnavailable';
      message = 'the server is currently unable to handle the request';
      break;
    case 504:
      reason = 'Timeout';
      message = 'the server was unable to return a response in the time allotted, but may still be processing the request';
      break;
    case 429:
      reason = 'TooManyRequests';
      message = 'the server has received too many requests and has asked us to try again later';
      break;
    default:
      if (code >= 500) {
        reason = 'InternalError';
        message = `an error on the server (${goQuote(serverMessage)}) has prevented the request from succeeding`;
      }
  }
  const empty = group.length === 0 && resource.length === 0;
  if (!empty && name.length > 0) message = `${message} (${verb.toLowerCase()} ${qualified(resource, group)} ${name})`;
  else if (!empty) message = `${message} (${verb.toLowerCase()} ${qualified(resource, group)})`;
  const causes = isUnexpectedResponse ? [serverMessage ? { reason: 'UnexpectedServerResponse', message: serverMessage } : { reason: 'UnexpectedServerResponse' }] : undefined;
  const err = make(code, reason, message, { group, kind: resource, name, causes, retryAfterSeconds });
  if (reason === '') delete err.status.reason;
  return err;
}

/** UnexpectedObjectError: FromObject was given something that is not a Status. */
export class UnexpectedObjectError extends Error {
  constructor(readonly object: unknown) {
    // `%v` of an *unstructured.Unstructured: &{map[...]}.
    super(`unexpected object: &{${goFmtV(object as JsonValue)}}`);
    this.name = 'UnexpectedObjectError';
  }
}

/**
 * FromObject over a decoded object: a v1 (or meta.k8s.io/v1) Status becomes a
 * StatusError, anything else an UnexpectedObjectError.
 */
export function fromObject(obj: unknown): StatusError | UnexpectedObjectError {
  const o = obj as Record<string, unknown> | null;
  if (o !== null && typeof o === 'object' && o.kind === 'Status' && (o.apiVersion === 'v1' || o.apiVersion === 'meta.k8s.io/v1')) {
    return new StatusError({ metadata: {}, ...o } as unknown as Status);
  }
  return new UnexpectedObjectError(obj);
}

/** IsUnexpectedObjectError, through Error.cause. */
export function isUnexpectedObjectError(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e !== null && e !== undefined && depth < 100; depth++) {
    if (e instanceof UnexpectedObjectError) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// --- recognising errors (errors.As through Error.cause, as Go unwraps %w) ---

/** The StatusError in `err` or in its `cause` chain, if any. */
export function asStatusError(err: unknown): StatusError | undefined {
  for (let e: unknown = err, depth = 0; e !== null && e !== undefined && depth < 100; depth++) {
    if (e instanceof StatusError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** ReasonForError: the reason, or "" (StatusReasonUnknown) when `err` carries no Status. */
export function reasonForError(err: unknown): StatusReason {
  return asStatusError(err)?.status.reason ?? '';
}

function reasonOrCode(err: unknown, reason: StatusReason, code: number): boolean {
  const s = asStatusError(err);
  if (s === undefined) return false;
  const r = s.status.reason ?? '';
  if (r === reason) return true;
  return !KNOWN_REASONS.has(r) && (s.status.code ?? 0) === code;
}

/** IsNotFound. */
export const isNotFound = (err: unknown): boolean => reasonOrCode(err, 'NotFound', 404);
/** IsAlreadyExists (by reason only). */
export const isAlreadyExists = (err: unknown): boolean => reasonForError(err) === 'AlreadyExists';
/** IsConflict. */
export const isConflict = (err: unknown): boolean => reasonOrCode(err, 'Conflict', 409);
/** IsInvalid. */
export const isInvalid = (err: unknown): boolean => reasonOrCode(err, 'Invalid', 422);
/** IsGone. */
export const isGone = (err: unknown): boolean => reasonOrCode(err, 'Gone', 410);
/** IsResourceExpired (by reason only). */
export const isResourceExpired = (err: unknown): boolean => reasonForError(err) === 'Expired';
/** IsNotAcceptable. */
export const isNotAcceptable = (err: unknown): boolean => reasonOrCode(err, 'NotAcceptable', 406);
/** IsUnsupportedMediaType. */
export const isUnsupportedMediaType = (err: unknown): boolean => reasonOrCode(err, 'UnsupportedMediaType', 415);
/** IsMethodNotSupported. */
export const isMethodNotSupported = (err: unknown): boolean => reasonOrCode(err, 'MethodNotAllowed', 405);
/** IsServiceUnavailable. */
export const isServiceUnavailable = (err: unknown): boolean => reasonOrCode(err, 'ServiceUnavailable', 503);
/** IsBadRequest. */
export const isBadRequest = (err: unknown): boolean => reasonOrCode(err, 'BadRequest', 400);
/** IsUnauthorized. */
export const isUnauthorized = (err: unknown): boolean => reasonOrCode(err, 'Unauthorized', 401);
/** IsForbidden. */
export const isForbidden = (err: unknown): boolean => reasonOrCode(err, 'Forbidden', 403);
/** IsTimeout. */
export const isTimeout = (err: unknown): boolean => reasonOrCode(err, 'Timeout', 504);
/** IsServerTimeout (by reason only: no HTTP code means "retry"). */
export const isServerTimeout = (err: unknown): boolean => reasonForError(err) === 'ServerTimeout';
/** IsInternalError. */
export const isInternalError = (err: unknown): boolean => reasonOrCode(err, 'InternalError', 500);
/** IsStoreReadError (by reason only). */
export const isStoreReadError = (err: unknown): boolean => reasonForError(err) === 'StoreReadError';

/** IsTooManyRequests: the reason, or code 429 whatever the reason (older behaviour kept upstream). */
export function isTooManyRequests(err: unknown): boolean {
  const s = asStatusError(err);
  return s !== undefined && (s.status.reason === 'TooManyRequests' || s.status.code === 429);
}

/** IsRequestEntityTooLargeError: the reason, or code 413 whatever the reason. */
export function isRequestEntityTooLargeError(err: unknown): boolean {
  const s = asStatusError(err);
  return s !== undefined && (s.status.reason === 'RequestEntityTooLarge' || s.status.code === 413);
}

/** StatusCause: the first cause of that type ("reason" in JSON), if `err` carries one. */
export function statusCause(err: unknown, name: string): StatusCause | undefined {
  return asStatusError(err)?.status.details?.causes?.find((c) => (c.reason ?? '') === name);
}

/** HasStatusCause. */
export function hasStatusCause(err: unknown, name: string): boolean {
  return statusCause(err, name) !== undefined;
}

/** IsUnexpectedServerError: a cause of type UnexpectedServerResponse. */
export function isUnexpectedServerError(err: unknown): boolean {
  return hasStatusCause(err, 'UnexpectedServerResponse');
}

/**
 * SuggestsClientDelay: the seconds to wait, when the error asks for a delay
 * (a ServerTimeout always does, even with 0; otherwise retryAfterSeconds > 0).
 */
export function suggestsClientDelay(err: unknown): { seconds: number; ok: boolean } {
  const s = asStatusError(err);
  const details = s?.status.details;
  if (s === undefined || details === undefined) return { seconds: 0, ok: false };
  const seconds = details.retryAfterSeconds ?? 0;
  if (s.status.reason === 'ServerTimeout') return { seconds, ok: true };
  if (seconds > 0) return { seconds, ok: true };
  return { seconds: 0, ok: false };
}

// What every API server call answers: the HTTP status code, and either the
// object(s) or a metav1.Status saying what went wrong, worded as
// kube-apiserver words it. Outcomes are values: a conflict or an invalid
// object is a Result, never an exception.

import type { JsonObject } from '../apimachinery/json.ts';
import type { StorageEvent } from './storage.ts';

/** One event of a watch, as the watch stream carries it. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR';
  object: Readonly<JsonObject>;
}

/** metav1.Status as the API serves it (for errors, and for some deletes). */
export interface StatusObject extends JsonObject {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: JsonObject;
  status: 'Success' | 'Failure';
}

export interface ApiResult {
  /** HTTP status: 201 create, 200 get/update/patch/delete/list/watch, 202 a delete still in progress, errors 4xx/5xx. */
  code: number;
  /** metav1.StatusReason for errors: NotFound, AlreadyExists, Conflict, Invalid, Expired, BadRequest, Forbidden, ... */
  reason?: string;
  /** The Status message, exactly as kube-apiserver words it. */
  message?: string;
  /** The stored object (create, get, update, patch, delete while it still exists), the deleted object, or a success Status. */
  object?: Readonly<JsonObject>;
  /** list: the items, in key order. */
  items?: Readonly<JsonObject>[];
  /** list: the store's resourceVersion at the time of the list. */
  resourceVersion?: string;
  /** watch: the events delivered so far. */
  events?: WatchEvent[];
  /** The full metav1.Status of an error (its details carry the field causes of an Invalid). */
  status?: StatusObject;
  /** A 422 Invalid: the field errors, with their paths as segments (for pointing at the learner's line). */
  fieldErrors?: ErrorList;
  /** A 400 from decoding: each offending field, for pointing at the learner's line. */
  problems?: readonly { path: readonly (string | number)[]; message: string }[];
}

/** A failed call: the Status's code, reason and message, and the Status itself. */
export function failure(status: StatusObject): ApiResult {
  const code = typeof status.code === 'number' ? status.code : 500;
  const reason = typeof status.reason === 'string' && status.reason !== '' ? status.reason : undefined;
  const message = typeof status.message === 'string' ? status.message : '';
  return { code, ...(reason ? { reason } : {}), message, status };
}

export function isFailure(result: ApiResult): boolean {
  return result.code >= 400;
}

/** A storage change as a watch event. */
export function toWatchEvent(e: StorageEvent): WatchEvent {
  return { type: e.type, object: e.object };
}

// TODO(apimachinery): replace with apimachinery/api-errors.ts once it lands (same wording).
import { aggregateMessage, errorBody } from '../apimachinery/field-errors.ts';
import type { ErrorList } from '../apimachinery/field-errors.ts';
import { goQuote } from '../apimachinery/go-strconv.ts';

function statusOf(code: number, reason: string, message: string, details?: JsonObject): StatusObject {
  const s: StatusObject = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message };
  if (reason !== '') s.reason = reason;
  if (details) s.details = details;
  s.code = code;
  return s;
}

function details(group: string, kind: string, name: string): JsonObject {
  const d: JsonObject = {};
  if (name !== '') d.name = name;
  if (group !== '') d.group = group;
  d.kind = kind;
  return d;
}

function qualified(group: string, name: string): string {
  return group === '' ? name : `${name}.${group}`;
}

export const statusErrors = {
  notFound: (group: string, resource: string, name: string) =>
    failure(statusOf(404, 'NotFound', `${qualified(group, resource)} ${goQuote(name)} not found`, details(group, resource, name))),
  alreadyExists: (group: string, resource: string, name: string) =>
    failure(statusOf(409, 'AlreadyExists', `${qualified(group, resource)} ${goQuote(name)} already exists`, details(group, resource, name))),
  conflict: (group: string, resource: string, name: string, why: string) =>
    failure(statusOf(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(group, resource)} ${goQuote(name)}: ${why}`, details(group, resource, name))),
  forbidden: (group: string, resource: string, name: string, why: string) =>
    failure(statusOf(403, 'Forbidden', name === '' ? `${qualified(group, resource)} is forbidden: ${why}` : `${qualified(group, resource)} ${goQuote(name)} is forbidden: ${why}`, details(group, resource, name))),
  invalid: (group: string, kind: string, name: string, errs: ErrorList) => {
    const d = details(group, kind, name);
    d.causes = errs.map((e) => ({ reason: e.type, message: errorBody(e), field: e.field }));
    const agg = aggregateMessage(errs);
    const result = failure(statusOf(422, 'Invalid', agg === '' ? `${qualified(group, kind)} ${goQuote(name)} is invalid` : `${qualified(group, kind)} ${goQuote(name)} is invalid: ${agg}`, d));
    return { ...result, fieldErrors: errs };
  },
  badRequest: (message: string) => failure(statusOf(400, 'BadRequest', message)),
  expired: (message: string) => failure(statusOf(410, 'Expired', message)),
  internal: (message: string) => failure(statusOf(500, '', message)),
  methodNotAllowed: (group: string, resource: string, action: string) =>
    failure(statusOf(405, 'MethodNotAllowed', `${action} is not supported on resources of kind ${goQuote(qualified(group, resource))}`, details(group, resource, ''))),
};

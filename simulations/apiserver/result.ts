// What every API server call answers: the HTTP status code, and either the
// object(s) or a metav1.Status saying what went wrong, worded as
// kube-apiserver words it. Outcomes are values: a conflict or an invalid
// object is a Result, never an exception.

import { newAlreadyExists, newBadRequest, newConflict, newForbidden, newInvalid, newMethodNotSupported, newNotFound, newResourceExpired } from '../apimachinery/api-errors.ts';
import type { Status } from '../apimachinery/api-errors.ts';
import type { ErrorList } from '../apimachinery/field-errors.ts';
import type { JsonObject } from '../apimachinery/json.ts';
import type { StorageEvent } from './storage.ts';

/** One event of a watch, as the watch stream carries it. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'ERROR';
  object: Readonly<JsonObject>;
}

/** metav1.Status as the API serves it (for errors, and for some deletes). */
export type StatusObject = Status;

export interface ApiResult {
  /** HTTP status: 201 create, 200 get/update/patch/delete/list/watch, 202 a delete still in progress, errors 4xx/5xx. */
  code: number;
  /** metav1.StatusReason for errors: NotFound, AlreadyExists, Conflict, Invalid, Expired, BadRequest, Forbidden, ... */
  reason?: string;
  /** The Status message, exactly as kube-apiserver words it. */
  message?: string;
  /** The stored object (create, get, update, patch, delete while it still exists), the deleted object, or a success Status. */
  object?: Readonly<JsonObject> | Status;
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

/**
 * The refusals the API server answers with, as results: apimachinery's
 * api/errors constructors (their codes, reasons and messages), wrapped.
 */
export const statusErrors = {
  notFound: (group: string, resource: string, name: string) => failure(newNotFound({ group, resource }, name).status),
  alreadyExists: (group: string, resource: string, name: string) => failure(newAlreadyExists({ group, resource }, name).status),
  conflict: (group: string, resource: string, name: string, why: string) => failure(newConflict({ group, resource }, name, why).status),
  forbidden: (group: string, resource: string, name: string, why: string) => failure(newForbidden({ group, resource }, name, why).status),
  /** 422 Invalid, with the field errors kept (their paths point at the learner's line). */
  invalid: (group: string, kind: string, name: string, errs: ErrorList): ApiResult => ({ ...failure(newInvalid({ group, kind }, name, errs).status), fieldErrors: errs }),
  badRequest: (message: string) => failure(newBadRequest(message).status),
  expired: (message: string) => failure(newResourceExpired(message).status),
  /** A plain error the handler turns into a 500 with no reason (ErrorToAPIStatus's default). */
  internal: (message: string) => failure({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, code: 500 }),
  methodNotAllowed: (group: string, resource: string, action: string) => failure(newMethodNotSupported({ group, resource }, action).status),
};

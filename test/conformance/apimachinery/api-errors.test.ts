// Conformance: API server errors (Status code, reason, message, details) and
// the Is*/SuggestsClientDelay checks, against apimachinery's tests and the
// message formats in errors.go. Go's fmt.Errorf("...: %w", err) is an Error
// with `cause` here.
// src (k8s.io/apimachinery v0.36.3): pkg/api/errors/errors_test.go, pkg/api/errors/errors.go
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  StatusError,
  UnexpectedObjectError,
  fromObject,
  isAlreadyExists,
  isBadRequest,
  isConflict,
  isForbidden,
  isInvalid,
  isMethodNotSupported,
  isNotFound,
  isRequestEntityTooLargeError,
  isServerTimeout,
  isTooManyRequests,
  isUnauthorized,
  isUnexpectedObjectError,
  isUnexpectedServerError,
  newAlreadyExists,
  newApplyConflict,
  newBadRequest,
  newConflict,
  newForbidden,
  newGenerateNameConflict,
  newGenericServerResponse,
  newGone,
  newInternalError,
  newInvalid,
  newMethodNotSupported,
  newNotFound,
  newResourceExpired,
  newServerTimeout,
  newTimeoutError,
  newTooManyRequests,
  newTooManyRequestsError,
  newUnauthorized,
  reasonForError,
  statusCause,
  suggestsClientDelay,
} from '../../../simulations/apimachinery/api-errors.ts';
import type { Status, StatusReason } from '../../../simulations/apimachinery/api-errors.ts';
import { duplicate, errorBody, invalid, notFound, notSupported, required } from '../../../simulations/apimachinery/field-errors.ts';
import type { FieldErr } from '../../../simulations/apimachinery/field-errors.ts';
import { Path } from '../../../simulations/apimachinery/field-path.ts';

const T = 'pkg/api/errors/errors_test.go';
const SRC = 'pkg/api/errors/errors.go';

/** &StatusError{ErrStatus: metav1.Status{...}} built directly, as the upstream tests do. */
const statusError = (s: Partial<Status>) => new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, ...s });
/** fmt.Errorf("<msg>: %w", err). */
const wrap = (msg: string, err: unknown) => new Error(`${msg}: ${(err as Error).message}`, { cause: err });

// --- TestErrorNew ---
test(`${T} TestErrorNew: AlreadyExists is only AlreadyExists`, () => {
  const err = newAlreadyExists('tests', '1');
  assert.equal(isAlreadyExists(err), true);
  for (const is of [isConflict, isNotFound, isInvalid, isBadRequest, isForbidden, isServerTimeout, isMethodNotSupported]) assert.equal(is(err), false, is.name);
});
test(`${T} TestErrorNew: each constructor is recognised by its check`, () => {
  assert.equal(isConflict(newConflict('tests', '2', new Error('message'))), true);
  assert.equal(isNotFound(newNotFound('tests', '3')), true);
  assert.equal(isInvalid(newInvalid('Test', '2', [])), true);
  assert.equal(isBadRequest(newBadRequest('reason')), true);
  assert.equal(isForbidden(newForbidden('tests', '2', new Error('reason'))), true);
  assert.equal(isUnauthorized(newUnauthorized('reason')), true);
  assert.equal(isServerTimeout(newServerTimeout('tests', 'reason', 0)), true);
  assert.equal(isMethodNotSupported(newMethodNotSupported('foos', 'delete')), true);
  assert.equal(isAlreadyExists(newGenerateNameConflict('tests', '3', 1)), true);
});
const delayCases: [string, StatusError, number, boolean][] = [
  ['NewGenerateNameConflict(1)', newGenerateNameConflict('tests', '3', 1), 1, true],
  ['NewServerTimeout(10)', newServerTimeout('tests', 'doing something', 10), 10, true],
  ['NewServerTimeout(0)', newServerTimeout('tests', 'doing something', 0), 0, true],
  ['NewTimeoutError(10)', newTimeoutError('test reason', 10), 10, true],
  ['NewTooManyRequests(10)', newTooManyRequests('doing something', 10), 10, true],
  ['NewTooManyRequests(1)', newTooManyRequests('doing something', 1), 1, true],
  ['NewGenericServerResponse(429, 10)', newGenericServerResponse(429, 'GET', 'tests', 'test', 'doing something', 10, true), 10, true],
  ['NewGenericServerResponse(500, 10)', newGenericServerResponse(500, 'GET', 'tests', 'test', 'doing something', 10, true), 10, true],
  ['NewGenericServerResponse(429, 0)', newGenericServerResponse(429, 'GET', 'tests', 'test', 'doing something', 0, true), 0, false],
];
for (const [name, err, seconds, ok] of delayCases) {
  test(`${T} TestErrorNew: SuggestsClientDelay(${name})`, () => assert.deepEqual(suggestsClientDelay(err), { seconds, ok }));
}

// --- TestNewInvalid: the cause carries the type, the field and ErrorBody ---
const invalidCases: [FieldErr | null, string][] = [
  [duplicate(Path.of('field[0].name'), 'bar'), 'Kind "name" is invalid: field[0].name: Duplicate value: "bar"'],
  [invalid(Path.of('field[0].name'), 'bar', 'detail'), 'Kind "name" is invalid: field[0].name: Invalid value: "bar": detail'],
  [notFound(Path.of('field[0].name'), 'bar'), 'Kind "name" is invalid: field[0].name: Not found: "bar"'],
  [notSupported(Path.of('field[0].name'), 'bar', []), 'Kind "name" is invalid: field[0].name: Unsupported value: "bar"'],
  [required(Path.of('field[0].name'), ''), 'Kind "name" is invalid: field[0].name: Required value'],
  [null, 'Kind "name" is invalid'],
];
for (const [e, msg] of invalidCases) {
  test(`${T} TestNewInvalid: ${msg}`, () => {
    const err = newInvalid('Kind', 'name', e === null ? [] : [e]);
    assert.equal(err.status.code, 422);
    assert.equal(err.status.reason, 'Invalid');
    // An empty Causes list is left out of the JSON (omitempty).
    assert.deepEqual(err.status.details, {
      kind: 'Kind',
      name: 'name',
      ...(e === null ? {} : { causes: [{ reason: e.type, message: errorBody(e), field: 'field[0].name' }] }),
    });
    assert.equal(err.status.message, msg);
    assert.equal(err.message, msg);
  });
}

test(`${T} TestReasonForError: nil is StatusReasonUnknown`, () => assert.equal(reasonForError(null), ''));

test(`${T} TestFromObject: a Status becomes its error`, () => {
  assert.equal(fromObject({ kind: 'Status', apiVersion: 'v1', message: 'foobar' }).message, 'foobar');
  assert.ok(fromObject({ kind: 'Pod', apiVersion: 'v1' }) instanceof UnexpectedObjectError);
});

// --- TestReasonForErrorSupportsWrappedErrors ---
const reasonCases: [string, unknown, StatusReason][] = [
  ['Direct match', statusError({ reason: 'Unauthorized' }), 'Unauthorized'],
  ['No match', new Error('some other error'), ''],
  ['Nested match', wrap('wrapping', wrap('some more', statusError({ reason: 'AlreadyExists' }))), 'AlreadyExists'],
  ['Nested, no match', wrap('wrapping', wrap('some more', new Error('hello'))), ''],
  ['Nil', undefined, ''],
];
for (const [name, err, want] of reasonCases) {
  test(`${T} TestReasonForErrorSupportsWrappedErrors: ${name}`, () => assert.equal(reasonForError(err), want));
}

// --- TestIsTooManyRequestsSupportsWrappedErrors / TestIsRequestEntityTooLargeErrorSupportsWrappedErrors ---
for (const [fn, is, reason, code] of [
  ['TestIsTooManyRequestsSupportsWrappedErrors', isTooManyRequests, 'TooManyRequests', 429],
  ['TestIsRequestEntityTooLargeErrorSupportsWrappedErrors', isRequestEntityTooLargeError, 'RequestEntityTooLarge', 413],
] as const) {
  const cases: [string, unknown, boolean][] = [
    ['Direct match via status reason', statusError({ reason }), true],
    ['Direct match via status code', statusError({ code }), true],
    ['No match', statusError({}), false],
    ['Nested match via status reason', wrap('Wrapping', statusError({ reason })), true],
    ['Nested match via status code', wrap('Wrapping', statusError({ code })), true],
    ['Nested,no match', wrap('Wrapping', statusError({ code: 404 })), false],
    ['Nil', undefined, false],
  ];
  for (const [name, err, want] of cases) test(`${T} ${fn}: ${name}`, () => assert.equal(is(err), want));
}

// --- TestIsUnexpectedServerError / TestIsUnexpectedObjectError / TestSuggestsClientDelaySupportsWrapping ---
const unexpectedServer = () => statusError({ details: { causes: [{ reason: 'UnexpectedServerResponse' }] } });
const delayErr = () => statusError({ reason: 'ServerTimeout', details: {} });
for (const [fn, make, check] of [
  ['TestIsUnexpectedServerError', unexpectedServer, isUnexpectedServerError],
  ['TestIsUnexpectedObjectError', () => new UnexpectedObjectError({}), isUnexpectedObjectError],
  ['TestSuggestsClientDelaySupportsWrapping', delayErr, (e: unknown) => suggestsClientDelay(e).ok],
] as const) {
  const cases: [string, unknown, boolean][] = [
    ['Direct match', make(), true],
    ['No match', new Error('some other error'), false],
    ['Nested match', wrap('wrapping', make()), true],
    ['Nested, no match', wrap('wrapping', wrap('some more', new Error('hello'))), false],
    ['Nil', undefined, false],
  ];
  for (const [name, err, want] of cases) test(`${T} ${fn}: ${name}`, () => assert.equal(check(err), want));
}

// --- TestIsErrorTypesByReasonAndCode ---
const byReasonAndCode: [string, StatusReason, StatusReason, boolean, number, (e: unknown) => boolean][] = [
  ['IsRequestEntityTooLarge', 'RequestEntityTooLarge', 'Forbidden', false, 413, isRequestEntityTooLargeError],
  ['TooManyRequests', 'TooManyRequests', 'Forbidden', false, 429, isTooManyRequests],
  ['Forbidden', 'Forbidden', 'NotFound', true, 403, isForbidden],
  ['NotFound', 'NotFound', 'Forbidden', true, 404, isNotFound],
];
for (const [name, known, other, otherConsidered, code, fn] of byReasonAndCode) {
  test(`${T} TestIsErrorTypesByReasonAndCode: ${name} by known reason`, () => assert.equal(fn(statusError({ reason: known })), true));
  test(`${T} TestIsErrorTypesByReasonAndCode: ${name} by code and unknown reason`, () => assert.equal(fn(statusError({ reason: '', code })), true));
  if (otherConsidered) {
    test(`${T} TestIsErrorTypesByReasonAndCode: ${name} by code and other known reason`, () => assert.equal(fn(statusError({ reason: other, code })), false));
  }
}

// --- TestStatusCauseSupportsWrappedErrors ---
test(`${T} TestStatusCauseSupportsWrappedErrors`, () => {
  const err = statusError({ details: { causes: [{ reason: 'SomeCause' }] } });
  assert.equal(statusCause(null, 'SomeCause'), undefined);
  assert.equal(statusCause(new Error('boom'), 'SomeCause'), undefined);
  assert.equal(statusCause(err, 'Other'), undefined);
  assert.equal(statusCause(err, 'SomeCause'), err.status.details?.causes?.[0]);
  const wrapped = wrap('once', err);
  assert.equal(statusCause(wrapped, 'SomeCause'), err.status.details?.causes?.[0]);
  assert.equal(statusCause(wrap('twice', wrapped), 'SomeCause'), err.status.details?.causes?.[0]);
});

// --- errors.go: the constructors' codes, reasons, messages and details ---
const sourceCases: [string, StatusError, number, StatusReason, string, Record<string, unknown> | undefined][] = [
  ['NewNotFound', newNotFound('configmaps', 'foo'), 404, 'NotFound', 'configmaps "foo" not found', { name: 'foo', kind: 'configmaps' }],
  ['NewNotFound (group)', newNotFound({ group: 'apps', resource: 'deployments' }, 'web'), 404, 'NotFound', 'deployments.apps "web" not found', { name: 'web', group: 'apps', kind: 'deployments' }],
  ['NewAlreadyExists', newAlreadyExists('configmaps', 'foo'), 409, 'AlreadyExists', 'configmaps "foo" already exists', { name: 'foo', kind: 'configmaps' }],
  [
    'NewGenerateNameConflict',
    newGenerateNameConflict('pods', 'web-abcde', 1),
    409,
    'AlreadyExists',
    'pods "web-abcde" already exists, the server was not able to generate a unique name for the object',
    { name: 'web-abcde', kind: 'pods', retryAfterSeconds: 1 },
  ],
  ['NewUnauthorized ("")', newUnauthorized(''), 401, 'Unauthorized', 'not authorized', undefined],
  ['NewForbidden', newForbidden('pods', 'x', 'no'), 403, 'Forbidden', 'pods "x" is forbidden: no', { name: 'x', kind: 'pods' }],
  ['NewForbidden (no name)', newForbidden('pods', '', 'no'), 403, 'Forbidden', 'pods is forbidden: no', { kind: 'pods' }],
  ['NewForbidden (no resource)', newForbidden('', '', 'no'), 403, 'Forbidden', 'forbidden: no', {}],
  [
    'NewConflict',
    newConflict('deployments.apps', 'web', 'the object has been modified; please apply your changes to the latest version and try again'),
    409,
    'Conflict',
    'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again',
    { name: 'web', group: 'apps', kind: 'deployments' },
  ],
  ['NewApplyConflict', newApplyConflict([{ reason: 'FieldManagerConflict', message: 'm', field: '.spec' }], 'Apply failed'), 409, 'Conflict', 'Apply failed', { causes: [{ reason: 'FieldManagerConflict', message: 'm', field: '.spec' }] }],
  ['NewGone', newGone('gone'), 410, 'Gone', 'gone', undefined],
  ['NewResourceExpired', newResourceExpired('too old resource version: 1 (5)'), 410, 'Expired', 'too old resource version: 1 (5)', undefined],
  ['NewBadRequest', newBadRequest('bad'), 400, 'BadRequest', 'bad', undefined],
  ['NewMethodNotSupported', newMethodNotSupported('foos', 'delete'), 405, 'MethodNotAllowed', 'delete is not supported on resources of kind "foos"', { kind: 'foos' }],
  [
    'NewServerTimeout',
    newServerTimeout('deployments.apps', 'create', 2),
    500,
    'ServerTimeout',
    'The create operation against deployments.apps could not be completed at this time, please try again.',
    { name: 'create', group: 'apps', kind: 'deployments', retryAfterSeconds: 2 },
  ],
  ['NewInternalError', newInternalError('boom'), 500, 'InternalError', 'Internal error occurred: boom', { causes: [{ message: 'boom' }] }],
  ['NewTimeoutError', newTimeoutError('slow', 3), 504, 'Timeout', 'Timeout: slow', { retryAfterSeconds: 3 }],
  ['NewTooManyRequests', newTooManyRequests('slow down', 4), 429, 'TooManyRequests', 'slow down', { retryAfterSeconds: 4 }],
  ['NewTooManyRequestsError', newTooManyRequestsError('slow down'), 429, 'TooManyRequests', 'Too many requests: slow down', undefined],
];
for (const [name, err, code, reason, message, details] of sourceCases) {
  test(`${SRC} ${name}: ${code} ${reason}`, () => {
    assert.equal(err.status.status, 'Failure');
    assert.equal(err.status.code, code);
    assert.equal(err.status.reason, reason);
    assert.equal(err.status.message, message);
    assert.deepEqual(err.status.details, details);
  });
}

test(`${SRC} NewInvalid: group-qualified kind and several errors aggregated as [a, b]`, () => {
  const err = newInvalid('Deployment.apps', 'web', [
    invalid(Path.of('spec', 'replicas'), -1, 'must be greater than or equal to 0'),
    required(Path.of('spec', 'selector'), ''),
  ]);
  assert.equal(err.status.message, 'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.selector: Required value]');
  assert.deepEqual(err.status.details, {
    name: 'web',
    group: 'apps',
    kind: 'Deployment',
    causes: [
      { reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas' },
      { reason: 'FieldValueRequired', message: 'Required value', field: 'spec.selector' },
    ],
  });
  // The JSON body kube-apiserver writes: metav1.Status's field order, empty fields left out.
  assert.deepEqual(Object.keys(JSON.parse(JSON.stringify(err))), ['kind', 'apiVersion', 'metadata', 'status', 'message', 'reason', 'details', 'code']);
});

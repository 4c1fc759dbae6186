// Upstream: pkg/apis/core/validation/events_test.go: TestValidateEventForCoreV1Events,
// TestValidateEventForNewV1beta1Events.
//
// Both call ValidateEventCreate and ValidateEventUpdate(event, &core.Event{})
// with a request version (v1, events/v1beta1) that gets the legacy checks
// only, which is what a core/v1 Event gets. The internal ReportingController
// is v1's reportingComponent. Upstream asserts valid or not; the `errors`
// below name each error's type and field as legacyValidateEvent produces them.
// Not ported: TestValidateEventCreateForNewV1Events / Update (events.k8s.io/v1
// strict rules, not a core kind).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorString, type ErrorList, type ErrorType } from '../../../simulations/apimachinery/field-errors.ts';
import type { JsonObject } from '../../../simulations/apimachinery/json.ts';
import { validationFor } from '../../../simulations/apiserver/validation/index.ts';

const FILE = 'pkg/apis/core/validation/events_test.go';
interface Want {
  type: ErrorType;
  field: string;
}
const I = (field: string): Want => ({ type: 'FieldValueInvalid', field });
const R = (field: string): Want => ({ type: 'FieldValueRequired', field });
const show = (errs: ErrorList): string => errs.map(errorString).join('\n') || '(no errors)';
const pick = (errs: ErrorList): Want[] => errs.map((e) => ({ type: e.type, field: e.field }));
const ev = validationFor('v1/Event');

const event = (name: string, namespace: string | undefined, involvedObject: JsonObject, extra: JsonObject = {}): JsonObject => ({
  apiVersion: 'v1',
  kind: 'Event',
  metadata: { name, ...(namespace === undefined ? {} : { namespace }) },
  involvedObject,
  ...extra,
});

function check(e: JsonObject, errors: Want[]): void {
  const createErrs = ev?.create(e) ?? [];
  assert.deepEqual(pick(createErrs), errors, show(createErrs));
  const updateErrs = ev?.update?.(e, { apiVersion: 'v1', kind: 'Event' }) ?? [];
  assert.deepEqual(pick(updateErrs), errors, show(updateErrs));
}

test(`${FILE} TestValidateEventForCoreV1Events`, async (t) => {
  const mismatch = [I('involvedObject.namespace')];
  const cases: [JsonObject, Want[]][] = [
    [event('test1', 'foo', { namespace: 'bar', kind: 'Pod' }), mismatch],
    [event('test2', 'aoeu-_-aoeu', { namespace: 'aoeu-_-aoeu', kind: 'Pod' }), [I('namespace')]],
    [event('test3', 'default', { apiVersion: 'v1', kind: 'Node' }), []],
    [event('test4', 'default', { apiVersion: 'v1', kind: 'Namespace' }), []],
    [event('test5', 'default', { apiVersion: 'apps/v1', kind: 'NoKind', namespace: 'default' }), []],
    [event('test6', 'default', { apiVersion: 'batch/v1', kind: 'Job', namespace: 'foo' }), mismatch],
    [event('test7', 'default', { apiVersion: 'batch/v1', kind: 'Job', namespace: 'default' }), []],
    [event('test8', 'default', { apiVersion: 'other/v1beta1', kind: 'Job', namespace: 'foo' }), mismatch],
    [event('test9', 'foo', { apiVersion: 'other/v1beta1', kind: 'Job', namespace: 'foo' }), []],
    [event('test10', 'default', { apiVersion: 'batch', kind: 'Job', namespace: 'foo' }), mismatch],
    [event('test11', 'foo', { apiVersion: 'batch/v1', kind: 'Job', namespace: 'foo' }), []],
    [event('test12', 'foo', { apiVersion: 'other/v1beta1', kind: 'FooBar', namespace: 'bar' }), mismatch],
    // An empty namespace is also not a DNS subdomain.
    [event('test13', '', { apiVersion: 'other/v1beta1', kind: 'FooBar', namespace: 'bar' }), [I('involvedObject.namespace'), I('namespace')]],
    [event('test14', 'foo', { apiVersion: 'other/v1beta1', kind: 'FooBar', namespace: '' }), mismatch],
  ];
  for (const [e, errors] of cases) {
    await t.test(String((e.metadata as JsonObject).name), () => check(e, errors));
  }
});

test(`${FILE} TestValidateEventForNewV1beta1Events`, async (t) => {
  // metav1.MicroTime{Time: time.Unix(1505828956, 0)}
  const someTime = '2017-09-19T13:49:16.000000Z';
  const node = { apiVersion: 'v1', kind: 'Node' };
  const reporting = { reportingComponent: 'k8s.io/my-controller', reportingInstance: 'node-xyz' };
  const longInstance =
    'node-xyzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz';
  // Upstream's message is eleven lines of z, over NoteLengthLimit (1024).
  const longMessage = `${'z'.repeat(97)}\n`.repeat(10) + 'z'.repeat(75);
  const cases: [string, JsonObject, Want[]][] = [
    [
      'Old Event with EventTime should trigger new validation and fail',
      event('test', 'default', node, { eventTime: someTime }),
      // An empty reportingController is Required and, as a qualified name, invalid twice.
      [R('reportingController'), I('reportingController'), I('reportingController'), R('reportingInstance'), R('action'), R('reason')],
    ],
    ['Valid new Event', event('test', 'kube-system', node, { eventTime: someTime, ...reporting, action: 'Do', reason: 'Because' }), []],
    [
      'not qualified reportingController',
      event('test', 'kube-system', node, { eventTime: someTime, ...reporting, reportingComponent: 'my-contr@ller', action: 'Do', reason: 'Because' }),
      [I('reportingController')],
    ],
    [
      'too long reporting instance',
      event('test', 'kube-system', node, { eventTime: someTime, ...reporting, reportingInstance: longInstance, action: 'Do', reason: 'Because' }),
      [I('reportingInstance')],
    ],
    ['missing reason', event('test', 'kube-system', node, { eventTime: someTime, ...reporting, action: 'Do' }), [R('reason')]],
    ['missing action', event('test', 'kube-system', node, { eventTime: someTime, ...reporting, reason: 'Because' }), [R('action')]],
    [
      'missing namespace',
      event('test', undefined, node, { eventTime: someTime, ...reporting, reason: 'Because' }),
      [I('involvedObject.namespace'), R('action'), I('namespace')],
    ],
    [
      'too long message',
      event('test', undefined, node, { eventTime: someTime, ...reporting, action: 'Do', reason: 'Because', message: longMessage }),
      [I('involvedObject.namespace'), I('message'), I('namespace')],
    ],
  ];
  assert.ok(longInstance.length > 128 && longMessage.length > 1024);
  for (const [name, e, errors] of cases) {
    await t.test(name, () => check(e, errors));
  }
});

// core/v1 Event validation. Events written through /api/v1 get only the
// legacy checks (namespace agreement, and for events with eventTime the
// reporting fields); the stricter events.k8s.io/v1 rules do not apply.
// src: pkg/apis/core/validation/events.go (ValidateEventCreate, ValidateEventUpdate,
//      legacyValidateEvent)

import { type ErrorList, invalid, required } from '../../../apimachinery/field-errors.ts';
import { Path } from '../../../apimachinery/field-path.ts';
import { asObject, asString, type JsonObject } from '../../../apimachinery/json.ts';
import { byteLength, isDNS1123Subdomain, isQualifiedName } from './apimachinery-checks.ts';

const REPORTING_INSTANCE_LENGTH_LIMIT = 128;
const ACTION_LENGTH_LIMIT = 128;
const REASON_LENGTH_LIMIT = 128;
const NOTE_LENGTH_LIMIT = 1024;

/** A metav1.Time / MicroTime field is zero when absent, null or Go's zero time. */
function isZeroTime(v: unknown): boolean {
  return typeof v !== 'string' || v === '' || /^0001-01-01T00:00:00(\.0+)?Z$/.test(v);
}

/** legacyValidateEvent. */
function legacyValidateEvent(obj: JsonObject): ErrorList {
  const errs: ErrorList = [];
  const namespace = asString(asObject(obj.metadata)?.namespace);
  const involvedNamespace = asString(asObject(obj.involvedObject)?.namespace);
  const involvedPath = Path.of('involvedObject', 'namespace');
  if (isZeroTime(obj.eventTime)) {
    // An old-style event: its namespace and the involved object's agree
    // ("default" is tolerated for cluster-scoped objects, as old clients wrote it).
    if (involvedNamespace.length === 0) {
      if (namespace !== '' && namespace !== 'default') errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'));
    } else if (namespace !== involvedNamespace) {
      errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'));
    }
  } else {
    if (involvedNamespace.length === 0 && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(invalid(involvedPath, involvedNamespace, 'does not match event.namespace'));
    }
    const reportingController = asString(obj.reportingComponent);
    if (reportingController.length === 0) errs.push(required(Path.of('reportingController')));
    for (const m of isQualifiedName(reportingController)) errs.push(invalid(Path.of('reportingController'), reportingController, m));
    const reportingInstance = asString(obj.reportingInstance);
    if (reportingInstance.length === 0) errs.push(required(Path.of('reportingInstance')));
    if (byteLength(reportingInstance) > REPORTING_INSTANCE_LENGTH_LIMIT) {
      errs.push(invalid(Path.of('reportingInstance'), '', `can have at most ${REPORTING_INSTANCE_LENGTH_LIMIT} characters`));
    }
    const action = asString(obj.action);
    if (action.length === 0) errs.push(required(Path.of('action')));
    if (byteLength(action) > ACTION_LENGTH_LIMIT) errs.push(invalid(Path.of('action'), '', `can have at most ${ACTION_LENGTH_LIMIT} characters`));
    const reason = asString(obj.reason);
    if (reason.length === 0) errs.push(required(Path.of('reason')));
    if (byteLength(reason) > REASON_LENGTH_LIMIT) errs.push(invalid(Path.of('reason'), '', `can have at most ${REASON_LENGTH_LIMIT} characters`));
    if (byteLength(asString(obj.message)) > NOTE_LENGTH_LIMIT) {
      errs.push(invalid(Path.of('message'), '', `can have at most ${NOTE_LENGTH_LIMIT} characters`));
    }
  }
  for (const m of isDNS1123Subdomain(namespace)) errs.push(invalid(Path.of('namespace'), namespace, m));
  return errs;
}

/**
 * ValidateEventCreate for a v1 request. The internal Event's
 * ReportingController is v1's reportingComponent.
 */
export function validateEventCreate(obj: JsonObject): ErrorList {
  return legacyValidateEvent(obj);
}

/** ValidateEventUpdate for a v1 request: the new Event passes the legacy checks. */
export function validateEventUpdate(obj: JsonObject, _old: JsonObject): ErrorList {
  return legacyValidateEvent(obj);
}

// The actions a probe or a lifecycle hook runs: exactly one of exec, httpGet,
// tcpSocket, grpc (probes) or sleep (hooks), each checked for its own fields.
// src: pkg/apis/core/validation/validation.go (validateHandler, handlerFromProbe,
// handlerFromLifecycle, validateExecAction, validateHTTPGetAction, ValidatePortNumOrName,
// validateTCPSocketAction, validateGRPCAction, validateSleepAction)

import { forbidden, internalError, invalid, notSupported, required, type ErrorList } from '../../../apimachinery/field-errors.ts';
import type { Path } from '../../../apimachinery/field-path.ts';
import { asInt, asList, asObject, asString, type JsonObject, type JsonValue } from '../../../apimachinery/json.ts';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './pending-apimachinery.ts';
import type { PodValidationOptions } from './pod-validation-options.ts';

/** The handler kinds in upstream's order; a probe has no sleep, a hook no grpc. */
export type HandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';
export const PROBE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
export const LIFECYCLE_HANDLERS: readonly HandlerKind[] = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/**
 * ValidatePortNumOrName: an IntOrString port. A JSON number is an Int (absent
 * reads as the zero Int, 0); a string must be a port name.
 */
export function validatePortNumOrName(port: JsonValue | undefined, fldPath: Path): ErrorList {
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(fldPath, port, m));
  if (port === undefined || port === null || typeof port === 'number') {
    const n = typeof port === 'number' ? port : 0;
    return isValidPortNum(n).map((m) => invalid(fldPath, n, m));
  }
  return [internalError(fldPath, `unknown type: ${typeof port}`)];
}

function validateExecAction(exec: JsonObject, fldPath: Path): ErrorList {
  return asList(exec.command).length === 0 ? [required(fldPath.child('command'), '')] : [];
}

function validateHTTPGetAction(http: JsonObject, fldPath: Path): ErrorList {
  const errs: ErrorList = [];
  if (asString(http.path).length === 0) errs.push(required(fldPath.child('path'), ''));
  errs.push(...validatePortNumOrName(http.port, fldPath.child('port')));
  const scheme = asString(http.scheme);
  if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(fldPath.child('scheme'), scheme, ['HTTP', 'HTTPS']));
  for (const h of asList(http.httpHeaders)) {
    const name = asString(asObject(h)?.name);
    for (const m of isHTTPHeaderName(name)) errs.push(invalid(fldPath.child('httpHeaders'), name, m));
  }
  return errs;
}

/** validateSleepAction: within the grace period (zero allowed: PodLifecycleSleepActionAllowZero, GA). */
function validateSleepAction(sleep: JsonObject, gracePeriod: number | undefined, fldPath: Path, opts: PodValidationOptions): ErrorList {
  const seconds = asInt(sleep.seconds);
  // A missing grace period is reported elsewhere; no second error here.
  if (gracePeriod === undefined) return [];
  if (opts.allowPodLifecycleSleepActionZeroValue) {
    if (seconds < 0 || seconds > gracePeriod) {
      return [invalid(fldPath, seconds, `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`)];
    }
  } else if (seconds <= 0 || seconds > gracePeriod) {
    return [
      invalid(
        fldPath,
        seconds,
        `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.`,
      ),
    ];
  }
  return [];
}

/**
 * validateHandler: exactly one action of `kinds`; a second one is Forbidden.
 *
 * @example validateHandler({}, PROBE_HANDLERS, 30, path, opts) // [<path>: Required value: must specify a handler type]
 */
export function validateHandler(
  handler: JsonObject,
  kinds: readonly HandlerKind[],
  gracePeriod: number | undefined,
  fldPath: Path,
  opts: PodValidationOptions,
): ErrorList {
  const errs: ErrorList = [];
  let numHandlers = 0;
  for (const kind of kinds) {
    const action = asObject(handler[kind]);
    if (!action) continue;
    if (numHandlers > 0) {
      errs.push(forbidden(fldPath.child(kind), 'may not specify more than 1 handler type'));
      continue;
    }
    numHandlers++;
    const p = fldPath.child(kind);
    switch (kind) {
      case 'exec':
        errs.push(...validateExecAction(action, p));
        break;
      case 'httpGet':
        errs.push(...validateHTTPGetAction(action, p));
        break;
      case 'tcpSocket':
        errs.push(...validatePortNumOrName(action.port, p.child('port')));
        break;
      case 'grpc':
        // GRPCAction.Port is an int32: intstr.FromInt32.
        errs.push(...validatePortNumOrName(asInt(action.port), p.child('port')));
        break;
      case 'sleep':
        errs.push(...validateSleepAction(action, gracePeriod, p, opts));
        break;
    }
  }
  if (numHandlers === 0) errs.push(required(fldPath, 'must specify a handler type'));
  return errs;
}

// apimachinery pkg/api/errors: which Status is which error. A reason decides;
// a Status with no (or an unknown) reason falls back on its HTTP code
// (errors.go reasonAndCodeForError, knownReasons).

export type Status = {
  code?: number;
  reason?: string;
  message: string;
  details?: { causes?: Array<{ type?: string; message?: string }>; retryAfterSeconds?: number };
};

// errors.go knownReasons (StatusReasonUnknown, "", is not one of them).
const KNOWN_REASONS = new Set([
  'Unauthorized', 'Forbidden', 'NotFound', 'AlreadyExists', 'Conflict', 'Gone', 'Invalid', 'ServerTimeout',
  'StoreReadError', 'Timeout', 'TooManyRequests', 'BadRequest', 'MethodNotAllowed', 'NotAcceptable',
  'RequestEntityTooLarge', 'UnsupportedMediaType', 'InternalError', 'Expired', 'ServiceUnavailable',
]);

/** A Status with a code or a reason is an API error; otherwise a plain error (a refused connection, say). */
export const isAPIStatus = (s: Status): boolean => s.code !== undefined || s.reason !== undefined;

function is(s: Status, reason: string, code?: number): boolean {
  if (!isAPIStatus(s)) return false;
  const r = s.reason ?? '';
  if (r === reason) return true;
  return code !== undefined && !KNOWN_REASONS.has(r) && s.code === code;
}

export const isGone = (s: Status) => is(s, 'Gone', 410);
export const isResourceExpired = (s: Status) => is(s, 'Expired');
export const isTooManyRequests = (s: Status) => is(s, 'TooManyRequests', 429);
export const isInternalError = (s: Status) => is(s, 'InternalError', 500);
export const isTimeout = (s: Status) => is(s, 'Timeout', 504);
export const hasStatusCause = (s: Status, type: string) => isAPIStatus(s) && (s.details?.causes ?? []).some((c) => c.type === type);

/** reflector.go isExpiredError */
export const isExpiredError = (s: Status) => isResourceExpired(s) || isGone(s);

/** reflector.go isTooLargeResourceVersionError */
export function isTooLargeResourceVersionError(s: Status): boolean {
  if (hasStatusCause(s, 'ResourceVersionTooLarge')) return true;
  if (!isTimeout(s) || !s.details) return false;
  if ((s.details?.causes ?? []).some((c) => c.message === 'Too large resource version')) return true;
  return s.message.includes('Too large resource version');
}

/** reflector.go isWatchErrorRetriable: a refused connection or a 429. */
export const isWatchErrorRetriable = (s: Status) => isTooManyRequests(s) || (!isAPIStatus(s) && /connection refused/.test(s.message));

// The Is* string and number checks of k8s.io/apimachinery/pkg/util/validation:
// each returns the problems as messages (empty when valid), or a field
// ErrorList for the ones that take a path, worded byte for byte as upstream.
// src: staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go
//
// Label keys and values live in pkg/api/validate/content (validate-content.ts);
// this package re-exports them under their old names. Its own length messages
// say "characters" (validation.MaxLenError) where content's say "bytes"; both
// count bytes.

import { invalid, required } from './field-errors.ts';
import type { ErrorList } from './field-errors.ts';
import type { Path } from './field-path.ts';
import {
  DNS1123_LABEL_FMT,
  DNS1123_LABEL_MAX_LENGTH,
  DNS1123_LABEL_RE,
  DNS1123_SUBDOMAIN_FMT,
  DNS1123_SUBDOMAIN_MAX_LENGTH,
  DNS1123_SUBDOMAIN_RE,
  LABEL_VALUE_MAX_LENGTH,
  emptyError,
  isCIdentifier,
  isLabelKey,
  isLabelValue,
  regexError,
  utf8Length,
} from './validate-content.ts';

export {
  isValidIP,
  isValidIPForLegacyField,
  getWarningsForIP,
  isValidCIDR,
  isValidCIDRForLegacyField,
  getWarningsForCIDR,
  isValidInterfaceAddress,
} from './validation-ip.ts';
export { emptyError, regexError, isCIdentifier, DNS1123_LABEL_MAX_LENGTH, DNS1123_SUBDOMAIN_MAX_LENGTH };

/** IsQualifiedName: content.IsLabelKey under its old name. */
export const isQualifiedName = isLabelKey;
/** IsValidLabelValue: content.IsLabelValue under its old name. */
export const isValidLabelValue = isLabelValue;
/** LabelValueMaxLength. */
export const LABEL_VALUE_MAX_LEN = LABEL_VALUE_MAX_LENGTH;

/** MaxLenError (validation.go): "characters", unlike content.MaxLenError. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} characters`;
}

/** InclusiveRangeError (validation.go). */
export function inclusiveRangeError(lo: number, hi: number): string {
  return `must be between ${lo} and ${hi}, inclusive`;
}

const DNS1123_LABEL_ERR_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";

/** IsDNS1123Label (validation.go). */
export function isDNS1123Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1123_LABEL_MAX_LENGTH));
  if (!DNS1123_LABEL_RE.test(value)) {
    // A valid subdomain that is not a valid label: the length is checked, so it is the dots.
    if (DNS1123_SUBDOMAIN_RE.test(value)) errs.push('must not contain dots');
    else errs.push(regexError(DNS1123_LABEL_ERR_MSG, DNS1123_LABEL_FMT, 'my-name', '123-abc'));
  }
  return errs;
}

const DNS1123_SUBDOMAIN_ERROR_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";

/** IsDNS1123Subdomain (validation.go). */
export function isDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_RE.test(value)) errs.push(regexError(DNS1123_SUBDOMAIN_ERROR_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'));
  return errs;
}

const DNS1123_LABEL_FMT_WITH_UNDERSCORE = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const DNS1123_SUBDOMAIN_FMT_WITH_UNDERSCORE = `${DNS1123_LABEL_FMT_WITH_UNDERSCORE}(\\.${DNS1123_LABEL_FMT_WITH_UNDERSCORE})*`;
const DNS1123_SUBDOMAIN_ERROR_MSG_FG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_WITH_UNDERSCORE_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT_WITH_UNDERSCORE}$`);

/** IsDNS1123SubdomainWithUnderscore (validation.go): labels may start with '_' and contain '_'. */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!DNS1123_SUBDOMAIN_WITH_UNDERSCORE_RE.test(value)) {
    errs.push(regexError(DNS1123_SUBDOMAIN_ERROR_MSG_FG, DNS1123_SUBDOMAIN_FMT_WITH_UNDERSCORE, 'example.com'));
  }
  return errs;
}

const DNS1035_LABEL_FMT = '[a-z]([-a-z0-9]*[a-z0-9])?';
const DNS1035_LABEL_ERR_MSG =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
export const DNS1035_LABEL_MAX_LENGTH = 63;
const DNS1035_LABEL_RE = new RegExp(`^${DNS1035_LABEL_FMT}$`);

/** IsDNS1035Label (validation.go). */
export function isDNS1035Label(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1035_LABEL_MAX_LENGTH) errs.push(maxLenError(DNS1035_LABEL_MAX_LENGTH));
  if (!DNS1035_LABEL_RE.test(value)) errs.push(regexError(DNS1035_LABEL_ERR_MSG, DNS1035_LABEL_FMT, 'my-name', 'abc-123'));
  return errs;
}

const WILDCARD_DNS1123_SUBDOMAIN_FMT = `\\*\\.${DNS1123_SUBDOMAIN_FMT}`;
const WILDCARD_DNS1123_SUBDOMAIN_ERR_MSG =
  "a wildcard DNS-1123 subdomain must start with '*.', followed by a valid DNS subdomain, which must consist of lower case alphanumeric characters, '-' or '.' and end with an alphanumeric character";
const WILDCARD_DNS1123_SUBDOMAIN_RE = new RegExp(`^${WILDCARD_DNS1123_SUBDOMAIN_FMT}$`);

/** IsWildcardDNS1123Subdomain (validation.go): "*.example.com" (RFC 1034 4.3.3). */
export function isWildcardDNS1123Subdomain(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!WILDCARD_DNS1123_SUBDOMAIN_RE.test(value)) {
    errs.push(regexError(WILDCARD_DNS1123_SUBDOMAIN_ERR_MSG, WILDCARD_DNS1123_SUBDOMAIN_FMT, '*.example.com'));
  }
  return errs;
}

/** IsValidPortNum (validation.go): 1-65535. */
export function isValidPortNum(port: number): string[] {
  return port >= 1 && port <= 65535 ? [] : [inclusiveRangeError(1, 65535)];
}

/** IsInRange (validation.go). */
export function isInRange(value: number, min: number, max: number): string[] {
  return value >= min && value <= max ? [] : [inclusiveRangeError(min, max)];
}

// libcontainer's UID/GID limits: 0 .. 1<<31 - 1.
const MAX_ID = 2147483647;

/** IsValidGroupID (validation.go). */
export function isValidGroupID(gid: number): string[] {
  return gid >= 0 && gid <= MAX_ID ? [] : [inclusiveRangeError(0, MAX_ID)];
}

/** IsValidUserID (validation.go). */
export function isValidUserID(uid: number): string[] {
  return uid >= 0 && uid <= MAX_ID ? [] : [inclusiveRangeError(0, MAX_ID)];
}

/**
 * IsValidPortName (validation.go): an IANA service name, at most 15 of
 * [-a-z0-9], at least one letter, no "--", no hyphen at either end. Every
 * failed rule is reported.
 */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (utf8Length(port) > 15) errs.push(maxLenError(15));
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens');
  if (port.length > 0 && (port[0] === '-' || port[port.length - 1] === '-')) errs.push('must not begin or end with a hyphen');
  return errs;
}

const PERCENT_FMT = '[0-9]+%';
const PERCENT_RE = new RegExp(`^${PERCENT_FMT}$`);

/** IsValidPercent (validation.go): digits then '%'. */
export function isValidPercent(percent: string): string[] {
  return PERCENT_RE.test(percent)
    ? []
    : [regexError("a valid percent string must be a numeric string followed by an ending '%'", PERCENT_FMT, '1%', '93%')];
}

const HTTP_HEADER_NAME_FMT = '[-A-Za-z0-9]+';
const HTTP_HEADER_NAME_RE = new RegExp(`^${HTTP_HEADER_NAME_FMT}$`);

/** IsHTTPHeaderName (validation.go): Go's HTTP library's (stricter than RFC 7230) header name. */
export function isHTTPHeaderName(value: string): string[] {
  return HTTP_HEADER_NAME_RE.test(value)
    ? []
    : [regexError("a valid HTTP header must consist of alphanumeric characters or '-'", HTTP_HEADER_NAME_FMT, 'X-Header-Name')];
}

const ENV_VAR_NAME_FMT = '[-._a-zA-Z][-._a-zA-Z0-9]*';
const ENV_VAR_NAME_RE = new RegExp(`^${ENV_VAR_NAME_FMT}$`);

/** IsEnvVarName (validation.go): the strict form (RelaxedEnvironmentVariableValidation off). */
export function isEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (!ENV_VAR_NAME_RE.test(value)) {
    errs.push(
      regexError(
        "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit",
        ENV_VAR_NAME_FMT,
        'my.env-name',
        'MY_ENV.NAME',
        'MyEnvName1',
      ),
    );
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

/**
 * IsRelaxedEnvVarName (validation.go): any printable ASCII but '=' (the
 * RelaxedEnvironmentVariableValidation gate, GA and on in v1.36).
 */
export function isRelaxedEnvVarName(value: string): string[] {
  const errs: string[] = [];
  if (value.length === 0) errs.push(`environment variable name ${emptyError()}`);
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // unicode.IsPrint over ASCII is 0x20-0x7e.
    if (c > 0x7f || c < 0x20 || c === 0x7f || c === 0x3d) {
      errs.push("a valid environment variable name must consist only of printable ASCII characters other than '='");
      break;
    }
  }
  return errs;
}

const CONFIG_MAP_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_MAP_KEY_RE = new RegExp(`^${CONFIG_MAP_KEY_FMT}$`);

/** IsConfigMapKey (validation.go): a ConfigMap or Secret data key. */
export function isConfigMapKey(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  if (!CONFIG_MAP_KEY_RE.test(value)) {
    errs.push(regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'", CONFIG_MAP_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  }
  errs.push(...hasChDirPrefix(value));
  return errs;
}

function hasChDirPrefix(value: string): string[] {
  if (value === '.') return ["must not be '.'"];
  if (value === '..') return ["must not be '..'"];
  if (value.startsWith('..')) return ["must not start with '..'"];
  return [];
}

/**
 * IsFullyQualifiedName (validation.go, deprecated upstream): a DNS subdomain
 * with at least three dot-separated segments, no trailing dot.
 */
export function isFullyQualifiedName(fldPath: Path, name: string): ErrorList {
  if (name.length === 0) return [required(fldPath, '')];
  const errs = isDNS1123Subdomain(name);
  if (errs.length > 0) return [invalid(fldPath, name, errs.join(','))];
  if (name.split('.').length < 3) return [invalid(fldPath, name, 'should be a domain with at least three segments separated by dots')];
  return [];
}

/**
 * IsFullyQualifiedDomainName (validation.go): a DNS subdomain with at least
 * two segments, each a DNS label; one trailing dot allowed.
 */
export function isFullyQualifiedDomainName(fldPath: Path, name: string): ErrorList {
  if (name.length === 0) return [required(fldPath, '')];
  if (name.endsWith('.')) name = name.slice(0, -1);
  const errs = isDNS1123Subdomain(name);
  if (errs.length > 0) return [invalid(fldPath, name, errs.join(','))];
  if (name.split('.').length < 2) return [invalid(fldPath, name, 'should be a domain with at least two segments separated by dots')];
  for (const label of name.split('.')) {
    const labelErrs = isDNS1123Label(label);
    if (labelErrs.length > 0) return [invalid(fldPath, label, labelErrs.join(','))];
  }
  return [];
}

// RFC 3986 path characters: unreserved, percent-encoded, sub-delims, ':'.
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const HTTP_PATH_RE = new RegExp(`^${HTTP_PATH_FMT}$`);

/** IsDomainPrefixedPath (validation.go): "acme.io/foo", a DNS subdomain then an HTTP path. */
export function isDomainPrefixedPath(fldPath: Path, dpPath: string): ErrorList {
  if (dpPath.length === 0) return [required(fldPath, '')];
  const slash = dpPath.indexOf('/');
  const host = slash < 0 ? dpPath : dpPath.slice(0, slash);
  const path = slash < 0 ? '' : dpPath.slice(slash + 1);
  if (slash < 0 || host.length === 0 || path.length === 0) return [invalid(fldPath, dpPath, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs: ErrorList = isDNS1123Subdomain(host).map((msg) => invalid(fldPath, host, msg));
  if (!HTTP_PATH_RE.test(path)) errs.push(invalid(fldPath, path, regexError('Invalid path', HTTP_PATH_FMT)));
  return errs;
}

/** IsDomainPrefixedKey (validation.go): a label key that has a prefix ("acme.io/foo"). */
export function isDomainPrefixedKey(fldPath: Path, key: string): ErrorList {
  if (key.length === 0) return [required(fldPath, '')];
  const errs: ErrorList = isLabelKey(key).map((msg) => invalid(fldPath, key, msg));
  if (errs.length > 0) return errs;
  if (key.split('/').length !== 2) return [invalid(fldPath, key, 'must be a domain-prefixed key (such as "acme.io/foo")')];
  return [];
}

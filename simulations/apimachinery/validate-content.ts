// String formats every API field validator builds on (label keys and values,
// DNS names, C identifiers, path segments), each returning the problems as
// plain messages, worded exactly as upstream words them.
// src: staging/src/k8s.io/apimachinery/pkg/api/validate/content/{errors,dns,kube,identifier,path,decimal_int}.go
//
// Lengths are Go's len(): UTF-8 bytes, so a label value of 30 "ā" is 60 bytes.
// pkg/util/validation (validation.ts) re-exports IsLabelKey as IsQualifiedName
// and IsLabelValue as IsValidLabelValue; its own DNS checks say "characters"
// where these say "bytes", which is why both exist.

/** Go's len(s) for a JS string: its UTF-8 byte count (a lone surrogate counts 3, as U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** MinError (content/errors.go). */
export function minError(min: number | bigint): string {
  return `must be greater than or equal to ${min}`;
}

/** MaxError (content/errors.go). */
export function maxError(max: number | bigint): string {
  return `must be less than or equal to ${max}`;
}

/** MaxLenError (content/errors.go): counts bytes, unlike validation.MaxLenError. */
export function maxLenError(length: number): string {
  return `must be no more than ${length} bytes`;
}

/** EmptyError (content/errors.go). */
export function emptyError(): string {
  return 'must be non-empty';
}

/**
 * RegexError (content/errors.go; validation.RegexError is the same text).
 * Upstream's examples are joined with "', " + " or ", hence the double space.
 *
 * @example regexError('bad', 'x+', 'a', 'b') // "bad (e.g. 'a',  or 'b', regex used for validation is 'x+')"
 */
export function regexError(msg: string, re: string, ...examples: string[]): string {
  if (examples.length === 0) return `${msg} (regex used for validation is '${re}')`;
  let out = `${msg} (e.g. `;
  for (let i = 0; i < examples.length; i++) {
    if (i > 0) out += ' or ';
    out += `'${examples[i]}', `;
  }
  return `${out}regex used for validation is '${re}')`;
}

// --- dns.go ---

export const DNS1123_LABEL_FMT = '[a-z0-9]([-a-z0-9]*[a-z0-9])?';
const DNS1123_LABEL_ERR_MSG =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
export const DNS1123_LABEL_MAX_LENGTH = 63;
export const DNS1123_SUBDOMAIN_FMT = `${DNS1123_LABEL_FMT}(\\.${DNS1123_LABEL_FMT})*`;
const DNS1123_SUBDOMAIN_ERROR_MSG =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
const DNS1123_SUBDOMAIN_CASELESS_ERROR_MSG =
  "an RFC 1123 subdomain must consist of alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
export const DNS1123_SUBDOMAIN_MAX_LENGTH = 253;

export const DNS1123_LABEL_RE = new RegExp(`^${DNS1123_LABEL_FMT}$`);
export const DNS1123_SUBDOMAIN_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`);
const DNS1123_SUBDOMAIN_CASELESS_RE = new RegExp(`^${DNS1123_SUBDOMAIN_FMT}$`, 'i');

/** IsDNS1123Label (content/dns.go). */
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

/** IsDNS1123Subdomain (content/dns.go). */
export function isDNS1123Subdomain(value: string): string[] {
  return dns1123Subdomain(value, false);
}

/** IsDNS1123SubdomainCaseless (content/dns.go): upper case allowed (deprecated upstream). */
export function isDNS1123SubdomainCaseless(value: string): string[] {
  return dns1123Subdomain(value, true);
}

function dns1123Subdomain(value: string, caseless: boolean): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) errs.push(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
  const re = caseless ? DNS1123_SUBDOMAIN_CASELESS_RE : DNS1123_SUBDOMAIN_RE;
  if (!re.test(value)) {
    // Upstream prints the case-sensitive pattern in both messages.
    errs.push(
      caseless
        ? regexError(DNS1123_SUBDOMAIN_CASELESS_ERROR_MSG, DNS1123_SUBDOMAIN_FMT, 'Example.com')
        : regexError(DNS1123_SUBDOMAIN_ERROR_MSG, DNS1123_SUBDOMAIN_FMT, 'example.com'),
    );
  }
  return errs;
}

// --- kube.go ---

export const LABEL_KEY_FMT = '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]';
const LABEL_KEY_ERR_MSG = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
const LABEL_KEY_MAX_LENGTH = 63;
const LABEL_KEY_RE = new RegExp(`^${LABEL_KEY_FMT}$`);

/**
 * IsLabelKey (content/kube.go), also validation.IsQualifiedName: an optional
 * DNS subdomain prefix and '/', then a name of at most 63 bytes.
 */
export function isLabelKey(value: string): string[] {
  // Memoized for the keys found valid (a fresh empty list each time: callers may add to it). The
  // same few keys (cpu, memory, app, kubernetes.io/hostname) are checked for every object written.
  if (VALID_LABEL_KEYS.has(value)) return [];
  const errs = labelKeyProblems(value);
  if (errs.length === 0) {
    if (VALID_LABEL_KEYS.size >= 8192) VALID_LABEL_KEYS.clear();
    VALID_LABEL_KEYS.add(value);
  }
  return errs;
}
const VALID_LABEL_KEYS = new Set<string>();

function labelKeyProblems(value: string): string[] {
  const errs: string[] = [];
  const parts = value.split('/');
  let name: string;
  switch (parts.length) {
    case 1:
      name = parts[0];
      break;
    case 2: {
      const prefix = parts[0];
      name = parts[1];
      if (prefix.length === 0) errs.push(`prefix part ${emptyError()}`);
      else for (const msg of isDNS1123Subdomain(prefix)) errs.push(`prefix part ${msg}`);
      break;
    }
    default:
      return [
        `a valid label key ${regexError(LABEL_KEY_ERR_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')} with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')`,
      ];
  }
  if (name.length === 0) errs.push(`name part ${emptyError()}`);
  else if (utf8Length(name) > LABEL_KEY_MAX_LENGTH) errs.push(`name part ${maxLenError(LABEL_KEY_MAX_LENGTH)}`);
  if (!LABEL_KEY_RE.test(name)) errs.push(`name part ${regexError(LABEL_KEY_ERR_MSG, LABEL_KEY_FMT, 'MyName', 'my.name', '123-abc')}`);
  return errs;
}

const LABEL_VALUE_FMT = `(${LABEL_KEY_FMT})?`;
const LABEL_VALUE_ERR_MSG =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
export const LABEL_VALUE_MAX_LENGTH = 63;
const LABEL_VALUE_RE = new RegExp(`^${LABEL_VALUE_FMT}$`);

/** IsLabelValue (content/kube.go), also validation.IsValidLabelValue. */
export function isLabelValue(value: string): string[] {
  const errs: string[] = [];
  if (utf8Length(value) > LABEL_VALUE_MAX_LENGTH) errs.push(maxLenError(LABEL_VALUE_MAX_LENGTH));
  if (!LABEL_VALUE_RE.test(value)) errs.push(regexError(LABEL_VALUE_ERR_MSG, LABEL_VALUE_FMT, 'MyValue', 'my_value', '12345'));
  return errs;
}

// --- identifier.go ---

const C_IDENTIFIER_FMT = '[A-Za-z_][A-Za-z0-9_]*';
const IDENTIFIER_ERR_MSG = "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_'";
const C_IDENTIFIER_RE = new RegExp(`^${C_IDENTIFIER_FMT}$`);

/** IsCIdentifier (content/identifier.go): the format only, not the length. */
export function isCIdentifier(value: string): string[] {
  return C_IDENTIFIER_RE.test(value) ? [] : [regexError(IDENTIFIER_ERR_MSG, C_IDENTIFIER_FMT, 'my_name', 'MY_NAME', 'MyName')];
}

// --- path.go ---

/**
 * IsPathSegmentName (content/path.go): a name safe as a REST path segment.
 * Upstream accepts "" and sets no length limit, for historical reasons.
 */
export function isPathSegmentName(name: string): string[] {
  for (const illegal of ['.', '..']) if (name === illegal) return [`may not be '${illegal}'`];
  return isPathSegmentPrefix(name);
}

/** IsPathSegmentPrefix (content/path.go): no '/' or '%' (exact "." and ".." may still gain a suffix). */
export function isPathSegmentPrefix(name: string): string[] {
  const errs: string[] = [];
  for (const illegal of ['/', '%']) if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`);
  return errs;
}

// --- decimal_int.go ---

const DECIMAL_INTEGER_ERR_MSG = 'must be a valid decimal integer in canonical form';

/**
 * IsDecimalInteger (content/decimal_int.go): "0" or an optional '-' and a
 * digit 1-9 then digits; no '+', no leading zeros, no range limit.
 */
export function isDecimalInteger(value: string): string[] {
  const n = value.length;
  if (n === 0) return [emptyError()];
  let i = 0;
  if (value[0] === '-') {
    if (n === 1) return [DECIMAL_INTEGER_ERR_MSG];
    i = 1;
  }
  if (value[i] === '0') return n === 1 && i === 0 ? [] : [DECIMAL_INTEGER_ERR_MSG];
  if (value[i] < '1' || value[i] > '9') return [DECIMAL_INTEGER_ERR_MSG];
  for (i++; i < n; i++) if (value[i] < '0' || value[i] > '9') return [DECIMAL_INTEGER_ERR_MSG];
  return [];
}

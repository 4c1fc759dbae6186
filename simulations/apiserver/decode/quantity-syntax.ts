// Which error resource.ParseQuantity returns for a string, if any: the text a
// 400 carries when a quantity does not parse (`quantities must match the
// regular expression ...`). Only the error is computed, following upstream's
// control flow step by step, because which of its three errors comes out
// depends on it (`Mi` is 0, `Pi` is ErrNumeric, `1Qi` ErrFormatWrong,
// `1ki` ErrSuffix). apimachinery/quantity.ts is the value side and bounds its
// inputs; this file must accept exactly what upstream accepts.
// src: k8s.io/apimachinery v0.36.3 pkg/api/resource/quantity.go (ParseQuantity,
//      parseQuantityString, UnmarshalJSON), suffix.go (interpret), math.go (int64Multiply),
//      gopkg.in/inf.v0 dec.go (Dec.SetString: fails when no digit is read)

export const ERR_FORMAT_WRONG = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
export const ERR_NUMERIC = 'unable to parse numeric part of quantity';
export const ERR_SUFFIX = "unable to parse quantity's suffix";

const MAX_INT64_FACTORS = 18;
const NANO = -9;
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };
const SUFFIX_CHARS = 'eEinumkKMGTP';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/**
 * resource.ParseQuantity's error for `str`, or undefined when it parses.
 *
 * @example quantityError('12Qi') // ERR_FORMAT_WRONG
 * @example quantityError('1ki')  // ERR_SUFFIX
 * @example quantityError('250m') // undefined
 */
export function quantityError(str: string): string | undefined {
  // A cluster's objects repeat the same few quantities ("100m", "500Mi"): each string is checked once.
  const known = CHECKED.get(str);
  if (known !== undefined) return known === OK ? undefined : known;
  const error = checkQuantity(str);
  if (CHECKED.size >= CHECKED_MAX) CHECKED.clear();
  CHECKED.set(str, error ?? OK);
  return error;
}

const OK = '';
const CHECKED = new Map<string, string>();
const CHECKED_MAX = 10_000;

function checkQuantity(str: string): string | undefined {
  if (str.length === 0) return ERR_FORMAT_WRONG;
  if (str === '0') return undefined;
  const parts = parseQuantityString(str);
  if (typeof parts === 'string') return parts;
  const { value, num, denom, suffix } = parts;
  const interpreted = interpret(suffix);
  if (interpreted === undefined) return ERR_SUFFIX;
  const { exponent, format } = interpreted;

  let precision = 0;
  let scale = 0;
  let mantissa = 1n;
  if (format === 'BinarySI') {
    if (exponent >= 0 && denom.length === 0) {
      mantissa = 1n << BigInt(exponent);
      // int32(float32(exponent)*3/10): exact for the binary exponents 10..60
      precision = 15 - num.length - Math.trunc((exponent * 3) / 10) - 1;
    } else {
      precision = -1;
    }
  } else {
    scale = exponent;
    precision = MAX_INT64_FACTORS - (num.length + denom.length);
  }
  if (precision >= 0) {
    scale -= denom.length;
    if (scale >= NANO) {
      // strconv.ParseInt cannot fail here: at most 18 digits.
      const shifted = BigInt(num + denom);
      if (int64Multiply(shifted, mantissa)) return undefined;
    }
  }
  // The inf.Dec path: Dec.SetString(value) fails only when value has no digit.
  return /[0-9]/.test(value) ? undefined : ERR_NUMERIC;
}

interface QuantityParts {
  /** The sign does not decide whether parsing fails; kept to mirror upstream's results. */
  positive: boolean;
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString; a string is its error. */
function parseQuantityString(str: string): QuantityParts | string {
  let positive = true;
  let pos = 0;
  const end = str.length;
  if (pos < end) {
    if (str[0] === '-') {
      positive = false;
      pos++;
    } else if (str[0] === '+') {
      pos++;
    }
  }
  // strip leading zeros
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: '0', num: '0', denom: '', suffix: '' };
    if (str[i] === '0') pos++;
    else break;
  }
  // the numerator
  let num = '';
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value: str.slice(0, end), num: str.slice(pos, end), denom: '', suffix: '' };
    if (!isDigit(str[i])) {
      num = str.slice(pos, i);
      pos = i;
      break;
    }
  }
  if (num.length === 0) num = '0';
  // a denominator
  let denom = '';
  if (pos < end && str[pos] === '.') {
    pos++;
    for (let i = pos; ; i++) {
      if (i >= end) return { positive, value: str.slice(0, end), num, denom: str.slice(pos, end), suffix: '' };
      if (!isDigit(str[i])) {
        denom = str.slice(pos, i);
        pos = i;
        break;
      }
    }
  }
  const value = str.slice(0, pos);
  // the suffix
  const suffixStart = pos;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!SUFFIX_CHARS.includes(str[i])) {
      pos = i;
      break;
    }
  }
  if (pos < end && (str[pos] === '-' || str[pos] === '+')) pos++;
  for (let i = pos; ; i++) {
    if (i >= end) return { positive, value, num, denom, suffix: str.slice(suffixStart, end) };
    if (!isDigit(str[i])) break;
  }
  // a non-digit after the exponent's digits
  return ERR_FORMAT_WRONG;
}

/** suffixer.interpret: the decimal and binary tables, then `e`/`E` and an int64 exponent (kept as int32). */
function interpret(suffix: string): { exponent: number; format: 'DecimalSI' | 'BinarySI' | 'DecimalExponent' } | undefined {
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { exponent: DECIMAL_SUFFIXES[suffix], format: 'DecimalSI' };
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { exponent: BINARY_SUFFIXES[suffix], format: 'BinarySI' };
  if (suffix.length > 1 && (suffix[0] === 'E' || suffix[0] === 'e')) {
    const digits = suffix.slice(1);
    if (!/^[+-]?[0-9]+$/.test(digits)) return undefined;
    const parsed = BigInt(digits);
    if (parsed > 9223372036854775807n || parsed < -9223372036854775808n) return undefined;
    return { exponent: Number(BigInt.asIntN(32, parsed)), format: 'DecimalExponent' };
  }
  return undefined;
}

/** math.go int64Multiply: whether a*b fits an int64. */
function int64Multiply(a: bigint, b: bigint): boolean {
  if (a === 0n || b === 0n || a === 1n || b === 1n) return true;
  const c = BigInt.asIntN(64, a * b);
  return c / b === a;
}

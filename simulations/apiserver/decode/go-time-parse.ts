// Go's time.Parse, for the two layouts metav1 uses, as far as deciding whether
// a string parses and, when it does not, the *time.ParseError text a 400
// carries: `parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot
// parse "yesterday" as "2006"`. metav1.Time.UnmarshalJSON parses with
// time.RFC3339 and metav1.MicroTime.UnmarshalJSON with RFC3339Micro. Go's
// RFC 3339 fast path accepts a subset of what the general parser accepts and
// falls back to it on failure, so the general parser alone decides.
// Works on UTF-8 bytes, as Go does, so slices and quoting match byte for byte.
// src: Go src/time/format.go (Parse, parse, nextStdChunk, skip, getnum, atoi,
//      parseNanoseconds, ParseError.Error, quote), src/time/time.go (daysIn);
//      k8s.io/apimachinery v0.36.3 pkg/apis/meta/v1/time.go, micro_time.go

type Std = 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'frac' | 'tz' | 'end';
interface Chunk {
  readonly prefix: string;
  readonly std: Std;
  /** The layout text of the std element, as a ParseError names it. */
  readonly stdstr: string;
}
interface Layout {
  readonly text: string;
  readonly chunks: readonly Chunk[];
}

// nextStdChunk's split of the two layouts.
const DATE_TIME: readonly Chunk[] = [
  { prefix: '', std: 'year', stdstr: '2006' },
  { prefix: '-', std: 'month', stdstr: '01' },
  { prefix: '-', std: 'day', stdstr: '02' },
  { prefix: 'T', std: 'hour', stdstr: '15' },
  { prefix: ':', std: 'minute', stdstr: '04' },
  { prefix: ':', std: 'second', stdstr: '05' },
];
/** time.RFC3339 */
export const RFC3339: Layout = {
  text: '2006-01-02T15:04:05Z07:00',
  chunks: [...DATE_TIME, { prefix: '', std: 'tz', stdstr: 'Z07:00' }, { prefix: '', std: 'end', stdstr: '' }],
};
/** metav1.RFC3339Micro */
export const RFC3339_MICRO: Layout = {
  text: '2006-01-02T15:04:05.000000Z07:00',
  chunks: [...DATE_TIME, { prefix: '', std: 'frac', stdstr: '.000000' }, { prefix: '', std: 'tz', stdstr: 'Z07:00' }, { prefix: '', std: 'end', stdstr: '' }],
};

const encoder = new TextEncoder();
const BAD = Symbol('errBad');

/**
 * time.Parse(layout, value)'s error text, or undefined when it parses.
 *
 * @example timeParseError(RFC3339, '2025-13-01T00:00:00Z') // 'parsing time "2025-13-01T00:00:00Z": month out of range'
 */
export function timeParseError(layout: Layout, text: string): string | undefined {
  const avalue = encoder.encode(text);
  let value: Uint8Array = avalue;
  let year = 0;
  let month = -1;
  let day = -1;
  const fail = (layoutElem: string, valueElem: Uint8Array, message: string): string =>
    message === ''
      ? `parsing time ${quote(avalue)} as ${quote(encoder.encode(layout.text))}: cannot parse ${quote(valueElem)} as ${quote(encoder.encode(layoutElem))}`
      : `parsing time ${quote(avalue)}${message}`;

  for (let c = 0; c < layout.chunks.length; c++) {
    const { prefix, std, stdstr } = layout.chunks[c];
    // skip: the literal text before the element must match byte for byte.
    for (let i = 0; i < prefix.length; i++) {
      if (value.length === 0 || value[0] !== prefix.charCodeAt(i)) return fail(prefix.slice(i), value, '');
      value = value.subarray(1);
    }
    if (std === 'end') {
      if (value.length !== 0) return fail('', value, `: extra text: ${quote(value)}`);
      break;
    }
    const hold = value;
    let bad = false;
    let rangeErr = '';
    switch (std) {
      case 'year': {
        if (value.length < 4 || !isDigit(value, 0)) {
          bad = true;
          break;
        }
        const n = atoi(value.subarray(0, 4));
        value = value.subarray(4);
        if (n === BAD) bad = true;
        else year = n;
        break;
      }
      case 'month': {
        const r = getnum(value, true);
        if (r === BAD) bad = true;
        else {
          [month, value] = r;
          if (month <= 0 || month > 12) rangeErr = 'month';
        }
        break;
      }
      case 'day': {
        const r = getnum(value, true);
        if (r === BAD) bad = true;
        else [day, value] = r;
        break;
      }
      case 'hour': {
        const r = getnum(value, false);
        if (r === BAD) bad = true;
        else {
          const hour = r[0];
          value = r[1];
          if (hour < 0 || hour >= 24) rangeErr = 'hour';
        }
        break;
      }
      case 'minute': {
        const r = getnum(value, true);
        if (r === BAD) bad = true;
        else {
          const min = r[0];
          value = r[1];
          if (min < 0 || min >= 60) rangeErr = 'minute';
        }
        break;
      }
      case 'second': {
        const r = getnum(value, true);
        if (r === BAD) {
          bad = true;
          break;
        }
        const sec = r[0];
        value = r[1];
        if (sec < 0 || sec >= 60) {
          rangeErr = 'second';
          break;
        }
        // A fractional second the layout does not spell out is accepted and read.
        if (value.length >= 2 && commaOrPeriod(value[0]) && isDigit(value, 1)) {
          if (layout.chunks[c + 1].std === 'frac') break;
          let n = 2;
          while (n < value.length && isDigit(value, n)) n++;
          const r2 = parseNanoseconds(value, n);
          if (r2 === BAD) bad = true;
          else rangeErr = r2;
          value = value.subarray(n);
        }
        break;
      }
      case 'frac': {
        const ndigit = stdstr.length;
        if (value.length < ndigit) {
          bad = true;
          break;
        }
        const r = parseNanoseconds(value, ndigit);
        if (r === BAD) bad = true;
        else rangeErr = r;
        value = value.subarray(ndigit);
        break;
      }
      case 'tz': {
        if (value.length >= 1 && value[0] === 0x5a /* Z */) {
          value = value.subarray(1);
          break;
        }
        if (value.length < 6 || value[3] !== 0x3a /* : */) {
          bad = true;
          break;
        }
        const sign = value[0];
        const hh = getnum(value.subarray(1, 3), true);
        const mm = hh === BAD ? BAD : getnum(value.subarray(4, 6), true);
        value = value.subarray(6);
        const hr = hh === BAD ? 0 : hh[0];
        const mi = mm === BAD ? 0 : mm[0];
        if (hh === BAD || mm === BAD) bad = true;
        // `>` rather than `>=`: some people write offsets of 24 hours or 60 minutes.
        if (hr > 24) rangeErr = 'time zone offset hour';
        if (mi > 60) rangeErr = 'time zone offset minute';
        if (sign !== 0x2b /* + */ && sign !== 0x2d /* - */) bad = true;
        break;
      }
    }
    if (rangeErr !== '') return fail(stdstr, value, `: ${rangeErr} out of range`);
    if (bad) return fail(stdstr, hold, '');
  }
  if (day < 1 || day > daysIn(month, year)) return fail('', value, ': day out of range');
  return undefined;
}

function isDigit(s: Uint8Array, i: number): boolean {
  return i < s.length && s[i] >= 0x30 && s[i] <= 0x39;
}

function commaOrPeriod(b: number): boolean {
  return b === 0x2e || b === 0x2c;
}

/** getnum: one or two digits (two when fixed). */
function getnum(s: Uint8Array, fixed: boolean): [number, Uint8Array] | typeof BAD {
  if (!isDigit(s, 0)) return BAD;
  if (!isDigit(s, 1)) {
    if (fixed) return BAD;
    return [s[0] - 0x30, s.subarray(1)];
  }
  return [(s[0] - 0x30) * 10 + (s[1] - 0x30), s.subarray(2)];
}

/** atoi: an optional sign and digits, nothing else. */
function atoi(s: Uint8Array): number | typeof BAD {
  let neg = false;
  if (s.length > 0 && (s[0] === 0x2d || s[0] === 0x2b)) {
    neg = s[0] === 0x2d;
    s = s.subarray(1);
  }
  let x = 0;
  for (const b of s) {
    if (b < 0x30 || b > 0x39) return BAD;
    x = x * 10 + (b - 0x30);
  }
  return neg ? -x : x;
}

/** parseNanoseconds: '' when fine, else the range error's name. */
function parseNanoseconds(value: Uint8Array, nbytes: number): string | typeof BAD {
  if (!commaOrPeriod(value[0])) return BAD;
  if (nbytes > 10) nbytes = 10;
  const ns = atoi(value.subarray(1, nbytes));
  if (ns === BAD) return BAD;
  return ns < 0 ? 'fractional second' : '';
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const HEX = '0123456789abcdef';

/** The time package's quote: like strconv.Quote, but every byte of a non-ASCII or control rune as \xNN. */
function quote(s: Uint8Array): string {
  let out = '"';
  let i = 0;
  while (i < s.length) {
    const b = s[i];
    if (b >= 0x80 || b < 0x20) {
      const width = b < 0x80 ? 1 : runeWidth(s, i);
      for (let j = 0; j < width; j++) out += `\\x${HEX[s[i + j] >> 4]}${HEX[s[i + j] & 0xf]}`;
      i += width;
      continue;
    }
    if (b === 0x22 || b === 0x5c) out += '\\';
    out += String.fromCharCode(b);
    i++;
  }
  return `${out}"`;
}

/** How many bytes `for range` steps over at i: a valid UTF-8 sequence's length, else 1. */
function runeWidth(s: Uint8Array, i: number): number {
  const b = s[i];
  const need = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b <= 0xdf ? 2 : 1;
  if (need === 1 || i + need > s.length) return 1;
  for (let j = 1; j < need; j++) if ((s[i + j] & 0xc0) !== 0x80) return 1;
  // overlong, surrogate and out-of-range forms are invalid too
  const cp = need === 2 ? 0 : need === 3 ? ((b & 0x0f) << 12) | ((s[i + 1] & 0x3f) << 6) | (s[i + 2] & 0x3f) : ((b & 0x07) << 18) | ((s[i + 1] & 0x3f) << 12);
  if (need === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) return 1;
  if (need === 4 && (cp < 0x10000 || cp > 0x10ffff)) return 1;
  return need;
}

// cron.ParseStandard from github.com/robfig/cron/v3 (the parser CronJob
// validation uses): five fields (minute hour day-of-month month day-of-week),
// `?` as `*`, month and weekday names, ranges, steps, lists, the descriptors
// (@yearly … @hourly, @every <duration>) and a TZ= / CRON_TZ= prefix.
// Returns the error text Go's parser would return, or null.
// src: github.com/robfig/cron/v3 parser.go (Parser.Parse, normalizeFields,
//      getField, getRange, parseIntOrName, mustParseInt, parseDescriptor)

import { parseGoDuration } from '../../../apimachinery/parse-duration.ts';
import { loadLocationError } from './time-zone.ts';

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** fmt's %s of a []string: `[a b c]`. */
const goSlice = (xs: string[]): string => `[${xs.join(' ')}]`;

/** strconv.Atoi's error text for a string that is not a decimal int. */
function atoiError(s: string): string | null {
  if (!/^[+-]?\d+$/.test(s)) return `strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = BigInt(s);
  if (n > 9223372036854775807n || n < -9223372036854775808n) return `strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`;
  return null;
}

/** mustParseInt: a non-negative decimal. */
function mustParseInt(expr: string): number | string {
  const e = atoiError(expr);
  if (e !== null) return `failed to parse int from ${expr}: ${e}`;
  const n = Number(expr);
  if (n < 0) return `negative number (${n}) not allowed: ${expr}`;
  return n;
}

/** parseIntOrName: a month or weekday name (any case), else mustParseInt. */
function parseIntOrName(expr: string, names: Bounds['names']): number | string {
  if (names && Object.prototype.hasOwnProperty.call(names, expr.toLowerCase())) return names[expr.toLowerCase()];
  return mustParseInt(expr);
}

/** getRange: `*`, `?`, `n`, `a-b`, each with an optional `/step`. */
function getRange(expr: string, r: Bounds): string | null {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0], r.names);
    if (typeof s === 'string') return s;
    start = s;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1], r.names);
      if (typeof e === 'string') return e;
      end = e;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = mustParseInt(rangeAndStep[1]);
    if (typeof s === 'string') return s;
    step = s;
    // "N/step" means "N-max/step".
    if (singleDigit) end = r.max;
  } else if (rangeAndStep.length > 2) {
    return `too many slashes: ${expr}`;
  }
  if (start < r.min) return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  if (end > r.max) return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return null;
}

/** getField: a comma-separated list of ranges (empty items are skipped, as strings.FieldsFunc does). */
function getField(field: string, r: Bounds): string | null {
  for (const expr of field.split(',').filter((x) => x.length > 0)) {
    const e = getRange(expr, r);
    if (e !== null) return e;
  }
  return null;
}

/** parseDescriptor. */
function parseDescriptor(descriptor: string): string | null {
  if (['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'].includes(descriptor)) return null;
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    const d = parseGoDuration(descriptor.slice(every.length));
    if (typeof d === 'string') return `failed to parse duration ${descriptor}: ${d}`;
    return null;
  }
  return `unrecognized descriptor: ${descriptor}`;
}

/**
 * cron.ParseStandard: null when the schedule parses, else Go's error text.
 *
 * @example parseStandardError('*\/5 * * * *') // null
 *          parseStandardError('error')       // 'expected exactly 5 fields, found 1: [error]'
 */
export function parseStandardError(spec: string): string | null {
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    // Go slices spec[eq+1:i]; with no space that panics (the request fails). Read as a bad location.
    const name = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
    const locErr = loadLocationError(name);
    if (locErr !== null) return `provided bad location ${name}: ${locErr}`;
    spec = i < 0 ? '' : spec.slice(i).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec);
  // strings.Fields splits on Unicode white space.
  const fields = spec.split(/\s+/u).filter((f) => f.length > 0);
  if (fields.length !== 5) return `expected exactly 5 fields, found ${fields.length}: ${goSlice(fields)}`;
  const bounds = [MINUTES, HOURS, DOM, MONTHS, DOW];
  for (let i = 0; i < 5; i++) {
    const e = getField(fields[i], bounds[i]);
    if (e !== null) return e;
  }
  return null;
}

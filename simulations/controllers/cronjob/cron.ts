// Cron schedules as github.com/robfig/cron/v3 parses and steps them
// (cron.ParseStandard: five fields, or a descriptor, optionally prefixed by
// TZ= or CRON_TZ=), which is what the CronJob controller uses.
// src: github.com/robfig/cron/v3 parser.go (Parse, normalizeFields, getField,
// getRange, parseIntOrName, mustParseInt, parseDescriptor), spec.go
// (SpecSchedule.Next, dayMatches), constantdelay.go (Every).

import { parseGoDuration } from '../../apimachinery/parse-duration.ts';
import { Zone, ZonedTime } from './zoned-time.ts';

/** A parse error, worded as robfig/cron words it. */
export class CronParseError extends Error {
  override readonly name = 'CronParseError';
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const SECONDS: Bounds = { min: 0, max: 59 };
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** Set when a field was given as * or ?: Dom and Dow then combine with AND instead of OR. */
const STAR = 1n << 63n;

export interface Schedule {
  /** The next activation strictly after t, or null where Go returns the zero time (none within five years). */
  next(t: ZonedTime): ZonedTime | null;
  readonly zone: Zone | null;
}

/** getBits: the bits min..max stepping by step. */
function getBits(min: number, max: number, step: number): bigint {
  let bits = 0n;
  if (step === 1) return ((1n << BigInt(max + 1)) - 1n) ^ ((1n << BigInt(min)) - 1n);
  for (let i = min; i <= max; i += step) bits |= 1n << BigInt(i);
  return bits;
}

function all(r: Bounds): bigint {
  return getBits(r.min, r.max, 1) | STAR;
}

/** Go's %s of a []string: "[a b c]". */
const goList = (xs: readonly string[]): string => `[${xs.join(' ')}]`;

function mustParseInt(expr: string): number {
  // strconv.Atoi
  if (!/^[+-]?[0-9]+$/.test(expr)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const num = Number(expr);
  if (!Number.isSafeInteger(num)) throw new CronParseError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  if (num < 0) throw new CronParseError(`negative number (${num}) not allowed: ${expr}`);
  return num;
}

function parseIntOrName(expr: string, names: Record<string, number> | undefined): number {
  if (names) {
    const named = names[expr.toLowerCase()];
    if (named !== undefined && Object.prototype.hasOwnProperty.call(names, expr.toLowerCase())) return named;
  }
  return mustParseInt(expr);
}

/** getRange: "*", "?", "N", "N-M", each optionally "/step" ("N/step" means N to max). */
function getRange(expr: string, r: Bounds): bigint {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let extra = 0n;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    extra = STAR;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronParseError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) {
    step = 1;
  } else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (singleDigit) end = r.max;
    if (step > 1) extra = 0n;
  } else {
    throw new CronParseError(`too many slashes: ${expr}`);
  }
  if (start < r.min) throw new CronParseError(`beginning of range (${start}) below minimum (${r.min}): ${expr}`);
  if (end > r.max) throw new CronParseError(`end of range (${end}) above maximum (${r.max}): ${expr}`);
  if (start > end) throw new CronParseError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new CronParseError(`step of range should be a positive number: ${expr}`);
  return getBits(start, end, step) | extra;
}

/** getField: comma-separated ranges ORed (empty pieces skipped, as strings.FieldsFunc does). */
function getField(field: string, r: Bounds): bigint {
  let bits = 0n;
  for (const expr of field.split(',').filter((x) => x !== '')) bits |= getRange(expr, r);
  return bits;
}

class SpecSchedule implements Schedule {
  constructor(
    readonly second: bigint,
    readonly minute: bigint,
    readonly hour: bigint,
    readonly dom: bigint,
    readonly month: bigint,
    readonly dow: bigint,
    /** null is time.Local: the schedule runs in the zone of the time given. */
    readonly zone: Zone | null,
  ) {}

  private has(bits: bigint, n: number): boolean {
    return ((1n << BigInt(n)) & bits) !== 0n;
  }

  private dayMatches(t: ZonedTime): boolean {
    const domMatch = this.has(this.dom, t.day);
    const dowMatch = this.has(this.dow, t.weekday());
    if ((this.dom & STAR) !== 0n || (this.dow & STAR) !== 0n) return domMatch && dowMatch;
    return domMatch || dowMatch;
  }

  /** SpecSchedule.Next: field by field from the month down, wrapping to the month loop when a field rolls over. */
  next(from: ZonedTime): ZonedTime | null {
    const origZone = from.zone;
    const loc = this.zone ?? from.zone;
    let t = this.zone ? from.in(this.zone) : from;
    // Start at the earliest possible time (the upcoming second).
    t = t.add(1000 - t.millisecond);
    let added = false;
    const yearLimit = t.year + 5;
    WRAP: for (;;) {
      if (t.year > yearLimit) return null;
      while (!this.has(this.month, t.month)) {
        if (!added) {
          added = true;
          t = ZonedTime.date(t.year, t.month, 1, 0, 0, 0, loc);
        }
        t = t.addDate(0, 1, 0);
        if (t.month === 1) continue WRAP;
      }
      while (!this.dayMatches(t)) {
        if (!added) {
          added = true;
          t = ZonedTime.date(t.year, t.month, t.day, 0, 0, 0, loc);
        }
        t = t.addDate(0, 0, 1);
        // Where DST moved midnight, get back to the day's start.
        if (t.hour !== 0) t = t.add((t.hour > 12 ? 24 - t.hour : -t.hour) * 3_600_000);
        if (t.day === 1) continue WRAP;
      }
      while (!this.has(this.hour, t.hour)) {
        if (!added) {
          added = true;
          t = ZonedTime.date(t.year, t.month, t.day, t.hour, 0, 0, loc);
        }
        t = t.add(3_600_000);
        if (t.hour === 0) continue WRAP;
      }
      while (!this.has(this.minute, t.minute)) {
        if (!added) {
          added = true;
          t = t.truncate(60_000);
        }
        t = t.add(60_000);
        if (t.minute === 0) continue WRAP;
      }
      while (!this.has(this.second, t.second)) {
        if (!added) {
          added = true;
          t = t.truncate(1000);
        }
        t = t.add(1000);
        if (t.second === 0) continue WRAP;
      }
      return t.in(origZone);
    }
  }
}

/** Every(d): a fixed delay, at least one second, rounded down to whole seconds; activations on whole seconds. */
class ConstantDelaySchedule implements Schedule {
  readonly zone = null;
  constructor(readonly delayMs: number) {}
  next(t: ZonedTime): ZonedTime {
    return t.add(this.delayMs - t.millisecond);
  }
}

function parseDescriptor(descriptor: string, zone: Zone | null): Schedule {
  const spec = (second: bigint, minute: bigint, hour: bigint, dom: bigint, month: bigint, dow: bigint) => new SpecSchedule(second, minute, hour, dom, month, dow, zone);
  const first = (r: Bounds) => 1n << BigInt(r.min);
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return spec(first(SECONDS), first(MINUTES), first(HOURS), first(DOM), first(MONTHS), all(DOW));
    case '@monthly':
      return spec(first(SECONDS), first(MINUTES), first(HOURS), first(DOM), all(MONTHS), all(DOW));
    case '@weekly':
      return spec(first(SECONDS), first(MINUTES), first(HOURS), all(DOM), all(MONTHS), first(DOW));
    case '@daily':
    case '@midnight':
      return spec(first(SECONDS), first(MINUTES), first(HOURS), all(DOM), all(MONTHS), all(DOW));
    case '@hourly':
      return spec(first(SECONDS), first(MINUTES), all(HOURS), all(DOM), all(MONTHS), all(DOW));
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    const text = descriptor.slice(every.length);
    const duration = parseGoDuration(text);
    if (typeof duration === 'string') throw new CronParseError(`failed to parse duration ${descriptor}: ${duration}`);
    // Every: "Delays of less than a second are not supported"; round down to whole seconds.
    const delay = Math.max(1000, Math.floor(duration / 1000) * 1000);
    return new ConstantDelaySchedule(delay);
  }
  throw new CronParseError(`unrecognized descriptor: ${descriptor}`);
}

/**
 * Parser.Parse with the standard options (Minute | Hour | Dom | Month | Dow |
 * Descriptor), or, with `seconds`, robfig's own test parser (Second | Minute |
 * Hour | Dom | Month | DowOptional | Descriptor) used to transcribe its tables.
 */
export function parse(input: string, options: { seconds?: boolean } = {}): Schedule {
  let spec = input;
  if (spec.length === 0) throw new CronParseError('empty spec string');
  let zone: Zone | null = null;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    // Go slices spec[eq+1:i]; with no space at all that slice panics.
    const name = i < 0 ? spec.slice(eq + 1) : spec.slice(eq + 1, i);
    if (i < 0) throw new CronParseError(`provided bad location ${name}: missing schedule after the time zone`);
    try {
      zone = Zone.load(name);
    } catch (e) {
      throw new CronParseError(`provided bad location ${name}: ${(e as Error).message}`);
    }
    spec = spec.slice(i).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, zone);
  let fields = spec.split(/\s+/).filter((f) => f !== '');
  // normalizeFields: the standard parser wants exactly 5; the seconds parser 6, or 5 with Dow defaulting to "*".
  if (options.seconds) {
    if (fields.length < 5 || fields.length > 6) throw new CronParseError(`expected 5 to 6 fields, found ${fields.length}: ${goList(fields)}`);
    if (fields.length === 5) fields = [...fields, '*'];
  } else {
    if (fields.length !== 5) throw new CronParseError(`expected exactly 5 fields, found ${fields.length}: ${goList(fields)}`);
    fields = ['0', ...fields];
  }
  return new SpecSchedule(
    getField(fields[0], SECONDS),
    getField(fields[1], MINUTES),
    getField(fields[2], HOURS),
    getField(fields[3], DOM),
    getField(fields[4], MONTHS),
    getField(fields[5], DOW),
    zone,
  );
}

/**
 * cron.ParseStandard: "min hour dom month dow", a descriptor (@hourly,
 * @every 1h30m, …), optionally after TZ=<zone> or CRON_TZ=<zone>.
 *
 * @example parseStandard('30 6-16/4 * * 1-5')  // 06:30, 10:30, 14:30 on weekdays
 * @example parseStandard('61 * * * *')         // throws: end of range (61) above maximum (59): 61
 */
export function parseStandard(input: string): Schedule {
  return parse(input);
}

// Wall-clock arithmetic in a time zone, as Go's time package does it for the
// cron library: a time.Time is an instant plus a Location; Date() builds one
// from wall-clock fields (normalizing overflow, resolving gaps and overlaps
// as time.Date does); AddDate() goes through Date(); Add() moves the instant.
// src: Go src/time/time.go (Date, AddDate, Truncate), src/time/zoneinfo.go (lookup).
// Civil dates use proleptic Gregorian day counting, so Go's zero time (year 1) works too.

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1–12, any day/month overflow allowed). */
function daysFromCivil(year: number, month: number, day: number): number {
  // Normalize the month first (time.Date normalizes month, then the day overflows through the epoch count).
  const m0 = month - 1;
  const y = year + Math.floor(m0 / 12);
  const m = (((m0 % 12) + 12) % 12) + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + 1 - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + (day - 1);
}

/** The civil date of a day count since 1970-01-01. */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const y = yoe + era * 400;
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: month <= 2 ? y + 1 : y, month, day };
}

/** Milliseconds of wall-clock fields read as if they were UTC. */
function wallMs(year: number, month: number, day: number, hour: number, minute: number, second: number): number {
  return daysFromCivil(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000;
}

/** A time zone: UTC, or an IANA name resolved through the runtime's tz database (Intl). */
export class Zone {
  private static readonly cache = new Map<string, Zone>();
  static readonly UTC = new Zone('UTC', null);

  private constructor(
    readonly name: string,
    private readonly format: Intl.DateTimeFormat | null,
  ) {}

  /**
   * time.LoadLocation: "" and "UTC" are UTC; an unknown name is Go's error
   * (`unknown time zone Foo/Bar`). "Local" is the controller's zone, taken as UTC here.
   */
  static load(name: string): Zone {
    if (name === '' || name === 'UTC' || name === 'Local') return Zone.UTC;
    const cached = Zone.cache.get(name);
    if (cached) return cached;
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', era: 'short', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    } catch {
      throw new Error(`unknown time zone ${name}`);
    }
    const zone = new Zone(name, format);
    Zone.cache.set(name, zone);
    return zone;
  }

  /** Seconds east of UTC in effect at the instant (zoneinfo lookup). */
  offsetMs(utcMs: number): number {
    if (!this.format) return 0;
    const whole = Math.floor(utcMs / 1000) * 1000;
    const parts: Record<string, string> = {};
    for (const p of this.format.formatToParts(new Date(whole))) parts[p.type] = p.value;
    let year = Number(parts.year);
    if (parts.era === 'BC' || parts.era === 'B') year = 1 - year;
    return wallMs(year, Number(parts.month), Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second)) - whole;
  }
}

/** An instant seen in a zone, like Go's time.Time with its Location. */
export class ZonedTime {
  readonly year: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Milliseconds within the second. */
  readonly millisecond: number;

  constructor(
    readonly utcMs: number,
    readonly zone: Zone,
  ) {
    const local = utcMs + zone.offsetMs(utcMs);
    const days = Math.floor(local / MS_PER_DAY);
    const { year, month, day } = civilFromDays(days);
    let rest = local - days * MS_PER_DAY;
    this.year = year;
    this.month = month;
    this.day = day;
    this.hour = Math.floor(rest / 3_600_000);
    rest -= this.hour * 3_600_000;
    this.minute = Math.floor(rest / 60_000);
    rest -= this.minute * 60_000;
    this.second = Math.floor(rest / 1000);
    this.millisecond = rest - this.second * 1000;
  }

  /**
   * time.Date: wall-clock fields (overflow normalized) in the zone. The
   * offset is looked up at the wall time taken as UTC, and again at the
   * resulting instant if that falls outside the first guess's zone period.
   */
  static date(year: number, month: number, day: number, hour: number, minute: number, second: number, zone: Zone): ZonedTime {
    const unix = wallMs(year, month, day, hour, minute, second);
    let offset = zone.offsetMs(unix);
    if (offset !== 0) {
      const utc = unix - offset;
      const atUtc = zone.offsetMs(utc);
      if (atUtc !== offset) offset = atUtc;
    }
    return new ZonedTime(unix - offset, zone);
  }

  /** time.Weekday: 0 is Sunday. */
  weekday(): number {
    const days = daysFromCivil(this.year, this.month, this.day);
    return (((days + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  }

  add(ms: number): ZonedTime {
    return new ZonedTime(this.utcMs + ms, this.zone);
  }

  /** time.AddDate: through time.Date, keeping the clock time. */
  addDate(years: number, months: number, days: number): ZonedTime {
    return ZonedTime.date(this.year + years, this.month + months, this.day + days, this.hour, this.minute, this.second, this.zone).add(this.millisecond);
  }

  /** time.Truncate(d): rounds down since the zero time, which is UTC-based (no zone involved). */
  truncate(ms: number): ZonedTime {
    const zero = -62135596800000;
    const since = this.utcMs - zero;
    return new ZonedTime(this.utcMs - (((since % ms) + ms) % ms), this.zone);
  }

  in(zone: Zone): ZonedTime {
    return new ZonedTime(this.utcMs, zone);
  }
}

// Go's time.ParseDuration for the durations in KubeletConfiguration and the
// scenario document ("30s", "5m", "1h30m", "1.5h"). Returns milliseconds or a reason.
// src: Go src/time/format.go ParseDuration.

/** (2^63 − 1) ns in milliseconds: Go's longest time.Duration. */
const MAX_DURATION_MS = 9_223_372_036_854.775;

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * @example parseGoDuration('1m30s') // 90_000;  parseGoDuration('5x') // 'time: unknown unit "x" in duration "5x"'
 */
export function parseGoDuration(input: unknown): number | string {
  if (typeof input === 'number') return input === 0 ? 0 : `time: missing unit in duration "${input}"`;
  if (typeof input !== 'string') return 'must be a duration such as "30s" or "5m"';
  const orig = input;
  let s = input;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    if (s[0] === '-') sign = -1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return `time: invalid duration "${orig}"`;
  let total = 0;
  while (s.length > 0) {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s);
    if (!num || (num[1] === '' && (num[2] ?? '') === '')) return `time: invalid duration "${orig}"`;
    s = s.slice(num[0].length);
    const unit = /^[^\d.]+/.exec(s)?.[0] ?? '';
    if (unit === '') return `time: missing unit in duration "${orig}"`;
    if (!(unit in UNITS)) return `time: unknown unit "${unit}" in duration "${orig}"`;
    s = s.slice(unit.length);
    total += Number(`${num[1] || '0'}.${num[2] || '0'}`) * UNITS[unit];
    // A time.Duration is an int64 of nanoseconds: anything longer (about 292 years) does not parse.
    if (total > MAX_DURATION_MS) return `time: invalid duration "${orig}"`;
  }
  return sign * total;
}

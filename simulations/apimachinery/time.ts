// Virtual time. The kubelet simulation counts milliseconds since a fixed epoch
// (docs/ENGINES.md: "Virtual clocks start at 2025-01-01T00:00:00Z") and writes
// API timestamps the way metav1.Time marshals them: RFC 3339, whole seconds, UTC.

/** 2025-01-01T00:00:00Z in milliseconds since the Unix epoch. */
export const DEFAULT_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

/**
 * metav1.Time's JSON form: truncated to the second, UTC, "Z".
 *
 * @example rfc3339(Date.UTC(2025, 0, 1, 0, 0, 5, 900)) // "2025-01-01T00:00:05Z"
 */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = cache.get(second);
  if (text === undefined) {
    text = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    if (cache.size > 50_000) cache.clear();
    cache.set(second, text);
  }
  return text;
}

// Simulations format the same few thousand seconds over and over.
const cache = new Map<number, string>();

/** Parses an API timestamp (RFC 3339) or passes milliseconds through; null when absent or invalid. */
export function toMs(value: string | number | Date | null | undefined): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return value.getTime();
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Seconds, rounded to the millisecond, for results a learner reads ("restart at 35 s"). */
export function seconds(ms: number): number {
  return Math.round(ms) / 1000;
}

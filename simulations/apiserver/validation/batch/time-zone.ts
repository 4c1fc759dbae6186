// Go's time.LoadLocation, for CronJob's timeZone and a schedule's TZ= prefix:
// "" and "UTC" are UTC, "Local" the local zone, anything else a name in the
// IANA database (which the API server embeds). Node's ICU carries the same
// database; it accepts names in any case, where Go's lookup is exact, so a
// name ICU resolves to the same zone in other letters is refused, and the
// database's "Factory" zone (which ICU lacks) is accepted.
// src: Go src/time/zoneinfo.go (LoadLocation), zoneinfo_read.go

/** The error LoadLocation would return, or null. */
export function loadLocationError(name: string): string | null {
  if (name === '' || name === 'UTC' || name === 'Local' || name === 'Factory') return null;
  const unknown = `unknown time zone ${name}`;
  // Go refuses names that could escape the zoneinfo directory.
  if (name.startsWith('/') || name.includes('..') || name.includes('\\')) return unknown;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return unknown;
  }
  if (resolved !== name && resolved.toLowerCase() === name.toLowerCase()) return unknown;
  return null;
}

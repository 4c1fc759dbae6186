// Durations printed the way Kubernetes prints them.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * Go's time.Duration.String() for a duration in milliseconds, as used in
 * kubelet messages such as "back-off 1m20s restarting failed container".
 *
 * @example goDuration(80_000) // "1m20s";  goDuration(300_000) // "5m0s";  goDuration(0) // "0s"
 */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  const negative = ms < 0;
  let rest = Math.abs(ms);
  let out: string;
  if (rest < SECOND) {
    out = `${trimFraction(rest)}ms`;
  } else {
    const hours = Math.floor(rest / HOUR);
    rest -= hours * HOUR;
    const minutes = Math.floor(rest / MINUTE);
    rest -= minutes * MINUTE;
    const seconds = `${trimFraction(rest / SECOND)}s`;
    out = hours > 0 ? `${hours}h${minutes}m${seconds}` : minutes > 0 ? `${minutes}m${seconds}` : seconds;
  }
  return negative ? `-${out}` : out;
}

function trimFraction(value: number): string {
  // Go prints the shortest exact decimal; millisecond inputs need at most 3 places.
  return Number(value.toFixed(3)).toString();
}

/**
 * apimachinery's duration.HumanDuration, used by kubectl for AGE columns and
 * describe's event ages. src: staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go
 *
 * @example humanDuration(110_000) // "110s";  humanDuration(9 * 60_000 + 59_000) // "9m59s"
 */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  // "Allow deviation no more than 2 seconds(excluded) to tolerate machine time inconsistence"
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 10) {
    const s = Math.trunc(ms / SECOND) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 8) {
    const m = Math.trunc(ms / MINUTE) % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/**
 * apimachinery's duration.ShortHumanDuration (used by some printers).
 * src: staging/src/k8s.io/apimachinery/pkg/util/duration/duration.go
 */
export function shortHumanDuration(ms: number): string {
  const seconds = Math.trunc(ms / SECOND);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(ms / MINUTE);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(ms / HOUR);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}

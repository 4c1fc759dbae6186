// Memory-usage behaviours: what a container's working set would grow to, as a
// function of the time since the container (re)started. A restarted process starts
// over, so every behaviour restarts with it. The kernel caps the real working set
// at the limit; this is the *demand* the engine compares against the limit.

/** One documented behaviour (kind MemoryScenario, spec.containers[].usage). */
export type UsageBehaviour =
  | { pattern: 'steady'; level: number }
  | { pattern: 'leak'; start: number; perMinute: number }
  | { pattern: 'spikes'; base: number; peak: number; everyMs: number; lengthMs: number }
  | { pattern: 'step'; before: number; after: number; atMs: number }
  | { pattern: 'points'; points: { atMs: number; bytes: number }[] };

export const USAGE_PATTERNS = ['steady', 'leak', 'spikes', 'step', 'points'] as const;

/**
 * Bytes wanted `sinceStartMs` after the container started.
 *
 * @example demandAt({ pattern: 'leak', start: 100 * 2 ** 20, perMinute: 20 * 2 ** 20 }, 60_000) // 120Mi in bytes
 */
export function demandAt(b: UsageBehaviour, sinceStartMs: number): number {
  switch (b.pattern) {
    case 'steady':
      return b.level;
    case 'leak':
      return Math.floor(b.start + (b.perMinute * sinceStartMs) / 60_000);
    case 'spikes': {
      // Spikes start at `every`, 2×`every`, …, each lasting `length`.
      if (sinceStartMs < b.everyMs) return b.base;
      const into = sinceStartMs % b.everyMs;
      return into < b.lengthMs ? b.peak : b.base;
    }
    case 'step':
      return sinceStartMs >= b.atMs ? b.after : b.before;
    case 'points': {
      const pts = b.points;
      if (sinceStartMs <= pts[0].atMs) return pts[0].bytes;
      for (let i = 1; i < pts.length; i++) {
        if (sinceStartMs <= pts[i].atMs) {
          const a = pts[i - 1];
          const z = pts[i];
          return Math.floor(a.bytes + ((z.bytes - a.bytes) * (sinceStartMs - a.atMs)) / (z.atMs - a.atMs));
        }
      }
      return pts[pts.length - 1].bytes;
    }
  }
}

/** A short human description for tables: "leak from 100Mi, +20Mi/min". */
export function describeBehaviour(b: UsageBehaviour, fmt: (bytes: number) => string, dur: (ms: number) => string): string {
  switch (b.pattern) {
    case 'steady':
      return `steady at ${fmt(b.level)}`;
    case 'leak':
      return `leak from ${fmt(b.start)}, +${fmt(b.perMinute)}/min`;
    case 'spikes':
      return `${fmt(b.base)} with spikes to ${fmt(b.peak)} every ${dur(b.everyMs)} for ${dur(b.lengthMs)}`;
    case 'step':
      return `${fmt(b.before)}, then ${fmt(b.after)} from ${dur(b.atMs)}`;
    case 'points':
      return `points: ${b.points.map((p) => `${dur(p.atMs)}→${fmt(p.bytes)}`).join(', ')}`;
  }
}

// How late the event loop runs, reported every few seconds when
// LOG_EVENT_LOOP_DELAY_MS is set. Simulations run in worker threads so that
// the main thread only passes messages; this report is how an operator (and
// `npm run bench`) sees that it stays so under load.

import { monitorEventLoopDelay } from 'node:perf_hooks';

const NS_PER_MS = 1e6;

/** Starts reporting; returns a function that stops it. */
export function startEventLoopReport(everyMs: number, write: (line: string) => void = console.log): () => void {
  // 10 ms: the sampling timer's period, fine enough for a 100 ms target.
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns: number) => (ns / NS_PER_MS).toFixed(1);
  const timer = setInterval(() => {
    if (histogram.count > 0) {
      write(
        `event loop delay over the last ${(everyMs / 1000).toFixed(1)} s: p50 ${ms(histogram.percentile(50))} ms, p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms (${histogram.count} samples)`,
      );
    }
    histogram.reset();
  }, everyMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    histogram.disable();
  };
}

/** Reads a line written by startEventLoopReport back into numbers (for the benchmark). */
export function parseEventLoopReport(line: string): { p50Ms: number; p99Ms: number; maxMs: number } | undefined {
  const m = /event loop delay over the last [\d.]+ s: p50 ([\d.]+) ms, p99 ([\d.]+) ms, max ([\d.]+) ms/.exec(line);
  return m ? { p50Ms: Number(m[1]), p99Ms: Number(m[2]), maxMs: Number(m[3]) } : undefined;
}

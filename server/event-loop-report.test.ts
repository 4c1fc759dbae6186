import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseEventLoopReport, startEventLoopReport } from './event-loop-report.ts';

test('reports a blocked event loop in the window it happened, then a fresh window', async () => {
  const lines: string[] = [];
  const stop = startEventLoopReport(300, (line) => lines.push(line));
  try {
    await new Promise((r) => setTimeout(r, 50));
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // the main thread is busy: every timer, the sampler's included, waits
    }
    await new Promise((r) => setTimeout(r, 650));
  } finally {
    stop();
  }
  assert.ok(lines.length >= 2, lines.join('\n'));
  const [blocked, after] = lines.map(parseEventLoopReport);
  assert.ok(blocked && blocked.maxMs >= 100, `the 150 ms block shows: ${lines[0]}`);
  assert.ok(after && after.maxMs < blocked.maxMs, `the next window starts afresh: ${lines[1]}`);
  assert.match(lines[0], /^event loop delay over the last 0\.3 s: p50 [\d.]+ ms, p99 [\d.]+ ms, max [\d.]+ ms \(\d+ samples\)$/);
});

// Platform benchmarks (issue #2) and bounded loopback load (issue #7), against
// the real server started as `npm start` would, in its own process.
//
// - lesson page req/s vs a raw node:http server sending the same bytes (ratio ≥ 0.15)
// - simulation API p50/p99 for every default scenario (p99 < 50 ms)
// - cold start to first 200 (< 2 s), both for the first start of a build (every lesson
//   scenario runs) and for later starts (their outcomes read back:
//   server/content/scenario-runs.ts); RSS after warm-up (< 200 MB)
// - event loop delay p99 < 100 ms while simulations run at full load (the server reports
//   it with LOG_EVENT_LOOP_DELAY_MS, from perf_hooks.monitorEventLoopDelay)
// - load: lesson pages at 50 connections (no errors, p99 < 250 ms), simulation runs at
//   8 connections (no 5xx), quiz answers at 20 connections (no SQLITE_BUSY), and a mixed
//   soak (2 minutes; BENCH_SOAK_SECONDS to change) whose RSS grows less than 50 MB.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadContent } from '../../server/content/load.ts';
import { loadNotes } from '../../server/content/notes.ts';
import { loadConfig } from '../../server/config.ts';
import { SearchIndex } from '../../server/search/search-index.ts';
import { engines } from '../../simulations/registry.ts';
import type { BenchResult } from './run.ts';
import { cannon, fmt, percentile, rssMb, startMain, stop } from './server-process.ts';
import { parseEventLoopReport } from '../../server/event-loop-report.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export async function bench(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const dataDir = mkdtempSync(join(tmpdir(), 'kn-bench-'));
  const port = 30000 + Math.floor(Math.random() * 20000);
  const content = loadContent({ contentDir: join(ROOT, 'content'), engines, rootDir: ROOT });
  const lesson = content.chapters[0]?.lessons.get('en');
  if (!lesson) return [{ name: 'platform', value: 'no lessons in content/ yet' }];

  const env = { PORT: String(port), RUNS_PER_MINUTE: '100000000', RUNS_PER_MINUTE_PER_ADDRESS: '100000000', ANSWERS_PER_MINUTE: '100000000', NEW_LEARNERS_PER_HOUR_PER_ADDRESS: '100000000', LOG_EVENT_LOOP_DELAY_MS: '1000' };
  // The first start of a build runs every lesson scenario; later starts read their outcomes back.
  const cacheDir = join(ROOT, 'node_modules', '.cache', 'kube-notebook');
  for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    if (/^outcomes-[0-9a-f]{16}\.bin$/.test(name)) rmSync(join(cacheDir, name), { force: true });
  }
  const first = await startMain({ ...env, DATA_DIR: mkdtempSync(join(tmpdir(), 'kn-bench-first-')) });
  await stop(first.proc);
  results.push({ name: 'cold start to first 200, first start of a build (fresh database)', value: `${fmt(first.startedMs, 0)} ms`, target: '< 2,000 ms', met: first.startedMs < 2000 });
  const main = await startMain({ ...env, DATA_DIR: dataDir });
  const base = `http://127.0.0.1:${port}`;
  results.push({ name: 'cold start to first 200, later starts (fresh database)', value: `${fmt(main.startedMs, 0)} ms`, target: '< 2,000 ms', met: main.startedMs < 2000 });

  try {
    // Lesson page vs raw node:http with the same bytes, in one run.
    const lessonPath = `/lessons/${lesson.slug}`;
    const page = await (await fetch(`${base}${lessonPath}`)).text();
    const bytesFile = join(dataDir, 'page.html');
    writeFileSync(bytesFile, page);
    const rawPort = port + 1;
    const raw = spawn(
      process.execPath,
      ['-e', `const b=require('fs').readFileSync(${JSON.stringify(bytesFile)});require('http').createServer((q,s)=>{s.setHeader('Content-Type','text/html; charset=utf-8');s.end(b)}).listen(${rawPort},'127.0.0.1')`],
      { stdio: 'ignore' },
    );
    await new Promise((r) => setTimeout(r, 300));
    const site = await cannon({ url: `${base}${lessonPath}`, connections: 10, duration: 5 });
    const rawResult = await cannon({ url: `http://127.0.0.1:${rawPort}/`, connections: 10, duration: 5 });
    raw.kill();
    const ratio = site.requests.average / rawResult.requests.average;
    results.push({
      name: `lesson page ${lessonPath} req/s vs raw node:http sending the same ${fmt(page.length / 1024)} KiB`,
      value: `${fmt(site.requests.average, 0)} vs ${fmt(rawResult.requests.average, 0)} req/s, ratio ${ratio.toFixed(2)}`,
      target: 'ratio ≥ 0.15',
      met: ratio >= 0.15,
    });

    // Simulation API latency for every default scenario.
    const notes: string[] = [];
    let worstP99 = 0;
    for (const chapter of content.chapters) {
      const l = chapter.lessons.get('en')!;
      for (const cell of l.cells) {
        if (cell.kind !== 'sim') continue;
        const times: number[] = [];
        for (let i = 0; i < 40; i++) {
          const t0 = performance.now();
          const res = await fetch(`${base}/api/simulations/${cell.engine}/run`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ input: cell.input }),
          });
          await res.arrayBuffer();
          if (i >= 5) times.push(performance.now() - t0); // first runs warm the workers
        }
        times.sort((a, b) => a - b);
        const p99 = percentile(times, 99);
        worstP99 = Math.max(worstP99, p99);
        notes.push(`${l.slug}/${cell.id} (${cell.engine}): p50 ${fmt(percentile(times, 50))} ms, p99 ${fmt(p99)} ms`);
      }
    }
    results.push({ name: 'simulation API, every default scenario', value: `worst p99 ${fmt(worstP99)} ms`, target: 'p99 < 50 ms', met: worstP99 < 50, notes });

    // Search (issue 13): /search pages over every lesson (en, zh) and the notes, English and
    // Chinese queries of one to three terms, as a learner sends them; and the index alone.
    const queries: [string, string][] = [
      ['taint', 'en'], ['toleration', 'en'], ['OOMKilled', 'en'], ['scheduler preemption', 'en'], ['kubectl apply', 'en'],
      ['restartPolicy', 'en'], ['eviction memory', 'en'], ['pause container', 'en'], ['resourceVersion conflict', 'en'], ['q', 'en'],
      ['调度', 'zh'], ['污点', 'zh'], ['调度器 抢占', 'zh'], ['容器', 'zh'], ['内存 驱逐', 'zh'], ['Pod 调度', 'zh'], ['探针', 'zh'], ['"NEAR(*', 'zh'],
    ];
    const searchTimes: number[] = [];
    for (let round = 0; round < 12; round++) {
      for (const [q, lang] of queries) {
        const t0 = performance.now();
        const res = await fetch(`${base}/search?q=${encodeURIComponent(q)}`, { headers: { cookie: `kn_lang=${lang}` } });
        await res.arrayBuffer();
        if (round >= 2) searchTimes.push(performance.now() - t0);
      }
    }
    searchTimes.sort((a, b) => a - b);
    const index = new SearchIndex(content, loadNotes(loadConfig({}).notesDir));
    const indexTimes: number[] = [];
    for (let round = 0; round < 22; round++) {
      for (const [q, lang] of queries) {
        const t0 = performance.now();
        index.search(q, lang as 'en' | 'zh');
        if (round >= 2) indexTimes.push(performance.now() - t0);
      }
    }
    indexTimes.sort((a, b) => a - b);
    const indexSize = index.size;
    index.close();
    const searchP99 = percentile(searchTimes, 99);
    results.push({
      name: `search: GET /search over ${indexSize.toLocaleString('en-US')} lesson sections, quizzes, cells and note lines (${queries.length} queries, en and zh)`,
      value: `p50 ${fmt(percentile(searchTimes, 50))} ms, p99 ${fmt(searchP99)} ms`,
      target: 'p99 < 20 ms',
      met: searchP99 < 20,
      notes: [`the index alone: p50 ${fmt(percentile(indexTimes, 50), 2)} ms, p99 ${fmt(percentile(indexTimes, 99), 2)} ms`],
    });

    const warmRss = rssMb(main.proc.pid!);
    results.push({ name: 'server RSS after warm-up (main process, workers included)', value: `${fmt(warmRss)} MB`, target: '< 200 MB', met: warmRss < 200 });

    // Load (issue #7): lesson pages at 50 connections, requested as browsers
    // request them (Accept-Encoding: gzip, so the page comes gzipped), then
    // without compression for comparison.
    const pages = await cannon({ url: `${base}${lessonPath}`, connections: 50, duration: 8, headers: { 'accept-encoding': 'gzip, deflate, br, zstd' } });
    const plainPages = await cannon({ url: `${base}${lessonPath}`, connections: 50, duration: 8 });
    results.push({
      name: 'load: lesson pages, 50 connections, 8 s, gzip as browsers ask',
      value: `${fmt(pages.requests.average, 0)} req/s, p99 ${pages.latency.p99} ms, errors ${pages.errors}, non-2xx ${pages.non2xx}, ${fmt(pages.throughput.average / Math.max(1, pages.requests.average) / 1024)} KiB a page`,
      target: 'no errors, p99 < 250 ms',
      met: pages.errors === 0 && pages.non2xx === 0 && pages.latency.p99 < 250,
      notes: [
        `without Accept-Encoding (${fmt(plainPages.throughput.average / Math.max(1, plainPages.requests.average) / 1024)} KiB a page): ${fmt(plainPages.requests.average, 0)} req/s, p99 ${plainPages.latency.p99} ms, errors ${plainPages.errors}, non-2xx ${plainPages.non2xx}; autocannon shares the machine's cores with the server and reads every byte`,
      ],
    });

    // Simulations at full load: 8 connections cycling through every default
    // scenario keep every worker busy. Meanwhile the server reports its event
    // loop delay each second (LOG_EVENT_LOOP_DELAY_MS, perf_hooks.monitorEventLoopDelay).
    const simCells = content.chapters.flatMap((c) => c.lessons.get('en')!.cells).filter((c) => c.kind === 'sim');
    const firstSim = simCells[0];
    if (firstSim && firstSim.kind === 'sim') {
      const outputBefore = main.output().length;
      const sims = await cannon({
        url: base,
        connections: 8,
        duration: 8,
        requests: simCells.map((cell) => ({
          method: 'POST' as const,
          path: `/api/simulations/${cell.kind === 'sim' ? cell.engine : ''}/run`,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ input: cell.kind === 'sim' ? cell.input : '' }),
        })),
      });
      await new Promise((r) => setTimeout(r, 1100)); // the last window's report
      const windows = main.output().slice(outputBefore).split('\n').map(parseEventLoopReport).filter((w) => w !== undefined);
      const fiveXx = (sims as unknown as { '5xx': number })['5xx'] ?? 0;
      results.push({
        name: `load: simulation runs (all ${simCells.length} default scenarios in turn), 8 connections, 8 s`,
        value: `${fmt(sims.requests.average, 0)} runs/s, p99 ${sims.latency.p99} ms, 5xx ${fiveXx}, errors ${sims.errors}`,
        target: 'no 5xx',
        met: fiveXx === 0 && sims.errors === 0,
      });
      const worstP99 = Math.max(...windows.map((w) => w.p99Ms));
      results.push({
        name: 'event loop delay while simulations run at full load (monitorEventLoopDelay, 1 s windows)',
        value: windows.length > 0 ? `worst p99 ${fmt(worstP99)} ms, worst max ${fmt(Math.max(...windows.map((w) => w.maxMs)))} ms over ${windows.length} windows` : 'no report',
        target: 'p99 < 100 ms',
        met: windows.length > 0 && worstP99 < 100,
        notes: [`p99 per window: ${windows.map((w) => fmt(w.p99Ms)).join(', ')} ms`],
      });
    }

    const firstQuiz = content.chapters.flatMap((c) => c.lessons.get('en')!.cells.map((cell) => ({ slug: c.slug, cell }))).find((x) => x.cell.kind === 'quiz');
    if (firstQuiz && firstQuiz.cell.kind === 'quiz') {
      const key = firstQuiz.cell.key;
      const answer = key.kind === 'choice' ? (key.multiple ? [0] : 0) : key.kind === 'number' ? 1 : 'x';
      const quizzes = await cannon({
        url: `${base}/api/quizzes/${firstQuiz.slug}/${firstQuiz.cell.id}/answers`,
        connections: 20,
        duration: 8,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ answer }),
      });
      const busy = /SQLITE_BUSY|database is locked/.test(main.output());
      results.push({
        name: 'load: quiz answers, 20 connections, 8 s',
        value: `${fmt(quizzes.requests.average, 0)} answers/s, p99 ${quizzes.latency.p99} ms, non-2xx ${quizzes.non2xx}, SQLITE_BUSY ${busy ? 'seen' : 'none'}`,
        target: 'no SQLITE_BUSY',
        met: !busy && quizzes.non2xx === 0,
      });
    }

    // Mixed soak.
    const seconds = Number(process.env.BENCH_SOAK_SECONDS ?? 120);
    const before = rssMb(main.proc.pid!);
    const requests: autocannon.Request[] = [{ method: 'GET', path: lessonPath }, { method: 'GET', path: '/' }, { method: 'GET', path: '/api/lessons' }];
    if (firstSim && firstSim.kind === 'sim') {
      requests.push({ method: 'POST', path: `/api/simulations/${firstSim.engine}/run`, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ input: firstSim.input }) });
    }
    const soak = await cannon({ url: base, connections: 16, duration: seconds, requests });
    const afterRss = rssMb(main.proc.pid!);
    results.push({
      name: `soak: mixed pages, API and simulations, 16 connections, ${seconds} s`,
      value: `RSS ${fmt(before)} → ${fmt(afterRss)} MB (+${fmt(afterRss - before)} MB), ${fmt(soak.requests.average, 0)} req/s, errors ${soak.errors}`,
      target: 'RSS grows < 50 MB',
      met: afterRss - before < 50,
    });
  } finally {
    await stop(main.proc);
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}

// What the informers partial shows: the informer's lanes as one table
// (server, reflector, FIFO, handlers, one row per thing that happened, in time
// order), the cache at the end, and the work queue's workers as an SVG timeline
// with a table of every reconcile.

import type { FifoItem, InformerRequest } from './shared-informer.ts';
import type { WorkerRun, WorkersOutput } from './workers.ts';

export interface InformersResult {
  informer?: {
    watch: { apiVersion: string; kind: string };
    server: Array<{ at: number; seq: number; type: string; key: string; resourceVersion: string; note?: string }>;
    requests: InformerRequest[];
    fifo: FifoItem[];
    notifications: Array<{ at: number; seq: number; handler: string; type: 'add' | 'update' | 'delete'; key: string; resourceVersion: string; isInInitialList?: boolean }>;
    cache: Array<{ key: string; resourceVersion: string }>;
    lastSyncResourceVersion: string;
  };
  queue?: {
    workers: number;
    runs: WorkerRun[];
    adds: WorkersOutput['adds'];
    keys: Array<{ key: string; attempts: number; failures: number; deduplicated: number; done: boolean }>;
    endMs: number;
    truncated: boolean;
  };
}

type Lane = 'server' | 'reflector' | 'fifo' | 'handlers';
const LANES: Lane[] = ['server', 'reflector', 'fifo', 'handlers'];

export interface InformersView {
  informer?: {
    watching: string;
    rows: Array<{ at: string; cells: Array<{ text: string; cls: string }> }>;
    hidden: number;
    cache: Array<{ key: string; resourceVersion: string }>;
    lastSyncResourceVersion: string;
  };
  queue?: {
    width: number;
    height: number;
    lanes: Array<{ label: string; y: number; textY: number }>;
    bars: Array<{ x: number; y: number; w: number; cls: string; title: string }>;
    axis: Array<{ x: number; label: string }>;
    runs: Array<{ worker: number; key: string; start: string; end: string; outcome: string; cls: string }>;
    adds: Array<{ at: string; key: string; outcome: string; retry: boolean }>;
    keys: Array<{ key: string; attempts: number; failures: number; deduplicated: number; done: boolean }>;
    hiddenRuns: number;
  };
}

const MAX_ROWS = 400;
export const fmtMs = (ms: number): string => (ms < 1000 ? `${+ms.toFixed(3)} ms` : `${+(ms / 1000).toFixed(3)} s`);

export function buildView(output: { result: InformersResult }): InformersView {
  const view: InformersView = {};
  const inf = output.result.informer;
  if (inf) {
    const entries: Array<{ at: number; lane: Lane; text: string; cls: string; seq: number }> = [];
    for (const s of inf.server) entries.push({ at: s.at, lane: 'server', text: `${s.type}${s.key ? ` ${s.key}` : ''}${s.resourceVersion ? ` (RV ${s.resourceVersion})` : ''}${s.note ? `, ${s.note}` : ''}`, cls: s.note ? 'inf-warn' : '', seq: s.seq });
    for (const r of inf.requests) {
      const opts = [`resourceVersion="${r.resourceVersion}"`, r.resourceVersionMatch ? `resourceVersionMatch=${r.resourceVersionMatch}` : '', r.sendInitialEvents ? 'sendInitialEvents=true' : '', r.limit !== undefined ? `limit=${r.limit}` : '', r.allowWatchBookmarks ? 'allowWatchBookmarks' : '', r.timeoutSeconds ? `timeoutSeconds=${r.timeoutSeconds}` : ''].filter(Boolean).join(' ');
      entries.push({ at: r.at, lane: 'reflector', text: `${r.verb.toUpperCase()} ${opts} → ${r.answer}`, cls: /^4\d\d/.test(r.answer) ? 'inf-bad' : '', seq: r.seq });
    }
    for (const f of inf.fifo) entries.push({ at: f.at, lane: 'fifo', text: f.key ? `${f.type} ${f.key} (RV ${f.resourceVersion})` : `${f.type} (${f.count} objects, RV ${f.resourceVersion})`, cls: '', seq: f.seq });
    for (const n of inf.notifications) entries.push({ at: n.at, lane: 'handlers', text: `${n.handler}: On${n.type[0].toUpperCase()}${n.type.slice(1)} ${n.key} (RV ${n.resourceVersion || '?'})${n.isInInitialList ? ', initial list' : ''}`, cls: n.type === 'delete' ? 'inf-warn' : '', seq: n.seq });
    // In the order things happened (one counter across the lanes).
    entries.sort((a, b) => a.seq - b.seq);
    view.informer = {
      watching: `${inf.watch.apiVersion} ${inf.watch.kind}`,
      rows: entries.slice(0, MAX_ROWS).map((e) => ({ at: fmtMs(e.at), cells: LANES.map((l) => (l === e.lane ? { text: e.text, cls: e.cls } : { text: '', cls: '' })) })),
      hidden: Math.max(0, entries.length - MAX_ROWS),
      cache: inf.cache,
      lastSyncResourceVersion: inf.lastSyncResourceVersion,
    };
  }
  const q = output.result.queue;
  if (q) {
    const width = 760;
    const left = 80;
    const laneH = 26;
    const end = Math.max(q.endMs, ...q.runs.map((r) => r.endMs), 1);
    const scale = (width - left - 10) / end;
    const runs = q.runs.slice(0, MAX_ROWS);
    view.queue = {
      width,
      height: q.workers * laneH + 30,
      lanes: Array.from({ length: q.workers }, (_, w) => ({ label: `worker ${w}`, y: w * laneH + 4, textY: w * laneH + 20 })),
      bars: runs.map((r) => ({
        x: +(left + r.startMs * scale).toFixed(1),
        y: r.worker * laneH + 6,
        w: Math.max(1, +((r.endMs - r.startMs) * scale).toFixed(1)),
        cls: r.ok ? 'inf-ok' : 'inf-fail',
        title: `${r.key}: ${fmtMs(r.startMs)}–${fmtMs(r.endMs)} ${r.ok ? 'ok' : `failed, retry in ${fmtMs(r.retryAfterMs ?? 0)}`}`,
      })),
      axis: [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: +(left + f * end * scale).toFixed(1), label: fmtMs(f * end) })),
      runs: runs.map((r) => ({ worker: r.worker, key: r.key, start: fmtMs(r.startMs), end: fmtMs(r.endMs), outcome: r.ok ? 'reconciled; Forget' : `failed; AddRateLimited: back in ${fmtMs(r.retryAfterMs ?? 0)}`, cls: r.ok ? '' : 'inf-bad' })),
      adds: q.adds.slice(0, MAX_ROWS).map((a) => ({ at: fmtMs(a.atMs), key: a.key, outcome: a.outcome, retry: a.retry })),
      keys: q.keys,
      hiddenRuns: Math.max(0, q.runs.length - MAX_ROWS),
    };
  }
  return view;
}

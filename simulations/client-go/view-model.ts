// What the informers partial shows: the informer's lanes as one table
// (server, reflector, FIFO, handlers, one row per thing that happened, in time
// order), the cache at the end, and the work queue's workers as an SVG timeline
// with a table of every reconcile.
// Words of our own (lane entries, outcomes, captions) come in both languages
// as { en, zh }; the partial picks one by the page's language. Kubernetes'
// own words (verbs, parameters, Status reasons, delta types, handler names,
// keys) stay as client-go and the API server write them.

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
    /**
     * Per handler, in registration order: its effective resync period
     * (determineResyncPeriod; 0 = never) and how many notifications it got.
     * Added with engine version 3, for the lesson's troubleshooting challenge.
     */
    handlers?: Array<{ name: string; resyncPeriodMs: number; notifications: number }>;
    /** How often the informer checks for due handlers (the informer's period lowered by shorter handler periods registered before the start). */
    resyncCheckPeriodMs?: number;
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

/** A piece of our own text in both languages. */
export interface Text {
  en: string;
  zh: string;
}

type Lane = 'server' | 'reflector' | 'fifo' | 'handlers';
const LANES: Lane[] = ['server', 'reflector', 'fifo', 'handlers'];

export interface InformersView {
  informer?: {
    watching: string;
    rows: Array<{ at: string; cells: Array<{ text: Text; cls: string }> }>;
    hidden: number;
    cache: Array<{ key: string; resourceVersion: string }>;
    lastSyncResourceVersion: string;
  };
  queue?: {
    width: number;
    height: number;
    lanes: Array<{ label: string; y: number; textY: number }>;
    bars: Array<{ x: number; y: number; w: number; cls: string; title: Text }>;
    axis: Array<{ x: number; label: string }>;
    runs: Array<{ worker: number; key: string; start: string; end: string; outcome: Text; cls: string }>;
    adds: Array<{ at: string; key: string; outcome: Text; retry: boolean }>;
    keys: Array<{ key: string; attempts: number; failures: number; deduplicated: number; done: boolean }>;
    hiddenRuns: number;
  };
}

const MAX_ROWS = 400;
/** What the queue did with an Add (workers.ts). */
const ADD_OUTCOMES: Record<string, Text> = {
  queued: { en: 'queued', zh: '入队' },
  deduplicated: { en: 'deduplicated', zh: '去重（并入正在等待的那一次）' },
  'behind-worker': { en: 'behind-worker', zh: '排在 worker 之后（Done 时重新入队）' },
  shutdown: { en: 'shutdown', zh: '队列已关闭，未加入' },
};
export const fmtMs = (ms: number): string => (ms < 1000 ? `${+ms.toFixed(3)} ms` : `${+(ms / 1000).toFixed(3)} s`);

const both = (text: string): Text => ({ en: text, zh: text });

/** What the server lane says happened (engine.ts names the types). */
export function serverText(s: { type: string; key: string; resourceVersion: string; note?: string }): Text {
  const rv = s.resourceVersion ? ` (RV ${s.resourceVersion})` : '';
  const rvZh = s.resourceVersion ? `（RV ${s.resourceVersion}）` : '';
  const key = s.key ? ` ${s.key}` : '';
  const fault = /^next (\w+) answers (\d+)$/.exec(s.type);
  const ZH: Record<string, string> = { exists: '已存在', create: '创建', update: '更新', delete: '删除', 'drop watches': '断开所有 watch 连接', compact: '压缩历史（compaction）' };
  const typeZh = fault ? `下一个 ${fault[1]} 请求回答 ${fault[2]}` : (ZH[s.type] ?? s.type);
  return {
    en: `${s.type}${key}${rv}${s.note ? `, ${s.note}` : ''}`,
    zh: `${typeZh}${key}${rvZh}${s.note ? '，没有发给任何 watch' : ''}`,
  };
}

/** The reflector's answer, as shared-informer.ts words it, in both languages. */
export function answerText(answer: string): Text {
  let m = /^(\d+) initial events, bookmark at RV (\S+)$/.exec(answer);
  if (m) return { en: answer, zh: `${m[1]} 个初始事件，bookmark 的 RV 为 ${m[2]}` };
  m = /^watching \((\d+) replayed\)$/.exec(answer);
  if (m) return { en: answer, zh: `watch 中（补发 ${m[1]} 个事件）` };
  m = /^(\d+) items at RV (\S+)$/.exec(answer);
  if (m) return { en: answer, zh: `${m[1]} 个对象，RV 为 ${m[2]}` };
  return both(answer); // a Status: code and reason, as the API server sends them
}

export function buildView(output: { result: InformersResult }): InformersView {
  const view: InformersView = {};
  const inf = output.result.informer;
  if (inf) {
    const entries: Array<{ at: number; lane: Lane; text: Text; cls: string; seq: number }> = [];
    for (const s of inf.server) entries.push({ at: s.at, lane: 'server', text: serverText(s), cls: s.note ? 'inf-warn' : '', seq: s.seq });
    for (const r of inf.requests) {
      const opts = [`resourceVersion="${r.resourceVersion}"`, r.resourceVersionMatch ? `resourceVersionMatch=${r.resourceVersionMatch}` : '', r.sendInitialEvents ? 'sendInitialEvents=true' : '', r.limit !== undefined ? `limit=${r.limit}` : '', r.allowWatchBookmarks ? 'allowWatchBookmarks' : '', r.timeoutSeconds ? `timeoutSeconds=${r.timeoutSeconds}` : ''].filter(Boolean).join(' ');
      const answer = answerText(r.answer);
      entries.push({ at: r.at, lane: 'reflector', text: { en: `${r.verb.toUpperCase()} ${opts} → ${answer.en}`, zh: `${r.verb.toUpperCase()} ${opts} → ${answer.zh}` }, cls: /^4\d\d/.test(r.answer) ? 'inf-bad' : '', seq: r.seq });
    }
    for (const f of inf.fifo) {
      const text = f.key ? both(`${f.type} ${f.key} (RV ${f.resourceVersion})`) : { en: `${f.type} (${f.count} objects, RV ${f.resourceVersion})`, zh: `${f.type}（${f.count} 个对象，RV ${f.resourceVersion}）` };
      entries.push({ at: f.at, lane: 'fifo', text, cls: '', seq: f.seq });
    }
    for (const n of inf.notifications) {
      const call = `${n.handler}: On${n.type[0].toUpperCase()}${n.type.slice(1)} ${n.key}`;
      const rv = n.resourceVersion || '?';
      const text = { en: `${call} (RV ${rv})${n.isInInitialList ? ', initial list' : ''}`, zh: `${call}（RV ${rv}${n.isInInitialList ? '，初始列表' : ''}）` };
      entries.push({ at: n.at, lane: 'handlers', text, cls: n.type === 'delete' ? 'inf-warn' : '', seq: n.seq });
    }
    // In the order things happened (one counter across the lanes).
    entries.sort((a, b) => a.seq - b.seq);
    view.informer = {
      watching: `${inf.watch.apiVersion} ${inf.watch.kind}`,
      rows: entries.slice(0, MAX_ROWS).map((e) => ({ at: fmtMs(e.at), cells: LANES.map((l) => (l === e.lane ? { text: e.text, cls: e.cls } : { text: both(''), cls: '' })) })),
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
        title: {
          en: `${r.key}: ${fmtMs(r.startMs)}–${fmtMs(r.endMs)} ${r.ok ? 'ok' : `failed, retry in ${fmtMs(r.retryAfterMs ?? 0)}`}`,
          zh: `${r.key}：${fmtMs(r.startMs)}–${fmtMs(r.endMs)} ${r.ok ? '成功' : `失败，${fmtMs(r.retryAfterMs ?? 0)} 后重试`}`,
        },
      })),
      axis: [0, 0.25, 0.5, 0.75, 1].map((f) => ({ x: +(left + f * end * scale).toFixed(1), label: fmtMs(f * end) })),
      runs: runs.map((r) => ({ worker: r.worker, key: r.key, start: fmtMs(r.startMs), end: fmtMs(r.endMs), outcome: r.ok ? { en: 'reconciled; Forget', zh: '调和成功；Forget' } : { en: `failed; AddRateLimited: back in ${fmtMs(r.retryAfterMs ?? 0)}`, zh: `失败；AddRateLimited：${fmtMs(r.retryAfterMs ?? 0)} 后回到队列` }, cls: r.ok ? '' : 'inf-bad' })),
      adds: q.adds.slice(0, MAX_ROWS).map((a) => ({ at: fmtMs(a.atMs), key: a.key, outcome: ADD_OUTCOMES[a.outcome] ?? both(a.outcome), retry: a.retry })),
      keys: q.keys,
      hiddenRuns: Math.max(0, q.runs.length - MAX_ROWS),
    };
  }
  return view;
}

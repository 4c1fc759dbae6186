// The informers engine (chapter 9): an informer against a simulated API server
// (WatchScript) and a controller's work queue with workers (WorkQueueScript),
// on client-go v0.36's rules (see README.md).
import type { Engine, TraceStep } from '../shared/engine.ts';
import { LimitExceededError } from '../shared/errors.ts';
import { flattenLists } from '../shared/yaml.ts';
import { newRateLimiter } from './rate-limiters.ts';
import { readInput } from './schema.ts';
import type { QueueInput, WatchInput } from './schema.ts';
import { SharedInformerSim } from './shared-informer.ts';
import type { FifoItem, InformerRequest } from './shared-informer.ts';
import { metaNamespaceKey } from './types.ts';
import { buildView } from './view-model.ts';
import type { InformersResult, InformersView } from './view-model.ts';
import { runWorkers } from './workers.ts';

const MAX_TRACE_STEPS = 2000;
const MAX_TIMERS = 100_000;

const STATUS: Record<429 | 410, { code: number; reason: string; message: string }> = {
  // apimachinery errors.go NewTooManyRequests / NewResourceExpired, as kube-apiserver words them
  429: { code: 429, reason: 'TooManyRequests', message: 'Too many requests, please try again later.' },
  410: { code: 410, reason: 'Expired', message: 'The resourceVersion for the provided watch is too old.' },
};

function runWatch(input: WatchInput, maxEvents: number): NonNullable<InformersResult['informer']> {
  const sim = new SharedInformerSim(input.resyncPeriodMs);
  sim.record = true;
  sim.useWatchList = input.watchList;
  const server: Array<{ at: number; seq: number; type: string; key: string; resourceVersion: string; note?: string }> = [];
  for (const o of input.objects) {
    const stored = sim.serverChange('ADDED', o, false);
    server.push({ at: 0, seq: sim.nextSeq(), type: 'exists', key: metaNamespaceKey(stored), resourceVersion: stored.metadata.resourceVersion ?? '' });
  }
  input.handlers.forEach((h) => sim.addEventHandler(h.name, h.resyncPeriodMs));
  sim.setOp(-1);
  sim.run();
  const advanceTo = (t: number) => {
    sim.advance(t - sim.now, MAX_TIMERS);
    if (sim.timersFired > MAX_TIMERS) throw new LimitExceededError(`the informer's timers fired more than ${MAX_TIMERS} times; shorten spec.untilMs or lengthen the resync periods`, { path: ['spec', 'untilMs'] });
  };
  input.steps.forEach((step, i) => {
    advanceTo(step.at);
    sim.setOp(i);
    switch (step.action) {
      case 'create':
      case 'update':
      case 'delete': {
        const seq = sim.nextSeq();
        const stored = sim.serverChange(step.action === 'create' ? 'ADDED' : step.action === 'update' ? 'MODIFIED' : 'DELETED', step.object, step.dropWatch);
        server.push({ at: step.at, seq, type: step.action, key: metaNamespaceKey(stored), resourceVersion: stored.metadata.resourceVersion ?? '', ...(step.dropWatch ? { note: 'not sent to watches' } : {}) });
        break;
      }
      case 'dropWatches':
        server.push({ at: step.at, seq: sim.nextSeq(), type: 'drop watches', key: '', resourceVersion: '' });
        sim.dropWatches();
        break;
      case 'compact':
        server.push({ at: step.at, seq: sim.nextSeq(), type: 'compact', key: '', resourceVersion: String(sim.source.latestResourceVersion()) });
        sim.compact();
        break;
      case 'fail':
        server.push({ at: step.at, seq: sim.nextSeq(), type: `next ${step.verb} answers ${step.code}`, key: '', resourceVersion: '' });
        sim.injectFault(step.verb, STATUS[step.code]);
        break;
    }
    if (sim.notifications.length > maxEvents) throw new LimitExceededError(`more than ${maxEvents} notifications (the events budget)`, { path: ['spec', 'steps', i] });
  });
  advanceTo(input.untilMs);
  if (sim.notifications.length > maxEvents) throw new LimitExceededError(`more than ${maxEvents} notifications (the events budget)`, { path: ['spec', 'untilMs'] });
  const periods = sim.resyncPeriods();
  return {
    watch: input.watch,
    server,
    requests: sim.requests as InformerRequest[],
    fifo: sim.fifo as FifoItem[],
    notifications: sim.notifications.map((n, i) => ({ at: sim.notificationTimes[i], seq: sim.notificationSeqs[i], handler: n.handler, type: n.type, key: n.key, resourceVersion: n.resourceVersion, ...(n.isInInitialList !== undefined ? { isInInitialList: n.isInInitialList } : {}) })),
    cache: sim.indexer.list().map((o) => ({ key: metaNamespaceKey(o), resourceVersion: o.metadata.resourceVersion ?? '' })).sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    lastSyncResourceVersion: sim.lastSyncRV,
    resyncCheckPeriodMs: periods.resyncCheckPeriodMs,
    handlers: input.handlers.map((h) => ({ name: h.name, resyncPeriodMs: periods.handlers[h.name] ?? 0, notifications: sim.notifications.filter((n) => n.handler === h.name).length })),
  };
}

function runQueue(input: QueueInput, maxEvents: number): NonNullable<InformersResult['queue']> {
  const out = runWorkers({
    workers: input.workers,
    adds: input.adds.map((a) => ({ atMs: a.at, key: a.key })),
    processMs: input.processMs,
    fails: (key, attempt) => input.failures.get(key)?.has(attempt) ?? false,
    rateLimiter: (q) => newRateLimiter(input.rateLimiter, q.clock),
    untilMs: input.untilMs,
    record: true,
    maxRuns: maxEvents,
  });
  const perKey = new Map<string, { key: string; attempts: number; failures: number; deduplicated: number; done: boolean }>();
  const row = (key: string) => perKey.get(key) ?? perKey.set(key, { key, attempts: 0, failures: 0, deduplicated: 0, done: false }).get(key)!;
  for (const a of out.adds) if (a.outcome === 'deduplicated') row(a.key).deduplicated++;
  for (const r of out.runs) {
    const k = row(r.key);
    k.attempts++;
    if (!r.ok) k.failures++;
    k.done = r.ok;
  }
  return { workers: input.workers, runs: out.runs, adds: out.adds, keys: [...perKey.values()], endMs: out.endMs, truncated: out.truncated };
}

export const engine: Engine<InformersResult, InformersView> = {
  id: 'informers',
  version: '3',
  title: 'client-go: informers and work queues',
  summary: 'An informer (Reflector, RealFIFO, indexer, handlers) against a simulated API server with dropped watches, compaction, 429 and 410; and a controller’s rate-limited work queue with workers.',
  view: 'client-go/result',
  run(manifests, ctx) {
    const input = readInput(flattenLists(manifests));
    const result: InformersResult = {};
    const trace: TraceStep[] = [];
    if (input.watch) {
      const { object, input: w } = input.watch;
      if (w.untilMs > ctx.budget.maxVirtualTimeMs) throw new LimitExceededError(`must be at most ${ctx.budget.maxVirtualTimeMs} (the virtual time budget), got ${w.untilMs}`, { object, path: ['spec', 'untilMs'] });
      let informer: NonNullable<InformersResult['informer']>;
      try {
        informer = runWatch(w, ctx.budget.maxEvents);
      } catch (e) {
        if (e instanceof LimitExceededError && !e.object) throw new LimitExceededError(e.reason, { object, path: e.path });
        throw e;
      }
      result.informer = informer;
      for (const r of informer.requests) {
        trace.push({ at: r.at, subject: 'reflector', title: `${r.verb} resourceVersion="${r.resourceVersion}"${r.limit !== undefined ? ` limit=${r.limit}` : ''}${r.sendInitialEvents ? ' sendInitialEvents=true' : ''}: ${r.answer}`, source: 'client-go tools/cache/reflector.go', level: /4\d\d/.test(r.answer) ? 'warning' : 'info' });
      }
      for (const n of informer.notifications) {
        trace.push({ at: n.at, subject: n.handler, title: `${n.type} ${n.key} (resourceVersion ${n.resourceVersion}${n.isInInitialList ? ', in the initial list' : ''})`, source: 'client-go tools/cache/shared_informer.go', level: 'decision' });
      }
      trace.sort((a, b) => (a.at ?? 0) - (b.at ?? 0));
    }
    if (input.queue) {
      const { object, input: q } = input.queue;
      if (q.untilMs > ctx.budget.maxVirtualTimeMs) throw new LimitExceededError(`must be at most ${ctx.budget.maxVirtualTimeMs} (the virtual time budget), got ${q.untilMs}`, { object, path: ['spec', 'untilMs'] });
      result.queue = runQueue(q, ctx.budget.maxEvents);
      for (const r of result.queue.runs) {
        trace.push({ at: r.startMs, subject: `worker ${r.worker}`, title: `${r.key}: ${r.ok ? 'reconciled, Forget' : `failed, AddRateLimited waits ${r.retryAfterMs} ms`}`, source: 'client-go util/workqueue', level: r.ok ? 'info' : 'warning' });
      }
    }
    const shown = trace.slice(0, MAX_TRACE_STEPS);
    if (trace.length > MAX_TRACE_STEPS) shown.push({ title: `… ${trace.length - MAX_TRACE_STEPS} more steps not shown`, level: 'warning' });
    return { result, trace: shown, ...(result.queue?.truncated ? { budgetHit: { reason: 'maxEvents', limit: ctx.budget.maxEvents } } : {}) };
  },
  viewModel: buildView,
};

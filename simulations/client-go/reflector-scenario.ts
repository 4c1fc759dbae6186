// reflectorScenario (contracts/clientgo.md): one Reflector and one Store across
// runs, each run one ListAndWatch against a scripted API server.

import { ValidationError } from '../shared/errors.ts';
import { Cancelled, Reflector } from './reflector.ts';
import type { ListOptions, ListerWatcher, ServerResponse, WatchEvent } from './reflector.ts';
import type { Status } from './api-errors.ts';
import { Indexer } from './indexer.ts';
import type { KubeObject } from './types.ts';
import { bool, fail, kubeObject, list, num, oneOf, record, str } from './validate.ts';
import type { FieldPath } from '../shared/errors.ts';

export type ReflectorRequest = { run: number; verb: 'list' | 'watch' } & ListOptions;
export type { ServerResponse, WatchEvent };

export interface ReflectorScenarioInput {
  useWatchList: boolean;
  expectedType?: { apiVersion: string; kind: string };
  watchListPageSize?: number;
  minWatchTimeoutSeconds?: number;
  lastSyncResourceVersion?: string;
  runs: Array<{ responses: ServerResponse[] }>;
}

export interface ReflectorScenarioOutput {
  requests: ReflectorRequest[];
  runs: Array<{ error: string | null; store: KubeObject[]; lastSyncResourceVersion: string }>;
}

function checkStatus(v: unknown, path: FieldPath): Status {
  const s = record(v, path);
  if (s.code !== undefined) num(s.code, [...path, 'code'], { integer: true });
  if (s.reason !== undefined) str(s.reason, [...path, 'reason']);
  str(s.message, [...path, 'message']);
  if (s.details !== undefined) {
    const d = record(s.details, [...path, 'details']);
    if (d.causes !== undefined) list(d.causes, [...path, 'details', 'causes']).forEach((c, i) => record(c, [...path, 'details', 'causes', i]));
  }
  return s as unknown as Status;
}

function checkResponse(v: unknown, path: FieldPath): ServerResponse {
  const r = record(v, path);
  if ('list' in r) {
    const l = record(r.list, [...path, 'list']);
    str(l.resourceVersion, [...path, 'list', 'resourceVersion']);
    if (l.continue !== undefined) str(l.continue, [...path, 'list', 'continue']);
    list(l.items, [...path, 'list', 'items']).forEach((o, i) => kubeObject(o, [...path, 'list', 'items', i]));
  } else if ('watch' in r) {
    const w = record(r.watch, [...path, 'watch']);
    if (w.then !== undefined) oneOf(w.then, [...path, 'watch', 'then'], ['stop', 'close'] as const);
    list(w.events, [...path, 'watch', 'events']).forEach((e, i) => {
      const ep = [...path, 'watch', 'events', i];
      const ev = record(e, ep);
      const type = oneOf(ev.type, [...ep, 'type'], ['ADDED', 'MODIFIED', 'DELETED', 'BOOKMARK', 'ERROR'] as const);
      if (type === 'ERROR') checkStatus(ev.object, [...ep, 'object']);
      else kubeObject(ev.object, [...ep, 'object']);
    });
  } else if ('error' in r) checkStatus(r.error, [...path, 'error']);
  else fail(path, 'expected one of list, watch or error');
  return r as unknown as ServerResponse;
}

/**
 * Runs a Reflector against scripted responses and answers with every request it made and, after each run, its error, store and lastSyncResourceVersion.
 *
 * @example
 *   reflectorScenario({ useWatchList: false, runs: [
 *     { responses: [{ list: { resourceVersion: '10', items: [] } }] },
 *     { responses: [{ error: { code: 410, reason: 'Expired', message: 'too old' } }, { list: { resourceVersion: '11', items: [] } }] }] })
 *   // requests: list rv "0" (limit 500), watch rv "10", list rv "10" (limit 0), list rv "", watch rv "11"
 */
export function reflectorScenario(input: ReflectorScenarioInput): ReflectorScenarioOutput {
  const inp = record(input, []);
  const useWatchList = bool(inp.useWatchList, ['useWatchList']);
  let expectedType: { apiVersion: string; kind: string } | undefined;
  if (inp.expectedType !== undefined) {
    const t = record(inp.expectedType, ['expectedType']);
    expectedType = { apiVersion: str(t.apiVersion, ['expectedType', 'apiVersion']), kind: str(t.kind, ['expectedType', 'kind']) };
  }
  const watchListPageSize = inp.watchListPageSize === undefined ? undefined : num(inp.watchListPageSize, ['watchListPageSize'], { min: 0, integer: true });
  const minWatchTimeoutSeconds = inp.minWatchTimeoutSeconds === undefined ? undefined : num(inp.minWatchTimeoutSeconds, ['minWatchTimeoutSeconds'], { min: 0, max: 1e9 });
  const lastSyncResourceVersion = inp.lastSyncResourceVersion === undefined ? undefined : str(inp.lastSyncResourceVersion, ['lastSyncResourceVersion']);
  const runs = list(inp.runs, ['runs'], 10_000).map((r, i) => {
    const rr = record(r, ['runs', i]);
    return list(rr.responses, ['runs', i, 'responses']).map((x, j) => checkResponse(x, ['runs', i, 'responses', j]));
  });

  const requests: ReflectorRequest[] = [];
  let run = 0;
  let next = 0;
  const take = (verb: 'list' | 'watch', opts: ListOptions): ServerResponse => {
    requests.push({ run, verb, ...opts });
    const responses = runs[run];
    if (next >= responses.length) throw new Cancelled();
    const res = responses[next++];
    const path = ['runs', run, 'responses', next - 1];
    if (verb === 'list' && 'watch' in res) throw new ValidationError('the reflector made a list request here; answer it with list or error', { path });
    if (verb === 'watch' && 'list' in res) throw new ValidationError('the reflector made a watch request here; answer it with watch or error', { path });
    return res;
  };
  const lw: ListerWatcher = {
    list: (opts) => take('list', opts) as ReturnType<ListerWatcher['list']>,
    watch: (opts) => {
      const res = take('watch', opts);
      if ('error' in res) return res;
      const w = (res as { watch: { events: WatchEvent[]; then?: 'stop' | 'close' } }).watch;
      return { events: w.events, then: w.then ?? 'stop' };
    },
  };
  const store = new Indexer();
  const reflector = new Reflector(lw, { useWatchList, expectedType, watchListPageSize, minWatchTimeoutSeconds, lastSyncResourceVersion, store });
  const out: ReflectorScenarioOutput['runs'] = [];
  for (run = 0; run < runs.length; run++) {
    next = 0;
    const error = reflector.listAndWatch();
    out.push({ error, store: store.list(), lastSyncResourceVersion: reflector.lastSyncResourceVersion });
  }
  return { requests, runs: out };
}

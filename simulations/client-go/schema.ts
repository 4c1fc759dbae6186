// The informers cells' input: the notebook's own kinds (kube-notebook.dev/v1alpha1).
//
//   kind: WatchScript      an informer against the API server. The cell's other documents
//                          (Pods, ConfigMaps, any object) exist before the informer starts.
//     spec.watch:          {apiVersion, kind} the informer lists and watches (default: the
//                          kind of the first object, else v1 Pod)
//     spec.watchList:      start each ListAndWatch with a WatchList stream (default true, as
//                          WatchListClient is since 1.35); false: LIST then WATCH
//     spec.resyncPeriodMs: the informer's default resync period (0 = none)
//     spec.handlers:       [{name, resyncPeriodMs?}] (names unique)
//     spec.untilMs:        how long to run
//     spec.steps:          [{at, create|update|delete: object, dropWatch?}, {at, dropWatches: true},
//                          {at, compact: true}, {at, fail: {verb: list|watch, code: 429|410}}]
//   kind: WorkQueueScript  a controller's work queue.
//     spec.workers, spec.processMs, spec.rateLimiter (a RateLimiterSpec), spec.untilMs,
//     spec.adds: [{at, key}], spec.failures: [{key, attempts: [1, 2]}]
//
// Errors point at the field (object + path), so the runtime shows the YAML line.

import { ValidationError } from '../shared/errors.ts';
import type { Manifest } from '../shared/yaml.ts';
import type { RateLimiterSpec } from './rate-limiters.ts';
import { checkRateLimiterSpec } from './scenarios.ts';
import type { KubeObject } from './types.ts';
import { bool, kubeObject, list, num, oneOf, record, str } from './validate.ts';

export const NOTEBOOK_API_VERSION = 'kube-notebook.dev/v1alpha1';
export const KINDS = ['WatchScript', 'WorkQueueScript'] as const;

export type WatchStep =
  | { at: number; action: 'create' | 'update' | 'delete'; object: KubeObject; dropWatch: boolean }
  | { at: number; action: 'dropWatches' }
  | { at: number; action: 'compact' }
  | { at: number; action: 'fail'; verb: 'list' | 'watch'; code: 429 | 410 };

export interface WatchInput {
  watch: { apiVersion: string; kind: string };
  watchList: boolean;
  resyncPeriodMs: number;
  handlers: Array<{ name: string; resyncPeriodMs?: number }>;
  untilMs: number;
  steps: WatchStep[];
  objects: KubeObject[];
}

export interface QueueInput {
  workers: number;
  processMs: number;
  rateLimiter: RateLimiterSpec;
  untilMs: number;
  adds: Array<{ at: number; key: string }>;
  failures: Map<string, Set<number>>;
}

export interface InformersCellInput {
  watch?: { object: object; input: WatchInput };
  queue?: { object: object; input: QueueInput };
}

const MAX_STEPS = 5000;

/** Runs a check whose paths start at the object, re-thrown as located in it. */
function at<T>(object: object, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ValidationError && !e.object) {
      const Ctor = e.constructor as typeof ValidationError;
      throw new Ctor(e.reason, { object, path: e.path, code: e.code });
    }
    throw e;
  }
}

function readWatch(object: Record<string, unknown>, others: KubeObject[]): WatchInput {
  const spec = record(object.spec, ['spec']);
  let watch = others[0] ? { apiVersion: others[0].apiVersion, kind: others[0].kind } : { apiVersion: 'v1', kind: 'Pod' };
  if (spec.watch !== undefined) {
    const w = record(spec.watch, ['spec', 'watch']);
    watch = { apiVersion: str(w.apiVersion, ['spec', 'watch', 'apiVersion']), kind: str(w.kind, ['spec', 'watch', 'kind']) };
  }
  const resyncPeriodMs = spec.resyncPeriodMs === undefined ? 0 : num(spec.resyncPeriodMs, ['spec', 'resyncPeriodMs'], { min: 0, max: 86_400_000 });
  const seen = new Set<string>();
  const handlers = (spec.handlers === undefined ? [{ name: 'handler' }] : list(spec.handlers, ['spec', 'handlers'], 10)).map((h, i) => {
    const r = record(h, ['spec', 'handlers', i]);
    const name = str(r.name, ['spec', 'handlers', i, 'name']);
    if (seen.has(name)) throw new ValidationError(`a second handler named ${name}; handler names must be unique`, { path: ['spec', 'handlers', i, 'name'] });
    seen.add(name);
    return r.resyncPeriodMs === undefined ? { name } : { name, resyncPeriodMs: num(r.resyncPeriodMs, ['spec', 'handlers', i, 'resyncPeriodMs'], { min: 0, max: 86_400_000 }) };
  });
  const untilMs = num(spec.untilMs, ['spec', 'untilMs'], { min: 0, max: 1e12 });
  let last = 0;
  const steps: WatchStep[] = (spec.steps === undefined ? [] : list(spec.steps, ['spec', 'steps'], MAX_STEPS)).map((raw, i) => {
    const p = ['spec', 'steps', i];
    const s = record(raw, p);
    const t = num(s.at, [...p, 'at'], { min: last, max: untilMs });
    last = t;
    for (const action of ['create', 'update', 'delete'] as const) {
      if (s[action] !== undefined) {
        const obj = kubeObject(s[action], [...p, action]);
        if (obj.apiVersion !== watch.apiVersion || obj.kind !== watch.kind) {
          throw new ValidationError(`the informer watches ${watch.apiVersion} ${watch.kind}, not ${obj.apiVersion} ${obj.kind}`, { path: [...p, action, 'kind'] });
        }
        return { at: t, action, object: obj, dropWatch: s.dropWatch === undefined ? false : bool(s.dropWatch, [...p, 'dropWatch']) };
      }
    }
    if (s.dropWatches === true) return { at: t, action: 'dropWatches' };
    if (s.compact === true) return { at: t, action: 'compact' };
    if (s.fail !== undefined) {
      const f = record(s.fail, [...p, 'fail']);
      return { at: t, action: 'fail', verb: oneOf(f.verb, [...p, 'fail', 'verb'], ['list', 'watch'] as const), code: Number(oneOf(String(f.code), [...p, 'fail', 'code'], ['429', '410'] as const)) as 429 | 410 };
    }
    throw new ValidationError('a step needs one of create, update, delete, dropWatches: true, compact: true or fail', { path: p });
  });
  const watchList = spec.watchList === undefined ? true : bool(spec.watchList, ['spec', 'watchList']);
  return { watch, watchList, resyncPeriodMs, handlers, untilMs, steps, objects: others.filter((o) => o.apiVersion === watch.apiVersion && o.kind === watch.kind) };
}

function readQueue(object: Record<string, unknown>): QueueInput {
  const spec = record(object.spec, ['spec']);
  const workers = num(spec.workers, ['spec', 'workers'], { min: 1, max: 64, integer: true });
  const processMs = num(spec.processMs, ['spec', 'processMs'], { min: 1, max: 3_600_000 });
  const rateLimiter = spec.rateLimiter === undefined ? ({ type: 'DefaultControllerRateLimiter' } as RateLimiterSpec) : checkRateLimiterSpec(spec.rateLimiter, ['spec', 'rateLimiter']);
  const untilMs = num(spec.untilMs, ['spec', 'untilMs'], { min: 0, max: 1e12 });
  let last = 0;
  const adds = list(spec.adds, ['spec', 'adds'], MAX_STEPS).map((raw, i) => {
    const r = record(raw, ['spec', 'adds', i]);
    const t = num(r.at, ['spec', 'adds', i, 'at'], { min: last, max: untilMs });
    last = t;
    return { at: t, key: str(r.key, ['spec', 'adds', i, 'key']) };
  });
  const failures = new Map<string, Set<number>>();
  (spec.failures === undefined ? [] : list(spec.failures, ['spec', 'failures'], MAX_STEPS)).forEach((raw, i) => {
    const r = record(raw, ['spec', 'failures', i]);
    const key = str(r.key, ['spec', 'failures', i, 'key']);
    const attempts = list(r.attempts, ['spec', 'failures', i, 'attempts'], 1000).map((a, j) => num(a, ['spec', 'failures', i, 'attempts', j], { min: 1, integer: true }));
    failures.set(key, new Set([...(failures.get(key) ?? []), ...attempts]));
  });
  return { workers, processMs, rateLimiter, untilMs, adds, failures };
}

export function readInput(manifests: readonly Manifest[]): InformersCellInput {
  const input: InformersCellInput = {};
  const others: KubeObject[] = [];
  const scripts: Array<{ m: Manifest; object: Record<string, unknown> }> = [];
  for (const m of manifests) {
    const object = m.object as unknown as Record<string, unknown>;
    if (object.apiVersion === NOTEBOOK_API_VERSION) {
      if (!KINDS.includes(object.kind as (typeof KINDS)[number])) {
        throw new ValidationError(`this cell takes ${KINDS.join(' and ')} of ${NOTEBOOK_API_VERSION}, got ${String(object.kind)}`, { object, path: ['kind'], document: m.document });
      }
      scripts.push({ m, object });
    } else others.push(at(object, () => kubeObject(object, [])));
  }
  for (const { m, object } of scripts) {
    if (object.kind === 'WatchScript') {
      if (input.watch) throw new ValidationError('one WatchScript per cell', { object, path: ['kind'], document: m.document });
      input.watch = { object, input: at(object, () => readWatch(object, others)) };
    } else {
      if (input.queue) throw new ValidationError('one WorkQueueScript per cell', { object, path: ['kind'], document: m.document });
      input.queue = { object, input: at(object, () => readQueue(object)) };
    }
  }
  if (!input.watch && !input.queue) throw new ValidationError(`a cell needs a WatchScript or a WorkQueueScript (apiVersion ${NOTEBOOK_API_VERSION})`);
  if (!input.watch && others.length > 0) throw new ValidationError('objects in this cell are for a WatchScript’s informer; add one', { object: others[0], path: ['kind'] });
  return input;
}

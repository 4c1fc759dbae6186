// Small Pod and PDB helpers shared by the disruption controller and the eviction subresource.
// src: pkg/api/v1/pod/util.go (IsPodReady), staging/src/k8s.io/component-helpers/apps/poddisruptionbudget/helpers.go
// (UpdateDisruptionAllowedCondition), apimachinery meta/conditions.go (SetStatusCondition).

import { asList, asObject, asString } from '../../apimachinery/json.ts';
import { labelSelectorAsSelector } from '../../apimachinery/label-selector.ts';
import { rfc3339 } from '../../apimachinery/time.ts';

export interface Condition {
  type: string;
  status: string;
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: unknown): boolean {
  return asList(asObject(asObject(pod)?.status)?.conditions).some((c) => asString(asObject(c)?.type) === 'Ready' && asString(asObject(c)?.status) === 'True');
}

export interface Meta { name: string; namespace: string; uid: string; labels: Record<string, string>; deletionTimestamp?: string; generation: number }

export function metaOf(obj: unknown): Meta {
  const meta = asObject(asObject(obj)?.metadata) ?? {};
  const rawLabels = asObject(meta.labels);
  let labels: Record<string, string> = {};
  if (rawLabels) {
    labels = rawLabels as Record<string, string>;
    for (const k in rawLabels) if (typeof rawLabels[k] !== 'string') { labels = Object.fromEntries(Object.entries(rawLabels).map(([key, v]) => [key, asString(v)])); break; }
  }
  return {
    name: asString(meta.name),
    namespace: asString(meta.namespace) || 'default',
    uid: asString(meta.uid),
    labels,
    deletionTimestamp: typeof meta.deletionTimestamp === 'string' ? meta.deletionTimestamp : undefined,
    generation: typeof meta.generation === 'number' ? meta.generation : 0,
  };
}

/** Pods of the PDB's namespace its selector matches (a nil selector matches none, `{}` all). */
export function podsForPdb(pdb: unknown, pods: readonly unknown[]): { pods: unknown[]; metas: Meta[]; error: string | null } {
  const selector = labelSelectorAsSelector(asObject(asObject(pdb)?.spec)?.selector);
  if (selector.error !== null) return { pods: [], metas: [], error: selector.error };
  const ns = metaOf(pdb).namespace;
  const out: unknown[] = [];
  const metas: Meta[] = [];
  for (const p of pods) {
    const m = metaOf(p);
    if (m.namespace === ns && selector.matches(m.labels)) { out.push(p); metas.push(m); }
  }
  return { pods: out, metas, error: null };
}

/**
 * meta.SetStatusCondition: replace the condition of the same type; the
 * transition time only moves when the status changes.
 */
export function setStatusCondition(conditions: Condition[], next: Condition, nowMs: number): Condition[] {
  const out = conditions.map((c) => ({ ...c }));
  const i = out.findIndex((c) => c.type === next.type);
  if (i < 0) return [...out, { ...next, lastTransitionTime: rfc3339(nowMs) }];
  const prev = out[i];
  out[i] = { ...next, lastTransitionTime: prev.status === next.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(nowMs) };
  return out;
}

/** pdbhelper.UpdateDisruptionAllowedCondition: True/SufficientPods when disruptions are allowed, else False/InsufficientPods. */
export function disruptionAllowedCondition(conditions: Condition[], disruptionsAllowed: number, observedGeneration: number, nowMs: number): Condition[] {
  return setStatusCondition(conditions, disruptionsAllowed > 0
    ? { type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods', message: '', observedGeneration }
    : { type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods', message: '', observedGeneration }, nowMs);
}

export function conditionsOf(obj: unknown): Condition[] {
  return asList(asObject(asObject(obj)?.status)?.conditions).map((c) => {
    const o = asObject(c) ?? {};
    return { type: asString(o.type), status: asString(o.status), reason: asString(o.reason), message: asString(o.message),
      ...(typeof o.observedGeneration === 'number' ? { observedGeneration: o.observedGeneration } : {}),
      ...(typeof o.lastTransitionTime === 'string' ? { lastTransitionTime: o.lastTransitionTime } : {}) };
  });
}

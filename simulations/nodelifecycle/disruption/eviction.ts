// The eviction subresource: POST /api/v1/namespaces/<ns>/pods/<name>/eviction.
// src: pkg/registry/core/pod/storage/eviction.go (EvictionREST.Create,
// canIgnorePDB, checkAndDecrement, createTooManyRequestsError,
// getPodDisruptionBudgets) at v1.36, with the unhealthyPodEvictionPolicy rules.

import { asObject, asOptionalString, asString } from '../../apimachinery/json.ts';
import { labelSelectorAsSelector } from '../../apimachinery/label-selector.ts';
import { DEFAULT_EPOCH_MS, rfc3339, toMs } from '../../apimachinery/time.ts';
import { type Condition, conditionsOf, disruptionAllowedCondition, isPodReady, metaOf } from './pods.ts';

/** MaxDisruptedPodSize: the eviction handler refuses once this many evictions wait for the controller. */
export const MAX_DISRUPTED_POD_SIZE = 2000;
export const TOO_MANY_REQUESTS_MESSAGE = "Cannot evict pod as it would violate the pod's disruption budget.";

export interface EvictOptions {
  /** The name in the URL; must equal the Pod's. */
  name?: string;
  dryRun?: boolean;
  /** RFC 3339: the time written into disruptedPods. */
  now?: string;
}

export interface EvictionResult {
  allowed: boolean;
  code: number;
  reason?: string;
  message?: string;
  causes?: { type: string; message: string }[];
  /** The matching PDB with its budget consumed, when one was. */
  pdb?: Record<string, unknown>;
  /** Whether the PDB was consulted and decremented, skipped (Pod not running, or unhealthy and allowed), or absent. */
  path?: 'ignored-not-running' | 'no-pdb' | 'unhealthy-pod-allowed' | 'decremented' | 'refused';
  /** The condition the API server adds to the Pod before deleting it. */
  podCondition?: { type: string; status: string; reason: string; message: string };
}

const forbidden = (pdbName: string, why: string): EvictionResult => ({
  allowed: false, code: 403, reason: 'Forbidden', path: 'refused',
  message: `poddisruptionbudget.policy ${JSON.stringify(pdbName)} is forbidden: ${why}`,
});

const tooMany = (cause: string): EvictionResult => ({
  allowed: false, code: 429, reason: 'TooManyRequests', path: 'refused', message: TOO_MANY_REQUESTS_MESSAGE,
  causes: [{ type: 'DisruptionBudget', message: cause }],
});

const EVICTION_CONDITION = { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting' };

/**
 * Evict `pod` given the PDBs of the cluster (their status as the disruption controller last wrote it).
 *
 * @example
 *   evictPod(runningPod({ a: 'true' }), [pdb('foo', { disruptionsAllowed: 0 })])
 *   // { allowed: false, code: 429, reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget.",
 *   //   causes: [{ type: 'DisruptionBudget', message: 'The disruption budget foo needs 0 healthy pods and has 0 currently' }] }
 */
export function evictPod(pod: unknown, pdbs: readonly unknown[] = [], options: EvictOptions = {}): EvictionResult {
  const r = evict(pod, pdbs, options);
  // path and podCondition ride along for the engine, out of the contract's shape (not enumerable).
  const out: EvictionResult = { allowed: r.allowed, code: r.code };
  for (const k of ['reason', 'message', 'causes', 'pdb'] as const) if (r[k] !== undefined) (out as unknown as Record<string, unknown>)[k] = r[k];
  for (const k of ['path', 'podCondition'] as const) if (r[k] !== undefined) Object.defineProperty(out, k, { value: r[k], enumerable: false });
  return out;
}

function evict(pod: unknown, pdbs: readonly unknown[], options: EvictOptions): EvictionResult {
  const opts = asObject(options) ?? {};
  const podMeta = metaOf(pod);
  const urlName = asOptionalString(opts.name);
  if (urlName !== undefined && urlName !== podMeta.name) {
    return { allowed: false, code: 400, reason: 'BadRequest', message: 'name in URL does not match name in Eviction object' };
  }
  const dryRun = opts.dryRun === true;
  const nowMs = toMs(asOptionalString(opts.now)) ?? DEFAULT_EPOCH_MS;

  // canIgnorePDB: a terminal, Pending or terminating Pod is deleted without looking at PDBs.
  const phase = asString(asObject(asObject(pod)?.status)?.phase);
  if (phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending' || podMeta.deletionTimestamp !== undefined) {
    return { allowed: true, code: 201, path: 'ignored-not-running', podCondition: dryRun ? undefined : EVICTION_CONDITION };
  }

  // getPodDisruptionBudgets: same namespace, a valid selector that matches the Pod's labels.
  const matching = (Array.isArray(pdbs) ? pdbs : []).filter((p) => {
    if (metaOf(p).namespace !== podMeta.namespace) return false;
    const sel = labelSelectorAsSelector(asObject(asObject(p)?.spec)?.selector);
    return sel.error === null && sel.matches(podMeta.labels);
  });
  if (matching.length > 1) {
    return { allowed: false, code: 500, message: 'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.' };
  }
  if (matching.length === 0) return { allowed: true, code: 201, path: 'no-pdb', podCondition: dryRun ? undefined : EVICTION_CONDITION };

  const pdb = matching[0] as Record<string, unknown>;
  const pdbName = metaOf(pdb).name;
  const spec = asObject(pdb.spec) ?? {};
  const status = asObject(pdb.status) ?? {};
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);

  // An unready Pod does not count towards currentHealthy: evicting it does not spend the budget,
  // always (AlwaysAllow) or while the application is healthy enough (IfHealthyBudget, the default).
  if (!isPodReady(pod)) {
    if (asString(spec.unhealthyPodEvictionPolicy) === 'AlwaysAllow') return { allowed: true, code: 201, path: 'unhealthy-pod-allowed', podCondition: dryRun ? undefined : EVICTION_CONDITION };
    if (num(status.currentHealthy) >= num(status.desiredHealthy) && num(status.desiredHealthy) > 0) {
      return { allowed: true, code: 201, path: 'unhealthy-pod-allowed', podCondition: dryRun ? undefined : EVICTION_CONDITION };
    }
  }

  // checkAndDecrement
  if (num(status.observedGeneration) < metaOf(pdb).generation) return tooMany(`The disruption budget ${pdbName} is still being processed by the server.`);
  if (num(status.disruptionsAllowed) < 0) return forbidden(pdbName, 'pdb disruptions allowed is negative');
  const disrupted = asObject(status.disruptedPods) ?? {};
  if (Object.keys(disrupted).length > MAX_DISRUPTED_POD_SIZE) return forbidden(pdbName, 'DisruptedPods map too big - too many evictions not confirmed by PDB controller');
  if (num(status.disruptionsAllowed) === 0) {
    return tooMany(`The disruption budget ${pdbName} needs ${num(status.desiredHealthy)} healthy pods and has ${num(status.currentHealthy)} currently`);
  }
  const allowedAfter = num(status.disruptionsAllowed) - 1;
  let conditions: Condition[] = conditionsOf(pdb);
  if (allowedAfter === 0) conditions = disruptionAllowedCondition(conditions, 0, num(status.observedGeneration), nowMs);
  const newStatus: Record<string, unknown> = { ...status, disruptionsAllowed: allowedAfter, conditions };
  if (!dryRun) newStatus.disruptedPods = { ...disrupted, [podMeta.name]: rfc3339(nowMs) };
  return { allowed: true, code: 201, path: 'decremented', pdb: { ...pdb, status: newStatus }, podCondition: dryRun ? undefined : EVICTION_CONDITION };
}

// The disruption controller's sync of one PodDisruptionBudget.
// src: pkg/controller/disruption/disruption.go (trySync, getExpectedPodCount,
// getExpectedScale, the finders, countHealthyPods, buildDisruptedPodMap,
// updatePdbStatus, failSafe) at v1.36.

import { asList, asObject, asOptionalString, asString } from '../../apimachinery/json.ts';
import { getScaledValueFromIntOrPercent, IntOrStringError } from '../../apimachinery/intstr.ts';
import { DEFAULT_EPOCH_MS, toMs } from '../../apimachinery/time.ts';
import { controllerOf } from '../../kubectl/drain/filters.ts';
import { type Condition, type Meta, conditionsOf, disruptionAllowedCondition, isPodReady, metaOf, podsForPdb, setStatusCondition } from './pods.ts';

/** DeletionTimeout: how long an evicted Pod stays in disruptedPods before the controller gives up on it. */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

export interface PdbEvent { type: 'Normal' | 'Warning'; reason: string; message: string }

export interface DisruptionStatus {
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  disruptedPods: Record<string, string>;
  conditions: Condition[];
  observedGeneration: number;
  /** Events the sync recorded on the PDB (NoPods, UnmanagedPods, CalculateExpectedPodCountFailed). */
  events: PdbEvent[];
  /** Set when the sync failed and failSafe wrote disruptionsAllowed 0. */
  syncError?: string;
}

function groupOf(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}

function replicasOf(obj: unknown): number {
  const r = asObject(asObject(obj)?.spec)?.replicas;
  return typeof r === 'number' ? r : 1; // SetDefaults_*: replicas defaults to 1
}

/**
 * The finders, in dc.finders() order: ReplicationController, Deployment (through
 * its ReplicaSet), ReplicaSet (not owned by a Deployment), StatefulSet. A
 * controller is looked up by kind, namespace and name, and must have the
 * reference's uid, as the listers' callers check.
 */
function findControllerScale(ref: { apiVersion: string; kind: string; name: string; uid: string }, namespace: string, controllers: readonly unknown[]): { uid: string; scale: number } | null {
  const find = (kind: string, name: string, uid: string) => controllers.find((c) => {
    const m = metaOf(c);
    return asString(asObject(c)?.kind) === kind && m.name === name && m.namespace === namespace && (uid === '' || m.uid === uid);
  });
  const group = groupOf(ref.apiVersion);
  // getPodReplicationController: kind ReplicationController in the core group.
  if (ref.kind === 'ReplicationController' && group === '') {
    const rc = find('ReplicationController', ref.name, ref.uid);
    if (rc) return { uid: metaOf(rc).uid, scale: replicasOf(rc) };
  }
  const rsGroups = ['apps', 'extensions'];
  if (ref.kind === 'ReplicaSet' && rsGroups.includes(group)) {
    const rs = find('ReplicaSet', ref.name, ref.uid);
    if (rs) {
      const owner = controllerOf(rs);
      // getPodDeployment: the ReplicaSet's controller is a Deployment.
      if (owner && owner.kind === 'Deployment' && rsGroups.includes(groupOf(owner.apiVersion))) {
        const dep = find('Deployment', owner.name, owner.uid);
        if (dep) return { uid: metaOf(dep).uid, scale: replicasOf(dep) };
      }
      // getPodReplicaSet: skipped when a Deployment controls the ReplicaSet.
      if (!(owner && owner.kind === 'Deployment')) return { uid: metaOf(rs).uid, scale: replicasOf(rs) };
    }
  }
  if (ref.kind === 'StatefulSet' && group === 'apps') {
    const ss = find('StatefulSet', ref.name, ref.uid);
    if (ss) return { uid: metaOf(ss).uid, scale: replicasOf(ss) };
  }
  return null;
}

/** getExpectedScale: the sum of the scales of the Pods' controllers, each controller once; Pods without a controller are collected. */
function expectedScale(pods: readonly unknown[], metas: readonly Meta[], controllers: readonly unknown[]): { expectedCount: number; unmanaged: string[] } {
  const scales = new Map<string, number>();
  const unmanaged: string[] = [];
  for (let i = 0; i < pods.length; i++) {
    const pod = pods[i];
    const ref = controllerOf(pod);
    if (!ref) { unmanaged.push(metas[i].name); continue; }
    if (scales.has(ref.uid)) continue;
    const found = findControllerScale(ref, metas[i].namespace, controllers);
    if (!found) throw new IntOrStringError(`found no controllers for pod ${JSON.stringify(metas[i].name)}`);
    scales.set(found.uid, found.scale);
  }
  let expectedCount = 0;
  for (const v of scales.values()) expectedCount += v;
  return { expectedCount, unmanaged };
}

/** Go's %v of a *metav1.LabelSelector, as the UnmanagedPods event prints it. */
function selectorString(sel: unknown): string {
  const s = asObject(sel);
  if (!s) return '&LabelSelector{}';
  const labels = Object.entries(asObject(s.matchLabels) ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}: ${asString(v)},`).join('');
  const exprs = asList(s.matchExpressions).map((e) => {
    const o = asObject(e) ?? {};
    return `LabelSelectorRequirement{Key:${asString(o.key)},Operator:${asString(o.operator)},Values:[${asList(o.values).map(asString).join(' ')}],},`;
  }).join('');
  return `&LabelSelector{MatchLabels:map[string]string{${labels}},MatchExpressions:[]LabelSelectorRequirement{${exprs}},}`;
}

/**
 * One disruption-controller sync of `pdb`: the status it writes.
 * `pods` is every Pod (the PDB's namespace and selector choose); `controllers`
 * holds the RCs, ReplicaSets, Deployments and StatefulSets the Pods point to.
 *
 * @example
 *   disruptionStatus(pdb({ minAvailable: '20%' }), [podOwnedBy(rs)], [rs /* replicas 10 *\/])
 *   // { disruptionsAllowed: 0, currentHealthy: 1, desiredHealthy: 2, expectedPods: 10, ... }
 */
export function disruptionStatus(pdb: unknown, pods: readonly unknown[] = [], controllers: readonly unknown[] = [], now?: string): DisruptionStatus {
  return contractShape(sync(pdb, pods, controllers, now));
}

/** The contract's fields stay enumerable; observedGeneration, events and syncError ride along, not enumerable. */
function contractShape(s: DisruptionStatus): DisruptionStatus {
  const out = { disruptionsAllowed: s.disruptionsAllowed, currentHealthy: s.currentHealthy, desiredHealthy: s.desiredHealthy, expectedPods: s.expectedPods,
    disruptedPods: s.disruptedPods, conditions: s.conditions } as DisruptionStatus;
  for (const k of ['observedGeneration', 'events', 'syncError'] as const) {
    if (s[k] !== undefined) Object.defineProperty(out, k, { value: s[k], enumerable: false });
  }
  return out;
}

function sync(pdb: unknown, pods: readonly unknown[], controllers: readonly unknown[], now?: string): DisruptionStatus {
  const nowMs = toMs(asOptionalString(now)) ?? DEFAULT_EPOCH_MS;
  const spec = asObject(asObject(pdb)?.spec) ?? {};
  const status = asObject(asObject(pdb)?.status) ?? {};
  const generation = metaOf(pdb).generation;
  const events: PdbEvent[] = [];
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);

  const failSafe = (message: string): DisruptionStatus => ({
    disruptionsAllowed: 0,
    currentHealthy: num(status.currentHealthy),
    desiredHealthy: num(status.desiredHealthy),
    expectedPods: num(status.expectedPods),
    disruptedPods: Object.fromEntries(Object.entries(asObject(status.disruptedPods) ?? {}).map(([k, v]) => [k, asString(v)])),
    observedGeneration: num(status.observedGeneration),
    conditions: setStatusCondition(conditionsOf(pdb), { type: 'DisruptionAllowed', status: 'False', reason: 'SyncFailed', message, observedGeneration: num(status.observedGeneration) }, nowMs),
    events,
    syncError: message,
  });

  const selected = podsForPdb(pdb, asList(pods));
  if (selected.error !== null) {
    events.push({ type: 'Warning', reason: 'NoPods', message: `Failed to get pods: ${selected.error}` });
    return failSafe(selected.error);
  }
  const covered = selected.pods;
  const metas = selected.metas;
  if (covered.length === 0) events.push({ type: 'Normal', reason: 'NoPods', message: 'No matching pods found' });

  // getExpectedPodCount
  let expectedCount = 0;
  let desiredHealthy = 0;
  let unmanaged: string[] = [];
  try {
    if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
      ({ expectedCount, unmanaged } = expectedScale(covered, metas, asList(controllers)));
      const maxUnavailable = getScaledValueFromIntOrPercent(spec.maxUnavailable as number | string, expectedCount, true);
      desiredHealthy = Math.max(0, expectedCount - maxUnavailable);
    } else if (spec.minAvailable !== undefined && spec.minAvailable !== null) {
      if (typeof spec.minAvailable === 'number') {
        desiredHealthy = spec.minAvailable;
        expectedCount = covered.length;
      } else {
        ({ expectedCount, unmanaged } = expectedScale(covered, metas, asList(controllers)));
        desiredHealthy = getScaledValueFromIntOrPercent(spec.minAvailable as string, expectedCount, true);
      }
    }
  } catch (e) {
    if (!(e instanceof IntOrStringError)) throw e;
    events.push({ type: 'Warning', reason: 'CalculateExpectedPodCountFailed', message: `Failed to calculate the number of expected pods: ${e.message}` });
    return failSafe(e.message);
  }
  if (unmanaged.length > 0) {
    events.push({ type: 'Warning', reason: 'UnmanagedPods', message: `Pods selected by this PodDisruptionBudget (selector: ${selectorString(spec.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.` });
  }

  // buildDisruptedPodMap: keep entries whose Pod exists, is not being deleted and is within DeletionTimeout.
  const previous = asObject(status.disruptedPods) ?? {};
  const disruptedPods: Record<string, string> = {};
  for (const m of metas) {
    if (m.deletionTimestamp !== undefined) continue;
    const at = previous[m.name];
    if (typeof at !== 'string') continue;
    const atMs = toMs(at);
    if (atMs === null) continue;
    if (atMs + DELETION_TIMEOUT_MS < nowMs) {
      events.push({ type: 'Warning', reason: 'NotDeleted', message: `Pod was expected by PDB ${metaOf(pdb).namespace}/${metaOf(pdb).namespace} to be deleted but it wasn't` });
    } else disruptedPods[m.name] = at;
  }

  // countHealthyPods: Ready Pods that are neither being deleted nor recently evicted.
  let currentHealthy = 0;
  for (let i = 0; i < covered.length; i++) {
    const m = metas[i];
    if (m.deletionTimestamp !== undefined) continue;
    const at = disruptedPods[m.name];
    if (at !== undefined && (toMs(at) ?? 0) + DELETION_TIMEOUT_MS > nowMs) continue;
    if (isPodReady(covered[i])) currentHealthy++;
  }

  // updatePdbStatus: no disruptions while nothing is expected.
  let disruptionsAllowed = currentHealthy - desiredHealthy;
  if (expectedCount <= 0 || disruptionsAllowed <= 0) disruptionsAllowed = 0;
  return {
    disruptionsAllowed, currentHealthy, desiredHealthy, expectedPods: expectedCount, disruptedPods,
    observedGeneration: generation,
    conditions: disruptionAllowedCondition(conditionsOf(pdb), disruptionsAllowed, generation, nowMs),
    events,
  };
}

// kubectl drain's Pod filter: which Pods on the node are deleted (or evicted),
// which are skipped with a warning, and which stop the drain with an error.
// src: staging/src/k8s.io/kubectl/pkg/drain/filters.go (makeFilters, the five
// filters, PodDeleteList.Warnings and errors) and drain.go (filterPods:
// a Pod's filters run in order and stop at the first one that does not delete;
// the last status run is the Pod's).

import { asList, asObject, asOptionalString, asString } from '../../apimachinery/json.ts';
import { DEFAULT_EPOCH_MS, toMs } from '../../apimachinery/time.ts';

// The messages, exactly as filters.go spells them.
export const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
export const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
export const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
export const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
export const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
export const UNMANAGED_WARNING = 'deleting Pods that declare no controller';
/** corev1.MirrorPodAnnotationKey: the kubelet's copy of a static Pod. */
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

export type PodDeleteReason = 'Okay' | 'Skip' | 'Warning' | 'Error';

export interface PodDeleteStatus {
  readonly delete: boolean;
  readonly reason: PodDeleteReason;
  readonly message: string;
  /** The filter that decided (the last one run), for the "why" trace. */
  readonly filter: string;
}

export interface DrainFilterOptions {
  ignoreDaemonSets?: boolean;
  deleteEmptyDirData?: boolean;
  force?: boolean;
  skipWaitForDeleteTimeoutSeconds?: number;
  /** RFC 3339; the clock skipDeletedFilter compares deletionTimestamps with. */
  now?: string;
}

export interface DrainCluster {
  daemonSets?: readonly unknown[];
}

export interface DrainFilterResult {
  /** "ns/name" of every Pod to delete or evict, in input order. */
  delete: string[];
  /** "<message>: ns/a, ns/b", one per message (kubectl joins them with "; "). */
  warnings: string[];
  /** "cannot delete <message>: ns/a, ns/b", one per message. */
  errors: string[];
  /** Every Pod's decision, in input order (not part of the contract; the engine's trace reads it). */
  decisions: { pod: string; status: PodDeleteStatus }[];
}

const okay = (filter: string): PodDeleteStatus => ({ delete: true, reason: 'Okay', message: '', filter });
const skip = (filter: string): PodDeleteStatus => ({ delete: false, reason: 'Skip', message: '', filter });
const warning = (filter: string, del: boolean, message: string): PodDeleteStatus => ({ delete: del, reason: 'Warning', message, filter });
const error = (filter: string, message: string): PodDeleteStatus => ({ delete: false, reason: 'Error', message, filter });

/** metav1.GetControllerOf: the ownerReference with controller: true. */
export function controllerOf(pod: unknown): { apiVersion: string; kind: string; name: string; uid: string } | undefined {
  for (const ref of asList(asObject(asObject(pod)?.metadata)?.ownerReferences)) {
    const r = asObject(ref);
    if (r?.controller === true) return { apiVersion: asString(r.apiVersion), kind: asString(r.kind), name: asString(r.name), uid: asString(r.uid) };
  }
  return undefined;
}

function phaseOf(pod: unknown): string {
  return asString(asObject(asObject(pod)?.status)?.phase);
}

const finished = (pod: unknown) => phaseOf(pod) === 'Succeeded' || phaseOf(pod) === 'Failed';

/** hasLocalStorage: any volume with an emptyDir source. */
export function hasLocalStorage(pod: unknown): boolean {
  return asList(asObject(asObject(pod)?.spec)?.volumes).some((v) => asObject(v)?.emptyDir !== undefined && asObject(v)?.emptyDir !== null);
}

/** The namespace/name kubectl prints for a Pod. */
export function podKey(pod: unknown): string {
  const meta = asObject(asObject(pod)?.metadata);
  return `${asString(meta?.namespace)}/${asString(meta?.name)}`;
}

/**
 * GetPodsForDeletion over the Pods of one node: each Pod goes through
 * skipDeleted, daemonSet, mirrorPod, localStorage and unreplicated in that
 * order; warnings and errors are grouped by message as kubectl prints them.
 *
 * @example
 *   drainFilter([dsPod], { ignoreDaemonSets: false }, { daemonSets: [ds] })
 *   // { delete: [], warnings: [], errors: ['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/bar'] }
 */
export function drainFilter(pods: readonly unknown[], options: DrainFilterOptions = {}, cluster: DrainCluster = {}): DrainFilterResult {
  const opts = asObject(options) ?? {};
  const ignoreDaemonSets = opts.ignoreDaemonSets === true;
  const deleteEmptyDirData = opts.deleteEmptyDirData === true;
  const force = opts.force === true;
  const skipSeconds = typeof opts.skipWaitForDeleteTimeoutSeconds === 'number' ? opts.skipWaitForDeleteTimeoutSeconds : 0;
  const nowMs = toMs(asOptionalString(opts.now)) ?? DEFAULT_EPOCH_MS;
  const daemonSets = asList(asObject(cluster)?.daemonSets);

  const daemonSetExists = (namespace: string, name: string) =>
    daemonSets.some((ds) => {
      const meta = asObject(asObject(ds)?.metadata);
      return asString(meta?.name) === name && (asString(meta?.namespace) || 'default') === namespace;
    });

  // filters.go skipDeletedFilter / shouldSkipPod: int(now - deletionTimestamp).Seconds() > timeout.
  const skipDeleted = (pod: unknown): PodDeleteStatus => {
    const ts = toMs(asOptionalString(asObject(asObject(pod)?.metadata)?.deletionTimestamp));
    if (skipSeconds > 0 && ts !== null && Math.trunc((nowMs - ts) / 1000) > skipSeconds) return skip('skipDeletedFilter');
    return okay('skipDeletedFilter');
  };
  const daemonSet = (pod: unknown): PodDeleteStatus => {
    const ref = controllerOf(pod);
    if (ref === undefined || ref.kind !== 'DaemonSet') return okay('daemonSetFilter');
    if (finished(pod)) return okay('daemonSetFilter');
    const namespace = asString(asObject(asObject(pod)?.metadata)?.namespace);
    if (!daemonSetExists(namespace, ref.name)) {
      // The client's NotFound error text: daemonsets.apps "<name>" not found.
      const notFound = `daemonsets.apps ${JSON.stringify(ref.name)} not found`;
      return force ? warning('daemonSetFilter', true, notFound) : error('daemonSetFilter', notFound);
    }
    if (!ignoreDaemonSets) return error('daemonSetFilter', DAEMONSET_FATAL);
    return warning('daemonSetFilter', false, DAEMONSET_WARNING);
  };
  const mirrorPod = (pod: unknown): PodDeleteStatus => {
    const annotations = asObject(asObject(asObject(pod)?.metadata)?.annotations);
    if (annotations !== undefined && Object.prototype.hasOwnProperty.call(annotations, MIRROR_POD_ANNOTATION)) return skip('mirrorPodFilter');
    return okay('mirrorPodFilter');
  };
  const localStorage = (pod: unknown): PodDeleteStatus => {
    if (!hasLocalStorage(pod)) return okay('localStorageFilter');
    if (finished(pod)) return okay('localStorageFilter');
    if (!deleteEmptyDirData) return error('localStorageFilter', LOCAL_STORAGE_FATAL);
    return warning('localStorageFilter', true, LOCAL_STORAGE_WARNING);
  };
  const unreplicated = (pod: unknown): PodDeleteStatus => {
    if (finished(pod)) return okay('unreplicatedFilter');
    if (controllerOf(pod) !== undefined) return okay('unreplicatedFilter');
    if (force) return warning('unreplicatedFilter', true, UNMANAGED_WARNING);
    return error('unreplicatedFilter', UNMANAGED_FATAL);
  };
  const filters = [skipDeleted, daemonSet, mirrorPod, localStorage, unreplicated];

  const decisions: DrainFilterResult['decisions'] = [];
  for (const pod of pods) {
    let status = okay('none');
    for (const filter of filters) {
      status = filter(pod);
      if (!status.delete) break; // drain.go filterPods: short-circuit as soon as the Pod is filtered out
    }
    decisions.push({ pod: podKey(pod), status });
  }

  // PodDeleteList.Warnings and errors: group Pods by message (first-seen order; Go ranges a map).
  const group = (reason: PodDeleteReason) => {
    const byMessage = new Map<string, string[]>();
    for (const d of decisions) {
      if (d.status.reason !== reason) continue;
      const msg = reason === 'Error' && d.status.message === '' ? 'unexpected error' : d.status.message;
      const list = byMessage.get(msg) ?? [];
      list.push(d.pod);
      byMessage.set(msg, list);
    }
    return byMessage;
  };
  const warnings = [...group('Warning')].map(([msg, keys]) => `${msg}: ${keys.join(', ')}`);
  const errors = [...group('Error')].map(([msg, keys]) =>
    msg.toLowerCase().startsWith('cannot delete') ? `${msg}: ${keys.join(', ')}` : `cannot delete ${msg}: ${keys.join(', ')}`);
  const result = { delete: decisions.filter((d) => d.status.delete).map((d) => d.pod), warnings, errors } as DrainFilterResult;
  // The per-Pod decisions ride along for the engine's trace, out of the contract's shape (not enumerable).
  Object.defineProperty(result, 'decisions', { value: decisions, enumerable: false });
  return result;
}

// The selector used by the system default topology spreading: the union of the selectors
// of the Services that select the Pod and of its controlling ReplicaSet, StatefulSet or
// ReplicationController. src: pkg/scheduler/framework/plugins/helper/spread.go (DefaultSelector, GetPodServices)

import type { Cluster } from './cluster.ts';
import { Selector } from '../apimachinery/labels.ts';
import type { PodInfo } from './pod-info.ts';

/**
 * @example
 *   // A Service `selector: {app: web}` in the Pod's namespace, and the Pod has app=web:
 *   defaultSelector(pod, cluster).toString() // 'app=web'
 */
export function defaultSelector(pod: PodInfo, cluster: Cluster): Selector {
  const set: Record<string, string> = {};
  for (const svc of cluster.servicesIn(pod.namespace)) {
    if (svc.selector === null) continue;
    if (!Selector.fromSet(svc.selector).matches(pod.labels)) continue;
    Object.assign(set, svc.selector);
  }
  let selector = Selector.fromSet(set);
  const owner = pod.ownerRef;
  if (!owner) return selector;
  if (owner.apiVersion === 'v1' && owner.kind === 'ReplicationController') {
    const rc = cluster.workload('ReplicationController', pod.namespace, owner.name);
    if (rc?.selector.requirements) {
      for (const r of rc.selector.requirements) set[r.key] = r.values[0];
      selector = Selector.fromSet(set);
    }
  } else if (owner.apiVersion === 'apps/v1' && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet')) {
    const w = cluster.workload(owner.kind, pod.namespace, owner.name);
    if (w?.selector.requirements) selector = selector.add(w.selector.requirements);
  }
  return selector;
}

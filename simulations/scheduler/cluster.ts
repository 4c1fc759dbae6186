// The scheduler's view of the cluster: nodes with their Pods, plus the objects
// some plugins look up (namespaces, Services, ReplicaSets, StatefulSets).
// Like the scheduler cache snapshot (pkg/scheduler/backend/cache/snapshot.go),
// but updated in place on each bind, which is what the next Pod sees.

import type { Labels } from '../apimachinery/labels.ts';
import { Selector } from '../apimachinery/labels.ts';
import { NodeColumns } from './node-info.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodInfo } from './pod-info.ts';

export interface ServiceInfo {
  readonly namespace: string;
  readonly name: string;
  /** spec.selector; null selects nothing (helper.GetPodServices skips it). */
  readonly selector: Labels | null;
}

/** A workload the default spreading selector may come from (ReplicaSet, StatefulSet, ReplicationController). */
export interface WorkloadSelector {
  readonly kind: 'ReplicaSet' | 'StatefulSet' | 'ReplicationController';
  readonly namespace: string;
  readonly name: string;
  readonly selector: Selector;
}

export class Cluster {
  readonly byName = new Map<string, NodeInfo>();
  /** Image name → number of nodes that have it (ImageStateSummary.NumNodes). */
  readonly imageNodeCounts = new Map<string, number>();
  /** Count of bound Pods with required anti-affinity, cluster-wide (lets InterPodAffinity skip in O(1)). */
  podsWithRequiredAntiAffinity = 0;
  /** Count of bound Pods with any pod (anti-)affinity. */
  podsWithAffinity = 0;
  readonly services: ServiceInfo[];
  private readonly servicesByNamespace = new Map<string, ServiceInfo[]>();
  private readonly workloads = new Map<string, WorkloadSelector>();
  /** Static facts about the nodes that let plugins skip work (see Plugin.passesEveryNode). */
  readonly anyUnschedulable: boolean;
  readonly anyNoScheduleTaint: boolean;
  readonly anyPreferNoScheduleTaint: boolean;

  /** The nodes' numbers by row (row = position in `nodes`), for the hot loops. */
  readonly columns: NodeColumns;

  constructor(
    readonly nodes: readonly NodeInfo[],
    readonly namespaceLabels: ReadonlyMap<string, Labels>,
    services: readonly ServiceInfo[] = [],
    workloads: readonly WorkloadSelector[] = [],
  ) {
    this.columns = new NodeColumns(nodes);
    for (const node of nodes) {
      this.byName.set(node.name, node);
      for (const image of node.images.keys()) this.imageNodeCounts.set(image, (this.imageNodeCounts.get(image) ?? 0) + 1);
    }
    this.anyUnschedulable = nodes.some((n) => n.unschedulable);
    this.anyNoScheduleTaint = nodes.some((n) => n.noScheduleTaints.length > 0);
    this.anyPreferNoScheduleTaint = nodes.some((n) => n.preferNoScheduleTaints.length > 0);
    this.services = [...services];
    for (const s of services) {
      const list = this.servicesByNamespace.get(s.namespace) ?? [];
      list.push(s);
      this.servicesByNamespace.set(s.namespace, list);
    }
    for (const w of workloads) this.workloads.set(`${w.kind}/${w.namespace}/${w.name}`, w);
  }

  servicesIn(namespace: string): readonly ServiceInfo[] {
    return this.servicesByNamespace.get(namespace) ?? [];
  }

  workload(kind: string, namespace: string, name: string): WorkloadSelector | undefined {
    return this.workloads.get(`${kind}/${namespace}/${name}`);
  }

  /** Puts a Pod on a node (the scheduler cache's AssumePod, then the bind). */
  bind(pod: PodInfo, node: NodeInfo): void {
    node.addPod(pod);
    pod.node = node.name;
    if (pod.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity++;
    if (pod.hasAffinity) this.podsWithAffinity++;
  }

  /** Takes a Pod off its node (a deleted preemption victim). */
  unbind(pod: PodInfo): void {
    const node = this.byName.get(pod.node);
    if (!node || !node.removePod(pod)) return;
    pod.node = '';
    if (pod.requiredAntiAffinityTerms.length > 0) this.podsWithRequiredAntiAffinity--;
    if (pod.hasAffinity) this.podsWithAffinity--;
  }
}

// Builders shared by the scheduler's unit tests: plain Kubernetes JSON, like the manifests learners write.

import type { JsonObject } from '../shared/yaml.ts';
import { Cluster } from './cluster.ts';
import { readNode } from './node-info.ts';
import { readPod } from './pod-info.ts';
import type { PodInfo } from './pod-info.ts';

export interface TestPod {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  node?: string;
  cpu?: string;
  memory?: string;
  priority?: number;
  tolerations?: JsonObject[];
  nodeSelector?: Record<string, string>;
  affinity?: JsonObject;
  spread?: JsonObject[];
  extra?: JsonObject;
}

export function testPod(p: TestPod = {}): JsonObject {
  const requests: Record<string, string> = {};
  if (p.cpu) requests.cpu = p.cpu;
  if (p.memory) requests.memory = p.memory;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: p.name ?? 'p', ...(p.namespace ? { namespace: p.namespace } : {}), ...(p.labels ? { labels: p.labels } : {}) },
    spec: {
      containers: [{ name: 'app', image: 'nginx', ...(Object.keys(requests).length ? { resources: { requests } } : {}) }],
      ...(p.node ? { nodeName: p.node } : {}),
      ...(p.priority !== undefined ? { priority: p.priority } : {}),
      ...(p.tolerations ? { tolerations: p.tolerations } : {}),
      ...(p.nodeSelector ? { nodeSelector: p.nodeSelector } : {}),
      ...(p.affinity ? { affinity: p.affinity } : {}),
      ...(p.spread ? { topologySpreadConstraints: p.spread } : {}),
      ...(p.extra ?? {}),
    },
  };
}

export interface TestNode {
  name: string;
  labels?: Record<string, string>;
  cpu?: string;
  memory?: string;
  pods?: string;
  taints?: JsonObject[];
  unschedulable?: boolean;
}

export function testNode(n: TestNode): JsonObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, ...(n.labels ?? {}) } },
    spec: { ...(n.taints ? { taints: n.taints } : {}), ...(n.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: { cpu: n.cpu ?? '4', memory: n.memory ?? '8Gi', pods: n.pods ?? '110' } },
  };
}

/** A cluster with running Pods bound, and the compiled incoming Pod. */
export function clusterOf(nodes: JsonObject[], running: JsonObject[] = []): Cluster {
  const cluster = new Cluster(nodes.map((n, i) => readNode(n, i)), new Map([['default', { 'kubernetes.io/metadata.name': 'default' }]]));
  running.forEach((obj, i) => {
    const pod = readPod(obj, { arrival: i });
    cluster.bind(pod, cluster.byName.get(pod.specNodeName)!);
  });
  return cluster;
}

/** Compiles a Pod as written (no API server: nothing is defaulted or validated). */
export function podInfo(obj: JsonObject, arrival = 1000): PodInfo {
  return readPod(obj, { arrival });
}

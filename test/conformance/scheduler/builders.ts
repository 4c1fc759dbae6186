// Small builders mirroring upstream's test helpers (pkg/scheduler/testing/wrappers.go:
// st.MakePod(), st.MakeNode()), producing plain Kubernetes JSON for the public functions.

import type { JsonObject } from '../../../simulations/shared/yaml.ts';

export type Requests = Record<string, string>;

export interface PodSpecInput {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  node?: string;
  /** Each entry becomes one container with these requests (st.MakePod().Req(...)). */
  req?: Requests[];
  /** Init containers' requests; `sidecar` marks restartPolicy: Always. */
  init?: { req: Requests; sidecar?: boolean }[];
  overhead?: Requests;
  tolerations?: JsonObject[];
  nodeSelector?: Record<string, string>;
  affinity?: JsonObject;
  spread?: JsonObject[];
  images?: string[];
  initImages?: string[];
  ports?: { hostPort: number; protocol?: string; hostIP?: string }[];
  terminating?: boolean;
  priority?: number;
  owner?: { kind: string; name: string };
  /** Containers with no resources at all (st.MakePod().Container("c")). */
  emptyContainers?: number;
}

export function pod(p: PodSpecInput = {}): JsonObject {
  const containers: JsonObject[] = [];
  (p.req ?? []).forEach((r, i) => containers.push({ name: `c${i}`, resources: { requests: r } }));
  for (let i = 0; i < (p.emptyContainers ?? 0); i++) containers.push({ name: `e${i}` });
  (p.images ?? []).forEach((image, i) => containers.push({ name: `i${i}`, image }));
  if (p.ports) containers.push({ name: 'ports', ports: p.ports.map((x) => ({ containerPort: x.hostPort, ...x })) });
  const spec: JsonObject = { containers };
  if (p.init || p.initImages) {
    spec.initContainers = [
      ...(p.init ?? []).map((c, i) => ({ name: `init${i}`, resources: { requests: c.req }, ...(c.sidecar ? { restartPolicy: 'Always' } : {}) })),
      ...(p.initImages ?? []).map((image, i) => ({ name: `initimg${i}`, image })),
    ];
  }
  if (p.overhead) spec.overhead = p.overhead;
  if (p.node) spec.nodeName = p.node;
  if (p.tolerations) spec.tolerations = p.tolerations;
  if (p.nodeSelector) spec.nodeSelector = p.nodeSelector;
  if (p.affinity) spec.affinity = p.affinity;
  if (p.spread) spec.topologySpreadConstraints = p.spread;
  if (p.priority !== undefined) spec.priority = p.priority;
  const metadata: JsonObject = { name: p.name ?? 'p' };
  if (p.namespace) metadata.namespace = p.namespace;
  if (p.labels) metadata.labels = p.labels;
  if (p.terminating) metadata.deletionTimestamp = '2025-01-01T00:00:00Z';
  if (p.owner) metadata.ownerReferences = [{ apiVersion: 'apps/v1', kind: p.owner.kind, name: p.owner.name, controller: true }];
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
}

export interface NodeSpecInput {
  name?: string;
  labels?: Record<string, string>;
  /** Capacity = allocatable (st.MakeNode().Capacity). */
  capacity?: Record<string, string>;
  taints?: { key: string; value?: string; effect: string }[];
  unschedulable?: boolean;
  images?: { names: string[]; sizeBytes: number }[];
}

export function node(n: NodeSpecInput = {}): JsonObject {
  const status: JsonObject = {};
  if (n.capacity) {
    status.capacity = { ...n.capacity };
    status.allocatable = { ...n.capacity };
  }
  if (n.images) status.images = n.images;
  const spec: JsonObject = {};
  if (n.taints) spec.taints = n.taints;
  if (n.unschedulable) spec.unschedulable = true;
  return { apiVersion: 'v1', kind: 'Node', metadata: { name: n.name ?? '', ...(n.labels ? { labels: n.labels } : {}) }, spec, status };
}

/** makeNode(name, milliCPU, memory, extended) of noderesources' tests: allocatable in millicores and bytes. */
export function resNode(name: string, milliCPU: number, memory: number, extended: Record<string, number> = {}): JsonObject {
  const capacity: Record<string, string> = { cpu: `${milliCPU}m`, memory: String(memory), pods: '100' };
  for (const [k, v] of Object.entries(extended)) capacity[k] = String(v);
  return node({ name, capacity });
}

export const exists = (key: string) => ({ matchExpressions: [{ key, operator: 'Exists' }] });

// The kubelet's cgroup tree for the Pods on one node (cgroup v2, systemd driver, cgroupsPerQOS), and
// each cgroup's files.
// src (v1.36): pkg/kubelet/cm/node_container_manager_linux.go (kubepods from node allocatable),
//   pkg/kubelet/cm/qos_container_manager_linux.go setCPUCgroupConfig (besteffort 2 shares, burstable = Σ
//   burstable pods' cpu requests as shares; guaranteed pods sit directly under kubepods), setMemoryQoS
//   (TieredReservation: kubepods memory.min = Σ G+B requests, burstable memory.low = Σ B requests),
//   pkg/kubelet/cm/pod_container_manager_linux.go (pod<uid> cgroups, ResourceConfigForPod),
//   pkg/kubelet/cm/cgroup_manager_linux.go (systemd names: kubepods-burstable-pod<uid with _>.slice),
//   pkg/kubelet/kuberuntime/kuberuntime_container_linux.go calculateLinuxResources (the CRI resources of a
//   container: cpu_shares from the request, cpu_quota/cpu_period when cpuCFSQuota, memory_limit_in_bytes).
//   Container cgroups are created by the runtime: containerd's systemd cgroup is cri-containerd-<id>.scope.

import { getPodQOS, nanoOf } from '../apiserver/pod-qos.ts';
import type { PodLike, QOSClass } from '../apiserver/pod-qos.ts';
import { fakeHex } from '../kubelet/ids.ts';
import { cgroupV2Files, milliCPUToQuota, milliCPUToShares, podRequestUnits, resourceConfigForPod, MinShares } from './cgroups.ts';
import type { ResourceConfig, ResourceConfigOptions } from './cgroups.ts';

export interface CgroupNode {
  path: string;
  name: string;
  depth: number;
  /** Who writes the files: the kubelet (pod, QoS, kubepods) or the OCI runtime (containers). */
  writer: 'kubelet' | 'runtime';
  kind: 'kubepods' | 'qos' | 'pod' | 'container';
  pod?: string;
  container?: string;
  qosClass?: QOSClass;
  config: ResourceConfig;
  files: Record<string, string>;
}

export interface NodeSettings extends ResourceConfigOptions {
  allocatableMilliCPU: number;
  allocatableMemory: number;
}

const ceilDiv = (a: bigint, b: bigint): number => Number(a > 0n && (a / b) * b !== a ? a / b + 1n : a / b);
const milli = (v: unknown): number => ceilDiv(nanoOf(v), 1_000_000n);
const bytes = (v: unknown): number => ceilDiv(nanoOf(v), 1_000_000_000n);

interface PodObject extends PodLike { metadata?: { name?: unknown; namespace?: unknown; uid?: unknown } | null }

function podUid(pod: PodObject): string {
  const uid = pod.metadata?.uid;
  return typeof uid === 'string' && uid ? uid : `${fakeHex(`pod:${String(pod.metadata?.namespace ?? 'default')}/${String(pod.metadata?.name)}`, 32)}`;
}

/** The CRI LinuxContainerResources of one container, as the kubelet computes them. */
export function containerResourceConfig(container: { resources?: { requests?: Record<string, unknown> | null; limits?: Record<string, unknown> | null } | null }, settings: NodeSettings): ResourceConfig {
  const req = container.resources?.requests ?? {};
  const lim = container.resources?.limits ?? {};
  const cpuRequest = milli(req.cpu);
  const cpuLimit = milli(lim.cpu);
  // If request is not specified, but limit is, we want request to default to limit.
  const cpuShares = milliCPUToShares(cpuRequest === 0 && cpuLimit !== 0 ? cpuLimit : cpuRequest);
  const out: ResourceConfig = { cpuShares };
  const memLimit = bytes(lim.memory);
  if (memLimit) out.memory = memLimit;
  if (settings.enforceCPULimits) {
    out.cpuQuota = milliCPUToQuota(cpuLimit, settings.cpuPeriod);
    out.cpuPeriod = settings.cpuPeriod;
  }
  return out;
}

export function buildHierarchy(pods: PodObject[], settings: NodeSettings): CgroupNode[] {
  const nodes: CgroupNode[] = [];
  const kubepodsConfig: ResourceConfig = { cpuShares: milliCPUToShares(settings.allocatableMilliCPU), memory: settings.allocatableMemory };
  let burstableMilli = 0;
  let burstableMem = 0;
  let guaranteedMem = 0;
  const byClass = new Map<QOSClass, { pod: PodObject; qos: QOSClass }[]>([['Guaranteed', []], ['Burstable', []], ['BestEffort', []]]);
  for (const pod of pods) {
    const qos = getPodQOS(pod);
    byClass.get(qos)!.push({ pod, qos });
    // qos_container_manager_linux.go sums resource.PodRequests (init containers, sidecars and overhead included)
    const { cpu, memory: mem } = podRequestUnits(pod);
    if (qos === 'Burstable') { burstableMilli += cpu; burstableMem += mem; }
    if (qos === 'Guaranteed') guaranteedMem += mem;
  }
  const tiered = settings.enforceMemoryQoS && settings.memoryReservationPolicy === 'TieredReservation';
  if (tiered && guaranteedMem + burstableMem > 0) kubepodsConfig.unified = { 'memory.min': String(guaranteedMem + burstableMem) };
  const push = (n: Omit<CgroupNode, 'files' | 'name' | 'depth'>) => {
    const parts = n.path.split('/');
    nodes.push({ ...n, name: parts[parts.length - 1], depth: parts.length - 1, files: cgroupV2Files(n.config, { level: n.writer === 'runtime' ? 'container' : 'pod' }) });
  };
  push({ path: 'kubepods.slice', writer: 'kubelet', kind: 'kubepods', config: kubepodsConfig });
  const podNodes = (qos: QOSClass, parent: string, prefix: string) => {
    for (const { pod } of byClass.get(qos)!) {
      const uid = podUid(pod).replace(/-/g, '_');
      const path = `${parent}/${prefix}-pod${uid}.slice`;
      const name = `${String(pod.metadata?.namespace ?? 'default')}/${String(pod.metadata?.name)}`;
      push({ path, writer: 'kubelet', kind: 'pod', pod: name, qosClass: qos, config: resourceConfigForPod(pod, settings) });
      // sidecars (restartable init containers) keep running beside the app containers, each in its own scope
      const sidecars = (pod.spec?.initContainers ?? []).filter((c) => c?.restartPolicy === 'Always');
      for (const c of [...sidecars, ...(pod.spec?.containers ?? [])]) {
        const cname = String((c as { name?: unknown }).name ?? '');
        const id = fakeHex(`${uid}/${cname}/0`);
        push({ path: `${path}/cri-containerd-${id}.scope`, writer: 'runtime', kind: 'container', pod: name, container: cname, qosClass: qos, config: containerResourceConfig(c, settings) });
      }
    }
  };
  podNodes('Guaranteed', 'kubepods.slice', 'kubepods');
  const burstableConfig: ResourceConfig = { cpuShares: milliCPUToShares(burstableMilli) };
  if (tiered && burstableMem > 0) burstableConfig.unified = { 'memory.low': String(burstableMem) };
  push({ path: 'kubepods.slice/kubepods-burstable.slice', writer: 'kubelet', kind: 'qos', qosClass: 'Burstable', config: burstableConfig });
  podNodes('Burstable', 'kubepods.slice/kubepods-burstable.slice', 'kubepods-burstable');
  push({ path: 'kubepods.slice/kubepods-besteffort.slice', writer: 'kubelet', kind: 'qos', qosClass: 'BestEffort', config: { cpuShares: MinShares } });
  podNodes('BestEffort', 'kubepods.slice/kubepods-besteffort.slice', 'kubepods-besteffort');
  return nodes;
}
